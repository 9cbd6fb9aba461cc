"""Revised figures: values for a quarter that a later ingest changed, read from the ingest history.

Each committed entry in ``.history/`` keeps the files an ingest replaced as they were before it; the
version after it is the next entry's copy of the same file, or the dataset's file when no later ingest
replaced it. A row present in both with a different value is a revision (old → new, when the ingest
ran); a row that first appears is a new figure, not a revision.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from console.data.errors import DataInvalid
from console.data.readers import read_table_file
from console.data.unfinished import saved_copies
from console.engine.changes import Change
from console.reports.journal import history_entries, read_journal

# table -> (key columns, value column, subject of the change)
REVISABLE = {
    "cluster_revenue": (["zone", "industry", "period"], "revenue_ytd", "cluster"),
    "indicator_values": (["indicator", "zone", "period"], "value", "indicator"),
}


def _values(path: Path, keys: list[str], value: str) -> pl.DataFrame | None:
    try:
        frame = read_table_file(path)
    except DataInvalid:
        return None  # an unreadable old copy has no revisions to tell
    if not set(keys) | {value} <= set(frame.columns):
        return None
    return frame.select(
        *[pl.col(k).replace("", None) for k in keys], pl.col(value).cast(pl.Float64, strict=False)
    )


def _revised(old: pl.DataFrame, new: pl.DataFrame, keys: list[str], value: str) -> pl.DataFrame:
    joined = old.join(new, on=keys, how="inner", suffix="__new", nulls_equal=True)
    return joined.filter(
        pl.col(value).is_not_null()
        & pl.col(f"{value}__new").is_not_null()
        & ((pl.col(value) - pl.col(f"{value}__new")).abs() > 1e-9)
    )


def revisions(directory: Path) -> list[Change]:
    """Every revised figure in the dataset at ``directory``, oldest ingest first (see the module doc)."""
    entries = []
    for entry in history_entries(directory):
        try:
            entries.append((entry, read_journal(directory, entry)))
        except Exception:
            continue
    out: list[Change] = []
    current = saved_copies(directory)  # an unfinished ingest: its files as they were before it
    for i, (entry, journal) in enumerate(entries):
        for change in journal.files:
            stem = Path(change.name).stem
            if stem not in REVISABLE:
                continue
            keys, value, subject = REVISABLE[stem]
            later = [
                e / change.name for e, j in entries[i + 1 :] if any(f.name == change.name for f in j.files)
            ]
            after = later[0] if later else current.get(change.name, directory / change.name)
            old, new = _values(entry / change.name, keys, value), _values(after, keys, value)
            if old is None or new is None:
                continue
            for row in _revised(old, new, keys, value).iter_rows(named=True):
                out.append(
                    Change(
                        "revised",
                        subject,
                        row.get("zone"),
                        row.get("industry"),
                        row.get("indicator"),
                        value,
                        row[value],
                        row[f"{value}__new"],
                        row["period"],
                        when=journal.at,
                    )
                )
    return out
