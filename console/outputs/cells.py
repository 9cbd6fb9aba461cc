"""What a spreadsheet cell may hold: numbers stay numbers, text a spreadsheet would run as a formula
is neutralised. Shared by the CSV and workbook writers (export.py, export_xlsx.py, bulletin_xlsx.py)."""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Field kinds written as numbers (never neutralised, never text).
NUMERIC_KINDS = ("float", "int", "share")


def neutralise(text: str) -> str:
    """Prefix a cell a spreadsheet would read as a formula with an apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def spreadsheet_value(value: Any, kind: str) -> Any:
    """A number stays a number; text a spreadsheet would run as a formula gets a leading apostrophe."""
    if value is None:
        return None
    if kind in NUMERIC_KINDS or kind == "bool":
        return value
    if isinstance(value, list):  # a list of codes: one cell, comma-separated as the view holds it
        value = ",".join(map(str, value))
    return neutralise(str(value))
