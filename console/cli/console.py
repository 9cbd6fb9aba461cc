"""``devzones`` with no command: start the Textual console (the one place the CLI imports the app)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from console.cli.common import EXIT_USAGE, CommandFailed
from console.cli.selection import counties_of
from console.words import as_lang
from console.words.cli import CLI

if TYPE_CHECKING:
    from console.core.config import Settings


def served(args: argparse.Namespace) -> bool:
    """Whether this console is a session of ``devzones serve``: the hidden ``--served`` it passes, or
    Textual's web driver (the console started by textual-serve some other way)."""
    return bool(getattr(args, "served", False)) or os.environ.get("TEXTUAL_DRIVER", "").endswith(":WebDriver")


def console_command(args: argparse.Namespace, settings: Settings) -> int:
    """Open the console on a terminal (a usage error when piped or redirected), or in a browser."""
    in_browser = served(args)
    # Piped or redirected (cron, `devzones | cat`), a full-screen app would write escape codes into the
    # pipe and wait for keys that never come: say what to use instead. Served, the pipes are the web
    # driver's.
    if not in_browser and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise CommandFailed(EXIT_USAGE, CLI("no_terminal", as_lang(settings.lang)))
    import gc
    from dataclasses import replace

    # Start-up makes many objects that live as long as the process (modules, classes, widgets): the
    # collector would scan them again and again for nothing. It is off until the first screen is
    # drawn (DevZonesApp.on_mount turns it on again), which saves about a tenth of the start-up.
    gc.disable()
    settings = replace(settings, as_of=args.as_of) if args.as_of else settings
    if in_browser:
        settings = _served_settings(settings, args)
    # Before Textual is imported (a third of a second): the cached screen is read, or, nothing being
    # cached, the data load begins in a thread and runs while Textual is imported and starts.
    from console.tui.startup import launch

    start = launch(settings, in_browser)
    from console.tui.app import run_app

    return run_app(settings, served=in_browser, start=start)


def _served_settings(settings: Settings, args: argparse.Namespace) -> Settings:
    """A browser session's settings: the defaults, or what its link named (--tab, --year, --county),
    never a view remembered in a file; its files go to the browser (the dialogs' folder says so)."""
    from dataclasses import replace

    from console.words.serve import SERVE

    return replace(
        settings,
        tab=args.tab or "overview",
        year=args.year,
        counties=tuple(counties_of(args.county)),
        sort={},
        export_folder=SERVE("to_browser", as_lang(settings.lang)),
        bulletin_folder="",
    )
