"""Sentence analysis shared by the claims rules: negation, hedge scope and how a verb is used.

The lexicons come from the rule's YAML options (compiled by :mod:`claims_text`); this module holds
the grammar-level heuristics that decide whether a matched word is a finite verb stating an effect
("X reduces Y") rather than an adjective ("reduced risk"), a noun ("no cures"), an infinitive
("used to treat") or a description of a condition ("the mutations prevent ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from contentlint.language.analysis import shared_view
from contentlint.model.finding import Unit
from contentlint.packs.claims.text import (
    Clause,
    Token,
    clauses,
    compiled,
    scope_of,
    tokenize,
)
from contentlint.packs.claims.triggers import Span, lemma_kind

# Words before an -ed/-s form that make it an adjective or a noun ("reduced risk", "no cures"),
# or a passive ("is treated with"), rather than a finite verb stating an effect.
_NOT_FINITE_BEFORE = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "your",
    "my", "no", "any", "some", "with", "of", "in", "for", "to", "by", "on", "at", "from", "into",
    "as", "than", "or", "nor", "is", "are", "was", "were", "be", "been", "being", "get", "gets",
    "got", "become", "becomes", "more", "less", "most", "least", "other", "such", "greater",
    "better", "worse", "without", "per", "each", "every", "both", "all", "many", "several",
    "what", "whose", "among", "between", "after", "before", "during", "under", "via", "against",
    "-", "–", "—", "(", "when", "called", "named", "termed", "until", "once",
})
# Words before a base form that make it an infinitive, an imperative or a modal verb phrase.
_NOT_CLAIM_BASE_BEFORE = frozenset({
    "to", "can", "could", "may", "might", "must", "should", "would", "shall", "help", "helps",
    "helped", "let", "lets", "make", "makes", "please", "and", "or", "not", "n't", "also", "cannot",
})
_PASSIVE_BEFORE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_ADJECTIVAL_PAST_BEFORE = frozenset({
    ",", ";", "and", "bypass", "remove", "removes", "open", "opens", "had", "show", "shows", "showed", "shown",
    "exhibit", "exhibits", "exhibited",
    "display", "displayed", "demonstrate", "demonstrated", "experience", "experienced", "cause",
    "causes", "caused", "include", "includes", "including", "like", "have", "has", "develop",
    "developed", "developing",
})
# Prepositions and punctuation right after a verb show it has no object, so it is intransitive
# ("increased over time") or a participle ("treated at eight units").
_NO_OBJECT_AFTER = frozenset({
    "with", "in", "over", "across", "by", "after", "during", "from", "at", "to", "for", "among",
    "between", "since", "until", "when", "while", "as", "than", "more", "less", ",", ".", ";",
    ":", ")", "(", "", "and", "or", "but", "throughout", "within", "up", "down", "dramatically",
    "if", "because", "unless", "whereas", "although", "though", "once", "whether", "on",
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
class Sentence:
    """A unit prepared once for the claim checks: its text, tokens and clauses."""

    text: str
    tokens: list[Token]
    clauses: list[Clause]
    source: bool


def _structure(text: str) -> tuple[list[Token], list[Clause]]:
    tokens = tokenize(text)
    return tokens, clauses(tokens)


def prepare(unit: Unit, key: str) -> Sentence:
    """Tokenise the unit and decide whether it names a source.

    The tokens and clauses depend on the text alone, so the four claims rules share them through
    the document's shared views instead of each tokenising every sentence again (they are read, never
    changed); only the source check depends on the rule's lexicons.
    """
    tokens, parts = shared_view("claims.structure", _structure, unit.text)
    sources = compiled(key, "sources")
    has_source = bool(unit.links) or bool(sources and sources.search(unit.text))
    return Sentence(unit.text, tokens, parts, has_source)


def is_question(text: str) -> bool:
    """True for a question: claims asked about are not claims made."""
    return text.rstrip().rstrip("\"'”’)").endswith("?")


def token_index(sent: Sentence, pos: int) -> int:
    """Return the index of the token starting at or after character ``pos``."""
    for i, tok in enumerate(sent.tokens):
        if tok.start >= pos:
            return i
    return len(sent.tokens)


def prev_word(sent: Sentence, index: int) -> str:
    """Return the nearest lower-cased word before token ``index``, skipping adverbs."""
    j = index - 1
    while j >= 0 and _ADVERB_RE.match(sent.tokens[j].low) and sent.tokens[j].low != "not":
        j -= 1
    return sent.tokens[j].low if j >= 0 else ""


def check_blocked(sent: Sentence, key: str, start: int, end: int) -> tuple[bool, tuple[int, int]]:
    """Return whether a trigger at ``[start, end)`` is negated, reported or hypothetical.

    Also returns the scope (character span) whose hedges govern the trigger.
    """
    s_start, s_end, clause = scope_of(sent.clauses, start)
    if clause.opener in {"if", "whether", "unless"}:
        return True, (s_start, s_end)  # hypotheses and conditions are not asserted
    before = sent.text[s_start:start]
    embedded = compiled(key, "embedded-questions")
    if embedded and embedded.search(sent.text, s_start, start):
        return True, (s_start, s_end)  # "how well they work", "learn how vaccines prevent ..."
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


def is_hedged(sent: Sentence, key: str, scope: tuple[int, int], name: str = "hedges") -> bool:
    """True when a hedge of the lexicon ``name`` occurs in the scope."""
    hedges = compiled(key, name)
    return bool(hedges and hedges.search(sent.text[scope[0]:scope[1]]))


def finite(sent: Sentence, match: re.Match[str] | Span, lemma_of: Mapping[str, tuple[str, str]],
            passive_ok: frozenset[str] = frozenset(), etiology: bool = False,
            claim_modals: frozenset[str] = frozenset()) -> bool:
    """True when a claim-verb match is a finite verb stating an effect ("X reduces Y").

    ``passive_ok`` names lemmas whose agentless passive still reports an effect ("pain was
    reduced in the treated group"), unlike "symptoms are treated with rest".  With ``etiology``
    (cause, lead to) a passive is never a claim: "is caused by a mutation" explains a disease.
    ``claim_modals`` are modals that do not weaken a claim ("X can reduce Y" states the effect as
    a capability of X, which the product spec does not accept as a hedge).
    """
    lemma, kind = lemma_kind(lemma_of, match.group())
    idx0 = token_index(sent, match.start())
    if idx0 > 0 and match.group()[:1].isupper():
        return False  # "... 90% Decreased reflexes 90%": a capitalised list entry, not a verb
    idx = token_index(sent, match.start())
    prev = prev_word(sent, idx)
    after = token_index(sent, match.end())  # the word after the whole phrase ("leads to" a)
    nxt = sent.tokens[after].low if after < len(sent.tokens) else ""
    if kind == "base":
        if prev == "to" and idx >= 2 and prev_word(sent, idx - 1) in _ESTABLISHED_BEFORE_TO:
            # "was found to improve", "are proven to cure"; without the auxiliary it is a
            # reduced relative ("interventions shown to reduce ..."), not an assertion.
            return idx >= 3 and prev_word(sent, idx - 2) in _PASSIVE_BEFORE | {"has", "have", "had"}
        if prev in claim_modals and idx >= 2:
            return True  # "X can reduce Y": the modal is not a hedge by the product definition
        if idx == 0 or prev in _NOT_CLAIM_BASE_BEFORE:
            return False
        if nxt in _NO_OBJECT_AFTER:
            # "products lower in salt", "factors increase or decrease the risk": an adjective or a
            # verb with no object of its own, not a treatment acting on something.
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


# Prepositions that open a fronted adverbial ("In patients with CKD, X reduced ...") or end the
# head of a noun phrase ("Treatment *of* cancer with X", "Mutations *in* the gene").
_FRONTED_OPENERS = frozenset({
    "in", "among", "for", "after", "during", "compared", "at", "with", "by", "over", "following",
    "relative", "unlike", "despite", "on", "from", "within", "across", "versus", "vs", "overall",
    "moreover", "furthermore", "additionally", "importantly", "conclusion", "conclusions",
    "finally", "thus", "therefore", "here", "today", "now", "currently", "also", "again",
})
_HEAD_ENDERS = frozenset({
    "of", "in", "with", "among", "for", "on", "from", "at", "during", "after", "to", "by",
    "between", "that", "which", "who", "(", ",", "versus", "vs", "compared", "plus",
})


def subject_spans(sent: Sentence, scope_start: int, trigger_start: int) -> tuple[int, int, int]:
    """Approximate the subject of a trigger: return (subject start, head end, trigger start).

    The subject is the scope up to the trigger, minus a fronted adverbial ending in a comma ("In
    patients with kidney disease, dapagliflozin reduced ..."): the disease there is a setting,
    not the agent.  The *head* is the subject up to its first preposition, because English noun
    phrases put the head first before "of/in/with" ("Treatment of cancer with X", "Mutations in
    the gene"): what the head names decides whether the agent is a treatment or a condition.
    """
    lo = token_index(sent, scope_start)
    hi = token_index(sent, trigger_start)
    toks = sent.tokens
    own = scope_of(sent.clauses, trigger_start)[2]
    if own.inherits and own.start > scope_start:
        lo = token_index(sent, own.start) + 1  # "Studies show that X reduces": X is the subject
    if 0 < lo < len(toks) and toks[lo - 1].low == ")":
        # "The intake of milk proteins (56 g/d) for 8 weeks improved ...": the subject began
        # before the parenthesis, in the clause it interrupted.
        depth, j = 0, lo - 1
        while j >= 0:
            depth += {")": 1, "(": -1}.get(toks[j].low, 0)
            if depth == 0:
                break
            j -= 1
        if j > 0:
            lo = token_index(sent, scope_of(sent.clauses, toks[j - 1].start)[0])
    if lo < hi and toks[lo].low in _FRONTED_OPENERS:
        commas = [i for i in range(lo, hi) if toks[i].low == ","]
        if commas:
            # After the last comma, unless nothing is left there: "In particular, a protein,
            # called X, has been shown ..." has its subject after the first comma.
            lo = commas[-1] + 1 if commas[-1] + 1 < hi else commas[0] + 1
    for i in range(hi - 1, lo, -1):
        if toks[i].low == "." and i + 1 < hi and toks[i + 1].raw[:1].isupper():
            lo = i + 1  # "... vitamin A. This difficulty leads to": a missed sentence break
            break
    start = toks[lo].start if lo < hi else trigger_start
    head_end = trigger_start
    for i in range(lo + 1, hi):
        if toks[i].low in _HEAD_ENDERS:
            head_end = toks[i].start
            break
    return start, head_end, trigger_start


_LEAD_WORD_RE = re.compile(r"\s*(\w+)")
_TITLE_WORD_RE = re.compile(r"\b[A-Z][a-z]+\b")


def _last_segment_role(sent: Sentence, key: str, start: int, end: int) -> str | None:
    """Read the words between the last comma of the subject and the verb, if any.

    When a clause was not split off ("If an illness, a medication, or both cause it, a health
    care provider will treat ..."), the noun phrase right before the verb is the subject; a
    verdict there overrides the head of the whole span.  An appositive that closes before the
    verb ("Drug X, a kinase inhibitor, reduces ...") leaves nothing there and changes nothing.
    """
    toks = [t for t in sent.tokens if start <= t.start < end]
    commas = [i for i, t in enumerate(toks) if t.low == ","]
    if not commas or commas[-1] + 1 >= len(toks):
        return None
    seg = toks[commas[-1] + 1:]
    if seg[0].low in {"and", "or"}:
        return None  # "X, Y, and Z reduce": a list, read as a whole
    best: tuple[int, int, str] | None = None
    for name, role in (("agents", "agent"), ("non-agents", "non-agent")):
        pattern = compiled(key, name)
        if pattern is None:
            continue
        for m in pattern.finditer(sent.text, seg[0].start, end):
            rank = (m.end(), -m.start())
            if best is None or rank > best[:2]:
                best = (rank[0], rank[1], role)
    return best[2] if best else None


def agent_role(sent: Sentence, key: str, scope_start: int, trigger_start: int) -> str | None:
    """Classify the trigger's subject as ``"agent"`` (treatment, behaviour), ``"non-agent"``
    (disease, gene, body process) or ``None`` (neither lexicon matches).

    The head of the subject is read first and the word nearest the verb wins there ("cancer
    treatment" is a treatment, "gene therapy" a therapy).  Without a verdict from the head, any
    non-agent in the subject blocks (precision first: "CHD in older adults reduces the flow"),
    and otherwise any agent word counts ("The addition of ezetimibe to simvastatin reduces").
    """
    agents = compiled(key, "agents")
    non_agents = compiled(key, "non-agents")
    start, head_end, end = subject_spans(sent, scope_start, trigger_start)
    last = _last_segment_role(sent, key, start, end)
    if last is not None:
        return last
    lead = _LEAD_WORD_RE.match(sent.text, start, end)
    if (lead and agents and agents.fullmatch(lead.group(1)) and lead.group(1).lower().endswith("ing")
            and len(_TITLE_WORD_RE.findall(sent.text, lead.end(), end)) < 2):
        # "Removing the glands cures ...": the gerund governs its object.  A run-in heading
        # ("Treating Non-Small Cell Lung Cancer Doctors treat ...") is not a subject.
        return "agent"
    role = nearest_role(sent.text, start, head_end, ((agents, "agent"), (non_agents, "non-agent")))
    if role is not None:
        return role
    if non_agents and non_agents.search(sent.text, start, end):
        return "non-agent"
    if agents and agents.search(sent.text, start, end):
        return "agent"
    return None


def passive_agent_role(sent: Sentence, key: str, match: re.Match[str] | Span,
                       scope_end: int) -> str | None:
    """For a passive with its agent ("was improved by vitamin D"), classify the by-phrase.

    Returns ``"agent"``, ``"non-agent"`` or ``None`` like :func:`agent_role`; ``""`` when the
    match is not a passive with "by", so that the subject decides as usual.
    """
    idx = token_index(sent, match.start())
    after = token_index(sent, match.end())
    if prev_word(sent, idx) not in _PASSIVE_BEFORE or after >= len(sent.tokens):
        return ""
    if sent.tokens[after].low != "by":
        return ""
    start = sent.tokens[after].end
    # The agent's head ends the by-phrase's noun phrase ("by stem cell transplantation"): read
    # up to the first preposition, and let the entry ending last win, as in agent_role.
    head_end = scope_end
    for tok in sent.tokens[after + 2:]:
        if tok.start >= scope_end:
            break
        if tok.low in _HEAD_ENDERS:
            head_end = tok.start
            break
    return nearest_role(
        sent.text, start, head_end, ((compiled(key, "agents"), "agent"), (compiled(key, "non-agents"), "non-agent"))
    )


def relative(sent: Sentence, pos: int) -> bool:
    """True when the word at ``pos`` sits in a relative clause ("a doctor who treats ...")."""
    idx = token_index(sent, pos)
    prev = prev_word(sent, idx)
    if prev in {"can", "will"} and idx >= 2:
        prev = prev_word(sent, idx - 1)  # "surgeries that can restore blood flow"
    if prev in {"that", "which", "who"}:
        return True
    _s, _e, clause = scope_of(sent.clauses, pos)
    # (a complement "that" opens the clause itself, so only a later "that" is a relative one)
    if prev in {"and", "or"} and any(t.low in {"that", "which", "who"} and clause.start < t.start
                                     for t in sent.tokens[:idx]):
        return True  # "a tubule that absorbs water and eliminates waste": still the relative clause
    return clause.opener in {"which", "who", "whom"}


def nearest_role(
    text: str, start: int, end: int, patterns: Iterable[tuple[re.Pattern[str] | None, str]]
) -> str | None:
    """Return the role of the lexicon entry in ``text[start:end]`` that ends nearest ``end``.

    The entry ending nearest the verb wins; on a tie the longer one ("physical activity" is a
    behaviour even though "activity" alone is a body process).
    """
    best: tuple[int, int, str] | None = None
    for pattern, role in patterns:
        if pattern is None:
            continue
        for m in pattern.finditer(text, start, end):
            rank = (m.end(), -m.start())
            if best is None or rank > best[:2]:
                best = (rank[0], rank[1], role)
    return best[2] if best else None
