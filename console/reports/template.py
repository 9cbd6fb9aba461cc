"""Fill-in report templates: a protected .xlsx in which only the input cells are unlocked."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO

import polars as pl

from console.core.text import Said, clean
from console.data.dataset import Dataset
from console.data.scales import Period, ScaleError, parse_period
from console.data.unfinished import HISTORY as HISTORY  # the ingest history folder, named in data
from console.data.workbook import Bounds, Finding, Inspection, NotAWorkbook, inspect
from console.present.labels import YI_EN
from console.reports.words import Problem, at, did_you_mean

SHEET = ("季度报告", "Report")
FIRST_ITEM_ROW = 9  # spreadsheet row of the first cluster or indicator line
ZONE_SCOPES = ("each_zone", "each_zone_each_year")


COUNT_UNITS = ("家", "个")  # indicators counted in firms, projects …: whole numbers, never negative


def counted_indicators(ds: Dataset) -> set[str]:
    """Codes of the indicators that count things (firms, projects …): whole numbers, never negative."""
    frame = ds["indicators"]
    return {code for code, unit in frame.select("indicator", "unit").iter_rows() if unit in COUNT_UNITS}


class ReportRejected(Exception):
    """A report that cannot be ingested; ``problems`` lists each, with sheet and cell."""

    def __init__(self, source: str, problems: list[str]) -> None:
        # Problems quote the report's own cells: cleaned here, once, so no surface echoes them raw.
        source = clean(source, escape=True)
        problems = [p if isinstance(p, (Problem, Said)) else clean(p) for p in problems]
        super().__init__(f"{source}: {len(problems)} problem(s)")
        self.source = source
        self.problems = problems


# Reports and assessment results are read with openpyxl, which makes an object for every cell (empty
# formatted ones too) and iterates a sheet to its last cell: bounded by console.data.workbook's scan.
WORKBOOK_BOUNDS = Bounds(rows=100_000, columns=702, cells=10_000_000, elements=200_000)


def workbook_problem(finding: Finding) -> Problem:
    """A finding of the workbook reading policy as a report problem naming its sheet and cell."""
    place = Problem("sheet_cell", sheet=finding.sheet, cell=finding.cell)
    if finding.kind == "formula":
        return at(place, "formula", formula=finding.detail)
    bounds = finding.bounds or WORKBOOK_BOUNDS
    if finding.kind == "beyond":
        return at(
            place,
            "far_cell",
            rows=f"{bounds.rows:,}",
            columns=f"{bounds.columns:,}",
            cells=f"{bounds.cells:,}",
        )
    if finding.kind == "crowded":
        return at(
            Problem("sheet", sheet=finding.sheet), "crowded_sheet", elements=f"{bounds.elements or 0:,}"
        )
    return at(Problem("sheet", sheet=finding.sheet), "sheet_unreadable", reason=finding.detail)


def checked_workbook(path: Path, bounds: Bounds = WORKBOOK_BOUNDS) -> Inspection:
    """The one reading policy (console.data.workbook) applied before openpyxl opens ``path``:
    ReportRejected naming each sheet and cell that stops it being read (a formula with no saved
    result, a cell far outside the table), else each sheet's real extent to bound the reader's loops."""
    try:
        inspection = inspect(path, bounds)
    except NotAWorkbook as exc:
        raise ReportRejected(path.name, [Problem("not_xlsx", reason=str(exc))]) from None
    except OSError as exc:
        raise ReportRejected(
            path.name, [Problem("not_xlsx", reason=exc.strerror or type(exc).__name__)]
        ) from None
    if inspection.findings:
        raise ReportRejected(path.name, [workbook_problem(f) for f in inspection.findings])
    return inspection


@dataclass
class Report:
    source: str
    zone: str
    period: str
    submitted: date | None
    revenue: dict[str, float] = field(default_factory=dict)  # industry -> year-to-date revenue
    indicators: dict[str, float] = field(default_factory=dict)  # indicator code -> value
    notes: str = ""
    # Where each figure (by industry or indicator code) and the quarter ("period") were read, for
    # problems found only once the report meets the dataset ("sheet '季度报告', cell E9", "cell D3").
    places: dict[str, str] = field(default_factory=dict)  # a catalogue Problem naming the cell


# -- the template ---------------------------------------------------------------------------------------


def template_lines(
    ds: Dataset, zone: str, period: Period, lang: str
) -> list[tuple[str, str, str, float | None]]:
    """(key, label, unit, target) for each input line of a zone's report, in template order."""
    zh = lang == "zh"
    lines: list[tuple[str, str, str, float | None]] = []
    targets = dict(
        ds["cluster_targets"]
        .filter((pl.col("zone") == zone) & (pl.col("year") == period.year))
        .select("industry", "revenue_target")
        .iter_rows()
    )
    for industry, industry_en in (
        ds["clusters"].filter(pl.col("zone") == zone).select("industry", "industry_en").iter_rows()
    ):
        label = (
            f"{industry} 营业收入（本年累计）" if zh else f"{industry_en or industry} revenue, year to date"
        )
        lines.append((f"cluster:{industry}", label, "亿元" if zh else YI_EN, targets.get(industry)))
    for code, name, name_en, unit, unit_en, target in (
        ds["indicators"]
        .filter(pl.col("scope").is_in(ZONE_SCOPES))
        .select("indicator", "name", "name_en", "unit", "unit_en", "target")
        .iter_rows()
    ):
        lines.append(
            (
                f"indicator:{code}",
                f"{code} {name if zh else (name_en or name)}",
                unit if zh else (unit_en or unit),
                target,
            )
        )
    return lines


def resolve_zone(ds: Dataset, name: str) -> str | None:
    zones = ds["zones"]
    for zone, short, en, short_en in zones.select(
        "zone", "short_name", "name_en", "short_name_en"
    ).iter_rows():
        if name in (zone, short, en, short_en):
            return zone
    return None


def make_template(
    ds: Dataset, zone_name: str, period_text: str, out: Path, lang: str = "zh", force: bool = False
) -> Path:
    """Write a zone's fill-in workbook for a quarter; only the input cells are unlocked."""
    import xlsxwriter

    zone = resolve_zone(ds, zone_name)
    if zone is None:
        known = ds["zones"].get_column("zone").to_list() + ds["zones"].get_column("short_name").to_list()
        raise ReportRejected(
            "--zone", [Problem("unknown_zone", zone=zone_name, hint=did_you_mean(zone_name, known))]
        )
    try:
        period = parse_period(period_text)
    except ScaleError as exc:
        raise ReportRejected(
            "--period", [Problem("found_message", found=period_text, message=exc.args[0])]
        ) from None
    if not ds.years[0] <= period.year <= ds.years[-1]:
        outside = Problem("quarter_outside_plan", found=period_text, first=ds.years[0], last=ds.years[-1])
        raise ReportRejected("--period", [outside])
    zh = lang == "zh"
    lines = template_lines(ds, zone, period, lang)

    def write(handle: IO[bytes]) -> None:
        book = xlsxwriter.Workbook(handle, {"in_memory": True, "strings_to_formulas": False})
        sheet = book.add_worksheet(SHEET[0 if zh else 1])
        bold = book.add_format({"bold": True, "font_size": 14})
        head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        wrap = book.add_format({"text_wrap": True, "valign": "top"})
        unlocked = book.add_format(
            {"locked": False, "bg_color": "#FFF2CC", "border": 1, "num_format": "0.00"}
        )
        unlocked_date = book.add_format(
            {"locked": False, "bg_color": "#FFF2CC", "border": 1, "num_format": "yyyy-mm-dd"}
        )
        unlocked_text = book.add_format(
            {"locked": False, "bg_color": "#FFF2CC", "border": 1, "text_wrap": True}
        )
        sheet.set_column(0, 0, 22, None, {"hidden": True})
        sheet.set_column(1, 1, 46)
        sheet.set_column(2, 2, 10)
        sheet.set_column(3, 3, 12)
        sheet.set_column(4, 4, 16)
        sheet.write_string(
            0,
            1,
            "驻马店市开发区季度工作推进情况报表" if zh else "Zhumadian development zone quarterly report",
            bold,
        )
        guide = (
            "填报说明：只填写黄色单元格。营业收入填写本年1月1日至本季度末的累计数（亿元）；指标填写本季度末的数值。"
            "报送日期必填（据以判断是否逾期，不以导入日期代替）。其余单元格已锁定，请勿修改。填好后交市发改委，用 devzones ingest 导入。"
            if zh
            else "Fill in the yellow cells only. Revenue: from 1 January to the end of the quarter (100M yuan); indicators: the value at the "
            "quarter's end. The submission date is required (lateness is judged on it, never on the import date). Other cells are locked. "
            "Send the file to the development commission, which imports it with devzones ingest."
        )
        sheet.merge_range(1, 1, 1, 4, guide, wrap)
        sheet.set_row(1, 60)
        for row, key, label, value in (
            (3, "zone", "开发区" if zh else "Zone", zone if zh else _zone_in_english(ds, zone)),
            (4, "period", "季度" if zh else "Quarter", str(period)),
        ):
            sheet.write_string(row, 0, key)
            sheet.write_string(row, 1, label, head)
            sheet.write_string(row, 2, value)
        sheet.write_string(5, 0, "submitted")
        sheet.write_string(5, 1, "报送日期" if zh else "Submitted on", head)
        sheet.write_blank(5, 2, None, unlocked_date)
        sheet.data_validation(
            5,
            2,
            5,
            2,
            {
                "validate": "date",
                "criteria": ">=",
                "value": datetime(2024, 1, 1),
                "error_message": "日期 / a date",
            },
        )
        for col, label in enumerate(
            (
                "项目" if zh else "Item",
                "单位" if zh else "Unit",
                "年度目标" if zh else "Target",
                "本期填报" if zh else "Your figure",
            ),
            start=1,
        ):
            sheet.write_string(FIRST_ITEM_ROW - 2, col, label, head)
        sheet.write_string(FIRST_ITEM_ROW - 2, 0, "header")
        row = FIRST_ITEM_ROW - 1
        counts = counted_indicators(ds)
        for key, label, unit, target in lines:
            sheet.write_string(row, 0, key)
            sheet.write_string(row, 1, label)
            sheet.write_string(row, 2, unit)
            if target is not None:
                sheet.write_number(row, 3, target)
            sheet.write_blank(row, 4, None, unlocked)
            if key.split(":", 1)[1] in counts:
                rule = {
                    "validate": "integer",
                    "value": 0,
                    "error_message": "请填写非负整数 / a whole number, 0 or more",
                }
            else:
                minimum = 0 if key.startswith("cluster:") else -1e9
                rule = {"validate": "decimal", "value": minimum, "error_message": "请填写数字 / a number"}
            sheet.data_validation(row, 4, row, 4, {"criteria": ">=", **rule})
            row += 1
        sheet.write_string(row, 0, "notes")
        sheet.write_string(row, 1, "备注" if zh else "Notes", head)
        sheet.merge_range(row, 2, row, 4, "", unlocked_text)
        sheet.protect("", {"select_locked_cells": True, "select_unlocked_cells": True})
        book.close()

    return place_workbook(out, write, force)


def _zone_in_english(ds: Dataset, zone: str) -> str:
    """The zone's cell in an English template: its English name, which the reader matches back to the
    zone (resolve_zone); its Chinese full name when it has none or the English one names another zone."""
    en = ds["zones"].filter(pl.col("zone") == zone).get_column("name_en")[0]
    return en if en and resolve_zone(ds, en) == zone else zone


def place_workbook(out: Path, write: Callable[[IO[bytes]], object], force: bool) -> Path:
    """Write a template workbook at ``out`` (numbered, never replacing without ``force``), or say why not."""
    from console.core import files

    problem = files.folder_problem(out.parent)
    if problem:
        raise ReportRejected(str(out), [problem])
    try:
        return files.place(out, write, force)
    except files.NoFreeName:
        raise ReportRejected(str(out), [Problem("no_free_name")]) from None
    except OSError as exc:
        raise ReportRejected(
            str(out), [Problem("could_not_write", reason=exc.strerror or str(exc))]
        ) from None


# -- reading a filled report ----------------------------------------------------------------------------------
