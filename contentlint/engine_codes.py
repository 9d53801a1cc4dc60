"""The engine's own codes (``CL``): problems with files and directives rather than with prose."""

from __future__ import annotations

from dataclasses import dataclass

from .finding import Severity


@dataclass(frozen=True)
class EngineCode:
    """A code the engine reports itself; listed by ``contentlint rules`` beside the rule packs."""

    code: str
    name: str
    level: Severity
    summary: str


UNREADABLE = EngineCode("CL001", "unreadable-file", Severity.ERROR,
                        "The file could not be read or parsed (binary, not UTF-8, too large, unreadable).")
BAD_DIRECTIVE = EngineCode("CL003", "bad-suppression", Severity.WARNING,
                           "A contentlint-disable comment names no codes or an unknown code.")
BAD_MARKUP = EngineCode("CL008", "bad-markup", Severity.WARNING,
                        "Markup that cannot be read as written, such as an HTML comment that is never "
                        "closed; the rest of the file is still linted.")
PIPELINE_MISSING = EngineCode("CL004", "pipeline-missing", Severity.INFO,
                              "The configured spaCy pipeline is not installed; the blank English pipeline is used.")

ENGINE_CODES = (UNREADABLE, BAD_DIRECTIVE, PIPELINE_MISSING, BAD_MARKUP)
