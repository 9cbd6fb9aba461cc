"""The console's changes mode (``d``, ``D``): marks, the changed-rows filter, the overview's section,
the reference quarter in the top bar, and the same changes as ``devzones changes``."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.core.config import load_settings
from console.data.dataset import Dataset
from console.data.scales import Period
from console.engine.changes import changes_between
from console.present.changes_view import routine
from console.reports.revisions import revisions
from console.tui.app import DevZonesApp
from tests.support.app import row_cells
from widgets.dialogs import PeriodDialog
from widgets.drilldown_screen import DetailScreen
from widgets.overview import AttentionList
from widgets.view_table import ViewTable


def make_app(data_dir: Path, lang: str | None = None, ascii: bool = False) -> DevZonesApp:
    return DevZonesApp(load_settings(data_dir=data_dir, lang=lang, ascii=ascii), use_cache=False)


async def ready(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def rows(app: DevZonesApp, table: str) -> dict[str, str]:
    """Row key -> the row's text as the table shows it."""
    view = app.screen.query_one(f"#{table}-table", ViewTable).view
    assert view is not None
    return {r.key: " ".join(c.text for c in r.cells) for r in view.rows}


def expected(dataset: Dataset, since: Period, data_dir: Path) -> dict[str, set[str]]:
    """What ``devzones changes --from since`` lists for the zones (a status or a quarter's report) and
    the clusters (a status or a revised figure) the Zones and Clusters tabs show."""
    settings = load_settings(data_dir=data_dir)
    found = changes_between(dataset, settings, since, dataset.as_of, None, revisions(data_dir))
    zones = {c.zone for c in found if c.subject == "zone" and c.field != "rank" and c.zone and not routine(c)}
    clusters = {f"{c.zone}|{c.industry}" for c in found if c.subject == "cluster"}
    return {"zones": zones, "clusters": clusters}


async def test_d_marks_the_changed_cells_then_keeps_the_changed_rows_then_turns_off(
    data_dir: Path, dataset: Dataset
) -> None:
    want = expected(dataset, Period(2026, 2), data_dir)
    assert want["zones"] and want["clusters"]  # the sample data has changes to show
    app = make_app(data_dir)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        everyone = rows(app, "zones")
        assert not any("Δ" in text for text in everyone.values())
        await pilot.press("d")
        await ready(pilot)
        assert "Δ 较2026Q2" in app.screen.query_one("#topbar").plain
        marked = {key for key, text in rows(app, "zones").items() if "Δ" in text}
        assert marked == want["zones"]
        assert len(rows(app, "zones")) == len(everyone)  # marked, nothing hidden yet
        await pilot.press("3")
        assert {key for key, text in rows(app, "clusters").items() if "Δ" in text} == want["clusters"]
        clusters = rows(app, "clusters")
        await pilot.press("d")  # only the changed rows
        await ready(pilot)
        assert set(rows(app, "clusters")) == want["clusters"] and len(want["clusters"]) < len(clusters)
        assert "仅变化" in app.screen.query_one("#topbar").plain
        await pilot.press("2")
        assert set(rows(app, "zones")) == want["zones"] and len(want["zones"]) < len(everyone)
        await pilot.press("d")  # off: every row, no mark
        await ready(pilot)
        assert rows(app, "zones") == everyone
        assert "Δ" not in app.screen.query_one("#topbar").plain


async def test_shift_d_chooses_the_quarter_to_compare_with(data_dir: Path, dataset: Dataset) -> None:
    app = make_app(data_dir, "en")
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2", "D")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PeriodDialog)
        assert dialog.periods[:3] == ["2026Q2", "2026Q1", "2025Q4"]  # newest first
        await pilot.press("down", "down", "enter")
        await ready(pilot)
        assert "since 2025Q4" in app.screen.query_one("#topbar").plain
        marked = {key for key, text in rows(app, "zones").items() if "Δ" in text}
        assert marked == expected(dataset, Period(2025, 4), data_dir)["zones"]
        await pilot.press("d", "d", "d")  # off, then on again: the quarter chosen is kept
        await ready(pilot)
        assert "since 2025Q4" in app.screen.query_one("#topbar").plain


async def test_the_overview_lists_the_changes_first_and_enter_opens_the_zone(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(120, 60)) as pilot:
        await ready(pilot)
        await pilot.press("d")
        await ready(pilot)
        attention = app.screen.query_one(AttentionList)
        first = str(attention.get_option_at_index(0).prompt)
        assert first == "本期变化（自2026Q2）"
        assert attention.get_option_at_index(0).disabled  # a heading, not an item
        await pilot.press("enter")  # into the list: the first change, not the heading
        assert attention.highlighted == 1
        zone = attention.keys[1]
        assert zone is not None and str(attention.get_option_at_index(1).prompt).startswith("Δ ")
        await pilot.press("enter")
        await ready(pilot)
        assert isinstance(app.screen, DetailScreen) and app.screen.source == ("zones", zone)


async def test_on_another_year_nothing_is_marked_and_the_top_bar_says_why(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2", "d")
        await ready(pilot)
        await pilot.press("y")  # 2026 -> 2024: the changes are about 2026
        await ready(pilot)
        assert app.year == 2024
        assert not any("Δ" in text for text in rows(app, "zones").values())
        assert "变化仅标于2026年" in app.screen.query_one("#topbar").plain


async def test_ascii_mode_marks_with_a_star(data_dir: Path) -> None:
    app = make_app(data_dir, ascii=True)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2", "d")
        await ready(pilot)
        texts = rows(app, "zones").values()
        assert any("*" in t for t in texts) and not any("Δ" in t for t in texts)
        assert "* 较2026Q2" in app.screen.query_one("#topbar").plain
        # The overview's note under the changes said "各标签页以 Δ 标出" beside rows marked *.
        await pilot.press("1")
        await ready(pilot)
        attention = app.screen.query_one(AttentionList)
        prompts = [str(attention.get_option_at_index(i).prompt) for i in range(attention.option_count)]
        note = next(p for p in prompts if "另有" in p)
        assert "以 * 标出" in note and not any("Δ" in p for p in prompts), note


def test_help_names_the_mark_drawn_under_ascii() -> None:
    """Help's d line said '有变化的单元格（Δ）' under --ascii, where the mark is drawn *."""
    from console.present.formatter import Formatter
    from console.present.keys import help_groups

    for lang in ("zh", "en"):
        lines = [what for _, keys in help_groups(lang) for _, what in keys]
        changes = next(line for line in lines if "Δ" in line)
        shown = Formatter(lang, ascii_only=True).text(changes)  # as the help screen draws it
        assert "(*)" in shown or "（*）" in shown, shown


async def test_an_export_in_changes_mode_names_the_quarter_and_writes_the_changes_beside(
    data_dir: Path, tmp_path: Path
) -> None:
    import tomllib

    from widgets.dialogs import ExportChoice

    app = make_app(data_dir)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        app.flows.export_chosen(ExportChoice("csv", "tab", str(tmp_path), "zones.csv"))
        await ready(pilot)
        plain = tomllib.loads((tmp_path / "zones.csv.manifest.toml").read_text(encoding="utf-8"))
        assert "changes_since" not in str(plain)
        await pilot.press("d")
        await ready(pilot)
        app.flows.export_chosen(ExportChoice("csv", "tab", str(tmp_path), "changed.csv"))
        await ready(pilot)
    manifest = (tmp_path / "changed.csv.manifest.toml").read_text(encoding="utf-8")
    assert 'changes_since = "2026Q2"' in manifest and "--since 2026Q2" in manifest
    beside = (tmp_path / "changed-changes.csv").read_text(encoding="utf-8-sig")
    assert beside.count("\n") > 1  # a heading and at least one change of the Zones tab


async def test_the_console_as_of_a_quarter_shows_the_data_as_it_stood_then(data_dir: Path) -> None:
    """``devzones --as-of 2025Q4``: figures, reports and results up to the end of that quarter, the
    year it belongs to, and the changes mode compares with the quarter before it."""
    from dataclasses import replace

    app = DevZonesApp(replace(load_settings(data_dir=data_dir), as_of="2025Q4"), use_cache=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        bar = app.screen.query_one("#topbar").plain
        assert "2025Q4" in bar and "2026Q3" not in bar and app.year == 2025
        await pilot.press("d")
        await ready(pilot)
        assert "Δ 较2025Q3" in app.screen.query_one("#topbar").plain


async def test_the_console_as_of_a_quarter_the_data_lacks_says_what_it_covers(data_dir: Path) -> None:
    from dataclasses import replace

    app = DevZonesApp(replace(load_settings(data_dir=data_dir), as_of="2031Q1"), use_cache=False)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        assert app.views is None and app.errors
        said = " ".join(str(e) for e in app.errors)
        assert "2031Q1" in said and "2026Q3" in said


async def test_changed_rows_only_on_another_year_lists_nothing_and_says_where_the_changes_are(
    data_dir: Path,
) -> None:
    """On a year the changes are not about, "changed rows only" must not keep every row as if it
    had filtered them: the table is empty and says the changes are marked in the data's year."""
    app = make_app(data_dir)
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2", "y")  # 2026 -> 2024
        await ready(pilot)
        assert app.year == 2024 and rows(app, "zones")
        await pilot.press("d", "d")
        await ready(pilot)
        assert "仅变化" in app.screen.query_one("#topbar").plain
        table = app.screen.query_one("#zones-table", ViewTable)
        assert rows(app, "zones") == {}
        assert "变化仅标于2026年" in table.empty_note
        await pilot.press("y", "y")  # 2024 -> 2025 -> 2026: the changed rows, marked
        await ready(pilot)
        assert app.year == 2026
        shown = rows(app, "zones")
        assert shown and all("Δ" in text for text in shown.values())


async def test_a_changed_row_whose_changed_cell_gave_way_to_the_width_still_shows_the_mark(
    data_dir: Path,
) -> None:
    """At 80 columns the Zones tab hides its report column; a zone kept as changed only for its report
    (汝南 since 2026Q2) shows the mark in its first column, so every row listed says why it is there."""
    app = make_app(data_dir)
    async with app.run_test(size=(80, 30)) as pilot:
        await ready(pilot)
        await pilot.press("2", "d", "d")
        await ready(pilot)
        table = app.screen.query_one("#zones-table", ViewTable)
        assert "report" not in {c.key for c in table.visible_columns()}  # gave way at this width
        assert table.view is not None and table.row_count == len(table.view.rows) > 0
        view = table.view
        on_screen = [row_cells(table, i) for i in range(table.row_count)]
        assert any(not any("Δ" in text for text in cells) for cells in on_screen)  # the case at hand
        lines = [table.render_line(y).text for y in range(1, table.row_count + 1)]
        assert all("Δ" in line for line in lines), lines
        at = view.column_index("zone")
        assert all(row.cells[at].text in line for row, line in zip(view.rows, lines, strict=True))


async def test_the_overview_has_one_scrollbar_and_follows_the_cursor_down_the_attention_list(
    data_dir: Path,
) -> None:
    """With the changes listed first, the attention list is taller than the tab: the overview scrolls
    (one scrollbar, the page's), not the list inside it, and moving down the list keeps the line under
    the cursor on screen."""
    from widgets.overview import OverviewPanel

    app = make_app(data_dir, ascii=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("d")
        await ready(pilot)
        attention = app.screen.query_one(AttentionList)
        panel = app.screen.query_one(OverviewPanel)
        assert attention.size.height == attention.option_count > panel.size.height  # taller than the tab
        assert not attention.show_vertical_scrollbar and panel.show_vertical_scrollbar
        await pilot.press("enter")
        last = attention.option_count - 1
        while attention.highlighted is not None and attention.highlighted < last:
            await pilot.press("down")
        await pilot.pause()
        assert attention.highlighted == last
        line = attention.region.y + last  # one line per option
        assert panel.region.y <= line < panel.region.bottom and panel.scroll_y > 0


async def test_wrapped_attention_lines_continue_under_the_reason_not_at_column_0(data_dir: Path) -> None:
    """At 80 columns in English the changes' reasons wrap (and the attention list's at 60): each
    continuation line starts under the reason, so no word of a reason reads as a subject of its own."""
    import re

    for width in (80, 60):
        app = make_app(data_dir, "en")
        async with app.run_test(size=(width, 40)) as pilot:
            await ready(pilot)
            await pilot.press("d")
            await ready(pilot)
            attention = app.screen.query_one(AttentionList)
            attention._update_lines()
            wrapped = 0
            for i in range(attention.option_count):
                y, height = attention._index_to_line[i], attention._heights[i]
                lines = [attention.render_line(y + n).text.rstrip() for n in range(height)]
                subject = re.match(r"^[Δ!] .*?\S {2,}", lines[0])
                if subject is None:  # a heading or a note
                    continue
                reason = subject.end()  # the column the reason starts in
                for line in lines[1:]:
                    wrapped += 1
                    assert line[:reason].strip() == "" and line[reason] != " ", (width, lines)
            assert wrapped  # the case at hand: some reasons did wrap


@pytest.mark.slow
@pytest.mark.parametrize(("size", "lang", "ascii"), [((60, 20), "zh", False), ((80, 24), "en", True)])
async def test_every_changed_row_shows_the_mark_on_every_tab_for_every_reference_quarter(
    data_dir: Path, size: tuple[int, int], lang: str, ascii: bool
) -> None:
    """A row with a changed cell shows the mark: in the cell, or before its name when the cell gave
    way to the width, and beside a flagged row's ``!`` (both marks, the column widened for them)."""
    app = make_app(data_dir, lang, ascii)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await pilot.press("2")
        checked = 0
        for since in app.changes.periods():
            app.state.compare_with(since)
            app.changes.refresh()
            await ready(pilot)
            for key in "2345":
                await pilot.press(key)
                await ready(pilot)
                for table in app.screen.query(ViewTable):
                    if table.view is None or not table.marks:
                        continue
                    for i, row in enumerate(table.view.rows):
                        if table.marks.get(row.key):
                            line = table._row_strip(i).text
                            assert table.mark_symbol in line, (since, table.id, line)
                            mark_column = table.view.columns[0].key == "mark"
                            if mark_column and row.flagged and row.cells[0].text.strip():
                                assert row.cells[0].text.strip() in line, line  # the ! stays beside Δ
                            checked += 1
        assert checked > 50


async def test_a_flagged_row_whose_change_gave_way_shows_both_marks(data_dir: Path) -> None:
    """确山 is flagged (!); were its only change in the report column, which gives way at 80 columns,
    its first cell would read Δ! (not ! alone, not Δ alone)."""
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        await ready(pilot)
        table = app.screen.query_one("#zones-table", ViewTable)
        assert table.view is not None
        assert "report" not in {c.key for c in table.visible_columns()}
        index, row = next((i, r) for i, r in enumerate(table.view.rows) if r.key == "确山县开发区")
        assert row.flagged
        table.marks = {row.key: frozenset({"report"})}
        table.show(table.view)
        await pilot.pause()
        first = table._row_strip(index).text.split()[0]
        assert first == "Δ!", table._row_strip(index).text
