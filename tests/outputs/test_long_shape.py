"""``export --shape long``: the quarterly series a row per zone (cluster) and quarter (issue 22, point 4)."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from tests.support.cli_run import run

LONG_ZONES = [
    "zone_id",
    "zone",
    "county",
    "quarter",
    "year",
    "revenue",
    "revenue_ytd",
    "target",
    "share_of_target",
]


def _long(capsys, *args: str) -> dict:
    code, out, err = run(capsys, "export", "--shape", "long", "--format", "json", "--out", "-", *args)
    assert (code, err) == (0, ""), err
    return json.loads(out)["tables"]


def test_column_names_do_not_change_with_the_as_of_quarter(capsys) -> None:
    latest = _long(capsys, "--view", "zones")["zones"]
    earlier = _long(capsys, "--view", "zones", "--as-of", "2025Q2")["zones"]
    assert [c["code"] for c in latest["columns"]] == [c["code"] for c in earlier["columns"]] == LONG_ZONES
    quarters = sorted({r["quarter"] for r in latest["rows"]})
    assert quarters[0] == "2024Q1" and quarters[-1] == "2026Q3" and len(quarters) == 11
    assert len(latest["rows"]) == 11 * 11  # 11 zones, 11 quarters
    assert max(r["quarter"] for r in earlier["rows"]) == "2025Q2" and len(earlier["rows"]) == 11 * 6


def test_a_missing_quarter_is_null_never_an_average(capsys) -> None:
    """高新区 reported nothing for 2024Q1: the wide series gives 2024Q2 the average of the two quarters
    (51.195, half its year to date); the long table says what is known: null, then the year to date."""
    _, out, _ = run(capsys, "export", "--view", "zones", "--format", "json", "--out", "-")
    wide = next(r for r in json.loads(out)["tables"]["zones"]["rows"] if r["zone"] == "高新区")
    assert wide["rev_2024Q1"] is None and wide["rev_2024Q2"] == pytest.approx(51.195)
    rows = {
        r["quarter"]: r for r in _long(capsys, "--view", "zones")["zones"]["rows"] if r["zone"] == "高新区"
    }
    assert rows["2024Q1"]["revenue"] is None and rows["2024Q1"]["revenue_ytd"] is None
    assert rows["2024Q2"]["revenue"] is None and rows["2024Q2"]["revenue_ytd"] == pytest.approx(102.39)
    assert rows["2024Q3"]["revenue"] == pytest.approx(57.49)  # 159.88 - 102.39
    assert rows["2024Q2"]["target"] == rows["2024Q4"]["target"] == 210.0  # the year's target
    # The as-of quarter agrees with the wide view's year to date and target.
    assert rows["2026Q3"]["revenue_ytd"] == pytest.approx(wide["revenue_ytd"])
    assert rows["2026Q3"]["target"] == pytest.approx(wide["revenue_target"])


def test_clusters_are_keyed_by_zone_and_industry(capsys) -> None:
    table = _long(capsys, "--view", "clusters", "--lang", "en")["clusters"]
    codes = [c["code"] for c in table["columns"]]
    assert codes[:5] == ["zone_id", "zone", "county", "industry_id", "industry"] and "quarter" in codes
    keys = {(r["zone_id"], r["industry_id"], r["quarter"]) for r in table["rows"]}
    assert len(keys) == len(table["rows"]) == 17 * 11
    assert any(r["industry_id"] == "化工" and r["industry"] == "Chemicals" for r in table["rows"])


@pytest.mark.parametrize("fmt", ["csv", "parquet", "xlsx", "md"])
def test_every_format_writes_the_long_table(capsys, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"long.{fmt}"
    code, _, err = run(
        capsys, "export", "--view", "zones", "--shape", "long", "--format", fmt, "--out", str(out)
    )
    assert code == 0, err
    if fmt == "parquet":
        frame = pl.read_parquet(out)
        assert frame.columns == LONG_ZONES and frame.height == 121
        assert frame.schema["revenue"] == pl.Float64 and frame.schema["year"] == pl.Int64
    elif fmt == "csv":
        assert out.read_text(encoding="utf-8-sig").count("\n") == 122  # the header and 121 rows
    elif fmt == "md":
        assert out.read_text(encoding="utf-8").count("| 2026Q3 |") == 11
    else:
        import openpyxl

        sheet = openpyxl.load_workbook(out).worksheets[0]
        assert sheet.max_row == 122


def test_views_without_a_series_are_refused(capsys) -> None:
    code, out, err = run(
        capsys, "export", "--view", "tasks", "--shape", "long", "--format", "csv", "--out", "-"
    )
    assert code == 2 and out == "" and "--shape long" in err
