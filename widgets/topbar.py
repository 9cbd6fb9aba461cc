"""The console's top line: title, as-of period, the sample-data badge, year and county filter."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.console import OverflowMethod
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from console.core.text import clean
from console.present.formatter import Formatter
from widgets.ascii import ascii_mode


class TopBar(Static):
    """``plain`` holds the line's text, for tests and screen readers."""

    plain = ""

    DEFAULT_CSS = """
    TopBar { height: 1; background: $primary-background; color: $text; }
    """

    def show(
        self, title: str, as_of: str, sample_badge: str | None, year: int | None, scope: str, status: str = ""
    ) -> None:
        """Compose the line from plain text; nothing in it is parsed as markup.

        The facts (sample badge, as-of, year, counties) always show; the title gives way. Title, as-of
        and scope come from data files: they pass console.core.text.clean (no terminal escapes).
        """
        title, as_of, scope, status = clean(title), clean(as_of), clean(scope), clean(status)
        ascii_only = ascii_mode(self)
        f = Formatter(ascii_only=ascii_only)
        title, as_of, scope, status = f.text(title), f.text(as_of), f.text(scope), f.text(status)
        dot = f.dot
        cut: OverflowMethod = "crop" if ascii_only else "ellipsis"  # Rich's ellipsis is always "…"
        facts = Text(no_wrap=True)
        if sample_badge:
            facts.append(f" {sample_badge} ", style="bold reverse")
            facts.append(" ")
        facts.append(as_of)
        if year is not None:
            facts.append(f" {dot} {year}")
        if scope:
            facts.append(f" {dot} {scope}")
        if status:
            facts.append(f" {status}", style="italic")
        facts.append(" ")
        shown = title
        room = self.size.width - facts.cell_len - 1
        if ascii_only and room > 3 and cell_len(title) > room:  # cut with "..." (Rich would use "…")
            shown = set_cell_size(title, room - len(f.ellipsis)).rstrip() + f.ellipsis
        grid = Table.grid(expand=True)
        grid.add_column(ratio=1, no_wrap=True, overflow=cut)
        grid.add_column(no_wrap=True, justify="right")
        grid.add_row(Text(f" {shown}", style="bold", no_wrap=True, overflow=cut), facts)
        self.plain = f"{title} {facts.plain}"
        self._shown_with = (title, as_of, sample_badge, year, scope, status)
        self.update(grid)

    def on_resize(self) -> None:
        """In --ascii the title is cut to the width by hand: cut it again for the new width."""
        shown_with = getattr(self, "_shown_with", None)
        if shown_with is not None and ascii_mode(self):
            self.show(*shown_with)
