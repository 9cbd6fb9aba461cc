"""Text on one line that, when cut, says so with a mark of the symbol set: ``…``, or ``...`` under --ascii.

Rich's ``overflow="ellipsis"`` always draws ``…`` (not ASCII), so --ascii used ``crop`` and a cut label
(``营业收入超50亿元的主导``) did not show that it was cut.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.style import Style
from rich.text import Text

from console.present.fit import fit_text


class CutText:
    """``text`` measured as a one-line Rich Text, drawn cut with ``ellipsis`` where its column is narrower."""

    def __init__(self, text: str, ellipsis: str, style: str | Style = "") -> None:
        self.text, self.ellipsis, self.style = text, ellipsis, style

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, Text(self.text, no_wrap=True))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        shown = fit_text(self.text, width, self.ellipsis).rstrip(" ") if width > 0 else ""
        yield Text(shown, style=self.style, no_wrap=True, overflow="crop")
