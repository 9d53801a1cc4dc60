"""Suppression directives, checked exactly: the lines each one covers, its reason and the problems found.

Written against the survivors of a mutation run over ``contentlint/engine/suppress.py`` (see
``bench/mutation-results.md``): the end-to-end tests in ``test_suppress.py`` only look at which
findings remain, so a wrong reason, directive line or problem message went unnoticed.
"""

from __future__ import annotations

from contentlint.engine.registry import builtin_rules_dir, load_rules
from contentlint.engine.suppress import DirectiveProblem, Suppression, build_suppressions
from contentlint.readers.load import read_document

RULES = load_rules([builtin_rules_dir()])
SLIP = "We could of known."


def _build(text: str, name: str = "a.md") -> tuple[list[Suppression], list[DirectiveProblem]]:
    suppressions, problems = build_suppressions(read_document(text.encode(), name), RULES)
    return list(suppressions.items), problems


def test_every_kind_of_directive_records_its_lines_reason_and_directive_line() -> None:
    text = (
        "<!-- an ordinary comment -->\n\n"                                   # 1: not a directive
        "<!-- contentlint-disable-file SP003: legacy page -->\n\n"           # 3
        "<!-- contentlint-disable-next ,SP002,SP004: quoted -->\n"           # 5
        f"{SLIP}\nstill the same paragraph.\n\n"                            # 6-7
        "<!-- contentlint-disable SP005: region -->\n\n"                     # 9
        f"{SLIP}\n\n"                                                        # 11
        "<!-- contentlint-enable SP005 -->\n\n"                              # 13
        "<!-- contentlint-disable SP006: open to the end -->\n\n"            # 15
        f"{SLIP}\n"                                                          # 17 (the file has 18 lines: it ends with a newline)
    )
    items, problems = _build(text)
    assert problems == []
    assert items == [
        Suppression(frozenset({"SP003"}), 1, 18, "legacy page", 3),
        Suppression(frozenset({"SP002", "SP004"}), 6, 7, "quoted", 5),
        Suppression(frozenset({"SP005"}), 9, 13, "region", 9),
        Suppression(frozenset({"SP006"}), 15, 18, "open to the end", 15),
    ]


def test_problems_name_the_line_and_what_is_wrong() -> None:
    text = (
        "<!-- contentlint-disable-next -->\n\n"                 # 1: no codes
        "<!-- contentlint-disable-next XX999 SP002 -->\n\n"     # 3: one unknown code
        f"{SLIP}\n\n"
        "<!-- contentlint-disable-next SP002 -->\n"             # 7: nothing after it
    )
    items, problems = _build(text)
    assert problems == [
        DirectiveProblem(1, "contentlint-disable-next must name the codes it applies to"),
        DirectiveProblem(3, "unknown code 'XX999' in contentlint-disable-next"),
        DirectiveProblem(7, "contentlint-disable-next has no block after it"),
    ]
    assert items == [Suppression(frozenset({"SP002"}), 5, 5, None, 3)]


def test_disable_next_covers_a_whole_table_row() -> None:
    text = "<!-- contentlint-disable-next SP002 -->\n| a | b |\n|---|---|\n| could of | x |\n\nAfter.\n"
    items, _ = _build(text)
    assert len(items) == 1 and items[0].first_line == 2 and items[0].last_line >= 2
