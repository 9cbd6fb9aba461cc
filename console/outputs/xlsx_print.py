"""Page setup for the workbooks' sheets, so that a printed sheet can be read (issue 22).

A4, landscape when the printed columns are wide; never shrunk below 9-point text: when the reader's
columns fit one page wide at a readable scale they do, otherwise they print across pages, "over, then
down", with the name column(s) and the header row(s) repeated on every page. Only the reader's columns
print (the print area); code columns, placed after them, stay on screen. A page header and footer
say what the sheet is: the title, the data's quarter, the year and filter, 示例数据 / SAMPLE DATA when
the data is sample data, and "page x of y". No Textual, no xlsxwriter import: the worksheet is handed in.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from console.core.text import clean
from console.words import as_lang
from console.words.exports import EXPORTS

# Column widths (in characters, Chinese counted as 2) above which a sheet prints landscape: an A4
# portrait page holds about 95 characters of Calibri 11 between its margins.
LANDSCAPE_FROM = 95
A4 = 9  # xlsxwriter's paper code
# Excel refuses header/footer text longer than 255 characters (xlsxwriter warns and drops it).
HEADER_LIMIT = 255
# The smallest printed text a reader is asked to read, in points (measured from LibreOffice's PDF).
READABLE_PT = 9.0
# Margins in inches, and the printable width of an A4 page between them, in points.
SIDE_MARGIN = 0.5
PRINTABLE_PT = {"portrait": 595.3 - 2 * 72 * SIDE_MARGIN, "landscape": 841.9 - 2 * 72 * SIDE_MARGIN}
# A column n characters wide is 7n + 5 pixels of Calibri 11 (Excel's and xlsxwriter's rule), 0.75 pt a
# pixel; LibreOffice draws them about 6 % wider (measured: the bulletin's 90 characters needed 99 %),
# so room is kept that its rounding never pushes the last column onto a page of its own.
FIT_ROOM = 0.92
MAX_ROW = 1_048_575  # a sheet's last row (0-based)


class PrintInfo(Protocol):
    """What the page header and footer say (``Provenance`` in console/outputs/export.py has it)."""

    @property
    def title(self) -> str: ...
    @property
    def as_of(self) -> str: ...
    @property
    def sample(self) -> bool: ...
    @property
    def year(self) -> int: ...
    @property
    def counties(self) -> tuple[str, ...]: ...
    @property
    def search(self) -> str: ...
    @property
    def sort(self) -> str: ...
    @property
    def lang(self) -> str: ...


def header_text(text: str) -> str:
    """Text safe inside an Excel header/footer: controls removed, ``&`` (the code sign) doubled."""
    return clean(text).replace("&", "&&")


def _fit(parts: Sequence[str], limit: int) -> str:
    """Join the header sections; shorten the longest free text until the whole fits ``limit``."""
    text = "".join(parts)
    if len(text) <= limit:
        return text
    # The first section carries the (possibly long) title; cut it, keeping a whole code (no lone &).
    head, rest = parts[0], "".join(parts[1:])
    room = max(0, limit - len(rest) - 1)
    cut = head[:room]
    while cut.endswith("&") and not cut.endswith("&&"):
        cut = cut[:-1]
    return cut + "…" + rest


def page_lines(info: PrintInfo, sheet_title: str) -> tuple[str, str]:
    """The page header and footer, in Excel's ``&L``/``&C``/``&R`` code, in the export's language."""
    lang = as_lang(info.lang)
    sample = EXPORTS("sample_mark", lang) if info.sample else ""
    counties = EXPORTS("list_sep", lang).join(info.counties) or EXPORTS("all_counties", lang)
    scope = [EXPORTS("page_year", lang, year=info.year), counties]
    if info.search:
        scope.append(EXPORTS("page_search", lang, search=info.search))
    if info.sort:
        scope.append(EXPORTS("page_sort", lang, sort=info.sort))
    as_of = EXPORTS("page_as_of", lang, as_of=info.as_of)
    header = _fit(
        [
            "&L" + header_text(f"{info.title} · {sheet_title}"),
            ('&R&"-,Bold"&KC00000' + header_text(sample)) if sample else "",
        ],
        HEADER_LIMIT,
    )
    pages = EXPORTS("page_numbers", lang)
    footer = _fit(
        [
            "&L" + header_text(f"{as_of} · {' · '.join(scope)}"),
            "&C" + pages,
            ("&R" + header_text(sample)) if sample else "",
        ],
        HEADER_LIMIT,
    )
    return header, footer


@dataclass(frozen=True)
class PrintLayout:
    """What of a sheet prints: ``printed`` columns from the left (the reader's; ``None``: all of them)
    and ``rows`` rows (``None``: all), the first ``names`` columns and ``header_rows`` rows repeated on
    every page, and the smallest font size the sheet uses (the scale keeps it readable)."""

    header_rows: int = 1
    names: int = 0
    printed: int | None = None
    rows: int | None = None
    font_pt: float = 11.0


def columns_pt(widths: Sequence[float]) -> float:
    """The printed width in points of columns ``widths`` characters wide, at 100 %."""
    return sum((7 * w + 5) * 0.75 for w in widths)


def print_scale(widths: Sequence[float], orientation: str, font_pt: float) -> int:
    """The print scale: 100 % or less, as much less as one page wide needs, but never so small that
    text of ``font_pt`` prints below ``READABLE_PT``; what is still too wide prints across pages."""
    # One point of scale more than the arithmetic: LibreOffice rounds 11 pt at 82 % to 8.99 pt.
    least = min(100, math.ceil(100 * READABLE_PT / font_pt) + 1)
    fit = math.floor(100 * FIT_ROOM * PRINTABLE_PT[orientation] / max(1.0, columns_pt(widths)))
    return max(least, min(100, fit))


def setup_print(
    sheet: Any, info: PrintInfo, title: str, widths: Sequence[float], layout: PrintLayout | None = None
) -> None:
    """Set up ``sheet`` (an xlsxwriter worksheet) to print as ``layout`` says: A4, landscape when the
    printed columns (``widths`` in characters) are wider than a portrait page holds, scaled by
    ``print_scale``, pages "over, then down", and the page header/footer of ``page_lines``."""
    layout = layout or PrintLayout()
    printed = list(widths[: layout.printed] if layout.printed is not None else widths)
    orientation = "landscape" if sum(printed) > LANDSCAPE_FROM else "portrait"
    sheet.set_paper(A4)
    if orientation == "landscape":
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.set_print_scale(print_scale(printed, orientation, layout.font_pt))
    sheet.print_across()
    sheet.center_horizontally()
    sheet.set_margins(left=SIDE_MARGIN, right=SIDE_MARGIN, top=0.75, bottom=0.75)
    if layout.header_rows > 0:
        sheet.repeat_rows(0, layout.header_rows - 1)
    if layout.names > 0:
        sheet.repeat_columns(0, layout.names - 1)
    if layout.printed is not None and layout.printed < len(widths):
        last_row = layout.rows - 1 if layout.rows else MAX_ROW
        sheet.print_area(0, 0, max(0, last_row), max(0, layout.printed - 1))
    header, footer = page_lines(info, title)
    sheet.set_header(header, {"margin": 0.3})
    sheet.set_footer(footer, {"margin": 0.3})
