"""Markdown reader: CommonMark (with tables and front matter) via markdown-it-py.

markdown-it gives each block its source lines but not the columns of inline text, so the inline
text of a block is aligned back to the source with ``ProseBuilder``. Front matter, code (fenced,
indented and inline), HTML, images and autolinks never become prose.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from ..document import Block, Comment
from ..finding import BlockKind
from ..sourcemap import ProseBuilder, SourceMap

_SKIPPED_INLINE = {"code_inline", "html_inline"}


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable("table").use(front_matter_plugin)


def _kind(stack: list[str], opener: str) -> BlockKind:
    if opener == "heading_open":
        return BlockKind.HEADING
    if opener in ("th_open", "td_open"):
        return BlockKind.TABLE_CELL
    if "list_item_open" in stack:
        return BlockKind.LIST_ITEM
    if "blockquote_open" in stack:
        return BlockKind.QUOTE
    return BlockKind.PARAGRAPH


def _inline_prose(builder: ProseBuilder, children: list[Token], limit: int) -> None:
    hrefs: list[tuple[str, bool]] = []
    for child in children:
        kind = child.type
        autolink = bool(hrefs) and hrefs[-1][1]
        if kind == "text":
            if autolink:
                builder.skip(child.content, limit)
            else:
                builder.align(child.content, limit)
        elif kind in ("softbreak", "hardbreak"):
            builder.separator()
        elif kind in _SKIPPED_INLINE:
            # Code and inline HTML are not prose; keep the words on either side apart.
            builder.skip(child.content, limit)
            builder.separator()
        elif kind == "image":
            builder.skip(str(child.attrs.get("src", "")), limit)
            builder.separator()
        elif kind == "link_open":
            hrefs.append((str(child.attrs.get("href", "")), child.markup == "autolink"))
            builder.open_link()
        elif kind == "link_close" and hrefs:
            # An autolink is not prose, but it still cites a source for the sentence it sits in.
            builder.close_link(hrefs.pop()[0])


def read_markdown(text: str) -> tuple[list[Block], list[Comment]]:
    """Return the prose blocks and comments of a Markdown document."""
    source_map = SourceMap(text)
    tokens = _parser().parse(text)
    blocks: list[Block] = []
    comments: list[Comment] = []
    stack: list[str] = []
    opener = ""
    section = 0
    cursor = 0
    for token in tokens:
        if token.nesting == 1:
            stack.append(token.type)
            opener = token.type
        elif token.nesting == -1:
            if stack:
                stack.pop()
        if token.type == "html_block" and token.map:
            _collect_comments(token.content, token.map[0] + 1, comments)
        if token.type != "inline" or not token.map:
            continue
        first, last = token.map[0] + 1, token.map[1]
        for child in token.children or []:
            if child.type == "html_inline":
                _collect_comments(child.content, first, comments)
        builder = ProseBuilder(text)
        builder.cursor = max(cursor, source_map.line_start(first))
        limit = source_map.line_start(last + 1)
        _inline_prose(builder, token.children or [], limit)
        cursor = builder.cursor
        prose = builder.build()
        kind = _kind(stack, opener)
        if kind is BlockKind.HEADING:
            section += 1
        if prose.text:
            blocks.append(Block(kind, prose, section, first, last))
    return blocks, comments


def _collect_comments(html: str, line: int, comments: list[Comment]) -> None:
    start = 0
    while True:
        begin = html.find("<!--", start)
        if begin < 0:
            return
        end = html.find("-->", begin)
        if end < 0:
            return
        body = html[begin + 4 : end]
        first = line + html.count("\n", 0, begin)
        comments.append(Comment(body.strip(), first, first + body.count("\n")))
        start = end + 3
