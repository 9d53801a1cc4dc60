"""Spelling slips that need more than a pattern: real words in the wrong place ("use to", "then").

Most slip rules (``rules/spelling/SP0xx``) are pure YAML over the ``pattern`` kind. The ones here are
``python``-kind entries whose guards look at the clause around the match (SP001 "use to") or that
read part-of-speech tags (SP011 then/than, SP014 its/it's, SP015 your/you're, SP016 their/there):
these declare ``needs=("tags",)`` and a ``wants`` regex of their word, so the engine tags only the
sentences holding it, and add the hits of :mod:`contentlint.packs.spelling.confusables` on
``unit.tagged()`` to their string hits; in a run without syntax (``nlp-model = "blank"``) only the
string logic runs, as before the tagger. Each declares its options and needs with ``@rule_function``; each
hit spans exactly the words to replace and carries the replacement as ``suggestion`` (with the
original capitalisation), so that ``text[:start] + suggestion + text[end:]`` is the corrected sentence.

Precision comes first: a pattern is reported only where the surrounding words make the slip certain,
or (for the rules whose YAML says ``fix: none``) very likely. The guards are the reason for most of
the code below; see ``rules/spelling/*.yaml`` for the examples that pin each one down.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from contentlint.kinds.contract import Opt, rule_function
from contentlint.kinds.pattern import match_case
from contentlint.model.finding import Hit, Unit
from contentlint.packs.spelling import confusables

__all__ = [
    "UseToTables",
    "its_its",
    "match_case",
    "their_there",
    "then_than",
    "use_to",
    "your_youre",
]

# Straight and typographic apostrophes both occur in real copy.
_APOS = "['\u2019]"

_FLAGS = re.IGNORECASE

def _hit(text: str, start: int, end: int, replacement: str) -> Hit:
    """Build a hit over ``text[start:end]`` whose suggestion keeps the span's capitalisation."""
    span = text[start:end]
    return Hit(start=start, end=end, match=span, suggestion=match_case(span, replacement))


def _swap_all(text: str, pattern: re.Pattern[str], replacement: str, group: int = 0) -> Iterator[Hit]:
    """Yield a hit for ``group`` of every match of ``pattern``, suggesting ``replacement``.

    Most slips are one guarded pattern with a fixed replacement; the guards live in the pattern.
    """
    for m in pattern.finditer(text):
        yield _hit(text, m.start(group), m.end(group), replacement)


def _words(options: Mapping[str, Any], key: str) -> frozenset[str]:
    """Return the lower-cased word list ``options[key]`` (empty when the rule file omits it)."""
    return frozenset(str(w).lower() for w in options.get(key) or ())


def _alternation(words: Iterable[str]) -> str:
    """Return a regex alternation of ``words``, longest first so that prefixes do not win."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# --------------------------------------------------------------------------------------------------
# "use to" family (SP001, SP004, SP005)
# --------------------------------------------------------------------------------------------------

_SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "they", "he", "she"})
_THING_PRONOUNS = frozenset({"it", "this", "that"})

# Words ending in -s that are not plural-noun subjects (possessives, verbs, adverbs, pronouns).
_NOT_PLURAL = frozenset({
    "its", "his", "hers", "ours", "yours", "theirs", "this", "thus", "us", "as", "was", "is", "has",
    "does", "always", "sometimes", "perhaps", "besides", "nevertheless", "afterwards", "towards",
    "whereas", "less", "unless", "yes", "various", "numerous", "previous", "serious", "plus",
    "across", "versus", "focus", "status", "virus", "bus", "gas", "lens", "process",
    "lets", "let's", "means", "series", "species",
})

# Determiners allowed before a plural-noun subject at the start of a clause ("The doctors use to ...").
_SUBJECT_DETERMINERS = frozenset({
    "the", "many", "most", "some", "our", "my", "your", "their", "these", "those", "all",
})

# Adverbs that may stand between the subject and "use" ("we always use to ...").
_MID_ADVERBS = frozenset({
    "all", "both", "once", "also", "always", "often", "usually", "never", "generally", "commonly",
    "routinely", "really", "even", "just",
})

# Words after which a new clause (and so a new subject) may start.
_CLAUSE_OPENERS = frozenset({
    "but", "because", "although", "though", "while", "since", "yet", "when", "whereas", "so",
    "then", "now", "still",
})

_USE_TO = re.compile(r"\b(use)\s+(to)\s+([a-z]+)\b", _FLAGS)
_TOKEN = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)?|[,;:()\u2014\u2013]|(?<!\w)-(?!\w)")


def _tokens_before(text: str, end: int) -> list[str]:
    """Return the word and clause-punctuation tokens of ``text[:end]``, in order."""
    return _TOKEN.findall(text[:end])


def _is_people(word: str, people: frozenset[str]) -> bool:
    """Guess whether ``word`` is a plural noun for people ("doctors", "scientists", "physicians")."""
    low = word.lower()
    return low in people or (len(low) > 5 and low.endswith(("ists", "ians")))


def _is_plural_subject(word: str) -> bool:
    """Guess whether ``word`` is a plural noun that could be a clause subject ("inhalers")."""
    low = word.lower()
    if low in _NOT_PLURAL or len(low) < 4:
        return False
    # -ss/-us/-is endings are singular nouns or adjectives ("stress", "status", "analysis").
    return low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "\u2019s"))


def _clause_start(tokens: list[str]) -> bool:
    """Return whether a clause can begin right after ``tokens`` (start, punctuation or conjunction).

    ``and``/``or`` count only after a comma, because "the tools doctors and nurses use to ..." is a
    coordinated subject inside a relative clause, while ", and we use to ..." opens a new clause.
    """
    if not tokens:
        return True
    last = tokens[-1].lower()
    if last in {",", ";", ":", "(", "\u2014", "\u2013", "-"}:
        return True
    if last in _CLAUSE_OPENERS:
        return True
    if last in {"and", "or"}:
        return len(tokens) >= 2 and tokens[-2] in {",", ";"}
    return False


@dataclass(frozen=True)
class UseToTables:
    """The word lists of SP001, lower-cased once per rule (they live in the rule file)."""

    verbs: frozenset[str]
    state_verbs: frozenset[str]
    people: frozenset[str]


def prepare_use_to(options: Mapping[str, Any]) -> UseToTables:
    """Build SP001's tables once from its ``verbs``, ``state-verbs`` and ``people`` options."""
    return UseToTables(_words(options, "verbs"), _words(options, "state-verbs"), _words(options, "people"))


@rule_function(
    options={"verbs": Opt("words"), "state-verbs": Opt("words"), "people": Opt("words")},
    prepare=prepare_use_to, needs=("sentences",),
)
def use_to(unit: Unit, tables: UseToTables) -> Iterator[Hit]:
    """Find "use to" meaning a past habit after a subject ("Scientists use to believe ...").

    Reported only when a subject opens a clause right before "use to" and the next verb fits it: a
    habit verb from ``options['verbs']`` after a personal pronoun or a plural noun for people
    (``options['people']``), a state verb from ``options['state-verbs']`` ("be", "have") after "it"
    or another plural noun. Anything before the subject other than a clause boundary suggests an
    object gap ("the drugs doctors use to treat pain", "what you use to clean it"), and an auxiliary
    before "use" ("can use to", "do you use to") means "use" is the bare verb; both are left alone.
    The suggestion is "used to".
    """
    verbs, state_verbs, people = tables.verbs, tables.state_verbs, tables.people
    text = unit.text
    for m in _USE_TO.finditer(text):
        verb = m.group(3).lower()
        if verb not in verbs and verb not in state_verbs:
            continue
        tokens = _tokens_before(text, m.start())
        # Skip adverbs between subject and "use": "we always use to".
        while tokens and tokens[-1].lower() in _MID_ADVERBS:
            tokens.pop()
        if not tokens:
            continue  # "Use to ..." at the start is an imperative or a fragment.
        subject = tokens[-1]
        rest = tokens[:-1]
        low = subject.lower()
        if low in _SUBJECT_PRONOUNS:
            # "I" must be capitalised to be the pronoun; "i" alone is likely a list marker.
            if subject == "i" or verb not in verbs:
                continue
        elif low in _THING_PRONOUNS:
            if verb not in state_verbs:
                continue
        elif _is_people(subject, people) or _is_plural_subject(subject):
            if not _is_people(subject, people) and verb not in state_verbs:
                continue
            if rest and rest[-1].lower() in _SUBJECT_DETERMINERS:
                rest = rest[:-1]
        else:
            continue
        if not _clause_start(rest):
            continue
        yield _hit(text, m.start(1), m.end(2), "used to")



# --------------------------------------------------------------------------------------------------
# Confusable pairs that move to tags with the syntax parser (SP011, SP014 - SP016)
# --------------------------------------------------------------------------------------------------

def _with_tags(unit: Unit, string_hits: Iterator[Hit], tag_hits: Any) -> Iterator[Hit]:
    """The string rule's hits, plus (when the run has syntax) the tag-based ones, in text order.

    The string shapes have a single reading whatever the tags say, so they are always kept; the tags
    add the slips that only a word class decides ("Its normal to ...", "if your allergic"). In a run
    without syntax (``nlp-model = "blank"``) ``unit.tagged()`` is ``None`` and only the string hits
    remain, exactly as before the tagger. Hits overlapping an earlier one are dropped.
    """
    hits = list(string_hits)
    doc = unit.tagged()
    if doc is not None:
        hits.extend(tag_hits(doc))
    taken: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
        if not any(h.start < hit.end and hit.start < h.end for h in taken):
            taken.append(hit)
    return iter(taken)


# The units each confusable rule looks at (and so the only sentences the engine tags for it).
_WANTS_THEN = r"(?i)\bthen\b"
_WANTS_ITS = r"(?i)\bit(?:s|['\u2019]s)\b"
_WANTS_YOUR = r"(?i)\byour\b"
_WANTS_THEIR = r"(?i)\b(?:their|there|they['\u2019]re)\b"


_COMPARATIVES = (
    "more", "less", "fewer", "rather", "other", "better", "worse", "greater", "higher", "lower",
    "larger", "smaller", "bigger", "longer", "shorter", "older", "younger", "faster", "slower",
    "easier", "harder", "stronger", "weaker", "heavier", "lighter", "wider", "thicker", "thinner",
    "safer", "cheaper", "riskier", "healthier", "sicker", "deeper", "warmer", "colder",
)
# "then" before punctuation or the end is the time adverb ("They will be older then, and wiser").
_THEN = re.compile(
    r"\b(" + _alternation(_COMPARATIVES) + r")\s+(then)\b(?!\s*(?:[.,;:!?)\u2014\u2013]|$))", _FLAGS
)
# A conditional or temporal clause before the comparative makes "then" the correlative
# ("If the pain gets worse then call", "once you feel better then stop").
_CONDITIONAL = re.compile(
    r"\b(?:if|when|whenever|once|until|unless|after|before|as\s+soon\s+as)\b", _FLAGS
)
# "each other then", "or more then stop", "twice more then rest": "then" starts the next step.
_THEN_GUARD = re.compile(r"\b(?:each|one|another|the|an|or|and|twice|times|once|again)\s+$", _FLAGS)
_NUMBER_AFTER = re.compile(r"\s+(?:\d|one\b|two\b|three\b|four\b|five\b|ten\b|half\b)", _FLAGS)


@rule_function(needs=("tags",), wants=_WANTS_THEN)
def then_than(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Find "then" written for "than" after a comparative ("more then 5 days", "rather then").

    A comma between the words, a preceding "and/or/each/the", or a conditional clause earlier in the
    sentence ("if it gets worse then ...") keep "then"; a number right after "then" overrides the
    conditional guard, since "worse then 2" has no other reading. With tags, also "then" after a
    comparative that no verb follows (``confusables.then_hits``).
    """
    return _with_tags(unit, _then_strings(unit.text), confusables.then_hits)


def _then_strings(text: str) -> Iterator[Hit]:
    """The string logic of ``then_than`` (the whole rule in a run without syntax)."""
    for m in _THEN.finditer(text):
        before = text[: m.start()]
        if _THEN_GUARD.search(before):
            continue
        comparative = m.group(1).lower()
        if (comparative not in {"rather", "other"} and _CONDITIONAL.search(before)
                and not _NUMBER_AFTER.match(text, m.end())):
            continue
        yield _hit(text, m.start(2), m.end(2), "than")


_ITS_OWN = re.compile(r"\b(it" + _APOS + r"s)\s+own\b", _FLAGS)
# Possessive "its" cannot be followed by an article or "been"; lower-case "a" avoids "its A1C".
_ITS_ARTICLE = re.compile(r"\b([Ii]ts)\s+(?=(?:an?|been)\s+[a-z])")
_ITS_NOT_START = re.compile(r"(?:^|(?<=[.!?]\s))(Its)\s+(?=not\s)")


@rule_function(needs=("tags",), wants=_WANTS_ITS)
def its_its(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Find "it's own" (for "its own") and "its a/an/been", "Its not ..." (for "it's").

    Only shapes with a single reading are reported: a possessive never precedes an article or
    "been", and "it is own" is never English. "its time" and the like are ambiguous and skipped by
    the strings; with tags, the word class of the next words decides (``confusables.its_hits``).
    """
    return _with_tags(unit, _its_strings(unit.text), confusables.its_hits)


def _its_strings(text: str) -> Iterator[Hit]:
    """The string logic of ``its_its`` (the whole rule in a run without syntax)."""
    for m in _ITS_OWN.finditer(text):
        yield _hit(text, m.start(1), m.end(1), "its")
    for rx in (_ITS_ARTICLE, _ITS_NOT_START):
        for m in rx.finditer(text):
            yield _hit(text, m.start(1), m.end(1), "it's")


# Case-sensitive after "your" so that acronyms ("your A1C") never look like the article "a".
_YOUR = re.compile(
    r"\b((?i:your))\s+(?="
    # "your welcome" closing a sentence or clause
    r"welcome\s*(?:[.!,;]|$)"
    # possessive + article: "your the best"
    r"|(?:a|an|the)\s+[a-z]"
    # "your not sure", but not "your not smoking" (possessive + gerund) or "your not-for-profit"
    r"|not\s+(?![a-z]+ing\b)[a-z]"
    # "your going to need", but not "your going to bed/school/the ..."
    r"|going\s+to\s+(?!(?:the|a|an|your|my|his|her|their|our|this|that|bed|school|work|hospital|"
    r"church|sleep|college|hospice)\b)[a-z]"
    r")",
)


@rule_function(needs=("tags",), wants=_WANTS_YOUR)
def your_youre(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Find "your" written for "you're" where "your" cannot be possessive ("your welcome.").

    Matching is case-sensitive after "your" so that acronyms ("your A1C") never look like articles.
    With tags, also "your" before a verb or an adjective that leads to no noun
    (``confusables.your_hits``).
    """
    return _with_tags(unit, _swap_all(unit.text, _YOUR, "you're", 1), confusables.your_hits)


_THEIR_BE = re.compile(r"\b(their)\s+(?=(?:is|are|was|were)\b(?!\s*[-'\u2019\"]))", _FLAGS)
_THERE_OWN = re.compile(r"\b(there|they" + _APOS + r"re)\s+own\b", _FLAGS)


@rule_function(needs=("tags",), wants=_WANTS_THEIR)
def their_there(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Find "their is/are/was/were" (for "there") and "there/they're own" (for "their own").

    With tags, also "their" before a modal or "has/have" and "there" in the determiner slot of a
    noun phrase ("wash there hands"; ``confusables.their_hits``).
    """
    return _with_tags(unit, _their_strings(unit.text), confusables.their_hits)


def _their_strings(text: str) -> Iterator[Hit]:
    """The string logic of ``their_there`` (the whole rule in a run without syntax)."""
    yield from _swap_all(text, _THEIR_BE, "there", 1)
    yield from _swap_all(text, _THERE_OWN, "their", 1)
