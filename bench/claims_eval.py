"""Bench for the claims rules: PubMed conclusions, regulator-quoted claims, the claims dev set, NIH corpus.

Run ``python bench/claims_eval.py`` (see ``--help``); one run prints every part and, with ``--json``,
writes the figures as JSON.  Part 1 scores MC001's "unhedged claim" against the claim-strength
labels of Yu, Li & Wang (EMNLP 2019): label 3 (direct causal) is the positive class, compared once
with labels 1+2 (hedged: correlational, conditional causal) and once with every other label; a plain
regex baseline (causal verb and no hedge word) is scored in the same run, and recall is also given on
the label-3 rows that the product should flag (no negation and no hedge word, by the documented
``SHOULD_FLAG_*`` filter).  The rows are split deterministically: lexicons were tuned looking at even
rows, odd rows are held out.  Part 2 lints the claims that regulators quoted from companies' pages
(``regulator-claims-dev.jsonl``).  Part 3 lints the project's labelled development set
(``bench/claims-dev/claims-dev.jsonl``, see its GUIDELINE.md) as Markdown snippets through the
engine and scores each rule per style and split.  Part 4 runs all four rules over the NIH Markdown
corpus (or every n-th file of it) and reports findings per million words, and can write a
reproducible sample of findings for reading by hand.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


from contentlint.model.finding import Hit, Unit
from contentlint.language.syntax import SyntaxMemo, syntax_source

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules" / "claims"
DEFAULT_CSV = Path("/work/shared/data/claims/pubmed-claim-strength.csv")
DEFAULT_CORPUS = Path("/tmp/corpus/articles")
DEFAULT_REGULATOR = Path("/work/shared/data/claims/regulator-claims-dev.jsonl")
DEFAULT_DEVSET = ROOT / "bench" / "claims-dev" / "claims-dev.jsonl"
CODES = ("MC001", "MC002", "MC003", "MC004")

# The label-3 rows the product should flag: a direct causal conclusion with no negation and no hedge
# word anywhere in the sentence (the brief: a negated result or a hedged one is not an unhedged
# claim).  Label 3 in the data includes "did not improve" and "our findings suggest that X reduced Y".
# Bare "can" is not in the hedge list (the product spec: "X can reduce Y" with a treatment subject
# is a claim); "can help" is.
SHOULD_FLAG_NEGATION = re.compile(
    r"\b(?:not|no|nor|neither|never|without|cannot|fail(?:s|ed)? to|lack(?:s|ed)? of|absence of|"
    r"unchanged|similar|comparable)\b|n't\b", re.IGNORECASE)
SHOULD_FLAG_HEDGE = re.compile(
    r"\b(?:may|might|could|would|can help|suggest(?:s|ed|ing)?|indicat(?:e|es|ed|ing)|appears?|appeared|"
    r"seems?|seemed|likely|unlikely|possibly|possible|probably|potential(?:ly)?|perhaps|associated|"
    r"association|linked|related|correlated|correlation|predict(?:s|ed|ive|or)?|hypothes\w*|"
    r"preliminary|promising)\b", re.IGNORECASE)
# Regulator rows: product kinds whose hedged disease claims MC004 should report (every kind but devices).
MC004_KINDS = frozenset({"supplement", "cbd", "covid", "homeopathic", "stem-cell", "other"})

# The baseline the data README describes: any causal verb, and no hedge word anywhere.
BASELINE_CAUSAL = re.compile(
    r"\b(?:cause[sd]?|lead(?:s)? to|led to|result(?:s|ed)? in|increase[sd]?|reduce[sd]?|lower(?:s|ed)?|"
    r"raise[sd]?|improve[sd]?|boost(?:s|ed)?|promote[sd]?|protect(?:s|ed)?|prevent(?:s|ed)?|"
    r"stop(?:s|ped)?|trigger(?:s|ed)?|cure[sd]?|treat(?:s|ed)?|relieve[sd]?|decrease[sd]?|"
    r"effective)\b", re.IGNORECASE)
BASELINE_HEDGE = re.compile(
    r"\b(?:may|might|could|can|would|suggests?|appears?|seems?|likely|possibly|probably|"
    r"potentially|associated|linked|related|correlated)\b", re.IGNORECASE)


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


@dataclass(frozen=True, slots=True)
class Rule:
    """A claims rule as the engine loaded it: code, name, a check function and its prepared options."""

    code: str
    name: str
    func: Callable[[Unit, Any], Iterable[Hit]]
    options: Any
    engine: Any = None


def load_rules() -> list[Rule]:
    """Load the claims rules through the engine's registry (so shared lexicons resolve as in a run)."""
    from contentlint.kinds import KINDS
    from contentlint.engine.registry import builtin_rules_dir
    from contentlint.engine.registry import load_rules as load_all

    loaded = load_all([builtin_rules_dir()])
    rules = []
    for code in sorted(c for c in loaded if c in CODES):
        rule = loaded[code]
        kind = KINDS[rule.kind]
        rules.append(Rule(code, rule.name, kind.check, rule.prepared, rule))
    return rules


def engine_rules(rules: list[Rule]) -> dict[str, Any]:
    """The registry rules keyed by code, for ``lint_document``."""
    return {r.code: r.engine for r in rules}


# One syntax memo for the PubMed and NIH parts, with the shipped parser (as a default run has):
# a sentence is parsed at most once, and only when a rule asks for its parse.
_SYNTAX = SyntaxMemo(syntax_source(None))


def hits(rule: Rule, sentence: str) -> list[Hit]:
    """Run one rule on one sentence, as the engine does for a sentence unit (with the parser)."""
    return list(rule.func(Unit(text=sentence, syntax=_SYNTAX), rule.options))


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

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def score(pairs: list[tuple[int, bool]], negatives: set[int]) -> Score:
    """Score predictions of label 3 against the given negative labels (others are ignored)."""
    tp = sum(1 for lab, pred in pairs if lab == 3 and pred)
    fn = sum(1 for lab, pred in pairs if lab == 3 and not pred)
    fp = sum(1 for lab, pred in pairs if lab in negatives and pred)
    return Score(tp, fp, fn)


def baseline(sentence: str) -> bool:
    """The plain regex baseline: a causal verb and no hedge word."""
    return bool(BASELINE_CAUSAL.search(sentence)) and not BASELINE_HEDGE.search(sentence)


def should_flag(sentence: str) -> bool:
    """Whether a label-3 row is one the product should flag: no negation and no hedge word."""
    return not SHOULD_FLAG_NEGATION.search(sentence) and not SHOULD_FLAG_HEDGE.search(sentence)


def pubmed(csv_path: Path, rule: Rule, out: dict[str, Any]) -> list[str]:
    """Score MC001 and the baseline on the labelled CSV; return Markdown lines, figures into ``out``."""
    with csv_path.open(encoding="utf-8", newline="") as fh:
        rows = [(r["sentence"], int(r["label"])) for r in csv.DictReader(fh)]
    ours = [(lab, bool(hits(rule, s))) for s, lab in rows]
    base = [(lab, baseline(s)) for s, lab in rows]
    lines = [f"Rows: {len(rows)} ({dict(sorted(Counter(lab for _s, lab in rows).items()))}).", "",
             "| predictor, split, comparison | precision | recall | F1 | TP | FP | FN |",
             "|---|---|---|---|---|---|---|"]
    splits = {"all": lambda i: True, "even (tuned)": lambda i: i % 2 == 0,
              "odd (held out)": lambda i: i % 2 == 1}
    figures: dict[str, Any] = {"rows": len(rows)}
    for pname, preds in (("MC001", ours), ("baseline", base)):
        for sname, keep in splits.items():
            sub = [p for i, p in enumerate(preds) if keep(i)]
            for cname, negatives in (("3 vs 1+2", {1, 2}), ("3 vs all", {0, 1, 2})):
                sc = score(sub, negatives)
                lines.append(sc.row(f"{pname}, {sname}, {cname}"))
                figures[f"{pname}|{sname.split()[0]}|{cname}"] = sc.to_dict()
    flagged = Counter(lab for lab, pred in ours if pred)
    lines += ["", f"MC001 flags by label: {dict(sorted(flagged.items()))}.", ""]
    # Recall on the label-3 rows the product should flag (documented filter: SHOULD_FLAG_*).
    lines += ["Label-3 rows the product should flag (no negation, no hedge word: `SHOULD_FLAG_NEGATION`, "
              "`SHOULD_FLAG_HEDGE` in this file):", "",
              "| split | label-3 rows | kept by the filter | MC001 flags | recall | baseline recall |",
              "|---|---|---|---|---|---|"]
    for sname, keep in splits.items():
        idx = [i for i, (s, lab) in enumerate(rows) if lab == 3 and keep(i)]
        kept = [i for i in idx if should_flag(rows[i][0])]
        found = sum(1 for i in kept if ours[i][1])
        bfound = sum(1 for i in kept if base[i][1])
        rec = found / len(kept) if kept else 0.0
        brec = bfound / len(kept) if kept else 0.0
        lines.append(f"| {sname} | {len(idx)} | {len(kept)} | {found} | {rec:.3f} | {brec:.3f} |")
        figures[f"should-flag|{sname.split()[0]}"] = {"label3": len(idx), "kept": len(kept), "found": found,
                                                     "recall": round(rec, 4), "baseline_recall": round(brec, 4)}
    out["pubmed"] = figures
    return lines


def lint_markdown(markdown: str, rules: Mapping[str, Any], fmt: str = "markdown") -> list[Any]:
    """Lint one snippet through the engine (reader, sentences, analysis) and return its findings."""
    from contentlint.readers.load import parse
    from contentlint.engine.linter import lint_document

    return lint_document(parse(markdown, f"snippet.{'md' if fmt == 'markdown' else 'txt'}", fmt), rules).findings


def regulator(path: Path, rules: list[Rule], out: dict[str, Any]) -> list[str]:
    """Lint each regulator-quoted claim as plain text; report the issue's three shares."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    engine = engine_rules(rules)
    codes = [{f.code for f in lint_markdown(r["text"], engine, "text")} for r in rows]
    groups = {
        "U reported by some claims rule": ([i for i, r in enumerate(rows) if r["label"] == "U"], None),
        "H (supplement, CBD, homeopathic, COVID-19, stem-cell, other non-device) reported by MC004":
            ([i for i, r in enumerate(rows) if r["label"] == "H" and r["product_kind"] in MC004_KINDS], "MC004"),
        "O reported by some claims rule (lower is better)": ([i for i, r in enumerate(rows) if r["label"] == "O"], None),
        "T reported by some claims rule (for information)": ([i for i, r in enumerate(rows) if r["label"] == "T"], None),
    }
    lines = [f"Rows: {len(rows)} ({dict(sorted(Counter(r['label'] for r in rows).items()))}); each row linted "
             "as a plain-text document.", "", "| share | rows | reported | share |", "|---|---|---|---|"]
    figures: dict[str, Any] = {"rows": len(rows)}
    for name, (idx, code) in groups.items():
        n = sum(1 for i in idx if (code in codes[i] if code else codes[i]))
        share = n / len(idx) if idx else 0.0
        lines.append(f"| {name} | {len(idx)} | {n} | {share:.3f} |")
        figures[name.split(" ", 1)[0]] = {"rows": len(idx), "reported": n, "share": round(share, 4),
                                          "rule": code or "any"}
    by_rule = Counter(c for cs in codes for c in cs)
    lines += ["", f"Rows reported, by rule: {dict(sorted(by_rule.items()))}."]
    out["regulator"] = figures
    return lines


def _offset(text: str, line: int, column: int) -> int:
    """Character offset of a 1-based line and column."""
    lines = text.split("\n")
    return sum(len(x) + 1 for x in lines[: line - 1]) + column - 1


def devset_predictions(items: list[dict[str, Any]], rules: list[Rule],
                       spans_out: list[dict[str, list[tuple[int, int]]]] | None = None) -> list[dict[str, Any]]:
    """Lint each item's Markdown and keep the findings that overlap the judged sentence.

    Returns, per item, the matched text of each rule's findings; ``spans_out`` (if given) receives
    their offsets relative to the judged sentence.
    """
    engine = engine_rules(rules)
    preds = []
    for item in items:
        md, text = item["markdown"], item["text"]
        start = md.index(text)
        end = start + len(text)
        got: dict[str, list[str]] = {}
        spans: dict[str, list[tuple[int, int]]] = {}
        for f in lint_markdown(md, engine):
            if f.code not in CODES:
                continue
            fs = _offset(md, f.line, f.column)
            fe = max(_offset(md, f.end_line, f.end_column), fs + 1)
            if fs < end and fe > start:
                got.setdefault(f.code, []).append(f.match or "")
                spans.setdefault(f.code, []).append((fs - start, fe - start))
        preds.append(got)
        if spans_out is not None:
            spans_out.append(spans)
    return preds


def trigger_agreement(items: list[dict[str, Any]], preds: list[dict[str, list[str]]],
                      spans: list[dict[str, list[tuple[int, int]]]]) -> dict[str, tuple[int, int]]:
    """Per rule: (hits whose finding overlaps the labelled trigger span, hits)."""
    out: dict[str, tuple[int, int]] = {}
    for code in CODES:
        agree = total = 0
        for item, got, found in zip(items, preds, spans):
            if code in item["rules"] and code in got:
                total += 1
                t0 = item["text"].index(item["triggers"][code])
                t1 = t0 + len(item["triggers"][code])
                agree += any(s < t1 and e > t0 for s, e in found.get(code, []))
        out[code] = (agree, total)
    return out


def _judge(item: dict[str, Any], got: Mapping[str, list[str]], policy: str) -> dict[str, Any]:
    """Per-rule TP/FP/FN of one item under a policy (``general`` or ``patient-information``)."""
    required = set(item["rules"] if policy == "general" else item["rules_patient_information"])
    allowed = set(item["allowed"])
    reported = set(got)
    res: dict[str, Any] = {}
    for code in CODES:
        res[code] = ("tp" if code in required and code in reported else
                     "fn" if code in required else
                     "fp" if code in reported and code not in allowed else None)
    # "any": is the sentence reported by some claims rule when it should be, and not when it should not?
    extra = reported - allowed - required
    res["any"] = ("tp" if required and reported else "fn" if required else "fp" if extra else None)
    return res


def devset(path: Path, rules: list[Rule], out: dict[str, Any]) -> list[str]:
    """Score every rule on the dev set per split and style; list misses and false alarms by pattern."""
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    found: list[dict[str, list[tuple[int, int]]]] = []
    preds = devset_predictions(items, rules, found)
    counts = Counter((it["style"], it["split"]) for it in items)
    lines = [f"Items: {len(items)}; by style and split: "
             f"{', '.join(f'{s}/{sp} {n}' for (s, sp), n in sorted(counts.items()))}. Each item's Markdown is linted "
             "through the engine; a rule counts for an item when one of its findings overlaps the judged "
             "sentence. `allowed` rules are neither hits nor false alarms; `any` asks whether the sentence is "
             "reported by some claims rule.", ""]
    figures: dict[str, Any] = {"items": len(items)}
    styles = ["marketing", "news", "patient-info", "all"]
    for policy in ("general", "patient-information"):
        judged = [_judge(it, got, policy) for it, got in zip(items, preds)]
        lines += [f"#### Policy `{policy}`" + (" (MC001 not expected on public-health guidance)"
                                               if policy != "general" else ""), ""]
        for split in ("dev", "held"):
            lines += [f"Split `{split}`:", "", "| style | rule | precision | recall | F1 | TP | FP | FN |",
                      "|---|---|---|---|---|---|---|---|"]
            for style in styles:
                sel = [j for j, it in zip(judged, items)
                       if it["split"] == split and (style == "all" or it["style"] == style)]
                for code in (*CODES, "any") if policy == "general" else ("MC001", "any"):
                    c = Counter(j[code] for j in sel)
                    sc = Score(c["tp"], c["fp"], c["fn"])
                    lines.append(f"| {style} | {code} | {sc.precision:.3f} | {sc.recall:.3f} | {sc.f1:.3f} | "
                                 f"{sc.tp} | {sc.fp} | {sc.fn} |")
                    figures[f"{policy}|{split}|{style}|{code}"] = sc.to_dict()
            lines.append("")
    agreement = trigger_agreement(items, preds, found)
    lines += ["Trigger agreement (both splits): of the items where a required rule reported the sentence, "
              "how many have a finding that overlaps the labelled trigger span: "
              + ", ".join(f"{c} {a}/{t}" for c, (a, t) in agreement.items()) + ".", ""]
    figures["trigger_agreement"] = {c: {"agree": a, "hits": t} for c, (a, t) in agreement.items()}
    # Misses and false alarms under the general policy, grouped by the item's patterns.
    judged = [_judge(it, got, "general") for it, got in zip(items, preds)]
    by_pattern: dict[str, list[str]] = {}
    wrong = []
    for it, got, j in zip(items, preds, judged):
        miss = [c for c in CODES if j[c] == "fn"]
        alarm = [c for c in CODES if j[c] == "fp"]
        if not miss and not alarm:
            continue
        what = "; ".join([*(f"missed {c} `{it['triggers'][c]}`" for c in miss),
                          *(f"false {c} `{' / '.join(got[c])}`" for c in alarm)])
        entry = f"- `{it['id']}` ({it['split']}) {it['text'].strip()[:110]!r}: {what}"
        wrong.append({"id": it["id"], "split": it["split"], "missed": miss, "false": alarm,
                      "patterns": it["patterns"]})
        for pattern in it["patterns"] or ["(none)"]:
            by_pattern.setdefault(pattern, []).append(entry)
    totals = Counter(p for it in items for p in it["patterns"])
    missed_by = Counter(p for w in wrong if w["missed"] for p in w["patterns"])
    false_by = Counter(p for w in wrong if w["false"] for p in w["patterns"])
    lines += ["#### Items with a miss or a false alarm, per pattern (policy `general`, both splits)", "",
              "| pattern | items | with a miss | with a false alarm |", "|---|---|---|---|"]
    for pattern in sorted(totals, key=lambda p: (-(missed_by[p] + false_by[p]), p)):
        lines.append(f"| `{pattern}` | {totals[pattern]} | {missed_by[pattern]} | {false_by[pattern]} |")
    figures["by_pattern"] = {p: {"items": totals[p], "missed": missed_by[p], "false": false_by[p]} for p in totals}
    lines += ["", "#### Misses and false alarms by pattern (policy `general`, both splits)", ""]
    for pattern in sorted(by_pattern):
        lines += [f"**{pattern}** ({len(by_pattern[pattern])})", "", *by_pattern[pattern], ""]
    figures["wrong"] = wrong
    out["devset"] = figures
    return lines


def corpus(corpus_dir: Path, rules: list[Rule], sample: int, seed: int,
           sample_rule: str | None = None, every: int = 1,
           out: dict[str, Any] | None = None) -> tuple[list[str], list[tuple[str, str, str, str]]]:
    """Run every rule over the corpus (every ``every``-th file); return Markdown lines and a sample.

    With ``sample_rule`` the sample is drawn from that rule's findings only, so that a change to
    one rule can be read without the other rules' findings diluting it.
    """
    files = sorted(corpus_dir.rglob("*.md"))[::every]
    words = 0
    counts: Counter[str] = Counter()
    findings: list[tuple[str, str, str, str]] = []  # (code, match, sentence, file)
    t0 = time.perf_counter()
    for path in files:
        for para in paragraphs(path):
            words += len(para.split())
            for sent in sentences(para):
                unit = Unit(text=sent, syntax=_SYNTAX)
                for rule in rules:
                    for hit in rule.func(unit, rule.options):
                        counts[rule.code] += 1
                        findings.append((rule.code, hit.match, sent, str(path.relative_to(corpus_dir))))
    elapsed = time.perf_counter() - t0
    lines = [f"Files: {len(files)}" + (f" (every {every}th file)" if every > 1 else "") +
             f"; words: {words:,}; time: {elapsed:.0f} s.", "",
             "| rule | findings | per million words |", "|---|---|---|"]
    figures: dict[str, Any] = {"files": len(files), "every": every, "words": words}
    for rule in rules:
        n = counts[rule.code]
        rate = n / words * 1e6 if words else 0.0
        lines.append(f"| {rule.code} {rule.name} | {n} | {rate:.1f} |")
        figures[rule.code] = {"findings": n, "per_million_words": round(rate, 1)}
    if out is not None:
        out["nih"] = figures
    rng = random.Random(seed)
    pool = [f for f in findings if sample_rule is None or f[0] == sample_rule]
    chosen = rng.sample(pool, min(sample, len(pool)))
    return lines, chosen


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the benches and print Markdown to stdout."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV, help="labelled claim-strength CSV")
    parser.add_argument("--regulator", type=Path, default=DEFAULT_REGULATOR, help="regulator-quoted claims JSONL")
    parser.add_argument("--devset", type=Path, default=DEFAULT_DEVSET, help="the claims development set JSONL")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="NIH Markdown corpus dir")
    parser.add_argument("--corpus-every", type=int, default=1, help="lint every n-th corpus file only")
    parser.add_argument("--no-corpus", action="store_true", help="skip the corpus part")
    parser.add_argument("--sample", type=int, default=30, help="findings to sample from the corpus")
    parser.add_argument("--seed", type=int, default=7, help="seed of the sample")
    parser.add_argument("--sample-out", type=Path, help="write the sample as a Markdown table here")
    parser.add_argument("--sample-rule", help="draw the sample from this rule's findings only (MC001)")
    parser.add_argument("--json", type=Path, help="also write every figure as JSON here")
    args = parser.parse_args(argv)
    rules = load_rules()
    mc001 = next(r for r in rules if r.code == "MC001")
    out: dict[str, Any] = {}
    print("## PubMed claim strength (MC001)\n")
    print("\n".join(pubmed(args.csv, mc001, out)))
    if args.regulator.is_file():
        print("\n## Regulator-quoted claims\n")
        print("\n".join(regulator(args.regulator, rules, out)))
    if args.devset.is_file():
        print("\n## Claims development set\n")
        print("\n".join(devset(args.devset, rules, out)))
    if not args.no_corpus:
        lines, chosen = corpus(args.corpus, rules, args.sample, args.seed, args.sample_rule,
                               max(1, args.corpus_every), out)
        print("\n## NIH corpus\n")
        print("\n".join(lines))
        table = ["| # | rule | match | sentence | file |", "|---|---|---|---|---|"]
        for i, (code, match, sent, path) in enumerate(chosen, 1):
            table.append(f"| {i} | {code} | {match} | {sent.replace('|', '/')} | {path} |")
        if args.sample_out:
            args.sample_out.write_text("\n".join(table) + "\n", encoding="utf-8")
        elif args.sample:
            print("\n" + "\n".join(table))
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
