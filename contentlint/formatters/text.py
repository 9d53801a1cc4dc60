"""Text output: ``path:line:col: severity CODE message`` a line, then a summary line."""

from __future__ import annotations

from typing import TextIO

import click

from ..finding import Severity
from ..messages import printable
from ..run import RunResult

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def render_text(run: RunResult, out: TextIO, quiet: bool) -> None:
    """Write one line per finding and (unless ``quiet``) a summary; colour only on a terminal."""
    colour = out.isatty() if hasattr(out, "isatty") else False
    for result in run.files:
        if result.error:
            continue
        for finding in result.findings:
            if quiet and finding.severity < run.fail_on:
                continue
            severity = str(finding.severity)
            if colour:
                severity = click.style(severity, fg=_COLOURS[finding.severity], bold=True)
            # Escaped: a newline in a file name or a match must not inject a fake finding line.
            line = (f"{printable(finding.path)}:{finding.line}:{finding.column}: {severity} {finding.code} "
                    f"{printable(finding.message)}")
            for related in finding.related:
                line += f" [see {printable(related.path)}:{related.line}:{related.column}]"
            click.echo(line, file=out, color=colour)
    if quiet:
        return
    for result in run.files:
        grade = result.metrics.get(run.grade_metric) if not result.error else None
        if grade is not None and result.metrics.get("words"):
            click.echo(f"{printable(result.path)}: reading grade {grade:.1f} ({run.grade_metric}, target {run.grade_target:g}), "
                       f"{result.metrics['words']} words", file=out)
    counts = run.counts()
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
    unreadable = sum(1 for r in run.files if r.error)
    summary = f"{len(run.files)} file{'s' if len(run.files) != 1 else ''} checked: {', '.join(parts)}"
    if unreadable:
        summary += f"; {unreadable} could not be read"
    click.echo(summary, file=out, color=colour)
