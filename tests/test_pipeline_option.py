"""The optional trained spaCy pipeline: loaded through the real path when present, a notice when not."""

from __future__ import annotations

from pathlib import Path

import spacy
from click.testing import CliRunner

from contentlint.cli import main

TEXT = "We could of known. The nurse checked the dressing.\n"


def test_missing_pipeline_falls_back_with_a_notice(tmp_path: Path) -> None:
    (tmp_path / ".contentlint.toml").write_text('nlp-model = "en_core_web_notinstalled"\n')
    (tmp_path / "a.md").write_text(TEXT)
    result = CliRunner().invoke(main, ["check", str(tmp_path / "a.md")])
    assert "CL004" in result.stderr and "en_core_web_notinstalled" in result.stderr
    assert "SP002" in result.stdout and result.exit_code == 0


def test_pipeline_directory_is_loaded_and_used(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(tmp_path / "tiny-pipeline")
    (tmp_path / ".contentlint.toml").write_text('nlp-model = "tiny-pipeline"\n')
    (tmp_path / "a.md").write_text(TEXT)
    result = CliRunner().invoke(main, ["check", "--config", str(tmp_path / ".contentlint.toml"), str(tmp_path / "a.md")])
    assert "CL004" not in result.stderr, result.stderr
    assert "SP002" in result.stdout
