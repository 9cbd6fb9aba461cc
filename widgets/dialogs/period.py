"""The dialog of quarters the changes mode compares with (``D``)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static

from console.words import Lang
from console.words.dialogs import DIALOGS
from widgets.dialogs.parts import fit_list
from widgets.keybar import widget_bindings


class PeriodDialog(ModalScreen[str | None]):
    """Pick the quarter the changes mode compares with (newest first); Enter picks, Esc cancels."""

    BINDINGS = widget_bindings("period_dialog")  # from the key catalogue
    DEFAULT_CSS = """
    PeriodDialog { align: center middle; }
    PeriodDialog > Vertical { width: 44; height: auto; max-height: 90%; border: round $accent; background: $surface; }
    PeriodDialog OptionList { height: auto; max-height: 14; }
    """

    def __init__(self, periods: list[str], current: str | None, to: str, lang: Lang) -> None:
        super().__init__()
        self.periods, self.current, self.to, self.lang = periods, current, to, lang

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(DIALOGS("period_title", self.lang, to=self.to)))
            marks = [("(*) " if p == self.current else "( ) ") + p for p in self.periods]
            yield OptionList(*(Text(m) for m in marks), compact=True)
            yield Static(Text(DIALOGS("period_keys", self.lang), style="italic"))

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = self.periods.index(self.current) if self.current in self.periods else 0
        options.focus()
        self.on_resize()

    def on_resize(self) -> None:
        fit_list(self, 4, 14)  # border 2, title, hint

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.periods[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
