"""What a key that needs the data does before the data is there: it says so, starts the load if a
cached screen stood in for the data (console.tui.startup), and is done once the data is loaded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from console.present.keys import tab_names
from console.present.labels import text
from console.words.tui import TUI

if TYPE_CHECKING:
    from collections.abc import Callable

    from console.tui.ports import Console


def not_ready(console: Console, then: Callable[[], object] | None = None) -> bool:
    """True (and said) while the data is still loading, or when it is invalid (nothing loads).
    ``then``: what the key does, done once the data is loaded (the last key asking wins)."""
    session = console.session
    if session.ready:
        return False
    lang = session.lang
    if session.invalid:
        console.notify(
            text("invalid_data_key", lang).format(tab=tab_names(lang)["overview"]),
            severity="warning",
            timeout=4,
        )
        return True
    if then is not None:
        session.pending = then
    console.notify(TUI("loading_data", lang), timeout=2)
    console.load_on_demand()
    return True
