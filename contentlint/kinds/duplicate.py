"""The ``duplicate`` kind: repeated paragraphs and sections (the work is done in ``duplicates``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..finding import Hit, Unit
from .base import OptionError, Scope, allow_keys, string_list

MODES = ("exact", "near", "section")
SCOPES = ("file", "corpus", "both")


@dataclass(frozen=True)
class DuplicateOptions:
    """Validated options of a duplicate rule."""

    mode: str
    min_words: int
    threshold: float
    scope: str
    allow: tuple[str, ...]


class DuplicateKind:
    """Options for duplicate detection; findings come from the linter's duplicate stage."""

    scopes = frozenset({Scope.DOCUMENT})

    def prepare(self, options: Mapping[str, Any]) -> DuplicateOptions:
        """Validate ``mode``, ``min-words``, ``threshold``, ``scope`` and ``allow``."""
        allow_keys(options, {"mode", "min-words", "threshold", "scope", "allow"}, {"mode"})
        mode = options["mode"]
        if mode not in MODES:
            raise OptionError("mode", f"must be one of {', '.join(MODES)}")
        min_words = options.get("min-words", 12)
        if isinstance(min_words, bool) or not isinstance(min_words, int) or min_words < 1:
            raise OptionError("min-words", "must be a whole number of at least 1")
        threshold = options.get("threshold", 0.7)
        if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 < threshold <= 1:
            raise OptionError("threshold", "must be a number above 0 and at most 1")
        scope = options.get("scope", "both")
        if scope not in SCOPES:
            raise OptionError("scope", f"must be one of {', '.join(SCOPES)}")
        return DuplicateOptions(mode, min_words, float(threshold), scope, tuple(string_list(options, "allow")))

    def check(self, unit: Unit, prepared: DuplicateOptions) -> list[Hit]:
        """Duplicates are found across blocks by the linter, never within one unit."""
        return []
