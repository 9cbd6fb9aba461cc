"""The Zones tab: each zone's tier, star, revenue against its pace, quarterly revenue and report."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import polars as pl

from console.data.scales import (
    days_late_number,
    level_number,
)
from console.engine.evaluation import Evaluation
from console.present.formatter import Formatter
from console.present.labels import (
    heading,
    missing_words,
)
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
    as_int,
    county_column,
    county_name,
    industry_name,
    mark_cell,
    mark_column,
    severity,
    status_class,
    status_field,
    tab_title,
    text_cell,
    trend_cell,
    trend_fields,
    trend_periods,
    words_label,
    zone_column,
    zone_history,
    zone_short_name,
)
from console.words import Lang
from console.words.views import VIEWS

# Cluster statuses that make a zone's revenue lag: the zone's revenue cell names these clusters.
LAGGING = ("missed", "behind", "at_risk")


def lagging_clusters(ev: Evaluation, lang: Lang) -> dict[str, list[str]]:
    """Per zone, the clusters (industry names) whose status is behind, missed or at risk."""
    out: dict[str, list[str]] = {}
    for c in ev.clusters.filter(pl.col("status").is_in(LAGGING)).iter_rows(named=True):
        out.setdefault(c["zone"], []).append(industry_name(c, lang))
    return out


def revenue_text(
    f: Formatter, share: float | None, pace: float | None, status: str | None, names: list[str], words: bool
) -> str:
    """A zone's revenue cell: year-to-date and pace as shares of the target, then the status.

    The zone's status is its clusters' worst (``engine.status.zone_status``), so where clusters lag the
    mark stands with their names, set apart from the total: ``102%/100%；✗智能装备`` (en ``102%/100%; ✗
    Smart equipment``), never ``102%/100% ✗`` (a cross beside a total that is on target). With no lagging
    cluster every cluster is on pace or better, and so is the total: ``98%/100% ✓``. ``words`` adds the
    status word (exports): ``102%/100%；✗ 未达标：智能装备``.
    """
    mark = f.status(status) if words else f.symbol(status)
    if share is None:  # no figure for the period (not_reported / no_data): say so in words, not "—"
        figure, mark = "", (f.status(status) if status else f.none)
    else:
        figure = f"{f.share(share)}/{f.share(pace)}"
    if names:
        # A semicolon sets the clusters' clause apart from the total (and fits the 80-column screen in
        # Chinese, where the mark is set against the names).
        apart = VIEWS("clause_sep", f.lang)
        key = "lagging_with_words" if words else "lagging_with_mark"
        judged = VIEWS(key, f.lang, mark=mark, names=f.list_sep.join(names))
        return f"{figure}{apart}{judged}" if figure else judged
    return f"{figure} {mark}".strip()


def _level_column(kind: str, f: Formatter) -> Column:
    """A level's column (``tier`` or ``star``): the target, the result and its status."""
    return Column(
        kind,
        VIEWS(kind, f.lang),
        fields=(
            Field(f"{kind}_target", VIEWS(f"{kind}_target", f.lang), "int"),
            Field(kind, VIEWS(f"{kind}_result", f.lang), "int"),
            status_field(f"{kind}_status", f, f"{kind}_status"),
        ),
    )


def zones_columns(f: Formatter, periods: Sequence[str]) -> tuple[Column, ...]:
    """The Zones tab's columns and the fields behind them."""
    yi = label_text("unit_yi", f.lang)
    return (
        mark_column(f),
        zone_column(f),
        county_column(f),
        _level_column("tier", f),
        _level_column("star", f),
        Column(
            "revenue",
            VIEWS("rev_pace", f.lang),
            fields=(
                Field("revenue_target", VIEWS("revenue_target", f.lang), "float", yi),
                Field("revenue_ytd", VIEWS("revenue_ytd", f.lang), "float", yi),
                Field("revenue_pace", VIEWS("pace_target", f.lang), "float", yi),
                Field("revenue_share", VIEWS("share_of_target", f.lang), "share"),
                Field("revenue_pace_share", VIEWS("pace_share", f.lang), "share"),
                status_field("revenue_status", f, "revenue_status"),
                Field("lagging_clusters", VIEWS("lagging_clusters", f.lang)),
            ),
        ),
        Column("trend", VIEWS("quarterly", f.lang), give_way=3, fields=trend_fields(periods, f)),
        Column(
            "report",
            VIEWS("report", f.lang),
            give_way=2,
            fields=(
                Field("report_period", VIEWS("report_period", f.lang), "period"),
                status_field("report_status", f, "report_status"),
                Field("report_days_late", VIEWS("days_late", f.lang), "int"),
            ),
        ),
        Column(
            "missing",
            heading("missing", f.lang),
            fields=(
                Field("missing", heading("missing", f.lang), "codes"),
                Field("missing_words", words_label(heading("missing", f.lang), f.lang)),
            ),
        ),
    )


def _zone_row(
    z: dict[str, Any],
    f: Formatter,
    lagging: dict[str, list[str]],
    spark: Sequence[float | None],
    periods: Sequence[str],
    words: bool,
    shown: bool = True,
) -> Row:
    """One zone's row: its tier, star, revenue, quarterly revenue, report and what it misses."""
    lang = f.lang
    mark = f.status if words else f.symbol  # a symbol on screen; symbol and word in exports (no colour)
    flagged = bool(z["missing"])
    target = z["revenue_target"]
    # No revenue figure (not_reported / no_data): no share, rather than 0%.
    share = None if not target or z["revenue_ytd"] is None else z["revenue_ytd"] / target
    pace = None if not target else (z["revenue_pace"] or 0) / target
    names = lagging.get(z["zone"], []) if z["revenue_status"] in LAGGING else []
    revenue = revenue_text(f, share, pace, z["revenue_status"], names, words)
    report = f.status(z["report_status"]) + f.days_late(z["report_days_late"])
    known = z["result_year"] is not None  # no result published yet: —, not 无星
    tier_text = f.compact_goal("tier", z["tier_target"], z["tier"], known)
    star_text = f.compact_goal("star", z["star_target"], z["star"], known)
    cells = (
        mark_cell(flagged, len(z["missing"])),
        Cell(
            zone_short_name(z, lang),
            (z["zone"], zone_short_name(z, lang)),
            zone_short_name(z, lang),  # sorts as shown (by pinyin in Chinese)
            None,
            "bad" if flagged else None,
        ),
        text_cell(county_name(z, lang)),
        Cell(
            f"{tier_text} {mark(z['tier_status'])}",
            (as_int(z["tier_target"]), level_number(z["tier"], known), z["tier_status"]),
            severity(z["tier_status"]),
            z["tier_status"],
            status_class(z["tier_status"]),
        ),
        Cell(
            f"{star_text} {mark(z['star_status'])}",
            (as_int(z["star_target"]), level_number(z["star"], known), z["star_status"]),
            severity(z["star_status"]),
            z["star_status"],
            status_class(z["star_status"]),
        ),
        Cell(
            revenue,
            (
                as_float(target),
                as_float(z["revenue_ytd"]),
                as_float(z["revenue_pace"]),
                as_float(share),
                as_float(pace),
                z["revenue_status"],
                f.list_sep.join(names) or None,
            ),
            share,
            z["revenue_status"],
            status_class(z["revenue_status"]),
        ),
        trend_cell(spark, periods, f, shown),
        Cell(
            report,
            (
                z["report_period"],
                z["report_status"],
                days_late_number(z["report_status"], z["report_days_late"]),
            ),
            severity(z["report_status"]),
            z["report_status"],
            status_class(z["report_status"]),
        ),
        _missing_cell(z["missing"], f),
    )
    return Row(z["zone"], cells, flagged)


def _missing_cell(codes: list[str], f: Formatter) -> Cell:
    """What a zone misses: its words on screen; the codes (every language), then the words, as values."""
    missing = missing_words(codes, f.lang)
    flagged = "bad" if codes else None
    return Cell(missing or f.none, (",".join(codes) or None, missing or None), len(codes), None, flagged)


def zones_view(
    ev: Evaluation,
    history: pl.DataFrame,
    lang: Lang,
    ascii_only: bool,
    words: bool = False,
    shown: bool = True,
) -> View:
    """Zones tab: one row per zone; flagged rows miss or risk a tier, star or revenue target.

    The revenue cell shows year-to-date and pace as shares of the target, the status mark and, when
    the mark comes from lagging clusters, their names. Without ``shown`` (--json, which prints only
    the values) the quarterly sparklines are not drawn.
    """
    f = Formatter(lang, ascii_only)
    periods = trend_periods(history)
    columns = zones_columns(f, periods)
    spark = zone_history(history)
    lagging = lagging_clusters(ev, lang)

    rows = [
        _zone_row(z, f, lagging, spark.get(z["zone"], []), periods, words, shown)
        for z in ev.zones.iter_rows(named=True)
    ]
    return View("zones", tab_title("zones", lang), columns, tuple(rows))
