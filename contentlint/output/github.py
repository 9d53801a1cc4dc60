"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

``::error file=PATH,line=L,col=C,endLine=L,endColumn=C,title=CODE name::message``. Values are
escaped as the Actions runner expects: in the message ``%``, ``\\r`` and ``\\n``; in a property
value also ``:`` and ``,``, which would otherwise end the value.
"""

from __future__ import annotations

from typing import TextIO

from contentlint.model.finding import Finding, Severity
from contentlint.model.result import Report
from contentlint.output.base import OutputOptions, findings, portable_path

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message (the part after ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (``file=...``, ``title=...``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    """Return the workflow command that annotates ``finding``."""
    properties = {
        "file": portable_path(finding.path),
        "line": str(finding.line),
        "col": str(finding.column),
        "endLine": str(finding.end_line),
        "endColumn": str(finding.end_column),
        "title": f"{finding.code} {finding.name}",
    }
    message = finding.message
    for loc in finding.related:
        message += f" [see {portable_path(loc.path)}:{loc.line}:{loc.column}]"
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{_COMMANDS[finding.severity]} {joined}::{escape_data(message)}"


def render_github(run: Report, out: TextIO, options: OutputOptions) -> None:
    """Write one workflow command per finding, and one per unreadable file."""
    for _, finding in findings(run):
        out.write(annotation(finding) + "\n")
    for result in run.files:
        if result.error:
            out.write(f"::error file={escape_property(portable_path(result.path))},title=CL001 unreadable-file::"
                      f"{escape_data(result.error)}\n")
