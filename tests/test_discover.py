"""File discovery (issue 12): .gitignore and .contentlintignore, globs, unknown extensions, MDX."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner

from contentlint.cli import main
from contentlint.engine.discover import Discovery, discover

GOOD = "Patients could of asked sooner.\n"


def run(*args: str, cwd: Path) -> tuple[int, str, str]:
    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def _site(tmp_path: Path) -> Path:
    """A repository with ignored build output, an ignored draft, a re-included one and a nested .gitignore."""
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / ".gitignore").write_text("build/\n*.draft.md\n!keep.draft.md\n")
    for name in ("index.md", "build/index.md", "x.draft.md", "keep.draft.md", "docs/page.mdx", "docs/tmp/scratch.md",
                 "docs/notes.md"):
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(GOOD)
    (repo / "docs" / ".gitignore").write_text("tmp/\n")
    (repo / "docs" / ".contentlintignore").write_text("notes.md\n")
    return repo


def _found(paths: list[str], root: Path, **kwargs: object) -> list[str]:
    return sorted(Path(p).relative_to(root).as_posix() for p, problem in discover(paths, [], root, **kwargs)
                  if problem is None)


def test_walking_honours_gitignore_and_contentlintignore(tmp_path: Path) -> None:
    repo = _site(tmp_path)
    assert _found([str(repo)], repo) == ["docs/page.mdx", "index.md", "keep.draft.md"]


def test_gitignore_above_the_walked_folder_applies_inside_the_repository(tmp_path: Path) -> None:
    repo = _site(tmp_path)
    (repo / "docs" / "old.draft.md").write_text(GOOD)
    assert _found([str(repo / "docs")], repo) == ["docs/page.mdx"]


def test_no_respect_gitignore_includes_ignored_files_but_not_contentlintignore(tmp_path: Path) -> None:
    repo = _site(tmp_path)
    found = _found([str(repo)], repo, respect_gitignore=False)
    assert found == ["build/index.md", "docs/page.mdx", "docs/tmp/scratch.md", "index.md", "keep.draft.md",
                     "x.draft.md"]
    code, out, _ = run("check", "--no-respect-gitignore", ".", cwd=repo)
    assert "build/index.md" in out and "docs/notes.md" not in out
    code, out, _ = run("check", ".", cwd=repo)
    assert "build/index.md" not in out and "index.md" in out


def test_respect_gitignore_can_be_turned_off_in_configuration(tmp_path: Path) -> None:
    repo = _site(tmp_path)
    (repo / ".contentlint.toml").write_text("respect-gitignore = false\n")
    _, out, _ = run("check", ".", cwd=repo)
    assert "build/index.md" in out


def test_a_file_named_explicitly_is_linted_even_if_ignored(tmp_path: Path) -> None:
    repo = _site(tmp_path)
    _, out, _ = run("check", "build/index.md", cwd=repo)
    assert "build/index.md:1:10: warning SP002" in out


def test_quoted_globs_are_expanded(tmp_path: Path) -> None:
    repo = _site(tmp_path)
    code, out, err = run("check", "docs/*.md*", cwd=repo)
    assert "docs/page.mdx" in out and "docs/notes.md" not in out  # .contentlintignore still applies
    code, out, err = run("check", "**/*.md", cwd=repo)
    assert "index.md" in out and "keep.draft.md" in out and "docs/tmp/scratch.md" not in out
    assert "x.draft.md" not in out
    code, _, err = run("check", "nothing/*.md", cwd=repo)
    assert code == 2 and "nothing/*.md: error CL001 no such file or directory (the pattern matched nothing)" in err


def test_unknown_extensions_named_explicitly_are_reported_once(tmp_path: Path) -> None:
    for name in ("notes.rst", "more.rst", "script.py", "a.md"):
        (tmp_path / name).write_text(GOOD)
    code, out, err = run("check", "notes.rst", "more.rst", "script.py", "a.md", cwd=tmp_path)
    assert err.count("CL009") == 2
    assert "CL009 skipped 2 files with extension '.rst'" in err and "notes.rst, more.rst" in err
    assert "CL009 skipped 1 file with extension '.py'" in err
    assert "notes.rst" not in out and "a.md:1:10" in out
    assert code == 0


def test_discovery_collects_notices_through_the_api(tmp_path: Path) -> None:
    (tmp_path / "x.rst").write_text(GOOD)
    discovery = Discovery()
    assert list(discover([str(tmp_path / "x.rst")], [], tmp_path, discovery=discovery)) == []
    assert discovery.notices() and "x.rst" in discovery.notices()[0]


def test_mdx_files_are_discovered(tmp_path: Path) -> None:
    (tmp_path / "page.mdx").write_text(GOOD)
    assert _found([str(tmp_path)], tmp_path) == ["page.mdx"]


def test_a_file_named_twice_is_linted_once(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(GOOD)
    assert _found([str(tmp_path / "a.md"), str(tmp_path), str(tmp_path / "*.md")], tmp_path) == ["a.md"]
