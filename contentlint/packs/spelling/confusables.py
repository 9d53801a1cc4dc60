"""Confusable-word slips decided by part-of-speech tags: its/it's, your/you're, their/there, then/than.

The string rules in :mod:`contentlint.packs.spelling.slips` only report shapes with a single reading ("its
a", "your welcome."), and stop where the next word's word class would decide. These versions read the
tags of the *neighbouring* words from the shipped tagger (:mod:`contentlint.language.syntax`), never the tag of
the confusable itself: a tagger trained on edited text tags a misspelt "your" as a possessive whatever
follows, but still tags the verb after it as a verb.

Each function has the python-kind signature ``(unit, options) -> Iterator[Hit]`` and only tags
sentences that contain the confusable word, so a run pays for the tagger on a small share of
sentences. They are measured against the string rules by ``bench/confusables_eval.py``; no rule file
points at them yet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from contentlint.model.finding import Hit, Unit

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["its_its", "their_there", "then_than", "your_youre"]

_APOS = "['\u2019]"
_TRIGGER = re.compile(r"\b(?:its|it" + _APOS + r"s|your|you" + _APOS + r"re|their|there|then)\b", re.IGNORECASE)

# Verb tags that a possessive can never be followed by directly (gerunds, VBG, can: "your smoking").
_FINITE_OR_BASE = {"VB", "VBD", "VBP", "VBZ", "MD"}
_BE_FORMS = {"is", "are", "was", "were", "'s", "’s", "isn't", "aren't", "wasn't", "weren't"}


@lru_cache(maxsize=4096)
def _tagged(text: str) -> Doc:
    """Tag one sentence once (rules and the bench call this for the same sentence repeatedly)."""
    from contentlint.language import syntax  # lazy: spaCy's tagger loads on first use, not at start-up

    return syntax.tag([text])[0]


def _hit(token: Token, replacement: str) -> Hit:
    """A hit on ``token`` keeping its initial capital in the suggestion."""
    text = token.text
    suggestion = replacement[:1].upper() + replacement[1:] if text[:1].isupper() else replacement
    return Hit(start=token.idx, end=token.idx + len(text), match=text, suggestion=suggestion)


def _next(doc: Doc, i: int, skip_adverbs: bool = False) -> Token | None:
    """The token after ``doc[i]``, optionally past adverbs ("your not", "their really")."""
    j = i + 1
    while skip_adverbs and j < len(doc) and doc[j].tag_ in {"RB", "RBR", "RBS"} and doc[j].lower_ != "not":
        j += 1
    return doc[j] if j < len(doc) else None


def _doc(unit: Unit, word: re.Pattern[str]) -> Doc | None:
    """The tagged sentence when it contains ``word``, else ``None`` (no tagging cost)."""
    if not word.search(unit.text):
        return None
    return _tagged(unit.text)


_ITS_ANY = re.compile(r"\bit(?:s|" + _APOS + r"s)\b", re.IGNORECASE)


def its_its(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """"its" before a verb, article or "not" (for "it's"); "it's" before noun + verb (for "its").

    spaCy splits "it's" into "it" + "'s"; the pair is read as one word here.
    """
    doc = _doc(unit, _ITS_ANY)
    if doc is None:
        return
    for i, token in enumerate(doc):
        low = token.lower_
        if low == "its":
            nxt = _next(doc, i)
            if nxt is None:
                continue
            # A possessive never precedes a finite verb, an article or "not": "its a", "its not",
            # "its been"; VBN alone is ambiguous ("its licensed uses"), so only "been".
            if nxt.tag_ in _FINITE_OR_BASE or nxt.lower_ in {"a", "an", "not", "been", "the"}:
                yield _hit(token, "it's")
            elif _modifier_without_noun(doc, nxt):
                # "its important to", "its given before", "its getting harder": after a possessive
                # an adjective, participle or gerund must lead to a noun.
                yield _hit(token, "it's")
        elif low == "it" and i + 1 < len(doc) and doc[i + 1].lower_ in {"'s", "’s"}:
            # "it's own", "it's color is": a noun (optionally after adjectives) followed by a verb.
            j = i + 2
            if j < len(doc) and doc[j].lower_ == "own":
                yield Hit(token.idx, doc[i + 1].idx + len(doc[i + 1].text), token.text + doc[i + 1].text, "its")
                continue
            while j < len(doc) and doc[j].tag_ in {"JJ", "JJR", "JJS"}:
                j += 1
            # "with it's thick wall": "it is" never follows a preposition, a possessive always may.
            after_preposition = i > 0 and doc[i - 1].pos_ == "ADP" and j < len(doc) and doc[j].tag_ in {"NN", "NNS"}
            if after_preposition or (
                    j + 1 < len(doc) and doc[j].tag_ in {"NN", "NNS"} and doc[j + 1].tag_ in {"VBZ", "VBP", "VBD", "MD"}
                    and doc[i + 2].lower_ != "time"):
                yield Hit(token.idx, doc[i + 1].idx + len(doc[i + 1].text), token.text + doc[i + 1].text, "its")


_YOUR_ANY = re.compile(r"\byour\b", re.IGNORECASE)


def your_youre(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """"your" before a verb, an article, "not" + adjective, or a sentence-final adjective (for "you're")."""
    doc = _doc(unit, _YOUR_ANY)
    if doc is None:
        return
    for i, token in enumerate(doc):
        if token.lower_ != "your":
            continue
        nxt = _next(doc, i, skip_adverbs=True)
        if nxt is None:
            continue
        after = _next(doc, nxt.i)
        ends = after is None or after.is_punct
        if nxt.lower_ in {"a", "an", "the"} or nxt.tag_ in {"VBD", "VBZ", "MD"} or (
                nxt.lower_ == "not" and after is not None and after.tag_ in {"JJ", "VBN", "RB", "IN", "DT"}):
            yield _hit(token, "you're")
        elif nxt.tag_ == "VBG" and after is not None and after.tag_ in {"TO", "DT", "PRP", "RB", "IN", "PRP$"}:
            # "your going to need", "your taking the" — a possessive gerund takes no object article
            # as often as this; guard the common fixed phrases.
            following = _next(doc, after.i)
            if not (after.tag_ == "TO" and following is not None and following.tag_ in {"NN", "NNS", "DT"}):
                yield _hit(token, "you're")
        elif nxt.lower_ != "own" and ((nxt.tag_ in {"JJ", "VBN"} and ends) or _modifier_without_noun(doc, nxt)):
            # "if your sure.", "your likely to", "your worried about": a possessive needs a noun
            # after the adjective.
            yield _hit(token, "you're")


_THEIR_ANY = re.compile(r"\b(?:their|there|they" + _APOS + r"re)\b", re.IGNORECASE)


def their_there(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """"their" before a form of "be" or a modal (for "there"); "there" before a noun phrase's noun that
    heads a clause ("there children are", for "their"); "there/they're own" (for "their own")."""
    doc = _doc(unit, _THEIR_ANY)
    if doc is None:
        return
    for i, token in enumerate(doc):
        low = token.lower_
        nxt = _next(doc, i)
        if nxt is None:
            continue
        if low == "their":
            if nxt.lower_ in _BE_FORMS or nxt.tag_ == "MD" or nxt.lower_ in {"has", "have", "had"}:
                yield _hit(token, "there")
        elif low == "there":
            if nxt.lower_ == "own":
                yield _hit(token, "their")
                continue
            # The tagger itself reads "keep there children" as a possessive (PRP$): the determiner
            # slot before a noun is a stronger cue than the spelling.
            if token.tag_ == "PRP$" and nxt.tag_ in {"NN", "NNS", "JJ"}:
                yield _hit(token, "their")
                continue
            prev = doc[i - 1] if i else None
            # Existential or locative "there" follows "be" in questions ("Is there water?") and
            # ends phrases ("go there"); only "there" + (adjectives) noun + verb reads as possessive.
            if prev is not None and (prev.lower_ in _BE_FORMS
                                     or prev.tag_ in {"VB", "VBD", "VBP", "VBZ", "MD", "IN", "RB"}):
                continue
            j = i + 1
            while j < len(doc) and doc[j].tag_ in {"JJ", "JJR", "JJS"}:
                j += 1
            if j + 1 < len(doc) and doc[j].tag_ in {"NN", "NNS"} and doc[j + 1].tag_ in {"VBZ", "VBP", "VBD", "MD"}:
                yield _hit(token, "their")
        elif low == "they" and nxt.lower_ in {"'re", "’re"}:
            after = _next(doc, nxt.i)
            if after is not None and after.lower_ == "own":
                yield Hit(token.idx, nxt.idx + len(nxt.text), token.text + nxt.text, "their")


_THEN_ANY = re.compile(r"\bthen\b", re.IGNORECASE)
_COMPARATIVE_WORDS = {"rather", "other", "more", "less", "fewer", "better", "worse", "older", "younger"}


def then_than(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """"then" right after a comparative (JJR/RBR, "rather", "other") and not before a verb (for "than").

    "if it gets worse then call" keeps "then": an imperative or a subject + verb follows; "more then
    4 tablets" does not.
    """
    doc = _doc(unit, _THEN_ANY)
    if doc is None:
        return
    conditional = False
    for i, token in enumerate(doc):
        if token.lower_ in _CONDITIONALS:
            conditional = True
        if token.lower_ != "then" or i == 0:
            continue
        if not _after_comparative(doc, i):
            continue
        nxt = _next(doc, i)
        if nxt is None or nxt.is_punct:
            continue
        # A verb (imperative) after "then" starts the next step of a sequence; so does a pronoun
        # subject after a conditional ("if you feel better then you can stop").
        if nxt.tag_ in {"VB", "VBP", "VBZ", "VBD", "MD"}:
            continue
        if conditional and nxt.tag_ == "PRP" and nxt.lower_ not in {"me", "him", "her", "us", "them"}:
            continue
        yield _hit(token, "than")


_CONDITIONALS = {"if", "when", "whenever", "once", "until", "unless", "after", "before"}


def _after_comparative(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` follows a comparative: right after it, or after "more/less X" ("more
    slowly then", "more fibre then")."""
    prev = doc[i - 1]
    if prev.tag_ in {"JJR", "RBR"} or prev.lower_ in _COMPARATIVE_WORDS:
        return True
    if i >= 2 and doc[i - 2].lower_ in {"more", "less", "fewer"} and prev.tag_ in {"RB", "NN", "NNS", "JJ"}:
        return True
    return False


def _modifier_without_noun(doc: Doc, word: Token) -> bool:
    """Whether ``word`` (after a possessive) is an adjective/participle/gerund not leading to a noun.

    "its important to", "your worried about", "its getting harder": the word after is "to", a
    preposition, an adverb/comparative or the end of the sentence, never a noun or another modifier.
    """
    if word.tag_ not in {"JJ", "VBN", "VBG"} or word.lower_ in {"own", "very"}:
        return False
    after = _next(doc, word.i)
    if after is None or after.is_punct:
        return word.tag_ != "VBG"
    if word.tag_ == "VBG":
        return after.tag_ in {"JJR", "RBR", "RB"}
    return after.tag_ in {"TO", "IN"} and after.lower_ not in {"of", "that"}
