"""What readers see while an ingest or undo is unfinished: the dataset as it was before it.

An ingest (console.reports.store) saves every file it will replace into ``.history/<time>.pending/``
and writes ``journal.json`` there before it replaces any; renaming the entry to ``.history/<time>/``
is its commit. An undo writes ``undo.json`` into the entry before it restores any file, and renames
the entry ``<time>.undone`` when done. Between those points (or after a kill part way, until someone
recovers) the dataset's own files may be a mixture of before and after.

A reader therefore takes each file such a transaction touches from its saved copy: it sees the
dataset before the ingest (or as the undo will leave it), consistently, without the lock and without
writing, so a member of a group with no right to recover still never sees half an ingest. The names
of the history folder and its entries are defined here, once, for the writer as well.
"""

from __future__ import annotations

import json
from pathlib import Path

HISTORY = ".history"
JOURNAL = "journal.json"
UNDO_JOURNAL = "undo.json"  # written into an entry while its undo is under way
PENDING, UNDONE, BROKEN = ".pending", ".undone", ".broken"


def _journal_names(path: Path) -> list[str]:
    """The dataset file names a journal lists (plain names only); [] if it cannot be read."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return []  # written atomically before any file is replaced: unreadable means none was
    items = raw.get("files") if isinstance(raw, dict) else None
    names = []
    for item in items if isinstance(items, list) else []:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name and not name.startswith(".") and Path(name).name == name:
            names.append(name)
    return names


def _unfinished(history: Path) -> list[tuple[Path, Path]]:
    """(entry, its journal) for each ingest or undo under way or interrupted, oldest first."""
    try:
        if history.is_symlink() or not history.is_dir():
            return []
        entries = sorted(p for p in history.iterdir() if p.is_dir() and not p.is_symlink())
    except OSError:
        return []
    found = []
    for entry in entries:
        if entry.name.endswith(PENDING):
            found.append((entry, entry / JOURNAL))
        elif not entry.name.endswith((UNDONE, BROKEN)) and (entry / UNDO_JOURNAL).is_file():
            found.append((entry, entry / UNDO_JOURNAL))
    return found


def saved_copies(directory: Path) -> dict[str, Path]:
    """For each dataset file an unfinished ingest or undo touches, the saved copy a reader uses."""
    copies: dict[str, Path] = {}
    for entry, journal in _unfinished(directory / HISTORY):
        for name in _journal_names(journal):
            saved = entry / name
            if saved.is_file() and not saved.is_symlink():
                copies.setdefault(name, saved)  # the oldest unfinished one holds the state before all
    return copies


def history_state(directory: Path) -> tuple[tuple[str, bool], ...]:
    """The history entries and which have an undo under way: a reader that sees this change while it
    reads has raced a transaction's start or commit, and reads again."""
    history = directory / HISTORY
    try:
        if history.is_symlink() or not history.is_dir():
            return ()
        return tuple(sorted((p.name, (p / UNDO_JOURNAL).exists()) for p in history.iterdir()))
    except OSError:
        return ()
