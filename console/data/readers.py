"""Read one data file (CSV, Parquet or .xlsx) into a frame of text columns, or report why not.

Every cell comes back as text (or null) so that validation, not the reader, decides types and can
name the exact row and value that is wrong. CSV may be UTF-8, UTF-8 with BOM, or GB18030 (what Excel
on Chinese Windows writes). Control and bidi characters are removed from every cell and header name
here, once, with console.core.text's patterns (the same as its ``clean``), so nothing downstream can
send them to a terminal.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from console.core.text import BREAKS_PATTERN, CONTROLS_PATTERN, clean, may_hold_removed
from console.data.bounds import Bounds
from console.data.errors import DataError, DataInvalid
from console.data.problem_words import detail, os_reason, said

if TYPE_CHECKING:
    from console.data.workbook import Finding

_UTF8_BOM = b"\xef\xbb\xbf"


def unreadable(file: str, exc: OSError) -> DataError:
    """The message for a file or folder the operating system would not let us read."""
    return DataError(file, None, None, None, said("unreadable", reason=os_reason(exc)))


def decode_csv_bytes(raw: bytes, file: str) -> str:
    """Decode CSV bytes as UTF-8 (with or without BOM) or GB18030; report the row of bad bytes."""
    if raw.startswith(_UTF8_BOM):
        raw = raw[len(_UTF8_BOM) :]
        encodings: tuple[str, ...] = ("utf-8",)
    else:
        encodings = ("utf-8", "gb18030")
    failure: UnicodeDecodeError | None = None
    for encoding in encodings:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError as exc:
            failure = exc if failure is None else failure
    assert failure is not None
    start = failure.start
    row = raw.count(b"\n", 0, start) + 1
    bad = raw[start : start + 4].hex(" ")
    raise DataInvalid(
        [
            DataError(
                file,
                row,
                None,
                f"0x{bad}",
                said("bad_bytes"),
            )
        ]
    )


def _locate_csv_problem(text: str, width: int, file: str) -> DataError:
    """Find the row a CSV parser rejected, with Python's csv module (only on the error path)."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    row = 0
    try:
        for row, fields in enumerate(reader, start=1):
            if fields and len(fields) > width:
                return DataError(
                    file,
                    row,
                    None,
                    ",".join(fields[width:])[:60],
                    said("too_many_values", count=len(fields), width=width),
                )
    except csv.Error as exc:
        return DataError(file, row + 1, None, None, said("malformed_csv_at", detail=detail(exc)))
    return DataError(file, None, None, None, said("malformed_csv"))


def _read_utf8_csv(raw: bytes) -> pl.DataFrame | None:
    """The frame polars reads straight from UTF-8 ``raw`` (no decoded text kept, no re-encoded copy
    made): None whenever the
    careful path must look (not UTF-8 — GB18030 —, empty, CR-only lines, a header Python's csv module
    refuses, a last row without its line break, anything polars refuses), which then reads it again
    and names the problem as before."""
    # (``isspace`` and ``find`` look at the bytes where they are: no copy of a 5 MB file made.)
    if not raw or raw.isspace() or not raw.endswith((b"\n", b"\r")) or (b"\r" in raw and b"\n" not in raw):
        return None
    body = raw[len(_UTF8_BOM) :] if raw.startswith(_UTF8_BOM) else raw
    if body.startswith((b"\n", b"\r")):  # polars would take a later line as the header
        return None
    try:
        if not body.isascii():
            body.decode("utf-8")  # polars lets some bad bytes through (in a header, beside quotes)
        end = body.find(b"\n")
        header = (body if end < 0 else body[:end]).decode("utf-8")
        next(csv.reader([header], strict=True))
        frame = pl.read_csv(body, infer_schema=False, raise_if_empty=True)
    except (UnicodeDecodeError, csv.Error, pl.exceptions.PolarsError, OSError):
        return None
    return frame if frame.height else None  # a header alone, or only (Unicode) spaces: look carefully


def _read_csv_text(raw: bytes, file: str) -> pl.DataFrame:
    """The careful path: ``raw`` decoded (UTF-8 or GB18030), checked, and read by polars from UTF-8."""
    text = decode_csv_bytes(raw, file)
    if not text.strip():
        raise DataInvalid([DataError(file, None, None, None, said("empty_file"))])
    if "\r" in text and "\n" not in text:  # CR-only line endings (Excel's "CSV (Macintosh)")
        text = text.replace("\r", "\n")
    try:
        header = next(csv.reader([text.split("\n", 1)[0]], strict=True))
    except csv.Error as exc:
        raise DataInvalid(
            [DataError(file, 1, None, None, said("malformed_header", detail=detail(exc)))]
        ) from None
    try:
        frame = pl.read_csv(io.BytesIO(text.encode("utf-8")), infer_schema=False, raise_if_empty=True)
    except (pl.exceptions.PolarsError, OSError):
        raise DataInvalid([_locate_csv_problem(text, len(header), file)]) from None
    last_line = text.rstrip("\r\n").rsplit("\n", 1)[-1]
    if frame.height and not text.endswith(("\n", "\r")):
        try:
            fields = next(csv.reader([last_line]), [])
        except csv.Error:  # a line break inside the cut-off row: say where the CSV went wrong
            raise DataInvalid([_locate_csv_problem(text, frame.width, file)]) from None
        if len(fields) < frame.width:
            raise DataInvalid(
                [
                    DataError(
                        file,
                        frame.height + 1,
                        frame.columns[len(fields)] if fields else None,
                        last_line[-40:],
                        said("truncated_row", count=len(fields), width=frame.width),
                    )
                ]
            )
    return frame


def _read_parquet(path: Path, file: str) -> pl.DataFrame:
    try:
        frame = pl.read_parquet(path)
    except (pl.exceptions.PolarsError, OSError) as exc:
        raise DataInvalid(
            [DataError(file, None, None, None, said("bad_parquet", detail=detail(exc)))]
        ) from None
    for name, dtype in frame.schema.items():
        if dtype.is_nested() or dtype == pl.Object:
            raise DataInvalid(
                [
                    DataError(
                        file,
                        None,
                        clean(name),
                        None,
                        said("nested_column", dtype=dtype.base_type()),
                    )
                ]
            )
    try:
        return frame.select(pl.all().cast(pl.String))
    except pl.exceptions.PolarsError as exc:
        raise DataInvalid([DataError(file, None, None, None, said("not_text", detail=detail(exc)))]) from None


# calamine lays a sheet out as the rectangle from A1 to its last cell: one stray cell at XFD1048576 would
# make it allocate 17 billion cells. The rectangle is bounded (console.data.workbook scans it first).
DATA_BOUNDS = Bounds(rows=1_048_576, columns=200, cells=4_000_000)


def workbook_error(file: str, finding: Finding) -> DataError:
    """A finding of the workbook reading policy as a data problem naming the sheet and cell."""
    bounds = finding.bounds or DATA_BOUNDS
    fields = {"sheet": finding.sheet, "cell": finding.cell}
    if finding.kind == "formula":
        message = said("formula_no_value", formula=finding.detail, **fields)
    elif finding.kind == "beyond":
        sizes = {"rows": f"{bounds.rows:,}", "columns": f"{bounds.columns:,}", "cells": f"{bounds.cells:,}"}
        message = said("far_cell", **sizes, **fields)
    elif finding.kind == "crowded":
        message = said("crowded_sheet", elements=f"{bounds.elements or 0:,}", **fields)
    else:
        message = said("sheet_unreadable", sheet=finding.sheet, detail=finding.detail)
    return DataError(file, finding.row, None, None, message)


def _read_xlsx(path: Path, file: str) -> pl.DataFrame:
    from console.data.workbook import NotAWorkbook, inspect  # only for a workbook (9 ms to import)

    try:
        findings = inspect(path, DATA_BOUNDS).findings  # before calamine reads a single cell
    except NotAWorkbook as exc:
        raise DataInvalid([DataError(file, None, None, None, said("bad_xlsx", detail=detail(exc)))]) from None
    if findings:
        raise DataInvalid([workbook_error(file, f) for f in findings])
    try:
        return pl.read_excel(
            path,
            engine="calamine",
            infer_schema_length=0,
            drop_empty_rows=False,
            drop_empty_cols=False,
        )
    except Exception as exc:  # fastexcel raises its own exception types for damaged workbooks
        raise DataInvalid([DataError(file, None, None, None, said("bad_xlsx", detail=detail(exc)))]) from None


def _may_need_cleaning(raw: bytes) -> tuple[bool, bool]:
    """Whether the cells of a UTF-8 CSV may hold characters cleaning removes, and tabs or line breaks:
    from a quick scan of its bytes (False only when none can be there)."""
    # A line break inside a cell needs quotes; a CR alone (not in a CRLF line end) is in a cell.
    breaks = b"\t" in raw or b'"' in raw or (b"\r" in raw and raw.count(b"\r") != raw.count(b"\r\n"))
    return may_hold_removed(raw), breaks


def read_table_file(path: Path, file: str | None = None) -> pl.DataFrame:
    """Read ``path`` into a frame of String columns with cleaned header names and cells.

    Raises DataInvalid naming ``file`` (default: the path's name) when the file cannot be read.
    Rows that are entirely empty are dropped after reading; row numbers are kept in ``__row``.
    """
    file = file or path.name
    suffix = path.suffix.lower()
    readers = {".parquet": _read_parquet, ".xlsx": _read_xlsx}
    if suffix not in readers and suffix != ".csv":
        raise DataInvalid([DataError(file, None, None, None, said("unsupported"))])
    # What the cells may hold that cleaning removes: unknown but for a CSV read from its bytes.
    controls = breaks = True
    try:
        if suffix == ".csv":
            raw = path.read_bytes()
            fast = _read_utf8_csv(raw)
            if fast is None:
                frame = _read_csv_text(raw, file)
            else:  # UTF-8 polars read: its bytes tell what cleaning can find
                frame, (controls, breaks) = fast, _may_need_cleaning(raw)
            del raw
        else:
            frame = readers[suffix](path, file)
    except OSError as exc:  # unreadable (permissions), vanished, or a folder named like a table
        raise DataInvalid([unreadable(file, exc)]) from None
    names = {c: clean(c).strip().lstrip("\ufeff") for c in frame.columns}
    seen: set[str] = set()
    for name in names.values():
        if name in seen:
            raise DataInvalid([DataError(file, 1, name, None, said("header_twice"))])
        seen.add(name)
    cleaned = []
    for c in names.values():
        cell = pl.col(c)
        if breaks:
            cell = cell.str.replace_all(BREAKS_PATTERN, " ")
        if controls:
            cell = cell.str.replace_all(CONTROLS_PATTERN, "")
        cleaned.append(cell.str.strip_chars())
    # An empty cell is null (``when`` over its length: ``replace("", None)`` cost 0.4 ms a column,
    # whatever its length). One plan (each eager step was a plan of its own).
    empty_null = [pl.when(pl.col(c).str.len_bytes() > 0).then(pl.col(c)) for c in names.values()]
    plan = frame.lazy().rename(names).with_columns(cleaned).with_columns(empty_null)
    plan = plan.with_row_index("__row", offset=2)
    if frame.width:
        plan = plan.filter(~pl.all_horizontal(pl.exclude("__row").is_null()))
    return plan.collect()
