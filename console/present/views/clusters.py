"""The Clusters tab: each zone's industrial clusters, their revenue against target and pace."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from console.engine.evaluation import Evaluation
from console.present.formatter import Formatter
from console.present.labels import text as label_text
from console.present.viewmodel import (
    Cell,
    Column,
    Field,
    Row,
    View,
)
from console.present.views.common import (
    as_float,
    industry_name,
    mark_cell,
    mark_column,
    status_cell,
    status_field,
    tab_title,
    trend_cell,
    trend_fields,
    trend_periods,
    zone_column,
    zone_short_name,
)
from console.words import Lang
from console.words.views import VIEWS


def clusters_columns(f: Formatter, periods: Sequence[str]) -> tuple[Column, ...]:
    """The Clusters tab's columns and the fields behind them."""
    yi = label_text("unit_yi", f.lang)
    return (
        mark_column(f),
        zone_column(f),
        Column(
            "industry",
            VIEWS("industry", f.lang),
            fields=(
                # The industry as the data names it (the cluster's key with zone_id, in every language).
                Field("industry_id", label_text("industry_key_field", f.lang), "code"),
                Field("industry", VIEWS("industry", f.lang)),
            ),
        ),
        Column(
            "target",
            VIEWS("target", f.lang),
            numeric=True,
            fields=(Field("target", VIEWS("target", f.lang), "float", yi),),
        ),
        Column(
            "actual_ytd",
            VIEWS("ytd", f.lang),
            numeric=True,
            fields=(
                Field("actual_ytd", VIEWS("ytd", f.lang), "float", yi),
                Field("period", VIEWS("data_period", f.lang), "period"),
                Field("share_of_target", VIEWS("share_of_target", f.lang), "share"),
            ),
        ),
        Column(
            "pace_target",
            VIEWS("pace", f.lang),
            numeric=True,
            give_way=2,
            fields=(Field("pace_target", VIEWS("pace", f.lang), "float", yi),),
        ),
        Column(
            "projected",
            VIEWS("projected", f.lang),
            numeric=True,
            give_way=1,
            fields=(Field("projected", VIEWS("projected", f.lang), "float", yi),),
        ),
        Column("trend", VIEWS("quarterly", f.lang), give_way=3, fields=trend_fields(periods, f)),
        Column("status", VIEWS("status", f.lang), fields=(status_field("status", f),)),
    )


def clusters_view(
    ev: Evaluation, history: pl.DataFrame, lang: Lang, ascii_only: bool, shown: bool = True
) -> View:
    """Clusters tab: one row per cluster with target, year to date, pace, projection and trend (its
    sparkline drawn only when ``shown``: --json prints only the values)."""
    f = Formatter(lang, ascii_only)
    periods = trend_periods(history)
    columns = clusters_columns(f, periods)
    spark = {(z, i): v for z, i, v in history.select("zone", "industry", "quarterly").iter_rows()}
    names = ev.zones.select("zone", "short_name", "short_name_en").rows_by_key(
        "zone", named=True, unique=True
    )
    rows = []
    for c in ev.clusters.iter_rows(named=True):
        flagged = c["status"] in ("behind", "missed")
        zone = names.get(c["zone"], {"short_name": c["short_name"], "short_name_en": None})
        zone_name = zone_short_name({**zone, "short_name": c["short_name"]}, lang)
        share = None if not c["target"] or c["actual_ytd"] is None else c["actual_ytd"] / c["target"]
        cells = (
            mark_cell(flagged, int(flagged)),
            Cell(zone_name, (c["zone"], zone_name), zone_name),
            Cell(industry_name(c, lang), (c["industry"], industry_name(c, lang)), industry_name(c, lang)),
            Cell(f.number(c["target"], 0), (as_float(c["target"]),), c["target"]),
            Cell(
                f.number(c["actual_ytd"]),
                (as_float(c["actual_ytd"]), c["period"], as_float(share)),
                c["actual_ytd"],
            ),
            Cell(f.number(c["pace_target"]), (as_float(c["pace_target"]),), c["pace_target"]),
            Cell(f.number(c["projected"]), (as_float(c["projected"]),), c["projected"]),
            trend_cell(spark.get((c["zone"], c["industry"]), []), periods, f, shown),
            status_cell(c["status"], f),
        )
        rows.append(Row(cluster_key(c["zone"], c["industry"]), cells, flagged))
    return View("clusters", tab_title("clusters", lang), columns, tuple(rows))


def cluster_key(zone: str, industry: str) -> str:
    """The row key of a cluster in the Clusters tab."""
    return f"{zone}|{industry}"
