"""The responsible-unit dialog (``u`` on the tasks tab): a unit, and which of its tasks count."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, RadioSet, Static

from console.core.text import clean
from console.present.fit import wrap_words
from console.present.labels import unit_choice, unit_name, unit_of, unit_role
from console.words import Lang
from console.words.dialogs import DIALOGS
from widgets.dialogs.parts import MarkedRadioButton, PickingRadioSet, fit_list
from widgets.keybar import widget_bindings

UNIT_TEXT_WIDTH = 36  # the unit dialog's 40 cells less its border and the list's scrollbar


class UnitDialog(ModalScreen[str | None]):
    """Pick one responsible unit to filter the tasks by (or all); it opens on the unit chosen now.
    Above the list, which of the unit's tasks count: those it leads or takes part in (the default), or
    those it leads only (Tab goes there, the arrow keys pick). It returns the filter's value
    (labels.unit_choice)."""

    BINDINGS = widget_bindings("unit_dialog")  # from the key catalogue
    DEFAULT_CSS = """
    UnitDialog { align: center middle; }
    UnitDialog > Vertical { width: 40; height: auto; max-height: 90%; border: round $accent; background: $surface; }
    UnitDialog OptionList { height: auto; max-height: 18; }
    UnitDialog RadioSet { height: auto; width: 100%; }
    """

    def __init__(self, units: list[str], lang: Lang, current: str = "") -> None:
        super().__init__()
        self.units = units
        self.lang = lang
        self.current, self.lead_only = unit_of(current)

    def compose(self) -> ComposeResult:
        everyone = DIALOGS("unit_all", self.lang)
        with Vertical():
            yield Static(Text(DIALOGS("unit_title", self.lang)))
            with PickingRadioSet(id="unit-role", compact=True):
                for lead_only in (False, True):
                    yield MarkedRadioButton(
                        unit_role(lead_only, self.lang), value=lead_only == self.lead_only
                    )
            yield OptionList(Text(everyone), *(self.prompt(u) for u in self.units), compact=True)
            yield Static(Text(DIALOGS("unit_keys", self.lang), style="italic"))

    def prompt(self, unit: str) -> Text:
        """A unit's name; a long one wrapped with its continuation lines indented, so that
        "Municipal Development and Reform / Commission" never reads as two units."""
        lines = wrap_words(clean(unit_name(unit, self.lang)), UNIT_TEXT_WIDTH - 2)
        return Text("\n  ".join(lines))

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = self.units.index(self.current) + 1 if self.current in self.units else 0
        options.focus()
        self.on_resize()

    def on_resize(self) -> None:
        fit_list(self, 7, 18)  # border 2, title, the tasks' choice (two lines), hint (two lines at most)

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def on_key(self, event: events.Key) -> None:
        # Enter on the tasks' choice picks the unit under the list's cursor, as Enter in the list does.
        if event.key == "enter" and isinstance(self.focused, RadioSet):
            event.stop()
            options = self.query_one(OptionList)
            self._pick(options.highlighted or 0)

    def _pick(self, index: int) -> None:
        lead_only = self.query_one("#unit-role", RadioSet).pressed_index == 1
        self.dismiss("" if index == 0 else unit_choice(self.units[index - 1], lead_only))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._pick(event.option_index)

    def action_cancel(self) -> None:
        self.dismiss(None)
