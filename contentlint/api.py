"""The public API: lint a text or files from Python, as the CLI does, without re-implementing the run.

    >>> import contentlint
    >>> [f.code for f in contentlint.lint_text("Exercise helps alot.", select=["SP003"])]
    ['SP003']

Tests, the benches and later the language server and the distributed engine call these two functions
instead of loading rules and calling kinds themselves. Rule files are loaded once per process and
reloaded only when one changes (see ``registry.load_rules``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from contentlint.engine.config import Settings
from contentlint.engine.registry import Rule, builtin_rules_dir, rules_signature
from contentlint.engine.run import build_rules
from contentlint.engine.run import lint_paths as _run_paths
from contentlint.model.finding import Finding
from contentlint.model.result import Report

__all__ = ["LintError", "lint_paths", "lint_text"]


class LintError(Exception):
    """The text could not be linted (it could not be read or decoded); the message says why."""


# Rule sets built with the default settings, by selection, with the signature of the files they came
# from: building one reads the profiles too, which cost as much as linting a short text.
_DEFAULT_RULE_SETS: dict[tuple[str, ...], tuple[tuple[tuple[str, int, int], ...], dict[str, Rule]]] = {}


def _default_rules(select: tuple[str, ...]) -> dict[str, Rule]:
    """Return the built-in rules selected by ``select`` under the default settings (cached)."""
    signature = rules_signature([builtin_rules_dir()])
    cached = _DEFAULT_RULE_SETS.get(select)
    if cached is None or cached[0] != signature:
        cached = (signature, build_rules(Settings(), list(select)))
        _DEFAULT_RULE_SETS[select] = cached
    return dict(cached[1])


def lint_text(text: str, name: str = "article.md", select: Iterable[str] = (),
              settings: Settings | None = None) -> list[Finding]:
    """Lint ``text`` as if read from a file called ``name`` (its suffix picks the reader).

    ``select`` narrows the rules (codes, prefixes, names or packs, as ``--select``); ``settings``
    default to contentlint's defaults (no configuration file is read). Returns the findings in order.
    """
    selection = tuple(select)
    rules = _default_rules(selection) if settings is None else build_rules(settings, list(selection))
    settings = settings or Settings()
    run = _run_paths([], settings, rules, stdin=text.encode("utf-8"), stdin_name=name)
    result = run.files[0]
    if result.error:
        raise LintError(f"{name}: {result.error}")
    return list(result.findings)


def lint_paths(paths: Sequence[str | Path], settings: Settings | None = None, select: Iterable[str] = (),
               ignore: Iterable[str] = (), jobs: int = 1) -> Report:
    """Lint files and directories (discovered as the CLI does) and return the whole run."""
    settings = settings or Settings()
    rules = build_rules(settings, list(select), list(ignore))
    return _run_paths([str(p) for p in paths], settings, rules, jobs=jobs)
