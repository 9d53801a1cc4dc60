"""The claims development set (tests/fixtures/claims/claims-dev.jsonl): schema, and a run of the rules over it.

These tests never depend on how accurate the claims rules are: the labels are the target of issue 11,
not today's behaviour.  They check that the fixture is well formed (ids, labels, spans, splits,
styles, size), that it matches the bench copy and the item files it is built from, and that the
bench's dev-set scoring runs over it with the current rules and accounts for every label.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "claims" / "claims-dev.jsonl"
BENCH_COPY = ROOT / "bench" / "claims-dev" / "claims-dev.jsonl"
CODES = {"MC001", "MC002", "MC003", "MC004"}
STYLES = {"marketing", "news", "patient-info"}
SPLITS = {"dev", "held"}
REQUIRED = {
    "id": str, "style": str, "group": str, "variant": str, "markdown": str, "text": str, "rules": list,
    "allowed": list, "triggers": dict, "public_health_guidance": bool, "rules_patient_information": list,
    "patterns": list, "split": str, "source": str,
}


def _items() -> list[dict[str, Any]]:
    return [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]


ITEMS = _items()


def _module(path: Path, name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_size_styles_and_splits() -> None:
    """At least 300 items, all three styles, both splits, about 30% held out in each style."""
    assert len(ITEMS) >= 300
    assert {it["style"] for it in ITEMS} == STYLES
    assert {it["split"] for it in ITEMS} == SPLITS
    for style in STYLES:
        mine = [it for it in ITEMS if it["style"] == style]
        held = sum(it["split"] == "held" for it in mine) / len(mine)
        assert 0.2 <= held <= 0.4, (style, held)
        assert len({it["split"] for it in mine}) == 2


@pytest.mark.parametrize("item", ITEMS, ids=[it["id"] for it in ITEMS])
def test_item_schema(item: dict[str, Any]) -> None:
    """Every field present with its type; labels from the allowed set; spans inside the sentence."""
    for key, kind in REQUIRED.items():
        assert isinstance(item.get(key), kind), key
    assert item["style"] in STYLES and item["split"] in SPLITS
    rules, allowed = set(item["rules"]), set(item["allowed"])
    assert rules <= CODES and allowed <= CODES and not rules & allowed
    assert item["rules"] == sorted(rules) and item["allowed"] == sorted(allowed)
    assert set(item["triggers"]) == rules
    for code, span in item["triggers"].items():
        assert span and span in item["text"], (code, span)
    assert item["text"].strip() and item["markdown"].count(item["text"]) == 1
    expected_pi = [c for c in item["rules"] if not (item["public_health_guidance"] and c == "MC001")]
    assert item["rules_patient_information"] == expected_pi
    if item["style"] == "patient-info" and "written" not in item["patterns"]:
        assert item["source"].startswith("MedQuAD") and "CC BY 4.0" in item["source"]
        assert item["source_path"].endswith(".md")
    else:
        assert item["source"].startswith("written for contentlint")


def test_ids_unique_and_shaped() -> None:
    """Ids are unique and start with their group."""
    ids = Counter(it["id"] for it in ITEMS)
    assert not [i for i, n in ids.items() if n > 1]
    assert all(it["id"].startswith(it["group"] + "-") for it in ITEMS)


def test_both_outcomes_in_every_style() -> None:
    """Each style has items that some rule should report and items that no rule should report."""
    for style in STYLES:
        mine = [it for it in ITEMS if it["style"] == style]
        assert any(it["rules"] for it in mine) and any(not it["rules"] for it in mine), style


def test_counterparts_share_a_split() -> None:
    """Written counterparts (one group) are never split between dev and held."""
    splits: dict[str, set[str]] = {}
    for it in ITEMS:
        if it["style"] != "patient-info":
            splits.setdefault(it["group"], set()).add(it["split"])
    assert all(len(s) == 1 for s in splits.values())


def test_fixture_is_the_bench_copy_and_rebuilds() -> None:
    """The fixture equals bench/claims-dev/claims-dev.jsonl, and the builder reproduces it from the item files."""
    assert FIXTURE.read_bytes() == BENCH_COPY.read_bytes()
    builder = _module(ROOT / "bench" / "claims-dev" / "build_devset.py", "claims_devset_builder")
    previous = {it["id"]: it for it in ITEMS}
    assert builder.build(None, previous) == ITEMS


def test_no_pubmed_text() -> None:
    """No sentence of the GPL PubMed file is in the fixture (checked when the data is present)."""
    csv_path = Path("/work/shared/data/claims/pubmed-claim-strength.csv")
    if not csv_path.is_file():
        pytest.skip("PubMed claim-strength data not available")
    import csv

    with csv_path.open(encoding="utf-8", newline="") as fh:
        pubmed = {row["sentence"].strip() for row in csv.DictReader(fh)}
    assert not [it["id"] for it in ITEMS if it["text"].strip() in pubmed]


def test_bench_scoring_runs_over_the_fixture() -> None:
    """The current rules run over every item through the engine, deterministically, and every label is counted.

    Nothing here depends on the rules being right: only that each required label ends up a hit or a
    miss, that findings are claims findings inside the judged sentence, and that a second run agrees.
    """
    bench = _module(ROOT / "bench" / "claims_eval.py", "claims_eval_for_tests")
    rules = bench.load_rules()
    assert [r.code for r in rules] == sorted(CODES)
    preds = bench.devset_predictions(ITEMS, rules)
    assert len(preds) == len(ITEMS)
    assert all(set(got) <= CODES for got in preds)
    again = bench.devset_predictions(ITEMS[:60], rules)
    assert again == preds[:60]
    for policy, field in (("general", "rules"), ("patient-information", "rules_patient_information")):
        judged = [bench._judge(it, got, policy) for it, got in zip(ITEMS, preds)]
        for code in CODES:
            counted = sum(j[code] in ("tp", "fn") for j in judged)
            assert counted == sum(code in it[field] for it in ITEMS)
        assert sum(j["any"] in ("tp", "fn") for j in judged) == sum(bool(it[field]) for it in ITEMS)
