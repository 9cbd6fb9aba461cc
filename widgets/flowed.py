"""A line of items (a legend's "mark meaning" pairs) wrapped by whole items at the width it is drawn in."""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from console.present.fit import flow


class Flowed:
    """``items`` side by side, ``gap`` cells apart; an item goes to the next line whole (``fit.flow``)."""

    def __init__(self, items: list[str], style: str = "", gap: int = 2) -> None:
        self.items, self.style, self.gap = items, style, gap

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        whole = sum(cell_len(i) for i in self.items) + self.gap * max(0, len(self.items) - 1)
        return Measurement(min(options.max_width, max((cell_len(i) for i in self.items), default=0)), whole)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in flow(self.items, max(1, options.max_width), self.gap):
            yield Text(line, style=self.style, no_wrap=True, overflow="crop")
