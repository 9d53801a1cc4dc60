"""Golden outputs for the samples, and the exit codes the README promises."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import REPO

from contentlint.cli import main

SAMPLES = sorted(p.name for p in (REPO / "samples").iterdir() if p.suffix in {".md", ".html", ".txt"})
GOLDEN = Path(__file__).resolve().parent / "golden"


def check(*args: str) -> tuple[int, str]:
    cwd = os.getcwd()
    os.chdir(REPO)  # paths in the output are as given, relative to the repository
    try:
        result = CliRunner().invoke(main, ["check", *args])
    finally:
        os.chdir(cwd)
    return result.exit_code, result.stdout


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_golden(name: str, update_goldens: bool) -> None:
    code, out = check(f"samples/{name}")
    golden = GOLDEN / f"{name}.txt"
    actual = f"exit {code}\n{out}"
    if update_goldens:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


def test_samples_directory_fails() -> None:
    assert check("samples/")[0] == 1


def test_clean_sample_passes_with_no_findings() -> None:
    code, out = check("--fail-on", "info", "samples/clean-article.md")
    assert code == 0
    assert "0 errors, 0 warnings, 0 infos" in out


def test_every_family_fires_on_the_samples() -> None:
    _, out = check("samples/")
    for prefix in ("DU", "RD", "SP", "MC"):
        assert f" {prefix}0" in out
