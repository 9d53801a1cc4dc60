"""Claim-language rules: unhedged efficacy claims, absolute wording, vague attribution, supplement claims.

Each public function is the ``entry`` of one rule in ``rules/claims/``; the word lists live in the
rule's YAML options so that health editors can tune them without touching Python.  All four share the
same sentence analysis (see :mod:`contentlint.checks.claims_text`):

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
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from contentlint.checks.claims_text import (
    Clause,
    Token,
    clauses,
    compiled,
    options_key,
    scope_of,
    tokenize,
    verb_forms,
)
from contentlint.finding import Hit, Unit

# Words before an -ed/-s form that make it an adjective or a noun ("reduced risk", "no cures"),
# or a passive ("is treated with"), rather than a finite verb stating an effect.
_NOT_FINITE_BEFORE = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "your",
    "my", "no", "any", "some", "with", "of", "in", "for", "to", "by", "on", "at", "from", "into",
    "as", "than", "or", "nor", "is", "are", "was", "were", "be", "been", "being", "get", "gets",
    "got", "become", "becomes", "more", "less", "most", "least", "other", "such", "greater",
    "better", "worse", "without", "per", "each", "every", "both", "all", "many", "several",
    "what", "whose", "among", "between", "after", "before", "during", "under", "via", "against",
    "-", "–", "—",
})
# Words before a base form that make it an infinitive, an imperative or a modal verb phrase.
_NOT_CLAIM_BASE_BEFORE = frozenset({
    "to", "can", "could", "may", "might", "must", "should", "would", "shall", "help", "helps",
    "helped", "let", "lets", "make", "makes", "please", "and", "or", "not", "n't", "also", "cannot",
})
_PASSIVE_BEFORE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_ADJECTIVAL_PAST_BEFORE = frozenset({
    ",", "and", "had", "show", "shows", "showed", "shown", "exhibit", "exhibits", "exhibited",
    "display", "displayed", "demonstrate", "demonstrated", "experience", "experienced", "cause",
    "causes", "caused", "include", "includes", "including", "like", "have", "has",
})
# Prepositions and punctuation right after a verb show it has no object, so it is intransitive
# ("increased over time") or a participle ("treated at eight units").
_NO_OBJECT_AFTER = frozenset({
    "with", "in", "over", "across", "by", "after", "during", "from", "at", "to", "for", "among",
    "between", "since", "until", "when", "while", "as", "than", "more", "less", ",", ".", ";",
    ":", ")", "(", "", "and", "or", "but", "throughout", "within", "up", "down", "dramatically",
    "if", "because", "unless", "whereas", "although", "though", "once", "whether",
})
_AUX_AFTER_NOUN = frozenset({
    "in", "of", "is", "are", "was", "were", "have", "had", "can", "may", "might", "could", "will",
})
_MEASURE_WORDS = frozenset({"about", "approximately", "nearly", "almost", "half", "up", "around",
                            "more", "less", "roughly", "a", "one", "two", "as"})
_NOT_CLAIM_BASE_PREV_VERBS = frozenset({
    "needs", "wants", "seems", "helps", "makes", "lets", "tries", "uses", "has", "does", "is",
    "was", "this", "its", "his", "always", "sometimes", "perhaps", "often",
})
_ESTABLISHED_BEFORE_TO = frozenset({"shown", "proven", "proved", "found", "demonstrated"})
_PLURAL_SUBJECTS = frozenset({"they", "we", "you", "people", "children", "men", "women", "adults"})
_ADVERB_RE = re.compile(r"^(?:\w+ly|also|further|still|even|often|already|not|only|then|now)$")


@dataclass(frozen=True, slots=True)
class _Sentence:
    """A unit prepared once for the claim checks: its text, tokens and clauses."""

    text: str
    tokens: list[Token]
    clauses: list[Clause]
    source: bool


def _prepare(unit: Unit, key: str) -> _Sentence:
    """Tokenise the unit and decide once whether it names a source."""
    tokens = tokenize(unit.text)
    sources = compiled(key, "sources")
    has_source = bool(unit.links) or bool(sources and sources.search(unit.text))
    return _Sentence(unit.text, tokens, clauses(tokens), has_source)


def _is_question(text: str) -> bool:
    """True for a question: claims asked about are not claims made."""
    return text.rstrip().rstrip("\"'”’)").endswith("?")


def _token_index(sent: _Sentence, pos: int) -> int:
    """Return the index of the token starting at or after character ``pos``."""
    for i, tok in enumerate(sent.tokens):
        if tok.start >= pos:
            return i
    return len(sent.tokens)


def _prev_word(sent: _Sentence, index: int) -> str:
    """Return the nearest lower-cased word before token ``index``, skipping adverbs."""
    j = index - 1
    while j >= 0 and _ADVERB_RE.match(sent.tokens[j].low) and sent.tokens[j].low != "not":
        j -= 1
    return sent.tokens[j].low if j >= 0 else ""


def _blocked(sent: _Sentence, key: str, start: int, end: int) -> tuple[bool, tuple[int, int]]:
    """Return whether a trigger at ``[start, end)`` is negated, reported or hypothetical.

    Also returns the scope (character span) whose hedges govern the trigger.
    """
    s_start, s_end, clause = scope_of(sent.clauses, start)
    if clause.opener in {"if", "whether", "unless"}:
        return True, (s_start, s_end)  # hypotheses and conditions are not asserted
    before = sent.text[s_start:start]
    # Negation counts only close to the trigger: "In patients with no prior treatment, X cured
    # Y" has a "no" that negates nothing about the claim.
    window_start = max(s_start, start - 40)
    negators = compiled(key, "negators")
    if negators and negators.search(sent.text[window_start:start]):
        return True, (s_start, s_end)
    no_evidence = compiled(key, "no-evidence")
    if no_evidence and no_evidence.search(sent.text):
        return True, (s_start, s_end)  # "there is no evidence that X cures Y" disputes it
    distancing = compiled(key, "distancing")
    if distancing and distancing.search(before):
        return True, (s_start, s_end)  # someone else's claim, reported at arm's length
    return False, (s_start, s_end)


def _hedged(sent: _Sentence, key: str, scope: tuple[int, int], name: str = "hedges") -> bool:
    """True when a hedge of the lexicon ``name`` occurs in the scope."""
    hedges = compiled(key, name)
    return bool(hedges and hedges.search(sent.text[scope[0]:scope[1]]))


def _finite(sent: _Sentence, match: re.Match[str] | _Span, lemma_of: Mapping[str, tuple[str, str]],
            passive_ok: frozenset[str] = frozenset(), etiology: bool = False) -> bool:
    """True when a claim-verb match is a finite verb stating an effect ("X reduces Y").

    ``passive_ok`` names lemmas whose agentless passive still reports an effect ("pain was
    reduced in the treated group"), unlike "symptoms are treated with rest".  With ``etiology``
    (cause, lead to) a passive is never a claim: "is caused by a mutation" explains a disease.
    """
    lemma, kind = _lemma_kind(lemma_of, match.group())
    idx0 = _token_index(sent, match.start())
    if idx0 > 0 and match.group()[:1].isupper():
        return False  # "... 90% Decreased reflexes 90%": a capitalised list entry, not a verb
    idx = _token_index(sent, match.start())
    prev = _prev_word(sent, idx)
    after = _token_index(sent, match.end())  # the word after the whole phrase ("leads to" a)
    nxt = sent.tokens[after].low if after < len(sent.tokens) else ""
    if kind == "base":
        if prev == "to" and idx >= 2 and _prev_word(sent, idx - 1) in _ESTABLISHED_BEFORE_TO:
            return True  # "was found to improve", "are proven to cure"
        if idx == 0 or prev in _NOT_CLAIM_BASE_BEFORE:
            return False
        if prev in {"will", "does", "do", "did"}:
            return True
        return prev in _PLURAL_SUBJECTS or (prev.endswith("s") and not prev.endswith(("ss", "us"))
                                            and prev not in _NOT_CLAIM_BASE_PREV_VERBS)
    if not prev:
        return False  # "Severely reduced levels ...": only adverbs before, an adjective
    if kind == "past" and prev in _PASSIVE_BEFORE:
        if not passive_ok and nxt == "by":
            by_next = sent.tokens[after + 1].low if after + 1 < len(sent.tokens) else ""
            # "reduced by half" or "by about 30%" measures a change; only an agent makes a claim.
            return not (by_next in _MEASURE_WORDS or by_next[:1].isdigit()) and not etiology
        # "Arterial stiffness was improved by vitamin D": a passive with its agent is a claim;
        # without one ("symptoms are treated with ...") it describes practice.
        return nxt == "by" or (lemma in passive_ok and nxt not in {"with", "to", "as", "for"})
    if prev in _NOT_FINITE_BEFORE or idx == 0:
        return False
    if kind == "past" and prev in _ADJECTIVAL_PAST_BEFORE:
        return False  # "showed increased inflammation", "pain, reduced appetite": adjectives
    single = " " not in match.group().strip()
    first_next = sent.tokens[idx + 1].low if idx + 1 < len(sent.tokens) else ""
    if kind == "s" and first_next in _AUX_AFTER_NOUN:
        return False  # "increases in blood pressure", "oral impacts were ...": plural nouns
    if kind == "ing":
        return prev == ","  # ", resulting in weight loss": a participle adding an outcome
    if not single:
        return True  # "leads to", "reduces the risk": the phrase itself shows the verb use
    if _ADVERB_RE.match(nxt) and after + 1 < len(sent.tokens):
        nxt = sent.tokens[after + 1].low  # "improves significantly the clinical features"
        if _ADVERB_RE.match(nxt):
            return False
    if nxt in _NO_OBJECT_AFTER:
        # "prevalence increased across groups", "risk increases with dose": an intransitive change
        # of an outcome, not something acting on it; "patients treated with X" is a participle.
        return False
    return True


def _relative(sent: _Sentence, pos: int) -> bool:
    """True when the word at ``pos`` sits in a relative clause ("a doctor who treats ...")."""
    if _prev_word(sent, _token_index(sent, pos)) in {"that", "which", "who"}:
        return True
    _s, _e, clause = scope_of(sent.clauses, pos)
    return clause.opener in {"which", "who", "whom"}


def _lemma_kind(table: Mapping[str, tuple[str, str]], phrase: str) -> tuple[str, str]:
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
def _lemma_table(verbs: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """Map each inflected first word of the verb entries to its lemma and form kind."""
    table: dict[str, tuple[str, str]] = {}
    for entry in verbs:
        lemma = str(entry).split()[0].lower()
        for kind, form in verb_forms(lemma).items():
            table.setdefault(form, (lemma, "past" if kind == "pp" else kind))
    return table


class _Span:
    """A match-like span: an establishment phrase widened to the verb it governs."""

    __slots__ = ("_start", "_end", "_text")

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


def _extend(text: str, m: re.Match[str]) -> _Span:
    """Widen "has been shown to" / "has shown success in" to the verb it governs, for the message."""
    if m.group().lower().split()[-1] in {"to", "in"}:
        nxt = _NEXT_WORD_RE.match(text, m.end())
        if nxt:
            return _Span(text, m.start(), nxt.end())
    return _Span(text, m.start(), m.end())


def _hedged_wording(trigger: str, lemma: str | None) -> str:
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


def unhedged_claim(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """MC001: report a claim that a treatment or behaviour has a health effect, stated as certain.

    A trigger (claim verb, establishment phrase such as "has been shown to", or efficacy wording
    such as "is effective") is reported unless its scope holds a hedge, the sentence names a
    source, or the trigger is negated, asked about, hypothetical or reported at a distance.
    """
    if _is_question(unit.text):
        return
    key = options_key(options)
    sent = _prepare(unit, key)
    if sent.source or len(sent.tokens) > int(options.get("max-words", 10_000)):
        return
    non_agents = compiled(key, "non-agents")
    lemma_of = _lemma_table(tuple(str(v) for v in options.get("claim-verbs", [])))
    passive_ok = frozenset(str(v).lower() for v in options.get("passive-verbs", []))
    exempt = compiled(key, "exempt-after")
    exempt_verbs = {str(v).lower() for v in options.get("exempt-verbs", [])}
    seen: list[tuple[int, int]] = []
    candidates: list[tuple[re.Match[str] | _Span, str | None]] = []
    for name in ("establishment", "efficacy"):
        pattern = compiled(key, name)
        if pattern:
            candidates += [(_extend(unit.text, m), None) for m in pattern.finditer(unit.text)]
    verb_re = compiled(key, "claim-verbs", True, ("base", "s", "past"))
    if verb_re:
        for m in verb_re.finditer(unit.text):
            if not _finite(sent, m, lemma_of, passive_ok):
                continue
            lemma = _lemma_kind(lemma_of, m.group())[0]
            if exempt and lemma in exempt_verbs and exempt.match(unit.text[m.end():]):
                continue  # e.g. "increases the risk of": a harm statement, not an efficacy claim
            candidates.append((m, lemma))
    outcome_verbs = compiled(key, "outcome-verbs", True, ("base", "s", "past", "ing"))
    outcome_nouns = compiled(key, "outcome-nouns")
    if outcome_verbs and outcome_nouns:
        table = _lemma_table(tuple(str(v) for v in options.get("outcome-verbs", [])))
        for m in outcome_verbs.finditer(unit.text):
            if _finite(sent, m, table, etiology=True) and outcome_nouns.match(unit.text[m.end():]):
                candidates.append((m, _lemma_kind(table, m.group())[0]))
    for m, lemma in sorted(candidates, key=lambda c: c[0].start()):
        if any(s <= m.start() < e for s, e in seen):
            continue  # one finding per phrase: "has been shown to promote" not twice
        if lemma is not None or m.group().lower().startswith("work"):
            if _relative(sent, m.start()) and options.get("skip-relative-clauses", True):
                continue  # "medicines that lower blood pressure" describes a class, not a claim
        blocked, scope = _blocked(sent, key, m.start(), m.end())
        if blocked or _hedged(sent, key, scope):
            continue
        if non_agents and non_agents.search(unit.text, scope[0], m.start()):
            continue  # the agent is a disease, gene or process: a description, not a claim
        trigger = m.group()
        seen.append((m.start(), m.end()))
        yield Hit(m.start(), m.end(), trigger, suggestion=_hedged_wording(trigger, lemma),
                  data={"trigger": trigger, "hedged": _hedged_wording(trigger, lemma)})


def _prediction_regex(key: str, verbs: list[str]) -> re.Pattern[str] | None:
    """Build the "will <outcome>" pattern from the rule's prediction verbs."""
    forms = sorted({verb_forms(str(v).split()[0])["base"] + "".join(
        r"\s+" + re.escape(w) for w in str(v).split()[1:]) for v in verbs}, key=len, reverse=True)
    if not forms:
        return None
    return re.compile(r"(?<![\w-])will\s+(?:(?!not\b)\w+ly\s+)?(?:" + "|".join(forms) + r")(?![\w-])",
                      re.IGNORECASE)


def absolute_language(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """MC002: report absolute or hype wording about health ("without limit", "no side effects").

    ``absolutes`` are reported wherever they occur; ``contextual`` words (always, completely, ...)
    only in a clause that also states an outcome; "will" predictions only with an outcome verb.
    A hedge, negation, question, distancing verb or source in scope excuses the wording.
    """
    if _is_question(unit.text):
        return
    key = options_key(options)
    sent = _prepare(unit, key)
    if sent.source or len(sent.tokens) > int(options.get("max-words", 10_000)):
        return
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
        blocked, scope = _blocked(sent, key, start, end)
        if blocked or _hedged(sent, key, scope):
            continue
        if kind != "absolute" and non_agents and non_agents.search(unit.text, scope[0], start):
            continue  # "mutations completely eliminate the function": a condition described
        taken.append((start, end))
        text = unit.text[start:end]
        yield Hit(start, end, text, data={"trigger": text, "kind": kind})


def vague_attribution(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """MC003: report "studies show", "experts say" and the like when the sentence names no source."""
    if _is_question(unit.text):
        return
    key = options_key(options)
    sent = _prepare(unit, key)
    if sent.source:
        return
    phrases = compiled(key, "phrases")
    if not phrases:
        return
    generic = compiled(key, "generic-before")
    for m in phrases.finditer(unit.text):
        if generic and generic.search(unit.text[max(0, m.start() - 30):m.start()]):
            continue  # "when trials show that ...": a general statement, not an appeal
        yield Hit(m.start(), m.end(), m.group(), data={"trigger": m.group()})


def supplement_disease_claim(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """MC004: report a supplement, herb or vitamin said to cure, treat or prevent a disease.

    Under FDA rules (21 CFR 101.93(g)) such a disease claim stays one when hedged ("may help
    prevent"), so hedges do not excuse it; a named source, negation, question or distancing does.
    """
    if _is_question(unit.text):
        return
    key = options_key(options)
    sent = _prepare(unit, key)
    if sent.source:
        return
    products = compiled(key, "products")
    verbs = compiled(key, "disease-verbs", True, ("base", "s", "past"))
    diseases = compiled(key, "diseases")
    if not (products and verbs and diseases):
        return
    for m in verbs.finditer(unit.text):
        idx = _token_index(sent, m.start())
        if _prev_word(sent, idx) in {"to", "used", "for"}:
            continue  # "used to treat" reports a use, not an effect
        s_start, s_end, _cl = scope_of(sent.clauses, m.start())
        product = None
        for p in products.finditer(unit.text, s_start, m.start()):
            product = p
        if product is None or not diseases.search(unit.text, m.end(), s_end):
            continue
        blocked, _scope = _blocked(sent, key, m.start(), m.end())
        if blocked:
            continue
        disease = diseases.search(unit.text, m.end(), s_end)
        assert disease is not None
        yield Hit(m.start(), disease.end(), unit.text[m.start():disease.end()],
                  data={"trigger": m.group(), "product": product.group(),
                        "disease": disease.group()})
