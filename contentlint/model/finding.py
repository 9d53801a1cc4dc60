"""Value types that flow through the engine: severities, hits, fixes and findings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum, IntEnum
from types import MappingProxyType
from typing import Any, Protocol

_EMPTY: Mapping[str, Any] = MappingProxyType({})


class Severity(IntEnum):
    """How serious a finding is; ordered so that ``max()`` drives the exit code."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        """Return the severity named ``value`` (case-insensitive)."""
        try:
            return cls[value.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


class BlockKind(str, Enum):
    """The kinds of prose block a reader produces."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    TABLE_CELL = "table_cell"


class SyntaxProvider(Protocol):
    """Tags and parses of sentences for one document run (``contentlint.language.syntax.SyntaxMemo``).

    Each call returns one spaCy ``Doc`` per text, in order; a sentence is analysed at most once per
    document however many rules ask.
    """

    def tag(self, texts: Sequence[str]) -> list[Any]:
        """Tagged Docs (PTB ``tag_``, UPOS ``pos_``) for ``texts``."""
        ...

    def parse(self, texts: Sequence[str]) -> list[Any]:
        """Tagged and parsed Docs (``dep_``, ``head``) for ``texts``."""
        ...


@dataclass(frozen=True, slots=True)
class Unit:
    """A piece of prose handed to a rule kind: a sentence or a whole block.

    ``text`` is prose only (markup, code and URLs removed); ``links`` holds the targets of links
    whose text lies inside the unit, so that a rule can treat a link as a cited source. For a block
    unit, ``sentences`` gives the spans of its sentences (a sentence unit leaves it empty).
    """

    text: str
    block_kind: BlockKind = BlockKind.PARAGRAPH
    links: tuple[str, ...] = ()
    sentences: tuple[tuple[int, int], ...] = ()
    # The document's syntax, when a selected rule declared that it reads tags or dependencies and the
    # run has a parser (``nlp-model`` is not "blank"); ``None`` otherwise.
    syntax: SyntaxProvider | None = field(default=None, compare=False, repr=False)
    # For a unit of a list item: the text of the list's lead-in ("NeuroMax helps you:", a heading
    # "Benefits of turmeric"), so that a bullet can inherit its subject; "" otherwise.
    lead_in: str = field(default="", compare=False)

    def tagged(self) -> Any | None:
        """The unit's text as a tagged spaCy ``Doc``, or ``None`` in a run without syntax."""
        return self.syntax.tag([self.text])[0] if self.syntax is not None else None

    def parsed(self) -> Any | None:
        """The unit's text as a tagged and parsed spaCy ``Doc``, or ``None`` in a run without syntax."""
        return self.syntax.parse([self.text])[0] if self.syntax is not None else None


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule kind yields: offsets into the unit's text, no code, severity or line numbers."""

    start: int
    end: int
    match: str
    suggestion: str | None = None
    data: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)


@dataclass(frozen=True, slots=True)
class Location:
    """A span in an original file: 1-based lines and columns (columns count characters)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the location."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }


@dataclass(frozen=True, slots=True)
class Fix:
    """A replacement of the source characters ``[start, end)`` (offsets in the decoded file text)."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True, order=True, kw_only=True)
class Finding:
    """One problem reported to the user, positioned in the original file."""

    path: str
    line: int
    column: int
    code: str
    end_line: int
    end_column: int
    name: str = field(compare=False)
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    match: str = field(default="", compare=False)
    suggestion: str | None = field(default=None, compare=False)
    related: tuple[Location, ...] = field(default=(), compare=False)
    fix: Fix | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the finding (see the README's schema)."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": str(self.severity),
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "message": self.message,
            "match": self.match,
            "suggestion": self.suggestion,
            "fixable": self.fix is not None,
            "related": [loc.to_dict() for loc in self.related],
        }
