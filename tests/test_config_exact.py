"""Exact settings and messages of the configuration table (written for the config mutation run's survivors)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from contentlint.engine.config import _KEYS, ConfigError, settings_from_table
from contentlint.model.finding import Severity

P = "c.toml:"


@pytest.mark.parametrize(("table", "message"), [
    ({"colour": 1, "bogus": 2}, f"{P} unknown key(s): bogus, colour (known: {', '.join(sorted(_KEYS))})"),
    ({"fail-on": "loud"}, None),
    ({"per-file-ignores": ["x"]}, f"{P} per-file-ignores: must be a table of glob = [codes]"),
    ({"per-file-ignores": {"*.md": 3}}, f"{P} per-file-ignores.*.md: must be a list of strings"),
    ({"rules": {"SP001": 3}}, f"{P} rules: must be a table of [rules.CODE] tables"),
    ({"rules": []}, f"{P} rules: must be a table of [rules.CODE] tables"),
    ({"nlp-model": 3}, f"{P} nlp-model: must be a string"),
    ({"profile": 3}, f"{P} profile: must be a string"),
    ({"max-file-size": 0}, f"{P} max-file-size: must be a positive whole number of bytes"),
    ({"max-file-size": True}, f"{P} max-file-size: must be a positive whole number of bytes"),
    ({"max-file-size": 1.5}, f"{P} max-file-size: must be a positive whole number of bytes"),
    ({"duplicate-scope": "all"}, f"{P} duplicate-scope: must be \"repository\" or \"files\""),
    ({"time-limit": -1}, f"{P} time-limit: must be a number of seconds (0 for no limit)"),
    ({"time-limit": True}, f"{P} time-limit: must be a number of seconds (0 for no limit)"),
    ({"time-limit": "1"}, f"{P} time-limit: must be a number of seconds (0 for no limit)"),
    ({"respect-gitignore": "no"}, f"{P} respect-gitignore: must be true or false"),
    ({"select": 3}, f"{P} select: must be a list of strings"),
    ({"ignore": [1]}, f"{P} ignore: must be a list of strings"),
    ({"exclude": 1}, f"{P} exclude: must be a list of strings"),
    ({"extra-rule-paths": 1}, f"{P} extra-rule-paths: must be a list of strings"),
    ({"duplicate-allow": 1}, f"{P} duplicate-allow: must be a list of strings"),
    ({"allow-code": ["x"]}, f"{P} allow-code: lets house rules run Python code, so it is read only from a "
                            "configuration file named with --config, never from one found beside the linted files"),
])
def test_bad_values_name_the_key(table: dict[str, Any], message: str | None) -> None:
    with pytest.raises(ConfigError) as caught:
        settings_from_table(table, P, Path("/cfg/c.toml"))
    if message is None:
        assert str(caught.value).startswith(f"{P} fail-on: ")
    else:
        assert str(caught.value) == message


@pytest.mark.parametrize("package", ["contentlint", "my-rules", "a.b"])
def test_allow_code_names_top_level_packages(package: str) -> None:
    with pytest.raises(ConfigError) as caught:
        settings_from_table({"allow-code": [package]}, P, None, explicit=True)
    assert str(caught.value) == f"{P} allow-code: {package!r} is not a top-level package name"


def test_every_value_is_read(tmp_path: Path) -> None:
    (tmp_path / "model").mkdir()
    table = {
        "select": ["SP"], "ignore": ["SP001"], "fail-on": "warning", "exclude": ["drafts/**"],
        "extra-rule-paths": ["house"], "per-file-ignores": {"*.html": ["DU"]}, "rules": {"RD001": {"max": 9}},
        "nlp-model": "model", "max-file-size": 10, "profile": "clinical", "duplicate-allow": ["Call 111."],
        "duplicate-scope": "files", "allow-code": ["house_rules"], "time-limit": 2, "respect-gitignore": False,
    }
    s = settings_from_table(table, P, tmp_path / "c.toml", explicit=True)
    assert (s.select, s.ignore, s.fail_on, s.exclude) == (("SP",), ("SP001",), Severity.WARNING, ("drafts/**",))
    assert s.extra_rule_paths == (tmp_path / "house",)
    assert s.per_file_ignores == {"*.html": ("DU",)} and s.rule_options == {"RD001": {"max": 9}}
    assert s.nlp_model == str(tmp_path / "model") and s.max_file_size == 10 and s.profile == "clinical"
    assert s.duplicate_allow == ("Call 111.",) and s.duplicate_scope == "files"
    assert s.allow_code == ("house_rules",) and s.time_limit == 2.0 and isinstance(s.time_limit, float)
    assert s.respect_gitignore is False and s.source == tmp_path / "c.toml" and s.root == tmp_path


def test_defaults(tmp_path: Path) -> None:
    s = settings_from_table({}, P, tmp_path / "c.toml")
    assert (s.select, s.ignore, s.fail_on, s.exclude, s.extra_rule_paths) == ((), (), Severity.ERROR, (), ())
    assert (s.per_file_ignores, s.rule_options, s.nlp_model, s.profile) == ({}, {}, None, "general")
    assert (s.max_file_size, s.duplicate_scope, s.time_limit, s.respect_gitignore) == (5 * 1024 * 1024, None, 60.0,
                                                                                       True)
    assert (s.duplicate_allow, s.allow_code, s.root) == ((), (), tmp_path)
    assert settings_from_table({"nlp-model": "blank"}, P, tmp_path / "c.toml").nlp_model == "blank"
    assert settings_from_table({"nlp-model": "absent"}, P, tmp_path / "c.toml").nlp_model == "absent"
    assert settings_from_table({"duplicate-scope": "repository"}, P, None).duplicate_scope == "repository"
    assert settings_from_table({"time-limit": 0}, P, None).time_limit == 0.0
    assert settings_from_table({"max-file-size": 1}, P, None).max_file_size == 1
