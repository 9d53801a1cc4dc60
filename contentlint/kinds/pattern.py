"""The ``pattern`` kind: words or phrases that should not appear, optionally with a replacement."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..finding import Hit, Unit
from .base import OptionError, Scope, allow_keys, compile_all, flags_for, string_list


@dataclass(frozen=True)
class PatternOptions:
    """Compiled patterns: plain ones, swaps (pattern → replacement) and exceptions."""

    patterns: tuple[re.Pattern[str], ...]
    swaps: tuple[tuple[re.Pattern[str], str], ...]
    exceptions: tuple[re.Pattern[str], ...]


def _span(match: re.Match[str]) -> tuple[int, int]:
    if "hit" in match.re.groupindex and match.group("hit") is not None:
        return match.span("hit")
    return match.span()


class PatternKind:
    """Reports each match of a pattern that no exception covers."""

    scopes = frozenset({Scope.SENTENCE, Scope.BLOCK})

    def prepare(self, options: Mapping[str, Any]) -> PatternOptions:
        """Compile the ``patterns``, ``swap`` and ``exceptions`` options."""
        allow_keys(options, {"patterns", "swap", "exceptions", "ignore-case"})
        flags = flags_for(options)
        swap = options.get("swap", {})
        if not isinstance(swap, dict) or not all(isinstance(v, str) for v in swap.values()):
            raise OptionError("swap", "must map patterns to replacement strings")
        patterns = compile_all(string_list(options, "patterns"), "patterns", flags)
        swaps = tuple(zip(compile_all(swap, "swap", flags), swap.values()))
        if not patterns and not swaps:
            raise OptionError("patterns", "give `patterns` or `swap`")
        return PatternOptions(patterns, swaps, compile_all(string_list(options, "exceptions"), "exceptions", flags))

    def check(self, unit: Unit, prepared: PatternOptions) -> Iterator[Hit]:
        """Yield a hit for every pattern or swap match outside the exceptions."""
        covered = [m.span() for ex in prepared.exceptions for m in ex.finditer(unit.text)]

        def excepted(start: int, end: int) -> bool:
            """Whether an exception's match covers the span."""
            return any(s <= start and end <= e for s, e in covered)

        for pattern in prepared.patterns:
            for match in pattern.finditer(unit.text):
                start, end = _span(match)
                if not excepted(start, end):
                    yield Hit(start, end, unit.text[start:end])
        for pattern, replacement in prepared.swaps:
            for match in pattern.finditer(unit.text):
                start, end = _span(match)
                if not excepted(start, end):
                    yield Hit(start, end, unit.text[start:end], suggestion=match.expand(replacement))
