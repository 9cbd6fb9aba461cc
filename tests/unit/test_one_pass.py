"""The one-plan-per-table load (console.data.one_pass) gives what the careful, column-by-column path gives:
the same tables when all is good, and the same messages, naming the bad cell, when something is not."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

import console.data.loader as loader
from console.cli import main
from console.data.errors import DataError, DataInvalid
from console.data.loader import load_dataset


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic 300-zone dataset (16,576 indicator values)."""
    out = tmp_path_factory.mktemp("gen") / "nat"
    assert main(["generate", "--zones", "300", "--out", str(out)]) == 0
    return out


def _careful(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every load take the careful path, as if each table had a problem."""
    monkeypatch.setattr(loader, "typed_at_once", lambda frame, table: None)
    monkeypatch.setattr(loader, "keys_distinct", lambda frame, table: False)
    monkeypatch.setattr(loader, "references_found", lambda frame, table, typed: False)


def _errors(directory: Path) -> list[DataError]:
    with pytest.raises(DataInvalid) as caught:
        load_dataset(directory)
    return caught.value.errors


@pytest.mark.parametrize("which", ["embedded", "generated"])
def test_both_paths_load_equal_tables(which: str, data_dir: Path, generated: Path, monkeypatch) -> None:
    directory = data_dir if which == "embedded" else generated
    fast = load_dataset(directory)
    _careful(monkeypatch)
    careful = load_dataset(directory)
    assert list(fast.tables) == list(careful.tables)
    for name, frame in careful.tables.items():
        assert fast.tables[name].schema == frame.schema, name  # same columns, order and dtypes
        assert fast.tables[name].equals(frame), name


def _set_cell(path: Path, row: int, column: str, value: str | None) -> str:
    """Write ``value`` into ``column`` of spreadsheet row ``row`` (the header is row 1) of a CSV file, or
    with None the row above into that row; the cell as written."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    if value is None:
        rows[row - 1] = list(rows[row - 2])
    else:
        rows[row - 1][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return rows[row - 1][rows[0].index(column)]


# (file, row, column, new value or None for the previous row's cell, so the key repeats)
FAULTS = [
    ("indicator_values.csv", 12_345, "value", "12,3x"),  # not a number
    ("cluster_revenue.csv", 3_876, "revenue_ytd", "-4"),  # below the minimum
    ("zone_targets.csv", 500, "year", "2024.5"),  # not a whole year
    ("reports.csv", 2_321, "period", "2025Q5"),  # not a quarter
    ("reports.csv", 2_322, "submitted", "2025-02-30"),  # not a date
    ("assessments.csv", 377, "tier", "4"),  # not a tier
    ("indicators.csv", 9, "comparison", "=>"),  # not one of the choices
    ("clusters.csv", 300, "industry", None),  # the row above written again: its key repeats
    ("cluster_revenue.csv", 4_000, "industry", "不存在的产业"),  # no such cluster
    ("zone_targets.csv", 800, "zone", "不存在的开发区"),  # no such zone
    ("reports.csv", 3_000, "zone", ""),  # a required cell left empty
]


@pytest.mark.parametrize(("file", "row", "column", "value"), FAULTS)
def test_a_bad_cell_in_a_large_file_is_named_as_before(
    file: str, row: int, column: str, value: str | None, generated: Path, tmp_path: Path, monkeypatch
) -> None:
    directory = tmp_path / "nat"
    shutil.copytree(generated, directory)
    path = directory / file
    written = _set_cell(path, row, column, value)
    fast = _errors(directory)
    assert any(e.file == file and e.row == row and column in (e.column or "") for e in fast), fast
    if written:
        assert any(e.row == row and e.value is not None and written in e.value for e in fast), fast
    _careful(monkeypatch)
    careful = _errors(directory)
    assert sorted(map(str, fast)) == sorted(map(str, careful))
    assert [e.text("zh") for e in fast] == [e.text("zh") for e in careful]


def test_numbers_written_with_separators_load_as_the_careful_path_reads_them(
    generated: Path, tmp_path: Path, monkeypatch
) -> None:
    """A figure written ``12,345.5`` or ``12 345.5`` (a number is first read as written, and only then
    without its separators) is the same figure as the careful path reads."""
    directory = tmp_path / "nat"
    shutil.copytree(generated, directory)
    _set_cell(directory / "indicator_values.csv", 5_000, "value", "12,345.5")
    _set_cell(directory / "cluster_revenue.csv", 700, "revenue_ytd", "1 234")
    fast = load_dataset(directory)
    values = fast["indicator_values"].get_column("value")
    assert 12345.5 in values.to_list()
    assert 1234.0 in fast["cluster_revenue"].get_column("revenue_ytd").to_list()
    _careful(monkeypatch)
    careful = load_dataset(directory)
    for name, frame in careful.tables.items():
        assert fast.tables[name].equals(frame), name
