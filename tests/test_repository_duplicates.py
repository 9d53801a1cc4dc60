"""Duplicates against the repository: linting some files of a git work tree (as pre-commit does)
also compares them with the repository's other tracked content files, which are never reported on."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from contentlint.cli import main
from contentlint.engine.corpus import repository_files

PARAGRAPH = ("Adults with type 2 diabetes should check their feet every day for cuts, blisters and "
             "swelling, because nerve damage can hide a wound until it becomes infected.")
OTHER = "Drink water through the day, and more when it is hot or when you exercise hard outdoors for long."

GIT = shutil.which("git")
pytestmark = pytest.mark.skipif(GIT is None, reason="git is not installed")


def git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git work tree with one committed article; the working directory is its root."""
    root = tmp_path / "content"
    (root / "articles").mkdir(parents=True)
    git(root, "init", "-q")
    (root / "articles" / "feet.md").write_text(f"# Foot care\n\n{PARAGRAPH}\n")
    (root / "articles" / "water.md").write_text(f"# Water\n\n{OTHER}\n")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "articles")
    monkeypatch.chdir(root)
    return root


def check(*args: str) -> tuple[int, list[dict]]:
    result = CliRunner().invoke(main, ["check", "--format", "json", "--select", "DU", *args], catch_exceptions=False)
    document = json.loads(result.stdout)
    return result.exit_code, [dict(f, path=e["path"]) for e in document["files"] for f in e["findings"]]


def test_copy_of_a_committed_paragraph_is_found(repo: Path) -> None:
    (repo / "new.md").write_text(f"# New\n\nIntro line here.\n\n{PARAGRAPH}\n")
    code, findings = check("new.md")
    assert code == 1
    [finding] = findings
    assert finding["path"] == "new.md" and finding["code"] == "DU001" and finding["line"] == 5
    assert finding["related"][0]["path"] == os.path.join("articles", "feet.md")
    assert finding["related"][0]["line"] == 3


def test_scope_files_by_flag_and_by_configuration(repo: Path) -> None:
    (repo / "new.md").write_text(f"{PARAGRAPH}\n")
    assert check("--duplicate-scope", "files", "new.md") == (0, [])
    (repo / ".contentlint.toml").write_text('duplicate-scope = "files"\n')
    assert check("new.md") == (0, [])
    assert check("--duplicate-scope", "repository", "new.md")[0] == 1


def test_bad_scope_in_configuration_is_an_error(repo: Path) -> None:
    (repo / ".contentlint.toml").write_text('duplicate-scope = "everything"\n')
    result = CliRunner().invoke(main, ["check", "articles/feet.md"])
    assert result.exit_code == 2 and "duplicate-scope" in result.stderr


def test_other_files_are_never_reported_and_untracked_files_not_indexed(repo: Path) -> None:
    (repo / "articles" / "copy-of-feet.md").write_text(f"{PARAGRAPH}\n")  # untracked
    (repo / "new.md").write_text(f"{OTHER}\n")
    code, findings = check("new.md")
    assert code == 1 and [f["path"] for f in findings] == ["new.md"]
    assert findings[0]["related"][0]["path"] == os.path.join("articles", "water.md")
    assert os.path.join("articles", "copy-of-feet.md") not in repository_files(["new.md"])


def test_excluded_files_are_not_indexed(repo: Path) -> None:
    (repo / ".contentlint.toml").write_text('exclude = ["articles/*"]\n')
    (repo / "new.md").write_text(f"{PARAGRAPH}\n")
    assert check("new.md") == (0, [])


def test_whole_repository_run_is_unchanged(repo: Path) -> None:
    # Every tracked file is linted: nothing is left to index, and each copy is reported once.
    (repo / "articles" / "again.md").write_text(f"{PARAGRAPH}\n")
    git(repo, "add", ".")
    code, findings = check("articles/")
    assert code == 1 and len(findings) == 1
    assert findings[0]["path"] == os.path.join("articles", "feet.md")  # after again.md in path order
    assert findings[0]["related"][0]["path"] == os.path.join("articles", "again.md")


def test_outside_a_repository_or_without_git_the_scope_is_the_files(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.md").write_text(f"{PARAGRAPH}\n")
    monkeypatch.chdir(tmp_path)
    assert repository_files(["a.md"]) == []
    assert check("a.md") == (0, [])


def test_without_git_the_scope_is_the_files(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (repo / "new.md").write_text(f"{PARAGRAPH}\n")
    monkeypatch.setenv("PATH", str(repo / "no-git-here"))
    assert repository_files(["new.md"]) == []
    assert check("new.md") == (0, [])
