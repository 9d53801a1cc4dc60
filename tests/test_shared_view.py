"""``shared_view``: a sentence view built once per document however many rules ask, never across documents."""

from __future__ import annotations

from contentlint.language.analysis import analyse, shared_view
from contentlint.readers.load import parse


def test_built_once_per_document_and_cleared_by_the_next() -> None:
    calls: list[str] = []

    def build(text: str) -> tuple[str, ...]:
        calls.append(text)
        return tuple(text.split())

    analyse(parse("Zinc helps. Rest helps.\n", "a.md", "markdown"))
    first = shared_view("words", build, "Zinc helps.")
    assert shared_view("words", build, "Zinc helps.") is first
    assert shared_view("words", build, "Rest helps.") == ("Rest", "helps.")
    assert shared_view("other", build, "Zinc helps.") == first  # another view name is built apart
    assert shared_view("words", build, "Zinc helps.", key="lexicon-b") == first
    assert calls == ["Zinc helps.", "Rest helps.", "Zinc helps.", "Zinc helps."]
    analyse(parse("Another article.\n", "b.md", "markdown"))
    shared_view("words", build, "Zinc helps.")
    assert calls[-1] == "Zinc helps." and len(calls) == 5  # a new document starts empty
