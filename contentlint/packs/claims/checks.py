"""MC001 (unhedged efficacy claims) and the sentence checks every claims rule shares.

MC002 and MC003 live in :mod:`contentlint.packs.claims.wording`, MC004 in
:mod:`contentlint.packs.claims.supplements`; the subject of a claim read from the parse in
:mod:`contentlint.packs.claims.subject`.

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
from contentlint.packs.claims.leadin import brand_like, bullet_lead_in
from contentlint.packs.claims.sentence import (
    agent_role,
    check_blocked,
    finite,
    is_hedged,
    is_question,
    passive_agent_role,
    prepare,
    prev_word,
    relative,
    token_index,
)
from contentlint.packs.claims.subject import parsed_subject, subjectless_start
from contentlint.packs.claims.text import compiled, options_key
from contentlint.packs.claims.triggers import Span, extend, hedged_wording, lemma_kind, lemma_table

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
    "guidance": Opt("words"),
    "inferred-subject-not-with": Opt("words"),
    "lead-in-not-subjects": Opt("words"),
}

# "Zinc helps shorten colds" asserts the effect ("can help" is the hedge): the claim is reported
# once, at the form of "help".
_HELP_FORMS = frozenset({"help", "helps", "helped", "helping"})
# Auxiliaries and adverbs between a subject and its verb, left out when the subject is quoted.
_AUX_TAIL_RE = re.compile(r"(?:\s+(?:can|could|will|also|often|does|do|did|has|have|had|is|are|was|were|"
                          r"been|be|\w+ly))+\s*$", re.IGNORECASE)
_CAUSATIVES = frozenset({"make", "makes", "made", "making", "let", "lets", "help", "helps", "helped"})


def unsourced_statement(unit: Unit, options: Mapping[str, Any]) -> tuple[Any, Any] | None:
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


# The sentences MC001 and MC004 need parsed: those holding a claim-trigger stem.  It is a cheap superset of
# the YAML word lists (a unit it misses is never checked, so tests/test_claims_wants.py checks
# every listed verb against it); the lists in the rule file decide what is a trigger.
CLAIM_WANTS = (
    r"(?i)\b(?:cur|heal|treat|prevent|revers|reliev|allevia|eas|improv|promot|repair|rebuil|regenera|"
    r"restor|eliminat|eradica|reduc|lower|decreas|increas|boost|enhanc|strength|protect|amelior|"
    r"attenua|mitiga|halt|slow|shorten|prolong|normali|benefit|fight|fought|induc|stimula|inhibit|"
    r"delay|accelera|augment|diminish|minimi|aboli|counterac|resolv|halv|achiev|confer|preserv|"
    r"stabili|optimi|elicit|blunt|modula|media|alter|caus|lead|led|result|contribut|translat|"
    r"shown|proven|proved|demonstrat|effective|efficacious|curative|beneficial|protective|superior|"
    r"provid|offer|yield|work|effect|impact|influence|help|support|aid|sooth|calm|kill|block|"
    r"detox|balanc|stop|cut|regrow|regrew|clear|flush|burn|melt|fix|banish|eras|combat|defend|"
    r"rejuvena|revitali|restor|nourish|purif|cleans|destroy|neutrali|shrink|dissolv|unclog|"
    r"lessen|relax|energi|sharpen|guard|shield|stop|end|beat|conquer|remov|wip|target|shrink|deter|"
    r"antivir|antibiot|anti-inflamm|antidepress|painkill|role|best|result|assist|maintain|ward|rid|"
    r"anti-tumor|calm|disappear|vanish|versus|vs|success|alternativ|formula|defen[cs]|avoid|relief)"
)


@rule_function(options=_UNHEDGED_CLAIM_OPTIONS, needs=("sentences", "tokens", "dependencies"),
               wants=CLAIM_WANTS)
def unhedged_claim(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """MC001: report a claim that a treatment or behaviour has a health effect, stated as certain.

    A trigger (claim verb, establishment phrase such as "has been shown to", or efficacy wording
    such as "is effective") is reported unless its scope holds a hedge, the sentence names a
    source, or the trigger is negated, asked about, hypothetical or reported at a distance.
    """
    checked = unsourced_statement(unit, options)
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
    last_subject = ("", "")  # the subject of the last reported trigger, for "X cures A and prevents B"
    # (match, lemma for the suggestion, needs a treatment or behaviour as its subject)
    candidates: list[tuple[re.Match[str] | Span, str | None, bool]] = []
    inherited: dict[int, str] = {}  # trigger start -> the subject a bullet takes from its lead-in
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
            lemma, kind = lemma_kind(lemma_of, m.group())
            if kind in {"base", "s"} and lemma != "help" and unit.lead_in:
                named = _lead_in_agent(unit, key, m.start())
                if named:
                    # "NeuroMax helps you:" then "- Lower blood sugar": the bullet's subject is the
                    # product its lead-in names.
                    inherited[m.start()] = named
                    candidates.append((m, lemma, False))
                    continue
            helps = lemma == "help" and _helps_a_claim(sent, m, lemma_of)
            if lemma == "help" and not helps:
                continue  # "helps cover medical services", "helps the body absorb iron"
            if not finite(sent, m, lemma_of, passive_ok, claim_modals=modals) and not (
                    kind == "s" and (helps or subjectless_start(unit.text, m.start()))):
                continue  # ("- Reduces cortisol naturally": a product bullet with no subject)
            if kind == "base" and _after_help(sent, m.start()):
                continue  # "helps (to) shorten colds": one claim, reported at "helps"
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
    negators = compiled(key, "negators")
    guidance = compiled(key, "guidance")
    inferred_not_with = frozenset(str(v).lower()
                                  for v in options.get("inferred-subject-not-with", []))
    for cand, cand_lemma, needs_agent in sorted(candidates, key=lambda c: c[0].start()):
        if any(s <= cand.start() < e for s, e, _scope in seen):
            continue  # one finding per phrase: "has been shown to promote" not twice
        establishment = cand_lemma is None and bool(pattern_est and pattern_est.match(cand.group()))
        if cand_lemma is None and negators and negators.search(cand.group()):
            continue  # "provided no benefit": a null result, not a claim
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
        if cand.start() in inherited:
            role = "agent"
            last_subject = (inherited[cand.start()], "lead-in")
        if role in {None, "agent"} and seen and seen[-1][2] == scope[0] and prev_word(
                sent, token_index(sent, cand.start())) in {"and", "or", ","}:
            role = "agent"  # "Melatonin cures insomnia and prevents ...": the same subject
            subject, why = last_subject
        elif cand.start() in inherited:
            subject, why = inherited[cand.start()], "lead-in"
        else:
            subject = _AUX_TAIL_RE.sub("", unit.text[scope[0]:cand.start()]).strip(" ,;:-–—")
            why = "subject in the agents list" if role == "agent" else ""
        if role is None:
            role, subject, why = _subject_from_syntax(unit, key, cand.start(), scope[0])
            if why in {"parse: pronoun", "parse: name"} and cand_lemma in inferred_not_with:
                continue  # "It protects against heat" (the skin), "NINDS ... supports research"
        if role == "non-agent" or (needs_agent and role != "agent"):
            continue  # the agent is a disease, gene or process: a description, not a claim
        if role != "agent" and is_hedged(sent, key, scope, "weak-hedges"):
            # Bare "can" is not a hedge in the product definition, so "Drug X can reduce Y" is a
            # claim; after any other subject ("You can lower your risk", "Stress can raise ...")
            # it states a possibility, and reporting it made NIH findings double.
            continue
        if guidance and guidance.search(unit.text[scope[0]:cand.start()] or unit.text[:cand.start()]):
            # The `patient-information` profile: established public-health guidance ("Washing
            # your hands with soap stops germs spreading") is what such pages exist to say.
            continue
        trigger = cand.group()
        seen.append((cand.start(), cand.end(), scope[0]))
        last_subject = (subject, why)
        yield Hit(cand.start(), cand.end(), trigger, suggestion=hedged_wording(trigger, cand_lemma),
                  data={"trigger": trigger, "hedged": hedged_wording(trigger, cand_lemma),
                        "subject": _subject_phrase(subject, why),
                        "why": _WHY.get(why, why) or "any subject not a condition",
                        "excused": "nothing: not negated, asked, conditional or hedged in "
                                      "its clause, and no source in the sentence"})


def _helps_a_claim(sent: Any, m: re.Match[str], lemma_of: Mapping[str, tuple[str, str]]) -> bool:
    """True when "help" governs another claim verb within three words ("helps (to) shorten colds").

    "Help" itself is no health effect: "helps cover medical services" and "helps the body absorb
    iron" describe a service or a nutrient's role, not a treatment claim.
    """
    idx = token_index(sent, m.end())
    # The governed verb comes next, after "to" or a reader pronoun ("helps (you) (to) shorten");
    # "helps maintain the proper balance" governs "maintain", not "balance".
    for tok in sent.tokens[idx:idx + 3]:
        if tok.low in {"to", "you", "your", "people"}:
            continue
        entry = lemma_of.get(tok.low)
        return entry is not None and entry[1] == "base" and entry[0] != "help"
    return False


def _after_help(sent: Any, start: int) -> bool:
    """True when a form of "help" comes one or two words before ``start`` ("helps (to) shorten")."""
    idx = token_index(sent, start)
    return any(t.low in _HELP_FORMS for t in sent.tokens[max(0, idx - 2):idx])


def _subject_from_syntax(unit: Unit, key: str, start: int,
                         clause_start: int) -> tuple[str | None, str, str]:
    """Decide a subject the word lists left open: (role, subject words, reason).

    A trigger that opens the unit is a subjectless claim (a product bullet or headline) in both
    modes; otherwise the parse, when the run has one, reads pronoun and product-name subjects.
    """
    if subjectless_start(unit.text, start):
        return "agent", "", "no subject: a list item or headline about the product"
    doc = unit.parsed()
    if doc is None:
        return None, "", ""
    found = parsed_subject(doc, start, compiled(key, "agents"), compiled(key, "non-agents"),
                           clause_start)
    return found.role, found.subject, f"parse: {found.reason}"


_WHY = {"lead-in": "a list item whose lead-in names a product or treatment"}


def _lead_in_agent(unit: Unit, key: str, start: int) -> str:
    """The product or treatment a bullet opening at ``start`` inherits from its list's lead-in, or "".

    The lead-in must name one: a word from the ``agents`` list or a product name ("NeuroMax helps
    you:"); advice lists ("To lower your risk:", "Tips:") name the reader, not a product.
    """
    subject = bullet_lead_in(unit, start, compiled(key, "lead-in-not-subjects"))
    if not subject:
        return ""
    agents = compiled(key, "agents")
    non_agents = compiled(key, "non-agents")
    if non_agents is not None and non_agents.search(subject) and not brand_like(subject):
        return ""
    if brand_like(subject) or (agents is not None and agents.search(subject)) or subject[:1].isupper():
        return subject
    return ""


_TRAILING_RELATIVE_RE = re.compile(r"(?:\s+(?:that|which|who|whom|whose))+\s*$", re.IGNORECASE)


def _subject_phrase(subject: str, why: str) -> str:
    """The subject as the message names it: quoted, without a trailing relative pronoun.

    "One method of treatment that" (the words before "has shown success") reads "'One method of
    treatment'"; a subject read from the parse is "its subject 'it'"; none is "its implied subject".
    """
    words = _TRAILING_RELATIVE_RE.sub("", subject).strip(" ,;:-–—")
    if not words:
        return "its implied subject"
    if why == "lead-in":
        return f"its subject '{words}' (from the list's lead-in)"
    return f"its subject '{words}'" if why.startswith("parse:") else f"'{words}'"
