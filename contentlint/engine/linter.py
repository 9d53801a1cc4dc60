"""Orchestration: one document through the rules (a pure function), then the corpus stage.

Data flows one way: bytes → Document → Analysis → hits per rule → Findings (source-mapped) →
suppressions. ``lint_document`` depends only on its inputs, so it can run in worker processes;
the corpus stage (cross-file duplicates) sees only compact fingerprints.

Errors are isolated: a rule that raises (a house rule's bug, a swap with a bad backreference, a
regular expression that times out) becomes a CL005 finding naming the rule and the cause while the
other rules still run; anything else that fails on one file becomes that file's CL001 error. No
exception from one file reaches the user as a traceback or stops the other files.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any

from contentlint.engine.corpus import fingerprints_of
from contentlint.engine.messages import format_message
from contentlint.engine.registry import Rule
from contentlint.engine.suppress import build_suppressions
from contentlint.kinds import KINDS, Scope
from contentlint.kinds.metric import MetricKind
from contentlint.language.analysis import Analysis, Sentence, analyse, sentence_values
from contentlint.language.syntax import SyntaxMemo, syntax_source
from contentlint.model import codes as engine_codes
from contentlint.model.document import DEFAULT_MAX_BYTES, Block, Document, ReadError, decode, detect_format
from contentlint.model.finding import BlockKind, Finding, Fix, Hit, Location, SyntaxProvider, Unit
from contentlint.model.result import FileResult
from contentlint.readers.load import parse, read_document

# Rule packs that judge the author's own prose: they skip references sections, footnote
# definitions and lone citations (a cited paper's title is not an unhedged claim, its reading grade
# is not the page's, and it cannot be reworded). Duplicates and slips still see those blocks.
PROSE_ONLY_PACKS = frozenset({"claims", "readability", "plain-language"})


def make_finding(doc: Document, rule: Rule, block: Block, start: int, end: int, hit: Hit) -> Finding:
    """Turn a hit at prose offsets ``[start, end)`` of ``block`` into a source-mapped finding."""
    loc = doc.locate(block, start, end)
    message = format_message(rule, {"match": hit.match, "suggestion": hit.suggestion or "", **hit.data})
    fix = None
    if rule.fix_safe and hit.suggestion is not None and end > start:
        origins = block.prose.origins
        source_start, source_end = origins[start], origins[end - 1] + 1
        # Only a span that stands verbatim in the source can be replaced safely.
        if doc.source[source_start:source_end] == block.text[start:end]:
            fix = Fix(source_start, source_end, hit.suggestion)
    return Finding(
        path=doc.path, line=loc.line, column=loc.column, end_line=loc.end_line, end_column=loc.end_column,
        code=rule.code, name=rule.name, severity=rule.level, message=message,
        match=hit.match, suggestion=hit.suggestion, fix=fix,
    )


def _links_in(block: Block, start: int, end: int) -> tuple[str, ...]:
    return tuple(href for s, e, href in block.prose.links if s < end and e >= start)


# Kinds whose hits are spans of matched text (a python rule may point at a position on purpose).
_TEXT_KINDS = frozenset({"pattern", "conditional"})


def rule_failure(path: str, rule_code: str, rule_name: str, exc: BaseException, where: str = "") -> Finding:
    """A CL005 finding: ``rule_code`` failed on ``path``; the message names the rule and the cause."""
    code = engine_codes.RULE_FAILED
    cause = str(exc) or type(exc).__name__
    origin = f" (rule file {where})" if where else ""
    return Finding(
        path=path, line=1, column=1, end_line=1, end_column=1, code=code.code, name=code.name,
        severity=code.level,
        message=f"rule {rule_code} ({rule_name}){origin} failed on this file: {type(exc).__name__}: {cause}",
    )


_SYNTAX = frozenset({"tags", "dependencies"})


def _syntax_for(doc: Document, rules: Mapping[str, Rule], analysis: Analysis,
                model: str | None) -> SyntaxProvider | None:
    """Tag and parse, in one batch each, the sentences the selected rules will ask about.

    Only rules that declared ``tags`` or ``dependencies`` count, and only the sentences their
    contract ``wants``; a sentence wanted by a parsing rule is parsed once (the parse carries the
    tags), the others wanted by tagging rules only are tagged. ``None`` when no rule reads syntax
    or the run has none (``nlp-model = "blank"``).
    """
    if not any(r.needs & _SYNTAX for r in rules.values()):
        return None
    source = syntax_source(model)
    if source is None:
        return None
    memo = SyntaxMemo(source)
    to_parse, to_tag = syntax_requests(doc, rules, analysis)
    if to_parse:
        memo.parse(to_parse)
    if to_tag:
        memo.tag(to_tag)
    return memo


def syntax_requests(doc: Document, rules: Mapping[str, Rule], analysis: Analysis) -> tuple[list[str], list[str]]:
    """The sentences of ``doc`` the selected rules will want parsed, and those wanted tagged only.

    Public so that the bench's parser floor (``bench/perf.py``) parses exactly what a run parses.
    """
    readers = [r for r in rules.values() if r.needs & _SYNTAX]
    to_parse: list[str] = []
    to_tag: list[str] = []
    for sentence in analysis.sentences:
        block = doc.blocks[sentence.block]
        text = block.text[sentence.start:sentence.end]
        wanting = [r for r in readers
                   if (block.kind is not BlockKind.HEADING or r.headings)
                   and (block.is_prose or r.pack not in PROSE_ONLY_PACKS)
                   and getattr(r.prepared, "contract", None) is not None and r.prepared.contract.wanted(text)]
        if any("dependencies" in r.needs for r in wanting):
            to_parse.append(text)
        elif wanting:
            to_tag.append(text)
    return to_parse, to_tag


def list_lead_ins(doc: Document) -> dict[int, str]:
    """The lead-in of every list item block, by block index (items with none are left out).

    A list's lead-in is the nearest preceding non-list block when it is prose ending with ":"
    ("NeuroMax helps you:"), else the nearest preceding heading in the same section ("Benefits of
    turmeric").
    """
    lead_ins: dict[int, str] = {}
    for index, block in enumerate(doc.blocks):
        if block.kind is not BlockKind.LIST_ITEM:
            continue
        before = index - 1
        while before >= 0 and doc.blocks[before].kind is BlockKind.LIST_ITEM:
            before -= 1
        if before < 0:
            continue
        prev = doc.blocks[before]
        if prev.kind is not BlockKind.HEADING and prev.text.rstrip().endswith(":"):
            lead_ins[index] = prev.text.strip()
            continue
        while before >= 0 and doc.blocks[before].kind is not BlockKind.HEADING:
            before -= 1
        if before >= 0 and doc.blocks[before].section == block.section:
            lead_ins[index] = doc.blocks[before].text.strip()
    return lead_ins


def _unit_findings(doc: Document, rule: Rule, analysis: Analysis,
                   syntax: SyntaxProvider | None = None,
                   lead_ins: Mapping[int, str] | None = None) -> Iterator[Finding]:
    kind = KINDS[rule.kind]
    syntax = syntax if rule.needs & _SYNTAX else None
    contract = getattr(rule.prepared, "contract", None)
    # A code rule that declared which units it wants is not called on the others: that is what
    # lets the engine tag or parse only those sentences, and it saves the call.
    wants = contract.wanted if contract is not None and contract.wants is not None else None
    if rule.scope is Scope.SENTENCE:
        units: Iterable[tuple[int, int, int]] = ((s.block, s.start, s.end) for s in analysis.sentences)
    else:
        units = ((i, 0, len(b.text)) for i, b in enumerate(doc.blocks))
    prose_only = rule.pack in PROSE_ONLY_PACKS
    for index, start, end in units:
        block = doc.blocks[index]
        if block.kind is BlockKind.HEADING and not rule.headings:
            continue
        if prose_only and not block.is_prose:
            continue
        if wants is not None and not wants(block.text[start:end]):
            continue
        sentences = analysis.block_sentences[index] if rule.scope is Scope.BLOCK else ()
        unit = Unit(block.text[start:end], block.kind, _links_in(block, start, end), sentences, syntax,
                    lead_ins.get(index, "") if lead_ins else "")
        for hit in kind.check(unit, rule.prepared):
            if hit.end <= hit.start and rule.kind in _TEXT_KINDS:
                continue  # a zero-width match of a house pattern reports nothing readable
            yield make_finding(doc, rule, block, start + hit.start, start + hit.end, hit)


def _metric_findings(doc: Document, rule: Rule, analysis: Analysis) -> Iterator[Finding]:
    kind = KINDS[rule.kind]
    assert isinstance(kind, MetricKind)
    targets: list[tuple[Block, int, int, Mapping[str, Any]]] = []
    prose_only = rule.pack in PROSE_ONLY_PACKS
    if rule.scope is Scope.SENTENCE:
        for sentence in analysis.sentences:
            block = doc.blocks[sentence.block]
            if block.kind is not BlockKind.HEADING and (block.is_prose or not prose_only):
                targets.append((block, sentence.start, sentence.end, _LazySentence(sentence)))
    elif rule.scope is Scope.BLOCK:
        counts: dict[int, list[Sentence]] = {}
        for sentence in analysis.sentences:
            counts.setdefault(sentence.block, []).append(sentence)
        for index, block in enumerate(doc.blocks):
            if block.kind is not BlockKind.HEADING and (block.is_prose or not prose_only):
                sentences = counts.get(index, [])
                values = {"words": sum(s.words for s in sentences), "sentences": len(sentences)}
                targets.append((block, 0, len(block.text), values))
    elif rule.scope is Scope.SECTION:
        for section, values in zip(analysis.sections, analysis.section_metrics):
            block = doc.blocks[section.heading if section.heading is not None else section.blocks[0]]
            targets.append((block, 0, len(block.text), values))
    elif doc.blocks:
        first = next((b for b in doc.blocks if b.kind is not BlockKind.HEADING and b.is_prose),
                     next((b for b in doc.blocks if b.kind is not BlockKind.HEADING), doc.blocks[0]))
        targets.append((first, 0, min(len(first.text), 1), analysis.metrics))
    for block, start, end, measured in targets:
        data = kind.evaluate(measured, rule.prepared)
        if data is not None:
            text = block.text[start:end] if rule.scope is not Scope.DOCUMENT else ""
            yield make_finding(doc, rule, block, start, end, Hit(start, end, text, data=data))


class _LazySentence(Mapping[str, float]):
    """Sentence metrics computed only when a rule asks (the grade needs syllable counts)."""

    def __init__(self, sentence: Sentence) -> None:
        self._sentence = sentence
        self._values: dict[str, float] | None = None

    def _load(self) -> dict[str, float]:
        if self._values is None:
            self._values = sentence_values(self._sentence)
        return self._values

    def __getitem__(self, key: str) -> float:
        if key == "words":
            return self._sentence.words
        return self._load()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(("words", "grade"))

    def __len__(self) -> int:
        return 2


def lint_document(doc: Document, rules: Mapping[str, Rule], model: str | None = None,
                  known: Mapping[str, Rule] | None = None) -> FileResult:
    """Run every unit and metric rule on ``doc``; duplicates are added by the duplicate stage.

    ``known`` is every loaded rule (selected or not), so that a directive naming a rule that is
    merely not selected in this run is not mistaken for an unknown code.
    """
    analysis = analyse(doc, model)
    found: list[Finding] = []
    suppressions, problems = build_suppressions(doc, known if known is not None else rules)
    for problem in problems:
        code = engine_codes.BAD_DIRECTIVE
        found.append(Finding(
            path=doc.path, line=problem.line, column=1, end_line=problem.line, end_column=1,
            code=code.code, name=code.name, severity=code.level, message=problem.message,
        ))
    for markup in doc.problems:
        code = engine_codes.BAD_MARKUP
        found.append(Finding(
            path=doc.path, line=markup.line, column=markup.column, end_line=markup.line,
            end_column=markup.column + 4, code=code.code, name=code.name, severity=code.level,
            message=markup.message,
        ))
    syntax = _syntax_for(doc, rules, analysis, model)
    lead_ins = list_lead_ins(doc)
    for rule in rules.values():
        if rule.kind == "duplicate":
            continue
        findings = (_metric_findings(doc, rule, analysis) if rule.kind == "metric"
                    else _unit_findings(doc, rule, analysis, syntax, lead_ins))
        try:
            found.extend(list(findings))
        except Exception as exc:  # noqa: BLE001 - one failing rule must not lose the file's other findings
            found.append(rule_failure(doc.path, rule.code, rule.name, exc, rule.path))
    fingerprints: Mapping[Any, Sequence[Any]] = {}
    try:
        fingerprints = fingerprints_of(doc, rules)
    except Exception as exc:  # noqa: BLE001 - e.g. a duplicate-allow pattern that timed out
        duplicate = next((r for r in rules.values() if r.kind == "duplicate"), None)
        owner, owner_name = (duplicate.code, duplicate.name) if duplicate else ("duplicates", "duplicate-stage")
        found.append(rule_failure(doc.path, owner, owner_name, exc))
    return FileResult(doc.path, findings=tuple(found), metrics=analysis.metrics,
                      sections=tuple(analysis.section_metrics), fingerprints=fingerprints,
                      suppressions=suppressions, source=doc.source)


def lint_bytes(data: bytes, path: str, rules: Mapping[str, Rule], *, fmt: str | None = None,
               model: str | None = None, max_bytes: int | None = None,
               known: Mapping[str, Rule] | None = None) -> FileResult:
    """Read and lint one file's bytes; a bad file gives a result with ``error`` set."""
    try:
        text = decode(data, max_bytes or DEFAULT_MAX_BYTES)
        doc = parse(text, path, fmt or detect_format(path))
    except ReadError as exc:
        return FileResult(path, error=str(exc))
    except (ValueError, RecursionError) as exc:  # a parser choking on malformed markup
        return FileResult(path, error=f"cannot parse file: {exc}")
    except Exception as exc:  # noqa: BLE001 - a reader bug must cost one file, not the run
        return FileResult(path, error=f"cannot parse file: internal error {type(exc).__name__}: {exc}")
    try:
        result = lint_document(doc, rules, model, known)
    except RecursionError:
        return FileResult(path, error="cannot lint file: its structure is nested too deeply")
    except MemoryError:
        return FileResult(path, error="cannot lint file: out of memory")
    except Exception as exc:  # noqa: BLE001 - sentence splitting or analysis failing on odd input
        return FileResult(path, error=f"cannot lint file: internal error {type(exc).__name__}: {exc}")
    return replace(result, bom=data.startswith(b"\xef\xbb\xbf"))


def finalise_one(result: FileResult) -> FileResult:
    """Return ``result`` with its suppressions applied and its findings sorted (after the corpus stage)."""
    kept: list[Finding] = []
    suppressed = list(result.suppressed)
    for finding in result.findings:
        suppression = result.suppressions.find(finding.code, finding.line) if result.suppressions is not None else None
        if suppression is None:
            kept.append(finding)
        else:
            suppressed.append((finding, suppression.reason))
    return replace(result, findings=tuple(sorted(kept)), suppressed=tuple(suppressed), suppressions=None)


def finalise(results: Sequence[FileResult]) -> list[FileResult]:
    """Return every result finalised (see :func:`finalise_one`), in order."""
    return [finalise_one(result) for result in results]


__all__ = ["FileResult", "Location", "finalise", "finalise_one", "lint_bytes", "lint_document", "make_finding",
           "read_document"]
