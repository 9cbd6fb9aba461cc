"""Indicators that other tables of the dataset determine, computed from those tables.

A figure the dataset can count for itself is counted, not taken on trust: the engine judges the
computed value, keeps the dataset's own reported value beside it (``reported`` in the evaluation),
and ``devzones check`` reports where the two disagree.

Of the plan's 34 indicators one is determined by another table:

- ``I06`` 营业收入超50亿元的主导产业集群 (clusters with revenue over 50 亿元): the number of clusters in
  ``cluster_revenue`` whose revenue for the year reaches 50 亿元. 50 亿元 is a full year's revenue, so
  the count is never taken on year-to-date figures (which fall back to a quarter's worth every Q1): a
  finished year counts on its full-year revenue (the Q4 year-to-date figure); the running year on the
  projected full year, year to date divided by the share of a year's revenue due by that quarter
  (``[pacing]``), the same 全年预计 the clusters tab shows (``BASIS``). A cluster without a figure that
  quarter (its zone's report is missing) is not counted.

The others are not determined by any table the dataset holds: I01 (all zone revenue) is more than the
clusters' revenue, which is only a part of it; I19 (zones whose R&D coverage reaches 90 %) would need a
per-zone coverage the dataset does not carry (I17 is city-wide); I21/I22 (new firms) count firms
newly certified, which the net change of I02/I03 does not give (certificates also lapse).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import polars as pl


class Tables(Protocol):
    """A Dataset, or the generator's dict of tables: anything that gives a table by name."""

    def __getitem__(self, name: str, /) -> pl.DataFrame: ...


# 超50亿元 is read as "reaching 50 亿元": it is the reading under which annex 3 yields the text's 11.
CLUSTER_THRESHOLD = 50.0

# The cumulative share of a year's revenue due by the end of a quarter (Settings.pace_share).
Pace = Callable[[int], float]


def linear_pace(quarter: int) -> float:
    """A quarter's share of the year, the default pacing (``[pacing] rule = "linear"``)."""
    return quarter / 4


# What the value of a period stands on, for an indicator whose target is a whole year's figure: a
# finished year's own figure (Q4, ``full_year``), or in the running year I06's projection
# (``projected``) and I01's revenue of the last four quarters (``trailing``: a quarter's I01 value is
# the zones' revenue over the four quarters ending with it, so at Q4 the year's). A running basis
# reaching the target is on pace, never met (console.engine.progress). Every surface names it
# (console.present.labels TEXT "basis_…").
BASIS = {"I01": ("full_year", "trailing"), "I06": ("full_year", "projected")}
# The bases of a running year's value: not the year's own figure.
RUNNING_BASES = tuple(sorted({running for _, running in BASIS.values()}))


def basis_of(code: str, period: str | None) -> str | None:
    """``full_year``, ``projected`` or ``trailing`` for a full-year indicator's value of ``period``;
    None for any other indicator."""
    if code not in BASIS or not period:
        return None
    return BASIS[code][0] if period.endswith("Q4") else BASIS[code][1]


VALUES_SCHEMA = pl.Schema(
    {"indicator": pl.String, "zone": pl.String, "period": pl.String, "value": pl.Float64}
)


def full_year_revenue(pace: Pace = linear_pace) -> pl.Expr:
    """A cluster's revenue for its year from a ``revenue_ytd`` figure of ``period``: the figure itself at
    Q4; before, the projection (year to date times the inverse of the share due, as the clusters tab
    computes 全年预计, so the two agree to the last digit); null where no share is due yet."""
    inverse = {q: (1.0 / pace(q) if pace(q) else None) for q in (1, 2, 3)}
    inverse[4] = 1.0
    quarter = pl.col("period").str.slice(5, 1).cast(pl.Int64)
    return pl.col("revenue_ytd") * quarter.replace_strict(inverse, default=None, return_dtype=pl.Float64)


def clusters_over_threshold(ds: Tables, pace: Pace = linear_pace) -> pl.DataFrame:
    """Per quarter with any cluster figure: how many clusters' revenue for the year reaches 50 亿元 (a
    finished year's own, the running year's projection: ``full_year_revenue``)."""
    revenue = ds["cluster_revenue"].join(ds["clusters"].select("zone", "industry"), on=["zone", "industry"])
    return (
        revenue.group_by("period")
        .agg((full_year_revenue(pace) >= CLUSTER_THRESHOLD).sum().cast(pl.Float64).alias("value"))
        .select(pl.lit("I06").alias("indicator"), pl.lit(None, pl.String).alias("zone"), "period", "value")
        .sort("period")
    )


# indicator code -> how its values are computed from the other tables
DETERMINED: dict[str, Callable[[Tables, Pace], pl.DataFrame]] = {"I06": clusters_over_threshold}


def determined_codes(ds: Tables) -> list[str]:
    """The determined indicators this dataset's indicator table has."""
    present = set(ds["indicators"].get_column("indicator").to_list())
    return [code for code in DETERMINED if code in present]


def computed_values(ds: Tables, pace: Pace = linear_pace) -> pl.DataFrame:
    """indicator, zone, period, value for every determined indicator, computed from its tables
    (``pace``: the settings' share of a year due by each quarter, for a running year's projection)."""
    frames = [
        DETERMINED[code](ds, pace).select(VALUES_SCHEMA.names()).cast(VALUES_SCHEMA)
        for code in determined_codes(ds)
    ]
    return pl.concat(frames) if frames else pl.DataFrame(schema=VALUES_SCHEMA)


def disagreements(ds: Tables, pace: Pace = linear_pace) -> pl.DataFrame:
    """indicator, period, reported, computed: where the dataset's reported value of a determined
    indicator differs from the value computed from its tables (a period the tables give no count
    for is not compared)."""
    codes = determined_codes(ds)
    reported = (
        ds["indicator_values"]
        .filter(pl.col("indicator").is_in(codes))
        .select("indicator", "period", pl.col("value").alias("reported"))
    )
    computed = computed_values(ds, pace).select("indicator", "period", pl.col("value").alias("computed"))
    return (
        reported.join(computed, on=["indicator", "period"], how="inner")
        .filter((pl.col("reported") - pl.col("computed")).abs() > 1e-9)
        .sort("indicator", "period")
    )
