"""The screen as the user sees it, read back from Textual's compositor."""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment

from widgets.keybar import KeyBar


def screen_lines(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The characters on screen, one string per line (the open dialog over what is behind it)."""
    return ["".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips()]


def screen_text(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(screen_lines(app))


def dialog_lines(lines: list[str]) -> list[str]:
    """The lines inside the round border of the dialog on top (its ╭ … ╰ box)."""
    top = next(i for i, line in enumerate(lines) if "╭" in line)
    bottom = next(i for i, line in enumerate(lines) if "╰" in line and i > top)
    left = cell_len(lines[top][: lines[top].index("╭")])
    right = cell_len(lines[top][: lines[top].index("╮")])
    out = []
    for line in lines[top + 1 : bottom]:
        rest = set_cells_from(line, left + 1)
        out.append(rest[: len(rest) - len(set_cells_from(rest, right - left - 1))])
    return out


def set_cells_from(line: str, start: int) -> str:
    """``line`` from its ``start``-th cell (CJK characters take two)."""
    cells = 0
    for i, ch in enumerate(line):
        if cells >= start:
            return line[i:]
        cells += cell_len(ch)
    return ""


def bar(app) -> str:  # type: ignore[no-untyped-def]
    """The key bar as drawn on screen (cut to the terminal's width)."""
    return app.query_one("#keybar", KeyBar).render_line(0).text


def filtered_lines(app, widget) -> list[list[Segment]]:  # type: ignore[no-untyped-def]
    """``widget``'s lines as the terminal gets them, after Textual's filters (NO_COLOR's greys)."""
    background = app.screen.styles.background
    lines = []
    for y in range(widget.size.height):
        strip = widget.render_line(y)
        for line_filter in app.get_line_filters():
            strip = strip.apply_filter(line_filter, background)
        lines.append([s for s in strip if s.text.strip()])
    return lines
