"""Reports rejected whole on anything doubtful, each problem named by file, sheet, cell or row."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from console.cli import main
from console.data.loader import load_dataset
from console.reports.store import ReportBatchRejected, ingest
from console.reports.template import make_template

TODAY = date(2026, 11, 26)
HEAD = "zone,period,item,value,submitted,notes\n"


def hashes(directory: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file() and p.name != ".devzones.lock"  # filelock manages the lock file
    }


def csv_report(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "r.csv"
    path.write_text(HEAD + body, encoding="utf-8")
    return path


def xlsx_report(data: Path, tmp_path: Path, cells: dict[str, object]) -> Path:
    template = make_template(load_dataset(data), "平舆", "2026Q3", tmp_path / "t.xlsx")
    book = openpyxl.load_workbook(template)
    sheet = book.active
    sheet["C6"] = date(2026, 10, 2)  # the date the zone sent it (required); a case may replace it
    for address, value in cells.items():
        sheet[address] = value
    out = tmp_path / "filled.xlsx"
    book.save(out)
    return out


CASES = {
    # A quote opened in the notes swallowed the next line: 户外休闲's figure vanished, report accepted.
    "unterminated quote": (
        lambda d, t: csv_report(t, '平舆,2026Q3,皮革皮具,70,2026-10-02,"已核\n平舆,2026Q3,户外休闲,49.5,,\n'),
        "row 2",
        "quote",
    ),
    "text after a closing quote": (
        lambda d, t: csv_report(t, '平舆,2026Q3,皮革皮具,"70"5,,\n'),
        "row 2",
        "quote",
    ),
    "formula without a saved result": (
        lambda d, t: xlsx_report(d, t, {"E9": "=70+1", "E10": 50}),
        "sheet '季度报告', cell E9",
        "formula",
    ),
    "the same item twice": (
        lambda d, t: csv_report(t, "平舆,2026Q3,皮革皮具,70,,\n平舆,2026Q3,皮革皮具,75,,\n"),
        "row 3",
        "appears twice (also row 2)",
    ),
    "submitted in 2099": (
        lambda d, t: csv_report(t, "平舆,2026Q3,皮革皮具,70,2099-01-01,\n"),
        "cell E2",
        "in the future",
    ),
    "submitted in 2099 (template)": (
        lambda d, t: xlsx_report(d, t, {"E9": 70, "C6": date(2099, 1, 1)}),
        "sheet '季度报告', cell C6",
        "in the future",
    ),
    "submitted before the quarter": (
        lambda d, t: csv_report(t, "平舆,2026Q3,皮革皮具,70,2025-01-05,\n"),
        "cell E2",
        "outside the window for 2026Q3",
    ),
    "two submission dates": (
        lambda d, t: csv_report(
            t, "平舆,2026Q3,皮革皮具,70,2026-10-02,\n平舆,2026Q3,户外休闲,49,2026-10-09,\n"
        ),
        "column E",
        "different submission dates",
    ),
    "negative count": (
        lambda d, t: csv_report(t, "平舆,2026Q3,I09,-3,,\n"),
        "cell D2",
        "a count must not be negative",
    ),
    "fractional count": (
        lambda d, t: xlsx_report(d, t, {"E9": 70, **{f"E{r}": 2.5 for r in range(10, 14)}}),
        "sheet '季度报告', cell E",
        "a count must be a whole number",
    ),
    "not a number (nan)": (lambda d, t: csv_report(t, "平舆,2026Q3,皮革皮具,nan,,\n"), "cell D2", "finite"),
    "beyond any sane figure": (
        lambda d, t: csv_report(t, "平舆,2026Q3,皮革皮具,1e308,,\n"),
        "cell D2",
        "finite",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_doubtful_reports_are_rejected_whole_naming_the_place(
    case: str, data_copy: Path, tmp_path: Path, capsys
) -> None:
    make, where, what = CASES[case]
    path = make(data_copy, tmp_path)
    before = hashes(data_copy)
    with pytest.raises(ReportBatchRejected) as caught:
        ingest(data_copy, [path], confirm=lambda c: True, today=TODAY)
    (rejected,) = caught.value.rejected
    assert rejected.source == path.name
    assert any(p.startswith(where) and what in p for p in rejected.problems), rejected.problems
    assert hashes(data_copy) == before


def test_a_period_after_the_plan_is_refused_even_once_it_has_passed(data_copy: Path, tmp_path: Path) -> None:
    path = csv_report(tmp_path, "平舆,2027Q1,皮革皮具,20,2027-04-03,\n")
    with pytest.raises(ReportBatchRejected) as caught:
        ingest(data_copy, [path], confirm=lambda c: True, today=date(2027, 5, 1))
    problems = caught.value.rejected[0].problems
    assert any(p.startswith("cell B2") and "the plan runs 2024-2026" in p for p in problems), problems


@pytest.mark.parametrize("period", ["2023Q4", "2027Q1", "2031Q2"])
def test_no_template_for_a_period_outside_the_plan(
    data_copy: Path, tmp_path: Path, period: str, capsys
) -> None:
    out = tmp_path / "t.xlsx"
    code = main(
        ["--data", str(data_copy), "template", "--zone", "平舆", "--period", period, "--out", str(out)]
    )
    assert code == 2 and "不在方案期内" in capsys.readouterr().err
    assert not out.exists()


def test_a_formula_with_a_saved_result_is_read_as_that_result(data_copy: Path, tmp_path: Path) -> None:
    """Excel saves a formula's result beside it; such a cell is the figure the coordinator saw."""
    path = xlsx_report(data_copy, tmp_path, {"E9": 71})
    book = openpyxl.load_workbook(path)
    # Write the cell the way Excel saves it: the formula with its cached value.
    import zipfile

    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet_xml = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    assert '<c r="E9"' in sheet_xml
    start = sheet_xml.index('<c r="E9"')
    end = sheet_xml.index("</c>", start) + len("</c>")
    style = sheet_xml[start:end].split('s="')[1].split('"')[0]
    sheet_xml = sheet_xml[:start] + f'<c r="E9" s="{style}"><f>70+1</f><v>71</v></c>' + sheet_xml[end:]
    parts["xl/worksheets/sheet1.xml"] = sheet_xml.encode("utf-8")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    del book
    changes, _ = ingest(data_copy, [path], dry_run=True, today=TODAY)
    assert any(c.table == "cluster_revenue" and c.new == 71 for c in changes)


def test_a_report_that_would_make_the_dataset_invalid_is_named_not_the_staging_table(
    data_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    """The staged dataset is validated before anything is replaced; the rejection names the report."""
    import console.reports.store as store
    from console.data.errors import DataError, DataInvalid

    real = store.load_dataset

    def strict(directory: Path):  # type: ignore[no-untyped-def]
        if directory.name.startswith(".staging-"):
            raise DataInvalid(
                [DataError("cluster_revenue.csv", 40, "revenue_ytd", "70", "a rule the merge broke")]
            )
        return real(directory)

    monkeypatch.setattr(store, "load_dataset", strict)
    path = csv_report(tmp_path, "平舆,2026Q3,皮革皮具,70,2026-10-02,\n")
    before = hashes(data_copy)
    with pytest.raises(ReportBatchRejected) as caught:
        ingest(data_copy, [path], confirm=lambda c: True, today=TODAY)
    (rejected,) = caught.value.rejected
    assert rejected.source == "r.csv" and "merged into the dataset" in rejected.problems[0]
    assert hashes(data_copy) == before


def test_a_rejected_cell_is_echoed_without_its_control_characters(
    data_copy: Path, tmp_path: Path, capsys
) -> None:
    """A report's own text quoted in a rejection never reaches the terminal raw (OSC 52, bidi)."""
    hostile = "7\x1b]52;c;aGk=\x07\u202e0"
    path = csv_report(tmp_path, f"平舆,2026Q3,皮革皮具,{hostile},2026-10-02,\n")
    for lang, words in (("zh", ("单元格 D2", "应为数字")), ("en", ("cell D2", "expected a number"))):
        code = main(["ingest", "--data", str(data_copy), "--yes", "--lang", lang, str(path)])
        err = capsys.readouterr().err
        assert code == 3
        assert all(w in err for w in words), err
        assert not any(c in err for c in ("\x1b", "\x07", "\u202e"))


@pytest.mark.parametrize("case", sorted(CASES))
def test_rejections_speak_the_chosen_language(case: str, data_copy: Path, tmp_path: Path, capsys) -> None:
    """Each doubtful report is refused in Chinese by default and in English with --lang en."""
    make, where, what = CASES[case]
    path = make(data_copy, tmp_path)
    assert main(["ingest", "--data", str(data_copy), "--yes", str(path)]) == 3
    zh = capsys.readouterr().err
    assert main(["ingest", "--data", str(data_copy), "--yes", "--lang", "en", str(path)]) == 3
    en = capsys.readouterr().err
    assert where in en and what in en
    problem_lines = [line for line in zh.splitlines() if line.startswith("  ")]
    assert problem_lines and all(any("\u4e00" <= c <= "\u9fff" for c in line) for line in problem_lines), zh
    assert where not in zh


def test_the_template_accepts_only_whole_counts_of_zero_or_more(data_copy: Path, tmp_path: Path) -> None:
    """Excel itself refuses a negative or fractional count in a count line (家, 个) of the template."""
    from console.reports.template import counted_indicators

    ds = load_dataset(data_copy)
    sheet = openpyxl.load_workbook(make_template(ds, "平舆", "2026Q3", tmp_path / "t.xlsx")).active
    rules = {str(dv.sqref): dv for dv in sheet.data_validations.dataValidation}
    counts = counted_indicators(ds)
    count_rows = [
        r
        for r in range(1, sheet.max_row + 1)
        if str(sheet.cell(r, 1).value or "").startswith("indicator:")
        and str(sheet.cell(r, 1).value).split(":", 1)[1] in counts
    ]
    assert count_rows, "the template has count lines to check"
    for r in count_rows:
        rule = rules[f"E{r}"]
        assert (rule.type, rule.operator, rule.formula1) == ("whole", "greaterThanOrEqual", "0")


def test_a_csv_reports_notes_are_kept(data_copy: Path, tmp_path: Path) -> None:
    """The notes column of a CSV report reaches the reports table (they were dropped before)."""
    path = csv_report(tmp_path, "平舆,2026Q3,皮革皮具,70,2026-10-02,已核对\n平舆,2026Q3,户外休闲,49.5,,\n")
    ingest(data_copy, [path], confirm=lambda c: True, today=TODAY)
    reports = load_dataset(data_copy)["reports"]
    row = reports.filter((reports["zone"].str.contains("平舆")) & (reports["period"] == "2026Q3"))
    assert row.get_column("notes").to_list() == ["已核对"]
