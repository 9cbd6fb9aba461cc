"""A table that shows a console View on Textual's ScrollView, drawing only the rows on screen.

Textual's DataTable builds every row up front, which takes seconds at national scale; this widget
keeps the View and renders the visible lines on demand (the Line API), so showing, searching and
sorting 2,543 zones costs no more than showing 11. The header line stays put; below it, line ``y``
shows row ``top + y - 1`` where ``top`` is the scroll offset. One rule keeps the two consistent: after
every change of rows (filter, search, sort, year, language, reload), of size or of the cursor, ``_settle``
scrolls the least that puts the cursor's row on screen, never leaving blank space below the last row;
the row counter and Enter are about a row the user sees. Scrolling sideways shows every column whole (the
columns that gave way, and those cut to fit the first screen) while the row's name stays fixed at the left. Moving the cursor repaints two lines.
Cells are rich Text built from plain strings: text from data files is never parsed as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.events import Click, MouseScrollDown, MouseScrollUp
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip

from console.core.text import clean
from console.present.fit import PADDING, column_widths, fit_columns, fit_text
from console.present.formatter import ascii_text
from console.present.labels import CLASS_STYLES, NO_COLOR_CLASS_STYLES, text
from widgets.ascii import AsciiScrollBarRender
from widgets.keybar import bindings

if TYPE_CHECKING:
    from collections.abc import Mapping

    from console.present.viewmodel import Column, View


class ViewTable(ScrollView, can_focus=True):
    """Rows of a View with a fixed header line, a row cursor, and a sort marker on the sorted column."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("table")  # from the key catalogue
    COMPONENT_CLASSES: ClassVar[set[str]] = {"view-table--header", "view-table--cursor"}
    DEFAULT_CSS = """
    ViewTable { height: 1fr; scrollbar-size-vertical: 1; scrollbar-size-horizontal: 0; }
    ViewTable > .view-table--header { text-style: bold; background: $panel; }
    ViewTable > .view-table--cursor { text-style: reverse; }
    ViewTable:blur > .view-table--cursor { text-style: underline; }
    /* A picture to send (export --format svg): no row singled out by the cursor. */
    ViewTable.picture > .view-table--cursor, ViewTable.picture:blur > .view-table--cursor { text-style: none; }
    """

    cursor_row: reactive[int] = reactive(0, always_update=True, repaint=False)

    class RowSelected(Message):
        """Enter (or a second click) on a row."""

        def __init__(self, table: ViewTable, key: str) -> None:
            super().__init__()
            self.table = table
            self.key = key

    class HeaderSelected(Message):
        """A click on a column's heading."""

        def __init__(self, table: ViewTable, column_key: str) -> None:
            super().__init__()
            self.table = table
            self.column_key = column_key

    def __init__(self, *, ascii_only: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.ascii_only = ascii_only
        self.view: View | None = None
        self._natural: list[int] = []  # the columns' widths, the first widened for a row's mark
        self._measured: list[int] = []  # as measured
        self._shown: list[int] = []
        self._layout: list[int] = []  # the fitted columns, then those that gave way
        self._cut: dict[int, int] = {}
        self._starts: list[int] = []  # where each column of the layout begins, in cells
        # Scrolled sideways: every column in order at its natural width, the first ``_frozen`` (up to
        # the row's name) fixed at the left; where each begins in that line, and where the fixed end.
        self._frozen = 0
        self._full_starts: list[int] = []
        self._frozen_end = 0
        self._generation = 0  # bumped whenever drawn lines change: part of the cache key
        self._lines: LRUCache[tuple[int, int, int, Style], Strip] = LRUCache(1024)

    # -- content ------------------------------------------------------------------------------------

    empty_note = ""  # what an empty table says ("no rows match …"), set by whoever shows the view
    # The changes mode's marked cells (row key -> column keys), set by whoever shows the view: a row
    # whose marked cells all gave way to the width shows the mark in its first column instead.
    marks: Mapping[str, frozenset[str]] = {}
    mark_symbol = "Δ"  # the mark ("*" in ASCII mode), set with ``marks``

    def show(self, view: View) -> None:
        """Show ``view``, keeping the cursor on the same row key where that row is still there."""
        keep = self.current_row_key
        self.view = view
        self._measured = column_widths(view)
        self._natural = self._measured
        self._generation += 1  # new rows: no line drawn before holds
        self._fit()
        index = next((i for i, r in enumerate(view.rows) if r.key == keep), None) if keep else None
        if index is None:  # first content, or the row is filtered out: start from the top
            index = 0
            self.scroll_to(0, 0, animate=False, immediate=True, force=True)
        self.cursor_row = index  # the watcher scrolls the row into view
        self.refresh()

    def _reserve_mark(self) -> bool:
        """Widen the first column for the mark of a row whose marked cells may give way to the width;
        False when no row has a mark in a column that can give way."""
        view = self.view
        if view is None or not self.marks or not view.columns:
            return False
        hiding = {c.key for c in view.columns[1:] if c.give_way}
        extra = cell_len(self.mark_symbol)
        widths = list(self._measured)
        for row in view.rows:
            if hiding & self.marks.get(row.key, frozenset()):
                widths[0] = max(widths[0], cell_len(row.cells[0].text) + extra)
        self._natural = widths
        return widths != self._measured

    def _hidden_mark(self, key: str) -> bool:
        """Whether the row of ``key`` has marked cells and none of them is on screen."""
        assert self.view is not None
        marked = self.marks.get(key, frozenset())
        return bool(marked) and not any(self.view.columns[i].key in marked for i in self._shown)

    def _viewport(self) -> Size:
        """Width and height of the drawing area, scrollbar excluded (the app's size before layout)."""
        size = self.scrollable_content_region.size
        if size.width and size.height:
            return size
        if self.is_attached:
            return Size(self.app.size.width, max(1, self.app.size.height - 4))
        return Size(80, 20)

    def _fit(self) -> None:
        """Choose the columns that fit the width, set the virtual size, and clamp the top row."""
        if self.view is None:
            return
        width = self.size.width or self._viewport().width
        counter = 0  # the room the heading line's " 12/2543 " takes at its end
        if self.row_count + 1 > (self.size.height or self._viewport().height):
            width -= self.styles.scrollbar_size_vertical  # the scrollbar takes its column
            counter = len(f" {self.row_count}/{self.row_count} ")
        before = (self._shown, self._cut, self._starts)
        self._natural = self._measured
        self._shown, self._cut = fit_columns(self.view, max(1, width), self._natural)
        hidden = any(self._hidden_mark(r.key) for r in self.view.rows if r.key in self.marks)
        if hidden and self._reserve_mark():  # a row shows its mark in the first column: make room
            self._shown, self._cut = fit_columns(self.view, max(1, width), self._natural)
        if counter and self._headings_end() > width - counter:  # never the counter over a heading
            self._shown, self._cut = fit_columns(self.view, max(1, width - counter), self._natural)
        self._place(width)
        # The sorted column is kept (fit_columns), but the columns that always stay may still run past
        # the screen: then the heading line names the sort at its end, in room kept for it.
        note = cell_len(self._sort_note(width - counter, self._drawn_columns(width)))
        if note and self._headings_end() > width - counter - note:
            self._shown, self._cut = fit_columns(self.view, max(1, width - counter - note), self._natural)
            self._place(width)
        if (self._shown, self._cut, self._starts) != before:
            # Lines drawn for another layout are stale; a resize that keeps the layout (a tab shown
            # again) keeps them, so revisiting a tab redraws nothing.
            self._generation += 1
        self._place_full(width)
        # Scrolled by x, the full line is drawn from x - 1: the first step sideways shows every column
        # whole from the one after the name (scroll 0 is the fitted line).
        total = self._full_starts[-1] + 1 if self._full_starts else 0
        self.virtual_size = Size(max(total, width), self.row_count + 1)
        self._settle()

    def _place(self, width: int) -> int:
        """Lay out the fitted columns, then those that gave way past the first screen; the total width."""
        assert self.view is not None
        gave_way = [i for i in range(len(self.view.columns)) if i not in self._shown]
        self._layout = self._shown + gave_way
        self._starts, x = [], 0
        for n, i in enumerate(self._layout):
            if n == len(self._shown):  # the columns that gave way begin past the first screen
                x = max(x, width)
            self._starts.append(x)
            x += self._width(i) + 2 * PADDING
        return x

    def _place_full(self, width: int) -> None:
        """The line scrolled sideways: every column in order at its natural width, but the columns up
        to the row's name (the first text column with a heading), which stay fixed at the left as
        fitted, when they take at most half the ``width``."""
        assert self.view is not None
        columns = self.view.columns
        name = next((i for i, c in enumerate(columns) if c.label and not c.numeric), -1)
        frozen = name + 1 if 0 <= name < len(columns) - 1 else 0
        fixed = sum(self._width(i) + 2 * PADDING for i in range(frozen))
        self._frozen = frozen if all(i in self._shown for i in range(frozen)) and fixed * 2 <= width else 0
        self._full_starts, x = [], 0
        for i in range(len(columns)):
            self._full_starts.append(x)
            x += (self._width(i) if i < self._frozen else self._natural[i]) + 2 * PADDING
        self._full_starts.append(x)  # where the line ends
        self._frozen_end = self._full_starts[self._frozen]

    @property
    def _scrolled(self) -> bool:
        """Whether the table is scrolled sideways (the full line is drawn, not the fitted one)."""
        return round(self.scroll_x) > 0 and bool(self._full_starts)

    def _drawn_columns(self, width: int | None = None) -> list[tuple[int, int, int]]:
        """The columns wholly on screen now: (column, where it begins on screen, its width with padding)."""
        if self.view is None:
            return []
        width = width or self.scrollable_content_region.width or self.size.width
        out: list[tuple[int, int, int]] = []
        if not self._scrolled:
            for i, start in zip(self._layout, self._starts, strict=True):
                if start + self._width(i) + 2 * PADDING <= width:
                    out.append((i, start, self._width(i) + 2 * PADDING))
            return out
        x = round(self.scroll_x) - 1
        for i in range(len(self.view.columns)):
            start, end = self._full_starts[i], self._full_starts[i + 1]
            if i < self._frozen:
                out.append((i, start, end - start))
            elif start >= self._frozen_end + x and end <= x + width:
                out.append((i, start - x, end - start))
        return out

    def _sort_note(self, width: int, drawn: list[tuple[int, int, int]]) -> str:
        """ " ▲上年排名" when the view is sorted by a column not among the ``drawn`` ones within ``width``
        (a remembered sort, or a narrower terminal since): the sort is always in sight."""
        view = self.view
        if view is None or not view.sort_key:
            return ""
        for i, column in enumerate(view.columns):
            if column.key == view.sort_key:
                if any(j == i and x + w <= width for j, x, w in drawn):
                    return ""
                return (
                    " "
                    + self._marker()
                    + (ascii_text(view.columns[i].label) if self.ascii_only else view.columns[i].label)
                )
        return ""

    def _marker(self) -> str:
        """▲ or ▼ (^ or v in ASCII mode) for the sort's direction."""
        assert self.view is not None
        up, down = ("^", "v") if self.ascii_only else ("▲", "▼")
        return down if self.view.descending else up

    def _headings_end(self) -> int:
        """Where the heading line's text ends with the columns fitted now (in cells)."""
        assert self.view is not None
        x = end = 0
        for i in self._shown:
            column, width = self.view.columns[i], self._width(i)
            label = min(width, cell_len(self._label(i)))
            end = x + PADDING + (width if column.numeric else label)  # numbers' headings at the right
            x += width + 2 * PADDING
        return end

    def _settled_top(self) -> int:
        """The first row to show: the scroll offset moved the least that puts the cursor's row on
        screen, and never past the last full page (no blank space below the last row)."""
        page, top = self._page, round(self.scroll_y)
        cursor = min(self.cursor_row, max(0, self.row_count - 1))
        if cursor < top:
            top = cursor
        elif cursor >= top + page:
            top = cursor - page + 1
        return max(0, min(top, self.row_count - page))

    def _settle(self) -> None:
        """Scroll to ``_settled_top`` (and back from past the right edge). ``force``: the scrollbars
        are worked out at the next layout, so right after a view of few rows is replaced by one of many
        Textual would refuse to scroll, leaving the cursor far below the screen."""
        top = self._settled_top()
        if round(self.scroll_y) != top:
            self.scroll_to(y=top, animate=False, immediate=True, force=True)
        if self.scroll_x > self.max_scroll_x:
            self.scroll_to(x=self.max_scroll_x, animate=False, immediate=True, force=True)

    @property
    def row_count(self) -> int:
        return 0 if self.view is None else len(self.view.rows)

    @property
    def current_row_key(self) -> str | None:
        if self.view is None or not self.view.rows:
            return None
        return self.view.rows[min(self.cursor_row, len(self.view.rows) - 1)].key

    def visible_columns(self) -> list[Column]:
        """The view's columns that fit on screen now."""
        return [] if self.view is None else [self.view.columns[i] for i in self._shown]

    def keys_on_screen(self) -> set[str]:
        """The keys of the columns wholly on screen now (fitted, or scrolled to sideways)."""
        assert self.view is not None
        return {self.view.columns[i].key for i, _, _ in self._drawn_columns()}

    def _label(self, i: int) -> str:
        assert self.view is not None
        column = self.view.columns[i]
        if self.view.sort_key != column.key:
            return column.label
        return column.label + self._marker()

    def _heading(self, i: int) -> str:
        """The heading as drawn in the column's width: a cut heading keeps its sort marker."""
        assert self.view is not None
        label, width = self._label(i), self._width(i)
        if self.view.sort_key != self.view.columns[i].key or cell_len(label) <= width:
            return label
        ellipsis = "..." if self.ascii_only else "…"
        return fit_text(self.view.columns[i].label, width - 1, ellipsis).rstrip() + self._marker()

    # -- drawing ------------------------------------------------------------------------------------

    @property
    def _page(self) -> int:
        """Rows that fit below the header."""
        height = self.scrollable_content_region.height or self._viewport().height
        return max(1, height - 1)

    @property
    def _top(self) -> int:
        """Index of the first row on screen: the scroll offset, never past the last full page."""
        return max(0, min(round(self.scroll_y), self.row_count - self._page))

    def _width(self, i: int) -> int:
        return self._cut.get(i, self._natural[i])

    def _line(self, cells: list[tuple[str, str, bool]], base: Style, full: bool = False) -> Strip:
        """A line of ``cells`` in the fitted layout, or (``full``) every column at its natural width."""
        line = Text(style=base, no_wrap=True, end="")
        ellipsis = "..." if self.ascii_only else "…"
        layout = range(len(cells)) if full else self._layout
        starts = self._full_starts if full else self._starts
        for (content, style, right), i, start in zip(cells, layout, starts, strict=False):
            width = self._natural[i] if full and i >= self._frozen else self._width(i)
            if start > line.cell_len:
                line.append(" " * (start - line.cell_len))
            content = ascii_text(clean(content)) if self.ascii_only else clean(content)  # data's “ ” too
            cell = Text(fit_text(content, width, ellipsis, right), style=style, no_wrap=True, end="")
            line.append(" " * PADDING)
            line.append_text(cell)
            line.append(" " * PADDING)
        # Every segment carries a style: Textual's filters (NO_COLOR's monochrome one) need one.
        segments = [Segment(s.text, s.style or base) for s in line.render(self.app.console) if s.text != "\n"]
        return Strip(segments)

    def _row_style(self, index: int) -> Style:
        """Bold for a flagged row, the cursor style for the cursor's row (across the whole width)."""
        assert self.view is not None
        style = self._base_style()
        if self.view.rows[index].flagged:
            style = style + Style(bold=True)
        if index == self.cursor_row:
            style = style + self.get_component_rich_style("view-table--cursor")
        return style

    def _row_strip(self, index: int) -> Strip:
        """Row ``index`` across all its columns, from the cache when it was drawn before."""
        assert self.view is not None
        # Every style a line is drawn with is in its key, so a change of focus or theme never shows a
        # stale line, and the lines of a table shown again (another tab, then back) are reused.
        style = self._row_style(index)
        full = self._scrolled
        key = (self._generation, index, self.virtual_size.width * (-1 if full else 1), style)
        strip = self._lines.get(key)
        if strip is None:
            row = self.view.rows[index]
            classes = NO_COLOR_CLASS_STYLES if getattr(self.app, "no_color", False) else CLASS_STYLES
            cells = [
                (
                    row.cells[i].text,
                    classes.get(row.cells[i].cls or "", ""),
                    self.view.columns[i].numeric,
                )
                for i in (range(len(self.view.columns)) if full else self._layout)
            ]
            if not full and self._layout and self._hidden_mark(row.key):  # its marked cell gave way
                first, cls, right = cells[0]
                cells[0] = (self.mark_symbol + first, cls, right)
            strip = self._line(cells, style, full).adjust_cell_length(self.virtual_size.width, style)
            self._lines[key] = strip
        return strip

    _pass_style: Style | None = None

    def _base_style(self) -> Style:
        """The widget's style; looked up once per drawing pass (it walks every ancestor)."""
        return self._pass_style if self._pass_style is not None else self.rich_style

    def render_lines(self, crop: Region) -> list[Strip]:
        self._pass_style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._pass_style = None

    def render_line(self, y: int) -> Strip:
        base = self._base_style()
        width = self.scrollable_content_region.width or self.size.width
        if self.view is None:  # no view yet: what it waits for, when it says (the tables being made)
            return self._note(width, base) if y == 0 and self.empty_note else Strip.blank(width, base)
        if y == 0:
            header = base + self.get_component_rich_style("view-table--header")
            full = self._scrolled
            layout = range(len(self.view.columns)) if full else self._layout
            labels = [(self._label(i) if full else self._heading(i)) for i in layout]
            strip = self._line(
                [(label, "", self.view.columns[i].numeric) for label, i in zip(labels, layout, strict=True)],
                header,
                full,
            )
            strip = self._window(strip.adjust_cell_length(self.virtual_size.width, header), header)
            # At its end: the sort when its column is out of sight, and where the cursor is when there
            # are more rows than fit (" ▲上年排名 12/2543 ").
            where = f" {self.cursor_row + 1}/{self.row_count} " if self.row_count > self._page else ""
            sort = self._sort_note(width - cell_len(where), self._drawn_columns())
            where = (sort + (where or " ")) if sort else where
            cut = width - cell_len(where)
            if where and cell_len(strip.text.rstrip()) <= cut:  # room kept by _fit; never over a heading
                strip = Strip.join([strip.crop(0, cut), Strip([Segment(where, header)])])
            return strip
        index = self._top + y - 1
        if self.row_count == 0 and y == 1 and self.empty_note:  # say why the table is empty
            return self._note(width, base)
        if index >= self.row_count:
            return Strip.blank(width, base)
        return self._window(self._row_strip(index), self._row_style(index))

    def _note(self, width: int, base: Style) -> Strip:
        """The table's ``empty_note`` as one line."""
        note = Text(f" {clean(self.empty_note)}", style="italic", no_wrap=True, overflow="crop")
        return Strip(list(note.render(self.app.console)), note.cell_len).adjust_cell_length(width, base)

    def _window(self, strip: Strip, style: Style) -> Strip:
        """The part of a full-width line on screen: whole columns only, never one cut at an edge;
        scrolled sideways, the columns up to the row's name stay at the left."""
        x = round(self.scroll_x) - 1
        width = self.scrollable_content_region.width or self.size.width
        if self._scrolled:
            drawn = self._drawn_columns(width)
            fixed = strip.crop(0, self._frozen_end)
            rest = [(i, at, w) for i, at, w in drawn if i >= self._frozen]
            if not rest:  # a column wider than the room beside the name: whole across the screen
                start = next(
                    (a for a in self._full_starts[self._frozen : -1] if a >= self._frozen_end + x), None
                )
                if start is not None:
                    end = self._full_starts[self._full_starts.index(start) + 1]
                    if end - start <= width:
                        return strip.crop(start, end).adjust_cell_length(width, style)
                return Strip.join([fixed, strip.crop(self._frozen_end + x, x + width)]).adjust_cell_length(
                    width, style
                )
            first, last = rest[0], rest[-1]
            gap = Strip.blank(first[1] - self._frozen_end, style)
            shown = strip.crop(first[1] + x, last[1] + last[2] + x)
            return Strip.join([fixed, gap, shown]).adjust_cell_length(width, style)
        x = 0
        start, end = None, x
        for i, position in zip(self._layout, self._starts, strict=True):
            right = position + self._width(i) + 2 * PADDING
            if position >= x and right <= x + width:
                start = position if start is None else start
                end = right
        if start is None:  # a column wider than the screen: show what fits of it
            return strip.crop(x, x + width).adjust_cell_length(width, style)
        left = Strip.blank(start - x, style)
        return Strip.join([left, strip.crop(start, end)]).adjust_cell_length(width, style)

    # -- scrollbar ----------------------------------------------------------------------------------

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        bar = super().vertical_scrollbar
        if self.ascii_only:
            bar.renderer = AsciiScrollBarRender  # type: ignore[misc]
        return bar

    @property
    def horizontal_scrollbar(self) -> ScrollBar:
        bar = super().horizontal_scrollbar
        if self.ascii_only:
            bar.renderer = AsciiScrollBarRender  # type: ignore[misc]
        return bar

    # -- cursor and scrolling -----------------------------------------------------------------------

    def validate_cursor_row(self, row: int) -> int:
        return max(0, min(row, self.row_count - 1)) if self.row_count else 0

    def watch_cursor_row(self, old: int, new: int) -> None:
        top = self._top
        if new < top or new >= top + self._page or top != self._settled_top():
            self._settle()
            self.refresh()
        else:  # only the two rows that changed, and the position in the header
            width = self.size.width
            for index in {old, new}:
                y = index - top + 1
                if 1 <= y <= self._page:
                    self.refresh(Region(0, y, width, 1))
            if self.row_count > self._page:
                self.refresh(Region(0, 0, width, 1))

    def waiting(self) -> bool:
        """True, and said, while the table has no view yet (its note says what it waits for: the
        tables being made): a key pressed on it then is answered, never lost without a word."""
        if self.view is not None:
            return False
        if self.empty_note:
            self.notify(clean(self.empty_note), timeout=2)
        return True

    def action_cursor(self, step: int) -> None:
        if not self.waiting():
            self.cursor_row += step

    def action_page(self, direction: int) -> None:
        if not self.waiting():
            self.cursor_row += direction * self._page

    def action_edge(self, end: int) -> None:
        if not self.waiting():
            self.cursor_row = self.row_count - 1 if end else 0

    def action_column(self, direction: int) -> None:
        """Scroll sideways by one column: the columns after the row's name pass, the name stays."""
        if self.waiting():
            return
        starts = [s - self._frozen_end + 1 for s in self._full_starts[self._frozen : -1]]
        now = round(self.scroll_x)
        if direction > 0:
            target = next((s for s in starts if s > now), now)
        else:
            target = max((s for s in starts if s < now), default=0)
        self.scroll_to(x=min(target, self.max_scroll_x), animate=False, immediate=True, force=True)

    def action_select(self) -> None:
        if self.waiting():
            return
        key = self.current_row_key
        if key is not None:
            self.post_message(self.RowSelected(self, key))

    def row_text(self, index: int) -> str:
        """Every cell of row ``index``, fitted or not, cleaned and separated by tabs."""
        assert self.view is not None
        return "\t".join(clean(cell.text) for cell in self.view.rows[index].cells)

    def action_copy_row(self) -> None:
        """Send the row under the cursor to the terminal's clipboard (OSC 52, which also reaches the
        local terminal over SSH); the terminal never confirms, so the note says sent, not copied."""
        if self.waiting() or not self.row_count:
            return
        self.app.copy_to_clipboard(self.row_text(self.cursor_row))
        self.notify(text("row_sent_to_clipboard", getattr(self.app, "lang", "zh")), timeout=4)

    def _cursor_into_view(self) -> None:
        """After the wheel scrolled, move the cursor onto the nearest row on screen (Enter opens it)."""
        if not self.row_count:
            return
        top = self._top
        bottom = min(top + self._page, self.row_count) - 1
        if not top <= self.cursor_row <= bottom:
            self.cursor_row = max(top, min(self.cursor_row, bottom))

    def on_mouse_scroll_down(self, event: MouseScrollDown) -> None:
        self.call_after_refresh(self._cursor_into_view)

    def on_mouse_scroll_up(self, event: MouseScrollUp) -> None:
        self.call_after_refresh(self._cursor_into_view)

    def on_click(self, event: Click) -> None:
        if self.view is None:
            return
        if event.y == 0:
            for i, start, width in self._drawn_columns():
                if start <= event.x < start + width:
                    self.post_message(self.HeaderSelected(self, self.view.columns[i].key))
                    return
            return
        index = self._top + event.y - 1
        if 0 <= index < self.row_count:
            if index == self.cursor_row:
                self.action_select()
            self.cursor_row = index

    def on_resize(self) -> None:
        self._fit()  # settles: the cursor's row stays on screen after a change of height
        self.refresh()
