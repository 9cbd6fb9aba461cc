"""The console app is wiring: state, screens, flows and workers live in their own modules."""

from __future__ import annotations

import inspect

from console.tui.app import DevZonesApp


def test_the_app_class_stays_under_200_lines() -> None:
    lines = inspect.getsource(DevZonesApp).rstrip().splitlines()
    assert len(lines) < 200, f"DevZonesApp has {len(lines)} lines: move logic to a pane, flow or worker"
