"""The row checker both workbook readers share: the quarterly report's (``read``) and the assessment
results' (``assessment``). It opens the one sheet a reader reads under the workbook reading policy,
and gathers the problems found in its rows, each naming its sheet and cell, so both readers reject a
workbook with every problem at once, worded and placed alike."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from console.reports.template import ReportRejected, checked_workbook
from console.reports.words import Problem, at


def open_sheet(path: Path, names: tuple[str, ...], first_line: bool = True) -> tuple[Any, int]:
    """The first sheet of ``names`` in the workbook at ``path`` and its last row holding anything
    (max_row counts formatting too). ReportRejected when the policy refuses it, openpyxl cannot read it
    (the reason the exception's first line, or its type without ``first_line``) or no sheet is named so."""
    import openpyxl

    extent = checked_workbook(path).extent  # no formula without its result, nothing far away
    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises several types for damaged files
        reason = str(exc).splitlines()[0] if first_line and str(exc) else type(exc).__name__
        raise ReportRejected(path.name, [Problem("not_xlsx", reason=reason)]) from None
    sheet = next((book[name] for name in names if name in book.sheetnames), None)
    if sheet is None:
        raise ReportRejected(path.name, [Problem("no_sheet", names=" / ".join(names))])
    return sheet, extent.get(sheet.title, (0, 0))[0]


@dataclass
class SheetRows:
    """The problems found in one sheet's rows, each at a cell, and the row each key was first seen at."""

    sheet: str
    problems: list[str] = field(default_factory=list)
    first: dict[str, int] = field(default_factory=dict)

    def place(self, address: str) -> Problem:
        """A cell of the sheet ("sheet '季度报告', cell E9"), or of a CSV, which has no sheet ("cell D3")."""
        if not self.sheet:
            return Problem("cell", cell=address)
        return Problem("sheet_cell", sheet=self.sheet, cell=address)

    def whole(self) -> Problem:
        """The sheet itself, for a problem of no one cell."""
        return Problem("sheet", sheet=self.sheet)

    def add(self, address: str, message: str, /, **values: Any) -> None:
        """The catalogue's ``message`` at the cell ``address``."""
        self.problems.append(at(self.place(address), message, **values))

    def add_problem(self, address: str, problem: Problem) -> None:
        """A problem already made (a check's answer) at the cell ``address``."""
        self.problems.append(Problem("at", place=self.place(address), what=problem))

    def once(self, key: str, row: int, address: str, message: str, /, **values: Any) -> bool:
        """Whether ``key`` is first seen at ``row``; a second time, ``message`` at ``address`` names the
        row it was first at (``other``)."""
        if key in self.first:
            self.add(address, message, other=self.first[key], **values)
            return False
        self.first[key] = row
        return True

    def reject_if_any(self, source: str) -> None:
        """ReportRejected with every problem found, when there is one."""
        if self.problems:
            raise ReportRejected(source, self.problems)


def blank(value: object) -> bool:
    """Whether a cell holds nothing (None, or an empty string)."""
    return value in (None, "")


def decimal(value: object, commas: bool = False) -> float | None:
    """A cell's number (a number, or text holding one; ``commas`` allows 1,500), or None; a boolean is
    not a number. Infinity and NaN are numbers here, for the caller's bound check (``finite`` drops them)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            return float((value.replace(",", "") if commas else value).strip())
        except ValueError:
            return None
    if isinstance(value, int | float):
        return float(value)
    return None


def finite(value: object) -> float | None:
    """A cell's finite number, or None."""
    number = decimal(value)
    return number if number is not None and math.isfinite(number) else None


def whole(value: object) -> int | None:
    """A cell's whole number (3, 3.0, "3"), or None."""
    number = finite(value)
    return int(number) if number is not None and number.is_integer() else None
