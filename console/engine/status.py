"""The status engine for zones and clusters: who meets, misses or risks which target.

Plain polars (lazy where it helps), no Textual. Every screen and every CLI answer comes from here,
so the console and ``devzones status`` always agree.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import polars as pl

from console.core.config import Settings
from console.data.dataset import Dataset
from console.data.scales import Period
from console.engine.severity import REVENUE_SEVERITY

# Every status a zone's quarterly report can have (report_status), in the order counts list them.
REPORT_STATUSES = ("late", "missing", "on_time", "no_data", "not_due")


def eval_period(year: int, as_of: Period) -> Period | None:
    """The quarter a year is judged at: its Q4 once over, the as-of quarter during it, None before it."""
    if year < as_of.year:
        return Period(year, 4)
    if year == as_of.year:
        return as_of
    return None


def _period_parts(column: str = "period") -> list[pl.Expr]:
    return [
        pl.col(column).str.slice(0, 4).cast(pl.Int64).alias("p_year"),
        pl.col(column).str.slice(5, 1).cast(pl.Int64).alias("p_quarter"),
    ]


def filter_counties(zones: pl.DataFrame, counties: Sequence[str] | None) -> pl.DataFrame:
    """Zones in any of ``counties`` (Chinese or English names); all zones when None or empty."""
    if not counties:
        return zones
    wanted = list(counties)
    return zones.filter(pl.col("county").is_in(wanted) | pl.col("county_en").is_in(wanted))


def unreported_zones(ds: Dataset, period: Period | None) -> pl.DataFrame:
    """Zones (one column, ``zone``) whose report for ``period`` is missing, when ``period`` is the
    latest reporting period (the as-of quarter); empty otherwise.

    Such a zone's figures for that period are ``not_reported``: it is not judged on an older quarter.
    A missing figure for any earlier period (such as a finished year's Q4) is ``no_data``.
    """
    if period is None or period != ds.as_of:
        return pl.DataFrame(schema={"zone": pl.String})
    sent = ds["reports"].filter((pl.col("period") == str(period)) & pl.col("submitted").is_not_null())
    return ds["zones"].select("zone").join(sent.select("zone"), on="zone", how="anti")


# The columns of ``cluster_status``, in order.
CLUSTER_COLUMNS = (
    "zone",
    "short_name",
    "county",
    "industry",
    "industry_en",
    "target",
    "actual_ytd",
    "pace_target",
    "projected",
    "progress",
    "period",
    "status",
    "history",
)


def cluster_status(
    ds: Dataset, year: int, settings: Settings, counties: Sequence[str] | None = None
) -> pl.DataFrame:
    """One row per cluster: the year's target, year-to-date revenue, pace, projection and status.

    A cluster is judged on the figure for the year's evaluation period only (``eval_period``): with
    no figure for it, the status is ``not_reported`` when the zone has not sent that report and it
    is the latest one due, else ``no_data`` (a finished year without its Q4 figure is ``no_data``,
    never ``behind`` or ``missed``). ``actual_ytd`` is then empty; ``history`` keeps the earlier
    figures of the year.
    """
    zones = filter_counties(ds["zones"], counties).select("zone", "short_name", "county")
    period = eval_period(year, ds.as_of)
    unreported = unreported_zones(ds, period).with_columns(pl.lit(True).alias("__unreported"))
    order = ds["clusters"].select("zone", "industry").with_row_index("__order").lazy()
    targets = (
        ds["cluster_targets"]
        .lazy()
        .filter(pl.col("year") == year)
        .select("zone", "industry", pl.col("revenue_target").alias("target"))
    )
    clusters = (
        ds["clusters"]
        .lazy()
        .join(zones.lazy(), on="zone", how="inner")
        .join(targets, on=["zone", "industry"], how="left")
    )
    at_period = str(period) if period is not None else None
    quarter = period.quarter if period is not None else None
    paced = settings.pace_share(quarter) if quarter is not None else None
    share = pl.lit(paced, pl.Float64)
    # The projection multiplies by the inverse share: polars divides by a constant that way in some
    # rows and not in others (by position), so a cluster's projection could differ in its last digit
    # between the city and a county filter. Multiplying gives every row the same figure.
    inverse = pl.lit(None if paced is None else (1.0 / paced if paced else math.inf), pl.Float64)
    out = (
        clusters.join(_cluster_latest(ds, year, period), on=["zone", "industry"], how="left")
        .join(unreported.lazy(), on="zone", how="left")
        .join(order, on=["zone", "industry"], how="left")
        .sort("__order")
        .with_columns(
            (pl.col("target") * share).alias("pace_target"),
            (pl.col("actual_ytd") * inverse).alias("projected"),
            pl.lit(quarter, pl.Int64).alias("quarter"),
            pl.when(pl.col("actual_ytd").is_not_null()).then(pl.lit(at_period, pl.String)).alias("period"),
        )
        .with_columns(
            _cluster_judged(1.0 - settings.tolerance).alias("status"),
            (pl.col("actual_ytd") / pl.col("target")).alias("progress"),
        )
        .select(CLUSTER_COLUMNS)
    )
    return out.collect()


def _cluster_latest(ds: Dataset, year: int, period: Period | None) -> pl.LazyFrame:
    """Per cluster of ``year``: ``actual_ytd``, its figure for ``period`` (empty without one), and
    ``history``, every figure of the year up to ``period``."""
    revenue = ds["cluster_revenue"].lazy().with_columns(_period_parts())
    if period is None:
        revenue = revenue.filter(pl.lit(False))
    else:
        revenue = revenue.filter((pl.col("p_year") == year) & (pl.col("period") <= str(period)))
    at_period = str(period) if period is not None else None
    return (
        revenue.sort("period")
        .group_by("zone", "industry")
        .agg(
            pl.col("revenue_ytd")
            .filter(pl.col("period") == pl.lit(at_period, pl.String))
            .last()
            .alias("actual_ytd"),
            pl.col("revenue_ytd").alias("history"),
        )
    )


def _cluster_judged(tolerance: float) -> pl.Expr:
    """A cluster's status from its target, ``actual_ytd``, ``pace_target``, ``quarter`` and whether its
    zone has not reported (``__unreported``); ``tolerance`` is the share of the pace that still counts."""
    return (
        pl.when(pl.col("target").is_null())
        .then(pl.lit("no_target"))
        .when(pl.col("actual_ytd").is_null() & pl.col("__unreported").fill_null(False))
        .then(pl.lit("not_reported"))
        .when(pl.col("actual_ytd").is_null())
        .then(pl.lit("no_data"))
        .when(pl.col("actual_ytd") >= pl.col("target"))
        .then(pl.lit("met"))
        .when(pl.col("quarter") == 4)
        .then(pl.lit("missed"))
        .when(pl.col("actual_ytd") >= pl.col("pace_target") * tolerance)
        .then(pl.lit("on_pace"))
        .otherwise(pl.lit("behind"))
    )


def _result_status(achieved: pl.Expr, target: pl.Expr, published: pl.Expr, higher_is_better: bool) -> pl.Expr:
    # Stars: higher is better; tiers: 1 (一档) is the best. A missing result reaches nothing.
    # No result published for any year up to this one (a new real dataset): nothing to judge, no_data.
    reached = achieved.fill_null(0) >= target if higher_is_better else achieved.fill_null(99) <= target
    return (
        pl.when(target.is_null())
        .then(pl.lit("no_target"))
        .when(pl.col("result_year").is_null())
        .then(pl.lit("no_data"))
        .when(published)
        .then(pl.when(reached).then(pl.lit("met")).otherwise(pl.lit("missed")))
        .otherwise(pl.when(reached).then(pl.lit("on_track")).otherwise(pl.lit("at_risk")))
    )


def report_status(ds: Dataset, period: Period | None, zones: pl.DataFrame) -> pl.DataFrame:
    """Per zone, the quarterly report for ``period``: on_time, late (with days), missing or not_due."""
    if period is None:
        return zones.select("zone").with_columns(
            pl.lit(None, pl.String).alias("report_period"),
            # No quarter's data at all yet (a new real dataset): unknown, not "not due".
            pl.lit("not_due" if ds.has_progress else "no_data").alias("report_status"),
            pl.lit(None, pl.Int64).alias("report_days_late"),
        )
    due = pl.lit(period.due_date()).str.to_date()
    reports = ds["reports"].filter(pl.col("period") == str(period)).select("zone", "submitted")
    # A real dataset started part way through the plan has no reports from before its first quarter:
    # those quarters were never collected here, so their reports are unknown (no_data), not missing.
    first = ds["reports"].get_column("period").min()
    collected = first is not None and str(first) <= str(period)
    return (
        zones.select("zone")
        .join(reports, on="zone", how="left")
        .with_columns(
            pl.lit(str(period)).alias("report_period"),
            (pl.col("submitted") - due).dt.total_days().alias("days"),
        )
        .with_columns(
            pl.when(pl.col("submitted").is_null() & pl.lit(not collected))
            .then(pl.lit("no_data"))
            .when(pl.col("submitted").is_null())
            .then(pl.lit("missing"))
            .when(pl.col("days") > 0)
            .then(pl.lit("late"))
            .otherwise(pl.lit("on_time"))
            .alias("report_status"),
            pl.when(pl.col("days") > 0).then(pl.col("days")).alias("report_days_late"),
        )
        .select("zone", "report_period", "report_status", "report_days_late", "submitted")
    )


def zone_status(
    ds: Dataset,
    year: int,
    settings: Settings,
    counties: Sequence[str] | None = None,
    clusters: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """One row per zone: star and tier target vs result, revenue status, report status, and ``missing``.

    For a year whose provincial result is published, the result is judged: met or missed. For a year
    not yet published, the latest published result is judged against the year's target: on_track or
    at_risk. ``clusters`` may pass in an already computed ``cluster_status`` for the same arguments.
    """
    zones = filter_counties(ds["zones"], counties).with_row_index("__order")
    if clusters is None:
        clusters = cluster_status(ds, year, settings, counties)
    targets = ds["zone_targets"].filter(pl.col("year") == year).select("zone", "star_target", "tier_target")
    results = (
        ds["assessments"]
        .lazy()
        .filter(pl.col("year") <= year)
        .sort("year")
        .group_by("zone")
        .agg(pl.all().last())
        .select(
            "zone", pl.col("year").alias("result_year"), "star", "tier", "score", "province_rank", "tier_size"
        )
    )
    severity = {status: rank for rank, status in enumerate(REVENUE_SEVERITY)}
    revenue = (
        clusters.lazy()
        .group_by("zone")
        .agg(
            pl.col("status")
            .replace_strict(severity, default=None, return_dtype=pl.Int64)
            .min()
            .alias("worst"),
            pl.col("target").sum().alias("revenue_target"),
            # No figure from any cluster is no figure (not 0): the zone has not reported, or has no data.
            pl.when(pl.col("actual_ytd").count() > 0).then(pl.col("actual_ytd").sum()).alias("revenue_ytd"),
            pl.col("pace_target").sum().alias("revenue_pace"),
        )
        .with_columns(
            pl.col("worst")
            .replace_strict(dict(enumerate(REVENUE_SEVERITY)), default=None, return_dtype=pl.String)
            .alias("revenue_status")
        )
    )
    published = pl.col("result_year") == year
    reports = report_status(ds, eval_period(year, ds.as_of), zones)
    frame = (
        zones.lazy()
        .join(targets.lazy(), on="zone", how="left")
        .join(results, on="zone", how="left")
        .join(revenue, on="zone", how="left")
        .join(reports.lazy(), on="zone", how="left")
        .with_columns(
            _result_status(pl.col("star"), pl.col("star_target"), published, higher_is_better=True).alias(
                "star_status"
            ),
            _result_status(pl.col("tier"), pl.col("tier_target"), published, higher_is_better=False).alias(
                "tier_status"
            ),
            pl.col("revenue_status").fill_null("no_target"),
        )
        .with_columns(
            pl.concat_list(
                pl.when(pl.col("tier_status").is_in(["missed", "at_risk"])).then(pl.lit("tier")),
                pl.when(pl.col("star_status").is_in(["missed", "at_risk"])).then(pl.lit("star")),
                pl.when(pl.col("revenue_status").is_in(["behind", "missed"])).then(pl.lit("revenue")),
            )
            .list.drop_nulls()
            .alias("missing")
        )
        .sort("__order")
        .drop("worst", "__order")
    )
    return frame.collect()


def quarterly_revenue(ds: Dataset, start: Period, counties: Sequence[str] | None = None) -> pl.DataFrame:
    """Per cluster, revenue earned in each quarter from ``start`` to the as-of quarter (not year to date).

    Columns: zone, industry, periods (list of str), quarterly (list of float, null where no report).
    A gap is a gap and a figure that arrived is shown: a quarter without a figure (not reported) is
    null, never bridged; a quarter reported after one or more missing quarters of its year shows the
    revenue since the last figure averaged over the quarters it covers (how it split between them is
    not known), so it is not left blank because the quarter before it is.
    """
    quarters = [str(Period.from_index(i)) for i in range(start.index, ds.as_of.index + 1)]
    zones = filter_counties(ds["zones"], counties).select("zone")
    grid = (
        ds["clusters"]
        .select("zone", "industry")
        .join(zones, on="zone", how="semi")
        .join(pl.DataFrame({"period": quarters}, schema={"period": pl.String}), how="cross")
    )
    # From every figure of the year (also those before ``start``): what was earned since the last one.
    group = ("zone", "industry", "p_year")
    earned = (
        ds["cluster_revenue"]
        .select("zone", "industry", "period", "revenue_ytd")
        .filter(pl.col("revenue_ytd").is_not_null())
        .with_columns(_period_parts())
        .sort("zone", "industry", "period")
        .with_columns(
            pl.col("revenue_ytd").shift(1).over(group).fill_null(0.0).alias("__before"),
            pl.col("p_quarter").shift(1).over(group).fill_null(0).alias("__since"),
        )
        .select(
            "zone",
            "industry",
            "period",
            ((pl.col("revenue_ytd") - pl.col("__before")) / (pl.col("p_quarter") - pl.col("__since"))).alias(
                "quarterly"
            ),
        )
    )
    frame = grid.join(earned, on=["zone", "industry", "period"], how="left").sort(
        "zone", "industry", "period"
    )
    return frame.group_by("zone", "industry", maintain_order=True).agg(
        pl.col("period").alias("periods"), pl.col("quarterly")
    )
