"""The bulletin as a Word document (GB/T 9704 layout) and as a readable, printable workbook."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt
from hypothesis import given, settings
from hypothesis import strategies as st

from console.cli import main
from console.core.text import clean
from console.outputs.bulletin import Block, build_bulletin, document, heading_words
from console.outputs.bulletin_docx import BODY_FONT, HEADING_FONT, TITLE_FONT, render_docx
from console.outputs.export import Provenance

PROV = Provenance(
    title="驻马店市开发区三年行动方案监测（示例进度数据）",
    as_of="2026Q3",
    sample=True,
    year=2026,
    counties=(),
    view="bulletin",
    search="",
    sort="",
    lang="zh",
    exported_at="2026-11-26T09:30:00+08:00",
    command="devzones bulletin --period 2026-10 --format docx --out b.docx",
    version="0.1.0",
)


def _plain(paragraph) -> str:
    """A paragraph's text as read: without the word joiners that keep numbers and names on a line."""
    return paragraph.text.replace("\u2060", "")


def _east_asia(element) -> str | None:
    rpr = element.find(qn("w:rPr"))
    fonts = None if rpr is None else rpr.find(qn("w:rFonts"))
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bulletin")
    with pytest.MonkeyPatch.context() as env:  # module-scoped: the autouse isolation is not active yet
        for name in ("DEVZONES_CONFIG", "DEVZONES_SYSTEM_CONFIG", "DEVZONES_STATE"):
            env.setenv(name, str(folder / f"{name.lower()}.toml"))
        assert (
            main(["bulletin", "--period", "2026-10", "--format", "docx", "--out", str(folder / "b.docx")])
            == 0
        )
    return folder / "b.docx"


def test_docx_is_laid_out_as_an_official_document(written: Path, dataset, settings) -> None:
    doc = docx.Document(str(written))
    section = doc.sections[0]
    mm = [
        round(length.mm)
        for length in (
            section.page_width,
            section.page_height,
            section.top_margin,
            section.bottom_margin,
            section.left_margin,
            section.right_margin,
        )
    ]
    assert mm == [210, 297, 37, 35, 28, 26]  # A4, GB/T 9704's margins
    title = next(p for p in doc.paragraphs if p.style.name == "Title")
    # Split by hand at a word boundary, never inside "2026年" (梯形: the longer line first).
    assert _plain(title) == "驻马店市开发区高质量发展\n月度通报（2026年10月）"
    assert title.style.name == "Title" and title.style.paragraph_format.alignment == 1  # centred
    assert _east_asia(title.style.element) == TITLE_FONT[0] and title.style.font.size == Pt(22)
    normal = doc.styles["Normal"]
    assert _east_asia(normal.element) == BODY_FONT[0] and normal.font.size == Pt(16)
    # Headings 一、 in 黑体 (Heading 1, so Word's navigation pane lists them); units as （一）.
    h1 = [_plain(p) for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert h1 == list(heading_words("zh"))
    assert _east_asia(doc.styles["Heading 1"].element) == HEADING_FONT[0]
    b = build_bulletin(dataset, settings, "2026-10", "zh")
    h2 = [_plain(p) for p in doc.paragraphs if p.style.name == "Heading 2"]
    # Sub-headings number afresh in each section: the kinds of change (二), then the units (五).
    numbers = "一二三四五六七八九十"
    expected = [f"（{numbers[i]}）{kind}" for i, (kind, _) in enumerate(b.compared_lines)]
    expected += [f"（{numbers[i]}）{unit}" for i, (unit, _) in enumerate(b.lagging)]
    assert b.compared_lines and b.lagging and h2 == expected
    # The same content as the Markdown bulletin: the summary, every lagging line numbered 1. 2. …
    texts = [_plain(p) for p in doc.paragraphs]
    assert b.summary in texts
    assert f"1. {b.lagging[0][1][0]}。" in texts
    assert any("示例数据" in t for t in texts)


def test_docx_table_repeats_its_header_row(written: Path, dataset, settings) -> None:
    doc = docx.Document(str(written))
    b = build_bulletin(dataset, settings, "2026-10", "zh")
    table = doc.tables[0]  # the ranking, as the 附件 (the 版记 is the second table)
    assert [c.text for c in table.rows[0].cells] == [
        "名次",
        "开发区",
        "综合得分",
        "较上季",
        "全省档内排名",
        "奖惩",
        "未达目标",
    ]
    assert len(table.rows) == 1 + len(b.ranking)
    assert [r.cells[1].text.replace("\u2060", "") for r in table.rows[1:]] == [r["zone"] for r in b.ranking]
    header = table.rows[0]._tr.trPr
    assert header is not None and header.find(qn("w:tblHeader")) is not None
    assert all(r._tr.trPr.find(qn("w:tblHeader")) is None for r in table.rows[1:])


def test_docx_footer_numbers_pages_and_names_the_gb_faces(written: Path) -> None:
    doc = docx.Document(str(written))
    section = doc.sections[0]
    assert doc.settings.odd_and_even_pages_header_footer
    for footer in (section.footer, section.even_page_footer):
        xml = footer._element.xml
        assert "PAGE" in xml and 'w:fldCharType="begin"' in xml and "— " in footer.paragraphs[0].text
    # 空一字: odd pages' numbers one character in from the right, even pages' from the left (7.5).
    assert section.footer.paragraphs[0].paragraph_format.right_indent == Pt(14)
    assert section.even_page_footer.paragraphs[0].paragraph_format.left_indent == Pt(14)
    assert "示例数据" in section.header.paragraphs[0].text
    # The GB faces by the names a clerk's Word has; a server's fallback is fontconfig's, not altName.
    styles = {name: _east_asia(doc.styles[name].element) for name in ("Normal", "Title", "Heading 1")}
    assert styles == {"Normal": BODY_FONT[0], "Title": TITLE_FONT[0], "Heading 1": HEADING_FONT[0]}


def test_docx_in_english(tmp_path: Path) -> None:
    out = tmp_path / "b.docx"
    assert (
        main(["bulletin", "--period", "2026-10", "--format", "docx", "--lang", "en", "--out", str(out)]) == 0
    )
    doc = docx.Document(str(out))
    assert [_plain(p) for p in doc.paragraphs if p.style.name == "Heading 1"] == list(heading_words("en"))
    title = next(p for p in doc.paragraphs if p.style.name == "Title")
    assert _plain(title).startswith("Zhumadian development zones:\nmonthly bulletin")
    # A memo's heading, not a 公文's 版头: no red 发文机关标志 in an English bulletin.
    assert [_plain(p).split(":")[0] for p in doc.paragraphs[:4]] == ["From", "To", "Reference", "Date"]
    assert doc.tables[0].rows[0].cells[0].text == "Rank"


def test_docx_needs_a_docx_name(tmp_path: Path, capsys) -> None:
    assert main(["bulletin", "--period", "2026-10", "--format", "docx", "--out", str(tmp_path / "b.md")]) == 2
    assert ".docx" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
@settings(max_examples=25)
@given(st.lists(st.text(max_size=40), min_size=1, max_size=4))
def test_docx_keeps_hostile_text_literal(texts: list[str]) -> None:
    """Control characters, markup and field-looking text from the data come out as plain text."""
    blocks = [Block("title", texts[0]), Block("heading", "一、总体情况")]
    blocks += [Block("para", t) for t in texts]
    blocks.append(
        Block(
            "table",
            columns=("a", "b"),
            numeric=(False, False),
            rows=tuple((t, t) for t in texts),
            values=tuple((None, None) for _ in texts),
        )
    )
    handle = io.BytesIO()
    render_docx(blocks, PROV, handle)
    doc = docx.Document(io.BytesIO(handle.getvalue()))
    body = [_plain(p) for p in doc.paragraphs]
    for t in texts:
        assert clean(t).replace("\u2060", "") in body


def test_xlsx_bulletin_reads_and_prints_as_a_document(tmp_path: Path, dataset, settings) -> None:
    out = tmp_path / "b.xlsx"
    assert main(["bulletin", "--period", "2026-10", "--format", "xlsx", "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["通报", "开发区排名", "关于"]
    sheet = book["通报"]
    assert sheet["A1"].value == "驻马店市开发区高质量发展月度通报（2026年10月）"
    assert "A1:G1" in {str(r) for r in sheet.merged_cells.ranges}  # the title across the page
    assert sheet["A1"].font.b and sheet["A1"].alignment.horizontal == "center"
    blocks = document(build_bulletin(dataset, settings, "2026-10", "zh"))
    summary = next(b.text for b in blocks if b.kind == "para")
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == summary)
    assert cell.alignment.wrap_text  # no endless line
    height = sheet.row_dimensions[cell.row].height
    assert height is not None and height >= 2 * 15  # tall enough for the wrapped lines
    widths = [sheet.column_dimensions[c].width for c in "ABCDEFG"]
    assert all(w and w < 40 for w in widths) and sum(widths) < 100
    assert sheet.page_setup.orientation == "portrait" and 83 <= int(sheet.page_setup.scale) <= 100  # issue 22
    ranking = book["开发区排名"]
    assert ranking.print_title_rows == "$1:$1"
    assert isinstance(ranking["A2"].value, int) and isinstance(ranking["C2"].value, float)
    assert ranking["D2"].number_format == '"↑"0;"↓"0;"="'  # ↑2 ↓3 =, as in every other format


async def test_the_console_writes_the_word_bulletin(data_dir: Path, tmp_path: Path) -> None:
    from textual.widgets import Input, RadioButton

    from console.core.config import load_settings
    from console.tui.app import DevZonesApp

    app = DevZonesApp(load_settings(data_dir=data_dir), use_cache=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("b")
        await pilot.pause()
        app.screen.query_one("#period", Input).value = "2026-10"
        app.screen.query_one("#bulletin-folder", Input).value = str(tmp_path)
        app.screen.query(RadioButton)[2].value = True  # Word
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == ["devzones-bulletin-2026-10.docx", "devzones-bulletin-2026-10.docx.manifest.toml"]
    assert docx.Document(str(tmp_path / written[0])).tables


async def test_the_console_writes_a_numbered_tongbao_and_offers_pdf_only_with_libreoffice(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.widgets import Input, RadioSet

    import console.outputs.pdf as pdf
    from console.core.config import load_settings
    from console.tui.app import DevZonesApp

    monkeypatch.setattr(pdf, "soffice_path", lambda: None)  # no LibreOffice: no PDF offered
    app = DevZonesApp(load_settings(data_dir=data_dir), use_cache=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("b")
        await pilot.pause()
        formats = app.screen.query_one("#bulletin-format", RadioSet)
        assert [str(b.label) for b in formats.query("RadioButton")] == ["Markdown", "XLSX", "Word"]
        app.screen.query_one("#period", Input).value = "2026-10"
        app.screen.query_one("#bulletin-folder", Input).value = str(tmp_path)
        formats.query("RadioButton")[2].value = True  # Word
        app.screen.query_one("#bulletin-style", RadioSet).query("RadioButton")[1].value = True  # 情况通报
        app.screen.query_one("#bulletin-number", Input).value = "5"
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
    texts = [_plain(p) for p in docx.Document(str(tmp_path / "devzones-bulletin-2026-10.docx")).paragraphs]
    assert texts[0] == "开发区工作情况通报" and texts[1].endswith("年第5期")
