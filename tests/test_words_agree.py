"""Words that must mean one thing (issue 20, item 7): the help legend's marks are the ones the tables
draw, a drill-down table says which year it shows, and every rankings mark says what earned it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.test_app import make_app, ready, rows
from tests.test_narrow import screen_lines
from widgets.dialogs import HelpScreen

TABLES = ("zones", "clusters", "tasks", "indicators", "rankings")


def legend_marks(lines: list[str]) -> dict[str, str]:
    """{status word: its mark} as the help legend on screen gives them."""
    marks: dict[str, str] = {}
    for line in lines:
        body = line.strip(" │|")
        for group in re.split(r"\s{3,}", body):
            mark, _, words = group.partition(" ")
            if len(mark) != 1 or not words:
                continue
            for word in re.split(r"\s*(?:、|/|, )\s*", words):
                marks[word.strip()] = mark
    return marks


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("ascii_only", [False, True])
async def test_every_status_word_in_a_table_carries_the_legends_mark(
    data_dir: Path, lang: str, ascii_only: bool
) -> None:
    """The legend gave ✗ to 未报送 while the tasks and zones tables drew 未报送 with no mark."""
    app = make_app(data_dir, lang=lang, ascii=ascii_only)
    async with app.run_test(size=(200, 60)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        lines = [line for line in screen_lines(app) if ("符合进度" if lang == "zh" else "on track") in line]
        marks = legend_marks(lines)
        unreported = "未报送" if lang == "zh" else "not reported"
        assert unreported in marks
        await pilot.press("escape")
        seen = 0
        for table in TABLES:
            for row in rows(app, table):
                for cell in row:
                    cell = cell.strip()
                    for word, mark in marks.items():
                        status = re.fullmatch(rf"(?:(\S) )?{re.escape(word)}", cell.strip())
                        if status and len(word) > 1:  # a status cell: a mark (or none) and its word
                            assert status.group(1) == mark, (table, cell, mark)
                            seen += 1
        assert seen  # the tables do show status words


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("ascii_only", [False, True])
def test_the_legend_is_made_from_the_marks_the_tables_draw(lang: str, ascii_only: bool) -> None:
    """Each status word the legend lists under a mark is drawn with that mark (Formatter.status), and
    every status drawn with a mark is in the legend."""
    from console.present.formatter import Formatter
    from console.present.labels import STATUS_WORDS

    f = Formatter(lang, ascii_only)
    marks = legend_marks(["   ".join(f.status_legend())])
    for status in STATUS_WORDS:
        drawn = f.status(status)
        if f.word(status) in marks:
            assert drawn == f"{marks[f.word(status)]} {f.word(status)}", status
        else:
            assert drawn == f.word(status), status  # a word the legend gives no mark has none
