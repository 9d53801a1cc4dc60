"""The corpus stage (duplicates): fingerprint paragraphs per document, group copies across the run, report.

Per document only compact fingerprints are kept (no text); grouping runs once over all documents
after the per-document stage, one index per distinct set of duplicate options.

With ``duplicate-scope = "repository"`` (the default inside a git work tree) the index also holds
the fingerprints of the repository's other tracked content files, so that a pre-commit hook, which
passes only the staged files, still finds a paragraph copied from a committed article. Those files
are parsed (not linted) and never reported on; they come first in the index, so a copy in a linted
file points at the committed original.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from contentlint.duplicates.index import DuplicateIndex, Fingerprint, Paragraph, fingerprint
from contentlint.duplicates.values import DuplicateOptions
from contentlint.engine.config import Settings
from contentlint.engine.discover import is_excluded
from contentlint.engine.messages import format_message
from contentlint.engine.registry import Rule
from contentlint.model.document import FORMATS, Document, ReadError, decode, detect_format
from contentlint.model.finding import BlockKind, Finding
from contentlint.model.result import FileResult
from contentlint.readers.load import parse


class FingerprintCache(Protocol):
    """Fingerprints of a file by its path and bytes (``engine.cache``); ``get`` gives ``None`` on a miss."""

    def get(self, path: str, data: bytes) -> dict[DuplicateOptions, list[Fingerprint]] | None: ...

    def put(self, path: str, data: bytes, prints: Mapping[DuplicateOptions, list[Fingerprint]]) -> None: ...


_PARAGRAPH_KINDS = {BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE}
_MODE_OF_CODE = {"DU001": "exact", "DU002": "near", "DU003": "section"}


def index_options(rules: Mapping[str, Rule]) -> list[DuplicateOptions]:
    """Return the distinct index options of the selected duplicate rules."""
    seen: list[DuplicateOptions] = []
    for rule in rules.values():
        if rule.kind == "duplicate" and rule.prepared.index not in seen:
            seen.append(rule.prepared.index)
    return seen


def fingerprints_of(doc: Document, rules: Mapping[str, Rule]) -> dict[DuplicateOptions, list[Fingerprint]]:
    """Fingerprint the paragraph-like blocks of ``doc`` once per distinct index options."""
    options = index_options(rules)
    if not options:
        return {}
    paragraphs = [
        Paragraph(doc.block_location(b), b.text, b.section)
        for b in doc.blocks
        if b.kind in _PARAGRAPH_KINDS
    ]
    return {o: fingerprint(paragraphs, o) for o in options}


SCOPES = ("repository", "files")
_GIT_TIMEOUT = 20.0  # seconds; a hook must not hang on a stuck repository lock or network filesystem


def _git(directory: Path, *args: str) -> str | None:
    """Run a git command in ``directory``; None when git is missing, fails or times out."""
    try:
        done = subprocess.run(["git", "-C", str(directory), *args], capture_output=True, timeout=_GIT_TIMEOUT,
                              check=True, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.decode("utf-8", errors="surrogateescape")


def repository_files(linted: Sequence[str], exclude: Sequence[str] = (), root: Path | None = None) -> list[str]:
    """Return the git work tree's other tracked content files, as paths to report (relative when possible).

    The work tree is the one holding the first linted file; the linted files themselves, files that
    an exclude glob names, and files that are tracked but missing on disk are left out. Empty when
    the files are not in a git work tree or git is not installed.
    """
    mine: set[Path] = set()
    for linted_path in linted:
        try:
            mine.add(Path(linted_path).resolve())
        except (OSError, RuntimeError):  # a symlink loop or an unreadable path: reported by the linter
            continue
    if not mine:
        return []
    first = next(iter(sorted(mine)))
    top = _git(first if first.is_dir() else first.parent, "rev-parse", "--show-toplevel")
    listing = _git(Path(top.strip()), "ls-files", "-z", "--cached") if top else None
    if not top or listing is None:
        return []
    top_path = Path(top.strip())
    cwd = Path.cwd()
    out: list[str] = []
    for name in sorted(set(listing.split("\0"))):
        path = top_path / name
        try:
            if not name or path.suffix.lower() not in FORMATS or path.resolve() in mine or not path.is_file():
                continue
        except (OSError, RuntimeError):  # a tracked symlink loop: not ours to report
            continue
        if exclude and is_excluded(path, exclude, root or cwd):
            continue
        try:
            shown = os.path.relpath(path, cwd)
        except ValueError:  # another drive on Windows
            shown = str(path)
        out.append(str(path) if shown.startswith("..") else shown)
    return out


def repository_fingerprints(linted: Sequence[str], rules: Mapping[str, Rule], settings: Settings,
                            read: Callable[[str, int], bytes | str],
                            cached: FingerprintCache | None = None,
                            ) -> list[dict[DuplicateOptions, list[Fingerprint]]]:
    """Fingerprint the repository's other tracked content files (nothing with scope ``files``).

    Parsing only, no language pipeline: a file costs a parse and one vectorised MinHash pass. ``read``
    is the linter's bounded reader (regular files only, at most the size limit plus one byte), which
    returns the bytes or a reason; a file that cannot be read or parsed is skipped silently, as it is
    not one the user asked to lint. ``cached`` (the result cache) answers files whose bytes it has
    fingerprinted before and stores the others, so an unchanged repository is not parsed again.
    """
    if (settings.duplicate_scope or "repository") != "repository" or not index_options(rules):
        return []
    prints: list[dict[DuplicateOptions, list[Fingerprint]]] = []
    for path in repository_files(linted, settings.exclude, settings.root):
        try:
            data = read(path, settings.max_file_size)
            if isinstance(data, str):
                continue
            known = cached.get(path, data) if cached is not None else None
            if known is not None:
                prints.append(known)
                continue
            doc = parse(decode(data, settings.max_file_size), path, detect_format(path))
        except (OSError, ReadError, ValueError, RecursionError):
            continue
        found = fingerprints_of(doc, rules)
        if cached is not None:
            cached.put(path, data, found)
        prints.append(found)
    return prints


def apply_duplicates(results: Sequence[FileResult], rules: Mapping[str, Rule],
                     others: Sequence[Mapping[DuplicateOptions, Sequence[Fingerprint]]] = ()) -> list[FileResult]:
    """Return ``results`` (in order) with the duplicate findings of every selected duplicate rule added.

    ``others`` are fingerprints of files that are indexed but not reported on (the repository's
    other files); they are added first, so that they count as the originals. The returned results
    carry no fingerprints: the corpus stage is their last reader.
    """
    owner = {r.path: i for i, r in enumerate(results)}  # the last result of a path, as before
    added: dict[int, list[Finding]] = {i: [] for i in owner.values()}
    for options in index_options(rules):
        owners = {r.prepared.mode: r for r in rules.values() if r.kind == "duplicate" and r.prepared.index == options}
        index = DuplicateIndex(options)
        for other in others:
            index.add(other.get(options, ()))
        for result in results:
            if not result.error:
                index.add(result.fingerprints.get(options, ()))
        for report in index.reports():
            rule = owners.get(_MODE_OF_CODE.get(report.code, ""))
            where = owner.get(report.loc.path)
            if rule is None or where is None:
                continue
            loc = report.loc
            added[where].append(Finding(
                path=loc.path, line=loc.line, column=loc.column, end_line=loc.end_line, end_column=loc.end_column,
                code=rule.code, name=rule.name, severity=rule.level,
                message=format_message(rule, report.data),
                match="", related=report.related,
            ))
    return [replace(r, findings=(*r.findings, *added.get(i, ())), fingerprints={}) for i, r in enumerate(results)]
