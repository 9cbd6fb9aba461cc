"""Findings of a fresh-eyed walk of the console (walk1: items 4, 7, 8, 13): origin labels, rankings'
context and precision, the default year of a new dataset, counts shown whole."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from console.cli import main
from console.core.config import load_settings
from console.data.loader import load_dataset
from console.data.scales import Period
from console.engine.evaluation import evaluate
from console.present.drilldown import indicator_detail
from console.present.drilldown_views import indicator_facts_view


@pytest.fixture(scope="module")
def nation(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("walk") / "nation"
    assert main(["generate", "--out", str(out), "--zones", "300"]) == 0  # a generated set of its own
    return out


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["--lang", "zh", *args])
    return code, capsys.readouterr().out


# -- 4: one origin on every surface -------------------------------------------------------------------------


def test_check_says_a_generated_sets_targets_are_generated_too(nation: Path, capsys) -> None:
    _, status = _run(capsys, "status", "--data", str(nation))
    _, check = _run(capsys, "check", "--data", str(nation))
    assert "目标与进度数据均按固定种子生成" in status
    assert "目标与进度数据均按固定种子生成" in check and "目标取自方案原文" not in check


def test_bulletin_of_a_generated_set_names_its_area_and_its_sample_targets(
    nation: Path, tmp_path: Path, capsys
) -> None:
    out = tmp_path / "b.md"
    code, _ = _run(capsys, "bulletin", "--data", str(nation), "--period", "2026-10", "--out", str(out))
    text = out.read_text(encoding="utf-8")
    title = text.splitlines()[0]
    assert code == 0 and "驻马店" not in title and "全省" in title
    assert "开发区、目标与进度数据均为示例数据" in text


def test_a_generated_targets_source_is_words_not_a_code(nation: Path) -> None:
    settings = load_settings(data_dir=nation)
    ds = load_dataset(nation)
    ev = evaluate(ds, settings, 2026)
    for lang in ("zh", "en"):
        facts = {
            r.key: r.cells[1].text
            for r in indicator_facts_view(indicator_detail(ds, ev, "I01"), lang, False).rows
        }
        assert "synthetic" not in facts["source"] and facts["source"]


# -- 7: rankings carry their context, no score before data, bounded precision --------------------------------


def test_rankings_text_prints_the_status_context_line(capsys) -> None:
    _, status = _run(capsys, "status")
    _, ranked = _run(capsys, "rankings")
    context = next(line for line in status.splitlines() if "数据截至" in line)
    assert context in ranked


def test_rankings_json_carries_as_of_sample_and_counties(capsys) -> None:
    _, status = _run(capsys, "status", "--json", "--county", "平舆县")
    _, ranked = _run(capsys, "rankings", "--json", "--county", "平舆县")
    s, r = json.loads(status), json.loads(ranked)
    for key in ("as_of", "sample", "counties", "year"):
        assert r[key] == s[key], key


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_composite_score_before_any_quarter(capsys, lang: str) -> None:
    code = main(["--lang", lang, "rankings", "--as-of", "2023Q4", "--json"])
    ranked = json.loads(capsys.readouterr().out)
    assert code == 0 and all(z["score"] is None and z["rank"] is None for z in ranked["zones"])
    assert main(["--lang", lang, "rankings", "--as-of", "2023Q4"]) == 0
    said = capsys.readouterr().out
    assert ("不计算综合得分" if lang == "zh" else "no composite score") in said


def test_national_scores_never_show_six_decimals(nation: Path, capsys) -> None:
    _, out = _run(capsys, "rankings", "--data", str(nation))
    scores = re.findall(r"\b\d+\.(\d+)\b", out)
    assert scores and max(len(d) for d in scores) <= 2


# -- 8: the default year ----------------------------------------------------------------------------------


def test_a_new_dataset_opens_on_this_year_within_the_plan(tmp_path: Path, capsys) -> None:
    live = tmp_path / "live"
    assert main(["init", str(live)]) == 0
    capsys.readouterr()
    _, said = _run(capsys, "status", "--data", str(live), "--json")
    assert json.loads(said)["year"] == min(max(date.today().year, 2024), 2026)


# -- 13: counts never show decimals ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_counts_show_no_decimals_in_status(dataset, capsys, lang: str) -> None:
    units = dict(dataset["indicators"].select("indicator", "unit").iter_rows())
    assert main(["--lang", lang, "--ascii", "status"]) == 0
    lines = capsys.readouterr().out.splitlines()
    checked = 0
    for code, unit in units.items():
        line = next((x for x in lines if x.strip().startswith(f"{code} ")), None)
        if line is not None and unit in ("家", "个", "项"):
            assert not re.search(r"\d\.\d", line), line  # 7, 181, >=1 家: never 7.0, 181.0, 1.0
            checked += 1
    assert checked >= 5


def test_drilldown_target_of_a_count_is_whole(dataset) -> None:
    settings = load_settings()
    ev = evaluate(dataset, settings, 2026)
    for code in ("I02", "I06", "I10"):
        facts = {
            r.key: r.cells[1].text
            for r in indicator_facts_view(indicator_detail(dataset, ev, code), "zh", False).rows
        }
        assert not re.search(r"\d\.\d", facts["target"]) and not re.search(
            r"\d\.\d", facts["latest"].split("(")[0]
        ), facts


# -- 5: the bulletin's month -------------------------------------------------------------------------------


def test_a_bulletin_month_after_the_data_is_refused_and_written_beyond_it_says_so(
    tmp_path: Path, capsys
) -> None:
    out = tmp_path / "b.md"
    code = main(["--lang", "zh", "bulletin", "--period", "2027-01", "--out", str(out)])
    said = capsys.readouterr()
    assert code == 2 and not out.exists() and "2026-11" in said.err
    assert main(["--lang", "en", "bulletin", "--period", "2027-01", "--out", str(out), "--beyond-data"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Warning" in text and "2026-11" in text.split("## ")[0]  # printed before the first section


def test_force_replaces_a_file_and_never_writes_a_month_after_the_data(tmp_path: Path, capsys) -> None:
    # --force and --beyond-data say two things: replacing a file is not consent to a month the data
    # cannot describe, nor the reverse.
    out = tmp_path / "b.md"
    assert main(["bulletin", "--period", "2026-10", "--out", str(out)]) == 0
    first = out.read_bytes()
    code = main(["bulletin", "--period", "2027-01", "--out", str(out), "--force"])
    said = capsys.readouterr()
    assert code == 2 and out.read_bytes() == first and "--beyond-data" in said.err
    assert main(["bulletin", "--period", "2027-01", "--out", str(out), "--beyond-data"]) == 0
    assert out.read_bytes() == first and (tmp_path / "b-2.md").exists()  # numbered, not replaced
    assert main(["bulletin", "--period", "2027-01", "--out", str(out), "--beyond-data", "--force"]) == 0
    assert out.read_bytes() != first


def test_each_month_the_as_of_quarter_supports(dataset) -> None:
    from console.outputs.bulletin import latest_month

    far = date(2030, 1, 1)
    assert latest_month(dataset, far) == (2026, 11)  # 2026Q3: up to the month before 2026Q4's last
    assert latest_month(dataset, date(2026, 10, 5)) == (2026, 10)  # never a month not yet begun
    q4 = dataset.at(Period(2025, 4))
    assert latest_month(q4, far) == (2026, 2)


def test_a_bulletin_lists_no_report_that_came_after_its_cutoff(dataset, tmp_path: Path) -> None:
    """The September bulletin is written by 30 September: a Q3 report sent on 14 October is not late in
    it (it is not in yet), and the October bulletin has it late."""
    from console.outputs.bulletin import build_bulletin

    settings = load_settings()
    reports = dataset["reports"]
    late = reports.filter((reports["period"] == "2026Q3") & (reports["submitted"] > date(2026, 9, 30)))
    assert late.height  # the sample has Q3 reports sent after the quarter's end
    sept = build_bulletin(dataset, settings, "2026-09", "zh", today=date(2026, 12, 1))
    octo = build_bulletin(dataset, settings, "2026-10", "zh", today=date(2026, 12, 1))
    assert "天）" not in sept.reports[-1] and "天）" in octo.reports[-1]


# -- 11: lateness is the zone's, never the import date's ----------------------------------------------------


def test_a_report_without_its_submission_date_is_rejected_naming_where(
    data_copy: Path, tmp_path: Path, capsys
) -> None:
    import openpyxl

    from console.reports.template import make_template

    before = {p.name: p.read_bytes() for p in data_copy.glob("*.csv")}
    blank = make_template(load_dataset(data_copy), "新蔡", "2026Q3", tmp_path / "t.xlsx")
    book = openpyxl.load_workbook(blank)
    sheet = book.active
    assert sheet is not None
    for row in range(1, sheet.max_row + 1):
        if str(sheet.cell(row, 1).value or "").startswith("cluster:"):
            sheet.cell(row, 5).value = 50.0
    book.save(tmp_path / "filled.xlsx")
    csv = tmp_path / "r.csv"
    csv.write_text("zone,period,item,value,submitted\n平舆,2026Q3,皮革皮具,70.5,\n", encoding="utf-8")
    for path, where in ((tmp_path / "filled.xlsx", "C6"), (csv, "E")):
        code = main(["--lang", "en", "--data", str(data_copy), "ingest", str(path), "--yes"])
        err = capsys.readouterr().err
        assert code == 3 and "submission date is missing" in err and where in err, err
    assert {p.name: p.read_bytes() for p in data_copy.glob("*.csv")} == before


def test_the_template_asks_for_the_date(data_copy: Path, tmp_path: Path) -> None:
    import openpyxl

    from console.reports.template import make_template

    blank = make_template(load_dataset(data_copy), "新蔡", "2026Q4", tmp_path / "t.xlsx")
    sheet = openpyxl.load_workbook(blank).active
    assert sheet is not None
    words = " ".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    assert "报送日期必填" in words and "以导入日期为准" not in words


def test_an_xlsx_export_shows_counts_without_decimals(tmp_path: Path, capsys) -> None:
    import openpyxl

    out = tmp_path / "t.xlsx"
    assert main(["--lang", "zh", "export", "--view", "tasks", "--format", "xlsx", "--out", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    sheet = next(s for s in book.worksheets if "指标编码" in [c.value for c in s[1]])
    heads = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[heads.index("指标编码")].value == "I02")
    latest = row[heads.index("最新值")]
    assert latest.value == 181 and "." not in latest.number_format  # 181 家, never 181.00


def test_the_bulletin_spreadsheet_shows_scores_as_the_text_does(dataset) -> None:
    from console.outputs.bulletin import build_bulletin, ranking_block

    b = build_bulletin(dataset, load_settings(), "2026-10", "zh", today=date(2026, 12, 1))
    block = ranking_block(b)
    i = next(n for n, label in enumerate(block.columns) if label == "综合得分")
    decimals = len(block.rows[0][i].rsplit(".", 1)[1])
    assert block.formats[i] == "0." + "0" * decimals  # 99.33 in the text, 99.33 in the sheet
