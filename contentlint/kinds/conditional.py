"""The ``conditional`` kind: a trigger that needs a qualifier (a hedge, a source) in the same unit."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..finding import Hit, Unit
from .base import Scope, allow_keys, compile_all, flags_for, string_list


@dataclass(frozen=True)
class ConditionalOptions:
    """Compiled trigger and qualifier patterns."""

    trigger: tuple[re.Pattern[str], ...]
    unless: tuple[re.Pattern[str], ...]


class ConditionalKind:
    """Reports the first trigger in a unit where none of the ``unless`` patterns occurs."""

    scopes = frozenset({Scope.SENTENCE, Scope.BLOCK})

    def prepare(self, options: Mapping[str, Any]) -> ConditionalOptions:
        """Compile the ``trigger`` and ``unless`` options."""
        allow_keys(options, {"trigger", "unless", "ignore-case"}, {"trigger"})
        flags = flags_for(options)
        return ConditionalOptions(
            compile_all(string_list(options, "trigger"), "trigger", flags),
            compile_all(string_list(options, "unless"), "unless", flags),
        )

    def check(self, unit: Unit, prepared: ConditionalOptions) -> Iterator[Hit]:
        """Yield one hit for the earliest trigger when no qualifier is present."""
        if any(q.search(unit.text) for q in prepared.unless):
            return
        matches = [m for t in prepared.trigger if (m := t.search(unit.text))]
        if matches:
            first = min(matches, key=lambda m: m.start())
            yield Hit(first.start(), first.end(), first.group(0))
