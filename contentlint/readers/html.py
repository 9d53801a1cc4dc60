"""HTML reader built on the standard library's ``html.parser``.

Text inside block elements (p, li, h1–h6, blockquote, td, th, dt, dd, figcaption, caption) becomes
prose; scripts, styles, code, pre, head, iframes, embeds and other non-prose elements are skipped,
and so are third-party embeds (a tweet, an Instagram post, a Getty Images widget): their text is
somebody else's or a credit line, never the author's prose. Entities are resolved by hand
(``convert_charrefs=False``) so that every character keeps its source offset.

The reader also runs over fragments of a Markdown file (raw HTML blocks): ``base`` and ``end`` give
the fragment's place in the whole text, and every offset it records is an offset in that text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from html.parser import HTMLParser

from contentlint.model.document import Block, BlockRole, Comment, MarkupProblem, Parsed
from contentlint.model.finding import BlockKind
from contentlint.model.sourcemap import LINE_BREAK_RE, ProseBuilder, SourceMap
from contentlint.readers.markup import find_markup

_BLOCK_KINDS = {
    "p": BlockKind.PARAGRAPH,
    "li": BlockKind.LIST_ITEM,
    "dt": BlockKind.PARAGRAPH,
    "dd": BlockKind.PARAGRAPH,
    "blockquote": BlockKind.QUOTE,
    "td": BlockKind.TABLE_CELL,
    "th": BlockKind.TABLE_CELL,
    "figcaption": BlockKind.PARAGRAPH,
    "caption": BlockKind.PARAGRAPH,
    **{f"h{n}": BlockKind.HEADING for n in range(1, 7)},
}
# Elements that end a block of loose text even though they are not prose blocks themselves.
_BREAKS = {"div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol", "dl",
           "table", "tr", "form", "body", "br", "hr", "figure", "details", "summary"}
_SKIP = {"script", "style", "code", "pre", "head", "noscript", "template", "svg", "math", "kbd", "samp",
         "textarea", "select", "button", "iframe", "object", "video", "audio", "canvas", "map"}
# Elements that put someone else's content on the page; a block made only of link text next to
# one of them is an embed's credit line ("Embed from Getty Images"), not prose.
EMBEDDING = {"script", "iframe", "object", "embed", "video", "audio"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr",
         "param"}
# Class names of third-party embed containers (Twitter/X, Instagram, TikTok, Getty Images, Imgur,
# Reddit, Facebook, Pinterest, Flourish, Datawrapper): the container's text is the embedded post.
EMBED_CLASS = re.compile(
    r"\b(?:twitter-tweet|twitter-timeline|instagram-media|tiktok-embed|gie-single|gie-slideshow"
    r"|imgur-embed-pub|reddit-card|reddit-embed-bq|fb-post|fb-video|pinterest|flourish-embed"
    r"|datawrapper|embedly-card|getty)\b",
    re.IGNORECASE,
)
# A superscript that holds only a reference number ("5", "[12]", "3,4", "2-5") is a citation.
CITATION_MARK = re.compile(r"\s*\[?\s*\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\s*\]?\s*")
# ... unless it is an exponent: after a number or a unit ("10<sup>6</sup>", "m<sup>2</sup>").
EXPONENT_BASE = re.compile(r"(?:\d|\b(?:m|cm|mm|km|µm|μm|um|ft|in|kg/m|g/m|mg/m|m/s))$")
# Containers of footnotes and reference lists, by class or id.
_FOOTNOTE_CONTAINER = re.compile(r"\b(?:footnotes?|endnotes?)\b", re.IGNORECASE)
_REFERENCE_CONTAINER = re.compile(r"\b(?:references?|bibliography|citations?|ref-list|reflist)\b", re.IGNORECASE)


def _attribute(attrs: list[tuple[str, str | None]], name: str) -> str:
    return next((value or "" for key, value in attrs if key == name), "")


class _Reader(HTMLParser):
    def __init__(self, source: str, base: int = 0, end: int | None = None,
                 hidden: Callable[[int], bool] | None = None, source_map: SourceMap | None = None) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.base = base
        self.fragment = source[base:end]
        self.hidden = hidden
        self.map = source_map or SourceMap(source)
        # html.parser counts lines by "\n" only, so its positions are turned into offsets with its
        # own line index (a lone "\r" is not a line break to it).
        self.newlines = [0] + [m.end() for m in re.finditer("\n", self.fragment)]
        self.blocks: list[Block] = []
        self.comments: list[Comment] = []
        self.section = 0
        self.skip_stack: list[str] = []
        self.kind_stack: list[tuple[BlockKind, int]] = []
        self.role_stack: list[tuple[str, BlockRole]] = []
        self.builder: ProseBuilder | None = None
        self.href_stack: list[str] = []
        self.link_depth = 0
        self.outside_link = False  # the current block has text outside any link
        self.embedded = False  # the current block sits next to an embedding element
        self.sup: list[tuple[str, int, bool]] | None = None  # text of an open <sup>, held back

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """Skip ``<![word[ ... >`` with an unknown keyword instead of failing (the stdlib asserts)."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:  # found by the fuzzer: '<![i](p.png)' stopped the whole file
            end = self.rawdata.find(">", i + 3)
            return end + 1 if end >= 0 else -1

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.base + self.newlines[min(line, len(self.newlines)) - 1] + column

    def _flush(self) -> None:
        self._release_sup()
        if self.builder is not None and self.builder and not (self.embedded and not self.outside_link):
            kind, level = self.kind_stack[-1] if self.kind_stack else (BlockKind.PARAGRAPH, 0)
            prose = self.builder.build()
            if prose.text:
                if kind is BlockKind.HEADING:
                    self.section += 1
                first_line = self.map.position(prose.origins[0])[0]
                last_line = self.map.position(prose.origins[-1])[0]
                role = self.role_stack[-1][1] if self.role_stack else BlockRole.PROSE
                self.blocks.append(Block(kind, prose, self.section, first_line, last_line, role, level))
        self.builder = None
        self.outside_link = False
        self.embedded = False

    def _start_block(self) -> None:
        self._flush()
        self.builder = ProseBuilder(self.source, self.hidden)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open a block, a skipped element, a link, a superscript or a reference container."""
        if self.skip_stack:
            if tag not in _VOID:
                self.skip_stack.append(tag)
            return
        if tag in EMBEDDING:
            self.embedded = True
        if (tag in _SKIP or EMBED_CLASS.search(_attribute(attrs, "class"))) and tag not in _VOID:
            self.skip_stack.append(tag)
            return
        marker = f"{_attribute(attrs, 'class')} {_attribute(attrs, 'id')} {_attribute(attrs, 'role')}"
        if tag not in _VOID and tag not in _BLOCK_KINDS:
            if _FOOTNOTE_CONTAINER.search(marker) or "doc-endnotes" in marker:
                self.role_stack.append((tag, BlockRole.FOOTNOTE))
            elif _REFERENCE_CONTAINER.search(marker) or "doc-bibliography" in marker:
                self.role_stack.append((tag, BlockRole.REFERENCE))
        if tag in _BLOCK_KINDS:
            self._start_block()
            self.kind_stack.append((_BLOCK_KINDS[tag], int(tag[1]) if tag[0] == "h" and tag[1:].isdigit() else 0))
        elif tag in _BREAKS:
            self._flush()
        elif tag == "sup":
            self.sup = []
        elif tag == "a":
            self.link_depth += 1
            if self.builder is not None:
                self.builder.open_link()
            self.href_stack.append(_attribute(attrs, "href"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A self-closing break (``<br/>``, ``<hr/>``) ends loose text; an embed marks its block."""
        if self.skip_stack:
            return
        if tag in EMBEDDING:
            self.embedded = True
        if tag in _BREAKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        """Close a block, a skipped element, a link, a superscript or a reference container."""
        if self.skip_stack:
            if tag in self.skip_stack:
                while self.skip_stack and self.skip_stack.pop() != tag:
                    pass
            return
        if tag in _BLOCK_KINDS:
            self._flush()
            if self.kind_stack:
                self.kind_stack.pop()
        elif tag in _BREAKS:
            self._flush()
        elif tag == "sup":
            self._release_sup()
        elif tag == "a" and self.href_stack:
            self.link_depth = max(0, self.link_depth - 1)
            href = self.href_stack.pop()
            if self.builder is not None:
                self.builder.close_link(href)
        if self.role_stack and self.role_stack[-1][0] == tag:
            self._flush()
            self.role_stack.pop()

    def _release_sup(self) -> None:
        """End a superscript: a reference number becomes a cited source, other text becomes prose."""
        held, self.sup = self.sup, None
        if not held:
            return
        base = self.builder.tail(8) if self.builder is not None else ""
        if CITATION_MARK.fullmatch("".join(text for text, _, _ in held)) and not EXPONENT_BASE.search(base):
            if self.builder is not None:
                self.builder.add_source("#citation")
            return
        for text, at, exact in held:
            self._add(text, at, exact)

    def _add(self, text: str, at: int, exact: bool) -> None:
        if self.skip_stack:
            return
        if self.sup is not None:
            self.sup.append((text, at, exact))
            return
        if self.builder is None:
            if not text.strip():
                return
            self.builder = ProseBuilder(self.source, self.hidden)
        if text.strip() and not self.link_depth:
            self.outside_link = True
        if exact:
            self.builder.add_exact(text, at)
        else:
            for char in text:
                self.builder.add_char(char, at)

    def handle_data(self, data: str) -> None:
        """Text stands verbatim in the source at the parser's position."""
        self._add(data, self._offset(), exact=True)

    def handle_entityref(self, name: str) -> None:
        """A named entity becomes its character, anchored at the ``&``; an unknown one stays as written."""
        at = self._offset()
        character = html.unescape(f"&{name};")
        if character == f"&{name};":
            # Not an entity ("&alot", "R&D;"): the text as it stands in the source, with exact
            # offsets. Unescaping added a ";" that was not there and anchored every letter at "&".
            end = at + 1 + len(name)
            entity = self.source[at:end + 1] if self.source[end:end + 1] == ";" else self.source[at:end]
            self._add(entity, at, exact=True)
            return
        self._add(character, at, exact=False)

    def handle_charref(self, name: str) -> None:
        """A numeric entity becomes its character, anchored at the ``&``."""
        self._add(html.unescape(f"&#{name};"), self._offset(), exact=False)

    def handle_comment(self, data: str) -> None:
        """Keep comments: suppression directives live there."""
        start = self._offset()
        line = self.map.position(start)[0]
        end_line = self.map.position(start + 4 + len(data))[0]
        self.comments.append(Comment(data.strip(), line, end_line))


def read_html_fragment(source: str, base: int, end: int, hidden: Callable[[int], bool] | None = None,
                       source_map: SourceMap | None = None) -> tuple[list[Block], list[Comment]]:
    """Return the prose blocks and comments of ``source[base:end]``, with offsets into ``source``.

    Section numbers start at 0 and heading levels are kept; the caller renumbers sections.
    """
    reader = _Reader(source, base, end, hidden, source_map)
    reader.feed(reader.fragment)
    reader.close()
    reader._flush()
    return reader.blocks, reader.comments


def read_html(text: str) -> Parsed:
    """Return the prose blocks and comments of an HTML document.

    Site generators' HTML pages and layouts carry front matter and template syntax too (Jekyll,
    Hugo, Eleventy): those spans are never prose.
    """
    markup = find_markup(text, yaml=True)
    hidden = markup.contains if markup.spans else None
    parse_text, problems = _unclosed_comments(markup.text)
    blocks, comments = read_html_fragment(parse_text, 0, len(text), hidden)
    return Parsed(tuple(blocks), tuple(comments), tuple(problems))


def _unclosed_comments(text: str) -> tuple[str, list[MarkupProblem]]:
    """Report a ``<!--`` that is never closed and blank it to the end of its line.

    html.parser would hand the rest of the file over as text ("<!-- draft ... <p>Rest"), and a
    browser would hide it all; reading on from the next line lints what the author wrote.
    """
    problems: list[MarkupProblem] = []
    start = text.find("<!--")
    if start < 0 or (text.find("-->", start + 4) >= 0 and text.rfind("<!--") < text.rfind("-->")):
        return text, problems
    source_map = SourceMap(text)
    while start >= 0:
        close = text.find("-->", start + 4)
        if close >= 0:
            start = text.find("<!--", close + 3)
            continue
        line, column = source_map.position(start)
        problems.append(MarkupProblem(line, column, "HTML comment '<!--' is never closed with '-->'; "
                                      "the text after its line was linted"))
        newline = LINE_BREAK_RE.search(text, start)
        end = newline.start() if newline else len(text)
        text = text[:start] + re.sub(r"[^\r\n]", " ", text[start:end]) + text[end:]
        start = text.find("<!--", end)
    return text, problems
