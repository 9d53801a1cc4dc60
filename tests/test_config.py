"""Configuration: discovery upward, per-rule options, per-file ignores, extra rule packs, errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import REPO, lint_files

from contentlint.engine.config import ConfigError, find_config, load_settings
from contentlint.engine.run import build_rules

LONG = ("When you go home after the operation, keep the wound clean and dry, change the dressing every day, "
        "and call the ward straight away if the skin around it turns red, hot or swollen.\n")


def test_found_upward_from_the_linted_path(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.contentlint]\nignore = ["RD002"]\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep / "x.md") == tmp_path / "pyproject.toml"


def test_pyproject_without_our_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / ".contentlint.toml").write_text('fail-on = "warning"\n')
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config(inner) == tmp_path / ".contentlint.toml"


def test_rule_option_changes_threshold(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(LONG)
    assert any(f.code == "RD002" for f in lint_files(article).files[0].findings)
    config = tmp_path / ".contentlint.toml"
    config.write_text("[rules.RD002]\nmax = 40\n")
    settings = load_settings(config)
    assert not any(f.code == "RD002" for f in lint_files(article, settings=settings).files[0].findings)


def test_rule_level_override(tmp_path: Path) -> None:
    config = tmp_path / ".contentlint.toml"
    config.write_text('[rules.long-sentence]\nlevel = "error"\n')
    rules = build_rules(load_settings(config))
    assert str(rules["RD002"].level) == "error"


def test_bad_rule_option_names_the_key(tmp_path: Path) -> None:
    config = tmp_path / ".contentlint.toml"
    config.write_text('[rules.RD002]\nmax = "long"\n')
    with pytest.raises(Exception, match=r"rules\.RD002.*max"):
        build_rules(load_settings(config))


def test_per_file_ignores(tmp_path: Path) -> None:
    (tmp_path / "legacy").mkdir()
    article = tmp_path / "legacy" / "old.md"
    article.write_text(LONG)
    config = tmp_path / ".contentlint.toml"
    config.write_text('[per-file-ignores]\n"legacy/*.md" = ["readability"]\n')
    run = lint_files(article, settings=load_settings(config))
    assert not [f for f in run.files[0].findings if f.code.startswith("RD")]


def test_extra_rule_paths_add_house_rules(tmp_path: Path) -> None:
    pack = tmp_path / "house" / "house-style"
    pack.mkdir(parents=True)
    (pack / "HS001-say-doctor.yaml").write_text(
        "code: HS001\nname: say-doctor\nkind: pattern\nlevel: info\nscope: sentence\n"
        "message: \"Write '{suggestion}' for '{match}'.\"\nsummary: House style says doctor.\n"
        "why: Our readers say doctor.\noptions:\n  swap:\n    '\\bphysician\\b': doctor\n"
        "examples:\n  bad: ['Ask your physician.']\n  good: ['Ask your doctor.']\n"
    )
    config = tmp_path / ".contentlint.toml"
    config.write_text('extra-rule-paths = ["house"]\n')
    article = tmp_path / "a.md"
    article.write_text("Ask your physician about it.\n")
    findings = lint_files(article, settings=load_settings(config)).files[0].findings
    assert [(f.code, f.suggestion) for f in findings] == [("HS001", "doctor")]


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ('fail-on = "sometimes"\n', "fail-on"),
        ('select = "SP", 3\n', "cannot read"),
        ("[per-file-ignores]\n\"*.md\" = [\"NOPE1\"]\n", "NOPE1"),
        ("colour = true\n", "colour"),
    ],
)
def test_config_errors_name_the_problem(tmp_path: Path, content: str, needle: str) -> None:
    config = tmp_path / ".contentlint.toml"
    config.write_text(content)
    with pytest.raises(ConfigError, match=needle):
        build_rules(load_settings(config))


def test_bad_rule_file_names_file_and_key(tmp_path: Path) -> None:
    pack = tmp_path / "house" / "p"
    pack.mkdir(parents=True)
    shutil.copy(REPO / "rules" / "readability" / "RD002-long-sentence.yaml", pack / "HS002-long.yaml")
    text = (pack / "HS002-long.yaml").read_text().replace("RD002", "HS002").replace("long-sentence", "long")
    (pack / "HS002-long.yaml").write_text(text.replace("max: 30", "maximum: 30"))
    config = tmp_path / ".contentlint.toml"
    config.write_text('extra-rule-paths = ["house"]\n')
    with pytest.raises(Exception, match=r"HS002-long\.yaml: options\.maximum"):
        build_rules(load_settings(config))


def test_patient_instructions_profile(tmp_path: Path) -> None:
    config = tmp_path / ".contentlint.toml"
    config.write_text('profile = "patient-instructions"\n[rules.RD002]\nmax = 25\n')
    rules = build_rules(load_settings(config))
    assert rules["RD001"].options["max"] == 6
    assert rules["RD002"].options["max"] == 25  # the project's own option wins over the profile


def test_unknown_profile(tmp_path: Path) -> None:
    config = tmp_path / ".contentlint.toml"
    config.write_text('profile = "children"\n')
    with pytest.raises(ConfigError, match="children"):
        build_rules(load_settings(config))
