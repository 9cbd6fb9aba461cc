"""A folder typed into the console's export or bulletin dialog is a path option too (issue 20, 20):
an unknown ~user is a message in the dialog, never a crash of the console."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from tests.support.app import make_app, ready
from widgets.dialogs import ExportDialog

NO_SUCH_USER = "~devzones-no-such-user-q7"


async def test_an_unknown_home_in_the_export_dialog_is_a_message(data_dir: Path) -> None:
    app = make_app(data_dir, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("left", "enter")  # CSV
        app.screen.query_one("#folder", Input).value = f"{NO_SUCH_USER}/out"
        app.screen.query_one("#name", Input).value = "mine.csv"
        await pilot.press("ctrl+s")
        await ready(pilot)
        await pilot.pause()
        assert app.is_running
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        error = str(dialog.query_one("#export-error", Static).render())
        assert "Export failed" in error and NO_SUCH_USER in error


async def test_an_unknown_home_in_the_bulletin_dialog_is_a_message(data_dir: Path) -> None:
    from tests.support.app import reloadless_app as _app
    from tests.support.app import settle as _settle
    from widgets.dialogs import BulletinChoice, BulletinDialog

    app = _app(data_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await _settle(pilot)
        app.flows.bulletin_chosen(BulletinChoice("2026-10", "docx", f"{NO_SUCH_USER}/out"))
        await _settle(pilot)
        assert app.is_running
        dialog = app.screen
        assert isinstance(dialog, BulletinDialog)
        error = str(dialog.query_one("#bulletin-error", Static).render())
        assert "文件夹不存在" in error and NO_SUCH_USER in error
