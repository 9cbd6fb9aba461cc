"""Start-up: the data load starts before the widgets exist, the overview is drawn before the tables are
made, and a cached first screen is drawn without importing polars on the UI thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from console.core.config import load_settings
from console.tui.app import DevZonesApp
from tests.support.launch import own_user_env
from widgets.view_table import ViewTable


async def test_the_overview_is_drawn_before_the_tables_are_made(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At national scale the rankings and tables take as long again as the evaluation: the first
    screen (header and overview) does not wait for them, and the tables fill in when they are made."""
    from console.present.snapshot_cache import SnapshotCache

    release = threading.Event()
    real = SnapshotCache.views

    def slow_views(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        release.wait(20)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(SnapshotCache, "views", slow_views)
    app = DevZonesApp(load_settings(data_dir=data_dir), use_cache=False)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(200):  # bounded wait for the first screen on a busy machine
            if app.views is not None:
                break
            await pilot.pause(0.05)
        assert app.views is not None and not app.ready
        assert app.views.header.as_of in app.query_one("#topbar").plain
        attention = app.views.overview.attention
        assert attention and attention[0][0] in app.export_screenshot()  # the attention list is drawn
        assert app.query_one("#zones-table", ViewTable).row_count == 0
        await pilot.press("2", "y")  # a table tab, and a key that needs the data: no crash
        await pilot.pause()
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.ready and app.views.tables
        assert app.query_one("#zones-table", ViewTable).row_count == len(app.views.tables["zones"].rows) > 0


def test_drawing_a_cached_first_screen_does_not_import_polars() -> None:
    """A warm start draws the cached screen first; polars (a second of import on a busy machine) is
    imported by the data worker afterwards, not on the UI thread to draw the overview."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import console.tui.app\n"
        "from widgets.overview import render_overview\n"
        "from console.present.viewmodel import Overview\n"
        'render_overview(Overview((), (), (), (("z", "w"),), None), \'zh\', False, 2026)\n'
        "print(sorted(m for m in ('polars', 'console.present.views') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_making_the_console_does_not_import_polars() -> None:
    """The app is made (its changes mode too) before the first screen is drawn: it must not import
    polars, or a warm start waits for it on the UI thread; the changes mode loads it when first used."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from console.core.config import load_settings\n"
        "from console.tui.app import DevZonesApp\n"
        "app = DevZonesApp(load_settings())\n"
        "app.changes.forget()\n"
        "print(sorted(m for m in ('polars', 'console.present.changes_view') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


async def test_the_collector_paused_for_start_up_runs_again_once_the_screen_is_drawn(
    data_dir: Path,
) -> None:
    """`devzones` pauses Python's garbage collector while it starts (console.cli._console): the
    console must turn it on again once its first screen is drawn, or a long session's memory grows."""
    import gc

    gc.disable()
    try:
        app = DevZonesApp(load_settings(data_dir=data_dir), use_cache=False)
        async with app.run_test(size=(120, 40)) as pilot:
            for _ in range(200):  # bounded wait for the first refresh on a busy machine
                if gc.isenabled():
                    break
                await pilot.pause(0.05)
            assert gc.isenabled()
    finally:
        gc.enable()


async def test_a_tab_shown_at_once_has_its_table_drawn_and_focused(data_dir: Path) -> None:
    """The tabs not shown at start get their tables after the first paint; a tab chosen at once (the
    shipped first screen is there before the data) is drawn from the views and takes the keys."""
    app = DevZonesApp(load_settings(data_dir=data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.views is not None
        await pilot.press("3")
        await pilot.pause()
        table = app.query_one("#clusters-table", ViewTable)
        assert table.row_count == len(app.views.tables["clusters"].rows) > 0
        assert app.focused is table
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.ready
        for name in ("zones", "tasks", "indicators", "rankings"):  # every tab built by now
            assert app.query_one(f"#{name}-table", ViewTable).row_count > 0


def test_the_first_screen_of_any_tab_is_drawn_without_polars(tmp_path: Path) -> None:
    """The first screen comes from the shipped (or cached) launch views; polars is loaded after it, by
    the data worker. The rankings tab's rule marks imported the engine's rules, and with them polars
    (about 165 ms on the UI thread), before the first paint."""
    import subprocess
    import sys

    code = (
        "import asyncio, sys\n"
        "from dataclasses import replace\n"
        "from console.core.config import load_settings\n"
        "from console.tui.app import DevZonesApp\n"
        "async def main():\n"
        "    for tab in ('overview', 'zones', 'clusters', 'tasks', 'rankings'):\n"
        "        app = DevZonesApp(replace(load_settings(), tab=tab))\n"
        "        app.load_data = lambda *a, **k: None  # the worker that loads the data after the paint\n"
        "        async with app.run_test(size=(100, 30)) as pilot:\n"
        "            await pilot.pause()\n"
        "            assert app.views is not None, tab  # drawn from the shipped launch screen\n"
        "asyncio.run(main())\n"
        "print('polars' in sys.modules)\n"
    )
    env = own_user_env(tmp_path)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "False"
