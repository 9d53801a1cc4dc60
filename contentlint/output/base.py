"""What every output format shares: the options of a rendering and a uniform view of the rules.

Every format renders the same ``Report``; none re-lints or re-reads anything except the formats
that show source text (``full`` and ``html``), which use the text the run kept (``keep_source``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from contentlint.model.codes import ENGINE_CODES
from contentlint.model.finding import Finding, Severity

if TYPE_CHECKING:
    from contentlint.engine.registry import Rule
    from contentlint.model.result import FileResult, Report


@dataclass(frozen=True)
class RuleInfo:
    """What a report says about a rule: the same fields for rule packs and the engine's own codes."""

    code: str
    name: str
    family: str
    level: Severity
    summary: str
    why: str = ""
    bad: tuple[str, ...] = ()
    good: tuple[str, ...] = ()
    fix_safe: bool = False

    def help_text(self) -> str:
        """Return the rule's explanation as plain text: summary, why, and examples."""
        parts = [self.summary]
        if self.why:
            parts.append(self.why.strip())
        if self.bad:
            parts.append("Bad:\n" + "\n".join(f"- {text}" for text in self.bad))
        if self.good:
            parts.append("Good:\n" + "\n".join(f"- {text}" for text in self.good))
        return "\n\n".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form used by ``rules --format json`` and the HTML report."""
        return {
            "code": self.code, "name": self.name, "pack": self.family, "level": str(self.level),
            "summary": self.summary, "why": self.why, "bad": list(self.bad), "good": list(self.good),
            "fix": "safe" if self.fix_safe else None,
        }


def rule_info(rule: Rule) -> RuleInfo:
    """Return the report view of a loaded rule."""
    return RuleInfo(rule.code, rule.name, rule.pack, rule.level, rule.summary, rule.why,
                    tuple(e.text.strip() for e in rule.bad), tuple(e.text.strip() for e in rule.good), rule.fix_safe)


def catalogue(rules: Mapping[str, Rule]) -> dict[str, RuleInfo]:
    """Return every rule of ``rules`` plus the engine's codes, by code, sorted."""
    infos = {code: rule_info(rule) for code, rule in rules.items()}
    for engine in ENGINE_CODES:
        infos.setdefault(engine.code, RuleInfo(engine.code, engine.name, "engine", engine.level, engine.summary))
    return dict(sorted(infos.items()))


@dataclass(frozen=True)
class OutputOptions:
    """How to render a run.

    ``quiet`` drops everything but the findings (summary lines, grades); ``colour`` is already
    decided (``--color``, ``NO_COLOR``, ``FORCE_COLOR``, terminal or not); ``rules`` gives the
    help text formats such as SARIF and HTML embed.
    """

    quiet: bool = False
    colour: bool = False
    rules: Mapping[str, RuleInfo] = field(default_factory=dict)

    def info(self, finding: Finding) -> RuleInfo:
        """Return the rule behind ``finding`` (a minimal entry when the catalogue lacks it)."""
        known = self.rules.get(finding.code)
        if known is not None:
            return known
        return RuleInfo(finding.code, finding.name, finding.code[:2], finding.severity, finding.message)


def findings(run: Report) -> Iterator[tuple[FileResult, Finding]]:
    """Yield every finding of the run with its file result, in report order."""
    for result in run.files:
        if not result.error:
            for finding in result.findings:
                yield result, finding


def portable_path(path: str) -> str:
    """Return ``path`` with forward slashes, relative to the working directory when it lies under it.

    CI services (GitHub, GitLab) resolve report paths against the repository root, where the job
    runs; an absolute path there would match no file.
    """
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.relative_to(Path.cwd())
        except ValueError:
            return candidate.as_posix()
    return candidate.as_posix().removeprefix("./")


def source_of(result: FileResult) -> str:
    """Return the decoded text of a linted file: kept by the run, or read again (BOM dropped)."""
    if result.source is not None:
        return result.source
    try:
        return Path(result.path).read_bytes().decode("utf-8-sig", errors="replace")
    except OSError:
        return ""


def line_starts(source: str) -> list[int]:
    """Return the offset at which each line of ``source`` starts (lines end at ``\\n``, as in the source map)."""
    starts = [0]
    for index, char in enumerate(source):
        if char == "\n":
            starts.append(index + 1)
    return starts


def offsets(starts: list[int], source: str, finding: Finding) -> tuple[int, int]:
    """Return the ``[start, end)`` offsets of ``finding`` in ``source`` (from its 1-based line and columns)."""

    def at(line: int, column: int) -> int:
        if line - 1 >= len(starts):
            return len(source)
        return min(starts[line - 1] + column - 1, len(source))

    start = at(finding.line, finding.column)
    return start, max(start, at(finding.end_line, finding.end_column))


def write_atomic_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same directory, then rename it.

    A CI step that reads the report never sees half a file, and an interrupted run leaves the
    previous report in place.
    """
    import tempfile

    directory = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


__all__ = ["OutputOptions", "RuleInfo", "catalogue", "findings", "line_starts", "offsets", "portable_path",
           "rule_info", "source_of", "write_atomic_text"]
