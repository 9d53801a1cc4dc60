"""One command, one run: how fast contentlint is on the NIH corpus, beside proselint and two floors.

Usage (from the repository root, in the project's virtual environment)::

    mkdir -p /tmp/corpus && tar -xJf ../shared/data/corpus/medquad-articles.tar.xz -C /tmp/corpus
    python bench/perf.py --corpus /tmp/corpus/articles --jobs 2 --json bench/perf-results.json

It measures, in this order and in one process so that every ratio compares figures taken minutes apart
on the same machine:

- contentlint with every default rule over the whole corpus (cross-file duplicates included): wall
  time, CPU time, words per second, peak memory of the whole process tree (sampled) and of the largest
  process;
- the same with ``nlp-model = "blank"`` (the syntax-free run), when the installed contentlint knows it;
- proselint over the same files (installed by this script into its own environment,
  ``bench/.venv-proselint``, from the package index), split over the same number of processes;
- floors with the same number of processes: spaCy's blank tokenizer alone over each file, and the
  tokenizer plus the shipped parser over the sentences the rules actually parse (when
  ``contentlint.language.syntax`` exists);
- cold start on one article of about 800 words against ``python -c "import spacy"`` (median of 5);
- a second run over the unchanged corpus with the result cache, against the first (when the installed
  contentlint has ``--cache-dir``);
- the doubling ratio: the whole corpus against its first half;
- a profile of 200 articles in one process: time per rule function and per analysis stage.

Timings are wall-clock seconds from ``time.perf_counter``; CPU is user plus system time of the child
processes (``resource.getrusage``). Memory is sampled every 50 ms with psutil over the process tree.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path("/tmp/corpus/articles")
PROSELINT_VENV = ROOT / "bench" / ".venv-proselint"
_WORD = re.compile(r"\w+(?:['\u2019]\w+)?")


@dataclass(frozen=True)
class Measure:
    """One timed command: wall and CPU seconds, peak memory, exit status."""

    label: str
    wall: float
    cpu: float
    peak_tree_mb: float
    peak_process_mb: float
    returncode: int
    words: int

    @property
    def words_per_second(self) -> float:
        """Words of the input per wall-clock second."""
        return self.words / self.wall if self.wall else 0.0


@dataclass
class Report:
    """Everything one run of the bench found; written as JSON."""

    corpus: str
    files: int
    words: int
    jobs: int
    measures: dict[str, dict[str, Any]] = field(default_factory=dict)
    ratios: dict[str, float | None] = field(default_factory=dict)
    cold_start: dict[str, float] = field(default_factory=dict)
    profile: dict[str, Any] = field(default_factory=dict)
    syntax: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _tree_rss(process: psutil.Process) -> tuple[float, float]:
    """Return the summed and the largest RSS (MB) of ``process`` and its descendants."""
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.Error:
        return 0.0, 0.0
    sizes = []
    for member in members:
        try:
            sizes.append(member.memory_info().rss)
        except psutil.Error:
            continue
    return sum(sizes) / 2**20, max(sizes, default=0) / 2**20


def run_measured(label: str, commands: Sequence[Sequence[str]], words: int, *,
                 env: dict[str, str] | None = None, cwd: Path | None = None) -> Measure:
    """Run ``commands`` at the same time (each its own process tree) and measure them together."""
    cpu_before = _children_cpu()
    start = time.perf_counter()
    procs = [subprocess.Popen(list(c), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
             for c in commands]
    handles = [psutil.Process(p.pid) for p in procs]
    peaks = [0.0, 0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            total, largest = 0.0, 0.0
            for handle in handles:
                tree, big = _tree_rss(handle)
                total += tree
                largest = max(largest, big)
            peaks[0] = max(peaks[0], total)
            peaks[1] = max(peaks[1], largest)
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    errors = [p.communicate()[1] for p in procs]
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    codes = [p.returncode for p in procs]
    bad = [c for c in codes if c not in (0, 1)]
    if bad:
        tail = b"\n".join(errors)[-600:].decode("utf-8", "replace")
        print(f"  ! {label}: exit {bad[0]}: {tail}", file=sys.stderr)
    return Measure(label, wall, _children_cpu() - cpu_before, peaks[0], peaks[1], max(codes), words)


def count_words(paths: Sequence[Path]) -> int:
    """Count words the way the rest of the bench does (letters and digits, inner apostrophes)."""
    return sum(len(_WORD.findall(p.read_text(encoding="utf-8", errors="replace"))) for p in paths)


def contentlint_command(paths: Sequence[Path] | Path, jobs: int, extra: Sequence[str] = ()) -> list[str]:
    """The CLI call for ``paths`` with JSON output (the most complete output) and ``jobs`` workers."""
    targets = [str(paths)] if isinstance(paths, Path) else [str(p) for p in paths]
    return [sys.executable, "-m", "contentlint", "check", "--format", "json", "--jobs", str(jobs),
            *extra, *targets]


def cli_supports(flag: str) -> bool:
    """Return whether the installed ``contentlint check`` knows ``flag`` (figures it cannot give are n/a)."""
    done = subprocess.run([sys.executable, "-m", "contentlint", "check", "--help"],
                          capture_output=True, text=True, check=False)
    return flag in done.stdout


def blank_config(directory: Path) -> Path:
    """Write a configuration that selects the syntax-free pipeline."""
    path = directory / "blank.toml"
    path.write_text('nlp-model = "blank"\n', encoding="utf-8")
    return path


def ensure_proselint() -> Path:
    """Install proselint into the bench's own environment (once) and return its executable."""
    exe = PROSELINT_VENV / "bin" / "proselint"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PROSELINT_VENV)], check=True)
        subprocess.run([str(PROSELINT_VENV / "bin" / "pip"), "install", "-q", "proselint"], check=True)
    return exe


def chunks(paths: Sequence[Path], n: int) -> list[list[Path]]:
    """Deal ``paths`` round-robin into ``n`` lists, so each process gets a similar share."""
    return [list(paths[i::n]) for i in range(n) if paths[i::n]]


def _tokenize_files(paths: Sequence[str]) -> int:
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    count = 0
    for path in paths:
        count += len(tokenizer(Path(path).read_text(encoding="utf-8", errors="replace")))
    return count


def _syntax_requests(paths: Sequence[str]) -> tuple[list[str], list[str], int, int]:
    """What a default run would tag and parse in ``paths``: (to parse, to tag, sentences, words parsed)."""
    from contentlint.engine.config import Settings
    from contentlint.engine.linter import syntax_requests
    from contentlint.engine.run import build_rules
    from contentlint.language.analysis import analyse
    from contentlint.model.document import decode, detect_format
    from contentlint.readers.load import parse

    rules = build_rules(Settings())
    to_parse: list[str] = []
    to_tag: list[str] = []
    sentences = 0
    for path in paths:
        doc = parse(decode(Path(path).read_bytes(), 5 * 2**20), path, detect_format(path))
        analysis = analyse(doc)
        sentences += len(analysis.sentences)
        parse_here, tag_here = syntax_requests(doc, rules, analysis)
        to_parse.extend(parse_here)
        to_tag.extend(tag_here)
    return to_parse, to_tag, sentences, sum(len(_WORD.findall(t)) for t in to_parse)


def _parse_files(work: tuple[Sequence[str], list[str], list[str]]) -> float:
    """The tokenizer over each file, then the shipped model over what the rules parse and tag.

    Returns the CPU seconds spent in tagging and parsing alone (for words per second per core).
    """
    paths, to_parse, to_tag = work
    _tokenize_files(paths)
    from contentlint.language import syntax

    start = time.process_time()
    if to_parse:
        syntax.parse(to_parse)
    if to_tag:
        syntax.tag(to_tag)
    return time.process_time() - start


def floor(label: str, worker: Callable[[Any], Any], work: Sequence[Any], jobs: int,
          words: int) -> tuple[Measure, list[Any]]:
    """Run ``worker`` over the ``work`` items in ``jobs`` processes and time it (import and load included)."""
    start = time.perf_counter()
    cpu_before = _children_cpu()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(worker, work))
    wall = time.perf_counter() - start
    return Measure(label, wall, _children_cpu() - cpu_before, 0.0, 0.0, 0, words), results


def cold_start(article: Path, repeats: int = 5, no_cache: Sequence[str] = ()) -> dict[str, float]:
    """Median wall time of linting one article in a new process, and of ``import spacy`` alone."""
    def median_of(command: list[str]) -> float:
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    spacy_import = median_of([sys.executable, "-c", "import spacy"])
    # --no-cache: a cold start lints the article (the repeats would otherwise be answered by the cache).
    one_article = median_of([sys.executable, "-m", "contentlint", "check", "--jobs", "1", *no_cache, str(article)])
    return {"import_spacy_s": spacy_import, "one_article_s": one_article,
            "above_import_spacy_s": one_article - spacy_import}


def pick_article(paths: Sequence[Path], target_words: int = 800) -> Path:
    """Return the corpus article whose word count is nearest ``target_words``."""
    best, best_gap = paths[0], 10**9
    for path in paths[:2000]:
        gap = abs(len(_WORD.findall(path.read_text(encoding="utf-8", errors="replace"))) - target_words)
        if gap < best_gap:
            best, best_gap = path, gap
    return best


def profile(paths: Sequence[Path]) -> dict[str, Any]:
    """Lint ``paths`` in this process under cProfile; return seconds per rule and per stage."""
    from contentlint.engine.config import Settings
    from contentlint.engine.run import build_rules, lint_paths

    settings = Settings()
    rules = build_rules(settings)
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    lint_paths([str(p) for p in paths], settings, rules, jobs=1, keep_source=False)
    profiler.disable()
    total = time.perf_counter() - start
    stats = pstats.Stats(profiler)
    table: dict[tuple[str, int, str], Any] = stats.stats  # type: ignore[attr-defined]

    def cumulative(predicate: Callable[[str, str], bool]) -> float:
        # Cumulative time of the outermost matching frames: a recursive or nested match is counted once.
        seconds = 0.0
        for (filename, _line, name), (_cc, _nc, _tt, ct, callers) in table.items():
            if not predicate(filename, name):
                continue
            if any(predicate(c[0], c[2]) for c in callers):
                continue
            seconds += ct
        return seconds

    per_rule: dict[str, float] = {}
    for code, rule in rules.items():
        function = getattr(rule.prepared, "function", None)
        if function is not None:
            code_object = function.__code__
            per_rule[code] = cumulative(lambda f, n, c=code_object: f == c.co_filename and n == c.co_name)
    stages = {
        "read and parse markup": lambda f, n: "/readers/" in f and n.startswith("read"),
        "sentence split": lambda f, n: f.endswith("nlp.py") and n == "split_sentences_many",
        "analysis (sentences, metrics)": lambda f, n: f.endswith("analysis.py") and n == "analyse",
        "rules (all units)": lambda f, n: f.endswith("linter.py") and n in {"_unit_findings", "_metric_findings"},
        "suppression": lambda f, n: f.endswith("suppress.py") and not n.startswith("_"),
        "duplicate stage": lambda f, n: f.endswith("/duplicates/stage.py") and n in {"apply_duplicates", "fingerprints_of"},
        "cache (lookups, stores)": lambda f, n: f.endswith("/engine/cache.py") and n in {"get", "put", "run_key"},
        "syntax (tag and parse)": lambda f, n: f.endswith("syntax.py") and n in {"parse", "tag"},
    }
    return {
        "articles": len(paths),
        "total_s": total,
        "per_stage_s": {name: round(cumulative(pred), 3) for name, pred in stages.items()},
        "per_rule_s": dict(sorted(((c, round(s, 3)) for c, s in per_rule.items()), key=lambda kv: -kv[1])),
    }


def _ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or not denominator:
        return None
    return round(numerator / denominator, 3)


def main(argv: Sequence[str] | None = None) -> int:
    """Run every measurement once and print the table; write JSON when asked."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "perf-results.json")
    parser.add_argument("--skip", default="", help="comma-separated parts to skip: proselint,blank,floors,"
                        "cold,cache,doubling,profile")
    args = parser.parse_args(argv)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    paths = sorted(p for p in args.corpus.rglob("*") if p.suffix in {".md", ".txt", ".html"})
    if not paths:
        print(f"no articles under {args.corpus}; unpack the corpus first (see the docstring)", file=sys.stderr)
        return 2
    words = count_words(paths)
    report = Report(str(args.corpus), len(paths), words, args.jobs)
    scratch = Path(tempfile.mkdtemp(prefix="contentlint-perf-"))
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    measures: dict[str, Measure] = {}
    has_cache = cli_supports("--cache-dir")
    cache_args = ["--cache-dir", str(scratch / "cache")] if has_cache else []
    print(f"{len(paths)} files, {words:,} words, {args.jobs} processes", flush=True)

    def record(measure: Measure) -> None:
        measures[measure.label] = measure
        print(f"  {measure.label:<38} {measure.wall:8.1f} s wall {measure.cpu:8.1f} s CPU "
              f"{measure.words_per_second:>10,.0f} words/s  peak {measure.peak_tree_mb:6.0f} MB tree "
              f"{measure.peak_process_mb:6.0f} MB largest", flush=True)

    record(run_measured("contentlint", [contentlint_command(args.corpus, args.jobs, cache_args)], words, env=env))
    if "cache" not in skip and has_cache:
        record(run_measured("contentlint, cached re-run",
                            [contentlint_command(args.corpus, args.jobs, cache_args)], words, env=env))
    elif not has_cache:
        report.notes.append("cached re-run: n/a, this contentlint has no --cache-dir")
    no_cache = ["--no-cache"] if has_cache else []
    if "blank" not in skip:
        config = ["--config", str(blank_config(scratch)), *no_cache]
        blank = run_measured("contentlint, nlp-model = blank", [contentlint_command(args.corpus, args.jobs, config)],
                             words, env=env)
        if blank.returncode in (0, 1):
            record(blank)
        else:
            report.notes.append("blank run: n/a, this contentlint does not know nlp-model = \"blank\"")
    if "doubling" not in skip:
        half = paths[: len(paths) // 2]
        record(run_measured("contentlint, first half", [contentlint_command(half, args.jobs, no_cache)],
                            count_words(half), env=env))
    if "proselint" not in skip:
        exe = ensure_proselint()
        record(run_measured("proselint", [[str(exe), "check", *map(str, part)] for part in chunks(paths, args.jobs)],
                            words, env=env))
    if "floors" not in skip:
        parts = [[str(p) for p in part] for part in chunks(paths, args.jobs)]
        record(floor("floor: blank tokenizer", _tokenize_files, parts, args.jobs, words)[0])
        # What the rules would tag and parse is worked out first, untimed (it needs the whole analysis).
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            requests = list(pool.map(_syntax_requests, parts))
        sentences = sum(r[2] for r in requests)
        parsed = sum(len(r[0]) for r in requests)
        tagged = sum(len(r[1]) for r in requests)
        parsed_words = sum(r[3] for r in requests)
        measure, cpu = floor("floor: tokenizer + parser", _parse_files,
                             [(part, r[0], r[1]) for part, r in zip(parts, requests)], args.jobs, words)
        record(measure)
        syntax_cpu = sum(cpu)
        report.syntax = {
            "sentences": sentences, "parsed": parsed, "tagged_only": tagged,
            "share_parsed": round(parsed / sentences, 4) if sentences else 0.0,
            "share_tagged_only": round(tagged / sentences, 4) if sentences else 0.0,
            "words_parsed": parsed_words,
            "tag_parse_cpu_s": round(syntax_cpu, 3),
            "tag_parse_words_per_s_per_core": round(parsed_words / syntax_cpu) if parsed and syntax_cpu else None,
        }
        print(f"  syntax: {report.syntax}", flush=True)
    if "cold" not in skip:
        report.cold_start = {k: round(v, 3) for k, v in cold_start(pick_article(paths), no_cache=no_cache).items()}
        print(f"  cold start: {report.cold_start}", flush=True)
    if "profile" not in skip:
        report.profile = profile(paths[:200])
        print(f"  profile of 200 articles: {json.dumps(report.profile['per_stage_s'])}", flush=True)

    def wall(label: str) -> float | None:
        return measures[label].wall if label in measures else None

    main_wall = wall("contentlint")
    report.ratios = {
        "throughput vs proselint (proselint wall / contentlint wall)": _ratio(wall("proselint"), main_wall),
        "blank throughput vs proselint": _ratio(wall("proselint"), wall("contentlint, nlp-model = blank")),
        "contentlint / tokenizer floor": _ratio(main_wall, wall("floor: blank tokenizer")),
        "contentlint / tokenizer+parser floor": _ratio(main_wall, wall("floor: tokenizer + parser")),
        "cached re-run / first run": _ratio(wall("contentlint, cached re-run"), main_wall),
        "doubling (whole / half)": _ratio(main_wall, wall("contentlint, first half")),
        "syntax run / blank run": _ratio(main_wall, wall("contentlint, nlp-model = blank")),
    }
    report.measures = {label: {**asdict(m), "words_per_second": round(m.words_per_second)}
                       for label, m in measures.items()}
    print("\nratios:")
    for name, value in report.ratios.items():
        print(f"  {name:<62} {'n/a' if value is None else value}")
    for note in report.notes:
        print(f"  note: {note}")
    if report.profile:
        print("\nslowest rules in the profile (s):")
        for code, seconds in list(report.profile["per_rule_s"].items())[:10]:
            print(f"  {code:<8} {seconds:7.2f}")
    args.json.write_text(json.dumps(asdict(report), indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten {args.json}")
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
