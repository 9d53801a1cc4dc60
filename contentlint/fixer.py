"""Safe automatic fixes: apply them to the text, show them as a diff, write files atomically.

Only fixes marked safe in their rule file reach here, and only for spans that stand verbatim in the
source, so code, front matter and comments are never touched. Writing goes to a temporary file in
the same directory, which is then renamed over the original: a crash never leaves half a file.
"""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .finding import Finding, Fix

BOM = "\ufeff"


class FixError(Exception):
    """A file could not be fixed; the message names the problem (the caller adds the path)."""


def apply_fixes(source: str, fixes: Sequence[Fix]) -> tuple[str, list[Fix]]:
    """Return ``source`` with non-overlapping ``fixes`` applied, and the fixes that were applied."""
    applied: list[Fix] = []
    pieces: list[str] = []
    position = 0
    for fix in sorted(set(fixes), key=lambda f: (f.start, f.end)):
        if fix.start < position:
            continue  # overlaps one already applied; the next run will pick it up
        pieces.append(source[position:fix.start])
        pieces.append(fix.replacement)
        position = fix.end
        applied.append(fix)
    pieces.append(source[position:])
    return "".join(pieces), applied


def fixable(findings: Sequence[Finding]) -> list[Fix]:
    """Return the fixes carried by ``findings``."""
    return [f.fix for f in findings if f.fix is not None]


def unified_diff(path: str, before: str, after: str) -> str:
    """Return a unified diff (``a/`` and ``b/`` prefixes) that ``patch -p1`` applies."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True),
        fromfile=f"a/{path}", tofile=f"b/{path}",
    )
    out = []
    for line in lines:
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


def write_atomic(path: Path, text: str, had_bom: bool) -> None:
    """Replace ``path`` with ``text`` (UTF-8, BOM kept) via a temporary file and a rename.

    The original's permission bits are kept. A read-only file is refused, not overwritten.
    """
    try:
        info = path.stat()
    except OSError as exc:
        raise FixError(f"cannot fix: {exc.strerror or exc}") from None
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise FixError("cannot fix: the file is read-only")
    data = ((BOM if had_bom else "") + text).encode("utf-8")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".contentlint", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, stat.S_IMODE(info.st_mode))
        os.replace(temporary, path)
    except OSError as exc:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise FixError(f"cannot fix: {exc.strerror or exc}") from None
