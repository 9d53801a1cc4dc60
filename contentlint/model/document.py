"""Documents: bytes in, prose blocks out, with the source map that places every character.

The values of a document live here; ``contentlint.readers.read_document`` decodes a file (UTF-8, BOM
kept aside, CRLF kept) with :func:`decode`, picks a reader by the file's extension and returns a
``Document``: prose blocks (headings, paragraphs, list items, quotes, table
cells) whose characters know their source offsets, plus the comments that may hold directives.

Each block also carries a *role*: ordinary prose, or part of the apparatus of citation (a
references or bibliography section, a footnote definition, a citation standing alone). Readers
mark footnotes; :func:`mark_roles` marks the rest from the headings and the text, so that each rule
family decides for itself what to do with them (claims and readability skip them, duplicates still
compare them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import PurePath

from contentlint.model.finding import BlockKind, Location
from contentlint.model.sourcemap import Prose, SourceMap

FORMATS = {".md": "markdown", ".markdown": "markdown", ".mdx": "mdx", ".html": "html", ".htm": "html",
           ".txt": "text"}

# Files larger than this are refused rather than linted: a linter that runs in a pre-commit hook
# must not stall on a data dump that happens to end in .md.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


class ReadError(Exception):
    """A file that cannot be linted; the message names the problem (the caller adds the path)."""


class BlockRole(str, Enum):
    """What a block is for: the author's prose, or part of the apparatus of citation."""

    PROSE = "prose"
    REFERENCE = "reference"  # a references/sources/bibliography/further-reading section, heading included
    FOOTNOTE = "footnote"  # a footnote definition ("[^1]: ...")
    CITATION = "citation"  # a block that is itself a citation (authors, title, journal, doi)


@dataclass(frozen=True, slots=True)
class Block:
    """One prose block: its kind, its prose text, and the source offset of every prose character.

    ``level`` is a heading's level (1-6; 0 when the format has none, and for other blocks).
    """

    kind: BlockKind
    prose: Prose
    section: int
    first_line: int
    last_line: int
    role: BlockRole = BlockRole.PROSE
    level: int = 0

    @property
    def is_prose(self) -> bool:
        """Return whether the block is the author's running prose (not a reference or footnote)."""
        return self.role is BlockRole.PROSE

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


@dataclass(frozen=True, slots=True)
class MarkupProblem:
    """Markup a reader could not take as written (an unclosed comment): where, and what is wrong."""

    line: int
    column: int
    message: str


@dataclass(frozen=True)
class Parsed:
    """What a reader returns: prose blocks in document order, comments and markup problems."""

    blocks: tuple[Block, ...]
    comments: tuple[Comment, ...] = ()
    problems: tuple[MarkupProblem, ...] = ()


@dataclass(frozen=True)
class Document:
    """A parsed file: its decoded text, prose blocks, comments, markup problems and source map."""

    path: str
    fmt: str
    source: str
    blocks: tuple[Block, ...]
    comments: tuple[Comment, ...] = ()
    problems: tuple[MarkupProblem, ...] = ()
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
        if origins[last] + 1 > len(self.source) or self.source[origins[last]] in "\r\n":
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
    # An empty or blank file is a valid article with nothing in it: clean, not an error (a new
    # page stub or a placeholder must not fail a whole pre-commit run).
    return text


# Headings of the sections that hold a page's sources rather than its prose. Matched against the
# whole heading, lower-cased, with numbering and trailing punctuation removed.
_REFERENCE_HEADING = re.compile(
    r"(?:selected |key |cited |general |additional |other |more |useful |suggested )?"
    r"(?:references?|sources?(?: and (?:references|further reading|notes))?|bibliography|citations?"
    r"|works cited|literature cited|further reading|(?:additional|suggested|recommended) reading"
    r"|reading list|footnotes|endnotes|notes and references|references and (?:notes|further reading)"
    r"|source notes|resources and references)"
)
_HEADING_DECOR = re.compile(r"^[\s\d.):#\-–—]*|[\s.:]*$")
# A block that is itself a citation: a DOI, a PubMed id, a journal's volume(issue):pages, or the
# "Accessed <date>" / "Retrieved from" of a cited web page.
_CITATION_RE = re.compile(
    r"\bdoi(?:\.org/|:\s*)10\.\d{4,}|\b10\.\d{4,9}/\S+|\bPMID:?\s*\d{5,}|\bPMCID:?\s*PMC\d+"
    r"|\b(?:19|20)\d{2}\s*(?:[A-Z][a-z]{2}(?:\s\d{1,2})?)?;\s*\d+(?:\(\w+\))?:\s*[A-Za-z]?\d+"
    r"|\b(?:Accessed|Retrieved)(?: on)? (?:\d{1,2} )?(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b"
)
# A citation is short; a long paragraph that happens to quote a DOI is still prose.
_CITATION_MAX_WORDS = 80


def is_reference_heading(text: str) -> bool:
    """Return whether a heading names a references, sources or further-reading section."""
    return bool(_REFERENCE_HEADING.fullmatch(_HEADING_DECOR.sub("", text.lower())))


def mark_roles(blocks: tuple[Block, ...] | list[Block]) -> tuple[Block, ...]:
    """Return ``blocks`` with reference sections and lone citations marked in their ``role``.

    A references heading marks itself and everything under it up to the next heading of the same
    or a higher level (the next heading at all when the format has no levels). A block outside such
    a section that reads as a citation is marked ``CITATION``. Footnotes keep the role their reader
    gave them.
    """
    marked: list[Block] = []
    reference_level: int | None = None
    for block in blocks:
        if block.kind is BlockKind.HEADING:
            if reference_level is not None and (block.level == 0 or reference_level == 0
                                                or block.level <= reference_level):
                reference_level = None
            if reference_level is None and is_reference_heading(block.text):
                reference_level = block.level
        if block.role is not BlockRole.PROSE:
            marked.append(block)
        elif reference_level is not None:
            marked.append(replace(block, role=BlockRole.REFERENCE))
        elif (block.kind is not BlockKind.HEADING and _CITATION_RE.search(block.text)
              and len(block.text.split()) <= _CITATION_MAX_WORDS):
            marked.append(replace(block, role=BlockRole.CITATION))
        else:
            marked.append(block)
    return tuple(marked)
