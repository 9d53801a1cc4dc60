"""The planted-pairs corpus end to end through the readers and the CLI (not just the module)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from click.testing import CliRunner
from helpers import FIXTURES

from contentlint.cli import main

CORPUS = FIXTURES / "duplicates"
EXPECTED = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
ID_RE = re.compile(r"<!-- id: (\S+) -->")


def _ids() -> dict[tuple[str, int], str]:
    """Map (file name, line) of every paragraph, and of every section heading above it, to an id."""
    ids: dict[tuple[str, int], str] = {}
    for path in CORPUS.glob("*.md"):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            match = ID_RE.search(line)
            if match:
                ids[(path.name, number + 1)] = match.group(1)
    return ids


def test_every_planted_pair_is_found_and_nothing_else(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text(f"duplicate-allow = {json.dumps(EXPECTED['allow'])}\n")
    result = CliRunner().invoke(main, ["check", "--format", "json", "--select", "DU", "--config", str(config), str(CORPUS)])
    ids = _ids()
    found: dict[str, set[tuple[str, str]]] = {"DU001": set(), "DU002": set(), "DU003": set()}
    for entry in json.loads(result.stdout)["files"]:
        for finding in entry["findings"]:
            copy = ids.get((Path(entry["path"]).name, finding["line"]))
            first = finding["related"][0]
            original = ids.get((Path(first["path"]).name, first["line"]))
            found[finding["code"]].add((original or "?", copy or "?"))
    assert found["DU001"] == {tuple(p) for p in EXPECTED["exact"]}
    assert found["DU002"] == {tuple(p) for p in EXPECTED["near"]}
    # A section is reported at its first paragraph, pointing at the first paragraph of the original.
    assert found["DU003"] == {tuple(p) for p in EXPECTED["section"]}
    joined = {frozenset(p) for pairs in found.values() for p in pairs}
    for pair in EXPECTED["distinct"]:
        assert frozenset(pair) not in joined
    assert result.exit_code == 1
