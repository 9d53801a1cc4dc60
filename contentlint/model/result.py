"""Results as values: what linting one file produced, and the report of a whole run.

Every value here is frozen. Each stage of a run (the per-document linter, the corpus stage, the
per-file ignores, finalising suppressions, the fixer) returns new values with
:func:`dataclasses.replace` instead of changing the ones it was given, and the formatters read a
:class:`Report` only.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from contentlint import __version__
from contentlint.model.codes import INCOMPLETE_CODES
from contentlint.model.finding import Finding, Severity

DEFAULT_GRADE_METRIC = "flesch_kincaid_grade"
DEFAULT_GRADE_TARGET = 8.0


@dataclass(frozen=True)
class FileSnapshot:
    """What a file was when it was read: enough to tell, before writing, that it has not changed."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, info: os.stat_result, data: bytes) -> FileSnapshot:
        """The snapshot of ``data`` read from a file whose ``os.stat`` was ``info``."""
        return cls(info.st_size, info.st_mtime_ns, hashlib.sha256(data).hexdigest())


class Covering(Protocol):
    """A suppression found for a finding: only its reason is reported."""

    @property
    def reason(self) -> str | None: ...


class SuppressionLookup(Protocol):
    """The suppressions of one document, as finalising a result asks about them."""

    def find(self, code: str, line: int) -> Covering | None: ...


@dataclass(frozen=True)
class FileResult:
    """What linting one file produced (frozen: stages return new results with ``replace``).

    ``suppressions`` and ``fingerprints`` are the per-document stage's hand-over to the corpus stage
    and to finalising; a finalised result has them applied (``suppressed``) and emptied.
    """

    path: str
    findings: tuple[Finding, ...] = ()
    suppressed: tuple[tuple[Finding, str | None], ...] = ()
    metrics: Mapping[str, Any] = field(default_factory=dict)
    sections: tuple[Mapping[str, Any], ...] = ()
    error: str | None = None
    fingerprints: Mapping[Any, Sequence[Any]] = field(default_factory=dict)
    suppressions: SuppressionLookup | None = None
    source: str | None = None
    bom: bool = False
    snapshot: FileSnapshot | None = None  # what was read, so that --fix can tell if the file changed


@dataclass(frozen=True)
class Report:
    """The results of every file in a run, and what decides the exit code: what formatters read."""

    files: tuple[FileResult, ...]
    fail_on: Severity = Severity.ERROR
    version: str = __version__
    grade_metric: str = DEFAULT_GRADE_METRIC
    grade_target: float = DEFAULT_GRADE_TARGET
    notices: tuple[str, ...] = ()

    def counts(self) -> dict[Severity, int]:
        """Return the number of findings at each severity."""
        counts = dict.fromkeys(Severity, 0)
        for result in self.files:
            for finding in result.findings:
                counts[finding.severity] += 1
        return counts

    def exit_code(self) -> int:
        """Return 2 if a file could not be read, linted or fixed, 1 if a finding reaches ``fail_on``, else 0."""
        if any(r.error for r in self.files):
            return 2
        if any(f.code in INCOMPLETE_CODES for r in self.files for f in r.findings):
            return 2
        if any(f.severity >= self.fail_on for r in self.files for f in r.findings):
            return 1
        return 0


__all__ = ["DEFAULT_GRADE_METRIC", "DEFAULT_GRADE_TARGET", "FileResult", "FileSnapshot", "Report",
           "SuppressionLookup"]
