"""The drill-downs' tables as typed Views (the same model as the tabs): values, status codes, field codes
and display text from the one formatter. ``widgets.drilldown_panel`` draws them. No Textual here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import polars as pl

from console.data.scales import level_number
from console.engine.determined import BASIS, basis_of
from console.engine.progress import SEVERITY
from console.present.drilldown import HISTORY_QUARTERS, IndicatorDetail, ZoneDetail
from console.present.formatter import Formatter
from console.present.labels import (
    HEADINGS,
    NO_AREA_TARGET,
    STATUS_CLASS,
    TEXT,
    YI_EN,
    area_word,
    basis_word,
    is_count,
    plan_ref,
    pool_rank_heading,
    text,
    zones_by_status,
    zones_judged_note,
)
from console.present.viewmodel import Cell, Column, Field, Row, View


def _col(key: str, zh: str, en: str, f: Formatter, kind: str = "text", numeric: bool = False) -> Column:
    label = f.pick(zh, en)
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


def zone_years_view(d: ZoneDetail, lang: str, ascii_only: bool) -> View:
    """A zone's star and tier targets and results, and its province rank, for every year."""
    f = Formatter(lang, ascii_only)
    arrow = f.arrow
    columns = (
        _col("year", "年度", "Year", f, "int"),
        Column(
            "star",
            f.pick(f"星级目标{arrow}结果", f"Star target{arrow}result"),
            fields=(
                Field("star_target", f.pick("星级目标", "Star target"), "int"),
                Field("star", f.pick("星级", "Star"), "int"),
            ),
        ),
        _col("star_status", "状态", "Status", f, "status"),
        Column(
            "tier",
            f.pick(f"档级目标{arrow}结果", f"Tier target{arrow}result"),
            fields=(
                Field("tier_target", f.pick("档级目标", "Tier target"), "int"),
                Field("tier", f.pick("档级", "Tier"), "int"),
            ),
        ),
        _col("tier_status", "状态", "Status", f, "status"),
        Column(
            "province",
            f.pick(pool_rank_heading(d.ranked_in, lang), f"{pool_rank_heading(d.ranked_in, lang)} in tier"),
            numeric=True,
            fields=(
                Field("province_rank", pool_rank_heading(d.ranked_in, lang), "int"),
                Field("tier_size", f.pick("档内开发区数", "Zones in tier"), "int"),
                Field("result_year", f.pick("评价年度", "Result year"), "int"),
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
    return View("zone_years", f.pick("各年度目标与结果", "Targets and results by year"), columns, rows)


def zone_clusters_view(d: ZoneDetail, lang: str, ascii_only: bool) -> View:
    """A zone's clusters in the year shown: target, year to date, pace and status."""
    f = Formatter(lang, ascii_only)
    columns = (
        _col("industry", "产业", "Industry", f),
        _col("target", "目标", "Target", f, "float", True),
        _col("actual_ytd", "累计", "YTD", f, "float", True),
        _col("pace_target", "进度目标", "Pace", f, "float", True),
        _col("status", "状态", "Status", f, "status"),
    )
    rows = tuple(
        Row(
            c["industry"],
            (
                _text(f.pick(c["industry"], c["industry_en"] or c["industry"]), f),
                _num(c["target"], f, 0),
                _num(c["actual_ytd"], f),
                _num(c["pace_target"], f),
                _status(c["status"], f),
            ),
        )
        for c in d.clusters.iter_rows(named=True)
    )
    when = text("in_year", lang).format(year=d.year)  # `y` changes the year: the heading says which
    return View(
        "zone_clusters", f.pick(f"产业集群（{when}，亿元）", f"Clusters ({when}, {YI_EN})"), columns, rows
    )


def zone_reports_view(d: ZoneDetail, lang: str, ascii_only: bool) -> View:
    """A zone's quarterly reports: due date, date submitted, status and days late."""
    f = Formatter(lang, ascii_only)
    columns = (
        _col("period", "季度", "Quarter", f, "period"),
        _col("due", "截止", "Due", f, "date"),
        _col("submitted", "报送日期", "Submitted", f, "date"),
        _report_status_column(f, f.pick("状态", "Status")),
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
    return View("zone_reports", f.pick("季度报送", "Quarterly reports"), columns, tuple(rows))


def cluster_years_view(
    rows: Sequence[dict[str, Any]], lang: str, ascii_only: bool, year: int | None = None
) -> View:
    """A cluster's target, year to date, data period, pace, projection and status for every year; the
    year shown (``year``) is marked."""
    f = Formatter(lang, ascii_only)
    mark = f.pick("（所选）", " (shown)")
    columns = (
        _col("year", "年度", "Year", f, "int"),
        _col("target", "目标", "Target", f, "float", True),
        _col("actual_ytd", "累计", "YTD", f, "float", True),
        _col("period", "期间", "Period", f, "period"),
        _col("pace_target", "进度目标", "Pace", f, "float", True),
        _col("projected", "预计全年", "Projected", f, "float", True),
        _col("status", "状态", "Status", f, "status"),
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
    return View("cluster_years", f.pick("各年度（亿元）", f"By year ({YI_EN})"), columns, out)


def task_history_view(
    indicators: pl.DataFrame,
    values: pl.DataFrame,
    lang: str,
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
            f.pick("指标", "Indicator"),
            fields=(
                Field("indicator", f.pick("指标编码", "Code")),
                Field("name", f.pick("指标", "Indicator")),
            ),
        ),
        *(Column(f"v_{p}", p, True, fields=(Field(f"v_{p}", p, "float"),)) for p in periods),
        _col("status", "状态", "Status", f, "status"),
    )
    rows = []
    for ind in indicators.iter_rows(named=True):
        mine = dict(
            values.filter(pl.col("indicator") == ind["indicator"]).select("period", "value").iter_rows()
        )
        name = f.pick(ind["name"], ind["name_en"] or ind["name"])
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
    title = f.pick(
        f"指标历史值（{area_word(area, 'zh')}或各区合计{'；' + when if when else ''}）",
        f"Indicator values over time ({area_word(area, 'en')}-wide or summed over zones"
        f"{'; ' + when.lower() if when else ''})",
    )
    return View("task_history", title, columns, tuple(rows))


def _scope(scope: str | None, relative_to: str | None, f: Formatter, area: str = "city") -> str:
    words = {
        "city": (area_word(area, "zh"), f"{area_word(area, 'en')}-wide"),
        "each_zone": ("每个开发区", "every zone"),
        "each_zone_each_year": ("每个开发区、每年", "every zone, every year"),
        "relative": ("相对指标", "relative"),
    }
    zh, en = words.get(scope or "", (scope or f.none, scope or f.none))
    text = f.pick(zh, en)
    if scope == "relative" and relative_to:
        text += f.pick(f"（对比：{relative_to}）", f" (against: {relative_to})")
    return text


def indicator_facts_view(d: IndicatorDetail, lang: str, ascii_only: bool) -> View:
    """An indicator's target, scope, latest value, progress, status, task and source as (item, value)
    rows (its code and name are the drill-down's title)."""
    f = Formatter(lang, ascii_only)
    i = d.indicator
    unit = f.pick(i["unit"] or "", i["unit_en"] or i["unit"] or "")
    if i["target"] is None:  # the plan's target is not for this data's zones (console.engine.coverage)
        target = f.pick(*NO_AREA_TARGET)
    else:
        target = f"{i['comparison']} {f.amount(i['target'], i['unit'])} {unit}".strip()
        target += f.year_note(i["target_year"], bool(i.get("standing_aim")))
    if i["zones_total"]:
        latest = f.ratio(i["zones_met"], i["zones_total"]) + f.pick(" 个开发区达标", " zones met")
    else:
        latest = f"{f.amount(i['latest'], i['unit'])} {unit}".strip()
    if i["period"]:
        latest += f" ({i['period']})"
    latest += f.bracket(zones_judged_note(i, f.lang, long=True))  # fewer zones judged than it has
    latest += f.bracket(basis_word(i.get("basis"), f.lang))
    if i.get("computed") and i.get("reported") is not None:
        reported = f.amount(i["reported"], i["unit"])
        latest += f.pick(f"；上报值 {reported}", f"; reported {reported}")
    task = f.none
    if d.task is not None:
        task = f"{d.task['task']}. {f.pick(d.task['title'], d.task['title_en'] or d.task['title'])}"
    elif i["task"] is None:
        task = f.pick("总体目标（方案第一部分）", "headline goal (section 1 of the plan)")
    facts = (
        ("target", f.pick("目标", "Target"), Cell(target, (i["comparison"], i["target"]), i["target"])),
        ("scope", f.pick("范围", "Scope"), _text(_scope(i["scope"], i["relative_to"], f, d.area), f)),
        ("latest", f.pick("最新值", "Latest"), Cell(latest, (i["latest"], i["period"]), i["latest"])),
        *_baseline_fact(d, f, unit),
        (
            "progress",
            text("progress_zone_mean" if i["zones_total"] else "progress_in_year", lang).format(year=d.year)
            if d.year
            else f.pick("基期起进度", "From baseline"),
            Cell(
                f"{f.share(i['progress'])}"
                + (
                    text("standing_pace", f.lang)
                    if i.get("standing_aim")
                    else f.pick(f"（应达 {f.share(i['expected'])}）", f" (pace {f.share(i['expected'])})")
                ),
                (i["progress"], i["expected"]),
                i["progress"],
            ),
        ),
        (
            "status",
            text("status_in_year", lang).format(year=d.year) if d.year else f.pick("状态", "Status"),
            _zone_made_status(d, f),
        ),
        ("basis", f.pick("判断依据", "Judged on"), _text(judgement_basis(d, f), f)),
        ("task", f.pick("所属任务", "Task"), _text(task, f)),
        ("source", f.pick("出处", "Source"), _text(plan_ref(i["source"], lang), f)),  # en: 2(1), not 二(一)
    )
    columns = (_col("item", "项目", "Item", f), _col("value", "内容", "Value", f))
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
        return f.pick(
            f"最新值与目标（{i['comparison']}{target}）直接比较；达到为达标，未到期前未达到为落后",
            f"the latest value against the target ({i['comparison']}{target}): met once reached, behind until then",
        )
    share = f.share(i["expected"])
    said = f.pick(
        f"基期起进度 =（最新值 - 基期值）/（目标 {target} - 基期值），基期值为方案开始前最后一期的值；"
        f"与按时间应达的进度（至{i['period'] or '本期'}为 {share}）相比：达到为符合进度，不足为落后，达到目标为达标",
        f"progress from the base = (latest - base) / (target {target} - base), the base being the last value"
        f" before the plan began; against the progress due by now{by}, {share}: at or above it on track,"
        f" below it behind, the target reached met",
    )
    if i.get("basis"):  # a figure against a full-year target: what its value stands on
        own = f"basis_explained_{i['indicator']}"
        said += f.pick("。", ". ") + text(own if own in TEXT else "basis_explained", f.lang)
    if d.zones:
        said += f.pick(
            "。每个开发区分别判断（见下表的基期值、进度和应达），指标取最差开发区的状态",
            ". Each zone is judged on its own (its base, progress and progress due are in the table"
            " below: Base, Progress, Due); the indicator takes its worst zone's status",
        )
    return said


def indicator_history_view(d: IndicatorDetail, lang: str, ascii_only: bool) -> View:
    """A city-wide indicator's values by quarter up to the quarter judged (the last two years, the
    quarters the chart shows; the base value is among the facts); a computed indicator shows the
    dataset's reported figure beside."""
    f = Formatter(lang, ascii_only)
    computed = bool(d.indicator.get("computed"))
    count_unit = d.indicator["unit"]
    code = d.indicator["indicator"]
    full_year = code in BASIS  # a full-year target: each quarter says what its value stands on
    columns = (
        _col("period", "季度", "Quarter", f, "period"),
        _col("value", "数值", "Value", f, "float", True),
        *((_col("reported", "上报值", "Reported", f, "float", True),) if computed else ()),
        *((_col("basis", *HEADINGS["basis"], f),) if full_year else ()),
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
    unit = f.pick(d.indicator["unit"] or "", d.indicator["unit_en"] or d.indicator["unit"] or "")
    # The rows end at the quarter the year shown is judged at (`y` moves it): the heading says where.
    until = text("up_to", lang).format(period=rows[-1].key) if rows else ""
    inside = (f.list_sep if not f.zh else "，").join(part for part in (until, unit) if part)
    title = (
        f.pick(f"历史值（{inside}）", f"Values over time ({inside})")
        if inside
        else f.pick("历史值", "Values over time")
    )
    return View("indicator_history", title, columns, rows)


def indicator_zones_view(d: IndicatorDetail, lang: str, ascii_only: bool) -> View:
    """A zone-scoped indicator per zone: its values over the last four quarters, its base, progress from
    it and the progress due by now (what the status is judged on), and its status."""
    f = Formatter(lang, ascii_only)
    # The last year's quarters, then what the status is judged on: base, progress from it, progress due.
    shown = len(d.periods[-ZONE_QUARTERS:])
    columns = (
        _col("zone", "开发区", "Zone", f),
        *(Column(f"v_{p}", p, True, fields=(Field(f"v_{p}", p, "float"),)) for p in d.periods[-shown:]),
        _col("baseline", "基期值", "Base", f, "float", True),
        _col("progress", "进度", "Progress", f, "share", True),
        _col("expected", "应达", "Due", f, "share", True),
        _col("status", "状态", "Status", f, "status"),
    )
    rows = tuple(
        Row(
            z["zone"],
            (
                _text(f.pick(z["short_name"], z["short_name_en"] or z["short_name"]), f),
                *(_num(v, f, unit=d.indicator["unit"]) for v in z["values"][len(z["values"]) - shown :]),
                _num(z.get("baseline"), f, unit=d.indicator["unit"]),
                _share(z.get("progress"), f),
                _share(z.get("expected"), f),
                _status(z["status"], f),
            ),
        )
        for z in d.zones
    )
    unit = f.pick(d.indicator["unit"] or "", d.indicator["unit_en"] or d.indicator["unit"] or "")
    # Progress and status are the year shown's (`y` changes it): the heading says which.
    inside = (f.list_sep if not f.zh else "，").join(
        part for part in (text("in_year", lang).format(year=d.year) if d.year else "", unit) if part
    )
    title = (
        f.pick(f"各开发区（{inside}）", f"By zone ({inside})") if inside else f.pick("各开发区", "By zone")
    )
    if d.more:
        title += f.pick(
            f"：最需关注的 {len(d.zones)} 个，另有 {d.more} 个未列出（可按县区筛选）",
            f": the {len(d.zones)} most in need of attention; {d.more} more not listed (filter by county)",
        )
    return View("indicator_zones", title, columns, rows)


def indicator_texts(d: IndicatorDetail, lang: str) -> tuple[tuple[str, str], ...]:
    """The plan's own words, in full: the target's sentence and its task's measure (label, text)."""
    f = Formatter(lang)
    zh_only = text("plan_words_zh_only", lang)  # the plan has no English text: say where to read it
    words = (d.indicator["text"] or f.none) if lang == "zh" else zh_only
    out = [(f.pick("方案原文", "The plan's words"), words)]
    if d.task is not None and d.task.get("measure"):
        ref = plan_ref(d.task.get("measure_ref") or "", lang)
        measure = d.task["measure"] if lang == "zh" else zh_only
        out.append((f.pick(f"措施 {ref}", f"Measure {ref}").strip(), measure))
    return tuple(out)


def _report_status_column(f: Formatter, label: str) -> Column:
    """A report's status and its days late: one column, in a zone's reports and in the late list."""
    return Column(
        "status",
        label,
        fields=(
            Field("status", f.pick("状态", "Status"), "status"),
            Field("days_late", f.pick("逾期天数", "Days late"), "int"),
        ),
    )


def late_reports_view(zones: pl.DataFrame, lang: str, ascii_only: bool) -> View:
    """Every zone whose quarterly report of the quarter judged is late or missing: missing first, then
    the latest; the overview's reports note opens it (the Zones tab's 报送 column gives way at 80
    columns, and at national scale the overview names only the first few)."""
    f = Formatter(lang, ascii_only)
    columns = (
        _col("zone", "开发区", "Zone", f),
        _col("county", "县区", "County", f),
        _report_status_column(f, f.pick("报送状态", "Report")),
        _col("submitted", "报送日期", "Submitted", f, "date"),
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
        name = (r.get("short_name_en") if lang == "en" else None) or r["short_name"]
        county = (r.get("county_en") if lang == "en" else None) or r["county"]
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
    title = f.pick(
        f"季度报送（{period}）：逾期或未报送的开发区", f"Quarterly reports ({period}): late or missing"
    )
    return View("late_reports", title, columns, tuple(rows))
