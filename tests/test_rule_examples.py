"""Every rule's examples run as tests, end to end through the engine (reader, sentences, rules).

A bad example must give at least one finding of its rule (with the expected suggestion, where the
rule file names one); a good example must give none.
"""

from __future__ import annotations

import pytest

from contentlint.registry import Example, Rule, builtin_rules_dir, load_rules
from helpers import lint_text

RULES = load_rules([builtin_rules_dir()])


def _cases(kind: str) -> list[tuple[Rule, Example]]:
    return [(rule, example) for rule in RULES.values() for example in getattr(rule, kind)]


def _id(case: tuple[Rule, Example]) -> str:
    return case[0].code


@pytest.mark.parametrize("case", _cases("bad"), ids=[f"{c[0].code}-bad" for c in _cases("bad")])
def test_bad_example_is_found(case: tuple[Rule, Example]) -> None:
    rule, example = case
    findings = [f for f in lint_text(example.text, select=(rule.code,)) if f.code == rule.code]
    assert findings, f"{rule.code} missed its bad example: {example.text!r}"
    if example.suggestion is not None:
        assert example.suggestion in {f.suggestion for f in findings}


@pytest.mark.parametrize("case", _cases("good"), ids=[f"{c[0].code}-good" for c in _cases("good")])
def test_good_example_is_clean(case: tuple[Rule, Example]) -> None:
    rule, example = case
    findings = [f for f in lint_text(example.text, select=(rule.code,)) if f.code == rule.code]
    assert not findings, f"{rule.code} fired on its good example: {[f.match for f in findings]}"


def test_every_rule_has_examples_of_both_kinds() -> None:
    for rule in RULES.values():
        assert rule.bad and rule.good, f"{rule.code} needs bad and good examples"
