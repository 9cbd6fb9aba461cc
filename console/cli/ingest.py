"""``devzones ingest`` and ``devzones undo``: the commands that change a dataset (never the embedded
sample), each under the dataset's lock, an interrupted one finished or rolled back first."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from console.cli.common import (
    EXIT_FILES,
    EXIT_INVALID,
    EXIT_MISSING,
    EXIT_OK,
    EXIT_USAGE,
    CommandFailed,
    error_line,
    join_choices,
    print_json,
    visible,
)
from console.cli.failures import link_refused, locked, told
from console.words import Lang, as_lang
from console.words.cli import CLI, YES_ANSWERS

if TYPE_CHECKING:
    from console.core.config import Settings
    from console.reports.store import Change, ReportBatchRejected


def recover_notices(settings: Settings) -> None:
    """Finish or roll back an interrupted ingest or undo in the dataset, and say which (on stderr)."""
    from console.core.files import DatasetLocked, LinkRefused
    from console.reports.store import recover
    from console.reports.words import in_language

    lang = as_lang(settings.lang)
    try:
        messages = recover(settings.data_dir)
    except (DatasetLocked, LinkRefused) as exc:
        raise _refused(exc, lang) from None
    for message in messages:
        error_line(CLI("note", lang, message=visible(in_language(message, lang), 600)))


def _refused(exc: Exception, lang: Lang) -> CommandFailed:
    """The store's refusal (the dataset locked, a link in it, the dataset changed meanwhile, an unsafe
    history) as the failure the guard reports."""
    from console.core.files import DatasetLocked, LinkRefused
    from console.reports.store import DatasetChanged, HistoryProblem

    if isinstance(exc, DatasetLocked):
        return CommandFailed(EXIT_FILES, locked(exc, lang))
    if isinstance(exc, LinkRefused):
        return CommandFailed(EXIT_FILES, link_refused(exc, lang))
    if isinstance(exc, DatasetChanged):  # not applied: the user confirmed changes that no longer hold
        return CommandFailed(EXIT_MISSING, told(exc, lang))
    assert isinstance(exc, HistoryProblem), exc  # a file changed since, or an unsafe journal
    return CommandFailed(EXIT_INVALID, told(exc, lang, 1200))


def _writable(settings: Settings, lang: Lang) -> None:
    """The embedded sample is read-only: a usage error (copy it and point --data at the copy)."""
    from console.core.paths import embedded_data_dir

    if settings.data_dir.resolve() == embedded_data_dir().resolve():
        raise CommandFailed(EXIT_USAGE, CLI("embedded_read_only", lang))


def undo_command(args: argparse.Namespace, settings: Settings) -> int:
    """Restore the files the last ingest replaced; exit 1 when there is nothing to undo."""
    from console.core.files import DatasetLocked, LinkRefused
    from console.reports.store import HistoryProblem, undo

    lang = as_lang(settings.lang)
    _writable(settings, lang)
    recover_notices(settings)
    try:
        restored = undo(settings.data_dir)
    except (DatasetLocked, LinkRefused, HistoryProblem) as exc:
        raise _refused(exc, lang) from None
    if restored is None:
        if args.json:
            print_json({"command": "undo", "restored": [], "entry": None})
        else:
            print(CLI("undo_nothing", lang))
        return EXIT_MISSING
    if args.json:
        print_json({"command": "undo", "restored": restored[1], "entry": str(restored[0])})
    else:
        names = join_choices((visible(n, 400) for n in restored[1]), lang)
        print(CLI("undo_restored", lang, names=names))
    return EXIT_OK


def ingest_command(args: argparse.Namespace, settings: Settings) -> int:
    """Check the filled reports, show what would change, and merge them on confirmation (--yes)."""
    from console.core.files import DatasetLocked, LinkRefused
    from console.reports.store import DatasetChanged, HistoryProblem, ReportBatchRejected, ingest
    from console.reports.words import in_language

    lang = as_lang(settings.lang)
    _writable(settings, lang)
    # With --json, stdout holds only the JSON document: listings and the prompt go to stderr.
    talk = sys.stderr if args.json else sys.stdout
    recover_notices(settings)

    def show_then_confirm(changes: list[Change]) -> bool:
        _show(changes, lang, talk)
        return _confirm(args, lang, talk)

    try:
        changes, entry = ingest(
            settings.data_dir,
            args.files,
            dry_run=args.dry_run,
            confirm=show_then_confirm,
            warn=lambda message: error_line(
                CLI("warning", lang, message=visible(in_language(message, lang), 600))
            ),
        )
    except ReportBatchRejected as exc:
        _rejected(exc, lang, settings.ascii)
        return EXIT_INVALID
    except (DatasetLocked, LinkRefused, DatasetChanged, HistoryProblem) as exc:
        raise _refused(exc, lang) from None
    if args.json:
        _as_json(args, changes, entry, lang)
    return _closing(args, settings, changes, entry, lang)


def _show(changes: list[Change], lang: Lang, talk: TextIO) -> None:
    for change in changes:
        print(change.describe(lang), file=talk)


def _confirm(args: argparse.Namespace, lang: Lang, talk: TextIO) -> bool:
    """Yes with --yes; otherwise asked on a terminal, and no (with an error line) without one."""
    if args.yes:
        return True
    if not sys.stdin.isatty():
        error_line(CLI("error", lang, message=CLI("ingest_needs_yes", lang)))
        return False
    print(CLI("ingest_ask", lang), end="", file=talk, flush=True)
    return input().strip().lower() in YES_ANSWERS


def _as_json(args: argparse.Namespace, changes: list[Change], entry: Path | None, lang: Lang) -> None:
    print_json(
        {
            "command": "ingest",
            "dry_run": args.dry_run,
            "applied": entry is not None,
            "changes": [
                {"table": c.table, "key": c.key, "old": c.old, "new": c.new, "text": c.describe(lang)}
                for c in changes
            ],
            "history": str(entry) if entry is not None else None,
        }
    )


def _rejected(exc: ReportBatchRejected, lang: Lang, ascii_only: bool) -> None:
    """Each rejected file and its problems on stderr, then the one error line: nothing was ingested."""
    from console.reports.words import in_language

    for rejected in exc.rejected:
        source = visible(rejected.source, 400)
        mark = "x" if ascii_only else "✗"
        print(CLI("rejected_file", lang, mark=mark, source=source), file=sys.stderr)
        for problem in rejected.problems:  # cell values from the file: escapes shown, never sent
            print(f"  {visible(in_language(problem, lang), 1200)}", file=sys.stderr)
    error_line(CLI("error", lang, message=CLI("ingest_rejected", lang)))


def _closing(
    args: argparse.Namespace, settings: Settings, changes: list[Change], entry: Path | None, lang: Lang
) -> int:
    """What an ingest ends with: the dry run's listing, nothing new, not applied (exit 1), or where
    the replaced files are kept and the undo command that restores them."""
    if args.dry_run:
        if not args.json:
            _show(changes, lang, sys.stdout)
            print(CLI("ingest_dry_run", lang))
        return EXIT_OK
    if not changes:
        if not args.json:
            print(CLI("ingest_nothing_new", lang))
        return EXIT_OK
    if entry is None:
        return EXIT_MISSING
    if not args.json:
        import shlex

        # The undo command as it runs (the dataset named: without --data, undo would go to the default one).
        data = shlex.quote(visible(settings.data_dir.resolve(), 4096))
        print(CLI("ingest_done", lang, entry=visible(entry, 4096), data=data))
    return EXIT_OK
