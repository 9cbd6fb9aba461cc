"""The wheel, built once per test session (and shared by pytest-xdist's workers) for the slow tests
that install it or read what it carries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock

from tests.support.paths import REPO


def _build(into: Path) -> Path:
    """``pip wheel`` of the working tree into ``into``; the wheel's path."""
    if not any(into.glob("devzones-*.whl")):
        build = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(into), str(REPO)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert build.returncode == 0, build.stderr[-2000:]
    return next(into.glob("devzones-*.whl"))


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The devzones wheel of the working tree (about 10 s to build)."""
    if worker_id == "master":  # not under xdist: this session's own folder
        return _build(tmp_path_factory.mktemp("dist"))
    # Under xdist, the parent of a worker's base folder is this run's, shared by all its workers.
    shared = tmp_path_factory.getbasetemp().parent
    with FileLock(shared / "wheel.lock"):
        return _build(shared / "dist")
