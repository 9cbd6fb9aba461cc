"""The console's table on Textual's ScrollView: rows are never hidden below blank space, whatever
changes the rows (a year, language or county change made on another tab, a search) or the size.

Each scenario reproduces a defect of the hand-scrolled table (a ``_top`` that was not clamped): on it
these tests fail, with only the last rows drawn and blank lines below.
"""

from __future__ import annotations

import asyncio
import random
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.events import MouseScrollDown, MouseScrollUp

from console.core.config import load_settings
from console.present.viewmodel import Cell, Column, Row, View
from console.tui.app import DevZonesApp
from tests.support.app import column_labels, row_cells
from tests.support.waiting import until
from widgets.drilldown_screen import DetailScreen
from widgets.view_table import AsciiScrollBarRender, ViewTable


def make_app(data_dir: Path, **kwargs) -> DevZonesApp:
    settings = load_settings(
        data_dir=data_dir, lang=kwargs.pop("lang", None), ascii=kwargs.pop("ascii", None)
    )
    return DevZonesApp(settings, **kwargs)


@pytest.fixture(scope="module")
def synthetic_small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated dataset of 40 zones: more rows than a small terminal shows."""
    from console.cli import main

    out = tmp_path_factory.mktemp("syn") / "syn"
    assert main(["generate", "--zones", "40", "--out", str(out)]) == 0
    return out


async def ready(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def drawn(table: ViewTable) -> list[str]:
    """The table's lines as drawn now: the header, then one line per row on screen."""
    return ["".join(seg.text for seg in table.render_line(y)) for y in range(table.size.height)]


def assert_no_rows_hidden(table: ViewTable) -> None:
    """Every line below the header shows a row until the rows run out, and they run out at the end."""
    lines = drawn(table)[1:]
    shown = [line for line in lines if line.strip()]
    assert len(shown) == min(table.row_count, len(lines)), lines
    assert all(line.strip() for line in lines[: len(shown)]), lines  # no blank line between rows
    top = table.scroll_offset.y
    assert top + len(shown) <= table.row_count
    assert top <= table.cursor_row < top + len(shown)  # the cursor is on screen


def first_cells(table: ViewTable) -> list[str]:
    """The text of the second visible column (the zone's name) of each row on screen."""
    top = table.scroll_offset.y
    lines = [line for line in drawn(table)[1:] if line.strip()]
    return [row_cells(table, top + i)[1] for i in range(len(lines))]


async def test_year_change_on_another_tab_leaves_every_zone_on_screen(data_dir: Path) -> None:
    # 80x24: 2, Down x5, 1, y, 2 used to show 6 of the 11 zones with blank lines below.
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("2", *["down"] * 5, "1", "y")
        await ready(pilot)
        await pilot.press("2")
        await ready(pilot)
        table = app.query_one("#zones-table", ViewTable)
        assert table.row_count == 11
        assert_no_rows_hidden(table)
        assert len([line for line in drawn(table)[1:] if line.strip()]) == 11
        assert table.cursor_row == 5


async def test_language_change_on_another_tab_leaves_every_zone_on_screen(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("2", *["down"] * 7, "1", "l")
        await ready(pilot)
        await pilot.press("2")
        await ready(pilot)
        table = app.query_one("#zones-table", ViewTable)
        assert_no_rows_hidden(table)
        assert len([line for line in drawn(table)[1:] if line.strip()]) == 11


async def test_clearing_a_county_filter_shows_rankings_from_rank_one(data_dir: Path) -> None:
    # c, 平舆县 with Space, Enter, then c, a, then 5: Rankings used to start at rank 7.
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("c")
        await pilot.pause()
        dialog_list = app.screen.query_one("OptionList")
        labels = [str(dialog_list.get_option_at_index(i).prompt) for i in range(dialog_list.option_count)]
        steps = next(i for i, label in enumerate(labels) if "平舆县" in label)
        await pilot.press(*["down"] * steps, "space", "enter")
        await ready(pilot)
        assert app.counties == ("平舆县",)
        await pilot.press("c", "ctrl+a", "enter")
        await ready(pilot)
        await pilot.press("5")
        await ready(pilot)
        table = app.query_one("#rankings-table", ViewTable)
        assert table.row_count == 11
        assert_no_rows_hidden(table)
        assert table.scroll_offset.y == 0 and "1" in drawn(table)[1]


async def test_growing_terminal_brings_back_the_rows_above(synthetic_small: Path) -> None:
    app = make_app(synthetic_small)
    async with app.run_test(size=(100, 16)) as pilot:
        await ready(pilot)
        await pilot.press("2", "end")
        table = app.query_one("#zones-table", ViewTable)
        assert table.row_count == 40 and table.scroll_offset.y > 0
        await pilot.resize_terminal(100, 60)
        await ready(pilot)
        assert_no_rows_hidden(table)
        assert table.scroll_offset.y == 0  # all 40 rows fit now: none is left above the screen
        assert table.cursor_row == 39
        await pilot.resize_terminal(100, 16)
        await ready(pilot)
        assert_no_rows_hidden(table)  # and shrinking keeps the cursor's row on screen


async def test_search_leaving_few_matches_shows_them_from_the_top(synthetic_small: Path) -> None:
    app = make_app(synthetic_small)
    async with app.run_test(size=(100, 20)) as pilot:
        await ready(pilot)
        await pilot.press("2", "end", "up")  # cursor deep in the table: 合成开发区0039
        table = app.query_one("#zones-table", ViewTable)
        assert table.current_row_key == "合成开发区0039" and table.scroll_offset.y > 0
        await pilot.press("slash", *"合成003")  # 合成0030 … 合成0039: ten rows, all fit
        await ready(pilot)
        assert table.row_count == 10 and table.current_row_key == "合成开发区0039"
        assert_no_rows_hidden(table)
        assert table.scroll_offset.y == 0
        await pilot.press("9")  # one match left
        await ready(pilot)
        assert table.row_count == 1
        assert_no_rows_hidden(table)


# -- the widget on its own, over synthetic views -----------------------------------------------------


def synthetic_view(rows: int, wide: bool = False, name: str = "Zone") -> View:
    columns = (
        Column("mark", "", give_way=0),
        Column("name", name),
        Column("county", "County", give_way=1),
        Column("value", "Value", numeric=True),
        Column("note", "Note", give_way=2),
    )
    body = tuple(
        Row(
            key=f"k{i}",
            cells=(
                Cell("!" if i % 3 == 0 else ""),
                Cell(f"{name} {i:04d}" + (" very long name" * 3 if wide else "")),
                Cell(f"County {i % 7}"),
                Cell(f"{i * 1.5:.1f}"),
                Cell(f"note [b]{i}[/] \x1b[31m" + ("x" * 30 if wide else "")),
            ),
            flagged=i % 3 == 0,
        )
        for i in range(rows)
    )
    return View(tab="zones", title="t", columns=columns, rows=body)


class TableApp(App[None]):
    def __init__(self, ascii_only: bool = False) -> None:
        super().__init__()
        self.ascii_only = ascii_only
        self.selected: list[str] = []
        self.headers: list[str] = []

    def compose(self) -> ComposeResult:
        yield ViewTable(ascii_only=self.ascii_only, id="t")

    def on_view_table_row_selected(self, event: ViewTable.RowSelected) -> None:
        self.selected.append(event.key)

    def on_view_table_header_selected(self, event: ViewTable.HeaderSelected) -> None:
        self.headers.append(event.column_key)


@pytest.mark.slow
async def test_random_changes_of_rows_size_and_cursor_never_hide_rows() -> None:
    """A seeded random walk of 150 steps: new views, resizes, cursor moves and wheel scrolls."""
    rng = random.Random(11)
    app = TableApp()
    async with app.run_test(size=(60, 20)) as pilot:
        table = app.query_one(ViewTable)
        table.show(synthetic_view(30))
        table.focus()
        await pilot.pause()
        for _ in range(150):
            step = rng.choice(["view", "resize", "key", "key", "wheel"])
            if step == "view":
                table.show(synthetic_view(rng.choice([0, 1, 3, 12, 18, 40, 200])))
            elif step == "resize":
                await pilot.resize_terminal(rng.randint(30, 120), rng.randint(6, 50))
            elif step == "key":
                await pilot.press(rng.choice(["up", "down", "pageup", "pagedown", "home", "end", "j", "k"]))
            else:
                table.scroll_to(y=rng.randint(0, 250), animate=False, immediate=True)
                table.cursor_row = table.cursor_row  # the next key keeps the cursor in view
            await pilot.pause()
            if table.row_count:
                assert_no_rows_hidden(table)


async def test_click_moves_the_cursor_and_a_second_click_opens_the_row() -> None:
    app = TableApp()
    async with app.run_test(size=(60, 12)) as pilot:
        table = app.query_one(ViewTable)
        table.show(synthetic_view(40))
        await pilot.pause()
        await pilot.press("tab")
        await pilot.press("pagedown", "pagedown")  # scrolled: screen line 3 is not row 2 any more
        await pilot.pause()
        number = int(re.search(r"Zone (\d{4})", drawn(table)[3]).group(1))  # the row on screen line 3
        assert number > 2
        await pilot.click(ViewTable, offset=(5, 3))
        assert table.cursor_row == number and not app.selected
        await pilot.click(ViewTable, offset=(5, 3))
        await pilot.pause()
        assert app.selected == [f"k{number}"]
        await pilot.click(ViewTable, offset=(6, 0))  # the heading of the name column
        await pilot.pause()
        assert app.headers == ["name"]


async def test_the_wheel_scrolls_and_keeps_the_cursor_on_a_row_on_screen() -> None:
    app = TableApp()
    async with app.run_test(size=(60, 12)) as pilot:
        table = app.query_one(ViewTable)
        table.show(synthetic_view(40))
        table.focus()
        await pilot.pause()
        for _ in range(4):
            table.post_message(MouseScrollDown(table, 5, 5, 0, 1, 0, False, False, False))
            await pilot.pause()
        assert table.scroll_offset.y > 0 and table.cursor_row == table.scroll_offset.y
        assert_no_rows_hidden(table)
        await pilot.press("enter")
        assert app.selected == [f"k{table.scroll_offset.y}"]
        for _ in range(10):
            table.post_message(MouseScrollUp(table, 5, 5, 0, -1, 0, False, False, False))
            await pilot.pause()
        assert table.scroll_offset.y == 0
        assert_no_rows_hidden(table)


async def test_columns_that_give_way_are_reached_by_scrolling_sideways() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.query_one(ViewTable)
        table.show(synthetic_view(30, wide=True))
        table.focus()
        await pilot.pause()
        width = table.scrollable_content_region.width
        lines = drawn(table)
        assert all(cell_len(line) == width for line in lines)  # trimmed, never wrapped or overflowing
        assert "County" not in lines[0] and "Note" not in lines[0]  # gave way
        assert "…" in lines[1]  # the long name is trimmed with an ellipsis
        seen = set()
        for _ in range(8):
            await pilot.press("right")
            await pilot.pause()
            lines = drawn(table)
            assert all(cell_len(line) == width for line in lines)
            seen |= {label for label in ("County", "Note") if label in lines[0]}
        assert seen == {"County", "Note"}
        for _ in range(8):
            await pilot.press("left")
        await pilot.pause()
        assert table.scroll_offset.x == 0


async def test_a_column_is_never_drawn_cut_at_the_right_edge() -> None:
    app = TableApp()
    async with app.run_test(size=(46, 10)) as pilot:
        table = app.query_one(ViewTable)
        table.show(synthetic_view(5))
        await pilot.pause()
        header = drawn(table)[0]
        # "County" gave way; what is left of the width stays blank instead of showing "Cou".
        assert "County" not in header and "Cou" not in header
        assert [c.key for c in table.visible_columns()] == ["mark", "name", "value", "note"]


async def test_cells_from_data_are_drawn_literally_and_cleaned() -> None:
    app = TableApp()
    async with app.run_test(size=(120, 10)) as pilot:
        table = app.query_one(ViewTable)
        table.show(synthetic_view(3))
        await pilot.pause()
        line = drawn(table)[1]
        assert "note [b]0[/]" in line and "\x1b" not in line


async def test_copy_row_puts_the_whole_row_on_the_clipboard() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(ViewTable)
        table.show(synthetic_view(5, wide=True))
        table.focus()
        await pilot.press("down", "C")
        # Every column, those that gave way included, control characters removed.
        assert app.clipboard == "\t".join(
            ["", "Zone 0001" + " very long name" * 3, "County 1", "1.5", "note [b]1[/] [31m" + "x" * 30]
        )


async def test_moving_the_cursor_reuses_cached_lines_and_a_new_view_replaces_them() -> None:
    app = TableApp()
    async with app.run_test(size=(60, 12)) as pilot:
        table = app.query_one(ViewTable)
        table.show(synthetic_view(20))
        table.focus()
        await pilot.pause()
        before = drawn(table)
        await pilot.press("down", "up")
        assert drawn(table) == before
        table.show(synthetic_view(20, name="Park"))
        await pilot.pause()
        assert "Park 0000" in drawn(table)[1] and "Zone" not in "".join(drawn(table))


async def test_ascii_scrollbar_draws_only_ascii() -> None:
    bar = AsciiScrollBarRender.render_bar(size=10, virtual_size=100, window_size=20, position=40)
    text = "".join(segment.text for segment in bar.segments)
    assert text.isascii() and "#" in text and "|" in text
    app = TableApp(ascii_only=True)
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.query_one(ViewTable)
        table.show(synthetic_view(50))
        await pilot.pause()
        assert table.show_vertical_scrollbar
        assert table.vertical_scrollbar.renderer is AsciiScrollBarRender


def test_headline_figures_are_never_cut_or_wrapped_on_a_narrow_terminal() -> None:
    """The walk found 1,572 / 1,500 亿元 wrapped over four lines at 60 columns (and cut to 1,5… in
    English): now the names give way, then the bar; every figure stays whole on its line."""
    import io

    from rich.console import Console

    from console.core.config import load_settings
    from console.core.paths import embedded_data_dir
    from console.data.loader import load_dataset
    from console.present.assemble import compute, render_views
    from widgets.overview import render_overview

    settings = load_settings(data_dir=embedded_data_dir())
    ds = load_dataset(settings.data_dir)
    snap = compute(ds, settings, None, ())
    for lang in ("zh", "en"):
        views = render_views(snap, lang, False)
        for width in (56, 60, 78, 120, 200):
            out = Console(width=width, file=io.StringIO(), record=True, color_system=None)
            out.print(render_overview(views.overview, lang, False, views.header.year, width=width))
            lines = out.export_text().splitlines()
            for goal in views.overview.goals:
                assert any(goal.value in line for line in lines), (lang, width, goal.value)
            assert all(len(line.rstrip()) <= width for line in lines)


async def test_a_search_that_matches_nothing_says_so_in_the_table() -> None:
    """The walk searched Tasks for `xyz` and saw blank tables with no word of why."""
    from console.core.config import load_settings
    from console.core.paths import embedded_data_dir
    from console.tui.app import DevZonesApp

    app = DevZonesApp(load_settings(data_dir=embedded_data_dir()), use_cache=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("2", "slash", *"xyz", "enter")
        await pilot.pause()
        table = app.screen.query_one("#zones-table", ViewTable)
        assert table.row_count == 0
        line = "".join(segment.text for segment in table.render_line(1))
        assert "没有匹配“xyz”的行" in line and "Esc" in line


async def test_the_row_counter_never_covers_a_heading() -> None:
    """A table longer than the screen says where the cursor is (" 1/2543 ") at the right of its heading
    line; whatever the width, that leaves every heading shown whole (it covered 未达目标 at national
    scale: "未达目 2500/2543")."""
    columns = (
        Column("mark", ""),
        Column("name", "开发区"),
        Column("county", "县区", give_way=1),
        Column("tier", "档级"),
        Column("missing", "未达目标"),
    )
    body = tuple(
        Row(f"k{i}", (Cell(""), Cell(f"区{i}"), Cell("县"), Cell("三→三档 ~"), Cell("—")))
        for i in range(2543)
    )
    view = View(tab="zones", title="t", columns=columns, rows=body)
    app = TableApp()
    async with app.run_test(size=(60, 10)) as pilot:
        table = app.query_one(ViewTable)
        table.show(view)
        await pilot.pause()
        for width in range(24, 64):
            await pilot.resize_terminal(width, 10)
            await pilot.pause()
            header = table.render_line(0).text
            counter = re.search(r" \d+/2543 $", header)
            if width >= 44:  # the columns fit beside it: the counter has its room
                assert counter is not None, header
            before = header if counter is None else header[: counter.start()]
            for label in column_labels(table):  # each heading on screen is whole, none cut short
                cut = any(before.rstrip().endswith(label[:k]) for k in range(1, len(label)))
                assert label in before or not cut, (width, header)


# -- issue 20, item 8: the cursor is always on a row on screen ---------------------------------------

UNIVERSE = synthetic_view(300)
table_steps = st.one_of(
    st.tuples(st.just("filter"), st.integers(0, 299), st.integers(1, 20)),  # a county: a few rows
    st.tuples(st.just("clear"), st.just(0), st.just(0)),  # every row back
    st.tuples(st.just("search"), st.integers(0, 9), st.just(0)),  # rows whose number ends so
    st.tuples(st.just("sort"), st.booleans(), st.just(0)),  # the same rows in another order
    st.tuples(st.just("resize"), st.integers(30, 140), st.integers(5, 45)),
    st.tuples(st.just("key"), st.sampled_from(["down", "up", "pagedown", "end", "home"]), st.just(0)),
)


def view_of(rows: tuple[Row, ...]) -> View:
    return View(tab="zones", title="t", columns=UNIVERSE.columns, rows=rows)


async def walk_table(steps: list[tuple[str, object, object]]) -> int:
    app = TableApp()
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.query_one(ViewTable)
        table.show(UNIVERSE)
        table.focus()
        await pilot.pause()
        shown, walked = UNIVERSE.rows, 0
        for kind, a, b in steps:
            if kind == "filter":
                assert isinstance(a, int) and isinstance(b, int)
                shown = UNIVERSE.rows[a : a + b]
            elif kind == "clear":
                shown = UNIVERSE.rows
            elif kind == "search":
                shown = tuple(r for r in shown if r.key.endswith(str(a))) or shown
            elif kind == "sort":
                shown = tuple(reversed(shown)) if a else tuple(sorted(shown, key=lambda r: r.key))
            elif kind == "resize":
                assert isinstance(a, int) and isinstance(b, int)
                await pilot.resize_terminal(a, b)
            else:
                await pilot.press(str(a))
            if kind in ("filter", "clear", "search", "sort"):
                table.show(view_of(shown))
            await pilot.pause()
            top, page = table.scroll_offset.y, table.size.height - 1
            assert top <= table.cursor_row < min(top + page, table.row_count), (kind, top, page)
            assert_no_rows_hidden(table)
            counter = re.search(r" (\d+)/(\d+) $", table.render_line(0).text)
            if counter:  # the row counter is the cursor's row, one-based
                assert (int(counter[1]), int(counter[2])) == (table.cursor_row + 1, table.row_count)
            if table.row_count:  # Enter opens the row the cursor is on, which is on screen
                assert table.current_row_key == table.view.rows[table.cursor_row].key  # type: ignore[union-attr]
            walked += 1
    return walked


@pytest.mark.slow
@hypothesis_settings(max_examples=60, deadline=None)
@given(st.lists(table_steps, min_size=1, max_size=12))
def test_filter_clear_search_sort_and_resize_keep_the_cursor_on_screen(steps) -> None:
    """Random sequences of filter, clear, search, sort, resize and keys (issue 20, item 8: clearing
    a county filter at national scale left the cursor on row 733 while rows 1–19 were on screen, so
    the counter said 733/2543 and Enter opened a zone the user could not see)."""
    assert asyncio.run(walk_table(steps)) == len(steps)  # every step was taken and checked


async def test_clearing_a_filter_scrolls_to_the_kept_row() -> None:
    """The example of item 8, on the widget: a filter of few rows (no scrollbar), the cursor on its
    first row, then every row back: the row kept is deep in the table and must be on screen."""
    app = TableApp()
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.query_one(ViewTable)
        table.show(view_of(UNIVERSE.rows[240:246]))
        table.focus()
        await pilot.pause()
        table.show(UNIVERSE)
        await pilot.pause()
        assert table.cursor_row == 240 and table.current_row_key == "k240"
        top = table.scroll_offset.y
        assert top <= 240 < top + table.size.height - 1
        assert " 241/300 " in table.render_line(0).text
        assert "Zone 0240" in "".join(drawn(table))


async def test_clearing_a_county_filter_keeps_the_cursors_zone_on_screen(synthetic_small: Path) -> None:
    """Item 8 in the console: a county whose zones are below the first screen, then every county
    back. The cursor stays on the county's first zone, and that zone is the one on screen under it."""
    app = make_app(synthetic_small)
    async with app.run_test(size=(100, 16)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        await ready(pilot)
        table = app.query_one("#zones-table", ViewTable)
        assert table.view is not None
        deep = table.view.rows[30].key
        zones = app.dataset["zones"]  # type: ignore[index]
        county = zones.filter(zones["zone"] == deep)["county"][0]
        await pilot.press("c")
        await pilot.pause()
        options = app.screen.query_one("OptionList")
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]  # type: ignore[attr-defined]
        steps = next(i for i, label in enumerate(labels) if county in label)
        await pilot.press(*["down"] * steps, "space", "enter")
        await until(pilot, lambda: 0 < table.row_count < 40)
        key = table.current_row_key
        await pilot.press("c", "ctrl+a", "enter")  # every county back
        await until(pilot, lambda: table.row_count == 40)
        assert table.current_row_key == key
        assert table.cursor_row > table.size.height  # the kept zone is deep in the table
        assert_no_rows_hidden(table)
        assert f" {table.cursor_row + 1}/40 " in table.render_line(0).text
        row_on_screen = drawn(table)[table.cursor_row - table.scroll_offset.y + 1]
        assert table.view is not None and table.view.rows[table.cursor_row].cells[1].text in row_on_screen
        await pilot.press("enter")  # opens the zone the user sees under the cursor
        await until(pilot, lambda: isinstance(app.screen, DetailScreen))
        assert app.screen.source == ("zones", key)  # type: ignore[attr-defined]
