"""The ``python`` kind: a rule whose logic is a small, tested function named by ``entry``.

``entry`` names code, so it is the one option that configuration may never set: the rule files of
contentlint's own packs name functions in ``contentlint.packs``, and a house rule file may name a
function only in a top-level package that the user allowed explicitly (``allow-code``, read only from
a configuration file named with ``--config``). Nothing else is ever imported: a configuration file
found in a linted tree must not be able to make contentlint run code (``os:system``,
``pydoc:pipepager``).
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from contentlint.kinds.base import OptionError, Scope
from contentlint.kinds.contract import Contract, contract_of
from contentlint.model.finding import Hit, Unit

#: A rule function receives the unit and what its contract's ``prepare`` made of the options (the
#: validated options themselves when it declares no ``prepare``).
RuleFunction = Callable[[Unit, Any], Iterable[Hit]]

#: The package whose functions contentlint's own rule files may name.
OWN_CHECKS = "contentlint.packs"
#: Options that name code: configuration files may not set them (see ``Rule.with_options``).
CODE_OPTIONS = frozenset({"entry"})


@dataclass(frozen=True)
class PythonOptions:
    """The resolved function, its contract, and what ``prepare`` made of the options (built once)."""

    function: RuleFunction
    options: Any
    contract: Contract


def _identifier_path(name: str) -> bool:
    return bool(name) and all(part.isidentifier() for part in name.split("."))


def entry_allowed(module_name: str, allow_code: Collection[str]) -> bool:
    """Return whether ``module_name`` may be imported for a rule: our checks or an allowed package."""
    if module_name == OWN_CHECKS or module_name.startswith(OWN_CHECKS + "."):
        return True
    top = module_name.split(".", 1)[0]
    # contentlint itself is never "allowed" wholesale: only its checks package holds rule functions.
    return top != "contentlint" and top in allow_code


def resolve_entry(entry: object, allow_code: Collection[str] = ()) -> RuleFunction:
    """Import and return the function ``entry`` (``package.module:function``) names, if allowed.

    Raises ``OptionError`` for a malformed entry, a module outside contentlint's checks and the
    ``allow_code`` packages (nothing is imported then), or a name that is not a function defined in
    that module (so that ``module:os`` or a re-exported builtin cannot be reached).
    """
    if not isinstance(entry, str) or entry.count(":") != 1:
        raise OptionError("entry", "must be 'module:function'")
    module_name, _, attribute = entry.partition(":")
    if not _identifier_path(module_name) or not attribute.isidentifier():
        raise OptionError("entry", f"{entry!r} is not 'package.module:function'")
    if not entry_allowed(module_name, allow_code):
        raise OptionError(
            "entry",
            f"{entry!r} is not allowed: rule functions come from {OWN_CHECKS} or from a package named in "
            "allow-code, which is read only from a configuration given with --config (it runs code)",
        )
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise OptionError("entry", f"cannot load {entry!r}: {exc}") from None
    function = getattr(module, attribute, None)
    if not inspect.isfunction(function) or function.__module__ != module.__name__:
        raise OptionError("entry", f"{entry!r} is not a function defined in {module_name}")
    return function


class PythonKind:
    """Calls ``entry`` (``module:function``) with each unit and the rule's other options."""

    scopes = frozenset({Scope.SENTENCE, Scope.BLOCK})

    def __init__(self, allow_code: Collection[str] = ()) -> None:
        self.allow_code = frozenset(allow_code)

    def prepare(self, options: Mapping[str, Any]) -> PythonOptions:
        """Import the entry function once, validate the other options against its contract, prepare them.

        An option the function does not declare, or one of the wrong type, raises ``OptionError`` naming
        it, like every other kind; the function's ``prepare`` step runs here, once per rule.
        """
        function = resolve_entry(options.get("entry"), self.allow_code)
        contract = contract_of(function)
        rest = {k: v for k, v in options.items() if k != "entry"}
        return PythonOptions(function, contract.build(rest), contract)

    def check(self, unit: Unit, prepared: PythonOptions) -> Iterable[Hit]:
        """Run the rule function on ``unit``."""
        return prepared.function(unit, prepared.options)
