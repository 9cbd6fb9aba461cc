"""Read a filled report (template .xlsx or CSV of the same fields), rejecting it whole on any problem."""

from __future__ import annotations

import csv
import io
import math
from datetime import date, datetime, timedelta
from pathlib import Path

from console.data.dataset import Dataset
from console.data.errors import DataInvalid
from console.data.readers import decode_csv_bytes
from console.data.scales import Period, ScaleError, parse_period
from console.data.validate import parse_date, suggest
from console.reports.template import (
    SHEET,
    Report,
    ReportRejected,
    counted_indicators,
    resolve_zone,
    template_lines,
)

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


def _check_period(ds: Dataset, text: object, where: str, problems: list[str], today: date) -> str | None:
    try:
        period = parse_period(str(text or ""))
    except ScaleError as exc:
        problems.append(f"{where}: found '{text or ''}', expected {exc}")
        return None
    start, end = _plan_window(ds, today)
    if period < start or period > end:
        problems.append(
            f"{where}: period {period} is outside the reporting window {start}-{end}"
            f" (the plan runs {ds.years[0]}-{ds.years[-1]}, up to the current quarter)"
        )
        return None
    return str(period)


def _check_submitted(submitted: date, period_text: str, today: date) -> str | None:
    """Why a submission date cannot be right for ``period_text``'s report, or None."""
    period = parse_period(period_text)
    first = date(period.year, 3 * period.quarter - 2, 1)
    last = date.fromisoformat(period.due_date()) + timedelta(days=LATE_DAYS)
    if submitted > today:
        return f"submitted {submitted} is in the future (today is {today})"
    if not first <= submitted <= last:
        return f"submitted {submitted} is outside the window for {period} reports ({first} to {last})"
    return None


def _check_figure(number: float, key: str, counts: set[str]) -> str | None:
    """Why a figure for line ``key`` (cluster:… or indicator:…) cannot be right, or None."""
    if not math.isfinite(number) or abs(number) >= MAX_FIGURE:
        return f"found {number:g}, expected a finite figure below {MAX_FIGURE:g}"
    kind, _, item = key.partition(":")
    if kind == "cluster" and number < 0:
        return f"revenue must not be negative (found {number:g})"
    if kind == "indicator" and item in counts:
        if number < 0:
            return f"a count must not be negative (found {number:g})"
        if not number.is_integer():
            return f"a count must be a whole number (found {number:g})"
    return None


def _read_xlsx(ds: Dataset, path: Path, today: date) -> Report:
    import openpyxl

    source = path.name
    try:
        book = openpyxl.load_workbook(path, data_only=True)
        formulas = openpyxl.load_workbook(path, data_only=False)
    except Exception as exc:  # openpyxl raises several types for damaged files
        raise ReportRejected(
            source,
            [
                f"not a readable .xlsx workbook: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
            ],
        ) from None
    sheet = next((book[name] for name in SHEET if name in book.sheetnames), None)
    if sheet is None:
        raise ReportRejected(
            source, [f"no sheet named {' or '.join(SHEET)}: is this a devzones report template?"]
        )
    name = sheet.title
    lang = "zh" if name == SHEET[0] else "en"
    problems: list[str] = []

    def cell(row: int, col: int) -> object:
        return sheet.cell(row=row, column=col + 1).value

    # A formula saved without its result (written by a program, never opened in Excel) reads as empty.
    written = formulas[name]
    for line in written.iter_rows():
        for formula in line:
            if formula.data_type == "f" and sheet[formula.coordinate].value is None:
                problems.append(
                    f"sheet '{name}', cell {formula.coordinate}: holds a formula ({formula.value}) with no saved"
                    " result; type the figure itself, or open and save the file in Excel"
                )
    keys: dict[str, int] = {}
    for r in range(1, sheet.max_row + 1):
        key = cell(r, 0)
        if not key:
            continue
        if str(key) in keys:
            problems.append(
                f"sheet '{name}', cell A{r}: line '{key}' appears twice (also row {keys[str(key)]}); each line once"
            )
            continue
        keys[str(key)] = r
    if "zone" not in keys or "period" not in keys:
        raise ReportRejected(
            source,
            [f"sheet '{name}': the zone and quarter cells are missing: is this a devzones report template?"],
        )
    zone_text = str(cell(keys["zone"], 2) or "")
    zone = resolve_zone(ds, zone_text)
    if zone is None:
        known = ds["zones"].get_column("zone").to_list()
        problems.append(
            f"sheet '{name}', cell C{keys['zone']}: unknown zone '{zone_text}'.{suggest(zone_text, known)}"
        )
    period = _check_period(
        ds, cell(keys["period"], 2), f"sheet '{name}', cell C{keys['period']}", problems, today
    )
    if problems or zone is None or period is None:
        raise ReportRejected(source, problems)
    report = Report(source, zone, period, None)
    report.places["period"] = f"sheet '{name}', cell C{keys['period']}"
    submitted = cell(keys.get("submitted", 0), 2) if "submitted" in keys else None
    if isinstance(submitted, datetime):
        report.submitted = submitted.date()
    elif isinstance(submitted, date):
        report.submitted = submitted
    elif submitted not in (None, ""):
        try:
            report.submitted = parse_date(str(submitted))
        except ScaleError:
            problems.append(
                f"sheet '{name}', cell C{keys['submitted']}: found '{submitted}', expected a date such as 2026-10-08"
            )
    if report.submitted is not None:
        wrong = _check_submitted(report.submitted, period, today)
        if wrong:
            problems.append(f"sheet '{name}', cell C{keys['submitted']}: {wrong}")
    counts = counted_indicators(ds)
    expected = template_lines(ds, zone, parse_period(period), lang)
    by_key = {key: (label, unit, target) for key, label, unit, target in expected}
    for key, row in keys.items():
        if not key.startswith(("cluster:", "indicator:")):
            continue
        if key not in by_key:
            problems.append(f"sheet '{name}', cell A{row}: '{key}' is not a line of this zone's template")
            continue
        label, unit, target = by_key[key]
        for col, want in ((1, label), (2, unit), (3, target)):
            got = cell(row, col)
            same = (_number(got) == want) if isinstance(want, float) else (str(got or "") == str(want or ""))
            if not same and not (want is None and got in (None, "")):
                problems.append(
                    f"sheet '{name}', cell {_col(col)}{row}: this cell is locked in the template and was changed (found '{got}', expected '{want}')"
                )
        value = cell(row, 4)
        if value in (None, ""):
            continue
        number = _number(value)
        wrong = None if number is None else _check_figure(number, key, counts)
        if number is None:
            problems.append(f"sheet '{name}', cell E{row}: found '{value}', expected a number ({label})")
        elif wrong:
            problems.append(f"sheet '{name}', cell E{row}: {wrong}")
        elif key.startswith("cluster:"):
            report.revenue[key.split(":", 1)[1]] = number
        else:
            report.indicators[key.split(":", 1)[1]] = number
        report.places[key.split(":", 1)[1]] = f"sheet '{name}', cell E{row}"
    missing_lines = [key for key in by_key if key not in keys]
    if missing_lines:
        problems.append(f"sheet '{name}': lines missing from the template: {', '.join(missing_lines)}")
    if "notes" in keys:
        report.notes = " ".join(
            str(c) for c in (cell(keys["notes"], 2), cell(keys["notes"], 3), cell(keys["notes"], 4)) if c
        ).strip()
    if not problems and not report.revenue and not report.indicators:
        problems.append(f"sheet '{name}': no figures are filled in; an empty template is not a report")
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
            source, [f"row {e.row}: found '{e.value}': {e.message}" for e in exc.errors]
        ) from None
    rows = _csv_rows(source, text)
    if not rows or [h.strip().lstrip("\ufeff") for h in rows[0]][:4] != list(CSV_COLUMNS[:4]):
        raise ReportRejected(source, [f"row 1: expected the columns {', '.join(CSV_COLUMNS)}"])
    header = [h.strip().lstrip("\ufeff") for h in rows[0]]
    index = {name: header.index(name) for name in CSV_COLUMNS if name in header}
    problems: list[str] = []
    body = [(n, r) for n, r in enumerate(rows[1:], start=2) if any(c.strip() for c in r)]
    if not body:
        raise ReportRejected(source, ["no rows: an empty report is not a report"])

    def get(row: list[str], name: str) -> str:
        i = index.get(name)
        return row[i].strip() if i is not None and i < len(row) else ""

    first = body[0][1]
    zone_text = get(first, "zone")
    zone = resolve_zone(ds, zone_text)
    if zone is None:
        problems.append(
            f"cell A{body[0][0]}: unknown zone '{zone_text}'.{suggest(zone_text, ds['zones'].get_column('zone').to_list())}"
        )
    period = _check_period(ds, get(first, "period"), f"cell B{body[0][0]}", problems, today)
    if zone is None or period is None:
        raise ReportRejected(source, problems)
    report = Report(source, zone, period, None)
    report.places["period"] = f"cell B{body[0][0]}"
    lines = {key.split(":", 1)[1]: key for key, *_ in template_lines(ds, zone, parse_period(period), "zh")}
    counts = counted_indicators(ds)
    seen: dict[str, int] = {}
    submitted_on: dict[date, int] = {}
    for n, row in body:
        if resolve_zone(ds, get(row, "zone")) != zone or (
            get(row, "period") and _check_period(ds, get(row, "period"), "", [], today) != period
        ):
            problems.append(f"row {n}: every row must be for {zone} {period}")
            continue
        item, value = get(row, "item"), get(row, "value")
        if item not in lines:
            problems.append(
                f"cell C{n}: '{item}' is neither a cluster of this zone nor a zone indicator.{suggest(item, lines)}"
            )
            continue
        if item in seen:
            problems.append(f"row {n}: item '{item}' appears twice (also row {seen[item]}); each item once")
            continue
        seen[item] = n
        number = _number(value)
        wrong = None if number is None else _check_figure(number, lines[item], counts)
        if number is None:
            problems.append(f"cell D{n}: found '{value}', expected a number")
        elif wrong:
            problems.append(f"cell D{n}: {wrong}")
        elif lines[item].startswith("cluster:"):
            report.revenue[item] = number
        else:
            report.indicators[item] = number
        report.places[item] = f"cell D{n}"
        if get(row, "submitted"):
            try:
                when = parse_date(get(row, "submitted"))
            except ScaleError:
                problems.append(
                    f"cell E{n}: found '{get(row, 'submitted')}', expected a date such as 2026-10-08"
                )
            else:
                wrong = _check_submitted(when, period, today)
                if wrong:
                    problems.append(f"cell E{n}: {wrong}")
                submitted_on.setdefault(when, n)
                report.submitted = when
    if len(submitted_on) > 1:
        listed = ", ".join(f"{when} (row {n})" for when, n in submitted_on.items())
        problems.append(f"column E: the rows give different submission dates: {listed}; give one")
        if get(row, "notes"):
            report.notes = get(row, "notes")
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
                    [
                        f"row {last + 1}: a quoted value runs over rows {last + 1}-{reader.line_num}:"
                        " a quote is probably not closed (each value must fit on one row)"
                    ],
                )
            last = reader.line_num
            rows.append(record)
    except csv.Error as exc:
        raise ReportRejected(
            source, [f"row {last + 1}: not valid CSV ({exc}): a quote is probably not closed on this row"]
        ) from None
    return rows


def read_report(ds: Dataset, path: Path, today: date | None = None) -> Report:
    """Read and check one filled report; ReportRejected lists every problem."""
    today = today or date.today()
    if not path.is_file():
        raise ReportRejected(path.name, ["no such file"])
    if path.suffix.lower() == ".xlsx":
        return _read_xlsx(ds, path, today)
    if path.suffix.lower() == ".csv":
        return _read_csv(ds, path, today)
    raise ReportRejected(path.name, ["expected a .xlsx template or a .csv of the same fields"])
