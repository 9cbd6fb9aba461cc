"""The table's cache of drawn lines: a tab shown again reuses its lines (a tab switch at national scale
redrew every visible row), and a change of focus still shows the cursor row in its new style."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.core.config import load_settings
from console.tui.app import DevZonesApp
from tests.support.waiting import until
from widgets.view_table import ViewTable


async def _ready(app: DevZonesApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_tab_shown_again_redraws_no_row(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = DevZonesApp(load_settings(data_dir=data_dir), use_cache=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await _ready(app, pilot)
        await pilot.press("2")  # Zones: drawn once
        await pilot.pause()
        table = app.query_one("#zones-table", ViewTable)
        assert table.row_count > 5
        drawn: list[int] = []
        real = ViewTable._line

        header = [table._label(i) for i in table._layout]

        def counting(self, cells, base, *rest):  # type: ignore[no-untyped-def]
            if self is table and [text for text, *_ in cells] != header:  # a row, not the header
                drawn.append(1)
            return real(self, cells, base, *rest)

        monkeypatch.setattr(ViewTable, "_line", counting)
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("2")  # back: same rows, same width, same styles
        await until(pilot, lambda: app.screen.focused is table)
        await pilot.pause()
        # The header line is drawn on each pass (it shows the cursor's position; how many passes run
        # depends on timing), the rows come from the cache: at most the cursor row again, when the
        # focus arrives after the first pass (it is drawn reversed only while the table has focus).
        # Before the cache kept lines across tabs, every visible row was drawn again (24 here).
        assert len(drawn) <= 1


async def test_the_cursor_row_follows_the_focus(data_dir: Path) -> None:
    app = DevZonesApp(load_settings(data_dir=data_dir), use_cache=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await _ready(app, pilot)
        await pilot.press("2")
        await pilot.pause()
        table = app.query_one("#zones-table", ViewTable)

        def cursor_style():  # type: ignore[no-untyped-def]
            strip = table.render_line(1 + table.cursor_row - table._top)
            return next(s.style for s in strip if s.text.strip())

        focused = cursor_style()
        assert focused.reverse
        await pilot.press("slash")  # the search box takes the focus: the table is blurred
        await pilot.pause()
        assert app.screen.focused is not table
        blurred = cursor_style()
        assert blurred.underline and not blurred.reverse
        await pilot.press("escape")
        await pilot.pause()
        assert cursor_style().reverse
