"""Filling a rule's message template: named placeholders from the hit and the rule's options.

Templates are written by rule authors, so they substitute *names only*: ``{match}`` and
``{min_words:.0f}`` work, while ``{match.__class__}``, ``{match[0]}`` or a nested field in a format
spec are refused when the rule is loaded (:func:`template_problem`) and printed literally should
one ever reach :func:`format_message`. ``str.format``'s attribute and index lookups are never run.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from typing import Any, Protocol


class Templated(Protocol):
    """What a message is filled from: a rule's message template and options (``registry.Rule`` is one)."""

    @property
    def message(self) -> str: ...

    @property
    def options(self) -> Mapping[str, Any]: ...

_PARSER = string.Formatter()


def _plain(field: str | None, spec: str | None, conversion: str | None) -> bool:
    """Whether a replacement field is a bare name with a literal format spec."""
    return (bool(field) and field.isidentifier()  # type: ignore[union-attr]
            and "{" not in (spec or "") and conversion in (None, "s", "r"))


def template_problem(template: str) -> str | None:
    """Return why ``template`` is not a names-only message template, or ``None`` when it is."""
    try:
        parts = list(_PARSER.parse(template))
    except ValueError as exc:
        return f"bad placeholder: {exc}"
    for _, field, spec, conversion in parts:
        if field is not None and not _plain(field, spec, conversion):
            shown = "{" + field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            return f"placeholder {shown} is not a plain name (write {{match}}, {{suggestion}} or an option name)"
    return None


def _literal(field: str, spec: str | None, conversion: str | None) -> str:
    return "{" + field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"


def format_message(rule: Templated, data: Mapping[str, Any]) -> str:
    """Return ``rule.message`` filled from ``data`` (the hit's fields) and the rule's scalar options.

    Option keys are kebab-case in YAML and snake_case in templates (``min-words`` → ``{min_words}``).
    A placeholder that is unknown, not a plain name, or does not fit its value is shown as written:
    a bad message must never stop a run, and must never evaluate anything.
    """
    fields = {k.replace("-", "_"): v for k, v in rule.options.items() if not isinstance(v, (list, dict))}
    fields.update(data)
    try:
        parts = list(_PARSER.parse(rule.message))
    except ValueError:
        return rule.message
    out: list[str] = []
    for literal, field, spec, conversion in parts:
        out.append(literal)
        if field is None:
            continue
        if not _plain(field, spec, conversion) or field not in fields:
            out.append(_literal(field, spec, conversion))
            continue
        value = fields[field]
        if conversion == "r":
            value = repr(value)
        elif conversion == "s":
            value = str(value)
        try:
            out.append(format(value, spec or ""))
        except (ValueError, TypeError):
            out.append(_literal(field, spec, conversion))
    return "".join(out)


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """Return ``text`` with control and line-separator characters escaped (``\\n``, ``\\x1b``, ``\\u2028``).

    File names and matched text go into one-line-per-finding output; a newline or an escape
    sequence in them must not start a fake finding line or drive the terminal.
    """
    if text.isprintable():
        return text
    out = []
    for char in text:
        if char.isprintable() or char == " ":
            out.append(char)
        elif char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x100:
            out.append(f"\\x{ord(char):02x}")
        else:
            out.append(f"\\u{ord(char):04x}" if ord(char) < 0x10000 else f"\\U{ord(char):08x}")
    return "".join(out)
