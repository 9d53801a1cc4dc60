"""Confusable-word slips decided by part-of-speech tags: its/it's, your/you're, their/there, then/than.

The string rules in :mod:`contentlint.packs.spelling.slips` only report shapes with a single reading ("its
a", "your welcome."), and stop where the next word's word class would decide. These versions read the
tags of the *neighbouring* words from the shipped tagger (:mod:`contentlint.language.syntax`), never the tag of
the confusable itself: a tagger trained on edited text tags a misspelt "your" as a possessive whatever
follows, but still tags the verb after it as a verb.

Each function takes one tagged sentence (a spaCy ``Doc`` from ``Unit.tagged()``) and yields the hits
in it; the rule functions of SP011 and SP014-SP016 in :mod:`contentlint.packs.spelling.slips` call
them when the run has syntax and fall back to their string logic when it does not. The tagging
itself is the engine's: it tags only the sentences a rule's ``wants`` matches, once per document.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from contentlint.model.finding import Hit

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["its_hits", "their_hits", "then_hits", "your_hits"]

_APOS = "['\u2019]"

# Verb tags that a possessive can never be followed by directly (gerunds, VBG, can: "your smoking").
_FINITE_OR_BASE = {"VB", "VBD", "VBP", "VBZ", "MD"}
_BE_FORMS = {"is", "are", "was", "were", "'s", "’s", "isn't", "aren't", "wasn't", "weren't"}


def _hit(token: Token, replacement: str) -> Hit:
    """A hit on ``token`` keeping its initial capital in the suggestion."""
    text = token.text
    suggestion = replacement[:1].upper() + replacement[1:] if text[:1].isupper() else replacement
    return Hit(start=token.idx, end=token.idx + len(text), match=text, suggestion=suggestion)


def _pair_hit(doc: Doc, first: Token, second: Token, replacement: str) -> Hit:
    """A hit over two tokens read as one word ("it" + "'s"), matching the text between them exactly."""
    start, end = first.idx, second.idx + len(second.text)
    match = doc.text[start:end]
    suggestion = replacement[:1].upper() + replacement[1:] if match[:1].isupper() else replacement
    return Hit(start=start, end=end, match=match, suggestion=suggestion)


def _next(doc: Doc, i: int, skip_adverbs: bool = False) -> Token | None:
    """The token after ``doc[i]``, optionally past adverbs ("your not", "their really")."""
    j = i + 1
    while skip_adverbs and j < len(doc) and doc[j].tag_ in {"RB", "RBR", "RBS"} and doc[j].lower_ != "not":
        j += 1
    return doc[j] if j < len(doc) else None




def its_hits(doc: Doc) -> Iterator[Hit]:
    """"its" before a verb, article or "not" (for "it's"); "it's" before noun + verb (for "its").

    spaCy splits "it's" into "it" + "'s"; the pair is read as one word here.
    """
    for i, token in enumerate(doc):
        low = token.lower_
        if low == "its":
            nxt = _next(doc, i)
            if nxt is None:
                continue
            # A possessive never precedes a finite verb, an article or "not": "its a", "its not",
            # "its been"; VBN alone is ambiguous ("its licensed uses"), so only "been".
            if not nxt.whitespace_ and nxt.i + 1 < len(doc) and doc[nxt.i + 1].text == "-":
                continue  # "its not-for-profit maker", "its A-level": part of a hyphenated word
            if nxt.tag_ in _FINITE_OR_BASE or nxt.lower_ in {"a", "an", "not", "been", "the"}:
                yield _hit(token, "it's")
            elif (nxt.lower_ == "time" and nxt.i + 2 < len(doc) and doc[nxt.i + 1].lower_ == "to"
                    and doc[nxt.i + 2].tag_ == "VB"):
                # "its time to see a doctor": a possessive "its time" is never followed by "to" + verb.
                yield _hit(token, "it's")
            elif _modifier_without_noun(doc, nxt):
                # "its important to", "its given before", "its getting harder": after a possessive
                # an adjective, participle or gerund must lead to a noun.
                yield _hit(token, "it's")
        elif low == "it" and not token.whitespace_ and i + 1 < len(doc) and doc[i + 1].lower_ in {"'s", "’s"}:
            # "it's own", "it's color is": a noun (optionally after adjectives) followed by a verb.
            j = i + 2
            if j < len(doc) and doc[j].lower_ == "own":
                yield _pair_hit(doc, token, doc[i + 1], "its")
                continue
            while j < len(doc) and doc[j].tag_ in {"JJ", "JJR", "JJS"}:
                j += 1
            # "with it's thick wall": "it is" never follows a preposition, a possessive always may.
            after_preposition = i > 0 and doc[i - 1].pos_ == "ADP" and j < len(doc) and doc[j].tag_ in {"NN", "NNS"}
            if after_preposition or (
                    j + 1 < len(doc) and doc[j].tag_ in {"NN", "NNS"} and doc[j + 1].tag_ in {"VBZ", "VBP", "VBD", "MD"}
                    and doc[i + 2].lower_ != "time"):
                yield _pair_hit(doc, token, doc[i + 1], "its")




def your_hits(doc: Doc) -> Iterator[Hit]:
    """"your" before a verb, an article, "not" + adjective, or a sentence-final adjective (for "you're")."""
    for i, token in enumerate(doc):
        if token.lower_ != "your":
            continue
        nxt = _next(doc, i, skip_adverbs=True)
        if nxt is None:
            continue
        after = _next(doc, nxt.i)
        ends = _ends(after)
        prev = doc[i - 1] if i else None
        # "your" opens a clause: at the start, after punctuation, a coordinator or a subordinator
        # ("if your taking ..."); after a verb or a preposition ("of your taking this medicine",
        # "cause your spleen to swell") it is an object's possessive.
        opens = prev is None or prev.is_punct or prev.tag_ == "CC" or prev.lower_ in _SUBORDINATORS
        if nxt.lower_ in {"a", "an", "the"}:
            yield _hit(token, "you're")
        elif (nxt.tag_ in {"VBD", "VBN"} and nxt.lower_.endswith("ed") and after is not None
                and after.lower_ in {"to", "by", "about", "with"} and opens):
            # "your required to", "your covered by": a participle that leads to no noun.
            yield _hit(token, "you're")
        elif nxt.lower_ == "not" and after is not None and after.tag_ in {"JJ", "VBN", "RB", "IN", "DT"}:
            yield _hit(token, "you're")
        elif (nxt.tag_ == "VBG" and after is not None and opens
                and after.tag_ in {"TO", "DT", "PRP", "RB", "IN", "PRP$"}):
            # "your going to need", "your taking the" — a possessive gerund takes no object article
            # as often as this; guard the common fixed phrases.
            # A finite verb later in the clause makes "your going to bed" the subject ("... helps").
            if _finite_verb_after(doc, after.i):
                continue
            following = _next(doc, after.i)
            if not (after.lower_ == "to" and following is not None and following.tag_ in {"NN", "NNS", "DT"}):
                yield _hit(token, "you're")
        elif (nxt.lower_ != "own" and opens and _looks_predicate(nxt)
                and ((nxt.tag_ in {"JJ", "VBN"} and ends) or _modifier_without_noun(doc, nxt))):
            # "if your sure.", "your likely to", "your worried about": a possessive needs a noun
            # after the adjective.
            yield _hit(token, "you're")
        elif _verbless_clause_after_subordinator(doc, i):
            # "if your allergic to penicillin", "once your home,", "make sure your drinking enough
            # water": after "if/when/once/sure ..." a possessive "your X" would be the clause's
            # subject, so the clause needs a finite verb; without one, "your" is "you're".
            yield _hit(token, "you're")




def their_hits(doc: Doc) -> Iterator[Hit]:
    """"their" before a form of "be" or a modal (for "there"); "there" before a noun phrase's noun that
    heads a clause ("there children are", for "their"); "there/they're own" (for "their own")."""
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
            prev = doc[i - 1] if i else None
            # Existential "there" follows "be" or a modal in questions ("Is there treatment?",
            # "Could there be ..."): never a possessive there, whatever the tagger says.
            if prev is not None and (prev.lower_ in _BE_FORMS or prev.lower_ in {"be", "been", "being"}
                                     or prev.tag_ == "MD"):
                continue
            # The tagger itself reads "keep there children" as a possessive (PRP$): the determiner
            # slot before a noun is a stronger cue than the spelling.
            if token.tag_ == "PRP$" and nxt.tag_ in {"NN", "NNS", "JJ"}:
                yield _hit(token, "their")
                continue
            # Locative "there" ends phrases ("go there"); only "there" + (adjectives) noun + verb
            # reads as possessive.
            if prev is not None and prev.tag_ in {"VB", "VBD", "VBP", "VBZ", "IN", "RB"}:
                continue
            j = i + 1
            while j < len(doc) and doc[j].tag_ in {"JJ", "JJR", "JJS"}:
                j += 1
            if j + 1 < len(doc) and doc[j].tag_ in {"NN", "NNS"} and doc[j + 1].tag_ in {"VBZ", "VBP", "VBD", "MD"}:
                yield _hit(token, "their")
        elif low == "they" and not token.whitespace_ and nxt.lower_ in {"'re", "’re"}:
            after = _next(doc, nxt.i)
            if after is not None and after.lower_ == "own":
                yield _pair_hit(doc, token, nxt, "their")


_COMPARATIVE_WORDS = {"rather", "other", "more", "less", "fewer", "better", "worse", "older", "younger"}


def then_hits(doc: Doc) -> Iterator[Hit]:
    """"then" right after a comparative (JJR/RBR, "rather", "other") and not before a verb (for "than").

    "if it gets worse then call" keeps "then": an imperative or a subject + verb follows; "more then
    4 tablets" does not.
    """
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
    if word.tag_ == "VBN" and (not word.lower_.endswith(("ed", "en", "wn", "t")) or word.lower_.endswith("eed")):
        return False  # "its/your spleen/VBN to swell": a noun the tagger took for a participle
    after = _next(doc, word.i)
    if _ends(after):
        return word.tag_ != "VBG"
    if after is None or after.is_punct:
        return False  # "in its free (unbound) state", "its normal, harmless form": a list goes on
    if word.tag_ == "VBG":
        if after.tag_ in {"JJ", "JJR"}:
            # "its getting harder to breathe", "its getting worse": a participle + adjective that
            # leads to no noun.
            last = _next(doc, after.i)
            return last is None or last.tag_ not in {"NN", "NNS", "NNP", "JJ"}
        return after.tag_ in {"JJR", "RBR", "RB"}
    return after.tag_ in {"TO", "IN"} and after.lower_ not in {"of", "that"}


# Words that open a clause whose subject may follow ("if your ...", "make sure your ...").
_SUBORDINATORS = {"if", "when", "whenever", "once", "unless", "until", "while", "because", "whether",
                  "sure", "though", "although"}
# Words after "your" that read as a predicate ("you're home", "you're pregnant") rather than a noun.
_PREDICATE_WORDS = {"home", "here", "there", "sure", "ready", "done", "able", "unable", "alone", "asleep",
                    "awake", "pregnant", "well", "ok", "okay", "finished", "over", "due"}
_PREDICATE_ENDINGS = ("ing", "ed", "ic", "ous", "ful", "ive", "able", "ible", "ant", "ent", "ly", "sure", "ready")
_PREDICATE_WORDS |= {"sick", "ill", "tired", "late", "early", "right", "wrong", "safe", "fine", "free", "kind",
                     "welcome", "afraid", "aware", "likely", "unlikely", "old", "older", "young", "younger",
                     "better", "worse", "busy", "full", "hungry", "thirsty", "dizzy", "sorry", "glad", "happy"}
_SENTENCE_END = {".", "!", "?", ";", ":"}


def _ends(token: Token | None) -> bool:
    """Whether ``token`` ends the sentence or a clause for good (end, ``. ! ? ; :``), not a list comma."""
    return token is None or token.text in _SENTENCE_END


def _looks_predicate(word: Token) -> bool:
    """Whether ``word`` reads as an adjective or participle by its form, not only by its tag.

    The tagger is unreliable right after a possessive ("your pelvis/VBN", "your penis/JJ"); the
    form of the word is the check against that.
    """
    low = word.lower_
    if low in _PREDICATE_WORDS:
        return True
    # "need", "feed", "bleed", "thing", "king" end like participles and are not.
    return len(low) > 4 and low.endswith(_PREDICATE_ENDINGS) and not low.endswith(("eed", "thing"))
_FINITE = {"VBZ", "VBP", "VBD", "MD"}


def _verbless_clause_after_subordinator(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` ("your") opens, right after a subordinator, a clause with no finite verb.

    The word after "your" must read as a predicate (an adjective, participle or a word such as
    "home"); the clause runs to the next punctuation or coordinator. A plural noun right after a
    singular one ("if your rash spreads") counts as the verb the tagger missed.
    """
    if i == 0 or doc[i - 1].lower_ not in _SUBORDINATORS:
        return False
    if i + 1 >= len(doc):
        return False
    word = doc[i + 1]
    low = word.lower_
    if not _looks_predicate(word) or (i + 2 < len(doc) and doc[i + 2].text == "-" and not word.whitespace_):
        return False  # the form decides (the tag after "your" is unreliable); "iron-deficiency": compound
    if word.tag_ in {"NNS", "NNPS"} or low.endswith("ings"):
        return False
    j = i + 2
    if j < len(doc) and doc[j].tag_ in {"NNS", "VBZ"}:
        return False  # "when your breathing pauses": the tagger's plural noun is the verb
    if (j < len(doc) and not low.endswith("ing") and doc[j].tag_ in {"NN", "NNS", "NNP", "JJ", "VBN", "VBG"}):
        return False  # "unless your damaged kidneys ...": the word modifies a noun
    while j < len(doc) and not doc[j].is_punct:
        # Past a coordinator too: "if your systolic or diastolic readings are ...".
        if doc[j].tag_ in _FINITE:
            return False
        j += 1
    return True


def _finite_verb_after(doc: Doc, i: int) -> bool:
    """Whether a finite verb follows ``doc[i]`` before the next punctuation or coordinator."""
    for token in doc[i + 1:]:
        if token.is_punct or token.tag_ == "CC":
            return False
        if token.tag_ in _FINITE:
            return True
    return False
