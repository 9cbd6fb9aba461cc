"""What the dialogs share: the checked mark, the failure mark, a list fitted to the terminal, radio
sets whose choice is a mark, and text wrapped whole (the help and the rankings' legend)."""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import OptionList, RadioButton, RadioSet

from console.present.fit import flow, narrowest
from widgets.ascii import ascii_mode
from widgets.keybar import widget_bindings

# Checked state is shown by a mark, not by colour: it reads the same under NO_COLOR and --ascii.
CHECKED, UNCHECKED = "[x]", "[ ]"


def failed_mark(node: DOMNode) -> str:
    """The mark before a failure, as the rest of the display draws it: ✗, or x under --ascii."""
    return "x" if ascii_mode(node) else "✗"


def fit_list(screen: Screen[Any], others: int, most: int) -> None:
    """Give a dialog's list the rows left once its ``others`` rows (title, hints, summary, border) are
    drawn, at most ``most``: on a short terminal the list scrolls and the summary stays in sight."""
    room = int(screen.size.height * 0.9) - others
    screen.query_one(OptionList).styles.max_height = max(3, min(most, room))


class Wrapped:
    """Text that wraps to the width it is given between words or Chinese characters, never inside an
    English word, never with a closing mark at a line's start (console.present.fit); given several
    groups, they sit three cells apart and go to the next line whole."""

    def __init__(self, groups: list[str], style: str = "") -> None:
        self.groups, self.style = groups, style

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = cell_len("   ".join(self.groups))
        return Measurement(min(max(narrowest(g) for g in self.groups), widest), widest)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines = flow(self.groups, options.max_width)
        yield Text("\n".join(lines), style=self.style, no_wrap=True, overflow="crop")


class MarkedRadioButton(RadioButton):
    """A radio button whose state is a mark, ``(*)`` or ``( )``, not a colour: the chosen option reads
    the same under NO_COLOR, in 16 colours and in --ascii (Textual's own button is a coloured ``●``)."""

    @property
    def _button(self) -> Content:
        return Content.styled("(*)" if self.value else "( )", "bold" if self.value else "")


class MarkedRadioSet(RadioSet):
    """A RadioSet whose cursor starts on the chosen option, not on the first (Textual's), so that
    Enter there, as the hint says, confirms the choice instead of quietly picking the first option."""

    def on_mount(self) -> None:
        self.call_after_refresh(self._cursor_on_choice)

    def _cursor_on_choice(self) -> None:
        if self.pressed_index >= 0:
            self._selected = self.pressed_index


class PickingRadioSet(MarkedRadioSet):
    """A MarkedRadioSet whose arrow keys pick the option they move to (as a radio group does in most
    programs), so that the choice needs no Space and Enter can act on the whole dialog.

    The keys get their own actions: Textual's RadioSet calls ``action_next_button`` itself when it
    mounts, and picking there (a toggle) switched the first option off or on behind the set's back,
    which left two options drawn chosen and lost a reopened dialog's format."""

    BINDINGS = widget_bindings("picking_radio_set")  # from the key catalogue

    def action_pick(self, step: int) -> None:
        if step > 0:
            self.action_next_button()
        else:
            self.action_previous_button()
        if self._selected is not None:
            # Switch on, never toggle: the set itself switches the previous choice off.
            self.query(RadioButton)[self._selected].value = True
