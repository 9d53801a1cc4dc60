"""Random documents and the invariants every lint result must satisfy (property tests and the fuzzer).

Shared by ``tests/test_properties.py`` (a bounded number of examples in CI) and
``bench/fuzz_linter.py`` (run for a set time, not in CI), so both check exactly the same things.
Inputs are built from fragments that stress the readers: markup of every format, entities, every
line-break style, control characters, emoji, deep nesting and the words the rules look for.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from hypothesis import strategies as st

from contentlint.engine.config import Settings
from contentlint.engine.fixer import apply_fixes, fixable
from contentlint.engine.linter import FileResult, lint_bytes
from contentlint.engine.registry import Rule
from contentlint.engine.run import build_rules
from contentlint.model.finding import Finding
from contentlint.model.sourcemap import SourceMap

#: The formats the property tests cover, by the file name that selects each reader.
FORMAT_NAMES = {"markdown": "a.md", "mdx": "a.mdx", "html": "a.html", "text": "a.txt"}

_WORDS = [
    "could of", "alot", "would of", "cures", "always", "prevents", "never", "studies show", "vitamin D.",
    "Rest", "and", "fluids", "the", "utilize", "in order to", "et al.", "e.g.", "U.S.", "95% CI", "(1)",
    "Zinc shortens colds.", "Drink water.", "may help", "according to", "Dr.", "No. 5", "etc.", "...",
]
_BREAKS = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\r\r", "\u2028", "\x0b", "\x0c", "\x85"]
_ENTITIES = ["&nbsp;", "&amp;", "&lt;", "&gt;", "&#x41;", "&#65;", "&bogus;", "&", "&#;", "&nbsp;&nbsp;", "&#x1F600;"]
_UNICODE = ["é", "ß", "ﬁ", "İ", "😀", "👩‍⚕️", "\u200b", "\u00ad", "\ufeff", "\u202e", "中文", "ـ", "\t", " ", "  "]
_CONTROL = ["\x00", "\x01", "\x07", "\x1b", "\x7f", "\x9b"]
_MARKDOWN = [
    "# ", "## ", "- ", "* ", "1. ", "> ", ">>>>>> ", "```", "```\n", "~~~", "`", "**", "__", "*", "_", "[", "]",
    "](http://x.org)", "[x](y)", "![i](p.png)", "<!--", "-->", "<!-- contentlint-disable SP002 -->",
    "<!-- contentlint-disable-line -->", "|", "| a | b |\n|---|---|\n", "---\n", "+++\n", "    ", "\\", "[^1]",
    "[^1]: ", "{% raw %}", "{{ x }}", "{{< s >}}", ":::", "    - ", "        > ",
]
_HTML = [
    "<p>", "</p>", "<b>", "</b>", "<br>", "<div>", "</div>", "<ul><li>", "</li></ul>", "<script>", "</script>",
    "<style>", "<pre>", "</pre>", "<table><tr><td>", "</td></tr></table>", "<a href='x'>", "</a>", "<h1>",
    "</h1>", "<sup>5</sup>", "<!DOCTYPE html>", "<![CDATA[", "]]>", "<?xml ?>", "<", ">", "</",
]
_MDX = ["import X from 'y'\n", "export const a = 1\n", "<Note>", "</Note>", "<Comp prop={1} />", "{", "}", "{/* c */}"]
_PUNCT = ["(", ")", "[", "]", ".", "!", "?", ",", ";", ":", "\"", "'", "“", "”", "—", "-"]

_FRAGMENTS = _WORDS + _BREAKS + _ENTITIES + _UNICODE + _CONTROL + _MARKDOWN + _HTML + _MDX + _PUNCT


# Deep nesting and long punctuation runs, precomputed: sampling a ready string is far cheaper for
# Hypothesis than building one per example, which keeps thousands of examples affordable in CI.
_NESTING = [fragment * depth for fragment in ("> ", "  - ", "(", "[", "<div>", "<b>", "*", "`", "{", ")", "]", "<!--")
            for depth in (2, 7, 12, 25, 40)]

_CHOICES = _FRAGMENTS + _WORDS * 2 + _NESTING

#: One random document as text: fragments of every kind plus a few arbitrary characters, joined.
documents: st.SearchStrategy[str] = st.lists(
    st.one_of(st.sampled_from(_CHOICES), st.characters(codec="utf-8")),
    max_size=30,
).map("".join)


@dataclass(frozen=True)
class Violation:
    """An invariant that a lint result broke; ``what`` says which and how."""

    what: str


def load_all_rules() -> Mapping[str, Rule]:
    """Every built-in rule, with the default settings (what a plain ``contentlint check`` runs)."""
    return build_rules(Settings())


# A match that certainly stands verbatim in the source: letters, digits and simple punctuation,
# single spaces. Anything else (entities, markup, collapsed whitespace) may legitimately differ.
_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9,.'%-]*(?: [A-Za-z0-9,.'%-]+)*")


def _offset(source_map: SourceMap, line: int, column: int) -> int:
    return source_map.line_start(line) + column - 1


def check_result(result: FileResult, source: str) -> list[Violation]:
    """Return every invariant ``result`` (of linting ``source``) breaks; an empty list is a pass.

    Invariants: every finding lies inside the file and ends after it starts; a finding whose
    ``match`` is plain text has exactly that text at its span (or, where markup lies between its
    words, a span that starts and ends with the match's first and last words); a fix replaces exactly its finding's
    text; applying the fixes changes the text only inside fix spans.
    """
    problems: list[Violation] = []
    if result.error:
        # A file the linter may refuse (empty, binary) is fine; an internal error is a masked crash.
        if "internal error" in result.error or "nested too deeply" in result.error:
            problems.append(Violation(f"error {result.error}"))
        return problems
    text = result.source if result.source is not None else source
    source_map = SourceMap(text)
    for finding in result.findings:
        problems.extend(_check_finding(finding, text, source_map))
    fixes = fixable(result.findings)
    after, applied = apply_fixes(text, fixes)
    problems.extend(_check_fixes(text, after, applied))
    return problems


def _check_finding(finding: Finding, text: str, source_map: SourceMap) -> list[Violation]:
    problems: list[Violation] = []
    # Lines as contentlint counts them ("\n"), or as a reader may count lone "\r" and other
    # separators (issue 15 item 7): a line number within either count is inside the file.
    lines = max(source_map.line_count, len(text.splitlines()))
    if not (1 <= finding.line <= finding.end_line <= lines):
        problems.append(Violation(f"{finding.code} lines {finding.line}-{finding.end_line} outside 1-{lines}"))
        return problems
    start = _offset(source_map, finding.line, finding.column)
    end = _offset(source_map, finding.end_line, finding.end_column)
    if finding.column < 1 or finding.end_column < 1 or not (0 <= start <= end <= len(text) + 1):
        problems.append(Violation(f"{finding.code} span {start}-{end} outside the file of {len(text)} characters"))
        return problems
    if finding.match and _PLAIN.fullmatch(finding.match):
        found = text[start:end]
        words = finding.match.split()
        # Where the span holds only plain text it must be the match exactly; where markup sits
        # between the words (inline HTML, emphasis), the span must still start and end on the
        # match's first and last words, so a shifted span is caught either way.
        exact = _PLAIN.fullmatch(found) is not None or found == finding.match
        if found != finding.match and (exact or not (found.startswith(words[0]) and found.endswith(words[-1]))):
            problems.append(Violation(f"{finding.code} match {finding.match!r} but the source has {found!r}"))
    if finding.fix is not None:
        fix = finding.fix
        if not (0 <= fix.start < fix.end <= len(text)):
            problems.append(Violation(f"{finding.code} fix span {fix.start}-{fix.end} outside the file"))
        elif text[fix.start:fix.end] != finding.match:
            problems.append(Violation(f"{finding.code} fix replaces {text[fix.start:fix.end]!r}, not {finding.match!r}"))
    return problems


def _check_fixes(before: str, after: str, applied: Sequence[object]) -> list[Violation]:
    """The fixed text equals the original outside the (ordered, disjoint) fix spans."""
    position = 0
    out = 0
    for fix in applied:
        keep = before[position:fix.start]  # type: ignore[attr-defined]
        if after[out:out + len(keep)] != keep:
            return [Violation(f"--fix changed text outside its spans near offset {position}")]
        out += len(keep) + len(fix.replacement)  # type: ignore[attr-defined]
        position = fix.end  # type: ignore[attr-defined]
    if after[out:] != before[position:]:
        return [Violation("--fix changed text after its last span")]
    return []


def lint_and_check(data: bytes, name: str, rules: Mapping[str, Rule]) -> list[Violation]:
    """Lint ``data`` as the file ``name`` in-process; return the broken invariants.

    An exception escaping the linter is not caught here: the caller reports it as a crash.
    """
    result = lint_bytes(data, name, rules, known=rules)
    return check_result(result, data.decode("utf-8", "replace"))
