"""Claim-language rules: unhedged efficacy claims, absolute wording, vague attribution, supplement claims.

Each public function is the ``entry`` of one rule in ``rules/claims/``; the word lists live in the
rule's YAML options so that health editors can tune them without touching Python.  All four share the
same sentence analysis (see :mod:`contentlint.packs.claims.sentence` and
:mod:`contentlint.packs.claims.text`):

* a *scope* is the clause holding a trigger, widened to the clause that introduces it when the link
  is a complement "that" ("Studies suggest that X helps"), so a hedge in an unrelated clause
  ("X will likely help, since patients will no longer need Y") does not excuse the trigger;
* a *source* anywhere in the sentence excuses it: a link, a reference marker, an author–year or a
  named study, journal or agency; vague attributions ("studies show") do not count.

Questions are never reported, nor claims the sentence attributes to someone else with a distancing
verb ("The clinic claims it cures pain, but ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from contentlint.kinds.contract import Opt, rule_function
from contentlint.model.finding import Hit, Unit
from contentlint.packs.claims.sentence import (
    Span,
    agent_role,
    check_blocked,
    extend,
    finite,
    hedged_wording,
    is_hedged,
    is_question,
    lemma_kind,
    lemma_table,
    passive_agent_role,
    prepare,
    prev_word,
    relative,
    token_index,
)
from contentlint.packs.claims.text import compiled, options_key, scope_of, verb_forms

# The options each rule function reads (validated when its rule file loads; see kinds/contract.py).
_UNHEDGED_CLAIM_OPTIONS: dict[str, Opt] = {
    "claim-verbs": Opt("words"),
    "claim-verbs-need-agent": Opt("bool"),
    "strong-verbs": Opt("words"),
    "agent-verbs": Opt("words"),
    "agents": Opt("words"),
    "claim-modals": Opt("words"),
    "weak-hedges": Opt("words"),
    "non-agents": Opt("words"),
    "max-words": Opt("int"),
    "passive-verbs": Opt("words"),
    "outcome-verbs": Opt("words"),
    "outcome-nouns": Opt("words"),
    "exempt-verbs": Opt("words"),
    "exempt-after": Opt("words"),
    "establishment": Opt("words"),
    "efficacy": Opt("words"),
    "agent-efficacy": Opt("words"),
    "establishment-not-before": Opt("words"),
    "practice-verbs": Opt("words"),
    "embedded-questions": Opt("words"),
    "hedges": Opt("words"),
    "negators": Opt("words"),
    "no-evidence": Opt("words"),
    "distancing": Opt("words"),
    "sources": Opt("words"),
    "skip-relative-clauses": Opt("bool"),
}

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

_SUPPLEMENT_DISEASE_CLAIM_OPTIONS: dict[str, Opt] = {
    "products": Opt("words"),
    "disease-verbs": Opt("words"),
    "diseases": Opt("words"),
    "negators": Opt("words"),
    "no-evidence": Opt("words"),
    "distancing": Opt("words"),
    "sources": Opt("words"),
}

_CAUSATIVES = frozenset({"make", "makes", "made", "making", "let", "lets", "help", "helps", "helped"})


def _unsourced_statement(unit: Unit, options: Mapping[str, Any]) -> tuple[Any, Any] | None:
    """Return the options key and the prepared sentence, or ``None`` when no claims rule applies.

    Every claims rule skips questions, sentences that name a source, and sentences longer than
    ``max-words`` (flattened tables and lists run together into one "sentence").
    """
    if is_question(unit.text):
        return None
    key = options_key(options)
    sent = prepare(unit, key)
    if sent.source or len(sent.tokens) > int(options.get("max-words", 10_000)):
        return None
    return key, sent


@rule_function(options=_UNHEDGED_CLAIM_OPTIONS, needs=("sentences", "tokens"))
def unhedged_claim(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """MC001: report a claim that a treatment or behaviour has a health effect, stated as certain.

    A trigger (claim verb, establishment phrase such as "has been shown to", or efficacy wording
    such as "is effective") is reported unless its scope holds a hedge, the sentence names a
    source, or the trigger is negated, asked about, hypothetical or reported at a distance.
    """
    checked = _unsourced_statement(unit, options)
    if checked is None:
        return
    key, sent = checked
    lemma_of = lemma_table(tuple(str(v) for v in options.get("claim-verbs", [])))
    passive_ok = frozenset(str(v).lower() for v in options.get("passive-verbs", []))
    modals = frozenset(str(v).lower() for v in options.get("claim-modals", []))
    exempt = compiled(key, "exempt-after")
    exempt_verbs = {str(v).lower() for v in options.get("exempt-verbs", [])}
    need_agent = bool(options.get("claim-verbs-need-agent", False))
    strong = frozenset(str(v).lower() for v in options.get("strong-verbs", []))
    seen: list[tuple[int, int, int]] = []  # (start, end, scope start) of reported triggers
    # (match, lemma for the suggestion, needs a treatment or behaviour as its subject)
    candidates: list[tuple[re.Match[str] | Span, str | None, bool]] = []
    pattern = compiled(key, "establishment")
    not_after = compiled(key, "establishment-not-before")
    if pattern:
        # "has been shown to be inherited", "has been shown to survive": established, but not an
        # effect of anything.
        candidates += [(extend(unit.text, m), None, False) for m in pattern.finditer(unit.text)
                       if not (not_after and not_after.match(unit.text, m.end()))]
    # Efficacy wording ("is effective") counts after any subject that is not a condition; effect
    # wording ("has a protective effect on") only after a treatment or behaviour.
    for name, needs in (("efficacy", False), ("agent-efficacy", True)):
        pattern = compiled(key, name)
        if pattern:
            candidates += [(extend(unit.text, m), None, needs) for m in pattern.finditer(unit.text)]
    verb_re = compiled(key, "claim-verbs", True, ("base", "s", "past"))
    if verb_re:
        for m in verb_re.finditer(unit.text):
            if not finite(sent, m, lemma_of, passive_ok, claim_modals=modals):
                continue
            lemma = lemma_kind(lemma_of, m.group())[0]
            if exempt and lemma in exempt_verbs and exempt.match(unit.text[m.end():]):
                continue  # e.g. "increases the risk of": a harm statement, not an efficacy claim
            # Most claim verbs (reduce, prevent, improve ...) need a treatment or behaviour as their
            # subject: in health articles their subject is as often a disease or a body process
            # ("Slowed blood flow prevents ..."). Disease-claim verbs (cure, heal, reverse ...)
            # count with any subject that is not a condition.
            candidates.append((m, lemma, need_agent and lemma not in strong))
    # Mechanism verbs (affect, impair, enhance, induce ...) state an effect only when a treatment,
    # substance or behaviour acts: "mutations impair ..." describes a disease, so these need an
    # agent from the ``agents`` lexicon as their subject.
    agent_re = compiled(key, "agent-verbs", True, ("base", "s", "past"))
    if agent_re:
        agent_table = lemma_table(tuple(str(v) for v in options.get("agent-verbs", [])))
        for m in agent_re.finditer(unit.text):
            if finite(sent, m, agent_table):  # "therapy can affect growth" warns of a harm
                candidates.append((m, lemma_kind(agent_table, m.group())[0], True))
    outcome_verbs = compiled(key, "outcome-verbs", True, ("base", "s", "past", "ing"))
    outcome_nouns = compiled(key, "outcome-nouns")
    if outcome_verbs and outcome_nouns:
        table = lemma_table(tuple(str(v) for v in options.get("outcome-verbs", [])))
        for m in outcome_verbs.finditer(unit.text):
            if finite(sent, m, table, etiology=True) and outcome_nouns.match(unit.text[m.end():]):
                candidates.append((m, lemma_kind(table, m.group())[0], need_agent))
    pattern_est = compiled(key, "establishment")
    practice = frozenset(str(v).lower() for v in options.get("practice-verbs", []))
    for cand, cand_lemma, needs_agent in sorted(candidates, key=lambda c: c[0].start()):
        if any(s <= cand.start() < e for s, e, _scope in seen):
            continue  # one finding per phrase: "has been shown to promote" not twice
        establishment = cand_lemma is None and bool(pattern_est and pattern_est.match(cand.group()))
        if cand_lemma is None and cand.group().lower().startswith("work"):
            idx = token_index(sent, cand.start())
            window = [t.low for t in sent.tokens[max(0, idx - 4):idx - 1]]
            if any(w in _CAUSATIVES for w in window) and not any(w in ",;:." for w in window):
                continue  # "a medicine that makes insulin work better": insulin works, not a claim
        if not establishment and relative(sent, cand.start()) and options.get("skip-relative-clauses", True):
            continue  # "medicines that lower blood pressure" describes a class, not a claim
        blocked, scope = check_blocked(sent, key, cand.start(), cand.end())
        if blocked or is_hedged(sent, key, scope):
            continue
        role = passive_agent_role(sent, key, cand, scope[1]) if cand_lemma else ""
        if role != "" and cand_lemma in practice:
            continue  # "AVMs are treated by surgery": how doctors proceed, not an effect claim
        if role == "":
            role = agent_role(sent, key, scope[0], cand.start())
        if role is None and seen and seen[-1][2] == scope[0] and prev_word(
                sent, token_index(sent, cand.start())) in {"and", "or", ","}:
            role = "agent"  # "Melatonin cures insomnia and prevents ...": the same subject
        if role == "non-agent" or (needs_agent and role != "agent"):
            continue  # the agent is a disease, gene or process: a description, not a claim
        if role != "agent" and is_hedged(sent, key, scope, "weak-hedges"):
            # Bare "can" is not a hedge in the product definition, so "Drug X can reduce Y" is a
            # claim; after any other subject ("You can lower your risk", "Stress can raise ...")
            # it states a possibility, and reporting it made NIH findings double.
            continue
        trigger = cand.group()
        seen.append((cand.start(), cand.end(), scope[0]))
        yield Hit(cand.start(), cand.end(), trigger, suggestion=hedged_wording(trigger, cand_lemma),
                  data={"trigger": trigger, "hedged": hedged_wording(trigger, cand_lemma)})


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
    checked = _unsourced_statement(unit, options)
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
    checked = _unsourced_statement(unit, options)
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


@rule_function(options=_SUPPLEMENT_DISEASE_CLAIM_OPTIONS, needs=("sentences", "tokens"))
def supplement_disease_claim(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """MC004: report a supplement, herb or vitamin said to cure, treat or prevent a disease.

    Under FDA rules (21 CFR 101.93(g)) such a disease claim stays one when hedged ("may help
    prevent"), so hedges do not excuse it; a named source, negation, question or distancing does.
    """
    checked = _unsourced_statement(unit, options)
    if checked is None:
        return
    key, sent = checked
    products = compiled(key, "products")
    verbs = compiled(key, "disease-verbs", True, ("base", "s", "past"))
    diseases = compiled(key, "diseases")
    if not (products and verbs and diseases):
        return
    for m in verbs.finditer(unit.text):
        idx = token_index(sent, m.start())
        if prev_word(sent, idx) in {"to", "used", "for"}:
            continue  # "used to treat" reports a use, not an effect
        s_start, s_end, _cl = scope_of(sent.clauses, m.start())
        product = None
        for p in products.finditer(unit.text, s_start, m.start()):
            product = p
        if product is None or not diseases.search(unit.text, m.end(), s_end):
            continue
        blocked, _scope = check_blocked(sent, key, m.start(), m.end())
        if blocked:
            continue
        disease = diseases.search(unit.text, m.end(), s_end)
        assert disease is not None
        yield Hit(m.start(), disease.end(), unit.text[m.start():disease.end()],
                  data={"trigger": m.group(), "product": product.group(),
                        "disease": disease.group()})
