"""``devzones`` with no command: start the Textual console (the one place the CLI imports the app)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from console.cli.common import EXIT_USAGE, CommandFailed
from console.words import as_lang
from console.words.cli import CLI

if TYPE_CHECKING:
    from console.core.config import Settings


def console_command(args: argparse.Namespace, settings: Settings) -> int:
    """Open the console on a terminal (a usage error when piped or redirected)."""
    # Piped or redirected (cron, `devzones | cat`), a full-screen app would write escape codes into the
    # pipe and wait for keys that never come: say what to use instead.
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise CommandFailed(EXIT_USAGE, CLI("no_terminal", as_lang(settings.lang)))
    import gc
    from dataclasses import replace

    # Start-up makes many objects that live as long as the process (modules, classes, widgets): the
    # collector would scan them again and again for nothing. It is off until the first screen is
    # drawn (DevZonesApp.on_mount turns it on again), which saves about a tenth of the start-up.
    gc.disable()
    from console.tui.app import run_app

    return run_app(replace(settings, as_of=args.as_of) if args.as_of else settings)
