"""Filling a rule's message template: named placeholders from the hit and the rule's options."""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .registry import Rule


class _Fields(dict[str, Any]):
    """Message fields; an unknown placeholder is left as written rather than failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def format_message(rule: Rule, data: Mapping[str, Any]) -> str:
    """Return ``rule.message`` filled from ``data`` (the hit's fields) and the rule's scalar options.

    Option keys are kebab-case in YAML and snake_case in templates (``min-words`` → ``{min_words}``).
    A template that does not fit its values is shown as written: a bad message must never stop a run.
    """
    fields = _Fields({k.replace("-", "_"): v for k, v in rule.options.items() if not isinstance(v, (list, dict))})
    fields.update(data)
    try:
        return string.Formatter().vformat(rule.message, (), fields)
    except (ValueError, TypeError, IndexError, KeyError, AttributeError):
        return rule.message
