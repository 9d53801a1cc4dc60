"""``full`` output: each finding with the source lines it covers and a caret line, like ruff's.

::

    samples/a.md:10:83: warning SP002 Write "could have": ...
       |
    10 | ... our nurses could of told you ...
       |                ^^^^^^^^ SP002
       |
       = suggestion: could have
"""

from __future__ import annotations

from typing import TextIO

import click

from contentlint.model.finding import Finding, Severity
from contentlint.model.result import Report
from contentlint.output.base import OutputOptions, line_starts, source_of
from contentlint.output.text import finding_line, render_summary

_MAX_LINES = 3  # a duplicated paragraph can span many lines; its first lines place it well enough
_CARET_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _snippet(source: str, starts: list[int], finding: Finding, colour: bool) -> list[str]:
    """Return the gutter, source and caret lines of one finding."""
    last = min(finding.end_line, finding.line + _MAX_LINES - 1, len(starts))
    width = len(str(last))
    pad = " " * width
    out = [f"{pad} |"]
    for number in range(finding.line, last + 1):
        start = starts[number - 1]
        end = starts[number] - 1 if number < len(starts) else len(source)
        # Tabs become one space so that the caret, counted in characters like columns, lines up.
        text = source[start:end].rstrip("\r").replace("\t", " ")
        first = finding.column if number == finding.line else 1
        stop = finding.end_column if number == finding.end_line else len(text) + 1
        carets = "^" * max(1, stop - first)
        marker = " " * (first - 1) + carets + (f" {finding.code}" if number == finding.line else "")
        if colour:
            marker = click.style(marker, fg=_CARET_COLOURS[finding.severity], bold=True)
        out += [f"{number:>{width}} | {text}", f"{pad} | {marker}"]
    if last < finding.end_line:
        out.append(f"{pad} | ...")
    out.append(f"{pad} |")
    if finding.suggestion:
        out.append(f"{pad} = suggestion: {finding.suggestion}")
    for loc in finding.related:
        out.append(f"{pad} = first copy: {loc.path}:{loc.line}:{loc.column}")
    return out


def render_full(run: Report, out: TextIO, options: OutputOptions) -> None:
    """Write every finding with its source context, then (unless ``quiet``) grades and a summary."""
    for result in run.files:
        if result.error or not result.findings:
            continue
        source = source_of(result)
        starts = line_starts(source)
        for finding in result.findings:
            click.echo(finding_line(finding, options.colour), file=out, color=options.colour)
            if finding.line <= len(starts):
                for line in _snippet(source, starts, finding, options.colour):
                    click.echo(line, file=out, color=options.colour)
            click.echo("", file=out)
    render_summary(run, out, options)
