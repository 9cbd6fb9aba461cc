"""The console made as the `devzones` command makes it: its start begun before Textual is imported."""

from __future__ import annotations

from console.core.config import Settings
from console.tui.app import DevZonesApp
from console.tui.session import Session
from console.tui.startup import begin


def launched(settings: Settings) -> DevZonesApp:
    """The console on ``settings`` with the start the CLI gives it (console.cli.console)."""
    return DevZonesApp(settings, start=begin(Session.start(settings), use_cache=True))
