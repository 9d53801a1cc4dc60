"""The ``substitution`` kind: listed words that have a plainer alternative, in any inflected form.

In the spirit of Vale's ``substitution`` check, a rule of this kind is a table of terms and their
alternatives (the plain-language pack, ``rules/plain-language``, is two such tables). The table is data
in the rule file, not code, so that editors review it in diffs:

- ``words``: term -> alternatives, matched exactly as written (adjectives, adverbs, fixed phrases:
  "renal", "prior to", "myocardial infarction");
- ``nouns``: singular term -> alternatives; the plural is matched too ("lesions") and the last word of
  the suggestion is made plural to agree ("sores");
- ``verbs``: base form -> alternatives; -s, -ed and -ing forms are matched too ("administered") and
  the first word of the suggestion is inflected to agree ("given", "gave");
- ``keep``: phrases in which a term is part of a name and is left alone ("cardiac arrest").

A hit is a suggestion, never a safe fix: a plain word can shift the meaning, and the writer decides.
A term is not reported where the sentence already explains it: a gloss in parentheses right after it
("edema (swelling)"), the term in parentheses right after its plain form ("swelling (edema)"), an
appositive ("edema, or swelling"), or one of its alternatives anywhere in the sentence. Only the first
occurrence of a term in a sentence is reported.

The matcher (one compiled alternation of every surface form, plus a form -> entry table) is built once
per rule, when the rule file is loaded (``prepare``): the pack runs over millions of words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from contentlint.kinds.base import OptionError, Scope, allow_keys
from contentlint.kinds.inflect import (
    BASE,
    ING,
    PAST,
    PLURAL,
    THIRD,
    inflect_noun,
    inflect_verb,
    noun_forms,
    verb_forms,
)
from contentlint.model.finding import Hit, Unit

__all__ = ["Entry", "Matcher", "SubstitutionKind", "build_matcher", "scan"]

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
# Building the matcher
# --------------------------------------------------------------------------------------------------


def _entries(options: Mapping[str, Any]) -> Iterator[Entry]:
    """Yield the entries of the rule's ``words``, ``nouns`` and ``verbs`` mappings, in that order."""
    for cls in ("words", "nouns", "verbs"):
        table = options.get(cls) or {}
        for term, alternatives in table.items():
            alts = (alternatives,) if isinstance(alternatives, str) else tuple(alternatives)
            yield Entry(term=" ".join(str(term).lower().split()), cls=cls,
                        alternatives=tuple(str(a) for a in alts))


def _phrase_regex(phrase: str) -> str:
    """Return a regex for ``phrase`` in which any run of whitespace separates its words."""
    return r"\s+".join(re.escape(word) for word in phrase.split())


def _trie_regex(phrases: Iterable[str]) -> str:
    """Return one regex for ``phrases`` with shared prefixes factored out ("rena(?:l|...)").

    A flat alternation of hundreds of words makes ``re`` try every branch at every position; the trie
    form tries each first letter once, which makes the scan several times faster. Whitespace inside a
    phrase matches any run of whitespace. Longer continuations are tried before a word may end, so the
    longest form wins ("lesions" over "lesion", "myocardial infarction" over "myocardial").
    """
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        branches = []
        for char in sorted(k for k in node if k):
            piece = r"\s+" if char == " " else re.escape(char)
            branches.append(piece + render(node[char]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"  # the phrase may end here; the greedy ? tries the longer form first
        return body

    return render(trie)


def build_matcher(options: Mapping[str, Any]) -> Matcher:
    """Compile the alternation of every surface form of every entry in ``options``.

    An explicit ``words`` entry wins over a form generated from ``nouns`` or ``verbs``; longer forms
    are tried first so that "myocardial infarction" beats any entry for "infarction".
    """
    forms: dict[str, tuple[Entry, str]] = {}
    alternative_res: dict[str, re.Pattern[str]] = {}
    for entry in _entries(options):
        if entry.cls == "nouns":
            generated = noun_forms(entry.term)
        elif entry.cls == "verbs":
            generated = verb_forms(entry.term)
        else:
            generated = {entry.term: BASE}
        for form, tag in generated.items():
            forms.setdefault(form, (entry, tag))
        # An alternative already in the sentence (in any common inflection) counts as an explanation.
        alt_forms: set[str] = set()
        # Short one-word alternatives ("to", "use", "cut") occur everywhere for other reasons, so only
        # phrases and longer words count as the sentence already saying it plainly.
        for alt in (a for a in entry.alternatives if " " in a.strip() or len(a) >= 5):
            alt_forms.add(alt.lower())
            alt_forms.add(inflect_noun(alt.lower(), PLURAL))
            if entry.cls == "verbs":
                alt_forms |= {inflect_verb(alt.lower(), tag, p) for tag in (THIRD, PAST, ING) for p in (False, True)}
        if not alt_forms:
            continue
        alternative_res[entry.term] = re.compile(
            r"(?<![\w-])(?:" + "|".join(_phrase_regex(a) for a in sorted(alt_forms, key=len, reverse=True))
            + r")(?![\w-])", re.IGNORECASE)
    alternation = _trie_regex(forms)
    # Not inside a hyphenated compound ("non-renal", "edema-like"): those are fixed technical words.
    regex = re.compile(r"(?<![\w-])(?:" + alternation + r")(?![\w-])", re.IGNORECASE)
    keep_phrases = [str(k) for k in options.get("keep") or ()]
    keep = (re.compile(r"(?<![\w-])(?:" + "|".join(_phrase_regex(k) for k in keep_phrases) + r")(?![\w-])",
                       re.IGNORECASE) if keep_phrases else None)
    return Matcher(regex=regex, forms=forms, keep=keep, alternative_res=alternative_res)


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


def _spans(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
    """Return the spans of every match of ``pattern`` in ``text`` (none when there is no pattern)."""
    return [m.span() for m in pattern.finditer(text)] if pattern is not None else []


# --------------------------------------------------------------------------------------------------
# The rule entry
# --------------------------------------------------------------------------------------------------


def scan(text: str, matcher: Matcher) -> Iterator[Hit]:
    """Suggest an everyday alternative for the first use of each listed term in ``text``.

    The suggestion is the first alternative, inflected and capitalised like the match; the hit's data
    carries the term (``term``) and every alternative (``alternatives``).
    """
    if _list_like(text):
        return
    keep_spans: list[tuple[int, int]] | None = None
    seen: set[str] = set()
    for m in matcher.regex.finditer(text):
        match = m.group(0)
        entry, tag = matcher.forms[" ".join(match.lower().split())]
        if entry.term in seen:
            continue
        start, end = m.span()
        if _name_or_shouting(text, start, match):
            continue
        if keep_spans is None:
            keep_spans = _spans(matcher.keep, text)
        if any(s <= start and end <= e for s, e in keep_spans):
            continue
        if _technical_neighbour(text, start, end, entry, tag):
            continue
        seen.add(entry.term)
        if _explained(text, start, end, entry, matcher):
            continue
        yield Hit(
            start=start, end=end, match=match,
            suggestion=_suggestion(text, start, match, entry, tag),
            data={"term": entry.term, "alternatives": _join(entry.alternatives)},
        )


def _join(alternatives: Iterable[str]) -> str:
    """Return alternatives as prose: "a", "a or b", "a, b or c"."""
    items = list(alternatives)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


def _table(options: Mapping[str, Any], key: str) -> None:
    """Check that ``options[key]`` maps lower-case terms to a string or a list of alternatives."""
    table = options.get(key)
    if table is None:
        return
    if not isinstance(table, dict):
        raise OptionError(key, "must map terms to their alternatives")
    for term, alternatives in table.items():
        if not isinstance(term, str) or not term.strip():
            raise OptionError(key, f"{term!r}: a term is a non-empty string")
        alts = [alternatives] if isinstance(alternatives, str) else alternatives
        if not isinstance(alts, list) or not alts or not all(isinstance(a, str) and a.strip() for a in alts):
            raise OptionError(key, f"{term!r}: give one or more alternatives (strings)")


class SubstitutionKind:
    """Reports the first use of each listed term in a unit, with its plain alternative as suggestion."""

    scopes = frozenset({Scope.SENTENCE, Scope.BLOCK})

    def prepare(self, options: Mapping[str, Any]) -> Matcher:
        """Validate the ``words``, ``nouns``, ``verbs`` and ``keep`` options and build the matcher once."""
        allow_keys(options, {"words", "nouns", "verbs", "keep"})
        for key in ("words", "nouns", "verbs"):
            _table(options, key)
        keep = options.get("keep", [])
        if not isinstance(keep, list) or not all(isinstance(k, str) for k in keep):
            raise OptionError("keep", "must be a list of phrases")
        if not any(options.get(key) for key in ("words", "nouns", "verbs")):
            raise OptionError("words", "give at least one of `words`, `nouns` or `verbs`")
        return build_matcher(options)

    def check(self, unit: Unit, prepared: Matcher) -> Iterator[Hit]:
        """Yield the unit's substitutions (see ``scan``)."""
        return scan(unit.text, prepared)
