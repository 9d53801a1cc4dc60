"""Text machinery for the claims rules: tokens, clauses and lexicons compiled from rule options.

The claims rules keep their word lists in YAML (rules as data); this module turns those lists into
matchers.  Lexicon entries are written as lemmas ("reduce the risk of"); the first word of a *verb*
entry is expanded to its inflected forms so that editors need not list "reduces, reduced, reducing".
An entry that starts with ``re:`` is taken as a regular expression, for things a word list cannot say
(author–year citations, numbered reference markers).

No parser model is available offline, so clause structure is approximated from punctuation and
subordinating words; that is enough to tell "X will likely help, since patients will no longer need Y"
(two clauses, the hedge in the first) from "Studies suggest that X may help" (one hedge scope).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_TOKEN_RE = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")

# Irregular verbs that occur in claim lexicons; regular ones are inflected by rule.
_IRREGULAR: dict[str, dict[str, str]] = {
    "be": {"base": "be", "s": "is", "past": "was", "pp": "been", "ing": "being"},
    "have": {"base": "have", "s": "has", "past": "had", "pp": "had", "ing": "having"},
    "do": {"base": "do", "s": "does", "past": "did", "pp": "done", "ing": "doing"},
    "lead": {"base": "lead", "s": "leads", "past": "led", "pp": "led", "ing": "leading"},
    "fight": {"base": "fight", "s": "fights", "past": "fought", "pp": "fought", "ing": "fighting"},
    "show": {"base": "show", "s": "shows", "past": "showed", "pp": "shown", "ing": "showing"},
    "prove": {"base": "prove", "s": "proves", "past": "proved", "pp": "proven", "ing": "proving"},
    "find": {"base": "find", "s": "finds", "past": "found", "pp": "found", "ing": "finding"},
    "say": {"base": "say", "s": "says", "past": "said", "pp": "said", "ing": "saying"},
    "think": {"base": "think", "s": "thinks", "past": "thought", "pp": "thought", "ing": "thinking"},
    "stop": {"base": "stop", "s": "stops", "past": "stopped", "pp": "stopped", "ing": "stopping"},
    "slow": {"base": "slow", "s": "slows", "past": "slowed", "pp": "slowed", "ing": "slowing"},
    "make": {"base": "make", "s": "makes", "past": "made", "pp": "made", "ing": "making"},
    "rebuild": {"base": "rebuild", "s": "rebuilds", "past": "rebuilt", "pp": "rebuilt",
                "ing": "rebuilding"},
}

_VOWELS = set("aeiou")


def verb_forms(lemma: str) -> dict[str, str]:
    """Return the forms of a verb lemma keyed ``base``, ``s``, ``past``, ``pp`` and ``ing``."""
    lemma = lemma.lower()
    if lemma in _IRREGULAR:
        return dict(_IRREGULAR[lemma])
    if re.search(r"(s|sh|ch|x|z|o)$", lemma):
        third = lemma + "es"
    elif len(lemma) > 1 and lemma.endswith("y") and lemma[-2] not in _VOWELS:
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    if lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif len(lemma) > 1 and lemma.endswith("y") and lemma[-2] not in _VOWELS:
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    return {"base": lemma, "s": third, "past": past, "pp": past, "ing": ing}


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark: lower-cased text and its character span in the unit."""

    low: str
    start: int
    end: int
    raw: str


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into word and punctuation tokens, keeping character offsets."""
    return [Token(m.group().lower().replace("’", "'"), m.start(), m.end(), m.group())
            for m in _TOKEN_RE.finditer(text)]


def phrase_regex(entries: Iterable[str], *, verbs: bool = False, kinds: Sequence[str] = ()) -> (
        re.Pattern[str] | None):
    """Compile lexicon entries into one case-insensitive regular expression.

    With ``verbs`` the first word of each plain entry is replaced by its forms (restricted to
    ``kinds`` such as ``("s", "past")`` when given); the named group ``form`` then tells which
    form matched.  Entries beginning with ``re:`` are used as written, word boundaries included.
    """
    alternatives: list[str] = []
    raw: list[str] = []
    for entry in entries:
        entry = str(entry)
        if entry.startswith("re:"):
            raw.append(f"(?:{entry[3:]})")  # carries its own boundaries (a superscript ³ hugs a word)
            continue
        words = entry.lower().split()
        rest = r"\s+".join(re.escape(w) for w in words[1:])
        if verbs:
            forms = verb_forms(words[0])
            wanted = kinds or tuple(forms)
            first = "|".join(sorted({re.escape(forms[k]) for k in wanted}, key=len, reverse=True))
            head = f"(?:{first})"
        else:
            head = re.escape(words[0])
        alternatives.append(head + (r"\s+" + rest if rest else ""))
    parts = raw[:]
    if alternatives:
        body = "|".join(sorted(alternatives, key=len, reverse=True))
        parts.insert(0, rf"(?<![\w-])(?:{body})(?![\w-])")
    if not parts:
        return None
    return re.compile("|".join(parts), re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Clause:
    """A stretch of the sentence ``[start, end)`` in characters, with the word that opened it.

    ``inherits`` is true for a complement clause ("suggest *that* X cures Y") whose hedges and
    reporting verbs come from the clause before it.
    """

    start: int
    end: int
    opener: str
    inherits: bool


# Words that begin a new clause whose certainty is its own: a hedge before them does not reach
# past them ("X will likely help, since patients will no longer need Y").
SUBORDINATORS = frozenset({
    "because", "since", "although", "though", "whereas", "while", "but", "however", "unless",
    "if", "whether", "when", "whenever", "where", "which", "who", "whom", "yet", "until", "so",
    "thus", "therefore", "hence",
})
# After these words "yet" is an adverb ("not yet proven", "has yet to show"), not a conjunction.
_YET_ADVERB_AFTER = frozenset({
    "not", "n't", "has", "have", "had", "is", "are", "was", "were", "been", "be", "as", "and",
})
# Tokens after ", and" that show a new clause with its own subject rather than a second verb.
_NEW_SUBJECT = frozenset({
    "it", "they", "this", "that", "these", "those", "the", "a", "an", "we", "you", "he", "she",
    "there", "its", "their", "our", "your", "patients", "people",
})
_REPORTING = frozenset({
    "suggest", "suggests", "suggested", "indicate", "indicates", "indicated", "show", "shows",
    "showed", "shown", "found", "find", "finds", "believe", "believes", "believed", "think",
    "thinks", "thought", "claim", "claims", "claimed", "say", "says", "said", "conclude",
    "concluded", "demonstrate", "demonstrates", "demonstrated", "confirm", "confirms", "confirmed",
    "possible", "likely", "unlikely", "evidence", "hypothesis", "hypothesize", "speculate",
    "reported", "reports", "report", "reveal", "reveals", "revealed", "appears", "seems",
    "clear", "known", "proven", "proof",
})


def clauses(tokens: Sequence[Token]) -> list[Clause]:
    """Approximate the clauses of a sentence from punctuation and subordinating words."""
    cuts: list[tuple[int, str, bool]] = []  # (token index where a clause starts, opener, inherits)
    opened_by_sub = bool(tokens) and tokens[0].low in SUBORDINATORS
    outer: list[str] = []  # opener of the clause a parenthesis interrupts
    current = tokens[0].low if tokens else ""
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
        if tok.low == "(":
            outer.append(current)
            cuts.append((i + 1, "(", False))
            current = "("
        elif tok.low == ")":
            # The text after a parenthesis resumes the clause it interrupted ("It is not known if
            # NSAIDs (such as ibuprofen) lower the risk" is still inside the if-clause).
            current = outer.pop() if outer else ")"
            cuts.append((i + 1, current, False))
        elif tok.low in {";", ":", "—", "–"}:
            cuts.append((i + 1, tok.low, False))
            current = tok.low
            opened_by_sub = False
        elif tok.low == ",":
            if outer:
                continue  # commas inside a parenthesis separate list items, not clauses
            if nxt in SUBORDINATORS:
                continue  # the subordinator itself opens the clause below
            if nxt in {"and", "or"} and i + 2 < len(tokens) and tokens[i + 2].low in _NEW_SUBJECT:
                cuts.append((i + 1, nxt, False))
            elif opened_by_sub:
                # "Although X helps, Y cures Z": the comma closes the fronted subordinate clause.
                cuts.append((i + 1, ",", False))
                current = ","
                opened_by_sub = False
        elif tok.low == "yet" and i > 0 and tokens[i - 1].low in _YET_ADVERB_AFTER:
            continue  # "has not yet been proven": an adverb, not "but"
        elif tok.low in SUBORDINATORS and i > 0:
            cuts.append((i, tok.low, False))
            current = tok.low
            opened_by_sub = tok.low not in {"which", "who", "whom", "but", "however", "yet"}
        elif tok.low == "that" and i > 0 and tokens[i - 1].low in _REPORTING:
            cuts.append((i, "that", True))
    result: list[Clause] = []
    bounds = [(0, tokens[0].low if tokens else "", False)] + cuts
    for k, (ti, opener, inherits) in enumerate(bounds):
        end_ti = bounds[k + 1][0] if k + 1 < len(bounds) else len(tokens)
        if ti >= len(tokens) or end_ti <= ti:
            continue
        result.append(Clause(tokens[ti].start, tokens[end_ti - 1].end, opener, inherits))
    return result or [Clause(0, 0, "", False)]


def scope_of(clause_list: Sequence[Clause], pos: int) -> tuple[int, int, Clause]:
    """Return the character span whose hedges govern position ``pos``, and the clause holding it.

    A complement clause shares the scope of the clause that introduces it, so "Research suggests
    that X cures Y" is one scope; any other boundary starts a fresh scope.
    """
    idx = 0
    for k, cl in enumerate(clause_list):
        if cl.start <= pos:
            idx = k
    first = idx
    while first > 0 and clause_list[first].inherits:
        first -= 1
    return clause_list[first].start, clause_list[idx].end, clause_list[idx]


_KEYS: dict[int, tuple[Mapping[str, Any], str]] = {}


def options_key(options: Mapping[str, Any]) -> str:
    """Return a stable text key for ``options`` so that compiled lexicons can be cached.

    The engine passes the same options object for every unit, so the key is remembered by
    identity (holding the object keeps its id from being reused) and serialised only once.
    """
    known = _KEYS.get(id(options))
    if known is not None and known[0] is options:
        return known[1]
    key = json.dumps(options, sort_keys=True, default=str)
    if len(_KEYS) > 256:
        _KEYS.clear()
    _KEYS[id(options)] = (options, key)
    return key


@lru_cache(maxsize=64)
def compiled(key: str, name: str, verbs: bool = False, kinds: tuple[str, ...] = ()) -> (
        re.Pattern[str] | None):
    """Compile the lexicon ``name`` of the options serialised in ``key`` (cached)."""
    entries = json.loads(key).get(name, [])
    return phrase_regex(entries, verbs=verbs, kinds=kinds)
