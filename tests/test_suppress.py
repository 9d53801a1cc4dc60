"""Inline suppression: next block, region, whole file, reasons kept, codes required."""

from __future__ import annotations

from contentlint.engine.config import Settings
from contentlint.engine.run import build_rules, lint_paths

SLIP = "We could of known."


def lint(text: str, name: str = "a.md"):
    settings = Settings()
    run = lint_paths([], settings, build_rules(settings, ["SP002"]), stdin=text.encode(), stdin_name=name)
    return run.files[0]


def test_disable_next_covers_only_the_next_block() -> None:
    result = lint(f"<!-- contentlint-disable-next SP002: quoted from a patient -->\n{SLIP}\n\n{SLIP}\n")
    assert [f.line for f in result.findings] == [4]
    assert [(f.line, reason) for f, reason in result.suppressed] == [(2, "quoted from a patient")]


def test_region() -> None:
    text = f"{SLIP}\n\n<!-- contentlint-disable SP002 -->\n\n{SLIP}\n\n<!-- contentlint-enable SP002 -->\n\n{SLIP}\n"
    assert [f.line for f in lint(text).findings] == [1, 9]


def test_region_to_end_of_file_and_by_pack_name() -> None:
    text = f"{SLIP}\n\n<!-- contentlint-disable spelling -->\n\n{SLIP}\n"
    assert [f.line for f in lint(text).findings] == [1]


def test_whole_file() -> None:
    result = lint(f"{SLIP}\n\n<!-- contentlint-disable-file SP002: legacy page -->\n")
    assert result.findings == () and result.suppressed[0][1] == "legacy page"


def test_codes_are_required() -> None:
    result = lint(f"<!-- contentlint-disable-next -->\n{SLIP}\n")
    codes = sorted(f.code for f in result.findings)
    assert codes == ["CL003", "SP002"]


def test_unknown_code_is_reported() -> None:
    result = lint(f"<!-- contentlint-disable-next XX999 -->\n{SLIP}\n")
    assert any(f.code == "CL003" and "XX999" in f.message for f in result.findings)


def test_html_comment_directives() -> None:
    html = f"<!-- contentlint-disable-next SP002 -->\n<p>{SLIP}</p>\n<p>{SLIP}</p>\n"
    assert [f.line for f in lint(html, "a.html").findings] == [3]
