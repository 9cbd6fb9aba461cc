"""The console app is wiring: state, screens, flows and workers live in their own modules."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from console.core.config import load_settings
from console.tui.app import DevZonesApp
from widgets.drilldown_screen import DetailScreen


def test_the_app_class_stays_under_200_lines() -> None:
    lines = inspect.getsource(DevZonesApp).rstrip().splitlines()
    assert len(lines) < 200, f"DevZonesApp has {len(lines)} lines: move logic to a pane, flow or worker"


async def test_a_drill_down_is_built_off_the_ui_thread(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A slow drill-down (national scale) must not freeze the console: its content is built in a worker."""
    import threading

    import console.present.drilldown as details

    threads: list[threading.Thread] = []
    real = details.zone_detail

    def recorded(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(details, "zone_detail", recorded)
    app = DevZonesApp(load_settings(data_dir=data_dir), use_cache=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("2", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        assert threads and threads[0] is not threading.main_thread()
