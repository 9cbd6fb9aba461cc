"""Workbooks as LibreOffice prints them (issue 22): no text below 9 pt on A4, no status codes on paper,
the name column on every page of a print that runs across pages, "over, then down"; and
``export --format pdf`` writes that print. Each workbook is converted once (about 5 s of CPU each):
one test per PDF, so no two test processes convert the same file."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pytest

from console.cli import main
from tests.support.pdf_read import bars_under, needs_libreoffice, page_count, pdf_of, smallest_size, text

pytestmark = [needs_libreoffice, pytest.mark.filterwarnings("ignore:Sparkline Group extension:UserWarning")]

READABLE = 9.0
CODES = ("on_track", "on_pace", "behind", "no_report", "bottom10_notice")


def _first_band(pdf: Path, name: str, pages: int) -> list[int]:
    """The pages (1-based) among the first ``pages`` whose text holds ``name``."""
    return [n for n in range(1, pages + 1) if name in text(pdf, n)]


def _first_zone(xlsx: Path, sheet: str) -> str:
    return str(openpyxl.load_workbook(xlsx)[sheet]["A2"].value)


def _no_codes(pdf: Path) -> None:
    printed = text(pdf)
    assert not [code for code in CODES if code in printed]


def test_export_pdf_of_the_zones_prints_them_readably_across_pages(tmp_path: Path) -> None:
    out, xlsx = tmp_path / "zones.pdf", tmp_path / "zones.xlsx"
    assert main(["export", "--view", "zones", "--format", "pdf", "--out", str(out)]) == 0
    assert main(["export", "--view", "zones", "--format", "xlsx", "--out", str(xlsx)]) == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert 'format = "pdf"' in (tmp_path / "zones.pdf.manifest.toml").read_text(encoding="utf-8")
    book = openpyxl.load_workbook(xlsx)["开发区"]
    names = [str(book.cell(r, 1).value) for r in range(2, book.max_row + 1)]
    printed = text(out)
    assert len(names) == 11 and all(name in printed for name in names)  # the view's zones, by name
    assert smallest_size(out) >= READABLE
    _no_codes(out)
    # The zones sheet's pages (the page header names the sheet; the about sheet's pages follow).
    pages = [n for n in range(1, page_count(out) + 1) if "· 开发区" in text(out, n).splitlines()[0]]
    assert len(pages) >= 2 and pages == list(range(1, len(pages) + 1))  # too wide for one page at 9 pt
    assert _first_band(out, names[0], len(pages)) == pages  # ... and each page names the zones
    # The quarterly trend prints as bars, one a quarter with a figure, on each zone's line (a line
    # sparkline printed as scattered specks).
    trend = next(n for n in pages if "季度营收走势" in text(out, n))
    bars = bars_under(out, trend, "季度营收走势")
    assert len(bars) >= 5 * len(names)
    assert len({round(b["bottom"]) for b in bars}) >= len(names)  # every zone's line has its bars


def test_export_pdf_of_every_view_prints_readably(tmp_path: Path) -> None:
    out = tmp_path / "all.pdf"
    assert main(["export", "--view", "all", "--format", "pdf", "--out", str(out)]) == 0
    assert smallest_size(out) >= READABLE
    _no_codes(out)
    printed = text(out)
    for words in ("概览", "产业集群", "做强特色主导产业", "开发区营业收入", "综合得分", "经开区"):
        assert words in printed, words  # every sheet printed


def test_the_xlsx_bulletin_prints_readably(tmp_path: Path) -> None:
    out = tmp_path / "b.xlsx"
    assert main(["bulletin", "--period", "2026-10", "--format", "xlsx", "--out", str(out)]) == 0
    pdf = pdf_of(out)
    assert smallest_size(pdf) >= READABLE
    first = text(pdf, 1)
    assert "99.33" in first and "经开区" in first  # the score as the console shows it
    _no_codes(pdf)


@pytest.mark.slow
def test_a_national_set_prints_readably_over_then_down(tmp_path: Path) -> None:
    data = tmp_path / "nation"
    assert main(["generate", "--zones", "2543", "--out", str(data)]) == 0
    xlsx = tmp_path / "zones.xlsx"
    assert (
        main(["--data", str(data), "export", "--view", "zones", "--format", "xlsx", "--out", str(xlsx)]) == 0
    )
    pdf = pdf_of(xlsx)
    assert smallest_size(pdf) >= READABLE
    _no_codes(pdf)
    first = _first_zone(xlsx, "开发区")
    # Over, then down: the first rows' pages come first, left to right, each naming the first zone;
    # the page after them starts the next rows (which the first zone is not among).
    band = _first_band(pdf, first, 8)
    assert len(band) >= 2 and band == list(range(1, len(band) + 1))
    assert os.path.getsize(pdf) > 0 and page_count(pdf) > len(band)
