"""The monthly bulletin dialog (``b``): month, format and folder."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, RadioSet, Static

from console.core.text import clean
from console.words import Lang
from console.words.dialogs import DIALOGS
from widgets.dialogs.parts import MarkedRadioButton, PickingRadioSet, failed_mark
from widgets.keybar import widget_bindings


@dataclass(frozen=True)
class BulletinChoice:
    period: str
    fmt: str
    folder: str


class BulletinDialog(ModalScreen[BulletinChoice | None]):
    """The monthly bulletin: month, format and folder; the arrow keys pick the format, Enter writes it,
    Esc cancels. ``month_note`` says where the default month comes from. ``initial`` and ``error``
    reopen it after a failure with the user's choices kept and the reason shown in it."""

    BINDINGS = widget_bindings("bulletin_dialog")  # from the key catalogue
    DEFAULT_CSS = """
    BulletinDialog { align: center middle; }
    BulletinDialog > Vertical { width: 64; max-width: 100%; height: auto; border: round $accent; background: $surface; padding: 0 1; }
    BulletinDialog RadioSet { layout: horizontal; height: auto; width: 100%; margin: 1 0; }
    BulletinDialog RadioSet > RadioButton { width: auto; padding: 0 2 0 0; }
    BulletinDialog Input { width: 100%; }
    """

    def __init__(
        self,
        lang: Lang,
        period: str,
        folder: str,
        initial: BulletinChoice | None = None,
        error: str | None = None,
        month_note: str = "",
    ) -> None:
        super().__init__()
        self.lang = lang
        self.month_note = month_note
        self.period = initial.period if initial else period
        self.folder = initial.folder if initial else folder
        self.fmt = initial.fmt if initial else "md"
        self.error = error

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical():
            yield Static(Text(DIALOGS("bulletin_title", lang), style="bold"))
            yield Static(Text(DIALOGS("bulletin_keys", lang)), id="bulletin-keys")
            yield Static(Text(DIALOGS("bulletin_month", lang)))
            yield Input(self.period, id="period", compact=True)
            if self.month_note:
                yield Static(Text(clean(self.month_note), style="italic"), id="bulletin-month-note")
            with PickingRadioSet(id="bulletin-format", compact=True):
                yield MarkedRadioButton("Markdown", value=self.fmt == "md")
                yield MarkedRadioButton("XLSX", value=self.fmt == "xlsx")
                yield MarkedRadioButton("Word", value=self.fmt == "docx")
            yield Static(Text(DIALOGS("folder", lang)))
            yield Input(self.folder, id="bulletin-folder", compact=True)
            if self.error:
                lead = DIALOGS("bulletin_failed_lead", lang)
                mark = failed_mark(self)
                yield Static(Text(f"{mark} {lead}{clean(self.error)}", style="bold"), id="bulletin-error")

    def action_write(self) -> None:
        fmt = ("md", "xlsx", "docx")[max(0, self.query_one("#bulletin-format", RadioSet).pressed_index)]
        folder = self.query_one("#bulletin-folder", Input).value.strip() or "."
        self.dismiss(BulletinChoice(self.query_one("#period", Input).value.strip(), fmt, folder))

    def action_cancel(self) -> None:
        self.dismiss(None)
