"""Everything one screenful of the console needs, computed in one place off the UI thread.

The console's worker calls ``compute`` when the data, the year or the county filter changes, and
``render_views`` when only the language or symbol set changes. Exports use the same views.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import polars as pl

from console.core.config import Settings
from console.data.dataset import Dataset
from console.engine.evaluation import Evaluation, evaluate
from console.engine.progress import plan_start
from console.engine.rankings import rankings
from console.engine.status import filter_counties, quarterly_revenue
from console.present.fit import remember_selected_widths
from console.present.formatter import distinct_digits
from console.present.labels import text as label_text
from console.present.viewmodel import Header, View, Views
from console.present.views.clusters import cluster_key, clusters_view
from console.present.views.common import trend_periods
from console.present.views.overview import overview, overview_view
from console.present.views.rankings import rankings_view
from console.present.views.tasks import indicators_view, tasks_view
from console.present.views.zones import zones_view
from console.words import Lang, in_lang_of


@dataclass(frozen=True)
class Snapshot:
    dataset: Dataset
    evaluation: Evaluation
    history: pl.DataFrame
    ranked: pl.DataFrame
    # The whole city's evaluation when ``evaluation`` is filtered to some counties (else None): the
    # headline goals are city-wide, and ranks are ranks in the city.
    city: Evaluation | None = None


def city_rankings(
    ds: Dataset,
    year: int,
    settings: Settings,
    counties: Sequence[str] | None = None,
    city: Evaluation | None = None,
) -> pl.DataFrame:
    """Rankings of the whole city, keeping only the zones of ``counties`` (Chinese or English names): a
    filter never renumbers. ``score_digits``: the decimals at which the city's different ranks never
    read one score, so a zone's score reads the same filtered or not (views.rankings_view)."""
    ranked = rankings(ds, year, settings, None, current=city)
    digits = (
        distinct_digits(ranked.get_column("score").to_list(), ranked.get_column("rank").to_list())
        if ranked.height
        else 1
    )
    ranked = ranked.with_columns(pl.lit(digits, pl.Int8).alias("score_digits"))
    if not counties:
        return ranked
    return ranked.filter(
        pl.col("zone").is_in(filter_counties(ds["zones"], counties).get_column("zone").implode())
    )


def compute(
    ds: Dataset,
    settings: Settings,
    year: int | None,
    counties: Sequence[str] | None,
    whole: Snapshot | None = None,
    evaluated: Evaluation | None = None,
) -> Snapshot:
    """Evaluate one year and county filter: statuses, revenue history and (city) rankings.

    ``whole`` is the unfiltered snapshot of the same year, when already computed: a county filter
    then reuses its city-wide evaluation and rankings instead of evaluating the whole city again.
    ``evaluated`` is the evaluation of this year and filter, when already made (for the first screen).
    """
    ev = evaluated if evaluated is not None else evaluate(ds, settings, year, counties)
    if not ev.counties:
        city = None
        ranked = city_rankings(ds, ev.year, settings, None, ev)
    elif whole is not None and whole.evaluation.year == ev.year and not whole.evaluation.counties:
        # The filter selects rows: a zone's rank is its rank in the city, a cluster's quarterly
        # revenue is its own.
        shown = ev.zones.get_column("zone").implode()
        ranked = whole.ranked.filter(pl.col("zone").is_in(shown))
        history = whole.history.filter(pl.col("zone").is_in(shown))
        return Snapshot(ds, ev, history, ranked, whole.evaluation)
    else:
        city = evaluate(ds, settings, ev.year, None)
        ranked = city_rankings(ds, ev.year, settings, ev.counties, city)
    history = quarterly_revenue(ds, plan_start(ds), ev.counties)
    return Snapshot(ds, ev, history, ranked, city)


def status_views(ds: Dataset, ev: Evaluation, lang: Lang, ascii_only: bool, shown: bool = True) -> list[View]:
    """What ``devzones status`` prints: the zones, clusters and indicators tables of the console;
    without ``shown`` (--json: the values, not the text) the sparklines are not drawn."""
    history = quarterly_revenue(ds, plan_start(ds), ev.counties)
    return [
        zones_view(ev, history, lang, ascii_only, shown=shown),
        clusters_view(ev, history, lang, ascii_only, shown),
        indicators_view(ev, lang, ascii_only),
    ]


def render_views(
    snap: Snapshot, lang: Lang, ascii_only: bool, unit: str | None = None, words: bool = False
) -> Views:
    """The tab views in one language and symbol set; ``words`` adds status words (for exports)."""
    ev = snap.evaluation
    return Views(
        lang,
        ascii_only,
        _header(snap.dataset, ev),
        overview(ev, snap.dataset["plan_figures"], lang, ascii_only, snap.dataset["assessments"], snap.city),
        {
            "zones": zones_view(ev, snap.history, lang, ascii_only, words),
            "clusters": clusters_view(ev, snap.history, lang, ascii_only),
            "tasks": tasks_view(ev, lang, ascii_only, unit),
            "indicators": indicators_view(ev, lang, ascii_only, unit=unit),
            "rankings": rankings_view(
                snap.ranked, lang, ascii_only, ev.coverage, marks=not words
            ),  # marks fit
        },
    )


def narrow_views(snap: Snapshot, city: Snapshot, whole: Views, unit: str | None = None) -> Views | None:
    """The views of ``snap`` (filtered to some counties) made from ``whole``, the views of ``city`` (the
    unfiltered snapshot of the same year) in a language and symbol set: equal to ``render_views(snap,
    whole.lang, whole.ascii, unit)``, in a fraction of the time.

    A zone's, cluster's or rank's row does not depend on the other rows, so the Zones, Clusters and
    Rankings tables keep the city's rows of the zones shown; the tasks, indicators, overview and header
    (which roll up the zones shown) are made again, as ``render_views`` makes them. None when the
    city's columns would not be the filter's (no quarterly revenue in those counties): render instead.
    """
    ev = snap.evaluation
    if not ev.counties or city.evaluation.counties or city.evaluation.year != ev.year:
        return None
    if whole.header.year != ev.year or trend_periods(snap.history) != trend_periods(city.history):
        return None
    zones = set(ev.zones.get_column("zone").to_list())
    clusters = {cluster_key(z, i) for z, i in ev.clusters.select("zone", "industry").iter_rows()}
    ranked = set(snap.ranked.get_column("zone").to_list())

    def kept(name: str, keys: set[str]) -> View:
        view = whole.tables[name]
        indices = [i for i, row in enumerate(view.rows) if row.key in keys]
        narrowed = replace(view, rows=tuple(view.rows[i] for i in indices))
        remember_selected_widths(view, narrowed, indices)  # its widths from the city rows' own
        return narrowed

    lang, ascii_only = whole.lang, whole.ascii
    return Views(
        lang,
        ascii_only,
        _header(snap.dataset, ev),
        overview(
            ev, snap.dataset["plan_figures"], lang, ascii_only, snap.dataset["assessments"], city.evaluation
        ),
        {
            "zones": kept("zones", zones),
            "clusters": kept("clusters", clusters),
            "tasks": tasks_view(ev, lang, ascii_only, unit),
            "indicators": indicators_view(ev, lang, ascii_only, unit=unit),
            "rankings": kept("rankings", ranked),
        },
    )


def first_views(ds: Dataset, ev: Evaluation, city: Evaluation | None, lang: Lang, ascii_only: bool) -> Views:
    """The header and overview alone, no tables: the first screen, drawn before the rankings and the
    tables are ready (at national scale those take as long again as the evaluation)."""
    overview_ = overview(ev, ds["plan_figures"], lang, ascii_only, ds["assessments"], city)
    return Views(lang, ascii_only, _header(ds, ev), overview_, {})


def _header(ds: Dataset, ev: Evaluation) -> Header:
    return Header(
        ds.manifest.title,
        ds.manifest.title_en,
        ev.as_of,
        ev.sample,
        ev.year,
        tuple(ds.years),
        ev.counties,
        tuple(
            dict.fromkeys(
                ds["zones"].select("county", pl.col("county_en").fill_null(pl.col("county"))).iter_rows()
            )
        ),
        ev.coverage.own_targets,
    )


# What each tab exports: the Tasks tab holds two tables.
EXPORT_TABLES = {
    "overview": ("overview",),
    "zones": ("zones",),
    "clusters": ("clusters",),
    "tasks": ("tasks", "indicators"),
    "rankings": ("rankings",),
}


def export_selection(
    views: Views, tab: str, states: Mapping[str, tuple[str, str | None, bool]]
) -> list[View]:
    """The tables of ``tab`` (or of every tab for "all"), searched and sorted as in ``states``.

    ``states`` maps a table name to (search, sort key, descending); a sort key a table does not
    have is ignored for that table.
    """
    names = [n for t in (EXPORT_TABLES if tab == "all" else (tab,)) for n in EXPORT_TABLES[t]]
    out = []
    for name in names:
        view = (
            overview_view(views.overview, views.lang, views.ascii)
            if name == "overview"
            else views.tables[name]
        )
        search, key, descending = states.get(name, ("", None, False))
        view = view.searched(search)
        if key and any(c.key == key for c in view.columns):
            view = view.sorted_by(key, descending)
        out.append(view)
    return out


def header_words(ds: Dataset, ev: Evaluation, lang: Lang) -> tuple[str, tuple[str, ...]]:
    """The dataset's title and the counties shown, in ``lang`` (English names where the data has them)."""
    return context_words(ds, ev.counties, lang)


def as_of_words(ds: Dataset, lang: Lang) -> str:
    """The context line's "as of" in ``lang``: the data's quarter; a quarter asked for (``--as-of``)
    that holds no progress data yet, named with why (2023Q4, before the plan's first quarter); "" for a
    dataset with no quarter at all (the line then says there is no data yet)."""
    if ds.has_progress:
        return str(ds.as_of)
    if ds.manifest.as_of is None:
        return ""
    return label_text("as_of_before_data", lang).format(period=ds.manifest.as_of)


def context_words(ds: Dataset, counties: Sequence[str], lang: Lang) -> tuple[str, tuple[str, ...]]:
    """The dataset's title and ``counties`` (Chinese names) in ``lang``: the context line's words for
    every command that prints one (status, rankings)."""
    title = in_lang_of(ds.manifest.title, ds.manifest.title_en, lang)
    if lang == "zh":
        return title, tuple(counties)
    english = dict(ds["zones"].select("county", pl.col("county_en").fill_null(pl.col("county"))).iter_rows())
    return title, tuple(english.get(c, c) for c in counties)
