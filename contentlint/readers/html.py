"""HTML reader built on the standard library's ``html.parser``.

Text inside block elements (p, li, h1–h6, blockquote, td, th, dt, dd, figcaption, caption) becomes
prose; scripts, styles, code, pre, head and other non-prose elements are skipped. Entities are
resolved by hand (``convert_charrefs=False``) so that every character keeps its source offset.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from ..document import Block, Comment
from ..finding import BlockKind
from ..sourcemap import ProseBuilder, SourceMap

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
           "table", "tr", "form", "body", "br", "hr", "figure"}
_SKIP = {"script", "style", "code", "pre", "head", "noscript", "template", "svg", "math", "kbd", "samp",
         "textarea", "select", "button", "iframe", "object"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}


class _Reader(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.map = SourceMap(text)
        self.blocks: list[Block] = []
        self.comments: list[Comment] = []
        self.section = 0
        self.skip_depth = 0
        self.kind_stack: list[BlockKind] = []
        self.builder: ProseBuilder | None = None
        self.first_line = 1
        self.href_stack: list[str] = []

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """Skip ``<![word[ ... >`` with an unknown keyword instead of failing (the stdlib asserts)."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:  # found by the fuzzer: '<![i](p.png)' stopped the whole file
            end = self.rawdata.find(">", i + 3)
            return end + 1 if end >= 0 else -1

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.map.line_start(line) + column

    def _flush(self) -> None:
        if self.builder is not None and self.builder:
            kind = self.kind_stack[-1] if self.kind_stack else BlockKind.PARAGRAPH
            if kind is BlockKind.HEADING:
                self.section += 1
            prose = self.builder.build()
            last_line = self.map.position(prose.origins[-1])[0] if prose.origins else self.first_line
            if prose.text:
                self.blocks.append(Block(kind, prose, self.section, self.first_line, last_line))
        self.builder = None

    def _start_block(self) -> None:
        self._flush()
        self.builder = ProseBuilder(self.text)
        self.first_line = self.getpos()[0]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open a block, a skipped element or a link."""
        if tag in _SKIP and tag not in _VOID:
            self.skip_depth += 1
            return
        if tag in _BLOCK_KINDS:
            self._start_block()
            self.kind_stack.append(_BLOCK_KINDS[tag])
        elif tag in _BREAKS:
            self._flush()
        elif tag == "a" and self.builder is not None:
            self.builder.open_link()
            self.href_stack.append(dict(attrs).get("href") or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A self-closing break (``<br/>``, ``<hr/>``) ends loose text."""
        if tag in _BREAKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        """Close a block, a skipped element or a link."""
        if tag in _SKIP and tag not in _VOID:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag in _BLOCK_KINDS:
            self._flush()
            if self.kind_stack:
                self.kind_stack.pop()
        elif tag in _BREAKS:
            self._flush()
        elif tag == "a" and self.builder is not None and self.href_stack:
            self.builder.close_link(self.href_stack.pop())

    def _add(self, text: str, at: int, exact: bool) -> None:
        if self.skip_depth:
            return
        if self.builder is None:
            if not text.strip():
                return
            self.builder = ProseBuilder(self.text)
            self.first_line = self.getpos()[0]
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
            self._add(self.text[at:end + 1] if self.text[end:end + 1] == ";" else self.text[at:end], at, exact=True)
            return
        self._add(character, at, exact=False)

    def handle_charref(self, name: str) -> None:
        """A numeric entity becomes its character, anchored at the ``&``."""
        self._add(html.unescape(f"&#{name};"), self._offset(), exact=False)

    def handle_comment(self, data: str) -> None:
        """Keep comments: suppression directives live there."""
        line = self.getpos()[0]
        self.comments.append(Comment(data.strip(), line, line + data.count("\n")))


def read_html(text: str) -> tuple[list[Block], list[Comment]]:
    """Return the prose blocks and comments of an HTML document."""
    reader = _Reader(text)
    reader.feed(text)
    reader.close()
    reader._flush()
    return reader.blocks, reader.comments
