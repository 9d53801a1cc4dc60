"""Bench for the claims rules: MC001 on labelled PubMed conclusions, MC001-MC004 on the NIH corpus.

Run ``python bench/claims_eval.py`` (see ``--help``).  Part 1 scores MC001's "unhedged claim" against
the claim-strength labels of Yu, Li & Wang (EMNLP 2019): label 3 (direct causal) is the positive
class, compared once with labels 1+2 (hedged: correlational, conditional causal) and once with every
other label; a plain regex baseline (causal verb and no hedge word) is scored in the same run.  The
rows are split deterministically: lexicons were tuned looking at even rows, odd rows are held out.
Part 2 runs all four rules over the NIH Markdown corpus and reports findings per million words, and
can write a reproducible sample of findings for reading by hand.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from contentlint.finding import Hit, Unit

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules" / "claims"
DEFAULT_CSV = Path("/work/shared/data/claims/pubmed-claim-strength.csv")
DEFAULT_CORPUS = Path("/tmp/corpus/articles")

# The baseline the data README describes: any causal verb, and no hedge word anywhere.
BASELINE_CAUSAL = re.compile(
    r"\b(?:cause[sd]?|lead(?:s)? to|led to|result(?:s|ed)? in|increase[sd]?|reduce[sd]?|lower(?:s|ed)?|"
    r"raise[sd]?|improve[sd]?|boost(?:s|ed)?|promote[sd]?|protect(?:s|ed)?|prevent(?:s|ed)?|"
    r"stop(?:s|ped)?|trigger(?:s|ed)?|cure[sd]?|treat(?:s|ed)?|relieve[sd]?|decrease[sd]?|"
    r"effective)\b", re.IGNORECASE)
BASELINE_HEDGE = re.compile(
    r"\b(?:may|might|could|can|would|suggests?|appears?|seems?|likely|possibly|probably|"
    r"potentially|associated|linked|related|correlated)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Rule:
    """A claims rule loaded from its YAML file: code, name, entry function and options."""

    code: str
    name: str
    func: Callable[[Unit, Mapping[str, Any]], Iterable[Hit]]
    options: Mapping[str, Any]


def load_rules() -> list[Rule]:
    """Load every rule file in rules/claims and resolve its entry function."""
    import importlib

    rules = []
    for path in sorted(RULES.glob("MC*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        module, _, func = data["options"]["entry"].partition(":")
        rules.append(Rule(data["code"], data["name"], getattr(importlib.import_module(module), func),
                          data["options"]))
    return rules


@dataclass(frozen=True, slots=True)
class Score:
    """Precision, recall and F1 of one predictor on one comparison."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        """Share of flagged sentences that are positives."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """Share of positives that are flagged."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self, label: str) -> str:
        """Return a Markdown table row."""
        return (f"| {label} | {self.precision:.3f} | {self.recall:.3f} | {self.f1:.3f} | "
                f"{self.tp} | {self.fp} | {self.fn} |")


def score(pairs: list[tuple[int, bool]], negatives: set[int]) -> Score:
    """Score predictions of label 3 against the given negative labels (others are ignored)."""
    tp = sum(1 for lab, pred in pairs if lab == 3 and pred)
    fn = sum(1 for lab, pred in pairs if lab == 3 and not pred)
    fp = sum(1 for lab, pred in pairs if lab in negatives and pred)
    return Score(tp, fp, fn)


def baseline(sentence: str) -> bool:
    """The plain regex baseline: a causal verb and no hedge word."""
    return bool(BASELINE_CAUSAL.search(sentence)) and not BASELINE_HEDGE.search(sentence)


def pubmed(csv_path: Path, rule: Rule) -> list[str]:
    """Score MC001 and the baseline on the labelled CSV; return Markdown lines."""
    with csv_path.open(encoding="utf-8", newline="") as fh:
        rows = [(r["sentence"], int(r["label"])) for r in csv.DictReader(fh)]
    ours = [(lab, bool(list(rule.func(Unit(text=s), rule.options)))) for s, lab in rows]
    base = [(lab, baseline(s)) for s, lab in rows]
    lines = [f"Rows: {len(rows)} ({dict(sorted(Counter(lab for _s, lab in rows).items()))}).", "",
             "| predictor, split, comparison | precision | recall | F1 | TP | FP | FN |",
             "|---|---|---|---|---|---|---|"]
    splits = {"all": lambda i: True, "even (tuned)": lambda i: i % 2 == 0,
              "odd (held out)": lambda i: i % 2 == 1}
    for pname, preds in (("MC001", ours), ("baseline", base)):
        for sname, keep in splits.items():
            sub = [p for i, p in enumerate(preds) if keep(i)]
            lines.append(score(sub, {1, 2}).row(f"{pname}, {sname}, 3 vs 1+2"))
            lines.append(score(sub, {0, 1, 2}).row(f"{pname}, {sname}, 3 vs all"))
    flagged = Counter(lab for lab, pred in ours if pred)
    lines += ["", f"MC001 flags by label: {dict(sorted(flagged.items()))}."]
    return lines


_SENTENCIZER: Any = None


def sentences(paragraph: str) -> Iterator[str]:
    """Split a paragraph into sentences with spaCy's rule-based sentencizer (no model needed)."""
    global _SENTENCIZER
    if _SENTENCIZER is None:
        import spacy

        _SENTENCIZER = spacy.blank("en")
        _SENTENCIZER.add_pipe("sentencizer")
    for sent in _SENTENCIZER(paragraph).sents:
        text = sent.text.strip()
        if text:
            yield text


def paragraphs(path: Path) -> Iterator[str]:
    """Yield the prose paragraphs of a Markdown file: blank-line separated, headings and comments skipped."""
    block: list[str] = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", "<!--")):
            if block:
                yield " ".join(block)
                block = []
            continue
        block.append(stripped.lstrip("-*+ ").strip())
    if block:
        yield " ".join(block)


def corpus(corpus_dir: Path, rules: list[Rule], sample: int, seed: int,
           sample_rule: str | None = None) -> tuple[list[str], list[tuple[str, str, str, str]]]:
    """Run every rule over the corpus; return Markdown lines and a sample of findings.

    With ``sample_rule`` the sample is drawn from that rule's findings only, so that a change to
    one rule can be read without the other rules' findings diluting it.
    """
    files = sorted(corpus_dir.rglob("*.md"))
    words = 0
    counts: Counter[str] = Counter()
    findings: list[tuple[str, str, str, str]] = []  # (code, match, sentence, file)
    t0 = time.perf_counter()
    for path in files:
        for para in paragraphs(path):
            words += len(para.split())
            for sent in sentences(para):
                unit = Unit(text=sent)
                for rule in rules:
                    for hit in rule.func(unit, rule.options):
                        counts[rule.code] += 1
                        findings.append((rule.code, hit.match, sent, str(path.relative_to(corpus_dir))))
    elapsed = time.perf_counter() - t0
    lines = [f"Files: {len(files)}; words: {words:,}; time: {elapsed:.0f} s.", "",
             "| rule | findings | per million words |", "|---|---|---|"]
    for rule in rules:
        n = counts[rule.code]
        lines.append(f"| {rule.code} {rule.name} | {n} | {n / words * 1e6:.1f} |")
    rng = random.Random(seed)
    pool = [f for f in findings if sample_rule is None or f[0] == sample_rule]
    chosen = rng.sample(pool, min(sample, len(pool)))
    return lines, chosen


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the benches and print Markdown to stdout."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV, help="labelled claim-strength CSV")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="NIH Markdown corpus dir")
    parser.add_argument("--no-corpus", action="store_true", help="skip the corpus part")
    parser.add_argument("--sample", type=int, default=30, help="findings to sample from the corpus")
    parser.add_argument("--seed", type=int, default=7, help="seed of the sample")
    parser.add_argument("--sample-out", type=Path, help="write the sample as a Markdown table here")
    parser.add_argument("--sample-rule", help="draw the sample from this rule's findings only (MC001)")
    args = parser.parse_args(argv)
    rules = load_rules()
    mc001 = next(r for r in rules if r.code == "MC001")
    print("## PubMed claim strength (MC001)\n")
    print("\n".join(pubmed(args.csv, mc001)))
    if not args.no_corpus:
        lines, chosen = corpus(args.corpus, rules, args.sample, args.seed, args.sample_rule)
        print("\n## NIH corpus\n")
        print("\n".join(lines))
        table = ["| # | rule | match | sentence | file |", "|---|---|---|---|---|"]
        for i, (code, match, sent, path) in enumerate(chosen, 1):
            table.append(f"| {i} | {code} | {match} | {sent.replace('|', '/')} | {path} |")
        if args.sample_out:
            args.sample_out.write_text("\n".join(table) + "\n", encoding="utf-8")
        else:
            print("\n" + "\n".join(table))
    return 0


if __name__ == "__main__":
    sys.exit(main())
