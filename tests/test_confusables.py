"""Tag-based confusable checks: they fire on the slip's word and stay quiet on the correct spelling."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pytest

from contentlint.model.finding import Hit, Unit
from contentlint.packs.spelling import confusables

Check = Callable[[Unit, Mapping[str, Any]], Iterator[Hit]]

CASES = [
    (confusables.its_its, "Its important to finish the course.", "Its", "It's"),
    (confusables.its_its, "The bacterium protects itself with it's thick outer wall.", "it's", "its"),
    (confusables.your_youre, "Call us when your ready to book.", "your", "you're"),
    (confusables.their_there, "Patients often forget there medicines.", "there", "their"),
    (confusables.their_there, "Their are many ways to lower cholesterol.", "Their", "There"),
    (confusables.then_than, "Walking is safer then running for your knees.", "then", "than"),
]

QUIET = [
    (confusables.its_its, "The liver does its work quietly."),
    (confusables.your_youre, "Your smoking raises the risk for everyone at home."),
    (confusables.their_there, "Is there a generic version?"),
    (confusables.then_than, "If you feel better then you can stop."),
    (confusables.then_than, "Wash the wound, then cover it."),
]


@pytest.mark.parametrize(("check", "text", "match", "suggestion"), CASES)
def test_reports_the_slip(check: Check, text: str, match: str, suggestion: str) -> None:
    hits = list(check(Unit(text), {}))
    assert [(text[h.start:h.end], h.suggestion) for h in hits] == [(match, suggestion)]


@pytest.mark.parametrize(("check", "text"), QUIET)
def test_correct_text_is_quiet(check: Check, text: str) -> None:
    assert list(check(Unit(text), {})) == []


def test_sentence_without_the_word_is_never_tagged() -> None:
    confusables._tagged.cache_clear()
    assert list(confusables.then_than(Unit("Rest and drink water."), {})) == []
    assert confusables._tagged.cache_info().currsize == 0
