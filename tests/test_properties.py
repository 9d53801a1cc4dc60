"""Property tests over random Markdown, MDX, HTML and plain text (issue 15).

Each generated document is linted in-process as all four formats with every built-in rule, and the
invariants of ``lint_properties.check_result`` must hold: no exception escapes (nor is masked as an
internal error), every finding lies inside the file, a plain-text ``match`` is exactly the source
text at the finding's span, and ``--fix`` output differs from the input only inside fix spans.

Profiles: ``suite`` (the default, what ``python -m pytest`` runs: 300 documents per format, one test
per format so that the xdist workers share them), ``ci`` (``HYPOTHESIS_PROFILE=ci``: 2,000 documents
per format, the former default, for a thorough run) and ``dev`` (``HYPOTHESIS_PROFILE=dev``: 100
random examples, for a quick local loop). ``suite`` and ``ci`` are derandomized, so that every run
tries the same documents and a green run stays green; ``bench/fuzz_linter.py`` is where random
exploration happens.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

import pytest
from hypothesis import HealthCheck, example, given, settings
from lint_properties import FORMAT_NAMES, documents, lint_and_check, load_all_rules

from contentlint.engine.registry import Rule

settings.register_profile("ci", max_examples=2000, deadline=None, database=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("suite", max_examples=300, deadline=None, database=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("dev", max_examples=100, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "suite")

_RULES: dict[str, Mapping[str, Rule]] = {}


def _rules() -> Mapping[str, Rule]:
    if "all" not in _RULES:
        _RULES["all"] = load_all_rules()
    return _RULES["all"]


@pytest.mark.parametrize("name", sorted(FORMAT_NAMES.values()))
@settings(settings.get_profile(PROFILE))
@given(text=documents)
@example(")" + "[" * 39 + " Zinc cures colds.")  # the sentence splitter's IndexError (issue 15, item 4)
@example("Rest\r\rcould of\rhelped alot.")  # lone carriage returns as line breaks
@example("<!--" * 30 + "alot")
@example("> " * 40 + "could of")
@example("> " * 7 + "&nbsp;could of")  # the same with the entity first (this test, ci profile)
@example("> " * 7 + "could of&nbsp;")  # markup longer than the aligner's reach before an entity (this test)
@example("<![i](p.png)")  # html.parser asserted on an unknown marked section (found by this test)
@example("could of\\</li></ul>could of</li></ul>")  # an escape sent the aligner to a later repeat (fuzzer)
@example("</a> &alot</a>")  # an unknown HTML entity was moved onto its "&" (found by the fuzzer)
@example("))\rstudies show\r<!-- contentlint-disable-line -->")  # directive lines with lone CRs (fuzzer)
def test_lint_invariants_hold_for_every_format(name: str, text: str) -> None:
    violations = lint_and_check(text.encode("utf-8"), name, _rules())
    assert not violations, (name, violations)


@pytest.mark.parametrize("name", sorted(FORMAT_NAMES.values()))
def test_the_invariants_can_fail(name: str) -> None:
    """The checker itself reports a finding whose match is not the source text (so the property can fail)."""
    from dataclasses import replace

    from lint_properties import check_result

    from contentlint.engine.linter import lint_bytes

    result = lint_bytes(b"Patients could of asked sooner.\n", name, _rules())
    assert any(f.code == "SP002" for f in result.findings)
    assert check_result(result, result.source or "") == []
    result = replace(result, findings=tuple(replace(f, column=f.column + 1) if f.code == "SP002" else f
                                            for f in result.findings))
    assert any("SP002 match" in v.what for v in check_result(result, result.source or ""))
