"""The linter runs with the network blocked: in a fresh process, no socket may be opened."""

from __future__ import annotations

import json
import subprocess
import sys

from helpers import REPO

SCRIPT = """
import socket, sys
def refuse(*args, **kwargs):
    raise SystemExit("network access attempted: " + repr(args))
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from contentlint.cli import main
sys.argv = ["contentlint", "check", "--format", "json", *sys.argv[1:]]
main()
"""


def test_cli_computes_every_score_offline() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, "samples/"], cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert "network access attempted" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stderr
    document = json.loads(result.stdout)
    for entry in document["files"]:
        assert entry["metrics"]["smog_index"] > 0
        assert entry["metrics"]["dale_chall"] > 0
