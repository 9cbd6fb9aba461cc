"""The ``devzones`` command: the console with no subcommand; every other command runs headless.

``guard.main`` parses the command line (``parser``: the argparse tree, in the chosen language through
``language``'s shim and ``options``' parts), runs the command's function (each command names it with
``set_defaults(func=...)``), and is the one guard that turns every failure into one line on stderr and
a documented exit code (the ``epilog`` words in console/words/cli_help.py, and README's "Command line"):

0 success; 1 ``--fail-on-missing`` found a zone missing a target (also: ingest not applied, declined
or because the dataset changed meanwhile; nothing to undo); 2 usage error (argparse's own, or a
year/county/zone/month the data does not have); 3 invalid data, a rejected report, or an undo refused
because a file changed after the ingest; 4 file-system error (permission, no space, name too long,
missing folder, the dataset locked by another ingest);
5 internal error (a bug: the traceback only with DEVZONES_DEBUG=1). A closed stdout (``| head``) ends
quietly with 0.

One module per command or family: ``check``, ``status``, ``rankings``, ``changes``, ``bulletin``,
``export``, ``template``, ``ingest`` (ingest and undo), ``dataset`` (init and generate), ``where``,
``console`` (starting the app); ``completion`` is in ``parser``, whose tree it prints. What they share:
``common`` (exit codes, output), ``failures`` (what a failure says), ``selection`` (the data the
options select). Every word is in console/words/cli.py and cli_help.py.

May import: outputs, reports, sample, present, engine, data, core, words (console's layers below this
one); never ``console.tui`` (Textual) except where the console starts (``console.cli.console``) and
draws its screenshot (``export``), inside the function, so that headless commands never load Textual.
"""

from __future__ import annotations

from console.cli.common import (
    EXIT_FILES,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_MISSING,
    EXIT_OK,
    EXIT_USAGE,
)
from console.cli.guard import main
from console.cli.parser import BULLETIN_FORMATS, EXPORT_FORMATS, build_parser, parse_command_line

__all__ = [
    "BULLETIN_FORMATS",
    "EXIT_FILES",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_INVALID",
    "EXIT_MISSING",
    "EXIT_OK",
    "EXIT_USAGE",
    "EXPORT_FORMATS",
    "build_parser",
    "main",
    "parse_command_line",
]
