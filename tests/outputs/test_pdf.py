"""PDF through LibreOffice (console/outputs/pdf.py): the GB faces a server lacks fall back to a serif for
仿宋/小标宋 and a sans for 黑体, a failed or hung conversion says so and leaves nothing, and a machine
without LibreOffice is told which package to install."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from console.outputs import pdf
from tests.support.pdf_read import fonts, lines, needs_libreoffice, pdf_of


def _fake_soffice(tmp_path: Path, body: str) -> str:
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\n" + body + "\n")
    script.chmod(0o755)
    return str(script)


def _faced(paragraph, face: str, size: float) -> None:
    for run in paragraph.runs:
        run.font.size = Pt(size)
        run.font.name = "Times New Roman"
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), face)


def test_without_libreoffice_the_message_names_the_package(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    monkeypatch.setattr(pdf, "_MAC_APP", tmp_path / "absent")
    assert not pdf.pdf_available()
    with pytest.raises(pdf.PdfUnavailable) as caught:
        pdf.to_pdf(tmp_path / "x.docx")
    assert "libreoffice-writer-nogui" in caught.value.text("zh")
    assert "LibreOffice" in caught.value.text("en") and "apt-get" in caught.value.text("en")


def test_a_conversion_that_leaves_no_pdf_fails_with_its_reason(monkeypatch, tmp_path):
    # soffice exits 0 even when it converted nothing: the file decides, and its reason is passed on.
    fake = _fake_soffice(tmp_path, 'echo "Error: source file could not be loaded" >&2; exit 0')
    monkeypatch.setattr(pdf, "soffice_path", lambda: fake)
    src = tmp_path / "in.docx"
    src.write_bytes(b"not a document")
    with pytest.raises(pdf.PdfFailed) as caught:
        pdf.to_pdf(src)
    assert "could not be loaded" in caught.value.text("en")
    assert "未写出任何文件" in caught.value.text("zh")


def test_a_hung_conversion_is_killed_with_its_children(monkeypatch, tmp_path):
    # The soffice script starts soffice.bin: both must go, or a hung office keeps the CPU.
    pid_file = tmp_path / "child.pid"
    fake = _fake_soffice(tmp_path, f"sleep 60 & echo $! > {pid_file}; wait")
    monkeypatch.setattr(pdf, "soffice_path", lambda: fake)
    src = tmp_path / "in.docx"
    src.write_bytes(b"x")
    started = time.monotonic()
    with pytest.raises(pdf.PdfFailed) as caught:
        pdf.to_pdf(src, timeout=1.5)
    assert time.monotonic() - started < 30
    assert "1.5" in caught.value.text("en")
    child = int(pid_file.read_text())
    for _ in range(50):
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail("the conversion's child process is still running")


@needs_libreoffice
def test_gb_faces_fall_back_to_serif_for_fangsong_and_sans_for_heiti(tmp_path):
    doc = Document()
    _faced(doc.add_paragraph("一、黑体标题文字"), "黑体", 16)
    _faced(doc.add_paragraph("仿宋正文文字，驻马店市开发区"), "仿宋_GB2312", 16)
    _faced(doc.add_paragraph("小标宋标题"), "方正小标宋简体", 22)
    src = tmp_path / "faces.docx"
    doc.save(src)
    made = pdf_of(src)
    assert made.read_bytes().startswith(b"%PDF-")
    by_text = {}
    for line in lines(made, 1):
        cjk = {c["fontname"].split("+")[-1] for c in line["chars"] if ord(c["text"]) > 0x2E80}
        by_text[line["text"]] = cjk
    heading = next(f for t, f in by_text.items() if "黑体" in t)
    body = next(f for t, f in by_text.items() if "仿宋" in t)
    title = next(f for t, f in by_text.items() if "小标宋" in t)
    serif = ("Serif", "Song", "FangSong", "Kai", "Ming")
    assert all("Sans" in f or "Hei" in f for f in heading), heading
    assert all(any(s in f for s in serif) for f in body), body
    assert all(any(s in f for s in serif) for f in title), title
    assert any("Bold" in f for f in title), title
    assert fonts(made)
