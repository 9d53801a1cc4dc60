"""The contract of a code rule (the ``python`` kind): its options, its one-time preparation, its needs.

A rule function declares, next to its code, the options its rule files may set (name, type, default),
an optional ``prepare`` step that turns the validated options into whatever the function needs at run
time (compiled word sets, a matcher), and which analyses of the document it reads::

    @rule_function(options={"verbs": Opt("words", ())}, prepare=_prepare, needs=("sentences",))
    def use_to(unit: Unit, prepared: UseToTables) -> Iterator[Hit]: ...

A rule that reads ``tags`` or ``dependencies`` gets them from ``unit.tagged()`` / ``unit.parsed()``;
``wants`` (a regular expression) says which units the rule looks at: the engine calls it only on
units where ``wants`` finds a match, and tags or parses exactly those sentences, in one batch per
document, before the rules run; a rule without ``wants`` sees (and has analysed) every unit. In a
run without syntax (``nlp-model = "blank"``) both return ``None``.

The registry validates a rule file's options against this declaration when it loads the file, exactly
as it validates the options of the other kinds: an unknown key or a value of the wrong type stops the
run with the file and the key named. ``prepare`` runs once per rule (not once per sentence), so rule
functions no longer build and cache their own tables; ``needs`` is exposed on the loaded ``Rule`` so
the engine can compute each analysis once per document for all the rules that want it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from contentlint.kinds.base import OptionError

#: Analyses a rule may ask for; ``tags`` and ``dependencies`` come with the syntax parser.
ANALYSES = frozenset({"sentences", "tokens", "tags", "dependencies"})

#: The option types a declaration may name, with the check each stands for.
TYPES: dict[str, Callable[[Any], bool]] = {
    "words": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    "str": lambda v: isinstance(v, str),
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "bool": lambda v: isinstance(v, bool),
    "list": lambda v: isinstance(v, list),
    "mapping": lambda v: isinstance(v, dict),
}

_DESCRIPTIONS = {
    "words": "a list of strings", "str": "a string", "int": "a whole number", "number": "a number",
    "bool": "true or false", "list": "a list", "mapping": "a mapping",
}


@dataclass(frozen=True)
class Opt:
    """One declared option: its type name (a key of ``TYPES``) and the default used when it is absent.

    A default of ``None`` means the option is simply left out of the mapping the function receives.
    """

    type: str
    default: Any = None

    def __post_init__(self) -> None:
        if self.type not in TYPES:
            raise ValueError(f"unknown option type {self.type!r} (known: {', '.join(sorted(TYPES))})")


@dataclass(frozen=True)
class Contract:
    """What a rule function declared: options, the one-time ``prepare`` step and the analyses it reads."""

    options: Mapping[str, Opt] = field(default_factory=dict)
    prepare: Callable[[Mapping[str, Any]], Any] | None = None
    needs: frozenset[str] = frozenset({"sentences"})
    wants: re.Pattern[str] | None = None

    def wanted(self, text: str) -> bool:
        """Whether the engine should tag or parse ``text`` for this rule ahead of running it."""
        return self.wants is None or self.wants.search(text) is not None

    def validate(self, options: Mapping[str, Any]) -> dict[str, Any]:
        """Return ``options`` with defaults filled in; raise ``OptionError`` naming a bad key."""
        for key, value in options.items():
            spec = self.options.get(key)
            if spec is None:
                known = ", ".join(sorted(self.options)) or "none"
                raise OptionError(key, f"unknown option (this rule function declares: {known})")
            if not TYPES[spec.type](value):
                raise OptionError(key, f"must be {_DESCRIPTIONS[spec.type]}")
        filled = {k: spec.default for k, spec in self.options.items() if spec.default is not None}
        filled.update(options)
        return filled

    def build(self, options: Mapping[str, Any]) -> Any:
        """Validate ``options`` and run ``prepare`` on them once (or return them when there is none)."""
        validated = self.validate(options)
        if self.prepare is None:
            return validated
        try:
            return self.prepare(validated)
        except OptionError:
            raise
        except (ValueError, TypeError) as exc:
            raise OptionError("options", f"cannot prepare the rule: {exc}") from None


#: A function with no declaration accepts no options besides ``entry`` and reads sentences only.
NO_CONTRACT = Contract()

_ATTRIBUTE = "__contentlint_contract__"
F = TypeVar("F", bound=Callable[..., Any])


def rule_function(
    *,
    options: Mapping[str, Opt] | None = None,
    prepare: Callable[[Mapping[str, Any]], Any] | None = None,
    needs: Iterable[str] = ("sentences",),
    wants: str | None = None,
) -> Callable[[F], F]:
    """Declare a rule function's contract (see the module docstring); returns the function unchanged."""
    wanted = frozenset(needs)
    unknown = wanted - ANALYSES
    if unknown:
        raise ValueError(f"unknown analyses {sorted(unknown)} (known: {', '.join(sorted(ANALYSES))})")
    contract = Contract(dict(options or {}), prepare, wanted, re.compile(wants) if wants is not None else None)

    def decorate(function: F) -> F:
        setattr(function, _ATTRIBUTE, contract)
        return function

    return decorate


def contract_of(function: Callable[..., Any]) -> Contract:
    """Return the contract ``function`` declared, or ``NO_CONTRACT``."""
    contract = getattr(function, _ATTRIBUTE, None)
    return contract if isinstance(contract, Contract) else NO_CONTRACT
