"""Choosing and writing output: the format, colour and destination the command line asks for."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TextIO

import click

from contentlint.model.result import Report
from contentlint.output import FORMATTERS
from contentlint.output.base import OutputOptions, write_atomic_text


def default_format(environ: Mapping[str, str] = os.environ) -> str:
    """Return the format used when none is given: GitHub annotations inside GitHub Actions, else text."""
    return "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"


def use_colour(choice: str, stream: TextIO, environ: Mapping[str, str] = os.environ) -> bool:
    """Decide whether to colour ``stream``.

    ``always`` and ``never`` win; ``auto`` honours ``NO_COLOR`` (no-color.org: any non-empty value
    turns colour off) before ``FORCE_COLOR`` (any non-empty value turns it on), then colours only a
    terminal.
    """
    if choice != "auto":
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


def render(run: Report, fmt: str, options: OutputOptions) -> str:
    """Return the run rendered in ``fmt`` as text."""
    buffer = io.StringIO()
    FORMATTERS[fmt](run, buffer, options)
    return buffer.getvalue()


def emit(run: Report, fmt: str, options: OutputOptions, output: Path | None,
         stdout: TextIO | None = None, show: bool = True) -> None:
    """Write the report in ``fmt`` to ``output`` (atomically) or to standard output.

    With ``output``, standard output still gets the findings in the default format (text, or
    annotations on GitHub) unless ``show`` is false, so that one run both writes a report and
    shows its findings in the log.
    """
    stdout = stdout or sys.stdout
    if output is None:
        FORMATTERS[fmt](run, stdout, options)
        return
    write_atomic_text(output, render(run, fmt, OutputOptions(quiet=options.quiet, colour=False, rules=options.rules)))
    if show and default_format() != fmt:
        FORMATTERS[default_format()](run, stdout, options)


# Below this many files a run is quick enough that a progress bar would only flicker.
PROGRESS_MIN_FILES = 20


def progress_bar(targets: Sequence[object]) -> Callable[[int], None] | None:
    """Return the advance callback of a progress bar on standard error, or None.

    Only a long run (``PROGRESS_MIN_FILES`` files or more) on a terminal gets one: piped or
    redirected output, CI logs and short runs stay silent.
    """
    total = len(targets)
    if total < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        return None
    bar = click.progressbar(length=total, label="Linting", file=sys.stderr, show_pos=True)
    bar.__enter__()
    done = 0

    def advance(step: int) -> None:
        nonlocal done
        bar.update(step)
        done += step
        if done >= total:
            bar.__exit__(None, None, None)  # ends the bar's line before the report is printed

    return advance
