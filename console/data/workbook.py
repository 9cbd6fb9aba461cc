"""One reading policy for every .xlsx workbook devzones reads: data tables, quarterly reports, assessments.

Before any spreadsheet library opens a workbook, :func:`inspect` reads each sheet's XML as a stream
(its memory does not grow with the sheet) and finds the two things no reader may meet unawares:

* **a formula saved without its result** (written by a program, never calculated in Excel). A library
  reading values gets nothing for it, so a figure would silently become empty. Such a cell is
  rejected, naming the sheet and cell.
* **content beyond the reader's bound.** A library lays a sheet out as the rectangle from A1 to its
  last cell: one stray value at XFD1048576 makes calamine allocate 17 billion cells (the process
  aborts) and openpyxl iterate as many. The real extent is taken from the cells that hold something
  (an empty cell that only carries a style does not count, nor does the sheet's own ``dimension``
  claim), and a cell beyond the bound is rejected, naming it, before the library reads anything.

The bounds are the reader's (:class:`Bounds`); each reader turns a :class:`Finding` into a message
in its own catalogue.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from html import unescape
from pathlib import Path
from typing import IO, cast
from xml.etree import ElementTree

from console.data.bounds import Bounds
from console.words.data import DATA

_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_CELL = re.compile(r"^\$?([A-Z]{1,3})\$?(\d{1,7})$")
_CHUNK = 1 << 16
# U+FFFE and U+FFFF may not appear in XML; a program may still have written them into a cell's text.
# The scan does not need that text, so it blanks them rather than refuse a sheet calamine can read.
_NOT_XML = (b"\xef\xbf\xbe", b"\xef\xbf\xbf")


@dataclass(frozen=True)
class Finding:
    """A cell that stops a workbook being read: ``kind`` is "formula" (no saved result, ``detail`` the
    formula), "beyond" (content outside ``bounds``), "crowded" (more cells, empty formatted ones
    included, than ``bounds.elements``) or "unreadable" (the sheet's XML is damaged, ``detail`` the
    parser's words; ``cell`` is then empty)."""

    sheet: str
    cell: str
    kind: str
    detail: str
    bounds: Bounds | None = None

    @property
    def row(self) -> int | None:
        match = _CELL.match(self.cell)
        return int(match.group(2)) if match else None


@dataclass(frozen=True)
class SheetScan:
    """A sheet's first finding (None: it may be read) and the last row and column holding anything."""

    finding: Finding | None
    rows: int = 0
    columns: int = 0


@dataclass(frozen=True)
class Inspection:
    """Every sheet's finding, and each sheet's real extent (rows, columns) to bound a reader's loops."""

    findings: list[Finding]
    extent: dict[str, tuple[int, int]]


class NotAWorkbook(Exception):
    """The file is not an .xlsx package we can scan (not a zip, no workbook part)."""


def column_letters(number: int) -> str:
    """1 → A, 26 → Z, 27 → AA, 16384 → XFD."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _sheet_parts(book: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet name, part name inside the package) for each sheet, in the workbook's order."""
    try:
        workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError) as exc:
        raise NotAWorkbook(str(exc)) from None
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels if _local(rel.tag) == "Relationship"}
    parts = []
    for sheet in workbook.iter():
        if _local(sheet.tag) != "sheet":
            continue
        target = targets.get(sheet.get(_REL))
        if not target:
            continue
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
        parts.append((sheet.get("name", ""), part))
    return parts


def _chunks(stream: IO[bytes]) -> Iterator[bytes]:
    """The stream in pieces with U+FFFE and U+FFFF blanked (a piece never ends inside one)."""
    carry = b""
    while True:
        piece = stream.read(_CHUNK)
        data = carry + piece
        if piece and len(data) >= 2:
            cut = len(data) - 2
            data, carry = data[:cut], data[cut:]
        else:
            carry = b""
        for bad in _NOT_XML:
            data = data.replace(bad, b"   ")
        if data:
            yield data
        if not piece:
            return


def _row_place(row: ElementTree.Element, previous: int) -> int:
    """The number of a <row>: the one it gives (r="7"), else the one after the previous row."""
    given = row.get("r")
    return int(given) if given and given.isdigit() else previous + 1


def _cell_place(cell: ElementTree.Element, row: int, previous_column: int) -> tuple[int, int]:
    """The row and column of a <c>: the place it gives (r="B7"), else the next column of its row."""
    match = _CELL.match(cell.get("r") or "")
    if match is None:
        return row, previous_column + 1
    return int(match.group(2)), column_number(match.group(1))


def _holds_something(cell: ElementTree.Element) -> bool:
    """Whether a <c> holds a value, an inline string or a formula (not only a style)."""
    return any(_local(child.tag) in ("v", "is", "f") and _holds(child) for child in cell)


def _scan_sheet_xml(name: str, stream: IO[bytes], bounds: Bounds) -> SheetScan:
    """The first cell of the sheet that stops it being read, or None: parsed as XML, cell by cell (the
    slow way, for a sheet whose cells do not all say where they are)."""
    parser: ElementTree.XMLPullParser[ElementTree.Element] = ElementTree.XMLPullParser(
        events=("start", "end")
    )
    sheet_data: ElementTree.Element | None = None
    row_number = 0
    column = 0
    last_row = last_column = count = 0
    for data in _chunks(stream):
        try:
            parser.feed(data)
            events: list[tuple[str, object]] = list(parser.read_events())  # type: ignore[arg-type]
        except ElementTree.ParseError as exc:
            return SheetScan(Finding(name, "", "unreadable", str(exc)))
        for event, item in events:
            element = cast(ElementTree.Element, item)  # "start"/"end" events carry elements
            tag = _local(element.tag)
            if event == "start":
                if tag == "sheetData":
                    sheet_data = element
                elif tag == "row":
                    row_number, column = _row_place(element, row_number), 0
                continue
            if tag == "row" and sheet_data is not None:
                sheet_data.clear()  # rows already read are dropped: memory stays flat
                continue
            if tag != "c":
                continue
            row, column = _cell_place(element, row_number, column)
            count += 1
            found = _cell_finding(name, element, row, column, bounds, last_row, last_column)
            if found is None and bounds.elements is not None and count > bounds.elements:
                found = Finding(name, f"{column_letters(column)}{row}", "crowded", "", bounds)
            if found is not None:
                return SheetScan(found)
            if _holds_something(element):
                last_row, last_column = max(last_row, row), max(last_column, column)
            element.clear()
    try:
        parser.close()
    except ElementTree.ParseError as exc:
        return SheetScan(Finding(name, "", "unreadable", str(exc)))
    return SheetScan(None, last_row, last_column)


_P = rb"(?:[\w.-]+:)?"  # a namespace prefix
_ANY_CELL = re.compile(rb"<" + _P + rb"c[\s/>]")
_PLACED_CELL = re.compile(rb"<" + _P + rb"c\s[^>]*?\br\s*=\s*[\"']")
# A cell that holds something: a formula, a value or an inline string comes first inside it (a cell
# that only carries a style is <c r="XFD1048576" s="1"/>, or <c ... s="1" t="n"></c> from openpyxl).
_HOLDS = rb"\s*<" + _P + rb"(?:f[\s/>]|v>[^<]|v\s[^>]*>[^<]|is[\s/>])"
_FULL_CELL = re.compile(
    rb"<" + _P + rb"c\s[^>]*?\br\s*=\s*[\"']\$?([A-Z]{1,3})\$?(\d{1,7})[\"'][^>]*(?<!/)>" + _HOLDS
)
_FORMULA = re.compile(rb"<" + _P + rb"f[\s/>]")
_NOT_A_CELL = rb"(?:(?!</?" + _P + rb"c[\s/>]).)*?"
_FORMULA_CELL = re.compile(
    rb"<"
    + _P
    + rb"c\s([^>]*?)(?<!/)>("
    + _NOT_A_CELL
    + rb"<"
    + _P
    + rb"f[\s/>]"
    + _NOT_A_CELL
    + rb")</"
    + _P
    + rb"c\s*>",
    re.DOTALL,
)
_REF = re.compile(rb"\br\s*=\s*[\"']\$?([A-Z]{1,3})\$?(\d{1,7})[\"']")
_VALUE = re.compile(rb"<" + _P + rb"v(?:\s[^>]*)?>([^<]+)<")
_FORMULA_TEXT = re.compile(rb"<" + _P + rb"f(?:\s[^>]*)?>([^<]*)<")
_ROW_END = re.compile(rb"</" + _P + rb"row\s*>")
# The form every spreadsheet program writes (no namespace prefix, the place first): found much faster.
_PLAIN_CELL = re.compile(rb'<c r="([A-Z]{1,3})(\d{1,7})"[^>]*(?<!/)>' + _HOLDS)
_PREFIXED = re.compile(rb"^\s*(?:<\?xml[^>]*\?>)?\s*<[\w.-]+:worksheet\b")


def _all_placed(block: bytes, plain: bool) -> bool:
    """Whether every cell in ``block`` says where it is (r="B7")."""
    if plain:
        return block.count(b"<c ") + block.count(b"<c>") + block.count(b"<c/>") == block.count(b'<c r="')
    return len(_ANY_CELL.findall(block)) == len(_PLACED_CELL.findall(block))


def _count_cells(block: bytes, plain: bool) -> int:
    if plain:
        return block.count(b"<c ") + block.count(b"<c>") + block.count(b"<c/>")
    return len(_ANY_CELL.findall(block))


def _has_formula(block: bytes, plain: bool) -> bool:
    if plain:
        return b"<f>" in block or b"<f " in block or b"<f/>" in block
    return _FORMULA.search(block) is not None


MAX_ROW_BYTES = 1 << 26  # one row's XML larger than this (64 MB) is not a sheet anyone typed
# The finding's detail, as a parser's own words are: English, shown in the English form only.
_ROW_TOO_LONG = DATA("row_too_long", "en", bytes=MAX_ROW_BYTES)


def _scan_sheet(name: str, stream: IO[bytes], bounds: Bounds, again: Callable[[], IO[bytes]]) -> SheetScan:
    """The first cell of the sheet that stops it being read, or None.

    The XML is searched, not parsed, a block of whole rows at a time: a sheet of a million cells takes
    about as long as calamine takes to read it. A sheet with a cell that does not give its place (the
    format allows it; spreadsheet programs always give it) is parsed as XML instead (``again`` opens it
    anew).
    """
    last_row = last_column = count = 0
    pending = b""
    plain: bool | None = None
    while True:
        piece = stream.read(_CHUNK * 16)
        if plain is None:
            plain = not _PREFIXED.match(piece)
        data = pending + piece
        ends = list(_ROW_END.finditer(data))
        if piece and not ends:
            if len(data) > MAX_ROW_BYTES:
                return SheetScan(Finding(name, "", "unreadable", _ROW_TOO_LONG))
            pending = data
            continue
        cut = ends[-1].end() if piece else len(data)
        block, pending = data[:cut], data[cut:]
        if not _all_placed(block, plain):
            with again() as fresh:
                return _scan_sheet_xml(name, fresh, bounds)
        if _has_formula(block, plain):
            formula = _first_formula(name, block)
            if formula is not None:
                return SheetScan(formula)
        cells = (_PLAIN_CELL if plain else _FULL_CELL).findall(block)
        if cells:
            rows = max(int(row) for _, row in cells)
            columns = max(column_number(letters.decode()) for letters in {letters for letters, _ in cells})
            last_row, last_column = max(last_row, rows), max(last_column, columns)
            if _beyond(bounds, last_row, last_column):
                return SheetScan(
                    Finding(name, _far_cell(cells, bounds, last_row, last_column), "beyond", "", bounds)
                )
        count += _count_cells(block, plain)
        if bounds.elements is not None and count > bounds.elements:
            return SheetScan(Finding(name, f"{column_letters(last_column)}{last_row}", "crowded", "", bounds))
        if not piece:
            return SheetScan(None, last_row, last_column)


def _first_formula(name: str, block: bytes) -> Finding | None:
    """The first cell in ``block`` holding a formula with no value saved beside it, as a finding."""
    for match in _FORMULA_CELL.finditer(block):
        ref, inner = _REF.search(match.group(1)), match.group(2)
        if ref is None or _VALUE.search(inner):
            continue
        text = _FORMULA_TEXT.search(inner)
        formula = unescape(text.group(1).decode("utf-8", "replace")).strip() if text else ""
        cell = (ref.group(1) + ref.group(2)).decode()
        return Finding(name, cell, "formula", f"={formula}" if formula else "=…")
    return None


def _beyond(bounds: Bounds, rows: int, columns: int) -> bool:
    """Whether a sheet reaching ``rows`` x ``columns`` is past its bounds."""
    return rows > bounds.rows or columns > bounds.columns or rows * columns > bounds.cells


def _far_cell(cells: list[tuple[bytes, bytes]], bounds: Bounds, rows: int, columns: int) -> str:
    """The cell that took the sheet past its bounds: the farthest one (by row, then column)."""
    letters, row = max(cells, key=lambda cell: (int(cell[1]), column_number(cell[0].decode())))
    if int(row) < rows or column_number(letters.decode()) < columns:  # the far row and far column differ
        letters, row = max(cells, key=lambda cell: column_number(cell[0].decode()) * 10**7 + int(cell[1]))
        if column_number(letters.decode()) <= bounds.columns:
            letters, row = max(cells, key=lambda cell: int(cell[1]))
    return (letters + row).decode()


def _holds(child: ElementTree.Element) -> bool:
    return _local(child.tag) != "v" or (child.text or "") != ""


def _cell_finding(
    sheet: str,
    element: ElementTree.Element,
    row: int,
    column: int,
    bounds: Bounds,
    last_row: int,
    last_column: int,
) -> Finding | None:
    """Why this cell stops the sheet being read: a formula with no saved result, or content beyond the
    bounds (its own place, or the rectangle it makes with what came before); None if neither."""
    parts = {_local(child.tag): child for child in element}
    cell = f"{column_letters(column)}{row}"
    if "f" in parts and not ("v" in parts and parts["v"].text):  # no result, or an empty one
        formula = (parts["f"].text or "").strip()
        return Finding(sheet, cell, "formula", f"={formula}" if formula else "=…")
    if not any(_holds(child) for child in parts.values() if _local(child.tag) in ("v", "is", "f")):
        return None  # empty: a cell that only carries a style
    rows, columns = max(last_row, row), max(last_column, column)
    if row > bounds.rows or column > bounds.columns or rows * columns > bounds.cells:
        return Finding(sheet, cell, "beyond", "", bounds)
    return None


def inspect(path: Path, bounds: Bounds) -> Inspection:
    """What stops ``path`` being read under this policy (at most one finding per sheet, none if it may
    be read), and each sheet's real extent.

    NotAWorkbook when the file is not an .xlsx package; OSError when it cannot be read.
    """
    try:
        with zipfile.ZipFile(path) as book:
            findings = []
            extent = {}
            for name, part in _sheet_parts(book):
                try:
                    stream = book.open(part)
                except KeyError:
                    continue  # a sheet the package lacks: the library names the damage
                with stream:
                    scan = _scan_sheet(name, stream, bounds, partial(book.open, part))
                if scan.finding is not None:
                    findings.append(scan.finding)
                extent[name] = (scan.rows, scan.columns)
            return Inspection(findings, extent)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        NotImplementedError,
        RuntimeError,
        ValueError,
    ) as exc:
        raise NotAWorkbook(str(exc) or type(exc).__name__) from None
