"""The rule catalogue: file names, codes, packs, the README's rule table, the engine's CL codes."""

from __future__ import annotations

from click.testing import CliRunner
from helpers import REPO

from contentlint.cli import main
from contentlint.engine.registry import builtin_rules_dir, load_rules


def test_rule_files_are_named_for_code_and_name() -> None:
    rules = load_rules([builtin_rules_dir()])
    prefixes: dict[str, set[str]] = {}
    for rule in rules.values():
        assert rule.path.endswith(f"{rule.pack}/{rule.code}-{rule.name}.yaml")
        prefixes.setdefault(rule.pack, set()).add(rule.code[:2])
    for pack, codes in prefixes.items():
        assert len(codes) == 1, f"pack {pack} mixes code prefixes {codes}"


def test_every_family_is_present() -> None:
    packs = {rule.pack for rule in load_rules([builtin_rules_dir()]).values()}
    assert {"duplication", "readability", "spelling", "claims"} <= packs


def test_readme_rule_table_is_in_sync() -> None:
    table = CliRunner().invoke(main, ["rules", "--format", "markdown"]).stdout.strip()
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    current = readme.split("<!-- rules-table:start -->")[1].split("<!-- rules-table:end -->")[0].strip()
    assert current == table, "README rule table is stale: run `python tests/update_readme.py`"
