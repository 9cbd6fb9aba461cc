"""Crafted datasets for engine tests."""

from __future__ import annotations

import polars as pl

from console.data.dataset import Dataset


def with_tables(ds: Dataset, **tables: pl.DataFrame) -> Dataset:
    """The dataset with some tables replaced (for engine tests on crafted data)."""
    return Dataset(source=ds.source, manifest=ds.manifest, tables={**ds.tables, **tables})
