"""The small commands a new user trips on: ``init``, ``rules --format json``, ``explain`` with prefixes,
names and yes/no."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import REPO

from contentlint.cli import main
from contentlint.engine.config import find_config, load_settings
from contentlint.engine.run import build_rules


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_init_writes_a_valid_commented_starter_and_refuses_to_overwrite(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("init")
    assert code == 0 and ".contentlint.toml" in out
    written = (tmp_path / ".contentlint.toml").read_text(encoding="utf-8")
    assert written.count("\n#") >= 10 and "[tool.contentlint]" in written
    settings = load_settings(find_config(tmp_path))
    assert settings.duplicate_scope == "repository" and str(settings.fail_on) == "error"
    assert {"DU001", "MC001", "SP001", "RD001", "PL001"} <= set(build_rules(settings))
    code, _, err = run("init")
    assert code == 2 and "already exists" in err
    assert (tmp_path / ".contentlint.toml").read_text(encoding="utf-8") == written


def test_init_into_pyproject(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "articles"\n')
    assert run("init", "--pyproject")[0] == 0
    text = (tmp_path / "pyproject.toml").read_text(encoding="utf-8")
    assert text.startswith('[project]\nname = "articles"\n') and "[tool.contentlint]" in text
    assert load_settings(tmp_path / "pyproject.toml").profile == "general"
    code, _, err = run("init", "--pyproject")
    assert code == 2 and "already has" in err


def test_rules_as_json() -> None:
    code, out, _ = run("rules", "--format", "json")
    assert code == 0
    rules = json.loads(out)
    codes = [r["code"] for r in rules]
    assert codes == sorted(codes)
    assert {p.name.split("-")[0] for p in (REPO / "rules").glob("*/[A-Z][A-Z][0-9][0-9][0-9]-*.yaml")} <= set(codes)
    mc001 = next(r for r in rules if r["code"] == "MC001")
    assert mc001["pack"] == "claims" and mc001["level"] == "warning" and mc001["why"] and mc001["bad"]
    spelling = json.loads(run("rules", "--format", "json", "--pack", "spelling")[1])
    assert spelling and all(r["pack"] == "spelling" for r in spelling)


@pytest.mark.parametrize("selector", ["MC", "mc", "claims"])
def test_explain_a_prefix_or_pack_lists_its_rules(selector: str) -> None:
    code, out, _ = run("explain", selector)
    assert code == 0
    listed = [line.split()[0] for line in out.splitlines() if line.startswith("  ")]
    assert listed == ["MC001", "MC002", "MC003", "MC004"]


def test_explain_by_name_and_yes_no() -> None:
    code, out, _ = run("explain", "unhedged-claim")
    assert code == 0 and out.startswith("MC001 unhedged-claim")
    assert "True" not in out and "False" not in out
    assert "claim-verbs-need-agent = yes" in out
    assert 'mode = "exact"' in run("explain", "DU001")[1]
    code, _, err = run("explain", "ZZ")
    assert code == 2 and "unknown rule" in err
