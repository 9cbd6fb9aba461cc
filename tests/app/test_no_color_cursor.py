"""NO_COLOR: the cursor is unmistakable. In a table the cursor row alone is in reverse video (flagged
rows are bold and underlined, never reversed); in the overview's attention list the selected item
alone is bold and underlined (the items, all of them flagged, are plain)."""

from __future__ import annotations

from pathlib import Path

from tests.support.app import make_app, ready
from tests.support.screen import filtered_lines as _filtered_lines
from widgets.overview import AttentionList
from widgets.view_table import ViewTable


async def test_only_the_cursor_row_is_reversed_in_a_table(data_dir: Path, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(data_dir)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        await pilot.press("2", "escape", "down", "down")
        await pilot.pause()
        table = app.query_one("#zones-table", ViewTable)
        assert table.has_focus
        lines = _filtered_lines(app, table)[1 : table.row_count + 1]
        reversed_rows = [i for i, line in enumerate(lines) if any(s.style and s.style.reverse for s in line)]
        assert reversed_rows == [table.cursor_row]
        assert all(s.style and s.style.reverse for s in lines[table.cursor_row])
        flagged = [line for line in lines if line and line[0].text.strip() == "!"]
        assert flagged and all(line[0].style and line[0].style.bold for line in flagged)


async def test_only_the_selected_attention_item_is_emphasised(data_dir: Path, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(data_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("enter", "j")
        await pilot.pause()
        attention = app.focused
        assert isinstance(attention, AttentionList) and attention.highlighted == 1
        lines = [
            [s for s in attention.render_line(y) if s.text.strip()] for y in range(attention.option_count)
        ]
        marked = [
            y
            for y, line in enumerate(lines)
            if any(s.style and (s.style.underline or s.style.reverse) for s in line)
        ]
        assert marked == [1]
        bold = [y for y, line in enumerate(lines) if any(s.style and s.style.bold for s in line)]
        assert bold == [1]
