"""Tables that never hide rows (issue #11): stacked tables share the height so that one whose rows
fit gets them all, at any terminal size."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.present.fit import share_heights
from tests.support.app import make_app, ready
from tests.support.screen import screen_text
from widgets.view_table import ViewTable


def shown_rows(table: ViewTable) -> int:
    """How many rows the table has lines for (its heading takes one)."""
    return min(table.row_count, table.scrollable_content_region.height - 1)


@pytest.mark.parametrize("size", [(80, 24), (160, 48), (200, 50), (60, 20)])
async def test_tasks_pane_gives_a_table_whose_rows_fit_every_row(data_dir: Path, size) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await pilot.press("4")
        await ready(pilot)
        tasks = app.query_one("#tasks-table", ViewTable)
        indicators = app.query_one("#indicators-table", ViewTable)
        room = tasks.size.height + indicators.size.height
        hidden = [t for t in (tasks, indicators) if shown_rows(t) < t.row_count]
        spare = [t for t in (tasks, indicators) if t.scrollable_content_region.height - 1 > t.row_count]
        assert not (hidden and spare)  # no table scrolls while the other has empty lines
        if tasks.row_count + 1 <= room - room // 3:  # fits leaving the indicators a third
            assert shown_rows(tasks) == tasks.row_count
            assert f"{tasks.row_count}. " in screen_text(app)  # the last task on screen, not scrolled to
        if size[1] >= 48:  # 18 tasks fit with room to spare at these heights
            assert shown_rows(tasks) == tasks.row_count == 18


def test_share_heights_gives_needs_that_fit_and_adds_up() -> None:
    assert share_heights(40, [19, 30], [2, 3]) == [19, 21]  # tasks fit their share: all 19
    assert share_heights(60, [19, 30], [2, 3]) == [19, 41]  # both fit: the rest to the last
    assert share_heights(20, [19, 30], [2, 3]) == [8, 12]  # neither fits: 2 : 3
    assert share_heights(20, [5, 30], [2, 3]) == [5, 15]
    assert share_heights(20, [19, 4], [2, 3]) == [16, 4]  # the small one first, the big one the rest
    assert share_heights(42, [19, 60], [2, 3]) == [19, 23]  # the first whole, the other keeps a third
