"""The monthly bulletin dialog (``b``): month, format, layout, number and folder."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, RadioSet, Static

from console.core.text import clean
from console.words import Lang
from console.words.bulletin import BULLETIN
from console.words.dialogs import DIALOGS
from widgets.dialogs.parts import MarkedRadioButton, PickingRadioSet, failed_mark
from widgets.keybar import widget_bindings


@dataclass(frozen=True)
class BulletinChoice:
    period: str
    fmt: str
    folder: str
    style: str = "gongwen"  # the Word/PDF layout: 公文 or 情况通报
    number: str = ""  # the 发文字号's or 期号's number as typed; empty: the series' next


# The formats the dialog offers, in order; PDF only where LibreOffice is installed.
FORMATS = ("md", "xlsx", "docx", "pdf")
STYLES = ("gongwen", "tongbao")


class BulletinDialog(ModalScreen[BulletinChoice | None]):
    """The monthly bulletin: month, format, layout (公文 or 情况通报, for Word and PDF), number (empty:
    the series' next) and folder; the arrow keys pick, Enter writes it, Esc cancels. ``month_note``
    says where the default month comes from; ``pdf`` offers PDF (LibreOffice is installed);
    ``style`` is the config's layout. ``initial`` and ``error`` reopen it after a failure with the
    user's choices kept and the reason shown in it."""

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
        pdf: bool = False,
        style: str = "gongwen",
        served: bool = False,
    ) -> None:
        super().__init__()
        self.served = served  # in a browser: the file is a download, no folder to choose
        self.lang = lang
        self.month_note = month_note
        self.period = initial.period if initial else period
        self.folder = initial.folder if initial else folder
        self.fmt = initial.fmt if initial else "md"
        self.style = initial.style if initial else style
        self.number = initial.number if initial else ""
        self.formats = FORMATS if pdf else FORMATS[:-1]
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
                for fmt in self.formats:
                    yield MarkedRadioButton(BULLETIN(f"dialog_{fmt}", lang), value=self.fmt == fmt)
            with PickingRadioSet(id="bulletin-style", compact=True):
                for style in STYLES:
                    yield MarkedRadioButton(BULLETIN(f"dialog_{style}", lang), value=self.style == style)
            yield Static(Text(BULLETIN("dialog_number", lang)))
            hint = BULLETIN("dialog_number_hint", lang)
            yield Input(self.number, placeholder=hint, id="bulletin-number", compact=True)
            yield Static(Text(DIALOGS("folder", lang)))
            if self.served:
                yield Static(Text(self.folder), id="bulletin-folder-served")
            else:
                yield Input(self.folder, id="bulletin-folder", compact=True)
            if self.error:
                lead = DIALOGS("bulletin_failed_lead", lang)
                mark = failed_mark(self)
                yield Static(Text(f"{mark} {lead}{clean(self.error)}", style="bold"), id="bulletin-error")

    def action_write(self) -> None:
        fmt = self.formats[max(0, self.query_one("#bulletin-format", RadioSet).pressed_index)]
        style = STYLES[max(0, self.query_one("#bulletin-style", RadioSet).pressed_index)]
        folder = (
            self.folder if self.served else self.query_one("#bulletin-folder", Input).value.strip() or "."
        )
        number = self.query_one("#bulletin-number", Input).value.strip()
        period = self.query_one("#period", Input).value.strip()
        self.dismiss(BulletinChoice(period, fmt, folder, style, number))

    def action_cancel(self) -> None:
        self.dismiss(None)
