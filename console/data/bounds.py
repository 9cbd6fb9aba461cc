"""How far a workbook reader reads a sheet (console.data.workbook): apart, so that a CSV load, which
names the bounds of a data workbook, does without the workbook reader's imports."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bounds:
    """How far a reader reads a sheet: its last row, last column, and its rows × columns."""

    rows: int
    columns: int
    cells: int
    elements: int | None = None  # cells of any kind, empty formatted ones too (openpyxl makes each one)
