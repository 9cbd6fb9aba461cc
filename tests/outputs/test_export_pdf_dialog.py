"""The console's export dialog offers PDF only where LibreOffice can make it (issue 22); a PDF that
cannot be made reopens the dialog with the reason, and nothing is written."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from console.outputs import pdf
from tests.support.app import make_app, ready
from widgets.dialogs import ExportDialog


def _screen_text(app) -> str:
    return "\n".join("".join(s.text for s in strip) for strip in app.screen._compositor.render_strips())


async def test_without_libreoffice_the_dialog_offers_no_pdf(data_dir: Path, monkeypatch) -> None:
    monkeypatch.setattr(pdf, "pdf_available", lambda: False)
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        text = _screen_text(app)
        assert isinstance(app.screen, ExportDialog) and "( ) SVG" in text and "PDF" not in text


async def test_a_pdf_that_cannot_be_made_reopens_the_dialog_with_the_reason(
    data_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(pdf, "pdf_available", lambda: True)  # offered ...
    monkeypatch.setattr(pdf, "soffice_path", lambda: None)  # ... but LibreOffice is gone when it runs
    app = make_app(data_dir, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert "( ) PDF" in _screen_text(app)
        await pilot.press(*["right"] * 5, "enter")  # from XLSX past Parquet, JSON, Markdown, SVG to PDF
        await pilot.pause()
        assert "(*) PDF" in _screen_text(app)
        assert app.screen.query_one("#name", Input).value.endswith(".pdf")
        app.screen.query_one("#folder", Input).value = str(tmp_path)
        await pilot.press("ctrl+s")
        await ready(pilot)
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        error = str(dialog.query_one("#export-error", Static).render())
        assert "LibreOffice" in error and "libreoffice-calc-nogui" in error
        assert not list(tmp_path.iterdir())
