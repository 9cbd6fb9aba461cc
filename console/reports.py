"""Quarterly reports: fill-in templates, safe ingest into the dataset, and undo.

The plan has every zone report by the end of March, June, September and December. ``make_template``
writes a protected .xlsx in which only the input cells are unlocked; ``read_report`` reads a filled
template (or a CSV of the same fields) and rejects it whole, naming sheet and cell, on any problem;
``ingest`` merges accepted reports into the dataset under a file lock, validates the result by
loading it, replaces the changed files atomically and keeps what they replaced in ``.history`` so
that ``undo`` can restore it. No Textual here.
"""

from __future__ import annotations

import contextlib
import csv
import fcntl
import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import polars as pl

from console.dataset import Dataset
from console.errors import DataInvalid
from console.loader import find_table_file, load_dataset
from console.readers import decode_csv_bytes
from console.scales import Period, ScaleError, parse_period
from console.schema import TABLES_BY_NAME
from console.validate import parse_date, suggest

SHEET = ("季度报告", "Report")
HISTORY = ".history"
LOCK = ".devzones.lock"
FIRST_ITEM_ROW = 9  # spreadsheet row of the first cluster or indicator line
ZONE_SCOPES = ("each_zone", "each_zone_each_year")


class ReportRejected(Exception):
    """A report that cannot be ingested; ``problems`` lists each, with sheet and cell."""

    def __init__(self, source: str, problems: list[str]) -> None:
        super().__init__(f"{source}: {len(problems)} problem(s)")
        self.source = source
        self.problems = problems


@dataclass
class Report:
    source: str
    zone: str
    period: str
    submitted: date | None
    revenue: dict[str, float] = field(default_factory=dict)  # industry -> year-to-date revenue
    indicators: dict[str, float] = field(default_factory=dict)  # indicator code -> value
    notes: str = ""


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
        lines.append((f"cluster:{industry}", label, "亿元" if zh else "100M yuan", targets.get(industry)))
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


def _resolve_zone(ds: Dataset, name: str) -> str | None:
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

    from console.export import ExportError, place

    zone = _resolve_zone(ds, zone_name)
    if zone is None:
        known = ds["zones"].get_column("zone").to_list() + ds["zones"].get_column("short_name").to_list()
        raise ReportRejected("--zone", [f"unknown zone '{zone_name}'.{suggest(zone_name, known)}"])
    try:
        period = parse_period(period_text)
    except ScaleError as exc:
        raise ReportRejected("--period", [f"'{period_text}': expected {exc}"]) from None
    zh = lang == "zh"
    lines = template_lines(ds, zone, period, lang)

    def write(handle) -> None:  # type: ignore[no-untyped-def]
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
            "报送日期可不填（以导入日期为准）。其余单元格已锁定，请勿修改。填好后交市发改委，用 devzones ingest 导入。"
            if zh
            else "Fill in the yellow cells only. Revenue: from 1 January to the end of the quarter (100M yuan); indicators: the value at the "
            "quarter's end. The submission date may be left empty (the ingest date is used). Other cells are locked. "
            "Send the file to the development commission, which imports it with devzones ingest."
        )
        sheet.merge_range(1, 1, 1, 4, guide, wrap)
        sheet.set_row(1, 60)
        for row, key, label, value in (
            (3, "zone", "开发区" if zh else "Zone", zone),
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
        for key, label, unit, target in lines:
            sheet.write_string(row, 0, key)
            sheet.write_string(row, 1, label)
            sheet.write_string(row, 2, unit)
            if target is not None:
                sheet.write_number(row, 3, target)
            sheet.write_blank(row, 4, None, unlocked)
            minimum = 0 if key.startswith("cluster:") else -1e9
            sheet.data_validation(
                row,
                4,
                row,
                4,
                {
                    "validate": "decimal",
                    "criteria": ">=",
                    "value": minimum,
                    "error_message": "请填写数字 / a number",
                },
            )
            row += 1
        sheet.write_string(row, 0, "notes")
        sheet.write_string(row, 1, "备注" if zh else "Notes", head)
        sheet.merge_range(row, 2, row, 4, "", unlocked_text)
        sheet.protect("", {"select_locked_cells": True, "select_unlocked_cells": True})
        book.close()

    try:
        return place(out, write, force)
    except ExportError as exc:
        raise ReportRejected(str(out), [str(exc)]) from None


# -- reading a filled report ----------------------------------------------------------------------------------


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
    zone = _resolve_zone(ds, zone_text)
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
    zone = _resolve_zone(ds, zone_text)
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
        if _resolve_zone(ds, get(row, "zone")) != zone or (
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


# -- merging -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    table: str
    key: str
    old: object
    new: object

    def describe(self, lang: str = "zh") -> str:
        if self.old is None:
            return f"{'新增' if lang == 'zh' else 'new'} {self.table} {self.key}: {self.new}"
        return f"{'修改' if lang == 'zh' else 'revised'} {self.table} {self.key}: {self.old} → {self.new}"


def _upsert(
    frame: pl.DataFrame, key: dict[str, str], column: str, value: float
) -> tuple[pl.DataFrame, object]:
    """``frame`` with the row at ``key`` set to ``value`` (added if absent), and the value it had."""
    mask = pl.all_horizontal(pl.col(k) == v for k, v in key.items())
    old = frame.filter(mask)
    row = pl.DataFrame([{**key, column: value}], schema=frame.schema)
    return pl.concat([frame.filter(~mask), row]), (old.get_column(column)[0] if old.height else None)


def merge(
    ds: Dataset, reports: list[Report], today: date | None = None
) -> tuple[dict[str, pl.DataFrame], list[Change]]:
    """The progress tables with the reports merged in, and each change (new or revised value)."""
    today = today or date.today()
    revenue = ds["cluster_revenue"]
    values = ds["indicator_values"]
    submissions = ds["reports"]
    changes: list[Change] = []
    for report in reports:
        for industry, number in report.revenue.items():
            key = {"zone": report.zone, "industry": industry, "period": report.period}
            revenue, before = _upsert(revenue, key, "revenue_ytd", number)
            if before != number:
                changes.append(
                    Change("cluster_revenue", f"{report.zone} {industry} {report.period}", before, number)
                )
        for code, number in report.indicators.items():
            key = {"indicator": code, "zone": report.zone, "period": report.period}
            values, before = _upsert(values, key, "value", number)
            if before != number:
                changes.append(
                    Change("indicator_values", f"{code} {report.zone} {report.period}", before, number)
                )
        submitted = report.submitted or today
        mask = (pl.col("zone") == report.zone) & (pl.col("period") == report.period)
        old = submissions.filter(mask)
        before = old.get_column("submitted")[0] if old.height else None
        if before != submitted:
            changes.append(Change("reports", f"{report.zone} {report.period}", before, submitted))
        row: dict[str, object] = {"zone": report.zone, "period": report.period, "submitted": submitted}
        frame = pl.DataFrame(
            [row], schema={k: submissions.schema[k] for k in ("zone", "period", "submitted")}
        )
        if "notes" in submissions.columns:
            frame = frame.with_columns(pl.lit(report.notes or None, pl.String).alias("notes"))
        elif report.notes:
            submissions = submissions.with_columns(pl.lit(None, pl.String).alias("notes"))
            frame = frame.with_columns(pl.lit(report.notes, pl.String).alias("notes"))
        submissions = pl.concat([submissions.filter(~mask), frame], how="diagonal_relaxed")
    tables = {
        "cluster_revenue": revenue.sort("zone", "industry", "period"),
        "indicator_values": values.sort("indicator", "zone", "period", nulls_last=False),
        "reports": submissions.sort("zone", "period"),
    }
    return tables, changes


# -- writing, locking, history ----------------------------------------------------------------------------------


@contextlib.contextmanager
def dataset_lock(directory: Path) -> Iterator[None]:
    """An exclusive lock on the dataset: a second ingest or undo waits for the first."""
    with open(directory / LOCK, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _write_table(frame: pl.DataFrame, path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        frame.write_csv(path, include_bom=True)
    elif suffix == ".parquet":
        frame.write_parquet(path)
    else:
        frame.write_excel(path, autofit=True)


def apply(directory: Path, tables: dict[str, pl.DataFrame], reason: str) -> Path:
    """Replace the tables' files, keeping the old ones in .history; returns the history entry.

    The new files are written and the whole dataset loaded from a staging copy first: if that load
    fails, nothing in the dataset changes.
    """
    ds_files = {name: find_table_file(directory, TABLES_BY_NAME[name])[0] for name in tables}
    with tempfile.TemporaryDirectory(prefix=".staging-", dir=directory) as staging_name:
        staging = Path(staging_name)
        for path in directory.iterdir():
            if path.is_file() and not path.name.startswith("."):
                os.link(path, staging / path.name)
        for name, frame in tables.items():
            target = ds_files[name]
            assert target is not None
            (staging / target.name).unlink()
            _write_table(frame, staging / target.name)
        load_dataset(staging)  # raises DataInvalid: the dataset stays as it was
        entry = directory / HISTORY / f"{datetime.now():%Y%m%d-%H%M%S-%f}"
        entry.mkdir(parents=True)
        replaced = []
        for name in tables:
            target = ds_files[name]
            assert target is not None
            shutil.copy2(target, entry / target.name)
            replaced.append(target.name)
        (entry / "journal.json").write_text(
            json.dumps(
                {"reason": reason, "files": replaced, "at": datetime.now().isoformat()}, ensure_ascii=False
            ),
            encoding="utf-8",
        )
        for file_name in replaced:
            os.replace(staging / file_name, directory / file_name)
    return entry


def ingest(
    directory: Path, paths: list[Path], dry_run: bool = False, confirm=None, today: date | None = None
) -> tuple[list[Change], Path | None]:  # type: ignore[no-untyped-def]
    """Read, check and merge reports into the dataset at ``directory``.

    Every report is read before anything is written; one bad report rejects the whole run. ``confirm``
    is called with the list of changes and returns True to apply them. Returns (changes, history entry).
    """
    with dataset_lock(directory):
        ds = load_dataset(directory)
        problems: list[ReportRejected] = []
        reports = []
        for path in paths:
            try:
                reports.append(read_report(ds, path, today))
            except ReportRejected as exc:
                problems.append(exc)
        if problems:
            raise ReportBatchRejected(problems)
        tables, changes = merge(ds, reports, today)
        if dry_run or not changes or (confirm is not None and not confirm(changes)):
            return changes, None
        changed = {name: frame for name, frame in tables.items() if any(c.table == name for c in changes)}
        return changes, apply(directory, changed, "ingest " + ", ".join(p.name for p in paths))


class ReportBatchRejected(Exception):
    def __init__(self, rejected: list[ReportRejected]) -> None:
        super().__init__(f"{len(rejected)} report(s) rejected")
        self.rejected = rejected


def undo(directory: Path) -> tuple[Path, list[str]] | None:
    """Restore the files the last ingest replaced; None when there is nothing to undo."""
    with dataset_lock(directory):
        history = directory / HISTORY
        entries = (
            sorted(p for p in history.iterdir() if p.is_dir() and not p.name.endswith(".undone"))
            if history.is_dir()
            else []
        )
        if not entries:
            return None
        entry = entries[-1]
        journal = json.loads((entry / "journal.json").read_text(encoding="utf-8"))
        for name in journal["files"]:
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=directory)
            os.close(fd)
            shutil.copy2(entry / name, tmp)
            os.replace(tmp, directory / name)
        entry.rename(entry.with_name(entry.name + ".undone"))
        return entry, journal["files"]
