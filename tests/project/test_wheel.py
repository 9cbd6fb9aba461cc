"""Installed as a regular wheel and run from elsewhere, devzones still finds its embedded data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.support.paths import REPO


@pytest.mark.slow
def test_wheel_carries_the_dataset_and_runs_from_any_directory(tmp_path: Path, wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "console/_embedded/data/zones.csv" in names and "console/_embedded/default.toml" in names
    # The sample's ingest history travels too: `changes` on the installed sample lists the revised figure.
    history = sorted(
        p.relative_to(REPO).as_posix() for p in (REPO / "data" / ".history").rglob("*") if p.is_file()
    )
    assert history and all(f"console/_embedded/{name}" in names for name in history)
    # Installable on a shared server: the licence travels with it, users get ranges, not pins.
    assert any(n.endswith(".dist-info/licenses/LICENSE") or n.endswith(".dist-info/LICENSE") for n in names)
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith(".dist-info/METADATA")))
    text = metadata.decode("utf-8")
    assert "Classifier: License :: OSI Approved :: MIT License" in text
    assert "Classifier: Environment :: Console" in text
    requires = [line for line in text.splitlines() if line.startswith("Requires-Dist: ")]
    assert not any("==" in line for line in requires if "extra ==" not in line), requires
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(site), str(wheel)],
        check=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site), "DEVZONES_CONFIG": str(tmp_path / "none.toml")}
    probe = "import console.core.paths as p; print(p.embedded_data_dir())"
    where = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=elsewhere, env=env, check=True
    )
    assert where.stdout.strip().startswith(str(site))
    # The launch screen shipped for the embedded data travels too, and the installed copy of the data
    # (another folder, other file times) finds it: a fresh install's first launch draws at once.
    assert (
        "console/present/shipped/manifest.json" in names and "console/present/shipped/views-zh.json" in names
    )
    probe = (
        "from console.core.config import load_settings; from console.present import shipped_views as s;"
        " print(s.load(load_settings(), None, (), 'zh', False) is not None)"
    )
    found = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=elsewhere, env=env, check=True
    )
    assert found.stdout.strip() == "True"
    # The output contract's JSON Schemas travel as package data, read from the installed copy.
    contract = ("status", "rankings", "changes", "check", "export")
    assert all(f"console/outputs/schemas/{name}.schema.json" in names for name in contract)
    probe = "from console.outputs.contract import schema; print(schema('status')['title'])"
    read = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=elsewhere, env=env, check=True
    )
    assert read.stdout.strip() == "devzones status --json"
    result = subprocess.run(
        [sys.executable, "-m", "console", "check", "--json"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["ok"] is True


def test_snapshot_pins_live_in_the_constraints_the_test_command_uses() -> None:
    pins = {
        line.split("==")[0]: line.split("==")[1]
        for line in (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines()
        if "==" in line and not line.startswith("#")
    }
    from importlib.metadata import version

    assert pins["textual"] == version("textual") and pins["rich"] == version("rich")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    test_line = next(
        line for line in readme.splitlines() if line.endswith('.venv/bin/pytest -n auto -m "not slow"')
    )
    assert "-c constraints.txt" in test_line and test_line in (REPO / ".ci" / "run").read_text(
        encoding="utf-8"
    )
    assert "pipx install" in readme and "uv tool install" in readme
