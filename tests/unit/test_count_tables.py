"""Counts that add up (issue 20, item 5).

Every count table of the overview adds up to its whole: the zones per tier and per star level, in
each of its columns (the plan, the year's targets, the latest result: with a row for 无星 / 无档 and one
for zones without a published result), and the zones per report status. And no two lines contradict:
"all on time" only where every report is on time, never beside "the reports are not in the data".
Checked on the embedded sample, a new dataset (``devzones init``), a dataset whose reports start
later than the quarter judged, and the 2,543-zone generated set, for every year and county filters.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.cli import main
from console.core.config import load_settings
from console.data.dataset import Dataset
from console.data.loader import load_dataset
from console.present.assemble import compute, render_views
from console.present.viewmodel import CountLine, Overview
from widgets.overview import render_reports

ALL_ON_TIME = ("全部按时报送", "all on time")


def _late_reports(data_dir: Path) -> Path:
    """The embedded data with its reports (and figures) of 2024 and 2025 removed: the reports start in
    2026, so the 2025Q4 reports judged for 2025 were never collected."""
    for name in ("reports", "cluster_revenue", "indicator_values"):
        path = data_dir / f"{name}.csv"
        lines = path.read_text(encoding="utf-8-sig").splitlines()
        kept = [lines[0]] + [x for x in lines[1:] if ",2024Q" not in x and ",2025Q" not in x]
        path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return data_dir


@pytest.fixture(scope="module")
def datasets(tmp_path_factory: pytest.TempPathFactory, dataset: Dataset) -> dict[str, Dataset]:
    import shutil

    from console.core.paths import embedded_data_dir

    new = tmp_path_factory.mktemp("new") / "data"
    assert main(["init", str(new)]) == 0
    later = tmp_path_factory.mktemp("later") / "data"
    shutil.copytree(embedded_data_dir(), later, ignore=shutil.ignore_patterns(".*"))
    nation = tmp_path_factory.mktemp("nation")
    assert main(["generate", "--zones", "2543", "--out", str(nation), "--force"]) == 0
    return {
        "sample": dataset,
        "new": load_dataset(new),
        "later": load_dataset(_late_reports(later)),
        "nation": load_dataset(nation),
    }


def _overview(ds: Dataset, year: int, counties: list[str], lang: str) -> Overview:
    snap = compute(ds, load_settings(data_dir=ds.source), year, counties)
    return render_views(snap, lang, False).overview


def _sums(lines: tuple[CountLine, ...]) -> tuple[int | None, int, int | None]:
    planned = [x.planned for x in lines if x.planned is not None]
    achieved = [x.achieved for x in lines if x.achieved is not None]
    return (
        sum(planned) if planned else None,
        sum(x.targeted or 0 for x in lines),
        sum(achieved) if achieved else None,
    )


def check_counts(ds: Dataset, year: int, counties: list[str], lang: str) -> int:
    ov = _overview(ds, year, counties, lang)
    snap_zones = compute(ds, load_settings(data_dir=ds.source), year, counties).evaluation.zones
    whole = snap_zones.height
    for kind, lines in (("tier", ov.tiers), ("star", ov.stars)):
        planned, targeted, achieved = _sums(lines)
        where = f"{kind} counts, {year}, counties {counties}"
        assert targeted == whole, f"{where}: targets add up to {targeted}, not {whole} zones"
        if achieved is not None:
            assert achieved == whole, f"{where}: results add up to {achieved}, not {whole} zones"
        if planned is not None and not counties:
            assert planned == whole, f"{where}: the plan's counts add up to {planned}, not {whole} zones"
    reported = sum(c.zones for c in ov.report_counts)
    assert reported == whole, f"report counts add up to {reported}, not {whole}"
    line = render_reports(ov, lang).plain
    on_time = snap_zones.filter(pl.col("report_status") == "on_time").height
    if any(word in line for word in ALL_ON_TIME):
        assert on_time == whole, f"'{line}' while {whole - on_time} zones' reports are not on time"
        notes = " ".join(what for _, what in ov.attention)
        assert "不在数据中" not in notes and "not collected" not in notes and "尚未导入" not in notes
    return whole


@pytest.mark.slow
@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_count_table_adds_up(datasets: dict[str, Dataset], data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(datasets)), label="dataset")
    ds = datasets[name]
    year = data.draw(st.sampled_from(list(ds.years)), label="year")
    counties = sorted(set(ds["zones"].get_column("county").to_list()))
    chosen = data.draw(st.lists(st.sampled_from(counties), max_size=3, unique=True), label="counties")
    checked = check_counts(ds, year, chosen, data.draw(st.sampled_from(["zh", "en"]), label="lang"))
    assert checked > 0  # a filter always selects zones: the counts were added up over something


def test_star_results_add_up_to_the_eleven_zones(dataset: Dataset) -> None:
    """The case the issue saw: 2025's results read 6+1+0+1 for 11 zones (no 无星 row)."""
    ov = _overview(dataset, 2025, [], "zh")
    rows = {x.level: (x.planned, x.targeted, x.achieved) for x in ov.stars}
    # Two zones have no star target (annex 2 sets none): 未设, not a target of 无星 (walk 6).
    assert rows["未设"] == (2, 2, None) and rows["无星"] == (None, None, 3)
    assert sum(a for _, _, a in rows.values() if a is not None) == 11


def test_uncollected_reports_are_not_all_on_time(datasets: dict[str, Dataset]) -> None:
    """A dataset whose reports start after the quarter judged: 'not in the data', not 'all on time'."""
    ds = datasets["later"]
    for lang in ("zh", "en"):
        ov = _overview(ds, 2025, [], lang)
        line = render_reports(ov, lang).plain
        assert not any(word in line for word in ALL_ON_TIME), line
        assert [(c.status, c.zones) for c in ov.report_counts] == [("no_data", 11)]
        assert ("无数据 11" if lang == "zh" else "no data 11") in line


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_bulletin_does_not_count_uncollected_reports_as_none_late(
    datasets: dict[str, Dataset], lang: str
) -> None:
    """The bulletin for January 2026 (the 2025Q4 reports) of a dataset whose reports start in 2026: its
    summary says they were not collected, as its reports section does, not '0 late, 0 missing'."""
    from console.outputs.bulletin import build_bulletin

    ds = datasets["later"]
    b = build_bulletin(ds, load_settings(data_dir=ds.source), "2026-01", lang)
    assert any(("不在数据中" if lang == "zh" else "not collected") in line for line in b.reports)
    assert ("逾期报送0个" if lang == "zh" else "late: 0") not in b.summary
    assert ("不在数据中" if lang == "zh" else "not collected") in b.summary
