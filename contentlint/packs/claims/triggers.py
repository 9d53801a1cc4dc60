"""Trigger wording shared by the claims rules: verb lemmas and forms, match spans, hedged suggestions.

Moved out of :mod:`contentlint.packs.claims.sentence` unchanged: how a matched trigger phrase is
named (its lemma and form), widened ("has been shown to" + the verb it governs) and rewritten as a
hedge for the suggestion ("cures" -> "may cure").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from contentlint.packs.claims.text import verb_forms


def lemma_kind(table: Mapping[str, tuple[str, str]], phrase: str) -> tuple[str, str]:
    """Return (lemma, form kind) of a matched verb phrase's first word.

    A word that only a ``re:`` entry produced ("cuts the risk") is not in the table; guess its
    form from the ending so that it is still judged, and use the word itself as the lemma.
    """
    first = phrase.split()[0].lower()
    if first in table:
        return table[first]
    if first.endswith("ed"):
        return first, "past"
    if first.endswith("s"):
        return first[:-1], "s"  # "cuts" -> "cut", so the suggestion reads "may cut"
    return first, "base"


@lru_cache(maxsize=32)
def lemma_table(verbs: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """Map each inflected first word of the verb entries to its lemma and form kind."""
    table: dict[str, tuple[str, str]] = {}
    for entry in verbs:
        lemma = str(entry).split()[0].lower()
        for kind, form in verb_forms(lemma).items():
            table.setdefault(form, (lemma, "past" if kind == "pp" else kind))
    return table


class Span:
    """A match-like span: an establishment phrase widened to the verb it governs."""

    __slots__ = ("_end", "_start", "_text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._start, self._end, self._text = start, end, text[start:end]

    def start(self) -> int:
        """Return the start offset."""
        return self._start

    def end(self) -> int:
        """Return the end offset."""
        return self._end

    def group(self) -> str:
        """Return the covered text."""
        return self._text


_NEXT_WORD_RE = re.compile(r"\s+(\w+(?:-\w+)?)")


def extend(text: str, m: re.Match[str]) -> Span:
    """Widen "has been shown to" / "has shown success in" to the verb it governs, for the message."""
    if m.group().lower().split()[-1] in {"to", "in"}:
        nxt = _NEXT_WORD_RE.match(text, m.end())
        if nxt:
            return Span(text, m.start(), nxt.end())
    return Span(text, m.start(), m.end())


def hedged_wording(trigger: str, lemma: str | None) -> str:
    """Suggest a hedged version of a trigger phrase ("cures" -> "may cure")."""
    low = trigger.lower()
    if lemma:
        return f"may {lemma}" + trigger[len(trigger.split()[0]):]
    if "effective" in low or "efficacious" in low:
        return "may be " + low.split()[-1]
    if low.startswith("work"):
        return "may work" + trigger[len(trigger.split()[0]):]
    words = low.split()
    if len(words) >= 2 and words[-2] == "to":
        return f"may {words[-1]}"  # "has been shown to promote" -> "may promote"
    if len(words) >= 2 and words[-2] == "in":
        return f"may help in {words[-1]}"  # "has shown success in easing" -> "may help in easing"
    return "may help"
