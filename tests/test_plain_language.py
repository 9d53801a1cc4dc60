"""Tests for the plain-language pack (PL001, PL002): rule files, word lists, inflection and guards.

The pack is two tables over the ``substitution`` kind; these tests run the kind on the rules' prepared
matchers directly. The examples in the rule files run in ``tests/test_rule_examples.py``.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from contentlint.engine.registry import builtin_rules_dir, load_rules
from contentlint.kinds import inflect as pl
from contentlint.kinds.base import OptionError
from contentlint.kinds.substitution import Matcher, SubstitutionKind
from contentlint.model.finding import Hit, Unit

ROOT = Path(__file__).resolve().parent.parent
LOADED = {code: rule for code, rule in load_rules([builtin_rules_dir()]).items() if rule.pack == "plain-language"}
RULES = {code: {"options": rule.options, "kind": rule.kind, "level": rule.level.name.lower(), "scope": rule.scope.value,
                "fix": "safe" if rule.fix_safe else "none", "message": rule.message} for code, rule in LOADED.items()}
TERM = re.compile(r"[a-z][a-z' \-]*[a-z]")
KIND = SubstitutionKind()


def hits(text: str, code: str = "PL001") -> list[Hit]:
    """Run the rule ``code`` on one sentence."""
    return list(KIND.check(Unit(text), LOADED[code].prepared))


def suggestions(text: str, code: str = "PL001") -> list[tuple[str, str | None]]:
    """Return ``(match, suggestion)`` pairs for one sentence."""
    return [(h.match, h.suggestion) for h in hits(text, code)]


# --------------------------------------------------------------------------------------------------
# Rule files and data
# --------------------------------------------------------------------------------------------------


def test_both_rules_exist() -> None:
    assert set(RULES) == {"PL001", "PL002"}


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_file_shape(code: str) -> None:
    rule = RULES[code]
    assert rule["kind"] == "substitution"  # pure YAML over a kind: no code behind the pack
    assert rule["level"] == "info"
    assert rule["scope"] == "sentence"
    assert rule["fix"] == "none"  # never a safe fix: the meaning may shift
    assert "{suggestion}" in rule["message"] and "{match}" in rule["message"]
    assert isinstance(LOADED[code].prepared, Matcher)  # built once, when the rule loads


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_entry_is_a_plain_lowercase_term_with_alternatives(code: str) -> None:
    options = RULES[code]["options"]
    seen: set[str] = set()
    for cls in ("words", "nouns", "verbs"):
        for term, alternatives in options[cls].items():
            assert isinstance(term, str) and TERM.fullmatch(term), f"{code} {cls}: bad term {term!r}"
            assert term == term.lower() and term == " ".join(term.split())
            assert term not in seen, f"{code}: {term!r} listed twice"
            seen.add(term)
            assert isinstance(alternatives, list) and alternatives, f"{code}: {term!r} has no alternatives"
            for alt in alternatives:
                assert isinstance(alt, str) and alt.strip() == alt and alt, f"{code}: {term!r}: {alt!r}"
                assert alt.lower() != term
                assert len(alt.split()) <= 5, f"{code}: {term!r}: {alt!r} is an explanation, not a swap"
    for phrase in options.get("keep", []):
        assert isinstance(phrase, str) and phrase == phrase.lower()


def test_list_sizes_are_in_the_intended_range() -> None:
    total = sum(len(RULES[c]["options"][cls]) for c in RULES for cls in ("words", "nouns", "verbs"))
    assert 100 <= total <= 300


def test_excluded_pairs_stay_out() -> None:
    terms = {t for c in RULES for cls in ("words", "nouns", "verbs") for t in RULES[c]["options"][cls]}
    for left_out in ("malignant", "virus", "bacteria", "therapy", "surgery", "doctor", "acute", "condition",
                     "inflammation", "placebo", "bmi", "copd"):
        assert left_out not in terms


def _load_curate_script() -> Any:
    """Import bench/plain_language_curate.py (bench is not a package)."""
    path = ROOT / "bench" / "plain_language_curate.py"
    spec = importlib.util.spec_from_file_location("plain_language_curate", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_curation_script_reads_the_tables_from_the_rule_files() -> None:
    """bench/ only measures the lists: the tables it reports on are the rule files' own."""
    curate = _load_curate_script()
    for code in RULES:
        tables = curate.rule_tables()[code]
        assert tables == {cls: dict(RULES[code]["options"][cls]) for cls in ("words", "nouns", "verbs")}
    assert not hasattr(curate, "KEEP") and not hasattr(curate, "ADDITIONS")


# --------------------------------------------------------------------------------------------------
# Inflection and capitalisation
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("Nurses administer the drug.", ("administer", "give")),
    ("The nurse administers the drug.", ("administers", "gives")),
    ("The nurse administered the drug.", ("administered", "gave")),
    ("The drug was administered slowly.", ("administered", "given")),
    ("She is administering the drug.", ("administering", "giving")),
    ("Patients ambulated on the first day.", ("ambulated", "walked")),
    ("Patients with lesions need follow-up.", ("lesions", "abnormal areas")),
    ("Analgesics can mask a fever.", ("Analgesics", "Pain relievers")),
    ("The bone fractured in two places.", ("fractured", "broke")),
    ("A fractured hip needs surgery.", ("fractured", "broken")),
    ("Thrombi can travel to the lungs.", ("Thrombi", "Blood clots")),
])
def test_inflected_forms_and_agreeing_suggestions(text: str, expected: tuple[str, str]) -> None:
    assert expected in suggestions(text)


@pytest.mark.parametrize("text,expected", [
    ("Clinics utilize text reminders.", ("utilize", "use")),
    ("The clinic utilizes text reminders.", ("utilizes", "uses")),
    ("The clinic utilized text reminders.", ("utilized", "used")),
    ("The clinic is utilizing text reminders.", ("utilizing", "using")),
    ("Utilization of the service rose.", ("Utilization", "Use")),
    ("The cancer recurred last year.", ("recurred", "came back")),
    ("The tests commenced on Monday.", ("commenced", "started")),
])
def test_pl002_inflections(text: str, expected: tuple[str, str]) -> None:
    assert expected in suggestions(text, "PL002")


def test_word_entries_match_only_as_written() -> None:
    # "renal" is an adjective entry: no plural or verb forms are generated for it.
    assert suggestions("Renals are not a word.") == []
    assert suggestions("Hypertensive crisis is an emergency.") == []  # only "hypertension" is listed


def test_no_match_inside_longer_words_or_compounds() -> None:
    assert suggestions("Antihypertension drugs lower pressure.") == []
    assert suggestions("Non-renal causes were ruled out.") == []


@pytest.mark.parametrize("text,expected", [
    ("Hypertension often has no symptoms.", "High blood pressure"),
    ("Many adults have hypertension.", "high blood pressure"),
    ("Cardiac symptoms need attention.", "Heart"),
])
def test_capitalisation_of_the_first_letter(text: str, expected: str) -> None:
    assert [s for _, s in suggestions(text)] == [expected]


def test_capitalised_mid_sentence_is_a_name() -> None:
    assert suggestions("Ask the Renal Association for a leaflet.") == []


def test_all_capitals_are_left_alone() -> None:
    assert suggestions("HYPERTENSION is common.") == []


# --------------------------------------------------------------------------------------------------
# Guards
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Hypertension (high blood pressure) often has no symptoms.",
    "Edema (a buildup of fluid) can affect the legs.",
    "High blood pressure (hypertension) often has no symptoms.",
    "High blood pressure (also called hypertension) often has no symptoms.",
    "Swelling (edema, fluid buildup) is common.",
    "Swelling, also called edema, is common.",
    "Edema, also known as fluid retention, is common.",
    "Hypertension, or high blood pressure, often has no symptoms.",
    "Fluids are given through an intravenous (IV) line.",
])
def test_explained_terms_are_not_flagged(text: str) -> None:
    assert suggestions(text) == []


@pytest.mark.parametrize("text", [
    "A myocardial infarction (MI) needs emergency care.",
    "Hypertension (see below) is common.",
    "Hypertension (stage 2) needs treatment.",
])
def test_parentheses_that_do_not_explain_do_not_guard(text: str) -> None:
    assert suggestions(text) != []


def test_only_the_first_occurrence_per_sentence() -> None:
    found = hits("Hypertension is common, and hypertension in children is rising.")
    assert [h.match for h in found] == ["Hypertension"]
    # Different terms are each reported once.
    found = hits("Renal and hepatic damage can follow; renal damage is more common.")
    assert [h.match for h in found] == ["Renal", "hepatic"]


def test_inflections_count_as_the_same_term() -> None:
    found = hits("A lesion can become several lesions.")
    assert [h.match for h in found] == ["lesion"]


def test_keep_phrases_are_left_alone() -> None:
    assert suggestions("Sudden cardiac arrest can kill within minutes.") == []
    assert suggestions("Pulmonary embolism is a blood clot in the lung.") == []
    assert suggestions("Cardiac rehabilitation helps, and cardiac damage can heal.") == [("cardiac", "heart")]


def test_technical_names_are_left_alone() -> None:
    assert suggestions("Congenital hypothyroidism is screened for at birth.") == []
    assert suggestions("Some infants have neonatal progeroid syndrome.") == []
    assert suggestions("Orthostatic hypotension causes dizziness on standing.") == []
    assert suggestions("The cause of dilated cardiomyopathy is often unknown.") == []
    assert suggestions("Wide cranial sutures were seen.") == []


def test_flattened_lists_are_not_prose() -> None:
    assert suggestions("Alopecia - Ataxia - Edema - Hypertension - Seizures") == []
    assert suggestions("Edema 90% Hypertension 50% Seizures 7.5%") == []


def test_short_alternatives_elsewhere_do_not_count_as_explanations() -> None:
    # "to" is everywhere: it must not cancel "in order to".
    assert suggestions("In order to lower your risk, try to stay active.", "PL002") == [("In order to", "To")]


def test_hit_data_lists_all_alternatives() -> None:
    (hit,) = hits("Skin lesions may take weeks to heal.")
    assert hit.data["term"] == "lesion"
    assert hit.data["alternatives"] == "abnormal area or sore"


# --------------------------------------------------------------------------------------------------
# Building blocks
# --------------------------------------------------------------------------------------------------


def test_noun_and_verb_forms() -> None:
    assert pl.noun_forms("thrombus") == {"thrombus": pl.BASE, "thrombuses": pl.PLURAL, "thrombi": pl.PLURAL}
    assert set(pl.verb_forms("utilize")) == {"utilize", "utilizes", "utilized", "utilizing"}
    assert {"occurred", "occurring"} <= set(pl.verb_forms("occur"))


@pytest.mark.parametrize("phrase,tag,participle,expected", [
    ("give", pl.PAST, False, "gave"),
    ("give", pl.PAST, True, "given"),
    ("make worse", pl.THIRD, False, "makes worse"),
    ("eat or drink", pl.PAST, True, "eaten or drunk"),
    ("stop", pl.ING, False, "stopping"),
    ("try", pl.THIRD, False, "tries"),
    ("come back", pl.PAST, False, "came back"),
    ("begin", pl.ING, False, "beginning"),
])
def test_inflect_verb(phrase: str, tag: str, participle: bool, expected: str) -> None:
    assert pl.inflect_verb(phrase, tag, participle) == expected


def test_inflect_noun() -> None:
    assert pl.inflect_noun("pain reliever", pl.PLURAL) == "pain relievers"
    assert pl.inflect_noun("front tooth", pl.PLURAL) == "front teeth"
    assert pl.inflect_noun("swelling", pl.BASE) == "swelling"


def test_bad_tables_are_refused_naming_the_key() -> None:
    for options, key in (({"words": {"renal": 3}}, "words"), ({"nouns": ["lesion"]}, "nouns"),
                         ({"words": {"renal": ["kidney"]}, "keep": "x"}, "keep"), ({"verbs": {}}, "words"),
                         ({"words": {"renal": ["kidney"]}, "colour": 1}, "colour")):
        with pytest.raises(OptionError) as err:
            KIND.prepare(options)
        assert err.value.key == key
