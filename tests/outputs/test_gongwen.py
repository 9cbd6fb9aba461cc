"""The Word 通报 as a 公文 (GB/T 9704-2012) and as a 情况通报, read back from the docx (issue 22, point 2):
the parts a clerk checks, the [bulletin] config that names them, the series that numbers them, and the
rule for a month after the data. What LibreOffice prints is in test_gongwen_pdf.py."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from console.cli import main
from console.core.config import load_settings, user_state_file
from console.outputs.bulletin import write_bulletin
from console.outputs.gongwen_docx import ZI
from console.outputs.gongwen_joins import WORD_JOINER, joined
from console.outputs.gongwen_series import next_number, series_file

DOC_NUMBER = re.compile(r"驻××办〔\d{4}〕[1-9]\d*号")
DATE = re.compile(r"\d{4}年[1-9]\d?月[1-9]\d?日")
ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def _plain(paragraph) -> str:
    return paragraph.text.replace(WORD_JOINER, "")


def _texts(doc) -> list[str]:
    return [_plain(p) for p in doc.paragraphs if _plain(p).strip()]


def _write(tmp_path: Path, *args: str, name: str = "b.docx", period: str = "2026-10") -> Path:
    out = tmp_path / name
    fmt = name.rsplit(".", 1)[1]
    assert main(["bulletin", "--period", period, "--format", fmt, "--out", str(out), *args]) == 0
    return out


def _config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("DEVZONES_CONFIG", str(path))


@pytest.fixture
def gongwen(tmp_path: Path) -> docx.document.Document:
    return docx.Document(str(_write(tmp_path)))


def test_the_head_has_the_red_mark_the_number_and_the_red_line(gongwen) -> None:
    paragraphs = [p for p in gongwen.paragraphs if p.text.strip()]
    mark, number = paragraphs[0], paragraphs[1]
    assert _plain(mark) == "驻马店市××××办公室文件"  # the config's placeholder
    assert {r.font.color.rgb for r in mark.runs if r.text} == {docx.shared.RGBColor(0xFF, 0, 0)}
    size = mark.runs[0].font.size.pt
    assert size * len(_plain(mark)) <= 442  # one line of the 156 mm type area
    assert DOC_NUMBER.fullmatch(_plain(number)), _plain(number)
    assert "第" not in _plain(number) and "〔0" not in _plain(number)
    border = number._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert border.get(qn("w:color")) == "FF0000"  # the red separator line, under the 发文字号


def test_the_body_parts_follow_the_standard(gongwen) -> None:
    texts = _texts(gongwen)
    title = next(i for i, p in enumerate(gongwen.paragraphs) if p.style.name == "Title")
    recipients = _plain(next(p for p in gongwen.paragraphs[title + 1 :] if p.text.strip()))
    assert recipients == "各县区人民政府，市直有关单位："  # 主送机关, ending in a full-width colon
    note = next(t for t in texts if t.startswith("附件："))
    assert note == "附件：开发区综合排名表"  # 附件说明: no final punctuation
    at = texts.index("驻马店市××××办公室")  # 发文机关署名, then 成文日期 on the next line
    assert DATE.fullmatch(texts[at + 1]), texts[at + 1]
    assert texts.index(note) < at
    # The 附件 on a page of its own: "附件" after a page break, then its title, then the table.
    body = gongwen.element.body
    head = next(p for p in gongwen.paragraphs if _plain(p) == "附件")
    before = head._p.getprevious()
    assert before is not None and 'w:type="page"' in before.xml
    assert body.index(head._p) < body.index(gongwen.tables[0]._tbl)


def test_the_note_block_has_copies_and_the_printing(gongwen) -> None:
    rows = [row.cells[0].text.replace(WORD_JOINER, "") for row in gongwen.tables[-1].rows]
    assert rows[0] == "抄送：市××委，市××局。"  # ends with a full stop (7.4.2)
    printer, _, printed = rows[1].partition("\t")
    assert printer == "驻马店市××××办公室" and re.fullmatch(DATE.pattern + "印发", printed)
    borders = gongwen.tables[-1]._tbl.tblPr.find(qn("w:tblBorders"))
    sizes = {side: borders.find(qn(f"w:{side}")).get(qn("w:sz")) for side in ("top", "insideH", "bottom")}
    assert sizes == {"top": "8", "insideH": "6", "bottom": "8"}  # 1 pt, 0.75 pt, 1 pt (7.4.1)
    cell = gongwen.tables[-1].rows[0].cells[0].paragraphs[0]
    assert cell.runs[0].font.size == Pt(14)  # 4号


def test_no_iso_date_anywhere_and_the_line_grid(tmp_path: Path, gongwen) -> None:
    for part in gongwen.part.package.iter_parts():
        if str(part.partname).startswith("/word/") and str(part.partname).endswith(".xml"):
            assert not ISO.search(part.blob.decode("utf-8")), part.partname
    grid = gongwen.sections[0]._sectPr.find(qn("w:docGrid"))
    assert (grid.get(qn("w:type")), grid.get(qn("w:linePitch"))) == ("lines", "579")  # 22 lines
    normal = gongwen.styles["Normal"]
    assert normal.element.rPr.find(qn("w:spacing")).get(qn("w:val")) == "-5"  # 28 characters
    assert normal.paragraph_format.widow_control is False
    assert normal.paragraph_format.line_spacing == Pt(28.95)


def test_seal_or_none_places_the_signature_and_date_as_the_standard_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def placed(doc) -> tuple[float, float]:
        paragraphs = [p for p in doc.paragraphs if p.text.strip()]
        at = next(i for i, p in enumerate(paragraphs) if _plain(p) == "驻马店市××××办公室")
        sig, day = paragraphs[at], paragraphs[at + 1]
        return sig.paragraph_format.right_indent.pt / ZI, day.paragraph_format.right_indent.pt / ZI

    # No seal (7.3.5.2): the signature 右空二字; the date starts two characters right of it.
    sig, day = placed(docx.Document(str(_write(tmp_path))))
    width_sig = 9  # 驻马店市××××办公室: × is set in the Latin face, half a character
    width_date = len(str(date.today().day)) / 2 + len(str(date.today().month)) / 2 + 5  # 2026年12月7日
    assert sig == pytest.approx(2)
    assert (28 - sig - width_sig) + 2 == pytest.approx(28 - day - width_date, abs=0.6)
    # Seal (7.3.5.1): the date 右空四字, the signature centred over it.
    _config(tmp_path, monkeypatch, "[bulletin]\nseal = true\n")
    sig, day = placed(docx.Document(str(_write(tmp_path, name="sealed.docx"))))
    assert day == pytest.approx(4)
    assert sig + width_sig / 2 == pytest.approx(day + width_date / 2, abs=0.6)


def test_tongbao_has_masthead_issue_editor_date_and_an_optional_tail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = docx.Document(str(_write(tmp_path, "--style", "tongbao")))
    texts = _texts(doc)
    assert texts[0] == "开发区工作情况通报" and re.fullmatch(r"\d{4}年第1期", texts[1])
    editor, _, day = texts[2].partition("\t")
    assert editor == "驻马店市××××办公室" and DATE.fullmatch(day)
    line = next(p for p in doc.paragraphs if "\t" in p.text)
    assert line._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom")).get(qn("w:color")) == "FF0000"
    assert not any(DOC_NUMBER.search(t) or t.startswith("抄送") for t in texts)
    assert len(doc.tables) == 1  # the ranking in the body; no 报尾 unless the config names one
    _config(tmp_path, monkeypatch, '[bulletin]\nsend_to = ["市委办公室"]\ngive_to = ["各县区"]\n')
    doc = docx.Document(str(_write(tmp_path, "--style", "tongbao", name="t2.docx", period="2026-09")))
    tail = [row.cells[0].text.replace(WORD_JOINER, "") for row in doc.tables[-1].rows]
    assert tail == ["送：市委办公室。", "发：各县区。"]
    assert re.fullmatch(r"\d{4}年第2期", _texts(doc)[1])  # the 期号's own series


def test_the_series_numbers_each_file_written_and_only_those(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dataset, settings
) -> None:
    def number(path: Path) -> int:
        reference = next(t for t in _texts(docx.Document(str(path))) if DOC_NUMBER.fullmatch(t))
        return int(reference.split("〕")[1][:-1])

    day = date(2026, 10, 9)
    first = write_bulletin(dataset, settings, "2026-10", "docx", tmp_path / "a.docx", today=day)[0]
    second = write_bulletin(dataset, settings, "2026-09", "docx", tmp_path / "b.docx", today=day)[0]
    assert (number(first), number(second)) == (1, 2)
    assert series_file().parent == user_state_file().parent  # beside the state file
    assert "驻××办" in series_file().read_text(encoding="utf-8")
    # Markdown prints no number: it takes none.
    write_bulletin(dataset, settings, "2026-08", "md", tmp_path / "c.md", today=day)
    assert next_number("gongwen", "驻××办", 2026) == 3
    # A failed write uses none up.
    import console.outputs.bulletin as bulletin

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(bulletin, "place_with_manifest", full_disk)
        with pytest.raises(OSError):
            write_bulletin(dataset, settings, "2026-08", "docx", tmp_path / "d.docx", today=day)
    assert next_number("gongwen", "驻××办", 2026) == 3
    # A number given wins, and the series goes on after it; a new year starts at 1.
    given = write_bulletin(dataset, settings, "2026-07", "docx", tmp_path / "e.docx", number=7, today=day)
    assert number(given[0]) == 7 and next_number("gongwen", "驻××办", 2026) == 8
    assert next_number("gongwen", "驻××办", 2027) == 1


def test_another_copy_of_a_months_bulletin_keeps_its_number(dataset, settings, tmp_path: Path) -> None:
    """The Word file a clerk edits and the PDF (or English copy) they send are one document: one
    发文字号, and no gap in the series that no document explains."""

    def number(path: Path) -> int:  # 驻××办〔2026〕1号, or the English memo's "[2026] No. 1"
        found = (re.search(r"〕(\d+)号|\] No\. (\d+)", t) for t in _texts(docx.Document(str(path))))
        match = next(m for m in found if m)
        return int(match[1] or match[2])

    day = date(2026, 11, 9)
    word = write_bulletin(dataset, settings, "2026-10", "docx", tmp_path / "w.docx", today=day)[0]
    english = write_bulletin(dataset, settings, "2026-10", "docx", tmp_path / "e.docx", "en", today=day)[0]
    assert number(word) == number(english) == 1
    assert next_number("gongwen", "驻××办", 2026) == 2  # the copies used up nothing
    other = write_bulletin(dataset, settings, "2026-11", "docx", tmp_path / "n.docx", today=day)[0]
    assert number(other) == 2
    # A number given by hand for a month is the month's number from then on.
    write_bulletin(dataset, settings, "2026-09", "docx", tmp_path / "h.docx", number=9, today=day)
    again = write_bulletin(dataset, settings, "2026-09", "docx", tmp_path / "h2.docx", today=day)[0]
    assert number(again) == 9 and next_number("gongwen", "驻××办", 2026) == 10


def test_the_cli_number_wins_and_a_bad_one_is_a_usage_error(tmp_path: Path, capsys) -> None:
    doc = docx.Document(str(_write(tmp_path, "--number", "12")))
    assert any(re.fullmatch(r"驻××办〔\d{4}〕12号", t) for t in _texts(doc))
    capsys.readouterr()
    out = str(tmp_path / "zero.docx")
    assert main(["bulletin", "--period", "2026-10", "--format", "docx", "--number", "0", "--out", out]) == 2
    assert "0" in capsys.readouterr().err and not Path(out).exists()


def test_pdf_without_libreoffice_names_the_package_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    import console.outputs.pdf as pdf

    monkeypatch.setattr(pdf, "soffice_path", lambda: None)
    out = tmp_path / "b.pdf"
    assert main(["bulletin", "--period", "2026-10", "--format", "pdf", "--out", str(out)]) != 0
    assert "libreoffice-writer-nogui" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
    assert next_number("gongwen", "驻××办", date.today().year) == 1


def test_bad_bulletin_config_values_are_warned_by_key_and_fall_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _config(
        tmp_path,
        monkeypatch,
        '[bulletin]\nstyle = "memo"\nseal = "yes"\ncc = "市××委"\nsignature = "a\\u0007b"\n'
        'recipients = ["各县区人民政府"]\n',
    )
    settings = load_settings()
    warned = "\n".join(str(w) for w in settings.warnings)
    for key in ("style", "seal", "cc", "signature"):
        assert f"bulletin.{key} = " in warned, key  # the config's usual warning, naming the key
    paper = settings.bulletin
    assert (paper.style, paper.seal, paper.cc) == ("gongwen", False, ("市××委", "市××局"))
    assert paper.signature == "驻马店市××××办公室" and paper.recipients == ("各县区人民政府",)


def test_a_month_after_the_data_is_refused_or_forced_with_a_warning_in_every_format(
    tmp_path: Path, capsys
) -> None:
    assert main(["bulletin", "--period", "2030-01", "--format", "md", "--out", str(tmp_path / "x.md")]) == 2
    assert "2030-01" in capsys.readouterr().err and list(tmp_path.iterdir()) == []
    for fmt in ("md", "xlsx", "docx"):
        out = tmp_path / f"x.{fmt}"
        args = ["bulletin", "--period", "2030-01", "--format", fmt, "--out", str(out), "--beyond-data"]
        assert main(args) == 0
        if fmt == "md":
            text = out.read_text(encoding="utf-8")
        elif fmt == "xlsx":
            sheet = openpyxl.load_workbook(out).worksheets[0]
            text = "\n".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row if c)
        else:
            text = "\n".join(_texts(docx.Document(str(out))))
        assert "2030-01" in text and "2026-11" in text, fmt  # the month and the latest the data supports


def test_word_joiners_hold_units_in_the_docx_only(tmp_path: Path) -> None:
    held = "截至" + WORD_JOINER.join("2026年9月30日") + "，" + WORD_JOINER.join("18项")
    assert joined("截至2026年9月30日，18项") == held
    assert joined("遂平县产业集聚区达标", ["遂平县产业集聚区"]).startswith(
        WORD_JOINER.join("遂平县产业集聚区")
    )
    md = _write(tmp_path, name="b.md").read_text(encoding="utf-8")
    assert WORD_JOINER not in md
    doc = docx.Document(str(_write(tmp_path)))
    number = next(p for p in doc.paragraphs if DOC_NUMBER.fullmatch(_plain(p)))
    assert WORD_JOINER in number.text  # the 发文字号 is held on one line
    langs = [r._r.rPr.find(qn("w:lang")) for r in number.runs if WORD_JOINER in r.text]
    assert langs and all(lang.get(qn("w:eastAsia")) == "en-US" for lang in langs)


def test_a_series_file_that_cannot_be_read_is_kept_and_the_series_restarts() -> None:
    series_file().parent.mkdir(parents=True, exist_ok=True)
    series_file().write_text("[gongwen\n", encoding="utf-8")
    assert next_number("gongwen", "驻××办", 2026) == 1
    kept = list(series_file().parent.glob(f"{series_file().name}.broken-*"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "[gongwen\n"


def test_two_bulletins_written_at_once_take_different_numbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dataset, settings
) -> None:
    """Two terminals of one clerk (or the console and a cron job) writing a 公文 at the same moment:
    the second waits for the first's number to be recorded instead of taking the same one."""
    import threading
    import time

    import console.outputs.bulletin as bulletin

    placing = bulletin.place_with_manifest

    def slow_place(*args, **kwargs):  # a PDF conversion takes seconds: the window two writers share
        time.sleep(0.4)
        return placing(*args, **kwargs)

    monkeypatch.setattr(bulletin, "place_with_manifest", slow_place)
    day = date(2026, 10, 9)
    written: list[Path] = []

    def write(period: str) -> None:
        out = tmp_path / f"{period}.docx"
        written.extend(write_bulletin(dataset, settings, period, "docx", out, today=day)[:1])

    threads = [threading.Thread(target=write, args=(period,)) for period in ("2026-10", "2026-09")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    references = sorted(
        next(t for t in _texts(docx.Document(str(path))) if DOC_NUMBER.fullmatch(t)) for path in written
    )
    assert [r.split("〕")[1] for r in references] == ["1号", "2号"]
    assert next_number("gongwen", "驻××办", 2026) == 3


def test_a_series_held_too_long_is_said_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dataset, settings
) -> None:
    import console.outputs.gongwen_series as gongwen_series
    from console.outputs.bulletin import BulletinError

    monkeypatch.setattr(gongwen_series, "SERIES_WAIT", 0.2)
    held = gongwen_series.numbering()  # another bulletin holds the series
    with held, pytest.raises(BulletinError, match="另一份通报正在取号"):
        write_bulletin(dataset, settings, "2026-10", "docx", tmp_path / "late.docx")
    assert not (tmp_path / "late.docx").exists()
