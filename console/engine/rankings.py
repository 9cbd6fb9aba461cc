"""A first composite progress score per zone, and its change since the previous quarter.

The score (0-100) is the weighted mean of five shares, weights in ``[ranking]`` of the config:
tier and star (1 when met or on track), revenue (year-to-date against pace, capped at 1), the zone's own
indicators (progress against time elapsed, capped at 1) and report timeliness. The province's own
rank within tier comes from the assessment data beside it.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from console.core.config import Settings
from console.data.dataset import Dataset
from console.data.scales import Period
from console.engine.evaluation import Evaluation
from console.engine.progress import indicator_status
from console.engine.rules import flags_table
from console.engine.status import cluster_status, eval_period, filter_counties, zone_status

_GOOD = ["met", "on_track", "no_target"]


def composite_scores(
    ds: Dataset, year: int, settings: Settings, counties: Sequence[str] | None = None
) -> pl.DataFrame:
    """zone, score and each component share, for the zones in the county filter."""
    clusters = cluster_status(ds, year, settings, counties)
    zones = zone_status(ds, year, settings, counties, clusters=clusters)
    _, zone_indicators = indicator_status(ds, year, settings, counties)
    return scores(zones, clusters, zone_indicators, settings)


def scores(
    zones: pl.DataFrame, clusters: pl.DataFrame, zone_indicators: pl.DataFrame, settings: Settings
) -> pl.DataFrame:
    """The composite score from statuses already computed (an Evaluation's frames)."""
    # Grouped in a fixed order: a float sum or mean taken in another order can differ in its last digit.
    revenue = (
        clusters.sort("zone", "industry")
        .group_by("zone", maintain_order=True)
        .agg(
            (pl.col("actual_ytd").fill_null(0).sum() / pl.col("pace_target").sum())
            .clip(upper_bound=1.0)
            .fill_nan(None)  # no pace target yet (no quarter judged): 0/0
            .alias("revenue_share")
        )
    )
    indicators = (
        zone_indicators.sort("zone", "indicator")
        .group_by("zone", maintain_order=True)
        .agg(
            pl.when(pl.col("status") == "met")
            .then(1.0)
            # A standing aim has no pace (no expected share): its share is its progress toward the aim.
            .otherwise((pl.col("progress") / pl.col("expected").fill_null(1.0)).clip(0.0, 1.0))
            .fill_null(0.0)
            .mean()
            .alias("indicator_share")
        )
    )
    w = settings.ranking_weights
    total = sum(w.values())
    frame = (
        zones.join(revenue, on="zone", how="left")
        .join(indicators, on="zone", how="left")
        .with_columns(
            pl.col("tier_status").is_in(_GOOD).cast(pl.Float64).alias("tier_share"),
            pl.col("star_status").is_in(_GOOD).cast(pl.Float64).alias("star_share"),
            pl.col("revenue_share").fill_null(0.0),
            pl.col("indicator_share").fill_null(0.0),
            pl.when(pl.col("report_status").is_in(["on_time", "not_due"]))
            .then(1.0)
            .when(pl.col("report_status") == "late")
            .then((1 - pl.col("report_days_late") / 30).clip(lower_bound=0.0))
            .otherwise(0.0)
            .alias("report_share"),
        )
        .with_columns(
            (
                100
                * (
                    w["tier"] * pl.col("tier_share")
                    + w["star"] * pl.col("star_share")
                    + w["revenue"] * pl.col("revenue_share")
                    + w["indicators"] * pl.col("indicator_share")
                    + w["reports"] * pl.col("report_share")
                )
                / total
            ).alias("score")
        )
    )
    return frame.select(
        "zone", "score", "tier_share", "star_share", "revenue_share", "indicator_share", "report_share"
    )


def _ranked(scores: pl.DataFrame) -> pl.DataFrame:
    return scores.with_columns(pl.col("score").rank("min", descending=True).cast(pl.Int64).alias("rank"))


def rankings(
    ds: Dataset,
    year: int,
    settings: Settings,
    counties: Sequence[str] | None = None,
    current: Evaluation | None = None,
) -> pl.DataFrame:
    """Zones ordered by composite score, beside the province's rank within tier and the rule flags.

    ``rank`` and ``rank_change`` (positive: moved up since the previous quarter) are for the composite
    score, among all the dataset's zones: a county filter chooses which rows are returned and never
    renumbers them (平舆, 6th in the city, is 6th under ``--county 平舆县`` too). ``province_rank`` of ``tier_size`` is the latest published result (from ``result_year``), and
    ``previous_rank`` the province rank the year before it; ``flags`` are the plan's rules applied to
    that result (console.engine.rules), so in a year not yet published they are last year's. ``current`` is
    the evaluation of the same year and counties when the caller has it already (not computed again).
    """
    if current is not None and not current.counties:
        now = _ranked(scores(current.zones, current.clusters, current.zone_indicators, settings))
    else:
        now = _ranked(composite_scores(ds, year, settings))
    if not ds.has_progress:  # no quarter's data yet: a composite score would be invented, so none
        now = now.with_columns(pl.lit(None, pl.Float64).alias("score"), pl.lit(None, pl.Int64).alias("rank"))
    judged_at = eval_period(year, ds.as_of) or ds.as_of
    previous_period = Period.from_index(judged_at.index - 1)
    if previous_period.year == year:
        prior = _ranked(composite_scores(ds.at(previous_period), year, settings)).select(
            "zone", pl.col("score").alias("previous_score"), pl.col("rank").alias("previous_score_rank")
        )
    else:
        prior = now.select(
            "zone",
            pl.lit(None, pl.Float64).alias("previous_score"),
            pl.lit(None, pl.Int64).alias("previous_score_rank"),
        )
    published = ds["assessments"].filter(pl.col("year") <= year)
    results = (
        published.sort("year")
        .group_by("zone")
        .agg(pl.all().last())
        .select("zone", pl.col("year").alias("result_year"), "tier", "star", "province_rank", "tier_size")
    )
    flags = flags_table(published, year)
    zones = filter_counties(ds["zones"].with_row_index(PLAN_ORDER), counties).select(
        "zone", "short_name", "short_name_en", "county", "county_en", PLAN_ORDER
    )
    return (
        now.join(prior, on="zone", how="left")
        .join(zones, on="zone", how="inner")
        .join(results, on="zone", how="left")
        .join(flags, on="zone", how="left")
        .with_columns(
            (pl.col("previous_score_rank") - pl.col("rank")).alias("rank_change"),
            pl.col("flags").fill_null([]),
        )
        .sort("rank", PLAN_ORDER, nulls_last=True)  # equals (and no rank at all) in the plan's order
        .drop(PLAN_ORDER)
    )


PLAN_ORDER = "_plan_order"  # a zone's place in the zones table (the plan's order), for ties


def rankings_json(
    ranked: pl.DataFrame, year: int, ds: Dataset | None = None, counties: Sequence[str] = ()
) -> dict[str, object]:
    """The documented JSON form of ``devzones rankings``; with ``ds``, the same context as ``status
    --json`` (as_of, sample, area, rank pool and the counties shown)."""
    keys = (
        "zone",
        "short_name",
        "county",
        "tier",
        "province_rank",
        "tier_size",
        "result_year",
        "previous_rank",
        "previous_tier",
        "score",
        "rank",
        "rank_change",
        "flags",
    )
    zones = []
    for row in ranked.iter_rows(named=True):
        item = {key: row[key] for key in keys}
        score = item["score"]
        item["score"] = None if score is None or score != score else round(score, 2)  # NaN: no data
        zones.append(item)
    context: dict[str, object] = {}
    if ds is not None:
        from console.engine.coverage import coverage

        area = coverage(ds)
        context = {
            "as_of": str(ds.as_of) if ds.has_progress else None,
            "sample": ds.sample,
            "area": area.area,
            "ranked_in": area.ranked_in,
            "counties": list(counties),
        }
    return {**context, "year": year, "zones": zones}
