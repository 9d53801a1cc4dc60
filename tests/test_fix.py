"""--fix and --diff: safe fixes only, byte-exact elsewhere, atomic writes, a diff that patch applies."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from contentlint.cli import main

ORIGINAL = (
    "\ufeff---\r\ntitle: We could of known\r\n---\r\n\r\n"
    "# Caf\u00e9 notes\r\n\r\n"
    "Patients could of asked sooner, and alot of them did. Na\u00efve readers should of checked.\r\n\r\n"
    "```\r\nthe code could of stayed\r\n```\r\n\r\n"
    "<!-- a comment that could of stayed -->\r\n\r\n"
    "You will get use to the inhaler \U0001f642 quickly.\r\n"
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.md"
    path.write_bytes(ORIGINAL.encode("utf-8"))
    return path


def test_fix_round_trip(article: Path) -> None:
    code, _, err = run("check", "--fix", "--select", "spelling", str(article))
    assert "fixed" in err
    after = article.read_bytes().decode("utf-8")
    assert after.startswith("\ufeff") and after.count("\r\n") == ORIGINAL.count("\r\n")
    assert "Patients could have asked sooner, and a lot of them did. Na\u00efve readers should have checked." in after
    assert "get used to the inhaler \U0001f642" in after
    # Front matter, code and comments are never touched.
    assert "title: We could of known" in after
    assert "the code could of stayed" in after and "comment that could of stayed" in after
    # A second run finds nothing left to fix.
    assert run("check", "--diff", "--select", "spelling", str(article))[0] == 0


def test_fix_touches_only_the_fixed_spans(article: Path) -> None:
    run("check", "--fix", "--select", "spelling", str(article))
    expected = (
        ORIGINAL.replace("Patients could of", "Patients could have")
        .replace("alot of them", "a lot of them")
        .replace("should of checked", "should have checked")
        .replace("get use to", "get used to")
    )
    assert article.read_bytes() == expected.encode("utf-8")


def test_fix_keeps_permissions(article: Path) -> None:
    article.chmod(0o640)
    run("check", "--fix", "--select", "spelling", str(article))
    assert stat.S_IMODE(article.stat().st_mode) == 0o640


def test_read_only_file_is_refused_and_left_alone(article: Path) -> None:
    article.chmod(0o444)
    code, out, _ = run("check", "--fix", "--select", "spelling", str(article))
    assert code == 2
    # Issue 15: the refusal is a finding, and the file's other findings are kept in the report.
    assert f"{article}:1:1: error CL006 cannot fix: the file is read-only" in out
    assert "SP002" in out and "SP003" in out
    assert article.read_bytes() == ORIGINAL.encode("utf-8")


def test_unchanged_file_is_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "clean.md"
    path.write_text("Nothing to fix here at all.\n")
    before = path.stat().st_mtime_ns
    run("check", "--fix", str(path))
    assert path.stat().st_mtime_ns == before


@pytest.mark.skipif(shutil.which("patch") is None, reason="the patch program is not installed")
def test_diff_applies_with_patch(article: Path, tmp_path: Path) -> None:
    # Run from the file's directory so the diff's paths are relative, as a user would.
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        # Bytes, not click's text output, which folds CRLF to LF.
        result = CliRunner().invoke(main, ["check", "--diff", "--select", "spelling", "article.md"])
    finally:
        os.chdir(cwd)
    diff = result.stdout_bytes
    assert result.exit_code == 1 and diff.startswith(b"--- a/article.md\n+++ b/article.md\n")
    assert article.read_bytes() == ORIGINAL.encode("utf-8")  # --diff writes nothing
    fixed = tmp_path / "fixed"
    fixed.mkdir()
    shutil.copy(article, fixed / "article.md")
    subprocess.run(["patch", "-p1", "--binary"], input=diff, cwd=fixed, check=True, capture_output=True)
    run("check", "--fix", "--select", "spelling", str(article))
    assert (fixed / "article.md").read_bytes() == article.read_bytes()
