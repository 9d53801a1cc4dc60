"""The HTML report of samples/ in a real headless browser (Debian's chromium, driven by Playwright).

The page must load with no console error and no request beyond itself, every highlight must show
exactly its finding's match, the explanation panel and the filters must work, and a screenshot is
saved (its path is printed). Locally the test is skipped when chromium is not installed; in CI
(``CI=true``) a missing browser is a failure, since ``.ci/run`` installs it.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import REPO

from contentlint.cli import main
from contentlint.output.html import same_text

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _browser_or_skip() -> Path:
    """Return chromium's path; skip (locally) or fail (in CI) when it or Playwright is missing."""
    in_ci = os.environ.get("CI") == "true"
    found = CHROMIUM if CHROMIUM.is_file() else (Path(p) if (p := shutil.which("chromium")) else None)
    problem = None
    if found is None:
        problem = "chromium is not installed (apt-get install -y chromium; .ci/run installs it)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "Playwright for Python is not installed (pip install -e '.[test]')"
    if problem:
        if in_ci:
            pytest.fail(f"CI=true but {problem}")
        pytest.skip(problem)
    assert found is not None
    return found


def _external_references(page: str) -> list[str]:
    """Return the attribute values of the page's elements that point outside it."""
    from html.parser import HTMLParser

    found: list[str] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            for name, value in attrs:
                if name in ("src", "href", "action", "poster", "data") and value and not value.startswith("#"):
                    found.append(f"<{tag} {name}={value}>")
            if tag == "link":
                found.append("<link>")

    Collector().feed(page)
    return found


def _report(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    runner = CliRunner()
    page = tmp_path / "report.html"
    result = runner.invoke(main, ["check", "samples/", "--format", "html", "-o", str(page)], catch_exceptions=False)
    assert result.exit_code == 1 and page.is_file(), result.output
    as_json = runner.invoke(main, ["check", "samples/", "--format", "json"], catch_exceptions=False)
    return page, json.loads(as_json.stdout)


def test_html_report_in_headless_chromium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chromium = _browser_or_skip()
    monkeypatch.chdir(REPO)
    page_path, document = _report(tmp_path)
    html_text = page_path.read_text(encoding="utf-8")
    # Self-contained: no element refers to anything outside the page (the CSP would block it too).
    assert _external_references(html_text) == []

    from playwright.sync_api import sync_playwright

    errors: list[str] = []
    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.on("request", lambda request: requests.append(request.url))
            page.goto(page_path.as_uri())
            page.wait_for_load_state("load")

            marks = page.eval_on_selector_all("mark.hl", """nodes => nodes.map(n => ({
                file: Number(n.dataset.file), index: Number(n.dataset.index), code: n.dataset.code,
                region: n.classList.contains('region'), text: n.textContent}))""")
            assert marks, "no highlight in the report"
            highlighted = set()
            for mark in marks:
                finding = document["files"][mark["file"]]["findings"][mark["index"]]
                assert finding["code"] == mark["code"]
                if mark["region"]:
                    # A duplicated paragraph has no match: its whole paragraph is the highlight.
                    assert finding["match"] == "" and mark["text"].strip()
                else:
                    assert same_text(mark["text"], finding["match"]), (mark, finding["match"])
                highlighted.add((mark["file"], mark["index"]))
            with_match = {(f, i) for f, entry in enumerate(document["files"])
                          for i, finding in enumerate(entry["findings"]) if finding["match"]}
            assert with_match <= highlighted, with_match - highlighted

            # Clicking a highlight explains its rule.
            first = page.locator("mark.hl:not(.region)").first
            code = first.get_attribute("data-code")
            first.click()
            assert page.locator("#explain").is_visible()
            assert code in page.locator("#explain").inner_text()
            page.screenshot(path=str(tmp_path / "report-explain.png"))
            page.keyboard.press("Escape")

            # Filters: switching off a family hides its list entries and un-highlights its spans.
            page.locator('#filters input[value="claims"]').uncheck()
            assert page.locator('li.finding[data-family="claims"]:visible').count() == 0
            assert page.locator('mark.hl[data-family="claims"]:not(.off)').count() == 0
            assert page.locator('li.finding[data-family="spelling"]:visible').count() > 0
            page.locator('#filters input[value="claims"]').check()
            page.locator('#filters input[value="warning"]').uncheck()
            assert page.locator('li.finding[data-sev="warning"]:visible').count() == 0
            page.locator('#filters input[value="warning"]').check()

            # The readability chart: one bar for each article and each scored section.
            assert page.locator("svg.chart rect.bar").count() >= len(document["files"])
            shot = tmp_path / "report.png"
            page.screenshot(path=str(shot), full_page=True)
        finally:
            browser.close()
    assert not errors, errors
    assert all(url.startswith("file://") for url in requests), requests
    assert shot.stat().st_size > 10_000
    print(f"\nscreenshot of the HTML report: {shot}")
