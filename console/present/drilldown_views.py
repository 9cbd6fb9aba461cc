"""The drill-downs' tables as typed Views (the same model as the tabs): values, status codes, field codes
and display text from the one formatter. ``widgets.drilldown_panel`` draws them. No Textual here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import polars as pl

from console.present.drilldown import ZoneDetail
from console.present.formatter import Formatter
from console.present.labels import STATUS_CLASS, YI_EN
from console.present.viewmodel import Cell, Column, Field, Row, View


def _col(key: str, zh: str, en: str, f: Formatter, kind: str = "text", numeric: bool = False) -> Column:
    label = f.pick(zh, en)
    return Column(key, label, numeric, fields=(Field(key, label, kind),))


def _status(status: str | None, f: Formatter) -> Cell:
    return Cell(f.status(status), (status,), status, status, STATUS_CLASS.get(status or ""))


def _num(value: float | None, f: Formatter, digits: int = 1) -> Cell:
    return Cell(f.number(value, digits), (None if value is None else round(float(value), 4),), value)


def _int(value: int | None, f: Formatter) -> Cell:
    return Cell(f.integer(value), (None if value is None else int(value),), value)


def _text(value: str | None, f: Formatter) -> Cell:
    return Cell(value or f.none, (value,), value)


def _goal(kind: str, target: int | None, result: int | None, f: Formatter) -> Cell:
    return Cell(f.goal_change(kind, target, result), (target, result), target)


def _province(rank: int | None, size: int | None, year: int | None, f: Formatter) -> Cell:
    text = f"{rank}/{size} ({year})" if rank else f.none
    return Cell(text, (rank, size, year), rank)


def zone_years_view(d: ZoneDetail, lang: str, ascii_only: bool) -> View:
    """A zone's star and tier targets and results, and its province rank, for every year."""
    f = Formatter(lang, ascii_only)
    arrow = f.arrow
    columns = (
        _col("year", "年度", "Year", f, "int"),
        Column(
            "star",
            f.pick(f"星级目标{arrow}结果", f"Star target{arrow}result"),
            fields=(
                Field("star_target", f.pick("星级目标", "Star target"), "int"),
                Field("star", f.pick("星级", "Star"), "int"),
            ),
        ),
        _col("star_status", "状态", "Status", f, "status"),
        Column(
            "tier",
            f.pick(f"档级目标{arrow}结果", f"Tier target{arrow}result"),
            fields=(
                Field("tier_target", f.pick("档级目标", "Tier target"), "int"),
                Field("tier", f.pick("档级", "Tier"), "int"),
            ),
        ),
        _col("tier_status", "状态", "Status", f, "status"),
        Column(
            "province",
            f.pick("省内档内排名", "Province rank in tier"),
            numeric=True,
            fields=(
                Field("province_rank", f.pick("全省档内排名", "Province rank"), "int"),
                Field("tier_size", f.pick("档内开发区数", "Zones in tier"), "int"),
                Field("result_year", f.pick("评价年度", "Result year"), "int"),
            ),
        ),
    )
    rows = tuple(
        Row(
            str(y["year"]),
            (
                _int(y["year"], f),
                _goal("star", y["star_target"], y["star"], f),
                _status(y["star_status"], f),
                _goal("tier", y["tier_target"], y["tier"], f),
                _status(y["tier_status"], f),
                _province(y["province_rank"], y["tier_size"], y["result_year"], f),
            ),
        )
        for y in d.years
    )
    return View("zone_years", f.pick("各年度目标与结果", "Targets and results by year"), columns, rows)


def zone_clusters_view(d: ZoneDetail, lang: str, ascii_only: bool) -> View:
    """A zone's clusters in the year shown: target, year to date, pace and status."""
    f = Formatter(lang, ascii_only)
    columns = (
        _col("industry", "产业", "Industry", f),
        _col("target", "目标", "Target", f, "float", True),
        _col("actual_ytd", "累计", "YTD", f, "float", True),
        _col("pace_target", "进度目标", "Pace", f, "float", True),
        _col("status", "状态", "Status", f, "status"),
    )
    rows = tuple(
        Row(
            c["industry"],
            (
                _text(f.pick(c["industry"], c["industry_en"] or c["industry"]), f),
                _num(c["target"], f, 0),
                _num(c["actual_ytd"], f),
                _num(c["pace_target"], f),
                _status(c["status"], f),
            ),
        )
        for c in d.clusters.iter_rows(named=True)
    )
    return View("zone_clusters", f.pick("产业集群（亿元）", f"Clusters ({YI_EN})"), columns, rows)


def zone_reports_view(d: ZoneDetail, lang: str, ascii_only: bool) -> View:
    """A zone's quarterly reports: due date, date submitted, status and days late."""
    f = Formatter(lang, ascii_only)
    columns = (
        _col("period", "季度", "Quarter", f, "period"),
        _col("due", "截止", "Due", f, "date"),
        _col("submitted", "报送日期", "Submitted", f, "date"),
        Column(
            "status",
            f.pick("状态", "Status"),
            fields=(
                Field("status", f.pick("状态", "Status"), "status"),
                Field("days_late", f.pick("逾期天数", "Days late"), "int"),
            ),
        ),
    )
    rows = []
    for r in d.reports:
        submitted = None if r["submitted"] is None else str(r["submitted"])
        status = r["status"]
        late = f" {r['days_late']}" + f.pick("天", "d") if r["days_late"] else ""
        rows.append(
            Row(
                r["period"],
                (
                    _text(r["period"], f),
                    _text(str(r["due"]), f),
                    _text(submitted, f),
                    Cell(
                        f.status(status) + late,
                        (status, r["days_late"]),
                        status,
                        status,
                        STATUS_CLASS.get(status or ""),
                    ),
                ),
            )
        )
    return View("zone_reports", f.pick("季度报送", "Quarterly reports"), columns, tuple(rows))


def cluster_years_view(rows: Sequence[dict[str, Any]], lang: str, ascii_only: bool) -> View:
    """A cluster's target, year to date, data period, pace, projection and status for every year."""
    f = Formatter(lang, ascii_only)
    columns = (
        _col("year", "年度", "Year", f, "int"),
        _col("target", "目标", "Target", f, "float", True),
        _col("actual_ytd", "累计", "YTD", f, "float", True),
        _col("period", "期间", "Period", f, "period"),
        _col("pace_target", "进度目标", "Pace", f, "float", True),
        _col("projected", "预计全年", "Projected", f, "float", True),
        _col("status", "状态", "Status", f, "status"),
    )
    out = tuple(
        Row(
            str(r["year"]),
            (
                _int(r["year"], f),
                _num(r["target"], f, 0),
                _num(r["actual_ytd"], f),
                _text(r["period"], f),
                _num(r["pace_target"], f),
                _num(r["projected"], f),
                _status(r["status"], f),
            ),
        )
        for r in rows
    )
    return View("cluster_years", f.pick("各年度（亿元）", f"By year ({YI_EN})"), columns, out)


def task_history_view(indicators: pl.DataFrame, values: pl.DataFrame, lang: str, ascii_only: bool) -> View:
    """A task's indicators over the last eight quarters (city-wide or summed over zones), with status."""
    f = Formatter(lang, ascii_only)
    periods = sorted(set(values.get_column("period").to_list()))[-8:]
    columns = (
        Column(
            "indicator",
            f.pick("指标", "Indicator"),
            fields=(
                Field("indicator", f.pick("指标编码", "Code")),
                Field("name", f.pick("指标", "Indicator")),
            ),
        ),
        *(Column(f"v_{p}", p, True, fields=(Field(f"v_{p}", p, "float"),)) for p in periods),
        _col("status", "状态", "Status", f, "status"),
    )
    rows = []
    for ind in indicators.iter_rows(named=True):
        mine = dict(
            values.filter(pl.col("indicator") == ind["indicator"]).select("period", "value").iter_rows()
        )
        name = f.pick(ind["name"], ind["name_en"] or ind["name"])
        rows.append(
            Row(
                ind["indicator"],
                (
                    Cell(f"{ind['indicator']} {name}", (ind["indicator"], name), ind["indicator"]),
                    *(_num(mine.get(p), f) for p in periods),
                    _status(ind["status"], f),
                ),
            )
        )
    title = f.pick(
        "指标历史值（全市或各区合计）", "Indicator values over time (city-wide or summed over zones)"
    )
    return View("task_history", title, columns, tuple(rows))
