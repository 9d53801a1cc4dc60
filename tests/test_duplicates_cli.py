"""Duplicates end to end: across files, related locations in text and JSON, the allow-list, CI failure."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from contentlint.cli import main

SHARED = ("Wash your hands with soap and warm water for at least twenty seconds before you touch "
          "the dressing or the skin around the wound.")
DISCLAIMER = "This page gives general information only and is not a substitute for advice from your own doctor or nurse."


def write(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(f"# Wound care\n\n{SHARED}\n\nKeep the dressing dry for two days after the operation, then change it daily.\n\n{DISCLAIMER}\n")
    (tmp_path / "b.md").write_text(f"# Drains\n\nEmpty the drain bottle twice a day and write down how much fluid there is.\n\n{SHARED.replace('warm', 'warm running')}\n\n{DISCLAIMER}\n")


def test_cross_file_duplicates_point_at_the_first_copy(tmp_path: Path) -> None:
    write(tmp_path)
    result = CliRunner().invoke(main, ["check", "--format", "json", "--select", "DU", str(tmp_path)])
    assert result.exit_code == 1
    files = {Path(f["path"]).name: f for f in json.loads(result.stdout)["files"]}
    assert files["a.md"]["findings"] == []
    found = {(f["code"], f["line"]) for f in files["b.md"]["findings"]}
    assert found == {("DU002", 5), ("DU001", 7)}
    related = files["b.md"]["findings"][0]["related"][0]
    assert Path(related["path"]).name == "a.md" and related["line"] in (3, 7)


def test_text_output_names_the_other_copy(tmp_path: Path) -> None:
    write(tmp_path)
    out = CliRunner().invoke(main, ["check", "--select", "DU001", str(tmp_path)]).stdout
    assert "b.md:7:1: error DU001" in out and f"[see {tmp_path / 'a.md'}:7:1]" in out


def test_allow_listed_boilerplate_gives_no_finding(tmp_path: Path) -> None:
    write(tmp_path)
    (tmp_path / ".contentlint.toml").write_text(f'duplicate-allow = ["{DISCLAIMER}"]\n')
    result = CliRunner().invoke(main, ["check", "--format", "json", "--select", "DU001", str(tmp_path)])
    assert result.exit_code == 0
    assert all(f["findings"] == [] for f in json.loads(result.stdout)["files"])


def test_allow_pattern(tmp_path: Path) -> None:
    write(tmp_path)
    (tmp_path / ".contentlint.toml").write_text('duplicate-allow = ["/this page gives general information.*/"]\n')
    result = CliRunner().invoke(main, ["check", "--select", "DU001", str(tmp_path)])
    assert result.exit_code == 0


def test_scope_file_ignores_copies_in_other_files(tmp_path: Path) -> None:
    write(tmp_path)
    (tmp_path / ".contentlint.toml").write_text('[rules.DU001]\nscope = "file"\n[rules.DU002]\nscope = "file"\n')
    result = CliRunner().invoke(main, ["check", "--select", "DU", str(tmp_path)])
    assert result.exit_code == 0
