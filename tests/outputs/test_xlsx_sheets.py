"""Sheet names and the language of an XLSX export (issue 11): the changes-mode workbook in English had a
sheet name cut by Excel's 31-character limit and Chinese zone and industry names in its columns."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import openpyxl
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from console.cli import main
from console.outputs.export_xlsx import SHEET_NAME_MAX, sheet_name
from tests.support.language_walk import chinese_runs

_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def _workbook(tmp_path: Path, lang: str) -> openpyxl.Workbook:
    out = tmp_path / lang
    args = ["--lang", lang, "export", "--view", "all", "--format", "xlsx", "--since", "2026Q2"]
    assert main([*args, "--out", f"{out}/"]) == 0
    (path,) = out.glob("*.xlsx")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl does not read Excel's sparkline extension
        return openpyxl.load_workbook(path)


def _valid(names: list[str]) -> None:
    assert len({n.lower() for n in names}) == len(names), names
    for name in names:
        assert 0 < len(name) <= SHEET_NAME_MAX and not _FORBIDDEN.search(name), name
        assert not name.startswith("'") and not name.endswith("'") and name.lower() != "history", name


def test_the_changes_workbook_in_english_names_its_sheets_whole(tmp_path: Path, capsys) -> None:
    book = _workbook(tmp_path, "en")
    capsys.readouterr()
    names = book.sheetnames
    _valid(names)
    assert "Changes from 2026Q2 to 2026Q3" in names  # says what it holds, not cut at 31 characters
    sheet = book["Changes from 2026Q2 to 2026Q3"]
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    for column in ("Zone", "Industry", "Name", "Change", "Description"):
        at = header.index(column)
        shown = [r[at] for r in rows[1:] if isinstance(r[at], str)]
        assert shown, column
        assert not {run for text in shown for run in chinese_runs(text)}, (column, shown[:5])
    # The zone's key is kept, as in the zones sheet, under its own heading.
    assert "Zone (full Chinese name)" in header


def test_the_changes_workbook_in_chinese(tmp_path: Path, capsys) -> None:
    book = _workbook(tmp_path, "zh")
    capsys.readouterr()
    _valid(book.sheetnames)
    assert "2026Q2以来的变化（至2026Q3）" in book.sheetnames


@hsettings(max_examples=200, deadline=None)
@given(titles=st.lists(st.text(min_size=0, max_size=60), min_size=1, max_size=8))
def test_any_titles_make_valid_distinct_sheet_names(titles: list[str]) -> None:
    used: set[str] = set()
    names = [sheet_name(title, used) for title in titles]
    _valid(names)  # each within Excel's rules, no two alike ignoring case
    assert {n.lower() for n in names} == used  # each recorded, so no later title can take it


def test_a_long_title_keeps_its_words() -> None:
    used: set[str] = set()
    assert sheet_name("Changes since 2026Q2 (to 2026Q3)", used) == "Changes since 2026Q2"
    long = sheet_name("Leading-industry investment growth above city industrial investment", used)
    assert long.endswith("…") and len(long) <= SHEET_NAME_MAX and " " not in long[-2:]
