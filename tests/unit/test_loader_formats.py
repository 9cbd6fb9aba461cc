"""The forms coordinators write: encodings, workbook formats, Chinese scales and periods."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from console.data.loader import load_dataset
from console.data.scales import Period, ScaleError, parse_period, parse_star, parse_tier


@pytest.mark.parametrize(
    ("raw", "value"),
    [("2", 2), ("二星", 2), ("二星级", 2), ("★★", 2), ("★★★★★", 5), ("一星", 1), ("", None), ("２", 2)],
)
def test_star_forms(raw: str, value: int | None) -> None:
    assert parse_star(raw) == value


@pytest.mark.parametrize(("raw", "value"), [("2", 2), ("二档", 2), ("第一档", 1), ("3档", 3), ("", None)])
def test_tier_forms(raw: str, value: int | None) -> None:
    assert parse_tier(raw) == value


@pytest.mark.parametrize(
    "raw", ["2025Q3", "2025-Q3", "2025 Q3", "2025q3", "2025年第三季度", "2025年第3季度", "2025年三季度"]
)
def test_period_forms(raw: str) -> None:
    assert parse_period(raw) == Period(2025, 3)


@pytest.mark.parametrize("raw", ["2025Q5", "2025Q0", "2025年第五季度", "2025", "Q3"])
def test_bad_periods(raw: str) -> None:
    with pytest.raises(ScaleError):
        parse_period(raw)


def test_gb18030_csv_with_chinese_scales_loads_the_same(data_copy: Path, dataset) -> None:
    path = data_copy / "zone_targets.csv"
    text = path.read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    # Write stars and tiers as coordinators do (二星, ★★, 三档), and save as Excel on Chinese Windows does.
    rewritten = [lines[0]]
    for i, line in enumerate(lines[1:]):
        zone, year, star, tier = line.split(",")
        star = {"": "", "1": "一星", "2": "★★", "3": "三星级"}[star] if i % 2 else star
        tier = f"{'一二三'[int(tier) - 1]}档"
        rewritten.append(",".join((zone, year, star, tier)))
    path.write_bytes(("\r\n".join(rewritten) + "\r\n").encode("gb18030"))
    reports = data_copy / "reports.csv"
    lines = reports.read_text(encoding="utf-8-sig").splitlines()
    reports.write_text(
        "\n".join(
            [
                lines[0],
                *(
                    line.replace("2025Q3", "2025年第三季度").replace("2024Q2", "2024-Q2")
                    for line in lines[1:]
                ),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    loaded = load_dataset(data_copy)
    assert loaded["zone_targets"].equals(dataset["zone_targets"])
    assert loaded["reports"].equals(dataset["reports"])


def test_xlsx_and_parquet_tables(data_copy: Path, dataset) -> None:
    pl.read_csv(data_copy / "zone_targets.csv", infer_schema=False).write_excel(
        data_copy / "zone_targets.xlsx"
    )
    (data_copy / "zone_targets.csv").unlink()
    pl.read_csv(data_copy / "cluster_revenue.csv").write_parquet(data_copy / "cluster_revenue.parquet")
    (data_copy / "cluster_revenue.csv").unlink()
    loaded = load_dataset(data_copy)
    assert loaded["zone_targets"].equals(dataset["zone_targets"])
    assert loaded["cluster_revenue"].equals(dataset["cluster_revenue"])


def test_short_names_and_blank_rows_are_accepted(data_copy: Path, dataset) -> None:
    path = data_copy / "reports.csv"
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    short = [line.replace("遂平县开发区", "遂平") for line in lines]
    path.write_text("\n".join([*short[:5], "", ",,", *short[5:]]) + "\n", encoding="utf-8-sig")
    assert load_dataset(data_copy)["reports"].equals(dataset["reports"])


def test_control_characters_and_markup_are_kept_out(data_copy: Path) -> None:
    path = data_copy / "zones.csv"
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    lines[3] = lines[3].replace("遂平,遂平县", "[b]遂平[/]\x1b[31m\x07,遂平县")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    zones = load_dataset(data_copy)["zones"]
    assert zones.get_column("short_name")[2] == "[b]遂平[/][31m"  # markup kept literally, ESC and BEL gone
