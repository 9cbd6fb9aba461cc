"""The ingest history's journal: what a transaction replaces, with each file's sha256 before and after,
and the steps that replay it: finish (replace the rest, commit), roll back, or restore (undo).

An ingest writes its journal in ``.history/<time>.pending/`` with the replaced files before replacing
any; renaming the entry to ``.history/<time>/`` commits it. See data/README.md.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from console.core import files
from console.core.text import clean
from console.data.unfinished import BROKEN, HISTORY, JOURNAL, PENDING, UNDO_JOURNAL, UNDONE
from console.reports.words import Problem

KEPT = "kept-at-undo"  # undoing an entry without hashes keeps the versions it replaces here


STAGING_PREFIX = ".staging-"


class HistoryProblem(Exception):
    """An ingest or undo that cannot go ahead safely; the message says which file and why."""


@dataclass(frozen=True)
class FileChange:
    """One dataset file a transaction replaces, with its sha256 before and after."""

    name: str
    before: str | None
    after: str | None


@dataclass(frozen=True)
class Journal:
    reason: str
    at: str
    staging: str
    files: tuple[FileChange, ...]

    def to_json(self) -> bytes:
        document = {
            "version": 2,
            "reason": self.reason,
            "at": self.at,
            "staging": self.staging,
            "files": [{"name": f.name, "before": f.before, "after": f.after} for f in self.files],
        }
        return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def sha256(path: Path) -> str | None:
    """The file's sha256 in hex, or None when there is no such file."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def _inside(directory: Path, name: object, where: Path) -> str:
    """``name`` if it is a plain file name that stays inside ``directory``; else HistoryProblem."""
    if (
        not isinstance(name, str)
        or not name
        or name.startswith(".")
        or Path(name).name != name
        or "/" in name
        or "\\" in name
        or (directory / name).resolve().parent != directory.resolve()
    ):
        raise HistoryProblem(Problem("journal_outside", path=str(where / JOURNAL), name=str(name)))
    return name


def read_journal(directory: Path, entry: Path, name: str = JOURNAL) -> Journal:
    """The journal of a history entry, checked; HistoryProblem if missing, truncated or unsafe."""
    path = entry / name
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise HistoryProblem(Problem("journal_missing", path=str(path))) from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise HistoryProblem(Problem("journal_damaged", path=str(path), reason=str(exc))) from None
    if not isinstance(raw, dict) or not isinstance(raw.get("files"), list):
        raise HistoryProblem(Problem("journal_no_files", path=str(path)))
    changes = []
    for item in raw["files"]:
        if isinstance(item, str):  # a journal written before hashes were kept
            changes.append(FileChange(_inside(directory, item, entry), None, None))
            continue
        if not isinstance(item, dict):
            raise HistoryProblem(Problem("journal_bad_entry", path=str(path)))
        hashes = [item.get("before"), item.get("after")]
        if not all(h is None or isinstance(h, str) for h in hashes):
            raise HistoryProblem(Problem("journal_bad_hash", path=str(path)))
        changes.append(FileChange(_inside(directory, item.get("name"), entry), *hashes))
    staging = raw.get("staging", "")
    if not isinstance(staging, str) or (
        staging and (not staging.startswith(STAGING_PREFIX) or "/" in staging)
    ):
        raise HistoryProblem(Problem("journal_bad_staging", path=str(path)))
    # The reason and time are shown (changes, the bulletin, the console): read through the boundary.
    return Journal(clean(raw.get("reason", "")), clean(raw.get("at", "")), staging, tuple(changes))


def history_entries(directory: Path) -> list[Path]:
    """Committed history entries (applied ingests not undone), oldest first."""
    history = directory / HISTORY
    if not history.is_dir():
        return []
    return sorted(
        p for p in history.iterdir() if p.is_dir() and not p.name.endswith((PENDING, UNDONE, BROKEN))
    )


def refuse_links(directory: Path) -> None:
    """LinkRefused naming the first symbolic link where an ingest, undo or recovery would write.

    ``.history`` and each entry in it (and what an entry holds), the staging folders and the lock
    file: a link there would let an ingest or undo write, move or delete files outside the dataset.
    Called with the lock held, before anything is written.
    """
    history = directory / HISTORY
    places = [history, directory / files.LOCK_NAME]
    places += [p for p in directory.iterdir() if p.name.startswith(STAGING_PREFIX)]
    if history.is_dir() and not history.is_symlink():
        for entry in sorted(history.iterdir()):
            places.append(entry)
            if entry.is_dir() and not entry.is_symlink():
                places.extend(sorted(entry.iterdir()))
                kept = entry / KEPT
                if kept.is_dir() and not kept.is_symlink():
                    places.extend(sorted(kept.iterdir()))
    files.refuse_links(*places)


def set_aside(entry: Path) -> Path:
    target = entry.with_name(entry.name.removesuffix(PENDING) + BROKEN)
    n = 2
    while target.exists():
        target = entry.with_name(f"{entry.name.removesuffix(PENDING)}-{n}{BROKEN}")
        n += 1
    os.replace(entry, target)
    return target


def install(source: Path, target: Path, move: bool) -> None:
    """Put ``source``'s content at ``target`` atomically (moving it when it is a staged file)."""
    if move:
        os.replace(source, target)
    else:
        files.atomic_write_bytes(target, source.read_bytes())


def finish(directory: Path, pending: Path, journal: Journal) -> Path:
    """Replace every file not yet replaced from the staging folder, then commit the entry."""
    staging = directory / journal.staging
    for change in journal.files:
        if sha256(directory / change.name) != change.after:
            install(staging / change.name, directory / change.name, move=True)
    files.fsync_folder(directory)
    entry = pending.with_name(pending.name.removesuffix(PENDING))
    os.replace(pending, entry)  # the commit: from here on the ingest has applied
    with contextlib.suppress(OSError):
        files.fsync_folder(entry.parent)
    return entry


def roll_back(directory: Path, pending: Path, journal: Journal) -> list[str]:
    """Put back each file already replaced; returns the files in neither state (left as they are)."""
    odd = []
    for change in journal.files:
        current = sha256(directory / change.name)
        if current == change.after and current != change.before:
            install(pending / change.name, directory / change.name, move=False)
        elif current != change.before:
            odd.append(change.name)
    if odd:
        set_aside(pending)
    else:
        shutil.rmtree(pending)
    return odd


def restore(directory: Path, entry: Path, journal: Journal) -> Path:
    """Put back the entry's saved files (each only if unchanged since the ingest); mark it undone.

    An entry written by an older devzones has no hashes: its files are restored, and the versions
    they replace are kept in ``<entry>.undone/kept-at-undo/`` so that nothing is lost.
    """
    for change in journal.files:
        saved = sha256(entry / change.name)
        if saved is None or (change.before is not None and saved != change.before):
            raise HistoryProblem(Problem("saved_copy_bad", path=str(entry / change.name)))
    hashed = [c for c in journal.files if c.after is not None]
    changed = [c.name for c in hashed if sha256(directory / c.name) not in (c.after, c.before)]
    if changed:
        raise HistoryProblem(
            Problem(
                "changed_since_ingest",
                path=str(directory / changed[0]),
                names=", ".join(changed),
                entry=str(entry),
            )
        )
    for change in journal.files:
        kept = entry / KEPT / change.name
        if change.after is None and (directory / change.name).is_file() and not kept.exists():
            kept.parent.mkdir(exist_ok=True)
            files.atomic_write_bytes(kept, (directory / change.name).read_bytes())
    if not (entry / UNDO_JOURNAL).exists():
        files.atomic_write_bytes(entry / UNDO_JOURNAL, journal.to_json())
    for change in journal.files:
        current = sha256(directory / change.name)
        if current == change.after or (change.after is None and current != sha256(entry / change.name)):
            install(entry / change.name, directory / change.name, move=False)
    files.fsync_folder(directory)
    done = entry.with_name(entry.name + UNDONE)
    os.replace(entry, done)
    with contextlib.suppress(OSError):
        files.fsync_folder(entry.parent)
    return entry
