"""A whole run: build the rule set from settings, lint every file, run the corpus stage.

Reading is bounded: only regular files are opened (a FIFO, a device or a socket named ``x.md`` is a
CL001 finding, never a block; ``O_NONBLOCK`` is a second guard against a FIFO swapped in after the
check), never more than the size limit plus one byte is read (a symlink to ``/dev/zero``), and each
file has a time limit (``time-limit``, default 60 s) after which it is stopped with a CL001 finding.
"""

from __future__ import annotations

import contextlib
import errno
import fnmatch
import multiprocessing as mp
import os
import signal
import stat
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

import yaml

from contentlint.engine.cache import (
    ResultCache,
    decode_fingerprints,
    decode_result,
    duplicate_key,
    encode_fingerprints,
    encode_result,
    run_key,
)
from contentlint.engine.config import ConfigError, Settings
from contentlint.engine.corpus import apply_duplicates, index_options, repository_fingerprints
from contentlint.engine.discover import Discovery, discover
from contentlint.engine.linter import finalise, lint_bytes
from contentlint.engine.registry import Rule, RuleError, builtin_rules_dir, load_rules, resolve, select_rules
from contentlint.language.nlp import PipelineUnavailable, get_pipeline
from contentlint.model.result import DEFAULT_GRADE_METRIC, DEFAULT_GRADE_TARGET, FileResult, FileSnapshot, Report

if TYPE_CHECKING:
    from contentlint.duplicates.values import DuplicateOptions, Fingerprint

# The report of a run (a frozen value in the model, read by the formatters); the old name stays.
RunResult = Report


def known_rules(settings: Settings) -> dict[str, Rule]:
    """Return every rule the settings can see (built-in and extra packs), selected or not."""
    return load_rules([builtin_rules_dir(), *settings.extra_rule_paths], settings.allow_code)


def build_rules(settings: Settings, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> dict[str, Rule]:
    """Load the built-in and extra packs, apply per-rule options, then select and ignore."""
    rules = known_rules(settings)
    where = str(settings.source) if settings.source else "configuration"
    profiles = load_profiles()
    if settings.profile not in profiles:
        raise ConfigError(f"{where}: profile: unknown profile {settings.profile!r} (known: {', '.join(profiles)})")
    for code, profile_options in profiles[settings.profile].items():
        if code in rules:
            rules[code] = rules[code].with_options(profile_options, f"profile {settings.profile}: {code}")
    for key, overrides in settings.rule_options.items():
        codes = resolve(key, rules) if key in rules or any(r.name == key for r in rules.values()) else set()
        if not codes:
            raise ConfigError(f"{where}: rules.{key}: unknown rule code or name")
        for code in codes:
            rules[code] = rules[code].with_options(overrides, f"{where}: rules.{key}")
    if settings.duplicate_allow:
        # Boilerplate allowed once in the configuration applies to every duplicate rule.
        for code, rule in list(rules.items()):
            if rule.kind == "duplicate":
                allow = [*rule.options.get("allow", []), *settings.duplicate_allow]
                rules[code] = rule.with_options({"allow": allow}, f"{where}: duplicate-allow")
    for glob, selectors in settings.per_file_ignores.items():
        for selector in selectors:
            if not resolve(selector, rules):
                raise ConfigError(f"{where}: per-file-ignores.{glob}: unknown code {selector!r}")
    try:
        return select_rules(rules, [*settings.select, *select] if select else settings.select,
                            [*settings.ignore, *ignore])
    except RuleError as exc:
        raise ConfigError(str(exc)) from None


def load_profiles() -> dict[str, dict[str, dict[str, object]]]:
    """Return the named option profiles shipped beside the rule packs (``rules/profiles.yaml``)."""
    path = builtin_rules_dir() / "profiles.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return {name: dict(value or {}) for name, value in (data or {"general": {}}).items()}


def _per_file_codes(path: str, settings: Settings, rules: Mapping[str, Rule]) -> set[str]:
    try:
        relative = PurePosixPath(Path(path).resolve().relative_to(settings.root.resolve()).as_posix()).as_posix()
    except (ValueError, OSError, RuntimeError):  # outside the root, or a symlink loop
        relative = PurePosixPath(path).as_posix()
    codes: set[str] = set()
    for glob, selectors in settings.per_file_ignores.items():
        if fnmatch.fnmatch(relative, glob) or fnmatch.fnmatch(path, glob):
            for selector in selectors:
                codes |= resolve(selector, rules)
    return codes


_KINDS = {stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
          stat.S_IFSOCK: "a socket"}


def _read_bytes(path: str, max_bytes: int) -> bytes | str:
    """The bytes of ``path`` as :func:`read_file` reads them, or the reason it could not."""
    read = read_file(path, max_bytes)
    return read if isinstance(read, str) else read[0]


def read_file(path: str, max_bytes: int) -> tuple[bytes, FileSnapshot] | str:
    """Read a regular file of at most ``max_bytes``; return its bytes and snapshot, or the problem.

    The file type is checked with ``os.stat`` (through symlinks) before opening, and again on the
    open descriptor; at most ``max_bytes + 1`` bytes are read, so a file that grows or a device
    cannot exhaust memory.
    """
    try:
        info = os.stat(path)
    except OSError as exc:
        return _os_problem(path, exc)
    if stat.S_ISDIR(info.st_mode):
        return "is a directory"
    if not stat.S_ISREG(info.st_mode):
        kind = _KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file")
        return f"not a regular file ({kind}); only regular files are read"
    if info.st_size > max_bytes:
        return f"file is too large ({info.st_size:,} bytes; the limit is {max_bytes:,})"
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(path, flags)
    except OSError as exc:
        return _os_problem(path, exc)
    try:
        opened = os.fstat(handle)
        if not stat.S_ISREG(opened.st_mode):  # swapped for something else between stat and open
            return "not a regular file; only regular files are read"
        chunks: list[bytes] = []
        remaining = max_bytes + 1
        while remaining > 0:
            chunk = os.read(handle, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as exc:
        return _os_problem(path, exc)
    finally:
        os.close(handle)
    data = b"".join(chunks)
    if len(data) > max_bytes:
        return f"file is too large (more than {max_bytes:,} bytes; the limit is {max_bytes:,})"
    return data, FileSnapshot.of(opened, data)


def _os_problem(path: str, exc: OSError) -> str:
    """A short, plain description of an ``OSError`` met while reading ``path``."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (the link points back to itself)"
    if exc.errno == errno.ENOENT and os.path.islink(path):
        return "broken symbolic link (its target does not exist)"
    if exc.errno in (errno.EACCES, errno.EPERM) or isinstance(exc, PermissionError):
        return "permission denied"
    if exc.errno == errno.EISDIR:
        return "is a directory"
    return exc.strerror or str(exc)


class FileTimeLimit(BaseException):
    """Raised by the per-file timer; a ``BaseException`` so that no ``except Exception`` swallows it."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``FileTimeLimit`` in this block after ``seconds`` (no limit when 0, off the main thread or on Windows).

    Uses ``SIGALRM``: the handler runs between Python bytecodes, so pure-Python loops stop on time;
    C code that never returns is bounded separately (regex timeouts, bounded spaCy input).
    """
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise FileTimeLimit

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass(frozen=True)
class _Job:
    """What a worker needs to lint one file; set once per run (inherited by forked workers)."""

    rules: Mapping[str, Rule]
    known: Mapping[str, Rule]
    model: str | None
    max_bytes: int
    keep_source: bool
    time_limit: float = 0.0


_JOB: _Job | None = None

# Below this many files a process pool costs more than it saves (spaCy loads once per worker).
_PARALLEL_MIN_FILES = 16


def _lint_one(target: tuple[str, str | None]) -> FileResult:
    """Read and lint one discovered file (runs in the main process or in a worker)."""
    assert _JOB is not None
    path, problem = target
    read = problem if problem else read_file(path, _JOB.max_bytes)
    if isinstance(read, str):
        return FileResult(path, error=read)
    data, snapshot = read
    try:
        with time_limit(_JOB.time_limit):
            result = lint_bytes(data, path, _JOB.rules, model=_JOB.model, max_bytes=_JOB.max_bytes,
                                known=_JOB.known)
    except FileTimeLimit:
        return FileResult(path, error=f"stopped after the time limit of {_JOB.time_limit:g} s "
                                      "(time-limit in the configuration)")
    # Only --fix and --diff need the text back; don't ship it between processes.
    return replace(result, snapshot=snapshot, source=result.source if _JOB.keep_source else None)


def _preload() -> None:
    """Load, before forking, the pipelines every worker will use: each worker then starts with them
    (shared copy-on-write pages) instead of loading its own copy on its first file."""
    assert _JOB is not None
    from contentlint.language import syntax  # lazy: start-up, loads spaCy only when a run lints files

    get_pipeline(_JOB.model)
    readers = [r for r in _JOB.rules.values() if r.needs & {"tags", "dependencies"}]
    source = syntax.syntax_source(_JOB.model) if readers else None
    if source is not None:
        level = syntax.PARSE if any("dependencies" in r.needs for r in readers) else syntax.TAGS
        try:
            syntax.load(level, source)
        except PipelineUnavailable:
            pass  # each file reports it, as without the preload


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _map(targets: list[tuple[str, str | None]], jobs: int,
         progress: Callable[[int], None] | None = None) -> list[FileResult]:
    """Lint every target in order, in ``jobs`` forked worker processes when that pays off.

    ``progress`` is called with 1 after each file (the command line's progress bar).
    """
    workers = jobs if jobs > 0 else (os.cpu_count() or 1)
    done: list[FileResult] = []
    if workers <= 1 or len(targets) < _PARALLEL_MIN_FILES or "fork" not in mp.get_all_start_methods():
        for target in targets:
            done.append(_lint_one(target))
            if progress:
                progress(1)
        return done
    _preload()
    # Fork, so that workers inherit the loaded rules and pipeline instead of rebuilding them.
    # Workers ignore SIGINT: the parent alone handles Ctrl-C, and leaving the block terminates them.
    with mp.get_context("fork").Pool(min(workers, len(targets)), initializer=_ignore_sigint) as pool:
        for result in pool.imap(_lint_one, targets, chunksize=8):
            done.append(result)
            if progress:
                progress(1)
    return done


# --- the result cache around the per-file lint ------------------------------------------------------


def _open_cache(directory: Path, settings: Settings, rules: Mapping[str, Rule], known: Mapping[str, Rule],
                model: str | None) -> ResultCache:
    return ResultCache(directory, run_key(settings, rules, known, model))


def _map_cached(targets: list[tuple[str, str | None]], jobs: int, progress: Callable[[int], None] | None,
                cache: ResultCache, rules: Mapping[str, Rule], max_bytes: int) -> list[FileResult]:
    """:func:`_map` behind the cache: hits are decoded here, misses linted (in workers) and stored.

    Lookups and stores happen in this process only, so workers never race on an entry; the order of
    the results is the order of ``targets`` whatever hits or misses.
    """
    options = index_options(rules)
    results: list[FileResult | None] = [None] * len(targets)
    misses: list[int] = []
    keys: dict[int, str] = {}
    for position, (path, problem) in enumerate(targets):
        read = None if problem else read_file(path, max_bytes)
        if read is None or isinstance(read, str):
            misses.append(position)
            continue
        data, snapshot = read
        keys[position] = key = cache.entry_key(path, data)
        entry = cache.get(key)
        hit = None
        if entry is not None:
            try:
                hit = decode_result(path, entry, options)
            except Exception:  # noqa: BLE001 - a malformed entry is a miss; it is rewritten below
                hit = None
        if hit is None:
            misses.append(position)
            continue
        results[position] = replace(hit, snapshot=snapshot)
        if progress:
            progress(1)
    linted = _map([targets[i] for i in misses], jobs, progress)
    for position, result in zip(misses, linted):
        results[position] = result
        # A file that failed (unreadable, timed out) is tried again next time rather than remembered.
        if position in keys and not result.error:
            cache.put(keys[position], encode_result(result, options))
    return [r for r in results if r is not None]


@dataclass(frozen=True)
class _FingerprintCache:
    """Fingerprint-only entries for the repository's other files, keyed by the duplicate rules alone."""

    cache: ResultCache
    rules: Mapping[str, Rule]

    def _key(self, path: str, data: bytes) -> str:
        return self.cache.entry_key(path, data, salt="fingerprints:" + duplicate_key(self.rules))

    def get(self, path: str, data: bytes) -> dict[DuplicateOptions, list[Fingerprint]] | None:
        entry = self.cache.get(self._key(path, data))
        options = index_options(self.rules)
        if entry is None or not isinstance(entry.get("fingerprints"), list):
            return None
        if len(entry["fingerprints"]) != len(options):
            return None
        try:
            return {o: decode_fingerprints(p) for o, p in zip(options, entry["fingerprints"])}
        except Exception:  # noqa: BLE001 - corrupt: a miss, rewritten by put()
            return None

    def put(self, path: str, data: bytes, prints: Mapping[DuplicateOptions, list[Fingerprint]]) -> None:
        options = index_options(self.rules)
        self.cache.put(self._key(path, data),
                       {"fingerprints": [encode_fingerprints(prints.get(o, [])) for o in options]})


def lint_paths(paths: Sequence[str], settings: Settings, rules: Mapping[str, Rule], *,
               stdin: bytes | None = None, stdin_name: str = "-", jobs: int = 1,
               keep_source: bool = True,
               progress: Callable[[Sequence[tuple[str, str | None]]], Callable[[int], None] | None] | None = None,
               cache_dir: Path | None = None,
               ) -> RunResult:
    """Lint files (or standard input when ``stdin`` is given) and return the run's results.

    ``jobs`` is the number of worker processes (0: one per CPU); results keep the file order.
    ``progress``, given the discovered files, may return a callback advanced once per file.
    ``cache_dir``: the result cache (:mod:`contentlint.engine.cache`); ``None`` lints every file.
    """
    global _JOB
    grade_metric, grade_target = DEFAULT_GRADE_METRIC, DEFAULT_GRADE_TARGET
    grade_rule = rules.get("RD001")
    if grade_rule is not None:
        grade_metric = str(grade_rule.options.get("metric", DEFAULT_GRADE_METRIC))
        grade_target = float(grade_rule.options.get("max", DEFAULT_GRADE_TARGET))
    notices: list[str] = []
    known = known_rules(settings)
    model = settings.nlp_model
    cache: ResultCache | None = None
    if model is not None:
        try:
            get_pipeline(model)
        except PipelineUnavailable as exc:
            notices.append(f"CL004 {exc}; using the blank English pipeline")
            model = None
    _JOB = _Job(rules, known, model, settings.max_file_size, keep_source, settings.time_limit)
    linted: list[FileResult]
    if stdin is not None:
        try:
            with time_limit(settings.time_limit):
                result = lint_bytes(stdin, stdin_name, rules, model=model, max_bytes=settings.max_file_size,
                                    known=known)
        except FileTimeLimit:
            result = FileResult(stdin_name, error=f"stopped after the time limit of {settings.time_limit:g} s "
                                                  "(time-limit in the configuration)")
        linted = [result]
    else:
        discovery = Discovery()
        targets = list(discover(paths, settings.exclude, settings.root,
                                respect_gitignore=settings.respect_gitignore, discovery=discovery))
        notices.extend(discovery.notices())
        # The cache is skipped when the text must come back (--fix, --diff, html): entries hold no text.
        cache = _open_cache(cache_dir, settings, rules, known, model) if cache_dir and not keep_source else None
        tick = progress(targets) if progress else None
        linted = (_map_cached(targets, jobs, tick, cache, rules, settings.max_file_size) if cache
                  else _map(targets, jobs, tick))
    # One corpus stage over the per-document results, then per-file ignores, then suppressions.
    others = (repository_fingerprints([r.path for r in linted], rules, settings, _read_bytes,
                                      _FingerprintCache(cache, rules) if cache else None)
              if stdin is None else [])
    linted = apply_duplicates(linted, rules, others)
    if settings.per_file_ignores:
        linted = [_without_ignored(result, settings, rules) for result in linted]
    return Report(tuple(finalise(linted)), fail_on=settings.fail_on, grade_metric=grade_metric,
                  grade_target=grade_target, notices=tuple(notices))


def _without_ignored(result: FileResult, settings: Settings, rules: Mapping[str, Rule]) -> FileResult:
    """Return ``result`` without the findings that ``per-file-ignores`` turns off for its path."""
    ignored = _per_file_codes(result.path, settings, rules)
    if not ignored:
        return result
    return replace(result, findings=tuple(f for f in result.findings if f.code not in ignored))
