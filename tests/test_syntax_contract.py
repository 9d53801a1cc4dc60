"""Rules that read tags or dependencies get them through ``Unit``, computed once per sentence."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from contentlint.engine.linter import lint_document
from contentlint.engine.registry import load_rules
from contentlint.kinds.contract import rule_function
from contentlint.language import syntax as syntax_module
from contentlint.model.finding import Hit, Unit
from contentlint.readers.load import parse

SEEN: list[tuple[str, Any]] = []

RULE = """\
code: HX001
name: {name}
kind: python
level: info
scope: sentence
message: "{{match}}"
summary: A test rule that reads syntax.
why: To test the syntax contract.
options:
  entry: "house_syntax:{function}"
examples:
  bad: []
  good: []
"""


@rule_function(needs=("dependencies",), wants=r"\\bcures\\b")
def root_verb(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Report the root of each parsed sentence that holds "cures"."""
    doc = unit.parsed()
    SEEN.append((unit.text, doc))
    if doc is None:
        return
    for token in doc:
        if token.dep_ == "ROOT":
            yield Hit(token.idx, token.idx + len(token.text), token.text)


def _rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    module = tmp_path / "house_syntax.py"
    # A house module whose rule function is defined in it (the python kind insists on that).
    module.write_text(
        "from test_syntax_contract import rule_function, root_verb as _impl\n"
        "@rule_function(needs=('dependencies',), wants=r'\\bcures\\b')\n"
        "def root_verb(unit, options):\n    return _impl(unit, options)\n"
    )
    pack = tmp_path / "house" / "mine"
    pack.mkdir(parents=True)
    (pack / "HX001-root-verb.yaml").write_text(RULE.format(name="root-verb", function="root_verb"))
    monkeypatch.syspath_prepend(str(tmp_path))
    return load_rules([tmp_path / "house"], allow_code=["house_syntax"])


def test_only_wanted_sentences_are_parsed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    real = syntax_module.parse

    def counting(texts: Any, source: Any = None) -> Any:
        calls.append(list(texts))
        return real(texts, source)

    monkeypatch.setattr(syntax_module, "parse", counting)
    SEEN.clear()
    rules = _rules(tmp_path, monkeypatch)
    doc = parse("Zinc cures colds. Rest helps. The cream cures acne fast.\n", "a.md", "markdown")
    result = lint_document(doc, rules)
    assert calls == [["Zinc cures colds.", "The cream cures acne fast."]]
    assert [(f.match, f.column) for f in result.findings] == [("cures", 6), ("cures", 41)]


def test_blank_run_gives_rules_no_syntax(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    SEEN.clear()
    rules = _rules(tmp_path, monkeypatch)
    doc = parse("Zinc cures colds.\n", "a.md", "markdown")
    result = lint_document(doc, rules, model="blank")
    assert result.findings == ()
    assert SEEN == [("Zinc cures colds.", None)]
