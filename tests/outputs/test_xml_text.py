"""Text XML cannot hold (noncharacters, lone surrogates) stops at the text boundary (issue 20, 18).

Any text in a data file must still give a Word bulletin that writes, an SVG export that parses as XML
and XLSX files that open.
"""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
import xml.dom.minidom
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from console.cli import main
from console.core.paths import embedded_data_dir
from console.core.text import clean

NONCHARACTERS = [chr(c) for c in range(0xFDD0, 0xFDF0)] + [
    chr(plane << 16 | last) for plane in range(17) for last in (0xFFFE, 0xFFFF)
]
SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff"]


def _xml_char(c: str) -> bool:
    """XML 1.0's Char production (what lxml and expat accept)."""
    code = ord(c)
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def _text(characters: st.SearchStrategy[str], extra: list[str], size: int) -> st.SearchStrategy[str]:
    """Text with ``extra`` characters mixed in (st.text drops them from a mixed alphabet)."""
    return st.lists(st.one_of(characters, st.sampled_from(extra)), max_size=size).map("".join)


@given(_text(st.characters(), NONCHARACTERS + SURROGATES, 40))
def test_cleaned_text_is_xml_text_without_noncharacters(value: str) -> None:
    for shown in (clean(value), clean(value, keep_newlines=True)):
        assert all(_xml_char(c) for c in shown)
        assert not any(c in NONCHARACTERS or c in SURROGATES for c in shown)
    assert all(_xml_char(c) for c in clean(value, escape=True))


def _with_text(folder: Path, text: str) -> None:
    """The embedded dataset with ``text`` in the first zone's short name and county."""
    shutil.copytree(embedded_data_dir(), folder, ignore=shutil.ignore_patterns("source", "README.md"))
    path = folder / "zones.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    head = rows[0]
    rows[1][head.index("short_name")] = "甲" + text
    rows[1][head.index("county")] = "乙" + text
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def _run(*args: str) -> int:
    try:
        return main(list(args))
    except SystemExit as exc:
        return int(exc.code or 0)


TEXT = _text(st.characters(codec="utf-8", exclude_characters="\x00"), NONCHARACTERS, 12)


@pytest.mark.slow
@settings(max_examples=8, suppress_health_check=[HealthCheck.function_scoped_fixture])
@example("\ufffe\uffff")
@example("\ufdd0区\U0010fffe\U0001ffff")
@given(TEXT)
def test_any_text_in_a_data_file_gives_documents_that_open(capsys, text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        data = root / "data"
        _with_text(data, text)
        out = root / "out"
        out.mkdir()
        common = ["--data", str(data)]
        for fmt in ("docx", "xlsx"):
            code = _run("bulletin", *common, "--period", "2026-10", "--format", fmt, "--out", f"{out}/")
            assert code == 0, capsys.readouterr().err
        code = _run("export", *common, "--view", "zones", "--format", "svg", "--out", str(out / "z.svg"))
        assert code == 0, capsys.readouterr().err
        code = _run("export", *common, "--view", "all", "--format", "xlsx", "--out", str(out / "a.xlsx"))
        assert code == 0, capsys.readouterr().err
        capsys.readouterr()
        xml.dom.minidom.parse(str(out / "z.svg"))  # raises on a character XML cannot hold
        for book in out.glob("*.xlsx"):
            openpyxl.load_workbook(book).close()
        import docx

        (document,) = out.glob("*.docx")
        docx.Document(str(document))


def test_a_file_name_that_is_not_utf8_gives_documents_and_manifests_that_open(capsys, tmp_path: Path) -> None:
    """A name with a byte that is not UTF-8 reaches Python as a lone surrogate (surrogateescape); the
    manifest (TOML) and the documents that quote the command are text, so it is written escaped."""
    import os
    import tomllib

    name = os.fsdecode(b"z\xff")
    assert "\udcff" in name
    for fmt in ("md", "svg", "xlsx", "csv"):
        out = tmp_path / f"{name}.{fmt}"
        code = _run("export", "--view", "zones", "--format", fmt, "--out", str(out))
        assert code == 0, capsys.readouterr().err
    for fmt in ("docx", "xlsx", "md"):
        out = tmp_path / f"b{name}.{fmt}"
        code = _run("bulletin", "--period", "2026-10", "--format", fmt, "--out", str(out))
        assert code == 0, capsys.readouterr().err
    assert "\udcff" not in capsys.readouterr().out  # the paths printed are escaped too
    manifests = list(tmp_path.glob("*.manifest.toml"))
    assert len(manifests) == 7
    for manifest in manifests:
        tomllib.loads(manifest.read_text(encoding="utf-8"))
    xml.dom.minidom.parse(str(tmp_path / f"{name}.svg"))


def test_a_reports_text_passes_the_boundary_before_it_is_saved(data_copy: Path, tmp_path: Path) -> None:
    """A CSV report's notes (or any cell) holding a noncharacter or an escape is cleaned where the
    report is read, so the dataset never holds what XML (a dataset kept as .xlsx) cannot."""
    from datetime import date

    import polars as pl

    from console.data.loader import load_dataset
    from console.reports.store import ingest

    ds = load_dataset(data_copy)
    old = ds["cluster_revenue"].filter(pl.col("zone") == "遂平县开发区").sort("period").row(-1, named=True)
    report = tmp_path / "r.csv"
    notes = "修正\ufffe\x1b[31m\U0010ffff说明"
    report.write_text(
        "zone,period,item,value,submitted,notes\n"
        f"遂平\ufdd0,{old['period']},{old['industry']}\uffff,{old['revenue_ytd'] + 1},2026-10-09,{notes}\n",
        encoding="utf-8",
    )
    changes, entry = ingest(data_copy, [report], confirm=lambda c: True, today=date(2026, 11, 26))
    assert entry is not None and changes
    saved = (data_copy / "reports.csv").read_text(encoding="utf-8-sig")
    assert "修正[31m说明" in saved
    assert not any(c in saved for c in [*NONCHARACTERS, "\x1b"])


def test_search_words_from_the_command_line_pass_the_boundary(capsys, tmp_path: Path) -> None:
    """--search is drawn in the SVG's search box and written in the export's heading."""
    search = "\ufffe\x1b[31m遂平\uffff"
    svg, md = tmp_path / "s.svg", tmp_path / "s.md"
    assert _run("export", "--view", "zones", "--format", "svg", "--search", search, "--out", str(svg)) == 0
    assert _run("export", "--view", "zones", "--format", "md", "--search", search, "--out", str(md)) == 0
    capsys.readouterr()
    xml.dom.minidom.parse(str(svg))
    text = md.read_text(encoding="utf-8")
    assert "[31m遂平" in text and not any(c in text for c in ["\ufffe", "\uffff", "\x1b"])
