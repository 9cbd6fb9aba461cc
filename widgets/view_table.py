"""A DataTable that shows a console View: styled statuses, a sort marker, columns that give way."""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist

if TYPE_CHECKING:
    from console.views import View

STYLES = {"good": "green", "warn": "yellow", "bad": "bold red"}


MIN_TEXT_WIDTH = 12


def column_widths(view: View) -> list[int]:
    """Natural width of each column's content (label with sort marker, or widest cell)."""
    return [
        max([cell_len(c.label) + 1] + [cell_len(r.cells[i]) for r in view.rows])
        for i, c in enumerate(view.columns)
    ]


def fit_columns(view: View, width: int, padding: int = 1) -> tuple[list[int], dict[int, int]]:
    """Which columns to show in ``width`` cells, and narrower widths for any that must be cut.

    Columns give way in the order of their ``give_way`` (1 first, then 2 …; 0 always stays). If the
    rest is still too wide, the widest text column is cut (with an ellipsis), down to 12 cells.
    """
    natural = column_widths(view)
    shown = list(range(len(view.columns)))

    def total(cols: list[int]) -> int:
        return sum(natural[i] + 2 * padding for i in cols)

    for level in sorted({c.give_way for c in view.columns if c.give_way}):
        if total(shown) <= width:
            break
        shown = [i for i in shown if view.columns[i].give_way != level]
    cut: dict[int, int] = {}
    excess = total(shown) - width
    if excess > 0:
        text_columns = [i for i in shown if not view.columns[i].numeric]
        if text_columns:
            widest = max(text_columns, key=lambda i: natural[i])
            cut[widest] = max(MIN_TEXT_WIDTH, natural[widest] - excess)
    return shown, cut


class ViewTable(DataTable):
    """Renders a View; data cells are rich Text, so text from data files is never parsed as markup."""

    DEFAULT_CSS = """
    ViewTable { height: 1fr; }
    """

    def __init__(self, *, ascii_only: bool = False, id: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, id=id)
        self.ascii_only = ascii_only
        self.view: View | None = None
        self._shown: list[int] = []

    def show(self, view: View) -> None:
        """Replace the table's content, keeping the cursor on the same row key where it still exists."""
        current = self._current_key()
        self.view = view
        self._rebuild(current)

    def _current_key(self) -> str | None:
        if self.view is None or not self.row_count:
            return None
        try:
            return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        except CellDoesNotExist:  # the cursor may sit on a row being replaced
            return None

    def _rebuild(self, keep: str | None = None) -> None:
        view = self.view
        if view is None:
            return
        width = self.size.width or self.app.size.width
        shown, cut = fit_columns(view, max(0, width - 2))  # room for the vertical scrollbar
        self._shown = shown
        self.clear(columns=True)
        up, down = ("^", "v") if self.ascii_only else ("▲", "▼")
        for i in shown:
            column = view.columns[i]
            label = column.label
            if view.sort_key == column.key:
                label = f"{label}{down if view.descending else up}"
            self.add_column(
                Text(label, justify="right" if column.numeric else "left"), key=column.key, width=cut.get(i)
            )
        for row in view.rows:
            cells = []
            for i in shown:
                style = STYLES.get(row.classes[i] or "", "")
                if row.flagged and not style:
                    style = "bold"
                cells.append(
                    Text(
                        row.cells[i],
                        style=style,
                        justify="right" if view.columns[i].numeric else "left",
                        no_wrap=True,
                        overflow="ellipsis",
                    )
                )
            self.add_row(*cells, key=row.key)
        if keep is not None:
            with suppress(RowDoesNotExist):  # the row may be filtered out now
                self.move_cursor(row=self.get_row_index(keep), animate=False)

    def on_resize(self) -> None:
        if self.view is not None and fit_columns(self.view, max(0, self.size.width - 2))[0] != self._shown:
            self._rebuild(self._current_key())

    def visible_columns(self) -> list:  # type: ignore[type-arg]
        """The view's columns that fit on screen now."""
        if self.view is None:
            return []
        return [self.view.columns[i] for i in self._shown]

    @property
    def current_row_key(self) -> str | None:
        return self._current_key()
