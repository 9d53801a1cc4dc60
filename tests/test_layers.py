"""The package layering (import-linter contract "contentlint layers" in pyproject.toml) and no cycles.

``python -m pytest`` runs ``lint-imports`` itself, so that the README's test command catches a layering
breach as CI does; a second check finds every import cycle between contentlint's modules with grimp
(import-linter's graph), including imports inside functions, which a layer contract alone would allow
between siblings.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

REPO = Path(__file__).resolve().parent.parent


def test_import_linter_contract_is_kept() -> None:
    command = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    if not Path(command).exists():
        pytest.fail("lint-imports is missing: install the test extra (pip install -e '.[test]')")
    done = subprocess.run([command, "--no-cache"], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "contentlint layers KEPT" in done.stdout


def _cycles(graph: grimp.ImportGraph, modules: set[str]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root) & modules)))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child) & modules))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_cycle_between_modules() -> None:
    graph = grimp.build_graph("contentlint", cache_dir=None)
    # The root package only names the API for type checkers and imports it lazily (see pyproject.toml).
    graph.remove_import(importer="contentlint", imported="contentlint.api")
    modules = {m for m in graph.modules if m != "contentlint"}
    assert _cycles(graph, modules) == []


_FUNCTION_IMPORT = re.compile(r"^\s+(?:from contentlint[.\w]* import|import contentlint)", re.MULTILINE)
# A function-level import of contentlint is allowed only for start-up laziness, and says so.
_LAZY_REASON = re.compile(r"laz|start-up|on first use|only when|deferred|importing spaCy is slow|runtime")


def test_function_level_imports_state_their_reason() -> None:
    unexplained = []
    for path in sorted((REPO / "contentlint").rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        in_type_checking = False
        for number, line in enumerate(lines, 1):
            if line.startswith("if TYPE_CHECKING"):
                in_type_checking = True
                continue
            if in_type_checking and line and not line[0].isspace():
                in_type_checking = False
            if in_type_checking or not _FUNCTION_IMPORT.match(line):
                continue
            context = "\n".join(lines[max(0, number - 6):number])  # the line or a comment just above
            if not _LAZY_REASON.search(context):
                unexplained.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert unexplained == []
