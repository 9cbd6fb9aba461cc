"""A real "none" is not "no result" (issue 20, item 3).

A zone whose published result is 无星 has a result: in every export format and in ``status --json`` it
is 0 (the assessment template writes 无星 as 0) in number columns and 无星 in words; an empty cell means
only that no result was published. The same holds for a report on time (0 days late) against a report
that never came (empty).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import polars as pl
import pytest

from console.cli import main

# In the embedded sample data the 2025 results of 上蔡, 平舆 and 确山 are 无星.
NO_STAR = ("上蔡县开发区", "平舆县开发区", "确山县开发区")


def _drop_results(data: Path, zone: str) -> None:
    """The dataset without any published result for ``zone`` (a new zone: no result at all)."""
    path = data / "assessments.csv"
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    path.write_text(
        "\n".join(line for line in lines if not line.startswith(zone + ",")) + "\n", encoding="utf-8"
    )


@pytest.fixture
def data(data_copy: Path) -> Path:
    _drop_results(data_copy, "泌阳县开发区")
    return data_copy


def _check(stars: dict[str, object]) -> None:
    for zone in NO_STAR:
        assert stars[zone] == 0, f"{zone}: 无星 must export as 0, got {stars[zone]!r}"
    assert stars["泌阳县开发区"] is None, "no result must stay empty"
    assert all(v not in (None, 0) for z, v in stars.items() if z not in (*NO_STAR, "泌阳县开发区"))


def test_status_json_writes_no_star_as_zero(capsys, data: Path) -> None:
    assert main(["status", "--json", "--year", "2025", "--data", str(data)]) == 0
    zones = json.loads(capsys.readouterr().out)["zones"]
    _check({z["zone"]: z["star"] for z in zones})
    days = {z["zone"]: (z["report_status"], z["report_days_late"]) for z in zones}
    assert all(d == 0 for s, d in days.values() if s == "on_time")
    assert all(d is None for s, d in days.values() if s == "missing")


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "parquet", "json"])
def test_exports_write_no_star_as_zero(capsys, data: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"zones.{fmt}"
    code = main(
        [
            "export",
            "--view",
            "zones",
            "--year",
            "2025",
            "--format",
            fmt,
            "--out",
            str(out),
            "--data",
            str(data),
        ]
    )
    assert code == 0, capsys.readouterr()
    if fmt == "parquet":
        rows = pl.read_parquet(out).to_dicts()
    elif fmt == "json":
        rows = json.loads(out.read_text(encoding="utf-8"))["tables"]["zones"]["rows"]
    else:
        if fmt == "csv":
            with out.open(encoding="utf-8-sig") as handle:
                table = [[v or None for v in r] for r in csv.reader(handle)]
        else:
            table = [list(r) for r in openpyxl.load_workbook(out).worksheets[0].iter_rows(values_only=True)]
        start = next(i for i, r in enumerate(table) if "星级结果" in r)
        codes = {"开发区全称": "zone_id", "星级结果": "star"}
        rows = [
            {codes.get(str(h), h): v for h, v in zip(table[start], r, strict=False)}
            for r in table[start + 1 :]
        ]
    stars = {r["zone_id"]: r["star"] for r in rows if r.get("zone_id")}
    _check({z: None if v is None else int(v) for z, v in stars.items()})


def test_markdown_says_no_star_in_words(capsys, data: Path, tmp_path: Path) -> None:
    out = tmp_path / "zones.md"
    assert (
        main(
            [
                "export",
                "--view",
                "zones",
                "--year",
                "2025",
                "--format",
                "md",
                "--out",
                str(out),
                "--data",
                str(data),
            ]
        )
        == 0
    )
    text = out.read_text(encoding="utf-8")
    for short in ("上蔡", "平舆", "确山"):
        line = next(x for x in text.splitlines() if f"| {short}" in x)
        assert "无星" in line
    line = next(x for x in text.splitlines() if "| 泌阳" in x)
    assert "无星" not in line


def test_a_target_the_plan_does_not_set_is_not_a_target_of_no_star(
    capsys, data: Path, tmp_path: Path
) -> None:
    """walk 6: annex 2 sets no 2024 star target for 西平 and 汝南: 未设→…, never 无星→… (which reads
    as 'the target is no star'); an empty target cell in exports and null in JSON (0 would be 无星)."""
    from console.present.formatter import Formatter

    for lang, unset in (("zh", "未设"), ("en", "unset")):
        f = Formatter(lang)
        assert f.compact_goal("star", None, 1).startswith(unset + f.arrow)
        assert f.goal_change("star", None, None).startswith(unset + f.arrow)
        assert f.compact_goal("star", None, None).startswith(unset)
        assert not f.goal_change("tier", None, 2).startswith(f.tier(None, True))
    assert main(["status", "--year", "2024", "--data", str(data)]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if "西平" in line or "汝南" in line]
    assert lines and all("无星→" not in line and "未设→" in line for line in lines[:2]), lines
    assert main(["status", "--json", "--year", "2024", "--data", str(data)]) == 0
    zones = {z["zone"]: z for z in json.loads(capsys.readouterr().out)["zones"]}
    assert zones["西平县开发区"]["star_target"] is None
    out = tmp_path / "zones.md"
    args = ["export", "--view", "zones", "--year", "2024", "--format", "md", "--out", str(out)]
    assert main([*args, "--data", str(data)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "无星→" not in text and "未设→" in text
