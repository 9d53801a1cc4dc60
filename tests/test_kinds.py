"""The kinds' contract: options validated at load time for every kind, the pattern kind's features,
shared lexicons defined once, and the ``python`` kind's declared options, ``prepare`` step and needs."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from helpers import REPO

from contentlint.cli import main
from contentlint.engine.registry import (
    RuleError,
    builtin_rules_dir,
    load_rules,
    required_analyses,
)
from contentlint.kinds.base import OptionError
from contentlint.kinds.contract import ANALYSES, Opt, rule_function
from contentlint.kinds.pattern import PatternKind, match_case
from contentlint.model.finding import Unit

RULE = """\
code: HR001
name: house-check
kind: {kind}
level: warning
scope: {scope}
message: "House check {{match}}"
summary: A house rule.
why: To test option validation.
options:
{options}
examples:
  bad: []
  good: []
"""

# For every kind: valid options, then one unknown and one mistyped option (key named in the error).
KIND_CASES: dict[str, tuple[str, str, str, str]] = {
    "pattern": ("sentence", "  patterns: [foo]", "  colour: red", "  preserve-case: 3"),
    "substitution": ("sentence", "  words: {renal: [kidney]}", "  colour: red", "  keep: renal"),
    "metric": ("sentence", "  metric: words\n  max: 30", "  colour: red", "  max: lots"),
    "duplicate": ("document", "  mode: exact", "  colour: red", "  threshold: high"),
    "python": ("sentence", "  entry: house_rules_contract:check", "  colour: red", "  limit: many"),
}

HOUSE_MODULE = '''
from contentlint.kinds.contract import ANALYSES, Opt, rule_function

PREPARED = []

def _prepare(options):
    PREPARED.append(dict(options))
    return options["limit"]

@rule_function(options={"limit": Opt("int", 3)}, prepare=_prepare, needs=("sentences", "tokens"))
def check(unit, limit):
    return []
'''


@pytest.fixture
def house_package(tmp_path: Path) -> Iterator[Path]:
    """A top-level module ``house_rules_contract`` with a declared rule function, importable."""
    (tmp_path / "house_rules_contract.py").write_text(HOUSE_MODULE)
    sys.path.insert(0, str(tmp_path))
    yield tmp_path
    sys.path.remove(str(tmp_path))
    sys.modules.pop("house_rules_contract", None)


def _write_rule(root: Path, kind: str, options: str) -> Path:
    pack = root / "rules" / "house"
    pack.mkdir(parents=True, exist_ok=True)
    path = pack / "HR001-house-check.yaml"
    path.write_text(RULE.format(kind=kind, scope=KIND_CASES[kind][0], options=options))
    return path


@pytest.mark.parametrize("kind", sorted(KIND_CASES))
def test_valid_options_load_for_every_kind(house_package: Path, kind: str) -> None:
    path = _write_rule(house_package, kind, KIND_CASES[kind][1])
    rules = load_rules([path.parent.parent], allow_code=["house_rules_contract"])
    assert rules["HR001"].kind == kind
    assert rules["HR001"].needs <= ANALYSES and (kind == "duplicate" or "sentences" in rules["HR001"].needs)


@pytest.mark.parametrize("which", [2, 3], ids=["unknown", "mistyped"])
@pytest.mark.parametrize("kind", sorted(KIND_CASES))
def test_bad_option_stops_loading_naming_file_and_key(house_package: Path, kind: str, which: int) -> None:
    valid, bad = KIND_CASES[kind][1], KIND_CASES[kind][which]
    bad_key = bad.split(":")[0].strip()
    # The bad line replaces a valid one with the same key, or joins the valid options.
    lines = [line for line in valid.splitlines() if line.split(":")[0].strip() != bad_key]
    path = _write_rule(house_package, kind, "\n".join([*lines, bad]))
    with pytest.raises(RuleError) as err:
        load_rules([path.parent.parent], allow_code=["house_rules_contract"])
    assert str(path) in str(err.value) and f"options.{bad_key}:" in str(err.value)


@pytest.mark.parametrize("kind", sorted(KIND_CASES))
def test_bad_option_stops_the_cli_run(house_package: Path, kind: str) -> None:
    _write_rule(house_package, kind, "\n".join([KIND_CASES[kind][1], KIND_CASES[kind][2]]))
    config = house_package / "contentlint.toml"
    config.write_text('extra-rule-paths = ["rules"]\nallow-code = ["house_rules_contract"]\n')
    (house_package / "a.md").write_text("Some text.\n")
    old = os.getcwd()
    os.chdir(house_package)
    try:
        result = CliRunner().invoke(main, ["check", "--config", str(config), "a.md"])
    finally:
        os.chdir(old)
    assert result.exit_code == 2, result.output
    assert "HR001-house-check.yaml" in result.output and "colour" in result.output


def test_python_rule_prepares_once_and_declares_needs(house_package: Path) -> None:
    path = _write_rule(house_package, "python", "  entry: house_rules_contract:check")
    rule = load_rules([path.parent.parent], allow_code=["house_rules_contract"])["HR001"]
    module = sys.modules["house_rules_contract"]
    assert module.PREPARED == [{"limit": 3}]  # the declared default filled in, prepared once
    assert rule.prepared.options == 3
    assert rule.needs == frozenset({"sentences", "tokens"})


def test_a_rule_set_says_which_analyses_it_needs() -> None:
    rules = load_rules([builtin_rules_dir()])
    assert required_analyses(r for r in rules.values() if r.pack == "duplication") == frozenset()
    # The confusable slips (SP011, SP014-SP016) read tags on the sentences holding their word.
    assert required_analyses(r for r in rules.values() if r.pack == "spelling") == {"sentences", "tags"}
    # MC001 reads the parse of the sentences its `wants` matches (issue 11).
    assert required_analyses(r for r in rules.values() if r.code == "MC001") == {
        "sentences", "tokens", "dependencies"}
    assert required_analyses(rules.values()) == {"sentences", "tokens", "tags", "dependencies"}


def test_declarations_are_checked() -> None:
    with pytest.raises(ValueError, match="unknown analyses"):
        rule_function(needs=("vibes",))
    with pytest.raises(ValueError, match="unknown option type"):
        Opt("colour")


# --------------------------------------------------------------------------------------------------
# Lexicons
# --------------------------------------------------------------------------------------------------


def _lists(value: Any) -> Iterator[tuple[str, ...]]:
    """Yield every list of three or more strings inside an option value."""
    if isinstance(value, list) and len(value) >= 3 and all(isinstance(v, str) for v in value):
        yield tuple(sorted(value))
    elif isinstance(value, dict):
        for item in value.values():
            yield from _lists(item)
    elif isinstance(value, list):
        for item in value:
            yield from _lists(item)


def test_no_word_list_is_defined_in_two_places() -> None:
    """A list shared by rules is a lexicon, referenced by name: no file repeats another's list."""
    seen: dict[tuple[str, ...], str] = {}
    rules_dir = REPO / "rules"
    files = sorted(rules_dir.glob("*/[A-Z][A-Z][0-9][0-9][0-9]-*.yaml"))
    sources = [(str(p), (yaml.safe_load(p.read_text(encoding="utf-8")).get("options") or {})) for p in files]
    sources += [(str(p), yaml.safe_load(p.read_text(encoding="utf-8"))) for p in sorted(rules_dir.glob("lexicons/*.yaml"))]
    for where, options in sources:
        for key, value in options.items():
            for words in _lists(value):
                assert words not in seen, f"{where}: {key} repeats a list of {seen[words]}: make it a lexicon"
                seen[words] = f"{where}: {key}"


def _pack_with_lexicons(root: Path, lexicons: dict[str, str], options: str) -> Path:
    (root / "lexicons").mkdir(parents=True)
    for name, text in lexicons.items():
        (root / "lexicons" / name).write_text(text)
    (root / "house").mkdir()
    (root / "house" / "HR001-house-check.yaml").write_text(RULE.format(kind="pattern", scope="sentence", options=options))
    return root


def test_lexicon_reference_is_resolved(tmp_path: Path) -> None:
    root = _pack_with_lexicons(tmp_path / "r", {"a.yaml": "colours: [red, green, blue]\n"},
                               "  patterns:\n  - tokens: [{words: {lexicon: colours}}, car]")
    rule = load_rules([root])["HR001"]
    hits = list(PatternKind().check(Unit("A green car and a red car."), rule.prepared))
    assert [h.match for h in hits] == ["green car", "red car"]


def test_a_lexicon_defined_twice_is_an_error(tmp_path: Path) -> None:
    root = _pack_with_lexicons(tmp_path / "r", {"a.yaml": "colours: [red]\n", "b.yaml": "colours: [blue]\n"},
                               "  patterns: [x]")
    with pytest.raises(RuleError, match=r"b\.yaml: colours: lexicon already defined in .*a\.yaml"):
        load_rules([root])


def test_an_unknown_lexicon_names_the_option(tmp_path: Path) -> None:
    root = _pack_with_lexicons(tmp_path / "r", {"a.yaml": "colours: [red]\n"},
                               "  patterns: [x]\n  exceptions: {lexicon: shapes}")
    with pytest.raises(RuleError, match=r"options\.exceptions: unknown lexicon 'shapes'"):
        load_rules([root])


def test_builtin_lexicons_are_used() -> None:
    rules = load_rules([builtin_rules_dir()])
    assert rules["MC001"].options["sources"] == rules["MC003"].options["sources"]
    assert "PSA" in str(rules["SP018"].options)


# --------------------------------------------------------------------------------------------------
# The pattern kind
# --------------------------------------------------------------------------------------------------


def _run(options: dict[str, Any], text: str) -> list[tuple[str, str | None]]:
    kind = PatternKind()
    return [(h.match, h.suggestion) for h in kind.check(Unit(text), kind.prepare(options))]


def test_case_is_ignored_by_default_and_matched_on_request() -> None:
    assert _run({"patterns": ["psa"]}, "PSA and psa") == [("PSA", None), ("psa", None)]
    assert _run({"patterns": ["psa"], "case": "match"}, "PSA and psa") == [("psa", None)]
    assert _run({"patterns": [{"regex": "PSA", "case": "match"}, "zinc"]}, "psa PSA Zinc") == [("PSA", None), ("Zinc", None)]
    assert _run({"patterns": ["psa"], "ignore-case": False}, "PSA") == []


def test_preserve_case_in_suggestions() -> None:
    options = {"patterns": [{"regex": "alot", "replace": "a lot"}], "preserve-case": True}
    assert _run(options, "alot Alot ALOT") == [("alot", "a lot"), ("Alot", "A lot"), ("ALOT", "A LOT")]
    assert _run({"patterns": [{"regex": "alot", "replace": "a lot"}]}, "Alot") == [("Alot", "a lot")]


def test_token_sequences_report_their_hit_tokens() -> None:
    options = {"patterns": [{"tokens": ["for|to", "all", {"words": "intensive", "hit": True}, {"words": "purposes", "hit": True}],
                             "replace": "intents and purposes"}]}
    assert _run(options, "For all intensive  purposes.") == [("intensive  purposes", "intents and purposes")]
    assert _run(options, "for allintensive purposes") == []
    optional = {"patterns": [{"tokens": ["side", {"words": ["very"], "optional": True}, "effects"]}]}
    assert [m for m, _ in _run(optional, "side effects; side very effects")] == ["side effects", "side very effects"]


def test_context_guards_within_tokens() -> None:
    options = {"patterns": [{"regex": "loose", "unless-before": {"words": ["a", "the"], "within": 2}}]}
    assert _run(options, "a very loose belt") == []
    assert _run(options, "a very tight and loose belt") == [("loose", None)]
    after = {"patterns": [{"regex": "mucous", "unless-after": {"regex": "^\\s+membranes?\\b"}}]}
    assert _run(after, "mucous membranes, then mucous.") == [("mucous", None)]
    unit = {"patterns": ["affect"], "unless": ["\\bflat\\b"]}
    assert _run(unit, "a flat affect") == [] and _run(unit, "an affect on") == [("affect", None)]


def test_hits_come_in_text_order_each_span_once() -> None:
    options = {"patterns": ["b", "a", "(?P<hit>a)b"]}
    assert [m for m, _ in _run(options, "ab")] == ["a", "b"]


@pytest.mark.parametrize(("options", "key"), [
    ({"patterns": [{"regex": "a", "replace": "\\2"}]}, "patterns"),
    ({"patterns": [{"regex": "(", "replace": "x"}]}, "patterns"),
    ({"patterns": [{"tokens": [{"words": "a", "hit": True}, "b", {"words": "c", "hit": True}]}]}, "patterns"),
    ({"patterns": [{"regex": "a", "tokens": ["a"]}]}, "patterns"),
    ({"patterns": ["a"], "case": "upper"}, "case"),
    ({"patterns": ["a"], "unless-before": {"regex": "a", "within": 0}}, "unless-before"),
    ({"patterns": ["a"], "unless-after": {"regex": "a", "colour": 1}}, "unless-after"),
    ({}, "patterns"),
])
def test_bad_pattern_options_name_their_key(options: dict[str, Any], key: str) -> None:
    with pytest.raises(OptionError) as err:
        PatternKind().prepare(options)
    assert err.value.key.split(".")[0] == key


# Every way to get the pattern kind's options wrong, with the exact key and message a user sees.
BAD_PATTERN_OPTIONS: list[tuple[dict[str, Any], str, str]] = [
    ({}, "patterns", "give `patterns` or `swap`"),
    ({"patterns": {"a": 1}}, "patterns", "must be a list of regexes or items"),
    ({"patterns": [3]}, "patterns", "each item is a regex or a mapping with `regex` or `tokens`"),
    ({"patterns": [{"regex": "a", "colour": 1}]}, "patterns",
     "unknown item key 'colour' (known: case, preserve-case, regex, replace, tokens, unless-after, unless-before)"),
    ({"patterns": [{"replace": "a"}]}, "patterns", "each item gives `regex` or `tokens`"),
    ({"patterns": [{"regex": "a", "tokens": ["a"]}]}, "patterns", "each item gives `regex` or `tokens`"),
    ({"patterns": [{"regex": 5}]}, "patterns", "regex: must be a string"),
    ({"patterns": [{"regex": "a", "replace": 5}]}, "patterns", "replace: must be a string"),
    ({"patterns": [{"regex": "a", "replace": "\\2"}]}, "patterns", "replace: the pattern has no group '2'"),
    ({"patterns": [{"regex": "(?P<x>a)", "replace": "\\g<y>"}]}, "patterns", "replace: the pattern has no group 'y'"),
    ({"patterns": [{"regex": "a", "case": "upper"}]}, "patterns.case", "must be 'ignore' or 'match'"),
    ({"patterns": [{"regex": "a", "preserve-case": "yes"}]}, "patterns.preserve-case", "must be true or false"),
    ({"patterns": [{"regex": "a", "unless-before": 3}]}, "patterns.unless-before",
     "must be a regex or a mapping of regex (or words) and within"),
    ({"patterns": [{"tokens": []}]}, "patterns", "must be a non-empty list of tokens"),
    ({"patterns": [{"tokens": "a b"}]}, "patterns", "must be a non-empty list of tokens"),
    ({"patterns": [{"tokens": [{"words": "a", "size": 1}]}]}, "patterns",
     "unknown token key 'size' (known: words, hit, optional)"),
    ({"patterns": [{"tokens": [{"words": "a", "hit": "yes"}]}]}, "patterns", "`hit` and `optional` are true or false"),
    ({"patterns": [{"tokens": [{"words": "a", "optional": 1}]}]}, "patterns", "`hit` and `optional` are true or false"),
    ({"patterns": [{"tokens": [{"words": "a", "hit": True, "optional": True}]}]}, "patterns",
     "a reported (`hit`) token cannot be optional"),
    ({"patterns": [{"tokens": [{"words": "a", "hit": True}, "b", {"words": "c", "hit": True}]}]}, "patterns",
     "the reported (`hit`) tokens must be next to each other"),
    ({"patterns": [{"tokens": [5]}]}, "patterns", "a token is a word, 'a|b' alternatives or a list of words"),
    ({"patterns": [{"tokens": [["a", 5]]}]}, "patterns", "a token is a word, 'a|b' alternatives or a list of words"),
    ({"patterns": [{"tokens": [{"hit": True}]}]}, "patterns", "a token is a word, 'a|b' alternatives or a list of words"),
    ({"patterns": [{"tokens": ["a||b"]}]}, "patterns", "a token needs at least one non-empty word"),
    ({"patterns": [{"tokens": [[]]}]}, "patterns", "a token needs at least one non-empty word"),
    ({"patterns": ["a"], "case": "upper"}, "case", "must be 'ignore' or 'match'"),
    ({"patterns": ["a"], "ignore-case": "yes"}, "ignore-case", "must be true or false"),
    ({"patterns": ["a"], "ignore-case": True, "case": "match"}, "ignore-case",
     "give `case` or the older `ignore-case`, not both"),
    ({"patterns": ["a"], "preserve-case": 1}, "preserve-case", "must be true or false"),
    ({"patterns": ["a"], "colour": 1}, "colour",
     ("unknown option (expected one of: case, exceptions, ignore-case, patterns, preserve-case, swap, unless, "
     "unless-after, unless-before)")),
    ({"swap": ["a"]}, "swap", "must map patterns to replacement strings"),
    ({"swap": {"a": 1}}, "swap", "must map patterns to replacement strings"),
    ({"swap": {"(": "x"}}, "swap", "bad regular expression"),
    ({"patterns": ["a"], "exceptions": [1]}, "exceptions", "must be a list of strings"),
    ({"patterns": ["a"], "exceptions": ["("]}, "exceptions", "bad regular expression"),
    ({"patterns": ["a"], "unless": [1]}, "unless", "must be a list of strings"),
    ({"patterns": ["a"], "unless": ["("]}, "unless", "bad regular expression"),
    ({"patterns": ["a"], "unless-before": ["a"]}, "unless-before",
     "must be a regex or a mapping of regex (or words) and within"),
    ({"patterns": ["a"], "unless-before": {"regex": "a", "colour": 1}}, "unless-before",
     "unknown guard key 'colour' (known: regex, within, words)"),
    ({"patterns": ["a"], "unless-before": {"within": 2}}, "unless-before", "give `regex` or `words`"),
    ({"patterns": ["a"], "unless-before": {"regex": "a", "words": ["a"]}}, "unless-before", "give `regex` or `words`"),
    ({"patterns": ["a"], "unless-before": {"regex": "a", "within": 0}}, "unless-before",
     "within: must be a whole number of tokens, at least 1"),
    ({"patterns": ["a"], "unless-before": {"regex": "a", "within": True}}, "unless-before",
     "within: must be a whole number of tokens, at least 1"),
    ({"patterns": ["a"], "unless-before": {"regex": "a", "within": "2"}}, "unless-before",
     "within: must be a whole number of tokens, at least 1"),
    ({"patterns": ["a"], "unless-after": {"regex": 3}}, "unless-after", "regex: must be a string"),
    ({"patterns": ["a"], "unless-after": {"words": 3}}, "unless-after",
     "a token is a word, 'a|b' alternatives or a list of words"),
    ({"patterns": ["a"], "unless-after": "("}, "unless-after", "bad regular expression"),
]


@pytest.mark.parametrize(("options", "key", "message"), BAD_PATTERN_OPTIONS)
def test_pattern_option_errors_are_exact(options: dict[str, Any], key: str, message: str) -> None:
    with pytest.raises(OptionError) as err:
        PatternKind().prepare(options)
    assert err.value.key == key
    assert str(err.value).startswith(message)


def test_within_one_is_valid_and_counts_tokens_exactly() -> None:
    before = {"patterns": [{"regex": "loose", "unless-before": {"words": ["ab"], "within": 1}}]}
    assert _run(before, "ab loose") == []  # the one token before
    assert _run(before, "ab, loose") == [("loose", None)]  # "," is the one token before
    far = {"patterns": [{"regex": "loose", "unless-before": {"words": ["ab"], "within": 3}}]}
    assert _run(far, "ab loose") == []  # fewer tokens than `within`: the whole text before counts
    after = {"patterns": [{"regex": "mucous", "unless-after": {"words": ["membrane"], "within": 1}}]}
    assert _run(after, "mucous thin membrane") == [("mucous", None)]
    assert _run(after, "mucous membrane") == []
    two = {"patterns": [{"regex": "mucous", "unless-after": {"words": ["membrane"], "within": 2}}]}
    assert _run(two, "mucous thin membrane") == []
    assert _run(two, "mucous is a thin membrane") == [("mucous", None)]


def test_alternatives_prefer_the_longest_and_phrases_allow_any_spacing() -> None:
    options = {"patterns": [{"tokens": [{"words": ["a", "a lot"], "hit": True}, "of"]}]}
    assert _run(options, "a  lot of") == [("a  lot", None)]
    assert _run({"patterns": [{"tokens": [["in", "in order to"]]}]}, "in order to") == [("in order to", None)]


def test_hit_tokens_keep_the_tokens_before_them() -> None:
    options = {"patterns": [{"tokens": ["side", {"words": "affect", "hit": True}], "replace": "effect"}]}
    assert _run(options, "side affect") == [("affect", "effect")]
    assert _run(options, "the affect") == []


def test_item_settings_override_the_rule() -> None:
    options = {"preserve-case": True, "case": "match",
               "patterns": [{"regex": "alot", "replace": "a lot", "preserve-case": False, "case": "ignore"},
                            {"regex": "irregardless", "replace": "regardless"}]}
    assert _run(options, "Alot, Irregardless, irregardless") == [("Alot", "a lot"), ("irregardless", "regardless")]
    assert _run({"patterns": ["psa"], "case": "ignore"}, "PSA") == [("PSA", None)]
    item = {"patterns": [{"regex": "alot", "replace": "a lot", "preserve-case": True}]}
    assert _run(item, "Alot") == [("Alot", "A lot")]


def test_exceptions_cancel_only_the_hits_they_cover() -> None:
    options = {"patterns": ["loose"], "exceptions": ["loose stools?", "^loose"]}
    assert _run(options, "loose stools, then loose weight") == [("loose", None)]
    exact = {"patterns": ["loose"], "exceptions": ["loose"]}
    assert _run(exact, "loose") == []
    partial = {"patterns": ["loose weight"], "exceptions": ["loose", "weight gain"]}
    assert _run(partial, "loose weight gain") == [("loose weight", None)]


def test_swap_and_legacy_ignore_case() -> None:
    assert _run({"swap": {"a(l)ot": "\\1"}}, "ALOT") == [("ALOT", "L")]
    assert _run({"swap": {"alot": "a lot"}, "ignore-case": False}, "ALOT alot") == [("alot", "a lot")]


def test_match_case_of_two_capitals() -> None:
    assert match_case("OF", "have") == "HAVE"
    assert match_case("O", "have") == "Have"


def test_a_single_pattern_string_and_a_guard_that_cancels_only_its_match() -> None:
    assert _run({"patterns": "alot"}, "alot") == [("alot", None)]
    options = {"patterns": [{"regex": "loose", "unless-before": "\\ba\\s+$"}]}
    assert _run(options, "a loose belt, so loose weight") == [("loose", None)]
