"""The one rule-example harness: every example of every rule runs end to end through the public API.

Each example states exactly what its rule reports (``span``, ``start``/``end``, ``count``,
``suggestion``, ``fixed``; a good example reports nothing), and the harness checks all of it, so a
change that moves a span, drops a suggestion or breaks a fix fails here. Every example of the built-in
packs must state its expectation. The rules are loaded once per session (``builtin_rules`` fixture);
the parametrisation reads the same cached load.
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from helpers import lint_text

from contentlint.engine.registry import Example, Rule, builtin_rules_dir, load_rules
from contentlint.model.finding import Finding

# Collection needs the examples before any fixture runs; load_rules caches, so this is the one load.
_RULES = load_rules([builtin_rules_dir()])
_CASES = [(code, kind, i) for code, rule in sorted(_RULES.items())
          for kind in ("bad", "good") for i in range(len(getattr(rule, kind)))]


@pytest.fixture(scope="session")
def builtin_rules() -> Mapping[str, Rule]:
    """The built-in rules, loaded once for the whole session."""
    return _RULES


def _offset(text: str, line: int, column: int) -> int:
    """Return the offset in ``text`` of a 1-based line and column."""
    lines = text.split("\n")
    return sum(len(row) + 1 for row in lines[: line - 1]) + column - 1


def _fixed(text: str, findings: list[Finding]) -> str:
    """Apply the findings' safe fixes to ``text``, right to left so offsets stay valid."""
    for finding in sorted((f for f in findings if f.fix), key=lambda f: f.fix.start, reverse=True):  # type: ignore[union-attr]
        assert finding.fix is not None
        text = text[: finding.fix.start] + finding.fix.replacement + text[finding.fix.end:]
    return text


def check_example(rule: Rule, example: Example) -> None:
    """Assert that ``rule`` reports exactly what ``example`` states (used for built-in and test rules)."""
    findings = [f for f in lint_text(example.text, select=(rule.code,)) if f.code == rule.code]
    where = f"{rule.code} on {example.text!r}"
    expected = example.expected_count()
    if expected is not None:
        assert len(findings) == expected, f"{where}: {len(findings)} findings {[f.match for f in findings]}, expected {expected}"
    elif not findings:
        pytest.fail(f"{where}: missed its bad example")
    if example.spans is not None:
        assert [f.match for f in findings] == list(example.spans), where
    if example.start is not None:
        assert _offset(example.text, findings[0].line, findings[0].column) == example.start, where
    if example.end is not None:
        assert _offset(example.text, findings[0].end_line, findings[0].end_column) == example.end, where
    if example.suggestions is not None:
        assert [f.suggestion for f in findings] == list(example.suggestions), where
    elif example.suggestion is not None:
        assert findings[0].suggestion == example.suggestion, where
    if example.fixed is not None:
        assert _fixed(example.text, findings) == example.fixed, where


@pytest.mark.parametrize(("code", "kind", "index"), _CASES, ids=[f"{c}-{k}-{i}" for c, k, i in _CASES])
def test_example(builtin_rules: Mapping[str, Rule], code: str, kind: str, index: int) -> None:
    """Each example gives exactly the findings it states."""
    rule = builtin_rules[code]
    check_example(rule, getattr(rule, kind)[index])


def test_every_rule_has_examples_of_both_kinds(builtin_rules: Mapping[str, Rule]) -> None:
    for rule in builtin_rules.values():
        assert rule.bad and rule.good, f"{rule.code} needs bad and good examples"


def test_every_builtin_example_states_its_exact_expectation(builtin_rules: Mapping[str, Rule]) -> None:
    """A bad example states its span (text or offsets) or count, its suggestion and, for a safe fix, the result."""
    for rule in builtin_rules.values():
        for example in rule.bad:
            where = f"{rule.code} bad example {example.text[:40]!r}"
            assert example.spans is not None or example.start is not None, f"{where}: state `span` or `start`"
            assert example.expected_count() is not None, where
            if rule.fix_safe:
                assert example.fixed is not None, f"{where}: a safe-fix rule states `fixed`"
        for example in rule.good:
            assert example.expected_count() == 0


@pytest.mark.parametrize("pack", ["spelling", "plain-language"])
def test_good_examples_are_clean_for_the_whole_pack(builtin_rules: Mapping[str, Rule], pack: str) -> None:
    """A correct sentence written for one rule is not reported by any rule of its pack either."""
    for rule in (r for r in builtin_rules.values() if r.pack == pack):
        for example in rule.good:
            assert lint_text(example.text, select=(pack,)) == [], f"{pack} fires on a good example of {rule.code}"
