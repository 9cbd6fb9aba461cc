"""Recovery after a crash: finish or roll back an interrupted ingest (its ``.pending`` journal), finish
an interrupted undo, and remove staging folders and temporary files left behind."""

from __future__ import annotations

import shutil
from pathlib import Path

from console.core import files
from console.core.files import dataset_lock
from console.data.unfinished import HISTORY, PENDING, UNDO_JOURNAL
from console.reports.journal import (
    STAGING_PREFIX,
    HistoryProblem,
    finish,
    history_entries,
    read_journal,
    refuse_links,
    restore,
    roll_back,
    sha256,
)
from console.reports.words import Problem


def needs_recovery(directory: Path) -> bool:
    """Whether an interrupted ingest or undo left anything behind (checked without the lock)."""
    try:
        if any(p.name.startswith(STAGING_PREFIX) or files.is_temp(p) for p in directory.iterdir()):
            return True
        history = directory / HISTORY
        return history.is_dir() and any(
            p.name.endswith(PENDING) or (p in history_entries(directory) and (p / UNDO_JOURNAL).exists())
            for p in history.iterdir()
        )
    except OSError:
        return False


def recover(directory: Path, lock: bool = True) -> list[Problem]:
    """Finish or roll back an interrupted ingest or undo, remove leftovers; returns what was done
    (catalogue messages, shown in either language)."""
    if not needs_recovery(directory):
        return []
    if not lock:
        refuse_links(directory)
        return _recover(directory)
    with dataset_lock(directory):
        refuse_links(directory)
        return _recover(directory)


def _recover(directory: Path) -> list[Problem]:
    messages = []
    history = directory / HISTORY
    for pending in sorted(history.glob("*" + PENDING)) if history.is_dir() else []:
        messages.append(_resolve_pending(directory, pending))
    for entry in history_entries(directory):
        if (entry / UNDO_JOURNAL).exists():
            messages.append(_resolve_undo(directory, entry))
    for path in directory.iterdir():
        if path.name.startswith(STAGING_PREFIX) and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        elif files.is_temp(path) and path.is_file():
            path.unlink(missing_ok=True)
    return messages


def _resolve_pending(directory: Path, pending: Path) -> Problem:
    try:
        journal = read_journal(directory, pending)
    except HistoryProblem:
        # The journal is written (atomically) before any file is replaced: nothing was changed.
        shutil.rmtree(pending, ignore_errors=True)
        return Problem("recovered_clean")
    staging = directory / journal.staging
    ready = all(
        (current := sha256(directory / c.name)) == c.after
        or (current == c.before and sha256(staging / c.name) == c.after)
        for c in journal.files
    )
    names = ", ".join(c.name for c in journal.files)
    if journal.staging and ready:
        finish(directory, pending, journal)
        return Problem("recovered_finished", reason=journal.reason, names=names)
    odd = roll_back(directory, pending, journal)
    if odd:
        return Problem("recovered_odd", reason=journal.reason, names=", ".join(odd))
    return Problem("recovered_rolled_back", reason=journal.reason, names=names)


def _resolve_undo(directory: Path, entry: Path) -> Problem:
    try:
        journal = read_journal(directory, entry)
        restore(directory, entry, journal)
    except HistoryProblem as exc:
        (entry / UNDO_JOURNAL).unlink(missing_ok=True)  # the undo stays not done; say why once
        return Problem("undo_unfinished", problem=exc.args[0])
    names = ", ".join(c.name for c in journal.files)
    return Problem("undo_finished", names=names)
