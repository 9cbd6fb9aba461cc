"""Pilot tests: drill-downs follow the language and year, indicators open their own drill-down, and the
overview's attention list opens the zone it names."""

from __future__ import annotations

import io
from pathlib import Path

import polars as pl
from rich.console import Console

from console.core.config import load_settings
from console.engine.evaluation import evaluate
from console.tui.app import DevZonesApp
from tests.support.waiting import until
from widgets.drilldown_screen import DetailScreen
from widgets.overview import AttentionList, OverviewPanel


def make_app(data_dir: Path, lang: str | None = None) -> DevZonesApp:
    return DevZonesApp(load_settings(data_dir=data_dir, lang=lang), use_cache=False)


async def ready(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def shown(screen: DetailScreen) -> str:
    """The drill-down's text as drawn from its content (title, blocks and chart titles)."""
    console = Console(width=120, record=True, file=io.StringIO(), color_system=None)
    for block in (screen.content.title, *screen.content.before, *screen.content.after):
        console.print(block)
    return console.export_text() + "\n".join(title for _, title in screen.content.charts)


async def test_enter_on_an_attention_item_opens_that_zone(data_dir: Path, dataset) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        assert app.state.tab == "overview"
        await pilot.press("enter")  # into the attention list
        attention = app.focused
        assert isinstance(attention, AttentionList) and attention.highlighted == 0
        await pilot.press("j", "j", "k")  # as in the tables
        await pilot.pause()
        # The cursor shows without colour (NO_COLOR): underlined, on that line only.
        assert [
            any(seg.style and seg.style.underline for seg in attention.render_line(y)) for y in range(3)
        ] == [
            False,
            True,
            False,
        ]
        await pilot.press("enter")
        await ready(pilot)  # the drill-down is built in a worker
        missing = evaluate(dataset, app.settings, 2026).zones_missing.get_column("zone").to_list()
        assert isinstance(app.screen, DetailScreen)
        assert app.screen.source == ("zones", missing[1])
        assert str(app.screen.heading).startswith(missing[1])
        await pilot.press("escape")
        assert not isinstance(app.screen, DetailScreen) and isinstance(app.focused, AttentionList)
        await pilot.press("escape")  # out of the list: the arrows scroll the overview again
        assert isinstance(app.focused, OverviewPanel) and app.query_one(AttentionList).highlighted is None


async def test_enter_on_the_reports_note_lists_the_late_reports(data_dir: Path) -> None:
    """Not the Zones tab, whose 报送 column gives way at 80 columns (issue #11): the list itself."""
    from console.present.viewmodel import REPORTS_NOTE

    app = make_app(data_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        assert app.views is not None and app.views.overview.attention_keys[-1] == REPORTS_NOTE
        await pilot.press("enter", "end", "enter")
        await ready(pilot)
        assert isinstance(app.screen, DetailScreen) and app.screen.source == ("reports", "")
        assert str(app.screen.heading).startswith("季度报送")


async def test_an_indicator_opens_its_own_drill_down(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("4", "tab", "enter")  # I01, the headline goal (no task)
        await ready(pilot)
        assert isinstance(app.screen, DetailScreen)
        assert str(app.screen.heading).startswith("I01 ") and "2026Q3" in shown(app.screen)
        await pilot.press("escape", "down", "enter")  # I02 opens itself, not its task
        await ready(pilot)
        assert isinstance(app.screen, DetailScreen) and str(app.screen.heading).startswith("I02 ")


async def test_language_redraws_an_open_drill_down(data_dir: Path, dataset) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2", "enter")
        await ready(pilot)
        zone = dataset["zones"].row(0, named=True)
        assert isinstance(app.screen, DetailScreen) and str(app.screen.heading).startswith(zone["zone"])
        await pilot.press("l")
        await ready(pilot)
        assert isinstance(app.screen, DetailScreen) and app.screen.lang == "en"
        assert str(app.screen.heading).startswith(zone["name_en"])
        assert "Targets and results by year" in shown(app.screen)
        await pilot.press("l")
        await ready(pilot)
        assert str(app.screen.heading).startswith(zone["zone"]) and "各年度目标与结果" in shown(app.screen)


async def test_year_redraws_an_open_drill_down(data_dir: Path, dataset) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("4", "tab", "enter")  # I01
        await ready(pilot)
        assert isinstance(app.screen, DetailScreen) and "2026Q3" in shown(app.screen)
        await pilot.press("y")  # 2026 -> 2024
        await ready(pilot)
        assert app.year == 2024 and isinstance(app.screen, DetailScreen)
        text = shown(app.screen)
        values = dataset["indicator_values"].filter(pl.col("indicator") == "I01")
        assert "2024Q4" in text and "2025Q1" not in text and str(values["period"].max()) not in text
        await pilot.press("escape", "shift+tab", "enter")  # the task table: its drill-down
        await ready(pilot)
        await pilot.press("escape", "2", "enter")  # a zone's drill-down (built in a worker) ...
        await ready(pilot)
        assert isinstance(app.screen, DetailScreen)
        await pilot.press("y")  # ... then 2024 -> 2025, the drill-down rebuilt in a worker
        await until(pilot, lambda: "2025年营收累计" in shown(app.screen))
        assert app.year == 2025 and "2025年营收累计" in shown(app.screen)


async def test_y_in_a_cluster_drill_down_shows_that_years_figures(data_dir: Path, dataset) -> None:
    """The walk found `y` offered in a cluster's drill-down while its content did not change."""
    from console.engine.status import cluster_status

    app = make_app(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("3", "enter")  # the first cluster
        await ready(pilot)
        assert isinstance(app.screen, DetailScreen)
        zone, industry = app.screen.source[1].split("|", 1)
        texts = {}
        for year in (2026, 2024, 2025):
            if year != 2026:
                await pilot.press("y")
                await ready(pilot)
            assert app.year == year and isinstance(app.screen, DetailScreen)
            texts[year] = text = shown(app.screen)
            row = (
                cluster_status(dataset, year, app.settings)
                .filter((pl.col("zone") == zone) & (pl.col("industry") == industry))
                .row(0, named=True)
            )
            summary = next(line for line in text.splitlines() if line.startswith(f"{year}年："))
            assert f"目标 {row['target']:,.0f} 亿元" in summary and (
                f"（{row['period']}）" in summary if row["period"] else "（" not in summary
            )
            assert f"{year}（所选）" in text and sum(f"{y}（所选）" in text for y in (2024, 2025, 2026)) == 1
            assert f"{year}年季度累计营收与进度目标" in text
            quarters = {s for series, _ in app.screen.content.charts for s in series[0].x}
            assert quarters and all(q.startswith(str(year)[2:]) for q in quarters)
        assert len(set(texts.values())) == 3
