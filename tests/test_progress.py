"""Indicator and task status: latest value against target and pace, rolled up to tasks."""

from __future__ import annotations

import polars as pl
import pytest

from console.engine.progress import indicator_status, task_status
from tests.conftest import with_tables


def _values(*rows: tuple[str, str | None, str, float]) -> pl.DataFrame:
    return pl.DataFrame(
        rows,
        schema={"indicator": pl.String, "zone": pl.String, "period": pl.String, "value": pl.Float64},
        orient="row",
    )


def _row(frame: pl.DataFrame, code: str) -> dict:
    return frame.filter(pl.col("indicator") == code).row(0, named=True)


def test_city_indicator_against_baseline_and_elapsed_time(dataset, settings) -> None:
    # I18: 200 innovation platforms by 2026. From 120 (2023Q4) the plan needs 80 more in 12 quarters.
    ds = with_tables(
        dataset,
        indicator_values=_values(
            ("I18", None, "2023Q4", 120.0),
            ("I18", None, "2026Q2", 190.0),
            ("I02", None, "2026Q3", 150.0),
            ("I03", None, "2026Q3", 320.0),
        ),
    )
    indicators, _ = indicator_status(ds, 2026, settings)
    platforms = _row(indicators, "I18")
    assert platforms["latest"] == 190.0 and platforms["period"] == "2026Q2"
    assert platforms["progress"] == pytest.approx(70 / 80)
    assert platforms["expected"] == pytest.approx(10 / 12)
    assert platforms["status"] == "on_pace"
    assert _row(indicators, "I02")["status"] == "behind"  # 150/180 with 11 of 12 quarters gone
    assert _row(indicators, "I03")["status"] == "met"
    assert _row(indicators, "I26")["status"] == "no_data"


def test_a_past_target_period_is_missed(dataset, settings) -> None:
    # I07: each zone brings in 2 projects over 1 bn yuan every year.
    ds = with_tables(
        dataset,
        indicator_values=_values(
            ("I07", "遂平县开发区", "2025Q4", 1.0), ("I07", "西平县开发区", "2025Q4", 2.0)
        ),
    )
    indicators, zones = indicator_status(ds, 2025, settings)
    per_zone = dict(zones.filter(pl.col("indicator") == "I07").select("short_name", "status").rows())
    assert per_zone["遂平"] == "missed" and per_zone["西平"] == "met" and per_zone["上蔡"] == "no_data"
    rolled = _row(indicators, "I07")
    assert (rolled["status"], rolled["zones_met"], rolled["zones_total"]) == ("missed", 1, 11)


def test_relative_and_decreasing_targets(dataset, settings) -> None:
    ds = with_tables(
        dataset, indicator_values=_values(("I15", None, "2025Q4", -0.5), ("I16", None, "2025Q4", -1.2))
    )
    indicators, _ = indicator_status(ds, 2026, settings)
    assert _row(indicators, "I15")["status"] == "behind"  # below the provincial average, with a year to go
    assert _row(indicators, "I16")["status"] == "met"  # the gap narrowed (< 0)
    assert _row(indicators, "I15")["progress"] is None


def test_tasks_roll_up_their_indicators(dataset, settings) -> None:
    indicators, _ = indicator_status(dataset, 2026, settings)
    tasks = task_status(dataset, indicators)
    assert tasks.height == 18
    for task in tasks.iter_rows(named=True):
        own = indicators.filter(pl.col("task") == task["task"]).get_column("status").to_list()
        if not own:
            assert task["status"] == "no_indicator"
        elif "missed" in own:
            assert task["status"] == "missed"
        elif "behind" in own:
            assert task["status"] == "behind"
        assert task["indicators"] == len(own)
    assert set(tasks.filter(pl.col("status") == "no_indicator").get_column("task")) == {6, 12, 13, 16, 17, 18}
