"""Configuration is data: nothing found in a linted tree can make contentlint import or run code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from contentlint.cli import main
from contentlint.engine.config import ConfigError, load_settings
from contentlint.engine.registry import RuleError, load_rules
from contentlint.engine.run import build_rules

ARTICLE = "Zinc shortens colds in adults, and it is cheap.\n"

HOUSE_RULE = """\
code: HR001
name: house-check
kind: python
level: warning
scope: sentence
message: "House check"
summary: A house rule written in Python.
why: To test what a house rule may import.
options:
  entry: "{entry}"
examples:
  bad: []
  good: []
"""


def _marker_module(folder: Path, name: str, marker: Path) -> None:
    """Write a module that leaves ``marker`` behind when imported, and a rule function in it."""
    (folder / f"{name}.py").write_text(
        f"from pathlib import Path\nPath({str(marker)!r}).write_text('imported')\n"
        "def check(unit, options):\n    return []\n"
    )


def _run(args: list[str], cwd: Path) -> tuple[int, str]:
    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, args)
    finally:
        os.chdir(old)
    return result.exit_code, result.output


@pytest.mark.parametrize("entry", ["pydoc:pipepager", "os:system"])
def test_discovered_config_cannot_override_entry(tmp_path: Path, entry: str) -> None:
    marker = tmp_path / "ran"
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.contentlint.rules.MC001]\nentry = "{entry}"\ncmd = "touch {marker}"\n'
    )
    (tmp_path / "a.md").write_text(ARTICLE)
    code, output = _run(["check", "a.md"], tmp_path)
    assert code == 2
    assert "rules.MC001: entry: names code to run and cannot be set from configuration" in output
    assert "Traceback" not in output
    assert not marker.exists()


def test_profile_or_config_cannot_set_entry_through_the_api(tmp_path: Path) -> None:
    config = tmp_path / ".contentlint.toml"
    config.write_text('[rules.unhedged-claim]\nentry = "os:system"\n')
    with pytest.raises(RuleError, match=r"rules\.unhedged-claim: entry: names code to run"):
        build_rules(load_settings(config))


@pytest.mark.parametrize("entry", ["os:system", "pydoc:pipepager", "subprocess:run", "builtins:eval"])
def test_house_rule_cannot_name_foreign_code(tmp_path: Path, entry: str) -> None:
    pack = tmp_path / "house" / "mine"
    pack.mkdir(parents=True)
    (pack / "HR001-house-check.yaml").write_text(HOUSE_RULE.format(entry=entry))
    (tmp_path / ".contentlint.toml").write_text('extra-rule-paths = ["house"]\n')
    (tmp_path / "a.md").write_text(ARTICLE)
    code, output = _run(["check", "a.md"], tmp_path)
    assert code == 2
    assert "HR001-house-check.yaml: options.entry:" in output
    assert f"{entry!r} is not allowed" in output


def test_house_module_is_not_imported_without_allow_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    marker = tmp_path / "imported"
    _marker_module(tmp_path, "house_checks", marker)
    monkeypatch.syspath_prepend(str(tmp_path))
    pack = tmp_path / "house" / "mine"
    pack.mkdir(parents=True)
    (pack / "HR001-house-check.yaml").write_text(HOUSE_RULE.format(entry="house_checks:check"))
    with pytest.raises(RuleError, match="is not allowed"):
        load_rules([tmp_path / "house"])
    assert not marker.exists()


def test_allow_code_is_refused_in_a_discovered_config(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.contentlint]\nallow-code = ["house_checks"]\n')
    (tmp_path / "a.md").write_text(ARTICLE)
    code, output = _run(["check", "a.md"], tmp_path)
    assert code == 2
    assert "allow-code: lets house rules run Python code" in output


def test_allow_code_in_an_explicit_config_runs_the_house_function(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = tmp_path / "imported"
    _marker_module(tmp_path, "house_checks", marker)
    monkeypatch.syspath_prepend(str(tmp_path))
    pack = tmp_path / "house" / "mine"
    pack.mkdir(parents=True)
    (pack / "HR001-house-check.yaml").write_text(HOUSE_RULE.format(entry="house_checks:check"))
    config = tmp_path / "contentlint.toml"
    config.write_text('extra-rule-paths = ["house"]\nallow-code = ["house_checks"]\n')
    rules = build_rules(load_settings(config, explicit=True))
    assert "HR001" in rules
    assert marker.exists()


def test_allow_code_cannot_name_contentlint_itself(tmp_path: Path) -> None:
    config = tmp_path / "contentlint.toml"
    config.write_text('allow-code = ["contentlint"]\n')
    with pytest.raises(ConfigError, match="not a top-level package name"):
        load_settings(config, explicit=True)


@pytest.mark.parametrize("entry", ["contentlint.cli:main", "contentlint.packs.claims.checks:re",
                                   "contentlint.packs.claims.checks:nope", "contentlint.packs..x:y", "a:b:c"])
def test_builtin_entry_must_be_a_function_of_the_checks_package(tmp_path: Path, entry: str) -> None:
    pack = tmp_path / "house" / "mine"
    pack.mkdir(parents=True)
    (pack / "HR001-house-check.yaml").write_text(HOUSE_RULE.format(entry=entry))
    with pytest.raises(RuleError, match=r"options\.entry:"):
        load_rules([tmp_path / "house"])


def test_python_m_does_not_import_from_the_current_directory(tmp_path: Path) -> None:
    marker = tmp_path / "shadowed"
    for name in ("yaml", "click", "spacy", "numpy"):
        (tmp_path / f"{name}.py").write_text(f"open({str(marker)!r}, 'w').write({name!r})\nraise SystemExit(9)\n")
    (tmp_path / "a.md").write_text(ARTICLE)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([sys.executable, "-m", "contentlint", "check", "--select", "SP", "a.md"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert not marker.exists(), marker.read_text()
    assert done.returncode == 0, done.stderr
