"""Indicator and task status: each quantified target's latest value against its target and pace.

An indicator is ``met`` once its latest value satisfies the comparison; ``missed`` when its target
period is over and it does not; otherwise ``on_pace`` or ``behind`` depending on whether its progress
from the baseline (the last value before the plan started, else zero) keeps up with the time elapsed.
Zone-scoped indicators are judged per zone and rolled up: the indicator takes its worst zone's status.

A target with no due year (empty ``target_year``): ``each_zone_each_year`` ones are judged within each
year; any other is a standing aim (长期目标), which the plan never dates, so it is never due: ``met`` once
its value satisfies the comparison, else ``ongoing`` (持续推进) with its progress from the baseline
shown, never ``behind`` or ``missed`` and with no expected share (nothing to pace against). A zone is
judged on its figure for the quarter judged only (a finished year's Q4, the running year's as-of
quarter): without it, ``not_reported`` when it has not sent that report (the latest due), else
``no_data``; never on an older value. The roll-up takes the worst of the zones judged
(``_rolled_status``) and counts them (``zones_judged``). Indicators
that other tables determine (console.engine.determined) are judged on the value computed from those
tables; ``reported`` keeps the dataset's own value for the same period beside it. Such a value of a
running year is a projection (``basis`` ``projected``): reaching the target it is ``on_pace``, never
``met``, which only a finished year's own figure can be. City-wide and
relative targets are the plan's for its city: for data of other zones without targets of its own
(console.engine.coverage) they are ``no_target``, with no target, progress or expected share.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from console.core.config import Settings
from console.data.dataset import Dataset
from console.data.scales import Period
from console.engine.coverage import AREA_SCOPES, coverage
from console.engine.determined import BASIS, RUNNING_BASES, computed_values, determined_codes
from console.engine.severity import SEVERITY
from console.engine.status import eval_period, filter_counties, unreported_zones

ZONE_SCOPES = ("each_zone", "each_zone_each_year")


def plan_start(ds: Dataset) -> Period:
    """The first quarter of the plan: Q1 of the first year with zone targets."""
    return Period(ds.years[0], 1)


def _compare(value: pl.Expr, comparison: pl.Expr, target: pl.Expr) -> pl.Expr:
    return (
        pl.when(comparison == ">=")
        .then(value >= target)
        .when(comparison == ">")
        .then(value > target)
        .when(comparison == "<=")
        .then(value <= target)
        .otherwise(value < target)
    )


def _judge(frame: pl.LazyFrame, year: int, start: Period, plan_end: int, settings: Settings) -> pl.LazyFrame:
    """Add progress, expected share and status to rows holding latest, baseline and data period.

    Rows flagged ``__not_reported`` are ``not_reported``; their ``latest`` is already empty.
    """
    per_year = pl.col("scope") == "each_zone_each_year"
    standing = pl.col("target_year").is_null() & ~per_year  # never due: met, or ongoing
    year_end = (
        pl.when(per_year).then(pl.lit(year)).otherwise(pl.coalesce(pl.col("target_year"), pl.lit(plan_end)))
    )
    quarters_total = (year_end * 4 + 3) - start.index + 1
    data_index = pl.col("p_year") * 4 + pl.col("p_quarter") - 1
    # A year-end projection stands for the year's end: it is due what the plan expects by then, not by
    # its quarter (at 2026Q3 a projection of 202 against 216 due in 2026 is behind, not "94%, on
    # pace" with the rest of the year counted twice). The last four quarters' total is the year's
    # figure as of its quarter: due what the plan expects by that quarter.
    basis = _basis()
    running = basis.is_in(RUNNING_BASES)
    judged_index = pl.when(basis == "projected").then(pl.col("p_year") * 4 + 3).otherwise(data_index)
    shares = {q: settings.pace_share(q) for q in (1, 2, 3, 4)}
    expected = (
        pl.when(standing)
        .then(None)
        .when(per_year)
        .then(pl.col("p_quarter").replace_strict(shares, default=None, return_dtype=pl.Float64))
        .otherwise(((judged_index - start.index + 1) / quarters_total).clip(0.0, 1.0))
    )
    base = pl.col("baseline").fill_null(0.0)
    rising = pl.col("comparison").is_in([">=", ">"]) & (pl.col("target") > 0)
    progress = (
        pl.when(rising & (pl.col("target") > base))
        .then((pl.col("latest") - base) / (pl.col("target") - base))
        .when(rising)
        .then(pl.col("latest") / pl.col("target"))
    )
    over = data_index >= year_end * 4 + 3
    return frame.with_columns(expected.alias("expected"), progress.alias("progress")).with_columns(
        pl.when(pl.col("__not_reported"))
        .then(pl.lit("not_reported"))
        .when(pl.col("latest").is_null())
        .then(pl.lit("no_data"))
        .when(_compare(pl.col("latest"), pl.col("comparison"), pl.col("target")))
        # A running year's value (projected, last four quarters) reaching a full-year target is on
        # pace, not met: the year it stands for is not over.
        .then(pl.when(running).then(pl.lit("on_pace")).otherwise(pl.lit("met")))
        .when(standing)
        .then(pl.lit("ongoing"))
        .when(over)
        .then(pl.lit("missed"))
        .when(pl.col("progress") >= pl.col("expected"))
        .then(pl.lit("on_pace"))
        .otherwise(pl.lit("behind"))
        .alias("status")
    )


def indicator_status(
    ds: Dataset, year: int, settings: Settings, counties: Sequence[str] | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(indicators, zone_indicators): one row per indicator, and one per zone-scoped indicator and zone.

    City-wide and relative indicators ignore the county filter; zone-scoped ones roll up the zones
    shown. Beside the indicator table's columns: ``latest``, ``period``, ``progress``, ``expected``,
    ``status``, ``zones_met``/``zones_total`` (zone-scoped), ``computed`` (counted from other tables),
    ``reported`` (the dataset's own value for the same period, for a computed one), ``basis`` (what a
    full-year indicator's value stands on: ``full_year``, ``projected`` or ``trailing``,
    console.engine.determined.BASIS) and
    ``standing_aim`` (no due year, not a yearly target).
    """
    start = plan_start(ds)
    judged_at = eval_period(year, ds.as_of)
    period = judged_at or ds.as_of
    plan_end = ds.years[-1]
    indicators = ds["indicators"].lazy()
    latest, baseline = _latest_and_baseline(ds, settings, indicators, year, start, period)
    zone_plan = _zone_plan(ds, indicators, latest, baseline, counties, judged_at, period)
    # In indicator and annex order, so that sums and means over zones come out the same every run.
    judged = _judge(zone_plan, year, start, plan_end, settings).sort("indicator", "__zone_order")
    # Only the columns kept: the indicators' other columns are not copied to every zone's row.
    zone_judged = judged.select(ZONE_INDICATOR_COLUMNS)
    city_plan = (
        indicators.filter(~pl.col("scope").is_in(ZONE_SCOPES))
        .join(latest.filter(pl.col("zone").is_null()).drop("zone"), on="indicator", how="left")
        .join(baseline.filter(pl.col("zone").is_null()).drop("zone"), on="indicator", how="left")
        .with_columns(pl.lit(False).alias("__not_reported"))
    )
    # Both plans in one: the latest values and baselines they share are found once (a third of the
    # evaluation at 2,543 zones when each plan found them again).
    city_judged = _judge(city_plan, year, start, plan_end, settings).select(JUDGED)
    zone_out, city_rows = pl.collect_all([zone_judged, city_judged])
    return indicator_table(ds, city_rows, zone_out), zone_out


def _latest_and_baseline(
    ds: Dataset, settings: Settings, indicators: pl.LazyFrame, year: int, start: Period, period: Period
) -> tuple[pl.LazyFrame, pl.LazyFrame]:
    """Per indicator and zone (null: city-wide): the latest value in the plan's years up to ``period``
    (``latest`` with its ``period``, ``p_year``, ``p_quarter``; a yearly target's from ``year`` only),
    and the ``baseline``, the last value before the plan's ``start``. A determined indicator's values
    are computed from the tables that determine it (console.engine.determined)."""
    codes = determined_codes(ds)
    own = ["indicator", "zone", "period", "value"]
    raw = pl.concat(
        [
            ds["indicator_values"].filter(~pl.col("indicator").is_in(codes)).select(own),
            computed_values(ds, settings.pace_share).select(own),
        ],
        how="vertical_relaxed",
    )
    values = (
        raw.lazy()
        .filter(pl.col("period") <= str(period))
        .join(indicators.select("indicator", "scope"), on="indicator", how="inner")
    )
    in_plan = (pl.col("period") >= str(start)) & (
        (pl.col("scope") != "each_zone_each_year") | pl.col("period").str.starts_with(str(year))
    )
    # The last by period within each group (one value per period: the table's key), without sorting
    # every value first; its year and quarter read from the latest period alone, not from every value.
    latest = (
        values.filter(in_plan)
        .group_by("indicator", "zone")
        .agg(pl.col("value").sort_by("period").last().alias("latest"), pl.col("period").max())
        .with_columns(
            pl.col("period").str.slice(0, 4).cast(pl.Int64).alias("p_year"),
            pl.col("period").str.slice(5, 1).cast(pl.Int64).alias("p_quarter"),
        )
    )
    baseline = (
        values.filter(pl.col("period") < str(start))
        .group_by("indicator", "zone")
        .agg(pl.col("value").sort_by("period").last().alias("baseline"))
    )
    return latest, baseline


def _zone_plan(
    ds: Dataset,
    indicators: pl.LazyFrame,
    latest: pl.LazyFrame,
    baseline: pl.LazyFrame,
    counties: Sequence[str] | None,
    judged_at: Period | None,
    period: Period,
) -> pl.LazyFrame:
    """One row per zone-scoped indicator and zone shown, with its latest value and baseline, ready to
    judge (``_judge``): flagged ``__not_reported`` or ``__blank`` when it has no figure for ``period``."""
    zones = (
        filter_counties(ds["zones"], counties)
        .with_row_index("__zone_order")
        .select("zone", "short_name", "county", "__zone_order")
        .lazy()
    )
    unreported = unreported_zones(ds, judged_at).with_columns(pl.lit(True).alias("__unreported"))
    # One rule for every zone-scoped indicator: a zone is judged on its figure for the quarter judged
    # (a finished year's Q4, the running year's as-of quarter) and on nothing older. Without it the
    # zone is not_reported when it has not sent that report (the latest due), else no_data (such as a
    # finished year without its Q4 figure): never behind on an older value.
    stale = (pl.col("period") != str(period)).fill_null(True)
    not_reported = pl.col("__unreported").fill_null(False) & stale
    blank = stale
    return (
        indicators.filter(pl.col("scope").is_in(ZONE_SCOPES))
        .join(zones, how="cross")
        .join(latest, on=["indicator", "zone"], how="left")
        .join(baseline, on=["indicator", "zone"], how="left")
        .join(unreported.lazy(), on="zone", how="left")
        .with_columns(not_reported.alias("__not_reported"), blank.alias("__blank"))
        .with_columns(
            *(
                pl.when(pl.col("__blank")).then(None).otherwise(pl.col(c)).alias(c)
                for c in ("latest", "period", "p_year", "p_quarter")
            )
        )
    )


# What judging adds to an indicator (beside its zone counts), and the columns of a zone's judged row.
JUDGED = ["indicator", "latest", "period", "progress", "expected", "status"]
ZONE_INDICATOR_COLUMNS = [
    "indicator",
    "zone",
    "short_name",
    "county",
    "target",
    "latest",
    "baseline",
    "period",
    "progress",
    "expected",
    "status",
]


def indicator_table(ds: Dataset, city_rows: pl.DataFrame, zone_rows: pl.DataFrame) -> pl.DataFrame:
    """One row per indicator: the city-wide ones as judged in ``city_rows`` (columns ``JUDGED``), the
    zone-scoped ones rolled up over the zones of ``zone_rows`` (one judged row per indicator and zone
    shown, ``ZONE_INDICATOR_COLUMNS``): the worst zone's status, zones met, mean progress.

    The zone rows alone decide a zone-scoped indicator, so the rows of some counties, selected from the
    city's, roll up to what an evaluation of those counties gives (see ``evaluation.narrow``).
    """
    codes = determined_codes(ds)
    reported = (
        ds["indicator_values"]
        .filter(pl.col("indicator").is_in(codes))
        .select("indicator", "period", pl.col("value").alias("reported"))
    )
    severity = {s: i for i, s in enumerate(SEVERITY)}
    names = dict(enumerate(SEVERITY))
    rank = pl.col("status").replace_strict(severity, return_dtype=pl.Int64)
    is_judged = ~pl.col("status").is_in(UNJUDGED)
    rolled = (
        zone_rows.group_by("indicator")
        .agg(
            rank.filter(is_judged).min().alias("worst"),
            rank.filter(~is_judged).min().alias("worst_unjudged"),
            (pl.col("status") == "met").sum().alias("zones_met"),
            is_judged.sum().alias("zones_judged"),
            pl.len().alias("zones_total"),
            pl.col("progress").clip(upper_bound=1.0).mean().alias("progress"),
            pl.col("expected").max().alias("expected"),
            pl.col("period").max(),
        )
        .with_columns(
            pl.col("worst").replace_strict(names, default=None, return_dtype=pl.String),
            pl.col("worst_unjudged").replace_strict(names, default=None, return_dtype=pl.String),
            pl.lit(None, pl.Float64).alias("latest"),
        )
        .with_columns(_rolled_status().alias("status"))
    )
    columns = [*JUDGED, "zones_met", "zones_judged", "zones_total"]
    city_part = city_rows.with_columns(
        pl.lit(None, pl.UInt32).alias("zones_met"),
        pl.lit(None, pl.UInt32).alias("zones_judged"),
        pl.lit(None, pl.UInt32).alias("zones_total"),
    )
    judged = pl.concat([city_part.select(columns), rolled.select(columns)], how="vertical_relaxed")
    out = (
        ds["indicators"]
        .join(judged, on="indicator", how="left")
        .join(reported, on=["indicator", "period"], how="left")
        .with_columns(
            pl.col("status").fill_null("no_data"),
            pl.col("indicator").is_in(codes).alias("computed"),
            _basis().alias("basis"),
            (pl.col("target_year").is_null() & (pl.col("scope") != "each_zone_each_year")).alias(
                "standing_aim"
            ),
        )
        .sort("indicator")
    )
    if not coverage(ds).area_targets_apply:
        # The plan's city-wide totals and comparisons with the province are Zhumadian's: for other zones
        # there is no such target (console.engine.coverage), so no percentage of it and no judgement.
        area_wide = pl.col("scope").is_in(AREA_SCOPES)
        out = out.with_columns(
            *(
                pl.when(area_wide).then(None).otherwise(pl.col(c)).alias(c)
                for c in ("target", "progress", "expected")
            ),
            pl.when(area_wide).then(pl.lit("no_target")).otherwise(pl.col("status")).alias("status"),
        )
    return out


# A zone with no figure for the quarter judged: nothing is known of it, so it does not decide a roll-up.
UNJUDGED = ("not_reported", "no_data", "no_target")


def _rolled_status() -> pl.Expr:
    """A zone-scoped indicator's status from its zones' (columns ``worst`` of the zones judged,
    ``worst_unjudged`` of the others, ``expected``): the worst judged zone's, so that a zone not
    reported never hides what the reported figures say (shown as zones judged / zones, 9/11区已报).
    With zones unknown it is never ``met`` (every zone must be): the judged zones all met is
    ``on_pace`` while the target period runs, and the unknown zones' status once it is over. With
    no zone judged it is theirs (``not_reported`` before ``no_data``)."""
    unknown = pl.col("worst_unjudged").is_not_null()
    over = pl.col("expected").fill_null(0.0) >= 1.0
    return (
        pl.when(pl.col("worst").is_null())
        .then(pl.col("worst_unjudged"))
        .when(unknown & (pl.col("worst") == "met"))
        .then(pl.when(over).then(pl.col("worst_unjudged")).otherwise(pl.lit("on_pace")))
        .otherwise(pl.col("worst"))
    )


def _basis() -> pl.Expr:
    """What a full-year indicator's latest value stands on (console.engine.determined.BASIS): a
    finished year's own figure (``full_year``, a Q4 value) or the running year's (``projected`` for
    I06, ``trailing`` four quarters for I01)."""
    out = pl.lit(None, pl.String)
    for code, (year_end, running) in BASIS.items():
        at_q4 = pl.col("period").str.ends_with("Q4")
        out = (
            pl.when((pl.col("indicator") == code) & pl.col("period").is_not_null())
            .then(pl.when(at_q4).then(pl.lit(year_end)).otherwise(pl.lit(running)))
            .otherwise(out)
        )
    return out


def task_status(ds: Dataset, indicators: pl.DataFrame) -> pl.DataFrame:
    """One row per task of annex 1, its status the worst of its indicators' (``no_indicator`` if none)."""
    severity = {s: i for i, s in enumerate(SEVERITY)}
    rolled = (
        indicators.filter(pl.col("task").is_not_null())
        .group_by("task")
        .agg(
            pl.col("status").replace_strict(severity, return_dtype=pl.Int64).min().alias("worst"),
            pl.len().alias("indicators"),
            (pl.col("status") == "met").sum().alias("indicators_met"),
        )
    )
    return (
        ds["tasks"]
        .join(
            ds["sections"].select(
                "section",
                pl.col("title").alias("section_title"),
                pl.col("title_en").alias("section_title_en"),
            ),
            on="section",
            how="left",
        )
        .join(rolled, on="task", how="left")
        .with_columns(
            pl.col("worst")
            .replace_strict(dict(enumerate(SEVERITY)), default=None, return_dtype=pl.String)
            .fill_null("no_indicator")
            .alias("status"),
            pl.col("indicators").fill_null(0),
            pl.col("indicators_met").fill_null(0),
        )
        .drop("worst")
        .sort("task")
    )
