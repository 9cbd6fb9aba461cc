"""The console's top line: title, as-of period, the sample-data badge, year and county filter."""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from console.core.text import clean
from console.present.formatter import Formatter
from console.present.top_line import TopLine, fit_top_line
from widgets.ascii import ascii_mode


@dataclass(frozen=True)
class Shorter:
    """The short forms the line falls back on when narrow (console.present.top_line)."""

    period: str = ""  # the as-of period alone ("2026Q3")
    counties: str = ""  # the county filter as a count ("3个县区"); empty: no filter
    badge: str = ""  # the sample badge's short form


class TopBar(Static):
    """``plain`` holds the line's whole text (every part), for tests and screen readers."""

    plain = ""

    DEFAULT_CSS = """
    TopBar { height: 1; background: $primary-background; color: $text; }
    """

    def show(
        self,
        title: str,
        as_of: str,
        sample_badge: str | None,
        year: int | str | None,
        scope: str,
        status: str = "",
        shorter: Shorter | None = None,
    ) -> None:
        """Compose the line from plain text; nothing in it is parsed as markup.

        When the line is too wide its parts give way whole (console.present.top_line): the title
        first, never leaving half a bracket. Title, as-of and scope come from data files: they pass
        console.core.text.clean (no terminal escapes).
        """
        self._shown_with = (title, as_of, sample_badge, year, scope, status, shorter)
        ascii_only = ascii_mode(self)
        f = Formatter(ascii_only=ascii_only)

        def tidy(value: str) -> str:
            return f.text(clean(value))

        shorter = shorter or Shorter()
        full = TopLine(
            tidy(title),
            tidy(sample_badge or ""),
            tidy(as_of),
            "" if year is None else tidy(str(year)),
            tidy(scope),
            tidy(status),
            f.dot,
        )
        width = self.size.width or self.app.size.width
        line = fit_top_line(
            full,
            width,
            as_of_period=tidy(shorter.period or full.as_of),
            counties_short=tidy(shorter.counties),
            badge_short=tidy(shorter.badge),
            all_counties=not shorter.counties,
            ellipsis=f.ellipsis,
        )
        facts = Text(no_wrap=True, overflow="crop")
        for piece, style in line.facts():
            facts.append(piece, style=style)
        grid = Table.grid(expand=True)
        grid.add_column(ratio=1, no_wrap=True, overflow="crop")
        grid.add_column(no_wrap=True, justify="right")
        grid.add_row(Text(f" {line.title}" if line.title else "", style="bold", no_wrap=True), facts)
        self.plain = f"{full.title} {Text.assemble(*full.facts()).plain}"
        self.update(grid)

    def on_resize(self) -> None:
        """The parts that fit depend on the width: fit them again."""
        shown_with = getattr(self, "_shown_with", None)
        if shown_with is not None:
            self.show(*shown_with)
