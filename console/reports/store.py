"""Ingest accepted reports into the dataset as a transaction, keep history, undo, and recover.

An ingest reads and checks every report and computes the changes with no lock held (the user may
take their time over the y/N). Then, under the dataset lock, it checks that the dataset has not
changed meanwhile, stages the new tables in ``.staging-*``, loads the staged dataset, and writes a
journal in ``.history/<time>.pending/`` holding the replaced files and each file's sha256 before and
after. Only then are the files replaced; renaming the entry to ``.history/<time>/`` commits it. A
crash at any point leaves a state ``recover`` finishes or rolls back. See data/README.md.

The parts: ``merge`` (the changes reports make), ``batch`` (the rules of a whole batch), ``journal``
(the history and its replay), ``recovery``; this module joins them.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO

import polars as pl

from console.core import files
from console.core.files import dataset_lock
from console.core.text import Said
from console.data.errors import DataInvalid
from console.data.loader import find_table_file, load_dataset
from console.data.schema import TABLES_BY_NAME
from console.data.unfinished import BROKEN, HISTORY, JOURNAL, PENDING, UNDONE
from console.reports.assessment import Assessment, is_assessment_workbook, read_assessment
from console.reports.batch import ReportBatchRejected, merge_batch, reported_twice
from console.reports.journal import (
    STAGING_PREFIX,
    FileChange,
    HistoryProblem,
    Journal,
    finish,
    history_entries,
    read_journal,
    refuse_links,
    restore,
    roll_back,
    set_aside,
    sha256,
)
from console.reports.merge import Change
from console.reports.read import read_report
from console.reports.recovery import recover
from console.reports.template import Report, ReportRejected
from console.reports.words import Problem

# What the CLI, the console and the tests import from here (some defined in the modules above).
__all__ = [
    "Change",
    "DatasetChanged",
    "HistoryProblem",
    "Prepared",
    "ReportBatchRejected",
    "apply",
    "commit",
    "ingest",
    "prepare",
    "read_journal",
    "recover",
    "sha256",
    "undo",
]


class DatasetChanged(Exception):
    """The dataset changed between reading the reports and applying them."""

    def __init__(self, directory: Path) -> None:
        super().__init__(Problem("dataset_changed", path=str(directory)))


def _write_table(frame: pl.DataFrame, suffix: str) -> bytes:
    def write(handle: IO[bytes]) -> None:
        if suffix == ".csv":
            frame.write_csv(handle, include_bom=True)
        elif suffix == ".parquet":
            frame.write_parquet(handle)
        else:
            frame.write_excel(handle, autofit=True)

    return files.render(write)


def _stamp(history: Path) -> str:
    stamp = f"{datetime.now():%Y%m%d-%H%M%S-%f}"
    while any((history / f"{stamp}{end}").exists() for end in ("", PENDING, UNDONE, BROKEN)):
        stamp += "x"
    return stamp


def apply(
    directory: Path,
    tables: dict[str, pl.DataFrame],
    reason: str,
    sources: str = "",
    raw: dict[str, bytes] | None = None,
) -> Path:
    """Replace the tables' files as one transaction (caller holds the lock); returns the history entry.

    The new files are staged and the whole staged dataset loaded first: if that load fails, nothing
    in the dataset changes (ReportBatchRejected naming ``sources``). If replacing fails part way, the
    files already replaced are put back before the error is raised. ``raw`` replaces other dataset
    files (``manifest.toml``) by name, in the same transaction.
    """
    ds_files = {name: find_table_file(directory, TABLES_BY_NAME[name])[0] for name in tables}
    staging = files.make_folder(directory, STAGING_PREFIX)
    try:
        for path in directory.iterdir():
            if path.is_file() and not path.name.startswith("."):
                files.link_or_copy(path, staging / path.name)
        changes = []
        for name, frame in tables.items():
            target = ds_files[name]
            assert target is not None
            (staging / target.name).unlink()
            files.write_new(staging / target.name, _write_table(frame, target.suffix.lower()))
            changes.append(FileChange(target.name, sha256(target), sha256(staging / target.name)))
        for name, content in (raw or {}).items():
            (staging / name).unlink(missing_ok=True)
            files.write_new(staging / name, content)
            changes.append(FileChange(name, sha256(directory / name), sha256(staging / name)))
        try:
            load_dataset(staging)
        except DataInvalid as exc:
            raise ReportBatchRejected(
                [
                    ReportRejected(
                        sources or reason,
                        [
                            Problem("merged_invalid", problem=Said(e.text("en"), e.text("zh")))
                            for e in exc.errors
                        ],
                    )
                ]
            ) from None
        history = directory / HISTORY
        history.mkdir(exist_ok=True)
        pending = history / (_stamp(history) + PENDING)
        pending.mkdir()
        journal = Journal(reason, datetime.now().isoformat(), staging.name, tuple(changes))
        try:
            for change in changes:
                files.atomic_write_bytes(pending / change.name, (directory / change.name).read_bytes())
            files.atomic_write_bytes(pending / JOURNAL, journal.to_json())
            files.fsync_folder(history)
        except Exception:  # nothing replaced yet: the unfinished entry simply goes
            shutil.rmtree(pending, ignore_errors=True)
            raise
        try:
            return finish(directory, pending, journal)
        except Exception:  # a crash (or Ctrl-C) leaves the pending entry for ``recover`` instead
            roll_back(directory, pending, journal)
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


@dataclass
class Prepared:
    """Reports read and merged against the dataset as it was; nothing written yet."""

    directory: Path
    paths: list[Path]
    reports: list[Report]
    changes: list[Change]
    tables: dict[str, pl.DataFrame]
    fingerprint: dict[str, str | None] = field(default_factory=dict)
    assessments: list[Assessment] = field(default_factory=list)
    raw: dict[str, bytes] = field(default_factory=dict)  # other files replaced (manifest.toml)
    warnings: list[str] = field(default_factory=list)


def _fingerprint(directory: Path) -> dict[str, str | None]:
    return {
        p.name: sha256(p) for p in sorted(directory.iterdir()) if p.is_file() and not p.name.startswith(".")
    }


def prepare(directory: Path, paths: list[Path], today: date | None = None) -> Prepared:
    """Read, check and merge reports; every report is read, one bad report rejects them all.

    A path is an assessment-results workbook when it holds the assessment sheet, else a quarterly report.
    """
    today = today or date.today()
    fingerprint = _fingerprint(directory)
    ds = load_dataset(directory)
    problems: list[ReportRejected] = []
    reports = []
    assessments = []
    for path in paths:
        try:
            if is_assessment_workbook(path):
                assessments.append(read_assessment(ds, path, today))
            else:
                reports.append(read_report(ds, path, today))
        except ReportRejected as exc:
            problems.append(exc)
    reports, twice = reported_twice(reports)
    problems.extend(twice)
    if problems:
        raise ReportBatchRejected(problems)
    merged = merge_batch(ds, reports, assessments, today)
    return Prepared(
        directory,
        paths,
        reports,
        merged.changes,
        merged.tables,
        fingerprint,
        assessments,
        merged.raw,
        merged.warnings,
    )


def commit(prepared: Prepared, today: date | None = None) -> Path:
    """Apply prepared changes under the lock; DatasetChanged if what was confirmed no longer holds."""
    today = today or date.today()
    directory = prepared.directory
    with dataset_lock(directory):
        refuse_links(directory)
        recover(directory, lock=False)
        tables, changes, raw = prepared.tables, prepared.changes, prepared.raw
        if _fingerprint(directory) != prepared.fingerprint:
            merged = merge_batch(load_dataset(directory), prepared.reports, prepared.assessments, today)
            if merged.changes != prepared.changes:
                raise DatasetChanged(directory)
            tables, changes, raw = merged.tables, merged.changes, merged.raw
        changed = {name: frame for name, frame in tables.items() if any(c.table == name for c in changes)}
        names = ", ".join(p.name for p in prepared.paths)
        return apply(directory, changed, "ingest " + names, names, raw)


def ingest(
    directory: Path,
    paths: list[Path],
    dry_run: bool = False,
    confirm: Callable[[list[Change]], bool] | None = None,
    today: date | None = None,
    warn: Callable[[str], None] | None = None,
) -> tuple[list[Change], Path | None]:
    """Read, check and merge reports (and assessment workbooks) into the dataset at ``directory``.

    ``confirm`` is called with the list of changes (no lock is held meanwhile) and returns True to
    apply them; ``warn`` receives each warning (a report for a quarter still running). Returns
    (changes, history entry or None when nothing was applied).
    """
    recover(directory)
    prepared = prepare(directory, paths, today)
    for warning in prepared.warnings:
        if warn is not None:
            warn(warning)
    changes = prepared.changes
    if dry_run or not changes or (confirm is not None and not confirm(changes)):
        return changes, None
    return changes, commit(prepared, today)


def undo(directory: Path) -> tuple[Path, list[str]] | None:
    """Restore the files the last ingest replaced; None when there is nothing to undo.

    A file is restored only if it still is exactly what the ingest wrote; otherwise nothing is
    restored and HistoryProblem names the file. An entry whose journal is unreadable or unsafe is
    set aside as ``<entry>.broken`` (its files kept) with a HistoryProblem saying so.
    """
    with dataset_lock(directory):
        refuse_links(directory)
        recover(directory, lock=False)
        entries = history_entries(directory)
        if not entries:
            return None
        entry = entries[-1]
        try:
            journal = read_journal(directory, entry)
        except HistoryProblem as exc:
            aside = set_aside(entry)
            raise HistoryProblem(Problem("undo_set_aside", problem=exc.args[0], aside=str(aside))) from None
        return restore(directory, entry, journal), [c.name for c in journal.files]
