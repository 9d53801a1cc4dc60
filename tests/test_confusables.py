"""Tag-based confusable slips (SP011, SP014-SP016): through the engine with the shipped tagger, and
the string fallback in a run without syntax (``nlp-model = "blank"``)."""

from __future__ import annotations

import pytest
from helpers import lint_text

from contentlint.engine.config import Settings
from contentlint.model.finding import Unit
from contentlint.packs.spelling import slips

CASES = [
    ("SP014", "Its important to finish the course.", "Its", "It's"),
    ("SP014", "The bacterium protects itself with it's thick outer wall.", "it's", "its"),
    ("SP014", "If the rash spreads, its time to see a doctor.", "its", "it's"),
    ("SP015", "Call us when your ready to book.", "your", "you're"),
    ("SP015", "Tell us if your allergic to penicillin.", "your", "you're"),
    ("SP016", "Patients often forget there medicines.", "there", "their"),
    ("SP016", "Their are many ways to lower cholesterol.", "Their", "There"),
    ("SP011", "Walking is safer then running for your knees.", "then", "than"),
]

QUIET = [
    ("SP014", "The liver does its work quietly."),
    ("SP014", "Its time course varies."),
    ("SP015", "Your smoking raises the risk for everyone at home."),
    ("SP015", "If your rash spreads, call the clinic."),
    ("SP015", "Make sure your drinking water is clean."),
    ("SP016", "Is there a generic version?"),
    ("SP011", "If you feel better then you can stop."),
    ("SP011", "Wash the wound, then cover it."),
]

BLANK = Settings(nlp_model="blank")


@pytest.mark.parametrize(("code", "text", "match", "suggestion"), CASES)
def test_reports_the_slip(code: str, text: str, match: str, suggestion: str) -> None:
    found = [(f.match, f.suggestion) for f in lint_text(text, select=(code,)) if f.code == code]
    assert found == [(match, suggestion)]


@pytest.mark.parametrize(("code", "text"), QUIET)
def test_correct_text_is_quiet(code: str, text: str) -> None:
    assert [f for f in lint_text(text, select=(code,)) if f.code == code] == []


def test_blank_run_keeps_the_string_logic() -> None:
    """Without syntax only the single-reading shapes are reported, as before the tagger."""
    assert [f.match for f in lint_text("Its important to rest. Its a lot to do.", select=("SP014",),
                                       settings=BLANK)] == ["Its"]
    assert lint_text("Tell us if your allergic to penicillin.", select=("SP015",), settings=BLANK) == []


def test_rule_function_without_syntax_uses_strings() -> None:
    """A unit with no syntax provider (``tagged()`` is None) gets the string hits only."""
    assert [h.match for h in slips.its_its(Unit("Its a rash. Its normal."), {})] == ["Its"]


def test_only_wanted_sentences_are_tagged() -> None:
    """The contract's ``wants`` names the sentences the engine tags for each rule."""
    from contentlint.kinds.contract import contract_of

    for function, word in ((slips.then_than, "then"), (slips.its_its, "it's"), (slips.your_youre, "Your"),
                           (slips.their_there, "there")):
        contract = contract_of(function)
        assert "tags" in contract.needs
        assert contract.wanted(f"A sentence with {word} in it.")
        assert not contract.wanted("Rest and drink water.")
