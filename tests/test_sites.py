"""One fixture site per generator: findings only in prose, golden outputs, and ``--fix`` that never
changes a byte of front matter, template syntax, markup or code.

The sites under ``tests/fixtures/sites/`` bait every kind of markup with slips ("alot", "could of")
and claims ("cures") that must not be reported or fixed there, beside real prose that must be.
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import FIXTURES, lint_files

from contentlint.cli import main
from contentlint.engine.linter import FileResult
from contentlint.readers.load import read_document

SITES_DIR = FIXTURES / "sites"
SITES = ["astro", "docusaurus", "html-export", "hugo", "jekyll"]
GOLDEN = Path(__file__).resolve().parent / "golden" / "sites"


def _prose_offsets(path: Path) -> set[int]:
    """Return the source offsets of every prose character of ``path``."""
    doc = read_document(path.read_bytes(), str(path))
    return {origin for block in doc.blocks for origin in block.prose.origins}


def _offset(text: str, line: int, column: int) -> int:
    """Return the offset of 1-based ``line``:``column`` in ``text`` (the fixtures use "\\n")."""
    return sum(len(row) + 1 for row in text.split("\n")[: line - 1]) + column - 1


def _render(result: FileResult, root: Path) -> list[str]:
    name = Path(result.path).relative_to(root).as_posix()
    lines = [f"{name}:{f.line}:{f.column}-{f.end_line}:{f.end_column} {f.code} {f.match!r}"
             for f in sorted(result.findings, key=lambda f: (f.line, f.column, f.code))]
    grade = result.metrics.get("flesch_kincaid_grade")
    lines.append(f"{name}: grade {grade} words {result.metrics.get('words')}")
    return lines


def test_every_generator_has_a_site() -> None:
    assert sorted(p.name for p in SITES_DIR.iterdir() if p.is_dir()) == SITES


@pytest.mark.parametrize("site", SITES)
def test_site_golden_output(site: str, update_goldens: bool) -> None:
    root = SITES_DIR / site
    run = lint_files(root)
    assert run.files and not any(r.error for r in run.files)
    actual = "\n".join(line for result in run.files for line in _render(result, root)) + "\n"
    golden = GOLDEN / f"{site}.txt"
    if update_goldens:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("site", SITES)
def test_no_finding_inside_markup_templates_or_front_matter(site: str) -> None:
    run = lint_files(SITES_DIR / site)
    for result in run.files:
        path = Path(result.path)
        text = path.read_text(encoding="utf-8")
        prose = _prose_offsets(path)
        assert result.findings or path.suffix == ".html", path
        for finding in result.findings:
            start = _offset(text, finding.line, finding.column)
            assert start in prose, (path, finding.code, finding.line, finding.column)
            assert "cure" not in finding.match.lower(), (path, finding)  # every "cures" sits in markup


@pytest.mark.parametrize("site", SITES)
def test_fix_leaves_every_byte_outside_prose_identical(site: str, tmp_path: Path) -> None:
    copy = tmp_path / site
    shutil.copytree(SITES_DIR / site, copy)
    before = {p: p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    prose = {p: _prose_offsets(p) for p in before}
    result = CliRunner().invoke(main, ["check", "--fix", str(copy)])
    assert result.exit_code in (0, 1), result.output
    changed = 0
    for path, data in before.items():
        old, new = data.decode("utf-8"), path.read_text(encoding="utf-8")
        for tag, i1, i2, _, _ in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
            if tag == "equal":
                continue
            changed += 1
            span = set(range(i1, i2)) if i2 > i1 else {i1 - 1, i1}
            assert span & prose[path] == span or (i2 == i1 and span & prose[path]), (path, tag, old[i1 - 5:i2 + 5])
        # The baits in markup are all still there: only prose "alot"/"could of" were fixed.
        assert new.count("alot") + new.count("could of") < old.count("alot") + old.count("could of") or old == new
    assert changed, "the site has prose slips, so --fix must change something"
