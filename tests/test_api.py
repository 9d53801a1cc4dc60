"""The public API: ``contentlint.lint_text`` and ``contentlint.lint_paths``, and a cheap ``import contentlint``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import contentlint
from contentlint.api import LintError
from contentlint.engine.config import Settings


def test_import_contentlint_loads_nothing_else() -> None:
    code = ("import sys, contentlint; loaded = [m for m in ('contentlint.engine.run', 'contentlint.api', 'yaml', 'spacy')"
            " if m in sys.modules]; print(loaded)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "[]"


def test_lint_text_returns_the_findings_of_the_selection() -> None:
    findings = contentlint.lint_text("Exercise helps alot. Side affects are rare.", select=["spelling"])
    assert [(f.code, f.match, f.suggestion, f.column) for f in findings] == [
        ("SP003", "alot", "a lot", 16), ("SP012", "affect", "effect", 27)]
    assert contentlint.lint_text("Exercise helps alot.", select=["SP012"]) == []


def test_lint_text_with_settings_and_a_reader_chosen_by_name() -> None:
    settings = Settings(ignore=("SP003",))
    assert contentlint.lint_text("<p>Exercise helps alot.</p>", name="a.html", select=["SP003", "SP012"],
                                 settings=settings) == []
    html = contentlint.lint_text("<p>Exercise helps alot.</p>", name="a.html", select=["SP003"])
    assert [f.match for f in html] == ["alot"]


def test_lint_text_raises_when_the_text_cannot_be_read() -> None:
    with pytest.raises(LintError, match="big.md"):
        contentlint.lint_text("x" * 100, name="big.md", settings=Settings(max_file_size=10))


def test_lint_paths_runs_over_files(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Exercise helps alot.\n")
    (tmp_path / "b.md").write_text("Exercise helps a lot.\n")
    run = contentlint.lint_paths([tmp_path], select=["SP003"])
    assert {Path(r.path).name: [f.code for f in r.findings] for r in run.files} == {"a.md": ["SP003"], "b.md": []}
    assert run.exit_code() == 0  # warnings do not fail by default
