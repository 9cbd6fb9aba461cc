"""Fill-in report templates: a protected .xlsx in which only the input cells are unlocked."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

import polars as pl

from console.core.text import Said, clean
from console.data.dataset import Dataset
from console.data.scales import Period, ScaleError, parse_period
from console.data.unfinished import HISTORY as HISTORY  # the ingest history folder, named in data
from console.data.workbook import Bounds, Finding, Inspection, NotAWorkbook, inspect
from console.present.labels import text as label_text
from console.reports.words import Problem, at, did_you_mean
from console.words import Lang, in_lang_of, pick
from console.words.reports import REPORTS

SHEET = REPORTS.pair("sheet_report")  # the sheet's name says the report's language
FIRST_ITEM_ROW = 9  # spreadsheet row of the first cluster or indicator line
ZONE_SCOPES = ("each_zone", "each_zone_each_year")


# not words: the data's units of counted indicators
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
    ds: Dataset, zone: str, period: Period, lang: Lang
) -> list[tuple[str, str, str, float | None]]:
    """(key, label, unit, target) for each input line of a zone's report, in template order."""
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
        label = REPORTS("tpl_cluster_revenue", lang, industry=in_lang_of(industry, industry_en, lang))
        lines.append((f"cluster:{industry}", label, label_text("unit_yi", lang), targets.get(industry)))
    for code, name, name_en, unit, unit_en, target in (
        ds["indicators"]
        .filter(pl.col("scope").is_in(ZONE_SCOPES))
        .select("indicator", "name", "name_en", "unit", "unit_en", "target")
        .iter_rows()
    ):
        lines.append(
            (
                f"indicator:{code}",
                f"{code} {in_lang_of(name, name_en, lang)}",
                in_lang_of(unit, unit_en, lang),
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
    ds: Dataset, zone_name: str, period_text: str, out: Path, lang: Lang = "zh", force: bool = False
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

    def write(handle: IO[bytes]) -> None:
        book = xlsxwriter.Workbook(handle, {"in_memory": True, "strings_to_formulas": False})
        sheet = book.add_worksheet(pick(SHEET, lang))
        formats = _template_formats(book)
        _template_head(sheet, formats, ds, zone, period, lang)
        _template_lines(sheet, formats, ds, template_lines(ds, zone, period, lang), lang)
        sheet.protect("", {"select_locked_cells": True, "select_unlocked_cells": True})
        book.close()

    return place_workbook(out, write, force)


def _template_formats(book: Any) -> dict[str, Any]:
    """The template's cell formats: headings, and the yellow unlocked input cells by kind."""
    yellow = {"locked": False, "bg_color": "#FFF2CC", "border": 1}
    return {
        "bold": book.add_format({"bold": True, "font_size": 14}),
        "head": book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1}),
        "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
        "unlocked": book.add_format({**yellow, "num_format": "0.00"}),
        "unlocked_date": book.add_format({**yellow, "num_format": "yyyy-mm-dd"}),
        "unlocked_text": book.add_format({**yellow, "text_wrap": True}),
    }


def both(key: str) -> str:
    """A validation message in both languages at once (Excel shows one text): '日期 / a date'."""
    return " / ".join(REPORTS.pair(key))


def _template_head(
    sheet: Any, formats: dict[str, Any], ds: Dataset, zone: str, period: Period, lang: Lang
) -> None:
    """The columns, the title and the guide, the zone and quarter, and the submission date's input."""
    head = formats["head"]
    sheet.set_column(0, 0, 22, None, {"hidden": True})
    sheet.set_column(1, 1, 46)
    sheet.set_column(2, 2, 10)
    sheet.set_column(3, 3, 12)
    sheet.set_column(4, 4, 16)
    sheet.write_string(0, 1, REPORTS("tpl_title", lang), formats["bold"])
    sheet.merge_range(1, 1, 1, 4, REPORTS("tpl_guide", lang), formats["wrap"])
    sheet.set_row(1, 60)
    zone_cell = pick((zone, _zone_in_english(ds, zone)), lang)
    for row, key, label, value in (
        (3, "zone", REPORTS("tpl_zone", lang), zone_cell),
        (4, "period", REPORTS("tpl_period", lang), str(period)),
    ):
        sheet.write_string(row, 0, key)
        sheet.write_string(row, 1, label, head)
        sheet.write_string(row, 2, value)
    sheet.write_string(5, 0, "submitted")
    sheet.write_string(5, 1, REPORTS("tpl_submitted", lang), head)
    sheet.write_blank(5, 2, None, formats["unlocked_date"])
    rule = {"validate": "date", "criteria": ">=", "value": datetime(2024, 1, 1)}
    sheet.data_validation(5, 2, 5, 2, {**rule, "error_message": both("tpl_date_error")})


def _template_lines(
    sheet: Any,
    formats: dict[str, Any],
    ds: Dataset,
    lines: list[tuple[str, str, str, float | None]],
    lang: Lang,
) -> None:
    """The input lines (clusters' revenue, indicators) with their validation, then the notes."""
    head = formats["head"]
    for col, key in enumerate(("tpl_item", "tpl_unit", "tpl_target", "tpl_figure"), start=1):
        sheet.write_string(FIRST_ITEM_ROW - 2, col, REPORTS(key, lang), head)
    sheet.write_string(FIRST_ITEM_ROW - 2, 0, "header")
    row = FIRST_ITEM_ROW - 1
    counts = counted_indicators(ds)
    for key, label, unit, target in lines:
        sheet.write_string(row, 0, key)
        sheet.write_string(row, 1, label)
        sheet.write_string(row, 2, unit)
        if target is not None:
            sheet.write_number(row, 3, target)
        sheet.write_blank(row, 4, None, formats["unlocked"])
        rule: dict[str, Any]
        if key.split(":", 1)[1] in counts:
            rule = {"validate": "integer", "value": 0, "error_message": both("tpl_whole_error")}
        else:
            minimum = 0 if key.startswith("cluster:") else -1e9
            rule = {"validate": "decimal", "value": minimum, "error_message": both("tpl_number_error")}
        sheet.data_validation(row, 4, row, 4, {"criteria": ">=", **rule})
        row += 1
    sheet.write_string(row, 0, "notes")
    sheet.write_string(row, 1, REPORTS("tpl_notes", lang), head)
    sheet.merge_range(row, 2, row, 4, "", formats["unlocked_text"])


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
