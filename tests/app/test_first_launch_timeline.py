"""benchmarks/bench_console.py tells where a first launch's time goes from the phases its forked child
writes (DEVZONES_TIMELINE): each phase once, in the order the child reaches them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from console.cli import main
from tests.support.launch import own_user_env

FIRST_LAUNCH = """
import sys
from pathlib import Path
from console.core.config import load_settings
from console.tui.startup import launch
start = launch(load_settings(data_dir=Path(sys.argv[1])))  # nothing cached: the views made in a child
print(type(start.preload).__name__, start.preload.first() is not None, start.preload.stored())
"""


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated") / "set"
    assert main(["generate", "--zones", "40", "--out", str(out)]) == 0
    return out


def test_the_child_of_a_first_launch_writes_its_phases_in_order(generated: Path, tmp_path: Path) -> None:
    timeline = tmp_path / "timeline.txt"
    run = subprocess.run(
        [sys.executable, "-c", FIRST_LAUNCH, str(generated)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        env={**own_user_env(tmp_path), "DEVZONES_TIMELINE": str(timeline)},
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stdout.split() == ["Forked", "True", "True"]
    lines = [line.split() for line in timeline.read_text(encoding="utf-8").splitlines()]
    phases = ["forked", "polars", "modules", "loaded", "first_screen", "sent", "stored"]
    assert [phase for phase, _ in lines] == phases
    moments = [float(at) for _, at in lines]
    assert moments == sorted(moments)
