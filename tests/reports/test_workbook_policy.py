"""One reading policy for every workbook devzones reads (data tables, quarterly reports, assessment
results): a formula with no saved result is rejected naming its cell, a cell far outside the table is
rejected naming it (never a crash, never gigabytes), and a rejected file leaves the dataset as it was."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import polars as pl
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import MergedCell

from console.cli import EXIT_INVALID
from console.data.readers import DATA_BOUNDS
from console.reports.new_dataset import init_dataset
from console.reports.template import WORKBOOK_BOUNDS
from tests.support.workbooks import TODAY, fill_assessment, fill_report, standard_results

KINDS = ("data", "report", "assessment")
MEMORY_BOUND = 1536 * 1024 * 1024  # bytes of peak RSS for a process that reads one hostile workbook

# Runs one reader the way a user does (check for a data table, ingest for a report or results) in a
# process of its own: a crash (SIGABRT) or a runaway allocation cannot take the test run with it.
READ = """
import json, resource, sys
net = int(sys.argv.pop(1))  # address space: a runaway reader fails here, not the machine
resource.setrlimit(resource.RLIMIT_AS, (net, net))
from console.cli import main
code = main(["--lang", "en", "--data", sys.argv[1], *sys.argv[2:]])
sys.stderr.flush()
# VmHWM is this process's own peak: ru_maxrss keeps the peak from before exec, i.e. the forked copy of
# a test run that has grown (2 GB seen in the whole suite), which is not the reader's memory.
hwm = next(line for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"code": code, "peak": int(hwm.split()[1]) * 1024}))
"""
SAFETY_NET = 6 * 1024**3


def folder_hash(folder: Path) -> str:
    """Every file and folder under ``folder`` (hidden ones too) with its bytes; the lock file aside."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.name == ".devzones.lock":
            continue
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def run_reader(data: Path, *argv: str, timeout: float = 120) -> tuple[int, str, int]:
    """(exit code, stderr, peak RSS in bytes) of a reader run in its own process; a process killed
    by a signal (SIGABRT) gives its negative signal number and a peak of 0."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", READ, str(SAFETY_NET), str(data), *argv],
            capture_output=True,
            timeout=timeout,
            env={**os.environ, "COLUMNS": "1000"},  # one message, one line
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{argv}: still reading after {timeout} s")
    err = done.stderr.decode("utf-8", "replace")
    if done.returncode < 0 or not done.stdout.strip():
        return done.returncode or -1, err, 0
    report = json.loads(done.stdout.decode().strip().splitlines()[-1])
    return int(report["code"]), err, int(report["peak"])


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new dataset (devzones init): quarterly reports and 2025's results can be ingested into it."""
    out = tmp_path_factory.mktemp("policy") / "live"
    init_dataset(out, today=TODAY)
    return out


def base_workbook(kind: str, live: Path, folder: Path) -> Path:
    """A workbook each reader accepts: the clusters table as .xlsx, a filled report, filled results."""
    if kind == "data":
        out = folder / "clusters.xlsx"
        pl.read_csv(live / "clusters.csv").write_excel(out)
        return out
    if kind == "report":
        return fill_report(live, folder / "report.xlsx", "平舆", "2026Q3", 70.5)
    return fill_assessment(live, folder / "results.xlsx", 2025, standard_results())


def reading(kind: str, live: Path, workbook: Path, folder: Path) -> tuple[Path, list[str]]:
    """The dataset a reader reads ``workbook`` in, and the command that reads it."""
    data = folder / "data"
    shutil.copytree(live, data)
    if kind == "data":
        (data / "clusters.csv").unlink()
        shutil.copy(workbook, data / "clusters.xlsx")
        return data, ["check"]
    return data, ["ingest", str(workbook), "--yes"]


def rewrite(path: Path, replacements: dict[bytes, bytes]) -> None:
    """Replace bytes inside every part of an .xlsx package (what openpyxl itself would refuse to write)."""
    with zipfile.ZipFile(path) as book:
        parts = [(info, book.read(info)) for info in book.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for info, data in parts:
            for old, new in replacements.items():
                data = data.replace(old, new)
            book.writestr(info, data)


def sheet_of(kind: str, book: openpyxl.Workbook) -> openpyxl.worksheet.worksheet.Worksheet:
    sheet = book.worksheets[0]
    assert sheet is not None
    return sheet


# -- 14: a formula with no saved result ------------------------------------------------------------------------

FORMULA_CELL = {"data": "B3", "report": None, "assessment": "C7"}  # the report: its first figure cell


def figure_cell(kind: str, sheet: openpyxl.worksheet.worksheet.Worksheet) -> str:
    if FORMULA_CELL[kind]:
        return str(FORMULA_CELL[kind])
    row = next(r for r in range(1, sheet.max_row + 1) if str(sheet[f"A{r}"].value).startswith("cluster:"))
    return f"E{row}"


@pytest.mark.parametrize("kind", KINDS)
def test_a_formula_saved_without_its_result_is_rejected_naming_file_sheet_and_cell(
    kind: str, live: Path, tmp_path: Path
) -> None:
    """``=1+1`` written by a program and never calculated: no reader takes it as an empty cell."""
    workbook = base_workbook(kind, live, tmp_path)
    book = openpyxl.load_workbook(workbook)
    sheet = sheet_of(kind, book)
    cell = figure_cell(kind, sheet)
    sheet[cell] = "=1+1"
    book.save(workbook)
    data, command = reading(kind, live, workbook, tmp_path)
    before = folder_hash(data)
    code, err, _ = run_reader(data, *command)
    assert code == EXIT_INVALID, err
    assert workbook.name in err and f"'{sheet.title}'" in err and cell in err and "=1+1" in err, err
    assert "formula" in err and "Traceback" not in err
    assert folder_hash(data) == before


# -- 15: one far-away cell -------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_one_far_away_cell_is_rejected_naming_it_not_a_crash(kind: str, live: Path, tmp_path: Path) -> None:
    """A stray value at XFD1048576: calamine used to abort (SIGABRT), openpyxl to run out of memory."""
    workbook = base_workbook(kind, live, tmp_path)
    book = openpyxl.load_workbook(workbook)
    sheet_of(kind, book)["XFD1048576"] = "stray"
    book.save(workbook)
    data, command = reading(kind, live, workbook, tmp_path)
    before = folder_hash(data)
    code, err, peak = run_reader(data, *command, timeout=90)
    assert code == EXIT_INVALID, (code, err[-2000:])
    assert workbook.name in err and "XFD1048576" in err and "far outside the table" in err, err
    assert peak < MEMORY_BOUND, f"peak RSS {peak / 2**20:.0f} MiB"
    assert folder_hash(data) == before


def test_a_formatted_empty_cell_far_away_is_no_content(live: Path, tmp_path: Path) -> None:
    """Formatting alone at XFD1048576 (a whole column or row styled) does not count as content: the
    report is read, and quickly (openpyxl's max_row would have had the reader walk a million rows)."""
    workbook = base_workbook("report", live, tmp_path)
    book = openpyxl.load_workbook(workbook)
    sheet_of("report", book)["XFD1048576"].style = "Good"
    book.save(workbook)
    data, command = reading("report", live, workbook, tmp_path)
    code, err, peak = run_reader(data, *command, timeout=90)
    assert code == 0, err
    assert peak < MEMORY_BOUND


# -- the property: every reader, every hostile workbook ----------------------------------------------------------

NONCHARACTERS = ["\ufffe", "\uffff", "\ufdd0", "\ufdef", "\U0001fffe", "\U0010ffff"]
PLACEHOLDER = "NONCHAR{}X"


@st.composite
def hostile(draw: st.DrawFn) -> dict[str, object]:
    """What is done to a workbook a reader would accept: far-away cells (with a value, or only a
    format), formulas (with and without a saved result) and noncharacters in cells."""
    far_row = draw(st.sampled_from([1, 2, 60, 5_000, 100_001, 1_048_576]))
    far_col = draw(st.sampled_from([1, 3, 27, 703, 16_384]))
    return {
        "kind": draw(st.sampled_from(KINDS)),
        "far": draw(st.none() | st.tuples(st.just(far_row), st.just(far_col), st.booleans())),
        "formulas": draw(
            st.lists(st.tuples(st.integers(1, 40), st.integers(1, 8), st.booleans()), max_size=2)
        ),
        "texts": draw(
            st.lists(
                st.tuples(st.integers(1, 40), st.integers(1, 8), st.sampled_from(range(len(NONCHARACTERS)))),
                max_size=2,
            )
        ),
    }


def expected_names(spec: dict[str, object], bounds_far: bool) -> set[str]:
    """The cells a rejection must name (any one of them): far content, formulas with no result."""
    from openpyxl.utils import get_column_letter

    names = {f"{get_column_letter(c)}{r}" for r, c, cached in spec["formulas"] if not cached}  # type: ignore[attr-defined]
    if spec["far"] and spec["far"][2] and bounds_far:  # type: ignore[index]
        row, col, _ = spec["far"]  # type: ignore[misc]
        names.add(f"{get_column_letter(col)}{row}")
    return names


@pytest.mark.slow
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(spec=hostile())
# Found by a full run: a far value within the data tables' bounds is read, and rejected as data.
@example(spec={"kind": "data", "far": (100_001, 1, True), "formulas": [], "texts": []})
def test_every_reader_reads_or_rejects_any_hostile_workbook_within_a_memory_bound(
    spec: dict[str, object], live: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("hostile")
    kind = str(spec["kind"])
    workbook = base_workbook(kind, live, folder)
    book = openpyxl.load_workbook(workbook)
    sheet = sheet_of(kind, book)
    width = sheet.max_column  # the rectangle a reader lays out runs from A1 to the far cell
    # A cell inside a merged range takes no value of its own (openpyxl refuses it): draw another place.
    places = [(r, c) for r, c, _ in (*spec["texts"], *spec["formulas"])]  # type: ignore[misc]
    if spec["far"]:
        places.append(spec["far"][:2])  # type: ignore[index]
    assume(not any(isinstance(sheet.cell(r, c), MergedCell) for r, c in places))
    replacements: dict[bytes, bytes] = {}
    for i, (row, col, which) in enumerate(spec["texts"]):  # type: ignore[attr-defined]
        placeholder = PLACEHOLDER.format(i)
        sheet.cell(row, col).value = f"a{placeholder}b"
        replacements[placeholder.encode()] = NONCHARACTERS[which].encode("utf-8")
    for row, col, cached in spec["formulas"]:  # type: ignore[attr-defined]
        formula = f"{row}*{col}+0" if cached else f"{row}+{col}+0"
        sheet.cell(row, col).value = "=" + formula
        if cached:  # openpyxl writes no result: give it the one Excel would have saved
            replacements[f"<f>{formula}</f><v></v>".encode()] = f"<f>{formula}</f><v>{row * col}</v>".encode()
    if spec["far"]:
        row, col, with_value = spec["far"]  # type: ignore[misc]
        if with_value:
            sheet.cell(row, col).value = "stray"
        else:
            sheet.cell(row, col).style = "Good"
    book.save(workbook)
    rewrite(workbook, replacements)
    data, command = reading(kind, live, workbook, folder)
    before = folder_hash(data)
    code, err, peak = run_reader(data, *command, timeout=120)
    assert code in (0, EXIT_INVALID), (spec, code, err[-2000:])
    assert "Traceback" not in err and "internal error" not in err.lower(), err
    assert peak < MEMORY_BOUND, f"{spec}: peak RSS {peak / 2**20:.0f} MiB"
    far = spec["far"]
    # Beyond the reader's own bounds (the data tables' or the reports'): its last row, last column, or
    # the rectangle from A1 to the far cell (a far cell within them is read, and judged as data).
    bounds = DATA_BOUNDS if kind == "data" else WORKBOOK_BOUNDS
    beyond = bool(far) and (
        far[0] > bounds.rows  # type: ignore[index]
        or far[1] > bounds.columns  # type: ignore[index]
        or far[0] * max(far[1], width) > bounds.cells  # type: ignore[index]
    )
    names = expected_names(spec, beyond)
    if names:
        assert code == EXIT_INVALID, (spec, err)
        assert workbook.name in err and any(name in err for name in names), (spec, names, err)
    if code != 0:
        assert folder_hash(data) == before, spec
    shutil.rmtree(folder, ignore_errors=True)
