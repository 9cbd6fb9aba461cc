"""Bad input: one clear message per problem, naming file, row (as a spreadsheet counts) and column."""

from __future__ import annotations

import os
import re
from pathlib import Path

import polars as pl
import pytest

from console.data.errors import DataError, DataInvalid
from console.data.loader import load_dataset


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8-sig").splitlines()


def _write(path: Path, lines: list[str], encoding: str = "utf-8-sig") -> None:
    path.write_text("\n".join(lines) + "\n", encoding=encoding)


def _errors(directory: Path) -> list[DataError]:
    with pytest.raises(DataInvalid) as caught:
        load_dataset(directory)
    return caught.value.errors


def _only(directory: Path) -> DataError:
    errors = _errors(directory)
    assert len(errors) == 1, "\n".join(map(str, errors))
    return errors[0]


def _set_cell(path: Path, row: int, column: str, value: str) -> None:
    """Change one cell; ``row`` counts as a spreadsheet does (header = 1)."""
    lines = _lines(path)
    header = lines[0].split(",")
    cells = lines[row - 1].split(",")
    cells[header.index(column)] = value
    lines[row - 1] = ",".join(cells)
    _write(path, lines)


def test_missing_file_is_named(data_copy: Path) -> None:
    (data_copy / "clusters.csv").unlink()
    errors = _errors(data_copy)
    assert errors[0].file == "clusters.csv"
    assert "missing file" in errors[0].message and "clusters.xlsx" in errors[0].message


def test_missing_column(data_copy: Path) -> None:
    path = data_copy / "zone_targets.csv"
    _write(path, [",".join(line.split(",")[:3]) for line in _lines(path)])
    error = _only(data_copy)
    assert (error.file, error.row, error.column) == ("zone_targets.csv", 1, "tier_target")
    assert "missing column" in error.message


def test_unexpected_column_suggests_the_nearest(data_copy: Path) -> None:
    path = data_copy / "cluster_revenue.csv"
    lines = _lines(path)
    _write(path, [lines[0].replace("revenue_ytd", "revenue_ydt"), *lines[1:]])
    errors = _errors(data_copy)
    unexpected = next(e for e in errors if e.column == "revenue_ydt")
    assert (unexpected.file, unexpected.row) == ("cluster_revenue.csv", 1)
    assert "unexpected column" in unexpected.message and "Did you mean 'revenue_ytd'?" in unexpected.message


def test_wrong_type(data_copy: Path) -> None:
    _set_cell(data_copy / "cluster_targets.csv", 5, "revenue_target", "一百")
    error = _only(data_copy)
    assert (error.file, error.row, error.column, error.value) == (
        "cluster_targets.csv",
        5,
        "revenue_target",
        "一百",
    )
    assert "expected a number" in error.message
    assert (
        str(error) == "cluster_targets.csv, row 5, column 'revenue_target': found '一百': expected a number"
    )


def test_empty_file(data_copy: Path) -> None:
    (data_copy / "reports.csv").write_bytes(b"")
    error = _only(data_copy)
    assert error.file == "reports.csv" and "empty" in error.message


def test_header_without_rows(data_copy: Path) -> None:
    path = data_copy / "zone_targets.csv"  # a plan table is never empty
    _write(path, _lines(path)[:1])
    error = _only(data_copy)
    assert error.file == "zone_targets.csv" and "no rows" in error.message


def test_progress_table_may_be_empty(data_copy: Path) -> None:
    """A real dataset starts with no results and no reports (devzones init): a header is enough."""
    path = data_copy / "reports.csv"
    _write(path, _lines(path)[:1])
    assert load_dataset(data_copy)["reports"].is_empty()


def test_duplicate_key_names_both_rows(data_copy: Path) -> None:
    path = data_copy / "zone_targets.csv"
    lines = _lines(path)
    _write(path, [*lines, lines[3]])  # row 4 again, as row 35
    error = _only(data_copy)
    assert (error.file, error.row, error.column) == ("zone_targets.csv", 35, "zone, year")
    assert "duplicate key" in error.message and "row 4" in error.message


def test_unknown_zone_suggests_the_nearest_name(data_copy: Path) -> None:
    _set_cell(data_copy / "reports.csv", 3, "zone", "遂平开发区")
    error = _only(data_copy)
    assert (error.file, error.row, error.column, error.value) == ("reports.csv", 3, "zone", "遂平开发区")
    assert "unknown zone" in error.message and "Did you mean '遂平县开发区'?" in error.message


def test_unknown_cluster(data_copy: Path) -> None:
    _set_cell(data_copy / "cluster_revenue.csv", 2, "industry", "化学")
    error = _only(data_copy)
    assert (error.file, error.row, error.column) == ("cluster_revenue.csv", 2, "zone, industry")
    assert "unknown cluster" in error.message and "化工" in error.message


def test_unknown_indicator(data_copy: Path) -> None:
    _set_cell(data_copy / "indicator_values.csv", 2, "indicator", "I99")
    error = _only(data_copy)
    assert (error.file, error.row, error.column, error.value) == (
        "indicator_values.csv",
        2,
        "indicator",
        "I99",
    )
    assert "unknown indicator" in error.message


def test_unknown_task(data_copy: Path) -> None:
    _set_cell(data_copy / "indicators.csv", 3, "task", "19")
    error = _only(data_copy)
    assert (error.file, error.row, error.column, error.value) == ("indicators.csv", 3, "task", "19")
    assert "unknown task" in error.message


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        ("star_target", "六星", "star level within 1-5"),
        ("star_target", "7", "1-5"),
        ("tier_target", "4", "tier within 1-3"),
        ("tier_target", "四档", "1-3"),
        ("star_target", "很多", "star level"),
    ],
)
def test_star_and_tier_outside_the_scale(data_copy: Path, column: str, value: str, expected: str) -> None:
    _set_cell(data_copy / "zone_targets.csv", 6, column, value)
    error = _only(data_copy)
    assert (error.file, error.row, error.column, error.value) == ("zone_targets.csv", 6, column, value)
    assert expected in error.message


def test_negative_revenue(data_copy: Path) -> None:
    _set_cell(data_copy / "cluster_revenue.csv", 4, "revenue_ytd", "-12.5")
    error = _only(data_copy)
    assert (error.file, error.row, error.column, error.value) == (
        "cluster_revenue.csv",
        4,
        "revenue_ytd",
        "-12.5",
    )
    assert "must not be negative" in error.message


def test_period_outside_the_year(data_copy: Path) -> None:
    _set_cell(data_copy / "reports.csv", 7, "period", "2025Q5")
    error = _only(data_copy)
    assert (error.file, error.row, error.column, error.value) == ("reports.csv", 7, "period", "2025Q5")
    assert "quarter 1-4" in error.message


def test_bytes_in_no_supported_encoding(data_copy: Path) -> None:
    path = data_copy / "clusters.csv"
    raw = path.read_bytes()
    third_line = raw.index(b"\n", raw.index(b"\n") + 1) + 1
    path.write_bytes(raw[:third_line] + b"\xff\xfe\x80" + raw[third_line:])
    error = _only(data_copy)
    assert (error.file, error.row) == ("clusters.csv", 3)
    assert "no supported encoding" in error.message and "0xff" in error.value


def test_truncated_csv(data_copy: Path) -> None:
    path = data_copy / "cluster_revenue.csv"
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) - 12])  # cut inside the last row
    error = _only(data_copy)
    assert error.file == "cluster_revenue.csv"
    assert error.row == len(raw.splitlines())  # the last row, spreadsheet-counted
    assert "truncated" in error.message


def test_truncated_xlsx(data_copy: Path, tmp_path: Path) -> None:
    frame = pl.read_csv(data_copy / "zones.csv")
    (data_copy / "zones.csv").unlink()
    frame.write_excel(tmp_path / "zones.xlsx")
    raw = (tmp_path / "zones.xlsx").read_bytes()
    (data_copy / "zones.xlsx").write_bytes(raw[: len(raw) // 2])
    errors = _errors(data_copy)
    assert errors[0].file == "zones.xlsx" and "truncated or damaged" in errors[0].message


def test_two_files_for_one_table(data_copy: Path) -> None:
    pl.read_csv(data_copy / "sections.csv").write_parquet(data_copy / "sections.parquet")
    error = _only(data_copy)
    assert (
        "sections.csv" in error.message
        and "sections.parquet" in error.message
        and "keep only one" in error.message
    )


def test_missing_required_value(data_copy: Path) -> None:
    _set_cell(data_copy / "zone_targets.csv", 9, "tier_target", "")
    error = _only(data_copy)
    assert (error.file, error.row, error.column) == ("zone_targets.csv", 9, "tier_target")
    assert "required" in error.message


def test_many_bad_rows_are_summarised(data_copy: Path) -> None:
    path = data_copy / "reports.csv"
    lines = _lines(path)
    _write(path, [lines[0], *(re.sub(r"Q[1-4]", "Q5", line) for line in lines[1:])])
    errors = _errors(data_copy)
    assert len(errors) == 11  # ten rows shown, then one line for the rest
    assert errors[-1].message.startswith(f"{len(lines) - 1 - 10} more rows like")


def test_manifest_problems(data_copy: Path) -> None:
    (data_copy / "manifest.toml").write_text('title = "x"\nas_of = "2026Q7"\n', encoding="utf-8")
    errors = _errors(data_copy)
    assert {(e.file, e.column) for e in errors} == {("manifest.toml", "as_of"), ("manifest.toml", "sample")}


def _snapshot(directory: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(directory.iterdir())}


def test_a_failed_load_changes_nothing(data_copy: Path) -> None:
    _set_cell(data_copy / "cluster_revenue.csv", 4, "revenue_ytd", "-1")
    (data_copy / "zone_targets.csv").write_bytes(b"")
    before = _snapshot(data_copy)
    os.chmod(data_copy, 0o555)  # a load needs no write access
    try:
        assert len(_errors(data_copy)) == 2
    finally:
        os.chmod(data_copy, 0o755)
    assert _snapshot(data_copy) == before


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_duplicate_says_its_value_once_without_the_column_name(data_copy: Path, lang: str) -> None:
    """The column is named in the place; the value found is the value alone, said once."""
    path = data_copy / "zones.csv"
    lines = _lines(path)
    _write(path, [*lines, lines[3]])
    with pytest.raises(DataInvalid) as raised:
        load_dataset(data_copy)
    (zone,) = [e for e in raised.value.errors if e.column == "zone"]
    line = zone.text(lang)
    assert zone.value == "遂平县开发区"
    assert line.count("遂平县开发区") == 1 and "zone=" not in line
    assert ("第 4 行" if lang == "zh" else "row 4") in line
