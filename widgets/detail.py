"""Drill-down screens: a zone, a cluster or a task in full. Esc goes back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

if TYPE_CHECKING:
    from console.details import Series
from widgets.chart import Chart
from widgets.keybar import KeyBar


class DetailScreen(Screen[None]):
    """Shows a title, tables and at most one chart, all built by the caller from plain data."""

    BINDINGS = [Binding("escape,q", "back", "Back")]
    DEFAULT_CSS = """
    DetailScreen VerticalScroll { padding: 0 1; }
    DetailScreen .title { text-style: bold; }
    DetailScreen Chart { height: 14; }
    """

    def __init__(
        self,
        title: Text,
        blocks: list[Table | Text],
        chart: tuple[Series, ...] = (),
        chart_title: str = "",
        ascii_only: bool = False,
        lang: str = "zh",
        after: list[Table | Text] | None = None,
    ) -> None:
        super().__init__()
        self.heading = title
        self.blocks = blocks
        self.after = after or []
        self.chart = chart
        self.chart_title = chart_title
        self.ascii_only = ascii_only
        self.lang = lang

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self.heading, classes="title")
            for block in self.blocks:
                yield Static(block)
            if self.chart:
                yield Chart(
                    self.chart,
                    self.chart_title,
                    self.ascii_only,
                    "无数据" if self.lang == "zh" else "no data",
                )
            for block in self.after:
                yield Static(block)
        bar = KeyBar()
        yield bar

    def on_mount(self) -> None:
        text = Text(" Esc ", style="bold")
        text.append("返回" if self.lang == "zh" else "back")
        self.query_one(KeyBar).update(text)

    def action_back(self) -> None:
        self.dismiss(None)
