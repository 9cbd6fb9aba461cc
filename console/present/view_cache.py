"""A cache of the console's first screen, so that a second launch draws at once.

The views of the launch state are stored as JSON in the user's cache directory, keyed by everything
they depend on: the program version, every data file's name, size, modification time and CONTENT
(a sha256 of each file: a file rewritten with the same size and time still changes the key; about
10 ms for the 9 MB of the 2,543-zone set), the settings that change a status, and the year,
counties, language and symbols asked for. Two files per key: the first screen alone (header and
overview: 155 KB, 1.5 ms to read at 2,543 zones) read before the first paint, and the whole views
(5 MB, 0.3-0.5 s to read and decode at 2,543 zones) read after it. A launch with the same key
shows the cached screen while the data is loaded and evaluated afresh in the background; the fresh
result replaces it if anything differs. Nothing is cached in the data folder.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import asdict, replace
from datetime import date
from pathlib import Path
from typing import Any

from console import __version__
from console.core.config import Settings
from console.core.files import atomic_write_bytes
from console.present.viewmodel import Cell, Column, Field, Row, View, Views
from console.words import Lang


def cache_dir() -> Path:
    override = os.environ.get("DEVZONES_CACHE")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("devzones"))


def fingerprint(directory: Path) -> list[tuple[str, int, int]]:
    """Name, size and modification time of every data file: what a change of data changes."""
    try:
        entries = sorted(directory.iterdir())
    except OSError:
        return []
    out = []
    for path in entries:
        try:
            stat = path.stat()
        except OSError:
            continue
        if path.is_file() and not path.name.startswith("."):
            out.append((path.name, stat.st_size, stat.st_mtime_ns))
    return out


def content_fingerprint(directory: Path) -> list[tuple[str, int, int, str]]:
    """``fingerprint`` with each file's sha256: what identifies the data, even a file rewritten with
    the same size and modification time ("" for a file that cannot be read: never a cache hit)."""
    out = []
    for name, size, mtime in fingerprint(directory):
        try:
            with open(directory / name, "rb") as handle:
                content = hashlib.file_digest(handle, "sha256").hexdigest()
        except OSError:
            content = ""
        out.append((name, size, mtime, content))
    return out


def cache_key(
    settings: Settings,
    year: int | None,
    counties: Sequence[str],
    lang: Lang,
    ascii_only: bool,
    unit: str = "",
) -> str:
    """A digest of everything the launch screen depends on."""
    files = content_fingerprint(settings.data_dir)
    if any(not content for *_, content in files):
        return ""  # a file that cannot be read: nothing cached is used or written
    # The year today: the engine reckons with it for data without an "as of" quarter (a screen
    # remembered last year is not this year's, though no file changed).
    data = {"data": str(settings.data_dir.resolve()), "files": files, "this_year": date.today().year}
    return digest(settings, data, year, counties, lang, ascii_only, unit)


def digest(
    settings: Settings,
    data: dict[str, Any],
    year: int | None,
    counties: Sequence[str],
    lang: Lang,
    ascii_only: bool,
    unit: str = "",
) -> str:
    """A digest of ``data`` (what identifies the data files), the program version, the settings that
    change a status and the view asked for."""
    material = {
        "version": __version__,
        **data,
        "pacing": [settings.pacing_rule, list(settings.pacing_custom), settings.tolerance],
        "weights": sorted(settings.ranking_weights.items()),
        "view": [year, list(counties), lang, ascii_only, unit],
    }
    return hashlib.sha256(json.dumps(material, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:32]


# The file's layout: tables' rows as plain arrays (not one object per cell, as ``Views.to_json``
# writes them), which makes writing and reading the 2,543-zone views several times faster.
FORMAT = 2


def encode(views: Views) -> dict[str, Any]:
    """``views`` as JSON-ready data, each row ``[key, flagged, [[text, values, sort, status, cls], ...]]``."""
    whole: dict[str, Any] = {"lang": views.lang, "ascii": views.ascii, "header": asdict(views.header)}
    whole["overview"] = asdict(views.overview)
    whole["format"] = FORMAT
    whole["tables"] = {
        name: {
            "tab": v.tab,
            "title": v.title,
            "columns": [asdict(c) for c in v.columns],
            "rows": [
                [r.key, r.flagged, [[c.text, c.values, c.sort, c.status, c.cls] for c in r.cells]]
                for r in v.rows
            ],
            "search": v.search,
            "sort_key": v.sort_key,
            "descending": v.descending,
            "notes": v.notes,
        }
        for name, v in views.tables.items()
    }
    return whole


def decode(data: dict[str, Any]) -> Views:
    """The views ``encode`` wrote; raises KeyError, TypeError or ValueError on anything else."""
    if data.get("format") != FORMAT:
        # not words: caught by load, which treats it as a cache miss
        raise ValueError("another cache format")
    tables = {}
    for name, v in data["tables"].items():
        columns = tuple(
            Column(c["key"], c["label"], c["numeric"], c["give_way"], tuple(Field(**f) for f in c["fields"]))
            for c in v["columns"]
        )
        rows = tuple(
            Row(key, tuple(Cell(c[0], tuple(c[1]), c[2], c[3], c[4]) for c in cells), flagged)
            for key, flagged, cells in v["rows"]
        )
        tables[name] = View(
            v["tab"],
            v["title"],
            columns,
            rows,
            v["search"],
            v["sort_key"],
            v["descending"],
            tuple(v["notes"]),
        )
    shell = Views.from_json({**data, "tables": {}})
    return replace(shell, tables=tables)


# The two files of a key: the whole views, and the first screen alone (header and overview).
WHOLE, FIRST = "views", "first"


def load(key: str, part: str = WHOLE) -> Views | None:
    """The cached views for ``key`` (``part`` FIRST: without the tables), or None (a missing or
    unreadable cache is simply not used)."""
    if not key:
        return None
    try:
        return decode(json.loads((cache_dir() / f"{part}-{key}.json").read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def store(key: str, views: Views) -> None:
    """Write the views for ``key`` atomically, the first screen's file last (a launch that finds it
    finds the whole views too); a cache that cannot be written is skipped."""
    directory = cache_dir()
    if not key:
        return
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for part in (FIRST, WHOLE):
            for old in directory.glob(f"{part}-*.json"):
                if old.name != f"{part}-{key}.json":
                    old.unlink(missing_ok=True)  # one launch state is enough
        for part, shown in ((WHOLE, views), (FIRST, replace(views, tables={}))):
            data = json.dumps(encode(shown), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            atomic_write_bytes(directory / f"{part}-{key}.json", data)
    except OSError:
        return
