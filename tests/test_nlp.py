"""Tests for contentlint.language.nlp: sentence splitting rules and loading spaCy pipelines offline."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import spacy
from spacy.training import Example

from contentlint.language.nlp import PipelineUnavailable, get_pipeline, split_sentences, split_sentences_many


def sentences(text: str) -> list[str]:
    """The sentence texts of ``text`` with the default pipeline."""
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The risk fell (RR 0.73, 95% CI 0.61 to 0.88) in 2019.",
        "Dr. Smith saw the U.S. data, e.g. the 2.5 mg dose.",
        "Mr. and Mrs. Jones met Prof. Lee at St. Mary's, i.e. the hospital.",
        "Smith et al. found a 12.5% fall in risk.",
        "Smith et al. 2019 reported a 3.2-fold increase (p < 0.001).",
        "Smith et al. (2019) agreed.",
        "See Fig. 2 and No. 5 for approx. 30 cases in the U.K. this year.",
        "Apples, pears, etc., are fine in moderation.",
        "Compare drug A vs. Drug B at 9 a.m. tomorrow.",
        "The U.S. Food and Drug Administration approved it in 2021.",
        "J. Smith, Ph.D., wrote the report.",
        "“Why?” she asked.",
        "Results (see Table 2.) were clear.",
        "This sentence is wrapped\nacross two lines of one paragraph.",
    ],
)
def test_one_sentence(text: str) -> None:
    assert sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Is it safe? Yes! It is.", ["Is it safe?", "Yes!", "It is."]),
        ("Eat fruit, vegetables, etc. Then rest.", ["Eat fruit, vegetables, etc.", "Then rest."]),
        (
            "Smith et al. found a fall. Jones et al. 2019 disagreed. Brown et al. Then nothing.",
            ["Smith et al. found a fall.", "Jones et al. 2019 disagreed.", "Brown et al.", "Then nothing."],
        ),
        ("He lives in the U.S. He likes it.", ["He lives in the U.S.", "He likes it."]),
        ("Take vitamin D. It helps.", ["Take vitamin D.", "It helps."]),
        ("The answer was No. Then we left.", ["The answer was No.", "Then we left."]),
        ('He said "Stop." Then he left.', ['He said "Stop."', "Then he left."]),
        ("She left (it was late.) The end.", ["She left (it was late.)", "The end."]),
        ("“It works,” she said. “Really.” He agreed.", ["“It works,” she said.", "“Really.”", "He agreed."]),
        ("Is it right? ” he asked. We nodded.", ["Is it right? ” he asked.", "We nodded."]),
        ("The dose was 2.5 mg. The next was 5 mg.", ["The dose was 2.5 mg.", "The next was 5 mg."]),
        ("At 9 a.m. The clinic opens.", ["At 9 a.m.", "The clinic opens."]),
        ("Wait a moment... Then breathe out.", ["Wait a moment...", "Then breathe out."]),
        ("Wait a moment… then breathe out.", ["Wait a moment… then breathe out."]),
        ("Steps: 1. Wash hands. 2. Dry them.", ["Steps: 1. Wash hands.", "2. Dry them."]),
        ("It costs $2.50. That is cheap.", ["It costs $2.50.", "That is cheap."]),
    ],
)
def test_several_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Take 1 tablet.\n- Drink water.", ["Take 1 tablet.", "- Drink water."]),
        ("Symptoms include:\nFever\nCough\nHeadache", ["Symptoms include:", "Fever", "Cough", "Headache"]),
        ("First item\nSecond item\nThird item.", ["First item", "Second item", "Third item."]),
        ("1. Rest well\n2. Drink water", ["1. Rest well", "2. Drink water"]),
        ("See your GP if you have a fever of\n38C or more.", ["See your GP if you have a fever of\n38C or more."]),
        ("Ask Dr.\nSmith about it.", ["Ask Dr.\nSmith about it."]),
    ],
)
def test_lines_as_items(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_spans_are_trimmed_and_non_empty() -> None:
    text = "  Leading space.   Trailing space.  \n\n  "
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["Leading space.", "Trailing space."]
    for start, end in spans:
        assert start < end
        assert not text[start].isspace() and not text[end - 1].isspace()


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_blank_text_has_no_sentences(text: str) -> None:
    assert split_sentences(text) == []


def test_split_many_matches_split_one() -> None:
    texts = [
        "Dr. Smith saw the U.S. data. It was clear.",
        "",
        "One. Two. Three.",
        "Smith et al. 2019 disagreed.\n- A list item",
    ]
    assert split_sentences_many(texts) == [split_sentences(text) for text in texts]


def test_default_pipeline_is_cached_blank_english_with_sentencizer() -> None:
    nlp = get_pipeline()
    assert nlp is get_pipeline()
    assert nlp.lang == "en"
    assert nlp.pipe_names == ["sentencizer"]


def _train_tiny_senter() -> spacy.language.Language:
    """A blank English pipeline with a senter trained for a few steps on made-up examples."""
    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("en")
    nlp.add_pipe("senter")
    examples = []
    for text in ("Take it daily. Rest well.", "Drink water. See a doctor. Sleep.", "Eat less salt."):
        doc = nlp.make_doc(text)
        starts = [1 if i == 0 or doc[i - 1].text == "." else 0 for i in range(len(doc))]
        examples.append(Example.from_dict(doc, {"sent_starts": starts}))
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(30):
        nlp.update(examples, sgd=optimizer)
    return nlp


def test_loads_a_trained_pipeline_from_a_directory(tmp_path: Path) -> None:
    path = tmp_path / "tiny_senter"
    _train_tiny_senter().to_disk(path)

    nlp = get_pipeline(str(path))

    assert nlp is get_pipeline(str(path))
    assert nlp.pipe_names == ["senter"]  # it sets sentence starts, so no sentencizer is added
    assert split_sentences("Take it daily. Rest well.", nlp) == [(0, 14), (15, 25)]
    # The rule fix-ups run whatever the model predicts: never a sentence end after "Dr." or "e.g.".
    text = "Dr. Smith saw the U.S. data, e.g. the 2.5 mg dose."
    ends = {end for _, end in split_sentences(text, nlp)}
    assert ends.isdisjoint({text.index("Dr.") + 3, text.index("e.g.") + 4})
    assert max(ends) == len(text)


def test_pipeline_without_sentence_component_gets_a_sentencizer(tmp_path: Path) -> None:
    path = tmp_path / "bare"
    spacy.blank("en").to_disk(path)

    nlp = get_pipeline(str(path))

    assert nlp.pipe_names == ["sentencizer"]
    assert [t for t in split_sentences("One here. Two here.", nlp)] == [(0, 9), (10, 19)]


def test_missing_model_raises_quickly_without_network() -> None:
    started = time.perf_counter()
    with pytest.raises(PipelineUnavailable) as info:
        get_pipeline("en_contentlint_no_such_model")
    assert time.perf_counter() - started < 5
    assert info.value.model == "en_contentlint_no_such_model"
    assert info.value.reason
    assert "not available" in str(info.value)


def test_missing_directory_raises(tmp_path: Path) -> None:
    with pytest.raises(PipelineUnavailable):
        get_pipeline(str(tmp_path / "nowhere"))
