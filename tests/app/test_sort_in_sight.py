"""A sort is always in sight or reset (issue 20, item 9).

The column a table is sorted by is kept in preference to the others when the width makes columns give
way, so its ▲ ▼ shows on the first screen; where even that cannot be (columns that never give way fill
the width), the heading line names the sort at its end. A remembered sort on a column the loaded data's
table lacks is dropped when the data is shown, and forgotten on quit.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.app import App, ComposeResult

from console.core.config import load_settings, save_state
from console.data.loader import load_dataset
from console.present.assemble import compute, render_views
from console.present.fit import fit_columns
from console.present.viewmodel import View, Views
from console.tui.app import DevZonesApp
from tests.support.waiting import until
from widgets.view_table import ViewTable

WIDTHS = (40, 60, 80, 100, 120, 200)


@pytest.fixture(scope="module")
def embedded_views(data_dir: Path) -> dict[str, Views]:
    ds = load_dataset(data_dir)
    snap = compute(ds, load_settings(data_dir=data_dir, remembered=False), None, None)
    return {lang: render_views(snap, lang, False) for lang in ("zh", "en")}


class TableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield ViewTable(id="t")


def sort_in_heading(table: ViewTable, view: View) -> bool:
    """Whether the heading line as drawn shows the sort: the sorted column's heading (cut or not) with
    its ▲, or the sort named at the line's end."""
    header = table.render_line(0).text
    label = next(c.label for c in view.columns if c.key == view.sort_key)
    if f" ▲{label} " in header:  # named at the end
        return True
    found = re.search(r"(\S+)▲", header)
    return found is not None and (label.startswith(found[1].rstrip("…")) or found[1] in label)


@pytest.mark.slow
async def test_every_sorted_column_shows_its_marker_at_every_width(embedded_views: dict[str, Views]) -> None:
    """Each table sorted by each of its columns, zh and en, from 40 to 200 columns: the ▲ is on
    screen (at 80 columns, Rankings sorted by 上年排名 showed no ▲: the column had given way)."""
    app = TableApp()
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.query_one(ViewTable)
        for width in WIDTHS:
            await pilot.resize_terminal(width, 24)
            for lang, views in embedded_views.items():
                for name, view in views.tables.items():
                    for column in view.columns:
                        if column.key == "mark":
                            continue
                        sorted_view = view.sorted_by(column.key)
                        table.show(sorted_view)
                        await pilot.pause()
                        assert sort_in_heading(table, sorted_view), (
                            lang,
                            width,
                            name,
                            column.key,
                            table.render_line(0).text,
                        )


def test_the_sorted_column_is_kept_when_columns_give_way(embedded_views: dict[str, Views]) -> None:
    """The one fitting rule (the console's table and the CLI's text tables): a sorted column that
    would give way stays, and the row's name stays beside it."""
    view = embedded_views["zh"].tables["rankings"]
    previous = next(i for i, c in enumerate(view.columns) if c.key == "previous")
    shown, _ = fit_columns(view, 64)
    assert previous not in shown  # unsorted, it gives way at this width
    shown, cut = fit_columns(view.sorted_by("previous"), 64)
    assert previous in shown and previous not in cut
    assert next(i for i, c in enumerate(view.columns) if c.key == "zone") in shown


@pytest.mark.parametrize(("lang", "heading"), [("zh", "上年排名▲"), ("en", "Year before▲")])
async def test_rankings_remembered_by_previous_rank_show_the_marker_at_80_columns(
    data_dir: Path, lang: str, heading: str
) -> None:
    """The issue's case: the remembered sort's column had given way at 80 columns (in English)."""
    assert save_state({"tab": "rankings", "sort": {"rankings": "previous"}, "lang": lang}) == []
    app = DevZonesApp(load_settings(data_dir=data_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.views is not None and "rankings" in app.views.tables)
        table = app.query_one("#rankings-table", ViewTable)
        await until(pilot, lambda: table.view is not None and table.view.sort_key == "previous")
        assert heading in table.render_line(0).text


async def test_a_remembered_sort_on_a_column_the_data_lacks_is_dropped(data_dir: Path) -> None:
    """A state file from other data (or an older version) names a column this table does not have:
    the console starts in plan order and forgets that sort, instead of failing or keeping it."""
    assert save_state({"tab": "rankings", "sort": {"rankings": "-nosuch", "zones": "-zone"}}) == []
    app = DevZonesApp(load_settings(data_dir=data_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.views is not None and "rankings" in app.views.tables)
        await until(pilot, lambda: app.query_one("#rankings-table", ViewTable).row_count > 0)
        table = app.query_one("#rankings-table", ViewTable)
        assert table.view is not None and table.view.sort_key is None
        assert "▲" not in table.render_line(0).text and "▼" not in table.render_line(0).text
        assert [r.key for r in table.view.rows] == [r.key for r in app.views.tables["rankings"].rows]
        preferences = app.preferences()
    assert preferences["sort"]["rankings"] == ""  # type: ignore[index]
    assert preferences["sort"]["zones"] == "-zone"  # type: ignore[index]  # a sort the data has stays


def test_a_kept_sort_heading_never_loses_its_marker_when_cut() -> None:
    """A sorted text column trimmed to the width keeps ▲ at the end of its cut heading."""
    from console.present.viewmodel import Cell, Column, Row

    columns = (Column("name", "Name"), Column("long", "Participating units"))
    rows = tuple(Row(f"k{i}", (Cell(f"n{i}"), Cell("x" * 40))) for i in range(3))
    view = View(tab="tasks", title="t", columns=columns, rows=rows).sorted_by("long")
    shown, cut = fit_columns(view, 20)
    assert 1 in shown and cut.get(1, 99) < cell_len("Participating units▲")
