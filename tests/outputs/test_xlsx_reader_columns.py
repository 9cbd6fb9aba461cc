"""What a workbook prints and what it keeps for scripts (issue 22), read back with openpyxl: the reader's
columns first and printed, the codes after them and outside the print area, the name column repeated
and frozen, pages over-then-down; the score's decimals are the console's; without LibreOffice
``--format pdf`` says which package to install and writes nothing."""

from __future__ import annotations

import warnings
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import range_boundaries

from console.cli import main

# openpyxl cannot read Excel's sparklines (the exports draw them) and says so; the sheets are read all the same.
pytestmark = pytest.mark.filterwarnings("ignore:Sparkline Group extension:UserWarning")


def _book(tmp_path: Path, *args: str) -> openpyxl.Workbook:
    out = tmp_path / "x.xlsx"
    assert main(["export", *args, "--format", "xlsx", "--out", str(out)]) == 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return openpyxl.load_workbook(out)


def _last_printed(sheet) -> int:
    """The last (1-based) column of the sheet's print area."""
    return range_boundaries(str(sheet.print_area).split("!")[-1].replace("$", ""))[2]


def test_codes_stay_in_the_sheet_after_the_printed_reader_columns(tmp_path: Path) -> None:
    book = _book(tmp_path, "--view", "all")
    zones = book["开发区"]
    heads = [c.value for c in zones[1]]
    last = _last_printed(zones)
    printed, kept = heads[:last], heads[last:]
    # Words and figures print; status codes and the id are kept for scripts, to the right, unprinted.
    assert printed[0] == "开发区" and {"档级状态（文字）", "累计营收", "2026Q3营收", "季度营收走势"} <= set(
        printed
    )
    assert {"档级状态", "营收状态", "报送状态", "开发区全称", "标记"} <= set(kept)
    codes = {zones.cell(r, heads.index("档级状态") + 1).value for r in range(2, zones.max_row + 1)}
    assert "on_track" in codes  # the code is in the sheet, for a script or a filter
    for name in ("概览", "产业集群", "重点任务", "量化指标", "排名"):
        sheet = book[name]
        last = _last_printed(sheet)
        values = {str(c.value) for row in sheet.iter_rows(min_row=2, max_col=last) for c in row}
        assert not {"on_track", "on_pace", "behind", "bottom10_notice"} & values, name


def test_the_name_column_is_frozen_and_repeated_and_pages_run_over_then_down(tmp_path: Path) -> None:
    book = _book(tmp_path, "--view", "all")
    expected = {
        "开发区": ("B2", "$A:$A", "开发区"),
        "产业集群": ("C2", "$A:$B", "开发区"),
        "重点任务": ("C2", "$A:$B", "任务编号"),
        "排名": ("C2", "$A:$B", "全市名次"),
    }
    for name, (frozen, repeated, first) in expected.items():
        sheet = book[name]
        assert sheet.freeze_panes == frozen, name
        assert sheet.print_title_cols == repeated and sheet.print_title_rows == "$1:$1", name
        assert sheet.page_setup.pageOrder == "overThenDown", name
        assert sheet["A1"].value == first, name
    assert book["排名"]["B1"].value == "开发区"  # rank and name on every page of the ranking


@pytest.mark.parametrize(("year", "shown"), [(2024, "96.0"), (2026, "99.33")])
def test_the_workbook_shows_the_score_as_the_console_does(
    tmp_path: Path, capsys, year: int, shown: str
) -> None:
    assert main(["rankings", "--year", str(year)]) == 0
    console_text = capsys.readouterr().out
    assert f" {shown} " in console_text  # the console's decimals: one in 2024, two in 2026
    sheet = _book(tmp_path, "--view", "rankings", "--year", str(year))["排名"]
    column = [c.value for c in sheet[1]].index("综合得分") + 1
    cell = sheet.cell(2, column)
    decimals = len(shown.split(".")[1])
    assert cell.number_format == "0." + "0" * decimals + "_ "  # a space after: see PAD
    assert f"{cell.value:.{decimals}f}" == shown  # the first row reads as the console's first row


def test_the_bulletin_ranking_sheet_keeps_rank_and_zone_in_view(tmp_path: Path) -> None:
    out = tmp_path / "b.xlsx"
    assert main(["bulletin", "--period", "2026-10", "--format", "xlsx", "--out", str(out)]) == 0
    ranking = openpyxl.load_workbook(out)["开发区排名"]
    assert ranking.freeze_panes == "C2" and ranking.print_title_cols == "$A:$B"
    assert ranking.page_setup.pageOrder == "overThenDown" and 83 <= int(ranking.page_setup.scale) <= 100


def test_pdf_without_libreoffice_names_the_package_and_writes_nothing(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    from console.outputs import pdf

    monkeypatch.setattr(pdf, "soffice_path", lambda: None)
    folder = tmp_path / "out"
    folder.mkdir()
    code = main(["export", "--view", "zones", "--format", "pdf", "--out", f"{folder}/"])
    err = capsys.readouterr().err
    assert code == 4  # as a file-system refusal: the file cannot be made here
    assert "libreoffice-calc-nogui" in err and "LibreOffice" in err
    assert not list(folder.iterdir())


def test_the_console_export_of_a_pdf_without_libreoffice_says_why(
    views_zh, tmp_path: Path, monkeypatch
) -> None:
    """The console's worker calls export_views: the same message, as an ExportError, nothing written."""
    from console.outputs import pdf
    from console.outputs.export import ExportError, Provenance, export_views

    monkeypatch.setattr(pdf, "soffice_path", lambda: None)
    prov = Provenance("t", "2026Q3", True, 2026, (), "zones", "", "", "en", "2026-12-07T00:00:00", "x")
    with pytest.raises(ExportError) as caught:
        export_views([views_zh.tables["zones"]], "pdf", tmp_path / "z.pdf", prov)
    assert "libreoffice-calc-nogui" in caught.value.text("en") and "LibreOffice" in caught.value.text("zh")
    assert not list(tmp_path.iterdir())


@pytest.fixture
def views_zh(dataset, data_dir):
    from console.core.config import Settings
    from console.present.assemble import compute, render_views

    return render_views(compute(dataset, Settings(data_dir=data_dir), 2026, []), "zh", False, words=True)
