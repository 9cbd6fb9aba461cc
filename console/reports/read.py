"""Read a filled report (template .xlsx or CSV of the same fields), rejecting it whole on any problem."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from console.core.text import clean
from console.data.dataset import Dataset
from console.data.errors import DataInvalid
from console.data.readers import decode_csv_bytes
from console.data.scales import Period, ScaleError, parse_period
from console.data.validate import parse_date
from console.reports.rows import SheetRows, blank, decimal, open_sheet
from console.reports.template import (
    SHEET,
    Report,
    ReportRejected,
    counted_indicators,
    resolve_zone,
    template_lines,
)
from console.reports.words import Joined, Problem, at, did_you_mean
from console.words import Lang

MAX_FIGURE = 1e9  # no figure in a zone's quarterly report comes near this (亿元, counts, percentages)
LATE_DAYS = 366  # a report may arrive (or be revised) up to a year after its quarter's end


def _col(index: int) -> str:
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[index]


def _number(value: object) -> float | None:
    """A figure's cell as a number (text may write 1,500), or None."""
    return decimal(value, commas=True)


def _plan_window(ds: Dataset, today: date) -> tuple[Period, Period]:
    """The first and last quarter a report may be for: inside the plan, and not after today's quarter."""
    years = ds.years
    current = Period(today.year, (today.month - 1) // 3 + 1)
    return Period(years[0], 1), min(Period(years[-1], 4), current)


def _check_period(ds: Dataset, text: object, where: Problem, problems: list[str], today: date) -> str | None:
    try:
        period = parse_period(str(text or ""))
    except ScaleError as exc:
        # parse_period says which: a quarter number outside 1-4, or no quarter form at all.
        message = "expected_quarter_1_4" if "1-4" in str(exc) else "expected_quarter"
        problems.append(at(where, message, found=text or ""))
        return None
    start, end = _plan_window(ds, today)
    if period < start or period > end:
        problems.append(
            at(
                where,
                "period_outside",
                period=period,
                start=start,
                end=end,
                first=ds.years[0],
                last=ds.years[-1],
            )
        )
        return None
    return str(period)


def _check_submitted(submitted: date, period_text: str, today: date) -> Problem | None:
    """Why a submission date cannot be right for ``period_text``'s report, or None."""
    period = parse_period(period_text)
    first = date(period.year, 3 * period.quarter - 2, 1)
    last = date.fromisoformat(period.due_date()) + timedelta(days=LATE_DAYS)
    if submitted > today:
        return Problem("submitted_future", submitted=submitted, today=today)
    if not first <= submitted <= last:
        return Problem("submitted_window", submitted=submitted, period=period, first=first, last=last)
    return None


def _check_figure(number: float, key: str, counts: set[str]) -> Problem | None:
    """Why a figure for line ``key`` (cluster:… or indicator:…) cannot be right, or None."""
    if not math.isfinite(number) or abs(number) >= MAX_FIGURE:
        return Problem("figure_bound", number=f"{number:g}", bound=f"{MAX_FIGURE:g}")
    kind, _, item = key.partition(":")
    if kind == "cluster" and number < 0:
        return Problem("revenue_negative", number=f"{number:g}")
    if kind == "indicator" and item in counts:
        if number < 0:
            return Problem("count_negative", number=f"{number:g}")
        if not number.is_integer():
            return Problem("count_fraction", number=f"{number:g}")
    return None


def _cell(sheet: Any, row: int, col: int) -> object:
    """A cell's value, text cleaned at the boundary as for data files (``col`` 0 is column A)."""
    value = sheet.cell(row=row, column=col + 1).value
    return clean(value) if isinstance(value, str) else value


def _read_xlsx(ds: Dataset, path: Path, today: date) -> Report:
    """A filled template: its lines found by the hidden key in column A, each checked against the line
    the template has for the zone and quarter (locked cells unchanged, a figure that can be right)."""
    source = path.name
    sheet, last = open_sheet(path, SHEET)
    rows = SheetRows(sheet.title)
    lang: Lang = "zh" if sheet.title == SHEET[0] else "en"
    for r in range(1, last + 1):  # the rows holding anything, not max_row
        key = _cell(sheet, r, 0)
        if key:
            rows.once(str(key), r, f"A{r}", "line_twice", key=key)
    keys = rows.first
    if "zone" not in keys or "period" not in keys:
        raise ReportRejected(source, [at(rows.whole(), "no_zone_cells")])
    report = _xlsx_report(ds, sheet, rows, source, today)
    submitted = _xlsx_submitted(sheet, rows, report, today)
    lines = template_lines(ds, report.zone, parse_period(report.period), lang)
    _xlsx_lines(sheet, rows, report, lines, counted_indicators(ds))
    missing_lines = [key for key, *_ in lines if key not in keys]
    if missing_lines:
        rows.problems.append(at(rows.whole(), "lines_missing", lines=", ".join(missing_lines)))
    if "notes" in keys:
        notes = (_cell(sheet, keys["notes"], col) for col in (2, 3, 4))
        report.notes = " ".join(str(c) for c in notes if c).strip()
    if not rows.problems and not report.revenue and not report.indicators:
        rows.problems.append(at(rows.whole(), "empty_template"))
    if report.submitted is None and blank(submitted):
        # Lateness is the zone's, never the import date's: the date is required.
        where = rows.place(f"C{keys['submitted']}") if "submitted" in keys else rows.whole()
        rows.problems.append(Problem("at", place=where, what=Problem("submitted_missing")))
    rows.reject_if_any(source)
    return report


def _xlsx_report(ds: Dataset, sheet: Any, rows: SheetRows, source: str, today: date) -> Report:
    """The report's zone and quarter (cells C of the rows keyed zone and period); ReportRejected with
    every problem found so far when either cannot be used."""
    keys = rows.first
    zone_text = str(_cell(sheet, keys["zone"], 2) or "")
    zone = resolve_zone(ds, zone_text)
    if zone is None:
        known = ds["zones"].get_column("zone").to_list()
        rows.add(f"C{keys['zone']}", "unknown_zone", zone=zone_text, hint=did_you_mean(zone_text, known))
    where = rows.place(f"C{keys['period']}")
    period = _check_period(ds, _cell(sheet, keys["period"], 2), where, rows.problems, today)
    if rows.problems or zone is None or period is None:
        raise ReportRejected(source, rows.problems)
    report = Report(source, zone, period, None)
    report.places["period"] = where
    return report


def _xlsx_submitted(sheet: Any, rows: SheetRows, report: Report, today: date) -> object:
    """Set ``report.submitted`` from the submission date's cell when it holds a date that can be right
    for the quarter; returns what the cell holds."""
    keys = rows.first
    submitted = _cell(sheet, keys["submitted"], 2) if "submitted" in keys else None
    if isinstance(submitted, datetime):
        report.submitted = submitted.date()
    elif isinstance(submitted, date):
        report.submitted = submitted
    elif not blank(submitted):
        try:
            report.submitted = parse_date(str(submitted))
        except ScaleError:
            rows.add(f"C{keys['submitted']}", "expected_date", found=submitted)
    if report.submitted is not None:
        wrong = _check_submitted(report.submitted, report.period, today)
        if wrong:
            rows.add_problem(f"C{keys['submitted']}", wrong)
    return submitted


def _xlsx_lines(
    sheet: Any,
    rows: SheetRows,
    report: Report,
    lines: list[tuple[str, str, str, float | None]],
    counts: set[str],
) -> None:
    """Each cluster or indicator line of the sheet: its locked cells as the template wrote them, and
    its figure (column E), when given, a number that can be right for the line."""
    by_key = {key: (label, unit, target) for key, label, unit, target in lines}
    for key, row in rows.first.items():
        if not key.startswith(("cluster:", "indicator:")):
            continue
        if key not in by_key:
            rows.add(f"A{row}", "not_a_line", key=key)
            continue
        label, unit, target = by_key[key]
        for col, want in ((1, label), (2, unit), (3, target)):
            got = _cell(sheet, row, col)
            same = (_number(got) == want) if isinstance(want, float) else (str(got or "") == str(want or ""))
            if not same and not (want is None and blank(got)):
                rows.add(f"{_col(col)}{row}", "locked_changed", got=got, want=want)
        value = _cell(sheet, row, 4)
        if blank(value):
            continue
        _take_figure(rows, f"E{row}", report, key, value, counts, label)


def _take_figure(
    rows: SheetRows,
    address: str,
    report: Report,
    key: str,
    value: object,
    counts: set[str],
    label: str | None = None,
) -> None:
    """A line's figure into the report, or the problem with it at ``address`` (a label names the line
    in the workbook's message; the CSV's names none)."""
    number = _number(value)
    wrong = None if number is None else _check_figure(number, key, counts)
    kind, _, item = key.partition(":")
    if number is None:
        if label is not None:
            rows.add(address, "expected_number_of", found=value, label=label)
        else:
            rows.add(address, "expected_number", found=value)
    elif wrong:
        rows.add_problem(address, wrong)
    elif kind == "cluster":
        report.revenue[item] = number
    else:
        report.indicators[item] = number
    report.places[item] = rows.place(address)


CSV_COLUMNS = ("zone", "period", "item", "value", "submitted", "notes")


def _read_csv(ds: Dataset, path: Path, today: date) -> Report:
    """A report as CSV, one item a row (CSV_COLUMNS): every row of the one zone and quarter, each item
    once, its figure a number that can be right, one submission date."""
    source = path.name
    records = _csv_rows(source, _csv_text(path, source))
    if not records or [h.strip().lstrip("\ufeff") for h in records[0]][:4] != list(CSV_COLUMNS[:4]):
        raise ReportRejected(
            source, [at(Problem("row", row=1), "csv_columns", columns=", ".join(CSV_COLUMNS))]
        )
    header = [h.strip().lstrip("\ufeff") for h in records[0]]
    index = {name: header.index(name) for name in CSV_COLUMNS if name in header}
    body = [(n, r) for n, r in enumerate(records[1:], start=2) if any(c.strip() for c in r)]
    if not body:
        raise ReportRejected(source, [Problem("no_rows")])

    def get(row: list[str], name: str) -> str:
        i = index.get(name)
        return clean(row[i]).strip() if i is not None and i < len(row) else ""  # the text boundary

    rows = SheetRows("")  # a CSV has no sheet: its places are cells and rows alone
    report = _csv_report(ds, rows, body[0], get, source, today)
    lines = {
        key.split(":", 1)[1]: key
        for key, *_ in template_lines(ds, report.zone, parse_period(report.period), "zh")
    }
    counts = counted_indicators(ds)
    submitted_on: dict[date, int] = {}
    for n, row in body:
        _csv_row(
            ds,
            rows,
            report,
            n,
            {name: get(row, name) for name in CSV_COLUMNS},
            lines,
            counts,
            today,
            submitted_on,
        )
    _check_submission_dates(rows, report, any(get(row, "submitted") for _, row in body), submitted_on)
    rows.reject_if_any(source)
    return report


def _csv_text(path: Path, source: str) -> str:
    """The CSV file's text; ReportRejected when its bytes are not text in an encoding we read."""
    try:
        return decode_csv_bytes(path.read_bytes(), source)
    except DataInvalid as exc:
        raise ReportRejected(
            source,
            [
                at(Problem("row", row=e.row), "found_message", found=e.value, message=e.message)
                for e in exc.errors
            ],
        ) from None


def _check_submission_dates(
    rows: SheetRows, report: Report, any_given: bool, submitted_on: dict[date, int]
) -> None:
    """The CSV's submission date (column E): given on some row, and the same on every row giving it."""
    if report.submitted is None and not any_given:
        # Lateness is the zone's, never the import date's: the date is required (column E, any row).
        rows.problems.append(
            Problem("at", place=Problem("column", column="E"), what=Problem("submitted_missing"))
        )
    if len(submitted_on) > 1:
        listed = [Problem("date_at_row", date=when, row=n) for when, n in submitted_on.items()]
        differ = Problem("dates_differ", listed=Joined(listed))
        rows.problems.append(Problem("at", place=Problem("column", column="E"), what=differ))


def _csv_report(
    ds: Dataset,
    rows: SheetRows,
    first: tuple[int, list[str]],
    get: Callable[[list[str], str], str],
    source: str,
    today: date,
) -> Report:
    """The report's zone and quarter, from its first row; ReportRejected when either cannot be used."""
    n, row = first
    zone_text = get(row, "zone")
    zone = resolve_zone(ds, zone_text)
    if zone is None:
        known = ds["zones"].get_column("zone").to_list()
        rows.add(f"A{n}", "unknown_zone", zone=zone_text, hint=did_you_mean(zone_text, known))
    period = _check_period(ds, get(row, "period"), rows.place(f"B{n}"), rows.problems, today)
    if zone is None or period is None:
        raise ReportRejected(source, rows.problems)
    report = Report(source, zone, period, None)
    report.places["period"] = rows.place(f"B{n}")
    return report


def _csv_row(
    ds: Dataset,
    rows: SheetRows,
    report: Report,
    n: int,
    cells: dict[str, str],
    lines: dict[str, str],
    counts: set[str],
    today: date,
    submitted_on: dict[date, int],
) -> None:
    """One row of a CSV report (``cells`` by column name): of the report's zone and quarter, an item
    of its template given once, its figure, and its submission date when it has one."""
    period = cells["period"]
    if resolve_zone(ds, cells["zone"]) != report.zone or (
        period and _check_period(ds, period, Problem("row", row=n), [], today) != report.period
    ):
        rows.problems.append(
            at(Problem("row", row=n), "row_other_report", zone=report.zone, period=report.period)
        )
        return
    item = cells["item"]
    if item not in lines:
        rows.add(f"C{n}", "not_an_item", item=item, hint=did_you_mean(item, lines))
        return
    if item in rows.first:
        rows.problems.append(at(Problem("row", row=n), "item_twice", item=item, other=rows.first[item]))
        return
    rows.first[item] = n
    _take_figure(rows, f"D{n}", report, lines[item], cells["value"], counts)
    if cells["submitted"]:
        try:
            when = parse_date(cells["submitted"])
        except ScaleError:
            rows.add(f"E{n}", "expected_date", found=cells["submitted"])
        else:
            wrong = _check_submitted(when, report.period, today)
            if wrong:
                rows.add_problem(f"E{n}", wrong)
            submitted_on.setdefault(when, n)
            report.submitted = when
    if cells["notes"]:
        report.notes = cells["notes"]


def _csv_rows(source: str, text: str) -> list[list[str]]:
    """The CSV's records, one per line; a quote left open (which would swallow the lines after it)
    or text after a closing quote rejects the report, naming the row."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[list[str]] = []
    last = 0
    try:
        for record in reader:
            if reader.line_num != last + 1:
                raise ReportRejected(
                    source,
                    [at(Problem("row", row=last + 1), "quote_runs", first=last + 1, last=reader.line_num)],
                )
            last = reader.line_num
            rows.append(record)
    except csv.Error as exc:
        raise ReportRejected(source, [at(Problem("row", row=last + 1), "not_csv", reason=exc)]) from None
    return rows


def read_report(ds: Dataset, path: Path, today: date | None = None) -> Report:
    """Read and check one filled report; ReportRejected lists every problem."""
    today = today or date.today()
    if not path.is_file():
        raise ReportRejected(path.name, [Problem("no_file")])
    if path.suffix.lower() == ".xlsx":
        return _read_xlsx(ds, path, today)
    if path.suffix.lower() == ".csv":
        return _read_csv(ds, path, today)
    raise ReportRejected(path.name, [Problem("wrong_kind")])
