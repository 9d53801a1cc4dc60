"""Exact offsets from the source map's prose builder (written for the survivors of a mutation run).

Each case feeds a builder what a reader would (aligned text, skipped markup, links, citation markers)
and states the prose, every character's source offset, the links and where the cursor ends.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from contentlint.model.sourcemap import ProseBuilder, SourceMap, collapse_space

QUOTES = "> " * 97 + ">hello &amp; bye"

CASES: dict[str, tuple[str, list[tuple[Any, ...]], Callable[[int], bool] | None, tuple[Any, ...]]] = {
    "entities": ("a&amp;b&nbsp;c", [("align", "a&b\xa0c", 14)], None, ("a&b c", (0, 1, 6, 7, 13), (), 14)),
    "escape": ("a\\*b", [("align", "a*b", 4)], None, ("a*b", (0, 2, 3), (), 4)),
    "missing character": ("abc", [("align", "aXc", 3)], None, ("aXc", (0, 1, 2), (), 3)),
    "plain prefix jump": (QUOTES, [("align", "hello & bye", 500)], None,
                          ("hello & bye", (195, 196, 197, 198, 199, 200, 201, 206, 207, 208, 209), (), 210)),
    "escaped repeat": ("could of\\</li>could of</li>", [("align", "could of</li>", 27)], None,
                       ("could of</li>", (0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13), (), 14)),
    "links and a footnote": (
        "see [the page](u) now.[^1]",
        [("align", "see ", 27), ("open_link",), ("align", "the page", 27), ("close_link", "u"),
         ("align", " now.", 27), ("add_source", "#fn1"), ("separator",)], None,
        ("see the page now.", (0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 17, 18, 19, 20, 21),
         ((4, 12, "u"), (16, 16, "#fn1")), 22)),
    "bare url": ("visit https://x.org/a today", [("align", "visit https://x.org/a today", 40)], None,
                 ("visit today", (0, 1, 2, 3, 4, 5, 22, 23, 24, 25, 26), ((6, 6, "https://x.org/a"),), 27)),
    "whitespace": ("  a \n\n b  ", [("align", "  a \n\n b  ", 20)], None, ("a b", (2, 3, 7), (), 10)),
    "skipped markup": ("<b>x</b> y", [("skip", "<b>", 10), ("align", "x", 10), ("skip", "</b>", 10),
                                      ("align", " y", 10)], None, ("x y", (3, 8, 9), (), 10)),
    "hidden markup": ("a {{t}} b", [("align", "a {{t}} b", 9)], lambda o: 2 <= o <= 6, ("a b", (0, 1, 8), (), 9)),
    "too far to skip": ("a" + "-" * 200 + "b", [("align", "ab", 202)], None, ("ab", (0, 1), (), 1)),
    "unmatched entity": ("&lt;b", [("align", "b!", 5)], None, ("b!", (4, 4), (), 5)),
    "entity run": ("x &amp;&amp; y", [("align", "x && y", 14)], None, ("x && y", (0, 1, 2, 7, 12, 13), (), 14)),
    "escaped backslash": ("\\\\*a", [("align", "*a", 4)], None, ("*a", (2, 3), (), 4)),
    "limit": ("abcabc", [("align", "c", 2), ("align", "c", 6)], None, ("cc", (0, 2), (), 3)),
    "entity of two characters": ("&ngE;z", [("align", "\u2267\u0338z", 6)], None, ("\u2267\u0338z", (0, 0, 5), (), 6)),
    "nothing": ("abc", [("align", "", 3), ("skip", "", 3), ("skip", "zz", 3)], None, ("", (), (), 0)),
    "marker after the stop": (
        "He said.<sup>5</sup> Next",
        [("align", "He said.", 30), ("add_source", "5"), ("separator",), ("align", "Next", 30)], None,
        ("He said. Next", (0, 1, 2, 3, 4, 5, 6, 7, 8, 21, 22, 23, 24), ((7, 7, "5"),), 25)),
    "link never opened": ("ab", [("align", "ab", 2), ("close_link", "u")], None, ("ab", (0, 1), ((2, 2, "u"),), 2)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_prose_builder_places_every_character(name: str) -> None:
    source, steps, hidden, expected = CASES[name]
    builder = ProseBuilder(source, hidden)
    for method, *args in steps:
        getattr(builder, method)(*args)
    prose = builder.build()
    assert (prose.text, prose.origins, prose.links, builder.cursor) == expected


def test_source_map_positions_and_lines() -> None:
    source_map = SourceMap("ab\ncd\r\nef")
    assert [source_map.position(i) for i in range(9)] == [(1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3), (2, 4),
                                                          (3, 1), (3, 2)]
    assert [source_map.line_start(n) for n in (1, 2, 3)] == [0, 3, 7]
    assert source_map.line_count == 3


def test_small_helpers() -> None:
    assert collapse_space("  a \t\n b  ") == "a b"
    builder = ProseBuilder("abc")
    assert not builder
    builder.add_char(" ", 0)
    assert not builder
    builder.add_exact("bc", 1)
    assert builder and builder.tail(2) == "bc"
    empty = ProseBuilder("")
    empty.separator()
    assert empty.build().origins == ()
