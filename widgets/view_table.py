"""A table that shows a console View, drawing only the rows on screen.

Textual's DataTable builds every row up front, which takes seconds at national scale; this widget
keeps the View and renders the visible lines on demand (the Line API), so showing, searching and
sorting 2,543 zones costs no more than showing 11. Moving the cursor repaints two lines. Cells are
rich Text built from plain strings: text from data files is never parsed as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.events import Click, MouseScrollDown, MouseScrollUp
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from console.core.text import clean
from console.present.fit import PADDING, column_widths, fit_columns, fit_text
from console.present.labels import CLASS_STYLES

if TYPE_CHECKING:
    from console.present.viewmodel import Column, View


class ViewTable(Widget, can_focus=True):
    """Rows of a View with a fixed header line, a row cursor, and a sort marker on the sorted column."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "edge(0)", "First", show=False),
        Binding("end", "edge(1)", "Last", show=False),
        Binding("enter", "select", "Detail", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"view-table--header", "view-table--cursor"}
    DEFAULT_CSS = """
    ViewTable { height: 1fr; }
    ViewTable > .view-table--header { text-style: bold; background: $panel; }
    ViewTable > .view-table--cursor { text-style: reverse; }
    ViewTable:blur > .view-table--cursor { text-style: underline; }
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
        self._natural: list[int] = []
        self._shown: list[int] = []
        self._cut: dict[int, int] = {}
        self._top = 0

    # -- content ------------------------------------------------------------------------------------

    def show(self, view: View) -> None:
        """Show ``view``, keeping the cursor on the same row key where that row is still there."""
        keep = self.current_row_key
        self.view = view
        self._natural = column_widths(view)
        self._fit()
        index = next((i for i, r in enumerate(view.rows) if r.key == keep), None) if keep else None
        if index is None:  # first content, or the row is filtered out: start from the top
            self._top = index = 0
        self.cursor_row = index
        self.refresh()

    def _fit(self) -> None:
        if self.view is None:
            return
        width = self.size.width or (self.app.size.width if self.is_attached else 80)
        self._shown, self._cut = fit_columns(self.view, width, self._natural)

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

    def column_labels(self) -> list[str]:
        """Headings as drawn, with the sort marker."""
        return [self._label(i) for i in self._shown]

    def row_cells(self, index: int) -> list[str]:
        """The visible cells of a row, as text."""
        assert self.view is not None
        row = self.view.rows[index]
        return [row.cells[i].text for i in self._shown]

    def _label(self, i: int) -> str:
        assert self.view is not None
        column = self.view.columns[i]
        if self.view.sort_key != column.key:
            return column.label
        up, down = ("^", "v") if self.ascii_only else ("▲", "▼")
        return column.label + (down if self.view.descending else up)

    # -- drawing ------------------------------------------------------------------------------------

    def _width(self, i: int) -> int:
        return self._cut.get(i, self._natural[i])

    def _line(self, cells: list[tuple[str, str, bool]], base: Style) -> Strip:
        line = Text(style=base, no_wrap=True, end="")
        for (content, style, right), i in zip(cells, self._shown, strict=True):
            width = self._width(i)
            ellipsis = "..." if self.ascii_only else "…"
            cell = Text(fit_text(clean(content), width, ellipsis, right), style=style, no_wrap=True, end="")
            line.append(" " * PADDING)
            line.append_text(cell)
            line.append(" " * PADDING)
        # Every segment carries a style: Textual's filters (NO_COLOR's monochrome one) need one.
        segments = [Segment(s.text, s.style or base) for s in line.render(self.app.console) if s.text != "\n"]
        return Strip(segments).adjust_cell_length(self.size.width, base)

    def render_line(self, y: int) -> Strip:
        base = self.rich_style
        if self.view is None:
            return Strip.blank(self.size.width, base)
        if y == 0:
            header = base + self.get_component_rich_style("view-table--header")
            strip = self._line(
                [(self._label(i), "", self.view.columns[i].numeric) for i in self._shown], header
            )
            if self.row_count > self._page:  # more rows than fit: say where the cursor is
                where = f" {self.cursor_row + 1}/{self.row_count} "
                strip = Strip.join(
                    [strip.crop(0, self.size.width - len(where)), Strip([Segment(where, header)])]
                )
            return strip
        index = self._top + y - 1
        if index >= len(self.view.rows):
            return Strip.blank(self.size.width, base)
        row = self.view.rows[index]
        style = base
        if row.flagged:
            style = style + Style(bold=True)
        if index == self.cursor_row:
            style = style + self.get_component_rich_style("view-table--cursor")
        cells = [
            (row.cells[i].text, CLASS_STYLES.get(row.cells[i].cls or "", ""), self.view.columns[i].numeric)
            for i in self._shown
        ]
        return self._line(cells, style)

    # -- cursor and scrolling -----------------------------------------------------------------------

    @property
    def _page(self) -> int:
        return max(1, self.size.height - 1)

    def validate_cursor_row(self, row: int) -> int:
        return max(0, min(row, self.row_count - 1)) if self.row_count else 0

    def watch_cursor_row(self, old: int, new: int) -> None:
        if new < self._top:
            self._top = new
            self.refresh()
        elif new >= self._top + self._page:
            self._top = new - self._page + 1
            self.refresh()
        else:  # only the two rows that changed, and the position in the header
            width = self.size.width
            for index in {old, new}:
                y = index - self._top + 1
                if 1 <= y <= self._page:
                    self.refresh(Region(0, y, width, 1))
            if self.row_count > self._page:
                self.refresh(Region(0, 0, width, 1))

    def action_cursor(self, step: int) -> None:
        self.cursor_row += step

    def action_page(self, direction: int) -> None:
        self.cursor_row += direction * self._page

    def action_edge(self, end: int) -> None:
        self.cursor_row = self.row_count - 1 if end else 0

    def action_select(self) -> None:
        key = self.current_row_key
        if key is not None:
            self.post_message(self.RowSelected(self, key))

    def _scroll(self, step: int) -> None:
        top = max(0, min(self._top + step, max(0, self.row_count - self._page)))
        if top != self._top:
            self._top = top
            self.cursor_row = max(top, min(self.cursor_row, top + self._page - 1))
            self.refresh()

    def on_mouse_scroll_down(self, event: MouseScrollDown) -> None:
        self._scroll(3)

    def on_mouse_scroll_up(self, event: MouseScrollUp) -> None:
        self._scroll(-3)

    def on_click(self, event: Click) -> None:
        if self.view is None:
            return
        if event.y == 0:
            x = 0
            for i in self._shown:
                x += self._width(i) + 2 * PADDING
                if event.x < x:
                    self.post_message(self.HeaderSelected(self, self.view.columns[i].key))
                    return
            return
        index = self._top + event.y - 1
        if index < self.row_count:
            if index == self.cursor_row:
                self.action_select()
            self.cursor_row = index

    def on_resize(self) -> None:
        shown = self._shown
        self._fit()
        if self._shown != shown:
            self.refresh()
        self.cursor_row = self.cursor_row  # keep the cursor on screen after a height change
