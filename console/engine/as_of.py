"""The dataset as it stood at the end of a quarter: what ``--as-of`` evaluates.

The cut itself is ``Dataset.at`` (figures and reports up to the quarter, provincial results only for
years before the quarter's year, since a year's results are published the following year); this module
checks the quarter asked for against the quarters the data covers, so every surface refuses the same
quarters with the same words.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from console.data.dataset import Dataset
from console.data.scales import Period, ScaleError, parse_period


class AsOfRefused(ValueError):
    """A quarter the data cannot be evaluated at; ``kind`` says why, ``valid`` what it covers."""

    def __init__(self, kind: str, value: str, first: str = "", last: str = "") -> None:
        super().__init__(f"--as-of {value}: {kind} (data covers {first}..{last})")
        self.kind = kind  # "bad" (not a quarter), "no_data" (nothing reported yet), "outside"
        self.value = value
        self.first = first
        self.last = last


def data_periods(ds: Dataset) -> tuple[Period, Period] | None:
    """The first and last quarter the dataset has figures or reports for; None before any."""
    if not ds.has_progress:
        return None
    firsts = [
        ds[name].get_column("period").min()
        for name in ("cluster_revenue", "indicator_values", "reports")
        if ds[name].height
    ]
    known = [parse_period(str(p)) for p in firsts if p is not None]
    first = min(known, key=lambda p: p.index) if known else ds.as_of
    return first, ds.as_of


def parse_as_of(ds: Dataset, raw: str) -> Period:
    """The quarter ``raw`` names, checked against the data; AsOfRefused otherwise."""
    try:
        period = parse_period(raw)
    except ScaleError:
        raise AsOfRefused("bad", raw) from None
    span = data_periods(ds)
    if span is None:
        raise AsOfRefused("no_data", raw)
    first, last = span
    if not first.index <= period.index <= last.index:
        raise AsOfRefused("outside", raw, str(first), str(last))
    return period


def dataset_as_of(ds: Dataset, period: Period | None) -> Dataset:
    """``ds`` as it stood at the end of ``period``; ``ds`` itself for None or its own latest quarter
    (the default: everything in the data, including any result already published for that year)."""
    if period is None or (ds.has_progress and period == ds.as_of):
        return ds
    return ds.at(period)


def known_by(ds: Dataset, cutoff: date) -> Dataset:
    """``ds`` as known on ``cutoff``: a zone's report submitted after that date is not yet in, nor are
    the figures it brought (that zone and quarter); a report with no date is kept. A bulletin for a
    month speaks as of the month's end, so it never lists as late a report that came in afterwards."""
    reports = ds["reports"]
    late = reports.filter(pl.col("submitted").is_not_null() & (pl.col("submitted") > pl.lit(cutoff)))
    if late.is_empty():
        return ds
    keys = late.select("zone", "period")
    tables = dict(ds.tables)
    tables["reports"] = reports.join(keys, on=["zone", "period"], how="anti")
    tables["cluster_revenue"] = ds["cluster_revenue"].join(keys, on=["zone", "period"], how="anti")
    values = ds["indicator_values"]
    city_wide = values.filter(pl.col("zone").is_null())
    tables["indicator_values"] = pl.concat(
        [values.filter(pl.col("zone").is_not_null()).join(keys, on=["zone", "period"], how="anti"), city_wide]
    )
    return Dataset(ds.source, ds.manifest, tables)
