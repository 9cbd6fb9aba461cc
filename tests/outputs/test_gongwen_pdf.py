"""The 通报 as LibreOffice prints it (``bulletin --format pdf``; issue 22, points 2 and 3): the grid of
22 lines × 28 characters, the 三号 body, the red line 4 mm under the 发文字号, the faces per role, no
number, date or zone name broken across lines, and the 情况通报's 报头. Two conversions in all (the
公文 and the 情况通报), each made once for this module."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from console.cli import main
from tests.support.pdf_read import lines, needs_libreoffice, page_count, rules, smallest_size

pytestmark = [needs_libreoffice, pytest.mark.slow]

MM = 72 / 25.4
DOC_NUMBER = re.compile(r"驻××办〔\d{4}〕[1-9]\d*号")
RED = (1.0, 0.0, 0.0)
# What continues a number, a date or a count on the next line: a digit, or the unit after it.
CONTINUES = tuple("0123456789年月日项个家天号期%")


def _pdf(folder: Path, *args: str) -> Path:
    out = folder / "b.pdf"
    with pytest.MonkeyPatch.context() as env:  # module-scoped: the autouse isolation is not active yet
        for name in ("DEVZONES_CONFIG", "DEVZONES_SYSTEM_CONFIG", "DEVZONES_STATE"):
            env.setenv(name, str(folder / f"{name.lower()}.toml"))
        assert main(["bulletin", "--period", "2026-10", "--format", "pdf", "--out", str(out), *args]) == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert (folder / "b.pdf.manifest.toml").is_file()
    return out


@pytest.fixture(scope="module")
def gongwen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _pdf(tmp_path_factory.mktemp("gongwen"))


@pytest.fixture(scope="module")
def tongbao(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _pdf(tmp_path_factory.mktemp("tongbao"), "--style", "tongbao")


def _visible(line: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for c in line["chars"] if c["text"].strip()]


def _sizes(line: dict[str, Any]) -> set[float]:
    return {round(c["size"], 1) for c in _visible(line)}


def _body_pages(pdf: Path) -> list[list[dict[str, Any]]]:
    """Each page's lines of 三号 text (16 pt: the body, headings, 主送, 署名), header and footer left out."""
    return [[ln for ln in lines(pdf, n) if _sizes(ln) == {16.0}] for n in range(1, page_count(pdf) + 1)]


def test_the_body_is_16_pt_on_a_grid_of_22_lines_of_28_characters(gongwen: Path) -> None:
    pages = _body_pages(gongwen)
    signed = next(i for i, page in enumerate(pages) if any("××××办公室" in ln["text"] for ln in page))
    # The pages the body runs on from first line to last; the one before the 署名 may give its last
    # lines to the 署名's page (kept together, so the 署名 never stands alone).
    full = pages[1 : signed - 1]
    assert full and all(len(page) == 22 for page in full), [len(p) for p in pages]
    assert 18 <= len(pages[signed - 1]) <= 22 and len(pages[signed]) >= 3
    # Full lines of Chinese alone (no half-width digits; not a paragraph's indented first line): 28
    # characters fill the 156 mm line.
    cjk = [
        ln
        for page in full
        for ln in page
        if ln["x0"] < 29 * MM and ln["x1"] > 183 * MM and all(not c["text"].isascii() for c in _visible(ln))
    ]
    assert len(cjk) >= 3 and {len(_visible(ln)) for ln in cjk} == {28}
    assert smallest_size(gongwen) >= 10.5  # the ranking table's 五号, the smallest text printed


def test_the_mark_and_the_red_line_sit_where_the_standard_puts_them(gongwen: Path) -> None:
    first = lines(gongwen, 1)
    mark = next(ln for ln in first if "××××办公室文件" in ln["text"])
    assert {tuple(c["non_stroking_color"]) for c in _visible(mark)} == {RED}
    assert mark["top"] / MM == pytest.approx(37 + 35, abs=1)  # 35 mm below the type area's top
    number = next(ln for ln in first if DOC_NUMBER.fullmatch(ln["text"].replace(" ", "")))
    red = [r for r in rules(gongwen, 1) if tuple(r["stroking_color"] or ()) == RED]
    assert red, rules(gongwen, 1)
    line = min(red, key=lambda r: r["top"])
    assert (line["top"] - number["bottom"]) / MM == pytest.approx(4, abs=1)  # 4 mm under the 发文字号
    assert (line["x0"] / MM, line["x1"] / MM) == (pytest.approx(28, abs=0.5), pytest.approx(184, abs=0.5))


def test_each_role_prints_in_its_face(gongwen: Path) -> None:
    """Serif for the 小标宋 title and the 仿宋 body, sans for the 黑体 headings (一、), as fontconfig maps
    the GB names a server lacks; the real GB faces where installed."""

    def faces(line: dict[str, Any]) -> set[str]:
        return {c["fontname"].split("+")[-1] for c in _visible(line) if not c["text"].isascii()}

    every = [ln for n in range(1, page_count(gongwen) + 1) for ln in lines(gongwen, n)]
    title = [ln for ln in every if _sizes(ln) == {22.0}]
    headings = [ln for ln in every if re.match(r"[一二三四五六]、", ln["text"]) and _sizes(ln) == {16.0}]
    body = [ln for ln in every if ln["text"].startswith("截至")]
    assert title and headings and body
    serif = re.compile(r"Serif|FangSong|仿宋|Song|宋")
    for line in title + body:
        assert all(serif.search(f) for f in faces(line)), (line["text"], faces(line))
    for line in headings:
        assert all(re.search(r"Sans|Hei|黑", f) for f in faces(line)), (line["text"], faces(line))


def test_no_line_starts_inside_a_number_a_date_or_a_zone_name(gongwen: Path, dataset) -> None:
    names = [n for n in dataset["zones"].get_column("short_name").to_list() if len(n) > 1]
    for page in _body_pages(gongwen):
        texts = [ln["text"].replace(" ", "") for ln in page]
        for before, after in pairwise(texts):
            assert not (before[-1:].isdigit() and after.startswith(CONTINUES)), (before, after)
            for name in names:
                for cut in range(1, len(name)):
                    assert not (before.endswith(name[:cut]) and after.startswith(name[cut:])), name


def test_tongbao_prints_its_masthead_issue_and_red_line(tongbao: Path) -> None:
    first = lines(tongbao, 1)
    head = next(ln for ln in first if "开发区工作情况通报" in ln["text"])
    assert {tuple(c["non_stroking_color"]) for c in _visible(head)} == {RED}
    issue = next(ln for ln in first if re.fullmatch(r"\d{4}年第1期", ln["text"].replace(" ", "")))
    editor = next(ln for ln in first if ln["text"].startswith("驻马店市××××办公室"))
    assert re.search(r"\d{4}年[1-9]\d?月[1-9]\d?日$", editor["text"].replace(" ", ""))
    assert head["top"] < issue["top"] < editor["top"]
    red = [r for r in rules(tongbao, 1) if tuple(r["stroking_color"] or ()) == RED]
    assert red and min(r["top"] for r in red) > editor["bottom"]
    assert not any(DOC_NUMBER.search(ln["text"]) for ln in first)


def test_page_numbers_are_4hao_one_character_in_from_the_outer_edge(gongwen: Path) -> None:
    """ "— n —" in 四号 (14 pt) below the type area: odd pages 居右空一字, even pages 居左空一字 (7.5)."""
    for n in (1, 2):
        footer = [ln for ln in lines(gongwen, n) if ln["text"].replace(" ", "") == f"—{n}—"]
        assert footer and _sizes(footer[0]) == {14.0}, n
        assert footer[0]["top"] / MM > 37 + 225  # under the type area
        if n % 2:
            assert footer[0]["x1"] / MM == pytest.approx(184 - 14 / MM, abs=1)
        else:
            assert footer[0]["x0"] / MM == pytest.approx(28 + 14 / MM, abs=1)
