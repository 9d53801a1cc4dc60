"""Small helpers shared by the tests: lint text or files and get findings back."""

from __future__ import annotations

from pathlib import Path

from contentlint.config import Settings
from contentlint.finding import Finding
from contentlint.run import RunResult, build_rules, lint_paths

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def lint_text(text: str, name: str = "article.md", select: tuple[str, ...] = (),
              settings: Settings | None = None) -> list[Finding]:
    """Lint ``text`` as if read from a file called ``name``; return its findings."""
    settings = settings or Settings()
    rules = build_rules(settings, list(select))
    run = lint_paths([], settings, rules, stdin=text.encode("utf-8"), stdin_name=name)
    assert not run.files[0].error, run.files[0].error
    return run.files[0].findings


def lint_files(*paths: str | Path, settings: Settings | None = None, select: tuple[str, ...] = ()) -> RunResult:
    """Lint files or directories; return the whole run."""
    settings = settings or Settings()
    return lint_paths([str(p) for p in paths], settings, build_rules(settings, list(select)))
