"""Read a filled report (template .xlsx or CSV of the same fields), rejecting it whole on any problem."""

from __future__ import annotations

import csv
import io
import math
from datetime import date, datetime, timedelta
from pathlib import Path

from console.core.text import clean
from console.data.dataset import Dataset
from console.data.errors import DataInvalid
from console.data.readers import decode_csv_bytes
from console.data.scales import Period, ScaleError, parse_period
from console.data.validate import parse_date
from console.reports.template import (
    SHEET,
    Report,
    ReportRejected,
    checked_workbook,
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
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.replace(",", "").strip())
        except ValueError:
            return None
    return None


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


def _read_xlsx(ds: Dataset, path: Path, today: date) -> Report:
    import openpyxl

    source = path.name
    extent = checked_workbook(path).extent  # no formula without its result, nothing far away
    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises several types for damaged files
        raise ReportRejected(
            source,
            [Problem("not_xlsx", reason=str(exc).splitlines()[0] if str(exc) else type(exc).__name__)],
        ) from None
    sheet = next((book[name] for name in SHEET if name in book.sheetnames), None)
    if sheet is None:
        raise ReportRejected(source, [Problem("no_sheet", names=" / ".join(SHEET))])
    name = sheet.title
    lang: Lang = "zh" if name == SHEET[0] else "en"
    problems: list[str] = []

    def place(address: str) -> Problem:
        return Problem("sheet_cell", sheet=name, cell=address)

    def cell(row: int, col: int) -> object:
        value = sheet.cell(row=row, column=col + 1).value
        return clean(value) if isinstance(value, str) else value  # the text boundary, as for data files

    keys: dict[str, int] = {}
    for r in range(1, extent.get(name, (0, 0))[0] + 1):  # the rows holding anything, not max_row
        key = cell(r, 0)
        if not key:
            continue
        if str(key) in keys:
            problems.append(at(place(f"A{r}"), "line_twice", key=key, other=keys[str(key)]))
            continue
        keys[str(key)] = r
    if "zone" not in keys or "period" not in keys:
        raise ReportRejected(
            source,
            [at(Problem("sheet", sheet=name), "no_zone_cells")],
        )
    zone_text = str(cell(keys["zone"], 2) or "")
    zone = resolve_zone(ds, zone_text)
    if zone is None:
        known = ds["zones"].get_column("zone").to_list()
        problems.append(
            at(place(f"C{keys['zone']}"), "unknown_zone", zone=zone_text, hint=did_you_mean(zone_text, known))
        )
    period = _check_period(ds, cell(keys["period"], 2), place(f"C{keys['period']}"), problems, today)
    if problems or zone is None or period is None:
        raise ReportRejected(source, problems)
    report = Report(source, zone, period, None)
    report.places["period"] = place(f"C{keys['period']}")
    submitted = cell(keys.get("submitted", 0), 2) if "submitted" in keys else None
    if isinstance(submitted, datetime):
        report.submitted = submitted.date()
    elif isinstance(submitted, date):
        report.submitted = submitted
    elif submitted not in (None, ""):
        try:
            report.submitted = parse_date(str(submitted))
        except ScaleError:
            problems.append(at(place(f"C{keys['submitted']}"), "expected_date", found=submitted))
    if report.submitted is not None:
        wrong = _check_submitted(report.submitted, period, today)
        if wrong:
            problems.append(Problem("at", place=place(f"C{keys['submitted']}"), what=wrong))
    no_date = report.submitted is None and submitted in (None, "")
    counts = counted_indicators(ds)
    expected = template_lines(ds, zone, parse_period(period), lang)
    by_key = {key: (label, unit, target) for key, label, unit, target in expected}
    for key, row in keys.items():
        if not key.startswith(("cluster:", "indicator:")):
            continue
        if key not in by_key:
            problems.append(at(place(f"A{row}"), "not_a_line", key=key))
            continue
        label, unit, target = by_key[key]
        for col, want in ((1, label), (2, unit), (3, target)):
            got = cell(row, col)
            same = (_number(got) == want) if isinstance(want, float) else (str(got or "") == str(want or ""))
            if not same and not (want is None and got in (None, "")):
                problems.append(at(place(f"{_col(col)}{row}"), "locked_changed", got=got, want=want))
        value = cell(row, 4)
        if value in (None, ""):
            continue
        number = _number(value)
        wrong = None if number is None else _check_figure(number, key, counts)
        if number is None:
            problems.append(at(place(f"E{row}"), "expected_number_of", found=value, label=label))
        elif wrong:
            problems.append(Problem("at", place=place(f"E{row}"), what=wrong))
        elif key.startswith("cluster:"):
            report.revenue[key.split(":", 1)[1]] = number
        else:
            report.indicators[key.split(":", 1)[1]] = number
        report.places[key.split(":", 1)[1]] = place(f"E{row}")
    missing_lines = [key for key in by_key if key not in keys]
    if missing_lines:
        problems.append(at(Problem("sheet", sheet=name), "lines_missing", lines=", ".join(missing_lines)))
    if "notes" in keys:
        report.notes = " ".join(
            str(c) for c in (cell(keys["notes"], 2), cell(keys["notes"], 3), cell(keys["notes"], 4)) if c
        ).strip()
    if not problems and not report.revenue and not report.indicators:
        problems.append(at(Problem("sheet", sheet=name), "empty_template"))
    if no_date:  # lateness is the zone's, never the import date's: the date is required
        where = place(f"C{keys['submitted']}") if "submitted" in keys else Problem("sheet", sheet=name)
        problems.append(Problem("at", place=where, what=Problem("submitted_missing")))
    if problems:
        raise ReportRejected(source, problems)
    return report


CSV_COLUMNS = ("zone", "period", "item", "value", "submitted", "notes")


def _read_csv(ds: Dataset, path: Path, today: date) -> Report:
    source = path.name
    try:
        text = decode_csv_bytes(path.read_bytes(), source)
    except DataInvalid as exc:
        raise ReportRejected(
            source,
            [
                at(Problem("row", row=e.row), "found_message", found=e.value, message=e.message)
                for e in exc.errors
            ],
        ) from None
    rows = _csv_rows(source, text)
    if not rows or [h.strip().lstrip("\ufeff") for h in rows[0]][:4] != list(CSV_COLUMNS[:4]):
        raise ReportRejected(
            source, [at(Problem("row", row=1), "csv_columns", columns=", ".join(CSV_COLUMNS))]
        )
    header = [h.strip().lstrip("\ufeff") for h in rows[0]]
    index = {name: header.index(name) for name in CSV_COLUMNS if name in header}
    problems: list[str] = []
    body = [(n, r) for n, r in enumerate(rows[1:], start=2) if any(c.strip() for c in r)]
    if not body:
        raise ReportRejected(source, [Problem("no_rows")])

    def get(row: list[str], name: str) -> str:
        i = index.get(name)
        return clean(row[i]).strip() if i is not None and i < len(row) else ""  # the text boundary

    first = body[0][1]
    zone_text = get(first, "zone")
    zone = resolve_zone(ds, zone_text)
    if zone is None:
        known = ds["zones"].get_column("zone").to_list()
        problems.append(
            at(
                Problem("cell", cell=f"A{body[0][0]}"),
                "unknown_zone",
                zone=zone_text,
                hint=did_you_mean(zone_text, known),
            )
        )
    period = _check_period(ds, get(first, "period"), Problem("cell", cell=f"B{body[0][0]}"), problems, today)
    if zone is None or period is None:
        raise ReportRejected(source, problems)
    report = Report(source, zone, period, None)
    report.places["period"] = Problem("cell", cell=f"B{body[0][0]}")
    lines = {key.split(":", 1)[1]: key for key, *_ in template_lines(ds, zone, parse_period(period), "zh")}
    counts = counted_indicators(ds)
    seen: dict[str, int] = {}
    submitted_on: dict[date, int] = {}
    for n, row in body:
        if resolve_zone(ds, get(row, "zone")) != zone or (
            get(row, "period")
            and _check_period(ds, get(row, "period"), Problem("row", row=n), [], today) != period
        ):
            problems.append(at(Problem("row", row=n), "row_other_report", zone=zone, period=period))
            continue
        item, value = get(row, "item"), get(row, "value")
        if item not in lines:
            problems.append(
                at(Problem("cell", cell=f"C{n}"), "not_an_item", item=item, hint=did_you_mean(item, lines))
            )
            continue
        if item in seen:
            problems.append(at(Problem("row", row=n), "item_twice", item=item, other=seen[item]))
            continue
        seen[item] = n
        number = _number(value)
        wrong = None if number is None else _check_figure(number, lines[item], counts)
        if number is None:
            problems.append(at(Problem("cell", cell=f"D{n}"), "expected_number", found=value))
        elif wrong:
            problems.append(Problem("at", place=Problem("cell", cell=f"D{n}"), what=wrong))
        elif lines[item].startswith("cluster:"):
            report.revenue[item] = number
        else:
            report.indicators[item] = number
        report.places[item] = Problem("cell", cell=f"D{n}")
        if get(row, "submitted"):
            try:
                when = parse_date(get(row, "submitted"))
            except ScaleError:
                problems.append(
                    at(Problem("cell", cell=f"E{n}"), "expected_date", found=get(row, "submitted"))
                )
            else:
                wrong = _check_submitted(when, period, today)
                if wrong:
                    problems.append(Problem("at", place=Problem("cell", cell=f"E{n}"), what=wrong))
                submitted_on.setdefault(when, n)
                report.submitted = when
        if get(row, "notes"):
            report.notes = get(row, "notes")
    if report.submitted is None and not any(get(row, "submitted") for _, row in body):
        # Lateness is the zone's, never the import date's: the date is required (column E, any row).
        problems.append(Problem("at", place=Problem("column", column="E"), what=Problem("submitted_missing")))
    if len(submitted_on) > 1:
        listed = [Problem("date_at_row", date=when, row=n) for when, n in submitted_on.items()]
        problems.append(
            Problem(
                "at", place=Problem("column", column="E"), what=Problem("dates_differ", listed=Joined(listed))
            )
        )
    if problems:
        raise ReportRejected(source, problems)
    return report


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
