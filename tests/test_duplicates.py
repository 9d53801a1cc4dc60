"""Tests for contentlint.duplicates.index: planted exact, near and section copies in a small corpus."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import numpy as np
import pytest
import yaml

from contentlint.duplicates.index import (
    DuplicateIndex,
    DuplicateOptions,
    DuplicateReport,
    Paragraph,
    find_duplicates,
    fingerprint,
)
from contentlint.duplicates.minhash import jaccard, shingle_hashes, shingle_set, signatures
from contentlint.duplicates.normalise import AllowList, normalise, words
from contentlint.model.finding import Location

FIXTURES = Path(__file__).parent / "fixtures" / "duplicates"
RULES = Path(__file__).parent.parent / "rules" / "duplication"
EXPECTED = yaml.safe_load((FIXTURES / "expected.yaml").read_text(encoding="utf-8"))
_ID = re.compile(r"<!--\s*id:\s*(\S+)\s*-->")


def split(text: str, path: str) -> tuple[list[Paragraph], dict[Location, str]]:
    """Split a fixture into paragraphs on blank lines; '#' lines are headings, id comments label."""
    paragraphs: list[Paragraph] = []
    ids: dict[Location, str] = {}
    section: int | None = None
    label: str | None = None
    chunk: list[tuple[int, str]] = []

    def flush() -> None:
        nonlocal label
        if chunk:
            loc = Location(path, chunk[0][0], 1, chunk[-1][0], len(chunk[-1][1]) + 1)
            paragraphs.append(Paragraph(loc, "\n".join(t for _, t in chunk), section))
            if label:
                ids[loc] = label
            chunk.clear()
            label = None

    for number, line in enumerate(text.splitlines(), start=1):
        if (m := _ID.fullmatch(line.strip())) is not None:
            flush()
            label = m.group(1)
        elif not line.strip():
            flush()
        elif line.startswith("#"):
            flush()
            section = 0 if section is None else section + 1
        else:
            chunk.append((number, line))
    flush()
    return paragraphs, ids


def corpus() -> tuple[list[list[Paragraph]], dict[Location, str]]:
    """Read every fixture file in path order."""
    docs: list[list[Paragraph]] = []
    ids: dict[Location, str] = {}
    for path in sorted(FIXTURES.glob("*.md")):
        paragraphs, labels = split(path.read_text(encoding="utf-8"), path.name)
        docs.append(paragraphs)
        ids.update(labels)
    return docs, ids


def pairs(reports: list[DuplicateReport], ids: dict[Location, str]) -> dict[str, set[tuple[str, str]]]:
    """Turn reports into {code: {(original id, copy id)}}; a section is named by its first paragraph."""
    by_start = {(loc.path, loc.line): name for loc, name in ids.items()}
    out: dict[str, set[tuple[str, str]]] = {"DU001": set(), "DU002": set(), "DU003": set()}
    for r in reports:
        first, copy = r.related[0], r.loc
        out[r.code].add((by_start[(first.path, first.line)], by_start[(copy.path, copy.line)]))
    return out


def allowed_options(**kwargs: object) -> DuplicateOptions:
    """Default options with the fixture corpus's disclaimer on the allow-list."""
    return DuplicateOptions(allow=AllowList.parse(EXPECTED["allow"]), **kwargs)  # type: ignore[arg-type]


# --- normalisation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("variant", "plain"),
    [
        ("You\u2019re right, it\u2018s \u201cfine\u201d", "you're right, it's \"fine\""),
        ("a \u201esplit\u201f quote and 5\u2032 10\u2033", "a \"split\" quote and 5' 10\""),
        ("dose \u2013 then \u2014 wait \u2012 ok \u2010 x \u2011 y \u2015 z \u2212 w", "dose - then - wait - ok - x - y - z - w"),
        ("  Many\t\tspaces\n and\u00a0lines  ", "many spaces and lines"),
        ("\uff34\uff2f\uff34\uff21\uff2c \ufb01bre", "total fibre"),  # NFKC: full-width letters, fi ligature
        ("*Take* the __dose__ with [food](https://x.org/a_b) <b>daily</b>", "take the dose with food daily"),
        ("sugar &amp; salt", "sugar & salt"),
        ("snake_case stays, 2 * 3 stays", "snake_case stays, 2 * 3 stays"),
    ],
)
def test_normalise_unifies_cosmetic_variants(variant: str, plain: str) -> None:
    assert normalise(variant) == plain


def test_words_keep_apostrophes_and_hyphens_inside_words() -> None:
    assert words(normalise("Don\u2019t skip type\u20112 checks.")) == ["don't", "skip", "type-2", "checks"]


def test_allow_list_patterns_must_match_the_whole_paragraph() -> None:
    allow = AllowList.parse([r"/reviewed by .* on \d{4}-\d\d-\d\d\./", "Plain Text"])
    assert allow.allows(normalise("Reviewed by Dr A. Nurse on 2024\u201101\u201131."))
    assert allow.allows("plain text")
    assert not allow.allows("this paragraph was reviewed by a nurse on 2024-01-31. and more")
    with pytest.raises(ValueError):
        AllowList.parse([{"pattern": "("}])


# --- MinHash ------------------------------------------------------------------------------------


def test_minhash_estimate_tracks_exact_jaccard() -> None:
    rng = np.random.default_rng(3)
    base = [f"w{i}" for i in rng.integers(0, 10_000, 200)]
    edited = list(base)
    for i in rng.choice(200, 30, replace=False):
        edited[i] = "x" + edited[i]
    a, b = shingle_hashes(base, 2), shingle_hashes(edited, 2)
    sigs = signatures([a, b], 128, 1)
    exact = jaccard(shingle_set(a), shingle_set(b))
    assert abs(float((sigs[0] == sigs[1]).mean()) - exact) < 0.15
    assert 0.4 < exact < 0.8


def test_short_text_still_gets_one_shingle() -> None:
    assert len(shingle_hashes(["alone"], 2)) == 1
    assert len(shingle_hashes([], 2)) == 0


# --- the planted corpus -------------------------------------------------------------------------


def test_every_planted_pair_is_found_and_nothing_else() -> None:
    docs, ids = corpus()
    found = pairs(find_duplicates(docs, allowed_options()), ids)
    assert found["DU001"] == {tuple(p) for p in EXPECTED["exact"]}
    assert found["DU002"] == {tuple(p) for p in EXPECTED["near"]}
    assert found["DU003"] == {tuple(p) for p in EXPECTED["section"]}


def test_distinct_paragraphs_on_one_topic_are_not_similar() -> None:
    docs, ids = corpus()
    text = {ids[p.loc]: p.text for doc in docs for p in doc if p.loc in ids}
    for a, b in EXPECTED["distinct"]:
        sa, sb = (shingle_set(shingle_hashes(words(normalise(text[x])), 2)) for x in (a, b))
        assert jaccard(sa, sb) < 0.3, (a, b)


def test_near_copies_have_few_edits_and_score_above_threshold() -> None:
    docs, ids = corpus()
    text = {ids[p.loc]: p.text for doc in docs for p in doc if p.loc in ids}
    reports = find_duplicates(docs, allowed_options())
    for r in (r for r in reports if r.code == "DU002"):
        assert 60 <= r.data["similarity"] < 100
        assert r.data["kind"] == "near"
    # The planted near copies really are ~10% edits: word-level difference stays small.
    for a, b in EXPECTED["near"]:
        wa, wb = words(normalise(text[a])), words(normalise(text[b]))
        assert abs(len(wa) - len(wb)) <= 3 and len(set(wa) ^ set(wb)) <= 6, (a, b)


def test_copies_point_at_the_first_in_reading_order() -> None:
    docs, ids = corpus()
    reports = find_duplicates(docs, allowed_options())
    for r in reports:
        first = r.related[0]
        assert (first.path, first.line) < (r.loc.path, r.loc.line)
        assert r.data["first_path"] == first.path and r.data["first_line"] == first.line


def test_section_copy_replaces_its_paragraph_findings() -> None:
    docs, ids = corpus()
    found = pairs(find_duplicates(docs, allowed_options()), ids)
    reported_copies = {copy for codes in ("DU001", "DU002") for _, copy in found[codes]}
    assert not reported_copies & {"store-fridge-2", "store-room-2", "store-travel-2", "gl-when-2", "gl-hands-2", "gl-log-2"}
    sections = {r.loc.path: r for r in find_duplicates(docs, allowed_options()) if r.code == "DU003"}
    assert set(sections) == {"04-insulin-faq.md"} or len(sections) == 1


def test_disclaimer_without_allow_list_is_an_exact_group_with_case_variant() -> None:
    docs, ids = corpus()
    found = pairs(find_duplicates(docs, DuplicateOptions()), ids)
    assert {("disclaimer-1", f"disclaimer-{n}") for n in (2, 3, 4)} <= found["DU001"]


def test_allow_list_by_pattern_silences_the_disclaimer() -> None:
    docs, ids = corpus()
    options = DuplicateOptions(allow=AllowList.parse([{"pattern": r"this guide is general information.*"}]))
    found = pairs(find_duplicates(docs, options), ids)
    assert not any(copy.startswith("disclaimer") for codes in found.values() for _, copy in codes)


def test_short_paragraphs_are_ignored_until_min_words_allows_them() -> None:
    docs, ids = corpus()
    assert not any("short" in c for v in pairs(find_duplicates(docs, allowed_options()), ids).values() for _, c in v)
    found = pairs(find_duplicates(docs, allowed_options(min_words=4)), ids)
    assert ("short-1", "short-2") in found["DU001"]


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        ("file", {("store-fridge", "recap-fridge"), ("sites-rotate", "sites-rotate-near")}),
        (
            "corpus",
            {
                ("bolus", "bolus-moved"), ("urine-colour", "urine-colour-variant"), ("routine", "routine-near"),
                ("basal", "basal-added"), ("thirst-older", "thirst-dropped"),
                ("store-fridge", "store-fridge-2"), ("gl-when", "gl-when-2"),
            },
        ),
    ],
)
def test_scope_filters_within_file_and_cross_file_copies(scope: str, expected: set[tuple[str, str]]) -> None:
    docs, ids = corpus()
    found = pairs(find_duplicates(docs, allowed_options(scope=scope)), ids)
    assert set().union(*found.values()) == expected


def test_near_copy_of_a_copy_points_at_the_paragraph_it_resembles() -> None:
    # B is ~10% edited from A, C ~10% edited from B but ~20% from A: C must not be reported as a
    # copy of A at a similarity under the threshold; it is reported against B.
    base = [f"word{i}" for i in range(40)]
    b = list(base)
    for i in (5, 15, 25, 35):
        b[i] = f"b{i}"
    c = list(b)
    for i in (10, 20, 30, 38):
        c[i] = f"c{i}"
    docs = [[Paragraph(Location(f"{n}.md", 1, 1, 1, 2), " ".join(t), 0)] for n, t in enumerate((base, b, c))]
    reports = find_duplicates(docs, DuplicateOptions())
    got = {(r.related[0].path, r.loc.path, r.data["similarity"]) for r in reports}
    assert {(a, c) for a, c, _ in got} == {("0.md", "1.md"), ("1.md", "2.md")}
    assert all(s >= 60 for *_, s in got)


def test_fingerprints_are_picklable_and_hold_no_text() -> None:
    docs, _ = corpus()
    fps = fingerprint(docs[0], DuplicateOptions())
    assert len(fps) == len(docs[0])
    blob = pickle.dumps(fps)
    assert b"freezer" not in blob and b"thaws" not in blob  # (the path itself names insulin)
    index = DuplicateIndex(DuplicateOptions())
    index.add(pickle.loads(blob))
    assert len(index) == len(fps)


def test_index_groups_can_be_built_incrementally() -> None:
    docs, ids = corpus()
    options = allowed_options()
    index = DuplicateIndex(options)
    for doc in docs:
        index.add(fingerprint(doc, options))
    groups = index.groups()
    assert sum(len(g.copies) for g in groups) == len(index.reports())
    assert {g.kind for g in groups} == {"exact", "near", "section"}
    assert all(g.first.loc == g.members[0].loc and g.copies == g.members[1:] for g in groups)


def test_options_from_rule_mapping_and_validation() -> None:
    opts = DuplicateOptions.from_mapping({"min-words": 8, "threshold": 0.7, "scope": "file", "allow": ["x y"]})
    assert (opts.min_words, opts.threshold, opts.scope) == (8, 0.7, "file")
    assert opts.allow.allows("x y")
    for bad in ({"scope": "everywhere"}, {"threshold": 1.5}, {"min-words": 0}, {"colour": "red"}):
        with pytest.raises(ValueError):
            DuplicateOptions.from_mapping(bad)


# --- rule files ---------------------------------------------------------------------------------

RULE_FILES = sorted(RULES.glob("*.yaml"))
REQUIRED = {"code", "name", "kind", "level", "scope", "message", "summary", "why", "examples"}


def test_the_three_rules_exist() -> None:
    assert [p.name for p in RULE_FILES] == [
        "DU001-duplicate-paragraph.yaml",
        "DU002-near-duplicate-paragraph.yaml",
        "DU003-duplicate-section.yaml",
    ]


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.stem)
def test_rule_file_schema(path: Path) -> None:
    rule = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(rule) >= REQUIRED
    assert path.name.startswith(f"{rule['code']}-{rule['name']}")
    assert (rule["kind"], rule["level"], rule["scope"]) == ("duplicate", "error", "document")
    options = DuplicateOptions.from_mapping(rule["options"])
    assert rule["options"]["mode"] == {"DU001": "exact", "DU002": "near", "DU003": "section"}[rule["code"]]
    rule["message"].format(first_path="a.md", first_line=3, first_column=1, similarity=90, words=20, copies=1,
                           kind="near", **{k.replace("-", "_"): v for k, v in rule["options"].items()})
    assert options is not None  # the examples run, with their exact spans, in tests/test_rule_examples.py
