"""Files that used to end in a traceback: each is now a DataError naming the file (issue 9).

CR-only line endings, list/struct columns in Parquet, numbers that are not finite or beyond a sane bound,
files and folders the system will not let us read, and a data folder we may not write to.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

import polars as pl
import pytest

from console.cli import main
from console.core.text import REMOVED
from console.data.errors import DataError, DataInvalid
from console.data.loader import load_dataset
from console.data.schema import SANE_BOUND


def _errors(directory: Path) -> list[DataError]:
    with pytest.raises(DataInvalid) as caught:
        load_dataset(directory)
    return caught.value.errors


def _set_cell(path: Path, row: int, column: str, value: str) -> None:
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    header = lines[0].split(",")
    cells = lines[row - 1].split(",")
    cells[header.index(column)] = value
    lines[row - 1] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_cr_only_line_endings_load_as_usual(data_copy: Path, dataset) -> None:
    path = data_copy / "zones.csv"
    path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r"))
    loaded = load_dataset(data_copy)
    assert loaded["zones"].equals(dataset["zones"])


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (lambda s: s.map_elements(lambda v: [v], return_dtype=pl.List(pl.String)), "List"),
        (lambda s: pl.struct(s.alias("a"), s.alias("b"), eager=True), "Struct"),
    ],
)
def test_nested_parquet_columns_are_named(data_copy: Path, make, kind: str) -> None:
    frame = pl.read_csv(data_copy / "zones.csv", infer_schema=False)
    frame = frame.with_columns(make(frame.get_column("county")).alias("county"))
    (data_copy / "zones.csv").unlink()
    frame.write_parquet(data_copy / "zones.parquet")
    errors = _errors(data_copy)
    assert [(e.file, e.column) for e in errors] == [("zones.parquet", "county")]
    assert kind in errors[0].message and "plain" in errors[0].message


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", "1e308", "-1e308", "1e400", "2e9"])
def test_numbers_must_be_finite_and_in_range(data_copy: Path, value: str) -> None:
    _set_cell(data_copy / "cluster_revenue.csv", 3, "revenue_ytd", value)
    _set_cell(data_copy / "indicator_values.csv", 4, "value", value)
    errors = _errors(data_copy)
    where = {(e.file, e.row, e.column) for e in errors}
    assert where == {("cluster_revenue.csv", 3, "revenue_ytd"), ("indicator_values.csv", 4, "value")}
    assert all(e.value == value and "expected a number" in e.message for e in errors)


def test_whole_numbers_are_bounded_too(data_copy: Path) -> None:
    _set_cell(data_copy / "assessments.csv", 2, "tier_size", str(int(SANE_BOUND["int"]) * 10))
    (error,) = _errors(data_copy)
    assert (error.file, error.row, error.column) == ("assessments.csv", 2, "tier_size")
    assert "whole number between" in error.message


def test_the_largest_sane_number_is_still_accepted(data_copy: Path) -> None:
    _set_cell(data_copy / "indicator_values.csv", 4, "value", f"{SANE_BOUND['number']:.0f}")
    values = load_dataset(data_copy)["indicator_values"].get_column("value")
    assert values.max() == SANE_BOUND["number"]


def test_export_works_at_the_bound(data_copy: Path, tmp_path: Path, capsys) -> None:
    """1e308 passed check and then broke export; the largest accepted value exports."""
    _set_cell(data_copy / "cluster_revenue.csv", 3, "revenue_ytd", f"{SANE_BOUND['number']:.0f}")
    for fmt in ("csv", "xlsx", "parquet", "json", "md"):
        out = tmp_path / f"all.{fmt}"
        code = main(["export", "--data", str(data_copy), "--view", "all", "--format", fmt, "--out", str(out)])
        assert code == 0, capsys.readouterr().err


def test_header_names_cleaned_to_the_same_name(data_copy: Path) -> None:
    path = data_copy / "zones.csv"
    text = path.read_text(encoding="utf-8-sig")
    path.write_text(text.replace("county_en", "county\x1b", 1), encoding="utf-8")
    (error,) = _errors(data_copy)
    assert (error.file, error.row, error.column) == ("zones.csv", 1, "county")
    assert "twice" in error.message


def _deny(monkeypatch: pytest.MonkeyPatch, name: str, method: str) -> None:
    """Make one Path method raise PermissionError for files called ``name`` (tests run as root)."""
    original = getattr(Path, method)

    def denied(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self.name == name:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, method, denied)


@pytest.mark.parametrize("name", ["zones.csv", "manifest.toml"])
def test_unreadable_file_is_named(data_copy: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    _deny(monkeypatch, name, "read_bytes")
    errors = _errors(data_copy)
    assert [e.file for e in errors] == [name]
    assert "cannot be read" in errors[0].message and "Permission denied" in errors[0].message


@pytest.mark.parametrize(("suffix", "reader"), [(".parquet", "read_parquet"), (".xlsx", "read_excel")])
def test_unreadable_xlsx_and_parquet_are_named(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch, suffix: str, reader: str
) -> None:
    frame = pl.read_csv(data_copy / "zones.csv", infer_schema=False)
    (data_copy / "zones.csv").unlink()
    if suffix == ".parquet":
        frame.write_parquet(data_copy / "zones.parquet")
    else:
        frame.write_excel(data_copy / "zones.xlsx")

    def denied(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(pl, reader, denied)
    errors = _errors(data_copy)
    assert [e.file for e in errors] == [f"zones{suffix}"]
    assert "Permission denied" in errors[0].message


def test_unreadable_folder_is_named(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _deny(monkeypatch, data_copy.name, "is_dir")
    (error,) = _errors(data_copy)
    assert error.file == str(data_copy) and "cannot be read" in error.message


def test_unlistable_folder_names_each_file(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder we may enter but not search: is_file raises for every entry."""
    original = Path.is_file

    def denied(self: Path) -> bool:
        if self.parent == data_copy:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "is_file", denied)
    errors = _errors(data_copy)
    assert {e.file for e in errors} >= {"manifest.toml", "zones.csv", "reports.csv"}
    assert all("cannot be read" in e.message for e in errors)


def test_cli_check_reports_an_unreadable_file_without_traceback(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    _deny(monkeypatch, "tasks.csv", "read_bytes")
    assert main(["check", "--data", str(data_copy)]) == 3  # invalid data (README: exit codes)
    out, err = capsys.readouterr()
    assert "tasks.csv" in out + err and "Traceback" not in out + err


def test_a_read_only_data_folder_loads_and_checks(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """Nothing in loading or checking writes to the data folder (as root, chmod cannot show it)."""
    inside = str(data_copy)

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        target = str(args[0]) if args else str(kwargs.get("dir", ""))
        if target.startswith(inside) or str(kwargs.get("dir", "")).startswith(inside):
            raise OSError(errno.EROFS, "Read-only file system", target)
        return original[kwargs.pop("_which")](*args, **kwargs)

    original = {"mkstemp": tempfile.mkstemp, "replace": os.replace, "mkdir": os.mkdir}
    monkeypatch.setattr(tempfile, "mkstemp", lambda *a, **k: refuse(*a, _which="mkstemp", **k))
    monkeypatch.setattr(os, "replace", lambda *a, **k: refuse(*a, _which="replace", **k))
    monkeypatch.setattr(os, "mkdir", lambda *a, **k: refuse(*a, _which="mkdir", **k))
    before = {p.name: p.read_bytes() for p in data_copy.iterdir()}
    load_dataset(data_copy)
    assert main(["check", "--data", str(data_copy)]) == 0
    assert main(["status", "--data", str(data_copy), "--json"]) == 0
    assert {p.name: p.read_bytes() for p in data_copy.iterdir()} == before
    assert not set("".join(capsys.readouterr())) & set(REMOVED.replace("\n", ""))


def test_cut_off_row_with_a_stray_line_break_is_named(data_copy: Path) -> None:
    """Found by the Hypothesis suite (thorough profile): the last row cut inside a quoted text cell."""
    path = data_copy / "plan_figures.csv"
    raw = path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    path.write_bytes(raw[: int(0.375 * len(raw))] + b"\x00")
    errors = _errors(data_copy)
    assert errors and all(e.file == "plan_figures.csv" for e in errors)
