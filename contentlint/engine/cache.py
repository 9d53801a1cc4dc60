"""The result cache: a file whose content, settings and rules have not changed is not linted again.

An entry holds what linting one file produced before the corpus stage (findings, suppressions,
metrics and the duplicate fingerprints), keyed by a SHA-256 over

- the file's bytes and the path it is reported under (findings carry the path);
- the *run key*: contentlint's version and a fingerprint of its own files (an editable install
  changes code without changing the version), the language model (the shipped model's files, or the
  ``nlp-model`` setting), the settings that change per-file results (``max-file-size``), the bytes of
  every file in the rule directories (rule files and lexicons), and for every selected rule its code,
  level, options and the bytes of its rule file and of its Python entry's module, plus the codes of
  every known rule (a directive naming an unknown code is a finding).

Anything else (``fail-on``, the output format, ``exclude``, per-file ignores, duplicate scope)
is applied after the cache, so changing it keeps every entry. A changed rule option changes the run
key, so every entry linted with the old option is missed, and nothing else is.

Entries are msgpack (srsly, which spaCy already ships): never pickle, since a cache directory may
be shared and unpickling runs code. Writes go to a temporary file in the same directory and are
renamed into place, so a reader never sees half an entry; an entry that cannot be read or decoded
is treated as a miss and rewritten.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contentlint import __version__
from contentlint.duplicates.values import Fingerprint
from contentlint.engine.registry import builtin_rules_dir
from contentlint.engine.suppress import Suppression, Suppressions
from contentlint.model.finding import Finding, Fix, Location, Severity
from contentlint.model.result import FileResult

if TYPE_CHECKING:
    from contentlint.duplicates.values import DuplicateOptions
    from contentlint.engine.config import Settings
    from contentlint.engine.registry import Rule

__all__ = ["ENV_CACHE_DIR", "ResultCache", "default_cache_dir", "run_key"]

#: Environment variable that moves the cache (the test suite points it at a temporary directory).
ENV_CACHE_DIR = "CONTENTLINT_CACHE_DIR"

# Bumped when the entry layout changes; entries of another layout live in another folder.
_LAYOUT = "v1"
_TAG = "CACHEDIR.TAG"
_TAG_TEXT = ("Signature: 8a477f597d28d172789f06886806bc55\n"
             "# This file is a cache directory tag created by contentlint.\n")


def default_cache_dir() -> Path:
    """Return ``$CONTENTLINT_CACHE_DIR`` or the user cache directory (platformdirs) for contentlint."""
    import platformdirs

    default = platformdirs.user_cache_dir("contentlint", appauthor=False)
    return Path(os.environ.get(ENV_CACHE_DIR) or default)


def _hash_files(digest: Any, paths: Iterable[Path]) -> None:
    """Feed each file's name and bytes to ``digest`` (missing files count as empty)."""
    for path in paths:
        digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            pass
        digest.update(b"\0")


def _code_fingerprint() -> str:
    """Size and modification time of every file of the contentlint package (modules and data such
    as word lists; the model is keyed apart): cheap (stat only), and an edit to an editable install
    invalidates the cache even though the version is unchanged."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        parts = path.relative_to(root).parts
        if "__pycache__" in parts or parts[0] == "models":
            continue
        try:
            info = path.stat()
        except OSError:
            continue
        if path.is_file():
            digest.update(f"{path.relative_to(root)}:{info.st_size}:{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _rule_dirs_fingerprint(roots: Iterable[Path]) -> str:
    """The bytes of every file under the rule directories: rule files and the lexicons they read
    (a lexicon is no rule's own file, yet changes what the rules find)."""
    digest = hashlib.sha256()
    for root in roots:
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        _hash_files(digest, files)
    return digest.hexdigest()


def _model_fingerprint(setting: str | None) -> str:
    """The model named by ``nlp-model``: the shipped model's (or a pipeline directory's) file stats,
    or the package name for an installed pipeline."""
    from contentlint.language.syntax import syntax_source  # lazy: start-up, it imports spaCy

    try:
        source = syntax_source(setting)
    except Exception as exc:  # noqa: BLE001 - a broken model still gets a stable key; the run reports it
        return f"unavailable:{type(exc).__name__}"
    if source is None:
        return "blank"
    path = Path(source)
    if not path.is_dir():
        return f"package:{source}"
    digest = hashlib.sha256()
    for member in sorted(p for p in path.rglob("*") if p.is_file()):
        info = member.stat()
        digest.update(f"{member.relative_to(path)}:{info.st_size}:{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _rule_files(rule: Rule) -> list[Path]:
    """The rule's YAML file and, for a code rule, its entry function's module."""
    files = [Path(rule.path)] if rule.path else []
    function = getattr(rule.prepared, "function", None)
    code = getattr(function, "__code__", None)
    if code is not None:
        files.append(Path(code.co_filename))
    return files


def _options_json(options: Mapping[str, Any]) -> str:
    """A stable text form of rule options (sorted keys; anything odd by its ``str``)."""
    return json.dumps(options, sort_keys=True, default=str, ensure_ascii=False)


def run_key(settings: Settings, rules: Mapping[str, Rule], known: Mapping[str, Rule], model: str | None) -> str:
    """The part of every entry's key shared by all files of a run (see the module docstring)."""
    digest = hashlib.sha256()

    parts = [_LAYOUT, __version__, _code_fingerprint(), _model_fingerprint(model), repr(model),
             str(settings.max_file_size), ",".join(sorted(known)),
             _rule_dirs_fingerprint([builtin_rules_dir(), *settings.extra_rule_paths])]
    digest.update("\n".join(parts).encode("utf-8"))
    for code in sorted(rules):
        rule = rules[code]
        digest.update(f"\n{code}:{rule.level}:{rule.scope}:{rule.kind}:{_options_json(rule.options)}\n".encode())
        _hash_files(digest, _rule_files(rule))
    return digest.hexdigest()


def duplicate_key(rules: Mapping[str, Rule]) -> str:
    """The key part for fingerprint-only entries (the repository's other files): duplicate rules only."""
    digest = hashlib.sha256()
    digest.update("\n".join([_LAYOUT, __version__, _code_fingerprint()]).encode())
    for code in sorted(rules):
        rule = rules[code]
        if rule.kind == "duplicate":
            digest.update(f"\n{code}:{_options_json(rule.options)}\n".encode())
    return digest.hexdigest()


# --- entry encoding -------------------------------------------------------------------------------


def _location(data: Sequence[Any]) -> Any:

    return Location(str(data[0]), int(data[1]), int(data[2]), int(data[3]), int(data[4]))


def encode_fingerprints(prints: Sequence[Fingerprint]) -> list[Any]:
    return [[[f.loc.path, f.loc.line, f.loc.column, f.loc.end_line, f.loc.end_column], f.section, f.words,
             f.digest, f.signature, f.shingles, f.allowed] for f in prints]


def decode_fingerprints(data: Sequence[Any]) -> list[Fingerprint]:

    return [Fingerprint(_location(loc), section, int(words), bytes(digest), bytes(sig), bytes(shingles), bool(allowed))
            for loc, section, words, digest, sig, shingles, allowed in data]


def _encode_finding(f: Any) -> list[Any]:
    fix = [f.fix.start, f.fix.end, f.fix.replacement] if f.fix is not None else None
    related = [[r.path, r.line, r.column, r.end_line, r.end_column] for r in f.related]
    return [f.path, f.line, f.column, f.code, f.end_line, f.end_column, f.name, int(f.severity), f.message,
            f.match, f.suggestion, related, fix]


def _decode_finding(data: Sequence[Any]) -> Any:

    (path, line, column, code, end_line, end_column, name, severity, message, match, suggestion, related,
     fix) = data
    return Finding(path=path, line=line, column=column, code=code, end_line=end_line, end_column=end_column,
                   name=name, severity=Severity(severity), message=message, match=match, suggestion=suggestion,
                   related=tuple(_location(r) for r in related),
                   fix=Fix(fix[0], fix[1], fix[2]) if fix is not None else None)


def encode_result(result: FileResult, options: Sequence[DuplicateOptions]) -> dict[str, Any]:
    """The msgpack-able form of a result before the corpus stage; fingerprints in ``options`` order."""
    return {
        "findings": [_encode_finding(f) for f in result.findings],
        "metrics": result.metrics,
        "sections": result.sections,
        "suppressions": [[sorted(s.codes), s.first_line, s.last_line, s.reason, s.directive_line]
                         for s in (result.suppressions.items if isinstance(result.suppressions, Suppressions)
                                   else ())],
        "fingerprints": [encode_fingerprints(result.fingerprints.get(o, [])) for o in options],
        "bom": result.bom,
    }


def decode_result(path: str, data: Mapping[str, Any], options: Sequence[DuplicateOptions]) -> FileResult:
    """Rebuild the result that :func:`encode_result` stored (raises on a malformed entry)."""

    prints = data["fingerprints"]
    if len(prints) != len(options):
        raise ValueError("fingerprint count does not match the duplicate rules")
    return FileResult(
        path,
        findings=tuple(_decode_finding(f) for f in data["findings"]),
        metrics=dict(data["metrics"]),
        sections=tuple(dict(s) for s in data["sections"]),
        suppressions=Suppressions(tuple(Suppression(frozenset(c), int(a), int(b), r, int(d))
                                        for c, a, b, r, d in data["suppressions"])),
        fingerprints={o: decode_fingerprints(p) for o, p in zip(options, prints)},
        bom=bool(data["bom"]),
    )


@dataclass(frozen=True)
class ResultCache:
    """Entries under ``directory`` for one run key; every failure to read or write is a miss, never an error."""

    directory: Path
    key: str

    def entry_key(self, path: str, data: bytes, salt: str | None = None) -> str:
        """The key of ``path`` with content ``data`` in this run (``salt`` replaces the run key)."""
        digest = hashlib.sha256()
        digest.update((salt if salt is not None else self.key).encode() + b"\0")
        digest.update(path.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _file(self, key: str) -> Path:
        return self.directory / _LAYOUT / key[:2] / f"{key}.msgpack"

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored mapping for ``key``, or ``None`` (absent, unreadable or corrupt)."""
        import srsly  # type: ignore[import-untyped]

        try:
            raw = self._file(key).read_bytes()
            value = srsly.msgpack_loads(raw)
        except Exception:  # noqa: BLE001 - a corrupt entry is a miss, and put() rewrites it
            return None
        return value if isinstance(value, dict) else None

    def put(self, key: str, value: Mapping[str, Any]) -> None:
        """Store ``value`` atomically (temporary file, then rename); silently skip when that fails."""
        import srsly

        target = self._file(key)
        try:
            payload = srsly.msgpack_dumps(dict(value))
            target.parent.mkdir(parents=True, exist_ok=True)
            tag = self.directory / _TAG
            if not tag.exists():
                tag.write_text(_TAG_TEXT, encoding="utf-8")
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".msgpack")
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(payload)
                os.replace(temporary, target)
            except BaseException:
                with _suppress_os_error():
                    os.unlink(temporary)
                raise
        except (OSError, TypeError, ValueError):  # read-only or full disk, odd metric value: just don't cache
            return


class _suppress_os_error:
    """``contextlib.suppress(OSError)`` without importing contextlib on the hot path."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, _value: object, _tb: object) -> bool:
        return isinstance(kind, type) and issubclass(kind, OSError)


def clean(directory: Path) -> int:
    """Remove every entry under ``directory``; return the number of entries removed.

    Only contentlint's own layout folders and tag are removed, so pointing ``--cache-dir`` at a
    folder holding other files never deletes them.
    """
    removed = 0
    for layout in directory.glob("v[0-9]*"):
        if layout.is_dir():
            removed += sum(1 for _ in layout.rglob("*.msgpack"))
            shutil.rmtree(layout, ignore_errors=True)
    tag = directory / _TAG
    if tag.is_file():
        tag.unlink()
    return removed
