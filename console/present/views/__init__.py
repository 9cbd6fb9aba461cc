"""What each tab shows, as typed cells: the console renders them, the CLI prints them, exports write them.

A View is computed from an Evaluation for one language and symbol set, then searched and sorted.
Every cell holds the typed values behind it (numbers, integers, periods, status codes) under stable
field codes, and display text made by the one formatter (console.present.formatter). Because the
console, the CLI's text tables and every export render the same View, they cannot disagree.
No Textual here.

One module per tab (``overview``, ``zones``, ``clusters``, ``tasks`` with its indicators, ``rankings``)
and ``common`` for what they share; this package re-exports the names the other layers use.
"""

from __future__ import annotations

from console.present.formatter import SPARK, SPARK_ASCII, sparkline
from console.present.headings import goals_heading
from console.present.views.clusters import cluster_key, clusters_view
from console.present.views.common import tab_title, trend_periods
from console.present.views.overview import (
    HEADLINE,
    city_counts,
    count_lines,
    counts_heading,
    overview,
    overview_view,
)
from console.present.views.rankings import rankings_view
from console.present.views.tasks import indicators_view, task_units, tasks_view, unit_tasks
from console.present.views.zones import LAGGING, lagging_clusters, revenue_text, zones_view

__all__ = [
    "HEADLINE",
    "LAGGING",
    "SPARK",
    "SPARK_ASCII",
    "city_counts",
    "cluster_key",
    "clusters_view",
    "count_lines",
    "counts_heading",
    "goals_heading",
    "indicators_view",
    "lagging_clusters",
    "overview",
    "overview_view",
    "rankings_view",
    "revenue_text",
    "sparkline",
    "tab_title",
    "task_units",
    "tasks_view",
    "trend_periods",
    "unit_tasks",
    "zones_view",
]
