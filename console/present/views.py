"""What each tab shows, as typed cells: the console renders them, the CLI prints them, exports write them.

A View is computed from an Evaluation for one language and symbol set, then searched and sorted.
Every cell holds the typed values behind it (numbers, integers, periods, status codes) under stable
field codes, and display text made by the one formatter (console.present.formatter). Because the
console, the CLI's text tables and every export render the same View, they cannot disagree.
No Textual here.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import polars as pl

from console.data.scales import (
    Period,
    ScaleError,
    days_late_number,
    level_number,
    parse_period,
    parse_star,
    parse_tier,
)
from console.engine.coverage import CITY, Coverage
from console.engine.determined import RUNNING_BASES
from console.engine.evaluation import Evaluation
from console.engine.status import REPORT_STATUSES
from console.present.formatter import SPARK, SPARK_ASCII, Formatter, amount_digits, distinct_digits, sparkline
from console.present.headings import goals_heading
from console.present.labels import (
    STATUS_CLASS,
    area_rank_heading,
    area_word,
    basis_word,
    english_noun,
    heading,
    lang_index,
    level_none,
    missing_words,
    no_result,
    plan_ref,
    pool_rank_heading,
    split_units,
    unit_label,
    unit_of,
    units_text,
    zones_judged_note,
)
from console.present.labels import text as label_text
from console.present.plan_text import SECTION_PREFIX
from console.present.viewmodel import (
    REPORTS_NOTE,
    TAB_TITLES,
    Cell,
    Column,
    CountLine,
    Field,
    Goal,
    Overview,
    ReportCount,
    Row,
    View,
)
from console.words import Lang
from console.words.views import VIEWS

__all__ = ["SPARK", "SPARK_ASCII", "goals_heading", "sparkline"]


def tab_title(tab: str, lang: Lang) -> str:
    return TAB_TITLES[tab][lang_index(lang)]


def _cls(status: str | None) -> str | None:
    return STATUS_CLASS.get(status or "")


def _float(x: object) -> float | None:
    """A number for export: None for missing or NaN, rounded to 4 decimals."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return None
    return round(float(x), 4)  # type: ignore[arg-type]


def _int(x: object) -> int | None:
    return None if x is None else int(x)  # type: ignore[call-overload]


def _zone_name(row: dict[str, Any], lang: Lang) -> str:
    return (row.get("short_name_en") if lang == "en" else None) or row["short_name"]


def _county(row: dict[str, Any], lang: Lang) -> str:
    return (row.get("county_en") if lang == "en" else None) or row["county"]


def _industry(row: dict[str, Any], lang: Lang) -> str:
    return (row.get("industry_en") if lang == "en" else None) or row["industry"]


def _text(text: str, sort: object = None, cls: str | None = None) -> Cell:
    """A cell of plain text whose one value is the text itself."""
    return Cell(text, (text,), text if sort is None else sort, None, cls)


def _mark_column(f: Formatter) -> Column:
    return Column("mark", "", fields=(Field("flagged", VIEWS("flag", f.lang), "bool"),))


def _zone_column(f: Formatter) -> Column:
    """The zone's name, exported with its code."""
    return Column(
        "zone",
        VIEWS("zone", f.lang),
        fields=(
            Field("zone_id", label_text("zone_key_field", f.lang)),
            Field("zone", VIEWS("zone", f.lang)),
        ),
    )


def _county_column(f: Formatter) -> Column:
    """The zone's county; the first column to give way on a narrow screen."""
    return Column(
        "county", VIEWS("county", f.lang), give_way=1, fields=(Field("county", VIEWS("county", f.lang)),)
    )


def _mark(flagged: bool, sort: object) -> Cell:
    return Cell("!" if flagged else " ", (flagged,), sort, None, "bad" if flagged else None)


def _status_field(code: str, f: Formatter, words: str = "status") -> Field:
    """A status field, headed by the views' words ``words``."""
    return Field(code, VIEWS(words, f.lang), "status")


def _trend_fields(periods: Sequence[str], f: Formatter) -> tuple[Field, ...]:
    """One numeric column per quarter (rev_2024Q1 …): the quarterly series as data, never glyphs."""
    unit = label_text("unit_yi", f.lang)
    return tuple(Field(f"rev_{p}", VIEWS("revenue_p", f.lang, p=p), "float", unit) for p in periods)


def trend_periods(history: pl.DataFrame) -> list[str]:
    if history.is_empty() or "periods" not in history.columns:
        return []
    first = history.get_column("periods")[0]
    return [] if first is None else [str(p) for p in first]


def _trend(values: Sequence[float | None], periods: Sequence[str], f: Formatter) -> Cell:
    n = len(periods)
    padded = list(values[:n]) + [None] * (n - len(values))
    rounded = tuple(None if v is None or v != v else round(v, 4) for v in padded)  # v != v: NaN
    known = [v for v in rounded if v is not None]
    return Cell(f.spark(padded if periods else values), rounded, sum(known) if known else None)


_SEVERITY = {
    "missed": 0,
    "missing": 0,
    "at_risk": 1,
    "behind": 1,
    "late": 1,
    "not_reported": 2,
    "no_data": 2,
    "on_track": 3,
    "on_pace": 3,
    "ongoing": 3,
    "on_time": 4,
    "met": 4,
    "no_target": 5,
    "not_due": 5,
    "no_indicator": 5,
}


def _severity(status: str | None) -> int | None:
    return _SEVERITY.get(status or "")


def _status_cell(status: str | None, f: Formatter) -> Cell:
    return Cell(f.status(status), (status,), _severity(status), status, _cls(status))


def _zone_history(history: pl.DataFrame) -> dict[str, list[float | None]]:
    """Per zone, total quarterly revenue of its clusters (None where no cluster reported)."""
    out: dict[str, list[float | None]] = {}
    for zone, values in history.select("zone", "quarterly").iter_rows():
        current = out.setdefault(zone, [None] * len(values))
        for i, v in enumerate(values):
            if v is not None:
                current[i] = (current[i] or 0.0) + v
    return out


# Cluster statuses that make a zone's revenue lag: the zone's revenue cell names these clusters.
LAGGING = ("missed", "behind", "at_risk")


def lagging_clusters(ev: Evaluation, lang: Lang) -> dict[str, list[str]]:
    """Per zone, the clusters (industry names) whose status is behind, missed or at risk."""
    out: dict[str, list[str]] = {}
    for c in ev.clusters.filter(pl.col("status").is_in(LAGGING)).iter_rows(named=True):
        out.setdefault(c["zone"], []).append(_industry(c, lang))
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
        joined = VIEWS("words_sep" if words else "no_words_sep", f.lang)
        judged = f"{mark}{joined}{f.list_sep.join(names)}"
        return f"{figure}{apart}{judged}" if figure else judged
    return f"{figure} {mark}".strip()


def zones_view(
    ev: Evaluation, history: pl.DataFrame, lang: Lang, ascii_only: bool, words: bool = False
) -> View:
    """Zones tab: one row per zone; flagged rows miss or risk a tier, star or revenue target.

    The revenue cell shows year-to-date and pace as shares of the target, the status mark and, when
    the mark comes from lagging clusters, their names.
    """
    f = Formatter(lang, ascii_only)
    yi = label_text("unit_yi", f.lang)
    periods = trend_periods(history)
    columns = (
        _mark_column(f),
        _zone_column(f),
        _county_column(f),
        Column(
            "tier",
            VIEWS("tier", f.lang),
            fields=(
                Field("tier_target", VIEWS("tier_target", f.lang), "int"),
                Field("tier", VIEWS("tier_result", f.lang), "int"),
                _status_field("tier_status", f, "tier_status"),
            ),
        ),
        Column(
            "star",
            VIEWS("star", f.lang),
            fields=(
                Field("star_target", VIEWS("star_target", f.lang), "int"),
                Field("star", VIEWS("star_result", f.lang), "int"),
                _status_field("star_status", f, "star_status"),
            ),
        ),
        Column(
            "revenue",
            VIEWS("rev_pace", f.lang),
            fields=(
                Field("revenue_target", VIEWS("revenue_target", f.lang), "float", yi),
                Field("revenue_ytd", VIEWS("revenue_ytd", f.lang), "float", yi),
                Field("revenue_pace", VIEWS("pace_target", f.lang), "float", yi),
                Field("revenue_share", VIEWS("share_of_target", f.lang), "share"),
                Field("revenue_pace_share", VIEWS("pace_share", f.lang), "share"),
                _status_field("revenue_status", f, "revenue_status"),
                Field("lagging_clusters", VIEWS("lagging_clusters", f.lang)),
            ),
        ),
        Column("trend", VIEWS("quarterly", f.lang), give_way=3, fields=_trend_fields(periods, f)),
        Column(
            "report",
            VIEWS("report", f.lang),
            give_way=2,
            fields=(
                Field("report_period", VIEWS("report_period", f.lang), "period"),
                _status_field("report_status", f, "report_status"),
                Field("report_days_late", VIEWS("days_late", f.lang), "int"),
            ),
        ),
        Column(
            "missing",
            heading("missing", lang),
            fields=(Field("missing", heading("missing", lang)),),
        ),
    )
    spark = _zone_history(history)
    lagging = lagging_clusters(ev, lang)

    def mark(status: str | None) -> str:
        """A symbol on screen; symbol and word in exports, where no colour helps."""
        return f.status(status) if words else f.symbol(status)

    rows = []
    for z in ev.zones.iter_rows(named=True):
        flagged = bool(z["missing"])
        target = z["revenue_target"]
        # No revenue figure (not_reported / no_data): no share, rather than 0%.
        share = None if not target or z["revenue_ytd"] is None else z["revenue_ytd"] / target
        pace = None if not target else (z["revenue_pace"] or 0) / target
        names = lagging.get(z["zone"], []) if z["revenue_status"] in LAGGING else []
        revenue = revenue_text(f, share, pace, z["revenue_status"], names, words)
        report = f.status(z["report_status"]) + f.days_late(z["report_days_late"])
        missing = missing_words(z["missing"], lang)
        known = z["result_year"] is not None  # no result published yet: —, not 无星
        tier_text = f.compact_goal("tier", z["tier_target"], z["tier"], known)
        star_text = f.compact_goal("star", z["star_target"], z["star"], known)
        cells = (
            _mark(flagged, len(z["missing"])),
            Cell(
                _zone_name(z, lang),
                (z["zone"], _zone_name(z, lang)),
                _zone_name(z, lang),  # sorts as shown (by pinyin in Chinese)
                None,
                "bad" if flagged else None,
            ),
            _text(_county(z, lang)),
            Cell(
                f"{tier_text} {mark(z['tier_status'])}",
                (_int(z["tier_target"]), level_number(z["tier"], known), z["tier_status"]),
                _severity(z["tier_status"]),
                z["tier_status"],
                _cls(z["tier_status"]),
            ),
            Cell(
                f"{star_text} {mark(z['star_status'])}",
                (_int(z["star_target"]), level_number(z["star"], known), z["star_status"]),
                _severity(z["star_status"]),
                z["star_status"],
                _cls(z["star_status"]),
            ),
            Cell(
                revenue,
                (
                    _float(target),
                    _float(z["revenue_ytd"]),
                    _float(z["revenue_pace"]),
                    _float(share),
                    _float(pace),
                    z["revenue_status"],
                    f.list_sep.join(names) or None,
                ),
                share,
                z["revenue_status"],
                _cls(z["revenue_status"]),
            ),
            _trend(spark.get(z["zone"], []), periods, f),
            Cell(
                report,
                (
                    z["report_period"],
                    z["report_status"],
                    days_late_number(z["report_status"], z["report_days_late"]),
                ),
                _severity(z["report_status"]),
                z["report_status"],
                _cls(z["report_status"]),
            ),
            Cell(missing or f.none, (missing or None,), len(z["missing"]), None, "bad" if flagged else None),
        )
        rows.append(Row(z["zone"], cells, flagged))
    return View("zones", tab_title("zones", lang), columns, tuple(rows))


def clusters_view(ev: Evaluation, history: pl.DataFrame, lang: Lang, ascii_only: bool) -> View:
    """Clusters tab: one row per cluster with target, year to date, pace, projection and trend."""
    f = Formatter(lang, ascii_only)
    yi = label_text("unit_yi", f.lang)
    periods = trend_periods(history)
    columns = (
        _mark_column(f),
        _zone_column(f),
        Column("industry", VIEWS("industry", f.lang), fields=(Field("industry", VIEWS("industry", f.lang)),)),
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
        Column("trend", VIEWS("quarterly", f.lang), give_way=3, fields=_trend_fields(periods, f)),
        Column("status", VIEWS("status", f.lang), fields=(_status_field("status", f),)),
    )
    spark = {(z, i): v for z, i, v in history.select("zone", "industry", "quarterly").iter_rows()}
    names = ev.zones.select("zone", "short_name", "short_name_en").rows_by_key(
        "zone", named=True, unique=True
    )
    rows = []
    for c in ev.clusters.iter_rows(named=True):
        flagged = c["status"] in ("behind", "missed")
        zone = names.get(c["zone"], {"short_name": c["short_name"], "short_name_en": None})
        zone_name = _zone_name({**zone, "short_name": c["short_name"]}, lang)
        share = None if not c["target"] or c["actual_ytd"] is None else c["actual_ytd"] / c["target"]
        cells = (
            _mark(flagged, int(flagged)),
            Cell(zone_name, (c["zone"], zone_name), zone_name),
            _text(_industry(c, lang)),
            Cell(f.number(c["target"], 0), (_float(c["target"]),), c["target"]),
            Cell(
                f.number(c["actual_ytd"]),
                (_float(c["actual_ytd"]), c["period"], _float(share)),
                c["actual_ytd"],
            ),
            Cell(f.number(c["pace_target"]), (_float(c["pace_target"]),), c["pace_target"]),
            Cell(f.number(c["projected"]), (_float(c["projected"]),), c["projected"]),
            _trend(spark.get((c["zone"], c["industry"]), []), periods, f),
            _status_cell(c["status"], f),
        )
        rows.append(Row(cluster_key(c["zone"], c["industry"]), cells, flagged))
    return View("clusters", tab_title("clusters", lang), columns, tuple(rows))


def cluster_key(zone: str, industry: str) -> str:
    """The row key of a cluster in the Clusters tab."""
    return f"{zone}|{industry}"


def tasks_view(ev: Evaluation, lang: Lang, ascii_only: bool, unit: str | None = None) -> View:
    """Tasks tab: the 18 tasks in section order, with lead and participating units and a rolled-up status."""
    f = Formatter(lang, ascii_only)
    columns = (
        Column("section", VIEWS("section", f.lang), fields=(Field("section", VIEWS("section", f.lang)),)),
        Column(
            "task",
            VIEWS("task", f.lang),
            fields=(
                Field("task", VIEWS("task_no", f.lang), "int"),
                Field("title", VIEWS("task", f.lang)),
            ),
        ),
        Column(
            "lead",
            VIEWS("lead_units", f.lang),
            fields=(Field("lead_units", VIEWS("lead_units", f.lang)),),
        ),
        Column(
            "participants",
            VIEWS("participating", f.lang),
            give_way=1,
            fields=(Field("participating_units", VIEWS("participating", f.lang)),),
        ),
        Column(
            "indicators",
            VIEWS("targets_met_2", f.lang),
            numeric=True,
            give_way=2,
            fields=(
                Field("indicators_met", VIEWS("targets_met", f.lang), "int"),
                Field("indicators", VIEWS("targets", f.lang), "int"),
            ),
        ),
        Column("status", VIEWS("status", f.lang), fields=(_status_field("status", f),)),
    )
    rows = []
    kept = unit_tasks(ev, unit) if unit else None  # the one rule of the unit filter
    for t in ev.tasks.iter_rows(named=True):
        if kept is not None and int(t["task"]) not in kept:
            continue
        # The section groups the tasks, so it stays on screen: short, without the shared 开发区 prefix.
        section_title = (t["section_title_en"] if not f.zh else None) or t["section_title"].removeprefix(
            SECTION_PREFIX
        )
        title = (t["title_en"] if not f.zh else None) or t["title"]
        section = f"{plan_ref(t['section'], lang)} {section_title}"
        counted = bool(t["indicators"])
        cells = (
            Cell(section, (section,), t["task"]),
            Cell(f"{t['task']}. {title}", (int(t["task"]), title), t["task"]),
            _text(units_text(t["lead_units"], lang) or f.none, t["lead_units"]),
            _text(units_text(t["participating_units"], lang) or f.none, t["participating_units"]),
            Cell(
                f.ratio(t["indicators_met"], t["indicators"]),
                (_int(t["indicators_met"]) if counted else None, _int(t["indicators"]) if counted else None),
                t["indicators_met"] / t["indicators"] if counted else None,
            ),
            _status_cell(t["status"], f),
        )
        rows.append(Row(str(t["task"]), cells, t["status"] in ("missed", "behind")))
    return View("tasks", tab_title("tasks", lang), columns, tuple(rows))


def task_units(task: dict[str, Any]) -> list[str]:
    """The units named in a task's lead and participating lists, with the 市 prefix made explicit."""
    return [unit for name in ("lead_units", "participating_units") for unit in split_units(task.get(name))]


def unit_tasks(ev: Evaluation, unit: str) -> set[int]:
    """The tasks of a unit filter's value (labels.unit_choice): those that name the unit among their
    lead units, and, unless only those it leads count, among their participating units."""
    name, lead_only = unit_of(unit)
    if lead_only:
        return {
            int(t["task"]) for t in ev.tasks.iter_rows(named=True) if name in split_units(t.get("lead_units"))
        }
    return {int(t["task"]) for t in ev.tasks.iter_rows(named=True) if name in task_units(t)}


def indicators_view(
    ev: Evaluation, lang: Lang, ascii_only: bool, task: int | None = None, unit: str | None = None
) -> View:
    """The quantified targets (of one task, of the tasks of one unit, or all), with latest value,
    target, share of target, progress from the baseline and status."""
    f = Formatter(lang, ascii_only)
    columns = (
        Column(
            "indicator",
            VIEWS("indicator", f.lang),
            fields=(
                Field("indicator", VIEWS("code_2", f.lang)),
                Field("name", VIEWS("indicator", f.lang)),
            ),
        ),
        Column(
            "task", VIEWS("task", f.lang), give_way=2, fields=(Field("task", VIEWS("task", f.lang), "int"),)
        ),
        Column(
            "target",
            VIEWS("target", f.lang),
            numeric=True,
            fields=(
                Field("comparison", VIEWS("comparison", f.lang)),
                Field("target", VIEWS("target", f.lang), "float"),
                Field("unit", VIEWS("unit", f.lang)),
                Field("target_year", VIEWS("due_year", f.lang), "int"),
                Field("standing_aim", VIEWS("standing_aim", f.lang), "bool"),
            ),
        ),
        Column(
            "latest",
            VIEWS("latest", f.lang),
            numeric=True,
            fields=(
                Field("latest", VIEWS("latest", f.lang), "float"),
                Field("zones_met", VIEWS("zones_met", f.lang), "int"),
                Field("zones_total", VIEWS("zones", f.lang), "int"),
                Field("zones_judged", heading("zones_judged", lang), "int"),
                Field("share_of_target", VIEWS("share_of_target", f.lang), "share"),
                Field("basis", heading("basis", lang)),
            ),
        ),
        Column(
            "progress",
            VIEWS("from_baseline", f.lang),
            numeric=True,
            give_way=1,
            fields=(Field("progress", VIEWS("progress_from_baseline", f.lang), "share"),),
        ),
        Column(
            "period",
            VIEWS("period", f.lang),
            give_way=3,
            fields=(Field("period", VIEWS("period", f.lang), "period"),),
        ),
        Column("status", VIEWS("status", f.lang), fields=(_status_field("status", f),)),
    )
    frame = ev.indicators if task is None else ev.indicators.filter(pl.col("task") == task)
    if unit:
        frame = frame.filter(pl.col("task").is_in(sorted(unit_tasks(ev, unit))))
    rows = []
    for i in frame.iter_rows(named=True):
        name = (i["name_en"] if not f.zh else None) or i["name"]
        unit_text = unit_label(i["unit"], i["unit_en"], lang, i["target"])
        zones = bool(i["zones_total"])
        latest = (
            (
                f.ratio(i["zones_met"], i["zones_total"])
                + VIEWS("zones_noun", f.lang, zones=english_noun("zones", i["zones_total"]))
                + f.bracket(zones_judged_note(i, lang))
            )
            if zones
            # the short word on screen (全年预计 in full in the export's own column and the drill-down)
            else f.amount(i["latest"], i["unit"]) + f.bracket(basis_word(i.get("basis"), lang, short=True))
        )
        rising = i["comparison"] in (">=", ">") and i["target"]
        share = i["latest"] / i["target"] if rising and i["latest"] is not None and not zones else None
        cells = (
            Cell(f"{i['indicator']} {name}", (i["indicator"], name), i["indicator"]),
            Cell(f.integer(i["task"]), (_int(i["task"]),), i["task"]),
            Cell(
                f.none  # no target for this data (console.engine.coverage)
                if i["target"] is None
                else i["comparison"]
                + f.quantity(f.amount(i["target"], i["unit"]), unit_text)
                + f.year_note(i["target_year"], bool(i.get("standing_aim"))),
                (
                    i["comparison"],
                    _float(i["target"]),
                    unit_text,
                    _int(i["target_year"]),
                    bool(i.get("standing_aim")),
                ),
                i["target"],
            ),
            Cell(
                latest,
                (
                    None if zones else _float(i["latest"]),
                    _int(i["zones_met"]) if zones else None,
                    _int(i["zones_total"]) if zones else None,
                    _int(i.get("zones_judged")) if zones else None,
                    _float(share),
                    basis_word(i.get("basis"), lang) or None,
                ),
                i["zones_met"] / i["zones_total"] if zones else i["latest"],
            ),
            Cell(f.share(i["progress"]), (_float(i["progress"]),), i["progress"]),
            Cell(i["period"] or f.none, (i["period"],), i["period"]),
            _status_cell(i["status"], f),
        )
        rows.append(Row(i["indicator"], cells, i["status"] in ("missed", "behind")))
    return View("indicators", VIEWS("indicators", f.lang), columns, tuple(rows))


def rankings_view(
    ranked: pl.DataFrame,
    lang: Lang,
    ascii_only: bool,
    coverage: Coverage | None = None,
    marks: bool = False,
) -> View:
    """Rankings tab: the city rank by composite score and its change beside the province's rank and the
    rule flags. ``rank`` is always the rank in the whole city: a county filter never renumbers it.
    ``coverage`` (console.engine.coverage) names the area and the rank pool (全市名次, 全省档内排名 for the
    plan's city; 全国名次, 全国档内排名 for a national set). ``marks``: the rules as short marks
    (labels.FLAG_MARKS, named by ``flag_legend``), so that the column fits a narrow terminal; exports and
    the bulletin keep the words."""
    from console.engine.rules import REWARDS, flag_word
    from console.present.rule_marks import flag_mark

    f = Formatter(lang, ascii_only)
    area = coverage or CITY
    area_rank = area_rank_heading(area.area, lang)
    pool_rank = pool_rank_heading(area.ranked_in, lang)
    heading = label_text("rules_short", lang) if marks else label_text("rules_heading", lang)
    columns = (
        Column(
            "rank",
            VIEWS("rank", f.lang),
            numeric=True,
            fields=(Field("rank", area_rank, "int"),),
        ),
        _zone_column(f),
        _county_column(f),
        Column(
            "score",
            VIEWS("score", f.lang),
            numeric=True,
            fields=(Field("score", VIEWS("score", f.lang), "float"),),
        ),
        Column(
            "change",
            VIEWS("vs_last_q", f.lang),
            numeric=True,
            fields=(Field("rank_change", VIEWS("rank_change_up_is", f.lang), "int"),),
        ),
        Column(
            "tier", VIEWS("tier", f.lang), give_way=2, fields=(Field("tier", VIEWS("tier", f.lang), "int"),)
        ),
        Column(
            "province",
            pool_rank,
            numeric=True,
            give_way=4 if marks else 0,  # after the others, before the rules (in the drill-down too)
            fields=(
                Field("province_rank", pool_rank, "int"),
                Field("tier_size", VIEWS("zones_in_tier", f.lang), "int"),
                Field("result_year", VIEWS("result_year", f.lang), "int"),
            ),
        ),
        Column(
            "previous",
            VIEWS("year_before", f.lang),
            numeric=True,
            give_way=3,
            fields=(
                Field("previous_rank", VIEWS("year_before", f.lang), "int"),
                Field("previous_tier", VIEWS("tier_the_year_before", f.lang), "int"),
            ),
        ),
        Column(
            "flags",
            heading,
            fields=(
                Field("flags", VIEWS("rule_codes", f.lang)),
                Field("flag_words", VIEWS("rules", f.lang)),
            ),
        ),
    )
    # Scores as precise as it takes for two different ranks never to show one score (one formatter: the
    # console, the CLI's tables, the exports' text and the bulletin all come through here).
    if "score_digits" in ranked.columns and ranked.height:  # decided on the whole city (city_rankings)
        digits = int(ranked.get_column("score_digits")[0])
    else:
        digits = (
            distinct_digits(ranked.get_column("score").to_list(), ranked.get_column("rank").to_list())
            if ranked.height
            else 1
        )
    rows = []
    for r in ranked.iter_rows(named=True):
        change = r["rank_change"]
        province = f.rank_in(r["province_rank"], r["tier_size"], r["result_year"])
        previous = f.none
        if r["previous_rank"]:
            previous = f"{r['previous_rank']} {f.tier(r['previous_tier'])}"
        flags = r["flags"] or []
        words = f.list_sep.join(flag_word(x, lang) for x in flags)
        shown = " ".join(flag_mark(x, lang) for x in flags) if marks else words
        rewarded, noticed = any(x in REWARDS for x in flags), any(x not in REWARDS for x in flags)
        name = _zone_name(r, lang)
        cells = (
            Cell(f.integer(r["rank"]), (_int(r["rank"]),), r["rank"]),
            Cell(name, (r["zone"], name), name),
            _text(_county(r, lang)),
            Cell(f.number(r["score"], digits), (_float(r["score"]),), r["score"]),
            Cell(
                f.change(change),
                (_int(change),),
                change,
                None,
                "good" if (change or 0) > 0 else ("warn" if (change or 0) < 0 else None),
            ),
            Cell(f.tier(r["tier"]), (level_number(r["tier"], r["result_year"] is not None),), r["tier"]),
            Cell(
                province,
                (_int(r["province_rank"]), _int(r["tier_size"]), _int(r["result_year"])),
                r["province_rank"],
            ),
            Cell(
                previous,
                (_int(r["previous_rank"]), level_number(r["previous_tier"], r["previous_rank"] is not None)),
                r["previous_rank"],
            ),
            Cell(
                shown or f.none,
                (",".join(flags) or None, words or None),
                len(flags),
                None,
                "bad" if noticed else ("good" if rewarded else None),
            ),
        )
        rows.append(Row(r["zone"], cells, noticed))
    title = tab_title("rankings", lang)
    notes: tuple[str, ...] = ()
    if ranked.height and ranked.get_column("score").is_null().all():  # no quarter's data: no score
        notes = (label_text("no_score_yet", lang),)  # said under the console's table too
        title = VIEWS("title_note", f.lang, title=title, note=notes[0])
    return View("rankings", title, columns, tuple(rows), notes=notes)


HEADLINE = ("I01", "I02", "I03", "I06", "I18", "I04")


def city_counts(
    plan_figures: pl.DataFrame, assessments: pl.DataFrame
) -> tuple[tuple[int, int, int | None, int, int | None], ...]:
    """Per year: zones at 二档 or above and zones with a star, as planned (section 二(二)) and as achieved."""
    out: list[tuple[int, int, int | None, int, int | None]] = []
    for year in sorted(plan_figures.get_column("year").unique().to_list()):
        figures = plan_figures.filter(pl.col("year") == year)
        upper = 0
        starred = 0
        for figure, level, stated in figures.select("figure", "level", "stated").iter_rows():
            try:
                if figure == "tier_count" and (parse_tier(level) or 9) <= 2:
                    upper += int(stated)
                elif figure == "star_count" and parse_star(level):
                    starred += int(stated)
            except ScaleError:
                continue
        results = assessments.filter(pl.col("year") == year)
        if results.is_empty():
            out.append((int(year), upper, None, starred, None))
        else:
            out.append(
                (
                    int(year),
                    upper,
                    results.filter(pl.col("tier") <= 2).height,
                    starred,
                    results.filter(pl.col("star").is_not_null()).height,
                )
            )
    return tuple(out)


def _goal_digits(unit: str, latest: float | None) -> int:
    """Counts and large figures show whole numbers; any other figure the one rule of Formatter.amount
    (one decimal, none when whole: ``89 / 100%``, never ``89.0``)."""
    return 0 if (latest or 0) >= 100 else amount_digits(latest, unit)


def _goals(indicators: pl.DataFrame, f: Formatter) -> tuple[Goal, ...]:
    goals = []
    by_code = indicators.rows_by_key("indicator", named=True, unique=True)
    for code in HEADLINE:
        i = by_code.get(code)
        if i is None:
            continue
        name = (i["name_en"] if not f.zh else None) or i["name"]
        unit = unit_label(i["unit"], i["unit_en"], f.lang, i["target"])
        latest = f.number(i["latest"], _goal_digits(i["unit"], i["latest"]))
        rising = i["comparison"] in (">=", ">") and i["target"]
        ratio = i["latest"] / i["target"] if rising and i["latest"] is not None else None
        # No target for this data (console.engine.coverage): the figure alone, no ratio.
        shown = f.quantity(latest, unit) if i["target"] is None else None
        # A running year's projection says so (console.engine.determined.BASIS); a year's own figure is
        # the plain reading of the goal.
        projected = (
            f.bracket(basis_word(i.get("basis"), f.lang, short=True))
            if i.get("basis") in RUNNING_BASES
            else ""
        )
        goals.append(
            Goal(
                name,
                (shown or f"{latest} / {f.quantity(f.number(i['target'], 0), unit)}") + projected,
                i["progress"],
                i["status"],
                code,
                _float(i["latest"]),
                _float(i["target"]),
                unit,
                _float(ratio),
                i.get("basis"),
            )
        )
    return tuple(goals)


def overview(
    ev: Evaluation,
    plan_figures: pl.DataFrame,
    lang: Lang,
    ascii_only: bool,
    assessments: pl.DataFrame | None = None,
    city: Evaluation | None = None,
) -> Overview:
    """Headline goals with their ratio to target, zones per tier and star against the plan, and the
    attention list.

    The headline goals are city-wide (taken from ``city``, the unfiltered evaluation, when ``ev`` is
    filtered to some counties). Under a county filter the tier and star counts cover those counties
    only, and the plan's counts (city-wide, not given per county) are left out rather than mixed in.
    """
    f = Formatter(lang, ascii_only)
    whole = city or ev
    goals = _goals(whole.indicators, f)
    filtered = bool(ev.counties)
    tiers: list[CountLine] = []
    stars: list[CountLine] = []
    figures = plan_figures.filter(pl.col("year") == ev.year)
    for figure, kind, label in (("tier_count", "tier", f.tier), ("star_count", "star", f.star)):
        planned: dict[int, int] = {}
        parse = parse_tier if figure == "tier_count" else parse_star
        for level, stated in figures.filter(pl.col("figure") == figure).select("level", "stated").iter_rows():
            try:
                parsed = parse(level)
            except ScaleError:
                continue
            if parsed:
                planned[parsed] = int(stated)
        (tiers if kind == "tier" else stars).extend(
            count_lines(ev.zones, kind, None if filtered else planned, label, lang)
        )
    attention = []
    keys: list[str | None] = []
    for z in ev.zones_missing.iter_rows(named=True):
        what = []
        for item in z["missing"]:
            status = {"tier": z["tier_status"], "star": z["star_status"], "revenue": z["revenue_status"]}[
                item
            ]
            what.append(
                VIEWS(
                    "missing_item",
                    f.lang,
                    words=missing_words([item], lang),
                    status=f.word(status),
                    item=item,
                )
            )
        attention.append((_zone_name(z, lang), f.list_sep.join(what)))
        keys.append(z["zone"])
    gaps = _gaps(ev.zones, lang)
    attention.extend(note for _, note in gaps)
    keys.extend(key for key, _ in gaps)
    result_years = ev.zones.get_column("result_year").drop_nulls()
    overdue = []
    for z in ev.zones.filter(pl.col("report_status").is_in(["late", "missing"])).iter_rows(named=True):
        overdue.append((_zone_name(z, lang), f.word(z["report_status"]) + f.days_late(z["report_days_late"])))
    periods = ev.zones.get_column("report_period").drop_nulls()
    report_period = periods[0] if len(periods) else None
    by_status = dict(ev.zones.group_by("report_status").len().iter_rows())
    report_counts = tuple(ReportCount(s, by_status[s]) for s in REPORT_STATUSES if by_status.get(s))
    return Overview(
        tuple(goals),
        tuple(tiers),
        tuple(stars),
        tuple(attention),
        int(max(result_years.to_list())) if len(result_years) else None,
        city_counts(plan_figures, assessments) if assessments is not None else (),
        tuple(overdue),
        report_period,
        _county_names(ev, lang),
        tuple(keys),
        whole.coverage.area,
        whole.coverage.ranked_in,
        whole.coverage.area_targets_apply,
        report_counts,
        ev.year,
        _judged_quarter(ev),
        _goals_due(whole.indicators),
    )


def _judged_quarter(ev: Evaluation) -> str | None:
    """The quarter the year's figures are judged at (status.eval_period): a finished year's Q4, else
    the as-of quarter; None with no data yet."""
    if not ev.as_of:
        return None
    as_of = parse_period(ev.as_of)
    return str(Period(ev.year, 4)) if ev.year < as_of.year else ev.as_of


def _goals_due(indicators: pl.DataFrame) -> int | None:
    """The year the headline goals' targets are due (the plan's 2026), if they share one."""
    years = {y for c, y in indicators.select("indicator", "target_year").iter_rows() if c in HEADLINE and y}
    return int(years.pop()) if len(years) == 1 else None


def count_lines(
    zones: pl.DataFrame,
    kind: str,
    planned: dict[int, int] | None,
    label: Callable[[int | None], str],
    lang: Lang,
) -> tuple[CountLine, ...]:
    """Zones per tier (``kind`` "tier") or star level: the plan's count (None: not shown), the year's
    targets and the latest published result. Every column adds up to its whole: a row for the level
    of none (无星 / 无档: a zone with no star target or result, the plan's zones beyond its stated
    levels) and, for the results, one for zones with no published result (无结果)."""
    target_col, known = f"{kind}_target", pl.col("result_year").is_not_null()
    targeted = dict(zones.group_by(target_col).len().iter_rows())
    results = zones.filter(known)
    achieved = dict(results.group_by(kind).len().iter_rows())
    published = results.height > 0  # else no result at all: the column is empty, not 0
    graded = {int(k) for k in (*targeted, *achieved) if k is not None}
    levels = sorted(graded | set(planned or {}))
    lines = [
        CountLine(
            label(lv),
            None if planned is None else planned.get(lv, 0),
            targeted.get(lv, 0),
            achieved.get(lv, 0) if published else None,
            f"{kind}_{lv}",
        )
        for lv in levels
    ]
    # The plan states its levels only: the rest of its zones have no target set (never a negative
    # count), which is not a target of none: 未设 in the plan's and the targets' columns, 无星 / 无档 in
    # the results' only (Formatter.no_goal).
    planned_none = None if planned is None else max(0, zones.height - sum(planned.values()))
    if planned_none or targeted.get(None, 0):
        lines.append(
            CountLine(
                Formatter(lang).no_goal(),
                planned_none,
                targeted.get(None, 0),
                None,
                f"{kind}_unset",
                False,
            )
        )
    none_achieved = achieved.get(None, 0) if published else None
    if none_achieved:
        lines.append(CountLine(level_none(kind, lang), None, None, none_achieved, f"{kind}_none", False))
    unpublished = zones.height - results.height
    if published and unpublished:
        lines.append(CountLine(no_result(lang), None, None, unpublished, f"{kind}_no_result", False))
    return tuple(lines)


def _county_names(ev: Evaluation, lang: Lang) -> tuple[str, ...]:
    """The filter's counties, named in ``lang``."""
    if not ev.counties or lang == "zh":
        return ev.counties
    names = dict(ev.zones.select("county", pl.col("county_en").fill_null(pl.col("county"))).iter_rows())
    return tuple(names.get(c, c) for c in ev.counties)


def counts_heading(data: Overview, lang: Lang) -> str:
    """The tier and star counts' heading; under a county filter it names the counties."""
    f = Formatter(lang)
    if data.counties:
        scope = f.list_sep.join(data.counties)
        return VIEWS("tiers_and_stars_scope_targets_result", f.lang, scope=scope)
    return VIEWS("tiers_and_stars_plan_targets_result", f.lang)


def _gaps(zones: pl.DataFrame, lang: Lang) -> list[tuple[str | None, tuple[str, str]]]:
    """What the data does not say yet, for the attention list: results not published, reports not in;
    each with its attention key (REPORTS_NOTE for the late or missing reports, which Enter lists)."""
    gaps: list[tuple[str | None, tuple[str, str]]] = []
    reports = VIEWS("gap_reports", lang)
    unpublished = zones.filter(pl.col("tier_status") == "no_data").height
    if unpublished:
        gaps.append((None, (VIEWS("gap_results", lang), VIEWS("gap_no_results", lang, n=unpublished))))
    if zones.height and zones.filter(pl.col("report_status") == "no_data").height == zones.height:
        period = zones.get_column("report_period")[0]
        if period is None:
            note = (reports, VIEWS("gap_no_reports", lang))
        else:
            note = (reports, VIEWS("gap_reports_not_collected", lang, period=period))
        gaps.append((None, note))
    absent = zones.filter(pl.col("report_status") == "missing").height
    late = zones.filter(pl.col("report_status") == "late").height
    if absent or late:
        period = zones.get_column("report_period").drop_nulls()[0]
        key = "gap_missing_and_late" if absent and late else "gap_missing" if absent else "gap_late"
        note = (reports, VIEWS(key, lang, period=period, absent=absent, late=late))
        gaps.append((REPORTS_NOTE, note))
    return gaps


def overview_view(data: Overview, lang: Lang, ascii_only: bool) -> View:
    """The Overview tab as one table (for exports): goals, counts per tier and star, attention list."""
    f = Formatter(lang, ascii_only)
    area = area_word(data.area, lang)
    plan_heading = VIEWS("plan_area", f.lang, area=area)
    columns = (
        Column("section", VIEWS("section", f.lang), fields=(Field("section", VIEWS("section", f.lang)),)),
        Column(
            "item",
            VIEWS("item", f.lang),
            fields=(Field("code", VIEWS("code", f.lang)), Field("item", VIEWS("item", f.lang))),
        ),
        Column(
            "value",
            VIEWS("result", f.lang),
            numeric=True,
            fields=(Field("value", VIEWS("result", f.lang), "float"), Field("unit", VIEWS("unit", f.lang))),
        ),
        Column(
            "target",
            VIEWS("target", f.lang),
            numeric=True,
            fields=(Field("target", VIEWS("target", f.lang), "float"),),
        ),
        Column(
            "plan",
            plan_heading,
            numeric=True,
            fields=(Field("plan", plan_heading, "int"),),
        ),
        Column(
            "share",
            VIEWS("share_of_target", f.lang),
            numeric=True,
            fields=(Field("share_of_target", VIEWS("share_of_target", f.lang), "share"),),
        ),
        Column("status", VIEWS("status", f.lang), fields=(_status_field("status", f),)),
        Column("detail", VIEWS("detail", f.lang), fields=(Field("detail", VIEWS("detail", f.lang)),)),
    )
    rows: list[Row] = []

    def add(
        section: str,
        code: str | None,
        item: str,
        value: tuple[str, float | int | None, str | None],
        target: tuple[str, float | int | None],
        plan: int | None = None,
        share: float | None = None,
        status: str | None = None,
        detail: str = "",
        flagged: bool = False,
    ) -> None:
        n = len(rows)
        cells = (
            Cell(section, (section,), n),
            Cell(item, (code, item), item),
            Cell(value[0], (value[1], value[2]), value[1]),
            Cell(target[0], (target[1],), target[1]),
            Cell("" if plan is None else str(plan), (plan,), plan),
            Cell("" if share is None else f.share(share), (share,), share),
            _status_cell(status, f) if status else Cell("", (None,)),
            Cell(detail, (detail or None,), detail),
        )
        rows.append(Row(str(n), cells, flagged))

    goals = goals_heading(data, lang)
    for goal in data.goals:
        latest = f.number(goal.latest, _goal_digits(goal.unit, goal.latest))
        add(
            goals,
            goal.code or None,
            goal.label,
            (latest, goal.latest, goal.unit),
            (f.none if goal.target is None else f.quantity(f.number(goal.target, 0), goal.unit), goal.target),
            share=goal.ratio,
            status=goal.status,
            detail=basis_word(goal.basis, lang),  # what a computed count stands on (全年预计)
        )
    counts = counts_heading(data, lang)
    for line in (*data.tiers, *data.stars):
        achieved = line.achieved
        add(
            counts,
            line.code or None,
            line.level,
            (f.integer(achieved), achieved, None),
            (f.integer(line.targeted) if line.targeted is not None else "", line.targeted),
            plan=line.planned,
        )
    attention = VIEWS("attention", f.lang)
    for zone, what in data.attention:
        add(attention, None, zone, ("", None, None), ("", None), detail=what, flagged=True)
    return View("overview", tab_title("overview", lang), columns, tuple(rows))
