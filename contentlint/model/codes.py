"""The engine's own codes (``CL``): problems with files and directives rather than with prose."""

from __future__ import annotations

from dataclasses import dataclass

from contentlint.model.finding import Severity


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

RULE_FAILED = EngineCode("CL005", "rule-failed", Severity.ERROR,
                         "A rule failed on this file (its code raised, or its regular expression ran too long); "
                         "the other rules still ran.")
FIX_NOT_WRITTEN = EngineCode("CL006", "fix-not-written", Severity.ERROR,
                             "--fix could not write this file (read-only, folder not writable, or changed since "
                             "it was read); its findings are kept.")
UNKNOWN_EXTENSION = EngineCode("CL009", "unknown-extension", Severity.WARNING,
                               "A file named on the command line has an extension contentlint does not read; "
                               "it is skipped (one notice per extension).")

ENGINE_CODES = (UNREADABLE, BAD_DIRECTIVE, PIPELINE_MISSING, RULE_FAILED, FIX_NOT_WRITTEN, BAD_MARKUP,
                UNKNOWN_EXTENSION)

#: Findings that mean the run could not do all it was asked: they make the exit code 2.
INCOMPLETE_CODES = frozenset({RULE_FAILED.code, FIX_NOT_WRITTEN.code})
