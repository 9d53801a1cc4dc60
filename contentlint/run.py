"""A whole run: build the rule set from settings, lint every file, run the corpus stage."""

from __future__ import annotations

import fnmatch
import multiprocessing as mp
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from . import __version__
from .config import ConfigError, Settings
from .discover import discover
from .dupstage import apply_duplicates, repository_fingerprints
from .finding import Severity
from .linter import FileResult, finalise, lint_bytes
from .nlp import PipelineUnavailable, get_pipeline
from .registry import Rule, RuleError, builtin_rules_dir, load_rules, resolve, select_rules

DEFAULT_GRADE_METRIC = "flesch_kincaid_grade"
DEFAULT_GRADE_TARGET = 8.0


@dataclass
class RunResult:
    """The results of every file in a run, and what decides the exit code."""

    files: list[FileResult]
    fail_on: Severity = Severity.ERROR
    version: str = __version__
    grade_metric: str = DEFAULT_GRADE_METRIC
    grade_target: float = DEFAULT_GRADE_TARGET
    notices: list[str] = field(default_factory=list)

    def counts(self) -> dict[Severity, int]:
        """Return the number of findings at each severity."""
        counts = {s: 0 for s in Severity}
        for result in self.files:
            for finding in result.findings:
                counts[finding.severity] += 1
        return counts

    def exit_code(self) -> int:
        """Return 2 if a file could not be read, 1 if a finding reaches ``fail_on``, else 0."""
        if any(r.error for r in self.files):
            return 2
        if any(f.severity >= self.fail_on for r in self.files for f in r.findings):
            return 1
        return 0


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
    import yaml

    path = builtin_rules_dir() / "profiles.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return {name: dict(value or {}) for name, value in (data or {"general": {}}).items()}


def _per_file_codes(path: str, settings: Settings, rules: Mapping[str, Rule]) -> set[str]:
    try:
        relative = PurePosixPath(Path(path).resolve().relative_to(settings.root.resolve()).as_posix()).as_posix()
    except ValueError:
        relative = PurePosixPath(path).as_posix()
    codes: set[str] = set()
    for glob, selectors in settings.per_file_ignores.items():
        if fnmatch.fnmatch(relative, glob) or fnmatch.fnmatch(path, glob):
            for selector in selectors:
                codes |= resolve(selector, rules)
    return codes


def _read(path: str) -> bytes | str:
    try:
        return Path(path).read_bytes()
    except IsADirectoryError:
        return "is a directory"
    except PermissionError:
        return "permission denied"
    except OSError as exc:
        return exc.strerror or str(exc)


@dataclass(frozen=True)
class _Job:
    """What a worker needs to lint one file; set once per run (inherited by forked workers)."""

    rules: Mapping[str, Rule]
    known: Mapping[str, Rule]
    model: str | None
    max_bytes: int
    keep_source: bool


_JOB: _Job | None = None

# Below this many files a process pool costs more than it saves (spaCy loads once per worker).
_PARALLEL_MIN_FILES = 16


def _lint_one(target: tuple[str, str | None]) -> FileResult:
    """Read and lint one discovered file (runs in the main process or in a worker)."""
    assert _JOB is not None
    path, problem = target
    data = problem if problem else _read(path)
    if isinstance(data, str):
        return FileResult(path, error=data)
    result = lint_bytes(data, path, _JOB.rules, model=_JOB.model, max_bytes=_JOB.max_bytes, known=_JOB.known)
    if not _JOB.keep_source:
        result.source = None  # only --fix and --diff need the text back; don't ship it between processes
    return result


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
    # Fork, so that workers inherit the loaded rules and pipeline instead of rebuilding them.
    with mp.get_context("fork").Pool(min(workers, len(targets))) as pool:
        for result in pool.imap(_lint_one, targets, chunksize=8):
            done.append(result)
            if progress:
                progress(1)
    return done


def lint_paths(paths: Sequence[str], settings: Settings, rules: Mapping[str, Rule], *,
               stdin: bytes | None = None, stdin_name: str = "-", jobs: int = 1,
               keep_source: bool = True,
               progress: Callable[[Sequence[tuple[str, str | None]]], Callable[[int], None] | None] | None = None,
               ) -> RunResult:
    """Lint files (or standard input when ``stdin`` is given) and return the run's results.

    ``jobs`` is the number of worker processes (0: one per CPU); results keep the file order.
    ``progress``, given the discovered files, may return a callback advanced once per file.
    """
    global _JOB
    run = RunResult([], fail_on=settings.fail_on)
    grade_rule = rules.get("RD001")
    if grade_rule is not None:
        run.grade_metric = str(grade_rule.options.get("metric", DEFAULT_GRADE_METRIC))
        run.grade_target = float(grade_rule.options.get("max", DEFAULT_GRADE_TARGET))
    known = known_rules(settings)
    model = settings.nlp_model
    if model is not None:
        try:
            get_pipeline(model)
        except PipelineUnavailable as exc:
            run.notices.append(f"CL004 {exc}; using the blank English pipeline")
            model = None
    _JOB = _Job(rules, known, model, settings.max_file_size, keep_source)
    if stdin is not None:
        result = lint_bytes(stdin, stdin_name, rules, model=model, max_bytes=settings.max_file_size, known=known)
        run.files.append(result)
    else:
        targets = list(discover(paths, settings.exclude, settings.root))
        run.files.extend(_map(targets, jobs, progress(targets) if progress else None))
    others = repository_fingerprints([r.path for r in run.files], rules, settings) if stdin is None else []
    apply_duplicates(run.files, rules, others)
    for result in run.files:
        ignored = _per_file_codes(result.path, settings, rules) if settings.per_file_ignores else set()
        if ignored:
            result.findings = [f for f in result.findings if f.code not in ignored]
    finalise(run.files)
    return run
