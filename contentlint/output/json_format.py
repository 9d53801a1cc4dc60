"""JSON output (schema version 1, documented in the README)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from contentlint.model.finding import Severity
from contentlint.model.result import Report
from contentlint.output.base import OutputOptions

SCHEMA_VERSION = 1


def to_json(run: Report) -> dict[str, Any]:
    """Return the JSON document for a run."""
    files = []
    for result in run.files:
        entry: dict[str, Any] = {"path": result.path}
        if result.error:
            entry["error"] = result.error
        entry["metrics"] = result.metrics
        entry["sections"] = result.sections
        entry["findings"] = [f.to_dict() for f in result.findings]
        entry["suppressed"] = [dict(f.to_dict(), reason=reason) for f, reason in result.suppressed]
        files.append(entry)
    counts = run.counts()
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "contentlint", "version": run.version},
        "files": files,
        "summary": {
            "files": len(run.files),
            "unreadable": sum(1 for r in run.files if r.error),
            "errors": counts[Severity.ERROR],
            "warnings": counts[Severity.WARNING],
            "info": counts[Severity.INFO],
            "fail_on": str(run.fail_on),
            "exit_code": run.exit_code(),
        },
    }


def render_json(run: Report, out: TextIO, options: OutputOptions) -> None:
    """Write the run as one JSON document (``quiet`` has no effect on JSON)."""
    json.dump(to_json(run), out, indent=2, ensure_ascii=False)
    out.write("\n")
