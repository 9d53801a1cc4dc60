"""Plain-text reader: blocks are separated by blank lines; short title-like lines are headings."""

from __future__ import annotations

import re

from contentlint.model.document import Block, Parsed
from contentlint.model.finding import BlockKind
from contentlint.model.sourcemap import ProseBuilder, SourceMap

_LIST_RE = re.compile(r"^[ \t]*(?:[-*+\u2022]|\d{1,3}[.)])[ \t]+")
# Blank lines end a block; "\r\n", a lone "\r" (old Mac files) and "\n" are all line breaks.
_BLANK_RE = re.compile(r"(?:(?:\r\n|\r|\n)[ \t]*){2,}")
# A heading in plain text is a lone short line with no full stop at its end (a question or a
# title). Twelve words covers the long question headings health sites use.
_HEADING_MAX_WORDS = 14


def _is_heading(lines: list[str]) -> bool:
    if len(lines) != 1:
        return False
    line = lines[0].strip()
    words = line.split()
    if not words or len(words) > _HEADING_MAX_WORDS or line[-1] in ".,;!\"'’”)":
        return False
    return line[-1] in "?:" or sum(w[0].isupper() for w in words if w[0].isalpha()) >= len(words) / 2


def read_text(text: str) -> Parsed:
    """Return the prose blocks of a plain-text document (plain text has no comments)."""
    source_map = SourceMap(text)
    blocks: list[Block] = []
    section = 0
    position = 0
    chunks: list[tuple[int, int]] = []
    for match in _BLANK_RE.finditer(text):
        chunks.append((position, match.start()))
        position = match.end()
    chunks.append((position, len(text)))
    for start, end in chunks:
        chunk = text[start:end]
        if not chunk.strip():
            continue
        lines = chunk.splitlines(keepends=True)
        first_line = source_map.position(start)[0]
        if _is_heading([ln for ln in lines if ln.strip()]):
            section += 1
            blocks.append(_block(text, start, chunk, BlockKind.HEADING, section, first_line, first_line))
            continue
        if all(_LIST_RE.match(ln) for ln in lines if ln.strip()):
            offset = start
            for number, line in enumerate(lines):
                marker = _LIST_RE.match(line)
                if marker:
                    line_no = first_line + number
                    body = line[marker.end() :]
                    blocks.append(
                        _block(text, offset + marker.end(), body, BlockKind.LIST_ITEM, section, line_no, line_no)
                    )
                offset += len(line)
            continue
        last_line = source_map.position(start + len(chunk.rstrip("\r\n")) - 1)[0]
        blocks.append(_block(text, start, chunk, BlockKind.PARAGRAPH, section, first_line, last_line))
    return Parsed(tuple(b for b in blocks if b.text))


def _block(text: str, at: int, body: str, kind: BlockKind, section: int, first: int, last: int) -> Block:
    builder = ProseBuilder(text)
    builder.add_exact(body, at)
    return Block(kind, builder.build(), section, first, last)
