"""The console as `devzones` starts it (console.tui.startup): a cached or shipped screen answers the
first screen and the tabs without loading the dataset; a key that needs more loads it and is then
done; nothing cached, the load begins at once and the overview is drawn before the tables are made."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from console.cli import main
from console.core.config import load_settings
from console.data.loader import load_dataset
from console.engine.evaluation import evaluate
from console.present import view_cache as viewcache
from console.present.snapshot_cache import SnapshotCache
from console.words.tui import TUI
from tests.support.launch import launched, own_user_env
from widgets.drilldown_screen import DetailScreen
from widgets.view_table import ViewTable

SIZE = (120, 40)
TABLE_TABS = {"2": ("zones",), "3": ("clusters",), "4": ("tasks", "indicators"), "5": ("rankings",)}


async def _until(pilot, done, rounds: int = 400) -> None:  # type: ignore[no-untyped-def]
    """Wait (bounded: a busy machine) until ``done()``, then for the workers and a refresh."""
    for _ in range(rounds):
        if done():
            break
        await pilot.pause(0.05)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_shipped_screen_answers_every_tab_without_the_data(data_dir: Path) -> None:
    app = launched(load_settings(data_dir=data_dir))
    async with app.run_test(size=SIZE) as pilot:
        assert app.views is not None and app.views.tables  # the shipped launch screen, at once
        for key, tables in TABLE_TABS.items():
            await pilot.press(key)
            await pilot.pause()
            for name in tables:
                table = app.query_one(f"#{name}-table", ViewTable)
                assert table.row_count == len(app.views.tables[name].rows) > 0, name
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.dataset is None and not app.ready  # nothing was loaded for it


async def test_the_language_key_on_the_shipped_screen_shows_the_other_language_without_the_data(
    data_dir: Path,
) -> None:
    """The embedded data's launch screen ships in both languages: `l` swaps to it, nothing loaded."""
    app = launched(load_settings(data_dir=data_dir))
    async with app.run_test(size=SIZE) as pilot:
        zh_names = app.views.tables["zones"].rows[0].cells[1].text
        await pilot.press("l")
        await pilot.pause()
        assert app.views.lang == "en" and app.session.lang == "en"
        await pilot.press("2")
        await pilot.pause()
        table = app.query_one("#zones-table", ViewTable)
        shown = table.row_text(0)
        assert app.views.tables["zones"].rows[0].cells[1].text in shown and zh_names not in shown
        await pilot.press("l")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert app.views.lang == "zh" and app.dataset is None  # both ways, and nothing loaded


def test_an_idle_console_on_the_shipped_screen_never_imports_polars(tmp_path: Path) -> None:
    """polars (47 MB resident) stays out of a console that only shows what the cache holds."""
    code = (
        "import asyncio, sys\n"
        "from tests.support.launch import launched, own_user_env\n"
        "from console.core.config import load_settings\n"
        "async def main():\n"
        "    app = launched(load_settings())\n"
        "    async with app.run_test(size=(100, 30)) as pilot:\n"
        "        for key in '23451':\n"
        "            await pilot.press(key)\n"
        "        await app.workers.wait_for_complete()\n"
        "        await pilot.pause(0.3)\n"
        "        assert app.views is not None and app.dataset is None\n"
        "asyncio.run(main())\n"
        "print('polars' in sys.modules)\n"
    )
    env = own_user_env(tmp_path)
    root = Path(__file__).resolve().parents[2]
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=root)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "False"


async def test_a_drill_down_on_the_cached_screen_loads_the_data_and_opens_that_zone(
    data_dir: Path, dataset
) -> None:
    app = launched(load_settings(data_dir=data_dir))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "j")  # into the attention list, its second zone
        assert app.dataset is None
        await pilot.press("enter")  # its drill-down: the data is loaded first, then it opens
        await _until(pilot, lambda: isinstance(app.screen, DetailScreen))
        missing = evaluate(dataset, app.settings, 2026).zones_missing.get_column("zone").to_list()
        assert app.ready and isinstance(app.screen, DetailScreen)
        assert app.screen.source == ("zones", missing[1])
        assert str(app.screen.heading).startswith(missing[1])


@pytest.mark.parametrize("key", ["d", "y"])
async def test_a_key_pressed_on_the_cached_screen_is_carried_out_once_the_data_is_loaded(
    data_dir: Path, key: str
) -> None:
    """The changes mode (d) and the year (y) need the data: pressed on the shipped screen, the key
    loads it and then does what it says, without being pressed again."""
    app = launched(load_settings(data_dir=data_dir))
    async with app.run_test(size=SIZE) as pilot:
        year = app.session.state.year
        await pilot.press(key)
        await _until(pilot, lambda: app.ready)
        await _until(pilot, lambda: app.session.state.since is not None or app.session.state.year != year)
        if key == "d":
            assert app.session.state.since is not None  # the changes mode is on
            assert "Δ" in app.query_one("#topbar").plain
        else:
            assert app.session.state.year != year


async def test_a_data_file_changed_under_the_cached_screen_is_loaded_and_shown(data_copy: Path) -> None:
    app = launched(load_settings(data_dir=data_copy))
    async with app.run_test(size=SIZE) as pilot:
        assert app.views is not None and app.dataset is None  # the shipped screen (the data's copy)
        manifest = data_copy / "manifest.toml"
        manifest.write_text(
            manifest.read_text(encoding="utf-8").replace("行动方案监测", "行动方案监察", 1), encoding="utf-8"
        )
        app.check_for_changes()  # what the watch of the files does every few seconds
        await _until(pilot, lambda: app.ready)
        assert "行动方案监察" in app.query_one("#topbar").plain


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated") / "set"
    assert main(["generate", "--zones", "120", "--out", str(out)]) == 0
    return out


async def test_a_first_launch_on_new_data_draws_the_overview_before_the_tables(
    generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing cached: the overview comes first, every table tab says it is loading until its table
    is made, then every tab shows the data's own views."""
    release = threading.Event()
    real = SnapshotCache.views

    def held_views(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        release.wait(30)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(SnapshotCache, "views", held_views)
    settings = load_settings(data_dir=generated)
    app = launched(settings)
    assert app.start is not None and app.start.preload is not None  # begun before the app runs
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(600):
            if app.views is not None:
                break
            await pilot.pause(0.05)
        assert app.views is not None and not app.views.tables and not app.ready
        assert app.views.overview.attention[0][0] in app.export_screenshot()
        await pilot.press("2")
        await pilot.pause()
        assert app.query_one("#zones-table", ViewTable).row_count == 0
        assert TUI("loading_data", "zh") in app.export_screenshot()  # the tab says its table is coming
        release.set()
        await _until(pilot, lambda: app.ready)
        expected = SnapshotCache(app.dataset, settings).views(None, (), "zh", False)[1]
        assert app.views == expected
        for key, tables in TABLE_TABS.items():
            await pilot.press(key)
            await pilot.pause()
            for name in tables:
                table = app.query_one(f"#{name}-table", ViewTable)
                assert table.row_count == len(expected.tables[name].rows) > 0, name


async def test_a_key_on_a_table_not_made_yet_is_answered_not_lost() -> None:
    """Enter, Down, PgDn, End, Left/Right and C on a table that says 数据加载中… (its view not made
    yet): each says so again in a toast instead of being lost without a word."""
    from textual.app import App, ComposeResult

    class OneTable(App[None]):
        def compose(self) -> ComposeResult:
            yield ViewTable(id="zones-table")

    app = OneTable()
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.query_one(ViewTable)
        table.empty_note = TUI("loading_data", "zh")
        table.focus()
        for key in ("enter", "down", "pagedown", "end", "right", "C"):
            app.clear_notifications()
            await pilot.press(key)
            await pilot.pause()
            assert [n.message for n in app._notifications] == [TUI("loading_data", "zh")], key
            assert table.view is None and not isinstance(app.screen, DetailScreen)


FORKED_LAUNCH = """
import asyncio, sys
from pathlib import Path
from console.core.config import load_settings
from console.tui.startup import launch
settings = load_settings(data_dir=Path(sys.argv[1]))
start = launch(settings)  # as `devzones` does, before Textual is imported
print(type(start.preload).__name__)
from console.tui.app import DevZonesApp
from widgets.drilldown_screen import DetailScreen
async def main():
    app = DevZonesApp(settings, start=start)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(1200):
            if app.views is not None and app.views.tables:
                break
            await pilot.pause(0.05)
        await app.workers.wait_for_complete()
        print(app.dataset is None, 'polars' in sys.modules)
        await pilot.press("2")
        await pilot.press("enter")  # the first zone's drill-down: the data is loaded for it
        for _ in range(1200):
            if isinstance(app.screen, DetailScreen):
                break
            await pilot.pause(0.05)
        print(app.screen.source[1] if isinstance(app.screen, DetailScreen) else None)
asyncio.run(main())
"""


def test_a_first_launch_makes_the_views_in_a_child_process_and_stays_light(generated: Path) -> None:
    """Nothing cached, `devzones` has a child process make the views (its own core and interpreter
    lock) and store them in the view cache: the console draws them without polars or the dataset,
    and a drill-down then loads the data and opens the zone chosen. The views are the data's own."""
    root = Path(__file__).resolve().parents[2]
    run = subprocess.run(
        [sys.executable, "-c", FORKED_LAUNCH, str(generated)],
        capture_output=True,
        text=True,
        cwd=root,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    kind, light, zone = run.stdout.split("\n")[:3]
    assert kind == "Forked" and light == "True False"  # no dataset, polars never imported
    settings = load_settings(data_dir=generated)
    expected = SnapshotCache(load_dataset(generated), settings).views(None, (), "zh", False)[1]
    assert viewcache.load(viewcache.cache_key(settings, None, (), "zh", False)) == expected
    assert zone == expected.tables["zones"].rows[0].key


QUIT_DURING_FIRST_LAUNCH = """
import asyncio, os, sys, time
from pathlib import Path
import console.tui.preload as preload
from console.core.config import load_settings
from console.tui.startup import launch
real = preload.prepare
def slow(*args):  # a child that is still at work when the user quits
    time.sleep(60)
    return real(*args)
preload.prepare = slow
settings = load_settings(data_dir=Path(sys.argv[1]))
start = launch(settings)
from console.tui.app import DevZonesApp
async def main():
    app = DevZonesApp(settings, start=start)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        await pilot.press("q")
asyncio.run(main())
try:
    os.kill(start.preload.pid, 0)
    alive = True
except ProcessLookupError:
    alive = False
print(type(start.preload).__name__, start.preload.stopped, alive)
"""


def test_quitting_during_a_first_launch_ends_its_child_at_once(generated: Path, tmp_path: Path) -> None:
    """q while the child still makes the views: the console does not wait for it (Textual waits for
    its worker threads, and one blocked on the child kept the user at a blank screen for seconds); the
    child is ended and reaped, and stores nothing."""
    root = Path(__file__).resolve().parents[2]
    run = subprocess.run(
        [sys.executable, "-c", QUIT_DURING_FIRST_LAUNCH, str(generated)],
        capture_output=True,
        text=True,
        cwd=root,
        env=own_user_env(tmp_path),
        timeout=50,  # less than the child's 60 s: waiting for it is the failure
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stdout.split() == ["Forked", "True", "False"]  # stopped, and no longer a process
    assert not list((tmp_path / "cache").glob("views-*.json"))
