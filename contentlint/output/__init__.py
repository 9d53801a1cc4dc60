"""Output formats: each renders a run's results; ``FORMATTERS`` maps a name to its renderer.

Every renderer takes ``(run, out, options)`` and writes to ``out``; they differ only in form, so
every format reports the same findings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from contentlint.model.result import Report
from contentlint.output.base import OutputOptions, RuleInfo, catalogue
from contentlint.output.full import render_full
from contentlint.output.github import render_github
from contentlint.output.gitlab import render_gitlab
from contentlint.output.html import render_html
from contentlint.output.json_format import render_json
from contentlint.output.junit import render_junit
from contentlint.output.sarif import render_sarif
from contentlint.output.text import render_statistics, render_text

Formatter = Callable[[Report, TextIO, OutputOptions], None]

FORMATTERS: dict[str, Formatter] = {
    "text": render_text, "full": render_full, "json": render_json, "sarif": render_sarif, "github": render_github,
    "junit": render_junit, "gitlab": render_gitlab, "html": render_html,
}

# Formats that show source text need the run to keep each file's decoded text.
NEEDS_SOURCE = frozenset({"full", "html"})

__all__ = ["FORMATTERS", "NEEDS_SOURCE", "Formatter", "OutputOptions", "RuleInfo", "catalogue", "render_statistics"]
