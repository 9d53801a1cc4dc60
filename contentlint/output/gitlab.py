"""GitLab code quality JSON (``artifacts:reports:codequality``), shown in merge requests.

Each finding carries a ``fingerprint`` that GitLab uses to tell new findings from old ones. It is a
hash of the path, the rule, the matched text and the finding's rank among identical ones, and not
of the line number, so a finding keeps its fingerprint when lines above it are added or removed.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any, TextIO

from contentlint.model.finding import Severity
from contentlint.model.result import Report
from contentlint.output.base import OutputOptions, findings, portable_path

_SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def to_gitlab(run: Report) -> list[dict[str, Any]]:
    """Return the code quality issues of a run."""
    seen: Counter[tuple[str, str, str, str]] = Counter()
    issues: list[dict[str, Any]] = []
    for _, finding in findings(run):
        path = portable_path(finding.path)
        key = (path, finding.code, finding.match, finding.message)
        rank = seen[key]
        seen[key] += 1
        digest = hashlib.sha256("\0".join((*key, str(rank))).encode("utf-8")).hexdigest()
        description = finding.message
        for loc in finding.related:
            description += f" [see {portable_path(loc.path)}:{loc.line}:{loc.column}]"
        issues.append({
            "description": description,
            "check_name": f"{finding.code} {finding.name}",
            "fingerprint": digest,
            "severity": _SEVERITIES[finding.severity],
            "location": {
                "path": path,
                "positions": {
                    "begin": {"line": finding.line, "column": finding.column},
                    "end": {"line": finding.end_line, "column": finding.end_column},
                },
            },
        })
    for result in run.files:
        if result.error:
            path = portable_path(result.path)
            issues.append({
                "description": result.error, "check_name": "CL001 unreadable-file",
                "fingerprint": hashlib.sha256(f"{path}\0CL001".encode()).hexdigest(), "severity": "blocker",
                "location": {"path": path, "lines": {"begin": 1}},
            })
    return issues


def render_gitlab(run: Report, out: TextIO, options: OutputOptions) -> None:
    """Write the run as a GitLab code quality report."""
    json.dump(to_gitlab(run), out, indent=2, ensure_ascii=False)
    out.write("\n")
