"""Choosing and writing output: the format, colour and destination the command line asks for."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from ..run import RunResult
from . import FORMATTERS
from .base import OutputOptions, write_atomic_text


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


def render(run: RunResult, fmt: str, options: OutputOptions) -> str:
    """Return the run rendered in ``fmt`` as text."""
    buffer = io.StringIO()
    FORMATTERS[fmt](run, buffer, options)
    return buffer.getvalue()


def emit(run: RunResult, fmt: str, options: OutputOptions, output: Path | None,
         stdout: TextIO | None = None) -> None:
    """Write the report in ``fmt`` to ``output`` (atomically) or to standard output.

    With ``output``, standard output still gets the findings in the default format (text, or
    annotations on GitHub), so that one run both uploads a report and shows its findings in the log.
    """
    stdout = stdout or sys.stdout
    if output is None:
        FORMATTERS[fmt](run, stdout, options)
        return
    write_atomic_text(output, render(run, fmt, OutputOptions(quiet=options.quiet, colour=False, rules=options.rules)))
    if default_format() != fmt:
        FORMATTERS[default_format()](run, stdout, options)
