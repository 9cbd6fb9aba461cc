"""The monthly bulletin as a workbook that reads and prints like the document it is.

Sheet 1 holds the whole bulletin (the blocks of ``console.outputs.bulletin.document``): a title row,
the text wrapped across the table's width with row heights that show all of it, and the ranking
table in place; it prints portrait, one page wide. Sheet 2 has the ranking as a data table (numbers
as numbers, a filter), sheet 3 where it came from. Text from the data is written as text, never as a
formula.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import IO, Any

from console.outputs.bulletin_model import Block
from console.outputs.export import Provenance, neutralise
from console.outputs.xlsx_print import PrintLayout, setup_print
from console.words import as_lang
from console.words.bulletin import BULLETIN

# The ranking table's columns (名次 开发区 综合得分 较上季 全省档内排名 奖惩 未达目标), in characters:
# together about 90, which an A4 portrait page holds; text rows are merged across all of them.
WIDTHS = (6, 9, 9, 7, 17, 28, 14)
LINE_POINTS = 16.0  # one line of 11-point CJK text (LibreOffice sets Noto Sans CJK about 16 points apart)
# A column n characters wide holds about 1.05 n cells of CJK text (a Chinese character, counted as 2
# cells, is narrower than two digits of the default font): measured in LibreOffice and Excel. Quotes
# and dashes that a terminal draws one cell wide take a full CJK width in a CJK font; and a line
# breaks before a closing mark, so a wrapped paragraph is given a little room (measured in
# LibreOffice's PDF: without it, the longest paragraphs lost their last line).
CJK_FIT = 1.05
FULL_WIDTH_MARKS = "“”‘’…—·"
WRAP_ROOM = 1.08


def _lines(text: str, width: float) -> int:
    """How many lines ``text`` wraps to in a cell ``width`` characters wide (Chinese counts 2)."""
    from rich.cells import cell_len

    room = max(1.0, width * CJK_FIT - 1)
    total = 0
    for part in text.split("\n"):
        cells = cell_len(part) + sum(part.count(mark) for mark in FULL_WIDTH_MARKS)
        total += max(1, math.ceil(cells * (WRAP_ROOM if cells > room else 1) / room))
    return total


def bulletin_xlsx_writer(
    blocks: Sequence[Block], sheet_names: tuple[str, str, str], prov: Provenance
) -> Callable[[IO[bytes]], None]:
    """A writer for ``place``: the bulletin ``blocks`` as a readable, printable workbook."""

    def write(handle: IO[bytes]) -> None:
        import xlsxwriter

        book = xlsxwriter.Workbook(
            handle, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
        )
        book.set_properties(
            {
                "title": prov.title,
                "comments": prov.command,
                "created": datetime.fromisoformat(prov.exported_at).replace(tzinfo=None),
            }
        )
        fmt = _formats(book)
        cache: dict[tuple[str, bool], Any] = {}

        def numbers(num_format: str, border: bool) -> Any:
            key = (num_format, border)
            if key not in cache:
                cache[key] = book.add_format(
                    {**BASE, "num_format": num_format or "General", "align": "right", "border": int(border)}
                )
            return cache[key]

        _bulletin_sheet(book, sheet_names[0], blocks, prov, fmt, numbers)
        _ranking_sheet(book, sheet_names[1], blocks, prov, numbers)
        _about_sheet(book, sheet_names[2], prov, fmt)
        book.close()

    return write


# Every cell's text: 11 points, wrapped, from the top.
BASE = {"font_size": 11, "valign": "top", "text_wrap": True}


def _formats(book: Any) -> dict[str, Any]:
    """The cell formats by the kind of block (and table part) they show."""
    return {
        "title": book.add_format({**BASE, "bold": True, "font_size": 16, "align": "center"}),
        "note": book.add_format({**BASE, "font_color": "#404040"}),
        "sample": book.add_format({**BASE, "bold": True, "font_color": "#C00000"}),
        "heading": book.add_format({**BASE, "bold": True, "font_size": 12}),
        "para": book.add_format(BASE),
        "item": book.add_format({**BASE, "indent": 1}),
        "head": book.add_format({**BASE, "bold": True, "bg_color": "#DDEBF7", "border": 1}),
        "cell": book.add_format({**BASE, "border": 1}),
        "number": book.add_format({**BASE, "border": 1, "align": "right"}),
    }


def _bulletin_sheet(
    book: Any,
    name: str,
    blocks: Sequence[Block],
    prov: Provenance,
    fmt: dict[str, Any],
    numbers: Callable[[str, bool], Any],
) -> None:
    """Sheet 1, the whole bulletin: text merged across the table's width with row heights that show
    all of it, and the ranking table in place; printed portrait, one page wide."""
    lang = as_lang(prov.lang)
    colon = BULLETIN("colon", lang)
    total = float(sum(WIDTHS))
    last = len(WIDTHS) - 1
    sheet = book.add_worksheet(name)
    for col, width in enumerate(WIDTHS):
        sheet.set_column(col, col, width)
    row = 0

    def text_row(text: str, style: str) -> None:
        nonlocal row
        sheet.merge_range(row, 0, row, last, neutralise(text), fmt[style])
        sheet.set_row(row, LINE_POINTS * _lines(text, total) * (1.4 if style == "title" else 1))
        row += 1

    for block in blocks:
        if block.kind == "table":
            row = _table_rows(sheet, row, block, fmt, numbers)
        elif block.kind == "group":
            lines = BULLETIN("line_sep", lang).join(block.lines) + BULLETIN("end", lang)
            text_row(f"{block.lead}{colon}{lines}", "item")
        elif block.kind == "sample":
            text_row(f"{block.lead}{colon}{block.text}", "sample")
        else:
            text_row(block.text, block.kind if block.kind in fmt else "para")
    setup_print(sheet, prov, name, WIDTHS, PrintLayout(header_rows=0))


def _table_rows(
    sheet: Any, row: int, block: Block, fmt: dict[str, Any], numbers: Callable[[str, bool], Any]
) -> int:
    """The ranking table in the bulletin sheet from ``row``, numbers as numbers, each row as high as
    its longest cell; returns the row after it and the blank line that follows."""
    for col, label in enumerate(block.columns):
        sheet.write_string(row, col, label, fmt["head"])
    row += 1
    for cells, values in zip(block.rows, block.values, strict=True):
        for col, (text, value) in enumerate(zip(cells, values, strict=True)):
            if isinstance(value, int | float):
                sheet.write_number(row, col, value, numbers(block.formats[col], True))
            else:
                style = "number" if block.numeric[col] else "cell"
                sheet.write_string(row, col, neutralise(text), fmt[style])
        sheet.set_row(row, LINE_POINTS * max(_lines(c, w) for c, w in zip(cells, WIDTHS, strict=True)))
        row += 1
    return row + 1  # a blank line after the table


def _about_sheet(book: Any, name: str, prov: Provenance, fmt: dict[str, Any]) -> None:
    """Sheet 3: where the bulletin came from (the export's provenance lines)."""
    about = book.add_worksheet(name)
    about.set_column(0, 0, 16)
    about.set_column(1, 1, 90, fmt["para"])
    for r, (label, said) in enumerate(prov.lines()):
        about.write_string(r, 0, label, fmt["head"])
        about.write_string(r, 1, neutralise(said), fmt["para"])
    setup_print(about, prov, name, (16, 90), PrintLayout(header_rows=0))


def _ranking_sheet(
    book: Any, name: str, blocks: Sequence[Block], prov: Provenance, numbers: Callable[[str, bool], Any]
) -> None:
    """The ranking as a data table: numbers as numbers, a filter, frozen heading row."""
    table = next((b for b in blocks if b.kind == "table"), None)
    if table is None:
        return
    sheet = book.add_worksheet(name)
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    for col, (label, width) in enumerate(zip(table.columns, WIDTHS, strict=True)):
        sheet.write_string(0, col, label, head)
        sheet.set_column(col, col, width, wrap)
    for r, (cells, values) in enumerate(zip(table.rows, table.values, strict=True), start=1):
        for col, (text, value) in enumerate(zip(cells, values, strict=True)):
            if isinstance(value, int | float):
                sheet.write_number(r, col, value, numbers(table.formats[col], False))
            else:
                sheet.write_string(r, col, neutralise(text), wrap)
        # As high as its longest cell: a spreadsheet does not grow a row for wrapped text by itself.
        sheet.set_row(r, LINE_POINTS * max(_lines(c, w) for c, w in zip(cells, WIDTHS, strict=True)))
    sheet.freeze_panes(1, 2)  # the heading row, and the rank and zone on screen
    if table.rows:
        sheet.autofilter(0, 0, len(table.rows), len(table.columns) - 1)
    setup_print(sheet, prov, name, WIDTHS, PrintLayout(header_rows=1, names=2))
