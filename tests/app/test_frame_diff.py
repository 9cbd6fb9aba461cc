"""Over a slow link every byte of a frame is waited for (issue 24): the console paints the screen
whole once at start, then writes only what changes, and what the terminal shows is still exactly what
Textual draws. Frames are counted and their bytes summed; nothing is timed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.app import make_app, ready
from tests.support.terminal import attach
from widgets.overview import OverviewPanel
from widgets.view_table import ViewTable

# A cursor move or a one-line scroll at 80x24: the goal of issue 24.
MOVE_BYTES = 1024


async def test_one_full_paint_at_start(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After the first frame (the whole screen), what Textual repaints while the first screen settles
    (the tab strip, the scrollbar, widgets sized, the "more below" line) writes under half a screen."""
    terminals = attach(monkeypatch, (80, 24))
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.pause()
        assert "需关注" in "".join(terminals.written.display)
        first, rest = terminals.frames[0], terminals.bytes_since(1)
        assert first > 4000, "the first frame draws the whole screen"
        assert rest < first / 2, (
            f"after the first paint {len(terminals.frames) - 1} frames wrote {rest} bytes"
        )
        assert not terminals.differences()


@pytest.mark.parametrize("tab", ["1", "2", "3", "4", "5"])
async def test_a_cursor_move_writes_under_a_kilobyte(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, tab: str
) -> None:
    """Down on every tab (the overview scrolls its page a line; a table moves its cursor): each key
    writes what changed, and the terminal shows what Textual draws."""
    terminals = attach(monkeypatch, (80, 24))
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press(tab)
        await pilot.pause()
        moved = app.focused
        assert isinstance(moved, (OverviewPanel, ViewTable))
        for _ in range(6):
            before = len(terminals.frames)
            await pilot.press("down")
            await pilot.pause()
            written = terminals.bytes_since(before)
            assert written <= MOVE_BYTES, f"Down on tab {tab} wrote {written} bytes"
        where = moved.scroll_y if isinstance(moved, OverviewPanel) else moved.cursor_row
        assert where == 6  # the page scrolled six lines, the cursor moved six rows
        assert not terminals.differences()


@pytest.mark.parametrize("size", [(80, 24), pytest.param((200, 50), marks=pytest.mark.slow)])
async def test_the_terminal_shows_what_textual_draws(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    """A walk through tabs, pages, a drill-down, the search, language and year: after each key the
    terminal fed only the changes equals one fed Textual's whole frames, cell by cell and colour by
    colour."""
    terminals = attach(monkeypatch, size)
    app = make_app(data_dir)
    keys = [
        "pagedown",
        "up",
        "enter",
        "down",
        "enter",
        "escape",
        "escape",
        "2",
        "down",
        "pagedown",
        "end",
        "/",
        "驻",
        "enter",
        "5",
        "pagedown",
        "4",
        "tab",
        "down",
        "l",
        "3",
        "y",
        "1",
        "home",
    ]
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        for key in keys:
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert not terminals.differences(), f"after {key}"


async def test_a_resized_or_resumed_terminal_is_drawn_whole(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy of the screen is not trusted once the terminal changed under it: after a resize, or
    back from Ctrl+Z (another program had the terminal), the next frame draws the whole screen."""
    terminals = attach(monkeypatch, (80, 24))
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        resized = len(terminals.frames)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert terminals.frames[resized] > 4000, "the first frame at the new size is whole"
        assert not terminals.differences()
        before = len(terminals.frames)
        app.screen.refresh()  # Textual's repaint of an unchanged screen: nothing to write
        await pilot.pause()
        assert terminals.bytes_since(before) < 100
        app._resume_signal()  # as Textual does when the process is brought back (SIGCONT)
        app.screen.refresh()
        await pilot.pause()
        assert terminals.bytes_since(before) > 4000, "the whole screen, drawn again"


async def test_ctrl_l_draws_over_what_another_program_wrote(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A `wall` message on the shared server writes over the console; the console does not know and,
    writing only what changes, would leave it there. Ctrl+L writes the whole screen again."""
    terminals = attach(monkeypatch, (80, 24))
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        terminals._written.feed("\x1b[3;1HBroadcast message from root: reboot at 18:00")
        assert terminals.differences()
        await pilot.press("down")  # an ordinary key leaves the message where nothing changed
        await pilot.pause()
        assert any("Broadcast" in line for line in terminals.written.display)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert not any("Broadcast" in line for line in terminals.written.display)
        assert not terminals.differences()
