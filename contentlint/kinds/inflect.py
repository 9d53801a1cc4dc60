"""Inflection of plain English words: plurals, -s, -ed and -ing forms, and phrases that agree.

Used by the ``substitution`` kind to match every surface form of a listed term ("administered",
"lesions", "thrombi") and to inflect its plain alternative to agree with the matched form ("given",
"sores"). Only regular morphology plus the irregular words the alternatives use.
"""

from __future__ import annotations

import re

__all__ = ["BASE", "ING", "PAST", "PLURAL", "THIRD", "inflect_noun", "inflect_verb", "noun_forms",
           "verb_forms"]

# Inflection tags: which form of the term matched, so the suggestion can agree with it.
BASE, PLURAL, THIRD, PAST, ING = "base", "plural", "3sg", "past", "ing"

_VOWELS = "aeiou"

# Irregular forms of the plain verbs that occur in alternatives: (3sg, past, past participle, -ing).
# Only verbs that suggestions actually use need to be here; anything else is inflected regularly.
_IRREGULAR_VERBS: dict[str, tuple[str, str, str, str]] = {
    "be": ("is", "was", "been", "being"),
    "bring": ("brings", "brought", "brought", "bringing"),
    "begin": ("begins", "began", "begun", "beginning"),
    "break": ("breaks", "broke", "broken", "breaking"),
    "build": ("builds", "built", "built", "building"),
    "burst": ("bursts", "burst", "burst", "bursting"),
    "buy": ("buys", "bought", "bought", "buying"),
    "come": ("comes", "came", "come", "coming"),
    "cut": ("cuts", "cut", "cut", "cutting"),
    "do": ("does", "did", "done", "doing"),
    "drink": ("drinks", "drank", "drunk", "drinking"),
    "eat": ("eats", "ate", "eaten", "eating"),
    "feel": ("feels", "felt", "felt", "feeling"),
    "find": ("finds", "found", "found", "finding"),
    "get": ("gets", "got", "gotten", "getting"),
    "give": ("gives", "gave", "given", "giving"),
    "go": ("goes", "went", "gone", "going"),
    "have": ("has", "had", "had", "having"),
    "keep": ("keeps", "kept", "kept", "keeping"),
    "let": ("lets", "let", "let", "letting"),
    "make": ("makes", "made", "made", "making"),
    "pay": ("pays", "paid", "paid", "paying"),
    "put": ("puts", "put", "put", "putting"),
    "run": ("runs", "ran", "run", "running"),
    "say": ("says", "said", "said", "saying"),
    "see": ("sees", "saw", "seen", "seeing"),
    "set": ("sets", "set", "set", "setting"),
    "show": ("shows", "showed", "shown", "showing"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "speed": ("speeds", "sped", "sped", "speeding"),
    "spit": ("spits", "spat", "spat", "spitting"),
    "spread": ("spreads", "spread", "spread", "spreading"),
    "swell": ("swells", "swelled", "swollen", "swelling"),
    "take": ("takes", "took", "taken", "taking"),
    "tell": ("tells", "told", "told", "telling"),
    "throw": ("throws", "threw", "thrown", "throwing"),
    "write": ("writes", "wrote", "written", "writing"),
}

_IRREGULAR_PLURALS = {
    "child": "children", "foot": "feet", "tooth": "teeth", "man": "men", "woman": "women",
    "person": "people", "mouse": "mice", "life": "lives", "knife": "knives",
}


def _cvc(word: str) -> bool:
    """Return whether ``word`` ends consonant-vowel-consonant (the shape that may double: stop/stopped)."""
    return (len(word) >= 3 and word[-1] not in _VOWELS + "wxy" and word[-2] in _VOWELS
            and word[-3] not in _VOWELS)


def _one_syllable(word: str) -> bool:
    """Guess whether ``word`` has one syllable (one group of vowels), where CVC endings double."""
    return len(re.findall(r"[aeiouy]+", word)) == 1


def _plural(word: str) -> str:
    """Return the regular (or listed irregular) plural of an everyday English noun."""
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def _third(word: str) -> str:
    """Return the third-person singular of a regular verb ("use" -> "uses", "try" -> "tries")."""
    if word.endswith(("s", "x", "z", "ch", "sh", "o")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def _past(word: str) -> str:
    """Return the -ed form of a regular verb ("stop" -> "stopped", "ease" -> "eased")."""
    if word.endswith("e"):
        return word + "d"
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return word[:-1] + "ied"
    if _cvc(word) and _one_syllable(word):
        return word + word[-1] + "ed"
    return word + "ed"


def _ing(word: str) -> str:
    """Return the -ing form of a regular verb ("use" -> "using", "stop" -> "stopping")."""
    if word.endswith("ie"):
        return word[:-2] + "ying"
    if word.endswith("e") and not word.endswith(("ee", "ye", "oe")):
        return word[:-1] + "ing"
    if _cvc(word) and _one_syllable(word):
        return word + word[-1] + "ing"
    return word + "ing"


def _verb_word(word: str, tag: str, participle: bool) -> str:
    """Return ``word`` (a base-form verb) in the form named by ``tag``."""
    if word in _IRREGULAR_VERBS:
        third, past, past_participle, ing = _IRREGULAR_VERBS[word]
        return {THIRD: third, PAST: past_participle if participle else past, ING: ing}.get(tag, word)
    return {THIRD: _third, PAST: _past, ING: _ing}.get(tag, lambda w: w)(word)


def inflect_verb(phrase: str, tag: str, participle: bool = False) -> str:
    """Inflect a plain verb phrase to agree with a matched form of the term.

    The first word is inflected ("make worse" -> "made worse") and so is a verb right after "or" or
    "and" ("eat or drink" -> "ate or drank"); with ``participle`` an -ed form becomes the past
    participle ("given" rather than "gave").
    """
    if tag == BASE:
        return phrase
    words = phrase.split(" ")
    out: list[str] = []
    for i, word in enumerate(words):
        if i == 0 or words[i - 1] in {"or", "and"}:
            out.append(_verb_word(word, tag, participle))
        else:
            out.append(word)
    return " ".join(out)


def inflect_noun(phrase: str, tag: str) -> str:
    """Make the last word of a plain noun phrase plural when the term matched in the plural."""
    if tag != PLURAL:
        return phrase
    head, _, last = phrase.rpartition(" ")
    return f"{head} {_plural(last)}" if head else _plural(last)


def noun_forms(term: str) -> dict[str, str]:
    """Return the surface forms of a noun term (last word singular and plural) with their tags.

    Latin and Greek plurals are included (thrombus/thrombi, diagnosis/diagnoses, axilla/axillae), so
    that a term is found in either number; forms that never occur cost nothing.
    """
    head, _, last = term.rpartition(" ")
    plurals = {_plural(last)}
    for singular, plural in (("us", "i"), ("is", "es"), ("um", "a"), ("a", "ae"), ("ix", "ices"),
                             ("ex", "ices"), ("on", "a")):
        if last.endswith(singular):
            plurals.add(last[: -len(singular)] + plural)
    prefix = f"{head} " if head else ""
    forms = {term: BASE}
    for plural in plurals:
        forms.setdefault(prefix + plural, PLURAL)
    return forms


def verb_forms(term: str) -> dict[str, str]:
    """Return the surface forms of a verb term (first word inflected) with their tags.

    Both doubled and undoubled consonants are included ("occurred", "administered"), since whether a
    final consonant doubles depends on stress, which the spelling does not show.
    """
    first, _, rest = term.partition(" ")
    suffix = f" {rest}" if rest else ""
    forms = {term: BASE, _third(first) + suffix: THIRD}
    pasts = {_past(first)}
    ings = {_ing(first)}
    if _cvc(first):
        pasts |= {first + "ed", first + first[-1] + "ed"}
        ings |= {first + "ing", first + first[-1] + "ing"}
    for past in pasts:
        forms.setdefault(past + suffix, PAST)
    for ing in ings:
        forms.setdefault(ing + suffix, ING)
    return forms
