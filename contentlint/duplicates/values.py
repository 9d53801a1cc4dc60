"""Value types of duplicate detection: options, paragraphs in, fingerprints, groups and reports out.

Split from :mod:`contentlint.duplicates.index` (which re-exports everything here) to keep modules short.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from contentlint.duplicates.normalise import AllowList
from contentlint.model.finding import Location

Scope = Literal["file", "corpus", "both"]
GroupKind = Literal["exact", "near", "section"]
_SCOPES = ("file", "corpus", "both")
_OPTION_KEYS = {"mode", "min-words", "threshold", "section-threshold", "scope", "allow"}
# A rule file's ``mode`` picks which reports it owns (see CODES); the index always finds all three.
MODES = ("exact", "near", "section")


@dataclass(frozen=True, slots=True)
class DuplicateOptions:
    """Settings of the duplicate rule kind.

    ``min_words``: shorter paragraphs are never reported ("Talk to your doctor." repeats harmlessly).
    ``threshold``: least word-bigram Jaccard similarity for a near-duplicate paragraph. With ``e``
    of ``n`` words substituted, J >= (n-1-2e)/(n-1+2e), which is >= 0.636 for e <= n/10, so 0.6
    catches every copy with up to ~10% of words changed, added or dropped; distinct paragraphs on
    one topic score below 0.3, shared templates with a phrase swapped around 0.5.
    ``section_threshold``: the same for a section body (all its paragraphs' bigrams); None = threshold.
    ``scope``: ``file`` (copies within one file), ``corpus`` (copies across files) or ``both``.
    ``allow``: boilerplate that may repeat. ``shingle_words``, ``num_perm``, ``seed`` shape the
    fingerprints; the index and the fingerprints it is given must agree on them and on ``allow``.
    """

    min_words: int = 12
    threshold: float = 0.6
    section_threshold: float | None = None
    scope: Scope = "both"
    allow: AllowList = field(default_factory=AllowList)
    shingle_words: int = 2
    num_perm: int = 128
    seed: int = 0x5EED

    def __post_init__(self) -> None:
        if self.scope not in _SCOPES:
            raise ValueError(f"scope must be one of {', '.join(_SCOPES)}, not {self.scope!r}")
        for name in ("threshold", "section_threshold"):
            value = getattr(self, name)
            if value is not None and not 0.0 < value <= 1.0:
                raise ValueError(f"{name} must be in (0, 1], not {value!r}")
        if self.min_words < 1:
            raise ValueError(f"min-words must be at least 1, not {self.min_words!r}")

    @classmethod
    def from_mapping(cls, options: Mapping[str, Any]) -> DuplicateOptions:
        """Build options from a rule file's ``options:`` (keys ``min-words``, ``threshold``, ...).

        ``mode`` is validated but not stored: it says which of the index's reports a rule owns.
        """
        unknown = set(options) - _OPTION_KEYS
        if unknown:
            raise ValueError(f"unknown duplicate option(s): {', '.join(sorted(unknown))}")
        if options.get("mode", "exact") not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {options['mode']!r}")
        kwargs: dict[str, Any] = {}
        if "min-words" in options:
            kwargs["min_words"] = int(options["min-words"])
        if "threshold" in options:
            kwargs["threshold"] = float(options["threshold"])
        if options.get("section-threshold") is not None:
            kwargs["section_threshold"] = float(options["section-threshold"])
        if "scope" in options:
            kwargs["scope"] = str(options["scope"])
        if "allow" in options:
            kwargs["allow"] = AllowList.parse(options["allow"])
        return cls(**kwargs)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A prose block handed in by the engine; ``section`` is its heading section's index in the file
    (None before the first heading)."""

    loc: Location
    text: str
    section: int | None = None


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What the index keeps of a paragraph: no text, ~4 bytes per word plus a 512-byte signature.

    ``digest`` hashes the normalised text (exact duplicates); ``signature`` is the MinHash row
    (``num_perm`` little-endian uint32) and ``shingles`` the sorted distinct uint32 bigram ids. Both
    are empty for a paragraph that is allowed boilerplate or has no words; such fingerprints are
    kept so the list stays parallel to the paragraphs, and are ignored by the index.
    """

    loc: Location
    section: int | None
    words: int
    digest: bytes
    signature: bytes
    shingles: bytes
    allowed: bool = False

    @property
    def usable(self) -> bool:
        """True when the paragraph takes part in comparisons at all."""
        return bool(self.signature)


@dataclass(frozen=True, slots=True)
class DuplicateMember:
    """One member of a group: a paragraph, or a section spanning its first to last paragraph."""

    loc: Location
    similarity: float  # exact Jaccard with the group's first member; 1.0 for the first and exact copies
    words: int


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """Copies of one paragraph or section, in reading order; ``members[0]`` is the original.

    ``kind`` is ``exact`` (identical after normalisation), ``near`` (similarity >= threshold) or
    ``section`` (a section body repeated, exactly or nearly: see ``exact``).
    """

    kind: GroupKind
    members: tuple[DuplicateMember, ...]
    exact: bool

    @property
    def first(self) -> DuplicateMember:
        """The original: the earliest member in reading order."""
        return self.members[0]

    @property
    def copies(self) -> tuple[DuplicateMember, ...]:
        """The later members, each reported against :attr:`first`."""
        return self.members[1:]


@dataclass(frozen=True, slots=True)
class DuplicateReport:
    """One copy to report: rule ``code``, where it is, the original it repeats and message data."""

    code: str  # DU001 exact paragraph, DU002 near-duplicate paragraph, DU003 duplicated section
    loc: Location
    related: tuple[Location, ...]
    data: Mapping[str, Any]


CODES: Mapping[GroupKind, str] = {"exact": "DU001", "near": "DU002", "section": "DU003"}
