"""Issue 11: list items inherit their lead-in's subject (MC001, MC004)."""

from __future__ import annotations

import dataclasses

import pytest
from helpers import lint_text

from contentlint.engine.config import Settings
from contentlint.engine.linter import list_lead_ins
from contentlint.readers.load import parse

NEUROMAX_MD = "NeuroMax helps you:\n\n- Lower blood sugar\n- Lower A1C and LDLs\n"
NEUROMAX_HTML = ("<html><body><p>NeuroMax helps you:</p>"
                 "<ul><li>Lower blood sugar</li><li>Lower A1C and LDLs</li></ul></body></html>")

# (code, name, text, (line, column, match) of every finding)
CASES = [
    ("MC001", "a.md", NEUROMAX_MD, [(3, 3, "Lower"), (4, 3, "Lower")]),
    ("MC001", "a.html", NEUROMAX_HTML, [(1, 47, "Lower"), (1, 73, "Lower")]),
    ("MC001", "a.md", "## Benefits of turmeric\n\n- Soothes joints\n- Relieve joint pain\n",
     [(3, 3, "Soothes"), (4, 3, "Relieve")]),
    ("MC001", "a.md", "With ZenCalm you can:\n\n- Boost immunity\n", [(3, 3, "Boost")]),
    ("MC004", "a.md", "## Benefits of turmeric\n\n- Relieve joint pain\n", [(3, 3, "Relieve joint pain")]),
    ("MC004", "a.html", "<h2>Benefits of elderberry</h2><ul><li>Prevent colds and flu</li></ul>",
     [(1, 40, "Prevent colds")]),
    # Advice lists name the reader, not a product: nothing to report.
    ("MC001", "a.md", "To lower your risk:\n\n- Lower your salt intake\n- Boost your activity\n", []),
    ("MC001", "a.md", "Tips:\n\n- Boost immunity with sleep\n", []),
    ("MC001", "a.md", "What you can do:\n\n- Lower blood sugar with exercise\n", []),
    ("MC001", "a.md", "## How to prevent the flu\n\n- Boost immunity with sleep\n", []),
    ("MC001", "a.md", "Your doctor can help you:\n\n- Lower blood sugar\n", []),
    ("MC001", "a.html", "<p>To lower your risk:</p><ul><li>Lower blood sugar</li></ul>", []),
    ("MC004", "a.md", "To lower your risk:\n\n- Prevent colds and flu by washing hands\n", []),
    # A base-form bullet with no lead-in stays unreported.
    ("MC001", "a.md", "- Lower blood sugar\n", []),
]


@pytest.mark.parametrize(("code", "name", "text", "spans"), CASES, ids=[f"{c[0]}-{c[2][:30]}" for c in CASES])
def test_lead_in(code: str, name: str, text: str, spans: list[tuple[int, int, str]]) -> None:
    findings = [f for f in lint_text(text, name=name, select=(code,)) if f.code == code]
    assert [(f.line, f.column, f.match) for f in findings] == spans


@pytest.mark.parametrize(("code", "name", "text", "spans"), CASES, ids=[f"{c[0]}-{c[2][:30]}" for c in CASES])
def test_lead_in_without_syntax(code: str, name: str, text: str, spans: list[tuple[int, int, str]]) -> None:
    settings = dataclasses.replace(Settings(), nlp_model="blank")
    findings = [f for f in lint_text(text, name=name, select=(code,), settings=settings) if f.code == code]
    assert [(f.line, f.column, f.match) for f in findings] == spans


def test_message_names_the_lead_in_subject() -> None:
    findings = lint_text(NEUROMAX_MD, select=("MC001",))
    assert "its subject 'NeuroMax' (from the list's lead-in)" in findings[0].message


def test_third_person_bullet_names_its_lead_in() -> None:
    findings = lint_text("## Benefits of turmeric\n\n- Soothes joints\n", select=("MC001",))
    assert "its subject 'turmeric' (from the list's lead-in)" in findings[0].message


def test_lead_ins_of_a_document() -> None:
    text = "NeuroMax helps you:\n\n- A\n- B\n\n## Benefits of X\n\nIntro.\n\n- C\n\n# Other\n\n- D\n"
    doc = parse(text, "a.md", "markdown")
    found = {doc.blocks[i].text: lead for i, lead in list_lead_ins(doc).items()}
    assert found == {"A": "NeuroMax helps you:", "B": "NeuroMax helps you:", "C": "Benefits of X",
                     "D": "Other"}
