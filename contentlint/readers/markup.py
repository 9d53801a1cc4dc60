"""Markup that Markdown parsers read as text: front matter dialects, templates, attributes, MDX.

Also container fences (Docusaurus and Pandoc ``:::``, MkDocs ``!!!``), whose marker lines are markup.

Static-site generators run a template language over the page before (or instead of) Markdown:
Liquid and Jinja (``{% %}``, ``{{ }}``, ``{# #}``), Hugo shortcodes (``{{< >}}``, ``{{% %}}``), and
MDX adds ``import``/``export`` statements, JSX elements and ``{expressions}``. Hugo also accepts TOML
(``+++``) and JSON front matter, and Pandoc and kramdown attach attribute lists (``{.class}``,
``{: .note}``, ``{#id}``). A CommonMark parser sees all of that as prose.

:func:`find_markup` finds those spans without changing any offset. It returns every span (the
Markdown reader drops prose characters that fall inside one, so they are never linted or fixed) and
a copy of the text in which spans that fill whole lines are blanked out. Blanking whole lines is
what the generator does too (a line holding only ``{% if %}`` renders as an empty line), while a
span that shares its line with prose is left for the reader to drop: blanking it could turn the
rest of the line into an indented code block.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from contentlint.model.sourcemap import LINE_BREAK_RE

Span = tuple[int, int]

# Template regions whose body is not prose either: code listings, raw template text, comments.
# The opening tag is matched here; its end tag is searched for from there (see _template_bodies).
_BODY_OPENER = re.compile(
    r"\{%-?\s*(highlight|raw|comment|codeblock|code)\b[^%]{0,500}%\}"
    r"|\{\{([<%])\s*(highlight|code)\b[^}]{0,500}[>%]\}\}"
)
_ESCAPED_SHORTCODE = re.compile(r"\{\{([<%])\s*/\*")
# One template tag: Liquid/Jinja statements ({% %}), expressions ({{ }}) and comments ({# #}); Hugo
# shortcodes ({{< >}} and {{% %}}) are expressions of the same shape. A tag may wrap lines but never
# spans a blank line, which keeps a stray "{{" in prose from swallowing the article.
_TEMPLATE_OPENER = re.compile(r"\{[%{#]")
_TEMPLATE_CLOSERS = {"%": "%}", "{": "}}", "#": "#}"}
# Pandoc and kramdown attribute lists: {.class}, {#id}, {key=value}, {: .note}, and kramdown's {:toc}.
_ATTR_ITEM = r"(?:[.#][A-Za-z][\w-]*|[A-Za-z][\w-]*=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s}\"']+))"
_ATTRIBUTES = re.compile(r"\{:?[ \t]*" + _ATTR_ITEM + r"(?:[ \t]+" + _ATTR_ITEM + r")*[ \t]*\}|\{:[ \t]*[\w-]*[ \t]*\}")
# Container fences: Docusaurus and Pandoc ("::: tip Title", ":::"), MkDocs ("!!! note", "??? tip").
# The marker line is markup; an admonition's title on it is a label, not a sentence.
_CONTAINER_LINE = re.compile(r"^ {0,3}(?::{3,}|[!?]{3}\+?[ \t]+\w)[^\r\n]*", re.MULTILINE)
_BLANK_LINE = re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)")
# Longest span taken for one template tag or MDX expression; longer means an unclosed opener.
_MAX_SPAN = 4000

# MDX: ESM statements at the start of a line, and JSX tags (a capitalised or dotted name, or a
# fragment). Lower-case tags are HTML, which the Markdown reader parses as HTML.
_ESM_START = re.compile(r"^(?:import|export)\b", re.MULTILINE)
# In plain Markdown only a line that is unmistakably a statement counts: Docusaurus reads .md files
# as MDX, so its pages carry imports too, but a wrapped sentence may start with "import".
_STRICT_ESM = re.compile(
    r"^(?:import\s+(?:[\w*{][^\r\n]*?\s+from\s+)?['\"][^'\"\r\n]+['\"];?"
    r"|export\s+(?:const|let|var|function|default)\b[^\r\n]*?;)[ \t]*$",
    re.MULTILINE,
)
_JSX_TAG = re.compile(r"<(?:/?[A-Z][\w.:-]*|/?[a-z][\w-]*\.[\w.-]+)(?:\s[^<>{}]*)?|</?>")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Markup:
    """Markup spans of a text and the text to parse (whole-line spans blanked, offsets unchanged)."""

    text: str
    spans: tuple[Span, ...]
    starts: tuple[int, ...] = ()

    def contains(self, offset: int) -> bool:
        """Return whether source ``offset`` lies inside a markup span."""
        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.spans[index][1]


def find_markup(text: str, mdx: bool = False, yaml: bool = False) -> Markup:
    """Return the front matter, template, attribute and (for MDX) ESM and JSX spans of ``text``.

    ``yaml`` also takes YAML front matter (``---``); the Markdown reader leaves that to
    markdown-it's front-matter plugin, the HTML reader (Jekyll pages and layouts) asks for it here.
    """
    spans: list[Span] = []
    front = _front_matter(text, yaml)
    if front:
        spans.append(front)
    if ":::" in text or "!!!" in text or "???" in text:
        spans.extend(m.span() for m in _CONTAINER_LINE.finditer(text))
    if "{" in text or (mdx and "<" in text) or "import" in text or "export" in text:
        fences = _fenced_code(text)
        spans.extend(_template_spans(text, front))
        spans.extend(m.span() for m in _ATTRIBUTES.finditer(text))
        if not mdx and ("import" in text or "export" in text):
            spans.extend(m.span() for m in _STRICT_ESM.finditer(text) if _outside(m.start(), fences))
        if mdx:
            spans.extend(_esm_spans(text, fences))
            pairs = _brace_pairs(text, fences)
            spans.extend(_jsx_spans(text, fences, pairs))
            spans.extend(_expression_spans(pairs))
    merged = _merge(spans)
    return Markup(_blank_whole_lines(text, merged), tuple(merged), tuple(start for start, _ in merged))


def _front_matter(text: str, yaml: bool) -> Span | None:
    """Return the span of TOML (``+++``), JSON or (with ``yaml``) YAML front matter at the start."""
    first = LINE_BREAK_RE.search(text)
    if first is None:
        return None
    opener = text[: first.start()].rstrip()
    if opener == "+++" or (yaml and opener == "---"):
        close = re.compile(r"^" + re.escape(opener) + r"[ \t]*$", re.MULTILINE)
        for match in close.finditer(text, first.end()):
            return 0, _line_end(text, match.end())
        return None
    if opener == "{":
        # Hugo's JSON front matter: an object whose closing brace stands alone on its line.
        for match in re.finditer(r"^\}[ \t]*$", text[first.end():], re.MULTILINE):
            end = first.end() + match.end()
            try:
                json.loads(text[:end])
            except ValueError:
                continue
            return 0, _line_end(text, end)
    return None


def _line_end(text: str, offset: int) -> int:
    """Return the offset just after the line break that ends the line holding ``offset``."""
    match = LINE_BREAK_RE.search(text, offset)
    return match.end() if match else len(text)


def _positions(text: str, needle: str) -> list[int]:
    """Return every offset where ``needle`` occurs (overlaps included), in order."""
    found: list[int] = []
    position = text.find(needle)
    while position >= 0:
        found.append(position)
        position = text.find(needle, position + 1)
    return found


def _template_bodies(text: str, start: int) -> Iterator[Span]:
    """Yield ``{% raw %}...{% endraw %}``-like regions and escaped Hugo shortcodes, end tags included.

    An opener whose end tag is missing is remembered, so later openers of the same name do not
    search the rest of the text again (the scan stays linear).
    """
    missing: set[str] = set()
    reached = start
    for match in _BODY_OPENER.finditer(text, start):
        if match.start() < reached:
            continue
        if match.group(1):
            name = match.group(1)
            end_re = re.compile(r"\{%-?\s*end" + name + r"\s*-?%\}")
        else:
            name = match.group(2) + match.group(3)
            delimiter = re.escape(match.group(2))
            closing = ">" if match.group(2) == "<" else "%"
            end_re = re.compile(r"\{\{" + delimiter + r"\s*/" + match.group(3) + r"\s*" + closing + r"\}\}")
        if name in missing:
            continue
        found = end_re.search(text, match.end())
        if found is None:
            missing.add(name)
            continue
        reached = found.end()
        yield match.start(), found.end()
    for match in _ESCAPED_SHORTCODE.finditer(text, start):
        closing = "*/" + (">" if match.group(1) == "<" else "%") + "}}"
        end = text.find(closing, match.end())
        if end < 0:
            break
        yield match.start(), end + len(closing)


def _template_spans(text: str, front: Span | None) -> Iterator[Span]:
    """Yield template regions and tags; the closers are indexed once, so the scan is O(n log n)."""
    start = front[1] if front else 0
    taken: list[Span] = []
    if "{%" in text or "{{" in text:
        for span in _template_bodies(text, start):
            taken.append(span)
            yield span
    closers = {key: _positions(text, closer) for key, closer in _TEMPLATE_CLOSERS.items()}
    blanks = [m.start() for m in _BLANK_LINE.finditer(text)]
    position = start
    for match in _TEMPLATE_OPENER.finditer(text, start):
        opener = match.start()
        if opener < position or any(s <= opener < e for s, e in taken):
            continue
        candidates = closers[match.group(0)[1]]
        index = bisect.bisect_left(candidates, match.end())
        if index == len(candidates):
            continue
        end = candidates[index] + 2
        blank = bisect.bisect_left(blanks, opener)
        if end - opener > _MAX_SPAN or (blank < len(blanks) and blanks[blank] < end):
            continue
        position = end
        yield opener, end


def _fenced_code(text: str) -> list[Span]:
    """Return the spans of fenced code blocks (where MDX braces and tags are code, not syntax)."""
    spans: list[Span] = []
    opened: tuple[int, str] | None = None
    for match in _FENCE.finditer(text):
        fence = match.group(1)
        if opened is None:
            opened = (match.start(), fence)
        elif fence[0] == opened[1][0] and len(fence) >= len(opened[1]):
            spans.append((opened[0], _line_end(text, match.end())))
            opened = None
    if opened is not None:
        spans.append((opened[0], len(text)))
    return spans


def _outside(position: int, fences: list[Span]) -> bool:
    """Return whether ``position`` lies outside every fenced code block (``fences`` is sorted)."""
    index = bisect.bisect_right(fences, (position, len(fences) and fences[-1][1] + 1)) - 1
    return index < 0 or position >= fences[index][1]


def _brace_pairs(text: str, fences: list[Span]) -> dict[int, int]:
    """Return, for every ``{`` outside fenced code that is closed, the offset after its ``}``.

    One pass with a stack: JavaScript strings inside braces are stepped over, and a blank line
    drops the braces still open (MDX expressions do not span paragraphs), so the cost is linear.
    """
    pairs: dict[int, int] = {}
    stack: list[int] = []
    fence_index = 0
    index = 0
    length = len(text)
    while index < length:
        while fence_index < len(fences) and fences[fence_index][1] <= index:
            fence_index += 1
        if fence_index < len(fences) and fences[fence_index][0] <= index:
            index = fences[fence_index][1]
            stack.clear()
            continue
        char = text[index]
        if char == "{":
            stack.append(index)
        elif char == "}" and stack:
            pairs[stack.pop()] = index + 1
        elif char in "\"'`" and stack:
            close = text.find(char, index + 1)
            newline = text.find("\n", index + 1)
            if close >= 0 and (newline < 0 or close < newline or char == "`"):
                index = close
        elif char == "\n" and stack and _BLANK_LINE.match(text, index):
            stack.clear()
        index += 1
    return pairs


def _esm_spans(text: str, fences: list[Span]) -> Iterator[Span]:
    """Yield MDX ``import``/``export`` statements: to the line where brackets balance again."""
    reached = 0
    for match in _ESM_START.finditer(text):
        # A line inside the statement before (a multi-line import) is not a statement of its own.
        if match.start() < reached or not _outside(match.start(), fences):
            continue
        depth = 0
        position = match.start()
        while True:
            end = _line_end(text, position)
            line = text[position:end]
            depth += sum(line.count(c) for c in "{([") - sum(line.count(c) for c in "})]")
            position = end
            if depth <= 0 or position >= len(text) or position - match.start() > _MAX_SPAN:
                break
        reached = position
        yield match.start(), position


def _jsx_spans(text: str, fences: list[Span], pairs: dict[int, int]) -> Iterator[Span]:
    """Yield JSX tags (``<Tabs>``, ``<Card title={x} />``, ``</Tabs>``, fragments), props included."""
    for match in _JSX_TAG.finditer(text):
        if not _outside(match.start(), fences):
            continue
        position = match.end()
        # Props may hold {expressions} containing ">"; step over them to the tag's real end.
        while position < len(text) and position - match.start() < _MAX_SPAN:
            char = text[position]
            if char == "{":
                end = pairs.get(position)
                if end is None:
                    break
                position = end
            elif char == ">":
                yield match.start(), position + 1
                break
            elif char == "<":
                break
            else:
                position += 1


def _expression_spans(pairs: dict[int, int]) -> Iterator[Span]:
    """Yield the outermost MDX ``{expressions}`` (comments ``{/* */}`` included)."""
    reached = -1
    for start in sorted(pairs):
        end = pairs[start]
        if start >= reached and end - start <= _MAX_SPAN:
            reached = end
            yield start, end


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _blank_whole_lines(text: str, spans: list[Span]) -> str:
    """Blank every span that is alone on its lines (line breaks kept, so offsets do not move)."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
        line_end = _line_end(text, end) if end and text[end - 1] not in "\r\n" else end
        if text[line_start:start].strip() or text[end:line_end].strip():
            continue
        for index in range(start, end):
            if chars[index] not in "\r\n":
                chars[index] = " "
    return "".join(chars)
