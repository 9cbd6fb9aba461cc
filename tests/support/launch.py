"""The console made as the `devzones` command makes it: its start begun before Textual is imported."""

from __future__ import annotations

import os
from pathlib import Path

from console.core.config import Settings
from console.tui.app import DevZonesApp
from console.tui.session import Session
from console.tui.startup import begin


def launched(settings: Settings) -> DevZonesApp:
    """The console on ``settings`` with the start the CLI gives it (console.cli.console)."""
    return DevZonesApp(settings, start=begin(Session.start(settings), use_cache=True))


def own_user_env(tmp_path: Path) -> dict[str, str]:
    """The environment of a child process that is a user of its own: no config, a fresh state and cache."""
    return {
        **os.environ,
        "DEVZONES_CONFIG": str(tmp_path / "none.toml"),
        "DEVZONES_STATE": str(tmp_path / "state.toml"),
        "DEVZONES_CACHE": str(tmp_path / "cache"),
    }
