"""A data file's problems in the user's language: every kind of DataError the loaders raise, shown in
Chinese, has no English words but file and column names and values from the data; shown in English,
no Chinese but values from the data. Each still names the file, row and column."""

from __future__ import annotations

import errno
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from console.data.errors import DataError, DataInvalid
from console.data.loader import load_dataset
from console.data.readers import unreadable
from console.data.schema import TABLES
from tests.support.language_walk import ZH_ALLOWED, chinese_runs, english_words

# Names a Chinese message may quote: tables, columns, choices, the manifest's keys and values.
_NAMES = {
    *(t.name for t in TABLES),
    *(c.name for t in TABLES for c in t.columns),
    *(choice for t in TABLES for c in t.columns for choice in c.choices),
    *("manifest", "title", "title_en", "sample", "as_of", "true", "false", "notes"),
    *("Excel", "UTF", "GB", "Q3"),
}


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8-sig").splitlines()


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")


def _cell(name: str, row: int, column: str, value: str) -> Callable[[Path], None]:
    def change(d: Path) -> None:
        lines = _lines(d / name)
        header = lines[0].split(",")
        cells = lines[row - 1].split(",")
        cells[header.index(column)] = value
        lines[row - 1] = ",".join(cells)
        _write(d / name, lines)

    return change


def _header(name: str, old: str, new: str) -> Callable[[Path], None]:
    def change(d: Path) -> None:
        lines = _lines(d / name)
        _write(d / name, [lines[0].replace(old, new, 1), *lines[1:]])

    return change


def _raw(name: str, content: bytes) -> Callable[[Path], None]:
    return lambda d: (d / name).write_bytes(content)


def _manifest(text: str) -> Callable[[Path], None]:
    return lambda d: (d / "manifest.toml").write_text(text, encoding="utf-8")


def _duplicate_row(d: Path) -> None:
    lines = _lines(d / "zone_targets.csv")
    _write(d / "zone_targets.csv", [*lines, lines[1]])


def _many_bad_numbers(d: Path) -> None:
    lines = _lines(d / "cluster_targets.csv")
    _write(d / "cluster_targets.csv", [lines[0], *(re.sub(r",[^,]*$", ",abc", line) for line in lines[1:])])


def _truncated(d: Path) -> None:
    text = (d / "reports.csv").read_text(encoding="utf-8-sig").rstrip("\n")
    (d / "reports.csv").write_text(text.rsplit(",", 1)[0], encoding="utf-8-sig")


FAULTS: dict[str, Callable[[Path], None]] = {
    "missing file": lambda d: (d / "clusters.csv").unlink(),
    "two files for one table": lambda d: shutil.copyfile(d / "clusters.csv", d / "clusters.xlsx"),
    "manifest missing": lambda d: (d / "manifest.toml").unlink(),
    "manifest not TOML": _manifest('title = "x'),
    "manifest bad values": _manifest('title = ""\nas_of = "2026Q7"\nsample = "yes"\n'),
    "missing column": _header("zone_targets.csv", ",tier_target", ""),
    "unexpected column": _header("cluster_revenue.csv", "revenue_ytd", "revenue_ydt"),
    "column twice": _header("clusters.csv", "industry_en", "industry"),
    "bad number": _cell("cluster_targets.csv", 5, "revenue_target", "一百"),
    "negative number": _cell("cluster_revenue.csv", 3, "revenue_ytd", "-5"),
    "number out of range": _cell("assessments.csv", 2, "score", "150"),
    "huge number": _cell("cluster_targets.csv", 3, "revenue_target", "1e12"),
    "bad whole number": _cell("assessments.csv", 2, "province_rank", "1.5"),
    "bad year": _cell("zone_targets.csv", 2, "year", "二〇二五"),
    "bad star": _cell("zone_targets.csv", 9, "star_target", "6"),
    "unreadable star": _cell("zone_targets.csv", 9, "star_target", "很多"),
    "bad tier": _cell("zone_targets.csv", 3, "tier_target", "四档"),
    "unreadable tier": _cell("zone_targets.csv", 3, "tier_target", "高"),
    "bad quarter": _cell("cluster_revenue.csv", 2, "period", "2025Q5"),
    "unreadable quarter": _cell("cluster_revenue.csv", 2, "period", "去年"),
    "bad date": _cell("reports.csv", 3, "submitted", "昨天"),
    "missing value": _cell("clusters.csv", 2, "industry", ""),
    "bad choice": _cell("indicators.csv", 2, "comparison", "大于"),
    "unknown zone": _cell("zone_targets.csv", 2, "zone", "驻马店市高新技术产业开发"),
    "unknown cluster": _cell("cluster_targets.csv", 2, "industry", "化工厂"),
    "unknown indicator": _cell("indicator_values.csv", 2, "indicator", "I99"),
    "duplicate key": _duplicate_row,
    "more rows like": _many_bad_numbers,
    "empty file": _raw("sections.csv", b""),
    "header only": _raw("zones.csv", b"zone,short_name,county\n"),
    "too many values": lambda d: (d / "tasks.csv").write_text(
        (d / "tasks.csv").read_text(encoding="utf-8-sig") + "99,一,x,y,z,a,b,c,d,e,f,g\n", encoding="utf-8"
    ),
    "bad bytes": _raw("sections.csv", b"section,title\n\xff\xfe\xfa,x\n"),
    "truncated last row": _truncated,
    "bad parquet": lambda d: ((d / "sections.csv").unlink(), (d / "sections.parquet").write_bytes(b"PAR1xx")),
    "bad xlsx": lambda d: ((d / "sections.csv").unlink(), (d / "sections.xlsx").write_bytes(b"PK\x03\x04xx")),
}


def _data_parts(error: DataError) -> list[str]:
    """What a message quotes from the data: file, column and value, and what the message quotes."""
    parts = [error.file, error.column or "", error.value or ""]
    parts += re.findall(r"'([^']*)'", str(error.message))  # suggestions and names quoted in English
    return [p for p in parts if p]


def _without(text: str, parts: list[str]) -> str:
    for part in sorted(parts, key=len, reverse=True):
        text = text.replace(part, " ")
    return text


def _check(error: DataError) -> None:
    zh, en = error.text("zh"), error.text("en")
    parts = _data_parts(error)
    assert error.file in zh and error.file in en
    if error.row is not None:
        assert f"第 {error.row} 行" in zh and f"row {error.row}" in en
    if error.column is not None:
        assert f"“{error.column}”列" in zh and f"column '{error.column}'" in en
    names = [n for n in _NAMES if "_" in n]  # as_of: one name, not the words "as" and "of"
    assert not english_words(_without(zh, parts + names), ZH_ALLOWED | _NAMES), zh
    assert not chinese_runs(_without(en, parts)), en


@pytest.mark.parametrize("fault", list(FAULTS))
def test_each_data_problem_in_each_language(data_copy: Path, fault: str) -> None:
    FAULTS[fault](data_copy)
    with pytest.raises(DataInvalid) as caught:
        load_dataset(data_copy)
    assert caught.value.errors
    for error in caught.value.errors:
        _check(error)


def test_a_missing_data_directory_in_each_language(tmp_path: Path) -> None:
    with pytest.raises(DataInvalid) as caught:
        load_dataset(tmp_path / "nonexist")
    (error,) = caught.value.errors
    assert error.text("zh").endswith("数据目录不存在") and error.text("en").endswith("no such data directory")
    _check(error)


@pytest.mark.parametrize("code", [errno.EACCES, errno.ENOENT, errno.EISDIR, errno.EIO, errno.EROFS])
def test_an_unreadable_file_in_each_language(code: int) -> None:
    import os

    error = unreadable("zones.csv", OSError(code, os.strerror(code)))
    assert os.strerror(code) in error.text("en")
    _check(error)


def test_a_report_of_undecodable_bytes_is_told_in_each_language(dataset, tmp_path: Path) -> None:
    """A quarterly report's CSV that decodes in no encoding: the reader's DataError, quoted by the
    report's problem, keeps both languages (it was English inside the Chinese sentence)."""
    from console.reports.read import read_report
    from console.reports.template import ReportRejected
    from console.reports.words import in_language

    path = tmp_path / "report.csv"
    path.write_bytes(b"zone,period,item,value\n\xff\xfe\xfa,x,y,1\n")
    with pytest.raises(ReportRejected) as caught:
        read_report(dataset, path)
    (problem,) = caught.value.problems
    zh, en = in_language(problem, "zh"), in_language(problem, "en")
    assert "UTF-8" in zh and "GB18030" in zh and "0xff" in zh
    assert not english_words(_without(zh, ["0xff fe fa 2c"]), ZH_ALLOWED | _NAMES), zh
    assert not chinese_runs(en), en


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_failure_screen_and_a_reload_speak_the_console_language(data_copy: Path, lang: str) -> None:
    """`devzones --data /tmp/nonexist` said "no such data directory" in Chinese mode; a reload of bad data
    quoted its problems in English. Both now in the console's language, naming the file and place."""
    import contextlib

    from textual.worker import WorkerFailed

    from console.core.config import load_settings
    from console.tui.app import DevZonesApp

    async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
        with contextlib.suppress(WorkerFailed):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()

    wrong = english_words if lang == "zh" else chinese_runs
    missing = data_copy.parent / "nonexist"
    app = DevZonesApp(load_settings(data_dir=missing, lang=lang), use_cache=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        body = str(app.query_one("#overview-body").render())
        assert ("数据目录不存在" if lang == "zh" else "no such data directory") in body
        assert not wrong(_without(body, [str(missing), "devzones check"]))  # a path and a command
    app = DevZonesApp(load_settings(data_dir=data_copy, lang=lang), use_cache=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        FAULTS["bad number"](data_copy)
        app.reload_data()
        await settle(pilot)
        # The console's own watch (check_for_changes) may see the changed file too: one toast each.
        said = [n.message for n in app._notifications if n.severity == "error"]
        assert said
        for message in said:
            assert "cluster_targets.csv" in message and "一百" in message
            assert ("第 5 行" if lang == "zh" else "row 5") in message
            assert not wrong(_without(message, ["cluster_targets.csv", "revenue_target", "一百"]))


def test_a_data_error_with_no_language_given_reads_chinese() -> None:
    """Chinese is the default of every catalogue, DataError.text's too (it defaulted to English)."""
    from console.data.problem_words import said

    error = DataError("zones.csv", 2, "zone", "x", said("required"))
    assert error.text() == error.text("zh") == "zones.csv，第 2 行，“zone”列：填写的是“x”，缺少值；此列必填"
    assert (
        str(error)
        == error.text("en")
        == "zones.csv, row 2, column 'zone': found 'x': missing value; this column is required"
    )
