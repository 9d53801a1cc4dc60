"""SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.

One run; the driver lists every selected rule (and the engine's codes) with its help text, and each
finding becomes a result whose region uses SARIF's 1-based lines and columns. Columns count Unicode
code points, as contentlint's do, which the run declares with ``columnKind``. A duplicate's other
copy is a ``relatedLocations`` entry that the message links to (``[first copy](1)``).
"""

from __future__ import annotations

import json
from typing import Any, TextIO
from urllib.parse import quote

from contentlint.model.finding import Finding, Location, Severity
from contentlint.model.result import Report
from contentlint.output.base import OutputOptions, RuleInfo, findings, portable_path

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    """Return a relative URI reference for ``path`` (absolute paths become ``file://`` URIs)."""
    portable = portable_path(path)
    if portable.startswith("/"):
        return "file://" + quote(portable)
    return quote(portable)


def _physical(path: str, line: int, column: int, end_line: int, end_column: int) -> dict[str, Any]:
    region = {"startLine": line, "startColumn": column, "endLine": end_line,
              "endColumn": max(end_column, column + 1) if end_line == line else end_column}
    uri = _uri(path)
    # A relative URI is resolved against the directory contentlint ran in (%SRCROOT%).
    artifact = {"uri": uri} if uri.startswith("file://") else {"uri": uri, "uriBaseId": "%SRCROOT%"}
    return {"physicalLocation": {"artifactLocation": artifact, "region": region}}


def _descriptor(info: RuleInfo) -> dict[str, Any]:
    """Return a ``reportingDescriptor``: the rule with its help text and default level."""
    help_text = info.help_text()
    markdown = [f"**{info.code} {info.name}**: {info.summary}"]
    if info.why:
        markdown.append(info.why.strip())
    if info.bad:
        markdown.append("Bad:\n\n" + "\n".join(f"- {text}" for text in info.bad))
    if info.good:
        markdown.append("Good:\n\n" + "\n".join(f"- {text}" for text in info.good))
    return {
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": info.why.strip() or info.summary},
        "help": {"text": help_text, "markdown": "\n\n".join(markdown)},
        "defaultConfiguration": {"level": _LEVELS[info.level]},
        "properties": {"tags": [info.family]},
    }


def _result(finding: Finding, index: int) -> dict[str, Any]:
    message = finding.message
    related: list[dict[str, Any]] = []
    for number, loc in enumerate(finding.related, start=1):
        related.append({"id": number, **_location(loc), "message": {"text": "first copy"}})
        message += f" ([first copy]({number}))" if number == 1 else f" ([copy]({number}))"
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": _LEVELS[finding.severity],
        "message": {"text": message},
        "locations": [_physical(finding.path, finding.line, finding.column, finding.end_line, finding.end_column)],
    }
    if related:
        result["relatedLocations"] = related
    if finding.suggestion:
        result["properties"] = {"suggestion": finding.suggestion}
    return result


def _location(loc: Location) -> dict[str, Any]:
    return _physical(loc.path, loc.line, loc.column, loc.end_line, loc.end_column)


def to_sarif(run: Report, options: OutputOptions) -> dict[str, Any]:
    """Return the SARIF log of a run."""
    infos = dict(options.rules)
    for _, finding in findings(run):
        infos.setdefault(finding.code, options.info(finding))
    order = sorted(infos)
    index = {code: i for i, code in enumerate(order)}
    results = [_result(finding, index[finding.code]) for _, finding in findings(run)]
    notifications = [
        {"level": "error", "message": {"text": f"{r.path}: {r.error}"}, "descriptor": {"id": "CL001"},
         "locations": [_physical(r.path, 1, 1, 1, 2)]}
        for r in run.files if r.error
    ]
    invocation: dict[str, Any] = {"executionSuccessful": not notifications, "exitCode": run.exit_code()}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "contentlint",
                "version": run.version,
                "rules": [_descriptor(infos[code]) for code in order],
            }},
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The directory contentlint ran in."}}},
            "results": results,
        }],
    }


def render_sarif(run: Report, out: TextIO, options: OutputOptions) -> None:
    """Write the run as a SARIF 2.1.0 log."""
    json.dump(to_sarif(run, options), out, indent=2, ensure_ascii=False)
    out.write("\n")
