"""The help screen (``?``): every key from the key catalogue, and the legend of the marks."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from console.present.formatter import Formatter
from console.present.keys import help_groups
from console.present.labels import text
from console.words import LANGS, Lang
from console.words.dialogs import DIALOGS
from widgets.dialogs.parts import Wrapped
from widgets.keybar import widget_bindings

# The legend's lines after the status marks (those come from Formatter.status_legend).
# The sample notice is the catalogue's words, as the overview says them.
LEGEND = {
    lang: [DIALOGS("help_leading_mark", lang), DIALOGS("help_tiers", lang), text("sample_notice", lang)]
    for lang in LANGS
}


class HelpScreen(ModalScreen[None]):
    BINDINGS = widget_bindings("help_screen")  # from the key catalogue
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90%; max-width: 100; height: auto; max-height: 90%; border: round $accent; background: $surface; padding: 0 1; }
    """

    def __init__(self, tab: str, lang: Lang, ascii_only: bool) -> None:
        super().__init__()
        self.tab = tab
        self.lang = lang
        self.ascii_only = ascii_only

    def compose(self) -> ComposeResult:
        f = Formatter(self.lang, self.ascii_only)
        groups = help_groups(self.lang)  # every key, from the key catalogue
        key_width = max(cell_len(f.text(key)) for _, keys in groups for key, _ in keys)
        parts: list[Text | Table] = [Text(DIALOGS("help_title", self.lang), style="bold")]
        for title, keys in groups:
            table = Table(show_header=False, box=None, pad_edge=False)
            table.add_column(width=key_width, no_wrap=True, style="bold")
            table.add_column(ratio=1)  # each description wraps under itself, between words
            for key, what in keys:
                table.add_row(Text(f.text(key)), Wrapped([f.text(what)]))
            parts += [Text(title, style="bold underline"), table]
        # The legend's groups ("✓ 达标 / 按时", three spaces apart) go to the next line whole.
        legend = [Wrapped(f.status_legend())]
        legend += [Wrapped(f.text(line).split("   ")) for line in LEGEND[self.lang]]
        with VerticalScroll():
            yield Static(Group(*parts))
            yield Static(Group(*legend))

    def action_close(self) -> None:
        self.dismiss(None)
