"""The views as a workbook: one sheet per view, typed cells, sparklines, an about sheet (issue 22 moved
it out of export.py), and that workbook as a PDF through LibreOffice. Each sheet prints readably
(xlsx_print.py): the reader's columns, named on every page; the codes after them, unprinted. export.py
hands in each view with its data columns and rows (it imports this module, never the reverse).
No Textual here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import IO, TYPE_CHECKING, Any, Protocol

from console.core.text import clean
from console.outputs.cells import NUMERIC_KINDS, neutralise, spreadsheet_value
from console.outputs.xlsx_print import PrintInfo, PrintLayout, setup_print
from console.words import Lang, as_lang
from console.words.exports import EXPORTS

if TYPE_CHECKING:
    from console.present.viewmodel import View


class WorkbookInfo(PrintInfo, Protocol):
    """Where the workbook came from (``Provenance`` in export.py): the print's words, the command that
    makes it again, when, and the about sheet's lines."""

    @property
    def command(self) -> str: ...
    @property
    def exported_at(self) -> str: ...
    def lines(self) -> list[tuple[str, str]]: ...


class ColumnInfo(Protocol):
    """One data column (``ColumnInfo`` in export.py): a stable code, a label, a kind."""

    @property
    def code(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def unit(self) -> str: ...


# One sheet's content: the view, its data columns and its rows ({code: typed value}).
Sheet = tuple["View", Sequence[ColumnInfo], Sequence[dict[str, Any]]]

# XLSX number format per kind: integers without decimals, shares as percentages.
# Each ends in "_ ", a space's width after the number: a right-aligned figure never runs into the
# words of the column after it on paper ("3后10通报", "75.0% behind" for 3 | 后10通报, 75.0% | behind).
PAD = "_ "
XLSX_FORMATS = {"int": "0" + PAD, "float": "#,##0.00" + PAD, "share": "0.0%" + PAD}

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


# The columns that name a row, per view: printed first and repeated on every page of a wide print.
# Words that sum a row up, printed right after its name (with every ``…_words`` column).
SUMMARY_COLUMNS = frozenset({"detail", "lagging_clusters"})
NAME_COLUMNS = {
    "overview": ("section_words", "section", "item"),  # a section's words where it is a code
    "zones": ("zone",),
    "clusters": ("zone", "industry"),
    "tasks": ("task", "title"),
    "indicators": ("name",),
    "rankings": ("rank", "zone"),
    "changes": ("zone",),
}
# The machine's columns per view (besides every field of kind status, code or codes): ids and codes a
# script reads. They stay in the sheet, after the reader's columns, outside the print area.
CODE_COLUMNS = {
    "overview": {"code"},
    "zones": {"flagged", "zone_id"},
    "clusters": {"flagged", "zone_id"},
    "indicators": {"indicator"},
    "rankings": {"zone_id", "flags"},
    "changes": {"code", "subject", "zone_id", "indicator", "field", "from", "to"},
}
TREND = "trend"  # the sparkline column's place among the columns
ABOUT_WIDTH = 100  # the about sheet's value column, in characters
SPARK_WIDTH = 12  # the sparkline column: room for eleven quarters
HEAD_KEEP = 8  # a heading this short (in cells: four Chinese characters) is never wrapped
HEAD_LINE = 16  # points a heading line takes (11-point bold CJK text and its leading)
# How many characters one of its wrapped lines surely holds (it breaks at spaces and slashes).
ABOUT_LINE = 80


def is_code(tab: str, column: ColumnInfo) -> bool:
    """A column for scripts, not readers: a status code, an id, a list of codes."""
    return (
        column.kind in ("status", "code", "codes")
        or column.code in CODE_COLUMNS.get(tab, set())
        or column.code.endswith(("_code", "_codes"))
    )


def sheet_columns(view: View, columns: Sequence[ColumnInfo]) -> tuple[list[ColumnInfo | str], int, int]:
    """The sheet's columns in order: the name column(s), the reader's other columns (the sparkline
    column ``TREND`` right after the quarterly series), then the codes; with how many name columns and
    reader columns (those printed) lead."""
    named = [
        c
        for code in NAME_COLUMNS.get(view.tab, ())
        for c in columns
        if c.code == code and not is_code(view.tab, c)
    ]
    codes = [c for c in columns if is_code(view.tab, c)]
    readers: list[ColumnInfo | str] = [c for c in columns if c not in named and c not in codes]
    # What a row's figures come to (its statuses in words, what it misses, the overview's note) right
    # after its name: a print that runs across pages says on its first page who is behind and why.
    readers.sort(key=lambda c: not _says_why(c))
    series = [i for i, c in enumerate(readers) if not isinstance(c, str) and _is_series(c)]
    if series:
        readers.insert(series[-1] + 1, TREND)
    return [*named, *readers, *codes], len(named), len(named) + len(readers)


def _says_why(column: ColumnInfo | str) -> bool:
    return not isinstance(column, str) and (column.code.endswith("_words") or column.code in SUMMARY_COLUMNS)


def _is_series(column: ColumnInfo) -> bool:
    return column.code.startswith("rev_") and column.kind == "float"


def score_format(view: View) -> str | None:
    """The score's number format with the decimals the console shows (the city's ``score_digits``:
    96.0 in one year, 99.33 in another), read from the view's own text; ``None`` without a score."""
    for n, column in enumerate(view.columns):
        if [f.code for f in column.fields] == ["score"]:
            shown = next((row.cells[n].text.strip() for row in view.rows if "." in row.cells[n].text), "")
            digits = len(shown.rsplit(".", 1)[1]) if shown else 0
            return "0." + "0" * digits if digits else "0"
    return None


def xlsx_writer(sheets: Sequence[Sheet], prov: WorkbookInfo) -> Callable[[IO[bytes]], None]:
    """One sheet per view: typed cells with a number format per column, the quarterly series drawn as
    Excel's own sparklines beside its numeric columns, and an about sheet with the provenance. Each
    prints readably (xlsx_print.py): the reader's columns, the name column on every page."""

    def write(handle: IO[bytes]) -> None:
        workbook = new_workbook(handle, prov)
        formats = {kind: workbook.add_format({"num_format": f}) for kind, f in XLSX_FORMATS.items()}
        formats["whole"] = workbook.add_format({"num_format": "#,##0" + PAD})
        formats["header"] = workbook.add_format(
            {"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True, "valign": "top"}
        )
        formats["flagged"] = workbook.add_format({"bold": True, "font_color": "#C00000"})
        used: set[str] = set()
        for view, columns, rows in sheets:
            _view_sheet(workbook, (view, columns, rows), prov, formats, sheet_name(view.title, used))
        _about_sheet(
            workbook, prov, formats["header"], sheet_name(EXPORTS("sheet_about", as_lang(prov.lang)), used)
        )
        workbook.close()

    return write


def _view_sheet(
    workbook: Any, content: Sheet, prov: WorkbookInfo, formats: dict[str, Any], name: str
) -> None:
    """One view's sheet: the header row, typed cells, sparklines, frozen header and name column(s),
    and the print set up for the reader's columns."""
    from rich.cells import cell_len

    view, columns, rows = content
    sheet = workbook.add_worksheet(name)
    order, names, printed = sheet_columns(view, columns)
    series = [col for col, c in enumerate(order) if not isinstance(c, str) and _is_series(c)]
    score = score_format(view)
    if score is not None:
        formats["score"] = workbook.add_format({"num_format": score + PAD})
    labels = [c.label if not isinstance(c, str) else prov_label(as_lang(prov.lang), TREND) for c in order]
    widths = [SPARK_WIDTH if isinstance(c, str) else 0 for c in order]  # the widest value, in cells
    for col, label in enumerate(labels):
        sheet.write_string(0, col, label, formats["header"])
    for r, (row, values) in enumerate(zip(view.rows, rows, strict=True), start=1):
        for col, c in enumerate(order):
            if isinstance(c, str):
                sheet.add_sparkline(
                    r,
                    col,
                    {
                        "range": f"{_a1(r, series[0])}:{_a1(r, series[-1])}",
                        # Columns, as the console's block sparkline: LibreOffice (7.4) prints a line
                        # sparkline as scattered specks (its markers, no line), columns as bars.
                        "type": "column",
                        "empty_cells": "gaps",
                    },
                )
                continue
            shown = _write_cell(sheet, r, col, c, values[c.code], formats, row.flagged)
            widths[col] = max(widths[col], shown)
    widths, lines = column_widths([cell_len(label) for label in labels], widths)
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    sheet.set_row(0, HEAD_LINE * lines + 2)
    sheet.freeze_panes(1, names)
    layout = PrintLayout(header_rows=1, names=names, printed=printed, rows=len(view.rows) + 1)
    setup_print(sheet, prov, view.title, widths, layout)  # xlsx_print.py
    if view.rows:
        sheet.autofilter(0, 0, len(view.rows), len(labels) - 1)


def column_widths(labels: Sequence[int], values: Sequence[int]) -> tuple[list[int], int]:
    """Each column's width (in characters) from its widest value, not its heading: a long heading
    wider than the values wraps onto a second line (a column about half its width) instead of
    widening the print; with the lines the heading row needs. Widths in cells (Chinese counts 2)."""
    widths = []
    for label, value in zip(labels, values, strict=True):
        room = max(value, label) if label <= HEAD_KEEP else max(value, math.ceil(label / 2) + 1)
        widths.append(min(60, room + 2))
    lines = max(
        (math.ceil(label / max(1, w - 2)) for label, w in zip(labels, widths, strict=True)), default=1
    )
    return widths, max(1, lines)


def _write_cell(
    sheet: Any, r: int, col: int, c: ColumnInfo, raw: Any, formats: dict[str, Any], flagged: bool
) -> int:
    """Write one typed cell; return the width (in cells) its text takes."""
    from rich.cells import cell_len

    value = spreadsheet_value(raw, c.kind)
    if value is None:
        return 0
    if c.kind == "bool":
        sheet.write_boolean(r, col, bool(value))
    elif c.kind in NUMERIC_KINDS:
        # A whole figure (a count: 181 家, 7 个) shows no decimals, as on screen; a score the console's.
        # An amount (a column with a unit: 亿元) keeps its decimals, so a column reads 210.00 / 153.75,
        # never 210 / 153.75.
        whole = c.kind == "float" and not c.unit and float(value).is_integer()
        kind = "score" if c.code == "score" and "score" in formats else "whole" if whole else c.kind
        sheet.write_number(r, col, value, formats[kind])
        return len(_shown_number(value, kind)) + 1  # the space after it (PAD)
    else:
        sheet.write_string(r, col, value, formats["flagged"] if flagged and c.code == "zone" else None)
    return cell_len(str(value))


def _shown_number(value: float, kind: str) -> str:
    """A number about as the sheet shows it (its width sizes the column; too narrow shows ####)."""
    if kind == "share":
        return f"{value:.1%}"
    if kind in ("whole", "int"):
        return f"{value:,.0f}"
    return f"{value:,.2f}"


def _about_sheet(workbook: Any, prov: WorkbookInfo, header: Any, name: str) -> None:
    """Where the export came from: the provenance lines."""
    about = workbook.add_worksheet(name)
    about.set_column(0, 0, 16)
    # Wrapped: a long command line stays on the page instead of running onto pages of its own.
    about.set_column(1, 1, ABOUT_WIDTH)
    setup_print(about, prov, about.name, [16, ABOUT_WIDTH], PrintLayout(header_rows=0))  # xlsx_print.py
    from rich.cells import cell_len

    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    for r, (label, value) in enumerate(prov.lines()):
        about.write_string(r, 0, label, header)
        about.write_string(r, 1, neutralise(value), wrap)
        lines = math.ceil(cell_len(value) / ABOUT_LINE)
        if lines > 1:  # as high as its wrapped lines (a spreadsheet does not measure them itself)
            about.set_row(r, 15 * lines)


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


def pdf_writer(sheets: Sequence[Sheet], prov: WorkbookInfo) -> Callable[[IO[bytes]], None]:
    """The workbook of ``xlsx_writer`` as LibreOffice prints it. Converted now, before anything is
    placed: without LibreOffice (or when it fails) ``PdfError`` says why and nothing is written."""
    import io
    import tempfile
    from pathlib import Path

    from console.outputs.pdf import to_pdf

    book = io.BytesIO()
    xlsx_writer(sheets, prov)(book)
    with tempfile.TemporaryDirectory(prefix="devzones-export-") as tmp:
        source = Path(tmp) / "export.xlsx"
        source.write_bytes(book.getvalue())
        data = to_pdf(source)

    def write(handle: IO[bytes]) -> None:
        handle.write(data)

    return write


class Stamped(Protocol):
    """What a workbook's document properties say (``Provenance`` has it)."""

    @property
    def title(self) -> str: ...
    @property
    def command(self) -> str: ...
    @property
    def exported_at(self) -> str: ...


def new_workbook(handle: IO[bytes], prov: Stamped) -> Any:
    """An in-memory workbook on ``handle`` that never turns data text into formulas or links, with the
    properties every devzones workbook carries (title, the command that makes it again, the time)."""
    import xlsxwriter

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
    return workbook
