"""The status engine on crafted results: each rule a coordinator relies on, one test each."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import polars as pl
import pytest

from console.core.config import Settings
from console.data.scales import Period
from console.engine.evaluation import UnknownChoice, evaluate
from console.engine.status import cluster_status, eval_period, zone_status
from tests.support.data import with_tables

GAOXIN = "驻马店市高新技术产业开发区"  # 2025 target 三星 一档; 2026 三星 一档
JINGKAI = "驻马店经济技术开发区"  # 2025 target 二星 二档
XIPING = "西平县开发区"  # 2024: no star target, 三档
SHANGCAI = "上蔡县开发区"  # 2026 target 一星 三档


def _assessments(*rows: tuple[str, int, int | None, int]) -> pl.DataFrame:
    return pl.DataFrame(
        [(z, y, s, t, 80.0, 10, 58) for z, y, s, t in rows],
        schema={
            "zone": pl.String,
            "year": pl.Int64,
            "star": pl.Int8,
            "tier": pl.Int8,
            "score": pl.Float64,
            "province_rank": pl.Int64,
            "tier_size": pl.Int64,
        },
        orient="row",
    )


def _zone(frame: pl.DataFrame, zone: str) -> dict:
    return frame.filter(pl.col("zone") == zone).row(0, named=True)


def test_eval_period() -> None:
    as_of = Period(2026, 3)
    assert eval_period(2025, as_of) == Period(2025, 4)
    assert eval_period(2026, as_of) == as_of
    assert eval_period(2027, as_of) is None


def test_published_year_is_met_or_missed(dataset, settings: Settings) -> None:
    ds = with_tables(
        dataset,
        assessments=_assessments((GAOXIN, 2025, 3, 2), (JINGKAI, 2025, 1, 1), (XIPING, 2024, None, 3)),
    )
    zones = zone_status(ds, 2025, settings)
    gaoxin = _zone(zones, GAOXIN)
    assert (gaoxin["star_status"], gaoxin["tier_status"]) == (
        "met",
        "missed",
    )  # 二档 is below the 一档 target
    jingkai = _zone(zones, JINGKAI)
    assert (jingkai["star_status"], jingkai["tier_status"]) == ("missed", "met")  # 一档 beats the 二档 target
    assert "tier" in gaoxin["missing"] and "star" not in gaoxin["missing"]
    assert "star" in jingkai["missing"] and "tier" not in jingkai["missing"]
    xiping_2024 = _zone(zone_status(ds, 2024, settings), XIPING)
    assert (xiping_2024["star_status"], xiping_2024["tier_status"]) == ("no_target", "met")


def test_unpublished_year_judges_the_latest_result(dataset, settings: Settings) -> None:
    ds = with_tables(dataset, assessments=_assessments((GAOXIN, 2025, 3, 1), (SHANGCAI, 2025, None, 3)))
    zones = zone_status(ds, 2026, settings)
    gaoxin = _zone(zones, GAOXIN)
    assert (gaoxin["star_status"], gaoxin["tier_status"], gaoxin["result_year"]) == (
        "on_track",
        "on_track",
        2025,
    )
    shangcai = _zone(zones, SHANGCAI)  # 2026 asks for 一星; it holds none
    assert (shangcai["star_status"], shangcai["tier_status"]) == ("at_risk", "on_track")
    assert shangcai["missing"][:1] == ["star"]
    never = _zone(zones, JINGKAI)  # no published result at all: nothing to judge, not a risk
    assert (never["star_status"], never["tier_status"], never["star"]) == ("no_data", "no_data", None)
    assert "star" not in never["missing"] and "tier" not in never["missing"]


def _revenue(*rows: tuple[str, str, str, float]) -> pl.DataFrame:
    return pl.DataFrame(
        rows,
        schema={"zone": pl.String, "industry": pl.String, "period": pl.String, "revenue_ytd": pl.Float64},
        orient="row",
    )


def _cluster(frame: pl.DataFrame, zone: str, industry: str) -> dict:
    return frame.filter((pl.col("zone") == zone) & (pl.col("industry") == industry)).row(0, named=True)


def test_cluster_pace_projection_and_status(dataset, settings: Settings) -> None:
    # 2026 targets: 化工 170, 生物医药 110; 经开区 装备制造 140, 食品 65.
    ds = with_tables(
        dataset,
        cluster_revenue=_revenue(
            (GAOXIN, "化工", "2026Q2", 80.0),
            (GAOXIN, "化工", "2026Q3", 127.5),  # exactly 75 % of 170: on pace
            (GAOXIN, "生物医药", "2026Q3", 60.0),  # pace 82.5: behind
            (JINGKAI, "装备制造", "2026Q3", 141.0),  # past the full-year target already: met
            (JINGKAI, "食品", "2025Q4", 50.0),  # no 2026 data: no_data
        ),
    )
    clusters = cluster_status(ds, 2026, settings)
    chem = _cluster(clusters, GAOXIN, "化工")
    assert chem["pace_target"] == pytest.approx(127.5)
    assert chem["projected"] == pytest.approx(170.0)
    assert (chem["status"], chem["period"], chem["history"]) == ("on_pace", "2026Q3", [80.0, 127.5])
    assert _cluster(clusters, GAOXIN, "生物医药")["status"] == "behind"
    assert _cluster(clusters, JINGKAI, "装备制造")["status"] == "met"
    assert _cluster(clusters, JINGKAI, "食品")["status"] == "no_data"
    assert (
        _cluster(cluster_status(ds, 2025, settings), JINGKAI, "食品")["status"] == "missed"
    )  # 50 < 55 at Q4
    zones = zone_status(ds, 2026, settings, clusters=clusters)
    assert _zone(zones, GAOXIN)["revenue_status"] == "behind"  # any cluster behind: the zone misses revenue
    assert "revenue" in _zone(zones, GAOXIN)["missing"]
    assert _zone(zones, JINGKAI)["revenue_status"] == "no_data"


def test_pacing_rule_comes_from_settings(dataset, settings: Settings) -> None:
    ds = with_tables(dataset, cluster_revenue=_revenue((GAOXIN, "生物医药", "2026Q3", 70.0)))
    linear = _cluster(cluster_status(ds, 2026, settings), GAOXIN, "生物医药")
    assert (linear["status"], linear["pace_target"]) == ("behind", pytest.approx(82.5))
    seasonal = replace(settings, pacing_rule="custom", pacing_custom=(0.2, 0.4, 0.6, 1.0))
    custom = _cluster(cluster_status(ds, 2026, seasonal), GAOXIN, "生物医药")
    assert (custom["status"], custom["pace_target"]) == ("on_pace", pytest.approx(66.0))
    tolerant = replace(settings, tolerance=0.2)
    assert _cluster(cluster_status(ds, 2026, tolerant), GAOXIN, "生物医药")["status"] == "on_pace"


def test_report_status_against_the_due_date(dataset, settings: Settings) -> None:
    reports = pl.DataFrame(
        [
            (GAOXIN, "2026Q3", date(2026, 9, 28)),
            (JINGKAI, "2026Q3", date(2026, 10, 9)),
            (XIPING, "2026Q3", None),
        ],
        schema={"zone": pl.String, "period": pl.String, "submitted": pl.Date},
        orient="row",
    )
    zones = zone_status(with_tables(dataset, reports=reports), 2026, settings)
    assert _zone(zones, GAOXIN)["report_status"] == "on_time"
    late = _zone(zones, JINGKAI)
    assert (late["report_status"], late["report_days_late"]) == ("late", 9)
    assert _zone(zones, XIPING)["report_status"] == "missing"
    assert _zone(zones, SHANGCAI)["report_status"] == "missing"  # no row at all


def test_county_filter(dataset, settings: Settings) -> None:
    ev = evaluate(dataset, settings, 2026, ["平舆县", "Yicheng District"])
    assert ev.zones.get_column("short_name").to_list() == ["经开区", "平舆"]
    assert set(ev.clusters.get_column("short_name")) == {"经开区", "平舆"}
    assert set(ev.zone_indicators.get_column("short_name")) == {"经开区", "平舆"}
    with pytest.raises(UnknownChoice, match="Did you mean '平舆县'"):
        evaluate(dataset, settings, 2026, ["平舆"])
    with pytest.raises(UnknownChoice, match="2024, 2025, 2026"):
        evaluate(dataset, settings, 2023)


def test_default_year_is_the_as_of_year(dataset, settings: Settings) -> None:
    assert evaluate(dataset, settings).year == 2026


QUESHAN = "确山县开发区"  # one cluster, 建材: 2025 target 20, 2026 target 25 (annex 3)


def _reports(*rows: tuple[str, str, date | None]) -> pl.DataFrame:
    return pl.DataFrame(
        rows, schema={"zone": pl.String, "period": pl.String, "submitted": pl.Date}, orient="row"
    )


def test_a_missing_latest_report_is_not_reported_not_judged_on_the_quarter_before(dataset, settings) -> None:
    # 确山 reported Q2 on pace, but not Q3 (the as-of quarter): Q3 is not_reported, not "on pace".
    ds = with_tables(
        dataset,
        cluster_revenue=_revenue((QUESHAN, "建材", "2026Q2", 20.0), (GAOXIN, "化工", "2026Q3", 130.0)),
        reports=_reports((QUESHAN, "2026Q2", date(2026, 6, 30)), (QUESHAN, "2026Q3", None)),
    )
    clusters = cluster_status(ds, 2026, settings)
    queshan = _cluster(clusters, QUESHAN, "建材")
    assert (queshan["status"], queshan["actual_ytd"], queshan["period"]) == ("not_reported", None, None)
    assert queshan["history"] == [20.0]  # the earlier figure stays in the trend
    zones = zone_status(ds, 2026, settings, clusters=clusters)
    assert _zone(zones, QUESHAN)["revenue_status"] == "not_reported"
    assert _zone(zones, QUESHAN)["revenue_ytd"] is None  # no figure, not 0 亿元
    assert "revenue" not in _zone(zones, QUESHAN)["missing"]
    # The same zone with its Q3 report sent but no figure in it: no_data, not not_reported.
    sent = with_tables(ds, reports=_reports((QUESHAN, "2026Q3", date(2026, 9, 30))))
    assert _cluster(cluster_status(sent, 2026, settings), QUESHAN, "建材")["status"] == "no_data"


def test_a_finished_year_without_its_q4_figure_is_no_data_not_behind(dataset, settings) -> None:
    # 2025 is over; 确山 has only its Q3 figure (well behind the 20 target), 高新区 化工 its Q4.
    ds = with_tables(
        dataset,
        cluster_revenue=_revenue((QUESHAN, "建材", "2025Q3", 5.0), (GAOXIN, "化工", "2025Q4", 100.0)),
        reports=_reports((QUESHAN, "2025Q4", None)),
    )
    clusters = cluster_status(ds, 2025, settings)
    assert _cluster(clusters, QUESHAN, "建材")["status"] == "no_data"
    assert _cluster(clusters, GAOXIN, "化工")["status"] == "missed"  # 100 < 145 at Q4: judged
    zones = zone_status(ds, 2025, settings, clusters=clusters)
    assert _zone(zones, QUESHAN)["revenue_status"] == "no_data"
    assert "revenue" not in _zone(zones, QUESHAN)["missing"]


def test_fail_on_missing_does_not_count_an_unsent_report_as_a_missed_target(data_copy, capsys) -> None:
    """``--fail-on-missing`` exits 1 for behind or missed targets only: not_reported and no_data are
    shown as such and do not fail the run (a missing report is its own status, ``report_status``)."""
    from console.cli import main
    from console.data.loader import load_dataset

    ds = load_dataset(data_copy)
    assessments = ds["assessments"].with_columns(  # 确山 already holds its 2026 targets (一星, 三档)
        pl.when(pl.col("zone") == QUESHAN).then(1).otherwise(pl.col("star")).cast(pl.Int8).alias("star"),
        pl.when(pl.col("zone") == QUESHAN).then(3).otherwise(pl.col("tier")).cast(pl.Int8).alias("tier"),
    )
    assessments.write_csv(data_copy / "assessments.csv", include_bom=True)
    q3 = (pl.col("zone") == QUESHAN) & (pl.col("period") == "2026Q3")
    ds["reports"].with_columns(
        pl.when(q3).then(None).otherwise(pl.col("submitted")).alias("submitted")
    ).write_csv(data_copy / "reports.csv", include_bom=True)
    ds["cluster_revenue"].filter(~q3).write_csv(data_copy / "cluster_revenue.csv", include_bom=True)
    args = ["status", "--data", str(data_copy), "--county", "确山县", "--year", "2026"]
    assert main([*args, "--fail-on-missing"]) == 0
    capsys.readouterr()
    assert main([*args, "--json"]) == 0
    zone = json.loads(capsys.readouterr().out)["zones"][0]
    assert (zone["revenue_status"], zone["report_status"], zone["missing"]) == ("not_reported", "missing", [])
    # The control: a Q3 figure far behind pace does fail the run.
    behind = pl.DataFrame(
        [(QUESHAN, "建材", "2026Q3", 1.0)],
        schema={"zone": pl.String, "industry": pl.String, "period": pl.String, "revenue_ytd": pl.Float64},
        orient="row",
    )
    pl.concat([ds["cluster_revenue"].filter(~q3), behind]).write_csv(
        data_copy / "cluster_revenue.csv", include_bom=True
    )
    assert main([*args, "--fail-on-missing"]) == 1


def test_the_zones_tab_shows_no_share_for_a_zone_that_has_not_reported(dataset, settings) -> None:
    from console.present.assemble import compute, render_views
    from console.present.labels import status_word

    ds = with_tables(
        dataset,
        cluster_revenue=_revenue((QUESHAN, "建材", "2026Q2", 20.0), (GAOXIN, "化工", "2026Q3", 130.0)),
        reports=_reports((QUESHAN, "2026Q2", date(2026, 6, 30)), (QUESHAN, "2026Q3", None)),
    )
    view = render_views(compute(ds, settings, 2026, ()), "zh", False).tables["zones"]
    cells = {row.key: row.cells[view.column_index("revenue")] for row in view.rows}
    # Not "0%/75%": there is no Q3 figure to take a share of; the cell says why in words (h5).
    assert "%" not in cells[QUESHAN].text and cells[QUESHAN].values[3] is None
    assert cells[QUESHAN].text.endswith(status_word(cells[QUESHAN].status, "zh"))
    assert cells[GAOXIN].text.startswith("46%/75%")  # 130 of 化工 170 + 生物医药 110 (no figure): 130/280


def test_the_revenue_roll_up_follows_the_one_severity_order() -> None:
    """A zone's revenue status takes its clusters' worst in SEVERITY's order, no_data (a cluster with no
    figure) ranked before on_pace so that an unknown cluster never reads as on pace."""
    from console.engine.severity import SEVERITY
    from console.engine.status import REVENUE_SEVERITY

    judged = [s for s in REVENUE_SEVERITY if s != "no_data"]
    assert (
        judged
        == [s for s in SEVERITY if s in judged]
        == ["missed", "behind", "not_reported", "on_pace", "met"]
    )
    assert (
        REVENUE_SEVERITY.index("not_reported")
        < REVENUE_SEVERITY.index("no_data")
        < REVENUE_SEVERITY.index("on_pace")
    )
