"""MC001's ``wants`` pre-filter must cover every trigger its rule file lists.

The engine calls MC001 only on sentences that ``wants`` matches (those it parses), so a verb
added to the YAML lists but missing from the stems would silently never be reported.
"""

from __future__ import annotations

import re

from contentlint.engine.registry import builtin_rules_dir, load_rules
from contentlint.packs.claims.checks import _CLAIM_WANTS
from contentlint.packs.claims.text import verb_forms

_VERB_LISTS = ("claim-verbs", "strong-verbs", "agent-verbs", "outcome-verbs")


def test_wants_covers_every_listed_verb() -> None:
    rule = load_rules([builtin_rules_dir()])["MC001"]
    wants = re.compile(_CLAIM_WANTS)
    missing = []
    for name in _VERB_LISTS:
        for entry in rule.options.get(name, []):
            entry = str(entry)
            if entry.startswith("re:"):
                continue
            first = entry.split()[0]
            for form in verb_forms(first).values():
                if not wants.search(form):
                    missing.append(f"{name}: {form}")
    assert not missing, missing


def test_wants_is_selective() -> None:
    wants = re.compile(_CLAIM_WANTS)
    assert not wants.search("The thyroid is a gland in the neck.")
    assert wants.search("Zinc shortens colds.")
