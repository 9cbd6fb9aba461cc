"""A count against a full-year threshold is taken on a full year's figure (issue 20, item 1).

I06 counts clusters over 50 亿元, a whole year's revenue. Counted on year-to-date revenue it read
6 → 0 → 4 → 7 from 2025Q4 to 2026Q3 (every Q1 back to almost nothing) and was judged behind against the
full-year threshold. Now a finished year counts on its full-year revenue and the running year on the
projected full year (the clusters tab's 全年预计); a projection reaching the target is on pace, not
met; and every surface says which basis it shows.
"""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from console.cli import main
from console.core.config import load_settings
from console.data.dataset import Dataset
from console.data.scales import Period
from console.engine.as_of import dataset_as_of
from console.engine.evaluation import evaluate
from console.outputs.bulletin import latest_words as _latest
from console.present.assemble import compute, render_views
from console.present.drilldown import indicator_detail
from console.present.drilldown_views import indicator_facts_view, indicator_history_view
from tests.support.data import with_tables

QUARTERS = [Period(2025, 4), Period(2026, 1), Period(2026, 2), Period(2026, 3)]


def _i06(ds: Dataset, year: int) -> dict[str, object]:
    ev = evaluate(ds, load_settings(data_dir=ds.source), year)
    return ev.indicators.filter(pl.col("indicator") == "I06").row(0, named=True)


@pytest.mark.parametrize("period", QUARTERS, ids=str)
def test_the_count_is_the_clusters_full_year_as_the_clusters_tab_shows_it(
    dataset: Dataset, period: Period
) -> None:
    ds = dataset_as_of(dataset, period)
    ev = evaluate(ds, load_settings(data_dir=ds.source), period.year)
    row = ev.indicators.filter(pl.col("indicator") == "I06").row(0, named=True)
    over = ev.clusters.filter(pl.col("projected") >= 50).height  # 全年预计 (= the year's own at Q4)
    assert row["latest"] == over, (str(period), row["latest"], over)
    assert row["basis"] == ("full_year" if period.quarter == 4 else "projected")


def test_a_new_year_does_not_start_from_zero(dataset: Dataset) -> None:
    """The issue's case: 6 at 2025Q4, then 0 at 2026Q1 on year-to-date revenue."""
    counts = [_i06(dataset_as_of(dataset, p), p.year)["latest"] for p in QUARTERS]
    assert counts[0] == 6  # 2025 as a whole: its own full-year figures
    assert min(counts[1:]) >= 6, counts  # no quarter of 2026 drops to a quarter's worth of revenue


def test_a_projection_reaching_the_target_is_on_pace_not_met(dataset: Dataset) -> None:
    """One cluster, 13 亿元 in 2026Q1: a projected 52 亿元 for the year. Counted (on pace), not met."""
    revenue = dataset["cluster_revenue"]
    one = revenue.filter(pl.col("period") == "2026Q1").head(1).with_columns(pl.lit(13.0).alias("revenue_ytd"))
    ds = dataset_as_of(
        with_tables(dataset, cluster_revenue=pl.concat([revenue.filter(pl.col("period") < "2026Q1"), one])),
        Period(2026, 1),
    )
    indicators = ds["indicators"].with_columns(
        pl.when(pl.col("indicator") == "I06").then(1.0).otherwise(pl.col("target")).alias("target")
    )
    row = _i06(with_tables(ds, indicators=indicators), 2026)
    assert (row["latest"], row["basis"], row["status"]) == (1.0, "projected", "on_pace")
    # At the year's end the year's own figure decides: a cluster that stayed at 13 亿元 is not counted.
    year_end = dataset_as_of(dataset, Period(2025, 4))
    assert _i06(year_end, 2025)["basis"] == "full_year"


@pytest.mark.parametrize(("target", "status"), [(12.0, "behind"), (11.0, "on_pace")])
def test_a_projection_short_of_this_years_target_is_behind(
    dataset: Dataset, target: float, status: str
) -> None:
    """A year-end projection already stands for the whole year: 11 clusters projected against 12 due
    in 2026 says the year will end one short. Judged by the pace of the year's quarters as well
    (92% done, 75% of the way through), it read "on pace": the rest of the year counted twice."""
    indicators = dataset["indicators"].with_columns(
        pl.when(pl.col("indicator") == "I06").then(target).otherwise(pl.col("target")).alias("target")
    )
    row = _i06(with_tables(dataset, indicators=indicators), 2026)
    assert (row["latest"], row["basis"], row["status"]) == (11.0, "projected", status)
    assert row["expected"] == 1.0  # due by the year it stands for: the target year's end


def test_a_projection_in_an_earlier_year_is_judged_by_that_years_end(dataset: Dataset) -> None:
    """In 2025 the 2026 target is not yet due: a projection is judged against what the plan expects
    by the end of 2025, part of the way (never the whole target, never the quarter's share)."""
    row = _i06(dataset_as_of(dataset, Period(2025, 3)), 2025)
    assert row["basis"] == "projected" and 0.0 < row["expected"] < 1.0
    start_of_2025 = _i06(dataset_as_of(dataset, Period(2025, 1)), 2025)
    assert start_of_2025["expected"] == row["expected"]  # the year's end, whichever quarter it is


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_surface_says_the_basis(dataset: Dataset, lang: str, capsys, tmp_path: Path) -> None:
    projected = "全年预计" if lang == "zh" else "projected full year"
    # status --json
    assert main(["status", "--json"]) == 0
    rows = {i["indicator"]: i for i in json.loads(capsys.readouterr().out)["indicators"]}
    # I01 (zone revenue, a whole year's figure) too: the running year's is the last four quarters' (walk 3)
    assert rows["I06"]["basis"] == "projected" and rows["I01"]["basis"] == "trailing"
    assert rows["I02"]["basis"] is None
    # status (text) and the indicators table
    assert main(["status", "--lang", lang]) == 0
    lines = capsys.readouterr().out.splitlines()
    line = next(x for x in lines if "I06" in x)
    assert ("（预计）" if lang == "zh" else "(proj.)") in line  # the short word, fitting 80 columns
    assert ("（近4季）" if lang == "zh" else "(4Q)") in next(x for x in lines if "I01" in x)
    # exports: the basis in its own column
    out = tmp_path / "indicators.json"
    assert main(["export", "--view", "tasks", "--format", "json", "--out", str(out), "--lang", lang]) == 0
    table = json.loads(out.read_text(encoding="utf-8"))["tables"]["indicators"]
    i06 = next(r for r in table["rows"] if r["indicator"] == "I06")
    assert i06["basis_words"] == projected and i06["basis"] == "projected"  # words beside the code
    # the overview's headline goal
    snap = compute(dataset, load_settings(), 2026, [])
    views = render_views(snap, lang, False)
    goal = next(g for g in views.overview.goals if g.code == "I06")
    assert ("预计" if lang == "zh" else "proj.") in goal.value
    overview_export = tmp_path / "overview.json"
    assert (
        main(
            [
                "export",
                "--view",
                "overview",
                "--format",
                "json",
                "--out",
                str(overview_export),
                "--lang",
                lang,
            ]
        )
        == 0
    )
    rows = json.loads(overview_export.read_text(encoding="utf-8"))["tables"]["overview"]["rows"]
    assert next(r for r in rows if r["code"] == "I06")["detail"] == projected
    assert next(r for r in rows if r["code"] == "I01")["detail"] == (
        "近四季度" if lang == "zh" else "last four quarters"
    )
    # the drill-down: the latest value, how it is counted, and each quarter's basis
    detail = indicator_detail(dataset, snap.evaluation, "I06")
    facts = {r.key: r.cells[1].text for r in indicator_facts_view(detail, lang, False).rows}
    assert projected in facts["latest"]
    assert ("全年实际" if lang == "zh" else "full year") in facts["basis"]
    history = indicator_history_view(detail, lang, False)
    assert {r.key[-2:]: r.cells[-1].text for r in history.rows}["Q4"] in ("全年实际", "full year")
    # the bulletin's lagging indicators
    assert projected in _latest(
        {"zones_total": None, "latest": 7.0, "unit": "个", "unit_en": "clusters", "basis": "projected"},
        lang,
    )
