"""The launch screen shipped with the package: the same as a fresh computation, used only for the very
data and settings it was made from, and followed by the real load so that the keys work."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from console.core.config import load_settings
from console.present import shipped_views
from console.present import view_cache as viewcache
from console.tui.app import DevZonesApp
from widgets.view_table import ViewTable

STALE = (
    "the shipped launch views (console/present/shipped/) are not what the embedded data gives now: "
    f"run `{shipped_views.REGENERATE}` and commit the files it writes"
)


def test_the_shipped_views_equal_a_fresh_computation(settings) -> None:
    """What a fresh install draws first is exactly what the data worker computes, in each language
    shipped; fails (saying how to regenerate) after a change of the embedded data or of the views."""
    assert settings == shipped_views.default_settings()  # the tests' settings are a fresh install's
    fresh = shipped_views.launch_views(settings)
    assert set(fresh) == {"zh", "en"}
    for lang, views in fresh.items():
        assert shipped_views.load(settings, None, (), lang, False) == views, f"{lang}: {STALE}"


def test_the_same_data_elsewhere_is_found_by_content(data_copy: Path) -> None:
    """Keyed by the files' content, not their folder or times: a copy made now gets the shipped screen."""
    settings = load_settings(data_dir=data_copy)
    assert shipped_views.load(settings, None, (), "zh", False) is not None


def test_changed_data_is_never_drawn_from_the_shipped_views(data_copy: Path) -> None:
    """One byte changed (same size), a file added or removed: nothing shipped is drawn."""
    settings = load_settings(data_dir=data_copy)
    zones = data_copy / "zones.csv"
    original = zones.read_bytes()
    i = original.index("高新区".encode())
    zones.write_bytes(original[:i] + "高薪区".encode() + original[i + len("高新区".encode()) :])
    assert zones.stat().st_size == len(original)
    assert shipped_views.load(settings, None, (), "zh", False) is None
    zones.write_bytes(original)
    assert shipped_views.load(settings, None, (), "zh", False) is not None
    (data_copy / "notes.csv").write_text("x\n", encoding="utf-8")
    assert shipped_views.load(settings, None, (), "zh", False) is None
    (data_copy / "notes.csv").unlink()
    (data_copy / "README.md").unlink()
    assert shipped_views.load(settings, None, (), "zh", False) is None


def test_other_settings_or_views_are_not_drawn_from_the_shipped_views(settings) -> None:
    """A status rule, a year, a county, the ASCII symbols or a unit asked for: not what was shipped."""
    assert shipped_views.load(settings, None, (), "zh", False) is not None
    assert shipped_views.load(replace(settings, tolerance=0.05), None, (), "zh", False) is None
    assert shipped_views.load(replace(settings, pacing_rule="custom"), None, (), "zh", False) is None
    assert shipped_views.load(settings, 2025, (), "zh", False) is None
    assert shipped_views.load(settings, None, ("平舆县",), "zh", False) is None
    assert shipped_views.load(settings, None, (), "zh", True) is None
    assert shipped_views.load(settings, None, (), "zh", False, "市发改委") is None


def test_a_damaged_shipped_folder_is_not_used(settings, tmp_path: Path) -> None:
    """A missing, unreadable or hand-edited file: no shipped screen (the console loads as before)."""
    folder = tmp_path / "shipped"
    shutil.copytree(shipped_views.SHIPPED_DIR, folder)
    assert shipped_views.load(settings, None, (), "zh", False, directory=folder) is not None
    (folder / "views-zh.json").write_text("{not json", encoding="utf-8")
    assert shipped_views.load(settings, None, (), "zh", False, directory=folder) is None
    (folder / "manifest.json").write_text('{"format": 2, "files": 3}', encoding="utf-8")
    assert shipped_views.load(settings, None, (), "en", False, directory=folder) is None
    assert shipped_views.load(settings, None, (), "en", False, directory=tmp_path / "none") is None


def test_regenerating_writes_what_is_shipped(settings, tmp_path: Path) -> None:
    """The documented command's function writes files that load as the shipped ones do."""
    written = shipped_views.generate(settings, tmp_path)
    assert {p.name for p in written} == {"manifest.json", "views-zh.json", "views-en.json"}
    for lang in ("zh", "en"):
        assert shipped_views.load(settings, None, (), lang, False, directory=tmp_path) == shipped_views.load(
            settings, None, (), lang, False
        )


async def test_a_first_launch_draws_the_shipped_screen_then_loads_the_data(data_copy: Path) -> None:
    """Nothing cached yet: the shipped screen is drawn before the data is loaded; the data is then
    loaded (the keys work) and the view cache is written for the next launch."""
    settings = load_settings(data_dir=data_copy)
    key = viewcache.cache_key(settings, None, (), "zh", False)
    assert viewcache.load(key) is None
    shipped = shipped_views.load(settings, None, (), "zh", False)
    assert shipped is not None
    app = DevZonesApp(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.views == shipped and not app.ready  # drawn before the data is loaded
        for _ in range(200):  # the load starts after the first refresh (late on a busy machine)
            if app.ready:
                break
            await pilot.pause(0.05)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.ready and app.views == shipped
        await pilot.press("2")
        await pilot.pause()
        table = app.query_one("#zones-table", ViewTable)
        assert table.row_count == len(shipped.tables["zones"].rows) > 0
        await pilot.press("y")  # a key that needs the loaded data
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.views.header.year != shipped.header.year
    assert viewcache.load(key) == shipped


async def test_a_changed_file_is_drawn_from_the_data_not_the_shipped_views(data_copy: Path) -> None:
    """The same names and sizes as the embedded data but one figure changed: the first screen waits
    for the data and shows the changed figure's consequence, never the shipped screen."""
    settings = load_settings(data_dir=data_copy)
    shipped = shipped_views.load(settings, None, (), "zh", False)
    assert shipped is not None
    manifest = data_copy / "manifest.toml"
    text = manifest.read_text(encoding="utf-8")
    title = shipped.header.title
    assert title in text
    changed = title[:-1] + ("甲" if title[-1] != "甲" else "乙")
    manifest.write_text(text.replace(title, changed), encoding="utf-8")
    app = DevZonesApp(settings)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.views is None  # nothing drawn from a cache
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.views is not None and app.views.header.title == changed
        assert changed in app.query_one("#topbar").plain
