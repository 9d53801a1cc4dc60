"""Small helpers shared by the tests: lint text or files through the public API."""

from __future__ import annotations

from pathlib import Path

import contentlint
from contentlint.engine.config import Settings
from contentlint.model.finding import Finding
from contentlint.model.result import Report as RunResult

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def lint_text(text: str, name: str = "article.md", select: tuple[str, ...] = (),
              settings: Settings | None = None) -> list[Finding]:
    """Lint ``text`` as if read from a file called ``name``; return its findings."""
    return contentlint.lint_text(text, name=name, select=select, settings=settings)


def lint_files(*paths: str | Path, settings: Settings | None = None, select: tuple[str, ...] = ()) -> RunResult:
    """Lint files or directories; return the whole run."""
    return contentlint.lint_paths(list(paths), settings=settings, select=select)
