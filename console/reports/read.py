"""Read a filled report (template .xlsx or CSV of the same fields), rejecting it whole on any problem."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

from console.data.dataset import Dataset
from console.data.errors import DataInvalid
from console.data.readers import decode_csv_bytes
from console.data.scales import Period, ScaleError, parse_period
from console.data.validate import parse_date, suggest
from console.reports.template import SHEET, Report, ReportRejected, resolve_zone, template_lines


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


def _check_period(ds: Dataset, text: object, where: str, problems: list[str], today: date) -> str | None:
    try:
        period = parse_period(str(text or ""))
    except ScaleError as exc:
        problems.append(f"{where}: found '{text or ''}', expected {exc}")
        return None
    start = Period(ds.years[0], 1)
    current = Period(today.year, (today.month - 1) // 3 + 1)
    if period < start or period > current:
        problems.append(f"{where}: period {period} is outside the reporting window {start}-{current}")
        return None
    return str(period)


def _read_xlsx(ds: Dataset, path: Path, today: date) -> Report:
    import openpyxl

    source = path.name
    try:
        book = openpyxl.load_workbook(path, data_only=True)
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

    keys = {str(cell(r, 0)): r for r in range(1, sheet.max_row + 1) if cell(r, 0)}
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
        if number is None:
            problems.append(f"sheet '{name}', cell E{row}: found '{value}', expected a number ({label})")
        elif key.startswith("cluster:") and number < 0:
            problems.append(f"sheet '{name}', cell E{row}: revenue must not be negative (found {number:g})")
        elif key.startswith("cluster:"):
            report.revenue[key.split(":", 1)[1]] = number
        else:
            report.indicators[key.split(":", 1)[1]] = number
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
        raise ReportRejected(source, [str(e) for e in exc.errors]) from None
    rows = list(csv.reader(io.StringIO(text, newline="")))
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
    lines = {key.split(":", 1)[1]: key for key, *_ in template_lines(ds, zone, parse_period(period), "zh")}
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
        number = _number(value)
        if number is None:
            problems.append(f"cell D{n}: found '{value}', expected a number")
        elif lines[item].startswith("cluster:"):
            if number < 0:
                problems.append(f"cell D{n}: revenue must not be negative (found {number:g})")
            report.revenue[item] = number
        else:
            report.indicators[item] = number
        if get(row, "submitted"):
            try:
                report.submitted = parse_date(get(row, "submitted"))
            except ScaleError:
                problems.append(
                    f"cell E{n}: found '{get(row, 'submitted')}', expected a date such as 2026-10-08"
                )
        if get(row, "notes"):
            report.notes = get(row, "notes")
    if problems:
        raise ReportRejected(source, problems)
    return report


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
