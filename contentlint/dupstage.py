"""The duplicate stage: fingerprint paragraphs per document, group copies across the run, report.

Per document only compact fingerprints are kept (no text); grouping runs once over all documents
after the per-document stage, one index per distinct set of duplicate options.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from .document import Document
from .duplicates import DuplicateIndex, Fingerprint, Paragraph, fingerprint
from .dup_values import DuplicateOptions
from .finding import BlockKind, Finding
from .messages import format_message

if TYPE_CHECKING:
    from .linter import FileResult
    from .registry import Rule

_PARAGRAPH_KINDS = {BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE}
_MODE_OF_CODE = {"DU001": "exact", "DU002": "near", "DU003": "section"}


def index_options(rules: Mapping[str, Rule]) -> list[DuplicateOptions]:
    """Return the distinct index options of the selected duplicate rules."""
    seen: list[DuplicateOptions] = []
    for rule in rules.values():
        if rule.kind == "duplicate" and rule.prepared.index not in seen:
            seen.append(rule.prepared.index)
    return seen


def fingerprints_of(doc: Document, rules: Mapping[str, Rule]) -> dict[DuplicateOptions, list[Fingerprint]]:
    """Fingerprint the paragraph-like blocks of ``doc`` once per distinct index options."""
    options = index_options(rules)
    if not options:
        return {}
    paragraphs = [
        Paragraph(doc.block_location(b), b.text, b.section)
        for b in doc.blocks
        if b.kind in _PARAGRAPH_KINDS
    ]
    return {o: fingerprint(paragraphs, o) for o in options}


def apply_duplicates(results: Sequence[FileResult], rules: Mapping[str, Rule]) -> None:
    """Add duplicate findings to ``results`` (in order) for every selected duplicate rule."""
    by_path = {r.path: r for r in results}
    for options in index_options(rules):
        owners = {r.prepared.mode: r for r in rules.values() if r.kind == "duplicate" and r.prepared.index == options}
        index = DuplicateIndex(options)
        for result in results:
            if not result.error:
                index.add(result.fingerprints.get(options, []))
        for report in index.reports():
            rule = owners.get(_MODE_OF_CODE.get(report.code, ""))
            target = by_path.get(report.loc.path)
            if rule is None or target is None:
                continue
            loc = report.loc
            target.findings.append(Finding(
                path=loc.path, line=loc.line, column=loc.column, end_line=loc.end_line, end_column=loc.end_column,
                code=rule.code, name=rule.name, severity=rule.level,
                message=format_message(rule, report.data),
                match="", related=report.related,
            ))
    for result in results:
        result.fingerprints = {}
