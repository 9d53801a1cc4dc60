"""Benchmark the shipped tagger/parser (contentlint/models/en_ewt) on the NIH MedQuAD corpus.

Every article is read and split into sentences by contentlint itself (the Markdown reader and
:mod:`contentlint.language.nlp`'s splitter, as a lint run does); the sentences then go through
:mod:`contentlint.language.syntax` twice: tags only (tagger + morphologizer) and tags plus parse. Reported:

* tag+parse and tag-only speed in words per second on one core (the process pins BLAS/OpenMP to
  one thread), over the sentences actually analysed; words are spaCy tokens that are not punctuation
  or whitespace, and tokens per second are given too. Rates are per second of the process's CPU
  time, since on a shared machine wall time measures the neighbours; wall seconds are kept beside;
* the share of sentences parsed, decided by :func:`needs_parse` — the hook where a run selects only
  the sentences that a selected rule needs syntax for (today: every sentence, share 1.0);
* load time of the pipeline with and without the parser, each in a fresh process (spaCy imported
  before the clock starts, since every run imports it anyway), best of three;
* model size on disk, per component.

The corpus is unpacked to ``/tmp/corpus`` when ``/tmp/corpus/articles`` is missing.

Usage: ``python bench/syntax_bench.py [--corpus DIR] [--limit N] [--output FILE.json]``
"""

from __future__ import annotations

import os

# One core: set before numpy/thinc are imported, or their thread pools are already sized.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tarfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from dataclasses import asdict, dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[1]
ARCHIVE = REPO_ROOT.parent / "shared" / "data" / "corpus" / "medquad-articles.tar.xz"
DEFAULT_CORPUS = Path("/tmp/corpus/articles")
DEFAULT_OUTPUT = REPO_ROOT / "bench" / "syntax-bench.json"

LOAD_SNIPPET = """
import sys, time
import spacy  # imported by every run anyway; the clock measures the model alone
from contentlint.language import syntax
start, cpu = time.perf_counter(), time.process_time()
syntax.load(syntax.PARSE if sys.argv[1] == "parse" else syntax.TAGS)
print(time.perf_counter() - start, time.process_time() - cpu)
"""


@dataclass(frozen=True)
class Speed:
    """One timed pass over the sentences."""

    sentences: int
    tokens: int
    words: int
    seconds: float
    cpu_seconds: float

    @property
    def words_per_second(self) -> float:
        """Words (non-punctuation tokens) analysed per second of this process's CPU time."""
        return self.words / self.cpu_seconds if self.cpu_seconds else 0.0

    @property
    def tokens_per_second(self) -> float:
        """Tokens (punctuation included) analysed per second of CPU time."""
        return self.tokens / self.cpu_seconds if self.cpu_seconds else 0.0


def needs_parse(sentence: str) -> bool:
    """Whether a run would parse ``sentence``: the hook for rules that declare what they need.

    A run parses only the sentences that some selected rule needs a parse for (a claim verb, a
    confusable word). No rule reads the parse yet, so every sentence counts; replace this with the
    union of the selected rules' sentence filters to measure a real run's share.
    """
    return bool(sentence)


def ensure_corpus(corpus: Path) -> None:
    """Unpack the MedQuAD archive to ``corpus``'s parent when ``corpus`` is missing."""
    if corpus.is_dir():
        return
    corpus.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(ARCHIVE) as archive:
        archive.extractall(corpus.parent, filter="data")


def corpus_sentences(corpus: Path, limit: int) -> tuple[list[str], int, float]:
    """Split the first ``limit`` articles (0: all) as a lint run does; return sentences, files, seconds."""
    from contentlint.language.analysis import analyse
    from contentlint.model.document import decode, detect_format
    from contentlint.readers.load import parse

    paths = sorted(corpus.rglob("*.md"))
    if limit:
        paths = paths[:limit]
    sentences: list[str] = []
    started = time.perf_counter()
    for path in paths:
        doc = parse(decode(path.read_bytes()), str(path), detect_format(str(path)))
        sentences.extend(s.text for s in analyse(doc).sentences)
    return sentences, len(paths), time.perf_counter() - started


def timed(run: Callable[[Sequence[str]], list], sentences: Sequence[str]) -> Speed:
    """Time ``run`` over ``sentences`` and count what it analysed."""
    started, cpu = time.perf_counter(), time.process_time()
    docs = run(sentences)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    tokens = sum(len(doc) for doc in docs)
    words = sum(1 for doc in docs for token in doc if not (token.is_punct or token.is_space))
    return Speed(len(docs), tokens, words, seconds, cpu_seconds)


def load_time(level: str, repeats: int = 3) -> dict[str, float]:
    """Best-of-``repeats`` wall and CPU seconds to load the pipeline at ``level`` in a fresh process."""
    walls, cpus = [], []
    for _ in range(repeats):
        out = subprocess.run([sys.executable, "-c", LOAD_SNIPPET, level], check=True,
                             capture_output=True, text=True, cwd=REPO_ROOT)
        wall, cpu = out.stdout.strip().splitlines()[-1].split()
        walls.append(float(wall))
        cpus.append(float(cpu))
    return {"wall": round(min(walls), 3), "cpu": round(min(cpus), 3)}


def model_size(path: Path) -> dict[str, int]:
    """Bytes on disk: the whole model folder and each top-level entry."""
    sizes = {entry.name: sum(f.stat().st_size for f in ([entry] if entry.is_file() else entry.rglob("*"))
                             if f.is_file())
             for entry in sorted(path.iterdir())}
    return {"total": sum(sizes.values()), **sizes}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the JSON report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=600, help="articles to read (0: all 5,486)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)

    from contentlint.language import syntax

    ensure_corpus(args.corpus)
    sentences, files, split_seconds = corpus_sentences(args.corpus, args.limit)
    chosen = [s for s in sentences if needs_parse(s)]
    load = {"tags": load_time("tags"), "parse": load_time("parse")}
    # Warm both pipelines up first so neither timing includes loading or first-call allocation.
    syntax.tag(chosen[:50])
    syntax.parse(chosen[:50])
    tag_speed = timed(syntax.tag, chosen)
    parse_speed = timed(syntax.parse, chosen)
    report = {
        "corpus": str(args.corpus), "files": files, "sentences": len(sentences),
        "sentences_parsed": len(chosen), "share_parsed": round(len(chosen) / len(sentences), 4) if sentences else 0,
        "split_seconds": round(split_seconds, 2),
        "tag_only": {**asdict(tag_speed), "words_per_second": round(tag_speed.words_per_second),
                     "tokens_per_second": round(tag_speed.tokens_per_second)},
        "tag_parse": {**asdict(parse_speed), "words_per_second": round(parse_speed.words_per_second),
                      "tokens_per_second": round(parse_speed.tokens_per_second)},
        "load_seconds": load,
        "model_bytes": model_size(syntax.shipped_model_path()),
    }
    args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
