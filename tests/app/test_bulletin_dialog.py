"""The bulletin dialog (`b`) as a user drives it: the keys its hint names pick the format, the default
month is one the data covers, and the folder of the last bulletin is remembered like the export one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Input, Static

from console.core.config import load_settings, save_state
from console.outputs.bulletin import default_month
from tests.support.app import make_app, ready
from widgets.dialogs import BulletinChoice, BulletinDialog, MarkedRadioButton


def _text(dialog: BulletinDialog, selector: str) -> str:
    return str(dialog.query_one(selector, Static).render())


def test_the_default_month_is_the_newest_the_data_covers(dataset) -> None:
    # The sample ends in 2026Q3: its bulletins run to 2026-11 (2026-12 rests on 2026Q4), so in November
    # the bulletin is November's, and later still it is November's, the latest the data supports.
    assert dataset.manifest.as_of == "2026Q3"
    assert default_month(dataset, date(2026, 11, 26)) == ("2026-11", False)
    assert default_month(dataset, date(2027, 2, 1)) == ("2026-11", True)
    # Before the data ends (the as-of quarter still running) it is this month.
    assert default_month(dataset, date(2026, 8, 3)) == ("2026-08", False)
    assert default_month(dataset, date(2026, 9, 30)) == ("2026-09", False)


async def test_the_hints_keys_pick_word_and_enter_writes_it(data_dir: Path, tmp_path: Path) -> None:
    """The walk needed Right Right Space to pick Word while the hint named only Tab/Enter/Esc."""
    app = make_app(data_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("b")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, BulletinDialog)
        hint = _text(dialog, "#bulletin-keys")
        assert all(key in hint for key in ("Tab", "左右键", "Enter", "Esc"))
        month, from_data = default_month(app.dataset, date.today())
        assert dialog.query_one("#period", Input).value == month
        if from_data:  # the dialog says where the month came from
            assert "数据截至 2026Q3" in _text(dialog, "#bulletin-month-note")
        dialog.query_one("#bulletin-folder", Input).value = str(tmp_path)
        await pilot.press("tab", "right", "right", "enter")  # as the hint says: no Space
        await ready(pilot)
        assert not isinstance(app.screen, BulletinDialog)
        assert [p.suffix for p in tmp_path.iterdir() if p.suffix != ".toml"] == [".docx"]


async def test_the_bulletins_folder_is_remembered(data_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "bulletins"
    folder.mkdir()
    app = make_app(data_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("b")
        await pilot.pause()
        app.screen.query_one("#bulletin-folder", Input).value = str(folder)
        await pilot.press("enter")
        await ready(pilot)
        assert any(p.suffix == ".md" for p in folder.iterdir())
        await pilot.press("b")  # the same session: the dialog opens on the last bulletin's folder
        await pilot.pause()
        assert app.screen.query_one("#bulletin-folder", Input).value == str(folder)
        await pilot.press("escape")
        preferences = app.state.preferences(app.settings)
    assert preferences["bulletin_folder"] == str(folder)
    save_state(preferences)  # what quitting writes: the next session starts there too
    assert load_settings(data_dir=data_dir).bulletin_folder == str(folder)


def _chosen(dialog: BulletinDialog) -> list[str]:
    """The formats the dialog draws as chosen (``(*)``), as a user reads them."""
    return [
        str(button.label) for button in dialog.query("#bulletin-format MarkedRadioButton") if button.value
    ]


@pytest.mark.parametrize("start", ["md", "xlsx", "docx"])
async def test_exactly_one_format_is_chosen_whatever_the_keys_or_clicks(start: str) -> None:
    """The dialog showed Markdown and XLSX both chosen after one Right (and a reopened dialog lost
    its format): at every step exactly one format reads ``(*)``, and it is the one Enter writes."""
    names = {"md": "Markdown", "xlsx": "XLSX", "docx": "Word"}

    class Host(App[None]):
        def on_mount(self) -> None:
            initial = BulletinChoice("2026-09", start, ".")
            self.push_screen(BulletinDialog("zh", "2026-09", ".", initial))

    app = Host()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, BulletinDialog)
        assert _chosen(dialog) == [names[start]]
        dialog.query_one("#bulletin-format").focus()
        await pilot.pause()
        for key in ("right", "right", "right", "left", "left", "down", "up"):
            await pilot.press(key)
            assert len(_chosen(dialog)) == 1, key
        for name in ("Word", "Markdown", "XLSX", "XLSX", "Word"):
            button = next(b for b in dialog.query(MarkedRadioButton) if str(b.label) == name)
            await pilot.click(button)
            assert _chosen(dialog) == [name]
        results: list[BulletinChoice | None] = []
        dialog.dismiss = results.append  # type: ignore[method-assign]
        await pilot.press("enter")
        assert results and results[0] is not None and results[0].fmt == "docx"
