"""The README's pre-commit set-up, run by the real pre-commit in a temporary git repository.

pre-commit passes only the staged files; the hook must still refuse a new article that copies a
paragraph of a committed one (naming both files), pass a clean article, and show a passing commit's
warnings when ``verbose: true`` is set, as the README says. The hook is ``repo: local`` with
``language: system``, so pre-commit clones and installs nothing: it runs the contentlint on PATH,
this virtual environment's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from readme_examples import example

PARAGRAPH = ("Adults with type 2 diabetes should check their feet every day for cuts, blisters and "
             "swelling, because nerve damage can hide a wound until it becomes infected.")
CLEAN = "# Walking\n\nWalk for ten minutes after each meal. Wear shoes that fit well.\n"
WARNING = "# Advice\n\nYou should of asked your nurse before you stopped the tablets.\n"

_BLOCK_NETWORK = """
import socket
def _refuse(*args, **kwargs):
    raise OSError("network access is blocked in contentlint's tests")
socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
"""

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


class Repo:
    """A temporary git repository with the README's hook configuration."""

    def __init__(self, root: Path, config: str) -> None:
        self.root = root
        bin_dir = str(Path(sys.executable).parent)
        self.env = {
            **os.environ,
            "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
            "PRE_COMMIT_HOME": str(root.parent / "pre-commit-home"),
            "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
            "NO_COLOR": "1",
        }
        self.env.pop("GITHUB_ACTIONS", None)
        # Every Python process started here (pre-commit, then contentlint) has its sockets blocked,
        # which proves the hook needs no network: nothing is cloned, installed or downloaded.
        blocker = root.parent / "netblock"
        blocker.mkdir(exist_ok=True)
        (blocker / "sitecustomize.py").write_text(_BLOCK_NETWORK)
        self.env["PYTHONPATH"] = str(blocker)
        root.mkdir()
        self.git("init", "-q")
        (root / ".pre-commit-config.yaml").write_text(config)
        (root / "articles").mkdir()
        (root / "articles" / "feet.md").write_text(f"# Foot care\n\n{PARAGRAPH}\n")
        self.git("add", ".")
        self.git("commit", "-q", "-m", "first article")

    def git(self, *args: str) -> None:
        subprocess.run(["git", *args], cwd=self.root, env=self.env, check=True, capture_output=True)

    def stage(self, name: str, text: str) -> None:
        (self.root / name).write_text(text)
        self.git("add", name)

    def unstage(self, name: str) -> None:
        self.git("rm", "-q", "--cached", name)
        (self.root / name).unlink()

    def hook(self) -> tuple[int, str]:
        """Run the hooks on the staged files, as ``git commit`` would."""
        done = subprocess.run([sys.executable, "-m", "pre_commit", "run", "--color", "never"], cwd=self.root,
                              env=self.env, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
        return done.returncode, done.stdout + done.stderr


@pytest.fixture
def config() -> str:
    text = example("pre-commit")
    assert "repo: local" in text and "language: system" in text and "verbose: true" in text
    return text


def test_copy_of_a_committed_paragraph_is_refused_and_names_both_files(tmp_path: Path, config: str) -> None:
    repo = Repo(tmp_path / "content", config)
    repo.stage("new-article.md", f"# New\n\nA short introduction to the topic.\n\n{PARAGRAPH}\n")
    code, out = repo.hook()
    print(out)
    assert code == 1, out
    assert "network access" not in out
    assert "DU001" in out and "new-article.md" in out and "articles/feet.md" in out

    # The same through git itself, with the hook installed as a user would.
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo.root, env=repo.env, check=True,
                   capture_output=True)
    commit = subprocess.run(["git", "commit", "-m", "copy"], cwd=repo.root, env=repo.env, capture_output=True,
                            text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert commit.returncode != 0 and "articles/feet.md" in commit.stdout + commit.stderr


def test_clean_article_passes_the_hook_and_commits(tmp_path: Path, config: str) -> None:
    # Apart from the refusal above, so that the two halves run on separate xdist workers.
    repo = Repo(tmp_path / "content", config)
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo.root, env=repo.env, check=True,
                   capture_output=True)
    repo.stage("walking.md", CLEAN)
    code, out = repo.hook()
    assert code == 0, out
    assert "Passed" in out
    commit = subprocess.run(["git", "commit", "-m", "walking"], cwd=repo.root, env=repo.env, capture_output=True,
                            text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert commit.returncode == 0, commit.stdout + commit.stderr


def test_warnings_are_shown_with_verbose(tmp_path: Path, config: str) -> None:
    repo = Repo(tmp_path / "verbose", config)
    repo.stage("advice.md", WARNING)
    code, out = repo.hook()
    assert code == 0, out  # a warning does not refuse the commit with --fail-on error
    assert "warning SP002" in out and "advice.md" in out


def test_warnings_are_not_shown_without_verbose(tmp_path: Path, config: str) -> None:
    quiet_config = "\n".join(line for line in config.splitlines() if "verbose:" not in line) + "\n"
    repo = Repo(tmp_path / "silent", quiet_config)
    repo.stage("advice.md", WARNING)
    code, out = repo.hook()
    assert code == 0, out
    assert "SP002" not in out  # what the README warns about: without verbose the warning is never seen


def test_published_hook_matches_the_local_one(config: str) -> None:
    """``.pre-commit-hooks.yaml`` (used with a hosted ``repo:``) runs what the README's local hook runs."""
    import yaml
    from helpers import REPO

    [published] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [local] = yaml.safe_load(config)["repos"][0]["hooks"]
    assert published["id"] == local["id"] == "contentlint"
    for key in ("entry", "types_or", "require_serial"):
        assert published[key] == local[key], key
    assert published["language"] == "python"  # pre-commit installs contentlint from the hosted repository
