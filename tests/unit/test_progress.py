"""Indicator and task status: latest value against target and pace, rolled up to tasks."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from console.engine.audit import audit
from console.engine.progress import indicator_status, task_status
from tests.support.data import with_tables


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


def _reports(*rows: tuple[str, str, date | None]) -> pl.DataFrame:
    return pl.DataFrame(
        rows, schema={"zone": pl.String, "period": pl.String, "submitted": pl.Date}, orient="row"
    )


def test_a_zone_without_its_latest_report_is_not_reported(dataset, settings) -> None:
    # I10: a chain-leader firm per zone by 2026. 确山 had one at 2026Q2 but sent no 2026Q3 report.
    ds = with_tables(
        dataset,
        indicator_values=_values(
            ("I10", "确山县开发区", "2026Q2", 1.0),
            ("I10", "遂平县开发区", "2026Q3", 1.0),
            ("I10", "西平县开发区", "2026Q2", 1.0),
        ),
        reports=_reports(
            ("确山县开发区", "2026Q3", None),
            ("遂平县开发区", "2026Q3", date(2026, 9, 30)),
            ("西平县开发区", "2026Q3", date(2026, 9, 30)),
        ),
    )
    _, zones = indicator_status(ds, 2026, settings)
    per_zone = {r["short_name"]: r for r in zones.filter(pl.col("indicator") == "I10").iter_rows(named=True)}
    assert (per_zone["确山"]["status"], per_zone["确山"]["latest"]) == ("not_reported", None)
    assert per_zone["遂平"]["status"] == "met"  # reported with its figure
    # Reported without this figure: no figure for the quarter judged, not judged on its 2026Q2 one.
    assert (per_zone["西平"]["status"], per_zone["西平"]["latest"]) == ("no_data", None)
    # A year already over is judged on its own figures: 2025 has none here, so no_data, not not_reported.
    _, past = indicator_status(ds, 2025, settings)
    assert set(past.filter(pl.col("indicator") == "I10").get_column("status")) == {"no_data"}


def test_a_finished_year_without_q4_is_no_data_for_yearly_targets(dataset, settings) -> None:
    # I07 counts projects per zone per year, year to date: a Q3 count is not the year's result.
    ds = with_tables(
        dataset,
        indicator_values=_values(
            ("I07", "遂平县开发区", "2025Q3", 1.0), ("I07", "西平县开发区", "2025Q4", 1.0)
        ),
    )
    _, zones = indicator_status(ds, 2025, settings)
    per_zone = dict(zones.filter(pl.col("indicator") == "I07").select("short_name", "status").rows())
    assert per_zone["遂平"] == "no_data" and per_zone["西平"] == "missed"


def test_a_target_without_a_due_year_is_a_standing_aim(dataset, settings) -> None:
    # Drop I18's due year: it becomes a standing aim, never due: not paced, never behind or missed
    # (issue 20: the plan gives it no date), met once reached, else ongoing with its progress shown.
    indicators = dataset["indicators"].with_columns(
        pl.when(pl.col("indicator") == "I18").then(None).otherwise(pl.col("target_year")).alias("target_year")
    )
    ds = with_tables(
        dataset,
        indicators=indicators,
        indicator_values=_values(("I18", None, "2023Q4", 120.0), ("I18", None, "2025Q4", 150.0)),
    )
    judged, _ = indicator_status(ds, 2025, settings)
    row = _row(judged, "I18")
    assert row["standing_aim"] is True and row["status"] == "ongoing"  # 30 of 80: not judged behind
    assert row["progress"] == pytest.approx(30 / 80) and row["expected"] is None
    assert _row(judged, "I07")["standing_aim"] is False  # every year, its own year's target
    assert _row(indicator_status(dataset, 2025, settings)[0], "I18")["standing_aim"] is False


def test_clusters_over_50_is_counted_from_cluster_revenue_beside_the_reported_value(
    dataset, settings
) -> None:
    revenue = pl.DataFrame(
        [
            ("驻马店市高新技术产业开发区", "化工", "2025Q4", 150.0),
            ("驻马店市高新技术产业开发区", "生物医药", "2025Q4", 50.0),  # exactly 50 reaches it
            ("遂平县开发区", "食品", "2025Q4", 49.9),
        ],
        schema={"zone": pl.String, "industry": pl.String, "period": pl.String, "revenue_ytd": pl.Float64},
        orient="row",
    )
    ds = with_tables(dataset, cluster_revenue=revenue, indicator_values=_values(("I06", None, "2025Q4", 7.0)))
    row = _row(indicator_status(ds, 2025, settings)[0], "I06")
    assert (row["latest"], row["reported"], row["computed"], row["period"]) == (2.0, 7.0, True, "2025Q4")
    findings = [f for f in audit(ds) if f.check == "indicator_computed"]
    assert [(f.year, f.level, f.stated, f.counted) for f in findings] == [(2025, "I06 2025Q4", 7.0, 2.0)]
    assert "报送值为7" in findings[0].message_zh and "计算为2" in findings[0].message_zh
    agreeing = with_tables(ds, indicator_values=_values(("I06", None, "2025Q4", 2.0)))
    assert not [f for f in audit(agreeing) if f.check == "indicator_computed"]


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_clusters_over_50_agrees_with_the_clusters_tab(dataset, settings, year: int) -> None:
    """The figure the issue found disagreeing: I06 and the Clusters tab count the same clusters."""
    from console.engine.evaluation import evaluate

    ev = evaluate(dataset, settings, year)
    # The full year's revenue: a finished year's own (Q4), the running year's projection (issue 20).
    counted = ev.clusters.filter(pl.col("projected") >= 50).height
    assert counted > 0
    assert _row(ev.indicators, "I06")["latest"] == counted


def test_a_zone_is_judged_on_the_quarter_judged_only(dataset, settings) -> None:
    # walk 1: I05 (each zone, due 2026). 高新区's last 2025 figure is 2025Q2: the finished year 2025 is
    # judged on its Q4, so 高新区 is no_data for 2025, never behind on the older figure, and it does
    # not make the indicator behind.
    ds = with_tables(
        dataset,
        indicator_values=_values(
            ("I05", "驻马店市高新技术产业开发区", "2023Q4", 55.3),
            ("I05", "驻马店市高新技术产业开发区", "2025Q2", 60.0),
            *(("I05", zone, "2025Q4", 100.0) for zone in dataset["zones"].get_column("zone")[1:]),
        ),
    )
    indicators, zones = indicator_status(ds, 2025, settings)
    hi_tech = zones.filter((pl.col("indicator") == "I05") & (pl.col("short_name") == "高新区")).row(
        0, named=True
    )
    assert (hi_tech["status"], hi_tech["latest"], hi_tech["period"]) == ("no_data", None, None)
    rolled = _row(indicators, "I05")
    assert rolled["status"] != "behind"
    assert (rolled["zones_met"], rolled["zones_judged"], rolled["zones_total"]) == (10, 10, 11)


def test_zones_not_reported_do_not_hide_what_the_reported_figures_say(dataset, settings) -> None:
    # walk 9: I10 (a chain leader per zone by 2026): nine zones have one at 2026Q3, two sent no
    # report. The indicator is judged on the nine (on pace, not met: two are unknown), 9/11 judged;
    # one of the nine behind makes it behind; none reported leaves it not reported.
    names = dataset["zones"].get_column("zone").to_list()
    sent, silent = names[:9], names[9:]

    def with_values(values: list[float]) -> pl.DataFrame:
        return with_tables(
            dataset,
            indicator_values=_values(*(("I10", z, "2026Q3", v) for z, v in zip(sent, values, strict=True))),
            reports=_reports(
                *((z, "2026Q3", date(2026, 9, 30)) for z in sent), *((z, "2026Q3", None) for z in silent)
            ),
        )

    indicators, _ = indicator_status(with_values([1.0] * 9), 2026, settings)
    rolled = _row(indicators, "I10")
    assert (rolled["status"], rolled["zones_judged"], rolled["zones_total"]) == ("on_pace", 9, 11)
    indicators, _ = indicator_status(with_values([1.0] * 8 + [0.0]), 2026, settings)
    assert _row(indicators, "I10")["status"] == "behind"
    nobody = with_tables(
        dataset, indicator_values=_values(), reports=_reports(*((z, "2026Q3", None) for z in names))
    )
    indicators, _ = indicator_status(nobody, 2026, settings)
    assert _row(indicators, "I10")["status"] == "not_reported"
