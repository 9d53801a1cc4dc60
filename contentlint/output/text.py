"""Text output: ``path:line:col: severity CODE message`` a line, then grades and a summary line."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

import click

from contentlint.engine.messages import printable
from contentlint.model.finding import Finding, Severity
from contentlint.model.result import Report
from contentlint.output.base import OutputOptions, findings

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def finding_line(finding: Finding, colour: bool) -> str:
    """Return the one-line form of a finding, clickable in editors (``path:line:col:``).

    Paths and messages are escaped: a newline in a file name or a match must not inject a fake line.
    """
    severity = str(finding.severity)
    if colour:
        severity = click.style(severity, fg=_COLOURS[finding.severity], bold=True)
    line = (f"{printable(finding.path)}:{finding.line}:{finding.column}: {severity} {finding.code} "
            f"{printable(finding.message)}")
    for related in finding.related:
        line += f" [see {printable(related.path)}:{related.line}:{related.column}]"
    return line


def render_summary(run: Report, out: TextIO, options: OutputOptions) -> None:
    """Write each article's reading grade and the summary line (nothing under ``quiet``)."""
    if options.quiet:
        return
    for result in run.files:
        grade = result.metrics.get(run.grade_metric) if not result.error else None
        if grade is not None and result.metrics.get("words"):
            click.echo(f"{printable(result.path)}: reading grade {grade:.1f} "
                       f"({run.grade_metric}, target {run.grade_target:g}), "
                       f"{result.metrics['words']} words", file=out)
    counts = run.counts()
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}"
             for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
    unreadable = sum(1 for r in run.files if r.error)
    summary = f"{len(run.files)} file{'s' if len(run.files) != 1 else ''} checked: {', '.join(parts)}"
    if unreadable:
        summary += f"; {unreadable} could not be read"
    click.echo(summary, file=out, color=options.colour)


def render_text(run: Report, out: TextIO, options: OutputOptions) -> None:
    """Write one line per finding, then (unless ``quiet``) the grades and a summary.

    ``quiet`` keeps every finding: it drops only what is not a finding, as ruff's ``-q`` does, so
    that a quiet run in a hook still shows the warnings it passes.
    """
    for _, finding in findings(run):
        click.echo(finding_line(finding, options.colour), file=out, color=options.colour)
    render_summary(run, out, options)


def render_statistics(run: Report, out: TextIO, options: OutputOptions) -> None:
    """Write the number of findings per rule, most frequent first (``--statistics``)."""
    counts = Counter((f.code, f.name, f.severity) for _, f in findings(run))
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    width = max((len(str(n)) for n in counts.values()), default=1)
    for (code, name, severity), number in rows:
        level = str(severity)
        if options.colour:
            level = click.style(level, fg=_COLOURS[severity], bold=True)
        click.echo(f"{number:>{width}}  {code}  {name}  ({level})", file=out, color=options.colour)
    if not options.quiet:
        total = sum(counts.values())
        click.echo(f"{total} finding{'s' if total != 1 else ''} in {len(run.files)} "
                   f"file{'s' if len(run.files) != 1 else ''}", file=out)
