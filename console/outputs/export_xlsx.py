"""The views as a workbook: one sheet per view, typed cells, sparklines, an about sheet (issue 22 moved
it out of export.py). Printing is set up by console/outputs/xlsx_print.py. No Textual here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import IO, TYPE_CHECKING

from console.core.text import clean
from console.outputs.xlsx_print import setup_print
from console.words import Lang, as_lang
from console.words.exports import EXPORTS

if TYPE_CHECKING:
    from console.outputs.export import Provenance
    from console.present.viewmodel import View

# XLSX number format per kind: integers without decimals, shares as percentages.
XLSX_FORMATS = {"int": "0", "float": "#,##0.00", "share": "0.0%"}

# Excel's rules for a sheet's name: at most 31 characters, none of []:*?/\, not starting or ending with
# an apostrophe, not "History" (reserved), unique without regard to case.
SHEET_NAME_MAX = 31


def sheet_name(title: str, used: set[str]) -> str:
    """A sheet name Excel accepts for ``title`` that still says what the sheet holds: a bracketed
    aside is dropped first, then the words that do not fit are cut with an ellipsis; numbered when
    another sheet has it. ``used`` (lower-cased names) is updated."""
    name = re.sub(r"[\[\]:*?/\\]", "_", clean(title)).strip().strip("'").strip()
    if len(name) > SHEET_NAME_MAX:
        # not words: a pattern for a bracketed part of a sheet name, in either kind of bracket
        name = re.sub(r"\s*[(（][^()（）]*[)）]", "", name).strip() or name
    if len(name) > SHEET_NAME_MAX:
        cut = name[: SHEET_NAME_MAX - 1]
        cut = cut.rsplit(" ", 1)[0] if " " in cut[SHEET_NAME_MAX // 2 :] else cut
        name = cut.rstrip(" '") + "…"
    if not name or name.lower() == "history":
        name = f"{name or 'Sheet'}-1"
    base, n = name, 2
    while name.lower() in used:
        suffix = f"-{n}"
        name = base[: SHEET_NAME_MAX - len(suffix)].rstrip(" '") + suffix
        n += 1
    used.add(name.lower())
    return name


def xlsx_writer(views: Sequence[View], prov: Provenance) -> Callable[[IO[bytes]], None]:
    """One sheet per view: typed cells with a number format per column, the quarterly series drawn as
    Excel's own sparklines beside its numeric columns, and an about sheet with the provenance."""

    def write(handle: IO[bytes]) -> None:
        import xlsxwriter
        from rich.cells import cell_len

        # Imported here: export.py imports this module for its format dispatch.
        from console.outputs.export import (
            NUMERIC_KINDS,
            _spreadsheet_value,
            data_columns,
            data_rows,
            neutralise,
        )

        workbook = xlsxwriter.Workbook(
            handle, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
        )
        workbook.set_properties(
            {
                "title": prov.title,
                "comments": prov.command,
                "created": datetime.fromisoformat(prov.exported_at).replace(tzinfo=None),
            }
        )
        header = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": False})
        flagged = workbook.add_format({"bold": True, "font_color": "#C00000"})
        formats = {kind: workbook.add_format({"num_format": f}) for kind, f in XLSX_FORMATS.items()}
        formats["whole"] = workbook.add_format({"num_format": "#,##0"})
        used: set[str] = set()
        for view in views:
            sheet = workbook.add_worksheet(sheet_name(view.title, used))
            columns = data_columns(view, prov.lang)
            series = [i for i, c in enumerate(columns) if c.code.startswith("rev_") and c.kind == "float"]
            spark_col = len(columns) if series else None
            labels = [c.label for c in columns] + ([prov_label(prov.lang, "trend")] if series else [])
            widths = [cell_len(label) for label in labels]
            for col, label in enumerate(labels):
                sheet.write_string(0, col, label, header)
            for r, (row, values) in enumerate(
                zip(view.rows, data_rows(view, prov.lang), strict=True), start=1
            ):
                for col, c in enumerate(columns):
                    value = _spreadsheet_value(values[c.code], c.kind)
                    if value is None:
                        continue
                    if c.kind == "bool":
                        sheet.write_boolean(r, col, bool(value))
                    elif c.kind in NUMERIC_KINDS:
                        # A whole figure (a count: 181 家, 7 个) shows no decimals, as on screen.
                        whole = c.kind == "float" and float(value).is_integer()
                        sheet.write_number(r, col, value, formats["whole" if whole else c.kind])
                    else:
                        sheet.write_string(
                            r, col, value, flagged if row.flagged and c.code == "zone" else None
                        )
                    widths[col] = max(
                        widths[col], cell_len(str(value)) if c.kind not in NUMERIC_KINDS else 10
                    )
                if spark_col is not None:
                    first = _a1(r, series[0])
                    last = _a1(r, series[-1])
                    sheet.add_sparkline(
                        r, spark_col, {"range": f"{first}:{last}", "markers": True, "empty_cells": "gaps"}
                    )
            for col, width in enumerate(widths):
                sheet.set_column(col, col, min(60, width + 2))  # cell_len counts Chinese characters as 2
            sheet.freeze_panes(1, 0)
            setup_print(sheet, prov, view.title, [min(60, w + 2) for w in widths])  # xlsx_print.py
            if view.rows:
                sheet.autofilter(0, 0, len(view.rows), len(labels) - 1)
        about = workbook.add_worksheet(sheet_name(EXPORTS("sheet_about", as_lang(prov.lang)), used))
        about.set_column(0, 0, 16)
        about.set_column(1, 1, 100)
        setup_print(about, prov, about.name, [16, 100], header_rows=0)  # xlsx_print.py
        for r, (label, value) in enumerate(prov.lines()):
            about.write_string(r, 0, label, header)
            about.write_string(r, 1, neutralise(value))
        workbook.close()

    return write


def _a1(row: int, col: int) -> str:
    """A cell's A1 reference from 0-based row and column."""
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row + 1}"


def prov_label(lang: Lang, key: str) -> str:
    """A few headings the exports add of their own."""
    return EXPORTS(key, lang)
