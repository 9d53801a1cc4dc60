"""The context guards of the ``substitution`` kind: when a curated term is explained, part of a
name or of a technical phrase, and how its plain alternative is inflected and capitalised.

Split from :mod:`contentlint.kinds.substitution` (which builds the matcher and scans); the values
``Entry`` and ``Matcher`` live here because the guards read them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from contentlint.kinds.inflect import ING, PAST, inflect_noun, inflect_verb

# Words before an -ed form that make it a participle ("was given", "a broken hip"), not a past tense.
_PARTICIPLE_CUES = frozenset({
    "be", "been", "being", "is", "are", "was", "were", "am", "get", "gets", "got", "gotten", "getting",
    "has", "have", "had", "having", "a", "an", "the", "his", "her", "their", "your", "my", "our", "its",
    "this", "that", "these", "those", "not", "newly", "recently", "already", "often", "usually",
})

# Before a term, these show its plain form has just been given: "swelling, also called edema".
_NAMED_BEFORE = re.compile(
    r"(?:\balso\s+called|\balso\s+known\s+as|\bknown\s+as|\bcalled|\btermed|\bmedically|"
    r"\bthe\s+medical\s+(?:term|name)(?:\s+for\s+(?:this|it))?(?:\s+is)?|\bdoctors\s+call\s+(?:this|it))"
    r"\s*[,:]?\s*[\"\u201c\u2018']?$",
    re.IGNORECASE,
)
# After a term, these introduce its explanation: "edema, also called swelling" / "edema - that is, ...".
# A bare "or" is left out before and after: "diabetes, stroke, or hypertension" is a list. "Edema, or
# swelling" is still recognised, because the alternative itself is then in the sentence.
_GLOSS_AFTER = re.compile(
    r"[\"\u201d\u2019']?\s*(?:,|\u2014|\u2013|\s-)\s*(?:also\s+called|also\s+known\s+as|known\s+as|"
    r"meaning|which\s+means|that\s+is|i\.\s?e\.)\b",
    re.IGNORECASE,
)
# Inside parentheses, before the term: "(also called hypertension)".
_PAREN_PREFIX = re.compile(
    r"\(\s*(?:(?:or|also|called|known\s+as|medically|i\.\s?e\.,?|that\s+is,?|the\s+medical\s+term(?:\s+is)?)"
    r"\s+)*$",
    re.IGNORECASE,
)
# After the term, closing its parentheses; an acronym may follow: "(hypertension, HTN)".
_PAREN_CLOSE = re.compile(r"\s*(?:[,;][^()]{0,30})?\)")
# A parenthetical that is a reference, an acronym or a number is not an explanation.
_NOT_GLOSS_START = re.compile(r"\s*(?:see|e\.\s?g\.|cf\.|fig|table|ref)\b", re.IGNORECASE)
_PAREN_AFTER = re.compile(r"\s*\(([^()]{1,120})\)")
_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")
# A capital may start a sentence after these; elsewhere a capitalised term is part of a name.
_SENTENCE_OPENERS = frozenset(".!?:;(\"\u201c\u2018'\u2014\u2013-*\u2022")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\W*$")
# Up to three words after a term, stopping at punctuation: the rest of a possible disease name.
_WORDS_AFTER = re.compile(r"(?:[ \t]+[A-Za-z'\u2019-]+){1,3}")
# Head words of named conditions: "congenital adrenal hyperplasia", "neonatal progeroid syndrome".
_NAME_HEADS = frozenset({
    "syndrome", "syndromes", "deficiency", "hyperplasia", "hypoplasia", "dystrophy", "mellitus", "type",
})
# A flattened list or data table ("Alopecia - Ataxia - Dementia", "Edema 90% Microcephaly 50%") is not
# prose: its items are headwords a reader looks up, so the pack leaves such units alone.
_LIST_SEPARATOR = re.compile(r"\s[-\u2013\u2022]\s")
_PERCENT_ITEM = re.compile(r"\d%")
# A following word with one of these endings is itself a technical term, so "congenital hypothyroidism"
# or "cutaneous mastocytosis" is a disease name: swapping the adjective would not make it plain.
_TECHNICAL_NEXT = re.compile(
    r"(?:osis|oses|itis|emia|aemia|pathy|pathies|plasia|trophy|ectomy|oma|omas|ism|iasis|algia|uria|"
    r"megaly|genesis|lysis|penia|rrhea|rrhoea|dactyly|phaly|cele|ia)$"
)
# A preceding adjective with one of these endings qualifies the term into a named condition or
# structure ("orthostatic hypotension", "vitreous hemorrhage", "cranial sutures").
_TECHNICAL_BEFORE = re.compile(r"(?:al|ic|ac|ar|ous|oid|ary)$")
_NOT_TECHNICAL = frozenset({
    "chronic", "typical", "medical", "physical", "general", "normal", "several", "usual", "serious",
    "various", "previous", "dangerous", "regular", "similar", "particular", "familiar", "surgical",
    "critical", "natural", "total", "mental", "personal", "special", "additional", "original",
    "potential", "actual", "initial", "final", "occasional", "basic", "specific", "public", "classic",
    "major", "minor", "painful", "harmful", "small", "local", "annual", "social", "tropical",
    "clinical", "dental", "oral", "vascular", "genetic", "heart", "dietary", "primary", "secondary",
    "temporary", "necessary", "ordinary", "unusual", "abnormal", "rapid", "frequent",
    # Nouns with the same endings, often the subject before a verb ("the clinic utilizes ...").
    "clinic", "clinics", "hospital", "hospitals", "chemical", "chemicals", "professional",
    "professionals", "individual", "individuals", "official", "officials", "animal", "animals",
    "removal", "trial", "trials", "material", "materials", "interval", "signal", "journal", "manual",
    "epidemic", "panic", "topic", "traffic", "arrival", "approval", "mechanic", "royal", "rural", "legal",
    "moral", "fatal", "vital", "viral", "metal", "petal", "focal",
})


@dataclass(frozen=True, slots=True)
class Entry:
    """One curated term: its key as written in the rule file, its class and its alternatives."""

    term: str
    cls: str  # "words", "nouns" or "verbs"
    alternatives: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Matcher:
    """Everything ``plain_word`` needs for one options object, built once."""

    regex: re.Pattern[str]
    forms: Mapping[str, tuple[Entry, str]]  # normalised surface form -> (entry, inflection tag)
    keep: re.Pattern[str] | None
    alternative_res: Mapping[str, re.Pattern[str]]  # term -> regex finding any alternative


# --------------------------------------------------------------------------------------------------
# Guards
# --------------------------------------------------------------------------------------------------


def _paren_gloss_after(text: str, end: int, entry: Entry) -> bool:
    """Return whether a parenthetical right after ``end`` explains the term ("edema (swelling)").

    It does when it is one of the term's alternatives, however short ("intravenous (IV)"), or prose:
    lower-case words, no digits, and not a cross-reference ("(see below)").
    """
    m = _PAREN_AFTER.match(text, end)
    if not m:
        return False
    inner = m.group(1)
    if inner.strip().lower() in {a.lower() for a in entry.alternatives}:
        return True
    if _NOT_GLOSS_START.match(inner) or any(c.isdigit() for c in inner):
        return False
    return bool(_LOWER_WORD.search(inner))


def _paren_named_after_plain(text: str, start: int, end: int) -> bool:
    """Return whether the term stands in parentheses right after its plain form ("swelling (edema)")."""
    before = text[:start]
    m = _PAREN_PREFIX.search(before)
    if not m or not before[: m.start()].strip():
        return False
    return bool(_PAREN_CLOSE.match(text, end))


def _explained(text: str, start: int, end: int, entry: Entry, matcher: Matcher) -> bool:
    """Return whether the sentence explains the term at ``[start, end)`` or already has a plain form."""
    return (
        _paren_gloss_after(text, end, entry)
        or _paren_named_after_plain(text, start, end)
        or bool(_NAMED_BEFORE.search(text, 0, start))
        or bool(_GLOSS_AFTER.match(text, end))
        or _plain_form_elsewhere(text, start, end, entry, matcher)
    )


def _plain_form_elsewhere(text: str, start: int, end: int, entry: Entry, matcher: Matcher) -> bool:
    """Return whether an alternative of the term occurs in the sentence outside the match itself."""
    regex = matcher.alternative_res.get(entry.term)
    if regex is None:
        return False
    return any(e <= start or s >= end for s, e in (m.span() for m in regex.finditer(text)))


def _name_or_shouting(text: str, start: int, match: str) -> bool:
    """Return whether a match is all capitals or capitalised mid-sentence (part of a proper name)."""
    letters = [c for c in match if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return True
    if not match[:1].isupper():
        return False
    before = text[:start].rstrip()
    return bool(before) and before[-1] not in _SENTENCE_OPENERS


def _technical_neighbour(text: str, start: int, end: int, entry: Entry, tag: str) -> bool:
    """Return whether a neighbouring word makes the match part of a technical name.

    An adjective (a ``words`` entry) followed within three words by a technical noun or the head of a
    disease name ("congenital hypothyroidism", "neonatal progeroid syndrome"), or a noun
    after a technical adjective ("orthostatic hypotension"), names a specific condition; the plain
    swap would give a half-plain hybrid ("low blood pressure" would lose "orthostatic").
    """
    if entry.cls == "words" or tag in (PAST, ING):
        # Participles are adjectives here too: "dilated cardiomyopathy", "disseminated coagulopathy".
        after = _WORDS_AFTER.match(text, end)
        if after is None:
            return False
        following = after.group(0).split()
        if entry.cls == "words" and following[0][:1].isupper():
            return True  # "neurologic Whipple's disease": the adjective is part of a proper name
        return any(w.lower() in _NAME_HEADS or (len(w) >= 7 and _TECHNICAL_NEXT.search(w.lower()))
                   for w in following)
    prev = _WORD_BEFORE.search(text, 0, start)
    if prev is None or text[prev.end(1):start].strip():
        return False  # no word right before (only spaces may stand between)
    word = prev.group(1).lower()
    return len(word) >= 5 and word not in _NOT_TECHNICAL and bool(_TECHNICAL_BEFORE.search(word))


def _list_like(text: str) -> bool:
    """Return whether a unit is a flattened list or data table rather than a sentence of prose."""
    return len(_LIST_SEPARATOR.findall(text)) >= 3 or len(_PERCENT_ITEM.findall(text)) >= 3


def _capitalise(match: str, suggestion: str) -> str:
    """Give ``suggestion`` the capital first letter of ``match`` when it has one."""
    if match[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def _suggestion(text: str, start: int, match: str, entry: Entry, tag: str) -> str:
    """Return the first alternative, inflected to agree with the matched form and capitalised like it."""
    alternative = entry.alternatives[0]
    if entry.cls == "nouns":
        alternative = inflect_noun(alternative, tag)
    elif entry.cls == "verbs":
        previous = _WORD_BEFORE.search(text, 0, start)
        participle = previous is not None and previous.group(1).lower() in _PARTICIPLE_CUES
        alternative = inflect_verb(alternative, tag, participle)
    return _capitalise(match, alternative)
