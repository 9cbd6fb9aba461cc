"""Everything one screenful of the console needs, computed in one place off the UI thread.

The console's worker calls ``compute`` when the data, the year or the county filter changes, and
``render_views`` when only the language or symbol set changes. Exports use the same views.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from console.config import Settings
from console.dataset import Dataset
from console.evaluation import Evaluation, evaluate
from console.progress import plan_start
from console.rankings import rankings
from console.status import quarterly_revenue
from console.viewmodel import Header, Views
from console.views import (
    clusters_view,
    indicators_view,
    overview,
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
    return Snapshot(ds, ev, history, rankings(ds, ev.year, settings, ev.counties))


def render_views(snap: Snapshot, lang: str, ascii_only: bool, unit: str | None = None) -> Views:
    """The tab views in one language and symbol set."""
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
        overview(ev, snap.dataset["plan_figures"], lang, ascii_only),
        {
            "zones": zones_view(ev, snap.history, lang, ascii_only),
            "clusters": clusters_view(ev, snap.history, lang, ascii_only),
            "tasks": tasks_view(ev, lang, ascii_only, unit),
            "indicators": indicators_view(ev, lang, ascii_only),
            "rankings": rankings_view(snap.ranked, lang, ascii_only),
        },
    )
