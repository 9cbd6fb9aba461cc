"""The 通报's running numbers: the 发文字号's 序号 (驻××办〔2026〕N号) per 机关代字 and year, and the
情况通报's 期号 (2026年第N期) per 报头 and year.

Kept in ``bulletin-series.toml`` in the user's state folder, beside the console's state file
(``devzones where`` shows it), as ``[gongwen."驻××办"] 2026 = 3``. ``next_number`` reads the next
one; ``record_number`` is called only after a file is really written, so a failed write never uses up
a number. Each month's number is kept too (``[issued.gongwen."驻××办".2026] "2026-11" = 3``): another
copy of the same month's 通报 (the PDF after the Word file, the English copy) takes the same number. A number given by hand (``--number``, the dialog's field) wins over the series; recording it
moves the series on from it (the next is one more than the largest written). A series file that cannot
be read is renamed and the series starts again from 1 (the config's rule for a broken state file).

Two bulletins written at once (two terminals of one clerk, the console and a cron job) must not take
the same number: ``numbering`` holds a lock on the series from reading the next number until it is
recorded, and the second waits (a PDF takes seconds to convert) or gives up with SeriesBusy.
"""

from __future__ import annotations

import contextlib
import tomllib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from console.core.config import user_state_file
from console.core.files import atomic_write_bytes

SERIES_NAME = "bulletin-series.toml"
# not words: the table of the months written and their numbers, a file-format token
ISSUED = "issued"
# not words: the file's header comment, a file-format token
HEADER = "# devzones: the last 发文字号/期号 written per series and year (devzones bulletin).\n".encode()


# Seconds a bulletin waits for another one being numbered (its PDF conversion included) before giving up.
SERIES_WAIT = 120.0


class SeriesBusy(Exception):
    """Another bulletin held the series longer than ``SERIES_WAIT`` seconds."""


def series_file() -> Path:
    """Where the series are kept: beside the state file."""
    return user_state_file().parent / SERIES_NAME


def _read(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        with contextlib.suppress(OSError):  # kept under a new name, never overwritten
            path.rename(path.with_name(f"{path.name}.broken-{datetime.now():%Y%m%d-%H%M%S}"))
        return {}
    return data


def _last(data: dict[str, Any], style: str, series: str, year: int) -> int:
    return _number(_table(_table(data, style), series).get(str(year)))


def _issued(data: dict[str, Any], style: str, series: str, year: int, issue: str) -> int:
    """The number ``issue`` (a month, ``2026-11``) was written under in ``year``, or 0."""
    return _number(_table(_table(_table(_table(data, ISSUED), style), series), str(year)).get(issue))


def _number(value: object) -> int:
    """A number kept in the file (a positive integer), or 0 for anything else."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def _table(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key, {})
    return value if isinstance(value, dict) else {}


def next_number(style: str, series: str, year: int, issue: str = "") -> int:
    """The number the next 通报 of ``style`` in ``series`` (机关代字 or 报头) in ``year`` takes: the one
    ``issue`` (its month) was written under already, if it was (the PDF after the Word file, the
    English copy: one document, one number), else the next of the series."""
    data = _read(series_file())
    return (_issued(data, style, series, year, issue) if issue else 0) or _last(data, style, series, year) + 1


def record_number(style: str, series: str, year: int, number: int, issue: str = "") -> None:
    """Remember that ``number`` was written (call only after the file is in place), for ``issue`` (its
    month) too; the series goes on from the largest number written. OSError when the state folder
    cannot be written."""
    import tomli_w

    path = series_file()
    data = _read(path)
    changed = False
    if number > _last(data, style, series, year):
        _settable(_settable(data, style), series)[str(year)] = number
        changed = True
    if issue and _issued(data, style, series, year, issue) != number:
        issued = _settable(_settable(_settable(data, ISSUED), style), series)
        _settable(issued, str(year))[issue] = number
        changed = True
    if changed:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, HEADER + tomli_w.dumps(data).encode("utf-8"))


def _settable(data: dict[str, Any], key: str) -> dict[str, Any]:
    """``data[key]`` as a table to write into (made, or replacing a value of another kind)."""
    value = data.get(key)
    if not isinstance(value, dict):
        value = data[key] = {}
    return value


@contextlib.contextmanager
def numbering(wait: float | None = None) -> Iterator[None]:
    """Hold the series while a bulletin takes its number, writes its file and records the number:
    another bulletin, from this process or another, waits. SeriesBusy after ``wait`` seconds; OSError
    when the state folder cannot be written (then nothing is numbered)."""
    from filelock import FileLock, Timeout

    from console.core.files import refuse_links

    path = series_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = path.with_name(path.name + ".lock")
    refuse_links(lock_path)  # opened for writing: never through a link
    lock = FileLock(lock_path, timeout=SERIES_WAIT if wait is None else wait, thread_local=False)
    try:
        lock.acquire()
    except Timeout:
        raise SeriesBusy(str(path)) from None
    try:
        yield
    finally:
        lock.release()
