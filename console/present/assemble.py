"""Everything one screenful of the console needs, computed in one place off the UI thread.

The console's worker calls ``compute`` when the data, the year or the county filter changes, and
``render_views`` when only the language or symbol set changes. Exports use the same views.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import polars as pl

from console.core.config import Settings
from console.data.dataset import Dataset
from console.engine.evaluation import Evaluation, evaluate
from console.engine.progress import plan_start
from console.engine.rankings import rankings
from console.engine.status import quarterly_revenue
from console.present.viewmodel import Header, View, Views
from console.present.views import (
    clusters_view,
    indicators_view,
    overview,
    overview_view,
    rankings_view,
    tasks_view,
    zones_view,
)


@dataclass(frozen=True)
class Snapshot:
    dataset: Dataset
    evaluation: Evaluation
    history: pl.DataFrame
    ranked: pl.DataFrame


def compute(ds: Dataset, settings: Settings, year: int | None, counties: Sequence[str] | None) -> Snapshot:
    """Evaluate one year and county filter: statuses, revenue history and rankings."""
    ev = evaluate(ds, settings, year, counties)
    history = quarterly_revenue(ds, plan_start(ds), ev.counties)
    return Snapshot(ds, ev, history, rankings(ds, ev.year, settings, ev.counties, current=ev))


def render_views(
    snap: Snapshot, lang: str, ascii_only: bool, unit: str | None = None, words: bool = False
) -> Views:
    """The tab views in one language and symbol set; ``words`` adds status words (for exports)."""
    ev = snap.evaluation
    ds = snap.dataset
    header = Header(
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
    )
    return Views(
        lang,
        ascii_only,
        header,
        overview(ev, snap.dataset["plan_figures"], lang, ascii_only, snap.dataset["assessments"]),
        {
            "zones": zones_view(ev, snap.history, lang, ascii_only, words),
            "clusters": clusters_view(ev, snap.history, lang, ascii_only),
            "tasks": tasks_view(ev, lang, ascii_only, unit),
            "indicators": indicators_view(ev, lang, ascii_only),
            "rankings": rankings_view(snap.ranked, lang, ascii_only),
        },
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
