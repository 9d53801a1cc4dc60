"""Glue between the duplicate detector and findings (provisional exact-only version)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .dup_normalise import normalise
from .finding import Finding

if TYPE_CHECKING:
    from .dupstage import ParagraphRecord
    from .registry import Rule


def duplicate_findings(files: Sequence[tuple[str, Sequence[ParagraphRecord]]], rules: Sequence[Rule]) -> dict[str, list[Finding]]:
    """Return duplicate findings per path."""
    from .linter import _format

    out: dict[str, list[Finding]] = {}
    for rule in rules:
        if rule.prepared.mode != "exact":
            continue
        first: dict[tuple[str, str] | str, ParagraphRecord] = {}
        for path, paragraphs in files:
            for p in paragraphs:
                norm = normalise(p.text)
                if len(norm.split()) < rule.prepared.min_words:
                    continue
                key: tuple[str, str] | str = norm if rule.prepared.scope != "file" else (path, norm)
                if key in first:
                    f = first[key]
                    msg = _format(rule.message, {"first_path": f.loc.path, "first_line": f.loc.line, "similarity": 1.0})
                    out.setdefault(path, []).append(Finding(
                        path=path, line=p.loc.line, column=p.loc.column, end_line=p.loc.end_line,
                        end_column=p.loc.end_column, code=rule.code, name=rule.name, severity=rule.level,
                        message=msg, match=p.text[:80], related=(f.loc,)))
                else:
                    first[key] = p
    return out
