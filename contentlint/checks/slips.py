"""Spelling slips that spell-checkers miss: real words in the wrong place ("use to", "could of" ...).

Every public function here is a ``python``-kind rule entry with the signature
``(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]``. ``unit.text`` is one sentence of prose;
each hit spans exactly the words to replace and carries the replacement as ``suggestion`` (with the
original capitalisation), so that ``text[:start] + suggestion + text[end:]`` is the corrected sentence.

Precision comes first: a pattern is reported only where the surrounding words make the slip certain,
or (for the rules whose YAML says ``fix: none``) very likely. The guards are the reason for most of
the code below; see ``rules/spelling/*.yaml`` for the examples that pin each one down.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from contentlint.finding import Hit, Unit

__all__ = [
    "affect_effect",
    "alot",
    "be_use_to",
    "did_used_to",
    "intensive_purposes",
    "irregardless",
    "its_its",
    "loose_lose",
    "match_case",
    "modal_of",
    "mucous_mucus",
    "per_say",
    "perscription",
    "prostrate_prostate",
    "side_affects",
    "supposably",
    "then_than",
    "their_there",
    "use_to",
    "whose_whos",
    "your_youre",
]

# Straight and typographic apostrophes both occur in real copy.
_APOS = "['\u2019]"

_FLAGS = re.IGNORECASE


def match_case(original: str, replacement: str) -> str:
    """Return ``replacement`` with the capitalisation pattern of ``original``.

    All-capitals stays all-capitals (when ``original`` has more than one letter), an initial capital
    stays an initial capital, and anything else is returned as written.
    """
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


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


def _words(options: Mapping[str, Any], key: str, default: Iterable[str]) -> frozenset[str]:
    """Return the lower-cased word list ``options[key]``, or ``default`` when the rule file omits it."""
    value = options.get(key)
    if value is None:
        return frozenset(w.lower() for w in default)
    return frozenset(str(w).lower() for w in value)


def _alternation(words: Iterable[str]) -> str:
    """Return a regex alternation of ``words``, longest first so that prefixes do not win."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# --------------------------------------------------------------------------------------------------
# "use to" family (SP001, SP004, SP005)
# --------------------------------------------------------------------------------------------------

# Verbs that, after "SUBJECT use to", almost always describe a past habit or state ("we use to think").
# Verbs that take the instrument reading ("use [X] to measure") are left out on purpose.
_HABIT_VERBS = (
    "be", "believe", "think", "thought", "have", "live", "work", "smoke", "drink", "feel", "say",
    "know", "recommend", "treat", "prescribe", "eat", "go", "get", "do", "take", "play", "walk",
    "run", "love", "like", "enjoy", "hate", "call", "consider", "suffer", "spend", "sleep", "come",
    "tell", "worry", "wonder", "assume", "suppose", "visit", "advise", "teach", "want", "need",
    "die", "stay", "keep", "exercise", "cook", "watch", "read", "write", "hear", "see", "remove",
    "perform", "operate", "give", "put", "send", "order", "wear",
)

# Verbs kept after a subject that is not a person ("Inhalers use to be bulky"): with others,
# "Antibiotics use to treat ..." is more likely a dropped "are" than a past habit.
_STATE_VERBS = ("be", "have", "cost", "come", "contain", "cause", "look", "seem", "take")

_SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "they", "he", "she"})
_THING_PRONOUNS = frozenset({"it", "this", "that"})

# Plural nouns for people, the subjects of habits ("Doctors use to prescribe ..."); words ending in
# -ists and -ians ("scientists", "physicians") are recognised without the list.
_PEOPLE = (
    "people", "children", "kids", "men", "women", "folks", "adults", "families", "doctors", "nurses",
    "patients", "experts", "parents", "surgeons", "researchers", "smokers", "drinkers", "students",
    "teens", "teenagers", "babies", "infants", "girls", "boys", "seniors", "veterans", "mothers",
    "fathers", "grandparents", "elders", "athletes", "workers", "americans", "healers", "midwives",
    "dentists", "everyone", "everybody", "friends", "relatives", "sufferers", "caregivers",
)

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


def use_to(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Find "use to" meaning a past habit after a subject ("Scientists use to believe ...").

    Reported only when a subject opens a clause right before "use to" and the next verb fits it: a
    habit verb from ``options['verbs']`` after a personal pronoun or a plural noun for people
    (``options['people']``), a state verb from ``options['state-verbs']`` ("be", "have") after "it"
    or another plural noun. Anything before the subject other than a clause boundary suggests an
    object gap ("the drugs doctors use to treat pain", "what you use to clean it"), and an auxiliary
    before "use" ("can use to", "do you use to") means "use" is the bare verb; both are left alone.
    The suggestion is "used to".
    """
    verbs = _words(options, "verbs", _HABIT_VERBS)
    state_verbs = _words(options, "state-verbs", _STATE_VERBS)
    people = _words(options, "people", _PEOPLE)
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


_BE_GET = (
    "am", "is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "gotten",
    "getting", "become", "becomes", "became", "becoming",
)
_BE_USE_TO = re.compile(
    # "'s" only after he/she: "the drug's use to ..." is the noun "use" after a possessive.
    r"(?:\b(?:" + _alternation(_BE_GET) + r")|(?<=[A-Za-z])" + _APOS + r"(?:m|re)|\b(?:he|she)" + _APOS + "s)"
    r"(?:\s+(?:not|never|so|very|quite|really|totally|all|just|already|still|pretty|\w+ly))?"
    r"\s+(use)\s+(to)\b",
    _FLAGS,
)


def be_use_to(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Find a form of *be* or *get* followed by "use to" ("you will get use to it", "I am use to it").

    Whether it means "accustomed to" or the passive "can be used to treat", the past participle
    "used" is the only correct form, so the fix is certain.
    """
    text = unit.text
    for m in _BE_USE_TO.finditer(text):
        yield _hit(text, m.start(1), m.end(2), "used to")


# Words that, directly before "used to", make it the passive or adjectival "used" ("did get used to").
_NOT_SUBJECT_BEFORE_USED = frozenset({
    "get", "got", "become", "became", "grow", "grew", "be", "been", "being", "feel", "seem", "was",
    "were", "is", "are", "who", "which", "that", "gets", "getting",
})
_DID_USED_TO = re.compile(
    r"\b(?:did|didn" + _APOS + r"t|didnt|did\s+not)\s+((?:[A-Za-z]+\s+){0,2}?)(used)\s+(to)\b",
    _FLAGS,
)


def did_used_to(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Find "did/didn't (+ subject) used to", where the bare form "use to" is required.

    Up to two words may stand between ("did your mother used to"); the hit is skipped when the word
    just before "used" makes it a participle ("did get used to", "did the drugs that were used to").
    """
    text = unit.text
    for m in _DID_USED_TO.finditer(text):
        between = m.group(1).split()
        if between and between[-1].lower() in _NOT_SUBJECT_BEFORE_USED:
            continue
        yield _hit(text, m.start(2), m.end(3), "use to")


# --------------------------------------------------------------------------------------------------
# Fixed-phrase slips (SP002, SP003, SP006 - SP009)
# --------------------------------------------------------------------------------------------------

_MODAL_OF = re.compile(
    r"\b((?:could|should|would|must|might)(?:n" + _APOS + r"t|nt)?)\s+of\b"
    # "could of course", "might of late", "must of necessity", "would of itself": "of" starts a phrase.
    r"(?!\s+(?:course|late|old|necessity|itself|themselves|himself|herself|all\b|which\b))",
    _FLAGS,
)


def modal_of(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Find "could/should/would/must/might of" written for "... have" ("could of been avoided")."""
    text = unit.text
    for m in _MODAL_OF.finditer(text):
        modal = m.group(1)
        have = "HAVE" if modal.isupper() else "have"
        yield Hit(start=m.start(), end=m.end(), match=m.group(0), suggestion=f"{modal} {have}")


_ALOT = re.compile(r"\balot\b|\ballot(?=\s+of\b)", _FLAGS)


def alot(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Find "alot" and "allot of" written for "a lot" ("allot" alone is a real verb and is kept)."""
    text = unit.text
    yield from _swap_all(text, _ALOT, "a lot")


_IRREGARDLESS = re.compile(r"\birregardless\b", _FLAGS)


def irregardless(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Find the non-standard "irregardless"; "regardless" says the same thing."""
    text = unit.text
    yield from _swap_all(text, _IRREGARDLESS, "regardless")


_INTENSIVE = re.compile(r"\b(?:for|to)\s+all\s+(intensive\s+purposes)\b", _FLAGS)


def intensive_purposes(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Find the mishearing "for all intensive purposes" ("for all intents and purposes")."""
    text = unit.text
    yield from _swap_all(text, _INTENSIVE, "intents and purposes", 1)


# "per say 100 tablets" would be a rate with "say" meaning "for example"; a number on either side
# means that reading, so only the Latin-phrase shape is reported.
_PER_SAY = re.compile(r"(?<![\d$\u00a3\u20ac%]\s)\bper\s+say\b(?!,?\s+(?:\d|about|around|roughly))", _FLAGS)


def per_say(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Find "per say" written for the Latin "per se" ("not a disease per say")."""
    text = unit.text
    yield from _swap_all(text, _PER_SAY, "per se")


_SUPPOSABLY = re.compile(r"\b(supposably)\b(?=\s*,|\s+[a-z])", _FLAGS)
# After a modal or a negation, "supposably" is the rare real word meaning "conceivably".
_SUPPOSABLY_GUARD = re.compile(
    r"\b(?:can|could|may|might|would|not|hardly|scarcely)\s+$", _FLAGS
)


def supposably(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Find "supposably" used for "supposedly" before a verb, adjective or comma.

    "Supposably" is a rare real word ("conceivably"); after a modal or "not" it is left alone, and the
    rule is only informational.
    """
    text = unit.text
    for m in _SUPPOSABLY.finditer(text):
        if _SUPPOSABLY_GUARD.search(text[: m.start()]):
            continue
        yield _hit(text, m.start(1), m.end(1), "supposedly")


# --------------------------------------------------------------------------------------------------
# Confusable pairs (SP010 - SP017)
# --------------------------------------------------------------------------------------------------

_POSSESSIVES = r"(?:your|their|his|her|my|our|its)"
# "loose" + an object that cannot follow the adjective: "loose weight", "loose 10 pounds",
# "loose your hair", "loose consciousness".
_LOOSE = re.compile(
    r"\b(loos(?:e|es|ing))\s+(?=(?:weight|consciousness|" + _POSSESSIVES + r"|"
    r"(?:\d+|a\s+few|some|a\s+lot\s+of|more|excess|extra|the|that|any)\s+(?:[a-z]+\s+)?"
    r"(?:pounds|kilos|kilograms|lbs|kg|weight)\b"
    r")\b)",
    _FLAGS,
)
# An article or adjective-taking word before "loose" makes it the adjective ("a loose weight belt").
# "let loose", "break loose", "cut loose" are idioms where "loose" is right before any object.
_LOOSE_GUARD = re.compile(
    r"\b(?:a|the|too|very|so|more|less|and|or|let|lets|letting|cut|cuts|break|breaks|broke|broken|"
    r"turn|turned|set|sets|hang|hanging|shake|shook|work|worked|worked|pull|pulled|come|came|"
    r"tear|tore|run|ran|hold|held)\s+$",
    _FLAGS,
)


def loose_lose(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Find "loose" written for the verb "lose" ("loose weight", "loose your hair").

    Only objects that the adjective cannot modify trigger it, so the medical phrases "loose stools",
    "loose skin" and "loose joints" are never reported.
    """
    text = unit.text
    for m in _LOOSE.finditer(text):
        if _LOOSE_GUARD.search(text[: m.start()]):
            continue
        word = m.group(1).lower()
        fixed = {"loose": "lose", "looses": "loses", "loosing": "losing"}[word]
        yield _hit(text, m.start(1), m.end(1), fixed)


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


def then_than(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Find "then" written for "than" after a comparative ("more then 5 days", "rather then").

    A comma between the words, a preceding "and/or/each/the", or a conditional clause earlier in the
    sentence ("if it gets worse then ...") keep "then"; a number right after "then" overrides the
    conditional guard, since "worse then 2" has no other reading.
    """
    text = unit.text
    for m in _THEN.finditer(text):
        before = text[: m.start()]
        if _THEN_GUARD.search(before):
            continue
        comparative = m.group(1).lower()
        if comparative not in {"rather", "other"} and _CONDITIONAL.search(before):
            if not _NUMBER_AFTER.match(text, m.end()):
                continue
        yield _hit(text, m.start(2), m.end(2), "than")


_SIDE_AFFECTS = re.compile(r"\b(side)([\s-]+)(affect)(s?)\b", _FLAGS)


def side_affects(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Find "side affect(s)", always a slip for "side effect(s)"."""
    text = unit.text
    yield from _swap_all(text, _SIDE_AFFECTS, "effect", 3)


# "affect" as a noun in a cause-and-result frame: "the affect of X on Y", "an affect on".
_AFFECT_NOUN = re.compile(
    r"\b(?:an|no|any|little|much|some|adverse|significant|major|direct|lasting|big|huge|great|"
    r"serious|harmful|beneficial|real|strong|small|profound|protective|similar|opposite|"
    r"long-term|short-term)\s+(affect)\s+(?:on|upon)\b"
    # "an affect on the face", "affect on examination": where the emotion is seen, not a result.
    r"(?!\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:face|faces|examination|exam|admission|assessment)\b)"
    r"|\b(?:the)\s+(affect)\s+(?=of\b[^.;]*?\b(?:on|upon)\b)",
    _FLAGS,
)
# In psychiatry "affect" is a noun for displayed emotion ("flat affect", "the affect of a patient").
_AFFECT_GUARD = re.compile(r"\b(?:flat|blunted|blunt|restricted|constricted|labile|inappropriate|"
                           r"euthymic|mood|emotional|psychiatric)\b", _FLAGS)


def affect_effect(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Find the noun "affect" written for "effect" ("has an affect on", "the affect of X on Y").

    A sentence that also uses psychiatric vocabulary ("flat", "blunted", "mood") is skipped, since
    there "affect" is the correct noun for displayed emotion.
    """
    text = unit.text
    if _AFFECT_GUARD.search(text):
        return
    for m in _AFFECT_NOUN.finditer(text):
        group = 1 if m.group(1) is not None else 2
        yield _hit(text, m.start(group), m.end(group), "effect")


_ITS_OWN = re.compile(r"\b(it" + _APOS + r"s)\s+own\b", _FLAGS)
# Possessive "its" cannot be followed by an article or "been"; lower-case "a" avoids "its A1C".
_ITS_ARTICLE = re.compile(r"\b([Ii]ts)\s+(?=(?:an?|been)\s+[a-z])")
_ITS_NOT_START = re.compile(r"(?:^|(?<=[.!?]\s))(Its)\s+(?=not\s)")


def its_its(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Find "it's own" (for "its own") and "its a/an/been", "Its not ..." (for "it's").

    Only shapes with a single reading are reported: a possessive never precedes an article or
    "been", and "it is own" is never English. "its time" and the like are ambiguous and skipped.
    """
    text = unit.text
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


def your_youre(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Find "your" written for "you're" where "your" cannot be possessive ("your welcome.").

    Matching is case-sensitive after "your" so that acronyms ("your A1C") never look like articles.
    """
    text = unit.text
    yield from _swap_all(text, _YOUR, "you're", 1)


_THEIR_BE = re.compile(r"\b(their)\s+(?=(?:is|are|was|were)\b(?!\s*[-'\u2019\"]))", _FLAGS)
_THERE_OWN = re.compile(r"\b(there|they" + _APOS + r"re)\s+own\b", _FLAGS)


def their_there(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Find "their is/are/was/were" (for "there") and "there/they're own" (for "their own")."""
    text = unit.text
    yield from _swap_all(text, _THEIR_BE, "there", 1)
    yield from _swap_all(text, _THERE_OWN, "their", 1)


_WHOSE = re.compile(r"\b(whose)\s+(?=been\b|going\s+to\b|gonna\b)", _FLAGS)


def whose_whos(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Find "whose" written for "who's" before "been" or "going to" ("anyone whose been exposed")."""
    text = unit.text
    yield from _swap_all(text, _WHOSE, "who's", 1)


# --------------------------------------------------------------------------------------------------
# Health sound-alikes (SP018 - SP020)
# --------------------------------------------------------------------------------------------------

_PROSTATE_NOUNS = (
    "cancer", "cancers", "gland", "glands", "exam", "exams", "examination", "examinations", "biopsy",
    "biopsies", "specific", "enlargement", "surgery", "problem", "problems", "health", "tumor",
    "tumors", "tumour", "tumours", "tissue", "cell", "cells", "screening", "infection", "infections",
    "massage", "removal", "size", "volume", "MRI", "PSA", "disease", "diseases", "gland's",
)
_PROSTRATE = re.compile(
    r"\b(prostrate)\s+(?=(?:"
    + _alternation(_PROSTATE_NOUNS) + r")\b)"
    r"|(?<=\benlarged\s)(prostrate)\b",
    _FLAGS,
)


def prostrate_prostate(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Find "prostrate" (lying face down) written for the gland "prostate" ("prostrate cancer")."""
    text = unit.text
    for m in _PROSTRATE.finditer(text):
        group = 1 if m.group(1) is not None else 2
        yield _hit(text, m.start(group), m.end(group), "prostate")


_PERSCRI = re.compile(r"\b(per)(scri(?:ptions?|bed|bes|bing|ber|bers|be|ptive))\b", _FLAGS)


def perscription(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Find "perscription", "perscribe(d)" and kin, written for "prescription", "prescribe(d)"."""
    text = unit.text
    for m in _PERSCRI.finditer(text):
        yield _hit(text, m.start(), m.end(), "pre" + m.group(2).lower())


# "mucous" is the adjective (mucous membrane, mucous glands); as a noun it must be "mucus". It is
# reported only where the next word cannot be a noun it modifies - a preposition, a verb, closing
# punctuation or the end - or right after "cough(ing) up" / "bring up" ("cough up mucous daily").
_MUCOUS_NEXT = (
    "in", "from", "on", "into", "out", "up", "is", "was", "are", "that", "which", "can", "may",
    "builds", "build", "becomes", "comes", "collects", "clogs", "blocks", "forms", "with", "when",
    "to", "at", "makes", "will", "drains", "drips",
)
_MUCOUS_AS_NOUN = re.compile(
    r"\b(mucous)(?=\s*(?:[.!?;:)]|,\s*(?!and\b|or\b)|$)|\s+(?:" + _alternation(_MUCOUS_NEXT) + r")\b)",
    _FLAGS,
)
_MUCOUS_AFTER_UP = re.compile(
    r"(?<=\bup\s)(mucous)\b(?!\s+(?:membranes?|glands?|cells?|layers?|linings?|tissues?)\b)", _FLAGS
)
# "the skin and mucous." / "skin, mucous, and eyes": an adjective in a list of body surfaces with
# "membranes" elided is a different slip, so a preceding "and/or/," cancels the punctuation reading.
_MUCOUS_LIST = re.compile(r"(?:\b(?:and|or)|,)\s*$", _FLAGS)


def mucous_mucus(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Find the adjective "mucous" used as the noun "mucus" ("cough up mucous", "mucous in the stool").

    "Mucous membranes", "mucous glands" and "mucous discharge" are correct and never reported.
    """
    text = unit.text
    seen: set[int] = set()
    for m in _MUCOUS_AS_NOUN.finditer(text):
        after = text[m.end(1):].lstrip()
        ends_phrase = not after or not after[0].isalpha()
        if ends_phrase and _MUCOUS_LIST.search(text[: m.start(1)]):
            continue
        seen.add(m.start(1))
        yield _hit(text, m.start(1), m.end(1), "mucus")
    for m in _MUCOUS_AFTER_UP.finditer(text):
        if m.start(1) not in seen:
            yield _hit(text, m.start(1), m.end(1), "mucus")

