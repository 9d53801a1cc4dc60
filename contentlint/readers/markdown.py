"""Markdown (and MDX) reader: CommonMark via markdown-it-py, with the dialects content sites use.

markdown-it gives each block its source lines but not the columns of inline text, so the inline
text of a block is aligned back to the source with ``ProseBuilder``. Never prose:

* front matter: YAML (markdown-it's front-matter plugin), TOML (``+++``) and JSON;
* template syntax (Liquid, Jinja, Hugo shortcodes), Pandoc/kramdown attribute lists, and in MDX the
  ``import``/``export`` statements, JSX tags and ``{expressions}`` (see :mod:`.markup`);
* code (fenced, indented and inline), images and autolinks;
* raw HTML: blocks are read by the HTML reader (so ``<p>`` in a ``<div>`` is prose and a
  ``<script>`` is not), and inline tags are followed as HTML: the text inside ``<script>``,
  ``<style>``, ``<iframe>`` and third-party embeds is skipped, ``<a href>`` is a link, and a
  paragraph made only of raw HTML next to an embed is the embed's credit line, not prose.

Footnote references (``[^3]``) and superscript numbers (``<sup>5</sup>``) count as cited sources;
footnote definitions are blocks with the ``FOOTNOTE`` role. Definition lists (``Term`` / ``: text``)
are read as items. An unclosed ``<!--`` is reported as a markup problem and the rest of the file is
read as if that line were blank, rather than vanishing into a comment that never ends.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from contentlint.model.document import Block, BlockRole, Comment, MarkupProblem, Parsed
from contentlint.model.finding import BlockKind
from contentlint.model.sourcemap import LINE_BREAK_RE, ProseBuilder, SourceMap
from contentlint.readers.html import CITATION_MARK, EMBED_CLASS, EMBEDDING, EXPONENT_BASE, read_html_fragment
from contentlint.readers.markup import Markup, find_markup

# markdown-it stops building blocks past this depth and drops their text; CommonMark's preset
# says 20, which loses a list nested ten deep (each level is a list and an item). 100 keeps any
# real document and stays far below Python's recursion limit.
_MAX_NESTING = 100
# Inline HTML elements whose text is not prose (scripts, media, code) until their closing tag.
_SKIPPED_ELEMENTS = {"script", "style", "iframe", "object", "noscript", "template", "svg", "math", "video",
                     "audio", "canvas", "code", "kbd", "samp", "pre", "textarea", "select", "button"}
# Inline tags that sit inside words or phrases: they must not split the text around them.
_PHRASING = {"a", "em", "strong", "b", "i", "u", "s", "span", "sup", "sub", "mark", "small", "abbr",
             "cite", "q", "del", "ins", "time", "font", "dfn", "bdi", "bdo", "data", "var"}
_TAG_RE = re.compile(r"<(/?)([A-Za-z][\w:.-]*)")
_HREF_RE = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_CLASS_RE = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
# Up to 3 spaces then "<!--": how CommonMark starts an HTML comment block.
_COMMENT_BLOCK = re.compile(r" {0,3}<!--")


@cache
def _parser() -> MarkdownIt:
    return (
        MarkdownIt("commonmark", {"html": True, "maxNesting": _MAX_NESTING})
        .enable("table")
        .use(front_matter_plugin)
        .use(footnote_plugin)
        .use(deflist_plugin)
    )


def _kind(stack: list[str], opener: str) -> BlockKind:
    if opener == "heading_open":
        return BlockKind.HEADING
    if opener in ("th_open", "td_open"):
        return BlockKind.TABLE_CELL
    if "list_item_open" in stack or opener == "dt_open" or "dd_open" in stack:
        return BlockKind.LIST_ITEM
    if "blockquote_open" in stack:
        return BlockKind.QUOTE
    return BlockKind.PARAGRAPH


def _attribute(pattern: re.Pattern[str], tag: str) -> str:
    match = pattern.search(tag)
    return next((g for g in match.groups() if g is not None), "") if match else ""


class _Inline:
    """Turns one inline token's children into prose, following inline HTML as HTML."""

    def __init__(self, builder: ProseBuilder, limit: int, source_map: SourceMap, comments: list[Comment]) -> None:
        self.builder = builder
        self.limit = limit
        self.source_map = source_map
        self.comments = comments
        self.raw_stack: list[str] = []  # open inline HTML elements (phrasing ones)
        self.skip_stack: list[str] = []  # open inline HTML elements whose text is not prose
        self.html_hrefs: list[str] = []
        self.outside_html = False  # some prose came from outside any raw HTML element
        self.embedded = False  # the paragraph holds an embed (a script, an iframe)

    def run(self, children: list[Token]) -> None:
        hrefs: list[tuple[str, bool]] = []
        index = 0
        while index < len(children):
            child = children[index]
            kind = child.type
            if kind == "html_inline":
                index = self._html(children, index)
                continue
            if self.skip_stack:
                if kind == "text":
                    self.builder.skip(child.content, self.limit)
                index += 1
                continue
            autolink = bool(hrefs) and hrefs[-1][1]
            if kind == "text":
                if autolink:
                    self.builder.skip(child.content, self.limit)
                else:
                    self.builder.align(child.content, self.limit)
                    if child.content.strip() and not self.raw_stack:
                        self.outside_html = True
            elif kind in ("softbreak", "hardbreak"):
                self.builder.separator()
            elif kind == "code_inline":
                # Code is not prose; keep the words on either side apart.
                self.builder.skip(child.content, self.limit)
                self.builder.separator()
            elif kind == "image":
                self.builder.skip(str(child.attrs.get("src", "")), self.limit)
                self.builder.separator()
            elif kind == "footnote_ref":
                self.builder.skip(f"[^{child.meta.get('label', '')}]", self.limit)
                self.builder.add_source(f"#fn{child.meta.get('label', '')}")
            elif kind == "link_open":
                hrefs.append((str(child.attrs.get("href", "")), child.markup == "autolink"))
                self.builder.open_link()
            elif kind == "link_close" and hrefs:
                # An autolink is not prose, but it still cites a source for the sentence it sits in.
                self.builder.close_link(hrefs.pop()[0])
            index += 1

    def _html(self, children: list[Token], index: int) -> int:
        """Follow one inline HTML token; return the index of the next token to read."""
        content = children[index].content
        self.builder.skip(content, self.limit)
        match = _TAG_RE.match(content)
        if not match:  # a comment, a processing instruction or a declaration
            if content.startswith("<!--"):
                # The cursor has just passed the comment, so its lines are exact.
                start = self.builder.cursor - len(content)
                body = content[4:-3] if content.endswith("-->") else content[4:]
                self.comments.append(Comment(body.strip(), self.source_map.position(start)[0],
                                             self.source_map.position(self.builder.cursor - 1)[0]))
            return index + 1
        closing, tag = match.group(1) == "/", match.group(2).lower()
        self_closing = content.rstrip().endswith("/>")
        if tag in EMBEDDING:
            self.embedded = True
        if self.skip_stack:
            if closing and tag in self.skip_stack:
                while self.skip_stack.pop() != tag:
                    pass
            elif not closing and not self_closing and tag == self.skip_stack[0]:
                self.skip_stack.append(tag)
            return index + 1
        if closing:
            if tag in self.raw_stack:
                while self.raw_stack.pop() != tag:
                    pass
            if tag == "a" and self.html_hrefs:
                self.builder.close_link(self.html_hrefs.pop())
            elif tag not in _PHRASING:
                self.builder.separator()
            return index + 1
        if (tag in _SKIPPED_ELEMENTS or EMBED_CLASS.search(_attribute(_CLASS_RE, content))) and not self_closing:
            self.skip_stack.append(tag)
            self.builder.separator()
            return index + 1
        if tag == "sup" and not self_closing and not EXPONENT_BASE.search(self.builder.tail(8)):
            end = self._citation_end(children, index)
            if end is not None:
                for token in children[index + 1 : end + 1]:
                    self.builder.skip(token.content, self.limit)
                self.builder.add_source("#citation")
                return end + 1
        if tag == "a" and not self_closing:
            self.html_hrefs.append(_attribute(_HREF_RE, content))
            self.builder.open_link()
        if tag in _PHRASING:
            if not self_closing:
                self.raw_stack.append(tag)
        else:
            self.builder.separator()
        return index + 1

    @staticmethod
    def _citation_end(children: list[Token], index: int) -> int | None:
        """Return the index of ``</sup>`` when the superscript opened at ``index`` is a reference number."""
        text: list[str] = []
        for position in range(index + 1, min(len(children), index + 8)):
            token = children[position]
            if token.type == "html_inline":
                if token.content.lower().startswith("</sup"):
                    return position if CITATION_MARK.fullmatch("".join(text)) else None
            elif token.type == "text":
                text.append(token.content)
            else:
                return None
        return None


def read_markdown(text: str, mdx: bool = False) -> Parsed:
    """Return the prose blocks, comments and markup problems of a Markdown (or MDX) document."""
    source_map = SourceMap(text)
    markup = find_markup(text, mdx)
    problems: list[MarkupProblem] = []
    parse_text = markup.text
    # An unclosed "<!--" would hide the rest of the file in one endless comment block: report it,
    # blank that line and read on.
    for _ in range(100):
        tokens = _parser().parse(parse_text)
        unclosed = _unclosed_comment(tokens, parse_text, source_map)
        if unclosed is None:
            break
        start, end = unclosed
        line, column = source_map.position(start + parse_text[start:end].index("<!--"))
        problems.append(MarkupProblem(line, column, "HTML comment '<!--' is never closed with '-->'; "
                                      "the text after it was linted as if the comment ended on its line"))
        parse_text = parse_text[:start] + re.sub(r"[^\r\n]", " ", parse_text[start:end]) + parse_text[end:]
    blocks, comments = _blocks(tokens, text, parse_text, source_map, markup)
    return Parsed(tuple(blocks), tuple(comments), tuple(problems))


def _unclosed_comment(tokens: list[Token], text: str, source_map: SourceMap) -> tuple[int, int] | None:
    """Return the span of the first line of an HTML comment block that never closes, if any."""
    for token in tokens:
        if token.type == "html_block" and token.map and _COMMENT_BLOCK.match(token.content) \
                and "-->" not in token.content:
            start = source_map.line_start(token.map[0] + 1)
            match = LINE_BREAK_RE.search(text, start)
            return start, match.start() if match else len(text)
    return None


def _blocks(tokens: list[Token], text: str, parse_text: str, source_map: SourceMap,
            markup: Markup) -> tuple[list[Block], list[Comment]]:
    hidden = markup.contains if markup.spans else None
    blocks: list[Block] = []
    comments: list[Comment] = []
    stack: list[str] = []
    opener = ""
    level = 0
    cursor = 0
    cursor_line = 0
    for token in tokens:
        if token.nesting == 1:
            stack.append(token.type)
            opener = token.type
            if token.type == "heading_open":
                level = int(token.tag[1:]) if token.tag[1:].isdigit() else 0
        elif token.nesting == -1:
            if stack:
                stack.pop()
        if token.type == "html_block" and token.map:
            start = source_map.line_start(token.map[0] + 1)
            end = source_map.line_start(token.map[1] + 1)
            html_blocks, html_comments = read_html_fragment(parse_text, start, end, hidden, source_map)
            comments.extend(html_comments)
            role = BlockRole.FOOTNOTE if "footnote_open" in stack else BlockRole.PROSE
            blocks.extend(replace(b, role=role) if role is not BlockRole.PROSE else b for b in html_blocks)
            continue
        if token.type != "inline" or not token.map:
            continue
        first, last = token.map[0] + 1, max(token.map[0] + 1, token.map[1])
        builder = ProseBuilder(parse_text, hidden)
        line_start = source_map.line_start(first)
        # Table cells of one row share a line: the next cell is read on from the last. Otherwise a
        # block starts at its own line (footnote definitions come last in the token stream).
        builder.cursor = max(cursor, line_start) if first == cursor_line else line_start
        inline = _Inline(builder, source_map.line_start(last + 1), source_map, comments)
        inline.run(token.children or [])
        cursor, cursor_line = builder.cursor, first
        if inline.embedded and not inline.outside_html:
            continue  # an embed's credit line ("Embed from Getty Images"), not the author's prose
        prose = builder.build()
        if not prose.text:
            continue
        kind = _kind(stack, opener)
        role = BlockRole.FOOTNOTE if "footnote_open" in stack else BlockRole.PROSE
        heading_level = level if kind is BlockKind.HEADING else 0
        blocks.append(Block(kind, prose, 0, first, last, role, heading_level))
    return _in_order(blocks), comments


def _in_order(blocks: list[Block]) -> list[Block]:
    """Sort blocks into source order (footnotes come last from the parser) and number sections."""
    ordered = sorted(blocks, key=lambda b: b.prose.origins[0])
    section = 0
    numbered: list[Block] = []
    for block in ordered:
        if block.kind is BlockKind.HEADING:
            section += 1
        numbered.append(replace(block, section=section) if block.section != section else block)
    return numbered
