"""Recall and precision of the confusable slip rules, string (before) and tag-based (after), in one run.

For its/it's (SP014), your/you're (SP015), their/there (SP016) and then/than (SP011), each example
sentence (``bad``: holds the slip on ``word``; ``good``: correct, must give no finding on ``word``)
is linted through the public API (``contentlint.api.lint_text``, the real engine), twice:

* **before**: ``nlp-model = "blank"``: no syntax, so each rule runs its string logic only, which is
  the code of these rules on main before the tagger (unchanged in ``contentlint/packs/spelling/slips.py``);
* **after**: the default analysis (the shipped tagger), so the rules also read tags.

Recall = bad examples whose slip word is reported / bad examples; precision = findings on the slip
word of bad examples / all findings on bad and good examples (a finding on a good example is a
false alarm). Two example sets, reported apart:

* ``bench/confusables_examples.jsonl``: the tuning set (the tag logic was adjusted on its misses);
* ``bench/confusables_heldout.jsonl``: held apart, never tuned on (see ``bench/README-slips.md``
  for how it was written); ``--batch 2`` restricts it to the second batch only.

NIH false alarms through the engine: ``bench/slips_bench.py``.

Usage: ``python bench/confusables_eval.py [--show]``
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from contentlint.api import lint_text  # noqa: E402
from contentlint.engine.config import Settings  # noqa: E402

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE / "confusables_examples.jsonl"
HELD_OUT = HERE / "confusables_heldout.jsonl"

#: The rule of each pair.
RULES = {"its": "SP014", "your": "SP015", "their": "SP016", "then": "SP011"}
MODES = {"before (string, blank)": Settings(nlp_model="blank"), "after (tags)": None}


@dataclass(frozen=True)
class Example:
    """One sentence: the pair it tests, bad/good, the word the slip sits on (or would), its batch."""

    pair: str
    label: str
    text: str
    word: str
    batch: int = 1
    occurrence: int = 1  # which occurrence of ``word`` the slip sits on (1: the first)


def load_examples(path: Path) -> list[Example]:
    """Read the JSON-lines examples."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Example(r["pair"], r["label"], r["text"], r["word"], r.get("batch", 1), r.get("occurrence", 1))
            for r in rows]


def _word_span(example: Example) -> tuple[int, int]:
    found = list(re.finditer(r"(?<!\w)" + re.escape(example.word) + r"(?!\w)", example.text))
    assert len(found) >= example.occurrence, example
    m = found[example.occurrence - 1]
    return m.start(), m.end()


def score(examples: list[Example], settings: Settings | None, show: str = "") -> dict[str, Any]:
    """Lint every example of each pair (one document per pair, one paragraph per example)."""
    out: dict[str, Any] = {}
    for pair, code in RULES.items():
        chosen = [e for e in examples if e.pair == pair]
        if not chosen:
            continue
        text = "\n\n".join(e.text for e in chosen) + "\n"
        findings = [f for f in lint_text(text, select=(code,), settings=settings) if f.code == code]
        by_example: dict[int, list[tuple[int, int]]] = {}
        for f in findings:
            # Example k sits on line 2k+1 (1-based), starting at column 1.
            k = (f.line - 1) // 2
            by_example.setdefault(k, []).append((f.column - 1, f.end_column - 1))
        caught = true_findings = all_findings = 0
        bad = sum(e.label == "bad" for e in chosen)
        for k, e in enumerate(chosen):
            start, end = _word_span(e)
            spans = by_example.get(k, [])
            on_word = [s for s in spans if s[0] < end and s[1] > start]
            all_findings += len(spans)
            if e.label == "bad":
                caught += bool(on_word)
                true_findings += len(on_word)
            if show and ((e.label == "bad") != bool(on_word) or len(spans) != len(on_word)):
                print(f"  [{show}] {code} {e.label:4} {'HIT ' if spans else 'miss'} {e.text}")
        precision = true_findings / all_findings if all_findings else None
        out[f"{code} {pair}"] = {
            "recall": f"{caught}/{bad} = {caught / bad:.2f}",
            "precision": (f"{true_findings}/{all_findings} = {precision:.2f}" if precision is not None
                          else "no findings"),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    """Print recall and precision before and after, for the tuning and the held-apart set, as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every miss and false alarm")
    parser.add_argument("--batch", type=int, default=0, help="held-apart set: only this batch (0: all)")
    args = parser.parse_args(argv)
    held = [e for e in load_examples(HELD_OUT) if not args.batch or e.batch == args.batch]
    sets = {"tuning set": load_examples(EXAMPLES), "held-apart set": held}
    report: dict[str, Any] = {}
    for set_name, examples in sets.items():
        report[set_name] = {"examples": len(examples)}
        for mode, settings in MODES.items():
            report[set_name][mode] = score(examples, settings, f"{set_name}, {mode}" if args.show else "")
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
