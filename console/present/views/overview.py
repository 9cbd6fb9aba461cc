"""The Overview tab: the headline goals, zones per tier and star, and the attention list; and the
overview as one table for exports."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import polars as pl

from console.data.scales import (
    Period,
    ScaleError,
    parse_period,
    parse_star,
    parse_tier,
)
from console.engine.determined import RUNNING_BASES
from console.engine.evaluation import Evaluation
from console.engine.status import REPORT_STATUSES
from console.present.formatter import Formatter, amount_digits
from console.present.headings import goals_heading
from console.present.labels import (
    area_word,
    basis_word,
    heading,
    level_none,
    missing_words,
    no_result,
    unit_label,
)
from console.present.viewmodel import (
    REPORTS_NOTE,
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
from console.present.views.common import (
    as_float,
    status_cell,
    status_field,
    tab_title,
    words_label,
    zone_short_name,
)
from console.words import Lang, in_lang_of
from console.words.views import VIEWS

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
        name = in_lang_of(i["name"], i["name_en"], f.lang)
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
                as_float(i["latest"]),
                as_float(i["target"]),
                unit,
                as_float(ratio),
                i.get("basis"),
            )
        )
    return tuple(goals)


def _planned_counts(figures: pl.DataFrame, figure: str) -> dict[int, int]:
    """The plan's zones per tier (``figure`` "tier_count") or per star ("star_count"), by level."""
    planned: dict[int, int] = {}
    parse = parse_tier if figure == "tier_count" else parse_star
    for level, stated in figures.filter(pl.col("figure") == figure).select("level", "stated").iter_rows():
        try:
            parsed = parse(level)
        except ScaleError:
            continue
        if parsed:
            planned[parsed] = int(stated)
    return planned


def _missing_line(z: dict[str, Any], f: Formatter) -> str:
    """What a zone misses, for the attention list: each target it misses with its status."""
    statuses = {"tier": z["tier_status"], "star": z["star_status"], "revenue": z["revenue_status"]}
    return f.list_sep.join(
        VIEWS(
            "missing_item",
            f.lang,
            words=missing_words([item], f.lang),
            status=f.word(statuses[item]),
            item=item,
        )
        for item in z["missing"]
    )


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
        planned = _planned_counts(figures, figure)
        (tiers if kind == "tier" else stars).extend(
            count_lines(ev.zones, kind, None if filtered else planned, label, lang)
        )
    attention = [
        (zone_short_name(z, lang), _missing_line(z, f)) for z in ev.zones_missing.iter_rows(named=True)
    ]
    keys: list[str | None] = [z["zone"] for z in ev.zones_missing.iter_rows(named=True)]
    gaps = _gaps(ev.zones, lang)
    attention.extend(note for _, note in gaps)
    keys.extend(key for key, _ in gaps)
    result_years = ev.zones.get_column("result_year").drop_nulls()
    overdue = []
    for z in ev.zones.filter(pl.col("report_status").is_in(["late", "missing"])).iter_rows(named=True):
        overdue.append(
            (zone_short_name(z, lang), f.word(z["report_status"]) + f.days_late(z["report_days_late"]))
        )
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
        return VIEWS("counts_heading_scope", f.lang, scope=scope)
    return VIEWS("counts_heading", f.lang)


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


def _overview_columns(f: Formatter, area: str) -> tuple[Column, ...]:
    """The overview table's columns: section, item, result, target, the plan's figure (named by its area), share, status and detail."""
    plan_heading = VIEWS("plan_area", f.lang, area=area)
    return (
        Column(
            "section",
            VIEWS("section", f.lang),
            fields=(
                Field("section", VIEWS("section", f.lang), "code"),
                Field("section_words", words_label(VIEWS("section", f.lang), f.lang)),
            ),
        ),
        Column(
            "item",
            VIEWS("item", f.lang),
            fields=(Field("code", VIEWS("code", f.lang), "code"), Field("item", VIEWS("item", f.lang))),
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
        Column("status", VIEWS("status", f.lang), fields=(status_field("status", f),)),
        Column(
            "detail",
            VIEWS("detail", f.lang),
            fields=(
                Field("basis", heading("basis", f.lang), "code"),  # a goal's basis (full_year …) as a code
                Field("detail", VIEWS("detail", f.lang)),
            ),
        ),
    )


def overview_view(data: Overview, lang: Lang, ascii_only: bool) -> View:
    """The Overview tab as one table (for exports): goals, counts per tier and star, attention list."""
    f = Formatter(lang, ascii_only)
    columns = _overview_columns(f, area_word(data.area, lang))
    rows: list[Row] = []

    def add(
        section: tuple[str, str],
        code: str | None,
        item: str,
        value: tuple[str, float | int | None, str | None],
        target: tuple[str, float | int | None],
        plan: int | None = None,
        share: float | None = None,
        status: str | None = None,
        detail: str = "",
        flagged: bool = False,
        basis: str | None = None,
    ) -> None:
        """One row; ``section`` is (code, words): goals, counts or attention."""
        n = len(rows)
        cells = (
            Cell(section[1], section, n),
            Cell(item, (code, item), item),
            Cell(value[0], (value[1], value[2]), value[1]),
            Cell(target[0], (target[1],), target[1]),
            Cell("" if plan is None else str(plan), (plan,), plan),
            Cell("" if share is None else f.share(share), (share,), share),
            status_cell(status, f) if status else Cell("", (None,)),
            Cell(detail, (basis, detail or None), detail),
        )
        rows.append(Row(str(n), cells, flagged))

    goals = ("goals", goals_heading(data, lang))
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
            basis=goal.basis or None,
        )
    counts = ("counts", counts_heading(data, lang))
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
    attention = ("attention", VIEWS("attention", f.lang))
    for zone, what in data.attention:
        add(attention, None, zone, ("", None, None), ("", None), detail=what, flagged=True)
    return View("overview", tab_title("overview", lang), columns, tuple(rows))
