"""The screen for a broken data folder: the reason on every tab, in the console's language after
``l``; the key bar offers only the keys that work without data; a data key pressed anyway says the
data is invalid, not that it is loading."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from textual.worker import WorkerFailed

from console.core.config import TABS, load_settings
from console.tui.app import DevZonesApp
from widgets.chart import Chart
from widgets.keybar import KeyBar


def _break_cluster_revenue(data: Path) -> None:
    path = data / "cluster_revenue.csv"
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    lines[5] = lines[5].rsplit(",", 1)[0] + ",8x9.1"  # the file's row 6 (the header is row 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _duplicate_zone(data: Path) -> None:
    path = data / "zones.csv"
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    path.write_text("\n".join([*lines, lines[3]]) + "\n", encoding="utf-8")


def _missing_file(data: Path) -> None:
    (data / "zone_targets.csv").unlink()


BREAKS = {
    "bad number": _break_cluster_revenue,
    "duplicate zone": _duplicate_zone,
    "missing file": _missing_file,
}


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    with contextlib.suppress(WorkerFailed):
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def _bar(app: DevZonesApp) -> str:
    return str(app.main.query_one(KeyBar).render())


def _visible_text(app: DevZonesApp) -> str:
    """The words of every widget shown on the active tab."""
    pane = app.main.pane()
    shown = [
        w
        for w in pane.query("Static")
        if w.display and all(a.display for a in w.ancestors_with_self if a is not app)
    ]
    return "\n".join(str(w.render()) for w in shown)


@pytest.mark.parametrize("broken", sorted(BREAKS))
async def test_the_reason_is_on_every_tab_and_only_working_keys_are_offered(
    data_copy: Path, broken: str
) -> None:
    BREAKS[broken](data_copy)
    app = DevZonesApp(load_settings(data_dir=data_copy), use_cache=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        assert app.errors and app.views is None
        for i, tab in enumerate(TABS):
            await pilot.press(str(i + 1))
            await pilot.pause()
            assert app.state.tab == tab
            seen = _visible_text(app)
            assert "数据有误，无法显示" in seen, tab
            assert "no data" not in seen
            bar = _bar(app)
            for word in ("年度", "县区", "变化", "导出", "通报", "搜索", "详情", "排序"):
                assert word not in bar, (tab, word)
            assert "标签" in bar and "English" in bar and "帮助" in bar and "退出" in bar


async def test_a_data_key_says_the_data_is_invalid_not_loading(data_copy: Path) -> None:
    _break_cluster_revenue(data_copy)
    app = DevZonesApp(load_settings(data_dir=data_copy), use_cache=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        for key in ("y", "c", "d", "e", "b"):
            await pilot.press(key)
            await pilot.pause()
        await pilot.press("2", "slash", "s")
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert said and all("数据有误" in m for m in said), said
        assert not any("加载中" in m for m in said)
        assert app.screen is app.main  # no dialog opened


async def test_l_switches_the_whole_failure_screen(data_copy: Path) -> None:
    _break_cluster_revenue(data_copy)
    app = DevZonesApp(load_settings(data_dir=data_copy), use_cache=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        await pilot.press("l")
        await pilot.pause()
        assert app.state.lang == "en"
        for i, tab in enumerate(TABS):
            await pilot.press(str(i + 1))
            await pilot.pause()
            seen = _visible_text(app)
            assert "The data cannot be shown" in seen and "cluster_revenue.csv" in seen, tab
            assert "8x9.1" in seen and "row 6" in seen
            assert "数据有误" not in seen and "修正后" not in seen
        tabs = [str(t.label) for t in app.main.query("Tab")]
        assert "Overview" in " ".join(tabs) and "总览" not in " ".join(tabs)
        assert "help" in _bar(app) and "帮助" not in _bar(app)
        await pilot.press("y")
        await pilot.pause()
        said = [n.message for n in app._notifications]
        assert said and said[-1].startswith("The data is invalid")


async def test_while_loading_the_placeholder_is_in_the_consoles_language(data_dir: Path) -> None:
    app = DevZonesApp(load_settings(data_dir=data_dir), use_cache=False)
    app.load_data = lambda *a, **k: None  # type: ignore[method-assign]  # held on "loading"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.views is None and not app.errors
        chart = app.main.query_one(Chart)
        assert "无数据" in str(chart.render()) and "no data" not in str(chart.render())
