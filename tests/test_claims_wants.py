"""The ``wants`` pre-filter of MC001 and MC004 must cover every trigger its rule file lists.

The engine calls MC001 only on sentences that ``wants`` matches (those it parses), so a verb
added to the YAML lists but missing from the stems would silently never be reported.
"""

from __future__ import annotations

import re

from contentlint.engine.registry import builtin_rules_dir, load_rules
from contentlint.packs.claims.checks import CLAIM_WANTS
from contentlint.packs.claims.text import verb_forms

_VERB_LISTS = ("claim-verbs", "strong-verbs", "agent-verbs", "outcome-verbs")


def test_wants_covers_every_listed_verb() -> None:
    rules = load_rules([builtin_rules_dir()])
    wants = re.compile(CLAIM_WANTS)
    missing = []
    lists = [(rules["MC001"], name) for name in _VERB_LISTS] + [(rules["MC004"], "disease-verbs")]
    for rule, name in lists:
        for entry in rule.options.get(name, []):
            entry = str(entry)
            if entry.startswith("re:"):
                continue
            first, *rest = entry.split()
            for form in verb_forms(first).values():
                phrase = " ".join([form, *rest])  # "gets rid of" is wanted through "rid"
                if not wants.search(phrase):
                    missing.append(f"{name}: {phrase}")
    assert not missing, missing


def test_wants_is_selective() -> None:
    wants = re.compile(CLAIM_WANTS)
    assert not wants.search("The thyroid is a gland in the neck.")
    assert wants.search("Zinc shortens colds.")
