"""The help screen (``?``): every key from the key catalogue, and the legend of the marks."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from console.present.formatter import Formatter
from console.present.keys import help_groups
from console.present.labels import text
from widgets.dialogs.parts import Wrapped

# The legend's lines after the status marks (those come from Formatter.status_legend).
LEGEND = {
    "zh": [
        "行首 ! 表示该开发区未达或可能未达档级、星级或营收目标。",
        "“一→二档”：目标一档，实际（或最新结果）二档；“营收/进度”：累计完成占年度目标 / 按进度应完成比例。",
        text("sample_notice", "zh"),  # the catalogue's words, as the overview says them
    ],
    "en": [
        "A leading ! marks a zone missing, or at risk of missing, its tier, star or revenue target.",
        "'T1→T2': target tier 1, result (or latest result) tier 2; 'Rev/pace': year to date as a share of the year's target / share due by now.",
        text("sample_notice", "en"),
    ],
}


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "close", "Close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90%; max-width: 100; height: auto; max-height: 90%; border: round $accent; background: $surface; padding: 0 1; }
    """

    def __init__(self, tab: str, lang: str, ascii_only: bool) -> None:
        super().__init__()
        self.tab = tab
        self.lang = lang
        self.ascii_only = ascii_only

    def compose(self) -> ComposeResult:
        zh = self.lang == "zh"
        f = Formatter(self.lang, self.ascii_only)
        groups = help_groups(self.lang)  # every key, from the key catalogue
        key_width = max(cell_len(f.text(key)) for _, keys in groups for key, _ in keys)
        parts: list[Text | Table] = [Text("按键（Esc 关闭）" if zh else "Keys (Esc closes)", style="bold")]
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
