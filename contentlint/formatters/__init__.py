"""Output formats: each renders a run's results; ``FORMATTERS`` maps a name to its renderer."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from ..run import RunResult
from .json_format import render_json
from .text import render_text

Formatter = Callable[[RunResult, TextIO, bool], None]

FORMATTERS: dict[str, Formatter] = {"text": render_text, "json": render_json}

__all__ = ["FORMATTERS", "Formatter"]
