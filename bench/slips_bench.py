"""Benchmark the spelling-slip rules (rules/spelling) on the NIH MedQuAD article corpus, through the engine.

The corpus is edited, published text, so nearly every finding should be a false positive; the figure
that matters is findings per million words. Unpack the corpus first::

    mkdir -p /tmp/corpus && tar -xJf /work/shared/data/corpus/medquad-articles.tar.xz -C /tmp/corpus

then run ``python bench/slips_bench.py [--corpus DIR] [--findings] [--jobs N]``. The whole pack
(``--select SP``) runs through ``contentlint.api.lint_paths``, the same path as ``contentlint check``,
twice in one run: **before**, with ``nlp-model = "blank"`` (no syntax: every rule runs its string
logic, as on main before the tagger) and **after**, with the default analysis (the shipped tagger:
SP011 and SP014-SP016 also read tags, on the sentences their ``wants`` matches). Words are counted
with a plain word regex over each file's text.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

from contentlint.api import lint_paths  # noqa: E402
from contentlint.engine.config import Settings  # noqa: E402
from contentlint.engine.registry import builtin_rules_dir, load_rules  # noqa: E402
from contentlint.model.finding import Finding  # noqa: E402

DEFAULT_CORPUS = Path("/tmp/corpus/articles")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z]+)?")
MODES = {"before (blank)": Settings(nlp_model="blank"), "after (tags)": Settings()}


def count_words(corpus: Path) -> tuple[int, int]:
    """Return the number of ``*.md`` files under ``corpus`` and their words."""
    files = words = 0
    for path in corpus.rglob("*.md"):
        files += 1
        words += len(_WORD.findall(path.read_text(encoding="utf-8", errors="replace")))
    return files, words


def run(corpus: Path, settings: Settings, jobs: int) -> tuple[list[Finding], float]:
    """Lint ``corpus`` with the spelling pack only; return the findings and the seconds taken."""
    began = time.perf_counter()
    result = lint_paths([corpus], settings=settings, select=["SP"], jobs=jobs)
    findings = [f for r in result.files for f in r.findings if f.code.startswith("SP")]
    return findings, time.perf_counter() - began


def _line(finding: Finding, width: int = 110) -> str:
    """The text around a finding (its line in the file, cut to about ``width`` characters)."""
    try:
        line = Path(finding.path).read_text(encoding="utf-8", errors="replace").split("\n")[finding.line - 1]
    except (OSError, IndexError):
        return ""
    at = finding.column - 1
    start = max(0, at - width // 2)
    end = min(len(line), start + width)
    return ("..." if start else "") + line[start:end] + ("..." if end < len(line) else "")


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the pack before and after, and print the Markdown report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help=f"unpacked corpus directory (default {DEFAULT_CORPUS})")
    parser.add_argument("--findings", action="store_true", help="also list every finding")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes for each run")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus} (see the module docstring to unpack it)", file=sys.stderr)
        return 2
    files, words = count_words(args.corpus)
    rules = {code: rule for code, rule in load_rules([builtin_rules_dir()]).items() if code.startswith("SP")}
    results = {mode: run(args.corpus, settings, args.jobs) for mode, settings in MODES.items()}
    per_million = 1_000_000 / max(words, 1)
    print(f"Corpus: {files} files, {words:,} words; "
          + "; ".join(f"{mode} {seconds:.1f} s" for mode, (_, seconds) in results.items()))
    print()
    print("| rule | " + " | ".join(f"{m} findings | per M words" for m in results) + " |")
    print("|---|" + "---:|---:|" * len(results))
    counts = {mode: Counter(f.code for f in found) for mode, (found, _) in results.items()}
    for code in sorted(rules):
        cells = " | ".join(f"{counts[m][code]} | {counts[m][code] * per_million:.2f}" for m in results)
        print(f"| {code} {rules[code].name} | {cells} |")
    totals = " | ".join(f"**{len(found)}** | **{len(found) * per_million:.2f}**" for found, _ in results.values())
    print(f"| **total** | {totals} |")
    if args.findings:
        for mode, (found, _) in results.items():
            print(f"\n### {mode}: every finding\n\n| rule | file:line | match -> suggestion | text |\n|---|---|---|---|")
            for f in sorted(found, key=lambda f: (f.code, f.path, f.line, f.column)):
                rel = os.path.relpath(f.path, args.corpus)
                print(f"| {f.code} | {rel}:{f.line} | {f.match} -> {f.suggestion} | "
                      f"{_line(f).replace('|', chr(92) + '|')} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
