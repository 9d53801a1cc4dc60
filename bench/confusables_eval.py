"""Compare the tag-based confusable checks (contentlint/packs/spelling/confusables.py) with the string rules.

Two measures, for its/it's, your/you're, their/there and then/than:

* recall and false alarms on examples written for this bench (``bad`` sentences hold the slip on
  ``word``, ``good`` ones are correct and must give no hit): ``bench/confusables_examples.jsonl`` was
  written first and the tag version was then adjusted once after reading the tags of its misses (so
  its figures there are optimistic); ``bench/confusables_heldout.jsonl`` was written afterwards and
  evaluated once, with no change to either version since — that is the fair comparison;
* false alarms on NIH MedQuAD articles (edited text: every hit is taken as a false alarm), per
  million words, over the first ``--limit`` articles split as a lint run splits them.

Usage: ``python bench/confusables_eval.py [--limit N] [--show]``
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Iterator, Mapping  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from contentlint.packs import confusables, slips  # noqa: E402
from contentlint.model.finding import Hit, Unit  # noqa: E402

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE / "confusables_examples.jsonl"
# Written after the tag version was tuned on EXAMPLES and evaluated once, untouched since: the fair test.
HELD_OUT = HERE / "confusables_heldout.jsonl"
DEFAULT_CORPUS = Path("/tmp/corpus/articles")

Check = Callable[[Unit, Mapping[str, Any]], Iterator[Hit]]
PAIRS: dict[str, tuple[Check, Check]] = {
    "its": (slips.its_its, confusables.its_its),
    "your": (slips.your_youre, confusables.your_youre),
    "their": (slips.their_there, confusables.their_there),
    "then": (slips.then_than, confusables.then_than),
}


@dataclass(frozen=True)
class Example:
    """One held-apart sentence: the pair it tests, bad/good, and the word the slip sits on."""

    pair: str
    label: str
    text: str
    word: str


def load_examples(path: Path = EXAMPLES) -> list[Example]:
    """Read the JSON-lines examples."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Example(r["pair"], r["label"], r["text"], r["word"]) for r in rows]


def catches(check: Check, example: Example) -> bool:
    """Whether ``check`` reports a hit overlapping the example's ``word``."""
    m = re.search(r"(?<!\w)" + re.escape(example.word) + r"(?!\w)", example.text)
    assert m, example
    return any(h.start < m.end() and h.end > m.start() for h in check(Unit(example.text), {}))


def examples_table(examples: list[Example]) -> dict[str, dict[str, str]]:
    """Recall on bad and false alarms on good, per pair, for the string and the tag version."""
    table: dict[str, dict[str, str]] = {}
    for pair, (old, new) in PAIRS.items():
        bad = [e for e in examples if e.pair == pair and e.label == "bad"]
        good = [e for e in examples if e.pair == pair and e.label == "good"]
        row = {}
        for name, check in (("string", old), ("tags", new)):
            found = sum(catches(check, e) for e in bad)
            alarms = sum(any(True for _ in check(Unit(e.text), {})) for e in good)
            row[name] = f"recall {found}/{len(bad)}, false alarms {alarms}/{len(good)}"
        table[pair] = row
    return table


def nih(limit: int, show: bool) -> dict[str, Any]:
    """Hits per million words on the first ``limit`` NIH articles, string vs tag version."""
    from contentlint.language.analysis import analyse
    from contentlint.model.document import decode, detect_format
    from contentlint.readers.load import parse

    paths = sorted(DEFAULT_CORPUS.rglob("*.md"))[:limit]
    sentences: list[str] = []
    for path in paths:
        doc = parse(decode(path.read_bytes()), str(path), detect_format(str(path)))
        sentences.extend(s.text for s in analyse(doc).sentences)
    words = sum(len(s.split()) for s in sentences)
    out: dict[str, Any] = {"files": len(paths), "sentences": len(sentences), "words": words}
    for pair, (old, new) in PAIRS.items():
        row = {}
        for name, check in (("string", old), ("tags", new)):
            started = time.perf_counter()
            hits = [(s, h) for s in sentences for h in check(Unit(s), {})]
            row[name] = {"hits": len(hits), "per_million_words": round(1e6 * len(hits) / words, 1),
                         "seconds": round(time.perf_counter() - started, 2)}
            if show and name == "tags":
                for sentence, hit in hits[:15]:
                    print(f"  {pair} [{hit.match} -> {hit.suggestion}] {sentence[:140]}")
        out[pair] = row
    return out


def main(argv: list[str] | None = None) -> int:
    """Print both measures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=600, help="NIH articles to read (0: none)")
    parser.add_argument("--show", action="store_true", help="print the tag version's NIH hits")
    args = parser.parse_args(argv)
    report: dict[str, Any] = {
        "examples (tuning set)": examples_table(load_examples(EXAMPLES)),
        "held-out examples": examples_table(load_examples(HELD_OUT)),
    }
    if args.limit:
        report["nih"] = nih(args.limit, args.show)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
