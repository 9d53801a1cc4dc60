"""The duplicate stage: collect paragraphs per document, group copies across the run, report them.

Per document only compact records are kept (location, section, normalised hash); grouping runs
once over all documents after the per-document stage.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .document import Document
from .finding import BlockKind, Finding, Location

if TYPE_CHECKING:
    from .linter import FileResult
    from .registry import Rule

_PARAGRAPH_KINDS = {BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE}


@dataclass(frozen=True, slots=True)
class ParagraphRecord:
    """A paragraph as the duplicate stage sees it."""

    loc: Location
    text: str
    section: int


def paragraphs_of(doc: Document) -> list[ParagraphRecord]:
    """Return the paragraph-like blocks of ``doc`` with their locations."""
    return [
        ParagraphRecord(doc.block_location(b), b.text, b.section)
        for b in doc.blocks
        if b.kind in _PARAGRAPH_KINDS
    ]


def apply_duplicates(results: Sequence[FileResult], rules: Mapping[str, Rule]) -> None:
    """Add duplicate findings to ``results`` for every duplicate rule that is selected."""
    from .duplicates_engine import duplicate_findings

    dup_rules = [r for r in rules.values() if r.kind == "duplicate"]
    if not dup_rules:
        for result in results:
            result.paragraphs = []
        return
    by_path: dict[str, list[Finding]] = duplicate_findings(
        [(r.path, r.paragraphs) for r in results if not r.error], dup_rules
    )
    for result in results:
        result.findings.extend(by_path.get(result.path, []))
        result.paragraphs = []


def message_fields(rule: Rule, data: Mapping[str, Any]) -> dict[str, Any]:
    """Return the fields a duplicate rule's message may use."""
    fields = {k.replace("-", "_"): v for k, v in rule.options.items() if not isinstance(v, (list, dict))}
    fields.update(data)
    return fields
