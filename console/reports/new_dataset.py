"""``devzones init``: start a real dataset, the plan tables and empty progress tables, no as-of yet."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import tomli_w

from console.core.files import TEMP_SUFFIX, fsync_folder, make_folder, write_new
from console.core.paths import embedded_data_dir
from console.data.schema import FORMATS, MANIFEST, TABLES
from console.reports.words import Problem
from console.words.reports import REPORTS

TITLE, TITLE_EN = REPORTS.pair("new_dataset_title")
# not words: the manifest's note for whoever opens the file, in English like the data files' comments
NOTE = (
    "Created by devzones init on {today}. as_of is absent until the first quarterly"
    " report is ingested; then it follows the newest quarter that has ended and has a report."
)


class InitRefused(Exception):
    """The folder cannot take a new dataset; the message (a catalogue Problem) says why and what to do."""


def plan_table_names() -> list[str]:
    """The tables transcribed from the plan (every table that is not progress data)."""
    return [t.name for t in TABLES if not t.sample]


def _dataset_files(folder: Path) -> list[str]:
    names = {f"{t.name}{ext}" for t in TABLES for ext in FORMATS} | {MANIFEST}
    return sorted(p.name for p in folder.iterdir() if p.name in names)


def init_dataset(out: Path, force: bool = False, today: date | None = None) -> list[Path]:
    """Write a new real dataset into ``out``: the plan tables as the embedded dataset carries them
    (byte for byte), each progress table as a header with no rows, and a manifest with
    ``sample = false`` and no ``as_of`` (it follows the data once reports arrive).

    Refuses a non-empty folder unless ``force``; never replaces a dataset already there, even with
    ``force`` (InitRefused). Returns the files written.

    All or nothing: the files are written into a hidden folder first (beside ``out``, or inside it
    when the folder is already there) and only then renamed into place; a failure (a full disk)
    leaves no trace, so ``init`` can simply be run again.
    """
    today = today or date.today()
    if out.exists() and not out.is_dir():
        raise InitRefused(Problem("init_not_folder", path=str(out)))
    if out.is_dir():
        existing = _dataset_files(out)
        if existing:
            raise InitRefused(Problem("init_has_dataset", path=str(out), names=", ".join(existing[:3])))
        if any(out.iterdir()) and not force:
            raise InitRefused(Problem("init_not_empty", path=str(out)))
    contents = _contents(today)
    if not out.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = make_folder(out.parent, f".{out.name[:40]}.", TEMP_SUFFIX)
        try:
            _write_all(staging, contents)
            os.rename(staging, out)  # the commit: the whole dataset appears at once
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        fsync_folder(out.parent)
        return [out / name for name in contents]
    staging = make_folder(out, ".init-", TEMP_SUFFIX)  # a folder already there (empty, or --force)
    placed: list[Path] = []
    try:
        _write_all(staging, contents)
        for name in contents:
            os.link(staging / name, out / name)  # never replaces a file that appeared meanwhile
            placed.append(out / name)
        fsync_folder(out)
    except BaseException:
        for path in placed:
            path.unlink(missing_ok=True)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return placed


def _contents(today: date) -> dict[str, bytes]:
    """Every file of a new dataset, by name: the plan tables, empty progress tables, the manifest."""
    source = embedded_data_dir()
    contents: dict[str, bytes] = {}
    for name in plan_table_names():
        for ext in FORMATS:
            if (source / f"{name}{ext}").is_file():
                contents[f"{name}{ext}"] = (source / f"{name}{ext}").read_bytes()
    for table in TABLES:
        if table.sample:
            header = ",".join(table.column_names) + "\n"
            contents[f"{table.name}.csv"] = b"\xef\xbb\xbf" + header.encode()
    manifest = {
        "title": TITLE,
        "title_en": TITLE_EN,
        "sample": False,
        "note": NOTE.format(today=today.isoformat()),
    }
    contents[MANIFEST] = tomli_w.dumps(manifest).encode("utf-8")
    return contents


def _write_all(folder: Path, contents: dict[str, bytes]) -> None:
    for name, data in contents.items():
        write_new(folder / name, data)
    fsync_folder(folder)
