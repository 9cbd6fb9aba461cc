"""The tab's search box (``/``): a Textual Input whose Enter hands the focus back to the table at once."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Input

from widgets.keybar import widget_bindings


class SearchBox(Input):
    """Enter keeps the search and gives the focus back to the tab's table before the next key is read
    (a priority binding, handled as the key arrives): ``/ab⏎j`` typed in one burst moves the cursor with
    ``j`` instead of searching for ``abj`` (see console/tui/keys_follow_focus.py)."""

    BINDINGS = widget_bindings("search_box")  # from the key catalogue

    back_to_table: Callable[[], None] | None = None  # set by the screen: focus its table, at once

    async def action_submit(self) -> None:
        await super().action_submit()  # Input.Submitted, as before
        if self.back_to_table is not None:
            self.back_to_table()
