"""``export --shape long``: the quarterly revenue series one row per zone (or cluster) and quarter.

The wide views carry the series as a column per quarter (``rev_2026Q1`` …), whose names change with
``--as-of``; the long table's columns never change: ``zone_id, zone, county, [industry_id, industry,]
quarter, year, revenue, revenue_ytd, target, share_of_target``. Figures come from the data as
reported, never estimated: ``revenue_ytd`` is the year-to-date figure reported for the quarter,
``revenue`` the quarter's own (the year-to-date figure less the previous quarter's of the same year,
the whole of it in Q1). A quarter without a figure holds null in both, and so does the ``revenue``
of the quarter after it (what was earned in each of the two is not known): never an average. A zone's
figures are the sums of its clusters' and null when one of them has none. No Textual here.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from console.data.dataset import Dataset
from console.data.scales import Period
from console.engine.progress import plan_start
from console.present.formatter import Formatter
from console.present.labels import text as label_text
from console.present.viewmodel import Cell, Column, Field, Row, View
from console.present.views.common import as_float
from console.words import Lang, in_lang_of
from console.words.views import HEADINGS, VIEWS

LONG_TABS = ("zones", "clusters")


def _quarters(ds: Dataset) -> list[Period]:
    """The series' quarters: the plan's first to the as-of quarter (none before any data)."""
    if not ds.has_progress:
        return []
    return [Period.from_index(i) for i in range(plan_start(ds).index, ds.as_of.index + 1)]


def _cluster_series(ds: Dataset, quarters: list[Period]) -> pl.DataFrame:
    """Per cluster and quarter: revenue_ytd as reported, the quarter's own revenue, the year's target."""
    grid = (
        ds["clusters"]
        .select("zone", "industry")
        .join(pl.DataFrame({"period": [str(q) for q in quarters]}, schema={"period": pl.String}), how="cross")
    )
    reported = ds["cluster_revenue"].select("zone", "industry", "period", "revenue_ytd")
    frame = (
        grid.join(reported, on=["zone", "industry", "period"], how="left")
        .with_columns(
            pl.col("period").str.slice(0, 4).cast(pl.Int64).alias("year"),
            pl.col("period").str.slice(5, 1).cast(pl.Int64).alias("q"),
        )
        .sort("zone", "industry", "period")
    )
    before = pl.col("revenue_ytd").shift(1).over("zone", "industry", "year")
    frame = frame.with_columns(
        pl.when(pl.col("q") == 1)
        .then(pl.col("revenue_ytd"))
        .otherwise(pl.col("revenue_ytd") - before)
        .alias("revenue")
    )
    targets = ds["cluster_targets"].select(
        "zone", "industry", "year", pl.col("revenue_target").alias("target")
    )
    return frame.join(targets, on=["zone", "industry", "year"], how="left")


def _zone_series(clusters: pl.DataFrame) -> pl.DataFrame:
    """Per zone and quarter: the sums of its clusters' figures, null when one of them has none."""

    def whole(name: str) -> pl.Expr:
        return pl.when(pl.col(name).is_null().any()).then(None).otherwise(pl.col(name).sum()).alias(name)

    return clusters.group_by("zone", "period", "year").agg(
        whole("revenue"), whole("revenue_ytd"), whole("target")
    )


def _fields(tab: str, lang: Lang) -> tuple[Field, ...]:
    """The long table's fields, the same whatever the quarter the data is evaluated at."""
    yi = label_text("unit_yi", lang)
    names: tuple[Field, ...] = (
        Field("zone_id", label_text("zone_key_field", lang), "code"),
        Field("zone", VIEWS("zone", lang)),
        Field("county", VIEWS("county", lang)),
    )
    if tab == "clusters":
        names += (
            Field("industry_id", label_text("industry_key_field", lang), "code"),
            Field("industry", VIEWS("industry", lang)),
        )
    return (
        *names,
        Field("quarter", label_text("quarter", lang), "period"),
        Field("year", HEADINGS("year", lang), "int"),
        Field("revenue", label_text("revenue_in_quarter", lang), "float", yi),
        Field("revenue_ytd", VIEWS("revenue_ytd", lang), "float", yi),
        Field("target", VIEWS("revenue_target", lang), "float", yi),
        Field("share_of_target", VIEWS("share_of_target", lang), "share"),
    )


def _cell(value: Any, kind: str, f: Formatter) -> Cell:
    """One value as a cell: its text (Markdown shows it) and the value itself (the data exports)."""
    if kind in ("float", "share"):
        text = f.share(value) if kind == "share" else f.number(value, 2)
    else:
        text = f.none if value is None else str(value)
    return Cell(text, (value,), value)


def _names(view: View, ds: Dataset, lang: Lang) -> dict[str, tuple[Any, ...]]:
    """Each row key of ``view``: its name values (zone_id, zone, county[, industry_id, industry])."""
    counties = {
        z["zone"]: in_lang_of(z["county"], z.get("county_en"), lang)
        for z in ds["zones"].iter_rows(named=True)
    }
    out: dict[str, tuple[Any, ...]] = {}
    for row in view.rows:
        record = dict(zip((f.code for c in view.columns for f in c.fields), _values(row), strict=True))
        zone_id = record["zone_id"]
        names: tuple[Any, ...] = (zone_id, record["zone"], counties.get(zone_id))
        if view.tab == "clusters":
            names += (record["industry_id"], record["industry"])
        out[row.key] = names
    return out


def _values(row: Row) -> list[Any]:
    return [v for cell in row.cells for v in cell.values]


def long_view(view: View, ds: Dataset, lang: Lang) -> View:
    """``view`` (zones or clusters, as searched and sorted) as its series: a row per row and quarter."""
    quarters = _quarters(ds)
    series = _cluster_series(ds, quarters)
    if view.tab == "zones":
        series = _zone_series(series)
        keyed = {(r["zone"], r["period"]): r for r in series.iter_rows(named=True)}
    else:
        keyed = {(f"{r['zone']}|{r['industry']}", r["period"]): r for r in series.iter_rows(named=True)}
    names = _names(view, ds, lang)
    fields = _fields(view.tab, lang)
    f = Formatter(lang)
    rows = []
    for row in view.rows:
        for q in quarters:
            r = keyed.get((row.key, str(q)), {})
            ytd, target = as_float(r.get("revenue_ytd")), as_float(r.get("target"))
            share = None if ytd is None or not target else as_float(ytd / target)
            values = (*names[row.key], str(q), q.year, as_float(r.get("revenue")), ytd, target, share)
            cells = tuple(_cell(v, field.kind, f) for v, field in zip(values, fields, strict=True))
            rows.append(Row(f"{row.key}|{q}", cells))
    numeric = ("float", "share", "int")
    columns = tuple(Column(x.code, x.label, x.kind in numeric, fields=(x,)) for x in fields)
    return View(view.tab, view.title, columns, tuple(rows), view.search)
