"""Find the files to lint: recurse into directories, keep known formats, honour exclude globs."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath

from .document import FORMATS

# Directories that never hold articles worth linting and can be huge.
_SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache",
              ".pytest_cache", "site-packages"}


def is_excluded(path: Path, patterns: Sequence[str], root: Path) -> bool:
    """Return whether ``path`` matches an exclude glob (against its path relative to ``root``)."""
    if not patterns:
        return False
    try:
        relative = PurePosixPath(path.resolve().relative_to(root.resolve()).as_posix())
    except ValueError:
        relative = PurePosixPath(path.as_posix())
    text = str(relative)
    return any(
        fnmatch.fnmatch(text, pattern) or fnmatch.fnmatch(path.name, pattern)
        or any(fnmatch.fnmatch(part, pattern.rstrip("/")) for part in relative.parts[:-1])
        or text.startswith(pattern.rstrip("/") + "/")
        for pattern in patterns
    )


def discover(paths: Sequence[str], exclude: Sequence[str], root: Path) -> Iterator[tuple[str, str | None]]:
    """Yield ``(path, problem)`` for every file to lint; ``problem`` is set for a missing path.

    Files named explicitly are always linted (a pre-commit hook passes them one by one); files found
    by recursion must have a known extension and must not be excluded.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found: list[str] = []
            for directory, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
                for name in sorted(files):
                    candidate = Path(directory) / name
                    if candidate.suffix.lower() in FORMATS and not is_excluded(candidate, exclude, root):
                        found.append(str(candidate))
            yield from ((f, None) for f in sorted(found))
        elif path.exists() or path.is_symlink():
            if not is_excluded(path, exclude, root):
                yield given, None
        else:
            yield given, "no such file or directory"
