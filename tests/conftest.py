"""Shared fixtures: every test runs with network access blocked."""

from __future__ import annotations

import fcntl
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest


class NetworkBlocked(RuntimeError):
    """Raised when code under test tries to open a network connection."""


def _refuse(*_args: object, **_kwargs: object) -> None:
    raise NetworkBlocked("network access is blocked in contentlint's tests")


@pytest.fixture(autouse=True)
def _block_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make any attempt to reach the network fail loudly, so offline behaviour is tested always."""
    monkeypatch.setattr(socket.socket, "connect", _refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)
    yield


@pytest.fixture(autouse=True)
def _neutral_output_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Drop the variables that change the default output (format, colour), so goldens hold anywhere."""
    for name in ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--update-goldens``: rewrite the golden files instead of comparing with them."""
    parser.addoption("--update-goldens", action="store_true", help="rewrite tests/golden/*")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    """Whether this run rewrites golden files."""
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the result cache of the commands tests run out of the user's cache directory, one per test
    (a test that monkeypatches a rule must not be answered by another test's entry)."""
    monkeypatch.setenv("CONTENTLINT_CACHE_DIR", str(tmp_path_factory.mktemp("result-cache")))


REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def built_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from the checkout, once per test run: shared by every test and xdist worker.

    The workers of one run share the parent of their base temporary directories; the first worker to
    take the lock builds the wheel there, the others wait for it and reuse it.
    """
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # this run's, never a past run's
    folder = shared / "contentlint-wheel"
    with open(shared / "contentlint-wheel.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            wheels = sorted(folder.glob("contentlint-*.whl")) if folder.is_dir() else []
            if not wheels:
                folder.mkdir(exist_ok=True)
                subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                                "--no-index", "-q", "-w", str(folder), str(REPO)], check=True, capture_output=True)
                wheels = sorted(folder.glob("contentlint-*.whl"))
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return wheels[0]
