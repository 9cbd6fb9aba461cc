"""Frames that write only what the terminal does not show yet (issue 24: the bytes a slow link carries).

Textual repaints more than changes: the whole screen when a layout changes (the scrollbar appearing
after the first layout, the screen's own refresh when it is first shown), every widget again after it
was first sized, every visible line of a page scrolled by one line. Each costs a full screen of bytes
(about 9 KB at 80x24) on a link where the user waits for them. ``TerminalCopy`` keeps a copy of the
cells the terminal shows (each cell's character and style, as Textual's own frames wrote them) and
turns each frame Textual makes into the cells that differ from it, as curses does:

- a run of lines that only moved up or down (a page or a table scrolled) is moved by the terminal
  itself, inside a scrolling region (DECSTBM, then line feeds or reverse index: VT100, in every
  terminal and multiplexer), and only the lines that come into view are written;
- in each line, only the stretches whose cells differ are written (two changed stretches closer than
  a cursor move apart are written as one).

The copy is trusted only while it is known to be what the terminal shows: a frame of another size,
an update of another kind or a resumed application (the terminal restored by another program) makes
the next frame a full one, as Textual writes it. Nothing here changes what is drawn, only how many
bytes draw it: frames are compared by cell (character and Rich style), and a style is rendered by
Textual's own ``Strip.render_style``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import get_character_cell_size
from rich.color import ColorSystem
from textual._compositor import ChopsUpdate, CompositorUpdate, LayoutUpdate
from textual.app import App
from textual.strip import Strip

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from rich.style import Style
    from textual.screen import Screen

Cell = tuple[str, "Style | None"]  # a character ("" for the right half of a wide one) and its style
BLANK: Cell = (" ", None)
# Unchanged cells between two changed stretches of a line that are written rather than skipped: a
# cursor move costs about this many bytes.
MERGE_GAP = 8
# The fewest lines a scroll must save to be done by the terminal (a scrolling region costs ~20 bytes).
LEAST_MOVED = 2
# The farthest a run of lines is looked for up or down (a line, a few lines, a jump of a page).
SHIFTS = (1, -1, 2, -2, 3, -3)


def strip_cells(strips: Iterable[Strip]) -> list[Cell]:
    """The cells ``strips`` draw, left to right."""
    cells: list[Cell] = []
    for strip in strips:
        for text, style, control in strip:
            if control:
                continue
            if text.isascii() and text.isprintable():
                cells.extend((ch, style) for ch in text)
                continue
            for ch in text:
                width = get_character_cell_size(ch)
                if width == 0:  # a combining mark: part of the cell before it
                    if cells:
                        cells[-1] = (cells[-1][0] + ch, cells[-1][1])
                    continue
                cells.append((ch, style))
                if width == 2:
                    cells.append(("", style))
    return cells


def render_cells(cells: list[Cell], console: Console) -> str:
    """The terminal sequences that draw ``cells``, a style's run at a time, as Textual's strips do."""
    color_system = console._color_system or ColorSystem.TRUECOLOR
    out: list[str] = []
    run: list[str] = []
    style: Style | None = None
    for ch, cell_style in cells:
        if run and cell_style != style:
            text = "".join(run)
            out.append(text if style is None else Strip.render_style(style, text, color_system))
            run = []
        style = cell_style
        run.append(ch)
    if run:
        text = "".join(run)
        out.append(text if style is None else Strip.render_style(style, text, color_system))
    return "".join(out)


def move_to(x: int, y: int) -> str:
    return f"\x1b[{y + 1};{x + 1}H"


def stretches(old: list[Cell], new: list[Cell], x1: int, x2: int) -> list[tuple[int, int]]:
    """The [start, end) stretches of ``x1``..``x2`` where ``new`` differs from ``old``, widened to
    whole wide characters."""
    found: list[tuple[int, int]] = []
    x = x1
    while x < x2:
        if new[x] == old[x]:
            x += 1
            continue
        start = x
        while x < x2 and new[x] != old[x]:
            x += 1
        end = x
        if start > 0 and new[start][0] == "":  # the right half of a wide character: from its left half
            start -= 1
        if end < len(new) and new[end][0] == "":
            end += 1
        found.append((start, end))
    return found


class TerminalCopy:
    """The cells the terminal shows, and the frames that bring it to what Textual draws next."""

    def __init__(self) -> None:
        self.lines: list[list[Cell]] | None = None  # None: not known (the next frame is written whole)
        self.whole: LayoutUpdate | None = None  # the whole frame written last, while not yet copied

    def forget(self) -> None:
        """The terminal may show something else now (another program had it): write the next frame whole."""
        self.lines = self.whole = None

    def forget_after(self, _resumed: App[object]) -> None:
        self.forget()

    def frame(self, update: RenderableType | None, width: int, height: int) -> RenderableType | None:
        """What to hand Textual in place of ``update``: an update that writes only the changed cells
        when it is written (Textual may drop a frame it does not write, so the copy changes then)."""
        if isinstance(update, (LayoutUpdate, ChopsUpdate)):
            return _Changed(self, update, width, height)
        if update is not None:
            self.forget()
        return update

    def render(self, update: LayoutUpdate | ChopsUpdate, width: int, height: int, console: Console) -> str:
        """The sequences for ``update`` against the copy, which then holds its cells."""
        if self.whole is not None:  # the copy of the last whole frame, made now rather than before it
            self.lines, self.whole = whole_lines(self.whole, width, height), None
        lines = self.lines
        if lines is None or len(lines) != height or any(len(line) != width for line in lines):
            self.lines = None
            if isinstance(update, LayoutUpdate):  # the copy is made from it when the next frame comes
                self.whole = update
            return update.render_segments(console)
        if isinstance(update, LayoutUpdate):
            fresh = whole_lines(update, width, height)
            if fresh is None:
                self.lines = None
                return update.render_segments(console)
            return self._changes(
                lines, dict(enumerate(fresh)), [(y, 0, width) for y in range(height)], console
            )
        changed: dict[int, list[Cell]] = {}
        for y, x1, x2 in update.spans:
            row = changed.setdefault(y, list(lines[y]))
            chop_cells(row, update.chops[y], update.chop_ends[y], x1, x2)
        return self._changes(lines, changed, update.spans, console)

    def _changes(
        self,
        lines: list[list[Cell]],
        fresh: Mapping[int, list[Cell]],
        spans: list[tuple[int, int, int]],
        console: Console,
    ) -> str:
        out: list[str] = []
        width = len(lines[0])
        rows = dict.fromkeys(y for y, _, _ in spans)
        before = list(lines)  # each line as the terminal shows it before a scroll moves them
        moved = scroll(lines, fresh, out)
        if moved is not None:  # every line of the scrolled region is compared, not only Textual's spans
            top, bottom = moved
            rows.update(dict.fromkeys(range(top, bottom + 1)))
            spans = [*spans, *((y, 0, width) for y in range(top, bottom + 1))]
        done: dict[int, list[tuple[int, int]]] = {}
        for y, x1, x2 in spans:
            new = fresh.get(y) or before[y]  # a line Textual did not redraw stays what it was
            done.setdefault(y, []).extend(stretches(lines[y], new, x1, x2))
        for y in rows:
            new = fresh.get(y) or before[y]
            for start, end in merged(done.get(y, [])):
                out.append(move_to(start, y) + render_cells(new[start:end], console))
                lines[y][start:end] = new[start:end]
        return "".join(out)


def whole_lines(update: LayoutUpdate, width: int, height: int) -> list[list[Cell]] | None:
    """The cells of a whole-screen frame, line by line (None if it is not the whole screen)."""
    if update.region != (0, 0, width, height):
        return None
    lines = [strip_cells(line) for line in update.strips]
    return lines if len(lines) == height and all(len(line) == width for line in lines) else None


def merged(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if out and start <= out[-1][1] + MERGE_GAP:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def chop_cells(row: list[Cell], chops: Mapping[int, Strip | None], ends: list[int], x1: int, x2: int) -> None:
    """Put into ``row`` the cells of ``chops`` (a line's pieces, each from its offset) in x1..x2."""
    for end, (x, strip) in zip(ends, chops.items(), strict=False):
        if strip is None or x >= x2 or end <= x1:
            continue
        cells = strip_cells([strip])
        for i, cell in enumerate(cells):
            at = x + i
            inside = x1 <= at < x2 or (at == x2 and cell[0] == "")  # a wide character's right half too
            left_half = at == x1 - 1 and i + 1 < len(cells) and cells[i + 1][0] == ""
            if (inside or left_half) and 0 <= at < len(row):
                row[at] = cell


def scroll(
    lines: list[list[Cell]], fresh: Mapping[int, list[Cell]], out: list[str]
) -> tuple[int, int] | None:
    """Move a run of lines that only moved up or down by the terminal itself; the copy is moved too.
    (top, bottom) of the region scrolled, or None."""
    height = len(lines)
    best: tuple[int, int, int, int] | None = None  # saved lines, shift, top, bottom
    for shift in SHIFTS:
        hits = [
            y
            for y, new in fresh.items()
            if 0 <= y + shift < height and new != lines[y] and new == lines[y + shift]
        ]
        if len(hits) < LEAST_MOVED:
            continue
        low, high = min(hits), max(hits)
        top, bottom = (low, high + shift) if shift > 0 else (low + shift, high)
        if 2 * len(hits) < bottom - top + 1:  # most of the region must be lines that moved
            continue
        if best is None or len(hits) > best[0]:
            best = (len(hits), shift, top, bottom)
    if best is None:
        return None
    _, shift, top, bottom = best
    width = len(lines[0])
    region = f"\x1b[{top + 1};{bottom + 1}r"
    if shift > 0:  # line feeds at the region's last line scroll it up
        moves = move_to(0, bottom) + "\n" * shift
        kept = [list(line) for line in lines[top + shift : bottom + 1]]
        lines[top : bottom + 1] = [*kept, *([BLANK] * width for _ in range(shift))]
    else:  # reverse index at its first line scrolls it down
        moves = move_to(0, top) + "\x1bM" * -shift
        kept = [list(line) for line in lines[top : bottom + 1 + shift]]
        lines[top : bottom + 1] = [*([BLANK] * width for _ in range(-shift)), *kept]
    out.append("\x1b[0m" + region + moves + "\x1b[r")
    return top, bottom


class _Changed(CompositorUpdate):
    """A Textual update written as the changes it makes to the terminal's copy."""

    def __init__(
        self, copy: TerminalCopy, update: LayoutUpdate | ChopsUpdate, width: int, height: int
    ) -> None:
        self.copy, self.update, self.width, self.height = copy, update, width, height

    def render_segments(self, console: Console) -> str:
        try:
            return self.copy.render(self.update, self.width, self.height, console)
        except Exception:  # never a frame lost: the whole frame, as Textual writes it
            self.copy.forget()
            return self.update.render_segments(console)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        return self.update.__rich_console__(console, options)


class ChangesOnly(App[int]):
    """The console app's frames written as the cells that differ from what the terminal shows.

    Textual has no public hook between a frame and the terminal: this overrides ``App._display``
    (Textual 8; tests/app/test_frame_diff.py fails if it is no longer called with each frame), and
    hands it an update that writes the changes; Textual still decides when and what to draw."""

    _copy: TerminalCopy | None = None

    def _display(self, screen: Screen[object], renderable: RenderableType | None) -> None:
        super()._display(screen, self.frame_changes(renderable))

    def action_redraw(self) -> None:
        """Ctrl+L: the whole screen written again, not only what changed (another program, such as a
        `wall` message, may have written over the terminal: what it shows is no longer known)."""
        if self._copy is not None:
            self._copy.forget()
        self.screen.refresh()

    def frame_changes(self, renderable: RenderableType | None) -> RenderableType | None:
        """Textual's frame ``renderable`` as an update that writes only what changed."""
        copy = self._copy
        if copy is None:
            copy = self._copy = TerminalCopy()
            # The terminal restored after another program had it (Ctrl+Z, App.suspend): unknown.
            self.app_resume_signal.subscribe(self, copy.forget_after)
        return copy.frame(renderable, self.size.width, self.size.height)
