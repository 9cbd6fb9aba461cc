"""Shared fixtures: the embedded dataset, settings that never read the user's own config."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

import console.data.loader
from console.core.config import Settings, load_settings
from console.core.paths import embedded_data_dir
from console.data.dataset import Dataset
from console.data.loader import load_dataset
from tests.support.shared_load import SharedEmbeddedLoad

# Snapshots must not catch an animation half way.
os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

# Hypothesis: bounded so the whole suite stays within a few minutes on 2 shared cores. No deadline:
# one example loads a whole dataset with polars, whose time varies with the machine's load, not the
# input. HYPOTHESIS_PROFILE=thorough runs many more examples when hunting for a bug.
hypothesis_settings.register_profile("devzones", max_examples=50, deadline=None, print_blob=True)
hypothesis_settings.register_profile("thorough", max_examples=1000, deadline=None, print_blob=True)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "devzones"))


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto``: one worker more than the machine has cores. A console test spends about a third
    of its time waiting on Textual's timers and workers, so a third worker on 2 cores keeps both busy
    (README test command on this 2-core machine: 282 s with 2 workers, 229 s with 3, 246 s with 4; the
    snapshot and dialog tests, 3 runs each in turn: median wall 26.5 s with 3 workers, 32.9 s with 2,
    ratio 0.85)."""
    return (os.cpu_count() or 1) + 1


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked slow first (otherwise in collection order): pytest-xdist hands tests out in this
    order, so in a run of all of them (or of ``-m slow``) the longest start early instead of ending the
    run on one core while the other idles."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(autouse=True)
def _isolated_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never read or write the user's or the machine's real config or state."""
    home = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("DEVZONES_CONFIG", str(home / "user.toml"))
    monkeypatch.setenv("DEVZONES_SYSTEM_CONFIG", str(home / "system.toml"))
    monkeypatch.setenv("DEVZONES_STATE", str(home / "state" / "state.toml"))
    monkeypatch.setenv("DEVZONES_CACHE", str(home / "cache"))
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture(scope="session")
def _shared_embedded_load() -> SharedEmbeddedLoad:
    return SharedEmbeddedLoad(console.data.loader.load_dataset)


@pytest.fixture(autouse=True)
def _consoles_share_the_embedded_load(
    _shared_embedded_load: SharedEmbeddedLoad, monkeypatch: pytest.MonkeyPatch
) -> SharedEmbeddedLoad:
    """A console started on the embedded data skips re-reading it (see tests/support/shared_load.py)."""
    monkeypatch.setattr(console.data.loader, "load_dataset", _shared_embedded_load)
    return _shared_embedded_load


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return embedded_data_dir()


@pytest.fixture(scope="session")
def dataset(data_dir: Path) -> Dataset:
    return load_dataset(data_dir)


@pytest.fixture
def settings(data_dir: Path) -> Settings:
    return load_settings(data_dir=data_dir)


@pytest.fixture
def data_copy(tmp_path: Path, data_dir: Path) -> Path:
    """A writable copy of the embedded dataset's tables and manifest."""
    out = tmp_path / "data"
    out.mkdir()
    for path in data_dir.iterdir():
        if path.is_file():
            shutil.copyfile(path, out / path.name)
    return out
