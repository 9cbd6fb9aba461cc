"""Workbooks print as an office expects: page setup of every data sheet, read back with openpyxl."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.outputs.export import Provenance, export_views
from console.outputs.xlsx_print import HEADER_LIMIT, LANDSCAPE_FROM, page_lines
from console.present.assemble import compute, export_selection, render_views
from console.present.viewmodel import Cell, Column, Field, Row, View

# openpyxl cannot read Excel's sparklines (the exports draw them) and says so; the sheets are read all the same.
pytestmark = pytest.mark.filterwarnings("ignore:Sparkline Group extension:UserWarning")

PROV = Provenance(
    title="驻马店市开发区三年行动方案监测（示例进度数据）",
    as_of="2026Q3",
    sample=True,
    year=2026,
    counties=("平舆县",),
    view="all",
    search="高新",
    sort="-target",
    lang="zh",
    exported_at="2026-11-26T09:30:00+08:00",
    command="devzones export --view all --format xlsx --out x.xlsx",
    version="0.1.0",
)


@pytest.fixture(scope="module")
def views(dataset, data_dir):
    from console.core.config import Settings

    # Default settings: module-scoped, so no config file (the user's own included) is read.
    return render_views(compute(dataset, Settings(data_dir=data_dir), 2026, []), "zh", False, words=True)


def test_every_data_sheet_prints_readably_with_headers_and_page_numbers(views, tmp_path: Path) -> None:
    path = export_views(export_selection(views, "all", {}), "xlsx", tmp_path / "all.xlsx", PROV)[0]
    book = openpyxl.load_workbook(path)
    data_sheets = book.worksheets[:-1]  # the last is the about sheet
    assert len(data_sheets) >= 5
    for sheet in data_sheets:
        setup = sheet.page_setup
        assert setup.paperSize == 9, sheet.title  # A4
        # Never shrunk to one page wide (issue 22: 3-point text): scaled, at least 83 % of 11-point text.
        assert not (sheet.sheet_properties.pageSetUpPr and sheet.sheet_properties.pageSetUpPr.fitToPage)
        assert 83 <= int(setup.scale) <= 100, sheet.title
        assert setup.pageOrder == "overThenDown", sheet.title
        assert sheet.print_title_rows == "$1:$1", sheet.title  # the header row on every page
        header, footer = sheet.oddHeader, sheet.oddFooter
        assert PROV.title in header.left.text and sheet.title in header.left.text
        assert "示例数据" in header.right.text  # the sample mark on every data sheet
        assert "&P" in footer.center.text and "&N" in footer.center.text
        assert "2026Q3" in footer.left.text and "平舆县" in footer.left.text and "高新" in footer.left.text
    # Landscape exactly where the printed columns are wider than a portrait A4 page holds.
    for sheet in data_sheets:
        printed = _printed_columns(sheet)  # openpyxl keeps a run of equal columns as one dimension
        dims = [d for d in sheet.column_dimensions.values() if d.width]
        width = sum(d.width for d in dims for n in range(d.min, d.max + 1) if n in printed)
        wanted = "landscape" if width > LANDSCAPE_FROM else "portrait"
        assert sheet.page_setup.orientation == wanted, (sheet.title, width)
    assert "landscape" in {s.page_setup.orientation for s in data_sheets}
    # The views' sheets hold data columns (h5: typed exports) and are all wide; a narrow table prints portrait.
    narrow = View(
        "notes",
        "说明",
        (Column("item", "事项", fields=(Field("item", "事项"),)),),
        (Row("0", (Cell("平舆", ("平舆",)),)),),
    )
    sheet = openpyxl.load_workbook(export_views([narrow], "xlsx", tmp_path / "n.xlsx", PROV)[0]).worksheets[0]
    assert sheet.page_setup.orientation == "portrait"


def _printed_columns(sheet) -> set[int]:
    """The (1-based) columns a sheet prints: those of its print area, or every column."""
    from openpyxl.utils import range_boundaries

    if not sheet.print_area:
        return set(range(1, sheet.max_column + 1))
    _, _, last, _ = range_boundaries(str(sheet.print_area).split("!")[-1].replace("$", ""))
    return set(range(1, last + 1))


def test_real_data_is_not_marked_as_sample(views, tmp_path: Path) -> None:
    real = replace(PROV, sample=False, lang="en")
    path = export_views(export_selection(views, "zones", {}), "xlsx", tmp_path / "z.xlsx", real)[0]
    sheet = openpyxl.load_workbook(path).worksheets[0]
    assert "示例" not in str(sheet.oddHeader.right.text) and "SAMPLE" not in str(sheet.oddHeader.right.text)
    assert "Page &P of &N" in sheet.oddFooter.center.text


@given(title=st.text(max_size=400), search=st.text(max_size=300))
def test_header_and_footer_fit_excel_and_keep_text_literal(title: str, search: str) -> None:
    header, footer = page_lines(replace(PROV, title=title, search=search), "开发区")
    for line in (header, footer):
        assert len(line) <= HEADER_LIMIT
        assert not any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in line)
        # Every & is a code Excel knows (&L/&C/&R/&P/&N/&K/&"font"), or a doubled literal &&.
        rest = line.replace("&&", "")
        for i, ch in enumerate(rest):
            if ch == "&":
                assert rest[i + 1 : i + 2] in ("L", "C", "R", "P", "N", "K", '"'), line
