"""Drill-down content for one zone, cluster, task or indicator, as plain data (no Textual)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import polars as pl

from console.core.config import Settings
from console.data.dataset import Dataset
from console.data.scales import Period
from console.engine.coverage import coverage
from console.engine.determined import Pace, linear_pace
from console.engine.evaluation import Evaluation
from console.engine.status import cluster_status, eval_period, zone_status
from console.present.plan_text import CHART_COUNT_UNITS
from console.present.series import SCORE_FULL, Kind, Series, tier_runs
from console.words import Lang


@dataclass(frozen=True)
class ZoneDetail:
    zone: dict[str, Any]
    years: tuple[dict[str, Any], ...]
    clusters: pl.DataFrame
    revenue: tuple[Series, ...]
    reports: tuple[dict[str, Any], ...]
    # The province's assessment over the published years: score, and rank within tier.
    score: tuple[Series, ...] = ()
    rank: tuple[Series, ...] = ()
    # The published results (year, tier, province_rank, tier_size, star), oldest first.
    results: tuple[dict[str, Any], ...] = ()
    ranked_in: str = "province"  # the pool province_rank ranks in (console.engine.coverage)
    year: int = 0  # the year shown: its clusters and revenue are that year's


def _quarters(year: int, until: Period | None) -> list[Period]:
    last = 4 if until is None or until.year > year else until.quarter
    return [Period(year, q) for q in range(1, last + 1)]


def zone_detail(ds: Dataset, settings: Settings, zone: str, year: int) -> ZoneDetail:
    """A zone's targets and results for every year, its clusters, revenue against pace, its reports."""
    info = ds["zones"].filter(pl.col("zone") == zone).row(0, named=True)
    years = []
    for y in ds.years:
        row = zone_status(ds, y, settings).filter(pl.col("zone") == zone).row(0, named=True)
        years.append({"year": y, **row})
    clusters = cluster_status(ds, year, settings).filter(pl.col("zone") == zone)
    period = eval_period(year, ds.as_of)
    quarters = _quarters(year, period)
    x = tuple(f"{str(p.year)[2:]}Q{p.quarter}" for p in quarters)
    ytd = ds["cluster_revenue"].filter(
        (pl.col("zone") == zone) & pl.col("period").is_in([str(p) for p in quarters])
    )
    by_period = dict(ytd.group_by("period").agg(pl.col("revenue_ytd").sum()).iter_rows())
    target = float(
        ds["cluster_targets"]
        .filter((pl.col("zone") == zone) & (pl.col("year") == year))
        .get_column("revenue_target")
        .sum()
    )
    actual = Series("YTD", x, tuple(by_period.get(str(p)) for p in quarters))
    pace = Series("pace", x, tuple(target * settings.pace_share(p.quarter) for p in quarters))
    reports = ds["reports"].filter(pl.col("zone") == zone).sort("period")
    report_rows = []
    for period_text, submitted in reports.select("period", "submitted").iter_rows():
        due = Period(int(period_text[:4]), int(period_text[5])).due_date()
        days = None if submitted is None else (submitted - pl.Series([due]).str.to_date()[0]).days
        status = "missing" if submitted is None else ("late" if days and days > 0 else "on_time")
        report_rows.append(
            {
                "period": period_text,
                "due": due,
                "submitted": submitted,
                "status": status,
                "days_late": days if status == "late" else None,
            }
        )
    results = ds["assessments"].filter(pl.col("zone") == zone).sort("year")
    labels = tuple(str(y) for y in results.get_column("year").to_list())
    score = (
        Series("score", labels, tuple(results.get_column("score").to_list()), "score", bound=SCORE_FULL),
    )
    # Ranks are within a tier: one line per tier, the axis down to the largest tier's last place.
    sizes = [s for s in results.get_column("tier_size").to_list() if s is not None]
    rank = tier_runs(
        labels,
        tuple(results.get_column("tier").to_list()),
        tuple(None if r is None else float(r) for r in results.get_column("province_rank").to_list()),
        float(max(sizes)) if sizes else None,
    )
    published = tuple(
        results.select("year", "tier", "province_rank", "tier_size", "star").iter_rows(named=True)
    )
    return ZoneDetail(
        info,
        tuple(years),
        clusters,
        (actual, pace),
        tuple(report_rows),
        score,
        rank,
        published,
        coverage(ds).ranked_in,
        year,
    )


def zone_result(d: ZoneDetail, year: int) -> dict[str, Any] | None:
    """What the zone's rule marks up to ``year`` are decided on (rules.evidence of its latest published
    result); None before any result is published."""
    from console.engine.rules import evidence

    published = [r for r in d.results if r["year"] <= year]
    return evidence(published, published[-1]["year"]) if published else None


def rank_note(d: ZoneDetail, year: int, lang: Lang) -> str | None:
    """Why the zone's latest result up to ``year`` does or does not get the rank-fell notice (排名位次
    后移), against the year before; None without two consecutive published results."""
    from console.engine.rules import rank_move_explained

    by_year = {r["year"]: r for r in d.results if r["year"] <= year}
    if not by_year:
        return None
    now = by_year[max(by_year)]
    before = by_year.get(now["year"] - 1)
    return None if before is None else rank_move_explained(before, now, lang)


def cluster_series(
    ds: Dataset, settings: Settings, zone: str, industry: str, year: int | None = None
) -> tuple[list[dict[str, Any]], tuple[Series, ...]]:
    """Per year: target and status; and year-to-date revenue by quarter against pace, for ``year``
    (the year shown, as the zone drill-down's chart) or, without one, for every year."""
    rows = []
    x: list[str] = []
    actual: list[float | None] = []
    pace: list[float | None] = []
    revenue = dict(
        ds["cluster_revenue"]
        .filter((pl.col("zone") == zone) & (pl.col("industry") == industry))
        .select("period", "revenue_ytd")
        .iter_rows()
    )
    for each in ds.years:
        status = cluster_status(ds, each, settings).filter(
            (pl.col("zone") == zone) & (pl.col("industry") == industry)
        )
        if status.is_empty():
            continue
        row = status.row(0, named=True)
        rows.append({"year": each, **row})
        period = eval_period(each, ds.as_of)
        if period is None or (year is not None and each != year):
            continue
        for p in _quarters(each, period):
            x.append(f"{str(p.year)[2:]}Q{p.quarter}")
            actual.append(revenue.get(str(p)))
            pace.append(None if row["target"] is None else row["target"] * settings.pace_share(p.quarter))
    return rows, (Series("YTD", tuple(x), tuple(actual)), Series("pace", tuple(x), tuple(pace)))


def task_indicators(ds: Dataset, indicators: pl.DataFrame, task: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    """A task's rows of ``indicators`` (as the screen shows them), and their values over time
    (city-wide or summed over zones)."""
    own = indicators.filter(pl.col("task") == task)
    values = (
        ds["indicator_values"]
        .filter(pl.col("indicator").is_in(own.get_column("indicator").to_list()))
        .group_by("indicator", "period")
        .agg(pl.col("value").sum(), pl.col("zone").n_unique().alias("zones"))
        .sort("indicator", "period")
    )
    return own, values


# Quarters of history a drill-down table shows (two years).
HISTORY_QUARTERS = 8
# Zones an indicator's drill-down lists; beyond (national data) the worst-placed, in plan order.
ZONES_SHOWN = 50


@dataclass(frozen=True)
class IndicatorDetail:
    """One quantified target in the year shown: its evaluated row, its parent task (None for the
    headline goal I01), its city-wide values over time, and per zone its values and status."""

    indicator: dict[str, Any]
    task: dict[str, Any] | None
    # City-wide history up to the quarter judged: (period, value, reported). ``reported`` is the
    # dataset's own figure beside a value computed from other tables (console.engine.determined).
    history: tuple[tuple[str, float | None, float | None], ...]
    # Zone-scoped targets: the quarters of ``zones[i]["values"]``, and one dict per zone shown
    # (zone, short_name, short_name_en, latest, period, status, values, baseline, progress, expected).
    periods: tuple[str, ...]
    zones: tuple[dict[str, Any], ...]
    series: tuple[Series, ...] = ()
    more: int = 0  # zones beyond ZONES_SHOWN, not listed
    area: str = "city"  # what the data's zones cover (console.engine.coverage), for the scope word
    year: int = 0  # the year shown: progress and status are judged in it
    # A city-wide indicator's base: (period, value) of the last value before the plan, from which its
    # progress is measured; None where the data has none (progress is then measured from 0).
    baseline: tuple[str, float] | None = None


def _zone_details(
    ds: Dataset, own: pl.DataFrame, zone_rows: pl.DataFrame
) -> tuple[tuple[str, ...], list[dict[str, Any]]]:
    """The quarters shown of a zone-scoped indicator (``own``: its values), and one dict per zone of
    ``zone_rows`` (IndicatorDetail.zones)."""
    by_zone = own.filter(pl.col("zone").is_not_null())
    periods = tuple(sorted(set(by_zone.get_column("period").to_list()))[-HISTORY_QUARTERS:])
    values = {(z, p): v for z, p, v in by_zone.select("zone", "period", "value").iter_rows()}
    names_en = dict(ds["zones"].select("zone", "short_name_en").iter_rows())
    zones: list[dict[str, Any]] = []
    for z in zone_rows.iter_rows(named=True):
        zones.append(
            {
                "zone": z["zone"],
                "short_name": z["short_name"],
                "short_name_en": names_en.get(z["zone"]),
                "latest": z["latest"],
                "period": z["period"],
                "status": z["status"],
                "values": tuple(values.get((z["zone"], p)) for p in periods),
                # What the status is judged on: progress from the base towards the target, against
                # the share expected by the quarter judged (console.engine.progress).
                "baseline": z.get("baseline"),
                "progress": z.get("progress"),
                "expected": z.get("expected"),
            }
        )
    return periods, zones


def indicator_detail(ds: Dataset, ev: Evaluation, code: str, pace: Pace = linear_pace) -> IndicatorDetail:
    """An indicator's own drill-down content for the evaluation's year and counties (``pace``: the
    settings' pacing, on which a computed indicator's running year is projected)."""
    from console.engine.determined import computed_values, determined_codes
    from console.engine.severity import SEVERITY

    row = ev.indicators.filter(pl.col("indicator") == code).row(0, named=True)
    task = None
    if row["task"] is not None:
        tasks = ev.tasks.filter(pl.col("task") == row["task"])
        task = tasks.row(0, named=True) if tasks.height else None
    until = str(eval_period(ev.year, ds.as_of) or ds.as_of)  # the quarter the year is judged at
    own = ds["indicator_values"].filter(pl.col("indicator") == code)
    reported: dict[tuple[str | None, str], float] = {}
    if code in determined_codes(ds):
        reported = {(z, p): v for z, p, v in own.select("zone", "period", "value").iter_rows()}
        own = computed_values(ds, pace).filter(pl.col("indicator") == code)
    own = own.filter(pl.col("period") <= until)
    city = own.filter(pl.col("zone").is_null()).sort("period")
    history = tuple((p, v, reported.get((None, p))) for p, v in city.select("period", "value").iter_rows())
    zone_rows = ev.zone_indicators.filter(pl.col("indicator") == code)
    more = max(0, zone_rows.height - ZONES_SHOWN)
    if more:
        severity = {status: i for i, status in enumerate(SEVERITY)}
        zone_rows = (
            zone_rows.with_row_index("__order")
            .sort(pl.col("status").replace_strict(severity, default=len(SEVERITY)), "__order")
            .head(ZONES_SHOWN)
            .sort("__order")
        )
    periods, zones = _zone_details(ds, own, zone_rows) if zone_rows.height else ((), [])
    series: tuple[Series, ...] = ()
    start = str(Period(ds.years[0], 1))  # the plan's first quarter (console.engine.progress.plan_start)
    base = next(((p, v) for p, v, _ in reversed(history) if p < start and v is not None), None)
    shown = history[-HISTORY_QUARTERS:]  # the quarters of the history table (drilldown_views)
    if any(v is not None for _, v, _ in shown):
        x = tuple(p for p, _, _ in shown)
        kind: Kind = "count" if row["unit"] in CHART_COUNT_UNITS else "amount"
        series = (
            Series("value", x, tuple(v for _, v, _ in shown), kind),
            Series("target", x, tuple(row["target"] for _ in x), kind),
        )
    return IndicatorDetail(
        row, task, history, periods, tuple(zones), series, more, ev.coverage.area, ev.year, base
    )
