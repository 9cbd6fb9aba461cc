"""The bottom line: the keys that work where the user is, in the console's language.

Keys and words come from console.present.keys (the one catalogue); so do the Textual bindings
(``bindings``). The bar follows the focus: the search box, or the active tab; a drill-down passes
its context when it builds its bar. Under a dialog it is blank: its keys do not reach the screen
behind (the dialog says its own keys); the screen redraws it when the dialog closes (``redraw``).
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import Input, Static, TabbedContent

from console.present.keys import WIDGET_BINDS, entries, fallback_binds, key_bar
from console.words import Lang
from console.words.widgets import WIDGETS
from widgets.ascii import ascii_mode


def bindings(owner: str = "app") -> list[BindingType]:
    """The Textual bindings of ``owner`` ("app", "table", "drilldown"), from the catalogue."""
    own: list[BindingType] = [
        Binding(bind.key, bind.action, f"{entry.zh} {entry.en}", show=False, priority=bind.priority)
        for entry in entries(owner)
        for bind in entry.binds
    ]
    if owner == "app":  # a widget's character key where that widget is not: says where it works
        own += [Binding(key, f"elsewhere({action!r})", show=False) for key, action in fallback_binds()]
    return own


def widget_bindings(owner: str) -> list[BindingType]:
    """The Textual bindings a dialog or widget makes for itself (``owner``: a key of the catalogue's
    ``WIDGET_BINDS``)."""
    return [
        Binding(b.key, b.action, " ".join(WIDGETS.pair(f"bind_{b.words}")), show=b.show, priority=b.priority)
        for b in WIDGET_BINDS[owner]
    ]


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar { height: 1; background: $panel; }
    """

    def __init__(self, context: str | None = None, lang: Lang = "zh", id: str | None = None) -> None:
        super().__init__(id=id)
        self.fixed_context = context
        self.lang = lang
        self.note = ""
        self.lacking: frozenset[str] = (
            frozenset()
        )  # conditions (console.present.keys' conditions) that do not hold

    def on_mount(self) -> None:
        self.watch(self.screen, "focused", self._focus_changed, init=False)
        self._draw()

    def _focus_changed(self, focused: Widget | None) -> None:
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    @property
    def context(self) -> str:
        """Where the user is: the drill-down given at construction, the search box, or the active tab."""
        if self.fixed_context:
            return self.fixed_context
        if isinstance(self.screen.focused, Input):
            return "search"
        try:
            return self.screen.query_one(TabbedContent).active or "overview"
        except NoMatches:
            return "overview"

    def show(self, lang: Lang, extra: str = "", lacking: frozenset[str] = frozenset()) -> None:
        """Redraw in ``lang`` with ``extra`` (the active search or unit filter) after the keys,
        leaving off the keys whose condition is in ``lacking``."""
        self.lang, self.note, self.lacking = lang, extra, lacking
        self._draw()

    def redraw(self) -> None:
        """Draw again (the screen calls it when a dialog opens over it or closes)."""
        self._draw()

    def _draw(self) -> None:
        if not self.is_attached:
            return
        if self.screen is not self.app.screen:  # a dialog is open over this screen
            self.update(Text())
            return
        width = self.size.width or self.app.size.width
        layout = key_bar(self.context, self.lang, width, self.note, self.lacking)
        line = Text(no_wrap=True, overflow="crop" if ascii_mode(self) else "ellipsis")
        for key, word in layout.items:
            line.append(f" {key}", style="bold")
            line.append(f" {word} ")
        if layout.note:
            line.append(f" {layout.note}", style="italic")
        self.update(line)
