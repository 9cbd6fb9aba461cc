"""The drill-down screen: a zone, cluster, task or indicator in full, from Blocks content. Esc goes back.

The screen keeps what it shows (``source``: the table and row key) so that the app can rebuild its
content after a change of language, year or data and hand it to ``show``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

if TYPE_CHECKING:
    from widgets.drilldown_panel import DetailContent
from console.words import Lang
from console.words.widgets import WIDGETS
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

    def __init__(
        self,
        content: DetailContent,
        ascii_only: bool = False,
        lang: Lang = "zh",
        source: tuple[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.content = content
        self.heading = content.title
        self.ascii_only = ascii_only
        self.lang = lang
        self.source = source  # (table, row key) the content was built for

    async def show(self, content: DetailContent, lang: Lang) -> None:
        """Draw new content (the same row in another language, year or data), keeping the scroll."""
        self.content, self.heading, self.lang = content, content.title, lang
        scroll = self.query_one(VerticalScroll)
        y = scroll.scroll_y
        await self.recompose()
        self.call_after_refresh(self.query_one(VerticalScroll).scroll_to, y=y, animate=False)

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self.content.title, classes="title")
            for block in self.content.before:
                yield Static(block)
            empty = WIDGETS("chart_empty", self.lang)
            for series, title in self.content.charts:
                yield Chart(series, title, self.ascii_only, empty)
            for block in self.content.after:
                yield Static(block)
        yield KeyBar(context="drilldown", lang=self.lang)

    def on_screen_suspend(self) -> None:
        """Help opened over the drill-down: its key bar is blank until it closes (widgets.keybar)."""
        self.query_one(KeyBar).redraw()

    on_screen_resume = on_screen_suspend

    def action_back(self) -> None:
        self.dismiss(None)
