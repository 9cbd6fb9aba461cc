"""What a key that needs the data does before the data is there: it says so, and does nothing else."""

from __future__ import annotations

from typing import TYPE_CHECKING

from console.present.keys import tab_names
from console.present.labels import text
from console.words.tui import TUI

if TYPE_CHECKING:
    from console.tui.ports import Console


def not_ready(console: Console) -> bool:
    """True (and said) while the data is still loading, or when it is invalid (nothing loads)."""
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
    else:
        console.notify(TUI("loading_data", lang), timeout=2)
    return True
