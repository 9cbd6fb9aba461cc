"""Property tests: malformed report CSV and XLSX never raise a traceback, always name the place, and a
rejected report leaves the dataset byte for byte as it was (an accepted one applies and undoes cleanly)."""

from __future__ import annotations

import csv
import hashlib
import io
import re
import shutil
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from console.data.loader import load_dataset
from console.reports.store import ReportBatchRejected, ingest, undo
from console.reports.template import make_template

TODAY = date(2026, 11, 26)
# Where a problem is: a row, a cell, a column, a sheet, or the file as a whole.
PLACE = re.compile(
    r"^(row \d+|cell [A-Z]+\d+|column [A-Z]\b|sheet '|no rows|not a readable|no sheet|expected a \.xlsx|合并后)"
)
FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)

TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=8)
ZONES = st.one_of(st.sampled_from(["平舆", "平舆县开发区", "新蔡", "", "nowhere"]), TEXT)
PERIODS = st.one_of(
    st.sampled_from(["2026Q3", "2026Q2", "2024Q1", "2023Q4", "2027Q1", "2026Q5", "", "2026年第三季度"]), TEXT
)
ITEMS = st.one_of(st.sampled_from(["皮革皮具", "户外休闲", "I09", "I05", "I10", "食品", ""]), TEXT)
NUMBERS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(-(10**6), 10**13).map(str),
    st.sampled_from(["", "abc", "1,234.5", "1e308", "-0", "２５", "70.5", "3"]),
    TEXT,
)
DATES = st.one_of(
    st.dates(date(2020, 1, 1), date(2100, 12, 31)).map(str),
    st.sampled_from(["", "2026/10/3", "昨天", "2026-02-30", "2026-10-02"]),
)
GOOD_ROW = st.tuples(  # a plausible line, so that damage (and not only nonsense) is what gets tested
    st.just("平舆"),
    st.just("2026Q3"),
    st.sampled_from(["皮革皮具", "户外休闲", "I05", "I07", "I09", "I10", "I11"]),
    st.sampled_from(["70.5", "3", "0", "12"]),
    st.sampled_from(["", "2026-10-02"]),
    st.sampled_from(["", "已核", "含 , 逗号"]),
)
ROWS = st.one_of(
    st.lists(GOOD_ROW, min_size=1, max_size=4, unique_by=lambda row: row[2]),
    st.lists(st.one_of(GOOD_ROW, st.tuples(ZONES, PERIODS, ITEMS, NUMBERS, DATES, TEXT)), max_size=5),
)
DAMAGE = st.lists(
    st.tuples(
        st.integers(0, 10**6), st.sampled_from(['"', ",", "\n", "\r", "\x00", "\x1b", "\ufeff", "'", '""'])
    ),
    max_size=3,
)


def hashes(directory: Path) -> dict[str, str]:
    """sha256 of every file, hidden ones included (the lock file aside: filelock manages it)."""
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file() and p.name != ".devzones.lock"
    }


@pytest.fixture(scope="module")
def dataset_dir(data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(data_dir, out, ignore=shutil.ignore_patterns("source"))
    return out


@pytest.fixture(scope="module")
def template(dataset_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(load_dataset(dataset_dir), "平舆", "2026Q3", tmp_path_factory.mktemp("t") / "t.xlsx")


def assert_handled(directory: Path, path: Path) -> str:
    """Ingest ``path``; assert the properties; returns "rejected" or "applied"."""
    before = hashes(directory)
    try:
        ingest(directory, [path], confirm=lambda c: True, today=TODAY)
    except ReportBatchRejected as exc:
        for rejected in exc.rejected:
            assert rejected.source == path.name
            assert rejected.problems
            for problem in rejected.problems:
                assert PLACE.match(problem), problem
        assert hashes(directory) == before
        return "rejected"
    load_dataset(directory)  # what was applied is valid
    undo(directory)
    dataset = {k: v for k, v in hashes(directory).items() if not k.startswith(".")}
    assert dataset == {k: v for k, v in before.items() if not k.startswith(".")}
    return "applied"


@pytest.mark.slow
@FUZZ
@given(
    rows=ROWS, damage=DAMAGE, encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]), cr=st.booleans()
)
def test_malformed_csv_reports(dataset_dir: Path, tmp_path_factory, rows, damage, encoding, cr) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r" if cr else "\n")
    writer.writerow(["zone", "period", "item", "value", "submitted", "notes"])
    writer.writerows(rows)
    text = buffer.getvalue()
    for position, insert in damage:
        at = position % (len(text) + 1)
        text = text[:at] + insert + text[at:]
    path = tmp_path_factory.mktemp("r") / "report.csv"
    path.write_bytes(text.encode(encoding))
    event(assert_handled(dataset_dir, path))


CELLS = ["C4", "C5", "C6", "A9", "A10", "B9", "D9", "E9", "E10", "E11", "E12", "E13", "E14", "C15"]
VALUES = st.one_of(
    st.none(),
    st.floats(-1e12, 1e12, allow_nan=False),
    st.integers(-(10**6), 10**6),
    TEXT.filter(lambda t: not any(0 < ord(c) < 32 and c not in "\t\n\r" for c in t) and "\x00" not in t),
    st.sampled_from(["=A1", "=E9*2", "=1/0", "70", "平舆", "2026Q3", "cluster:皮革皮具", "indicator:I09"]),
    st.datetimes(datetime(2020, 1, 1), datetime(2100, 1, 1)),
    st.booleans(),
)


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore:Cell .* is marked as a date")  # openpyxl, on a generated far-off date
@settings(FUZZ, max_examples=30)
@given(cells=st.dictionaries(st.sampled_from(CELLS), VALUES, max_size=5), base=st.integers(60, 90))
def test_malformed_xlsx_reports(dataset_dir: Path, template: Path, tmp_path_factory, cells, base) -> None:
    book = openpyxl.load_workbook(template)
    sheet = book.active
    sheet["E9"] = base  # a figure, so that only the generated cells can make the report wrong
    for address, value in cells.items():
        sheet[address] = value
    path = tmp_path_factory.mktemp("x") / "filled.xlsx"
    book.save(path)
    event(assert_handled(dataset_dir, path))


@settings(FUZZ, max_examples=20)
@given(cut=st.integers(0, 10**6), junk=st.binary(max_size=64))
def test_damaged_xlsx_files(dataset_dir: Path, template: Path, tmp_path_factory, cut, junk) -> None:
    raw = template.read_bytes()
    path = tmp_path_factory.mktemp("d") / "damaged.xlsx"
    path.write_bytes(raw[: cut % (len(raw) + 1)] + junk)
    event(assert_handled(dataset_dir, path))
