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
from contentlint.kinds.substitution_guards import (
    Entry,
    Matcher,
    _explained,
    _list_like,
    _name_or_shouting,
    _suggestion,
    _technical_neighbour,
)
from contentlint.model.finding import Hit, Unit

__all__ = ["Entry", "Matcher", "SubstitutionKind", "build_matcher", "scan"]

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
