"""The drill-downs' tables as typed Views (the same model as the tabs): values, status codes, field codes
and display text from the one formatter. ``widgets.drilldown_panel`` draws them. No Textual here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import polars as pl

from console.data.scales import level_number
from console.engine.determined import BASIS, basis_of
from console.engine.severity import SEVERITY
from console.present.drilldown import HISTORY_QUARTERS, IndicatorDetail, ZoneDetail
from console.present.formatter import Formatter
from console.present.labels import (
    NO_AREA_TARGET,
    STATUS_CLASS,
    YI_EN,
    area_word,
    basis_word,
    heading,
    is_count,
    plan_ref,
    pool_rank_heading,
    text,
    zones_by_status,
    zones_judged_note,
)
from console.present.viewmodel import Cell, Column, Field, Row, View
from console.words import Lang, in_lang_of, pick
from console.words.drilldown import DRILLDOWN
from console.words.views import VIEW_TEXT


def _col(key: str, words: str, f: Formatter, kind: str = "text", numeric: bool = False) -> Column:
    """A one-field column ``key`` headed by the drill-downs' words ``words``."""
    return _labelled(key, DRILLDOWN(words, f.lang), kind, numeric)


def _labelled(key: str, label: str, kind: str = "text", numeric: bool = False) -> Column:
    """A one-field column ``key`` headed by ``label``."""
    return Column(key, label, numeric, fields=(Field(key, label, kind),))


def _status(status: str | None, f: Formatter) -> Cell:
    return Cell(f.status(status), (status,), status, status, STATUS_CLASS.get(status or ""))


def _num(value: float | None, f: Formatter, digits: int = 1, unit: str | None = None) -> Cell:
    """A number in a table column; a count (``unit`` 家, 个, 项 …: labels.is_count) is whole."""
    return Cell(
        f.number(value, 0 if is_count(unit) else digits),
        (None if value is None else round(float(value), 4),),
        value,
    )


def _share(value: float | None, f: Formatter) -> Cell:
    return Cell(f.share(value), (None if value is None else round(float(value), 4),), value)


def _int(value: int | None, f: Formatter) -> Cell:
    return Cell(f.integer(value), (None if value is None else int(value),), value)


def _text(value: str | None, f: Formatter) -> Cell:
    return Cell(value or f.none, (value,), value)


def _goal(kind: str, target: int | None, result: int | None, f: Formatter, known: bool = True) -> Cell:
    return Cell(f.goal_change(kind, target, result, known), (target, level_number(result, known)), target)


def _province(rank: int | None, size: int | None, year: int | None, f: Formatter) -> Cell:
    return Cell(f.rank_in(rank, size, year), (rank, size, year), rank)


def zone_years_view(d: ZoneDetail, lang: Lang, ascii_only: bool) -> View:
    """A zone's star and tier targets and results, and its province rank, for every year."""
    f = Formatter(lang, ascii_only)
    arrow = f.arrow
    columns = (
        _col("year", "year", f, "int"),
        Column(
            "star",
            DRILLDOWN("star_goal", f.lang, arrow=arrow),
            fields=(
                Field("star_target", DRILLDOWN("star_target", f.lang), "int"),
                Field("star", DRILLDOWN("star", f.lang), "int"),
            ),
        ),
        _col("star_status", "status", f, "status"),
        Column(
            "tier",
            DRILLDOWN("tier_goal", f.lang, arrow=arrow),
            fields=(
                Field("tier_target", DRILLDOWN("tier_target", f.lang), "int"),
                Field("tier", DRILLDOWN("tier", f.lang), "int"),
            ),
        ),
        _col("tier_status", "status", f, "status"),
        Column(
            "province",
            DRILLDOWN("rank_in_tier", f.lang, heading=pool_rank_heading(d.ranked_in, lang)),
            numeric=True,
            fields=(
                Field("province_rank", pool_rank_heading(d.ranked_in, lang), "int"),
                Field("tier_size", DRILLDOWN("zones_in_tier", f.lang), "int"),
                Field("result_year", DRILLDOWN("result_year", f.lang), "int"),
            ),
        ),
    )
    rows = tuple(
        Row(
            str(y["year"]),
            (
                _int(y["year"], f),
                _goal("star", y["star_target"], y["star"], f, y["result_year"] is not None),
                _status(y["star_status"], f),
                _goal("tier", y["tier_target"], y["tier"], f, y["result_year"] is not None),
                _status(y["tier_status"], f),
                _province(y["province_rank"], y["tier_size"], y["result_year"], f),
            ),
        )
        for y in d.years
    )
    return View("zone_years", DRILLDOWN("zone_years", f.lang), columns, rows)


def zone_clusters_view(d: ZoneDetail, lang: Lang, ascii_only: bool) -> View:
    """A zone's clusters in the year shown: target, year to date, pace and status."""
    f = Formatter(lang, ascii_only)
    columns = (
        _col("industry", "industry", f),
        _col("target", "target", f, "float", True),
        _col("actual_ytd", "ytd", f, "float", True),
        _col("pace_target", "pace", f, "float", True),
        _col("status", "status", f, "status"),
    )
    rows = tuple(
        Row(
            c["industry"],
            (
                _text(in_lang_of(c["industry"], c["industry_en"], f.lang), f),
                _num(c["target"], f, 0),
                _num(c["actual_ytd"], f),
                _num(c["pace_target"], f),
                _status(c["status"], f),
            ),
        )
        for c in d.clusters.iter_rows(named=True)
    )
    when = text("in_year", lang).format(year=d.year)  # `y` changes the year: the heading says which
    return View("zone_clusters", DRILLDOWN("clusters_when", f.lang, when=when, yi=YI_EN), columns, rows)


def zone_reports_view(d: ZoneDetail, lang: Lang, ascii_only: bool) -> View:
    """A zone's quarterly reports: due date, date submitted, status and days late."""
    f = Formatter(lang, ascii_only)
    columns = (
        _col("period", "quarter", f, "period"),
        _col("due", "due_date", f, "date"),
        _col("submitted", "submitted", f, "date"),
        _report_status_column(f, DRILLDOWN("status", f.lang)),
    )
    rows = []
    for r in d.reports:
        submitted = None if r["submitted"] is None else str(r["submitted"])
        status = r["status"]
        rows.append(
            Row(
                r["period"],
                (
                    _text(r["period"], f),
                    _text(str(r["due"]), f),
                    _text(submitted, f),
                    Cell(
                        f.status(status) + f.days_late(r["days_late"]),
                        (status, r["days_late"]),
                        status,
                        status,
                        STATUS_CLASS.get(status or ""),
                    ),
                ),
            )
        )
    return View("zone_reports", DRILLDOWN("quarterly_reports", f.lang), columns, tuple(rows))


def cluster_years_view(
    rows: Sequence[dict[str, Any]], lang: Lang, ascii_only: bool, year: int | None = None
) -> View:
    """A cluster's target, year to date, data period, pace, projection and status for every year; the
    year shown (``year``) is marked."""
    f = Formatter(lang, ascii_only)
    mark = DRILLDOWN("shown", f.lang)
    columns = (
        _col("year", "year", f, "int"),
        _col("target", "target", f, "float", True),
        _col("actual_ytd", "ytd", f, "float", True),
        _col("period", "period", f, "period"),
        _col("pace_target", "pace", f, "float", True),
        _col("projected", "projected", f, "float", True),
        _col("status", "status", f, "status"),
    )
    out = tuple(
        Row(
            str(r["year"]),
            (
                Cell(f"{r['year']}{mark}", (r["year"],), r["year"])
                if r["year"] == year
                else _int(r["year"], f),
                _num(r["target"], f, 0),
                _num(r["actual_ytd"], f),
                _text(r["period"], f),
                _num(r["pace_target"], f),
                _num(r["projected"], f),
                _status(r["status"], f),
            ),
        )
        for r in rows
    )
    return View("cluster_years", DRILLDOWN("by_year", f.lang, yi=YI_EN), columns, out)


def task_history_view(
    indicators: pl.DataFrame,
    values: pl.DataFrame,
    lang: Lang,
    ascii_only: bool,
    area: str = "city",
    year: int | None = None,
) -> View:
    """A task's indicators over the last eight quarters (city-wide or summed over zones), with their
    status in the year shown (``year``, which the heading names)."""
    f = Formatter(lang, ascii_only)
    periods = sorted(set(values.get_column("period").to_list()))[-8:]
    columns = (
        Column(
            "indicator",
            DRILLDOWN("indicator", f.lang),
            fields=(
                Field("indicator", DRILLDOWN("code", f.lang)),
                Field("name", DRILLDOWN("indicator", f.lang)),
            ),
        ),
        *(Column(f"v_{p}", p, True, fields=(Field(f"v_{p}", p, "float"),)) for p in periods),
        _col("status", "status", f, "status"),
    )
    rows = []
    for ind in indicators.iter_rows(named=True):
        mine = dict(
            values.filter(pl.col("indicator") == ind["indicator"]).select("period", "value").iter_rows()
        )
        name = in_lang_of(ind["name"], ind["name_en"], f.lang)
        rows.append(
            Row(
                ind["indicator"],
                (
                    Cell(f"{ind['indicator']} {name}", (ind["indicator"], name), ind["indicator"]),
                    *(_num(mine.get(p), f, unit=ind.get("unit")) for p in periods),
                    _status(ind["status"], f),
                ),
            )
        )
    when = text("status_in_year", lang).format(year=year) if year else ""
    key = "indicator_history_when" if when else "indicator_history"
    when = when.lower() if f.lang == "en" else when
    title = DRILLDOWN(key, f.lang, area=area_word(area, f.lang), when=when)
    return View("task_history", title, columns, tuple(rows))


def _scope(scope: str | None, relative_to: str | None, f: Formatter, area: str = "city") -> str:
    if scope == "city":
        text = DRILLDOWN("scope_city", f.lang, area=area_word(area, f.lang))
    elif scope in ("each_zone", "each_zone_each_year", "relative"):
        text = DRILLDOWN(f"scope_{scope}", f.lang)
    else:
        text = scope or f.none
    if scope == "relative" and relative_to:
        text += DRILLDOWN("against_relative_to", f.lang, relative_to=relative_to)
    return text


def indicator_facts_view(d: IndicatorDetail, lang: Lang, ascii_only: bool) -> View:
    """An indicator's target, scope, latest value, progress, status, task and source as (item, value)
    rows (its code and name are the drill-down's title)."""
    f = Formatter(lang, ascii_only)
    i = d.indicator
    unit = in_lang_of(i["unit"] or "", i["unit_en"], f.lang)
    if i["target"] is None:  # the plan's target is not for this data's zones (console.engine.coverage)
        target = pick(NO_AREA_TARGET, f.lang)
    else:
        target = f"{i['comparison']} {f.amount(i['target'], i['unit'])} {unit}".strip()
        target += f.year_note(i["target_year"], bool(i.get("standing_aim")))
    if i["zones_total"]:
        latest = f.ratio(i["zones_met"], i["zones_total"]) + DRILLDOWN("zones_met", f.lang)
    else:
        latest = f"{f.amount(i['latest'], i['unit'])} {unit}".strip()
    if i["period"]:
        latest += f" ({i['period']})"
    latest += f.bracket(zones_judged_note(i, f.lang, long=True))  # fewer zones judged than it has
    latest += f.bracket(basis_word(i.get("basis"), f.lang))
    if i.get("computed") and i.get("reported") is not None:
        reported = f.amount(i["reported"], i["unit"])
        latest += DRILLDOWN("reported_value", f.lang, reported=reported)
    task = f.none
    if d.task is not None:
        task = f"{d.task['task']}. {in_lang_of(d.task['title'], d.task['title_en'], f.lang)}"
    elif i["task"] is None:
        task = DRILLDOWN("headline_goal", f.lang)
    facts = (
        ("target", DRILLDOWN("target", f.lang), Cell(target, (i["comparison"], i["target"]), i["target"])),
        ("scope", DRILLDOWN("scope", f.lang), _text(_scope(i["scope"], i["relative_to"], f, d.area), f)),
        ("latest", DRILLDOWN("latest", f.lang), Cell(latest, (i["latest"], i["period"]), i["latest"])),
        *_baseline_fact(d, f, unit),
        (
            "progress",
            text("progress_zone_mean" if i["zones_total"] else "progress_in_year", lang).format(year=d.year)
            if d.year
            else DRILLDOWN("from_baseline", f.lang),
            Cell(
                f"{f.share(i['progress'])}"
                + (
                    text("standing_pace", f.lang)
                    if i.get("standing_aim")
                    else DRILLDOWN("pace_due", f.lang, share=f.share(i["expected"]))
                ),
                (i["progress"], i["expected"]),
                i["progress"],
            ),
        ),
        (
            "status",
            text("status_in_year", lang).format(year=d.year) if d.year else DRILLDOWN("status", f.lang),
            _zone_made_status(d, f),
        ),
        ("basis", DRILLDOWN("judged_on", f.lang), _text(judgement_basis(d, f), f)),
        ("task", DRILLDOWN("task", f.lang), _text(task, f)),
        (
            "source",
            DRILLDOWN("source", f.lang),
            _text(plan_ref(i["source"], lang), f),
        ),  # en: 2(1), not 二(一)
    )
    columns = (_col("item", "item", f), _col("value", "value_content", f))
    rows = tuple(Row(key, (Cell(label, (label,), label), cell)) for key, label, cell in facts)
    return View("indicator_facts", f"{i['indicator']}", columns, rows)


def _baseline_fact(d: IndicatorDetail, f: Formatter, unit: str) -> tuple[tuple[str, str, Cell], ...]:
    """A city-wide indicator's base value (and its quarter), from which its progress is measured, so
    that 基期起进度 can be checked; none for zone-scoped ones (their table has each zone's base) or
    where no progress is measured."""
    i = d.indicator
    if d.zones or i["progress"] is None or (i.get("standing_aim") and i["progress"] is None):
        return ()
    label = text("baseline_fact", f.lang)
    if d.baseline is None:
        return (("baseline", label, Cell(text("baseline_none", f.lang), (None, None), None)),)
    period, value = d.baseline
    shown = f"{f.amount(value, i['unit'])} {unit}".strip() + f" ({period})"
    return (("baseline", label, Cell(shown, (value, period), value)),)


def _zone_made_status(d: IndicatorDetail, f: Formatter) -> Cell:
    """The status; for a zone-scoped indicator followed by what it is made of (the zones per status),
    so that a mean progress on pace beside a status behind does not read as a contradiction."""
    cell = _status(d.indicator["status"], f)
    if not d.zones or d.more:  # with zones beyond those listed, the list's counts are not the whole
        return cell
    made = zones_by_status([z["status"] for z in d.zones], SEVERITY, f.lang)
    return Cell(cell.text + f.bracket(made), cell.values, cell.sort, cell.status, cell.cls)


# Quarters of values a zone-scoped indicator's table shows beside its base, progress and progress due.
ZONE_QUARTERS = 4


def judgement_basis(d: IndicatorDetail, f: Formatter) -> str:
    """What an indicator's status is judged on, in words: its progress from the base period towards the
    target against the share of the time that has passed (console.engine.progress), per zone where the
    target is each zone's; or the latest value against the target where no progress is measured."""
    i = d.indicator
    target = f.amount(i["target"], i["unit"])
    by = f" ({i['period']})" if i["period"] else ""
    if i.get("standing_aim"):
        return text("standing_basis", f.lang).format(target=f"{i['comparison']}{target}")
    if i["progress"] is None and not d.zones:
        return DRILLDOWN("basis_direct", f.lang, comparison=i["comparison"], target=target)
    share = f.share(i["expected"])
    said = DRILLDOWN(
        "basis_progress",
        f.lang,
        target=target,
        period=i["period"] or DRILLDOWN("this_period", f.lang),
        share=share,
        by=by,
    )
    if i.get("basis"):  # a figure against a full-year target: what its value stands on
        own = f"basis_explained_{i['indicator']}"
        said += DRILLDOWN("sentence_end", f.lang) + text(
            own if own in VIEW_TEXT else "basis_explained", f.lang
        )
    if d.zones:
        said += DRILLDOWN("each_zone_judged", f.lang)
    return said


def indicator_history_view(d: IndicatorDetail, lang: Lang, ascii_only: bool) -> View:
    """A city-wide indicator's values by quarter up to the quarter judged (the last two years, the
    quarters the chart shows; the base value is among the facts); a computed indicator shows the
    dataset's reported figure beside."""
    f = Formatter(lang, ascii_only)
    computed = bool(d.indicator.get("computed"))
    count_unit = d.indicator["unit"]
    code = d.indicator["indicator"]
    full_year = code in BASIS  # a full-year target: each quarter says what its value stands on
    columns = (
        _col("period", "quarter", f, "period"),
        _col("value", "value", f, "float", True),
        *((_col("reported", "reported", f, "float", True),) if computed else ()),
        *((_labelled("basis", heading("basis", f.lang)),) if full_year else ()),
    )
    rows = tuple(
        Row(
            p,
            (
                _text(p, f),
                _num(v, f, unit=count_unit),
                *((_num(r, f, unit=count_unit),) if computed else ()),
                *((_text(basis_word(basis_of(code, p), lang) or None, f),) if full_year else ()),
            ),
        )
        for p, v, r in d.history[-HISTORY_QUARTERS:]
    )
    unit = in_lang_of(d.indicator["unit"] or "", d.indicator["unit_en"], f.lang)
    # The rows end at the quarter the year shown is judged at (`y` moves it): the heading says where.
    until = text("up_to", lang).format(period=rows[-1].key) if rows else ""
    inside = DRILLDOWN("inside_sep", f.lang).join(part for part in (until, unit) if part)
    title = DRILLDOWN("history_inside", f.lang, inside=inside) if inside else DRILLDOWN("history", f.lang)
    return View("indicator_history", title, columns, rows)


def indicator_zones_view(d: IndicatorDetail, lang: Lang, ascii_only: bool) -> View:
    """A zone-scoped indicator per zone: its values over the last four quarters, its base, progress from
    it and the progress due by now (what the status is judged on), and its status."""
    f = Formatter(lang, ascii_only)
    # The last year's quarters, then what the status is judged on: base, progress from it, progress due.
    shown = len(d.periods[-ZONE_QUARTERS:])
    columns = (
        _col("zone", "zone", f),
        *(Column(f"v_{p}", p, True, fields=(Field(f"v_{p}", p, "float"),)) for p in d.periods[-shown:]),
        _col("baseline", "base", f, "float", True),
        _col("progress", "progress", f, "share", True),
        _col("expected", "due", f, "share", True),
        _col("status", "status", f, "status"),
    )
    rows = tuple(
        Row(
            z["zone"],
            (
                _text(in_lang_of(z["short_name"], z["short_name_en"], f.lang), f),
                *(_num(v, f, unit=d.indicator["unit"]) for v in z["values"][len(z["values"]) - shown :]),
                _num(z.get("baseline"), f, unit=d.indicator["unit"]),
                _share(z.get("progress"), f),
                _share(z.get("expected"), f),
                _status(z["status"], f),
            ),
        )
        for z in d.zones
    )
    unit = in_lang_of(d.indicator["unit"] or "", d.indicator["unit_en"], f.lang)
    # Progress and status are the year shown's (`y` changes it): the heading says which.
    inside = DRILLDOWN("inside_sep", f.lang).join(
        part for part in (text("in_year", lang).format(year=d.year) if d.year else "", unit) if part
    )
    title = DRILLDOWN("by_zone_inside", f.lang, inside=inside) if inside else DRILLDOWN("by_zone", f.lang)
    if d.more:
        title += DRILLDOWN("zones_listed", f.lang, n=len(d.zones), more=d.more)
    return View("indicator_zones", title, columns, rows)


def indicator_texts(d: IndicatorDetail, lang: Lang) -> tuple[tuple[str, str], ...]:
    """The plan's own words, in full: the target's sentence and its task's measure (label, text)."""
    f = Formatter(lang)
    zh_only = text("plan_words_zh_only", lang)  # the plan has no English text: say where to read it
    words = (d.indicator["text"] or f.none) if lang == "zh" else zh_only
    out = [(DRILLDOWN("plan_words", f.lang), words)]
    if d.task is not None and d.task.get("measure"):
        ref = plan_ref(d.task.get("measure_ref") or "", lang)
        measure = d.task["measure"] if lang == "zh" else zh_only
        out.append((DRILLDOWN("measure_ref", f.lang, ref=ref).strip(), measure))
    return tuple(out)


def _report_status_column(f: Formatter, label: str) -> Column:
    """A report's status and its days late: one column, in a zone's reports and in the late list."""
    return Column(
        "status",
        label,
        fields=(
            Field("status", DRILLDOWN("status", f.lang), "status"),
            Field("days_late", DRILLDOWN("days_late", f.lang), "int"),
        ),
    )


def late_reports_view(zones: pl.DataFrame, lang: Lang, ascii_only: bool) -> View:
    """Every zone whose quarterly report of the quarter judged is late or missing: missing first, then
    the latest; the overview's reports note opens it (the Zones tab's 报送 column gives way at 80
    columns, and at national scale the overview names only the first few)."""
    f = Formatter(lang, ascii_only)
    columns = (
        _col("zone", "zone", f),
        _col("county", "county", f),
        _report_status_column(f, DRILLDOWN("report", f.lang)),
        _col("submitted", "submitted", f, "date"),
    )
    late = (
        zones.with_row_index("_order")
        .filter(pl.col("report_status").is_in(["late", "missing"]))
        .sort(
            pl.col("report_status") != "missing",
            pl.col("report_days_late").fill_null(0),
            "_order",
            descending=[False, True, False],
        )
    )
    rows = []
    for r in late.iter_rows(named=True):
        name = in_lang_of(r["short_name"], r.get("short_name_en"), lang)
        county = in_lang_of(r["county"], r.get("county_en"), lang)
        status, days = r["report_status"], r["report_days_late"]
        submitted = None if r["submitted"] is None else str(r["submitted"])
        cells = (
            Cell(name, (r["zone"], name), name),
            _text(county, f),
            Cell(
                f.status(status) + f.days_late(days), (status, days), status, status, STATUS_CLASS.get(status)
            ),
            _text(submitted, f),
        )
        rows.append(Row(r["zone"], cells, True))
    periods = zones.get_column("report_period").drop_nulls()
    period = periods[0] if len(periods) else ""
    title = DRILLDOWN("late_reports", f.lang, period=period)
    return View("late_reports", title, columns, tuple(rows))
