"""Exact line:column for every rule family through every line-break style and runs of entities,
and the file-level cases of issue 12: empty files, mistyped directives, names that end sentences.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import lint_text

from contentlint.cli import main
from contentlint.language.nlp import split_sentences

LONG = ("Then a very long sentence follows here that keeps going and going with many more words than any "
        "reader would like to see in one place, so that it goes well past thirty words in all of its length.")
COPY = "Wash&nbsp;&nbsp;your hands with soap and water for at least twenty seconds before every meal."
LINES = [
    "# Rest&nbsp;&nbsp;first",
    "",
    "Rest&nbsp;&nbsp;and fluids help alot.",
    "",
    "Rest&nbsp;&#160;&amp;&#xA0;hypertension care matters.",
    "",
    "Rest&nbsp;&nbsp;and this cream cures eczema.",
    "",
    f"Short one.&nbsp;&nbsp;{LONG}",
    "",
    COPY,
    "",
    f"> - {COPY}",
]
# (code, line, the text the finding starts at, the text it ends with): columns are looked up in
# the source line itself, independently of the linter.
EXPECTED = [
    ("SP003", 3, "alot", "alot"),
    ("PL001", 5, "hypertension", "hypertension"),
    ("MC001", 7, "cures", "cures"),
    ("RD002", 9, "Then a very", "length."),
    ("DU001", 13, "Wash", "meal."),
]
# In "mixed", a lone "\r" is never followed by "\n" (that pair would be one CRLF break).
BREAKS = {"lf": ["\n"], "crlf": ["\r\n"], "cr": ["\r"], "mixed": ["\n", "\r", "\r\n"]}


def _document(breaks: list[str]) -> str:
    return "".join(line + breaks[i % len(breaks)] for i, line in enumerate(LINES))


@pytest.mark.parametrize("style", sorted(BREAKS))
@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_every_family_has_exact_positions_for_every_line_break_style(style: str, fmt: str) -> None:
    text = _document(BREAKS[style])
    findings = {f.code: f for f in lint_text(text, f"a.{fmt}")}
    for code, line, start, end in EXPECTED:
        source_line = LINES[line - 1]
        if fmt == "txt" and code in {"RD002", "DU001"}:
            # Plain text has no entities ("one.&nbsp;&nbsp;Then" is one word there) and no quotes
            # or list markers ("> - " is part of the paragraph).
            continue
        finding = findings[code]
        assert (finding.line, finding.column) == (line, source_line.index(start) + 1), code
        assert (finding.end_line, finding.end_column) == (line, source_line.rindex(end) + len(end) + 1), code


@pytest.mark.parametrize("style", sorted(BREAKS))
def test_html_positions_for_every_line_break_style(style: str) -> None:
    breaks = BREAKS[style]
    lines = ["<html><body>", "<h1>Rest&nbsp;&nbsp;first</h1>",
             *(f"<p>{line}</p>" for line in LINES[2:9:2]), f"<p>{COPY}</p>", f"<blockquote>{COPY}</blockquote>"]
    text = "".join(line + breaks[i % len(breaks)] for i, line in enumerate(lines))
    findings = {f.code: f for f in lint_text(text, "a.html")}
    for code, (line, start, end) in {"SP003": (3, "alot", "alot"), "PL001": (4, "hypertension", "hypertension"),
                                     "MC001": (5, "cures", "cures"), "RD002": (6, "Then a very", "length."),
                                     "DU001": (8, "Wash", "meal.")}.items():
        finding = findings[code]
        source = lines[line - 1]
        assert (finding.line, finding.column, finding.end_line, finding.end_column) == (
            line, source.index(start) + 1, line, source.rindex(end) + len(end) + 1), code


# --- empty files ------------------------------------------------------------------------------------

@pytest.mark.parametrize("data", [b"", b"\n", b"  \n\n\t\n", b"\r\n\r\n", b"\r\r", b"\xef\xbb\xbf\n"])
@pytest.mark.parametrize("name", ["empty.md", "empty.html", "empty.txt", "empty.mdx"])
def test_empty_and_blank_files_are_clean(tmp_path: Path, data: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = CliRunner().invoke(main, ["check", "--fail-on", "info", str(path)])
    assert result.exit_code == 0, result.output
    assert "0 errors, 0 warnings, 0 infos" in result.stdout
    assert "CL001" not in result.output


# --- mistyped directives -----------------------------------------------------------------------------

@pytest.mark.parametrize("directive", ["contentlint-disable-line SP003", "contentlint-disabled SP003",
                                       "contentlint-ignore SP003", "contentlint: disable SP003",
                                       "contentlint disable SP003"])
def test_a_directive_of_unknown_form_is_cl003_and_suppresses_nothing(directive: str) -> None:
    text = f"Rest helps alot. <!-- {directive} -->\n\nWater helps alot.\n"
    findings = lint_text(text)
    assert sorted((f.code, f.line, f.column) for f in findings if f.code in {"CL003", "SP003"}) == [
        ("CL003", 1, 1), ("SP003", 1, 12), ("SP003", 3, 13)]
    assert [f.message for f in findings if f.code == "CL003"][0].startswith("unknown directive")


def test_a_comment_that_only_mentions_contentlint_is_not_a_directive() -> None:
    assert [f.code for f in lint_text("<!-- contentlint checks this page -->\n\nRest helps.\n")] == []


def test_well_formed_directives_still_work() -> None:
    text = "<!-- contentlint-disable-next SP003: quoted -->\nRest helps alot.\n\nWater helps alot.\n"
    assert [(f.code, f.line) for f in lint_text(text, select=("SP",))] == [("SP003", 4)]


# --- sentences that end in a name's letter -----------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Most adults are low in vitamin D. Babies may need drops too.",
         ["Most adults are low in vitamin D.", "Babies may need drops too."]),
        ("The virus is hepatitis B. Vaccines prevent it.", ["The virus is hepatitis B.", "Vaccines prevent it."]),
        ("She has diabetes type 2. Exercise helps.", ["She has diabetes type 2.", "Exercise helps."]),
        ("The germ is called Group A. Strep throat is common.",
         ["The germ is called Group A.", "Strep throat is common."]),
        ("Eat foods with vitamins A and C. Both help.", ["Eat foods with vitamins A and C.", "Both help."]),
        # Found on the NIH corpus.
        ("It is caused by factor V. Coagulation is slow.", ["It is caused by factor V.", "Coagulation is slow."]),
        ("This form is type I. Type II is milder.", ["This form is type I.", "Type II is milder."]),
        ("Inhibitors occur in hemophilia A. DDAVP can help.", ["Inhibitors occur in hemophilia A.", "DDAVP can help."]),
        ("It changes hemoglobin S. When cells sickle, they block vessels.",
         ["It changes hemoglobin S.", "When cells sickle, they block vessels."]),
        ("Mutations affect filamin B. This protein shapes bone.",
         ["Mutations affect filamin B.", "This protein shapes bone."]),
        ("Some have MPS I. The others have MPS II.", ["Some have MPS I.", "The others have MPS II."]),
        # Initials and other single letters still do not end a sentence.
        ("Talk to Kevin B. Smith about it.", ["Talk to Kevin B. Smith about it."]),
        ("Ulcers come from H. pylori infection.", ["Ulcers come from H. pylori infection."]),
        ("Call John F. Kennedy Hospital today.", ["Call John F. Kennedy Hospital today."]),
        ("It is type B. restricting salt helps.", ["It is type B. restricting salt helps."]),
    ],
)
def test_a_letter_that_completes_a_name_ends_the_sentence(text: str, sentences: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == sentences
