"""Every contentlint command in the README's code blocks runs as written, and its report is valid.

The commands are extracted from the README (``readme_examples``), so an example that stops working
fails here. Each runs in a fresh directory holding what the examples name (``content/``, ``docs/``,
``article.md``, ``draft.md``: copies of the samples). The pre-commit block is run by the real
pre-commit in ``test_precommit.py``.
"""

from __future__ import annotations

import json
import shlex
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from helpers import FIXTURES, REPO
from readme_examples import blocks, commands, example

from contentlint.cli import main
from contentlint.engine.config import settings_from_table

if __import__("sys").version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

GITHUB = set(commands(example("github")))
EXAMPLES = sorted({command for block in blocks() if block.lang in ("sh", "yaml") for command in commands(block.body)})


def test_the_readme_has_the_examples_the_issue_asks_for() -> None:
    assert commands(example("github")) and commands(example("gitlab"))
    assert "repo: local" in example("pre-commit")  # run by test_precommit.py
    assert len(EXAMPLES) >= 20


def _workspace(root: Path) -> None:
    for name in ("content", "docs", "samples"):
        shutil.copytree(REPO / "samples", root / name)
    shutil.copy(REPO / "samples" / "stem-cell-clinic.md", root / "article.md")
    shutil.copy(REPO / "samples" / "clean-article.md", root / "draft.md")


def _validate(path: Path, fmt: str) -> None:
    text = path.read_text(encoding="utf-8")
    if fmt == "sarif":
        schema = json.loads((FIXTURES / "sarif" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
        jsonschema.Draft4Validator(schema).validate(json.loads(text))
    elif fmt == "junit":
        assert ET.fromstring(text).tag == "testsuites"
    elif fmt in ("gitlab", "json"):
        json.loads(text)
    elif fmt == "html":
        assert text.startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("command", EXAMPLES)
def test_readme_command(command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _workspace(tmp_path)
    monkeypatch.chdir(tmp_path)
    stdin = None
    if "|" in command:
        source, command = (part.strip() for part in command.split("|", 1))
        assert source.startswith("cat ")
        stdin = (tmp_path / source.split()[1]).read_text(encoding="utf-8")
    words = shlex.split(command)
    words = words[3:] if words[:3] == ["python", "-m", "contentlint"] else words[1:]
    env = {"GITHUB_ACTIONS": "true"} if command in GITHUB else {}
    result = CliRunner().invoke(main, words, input=stdin, env=env, catch_exceptions=False)
    expected = {0} if "--exit-zero" in words or words[0] in ("rules", "explain", "init", "--help") else {0, 1}
    assert result.exit_code in expected, (command, result.output)
    if "-o" in words:
        fmt = words[words.index("--format") + 1] if "--format" in words else "text"
        _validate(tmp_path / words[words.index("-o") + 1], fmt)
    if command in GITHUB:
        assert result.stdout.startswith("::"), "GitHub Actions shows annotations"
    if words[0] == "init":
        assert (tmp_path / ".contentlint.toml").is_file()


def test_readme_configuration_examples_are_valid() -> None:
    tables = [tomllib.loads(block.body) for block in blocks() if block.lang == "toml"]
    assert tables
    for table in tables:
        settings_from_table(table["tool"]["contentlint"], "README", None)
