"""The view cache: a second launch draws the cached screen, and changed data is never hidden by it."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

from console.core.config import load_settings
from console.present import view_cache as viewcache
from console.present.assemble import compute, render_views
from console.present.viewmodel import Views
from console.tui.app import DevZonesApp


def test_views_survive_the_json_round_trip(dataset, settings) -> None:
    views = render_views(compute(dataset, settings, 2025, ["平舆县"]), "en", True)
    assert Views.from_json(json.loads(json.dumps(views.to_json()))) == views  # as the cache file holds it
    cell = views.tables["zones"].rows[0].cells[views.tables["zones"].column_index("revenue")]
    assert isinstance(cell.values[0], float) and cell.status  # typed cells, not only their text


def test_the_cache_file_gives_back_the_same_views(dataset, settings) -> None:
    """What the compact cache format stores and reads back equals the views, in each language and mode."""
    for lang, ascii_only, counties in (("zh", False, []), ("en", True, ["平舆县"])):
        views = render_views(compute(dataset, settings, 2025, counties), lang, ascii_only, "市发改委")
        key = f"test-{lang}-{ascii_only}"
        viewcache.store(key, views)
        assert viewcache.load(key) == views


def test_a_cache_in_another_format_is_not_used(dataset, settings) -> None:
    views = render_views(compute(dataset, settings, 2025, []), "zh", False)
    viewcache.cache_dir().mkdir(parents=True, exist_ok=True)
    old = viewcache.cache_dir() / "views-old.json"
    old.write_text(json.dumps(views.to_json(), ensure_ascii=False), encoding="utf-8")  # the first format
    assert viewcache.load("old") is None
    data = viewcache.encode(views)
    data["tables"]["zones"]["rows"][0] = ["z", False]  # a row cut short
    old.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert viewcache.load("old") is None


def test_key_changes_with_the_data_and_the_request(data_copy: Path) -> None:
    settings = load_settings(data_dir=data_copy)
    key = viewcache.cache_key(settings, None, (), "zh", False)
    assert key == viewcache.cache_key(settings, None, (), "zh", False)
    assert key != viewcache.cache_key(settings, 2025, (), "zh", False)
    assert key != viewcache.cache_key(settings, None, ("平舆县",), "zh", False)
    assert key != viewcache.cache_key(settings, None, (), "en", False)
    reports = data_copy / "reports.csv"
    os.utime(reports, ns=(reports.stat().st_atime_ns, reports.stat().st_mtime_ns + 1_000_000))
    assert key != viewcache.cache_key(settings, None, (), "zh", False)


def test_an_unreadable_cache_is_ignored(settings) -> None:
    key = viewcache.cache_key(settings, None, (), "zh", False)
    viewcache.cache_dir().mkdir(parents=True, exist_ok=True)
    (viewcache.cache_dir() / f"views-{key}.json").write_text("{not json", encoding="utf-8")
    assert viewcache.load(key) is None


async def test_second_launch_draws_from_cache_then_checks_the_data(data_copy: Path) -> None:
    settings = load_settings(data_dir=data_copy)
    first = DevZonesApp(settings)
    async with first.run_test(size=(120, 40)) as pilot:
        await pilot.app.workers.wait_for_complete()
    key = viewcache.cache_key(settings, None, (), "zh", False)
    cached = viewcache.load(key)
    assert cached is not None and cached == first.views
    second = DevZonesApp(settings)
    async with second.run_test(size=(120, 40)) as pilot:
        # Drawn before the data is loaded again: the first screen's file (header and overview,
        # small) at once, the tables (MBs at national scale) read after the first paint.
        assert second.views == replace(cached, tables={})
        for _ in range(200):  # the data check starts after the first refresh (late on a busy machine)
            if second.ready:
                break
            await pilot.pause(0.05)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert second.ready and second.views == cached


async def test_a_stale_cache_is_replaced_by_the_data(data_copy: Path) -> None:
    settings = load_settings(data_dir=data_copy)
    key = viewcache.cache_key(settings, None, (), "zh", False)
    ds_views = DevZonesApp(settings)
    async with ds_views.run_test(size=(120, 40)) as pilot:
        await pilot.app.workers.wait_for_complete()
    real = viewcache.load(key)
    assert real is not None
    fake = replace(real, header=replace(real.header, as_of="1999Q1"))
    viewcache.store(key, fake)  # as if the cache were wrong about the data
    app = DevZonesApp(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.views is not None and app.views.header.as_of == "1999Q1"
        # The check against the data starts only after the cached screen is drawn; on a busy machine
        # that can be after a first wait_for_complete, so wait (bounded) for the fresh data to arrive.
        for _ in range(200):
            if app.dataset is not None:
                break
            await pilot.pause(0.05)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert app.views.header.as_of == "2026Q3"
        assert "2026Q3" in app.query_one("#topbar").plain
