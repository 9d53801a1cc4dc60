"""Tests for the spelling-slip rules: rule files, their examples, and the "use to" heuristics.

The rule functions are called directly on a ``Unit`` so that these tests do not depend on the engine;
the engine's own tests run the same examples end-to-end.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml

from contentlint.checks import slips
from contentlint.finding import Hit, Unit

RULE_DIR = Path(__file__).resolve().parent.parent / "rules" / "spelling"
RULE_FILES = sorted(RULE_DIR.glob("*.yaml"))

RuleFn = Callable[[Unit, Mapping[str, Any]], Iterator[Hit]]

REQUIRED_KEYS = {"code", "name", "kind", "level", "scope", "message", "summary", "why", "examples"}
ALLOWED_KEYS = REQUIRED_KEYS | {"options", "fix", "headings", "references"}


def _load(path: Path) -> dict[str, Any]:
    """Return the parsed rule file at ``path``."""
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, dict), path
    return data


RULES = {path.stem: _load(path) for path in RULE_FILES}


def _entry(rule: Mapping[str, Any]) -> tuple[RuleFn, dict[str, Any]]:
    """Return the rule's python entry function and the options passed to it (all but ``entry``)."""
    options = dict(rule.get("options") or {})
    module_name, _, func_name = options.pop("entry").partition(":")
    return getattr(importlib.import_module(module_name), func_name), options


def _hits(rule: Mapping[str, Any], text: str) -> list[Hit]:
    """Run ``rule`` over one sentence and return its hits."""
    fn, options = _entry(rule)
    return list(fn(Unit(text=text), options))


def _apply(text: str, hits: list[Hit]) -> str:
    """Apply every hit's suggestion to ``text``, right to left so earlier offsets stay valid."""
    for hit in sorted(hits, key=lambda h: h.start, reverse=True):
        assert hit.suggestion is not None
        text = text[: hit.start] + hit.suggestion + text[hit.end :]
    return text


def _examples(kind: str) -> list[tuple[str, str, str | None]]:
    """Return ``(rule stem, text, expected suggestion)`` for every bad or good example."""
    cases: list[tuple[str, str, str | None]] = []
    for stem, rule in RULES.items():
        for item in rule["examples"][kind]:
            if isinstance(item, dict):
                cases.append((stem, item["text"], item.get("suggestion")))
            else:
                cases.append((stem, item, None))
    return cases


# ------------------------------------------------------------------------------------------------
# Rule files
# ------------------------------------------------------------------------------------------------


def test_rule_files_exist_with_required_codes() -> None:
    """The pack has its rule files, and the first three codes are the ones other packs refer to."""
    assert len(RULE_FILES) >= 20
    by_code = {rule["code"]: rule["name"] for rule in RULES.values()}
    assert by_code["SP001"] == "use-to"
    assert by_code["SP002"] == "modal-of"
    assert by_code["SP003"] == "alot"


@pytest.mark.parametrize("stem", sorted(RULES))
def test_rule_file_schema(stem: str) -> None:
    """Each file follows rules/README.md: keys, code, name, level, fix and an importable entry."""
    rule = RULES[stem]
    assert REQUIRED_KEYS <= set(rule), stem
    assert set(rule) <= ALLOWED_KEYS, set(rule) - ALLOWED_KEYS
    assert re.fullmatch(r"SP\d{3}", rule["code"])
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", rule["name"])
    assert stem == f"{rule['code']}-{rule['name']}"
    assert rule["kind"] == "python"
    assert rule["scope"] == "sentence"
    assert rule["level"] in {"error", "warning", "info"}
    assert rule.get("fix", "none") in {"safe", "none"}
    assert rule["examples"]["bad"] and rule["examples"]["good"]
    fn, _ = _entry(rule)
    assert callable(fn) and fn.__doc__
    # Placeholders must be ones the engine can fill.
    for placeholder in re.findall(r"\{(\w+)\}", rule["message"]):
        assert placeholder in {"match", "suggestion"} | set(rule.get("options") or {}), placeholder


def test_codes_and_names_unique() -> None:
    """Codes and names are never shared between rules."""
    codes = [rule["code"] for rule in RULES.values()]
    names = [rule["name"] for rule in RULES.values()]
    assert len(codes) == len(set(codes))
    assert len(names) == len(set(names))


# ------------------------------------------------------------------------------------------------
# Examples from the rule files
# ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("stem", "text", "suggestion"), _examples("bad"))
def test_bad_example_found(stem: str, text: str, suggestion: str | None) -> None:
    """Each bad example gives a hit with the documented suggestion, and the fix removes the slip."""
    rule = RULES[stem]
    hits = _hits(rule, text)
    assert hits, f"{stem}: no hit in {text!r}"
    if suggestion is not None:
        assert suggestion in [h.suggestion for h in hits], hits
    for hit in hits:
        assert text[hit.start : hit.end] == hit.match
        assert hit.match != hit.suggestion
    fixed = _apply(text, hits)
    assert _hits(rule, fixed) == [], f"{stem}: fixed text {fixed!r} still has hits"


@pytest.mark.parametrize(("stem", "text", "_suggestion"), _examples("good"))
def test_good_example_clean(stem: str, text: str, _suggestion: str | None) -> None:
    """Each good example gives no hit."""
    assert _hits(RULES[stem], text) == []


@pytest.mark.parametrize(("stem", "text", "_suggestion"), _examples("good"))
def test_good_examples_clean_for_all_rules(stem: str, text: str, _suggestion: str | None) -> None:
    """A correct sentence written for one rule is not reported by any other rule either."""
    for other, rule in RULES.items():
        assert _hits(rule, text) == [], f"{other} fires on good example of {stem}: {text!r}"


# ------------------------------------------------------------------------------------------------
# "use to": every case from the brief, through all three "use to" rules together
# ------------------------------------------------------------------------------------------------

USE_TO_RULES = ("SP001-use-to", "SP004-be-use-to", "SP005-did-used-to")


def _use_to_hits(text: str) -> list[Hit]:
    """Return the hits of all "use to" rules on ``text``."""
    return [hit for stem in USE_TO_RULES for hit in _hits(RULES[stem], text)]


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
    assert slips.match_case(original, replacement) == expected


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
    assert _apply(text, _hits(RULES[stem], text)) == fixed


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
    assert _hits(RULES[stem], text) == []


def test_entries_accept_empty_options() -> None:
    """Every public rule function works with no options, using its built-in defaults."""
    for name in slips.__all__:
        if name == "match_case":
            continue
        assert list(getattr(slips, name)(Unit(text="Plain text with nothing wrong."), {})) == []
