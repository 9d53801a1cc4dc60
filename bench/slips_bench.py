"""Benchmark the spelling-slip rules (rules/spelling) on the unpacked NIH MedQuAD article corpus.

The corpus is edited, published text, so nearly every finding should be a false positive; the figure
that matters is findings per million words. Unpack the corpus first::

    mkdir -p /tmp/corpus && tar -xJf /work/shared/data/corpus/medquad-articles.tar.xz -C /tmp/corpus

then run ``python bench/slips_bench.py [--corpus DIR] [--findings]``. Reading is deliberately simple
(no Markdown parser): lines starting with ``#`` or ``<!--`` are dropped, paragraphs are split on blank
lines and sentences with a regular expression, and each rule function sees one sentence at a time.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contentlint.engine import registry
from contentlint.model.finding import Hit, Unit

ROOT = Path(__file__).resolve().parent.parent
RULE_DIR = ROOT / "rules" / "spelling"
DEFAULT_CORPUS = Path("/tmp/corpus/articles")

RuleFn = Callable[[Unit, Any], Iterable[Hit]]

# A sentence ends at . ! or ? followed by space and a capital, digit, quote or bracket. Crude, but
# every rule here looks at a few words around its match, so a missed split costs nothing.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\u201c])")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z]+)?")


@dataclass(frozen=True, slots=True)
class Rule:
    """A spelling rule as the engine loads it: code, name, and its kind's check with prepared options."""

    code: str
    name: str
    fn: RuleFn
    options: Any


@dataclass(frozen=True, slots=True)
class Finding:
    """One hit in the corpus, kept for the review list."""

    code: str
    path: str
    sentence: str
    match: str
    suggestion: str | None


def load_rules(rule_dir: Path = RULE_DIR) -> list[Rule]:
    """Load every rule of the pack ``rule_dir`` through the registry (pattern and python kinds alike)."""
    lexicons = registry.load_lexicons([rule_dir.parent])
    rules: list[Rule] = []
    for path in sorted(rule_dir.glob("*.yaml")):
        rule = registry.load_rule(path, rule_dir.name, lexicons=lexicons)
        kind = registry.kind_for(rule.kind)
        rules.append(Rule(code=rule.code, name=rule.name, fn=kind.check, options=rule.prepared))
    return rules


def sentences(text: str) -> Iterator[str]:
    """Yield the prose sentences of a corpus Markdown file (headings and comments dropped)."""
    kept = [line for line in text.splitlines() if not line.lstrip().startswith(("#", "<!--"))]
    for paragraph in re.split(r"\n\s*\n", "\n".join(kept)):
        flat = " ".join(paragraph.split())
        if flat:
            yield from (s for s in _SENTENCE_END.split(flat) if s)


def run(corpus: Path, rules: list[Rule]) -> tuple[int, int, list[Finding]]:
    """Run ``rules`` over every ``*.md`` file under ``corpus``; return files, words and findings."""
    files = words = 0
    findings: list[Finding] = []
    for path in sorted(corpus.rglob("*.md")):
        files += 1
        rel = str(path.relative_to(corpus))
        for sentence in sentences(path.read_text(encoding="utf-8", errors="replace")):
            words += len(_WORD.findall(sentence))
            unit = Unit(text=sentence)
            for rule in rules:
                for hit in rule.fn(unit, rule.options):
                    findings.append(Finding(rule.code, rel, sentence, hit.match, hit.suggestion))
    return files, words, findings


def _excerpt(sentence: str, match: str, width: int = 90) -> str:
    """Return the part of ``sentence`` around ``match``, at most about ``width`` characters."""
    at = sentence.find(match)
    if len(sentence) <= width or at < 0:
        return sentence
    start = max(0, at - width // 2)
    end = min(len(sentence), start + width)
    return ("..." if start else "") + sentence[start:end] + ("..." if end < len(sentence) else "")


def report(files: int, words: int, findings: list[Finding], rules: list[Rule], seconds: float,
           list_findings: bool) -> str:
    """Return the Markdown report: per-rule counts and rates, the total, and optionally each finding."""
    per_million = 1_000_000 / max(words, 1)
    counts = Counter(f.code for f in findings)
    lines = [
        f"Corpus: {files} files, {words:,} words, {seconds:.1f} s",
        "",
        "| rule | findings | per million words |",
        "|---|---:|---:|",
    ]
    for rule in rules:
        n = counts.get(rule.code, 0)
        lines.append(f"| {rule.code} {rule.name} | {n} | {n * per_million:.2f} |")
    lines.append(f"| **total** | **{len(findings)}** | **{len(findings) * per_million:.2f}** |")
    if list_findings:
        lines += ["", "| rule | file | match -> suggestion | sentence |", "|---|---|---|---|"]
        for f in sorted(findings, key=lambda f: (f.code, f.path)):
            text = _excerpt(f.sentence, f.match).replace("|", "\\|")
            lines.append(f"| {f.code} | {f.path} | {f.match} -> {f.suggestion} | {text} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the bench and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help=f"unpacked corpus directory (default {DEFAULT_CORPUS})")
    parser.add_argument("--rules", type=Path, default=RULE_DIR, help="directory of spelling rule files")
    parser.add_argument("--findings", action="store_true", help="also list every finding")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus} (see the module docstring to unpack it)", file=sys.stderr)
        return 2
    rules = load_rules(args.rules)
    began = time.perf_counter()
    files, words, findings = run(args.corpus, rules)
    print(report(files, words, findings, rules, time.perf_counter() - began, args.findings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
