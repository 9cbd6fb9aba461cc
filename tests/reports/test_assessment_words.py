"""An assessment workbook's problems in the user's language: the template is made, then damaged in
every way the reader (and the merge after it) checks, and ``devzones ingest`` run in Chinese and in
English. Each problem names the sheet and cell; Chinese output has no English words but the data's own
values and file names, English output no Chinese but the data's own values."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from console.cli import main
from console.data.loader import load_dataset
from console.reports import assessment, store
from console.reports.assessment import FIRST_ROW, YEAR_ROW, make_assessment_template
from console.reports.new_dataset import init_dataset
from tests.support.language_walk import ZH_ALLOWED, chinese_runs, english_words

TODAY = date(2026, 11, 26)
ZONES = 11  # zones of the embedded plan


class _Today(date):
    """``date`` whose today() is TODAY, so 2026's results stay unpublished whenever the suite runs."""

    @classmethod
    def today(cls) -> _Today:
        return cls(TODAY.year, TODAY.month, TODAY.day)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "date", _Today)
    monkeypatch.setattr(assessment, "date", _Today)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("assessment-words") / "live"
    init_dataset(out, today=TODAY)
    return out


def _result(i: int) -> tuple[Any, ...]:
    """Eleven zones: the first two in tier 2 (of 58), the rest in tier 3 (of 90), distinct ranks."""
    return (i % 3, 2 if i < 2 else 3, 60.0 + i, i + 1, 58 if i < 2 else 90)


def _set(row: int, column: str, value: Any) -> Callable[[Worksheet], None]:
    def change(sheet: Worksheet) -> None:
        sheet[f"{column}{FIRST_ROW + row}"] = value

    return change


def _year(value: Any) -> Callable[[Worksheet], None]:
    def change(sheet: Worksheet) -> None:
        sheet[f"C{YEAR_ROW}"] = value

    return change


def _zone_twice(sheet: Worksheet) -> None:
    sheet[f"A{FIRST_ROW + ZONES}"] = sheet[f"A{FIRST_ROW}"].value  # a copied row
    for col, value in zip("CDEFG", (1, 3, 50.0, 40, 90), strict=True):
        sheet[f"{col}{FIRST_ROW + ZONES}"] = value


def _long(sheet: Worksheet) -> None:
    sheet[f"B{FIRST_ROW + ZONES + 500}"] = "备注"


def _empty(sheet: Worksheet) -> None:
    for row in range(ZONES):
        for col in "CDEFG":
            sheet[f"{col}{FIRST_ROW + row}"] = None


# fault -> (damage, the value quoted from the workbook, the cells the problem names); None: no sheet.
FAULTS: dict[str, tuple[Callable[[Worksheet], None] | None, str, tuple[str, ...] | None]] = {
    "not a workbook": (None, "", None),
    "year cell not a year": (_year("明年"), "明年", (f"C{YEAR_ROW}",)),
    "year outside the plan": (_year(2023), "2023", (f"C{YEAR_ROW}",)),
    "year not yet published": (_year(2026), "2026", (f"C{YEAR_ROW}",)),
    "too many rows": (_long, "", ()),
    "unknown zone": (_set(0, "A", "某某开发区"), "某某开发区", (f"A{FIRST_ROW}",)),
    "a zone twice": (_zone_twice, "", (f"A{FIRST_ROW + ZONES}",)),
    "bad star": (_set(3, "C", "五星"), "五星", (f"C{FIRST_ROW + 3}",)),
    "bad tier": (_set(3, "D", 4), "4", (f"D{FIRST_ROW + 3}",)),
    "bad score": (_set(3, "E", 101), "101", (f"E{FIRST_ROW + 3}",)),
    "bad tier size": (_set(3, "G", 0), "0", (f"G{FIRST_ROW + 3}",)),
    # It overflowed the table's integer column: a traceback, not a problem (found by the fuzz test).
    "tier size far too large": (_set(3, "G", 3.4e38), "3.4e+38", (f"G{FIRST_ROW + 3}",)),
    "rank beyond the tier": (_set(3, "F", 91), "91", (f"F{FIRST_ROW + 3}",)),
    "rank zero": (_set(3, "F", 0), "0", (f"F{FIRST_ROW + 3}",)),
    "rank given twice": (_set(3, "F", 3), "", (f"F{FIRST_ROW + 2}", f"F{FIRST_ROW + 3}")),
    "tier sizes differ": (_set(3, "G", 91), "", (f"G{FIRST_ROW + 3}",)),
    "nothing filled in": (_empty, "", ()),
}
SHEETS = {"zh": "考核结果", "en": "Assessment"}


def _workbook(directory: Path, out: Path, lang: str, damage: Callable[[Worksheet], None] | None) -> Path:
    blank = make_assessment_template(
        load_dataset(directory), 2025, out.with_suffix(".blank.xlsx"), lang, today=TODAY
    )
    book = openpyxl.load_workbook(blank)
    sheet = book.active
    assert sheet is not None
    for i in range(ZONES):
        for col, value in zip("CDEFG", _result(i), strict=True):
            sheet[f"{col}{FIRST_ROW + i}"] = value
    if damage is not None:
        damage(sheet)
    book.save(out)
    return out


def _without(text: str, parts: list[str]) -> str:
    for part in sorted((p for p in parts if p), key=len, reverse=True):
        text = text.replace(part, " ")
    return text


def _problems(err: str) -> list[str]:
    """The problem lines of a rejected ingest (indented under the file's name)."""
    return [line.strip() for line in err.splitlines() if line.startswith("  ")]


def _wrong_words(text: str, lang: str) -> set[str]:
    return english_words(text, ZH_ALLOWED) if lang == "zh" else chinese_runs(text)


def _place(lang: str, cells: tuple[str, ...]) -> re.Pattern[str]:
    sheet = SHEETS[lang]
    if not cells:
        return re.compile(f"^工作表“{sheet}”：" if lang == "zh" else f"^sheet '{sheet}': ")
    listed = ", ".join(cells) if lang == "en" else "、".join(cells)
    if lang == "zh":
        return re.compile(f"^工作表“{sheet}”单元格 {re.escape(listed)}：")
    return re.compile(f"^sheet '{sheet}', cells? {re.escape(listed)}: ")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("fault", list(FAULTS))
def test_each_assessment_problem_in_each_language(
    pristine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fault: str, lang: str
) -> None:
    import shutil

    live = tmp_path / "live"
    shutil.copytree(pristine, live)
    damage, value, cells = FAULTS[fault]
    path = _workbook(live, tmp_path / "results.xlsx", lang, damage)
    if fault == "not a workbook":
        path.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    capsys.readouterr()
    code = main(["--lang", lang, "ingest", "--data", str(live), str(path), "--yes"])
    err = capsys.readouterr().err
    assert code == 3, err
    problems = _problems(err)
    assert problems, err
    assert path.name in err
    for problem in problems:
        if cells is None:
            assert (
                "不是可读取的 .xlsx 工作簿" if lang == "zh" else "not a readable .xlsx workbook"
            ) in problem
        else:
            assert _place(lang, cells).search(problem), problem
        if value:
            assert value in problem, problem
    assert not _wrong_words(_without(err, [path.name, SHEETS[lang], value]), lang), err


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_result_given_in_two_workbooks_in_each_language(
    pristine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    import shutil

    live = tmp_path / "live"
    shutil.copytree(pristine, live)
    first = _workbook(live, tmp_path / "first.xlsx", lang, None)
    second = _workbook(live, tmp_path / "second.xlsx", lang, None)
    capsys.readouterr()
    code = main(["--lang", lang, "ingest", "--data", str(live), str(first), str(second), "--yes"])
    err = capsys.readouterr().err
    assert code == 3, err
    problems = _problems(err)
    assert len(problems) == ZONES and err.count("second.xlsx") == 1, err  # one heading, every zone under it
    for problem in problems:
        assert re.search(
            r"^工作表“考核结果”单元格 A\d+：" if lang == "zh" else r"^sheet 'Assessment', cell A\d+: ",
            problem,
        )
        assert "first.xlsx" in problem, problem
    assert not _wrong_words(_without(err, ["first.xlsx", "second.xlsx", SHEETS[lang]]), lang), err


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("year", "expected"), [("2023", ("2024", "2026")), ("2026", ("2027",))])
def test_the_template_refuses_a_year_in_each_language(
    pristine: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    lang: str,
    year: str,
    expected: tuple[str, ...],
) -> None:
    capsys.readouterr()
    code = main(
        ["--lang", lang, "template", "--data", str(pristine), "--assessment", year, "--out", str(tmp_path)]
    )
    err = capsys.readouterr().err
    assert code == 2 and "--assessment" in err and year in err
    assert all(e in err for e in expected), err
    assert not _wrong_words(_without(err, ["--assessment", "devzones", "error"]), lang), err
    assert not list(tmp_path.glob("*.xlsx"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_template_speaks_one_language(pristine: Path, tmp_path: Path, lang: str) -> None:
    """Every visible cell and each input cell's validation message is in the template's language (the
    hidden column A holds the keys the reader matches: the zones' full names, "year", "header")."""
    path = make_assessment_template(load_dataset(pristine), 2025, tmp_path / "t.xlsx", lang, today=TODAY)
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None and sheet.title == SHEETS[lang]
    texts = [
        str(cell.value)
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None and cell.column > 1
    ]
    for rule in sheet.data_validations.dataValidation:
        texts += [rule.error or "", rule.errorTitle or ""]
    assert any(rule.error for rule in sheet.data_validations.dataValidation)
    words = _wrong_words("\n".join(texts), lang) - {"devzones", "ingest"}
    assert not words, words


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_results_listed_before_ingest_in_each_language(
    pristine: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    """The changes a dry run lists (new and revised results) read in the chosen language; they said
    'star 1, tier 3, score 63, rank 4/90' in Chinese mode."""
    import shutil

    live = tmp_path / "live"
    shutil.copytree(pristine, live)
    first = _workbook(live, tmp_path / "first.xlsx", lang, None)
    assert main(["--lang", lang, "ingest", "--data", str(live), str(first), "--yes"]) == 0
    revised = _workbook(live, tmp_path / "revised.xlsx", lang, _set(3, "E", 70.5))
    capsys.readouterr()
    assert main(["--lang", lang, "ingest", "--data", str(live), str(revised), "--dry-run"]) == 0
    out = capsys.readouterr().out
    table = "全省考核结果" if lang == "zh" else "provincial assessment result"
    (line,) = [line for line in out.splitlines() if table in line]
    if lang == "zh":
        assert line.startswith("修改 全省考核结果 西平县开发区 2025") and "无星级、三档" in line
        assert "得分 63" in line and "得分 70.5" in line and "三档" in line and "第 4/90 位" in line
    else:
        assert (
            line.startswith("revised provincial assessment result Xiping County Development Zone 2025")
            and "star -, tier 3" in line
        )
        assert "score 63," in line and "score 70.5," in line and "tier 3" in line and "rank 4/90" in line
    zones = load_dataset(live)["zones"].get_column("zone").to_list()
    assert not _wrong_words(_without(out, zones), lang), out
