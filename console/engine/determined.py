"""Indicators that other tables of the dataset determine, computed from those tables.

A figure the dataset can count for itself is counted, not taken on trust: the engine judges the
computed value, keeps the dataset's own reported value beside it (``reported`` in the evaluation),
and ``devzones check`` reports where the two disagree.

Of the plan's 34 indicators one is determined by another table:

- ``I06`` 营业收入超50亿元的主导产业集群 (clusters with revenue over 50 亿元): the number of clusters in
  ``cluster_revenue`` whose year-to-date revenue has reached 50 亿元 in a quarter. Year to date only
  grows, so a count during the year is the clusters already over the line; a cluster without a figure
  that quarter (its zone's report is missing) is not counted.

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

VALUES_SCHEMA = pl.Schema(
    {"indicator": pl.String, "zone": pl.String, "period": pl.String, "value": pl.Float64}
)


def clusters_over_threshold(ds: Tables) -> pl.DataFrame:
    """Per quarter with any cluster figure: how many clusters' year-to-date revenue reached 50 亿元."""
    revenue = ds["cluster_revenue"].join(ds["clusters"].select("zone", "industry"), on=["zone", "industry"])
    return (
        revenue.group_by("period")
        .agg((pl.col("revenue_ytd") >= CLUSTER_THRESHOLD).sum().cast(pl.Float64).alias("value"))
        .select(pl.lit("I06").alias("indicator"), pl.lit(None, pl.String).alias("zone"), "period", "value")
        .sort("period")
    )


# indicator code -> how its values are computed from the other tables
DETERMINED: dict[str, Callable[[Tables], pl.DataFrame]] = {"I06": clusters_over_threshold}


def determined_codes(ds: Tables) -> list[str]:
    """The determined indicators this dataset's indicator table has."""
    present = set(ds["indicators"].get_column("indicator").to_list())
    return [code for code in DETERMINED if code in present]


def computed_values(ds: Tables) -> pl.DataFrame:
    """indicator, zone, period, value for every determined indicator, computed from its tables."""
    frames = [
        DETERMINED[code](ds).select(VALUES_SCHEMA.names()).cast(VALUES_SCHEMA)
        for code in determined_codes(ds)
    ]
    return pl.concat(frames) if frames else pl.DataFrame(schema=VALUES_SCHEMA)


def disagreements(ds: Tables) -> pl.DataFrame:
    """indicator, period, reported, computed: where the dataset's reported value of a determined
    indicator differs from the value computed from its tables (a period the tables give no count
    for is not compared)."""
    codes = determined_codes(ds)
    reported = (
        ds["indicator_values"]
        .filter(pl.col("indicator").is_in(codes))
        .select("indicator", "period", pl.col("value").alias("reported"))
    )
    computed = computed_values(ds).select("indicator", "period", pl.col("value").alias("computed"))
    return (
        reported.join(computed, on=["indicator", "period"], how="inner")
        .filter((pl.col("reported") - pl.col("computed")).abs() > 1e-9)
        .sort("indicator", "period")
    )
