"""Quarterly reports: template round trip, every rejection, concurrency, undo, live reload."""

from __future__ import annotations

import json
import multiprocessing
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl
import pytest

from console.cli import main
from console.data.loader import load_dataset
from console.reports.store import ReportBatchRejected, ingest, undo
from console.reports.template import make_template
from tests.support.app import row_cells
from tests.support.workbooks import fill

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.pilot import Pilot

TODAY = date(2026, 11, 26)


def snapshot(directory: Path) -> dict[str, bytes]:
    return {
        p.name: p.read_bytes()
        for p in sorted(directory.iterdir())
        if p.is_file() and not p.name.startswith(".")
    }


@pytest.fixture
def missing_zone(data_copy: Path) -> tuple[str, str]:
    """A zone whose 2026Q3 report is missing in the sample data, and its short name."""
    ds = load_dataset(data_copy)
    missing = ds["reports"].filter((pl.col("period") == "2026Q3") & pl.col("submitted").is_null())
    zone = missing.get_column("zone")[0]
    return zone, ds["zones"].filter(pl.col("zone") == zone).get_column("short_name")[0]


def test_round_trip_template_fill_ingest_status(
    data_copy: Path, missing_zone, tmp_path: Path, capsys
) -> None:
    zone, short = missing_zone
    assert (
        main(
            [
                "--data",
                str(data_copy),
                "template",
                "--zone",
                short,
                "--period",
                "2026Q3",
                "--out",
                str(tmp_path / "t.xlsx"),
            ]
        )
        == 0
    )
    ds = load_dataset(data_copy)
    industries = ds["clusters"].filter(pl.col("zone") == zone).get_column("industry").to_list()
    values = {f"cluster:{industry}": 77.7 + i for i, industry in enumerate(industries)}
    values["indicator:I09"] = 6
    filled = fill(tmp_path / "t.xlsx", tmp_path / "filled.xlsx", values, {"C6": date(2026, 10, 20)})
    assert main(["--data", str(data_copy), "ingest", str(filled), "--yes"]) == 0
    out = capsys.readouterr().out
    assert f"新增 季度报表报送日期 {zone} 2026Q3：2026-10-20" in out
    assert main(["--data", str(data_copy), "status", "--json"]) in (0, 1)
    status = json.loads(capsys.readouterr().out)
    row = next(z for z in status["zones"] if z["zone"] == zone)
    assert (row["report_status"], row["report_days_late"]) == ("late", 20)
    clusters = {c["industry"]: c for c in status["clusters"] if c["zone"] == zone}
    for i, industry in enumerate(industries):
        assert (
            clusters[industry]["actual_ytd"] == pytest.approx(77.7 + i)
            and clusters[industry]["period"] == "2026Q3"
        )
    assert load_dataset(data_copy)["indicator_values"].filter(
        (pl.col("indicator") == "I09") & (pl.col("zone") == zone) & (pl.col("period") == "2026Q3")
    )["value"].to_list() == [6.0]


def test_revised_values_show_old_and_new(data_copy: Path, tmp_path: Path, capsys) -> None:
    ds = load_dataset(data_copy)
    old = (
        ds["cluster_revenue"]
        .filter((pl.col("zone") == "遂平县开发区") & (pl.col("period") == "2026Q2"))
        .join(ds["clusters"], on=["zone", "industry"])
        .row(0, named=True)
    )
    csv = tmp_path / "r.csv"
    csv.write_text(
        f"zone,period,item,value,submitted,notes\n遂平,2026Q2,{old['industry']},123.4,2026-06-28,修正\n",
        encoding="gb18030",
    )
    changes, entry = ingest(data_copy, [csv], dry_run=True, today=TODAY)
    described = [c.describe("en") for c in changes]
    assert (
        f"revised cluster revenue to date (100M yuan) Suiping County Development Zone {old['industry_en']} 2026Q2:"
        f" {old['revenue_ytd']} → 123.4" in described
    )
    assert entry is None


def _template(data_copy: Path, tmp_path: Path, zone: str = "平舆", period: str = "2026Q3") -> Path:
    return make_template(load_dataset(data_copy), zone, period, tmp_path / "t.xlsx")


REJECTIONS = {
    "wrong zone": lambda d, t: _csv(t, "zone,period,item,value\n平舆开发区,2026Q3,皮革皮具,1\n"),
    "wrong period": lambda d, t: _csv(t, "zone,period,item,value\n平舆,2026Q5,皮革皮具,1\n"),
    "future period": lambda d, t: _csv(t, "zone,period,item,value\n平舆,2031Q1,皮革皮具,1\n"),
    "text in a number cell": lambda d, t: fill(_template(d, t), t / "f.xlsx", {"cluster:皮革皮具": "一百亿"}),
    "locked cell edited": lambda d, t: fill(
        _template(d, t), t / "f.xlsx", {"cluster:皮革皮具": 80}, {"D9": 9999}, locked_ok=True
    ),
    "zone cell edited": lambda d, t: fill(
        _template(d, t), t / "f.xlsx", {"cluster:皮革皮具": 80}, {"C4": "新蔡县开发区X"}, locked_ok=True
    ),
    "empty template": lambda d, t: _template(d, t),
    "negative revenue": lambda d, t: fill(_template(d, t), t / "f.xlsx", {"cluster:皮革皮具": -5}),
}
EXPECTED = {
    "wrong zone": ("cell A2", "unknown zone '平舆开发区'"),
    "wrong period": ("cell B2", "quarter 1-4"),
    "future period": ("cell B2", "outside the reporting window"),
    "text in a number cell": ("sheet '季度报告', cell E9", "found '一百亿', expected a number"),
    "locked cell edited": ("sheet '季度报告', cell D9", "locked in the template and was changed"),
    "zone cell edited": ("sheet '季度报告', cell C4", "unknown zone '新蔡县开发区X'"),
    "empty template": ("sheet '季度报告'", "an empty template is not a report"),
    "negative revenue": ("sheet '季度报告', cell E9", "must not be negative"),
}


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "r.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("case", list(REJECTIONS))
def test_each_rejection_names_the_cell_and_changes_nothing(
    case: str, data_copy: Path, tmp_path: Path, capsys
) -> None:
    report = REJECTIONS[case](data_copy, tmp_path)
    before = snapshot(data_copy)
    with pytest.raises(ReportBatchRejected) as caught:
        ingest(data_copy, [report], confirm=lambda c: True, today=TODAY)
    problems = [p for r in caught.value.rejected for p in r.problems]
    where, what = EXPECTED[case]
    assert any(p.startswith(where) and what in p for p in problems), problems
    assert snapshot(data_copy) == before
    assert not (data_copy / ".history").exists()
    assert main(["--data", str(data_copy), "ingest", str(report), "--yes"]) == 3  # invalid data
    assert "数据未改变" in capsys.readouterr().err


def test_one_bad_report_rejects_the_whole_run(data_copy: Path, tmp_path: Path) -> None:
    good = _csv(tmp_path, "zone,period,item,value,submitted\n平舆,2026Q3,皮革皮具,70,2026-10-02\n")
    bad = tmp_path / "bad.csv"
    bad.write_text("zone,period,item,value\n新蔡,2026Q3,食品药品,abc\n", encoding="utf-8")
    before = snapshot(data_copy)
    with pytest.raises(ReportBatchRejected):
        ingest(data_copy, [good, bad], confirm=lambda c: True, today=TODAY)
    assert snapshot(data_copy) == before


def test_undo_restores_byte_for_byte(data_copy: Path, tmp_path: Path, capsys) -> None:
    before = snapshot(data_copy)
    report = _csv(tmp_path, "zone,period,item,value,submitted\n平舆,2026Q3,皮革皮具,70.5,2026-10-02\n")
    assert main(["--data", str(data_copy), "ingest", str(report), "--yes"]) == 0
    assert snapshot(data_copy) != before
    assert main(["--data", str(data_copy), "undo"]) == 0
    assert snapshot(data_copy) == before
    assert "已恢复：cluster_revenue.csv、reports.csv" in capsys.readouterr().out  # only what changed
    assert main(["--data", str(data_copy), "undo"]) == 1  # nothing left to undo
    assert "没有可撤销" in capsys.readouterr().out


def test_without_yes_and_no_terminal_nothing_is_applied(
    data_copy: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    monkeypatch.setattr("sys.stdin", open("/dev/null"))  # noqa: SIM115
    before = snapshot(data_copy)
    report = _csv(tmp_path, "zone,period,item,value,submitted\n平舆,2026Q3,皮革皮具,70.5,2026-10-02\n")
    assert main(["--data", str(data_copy), "ingest", str(report)]) == 1
    assert "--yes" in capsys.readouterr().err and snapshot(data_copy) == before


def test_the_embedded_sample_is_not_written(tmp_path: Path, capsys) -> None:
    report = _csv(tmp_path, "zone,period,item,value,submitted\n平舆,2026Q3,皮革皮具,70.5,2026-10-02\n")
    assert main(["ingest", str(report), "--yes"]) == 2
    assert "只读" in capsys.readouterr().err


def _ingest_in_another_process(data: str, report: str) -> int:
    return main(["--data", data, "ingest", report, "--yes"])


def test_two_coordinators_ingesting_at_once_both_succeed(data_copy: Path, tmp_path: Path) -> None:
    one = tmp_path / "one.csv"
    one.write_text(
        "zone,period,item,value,submitted\n平舆,2026Q3,皮革皮具,71.5,2026-10-02\n", encoding="utf-8"
    )
    two = tmp_path / "two.csv"
    two.write_text("zone,period,item,value,submitted\n正阳,2026Q3,食品,81.5,2026-10-02\n", encoding="utf-8")
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        codes = pool.starmap(
            _ingest_in_another_process, [(str(data_copy), str(one)), (str(data_copy), str(two))]
        )
    assert codes == [0, 0]
    revenue = load_dataset(data_copy)["cluster_revenue"].filter(pl.col("period") == "2026Q3")
    assert revenue.filter((pl.col("zone") == "平舆县开发区") & (pl.col("industry") == "皮革皮具"))[
        "revenue_ytd"
    ].to_list() == [71.5]
    assert revenue.filter((pl.col("zone") == "正阳县开发区") & (pl.col("industry") == "食品"))[
        "revenue_ytd"
    ].to_list() == [81.5]
    assert len(list((data_copy / ".history").iterdir())) == 2
    assert undo(data_copy) is not None and undo(data_copy) is not None


async def until(pilot: Pilot[int], condition: Callable[[], bool], seconds: float = 10.0) -> None:
    """Let the app run until ``condition()`` holds (the reload timer fires in its own time)."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the console did not reload in time")


async def test_live_reload_keeps_the_view_and_survives_invalid_files(data_copy: Path, tmp_path: Path) -> None:
    from dataclasses import replace

    from console.core.config import load_settings
    from console.tui.app import DevZonesApp
    from widgets.view_table import ViewTable

    settings = replace(load_settings(data_dir=data_copy), reload_seconds=0.1)
    app = DevZonesApp(settings)
    async with app.run_test(size=(160, 48)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("3", "slash", "平", "舆", "enter", "down")
        table = app.query_one("#clusters-table", ViewTable)
        key = table.current_row_key
        assert key == "平舆县开发区|户外休闲"
        report = _csv(tmp_path, "zone,period,item,value,submitted\n平舆,2026Q3,户外休闲,49.5,2026-10-02\n")
        ingest(data_copy, [report], confirm=lambda c: True, today=TODAY)
        await until(pilot, lambda: "49.5" in row_cells(table, table.cursor_row))
        assert app.state.tab == "clusters" and app.state.tables["clusters"].search == "平舆"
        assert table.current_row_key == key
        row = row_cells(table, table.cursor_row)
        assert "49.5" in row  # the new year-to-date figure is on screen
        (data_copy / "reports.csv").write_bytes(
            b"zone,period\nnowhere,2026Q9\n"
        )  # a broken file arrives (an empty table is valid)
        await until(pilot, lambda: "数据文件有误" in app.query_one("#topbar").plain)
        assert "49.5" in row_cells(table, table.cursor_row)  # still the last good data
