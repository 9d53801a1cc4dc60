"""Safe automatic fixes: apply them to the text, show them as a diff, write files atomically.

Only fixes marked safe in their rule file reach here, and only for spans that stand verbatim in the
source, so code, front matter and comments are never touched. Writing goes to a temporary file in
the same directory, which is then renamed over the original: a crash never leaves half a file.

Before the rename the file is checked again against what was read (size, modification time and a
SHA-256 of the content): a file changed meanwhile (an editor's save, an append) is left alone and
reported. A symlink's target is fixed, not the link; owner, group and mode are kept; a file with
several hard links is rewritten in place, so that every link sees the fix (see :func:`write_fixed`).
Temporary files are removed if the run is interrupted (``KeyboardInterrupt``, ``SystemExit`` from
the SIGTERM handler) and :func:`remove_temporaries` removes any left by a signal mid-write.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import stat
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import replace
from glob import escape as glob_escape
from pathlib import Path

from contentlint.model import codes as engine_codes
from contentlint.model.finding import Finding, Fix
from contentlint.model.result import FileResult, FileSnapshot

BOM = "\ufeff"


class FixError(Exception):
    """A file could not be fixed; the message names the problem (the caller adds the path)."""


# Temporary files being written right now; removed on interruption (see remove_temporaries).
_LIVE: set[str] = set()


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


def remove_temporaries() -> None:
    """Remove temporary files of writes still in progress (called from signal handlers)."""
    for temporary in list(_LIVE):
        try:
            os.unlink(temporary)
        except OSError:
            pass
        _LIVE.discard(temporary)


def _changed(path: Path, snapshot: FileSnapshot | None) -> bool:
    """Whether ``path`` differs from ``snapshot`` (size and mtime first, then the content's hash)."""
    if snapshot is None:
        return False
    info = os.stat(path)
    if info.st_size != snapshot.size or info.st_mtime_ns != snapshot.mtime_ns:
        return True
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read(snapshot.size + 1)).hexdigest() != snapshot.sha256


def write_fixed(path: Path, text: str, had_bom: bool, snapshot: FileSnapshot | None = None) -> None:
    """Write the fixed ``text`` to ``path`` safely; raise ``FixError`` naming why it was not written.

    * A symlink is followed: its target is fixed and the link stays a link.
    * A read-only file is refused; so is a file that changed since ``snapshot`` was taken (checked
      again just before the rename, so an editor's save or an append in the meantime is not lost).
    * Mode, owner and group are copied onto the temporary file before it replaces the original.
      When the owner cannot be kept (not root), or the file has several hard links, the file is
      rewritten in place instead of replaced: a rename would break the links or take the file over.
      An in-place write is not atomic, but it starts only after the same checks.
    """
    target = Path(os.path.realpath(path))
    try:
        info = os.stat(target)
    except OSError as exc:
        raise FixError(f"cannot fix: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise FixError("cannot fix: not a regular file")
    if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise FixError("cannot fix: the file is read-only (its findings are listed; make it writable to fix them)")
    data = ((BOM if had_bom else "") + text).encode("utf-8")
    try:
        if _changed(target, snapshot):
            raise FixError("not fixed: the file changed on disk after it was read (run contentlint again)")
        if info.st_nlink > 1:
            _write_in_place(target, data)
            return
        _replace(target, data, info, snapshot)
    except OSError as exc:
        raise FixError(f"cannot fix: {exc.strerror or exc}") from None


def _write_in_place(target: Path, data: bytes) -> None:
    """Overwrite ``target``'s content through its own inode (hard links and owner stay as they are)."""
    handle = os.open(target, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        view = memoryview(data)
        while view:
            written = os.write(handle, view)
            view = view[written:]
        os.ftruncate(handle, len(data))
        os.fsync(handle)
    finally:
        os.close(handle)


def _replace(target: Path, data: bytes, info: os.stat_result, snapshot: FileSnapshot | None) -> None:
    """Write ``data`` to a temporary file beside ``target`` and rename it over ``target``."""
    _remove_stale(target)
    # The process id in the name lets a later run tell a file left by a killed run from a live one.
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".contentlint",
                                         dir=target.parent)
    _LIVE.add(temporary)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fchmod(out.fileno(), stat.S_IMODE(info.st_mode))
            try:
                os.fchown(out.fileno(), info.st_uid, info.st_gid)
            except PermissionError:
                if (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
                    # Renaming would make the file ours; writing through the original keeps its owner.
                    _write_in_place(target, data)
                    return
            os.fsync(out.fileno())
        if _changed(target, snapshot):  # the last moment before the rename
            raise FixError("not fixed: the file changed on disk after it was read (run contentlint again)")
        os.replace(temporary, target)
    finally:
        if os.path.lexists(temporary):
            try:
                os.unlink(temporary)
            except OSError:
                pass
        _LIVE.discard(temporary)


def _remove_stale(target: Path) -> None:
    """Remove temporary files that a killed run (``kill -9`` cannot be caught) left beside ``target``."""
    for candidate in target.parent.glob(f".{glob_escape(target.name)}.*.contentlint"):
        pid_text = candidate.name[len(target.name) + 2:].split(".", 1)[0]
        if not pid_text.isdigit() or int(pid_text) == os.getpid():
            continue
        try:
            os.kill(int(pid_text), 0)
        except ProcessLookupError:  # that run is gone: its temporary file is garbage
            try:
                candidate.unlink()
            except OSError:
                pass
        except OSError:
            continue  # alive (another user's process): leave it


def write_atomic(path: Path, text: str, had_bom: bool) -> None:
    """Replace ``path`` with ``text`` (UTF-8, BOM kept); :func:`write_fixed` without a snapshot."""
    write_fixed(path, text, had_bom)


def fix_files(results: Iterable[FileResult]) -> tuple[list[FileResult], int]:
    """Write the safe fixes of every result in place; return the results after fixing and the fix count.

    Fixed findings leave the report. A file that cannot be written keeps all its findings and gets a
    CL006 finding naming the cause (the exit code is then 2).
    """
    total = 0
    after_fixing: list[FileResult] = []
    for result in results:
        after_fixing.append(result)
        if result.error or result.source is None or not fixable(result.findings):
            continue
        after, applied = apply_fixes(result.source, fixable(result.findings))
        if after == result.source:
            continue
        try:
            write_fixed(Path(result.path), after, result.bom, result.snapshot)
        except FixError as exc:
            code = engine_codes.FIX_NOT_WRITTEN
            problem = Finding(
                path=result.path, line=1, column=1, end_line=1, end_column=1, code=code.code, name=code.name,
                severity=code.level, message=str(exc),
            )
            after_fixing[-1] = replace(result, findings=tuple(sorted((*result.findings, problem))))
            continue
        done = set(applied)
        after_fixing[-1] = replace(result, findings=tuple(f for f in result.findings if f.fix not in done))
        total += len(applied)
    return after_fixing, total


__all__ = ["FileSnapshot", "FixError", "apply_fixes", "fix_files", "fixable", "remove_temporaries", "unified_diff",
           "write_atomic", "write_fixed"]
