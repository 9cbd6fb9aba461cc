"""Crafted datasets for engine tests."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from console.core.config import Settings, load_settings
from console.data.dataset import Dataset
from console.data.loader import load_dataset


def with_tables(ds: Dataset, **tables: pl.DataFrame) -> Dataset:
    """The dataset with some tables replaced (for engine tests on crafted data)."""
    return Dataset(source=ds.source, manifest=ds.manifest, tables={**ds.tables, **tables})


def loaded(**folders: Path) -> dict[str, tuple[Dataset, Settings]]:
    """Each named data folder loaded, with its settings (nothing remembered from the user's state)."""
    return {
        name: (load_dataset(path), load_settings(data_dir=path, remembered=False))
        for name, path in folders.items()
    }


def first_counties(ds: Dataset, which: int | None) -> list[str] | None:
    """The dataset's ``which``-th county (in name order) as a county filter; None for the whole city."""
    return None if which is None else [sorted(set(ds["zones"].get_column("county").to_list()))[which]]
