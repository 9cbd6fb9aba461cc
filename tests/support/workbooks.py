"""Workbooks filled in as a coordinator would: quarterly reports and assessment results."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl

from console.data.loader import load_dataset
from console.data.scales import parse_period
from console.reports.assessment import FIRST_ROW, make_assessment_template
from console.reports.template import make_template

TODAY = date(2026, 11, 26)


def fill_assessment(directory: Path, out: Path, year: int, rows: dict[int, tuple[object, ...]]) -> Path:
    """The assessment workbook for ``year``, with row index i (0 = first zone) filled with
    (star, tier, score, rank, size)."""
    blank = make_assessment_template(
        load_dataset(directory), year, out.with_suffix(".blank.xlsx"), today=TODAY
    )
    book = openpyxl.load_workbook(blank)
    sheet = book.active
    assert sheet is not None
    for i, values in rows.items():
        for col, value in zip("CDEFG", values, strict=True):
            sheet[f"{col}{FIRST_ROW + i}"] = value
    book.save(out)
    return out


def standard_results() -> dict[int, tuple[object, ...]]:
    """Eleven zones: the first two in tier 2 (of 58), the rest in tier 3 (of 90), distinct ranks."""
    return {i: (i % 3, 2 if i < 2 else 3, 60.0 + i, i + 1, 58 if i < 2 else 90) for i in range(11)}


def fill_report(
    directory: Path, out: Path, zone: str, period: str, figure: float, submitted: date | None = None
) -> Path:
    """A zone's quarterly template with every cluster's revenue set to ``figure``."""
    blank = make_template(load_dataset(directory), zone, period, out.with_suffix(".blank.xlsx"), force=True)
    book = openpyxl.load_workbook(blank)
    sheet = book.active
    assert sheet is not None
    for row in range(1, sheet.max_row + 1):
        key = sheet[f"A{row}"].value
        if isinstance(key, str) and key.startswith("cluster:"):
            sheet[f"E{row}"] = figure
        if key == "submitted":  # required: by default the quarter's last day (on time)
            sheet[f"C{row}"] = submitted or min(date.fromisoformat(parse_period(period).due_date()), TODAY)
    book.save(out)
    return out


def fill(
    template: Path,
    out: Path,
    values: dict[str, float | str],
    cells: dict[str, object] | None = None,
    locked_ok: bool = False,
) -> Path:
    """Fill a template as a coordinator would: only the unlocked cells (unless ``locked_ok``)."""
    book = openpyxl.load_workbook(template)
    sheet = book.active
    for row in range(1, sheet.max_row + 1):
        key = sheet.cell(row, 1).value
        if key in values:
            cell = sheet.cell(row, 5)
            assert not cell.protection.locked
            cell.value = values[key]
    for row in range(1, sheet.max_row + 1):  # the submission date is required: the quarter's last day
        if sheet.cell(row, 1).value == "submitted" and sheet.cell(row, 3).value is None:
            period = next(sheet.cell(r, 3).value for r in range(1, row) if sheet.cell(r, 1).value == "period")
            sheet.cell(row, 3).value = date.fromisoformat(parse_period(str(period)).due_date())
    for address, value in (cells or {}).items():
        assert locked_ok or not sheet[address].protection.locked, address
        sheet[address] = value
    book.save(out)
    return out


def fill_report_in_place(path: Path) -> None:
    """A quarterly template at ``path`` with every cluster and indicator at 20, submitted 2026-03-30."""
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    for row in range(1, sheet.max_row + 1):
        key = sheet[f"A{row}"].value
        if isinstance(key, str) and key.startswith(("cluster:", "indicator:")):
            sheet[f"E{row}"] = 20
        if key == "submitted":
            sheet[f"C{row}"] = date(2026, 3, 30)
    book.save(path)
