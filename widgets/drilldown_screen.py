"""The drill-down screen: a zone, cluster, task or indicator in full, from Blocks content. Esc goes back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

if TYPE_CHECKING:
    from widgets.drilldown_panel import DetailContent
from widgets.chart import Chart
from widgets.keybar import KeyBar, bindings


class DetailScreen(Screen[None]):
    """A title, tables, at most one chart and closing notes, all built by the caller."""

    BINDINGS = bindings("drilldown")  # from the key catalogue
    DEFAULT_CSS = """
    DetailScreen VerticalScroll { padding: 0 1; }
    DetailScreen .title { text-style: bold; }
    DetailScreen Chart { height: 14; }
    """

    def __init__(self, content: DetailContent, ascii_only: bool = False, lang: str = "zh") -> None:
        super().__init__()
        self.content = content
        self.heading = content.title
        self.ascii_only = ascii_only
        self.lang = lang

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self.content.title, classes="title")
            for block in self.content.before:
                yield Static(block)
            empty = "无数据" if self.lang == "zh" else "no data"
            for series, title in self.content.charts:
                yield Chart(series, title, self.ascii_only, empty)
            for block in self.content.after:
                yield Static(block)
        yield KeyBar(context="drilldown", lang=self.lang)

    def action_back(self) -> None:
        self.dismiss(None)
