"""A gap is a gap (issue 20, item 6).

A quarter a zone did not report is a visible gap in every series (the quarterly revenue behind the
zones tab's sparklines and the exports' quarterly columns, the sparkline itself, the chart widget), and
every quarter that did arrive shows a value, also when the quarter before it is missing. Before, a
cumulative line was drawn straight through a 未报送 quarter, and the quarter after one showed blank.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.cli import main
from console.core.config import load_settings
from console.data.dataset import Dataset
from console.data.loader import load_dataset
from console.data.scales import Period
from console.engine.status import quarterly_revenue
from console.present.assemble import compute, render_views
from console.present.formatter import SPARK_GAP, sparkline
from console.present.series import Series, value_runs
from widgets.chart import MARKERS, render_chart

RUNAN = "汝南县开发区"  # no 2024Q2 report in the sample; its 2024Q3 report arrived


def _gaps_and_values(ds: Dataset) -> list[str]:
    """Every (cluster, quarter) whose series value is blank though a figure arrived, or shows a value
    though none did."""
    start = Period(ds.years[0], 1)
    series = quarterly_revenue(ds, start).explode("periods", "quarterly")
    figures = (
        ds["cluster_revenue"]
        .filter(pl.col("revenue_ytd").is_not_null())
        .select("zone", "industry", pl.col("period").alias("periods"), pl.lit(True).alias("arrived"))
    )
    joined = series.join(figures, on=["zone", "industry", "periods"], how="left")
    wrong = joined.filter(pl.col("arrived").fill_null(False) != pl.col("quarterly").is_not_null())
    return [f"{z} {i} {p}: {v}" for z, i, p, v, _ in wrong.head(5).iter_rows()]


def test_every_arrived_quarter_has_a_value_and_every_missing_one_is_a_gap(dataset: Dataset) -> None:
    assert _gaps_and_values(dataset) == []


def test_the_same_holds_on_a_generated_province(tmp_path: Path) -> None:
    assert main(["generate", "--zones", "184", "--out", str(tmp_path), "--force"]) == 0
    assert _gaps_and_values(load_dataset(tmp_path)) == []


def test_the_quarter_after_a_gap_shows_the_revenue_since_the_last_report(dataset: Dataset) -> None:
    row = quarterly_revenue(dataset, Period(2024, 1)).filter(
        (pl.col("zone") == RUNAN) & (pl.col("industry") == "装备制造")
    )
    values = dict(zip(row.get_column("periods")[0], row.get_column("quarterly")[0], strict=True))
    ytd = dict(
        dataset["cluster_revenue"]
        .filter((pl.col("zone") == RUNAN) & (pl.col("industry") == "装备制造"))
        .select("period", "revenue_ytd")
        .iter_rows()
    )
    assert values["2024Q2"] is None  # not reported
    assert values["2024Q3"] == pytest.approx(
        (ytd["2024Q3"] - ytd["2024Q1"]) / 2
    )  # two quarters' worth, per quarter


@pytest.mark.parametrize("ascii_only", [False, True])
def test_the_zones_sparkline_shows_the_gap_and_the_quarter_after_it(
    dataset: Dataset, ascii_only: bool
) -> None:
    snap = compute(dataset, load_settings(), 2026, [])
    view = render_views(snap, "zh", ascii_only, words=True).tables["zones"]
    row = next(r for r in view.rows if r.key == RUNAN)
    trend = next(c for c in row.cells if isinstance(c.values, tuple) and len(c.values) == 11)
    assert trend.values[1] is None and trend.values[2] is not None  # exports' quarterly columns
    assert trend.text[1] == SPARK_GAP and trend.text[2] != SPARK_GAP  # the sparkline


@given(st.lists(st.one_of(st.none(), st.floats(0, 1000)), min_size=1, max_size=16))
def test_a_sparkline_marks_every_gap_and_only_gaps(values: list[float | None]) -> None:
    for ascii_only in (False, True):
        line = sparkline(values, ascii_only)
        assert len(line) == len(values)
        assert [c == SPARK_GAP for c in line] == [v is None for v in values]


def test_the_chart_draws_no_line_across_a_quarter_not_reported() -> None:
    flat = (Series("YTD", ("Q1", "Q2", "Q3", "Q4", "Q5"), (5.0, None, None, None, 5.0)),)
    text = render_chart(flat, 60, 14).plain
    # Two points and the legend's marker: no run of markers drawn from Q1 to Q5.
    assert text.count(MARKERS[0]) == 3
    joined = (Series("YTD", ("Q1", "Q2", "Q3", "Q4", "Q5"), (5.0, 5.0, 5.0, 5.0, 5.0)),)
    assert render_chart(joined, 60, 14).plain.count(MARKERS[0]) > 10  # a run of values is a line


@given(st.lists(st.one_of(st.none(), st.floats(-10, 10)), max_size=12))
def test_runs_cover_every_value_and_no_gap(y: list[float | None]) -> None:
    runs = value_runs(tuple(y))
    points = [p for run in runs for p in run]
    assert points == [(i, v) for i, v in enumerate(y, start=1) if v is not None]
    for run in runs:  # consecutive positions within a run: nothing joined across a gap
        assert [i for i, _ in run] == list(range(run[0][0], run[0][0] + len(run)))
