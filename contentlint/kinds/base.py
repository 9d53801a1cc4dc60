"""What every rule kind shares: scopes, the option-error type, the ``Kind`` protocol and helpers.

Regular expressions from rule files are untrusted: they are compiled by
:func:`contentlint.language.saferegex.compile_safe` (refused when catastrophic, bounded in time).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from enum import Enum
from typing import Any, Protocol

from contentlint.language.saferegex import (  # re-exported: the kinds' shared helpers
    REGEX_TIMEOUT,
    BoundedPattern,
    RegexTimeout,
    check_pattern,
    compile_safe,
)
from contentlint.model.finding import Hit, Unit

# Option keys whose patterns only qualify others (exceptions, qualifiers): matching empty is harmless.
_QUALIFIER_KEYS = frozenset({"exceptions", "unless"})


class Scope(str, Enum):
    """The unit of text a rule looks at."""

    SENTENCE = "sentence"
    BLOCK = "block"
    SECTION = "section"
    DOCUMENT = "document"


class OptionError(ValueError):
    """A rule option is missing, unknown or of the wrong type; ``key`` names it."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


class Kind(Protocol):
    """A rule kind: validates options once, then checks units of prose."""

    scopes: frozenset[Scope]

    def prepare(self, options: Mapping[str, Any]) -> Any:
        """Validate ``options`` and return the kind's prepared form (compiled patterns, ...)."""
        ...

    def check(self, unit: Unit, prepared: Any) -> Iterable[Hit]:
        """Yield hits for ``unit`` (sentence or block kinds only)."""
        ...


def allow_keys(options: Mapping[str, Any], allowed: set[str], required: set[str] = frozenset()) -> None:  # type: ignore[assignment]
    """Raise ``OptionError`` for an unknown or a missing option key."""
    for key in options:
        if key not in allowed:
            raise OptionError(key, f"unknown option (expected one of: {', '.join(sorted(allowed))})")
    for key in required:
        if key not in options:
            raise OptionError(key, "required option is missing")


def string_list(options: Mapping[str, Any], key: str) -> list[str]:
    """Return option ``key`` as a list of strings, raising ``OptionError`` otherwise."""
    value = options.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise OptionError(key, "must be a list of strings")
    return list(value)


def compile_all(patterns: Iterable[str], key: str, flags: int) -> tuple[BoundedPattern, ...]:
    """Compile regular expressions from option ``key``, naming the key and the pattern of a bad one.

    Patterns that report (``patterns``, ``swap``, ``trigger``) must not match empty text; qualifiers
    (``exceptions``, ``unless``) may.
    """
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(compile_safe(pattern, flags, allow_empty=key in _QUALIFIER_KEYS))
        except ValueError as exc:
            raise OptionError(key, str(exc)) from None
    return tuple(compiled)


def flags_for(options: Mapping[str, Any]) -> int:
    """Return the regex flags the ``ignore-case`` option asks for (default: ignore case)."""
    ignore_case = options.get("ignore-case", True)
    if not isinstance(ignore_case, bool):
        raise OptionError("ignore-case", "must be true or false")
    return re.IGNORECASE if ignore_case else 0


__all__ = ["REGEX_TIMEOUT", "BoundedPattern", "Kind", "OptionError", "RegexTimeout", "Scope", "allow_keys",
           "check_pattern", "compile_all", "compile_safe", "flags_for", "string_list"]
