"""Page setup for the workbooks' data sheets, so that a sheet prints as an office expects.

A4, landscape when the table is wide, scaled to one page wide (as many pages tall as it takes), the
header row(s) repeated on every page, and a page header and footer that say what the sheet is: the
title, the data's quarter, the year and filter, 示例数据 / SAMPLE DATA when the data is sample data,
and "page x of y". No Textual, no xlsxwriter import: the worksheet is handed in.
"""

from __future__ import annotations

from collections.abc import Sequence
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


def setup_print(
    sheet: Any, info: PrintInfo, title: str, widths: Sequence[float], header_rows: int = 1
) -> None:
    """Set up ``sheet`` (an xlsxwriter worksheet) to print: A4, landscape when ``widths`` (the
    columns' widths in characters) add up to more than a portrait page holds, one page wide,
    ``header_rows`` repeated on each page, and the page header/footer of ``page_lines``."""
    sheet.set_paper(A4)
    if sum(widths) > LANDSCAPE_FROM:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.fit_to_pages(1, 0)
    sheet.center_horizontally()
    sheet.set_margins(left=0.5, right=0.5, top=0.75, bottom=0.75)
    if header_rows > 0:
        sheet.repeat_rows(0, header_rows - 1)
    header, footer = page_lines(info, title)
    sheet.set_header(header, {"margin": 0.3})
    sheet.set_footer(footer, {"margin": 0.3})
