"""Property test: an assessment workbook with damaged cells never raises a traceback; a rejection names
the sheet and cell, in Chinese and in English (no word of the other language but the values quoted from
the workbook), and leaves the dataset byte for byte; what is accepted obeys every rule
and undoes cleanly."""

from __future__ import annotations

import hashlib
import re
import shutil
from datetime import date
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from console.data.loader import load_dataset
from console.reports.assessment import FIRST_ROW, make_assessment_template
from console.reports.new_dataset import init_dataset
from console.reports.store import ReportBatchRejected, ingest, undo
from console.reports.words import in_language
from tests.support.language_walk import ZH_ALLOWED, chinese_runs, english_words

TODAY = date(2026, 11, 26)
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)

VALUES = st.one_of(
    st.none(),
    st.integers(-3, 120),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["", "二星", "3", "abc", "1e9", " 2 ", "=1+1"]),
)
DAMAGE = st.lists(st.tuples(st.sampled_from("CDEFG"), st.integers(0, 11), VALUES), max_size=4)


def hashes(directory: Path) -> dict[str, str]:
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file() and p.name != ".devzones.lock"
    }


def _in_each_language(problem: str) -> None:
    """The problem names the sheet in each language, and has no word of the other language but the
    values it quotes from the workbook (quoted as each language quotes: “…” and '…')."""
    zh, en = in_language(problem, "zh"), in_language(problem, "en")
    assert zh.startswith("工作表“考核结果”") and en.startswith("sheet '考核结果'"), (zh, en)
    assert not english_words(re.sub(r"“[^”]*”", " ", zh), ZH_ALLOWED), zh
    assert not chinese_runs(re.sub(r"'[^']*'", " ", en)), en


@pytest.fixture(scope="module")
def blank(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("assessment-fuzz")
    init_dataset(root / "live", today=TODAY)
    return root / "live", make_assessment_template(
        load_dataset(root / "live"), 2025, root / "blank.xlsx", today=TODAY
    )


@pytest.mark.slow
@FUZZ
@given(damage=DAMAGE)
def test_damaged_assessment_workbooks(blank: tuple[Path, Path], tmp_path_factory, damage) -> None:
    pristine, template = blank
    directory = tmp_path_factory.mktemp("run") / "live"
    shutil.copytree(pristine, directory)
    book = openpyxl.load_workbook(template)
    sheet = book.active
    assert sheet is not None
    for i in range(11):
        for col, value in zip(
            "CDEFG", (i % 3, 2 if i < 2 else 3, 60.0 + i, i + 1, 58 if i < 2 else 90), strict=True
        ):
            sheet[f"{col}{FIRST_ROW + i}"] = value
    for col, i, value in damage:
        sheet[f"{col}{FIRST_ROW + i}"] = value
    path = directory.parent / "filled.xlsx"
    book.save(path)
    before = hashes(directory)
    try:
        ingest(directory, [path], confirm=lambda c: True, today=TODAY)
    except ReportBatchRejected as exc:
        event("rejected")
        for problem in (p for r in exc.rejected for p in r.problems):
            assert problem.startswith("sheet '"), problem
            _in_each_language(problem)
        assert hashes(directory) == before
        return
    event("applied")
    results = load_dataset(directory)["assessments"].filter(pl.col("year") == 2025)
    assert results.filter(pl.col("province_rank") > pl.col("tier_size")).is_empty()
    assert not results.select(pl.struct("tier", "province_rank").is_duplicated().any()).item()
    assert results.group_by("tier").agg(pl.col("tier_size").n_unique()).get_column("tier_size").max() == 1
    undo(directory)
    kept = {k: v for k, v in hashes(directory).items() if not k.startswith(".history")}
    assert kept == {k: v for k, v in before.items() if not k.startswith(".history")}
