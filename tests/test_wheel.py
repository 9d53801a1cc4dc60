"""The built wheel ships the rule packs and the trained pipeline: install it apart from the checkout,
list every rule, and lint a sample with the shipped model while the network is blocked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from helpers import REPO

SCRIPT = """
import sys
sys.path.insert(0, sys.argv[1])
import contentlint
assert contentlint.__file__.startswith(sys.argv[1]), contentlint.__file__
from contentlint.cli import main
sys.argv = ["contentlint", "rules"]
main()
"""

# Run in a fresh process with every socket call refused: the shipped model must load from the
# installed package (never the checkout, never the network) and a sample must lint.
OFFLINE_SCRIPT = """
import socket, sys
def refuse(*args, **kwargs):
    raise RuntimeError("network access is blocked")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
sys.path.insert(0, sys.argv[1])
from contentlint.language import syntax
path = syntax.shipped_model_path()
assert str(path).startswith(sys.argv[1]), path
(doc,) = syntax.parse(["The nurse checked the dressing."])
assert doc.has_annotation("DEP") and doc[1].tag_ == "NN", [(t.tag_, t.dep_) for t in doc]
from contentlint.cli import main
sys.argv = ["contentlint", "check", sys.argv[2]]
main()
"""

# The wheel carries the model; PyPI and the issue allow at most this much.
MAX_WHEEL_BYTES = 15 * 1024 * 1024


def _install(wheel: Path, tmp_path: Path) -> tuple[Path, Path]:
    """Install the built wheel into a private target directory."""
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q", "--target", str(site), str(wheel)],
        check=True, capture_output=True,
    )
    return wheel, site


@pytest.fixture(scope="module")
def installed(built_wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The wheel (built once per run, see conftest) and its install directory, for this module's tests."""
    return _install(built_wheel, tmp_path_factory.mktemp("wheel"))


def test_wheel_lists_every_rule(installed: tuple[Path, Path], tmp_path: Path) -> None:
    _, site = installed
    assert (site / "contentlint" / "_rules").is_dir()
    # Run from an empty directory so that nothing can fall back to the checkout's rules/.
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(site)], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    expected = {p.name.split("-")[0] for p in (REPO / "rules").glob("*/[A-Z][A-Z][0-9][0-9][0-9]-*.yaml")}
    listed = {line.split()[0] for line in result.stdout.splitlines()[1:] if line.strip()}
    assert expected <= listed


def test_wheel_ships_the_model_and_lints_offline(installed: tuple[Path, Path], tmp_path: Path) -> None:
    wheel, site = installed
    assert wheel.stat().st_size <= MAX_WHEEL_BYTES, wheel.stat().st_size
    assert (site / "contentlint" / "models" / "en_ewt" / "NOTICE").is_file()
    sample = tmp_path / "sample.md"
    sample.write_text("# Care\n\nWe could of known. The nurse checked the dressing.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", OFFLINE_SCRIPT, str(site), str(sample)],
                            cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode in (0, 1), result.stderr
    assert "SP002" in result.stdout, result.stdout + result.stderr
