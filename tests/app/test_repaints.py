"""Over a slow link every repaint costs bytes: a cursor move redraws what it changed and nothing else
(issue 24). What is counted is which widgets ask to be redrawn or laid out again, not time."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widget import Widget

from tests.support.app import make_app, ready
from widgets.overview import OverviewPanel
from widgets.view_table import ViewTable


@pytest.fixture
def refreshes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Widget, bool]]:
    """Each widget's refresh from now on: (widget, whether it asked for a layout)."""
    seen: list[tuple[Widget, bool]] = []
    original = Widget.refresh

    def counted(self: Widget, *regions, repaint=True, layout=False, recompose=False):  # type: ignore[no-untyped-def]
        if getattr(self, "_counting", None) is seen:
            seen.append((self, layout))
        return original(self, *regions, repaint=repaint, layout=layout, recompose=recompose)

    monkeypatch.setattr(Widget, "refresh", counted)
    return seen


@pytest.mark.parametrize(
    ("key", "table"), [("2", "zones"), ("3", "clusters"), ("4", "tasks"), ("5", "rankings")]
)
async def test_a_cursor_move_redraws_only_the_table(
    data_dir: Path, refreshes: list[tuple[Widget, bool]], key: str, table: str
) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press(key)
        await pilot.pause()
        focused = app.query_one(f"#{table}-table", ViewTable)
        assert focused.has_focus
        for widget in app.screen.query("*"):
            widget._counting = refreshes  # type: ignore[attr-defined]
        await pilot.press("down")
        await pilot.pause()
        assert focused.cursor_row == 1
        others = {f"{type(w).__name__}#{w.id}" for w, _ in refreshes if w is not focused}
        assert not others, f"a cursor move redrew {others}"
        assert not any(layout for _, layout in refreshes)


async def test_scrolling_the_overview_lays_nothing_out_again(
    data_dir: Path, refreshes: list[tuple[Widget, bool]]
) -> None:
    """The arrows scroll the overview; the "more below" line at the bottom changes its count in place
    (a layout of the page would make Textual repaint the whole screen at the next key)."""
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        panel = app.query_one(OverviewPanel)
        assert panel.has_focus and panel.max_scroll_y > 3
        more = panel.query_one("#overview-more")
        await pilot.press("down")
        await pilot.pause()
        said = str(more.render())
        for widget in app.screen.query("*"):
            widget._counting = refreshes  # type: ignore[attr-defined]
        await pilot.press("down", "down")
        await pilot.pause()
        assert panel.scroll_y == 3
        assert more.display and str(more.render()) != said  # the count below changed
        laid_out = {f"{type(w).__name__}#{w.id}" for w, layout in refreshes if layout}
        assert not laid_out, f"scrolling laid out {laid_out}"
