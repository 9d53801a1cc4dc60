"""The ``duplicate`` kind: repeated paragraphs and sections (the work is done in ``duplicates``).

A rule of this kind says which reports it owns (``mode``: exact, near or section) and how the index
is built (``min-words``, ``threshold``, ``section-threshold``, ``scope``, ``allow``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from contentlint.duplicates.values import DuplicateOptions
from contentlint.kinds.base import OptionError, Scope
from contentlint.model.finding import Hit, Unit

MODES = ("exact", "near", "section")


@dataclass(frozen=True)
class DuplicateRuleOptions:
    """The reports a rule owns and the options of the index that produces them."""

    mode: str
    index: DuplicateOptions


class DuplicateKind:
    """Options for duplicate detection; findings come from the linter's duplicate stage."""

    scopes = frozenset({Scope.DOCUMENT})

    def prepare(self, options: Mapping[str, Any]) -> DuplicateRuleOptions:
        """Validate the options, naming the offending key."""
        mode = options.get("mode")
        if mode not in MODES:
            raise OptionError("mode", f"must be one of {', '.join(MODES)}")
        for key, kinds in (("min-words", (int,)), ("threshold", (int, float)), ("section-threshold", (int, float))):
            value = options.get(key)
            if value is not None and (isinstance(value, bool) or not isinstance(value, kinds)):
                raise OptionError(key, "must be a number")
        allow = options.get("allow", [])
        if not isinstance(allow, list) or not all(isinstance(a, (str, dict)) for a in allow):
            raise OptionError("allow", "must be a list of texts or /patterns/")
        try:
            index = DuplicateOptions.from_mapping(options)
        except (ValueError, TypeError) as exc:
            key = next((k for k in options if k in str(exc)), "options")
            raise OptionError(key, str(exc)) from None
        return DuplicateRuleOptions(mode, index)

    def check(self, unit: Unit, prepared: DuplicateRuleOptions) -> list[Hit]:
        """Duplicates are found across blocks by the linter, never within one unit."""
        return []
