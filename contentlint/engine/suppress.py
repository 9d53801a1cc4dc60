"""Inline suppression: ``<!-- contentlint-disable ... -->`` directives in Markdown and HTML.

Directives must name codes (a code, prefix, rule name or pack); there is no blanket switch.
``disable``/``enable`` bound a region, ``disable-next`` covers the next block, ``disable-file`` the
whole file. Text after a colon is the reason, kept in the JSON output as an audit trail.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from contentlint.engine.registry import Rule, resolve
from contentlint.model.document import Document

# The verb must be followed by a space, a colon or the end: "disable-line" is not "disable".
_DIRECTIVE_RE = re.compile(r"^contentlint-(disable-next|disable-file|disable|enable)(?=[\s:]|$)(.*)$", re.DOTALL)
# Anything else that starts like a directive is a mistyped one, reported and never obeyed.
_DIRECTIVE_LIKE_RE = re.compile(r"^contentlint(?:[-_:]|\s+(?:dis|en)able)", re.IGNORECASE)
_VERBS = "disable, enable, disable-next or disable-file"


@dataclass(frozen=True, slots=True)
class Suppression:
    """Codes switched off for lines ``first_line`` to ``last_line`` (inclusive), and why."""

    codes: frozenset[str]
    first_line: int
    last_line: int
    reason: str | None
    directive_line: int


@dataclass(frozen=True, slots=True)
class DirectiveProblem:
    """A malformed directive: where it is and what is wrong."""

    line: int
    message: str


@dataclass(frozen=True)
class Suppressions:
    """All suppressions of one document."""

    items: tuple[Suppression, ...] = ()

    def find(self, code: str, line: int) -> Suppression | None:
        """Return the suppression that covers ``code`` at ``line``, if any."""
        for item in self.items:
            if code in item.codes and item.first_line <= line <= item.last_line:
                return item
        return None


def _parse_codes(body: str, rules: Mapping[str, Rule]) -> tuple[frozenset[str], str | None, list[str]]:
    codes_text, _, reason = body.partition(":")
    codes: set[str] = set()
    unknown: list[str] = []
    for selector in re.split(r"[\s,]+", codes_text.strip()):
        if not selector:
            continue
        found = resolve(selector, rules)
        if found:
            codes |= found
        else:
            unknown.append(selector)
    return frozenset(codes), (reason.strip() or None), unknown


def build_suppressions(doc: Document, rules: Mapping[str, Rule]) -> tuple[Suppressions, list[DirectiveProblem]]:
    """Read the directives in ``doc``'s comments; return the suppressions and any problems."""
    items: list[Suppression] = []
    problems: list[DirectiveProblem] = []
    open_regions: dict[str, tuple[int, str | None]] = {}
    last_line = doc.source_map.line_count
    for comment in doc.comments:
        match = _DIRECTIVE_RE.match(comment.text)
        if not match:
            like = _DIRECTIVE_LIKE_RE.match(comment.text)
            if like:
                problems.append(DirectiveProblem(
                    comment.line, f"unknown directive {comment.text.split()[0]!r} (use contentlint-{_VERBS}); "
                    "it suppresses nothing"))
            continue
        verb, body = match.groups()
        codes, reason, unknown = _parse_codes(body, rules)
        for selector in unknown:
            problems.append(DirectiveProblem(comment.line, f"unknown code {selector!r} in contentlint-{verb}"))
        if not codes:
            if not unknown:
                problems.append(DirectiveProblem(comment.line, f"contentlint-{verb} must name the codes it applies to"))
            continue
        if verb == "disable-file":
            items.append(Suppression(codes, 1, last_line, reason, comment.line))
        elif verb == "disable-next":
            following = _next_block_lines(doc, comment.end_line)
            if following is None:
                problems.append(DirectiveProblem(comment.line, "contentlint-disable-next has no block after it"))
            else:
                items.append(Suppression(codes, following[0], following[1], reason, comment.line))
        elif verb == "disable":
            for code in codes:
                open_regions.setdefault(code, (comment.line, reason))
        else:
            for code in codes:
                if code in open_regions:
                    start, why = open_regions.pop(code)
                    items.append(Suppression(frozenset({code}), start, comment.line, why, start))
    for code, (start, why) in open_regions.items():
        items.append(Suppression(frozenset({code}), start, last_line, why, start))
    return Suppressions(tuple(items)), problems


def _next_block_lines(doc: Document, after_line: int) -> tuple[int, int] | None:
    candidates: Iterable[tuple[int, int]] = ((b.first_line, b.last_line) for b in doc.blocks)
    following = [span for span in candidates if span[0] > after_line]
    if not following:
        return None
    first = min(s[0] for s in following)
    # Table cells of one row share a line, so several blocks may start on the next block's line.
    return first, max(s[1] for s in following if s[0] == first)
