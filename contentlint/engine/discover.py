"""Find the files to lint: expand globs, recurse into folders, honour ignore files and exclude globs.

* Files named explicitly are always linted (a pre-commit hook passes them one by one), as long as
  their extension names a known format; an unknown extension is skipped with one notice per run.
* Folders are walked: only known formats (``.md``, ``.markdown``, ``.mdx``, ``.html``, ``.htm``,
  ``.txt``) are kept, ``exclude`` globs apply, and so do ignore files the way ruff and git read
  them: ``.gitignore`` files (the folder's own, those below it, and those above it up to the
  repository root), ``.git/info/exclude``, and ``.contentlintignore`` files. ``respect_gitignore=False``
  (``--no-respect-gitignore``, ``respect-gitignore = false``) includes git-ignored files;
  ``.contentlintignore`` always applies.
* A folder that cannot be entered is reported as a problem of that folder, never skipped silently.
* A quoted glob (``'docs/*.md'``, ``'docs/**/*.md'``) that names no existing file is expanded here.
"""

from __future__ import annotations

import fnmatch
import glob
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import pathspec

from contentlint.engine.messages import printable
from contentlint.model.document import FORMATS

# Directories that never hold articles worth linting and can be huge.
_SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache",
              ".pytest_cache", "site-packages"}

#: Extensions linted when found in a folder (MDX is Markdown with JSX; its reader handles the JSX).
KNOWN_SUFFIXES = frozenset({*FORMATS, ".mdx"})

_GLOB_CHARS = set("*?[")


@dataclass
class Discovery:
    """Notices gathered while discovering (unknown extensions), for the run to print once."""

    unknown: dict[str, list[str]] = field(default_factory=dict)

    def notices(self) -> list[str]:
        """One notice per unknown extension, naming the files skipped."""
        out = []
        for suffix, names in sorted(self.unknown.items()):
            more = f" and {len(names) - 5} more" if len(names) > 5 else ""
            shown = ", ".join(printable(n) for n in names[:5]) + more
            what = f"extension {printable(suffix)!r}" if suffix else "no extension"
            out.append(f"CL009 skipped {len(names)} file{'s' if len(names) != 1 else ''} with {what} "
                       f"(known: {', '.join(sorted(KNOWN_SUFFIXES))}): {shown}")
        return out


def is_excluded(path: Path, patterns: Sequence[str], root: Path) -> bool:
    """Return whether ``path`` matches an exclude glob (against its path relative to ``root``)."""
    if not patterns:
        return False
    try:
        relative = PurePosixPath(path.resolve().relative_to(root.resolve()).as_posix())
    except (ValueError, OSError, RuntimeError):  # outside the root, or a symlink loop
        relative = PurePosixPath(path.as_posix())
    text = str(relative)
    return any(
        fnmatch.fnmatch(text, pattern) or fnmatch.fnmatch(path.name, pattern)
        or any(fnmatch.fnmatch(part, pattern.rstrip("/")) for part in relative.parts[:-1])
        or text.startswith(pattern.rstrip("/") + "/")
        for pattern in patterns
    )


class IgnoreFiles:
    """The ignore files that apply under one walked folder, read once per folder.

    Each file's patterns are relative to the folder that holds it; as in git, a deeper file's
    decision wins over a shallower one's, and a negation (``!keep.md``) re-includes a file.
    """

    def __init__(self, top: Path, respect_gitignore: bool) -> None:
        self.respect_gitignore = respect_gitignore
        self._specs: dict[Path, list[pathspec.GitIgnoreSpec]] = {}
        self._inherited: list[tuple[Path, pathspec.GitIgnoreSpec]] = []
        top = top.absolute()
        for folder in self._ancestors(top):
            for spec in self._read(folder):
                self._inherited.append((folder, spec))

    def _ancestors(self, top: Path) -> list[Path]:
        """Folders above ``top`` up to the repository root (the folder holding ``.git``), outermost first."""
        chain: list[Path] = []
        for folder in top.parents:
            chain.append(folder)
            if (folder / ".git").exists():
                break
        else:
            return []  # not in a repository: ignore files above the walked folder do not apply
        return list(reversed(chain))

    def _read(self, folder: Path) -> list[pathspec.GitIgnoreSpec]:
        names = [".contentlintignore"]
        if self.respect_gitignore:
            names.insert(0, ".gitignore")
        specs = []
        for name in names:
            lines = _lines(folder / name)
            if lines:
                specs.append(pathspec.GitIgnoreSpec.from_lines(lines))
        if self.respect_gitignore:
            lines = _lines(folder / ".git" / "info" / "exclude")
            if lines:
                specs.insert(0, pathspec.GitIgnoreSpec.from_lines(lines))
        return specs

    def specs_of(self, folder: Path) -> list[pathspec.GitIgnoreSpec]:
        """The specs read from ``folder`` itself (cached)."""
        if folder not in self._specs:
            self._specs[folder] = self._read(folder)
        return self._specs[folder]

    def ignored(self, path: Path, is_dir: bool, chain: Sequence[Path]) -> bool:
        """Whether ``path`` is ignored by the files of its ancestors (``chain``: walked folders, outermost first)."""
        levels = [*self._inherited, *((folder, spec) for folder in chain for spec in self.specs_of(folder))]
        for folder, spec in reversed(levels):
            try:
                relative = path.relative_to(folder).as_posix()
            except ValueError:
                continue
            result = spec.check_file(relative + ("/" if is_dir else ""))
            if result.include is not None:
                return bool(result.include)
        return False


def _lines(path: Path) -> list[str]:
    """The lines of an ignore file; a missing or unreadable one holds none (never fails a run)."""
    try:
        if not path.is_file():
            return []
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def _walk(top: Path, exclude: Sequence[str], root: Path, ignores: IgnoreFiles) -> list[tuple[str, str | None]]:
    """Every lintable file under ``top`` and every folder that could not be read, sorted by path."""
    found: list[tuple[str, str | None]] = []

    def unreadable(error: OSError) -> None:
        # os.walk skips a folder it cannot list unless told; a silent skip hid whole sections.
        found.append((str(error.filename or top), f"cannot read folder: {error.strerror or error}"))

    absolute_top = top.absolute()
    for directory, dirs, files in os.walk(top, onerror=unreadable):
        here = Path(directory)
        chain = [absolute_top / part for part in _prefixes(here.absolute().relative_to(absolute_top))]
        kept = []
        for name in sorted(dirs):
            if name in _SKIP_DIRS or name.startswith("."):
                continue
            if ignores.ignored(here.absolute() / name, True, chain):
                continue
            kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            candidate = here / name
            if candidate.suffix.lower() not in KNOWN_SUFFIXES or is_excluded(candidate, exclude, root):
                continue
            if ignores.ignored(candidate.absolute(), False, chain):
                continue
            found.append((str(candidate), None))
    return sorted(found)


def _prefixes(relative: Path) -> list[Path]:
    """``a/b`` gives ``.``, ``a``, ``a/b``: the walked folders from the top down to this one."""
    out = [Path(".")]
    for part in relative.parts:
        out.append(out[-1] / part)
    return out


def discover(paths: Sequence[str], exclude: Sequence[str], root: Path, *, respect_gitignore: bool = True,
             discovery: Discovery | None = None) -> Iterator[tuple[str, str | None]]:
    """Yield ``(path, problem)`` for every file to lint; ``problem`` names why a path cannot be.

    ``discovery`` collects the notices (unknown extensions) for the caller to print once.
    """
    discovery = discovery if discovery is not None else Discovery()
    seen: set[str] = set()
    for target in _discover(paths, exclude, root, respect_gitignore, discovery):
        if target[0] not in seen:  # a file named twice, or by a glob and a folder, is linted once
            seen.add(target[0])
            yield target


def _discover(paths: Sequence[str], exclude: Sequence[str], root: Path, respect_gitignore: bool,
              discovery: Discovery) -> Iterator[tuple[str, str | None]]:
    for given in paths:
        path = Path(given)
        if _is_dir(path):
            yield from _walk(path, exclude, root, IgnoreFiles(path, respect_gitignore))
        elif path.exists() or path.is_symlink():
            if is_excluded(path, exclude, root):
                continue
            suffix = path.suffix.lower()
            if suffix in KNOWN_SUFFIXES:
                yield given, None
            else:
                discovery.unknown.setdefault(suffix, []).append(given)
        elif _GLOB_CHARS & set(given):
            matches = sorted(glob.glob(given, recursive=True))
            if not matches:
                yield given, "no such file or directory (the pattern matched nothing)"
            for match in matches:
                if _is_dir(Path(match)):
                    # `docs/**` also yields every folder; their files come through the pattern itself.
                    if not given.endswith("**"):
                        yield from _walk(Path(match), exclude, root, IgnoreFiles(Path(match), respect_gitignore))
                    continue
                candidate = Path(match)
                if candidate.suffix.lower() in KNOWN_SUFFIXES and not is_excluded(candidate, exclude, root):
                    ignores = IgnoreFiles(candidate.parent, respect_gitignore)
                    if not ignores.ignored(candidate.absolute(), False, [candidate.parent.absolute()]):
                        yield match, None
        else:
            yield given, "no such file or directory"


def _is_dir(path: Path) -> bool:
    """``Path.is_dir`` that answers False for a symlink loop or an unreadable parent."""
    try:
        return path.is_dir()
    except OSError:
        return False
