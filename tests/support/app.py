"""Starting the console under Pilot and waiting for it to settle."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from pathlib import Path

from textual.worker import WorkerFailed

from console.core.config import load_settings
from console.tui.app import DevZonesApp
from widgets.view_table import ViewTable


def make_app(data_dir: Path, **kwargs) -> DevZonesApp:  # type: ignore[no-untyped-def]
    """The console on ``data_dir``; ``lang`` and ``ascii`` go to the settings, the rest to the app."""
    settings = load_settings(
        data_dir=data_dir, lang=kwargs.pop("lang", None), ascii=kwargs.pop("ascii", None)
    )
    return DevZonesApp(settings, **kwargs)


async def ready(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait for the app's workers (load, evaluation) and one refresh."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def column_labels(table: ViewTable) -> list[str]:
    """The table's headings as drawn, with the sort marker."""
    return [table._label(i) for i in table._shown]


def row_cells(table: ViewTable, index: int) -> list[str]:
    """The cells of row ``index`` in the table's shown columns, as text."""
    assert table.view is not None
    return [table.view.rows[index].cells[i].text for i in table._shown]


def rows(app: DevZonesApp, table: str) -> list[list[str]]:
    """The cells of ``#<table>-table``, row by row."""
    widget = app.query_one(f"#{table}-table", ViewTable)
    return [row_cells(widget, i) for i in range(widget.row_count)]


def reloadless_app(data_dir: Path) -> DevZonesApp:
    """The console on ``data_dir``; these tests reload by hand, so its own watch of the files is off."""
    return DevZonesApp(replace(load_settings(data_dir=data_dir), reload_seconds=3600), use_cache=False)


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait for the workers; a failed one is what these tests are about, so it may fail."""
    with contextlib.suppress(WorkerFailed):
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
