"""Readability rules that need more than one number: hard sentences and repeated sentence starts."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from contentlint.kinds.contract import Opt, rule_function
from contentlint.language.readability import sentence_grade, word_count
from contentlint.model.finding import Hit, Unit

_FIRST_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@rule_function(options={"min-words": Opt("int"), "hard": Opt("number"), "very-hard": Opt("number")})
def hard_sentence(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag a sentence whose own grade (ARI, as Hemingway grades) is high.

    Short sentences are never graded: a grade over a dozen words means little. ``hard`` and
    ``very-hard`` are the grade bounds; the message says which band the sentence is in.
    """
    words = word_count(unit.text)
    if words < int(options.get("min-words", 14)):
        return
    grade = sentence_grade(unit.text)
    hard, very_hard = float(options.get("hard", 10)), float(options.get("very-hard", 14))
    if grade < hard:
        return
    band = "very hard" if grade >= very_hard else "hard"
    yield Hit(0, len(unit.text), unit.text, data={"grade": grade, "band": band, "words": words})


@rule_function(options={"max-run": Opt("int"), "ignore": Opt("words")}, needs=("sentences",))
def repeated_start(unit: Unit, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Flag the third and later of consecutive sentences in a block that open with the same word."""
    limit = int(options.get("max-run", 2))
    ignore = {w.lower() for w in options.get("ignore", [])}
    run_word, run_length = "", 0
    for start, end in unit.sentences:
        match = _FIRST_WORD.search(unit.text, start, end)
        word = match.group(0).lower() if match and match.start() - start <= 2 else ""
        if word and word == run_word and word not in ignore:
            run_length += 1
        else:
            run_word, run_length = word, 1
        if run_length == limit + 1 and match:
            yield Hit(match.start(), match.end(), match.group(0), data={"count": run_length, "word": match.group(0)})
