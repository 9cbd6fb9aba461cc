"""Ingest accepted reports into the dataset under a lock, keep history, and undo."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import polars as pl

from console.data.dataset import Dataset
from console.data.loader import find_table_file, load_dataset
from console.data.schema import TABLES_BY_NAME
from console.reports.read import read_report
from console.reports.template import HISTORY, LOCK, Report, ReportRejected


@dataclass(frozen=True)
class Change:
    table: str
    key: str
    old: object
    new: object

    def describe(self, lang: str = "zh") -> str:
        if self.old is None:
            return f"{'新增' if lang == 'zh' else 'new'} {self.table} {self.key}: {self.new}"
        return f"{'修改' if lang == 'zh' else 'revised'} {self.table} {self.key}: {self.old} → {self.new}"


def _upsert(
    frame: pl.DataFrame, key: dict[str, str], column: str, value: float
) -> tuple[pl.DataFrame, object]:
    """``frame`` with the row at ``key`` set to ``value`` (added if absent), and the value it had."""
    mask = pl.all_horizontal(pl.col(k) == v for k, v in key.items())
    old = frame.filter(mask)
    row = pl.DataFrame([{**key, column: value}], schema=frame.schema)
    return pl.concat([frame.filter(~mask), row]), (old.get_column(column)[0] if old.height else None)


def merge(
    ds: Dataset, reports: list[Report], today: date | None = None
) -> tuple[dict[str, pl.DataFrame], list[Change]]:
    """The progress tables with the reports merged in, and each change (new or revised value)."""
    today = today or date.today()
    revenue = ds["cluster_revenue"]
    values = ds["indicator_values"]
    submissions = ds["reports"]
    changes: list[Change] = []
    for report in reports:
        for industry, number in report.revenue.items():
            key = {"zone": report.zone, "industry": industry, "period": report.period}
            revenue, before = _upsert(revenue, key, "revenue_ytd", number)
            if before != number:
                changes.append(
                    Change("cluster_revenue", f"{report.zone} {industry} {report.period}", before, number)
                )
        for code, number in report.indicators.items():
            key = {"indicator": code, "zone": report.zone, "period": report.period}
            values, before = _upsert(values, key, "value", number)
            if before != number:
                changes.append(
                    Change("indicator_values", f"{code} {report.zone} {report.period}", before, number)
                )
        submitted = report.submitted or today
        mask = (pl.col("zone") == report.zone) & (pl.col("period") == report.period)
        old = submissions.filter(mask)
        before = old.get_column("submitted")[0] if old.height else None
        if before != submitted:
            changes.append(Change("reports", f"{report.zone} {report.period}", before, submitted))
        row: dict[str, object] = {"zone": report.zone, "period": report.period, "submitted": submitted}
        frame = pl.DataFrame(
            [row], schema={k: submissions.schema[k] for k in ("zone", "period", "submitted")}
        )
        if "notes" in submissions.columns:
            frame = frame.with_columns(pl.lit(report.notes or None, pl.String).alias("notes"))
        elif report.notes:
            submissions = submissions.with_columns(pl.lit(None, pl.String).alias("notes"))
            frame = frame.with_columns(pl.lit(report.notes, pl.String).alias("notes"))
        submissions = pl.concat([submissions.filter(~mask), frame], how="diagonal_relaxed")
    tables = {
        "cluster_revenue": revenue.sort("zone", "industry", "period"),
        "indicator_values": values.sort("indicator", "zone", "period", nulls_last=False),
        "reports": submissions.sort("zone", "period"),
    }
    return tables, changes


# -- writing, locking, history ----------------------------------------------------------------------------------


@contextlib.contextmanager
def dataset_lock(directory: Path) -> Iterator[None]:
    """An exclusive lock on the dataset: a second ingest or undo waits for the first."""
    with open(directory / LOCK, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _write_table(frame: pl.DataFrame, path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        frame.write_csv(path, include_bom=True)
    elif suffix == ".parquet":
        frame.write_parquet(path)
    else:
        frame.write_excel(path, autofit=True)


def apply(directory: Path, tables: dict[str, pl.DataFrame], reason: str) -> Path:
    """Replace the tables' files, keeping the old ones in .history; returns the history entry.

    The new files are written and the whole dataset loaded from a staging copy first: if that load
    fails, nothing in the dataset changes.
    """
    ds_files = {name: find_table_file(directory, TABLES_BY_NAME[name])[0] for name in tables}
    with tempfile.TemporaryDirectory(prefix=".staging-", dir=directory) as staging_name:
        staging = Path(staging_name)
        for path in directory.iterdir():
            if path.is_file() and not path.name.startswith("."):
                os.link(path, staging / path.name)
        for name, frame in tables.items():
            target = ds_files[name]
            assert target is not None
            (staging / target.name).unlink()
            _write_table(frame, staging / target.name)
        load_dataset(staging)  # raises DataInvalid: the dataset stays as it was
        entry = directory / HISTORY / f"{datetime.now():%Y%m%d-%H%M%S-%f}"
        entry.mkdir(parents=True)
        replaced = []
        for name in tables:
            target = ds_files[name]
            assert target is not None
            shutil.copy2(target, entry / target.name)
            replaced.append(target.name)
        (entry / "journal.json").write_text(
            json.dumps(
                {"reason": reason, "files": replaced, "at": datetime.now().isoformat()}, ensure_ascii=False
            ),
            encoding="utf-8",
        )
        for file_name in replaced:
            os.replace(staging / file_name, directory / file_name)
    return entry


def ingest(
    directory: Path,
    paths: list[Path],
    dry_run: bool = False,
    confirm: Callable[[list[Change]], bool] | None = None,
    today: date | None = None,
) -> tuple[list[Change], Path | None]:
    """Read, check and merge reports into the dataset at ``directory``.

    Every report is read before anything is written; one bad report rejects the whole run. ``confirm``
    is called with the list of changes and returns True to apply them. Returns (changes, history entry).
    """
    with dataset_lock(directory):
        ds = load_dataset(directory)
        problems: list[ReportRejected] = []
        reports = []
        for path in paths:
            try:
                reports.append(read_report(ds, path, today))
            except ReportRejected as exc:
                problems.append(exc)
        if problems:
            raise ReportBatchRejected(problems)
        tables, changes = merge(ds, reports, today)
        if dry_run or not changes or (confirm is not None and not confirm(changes)):
            return changes, None
        changed = {name: frame for name, frame in tables.items() if any(c.table == name for c in changes)}
        return changes, apply(directory, changed, "ingest " + ", ".join(p.name for p in paths))


class ReportBatchRejected(Exception):
    def __init__(self, rejected: list[ReportRejected]) -> None:
        super().__init__(f"{len(rejected)} report(s) rejected")
        self.rejected = rejected


def undo(directory: Path) -> tuple[Path, list[str]] | None:
    """Restore the files the last ingest replaced; None when there is nothing to undo."""
    with dataset_lock(directory):
        history = directory / HISTORY
        entries = (
            sorted(p for p in history.iterdir() if p.is_dir() and not p.name.endswith(".undone"))
            if history.is_dir()
            else []
        )
        if not entries:
            return None
        entry = entries[-1]
        journal = json.loads((entry / "journal.json").read_text(encoding="utf-8"))
        for name in journal["files"]:
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=directory)
            os.close(fd)
            shutil.copy2(entry / name, tmp)
            os.replace(tmp, directory / name)
        entry.rename(entry.with_name(entry.name + ".undone"))
        return entry, journal["files"]
