"""The console's screen as an SVG the way the terminal shows it (the palette's screenshot, an export's
SVG and ``devzones export --format svg``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:

    class Drawn(Protocol):
        def export_screenshot(self, *, title: str | None = None) -> str: ...


def true_screenshot(app: Drawn) -> str:
    """The screen as SVG, each wide (Chinese) character two cells wide as on the terminal, its fonts
    the reader's own (nothing loaded from the network)."""
    from console.outputs.svg_widths import local_fonts, true_widths

    return local_fonts(true_widths(app.export_screenshot()))
