"""Documents: bytes in, prose blocks out, with the source map that places every character.

``read_document`` decodes a file (UTF-8, BOM kept aside, CRLF kept), picks a reader by the file's
extension and returns a ``Document``: prose blocks (headings, paragraphs, list items, quotes, table
cells) whose characters know their source offsets, plus the comments that may hold directives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath

from .finding import BlockKind, Location
from .sourcemap import Prose, SourceMap

FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".txt": "text"}

# Files larger than this are refused rather than linted: a linter that runs in a pre-commit hook
# must not stall on a data dump that happens to end in .md.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


class ReadError(Exception):
    """A file that cannot be linted; the message names the problem (the caller adds the path)."""


@dataclass(frozen=True, slots=True)
class Block:
    """One prose block: its kind, its prose text, and the source offset of every prose character."""

    kind: BlockKind
    prose: Prose
    section: int
    first_line: int
    last_line: int

    @property
    def text(self) -> str:
        """Return the block's prose text."""
        return self.prose.text


@dataclass(frozen=True, slots=True)
class Comment:
    """A comment in the source (HTML or Markdown), where suppression directives live."""

    text: str
    line: int
    end_line: int


@dataclass(frozen=True)
class Document:
    """A parsed file: its decoded text, prose blocks, comments and source map."""

    path: str
    fmt: str
    source: str
    blocks: tuple[Block, ...]
    comments: tuple[Comment, ...] = ()
    source_map: SourceMap = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "source_map", SourceMap(self.source))

    def locate(self, block: Block, start: int, end: int) -> Location:
        """Return the source location of prose characters ``[start, end)`` of ``block``."""
        origins = block.prose.origins
        if not origins:
            line = block.first_line
            return Location(self.path, line, 1, line, 1)
        start = max(0, min(start, len(origins) - 1))
        last = max(start, min(end, len(origins)) - 1)
        line, column = self.source_map.position(origins[start])
        end_line, end_column = self.source_map.position(origins[last] + 1)
        if origins[last] + 1 > len(self.source) or self.source[origins[last]] == "\n":
            end_line, end_column = self.source_map.position(origins[last])
            end_column += 1
        return Location(self.path, line, column, end_line, end_column)

    def block_location(self, block: Block) -> Location:
        """Return the location of a whole block's prose."""
        return self.locate(block, 0, len(block.prose.text))


def detect_format(path: str, default: str = "markdown") -> str:
    """Return the reader format for ``path`` from its extension (``default`` when unknown)."""
    return FORMATS.get(PurePath(path).suffix.lower(), default)


def decode(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Decode file bytes as UTF-8 (a BOM is dropped); raise ``ReadError`` naming the problem."""
    if len(data) > max_bytes:
        raise ReadError(f"file is too large ({len(data):,} bytes; the limit is {max_bytes:,})")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ReadError("file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8")
    if b"\x00" in data[:8192]:
        raise ReadError("file looks binary (it contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ReadError(
            f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x} on line {line}); "
            "save it as UTF-8"
        ) from None
    if not text.strip():
        raise ReadError("file is empty")
    return text


def parse(text: str, path: str, fmt: str) -> Document:
    """Parse decoded ``text`` with the reader for ``fmt`` (markdown, html or text)."""
    # Imported here so that each reader's parser is loaded only when a file of its kind is seen.
    if fmt == "markdown":
        from .readers.markdown import read_markdown as reader
    elif fmt == "html":
        from .readers.html import read_html as reader
    elif fmt == "text":
        from .readers.text import read_text as reader
    else:
        raise ReadError(f"unknown format {fmt!r}")
    blocks, comments = reader(text)
    return Document(path=path, fmt=fmt, source=text, blocks=tuple(blocks), comments=tuple(comments))


def read_document(data: bytes, path: str, fmt: str | None = None) -> Document:
    """Decode and parse file bytes into a ``Document``; raise ``ReadError`` on bad input."""
    return parse(decode(data), path, fmt or detect_format(path))
