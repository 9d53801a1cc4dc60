"""Readability through the engine: prose only is scored, per article and per section."""

from __future__ import annotations

import json

from click.testing import CliRunner

from contentlint.cli import main

PROSE = (
    "Most adults need seven hours of sleep. Children need more than that.\n\n"
    "Try to go to bed at the same time each night. A dark, quiet room helps.\n"
)

MARKDOWN = """---
title: Sleep basics, with a very long title that is not prose at all
tags: [sleep, adults, children]
---

Most adults need seven hours of sleep. Children need more than that.

```python
def hours_of_sleep_for_an_adult_according_to_the_national_guidelines():
    return 7
```

    indented code block with many polysyllabic incomprehensibilities

Try to go to bed at the same time each night. A dark, quiet room helps.
https://www.example.org/a/very/long/url/about/sleep/hygiene/recommendations
<!-- an editor's comment with extraordinarily complicated vocabulary -->
"""


def metrics(text: str, name: str) -> dict:
    result = CliRunner().invoke(main, ["check", "--format", "json", "-", "--stdin-filename", name], input=text)
    return json.loads(result.stdout)["files"][0]["metrics"]


def test_markdown_scores_as_its_prose_alone() -> None:
    assert metrics(MARKDOWN, "a.md") == metrics(PROSE, "a.txt")


def test_html_scores_as_its_prose_alone() -> None:
    html = ("<html><head><style>body { font-family: sans-serif; }</style></head><body>"
            "<p>Most adults need seven hours of sleep. Children need more than that.</p>"
            "<script>var unbelievablyComplicated = 1;</script>"
            "<p>Try to go to bed at the same time each night. A dark, quiet room helps.</p></body></html>")
    assert metrics(html, "a.html") == metrics(PROSE, "a.txt")


def test_section_scores_in_json() -> None:
    text = "# Sleep\n\nMost adults need seven hours of sleep.\n\n## Children\n\nChildren need more sleep than adults do.\n"
    result = CliRunner().invoke(main, ["check", "--format", "json", "-", "--stdin-filename", "a.md"], input=text)
    sections = json.loads(result.stdout)["files"][0]["sections"]
    assert [s["heading"] for s in sections] == ["Sleep", "Children"]
    assert [s["words"] for s in sections] == [7, 7]
    assert all("smog_index" in s and "flesch_kincaid_grade" in s for s in sections)


def test_headings_are_not_sentences() -> None:
    with_heading = metrics("# A heading that is long enough to matter\n\n" + PROSE, "a.md")
    assert with_heading["sentences"] == metrics(PROSE, "a.md")["sentences"] == 4


def test_text_summary_shows_grade_and_target() -> None:
    result = CliRunner().invoke(main, ["check", "-", "--stdin-filename", "a.md"], input=PROSE)
    assert "a.md: reading grade" in result.stdout and "target 8" in result.stdout


def test_bulleted_list_without_full_stops_is_five_sentences() -> None:
    text = "- Wash your hands\n- Clean the skin\n- Dry it gently\n- Put on a clean dressing\n- Throw the old one away\n"
    assert metrics(text, "a.md")["sentences"] == 5
    html = "<ul>" + "".join(f"<li>{item}</li>" for item in ("One", "Two items", "Three", "Four", "Five")) + "</ul>"
    assert metrics(html, "a.html")["sentences"] == 5


def test_statistics_and_abbreviations_do_not_split_sentences() -> None:
    assert metrics("The risk fell (RR 0.73, 95% CI 0.61 to 0.88) in 2019.\n", "a.md")["sentences"] == 1
    assert metrics("Dr. Smith saw the U.S. data, e.g. the 2.5 mg dose.\n", "a.md")["sentences"] == 1
