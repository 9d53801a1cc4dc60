"""Tests for the spelling-slip rules beyond their examples: the "use to" heuristics, capitalisation, guards.

The examples in ``rules/spelling/*.yaml`` run (with their exact spans and fixes) in
``tests/test_rule_examples.py``; the cases here go through the same public API.
"""

from __future__ import annotations

import pytest
from helpers import lint_text

from contentlint.engine.registry import builtin_rules_dir, load_rules
from contentlint.kinds.pattern import match_case
from contentlint.model.finding import Finding

RULES = load_rules([builtin_rules_dir()])
CODES = {f"{rule.code}-{rule.name}": code for code, rule in RULES.items() if rule.pack == "spelling"}


def _hits(stem: str, text: str) -> list[Finding]:
    """Return the findings of the rule ``stem`` (``SP001-use-to``) on one sentence."""
    code = CODES[stem]
    return [f for f in lint_text(text, select=(code,)) if f.code == code]


def _apply(text: str, findings: list[Finding]) -> str:
    """Apply every finding's suggestion to a one-line ``text``, right to left so offsets stay valid."""
    for finding in sorted(findings, key=lambda f: f.column, reverse=True):
        assert finding.suggestion is not None
        text = text[: finding.column - 1] + finding.suggestion + text[finding.end_column - 1:]
    return text


def test_rule_files_exist_with_required_codes() -> None:
    """The pack has its rule files, and the first three codes are the ones other packs refer to."""
    assert len(CODES) >= 20
    names = {code: RULES[code].name for code in CODES.values()}
    assert (names["SP001"], names["SP002"], names["SP003"]) == ("use-to", "modal-of", "alot")


def test_at_least_twelve_slip_rules_are_pure_yaml() -> None:
    """Slips a pattern can express are data; only the clause-aware and tag-bound ones stay code."""
    python = {code for code in CODES.values() if RULES[code].kind == "python"}
    assert python <= {"SP001", "SP011", "SP014", "SP015", "SP016"}
    assert len(CODES) - len(python) >= 12


# ------------------------------------------------------------------------------------------------
# "use to": every case from the brief, through all three "use to" rules together
# ------------------------------------------------------------------------------------------------

USE_TO_RULES = ("SP001-use-to", "SP004-be-use-to", "SP005-did-used-to")


def _use_to_hits(text: str) -> list[Finding]:
    """Return the findings of all "use to" rules on ``text``."""
    return [hit for stem in USE_TO_RULES for hit in _hits(stem, text)]


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Scientists use to believe the heart was the seat of the mind.",
         "Scientists used to believe the heart was the seat of the mind."),
        ("Doctors use to prescribe long bed rest.", "Doctors used to prescribe long bed rest."),
        ("We use to think that stress caused ulcers.", "We used to think that stress caused ulcers."),
        ("Don't worry, you will get use to it.", "Don't worry, you will get used to it."),
        ("She was use to taking two tablets.", "She was used to taking two tablets."),
        ("I am use to it.", "I am used to it."),
        ("I didn't used to get migraines.", "I didn't use to get migraines."),
        ("Did you used to smoke?", "Did you use to smoke?"),
        ("I did not used to sleep this badly.", "I did not use to sleep this badly."),
        ("It can be use to save lives.", "It can be used to save lives."),
        ("Years ago, people use to smoke in hospitals.", "Years ago, people used to smoke in hospitals."),
        ("Physicians use to recommend a low-fat diet.", "Physicians used to recommend a low-fat diet."),
        ("It use to be a rare disease.", "It used to be a rare disease."),
        ("We always use to walk after dinner.", "We always used to walk after dinner."),
        ("They're use to the routine by now.", "They're used to the routine by now."),
        ("He got use to the brace quickly.", "He got used to the brace quickly."),
    ],
)
def test_use_to_found(text: str, fixed: str) -> None:
    """Habitual-past and be/get slips are found, and applying the fix gives the correct sentence."""
    hits = _use_to_hits(text)
    assert len(hits) == 1, hits
    assert _apply(text, hits) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "These are the drugs doctors use to treat pain.",
        "Ask what you use to clean it.",
        "It is a test you can use to estimate risk.",
        "I didn't use to smoke.",
        "Did you use to smoke?",
        "These are the tools researchers use to measure blood flow.",
        "This is the device patients use to monitor glucose.",
        "We examined their use to build the models.",
        "The old leaflet is of no use to anyone.",
        "It can be used to save lives.",
        "This is the app I use to track my sleep.",
        "Which inhaler do you use to ease symptoms?",
        "The methods doctors and nurses use to treat burns vary.",
        "Antibiotics use to treat infections is a common search term.",
        "The drug's use to treat migraine is off-label.",
        "Did you get used to the mask?",
        "What did they say was used to treat it?",
        "Doctors used to prescribe bed rest.",
        "Something that we use to think about risk is the score.",
        "Use to-do lists to remember doses.",
    ],
)
def test_use_to_not_flagged(text: str) -> None:
    """Object gaps, auxiliaries, noun "use" and the correct forms are never reported."""
    assert _use_to_hits(text) == []


# ------------------------------------------------------------------------------------------------
# Other behaviour
# ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("original", "replacement", "expected"),
    [
        ("could of", "could have", "could have"),
        ("Alot", "a lot", "A lot"),
        ("ALOT", "a lot", "A LOT"),
        ("i", "me", "me"),
        ("I", "me", "Me"),
    ],
)
def test_match_case(original: str, replacement: str, expected: str) -> None:
    """Suggestions keep the capitalisation of the text they replace."""
    assert match_case(original, replacement) == expected


@pytest.mark.parametrize(
    ("stem", "text", "fixed"),
    [
        ("SP002-modal-of", "Could of been worse.", "Could have been worse."),
        ("SP002-modal-of", "It WOULD OF helped.", "It WOULD HAVE helped."),
        ("SP003-alot", "ALOT of people.", "A LOT of people."),
        ("SP012-side-affects", "Side Affects are rare.", "Side Effects are rare."),
        ("SP014-its-its", "The cell and it\u2019s own DNA.", "The cell and its own DNA."),
        ("SP019-perscription", "Get a Perscription.", "Get a Prescription."),
        ("SP011-then-than", "Drink no more then 2 cups.", "Drink no more than 2 cups."),
        ("SP011-then-than", "If you are older then 65, ask.", "If you are older than 65, ask."),
        ("SP010-loose-lose", "Try to loose the extra weight.", "Try to lose the extra weight."),
    ],
)
def test_fix_text(stem: str, text: str, fixed: str) -> None:
    """Applying the suggestions gives the corrected sentence, with capitalisation kept."""
    assert _apply(text, _hits(stem, text)) == fixed


@pytest.mark.parametrize(
    ("stem", "text"),
    [
        ("SP020-mucous-mucus", "Blisters form in the mouth and on other mucous surfaces."),
        ("SP020-mucous-mucus", "Stools may contain blood or mucous, and the skin and mucous."),
        ("SP020-mucous-mucus", "The mucous cells in the stomach release mucus."),
        ("SP011-then-than", "The liver then removes it, and other cells then respond."),
        ("SP011-then-than", "Do this twice more then rest."),
        ("SP011-then-than", "They will be older then, and wiser."),
        ("SP013-affect-effect", "An affect on the face can show sadness."),
        ("SP010-loose-lose", "Tissue may break loose their anchors."),
        ("SP010-loose-lose", "The ligaments are loose and the joints move too far."),
        ("SP014-its-its", "The drug and its not-for-profit maker."),
        ("SP008-per-say", "The cost per say 100 tablets is low."),
        ("SP009-supposably", "It is not supposably harmful."),
        ("SP015-your-youre", "Your not taking the drug is a risk."),
        ("SP018-prostrate-prostate", "Grief left him prostrate, problems piling up."),
    ],
)
def test_guards(stem: str, text: str) -> None:
    """Guarded shapes stay quiet."""
    assert _hits(stem, text) == []
