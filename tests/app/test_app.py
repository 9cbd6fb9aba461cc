"""Pilot tests: the console as a user drives it, checked against the engine's own answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.engine.evaluation import evaluate
from console.tui.app import DevZonesApp
from tests.support.app import column_labels, make_app, ready, rows
from tests.support.waiting import until
from widgets.dialogs import CountyDialog, HelpScreen
from widgets.drilldown_screen import DetailScreen
from widgets.view_table import ViewTable


def header(app: DevZonesApp) -> str:
    return app.query_one("#topbar").plain


async def test_zones_tab_agrees_with_the_engine(data_dir: Path, dataset) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        shown = rows(app, "zones")
        ev = evaluate(dataset, app.settings, 2026)
        assert [r[1] for r in shown] == ev.zones.get_column("short_name").to_list()
        flagged = [r[1] for r in shown if r[0] == "!"]
        assert flagged == ev.zones_missing.get_column("short_name").to_list()
        assert "示例数据" in header(app) and "2026Q3" in header(app)


async def test_county_filter_applies_to_every_tab(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        await pilot.press("c")
        assert isinstance(app.screen, CountyDialog)
        await pilot.press("down", "down", "space", "enter")  # 遂平县
        await ready(pilot)
        assert app.counties == ("遂平县",)
        assert [r[1] for r in rows(app, "zones")] == ["遂平"]
        assert {r[1] for r in rows(app, "clusters")} == {"遂平"}
        assert [r[1] for r in rows(app, "rankings")] == ["遂平"]
        assert "遂平县" in header(app)
        await pilot.press(
            "c", "ctrl+a", "enter"
        )  # Ctrl+A checks them all (the dialog stays open), Enter applies
        await ready(pilot)
        assert len(rows(app, "zones")) == 11 and "全部县区" in header(app)


async def test_search_filters_as_you_type_and_escape_clears(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        await pilot.press("3", "slash", "食")
        assert {r[2] for r in rows(app, "clusters")} == {"食品", "食品药品"}
        await pilot.press("品", "药")
        assert [r[2] for r in rows(app, "clusters")] == ["食品药品"]
        await pilot.press("escape")
        assert len(rows(app, "clusters")) == 17
        assert not app.query_one("#search").display


async def test_sort_marks_the_column_and_reverses(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        await pilot.press("3", "s", "s", "s")  # zone, industry, target
        table = app.query_one("#clusters-table", ViewTable)
        assert "目标▲" in column_labels(table)
        targets = [float(r[3]) for r in rows(app, "clusters")]
        assert targets == sorted(targets)
        await pilot.press("S")
        assert "目标▼" in column_labels(table)
        assert [float(r[3]) for r in rows(app, "clusters")] == sorted(targets, reverse=True)


async def test_drill_down_and_back(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2", "down", "enter")
        await ready(pilot)  # the drill-down is built in a worker
        assert isinstance(app.screen, DetailScreen)
        assert str(app.screen.heading).startswith("驻马店经济技术开发区")
        await pilot.press("escape")
        assert not isinstance(app.screen, DetailScreen)
        await pilot.press("3", "enter")
        await ready(pilot)
        assert isinstance(app.screen, DetailScreen) and "化工" in str(app.screen.heading)
        await pilot.press("escape", "4", "enter")
        await ready(pilot)
        assert isinstance(app.screen, DetailScreen) and str(app.screen.heading).startswith(
            "1. 做强特色主导产业"
        )


async def test_year_switch(data_dir: Path, dataset) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        await pilot.press("y")
        await ready(pilot)
        assert app.year == 2024 and "2024年" in header(app)
        ev = evaluate(dataset, app.settings, 2024)
        assert [r[0] == "!" for r in rows(app, "zones")] == [
            bool(m) for m in ev.zones.get_column("missing").to_list()
        ]


async def test_language_switch_is_live(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        await pilot.press("2", "l")
        await ready(pilot)
        assert "SAMPLE DATA" in header(app) and "all counties" in header(app)
        assert rows(app, "zones")[0][1] == "High-tech Zone"
        assert str(app.query_one("#tabs").get_tab("zones").label) == "Zones"


async def test_help_screen(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_text_from_data_is_shown_literally(data_copy: Path) -> None:
    zones = data_copy / "zones.csv"
    text = zones.read_text(encoding="utf-8-sig")
    text = text.replace(",遂平,", ",[b]遂平[/],").replace(",西平,", ",[@click=app.quit]西平\x1b[2J[/],")
    zones.write_text(text, encoding="utf-8-sig")
    app = make_app(data_copy)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        names = [r[1] for r in rows(app, "zones")]
        assert "[b]遂平[/]" in names
        assert "[@click=app.quit]西平[2J[/]" in names  # ESC removed, markup not parsed
        assert app.is_running


async def test_invalid_data_is_a_message_not_a_crash(data_copy: Path) -> None:
    (data_copy / "zone_targets.csv").write_bytes(b"")
    app = make_app(data_copy)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        body = str(app.query_one("#overview-body").render())
        assert "zone_targets.csv" in body and "文件是空的" in body  # in the console's language
        assert "数据有误" in header(app)


@pytest.fixture
def synthetic_small(tmp_path: Path) -> Path:
    from console.cli import main

    out = tmp_path / "syn"
    assert main(["generate", "--zones", "40", "--out", str(out)]) == 0
    return out


async def test_ascii_mode_uses_no_ambiguous_glyphs(data_dir: Path) -> None:
    app = make_app(data_dir, ascii=True)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        for table in ("zones", "clusters", "rankings"):
            for row in rows(app, table):
                for cell in row:
                    assert not set(cell) & set("★●▲▼→↑↓▁▂▃▄▅▆▇█✓✗")


async def test_filtering_keeps_the_cursor_on_its_row(synthetic_small: Path) -> None:
    app = make_app(synthetic_small)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        await pilot.press("2", "down", "down", "down")
        table = app.query_one("#zones-table", ViewTable)
        assert len(rows(app, "zones")) == 40 and table.current_row_key == "合成开发区0004"
        await pilot.press("slash", *"合成000")  # 合成0001 … 合成0009 remain
        assert len(rows(app, "zones")) == 9
        assert table.current_row_key == "合成开发区0004"


async def test_every_tab_draws_with_no_color(data_dir: Path, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(data_dir, ascii=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        for key in ("1", "2", "3", "4", "5", "2"):
            await pilot.press(key)
            await pilot.pause()
        await pilot.press("down", "enter")
        await ready(pilot)
        assert app.is_running and isinstance(app.screen, DetailScreen)
        assert app.query_one("#zones-table", ViewTable).row_count == 11


async def test_command_palette_offers_the_console_actions(data_dir: Path) -> None:
    from textual.command import CommandList, CommandPalette

    app = make_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"产业集群")
        hits = app.screen.query_one(CommandList)  # filled by the palette's search worker
        await until(pilot, lambda: hits.option_count > 0)
        assert hits.option_count > 0
        await pilot.press("enter")
        await pilot.pause()
        assert app.state.tab == "clusters"
