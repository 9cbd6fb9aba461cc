"""Chinese line breaking (禁则) for every drill-down text and wrapped table cell: one line breaker,
``console.present.fit.line_spans``, checked on random mixed text and on the plan's own words."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from console.present.fit import _CLOSING, _OPENING, _tokens, line_spans, wrap_words
from tests.support.app import make_app, ready
from tests.support.screen import screen_lines
from widgets.drilldown_screen import DetailScreen

ALPHABET = "发展食品加工产业遂平县年目标（），。、；：？！“”「」『』《》 abcQ2026%-/."


def joins_back(text: str, lines: list[str]) -> bool:
    """The lines, with only spaces (or the text's own line ends) between them, are the text."""
    pattern = r"\s*".join(re.escape(line) for line in lines)
    return re.fullmatch(r"\s*" + pattern + r"\s*", text) is not None


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=120), width=st.integers(2, 40))
# An opening mark at the end of the text carried the space after it onto its line: 3 cells in 2.
@example(text="0《 ", width=2)
def test_every_line_fits_and_keeps_the_rules(text: str, width: int) -> None:
    lines = wrap_words(text, width)
    assert all(cell_len(line) <= width for line in lines), lines
    assert joins_back(text, lines), lines
    widest = max((cell_len(t.strip()) for t in _tokens(text) if not t.isspace()), default=0)
    if widest > width:
        return  # a piece wider than a line is folded where it must be
    starts = {a for a, _ in line_spans(text, width)}
    for (a, b), line in zip(line_spans(text, width), lines, strict=True):
        if line and a not in (0,) and text[a - 1] != "\n" and text[:a].strip():
            assert line[0] not in _CLOSING, lines  # no line starts with a closing mark
        if line and b < len(text.rstrip()):
            assert line[-1] not in _OPENING, lines  # none ends with an opening one
    for number in re.findall(r"[A-Za-z0-9%]+", text):  # numbers and words: never split
        assert any(number in line for line in lines), (number, lines)
    assert starts


def test_the_walks_plan_text_breaks_where_it_may() -> None:
    measure = "现错位发展。食品加工产业，突出重点发展方向：遂平县重点发展休闲食品、速冻食品，西平县加快向预制菜领域转型"
    for width in range(6, 40):
        lines = wrap_words(measure, width)
        assert all(not line.startswith(("、", "，", "。", "：")) for line in lines[1:]), lines
    note = "（至2026Q3为92%），到2026年“双十”目标"
    for width in range(10, 30):
        lines = wrap_words(note, width)
        assert not any(line.endswith(("（", "“")) for line in lines), lines
        assert "2026Q3" in "".join(lines) and any("92%）" in line for line in lines), lines
        assert all("20" + "26" not in line.replace("2026", "") for line in lines)  # no 20 / 26


def broken_badly(lines: list[str]) -> list[str]:
    """Screen lines that start with a closing mark, end with an opening one, or split a number."""
    bad = []
    for above, line in pairwise(lines):
        head, tail = line.strip(), above.rstrip()
        if head[:1] in _CLOSING - {")", "]", "}", ".", ",", ":", ";", "?", "!", "%"}:
            bad.append(line)
        if tail[-1:] in _OPENING - {"(", "[", "{"} and head:
            bad.append(above)
        if tail[-1:].isdigit() and head[:1].isdigit() and not tail.endswith(" "):
            bad.append(above + " / " + line)
    return bad


@pytest.mark.parametrize(
    "keys",
    [
        ("4", "enter"),  # task 1's measure
        ("4", *["down"] * 7, "enter"),  # task 8's, with quotes and 2026年
        ("4", "tab", *["down"] * 9, "enter"),  # indicator I10's judged-on line
        ("2", "enter"),  # a zone's rules
    ],
    ids=["task1", "task8", "I10", "zone"],
)
@pytest.mark.parametrize("size", [(80, 60), (60, 80)])
async def test_drill_downs_break_chinese_lines_by_the_rules(data_dir: Path, keys, size) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        for key in keys:
            await pilot.press(key)
            await ready(pilot)
        assert isinstance(app.screen, DetailScreen)
        lines = screen_lines(app)
        assert not broken_badly(lines), "\n".join(lines)
