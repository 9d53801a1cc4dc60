"""The built wheel ships the rule packs: install it apart from the checkout and list every rule."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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


def test_wheel_lists_every_rule(tmp_path: Path) -> None:
    dist, site = tmp_path / "dist", tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
         "-w", str(dist), str(REPO)],
        check=True, capture_output=True,
    )
    wheel = next(dist.glob("contentlint-*.whl"))
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q", "--target", str(site), str(wheel)],
        check=True, capture_output=True,
    )
    assert (site / "contentlint" / "_rules").is_dir()
    # Run from an empty directory so that nothing can fall back to the checkout's rules/.
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(site)], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    expected = {p.name.split("-")[0] for p in (REPO / "rules").glob("*/[A-Z][A-Z][0-9][0-9][0-9]-*.yaml")}
    listed = {line.split()[0] for line in result.stdout.splitlines()[1:] if line.strip()}
    assert expected <= listed
