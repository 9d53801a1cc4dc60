"""Wording rules of the claims pack: absolute health language (MC002) and vague attribution (MC003).

They share MC001's sentence checks (:func:`contentlint.packs.claims.checks.unsourced_statement`):
questions, sourced sentences and run-together lists are never reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from contentlint.kinds.contract import Opt, rule_function
from contentlint.model.finding import Hit, Unit
from contentlint.packs.claims.checks import unsourced_statement
from contentlint.packs.claims.sentence import check_blocked, is_hedged
from contentlint.packs.claims.text import compiled, scope_of, verb_forms

_ABSOLUTE_LANGUAGE_OPTIONS: dict[str, Opt] = {
    "absolutes": Opt("words"),
    "max-words": Opt("int"),
    "contextual": Opt("words"),
    "outcome-verbs": Opt("words"),
    "non-agents": Opt("words"),
    "prediction-verbs": Opt("words"),
    "hedges": Opt("words"),
    "negators": Opt("words"),
    "no-evidence": Opt("words"),
    "distancing": Opt("words"),
    "sources": Opt("words"),
}

_VAGUE_ATTRIBUTION_OPTIONS: dict[str, Opt] = {
    "generic-before": Opt("words"),
    "phrases": Opt("words"),
    "sources": Opt("words"),
}


def _prediction_regex(key: str, verbs: list[str]) -> re.Pattern[str] | None:
    """Build the "will <outcome>" pattern from the rule's prediction verbs."""
    forms = sorted({verb_forms(str(v).split()[0])["base"] + "".join(
        r"\s+" + re.escape(w) for w in str(v).split()[1:]) for v in verbs}, key=len, reverse=True)
    if not forms:
        return None
    return re.compile(r"(?<![\w-])will\s+(?:(?!not\b)\w+ly\s+)?(?:" + "|".join(forms) + r")(?![\w-])",
                      re.IGNORECASE)


@rule_function(options=_ABSOLUTE_LANGUAGE_OPTIONS, needs=("sentences", "tokens"))
def absolute_language(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """MC002: report absolute or hype wording about health ("without limit", "no side effects").

    ``absolutes`` are reported wherever they occur; ``contextual`` words (always, completely, ...)
    only in a clause that also states an outcome; "will" predictions only with an outcome verb.
    A hedge, negation, question, distancing verb or source in scope excuses the wording.
    """
    checked = unsourced_statement(unit, options)
    if checked is None:
        return
    key, sent = checked
    outcome = compiled(key, "outcome-verbs", True, ("base", "s", "past"))
    non_agents = compiled(key, "non-agents")
    found: list[tuple[int, int, str]] = []
    strong = compiled(key, "absolutes")
    if strong:
        found += [(m.start(), m.end(), "absolute") for m in strong.finditer(unit.text)]
    contextual = compiled(key, "contextual")
    if contextual and outcome:
        for m in contextual.finditer(unit.text):
            s_start, s_end, _cl = scope_of(sent.clauses, m.start())
            if outcome.search(unit.text[s_start:s_end]):
                found.append((m.start(), m.end(), "contextual"))
    prediction = _prediction_regex(key, [str(v) for v in options.get("prediction-verbs", [])])
    if prediction:
        found += [(m.start(), m.end(), "prediction") for m in prediction.finditer(unit.text)]
    taken: list[tuple[int, int]] = []
    for start, end, kind in sorted(found):
        if any(s < end and start < e for s, e in taken):
            continue
        blocked, scope = check_blocked(sent, key, start, end)
        if blocked or is_hedged(sent, key, scope):
            continue
        if kind != "absolute" and non_agents and non_agents.search(unit.text, scope[0], start):
            continue  # "mutations completely eliminate the function": a condition described
        taken.append((start, end))
        text = unit.text[start:end]
        yield Hit(start, end, text, data={"trigger": text, "kind": kind})


@rule_function(options=_VAGUE_ATTRIBUTION_OPTIONS, needs=("sentences", "tokens"))
def vague_attribution(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """MC003: report "studies show", "experts say" and the like when the sentence names no source."""
    checked = unsourced_statement(unit, options)
    if checked is None:
        return
    key, _sent = checked
    phrases = compiled(key, "phrases")
    if not phrases:
        return
    generic = compiled(key, "generic-before")
    for m in phrases.finditer(unit.text):
        if generic and generic.search(unit.text[max(0, m.start() - 30):m.start()]):
            continue  # "when trials show that ...": a general statement, not an appeal
        yield Hit(m.start(), m.end(), m.group(), data={"trigger": m.group()})
