"""Shared fixtures: the embedded dataset, settings that never read the user's own config."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import polars as pl
import pytest
from hypothesis import settings as hypothesis_settings

from console.core.config import Settings, load_settings
from console.core.paths import embedded_data_dir
from console.data.dataset import Dataset
from console.data.loader import load_dataset

# Snapshots must not catch an animation half way.
os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

# Hypothesis: bounded so the whole suite stays within a few minutes on 2 shared cores. No deadline:
# one example loads a whole dataset with polars, whose time varies with the machine's load, not the
# input. HYPOTHESIS_PROFILE=thorough runs many more examples when hunting for a bug.
hypothesis_settings.register_profile("devzones", max_examples=50, deadline=None, print_blob=True)
hypothesis_settings.register_profile("thorough", max_examples=1000, deadline=None, print_blob=True)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "devzones"))

REPO = Path(__file__).resolve().parent.parent
PLAN_TEXT = REPO / "data" / "source" / "plan-2024-2026.zh.txt"


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


def with_tables(ds: Dataset, **tables: pl.DataFrame) -> Dataset:
    """The dataset with some tables replaced (for engine tests on crafted data)."""
    return Dataset(source=ds.source, manifest=ds.manifest, tables={**ds.tables, **tables})


@contextmanager
def failing(name: str, n: int, error: BaseException) -> Iterator[list[int]]:
    """os.<name> raises ``error`` at its n-th call (a fault injected into a file operation); yields the
    count of calls so far."""
    real: Callable = getattr(os, name)
    calls = [0]

    def fake(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls[0] += 1
        if calls[0] == n:
            raise error
        return real(*args, **kwargs)

    setattr(os, name, fake)
    try:
        yield calls
    finally:
        setattr(os, name, real)
