"""A cached first screen is drawn only for the data and settings it was made from (issue 24).

Each test launches once (the launch screen is cached), marks the cached screen (its title replaced
by a marker no data holds), changes the data or the settings or nothing, and launches again with the
data load held back: what the screen shows before the data is loaded tells whether the cached screen
was drawn. A file rewritten with the same size and modification time must not reuse it either.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

import console.data.loader
from console.core.config import Settings, load_settings
from console.present import view_cache as viewcache
from console.tui.app import DevZonesApp

MARKER = "缓存里的屏幕"  # a title no data holds: shown only when the cached screen is drawn
SIZE = (120, 40)


@pytest.fixture
def held_load(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The console's data load waits for the event (set it to let the data in)."""
    release = threading.Event()
    real = console.data.loader.load_dataset

    def held(*args: object, **kwargs: object) -> object:
        release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(console.data.loader, "load_dataset", held)
    yield release
    release.set()


async def _cache_a_marked_screen(settings: Settings) -> None:
    """Launch once (the launch screen is cached), then mark the cached screen's title."""
    app = DevZonesApp(settings)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.app.workers.wait_for_complete()
    key = viewcache.cache_key(settings, None, (), "zh", False)
    views = viewcache.load(key)
    assert views is not None
    viewcache.store(key, replace(views, header=replace(views.header, title=MARKER)))


async def _second_launch(settings: Settings, release: threading.Event) -> tuple[str, str]:
    """The header before the data is loaded (the load held back), and once it is loaded."""
    app = DevZonesApp(settings)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(4):
            await pilot.pause()
        before = app.query_one("#topbar").plain
        release.set()
        for _ in range(200):
            if app.ready:
                break
            await pilot.pause(0.05)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        return before, app.query_one("#topbar").plain


def _rewrite_keeping_size_and_time(path: Path, old: str, new: str) -> None:
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text and len(old.encode()) == len(new.encode())
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns


async def test_unchanged_data_draws_the_cached_screen_first(
    data_copy: Path, held_load: threading.Event
) -> None:
    settings = load_settings(data_dir=data_copy)
    held_load.set()
    await _cache_a_marked_screen(settings)
    held_load.clear()
    before, after = await _second_launch(settings, held_load)
    assert MARKER in before  # the cached screen, drawn before anything was loaded
    assert MARKER not in after and "驻马店市开发区" in after  # then the data's own


async def test_a_file_rewritten_with_the_same_size_and_time_is_not_hidden(
    data_copy: Path, held_load: threading.Event
) -> None:
    settings = load_settings(data_dir=data_copy)
    held_load.set()
    await _cache_a_marked_screen(settings)
    held_load.clear()
    _rewrite_keeping_size_and_time(data_copy / "manifest.toml", "行动方案监测", "行动方案监察")
    before, after = await _second_launch(settings, held_load)
    assert MARKER not in before
    assert "行动方案监察" in after and MARKER not in after  # the new title, not the cached one


@pytest.mark.parametrize("change", ["added", "removed", "settings"])
async def test_a_file_added_or_removed_or_other_settings_are_not_hidden(
    data_copy: Path, held_load: threading.Event, change: str
) -> None:
    settings = load_settings(data_dir=data_copy)
    held_load.set()
    await _cache_a_marked_screen(settings)
    held_load.clear()
    if change == "added":
        (data_copy / "notes.md").write_text("# notes\n", encoding="utf-8")
    elif change == "removed":
        (data_copy / "README.md").unlink()
    else:
        settings = replace(settings, tolerance=settings.tolerance + 0.05)
    before, after = await _second_launch(settings, held_load)
    assert MARKER not in before and MARKER not in after
    assert "驻马店市开发区" in after
