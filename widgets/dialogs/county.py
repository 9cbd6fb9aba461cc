"""The county filter dialog (``c``): tick counties, filtered by name, pinyin or initials."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static

from console.core.text import clean
from console.words import Lang, in_lang_of
from console.words.dialogs import DIALOGS
from widgets.dialogs.parts import CHECKED, UNCHECKED, fit_list
from widgets.keybar import widget_bindings


def county_matches(query: str, zh_name: str, en_name: str | None) -> bool:
    """Whether a typed filter matches a county: part of its Chinese or English name, its pinyin
    (``suiping``) or the initials of its pinyin (``sp``), ignoring case and spaces."""
    from console.present.collation import name_matches

    return name_matches(query, zh_name, en_name)


class CountyFilter(Input):
    """The county dialog's filter field: Space ticks the highlighted county (the filter ignores
    spaces), so "type, then Space" picks what was typed."""

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "space":
            event.stop()
            event.prevent_default()
            await self.run_action("screen.toggle_county")
            return
        await super()._on_key(event)


class CountyDialog(ModalScreen[tuple[str, ...] | None]):
    """Pick one, several or all counties. Typing filters the list; Space checks or unchecks the county
    under the cursor, Ctrl+A checks (or unchecks) every county shown, and the dialog stays open for
    both; Enter applies (none checked means all counties); Esc cancels.

    Ctrl+A, not ``a``: every letter typed is part of the filter (``a`` is in most pinyin, ``shangcai``),
    so a letter cannot also be a command; Ctrl+A works in the list and in the filter alike."""

    BINDINGS = widget_bindings("county_dialog")  # from the key catalogue
    DEFAULT_CSS = """
    CountyDialog { align: center middle; }
    CountyDialog > Vertical { width: 60; max-width: 100%; height: auto; max-height: 90%; border: round $accent; background: $surface; padding: 0 1; }
    CountyDialog #county-filter { margin: 1 0 0 0; }
    CountyDialog OptionList { height: auto; max-height: 16; }
    CountyDialog #county-count { text-style: italic; }
    """

    def __init__(self, counties: list[tuple[str, str]], chosen: tuple[str, ...], lang: Lang) -> None:
        super().__init__()
        self.counties = counties
        self.chosen = chosen
        self.lang = lang
        self.checked: set[str] = set(chosen)
        self.shown: list[tuple[str, str]] = list(counties)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(DIALOGS("county_title", self.lang), style="bold"))
            # Two short lines, each within the dialog at 80 columns: no phrase is cut by a wrap.
            yield Static(Text(DIALOGS("county_hint", self.lang)), id="county-hint")
            yield Static(Text(DIALOGS("county_keys", self.lang)), id="county-keys")
            yield CountyFilter(
                placeholder=DIALOGS("county_placeholder", self.lang),
                compact=True,
                select_on_focus=False,  # a key typed in the list goes on the end of the filter
                id="county-filter",
            )
            yield OptionList(*(self._prompt(c) for c in self.shown), compact=True)
            yield Static(id="county-count")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self._count()
        self.on_resize()

    def on_resize(self) -> None:
        fit_list(self, 8, 16)  # border 2, title, two hints, filter with its margin, summary

    def _prompt(self, county: tuple[str, str]) -> Text:
        zh_name, en = county
        mark = CHECKED if zh_name in self.checked else UNCHECKED
        return Text(f"{mark} {clean(in_lang_of(zh_name, en, self.lang))}")

    def _count(self) -> None:
        n, total = len(self.checked), len(self.counties)
        if n == 0 or n == total:
            line = DIALOGS("county_all", self.lang, total=total)
        else:
            line = DIALOGS("county_checked", self.lang, n=n, total=total)
        if len(self.shown) != total:
            line += DIALOGS("county_shown", self.lang, n=len(self.shown))
        self.query_one("#county-count", Static).update(Text(line))

    def _redraw(self, highlight: int | None) -> None:
        options = self.query_one(OptionList)
        options.set_options(self._prompt(c) for c in self.shown)
        if self.shown:
            options.highlighted = min(highlight or 0, len(self.shown) - 1)
        self._count()

    def on_input_changed(self, event: Input.Changed) -> None:
        query = event.value
        self.shown = [c for c in self.counties if county_matches(query, c[0], c[1])]
        self._redraw(0)

    def on_key(self, event: events.Key) -> None:
        """Type to filter: a printable key pressed in the list goes to the filter field."""
        if not isinstance(self.focused, OptionList) or not event.is_printable or not event.character:
            return
        if event.character == " ":  # Space ticks (CountyFilter does the same in the field)
            return
        field = self.query_one("#county-filter", Input)
        field.focus()
        field.insert_text_at_cursor(event.character)
        event.stop()
        event.prevent_default()

    def action_to_list(self) -> None:
        self.query_one(OptionList).focus()

    def action_toggle_county(self) -> None:
        options = self.query_one(OptionList)
        index = options.highlighted
        if index is None or not self.shown:
            return
        zh_name = self.shown[index][0]
        self.checked.symmetric_difference_update({zh_name})
        options.replace_option_prompt_at_index(index, self._prompt(self.shown[index]))
        self._count()

    def action_toggle_all(self) -> None:
        names = {c[0] for c in self.shown}
        if names <= self.checked:
            self.checked -= names
        else:
            self.checked |= names
        self._redraw(self.query_one(OptionList).highlighted)

    def action_apply(self) -> None:
        typed = self.query_one("#county-filter", Input).value.strip()
        if typed and len(self.shown) == 1 and self.checked == set(self.chosen):
            # Typed down to one county and ticked nothing: that county is the choice.
            self.dismiss((self.shown[0][0],) if len(self.counties) > 1 else ())
            return
        selected = tuple(c[0] for c in self.counties if c[0] in self.checked)
        self.dismiss(() if len(selected) == len(self.counties) else selected)

    def action_cancel(self) -> None:
        self.dismiss(None)
