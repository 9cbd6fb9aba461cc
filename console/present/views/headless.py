"""The Zones, Clusters and Rankings tables as ``--json`` prints them, made column by column.

``devzones status --json`` and ``rankings --json`` print each table's typed values, never the text a
cell shows; at 2,543 zones building every cell's text, sort key and Cell object (``zones_view``,
``clusters_view``, ``rankings_view``) and then reading the values back (``outputs.export.data_rows``)
took most of ``status --json``'s time after the evaluation. These builders compute the same values with
the same functions, one column at a time, straight into the rows the export writes:
tests/unit/test_headless_tables.py holds them equal to the views' rows (with hypothesis-made gaps) and
tests/cli/test_json_parts.py the commands' bytes equal to the views' documents. No polars expression
computes a value here, so every float is rounded by Python's ``round`` as the views round it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import polars as pl

from console.data.dataset import Dataset
from console.data.scales import days_late_number, level_number
from console.engine.coverage import Coverage
from console.engine.evaluation import Evaluation
from console.engine.progress import plan_start
from console.engine.status import quarterly_revenue
from console.present.formatter import Formatter
from console.present.labels import missing_words, status_word
from console.present.viewmodel import View
from console.present.views.clusters import clusters_columns
from console.present.views.common import as_int, tab_title, trend_periods, zone_history
from console.present.views.rankings import rankings_columns, rankings_title
from console.present.views.tasks import indicators_view
from console.present.views.zones import LAGGING, lagging_clusters, zones_columns
from console.words import Lang, in_lang_of

# One table as data: its view without rows (title and columns, for the export's column list) and its
# rows as {field code: typed value}, status words beside each status (outputs.export.data_rows's form).
Table = tuple[View, list[dict[str, Any]] | None]


def _column(frame: pl.DataFrame, name: str) -> list[Any]:
    """A column's values as Python objects (None throughout when the data has no such column)."""
    if name in frame.columns:
        return frame.get_column(name).to_list()
    return [None] * frame.height


def _floats(values: Iterable[Any]) -> list[float | None]:
    """common.as_float of each value (None for None and NaN, else rounded to 4 decimals), inline."""
    return [None if v is None or v != v else round(float(v), 4) for v in values]  # v != v: NaN


def _in_lang(zh: list[Any], en: list[Any], lang: Lang) -> list[Any]:
    return [in_lang_of(a, b, lang) for a, b in zip(zh, en, strict=True)]


def _words(lang: Lang) -> Callable[[str | None], str | None]:
    """A status's words in ``lang`` (None for no status), each looked up once."""
    seen: dict[str, str] = {}

    def words(status: str | None) -> str | None:
        if not status:
            return None
        if status not in seen:
            seen[status] = status_word(status, lang)
        return seen[status]

    return words


def _with_status(status: list[str | None], lang: Lang) -> tuple[list[str | None], list[str | None]]:
    """A status column and its words column."""
    words = _words(lang)
    return status, [words(s) for s in status]


def _trends(series: Sequence[Sequence[float | None]], n: int) -> list[list[float | None]]:
    """Per quarter, the rounded values of each row's series (common.trend_cell's values), as columns."""
    padded = [list(values[:n]) + [None] * (n - len(values)) for values in series]
    if not padded:
        return [[] for _ in range(n)]
    rounded = [
        None if v is None or v != v else round(v, 4) for values in padded for v in values
    ]  # v != v: NaN
    return [rounded[i::n] for i in range(n)]


def _rows(view: View, columns: Sequence[list[Any]]) -> list[dict[str, Any]]:
    """Rows from value columns in the order of the export's fields (a status's words after it)."""
    codes = []
    for _, f in view.fields():
        codes.append(f.code)
        if f.kind == "status":
            codes.append(f"{f.code}_words")
    assert len(codes) == len(columns), (codes, len(columns))
    return [dict(zip(codes, values, strict=True)) for values in zip(*columns, strict=True)]


def _level(z: pl.DataFrame, kind: str, known: list[bool], lang: Lang) -> list[list[Any]]:
    """A level's target, result (common.level_number) and status with its words."""
    result = [level_number(v, k) for v, k in zip(_column(z, kind), known, strict=True)]
    return [
        [as_int(v) for v in _column(z, f"{kind}_target")],
        result,
        *_with_status(_column(z, f"{kind}_status"), lang),
    ]


def _revenue(ev: Evaluation, lang: Lang) -> list[list[Any]]:
    """The revenue column's fields: target, year to date, pace, their shares, status, lagging clusters."""
    z = ev.zones
    target, ytd, pace = _column(z, "revenue_target"), _column(z, "revenue_ytd"), _column(z, "revenue_pace")
    share = [None if not t or y is None else y / t for t, y in zip(target, ytd, strict=True)]
    pace_share = [None if not t else (p or 0) / t for t, p in zip(target, pace, strict=True)]
    status = _column(z, "revenue_status")
    lagging = lagging_clusters(ev, lang)
    sep = Formatter(lang, False).list_sep
    names = [
        sep.join(lagging.get(zone, [])) or None if s in LAGGING else None
        for zone, s in zip(_column(z, "zone"), status, strict=True)
    ]
    return [
        _floats(target),
        _floats(ytd),
        _floats(pace),
        _floats(share),
        _floats(pace_share),
        *_with_status(status, lang),
        names,
    ]


def zones_table(ev: Evaluation, history: pl.DataFrame, lang: Lang, ascii_only: bool) -> Table:
    """The Zones tab's rows as data, equal to ``data_rows(zones_view(...))``."""
    f = Formatter(lang, ascii_only)
    periods = trend_periods(history)
    view = View("zones", tab_title("zones", lang), zones_columns(f, periods), ())
    z = ev.zones
    zone = _column(z, "zone")
    missing = _column(z, "missing")
    known = [y is not None for y in _column(z, "result_year")]
    spark = zone_history(history)
    report_status = _column(z, "report_status")
    said: dict[tuple[str, ...], str | None] = {}
    for codes in missing:
        said.setdefault(tuple(codes), missing_words(codes, lang) or None)
    columns = [
        [bool(m) for m in missing],
        zone,
        _in_lang(_column(z, "short_name"), _column(z, "short_name_en"), lang),
        _in_lang(_column(z, "county"), _column(z, "county_en"), lang),
        *_level(z, "tier", known, lang),
        *_level(z, "star", known, lang),
        *_revenue(ev, lang),
        *_trends([spark.get(k, []) for k in zone], len(periods)),
        _column(z, "report_period"),
        *_with_status(report_status, lang),
        [days_late_number(s, d) for s, d in zip(report_status, _column(z, "report_days_late"), strict=True)],
        [[c for c in ",".join(codes).split(",") if c] for codes in missing],  # export.codes_list's list
        [said[tuple(codes)] for codes in missing],
    ]
    return view, _rows(view, columns)


def clusters_table(ev: Evaluation, history: pl.DataFrame, lang: Lang, ascii_only: bool) -> Table:
    """The Clusters tab's rows as data, equal to ``data_rows(clusters_view(...))``."""
    f = Formatter(lang, ascii_only)
    periods = trend_periods(history)
    view = View("clusters", tab_title("clusters", lang), clusters_columns(f, periods), ())
    c = ev.clusters
    zone, industry = _column(c, "zone"), _column(c, "industry")
    english = dict(zip(_column(ev.zones, "zone"), _column(ev.zones, "short_name_en"), strict=True))
    target, ytd = _column(c, "target"), _column(c, "actual_ytd")
    status = _column(c, "status")
    spark = {(k, i): v for k, i, v in history.select("zone", "industry", "quarterly").iter_rows()}
    columns = [
        [s in ("behind", "missed") for s in status],
        zone,
        [in_lang_of(n, english.get(k), lang) for n, k in zip(_column(c, "short_name"), zone, strict=True)],
        industry,
        _in_lang(industry, _column(c, "industry_en"), lang),
        _floats(target),
        _floats(ytd),
        _column(c, "period"),
        _floats(None if not t or y is None else y / t for t, y in zip(target, ytd, strict=True)),
        _floats(_column(c, "pace_target")),
        _floats(_column(c, "projected")),
        *_trends([spark.get(k, []) for k in zip(zone, industry, strict=True)], len(periods)),
        *_with_status(status, lang),
    ]
    return view, _rows(view, columns)


def rankings_table(ranked: pl.DataFrame, lang: Lang, ascii_only: bool, area: Coverage) -> Table:
    """The Rankings tab's rows as data (the rules in words), equal to
    ``data_rows(rankings_view(ranked, lang, ascii_only, area))``."""
    from console.engine.rules import flag_word

    f = Formatter(lang, ascii_only)
    title, notes = rankings_title(ranked, lang)
    view = View("rankings", title, rankings_columns(f, area, False), (), notes=notes)
    r = ranked
    flags = [codes or [] for codes in _column(r, "flags")]
    said: dict[tuple[str, ...], str | None] = {}
    for codes in flags:
        if tuple(codes) not in said:
            said[tuple(codes)] = f.list_sep.join(flag_word(x, lang) for x in codes) or None
    previous = _column(r, "previous_rank")
    columns = [
        [as_int(v) for v in _column(r, "rank")],
        _column(r, "zone"),
        _in_lang(_column(r, "short_name"), _column(r, "short_name_en"), lang),
        _in_lang(_column(r, "county"), _column(r, "county_en"), lang),
        _floats(_column(r, "score")),
        [as_int(v) for v in _column(r, "rank_change")],
        [
            level_number(t, y is not None)
            for t, y in zip(_column(r, "tier"), _column(r, "result_year"), strict=True)
        ],
        [as_int(v) for v in _column(r, "province_rank")],
        [as_int(v) for v in _column(r, "tier_size")],
        [as_int(v) for v in _column(r, "result_year")],
        [as_int(v) for v in previous],
        [level_number(t, p is not None) for t, p in zip(_column(r, "previous_tier"), previous, strict=True)],
        [[c for c in ",".join(codes).split(",") if c] for codes in flags],  # export.codes_list's list
        [said[tuple(codes)] for codes in flags],
    ]
    return view, _rows(view, columns)


def status_tables(ds: Dataset, ev: Evaluation, lang: Lang, ascii_only: bool) -> Iterator[Table]:
    """The tables ``devzones status --json`` prints, each made when asked for (one at a time in
    memory): the zones and clusters as rows made here, the indicators (a few dozen) as their view
    (rows None: the export reads them from the view). The same tables as ``assemble.status_views``."""
    history = quarterly_revenue(ds, plan_start(ds), ev.counties)
    yield zones_table(ev, history, lang, ascii_only)
    yield clusters_table(ev, history, lang, ascii_only)
    del history
    yield indicators_view(ev, lang, ascii_only), None
