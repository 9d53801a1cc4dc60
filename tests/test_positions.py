"""Exact line:column positions in the original file, for Markdown, HTML and plain text."""

from __future__ import annotations

import pytest
from helpers import FIXTURES, lint_files

POSITIONS = FIXTURES / "positions"


def _expected(path: str, line: int, needle: str, nth: int = 0) -> tuple[int, int, int]:
    """Compute the 1-based column of ``needle`` on ``line`` straight from the file's characters."""
    text = (POSITIONS / path).read_bytes().decode("utf-8-sig")
    raw = text.split("\n")[line - 1]
    column = -1
    for _ in range(nth + 1):
        column = raw.index(needle, column + 1)
    return line, column + 1, column + 1 + len(needle)


CASES = [
    ("crlf-front-matter.md", "SP002", 7, "could of", 0),
    ("crlf-front-matter.md", "SP003", 13, "alot", 0),
    ("crlf-front-matter.md", "SP002", 15, "would of", 0),  # after a tab
    ("crlf-front-matter.md", "SP002", 15, "would of", 1),  # after an emoji
    ("page.html", "SP002", 4, "could of", 0),
    ("page.html", "SP003", 4, "alot", 0),  # after an entity
    ("page.html", "SP003", 6, "alot", 0),  # table cell
    ("bom.txt", "SP002", 3, "could of", 0),  # after a UTF-8 BOM
    ("bom.txt", "SP003", 4, "alot", 0),
]


@pytest.mark.parametrize(("path", "code", "line", "needle", "nth"), CASES)
def test_finding_positions(path: str, code: str, line: int, needle: str, nth: int) -> None:
    run = lint_files(POSITIONS / path, select=("SP002", "SP003"))
    spans = {(f.line, f.column, f.end_column) for f in run.files[0].findings if f.code == code}
    assert _expected(path, line, needle, nth) in spans


def test_code_front_matter_and_inline_code_are_not_prose() -> None:
    run = lint_files(POSITIONS / "crlf-front-matter.md", select=("SP002",))
    lines = sorted(f.line for f in run.files[0].findings)
    # Line 2 is front matter, line 10 a fenced code block, line 13 has the slip in inline code.
    assert lines == [7, 15, 15]


def test_html_skips_pre_and_script() -> None:
    run = lint_files(POSITIONS / "page.html", select=("SP002",))
    assert [f.line for f in run.files[0].findings] == [4]


def test_end_position_on_crlf_line() -> None:
    run = lint_files(POSITIONS / "crlf-front-matter.md", select=("SP002",))
    first = run.files[0].findings[0]
    assert (first.line, first.end_line) == (7, 7)
    assert first.match == "could of"
