"""Property-based: hostile strings and malformed files for each loader (CSV, XLSX, Parquet, manifest).

For every generated dataset the load either succeeds or raises DataInvalid, never anything else; each
message names a file of the dataset (and a row and column where there is one), carries no control or
bidi character, and the data folder is byte-for-byte what it was.
"""

from __future__ import annotations

import csv
import hashlib
import io
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.core.paths import embedded_data_dir
from console.core.text import REMOVED
from console.data.errors import DataInvalid
from console.data.loader import load_dataset, load_tables
from console.data.schema import FORMATS, MANIFEST, TABLES, TABLES_BY_NAME

NAMES = {MANIFEST} | {f"{t.name}{ext}" for t in TABLES for ext in FORMATS}
# Text an office (or an attacker) might put in a cell: controls, bidi, markup, CSV and TOML syntax.
NASTY = st.sampled_from(
    [
        "\x1b]52;c;aGk=\x07",
        "\x9b",
        "\x7f",
        "\u202e",
        "\u2066",
        "[/]",
        "[@click=app.quit]x[/]",
        '"',
        ",",
        "\r",
        "\n",
    ]
)
HOSTILE_TEXT = st.lists(st.one_of(NASTY, st.text(max_size=6)), max_size=6).map("".join)
# Tables and columns to aim at: the key tables and the numeric ones.
TARGETS = st.sampled_from(
    [
        ("zones", "zone"),
        ("zones", "short_name"),
        ("zone_targets", "year"),
        ("zone_targets", "tier_target"),
        ("cluster_targets", "revenue_target"),
        ("indicator_values", "value"),
        ("reports", "submitted"),
        ("assessments", "score"),
    ]
)


def _digest(directory: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.iterdir())}


@contextmanager
def _dataset() -> Iterator[Path]:
    """A fresh copy of the plan dataset for one example (fixtures are per test, not per example)."""
    with tempfile.TemporaryDirectory(prefix="devzones-fuzz-") as tmp:
        out = Path(tmp) / "data"
        out.mkdir()
        for path in embedded_data_dir().iterdir():
            if path.is_file():
                shutil.copyfile(path, out / path.name)
        yield out


def _needed(table: str) -> list[str]:
    """``table`` and the tables its references reach (loading only these keeps each example fast)."""
    out = [table]
    for ref in TABLES_BY_NAME[table].references:
        out += [t for t in _needed(ref.table) if t not in out]
    return out


def _assert_loads_or_rejects_cleanly(directory: Path, table: str | None = None) -> None:
    """Load: success, or DataInvalid whose every message is safe and names its place; nothing written.

    With ``table``, only it and the tables it refers to are loaded (the manifest suites load all).
    """
    before = _digest(directory)
    try:
        load_tables(directory, _needed(table)) if table else load_dataset(directory)
    except DataInvalid as exc:
        assert exc.errors
        for error in exc.errors:
            text = str(error)
            assert error.file in NAMES, text
            assert not set(text) & set(REMOVED), repr(text)
            assert error.row is None or error.row >= 1
            assert text.startswith(error.file)
    assert _digest(directory) == before


def _frame(directory: Path, table: str) -> pl.DataFrame:
    return pl.read_csv(directory / f"{table}.csv", infer_schema=False)


def _put(frame: pl.DataFrame, row: int, column: str, value: str) -> pl.DataFrame:
    values = frame.get_column(column).to_list()
    values[row % len(values)] = value
    return frame.with_columns(pl.Series(column, values, dtype=pl.String))


# -- CSV ---------------------------------------------------------------------------------------------


@given(target=TARGETS, row=st.integers(0, 200), value=HOSTILE_TEXT)
def test_csv_hostile_cell(target: tuple[str, str], row: int, value: str) -> None:
    table, column = target
    with _dataset() as directory:
        frame = _put(_frame(directory, table), row, column, value)
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer)
        writer.writerow(frame.columns)
        writer.writerows(frame.iter_rows())
        (directory / f"{table}.csv").write_text(buffer.getvalue(), encoding="utf-8")
        _assert_loads_or_rejects_cleanly(directory, table)


@given(
    table=st.sampled_from([t.name for t in TABLES]),
    where=st.floats(0, 1),
    junk=st.binary(max_size=12) | NASTY.map(str.encode),
    cut=st.booleans(),
    endings=st.sampled_from([b"\r\n", b"\n", b"\r"]),
)
def test_csv_malformed_bytes(table: str, where: float, junk: bytes, cut: bool, endings: bytes) -> None:
    """Bytes spliced in or the file cut short at any point, with any line endings."""
    with _dataset() as directory:
        path = directory / f"{table}.csv"
        raw = path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", endings)
        at = int(where * len(raw))
        path.write_bytes(raw[:at] + junk if cut else raw[:at] + junk + raw[at:])
        _assert_loads_or_rejects_cleanly(directory, table)


# -- XLSX and Parquet --------------------------------------------------------------------------------


@pytest.mark.slow
@given(target=TARGETS, row=st.integers(0, 200), value=HOSTILE_TEXT, fmt=st.sampled_from(["xlsx", "parquet"]))
def test_xlsx_and_parquet_hostile_cell(target: tuple[str, str], row: int, value: str, fmt: str) -> None:
    table, column = target
    with _dataset() as directory:
        frame = _put(_frame(directory, table), row, column, value)
        (directory / f"{table}.csv").unlink()
        if fmt == "xlsx":
            frame.write_excel(directory / f"{table}.xlsx")
        else:
            frame.write_parquet(directory / f"{table}.parquet")
        _assert_loads_or_rejects_cleanly(directory, table)


_ODD_COLUMNS = st.sampled_from(
    [
        pl.Series([float("nan")]),
        pl.Series([float("inf")]),
        pl.Series([1e308]),
        pl.Series([-(2**62)]),
        pl.Series([True]),
        pl.Series([[1, 2]]),
        pl.Series([{"a": 1}]),
        pl.Series([b"\x1b[2J"]),
        pl.Series([None], dtype=pl.Null),
    ]
)


@given(table=st.sampled_from(["cluster_targets", "indicator_values", "assessments"]), odd=_ODD_COLUMNS)
def test_parquet_typed_columns(table: str, odd: pl.Series) -> None:
    """Parquet brings its own types: NaN, inf, huge numbers, booleans, lists, structs, bytes, nulls."""
    with _dataset() as directory:
        frame = _frame(directory, table)
        column = next(c.name for c in TABLES_BY_NAME[table].columns if c.kind == "number")
        frame = frame.with_columns(pl.concat([odd] * frame.height).alias(column))
        (directory / f"{table}.csv").unlink()
        frame.write_parquet(directory / f"{table}.parquet")
        _assert_loads_or_rejects_cleanly(directory, table)


@given(junk=st.binary(max_size=64), fmt=st.sampled_from([".xlsx", ".parquet"]), keep=st.floats(0, 1))
def test_damaged_xlsx_and_parquet(junk: bytes, fmt: str, keep: float) -> None:
    with _dataset() as directory:
        frame = _frame(directory, "zones")
        (directory / "zones.csv").unlink()
        path = directory / f"zones{fmt}"
        frame.write_excel(path) if fmt == ".xlsx" else frame.write_parquet(path)
        raw = path.read_bytes()
        path.write_bytes(raw[: int(keep * len(raw))] + junk)
        _assert_loads_or_rejects_cleanly(directory, "zones")


# -- manifest.toml -----------------------------------------------------------------------------------

TOML_VALUES = st.one_of(
    HOSTILE_TEXT,
    st.integers(),
    st.floats(),
    st.booleans(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)


@pytest.mark.slow
@given(
    title=TOML_VALUES,
    as_of=st.one_of(TOML_VALUES, st.sampled_from(["2026Q3", "2026年第三季度"])),
    sample=TOML_VALUES,
)
def test_manifest_hostile_values(title: object, as_of: object, sample: object) -> None:
    import tomli_w

    with _dataset() as directory:
        (directory / MANIFEST).write_text(
            tomli_w.dumps({"title": title, "as_of": as_of, "sample": sample}), encoding="utf-8"
        )
        _assert_loads_or_rejects_cleanly(directory)


@pytest.mark.slow
@given(st.binary(max_size=120) | HOSTILE_TEXT.map(str.encode))
def test_manifest_malformed(raw: bytes) -> None:
    with _dataset() as directory:
        (directory / MANIFEST).write_bytes(raw)
        _assert_loads_or_rejects_cleanly(directory)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "parquet"])
def test_a_rejected_file_names_row_and_column(fmt: str) -> None:
    """The generated suites assert the place is named; one fixed case pins row and column exactly."""
    with _dataset() as directory:
        frame = _put(_frame(directory, "cluster_targets"), 4, "revenue_target", "1e308\x1b[2J")
        (directory / "cluster_targets.csv").unlink()
        path = directory / f"cluster_targets.{fmt}"
        if fmt == "csv":
            frame.write_csv(path)
        elif fmt == "xlsx":
            frame.write_excel(path)
        else:
            frame.write_parquet(path)
        with pytest.raises(DataInvalid) as caught:
            load_dataset(directory)
        (error,) = caught.value.errors
        assert (error.file, error.row, error.column, error.value) == (
            f"cluster_targets.{fmt}",
            6,
            "revenue_target",
            "1e308[2J",
        )
