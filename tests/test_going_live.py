"""Going live: ``devzones init``, assessment results as a workbook, and every surface on a dataset that
is still empty or partial. The checks real data needs each reject (dataset unchanged) or warn."""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections.abc import Awaitable, Callable
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
from textual.pilot import Pilot
from textual.widgets import TabbedContent

from console.cli import main
from console.core.config import load_settings
from console.core.paths import embedded_data_dir
from console.data.loader import load_dataset
from console.data.scales import parse_period
from console.data.schema import TABLES
from console.reports.assessment import FIRST_ROW, make_assessment_template
from console.reports.new_dataset import init_dataset, plan_table_names
from console.reports.store import ReportBatchRejected, ingest, undo
from console.reports.template import make_template
from console.tui.app import TABS, DevZonesApp

TODAY = date(2026, 11, 26)


def progress_table_names() -> list[str]:
    """The tables that hold results and reports: empty in a new dataset."""
    return [t.name for t in TABLES if t.sample]


def state(directory: Path) -> dict[str, bytes]:
    """Every file under the dataset folder, hidden ones included, with its bytes."""
    return {
        str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()
    }


def sha(directory: Path) -> str:
    return hashlib.sha256(repr(sorted(state(directory).items())).encode()).hexdigest()


@pytest.fixture
def live(tmp_path: Path) -> Path:
    out = tmp_path / "live"
    init_dataset(out, today=TODAY)
    return out


def zones(directory: Path) -> list[str]:
    return load_dataset(directory)["zones"].get_column("zone").to_list()


def fill_assessment(directory: Path, out: Path, year: int, rows: dict[int, tuple[object, ...]]) -> Path:
    """The assessment workbook for ``year``, with row index i (0 = first zone) filled with
    (star, tier, score, rank, size)."""
    blank = make_assessment_template(
        load_dataset(directory), year, out.with_suffix(".blank.xlsx"), today=TODAY
    )
    book = openpyxl.load_workbook(blank)
    sheet = book.active
    assert sheet is not None
    for i, values in rows.items():
        for col, value in zip("CDEFG", values, strict=True):
            sheet[f"{col}{FIRST_ROW + i}"] = value
    book.save(out)
    return out


def standard_results() -> dict[int, tuple[object, ...]]:
    """Eleven zones: the first two in tier 2 (of 58), the rest in tier 3 (of 90), distinct ranks."""
    return {i: (i % 3, 2 if i < 2 else 3, 60.0 + i, i + 1, 58 if i < 2 else 90) for i in range(11)}


def fill_report(
    directory: Path, out: Path, zone: str, period: str, figure: float, submitted: date | None = None
) -> Path:
    """A zone's quarterly template with every cluster's revenue set to ``figure``."""
    blank = make_template(load_dataset(directory), zone, period, out.with_suffix(".blank.xlsx"), force=True)
    book = openpyxl.load_workbook(blank)
    sheet = book.active
    assert sheet is not None
    for row in range(1, sheet.max_row + 1):
        key = sheet[f"A{row}"].value
        if isinstance(key, str) and key.startswith("cluster:"):
            sheet[f"E{row}"] = figure
        if key == "submitted":  # required: by default the quarter's last day (on time)
            sheet[f"C{row}"] = submitted or min(date.fromisoformat(parse_period(period).due_date()), TODAY)
    book.save(out)
    return out


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- init ---------------------------------------------------------------------------------------------------


def test_init_writes_plan_tables_empty_progress_and_a_real_manifest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "new"
    code, said, _ = run(capsys, "--lang", "en", "init", str(out))
    assert code == 0 and "Next steps" in said and "[data] dir" in said
    for name in plan_table_names():
        assert (out / f"{name}.csv").read_bytes() == (embedded_data_dir() / f"{name}.csv").read_bytes()
    manifest = tomllib.loads((out / "manifest.toml").read_text(encoding="utf-8"))
    assert manifest["sample"] is False and manifest["title"] and "as_of" not in manifest
    ds = load_dataset(out)
    assert all(ds[name].is_empty() for name in progress_table_names())
    assert not ds.has_progress
    code, said, _ = run(capsys, "check", "--data", str(out), "--json")
    assert code == 0 and json.loads(said)["ok"] is True


def test_init_refuses_a_non_empty_folder_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "busy"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    code, _, err = run(capsys, "--lang", "en", "init", str(out))
    assert code == 4 and "--force" in err and not (out / "manifest.toml").exists()
    code, _, _ = run(capsys, "init", str(out), "--force")
    assert code == 0 and (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    load_dataset(out)


def test_init_never_replaces_a_dataset_even_forced(live: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ingest(live, [fill_assessment(live, live.parent / "a.xlsx", 2025, standard_results())], today=TODAY)
    before = sha(live)
    code, _, err = run(capsys, "--lang", "en", "init", str(live), "--force")
    assert code == 4 and "never replaces" in err
    assert sha(live) == before


# -- the end-to-end path ------------------------------------------------------------------------------------


async def draw_every_tab(directory: Path) -> list[str]:
    """Open the console on ``directory``, show each tab; return the header line."""
    app = DevZonesApp(load_settings(data_dir=directory, lang="en"))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for tab in TABS:
            app.query_one(TabbedContent).active = tab
            await pilot.pause()
            await app.workers.wait_for_complete()
        assert app.views is not None
        return [app.query_one("#topbar").plain]


async def test_end_to_end_from_init_to_bulletin(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    live = tmp_path / "live"
    assert run(capsys, "init", str(live))[0] == 0
    assert run(capsys, "check", "--data", str(live))[0] == 0
    (top,) = await draw_every_tab(live)
    assert "no data yet" in top

    blank = tmp_path / "results-2025.xlsx"
    assert run(capsys, "template", "--data", str(live), "--assessment", "2025", "--out", str(blank))[0] == 0
    book = openpyxl.load_workbook(blank)
    sheet = book.active
    assert sheet is not None and sheet.protection.sheet
    results = standard_results()
    for i, values in results.items():
        for col, value in zip("CDEFG", values, strict=True):
            sheet[f"{col}{FIRST_ROW + i}"] = value
    book.save(tmp_path / "filled.xlsx")
    code, said, _ = run(capsys, "ingest", "--data", str(live), str(tmp_path / "filled.xlsx"), "--yes")
    assert code == 0, said

    code, said, _ = run(capsys, "rankings", "--data", str(live), "--json")
    ranked = json.loads(said)
    # No quarter's data yet: the year is this calendar year within the plan (engine.evaluation.default_year).
    assert code == 0 and ranked["year"] == min(max(date.today().year, 2024), 2026)
    order = zones(live)
    got = {z["zone"]: (z["tier"], z["province_rank"], z["tier_size"]) for z in ranked["zones"]}
    assert got == {order[i]: (v[1], v[3], v[4]) for i, v in results.items()}
    assert all(z["score"] is None for z in ranked["zones"])  # no quarter's data: no invented score

    reports = [
        fill_report(live, tmp_path / f"r{i}.xlsx", order[i], "2026Q1", 20.0 + i, date(2026, 3, 30))
        for i in (2, 3)
    ]
    code, said, _ = run(capsys, "ingest", "--data", str(live), *map(str, reports), "--yes")
    assert code == 0, said
    assert tomllib.loads((live / "manifest.toml").read_text(encoding="utf-8"))["as_of"] == "2026Q1"
    (top,) = await draw_every_tab(live)
    assert "as of 2026Q1" in top
    code, said, _ = run(capsys, "status", "--data", str(live), "--json")
    status = json.loads(said)
    assert status["as_of"] == "2026Q1" and status["year"] == 2026
    reported = {z["zone"]: z["report_status"] for z in status["zones"]}
    assert {z for z, s in reported.items() if s == "on_time"} == {order[2], order[3]}
    assert {z for z, s in reported.items() if s == "missing"} == set(order) - {order[2], order[3]}

    code, said, _ = run(
        capsys, "bulletin", "--data", str(live), "--period", "2026-05", "--out", str(tmp_path / "b.md")
    )
    assert code == 0
    text = (tmp_path / "b.md").read_text(encoding="utf-8")
    assert "2026年第一季度" in text and "未报送的有" in text


# -- empty and partial surfaces -----------------------------------------------------------------------------


def test_status_on_an_empty_dataset_says_no_data_not_missed(
    live: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, said, err = run(
        capsys, "--lang", "en", "status", "--data", str(live), "--json", "--fail-on-missing"
    )
    status = json.loads(said)
    assert code == 0 and status["as_of"] is None
    assert {z["star_status"] for z in status["zones"]} <= {"no_data", "no_target"}
    assert {z["tier_status"] for z in status["zones"]} == {"no_data"}
    assert {z["report_status"] for z in status["zones"]} == {"no_data"}
    assert all(z["missing"] == [] for z in status["zones"])
    assert "no data yet" in err and "11 zone" in err


def test_status_text_header_says_no_data_yet(live: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, said, _ = run(capsys, "status", "--data", str(live))
    assert code == 0 and "数据截至 无数据" in said and "2023Q4" not in said


def test_export_and_bulletin_of_an_empty_dataset_say_what_is_absent(
    live: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "all.md"
    assert (
        run(capsys, "export", "--data", str(live), "--view", "all", "--format", "md", "--out", str(out))[0]
        == 0
    )
    text = out.read_text(encoding="utf-8")
    assert "数据截至：无数据" in text and "nan" not in text
    assert (
        run(capsys, "bulletin", "--data", str(live), "--period", "2026-10", "--out", str(tmp_path / "b.md"))[
            0
        ]
        == 0
    )
    bulletin = (tmp_path / "b.md").read_text(encoding="utf-8")
    assert "尚无季度进度数据" in bulletin and "尚未导入任何季度工作推进情况报表" in bulletin
    assert "数据截至" not in bulletin


# -- assessment rules: each rejection leaves the dataset byte for byte ---------------------------------------


def _bad(
    results: dict[int, tuple[object, ...]], i: int, values: tuple[object, ...]
) -> dict[int, tuple[object, ...]]:
    return {**results, i: values}


ASSESSMENT_RULES = {
    "rank beyond tier size": (_bad(standard_results(), 3, (1, 3, 60.0, 91, 90)), "within the tier, 1-90"),
    "rank zero": (_bad(standard_results(), 3, (1, 3, 60.0, 0, 90)), "within the tier"),
    "rank twice in a tier": (_bad(standard_results(), 3, (1, 3, 60.0, 3, 90)), "rank 3 is given to 2 zones"),
    "star above five": (_bad(standard_results(), 3, (6, 3, 60.0, 4, 90)), "star level 0-5"),
    "tier four": (_bad(standard_results(), 3, (1, 4, 60.0, 4, 90)), "tier 1-3"),
    "score above 100": (_bad(standard_results(), 3, (1, 3, 101, 4, 90)), "score 0-100"),
    "tier sizes disagree": (_bad(standard_results(), 3, (1, 3, 60.0, 4, 91)), "different sizes"),
}


@pytest.mark.parametrize("rule", list(ASSESSMENT_RULES))
def test_assessment_rule_rejects_and_changes_nothing(live: Path, rule: str) -> None:
    results, expected = ASSESSMENT_RULES[rule]
    path = fill_assessment(live, live.parent / "bad.xlsx", 2025, results)
    before = sha(live)
    with pytest.raises(ReportBatchRejected) as caught:
        ingest(live, [path], confirm=lambda c: True, today=TODAY)
    problems = [p for r in caught.value.rejected for p in r.problems]
    assert any(expected in p for p in problems), problems
    assert all(p.startswith(("sheet '", "rows ")) for p in problems), problems
    assert sha(live) == before


def test_a_zone_given_twice_is_rejected(live: Path) -> None:
    path = fill_assessment(live, live.parent / "twice.xlsx", 2025, standard_results())
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    sheet[f"A{FIRST_ROW + 11}"] = sheet[f"A{FIRST_ROW}"].value  # a copied row
    for col, value in zip("CDEFG", (1, 3, 50.0, 40, 90), strict=True):
        sheet[f"{col}{FIRST_ROW + 11}"] = value
    book.save(path)
    before = sha(live)
    with pytest.raises(ReportBatchRejected) as caught:
        ingest(live, [path], confirm=lambda c: True, today=TODAY)
    assert "appears twice" in caught.value.rejected[0].problems[0]
    assert sha(live) == before


@pytest.mark.parametrize(
    ("year", "today", "expected"),
    [(2023, TODAY, "not a year of the plan"), (2026, TODAY, "not published before 2027")],
)
def test_results_for_a_year_outside_the_plan_or_unpublished_are_rejected(
    live: Path, year: int, today: date, expected: str
) -> None:
    path = fill_assessment(live, live.parent / "y.xlsx", 2025, standard_results())
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    sheet["C4"] = year  # the year cell changed
    book.save(path)
    before = sha(live)
    with pytest.raises(ReportBatchRejected) as caught:
        ingest(live, [path], confirm=lambda c: True, today=today)
    assert expected in caught.value.rejected[0].problems[0]
    assert sha(live) == before


def test_assessment_template_refuses_an_unpublished_year(
    live: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys, "template", "--data", str(live), "--assessment", "2099", "--out", str(live.parent)
    )
    assert code == 2 and "--assessment" in err
    assert not list(live.parent.glob("*.xlsx"))


def test_revised_results_show_old_and_new(live: Path) -> None:
    ingest(live, [fill_assessment(live, live.parent / "a.xlsx", 2025, standard_results())], today=TODAY)
    revised = _bad(standard_results(), 0, (2, 2, 70.5, 1, 58))
    changes, entry = ingest(
        live,
        [fill_assessment(live, live.parent / "b.xlsx", 2025, revised)],
        confirm=lambda c: True,
        today=TODAY,
    )
    assert entry is not None and len(changes) == 1
    text = changes[0].describe("en")
    assert (
        text.startswith("revised provincial assessment result")
        and "score 60," in text
        and "→" in text
        and "70.5" in text
    )


# -- quarterly checks real data needs -----------------------------------------------------------------------


def test_year_to_date_revenue_that_falls_is_rejected(live: Path) -> None:
    zone = zones(live)[2]
    ingest(live, [fill_report(live, live.parent / "q2.xlsx", zone, "2026Q2", 80.0)], today=TODAY)
    before = sha(live)
    with pytest.raises(ReportBatchRejected) as caught:
        ingest(live, [fill_report(live, live.parent / "q3.xlsx", zone, "2026Q3", 60.0)], today=TODAY)
    problem = caught.value.rejected[0].problems[0]
    assert problem.startswith("sheet '季度报告', cell E") and "below 2026Q2's 80" in problem
    assert sha(live) == before


def test_a_quarter_reported_twice_with_different_figures_is_rejected(live: Path) -> None:
    zone = zones(live)[2]
    first = fill_report(live, live.parent / "a.xlsx", zone, "2026Q1", 30.0)
    second = fill_report(live, live.parent / "b.xlsx", zone, "2026Q1", 31.0)
    before = sha(live)
    with pytest.raises(ReportBatchRejected) as caught:
        ingest(live, [first, second], confirm=lambda c: True, today=TODAY)
    assert "also reported in a.xlsx with different figures" in caught.value.rejected[0].problems[0]
    assert sha(live) == before
    same = fill_report(live, live.parent / "c.xlsx", zone, "2026Q1", 30.0)
    _, entry = ingest(live, [first, same], confirm=lambda c: True, today=TODAY)  # a repeat is fine
    assert entry is not None


def test_as_of_follows_the_newest_ended_quarter_and_never_moves_back(live: Path) -> None:
    order = zones(live)

    def as_of() -> str | None:
        return load_dataset(live).manifest.as_of

    ingest(live, [fill_report(live, live.parent / "q2.xlsx", order[2], "2026Q2", 40.0)], today=TODAY)
    assert as_of() == "2026Q2"
    ingest(live, [fill_report(live, live.parent / "q1.xlsx", order[3], "2026Q1", 10.0)], today=TODAY)
    assert as_of() == "2026Q2"  # an older quarter arriving late does not move it back
    warnings: list[str] = []
    changes, _ = ingest(
        live,
        [fill_report(live, live.parent / "q4.xlsx", order[2], "2026Q4", 90.0)],
        today=TODAY,
        warn=warnings.append,
    )
    assert as_of() == "2026Q2" and not any(c.table == "manifest" for c in changes)
    assert warnings and "has not ended" in warnings[0]
    ingest(live, [fill_report(live, live.parent / "q3.xlsx", order[2], "2026Q3", 60.0)], today=TODAY)
    assert as_of() == "2026Q3"
    undo(live)
    assert as_of() == "2026Q2"  # undo puts the manifest back with the tables


# -- snapshots of the console on the empty and the partial dataset ------------------------------------------


def partial(directory: Path) -> Path:
    """Assessment results for 2025 and 2026Q1 reports from two zones."""
    order = zones(directory)
    ingest(
        directory,
        [fill_assessment(directory, directory.parent / "a.xlsx", 2025, standard_results())],
        today=TODAY,
    )
    reports = [
        fill_report(
            directory,
            directory.parent / f"r{i}.xlsx",
            order[i],
            "2026Q1",
            20.0 + i,
            date(2026, 3, 25) + timedelta(days=3 * i),
        )
        for i in (2, 3)
    ]
    ingest(directory, reports, today=TODAY)
    return directory


def _app(directory: Path, lang: str = "zh") -> DevZonesApp:
    return DevZonesApp(load_settings(data_dir=directory, lang=lang))


def _showing(tab: str) -> Callable[[Pilot[int]], Awaitable[None]]:
    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        pilot.app.query_one(TabbedContent).active = tab
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("tab", ["overview", "zones", "rankings"])
def test_snapshot_empty_dataset(snap_compare, live: Path, tab: str) -> None:
    assert snap_compare(_app(live), terminal_size=(80, 24), run_before=_showing(tab))


@pytest.mark.parametrize("tab", ["overview", "zones", "rankings"])
def test_snapshot_partial_dataset(snap_compare, live: Path, tab: str) -> None:
    assert snap_compare(_app(partial(live), "en"), terminal_size=(80, 24), run_before=_showing(tab))


def test_attention_list_says_what_is_missing(live: Path) -> None:
    from console.engine.evaluation import evaluate
    from console.present.views import overview

    def attention(directory: Path) -> tuple[tuple[str, str], ...]:
        ds = load_dataset(directory)
        ev = evaluate(ds, load_settings(data_dir=directory))
        return overview(ev, ds["plan_figures"], "en", False).attention

    assert attention(live) == (
        ("Results", "no published assessment result for 11 zones"),
        ("Reports", "no quarterly report ingested yet"),
    )
    # the note also counts the late reports (Enter on it lists both, issue #11)
    notes = [what for who, what in attention(partial(live)) if who == "Reports"]
    assert len(notes) == 1 and notes[0].startswith("no report for 2026Q1 from 9 zones")


def test_quarters_before_collection_began_are_no_data_not_missing(
    live: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    partial(live)
    code, said, _ = run(capsys, "status", "--data", str(live), "--year", "2025", "--json")
    assert code == 0 and {z["report_status"] for z in json.loads(said)["zones"]} == {"no_data"}
    out = tmp_path / "b.md"
    assert (
        run(
            capsys, "--lang", "en", "bulletin", "--data", str(live), "--period", "2025-04", "--out", str(out)
        )[0]
        == 0
    )
    assert "Reports for 2025Q1 were not collected" in out.read_text(encoding="utf-8")


def test_rejection_messages_never_send_control_characters(
    live: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = fill_assessment(
        live, live.parent / "esc.xlsx", 2025, _bad(standard_results(), 3, ("\u202e★★", 3, 60.0, 4, 90))
    )
    code, _, err = run(capsys, "--lang", "en", "ingest", "--data", str(live), str(path), "--yes")
    assert code == 3 and "\u202e" not in err and "star level 0-5" in err


def test_moving_as_of_keeps_the_rest_of_the_manifest(live: Path) -> None:
    manifest = live / "manifest.toml"
    text = "# kept comment\n" + manifest.read_text(encoding="utf-8") + '\n[history]\nas_of = "kept"\n'
    manifest.write_text(text, encoding="utf-8")
    ingest(live, [fill_report(live, live.parent / "r.xlsx", zones(live)[2], "2026Q1", 20.0)], today=TODAY)
    after = manifest.read_text(encoding="utf-8")
    assert tomllib.loads(after)["as_of"] == "2026Q1" and tomllib.loads(after)["history"]["as_of"] == "kept"
    assert after.endswith(text)


def test_a_manifest_whose_as_of_cannot_be_moved_safely_stops_the_ingest(
    live: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = live / "manifest.toml"  # a multi-line string holding "as_of = ": no line edit is safe
    manifest.write_text(
        'note2 = """\nas_of = x\n"""\n' + manifest.read_text(encoding="utf-8"), encoding="utf-8"
    )
    report = fill_report(live, live.parent / "r.xlsx", zones(live)[2], "2026Q1", 20.0)
    before = sha(live)
    code, _, err = run(capsys, "--lang", "en", "ingest", "--data", str(live), str(report), "--yes")
    assert code == 3 and "could not set the as-of quarter" in err
    assert sha(live) == before


def test_an_assessment_sheet_with_far_too_many_rows_is_refused(live: Path) -> None:
    path = fill_assessment(live, live.parent / "long.xlsx", 2025, standard_results())
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    sheet[f"B{FIRST_ROW + 11 + 500}"] = "x"
    book.save(path)
    before = sha(live)
    with pytest.raises(ReportBatchRejected) as caught:
        ingest(live, [path], confirm=lambda c: True, today=TODAY)
    assert "expected one per zone (11)" in caught.value.rejected[0].problems[0]
    assert sha(live) == before
