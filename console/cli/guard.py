"""``main``: parse the command line, run the command, and turn every failure into one line on stderr
and a documented exit code (see the package's docstring)."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from console.cli.common import (
    EXIT_FILES,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    CommandFailed,
    error_line,
    visible,
)
from console.cli.console import served
from console.cli.failures import errno_of, os_reason
from console.cli.parser import parse_command_line
from console.cli.selection import counties_of
from console.core.text import in_lang
from console.words import DEFAULT_LANG, Lang, as_lang, is_lang
from console.words.cli import CLI

if TYPE_CHECKING:
    import argparse

    from console.core.config import Settings


def _argv_lang(argv: Sequence[str]) -> Lang | None:
    """The --lang given on the command line (last one wins), before argparse has run."""
    chosen = None
    for i, word in enumerate(argv):
        if word == "--":
            break
        if word == "--lang" and i + 1 < len(argv):
            chosen = argv[i + 1]
        elif word.startswith("--lang="):
            chosen = word.split("=", 1)[1]
    return chosen if is_lang(chosen) else None


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``devzones``; return the exit code. No failure escapes as a traceback (see the package doc)."""
    words = list(sys.argv[1:] if argv is None else argv)
    lang = _argv_lang(words) or DEFAULT_LANG
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:  # started with the stream closed (`devzones status >&-`)
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process
    if argv is None and not os.environ.get("DEVZONES_DEBUG"):
        sys.unraisablehook = _quiet_unraisable  # the real process only; tests keep pytest's hook
    try:
        from console.core.config import load_settings

        early = load_settings(lang=_argv_lang(words), remembered=False)
        lang = as_lang(early.lang)
        code = _run(words, early)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_OK
    except SystemExit as exc:
        if isinstance(exc.__context__, BrokenPipeError):  # Rich's own handling of a closed pipe exits 1
            _quiet_stdout()
            return EXIT_OK
        raise
    except KeyboardInterrupt:
        error_line(CLI("interrupted", lang))
        return EXIT_INTERRUPTED
    except Exception as exc:
        code, message = _failure(exc, lang)
        if message:
            error_line(message)
        if code == EXIT_INTERNAL and os.environ.get("DEVZONES_DEBUG"):
            traceback.print_exc()
        return code


def _run(words: list[str], early: Settings) -> int:
    """Parse the command line in the language of ``early`` (the settings before parsing) and run it."""
    from console.core.config import load_settings

    lang = as_lang(early.lang)
    args = parse_command_line(words, lang)
    # Only the console uses what it remembered (the state file); a browser session never does.
    console = args.command is None and not served(args)
    settings = load_settings(
        data_dir=args.data,
        lang=args.lang or (None if console else lang),
        remembered=console,
        ascii=True if args.ascii else None,
        mouse=False if getattr(args, "no_mouse", False) else None,
        year=getattr(args, "year", None),
        counties=counties_of(getattr(args, "county", None)),
    )
    # The first read may have renamed a broken user config, so its warnings are kept too.
    shown = as_lang(settings.lang)
    for warning in dict.fromkeys((*early.warnings, *settings.warnings)):
        print(CLI("warning", shown, message=visible(in_lang(warning, shown), 400)), file=sys.stderr)
    func: Callable[[argparse.Namespace, Settings], int] = args.func
    return func(args, settings)


def _failure(exc: Exception, lang: Lang) -> tuple[int, str]:
    """The exit code and the one line for a failure that reached the guard."""
    from console.data.errors import DataInvalid
    from console.outputs.out_path import OutPathError

    if isinstance(exc, CommandFailed):
        return exc.code, CLI("error", lang, message=visible(str(exc), 600))
    if isinstance(exc, OutPathError):
        return (EXIT_FILES if exc.folder else EXIT_USAGE), CLI("error", lang, message=visible(str(exc), 400))
    if isinstance(exc, DataInvalid):
        from console.outputs.text_tables import make_console, print_errors

        print_errors(exc.errors, lang, make_console(sys.stderr))
        return EXIT_INVALID, ""
    if isinstance(exc, OSError) or errno_of(exc) is not None:
        return EXIT_FILES, CLI("error", lang, message=os_reason(exc, lang))
    kind = type(exc).__name__
    return EXIT_INTERNAL, CLI(
        "error", lang, message=CLI("internal", lang, kind=kind, message=visible(str(exc), 200))
    )


def _quiet_stdout() -> None:
    """stdout's reader went away (``devzones status | head -1``): send the rest to devnull, say nothing.

    Python's documented recipe: without it the interpreter's final flush complains on stderr.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (a test's capture): nothing will flush to a closed pipe


def _quiet_unraisable(unraisable: Any) -> None:
    """Cleanup errors after a reported failure (a half-written zip closed at exit) stay quiet."""
