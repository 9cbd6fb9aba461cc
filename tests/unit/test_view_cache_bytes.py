"""The view cache is sized in bytes ([performance] view_cache_mb): it stays under its limit at national
scale, never drops the views on screen, lets go of what it drops, and takes its limit from the config."""

from __future__ import annotations

import gc
import os
import weakref
from pathlib import Path

import pytest

from console.cli import main
from console.core.config import load_settings
from console.data.dataset import Dataset
from console.data.loader import load_dataset
from console.present.snapshot_cache import SnapshotCache
from console.present.view_bytes import views_bytes


def _user() -> Path:
    return Path(os.environ["DEVZONES_CONFIG"])


@pytest.mark.slow
def test_the_national_set_stays_under_the_default_limit_and_keeps_the_screen(tmp_path: Path) -> None:
    out = tmp_path / "nation"
    assert main(["generate", "--zones", "2543", "--out", str(out)]) == 0
    ds, settings = load_dataset(out), load_settings(data_dir=out, remembered=False)
    cache = SnapshotCache(ds, settings)
    assert cache.limit_bytes == 80_000_000
    _, shown = cache.views(None, (), "zh", False)
    assert 20e6 < views_bytes(shown) < 45e6  # one set of 2,543 zones' views: about 34 MB
    made = cache.prewarm(None, (), "zh", False)
    assert made == 2  # the screen and the other language: a third set would not fit
    assert cache.held() <= cache.limit_bytes
    year = ds.years[0]
    cache.views(year, (), "en", False)  # `y` and `l` to a year not prewarmed
    assert cache.held() <= cache.limit_bytes
    assert cache.ready(year, (), "en", False) is not None  # the views on screen are kept


def test_the_views_on_screen_survive_any_limit(dataset: Dataset, settings) -> None:
    cache = SnapshotCache(dataset, settings, limit_bytes=0)
    cache.views(2025, (), "zh", False)
    cache.prewarm(2025, (), "zh", False)  # made while the user reads: none of it fits
    assert cache.ready(2025, (), "zh", False) is not None
    assert cache.ready(2025, (), "en", False) is None
    cache.views(2026, (), "en", False)
    assert cache.ready(2026, (), "en", False) is not None
    assert cache.ready(2025, (), "zh", False) is None  # no longer on screen: dropped


def test_dropped_views_are_let_go(dataset: Dataset, settings) -> None:
    """Nothing keeps a dropped set's rows alive: not the cache, not the measured column widths."""
    cache = SnapshotCache(dataset, settings, limit_bytes=0)
    _, views = cache.views(2024, (), "zh", False)
    row = weakref.ref(views.tables["zones"].rows[0])
    del views
    cache.views(2026, (), "zh", False)
    gc.collect()
    assert row() is None
    assert set(cache._snapshots) == {(2026, ())}  # the year no longer shown is not kept either


def test_a_limit_in_the_config_is_honoured(dataset: Dataset) -> None:
    _user().write_text("[performance]\nview_cache_mb = 1\n", encoding="utf-8")
    settings = load_settings(remembered=False)
    assert settings.view_cache_mb == 1 and not settings.warnings
    cache = SnapshotCache(dataset, settings)
    made = cache.prewarm(None, (), "zh", False)
    assert 1 < made < 2 * len(dataset.years)  # a few sets of the embedded data's views fit in 1 MB
    assert cache.held() <= 1_000_000


@pytest.mark.parametrize("value", ['"64MB"', "-1", "nan", "true"])
def test_a_bad_limit_is_named_and_the_default_used(value: str) -> None:
    _user().write_text(f"[performance]\nview_cache_mb = {value}\n", encoding="utf-8")
    settings = load_settings(remembered=False)
    assert settings.view_cache_mb == 80
    named = [w for w in settings.warnings if "performance.view_cache_mb" in w and str(_user()) in w]
    assert len(named) == 1, settings.warnings
