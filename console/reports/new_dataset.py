"""``devzones init``: start a real dataset, the plan tables and empty progress tables, no as-of yet."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import tomli_w

from console.core.files import atomic_write_bytes
from console.core.paths import embedded_data_dir
from console.data.schema import FORMATS, MANIFEST, TABLES

TITLE = "驻马店市开发区三年行动方案监测"
TITLE_EN = "Zhumadian development zones action plan monitor"


class InitRefused(Exception):
    """The folder cannot take a new dataset; the message (zh / en) says why and what to do."""


def plan_table_names() -> list[str]:
    """The tables transcribed from the plan (every table that is not progress data)."""
    return [t.name for t in TABLES if not t.sample]


def progress_table_names() -> list[str]:
    """The tables that hold results and reports: empty in a new dataset."""
    return [t.name for t in TABLES if t.sample]


def _dataset_files(folder: Path) -> list[str]:
    names = {f"{t.name}{ext}" for t in TABLES for ext in FORMATS} | {MANIFEST}
    return sorted(p.name for p in folder.iterdir() if p.name in names)


def init_dataset(out: Path, force: bool = False, today: date | None = None) -> list[Path]:
    """Write a new real dataset into ``out``: the plan tables as the embedded dataset carries them
    (byte for byte), each progress table as a header with no rows, and a manifest with
    ``sample = false`` and no ``as_of`` (it follows the data once reports arrive).

    Refuses a non-empty folder unless ``force``; never replaces a dataset already there, even with
    ``force`` (InitRefused). Returns the files written.
    """
    today = today or date.today()
    if out.exists() and not out.is_dir():
        raise InitRefused(f"{out}: 不是文件夹 / not a folder")
    if out.is_dir():
        existing = _dataset_files(out)
        if existing:
            raise InitRefused(
                f"{out}: 已有数据集文件（{', '.join(existing[:3])}），init 从不覆盖已有数据；请换一个空文件夹。"
                f" / already holds dataset files ({', '.join(existing[:3])}); init never replaces"
                " a dataset: choose an empty folder."
            )
        if any(out.iterdir()) and not force:
            raise InitRefused(
                f"{out}: 文件夹不是空的；确要在其中建立数据集请加 --force。"
                f" / the folder is not empty; add --force to create the dataset in it anyway."
            )
    out.mkdir(parents=True, exist_ok=True)
    source = embedded_data_dir()
    written = []
    for name in plan_table_names():
        for ext in FORMATS:
            if (source / f"{name}{ext}").is_file():
                path = source / f"{name}{ext}"
                written.append(atomic_write_bytes(out / path.name, path.read_bytes()))
    for table in TABLES:
        if table.sample:
            header = ",".join(table.column_names) + "\n"
            written.append(atomic_write_bytes(out / f"{table.name}.csv", b"\xef\xbb\xbf" + header.encode()))
    manifest = {
        "title": TITLE,
        "title_en": TITLE_EN,
        "sample": False,
        "note": (
            f"Created by devzones init on {today.isoformat()}. as_of is absent until the first quarterly"
            " report is ingested; then it follows the newest quarter that has ended and has a report."
        ),
    }
    written.append(atomic_write_bytes(out / MANIFEST, tomli_w.dumps(manifest).encode("utf-8")))
    return written
