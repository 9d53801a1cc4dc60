"""The ``python`` kind: a rule whose logic is a small, tested function named by ``entry``."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..finding import Hit, Unit
from .base import OptionError, Scope

RuleFunction = Callable[[Unit, Mapping[str, Any]], Iterable[Hit]]


@dataclass(frozen=True)
class PythonOptions:
    """The resolved function and the options passed to it."""

    function: RuleFunction
    options: Mapping[str, Any]


class PythonKind:
    """Calls ``entry`` (``module:function``) with each unit and the rule's other options."""

    scopes = frozenset({Scope.SENTENCE, Scope.BLOCK})

    def prepare(self, options: Mapping[str, Any]) -> PythonOptions:
        """Import the entry function once; the remaining options go to it unchanged."""
        entry = options.get("entry")
        if not isinstance(entry, str) or ":" not in entry:
            raise OptionError("entry", "must be 'module:function'")
        module_name, _, attribute = entry.partition(":")
        try:
            function = getattr(importlib.import_module(module_name), attribute)
        except (ImportError, AttributeError) as exc:
            raise OptionError("entry", f"cannot load {entry!r}: {exc}") from None
        rest = {k: v for k, v in options.items() if k != "entry"}
        return PythonOptions(function, rest)

    def check(self, unit: Unit, prepared: PythonOptions) -> Iterable[Hit]:
        """Run the rule function on ``unit``."""
        return prepared.function(unit, prepared.options)
