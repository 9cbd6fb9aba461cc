"""What each tab shows, as plain rows of text: the console renders them, exports write them.

A View is computed from an Evaluation for one language and symbol set, then searched and sorted.
Because the console and every export use the same View, an export is exactly what is on screen.
No Textual here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import polars as pl

from console.data.scales import ScaleError, cn_numeral, parse_star, parse_tier, star_label, tier_label
from console.engine.evaluation import Evaluation
from console.present.labels import (
    STATUS_CLASS,
    lang_index,
    missing_words,
    status_label,
    status_symbol,
    status_word,
)
from console.present.viewmodel import TAB_TITLES, Column, CountLine, Goal, Overview, Row, View

SPARK = "▁▂▃▄▅▆▇█"
SPARK_ASCII = "_.-~=+*#"


def tab_title(tab: str, lang: str) -> str:
    return TAB_TITLES[tab][lang_index(lang)]


def sparkline(values: Sequence[float | None], ascii_only: bool = False) -> str:
    """One character per value, scaled between the series' min and max; a space for a gap."""
    blocks = SPARK_ASCII if ascii_only else SPARK
    known = [v for v in values if v is not None and not math.isnan(v)]
    if not known:
        return " " * len(values)
    low, high = min(known), max(known)
    span = high - low
    out = []
    for v in values:
        if v is None or math.isnan(v):
            out.append(" ")
        else:
            level = 0 if span == 0 else round((v - low) / span * (len(blocks) - 1))
            out.append(blocks[level])
    return "".join(out)


def _cls(status: str | None) -> str | None:
    return STATUS_CLASS.get(status or "")


def _pct(x: float | None) -> str:
    return "—" if x is None or math.isnan(x) else f"{x:.0%}"


def _num(x: float | int | None, digits: int = 1) -> str:
    return "—" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:,.{digits}f}"


def _mark(flagged: bool) -> str:
    return "!" if flagged else " "


def _zone_name(row: dict[str, Any], lang: str) -> str:
    return (row.get("short_name_en") if lang == "en" else None) or row["short_name"]


def _county(row: dict[str, Any], lang: str) -> str:
    return (row.get("county_en") if lang == "en" else None) or row["county"]


# Per goal: the Chinese suffix, the Chinese word for none, the English letter.
_COMPACT = {"tier": ("档", "—", "T"), "star": ("星", "无", "S")}


def _compact_goal(kind: str, target: int | None, achieved: int | None, lang: str, known: bool = True) -> str:
    """Target and result in a narrow cell: 一→二档, 二→无星; T1→T2, S2→S-. With no result published
    (``known`` false) the result is —: not "no star", just not known."""
    suffix, none_zh, letter = _COMPACT[kind]
    if lang == "zh":
        t = cn_numeral(target) if target else none_zh
        a = cn_numeral(achieved) if achieved else (none_zh if known else "—")
        return f"{t}→{a}{suffix}"
    return f"{letter}{target or '-'}→{letter}{achieved or '-'}" if known else f"{letter}{target or '-'}→—"


def zones_view(
    ev: Evaluation, history: pl.DataFrame, lang: str, ascii_only: bool, words: bool = False
) -> View:
    """Zones tab: one row per zone; flagged rows miss or risk a tier, star or revenue target."""
    zh = lang == "zh"
    arrow = "->" if ascii_only else "→"
    columns = (
        Column("mark", ""),
        Column("zone", "开发区" if zh else "Zone"),
        Column("county", "县区" if zh else "County", give_way=1),
        Column("tier", "档级" if zh else "Tier"),
        Column("star", "星级" if zh else "Star"),
        Column("revenue", "营收/进度" if zh else "Rev/pace", numeric=True),
        Column("trend", "季度营收" if zh else "Quarterly", give_way=3),
        Column("report", "报送" if zh else "Report", give_way=2),
        Column("missing", "未达目标" if zh else "Missing"),
    )
    spark = _zone_history(history)

    def mark(status: str | None) -> str:
        """A symbol on screen; symbol and word in exports, where no colour helps."""
        return status_label(status, lang, ascii_only) if words else status_symbol(status, ascii_only)

    rows = []
    for z in ev.zones.iter_rows(named=True):
        flagged = bool(z["missing"])
        known = z["result_year"] is not None  # no result published yet: —, not 无星
        tier = _compact_goal("tier", z["tier_target"], z["tier"], lang, known).replace("→", arrow)
        star = _compact_goal("star", z["star_target"], z["star"], lang, known).replace("→", arrow)
        share = None if not z["revenue_target"] else (z["revenue_ytd"] or 0) / z["revenue_target"]
        pace = None if not z["revenue_target"] else (z["revenue_pace"] or 0) / z["revenue_target"]
        has_figure = share is not None and z["revenue_ytd"] is not None  # not_reported / no_data: no share
        revenue = f"{_pct(share)}/{_pct(pace)}" if has_figure else ("-" if ascii_only else "—")
        report = status_label(z["report_status"], lang, ascii_only)
        if z["report_days_late"]:
            report += f"{z['report_days_late']}天" if zh else f" {z['report_days_late']}d"
        cells = (
            _mark(flagged),
            _zone_name(z, lang),
            _county(z, lang),
            f"{tier} {mark(z['tier_status'])}",
            f"{star} {mark(z['star_status'])}",
            f"{revenue} {mark(z['revenue_status'])}",
            sparkline(spark.get(z["zone"], []), ascii_only),
            report,
            missing_words(z["missing"], lang) or ("—" if not ascii_only else "-"),
        )
        sort = (
            len(z["missing"]),
            z["short_name"],
            z["county"],
            _severity(z["tier_status"]),
            _severity(z["star_status"]),
            share,
            sum(v for v in spark.get(z["zone"], []) if v is not None) or None,
            _severity(z["report_status"]),
            len(z["missing"]),
        )
        classes = (
            "bad" if flagged else None,
            "bad" if flagged else None,
            None,
            _cls(z["tier_status"]),
            _cls(z["star_status"]),
            _cls(z["revenue_status"]),
            None,
            _cls(z["report_status"]),
            "bad" if flagged else None,
        )
        rows.append(Row(z["zone"], cells, sort, classes, flagged))
    return View("zones", tab_title("zones", lang), columns, tuple(rows))


_SEVERITY = {
    "missed": 0,
    "missing": 0,
    "at_risk": 1,
    "behind": 1,
    "late": 1,
    "no_data": 2,
    "not_reported": 2,
    "on_track": 3,
    "on_pace": 3,
    "on_time": 4,
    "met": 4,
    "no_target": 5,
    "not_due": 5,
    "no_indicator": 5,
}


def _severity(status: str | None) -> int | None:
    return _SEVERITY.get(status or "")


def _zone_history(history: pl.DataFrame) -> dict[str, list[float | None]]:
    """Per zone, total quarterly revenue of its clusters (None where no cluster reported)."""
    out: dict[str, list[float | None]] = {}
    for zone, values in history.select("zone", "quarterly").iter_rows():
        current = out.setdefault(zone, [None] * len(values))
        for i, v in enumerate(values):
            if v is not None:
                current[i] = (current[i] or 0.0) + v
    return out


def clusters_view(ev: Evaluation, history: pl.DataFrame, lang: str, ascii_only: bool) -> View:
    """Clusters tab: one row per cluster with target, year to date, pace, projection and trend."""
    zh = lang == "zh"
    columns = (
        Column("mark", ""),
        Column("zone", "开发区" if zh else "Zone"),
        Column("industry", "产业" if zh else "Industry"),
        Column("target", "目标" if zh else "Target", numeric=True, value=True),
        Column("actual_ytd", "累计" if zh else "YTD", numeric=True, value=True),
        Column("pace_target", "进度目标" if zh else "Pace", numeric=True, give_way=2, value=True),
        Column("projected", "预计全年" if zh else "Projected", numeric=True, give_way=1, value=True),
        Column("trend", "季度营收" if zh else "Quarterly", give_way=3),
        Column("status", "状态" if zh else "Status"),
    )
    spark = {(z, i): v for z, i, v in history.select("zone", "industry", "quarterly").iter_rows()}
    names = ev.zones.select("zone", "short_name", "short_name_en").rows_by_key(
        "zone", named=True, unique=True
    )
    rows = []
    for c in ev.clusters.iter_rows(named=True):
        flagged = c["status"] in ("behind", "missed")
        zone = names.get(c["zone"], {"short_name": c["short_name"], "short_name_en": None})
        values = spark.get((c["zone"], c["industry"]), [])
        cells = (
            _mark(flagged),
            _zone_name({**zone, "short_name": c["short_name"]}, lang),
            (c["industry_en"] if lang == "en" else None) or c["industry"],
            _num(c["target"], 0),
            _num(c["actual_ytd"]),
            _num(c["pace_target"]),
            _num(c["projected"]),
            sparkline(values, ascii_only),
            status_label(c["status"], lang, ascii_only),
        )
        sort = (
            int(flagged),
            c["short_name"],
            c["industry"],
            c["target"],
            c["actual_ytd"],
            c["pace_target"],
            c["projected"],
            c["progress"],
            _severity(c["status"]),
        )
        classes = ("bad" if flagged else None, None, None, None, None, None, None, None, _cls(c["status"]))
        rows.append(Row(f"{c['zone']}|{c['industry']}", cells, sort, classes, flagged))
    return View("clusters", tab_title("clusters", lang), columns, tuple(rows))


def tasks_view(ev: Evaluation, lang: str, ascii_only: bool, unit: str | None = None) -> View:
    """Tasks tab: the 18 tasks in section order, with lead and participating units and a rolled-up status."""
    zh = lang == "zh"
    columns = (
        Column("section", "部分" if zh else "Section"),
        Column("task", "任务" if zh else "Task"),
        Column("lead", "牵头单位" if zh else "Lead units"),
        Column("participants", "参加单位" if zh else "Participating", give_way=1),
        Column("indicators", "指标达标" if zh else "Targets met", numeric=True, give_way=2),
        Column("status", "状态" if zh else "Status"),
    )
    rows = []
    for t in ev.tasks.iter_rows(named=True):
        if unit and unit not in task_units(t):
            continue
        # The section groups the tasks, so it stays on screen: short, without the shared 开发区 prefix.
        section_title = (t["section_title_en"] if not zh else None) or t["section_title"].removeprefix(
            "开发区"
        )
        title = (t["title_en"] if not zh else None) or t["title"]
        met = f"{t['indicators_met']}/{t['indicators']}" if t["indicators"] else "—"
        cells = (
            f"{t['section']} {section_title}",
            f"{t['task']}. {title}",
            t["lead_units"] or "—",
            t["participating_units"] or "—",
            met,
            status_label(t["status"], lang, ascii_only),
        )
        sort = (
            t["task"],
            t["task"],
            t["lead_units"],
            t["participating_units"],
            t["indicators_met"] / t["indicators"] if t["indicators"] else None,
            _severity(t["status"]),
        )
        classes = (None, None, None, None, None, _cls(t["status"]))
        rows.append(Row(str(t["task"]), cells, sort, classes, t["status"] in ("missed", "behind")))
    return View("tasks", tab_title("tasks", lang), columns, tuple(rows))


def task_units(task: dict[str, Any]) -> list[str]:
    """The units named in a task's lead and participating lists, with the 市 prefix made explicit."""
    units = []
    for field_name in ("lead_units", "participating_units"):
        for part in (task.get(field_name) or "").replace("，", "、").split("、"):
            part = part.strip()
            if not part:
                continue
            if not part.startswith(("市", "各", "高新区")):
                part = "市" + part
            units.append(part)
    return units


def indicators_view(ev: Evaluation, lang: str, ascii_only: bool, task: int | None = None) -> View:
    """The quantified targets (of one task, or all), with latest value, target, progress and status."""
    zh = lang == "zh"
    columns = (
        Column("indicator", "指标" if zh else "Indicator"),
        Column("task", "任务" if zh else "Task", give_way=2),
        Column("target", "目标" if zh else "Target", numeric=True),
        Column("latest", "最新值" if zh else "Latest", numeric=True),
        Column("progress", "进度" if zh else "Progress", numeric=True, give_way=1),
        Column("period", "期间" if zh else "Period", give_way=3),
        Column("status", "状态" if zh else "Status"),
    )
    rows = []
    frame = ev.indicators if task is None else ev.indicators.filter(pl.col("task") == task)
    for i in frame.iter_rows(named=True):
        name = (i["name_en"] if not zh else None) or i["name"]
        unit = (i["unit_en"] if not zh else None) or i["unit"]
        if i["target_year"]:
            year = f" ({i['target_year']})"
        elif i.get("standing_aim"):  # the plan gives no due year: not "yearly" either
            year = " 长期目标" if zh else " standing aim"
        else:
            year = " 每年" if zh else " yearly"
        if i["zones_total"]:
            latest = f"{i['zones_met']}/{i['zones_total']}" + ("区" if zh else " zones")
        else:
            latest = _num(i["latest"])
        cells = (
            f"{i['indicator']} {name}",
            str(i["task"]) if i["task"] is not None else "—",
            f"{i['comparison']}{_num(i['target'], 0)} {unit}{year}",
            latest,
            _pct(i["progress"]),
            i["period"] or "—",
            status_label(i["status"], lang, ascii_only),
        )
        sort = (
            i["indicator"],
            i["task"],
            i["target"],
            i["latest"] if not i["zones_total"] else i["zones_met"],
            i["progress"],
            i["period"],
            _severity(i["status"]),
        )
        classes = (None, None, None, None, None, None, _cls(i["status"]))
        rows.append(Row(i["indicator"], cells, sort, classes, i["status"] in ("missed", "behind")))
    return View("indicators", "量化指标" if zh else "Indicators", columns, tuple(rows))


def rankings_view(ranked: pl.DataFrame, lang: str, ascii_only: bool) -> View:
    """Rankings tab: composite score and its change beside the province's rank and the rule flags."""
    from console.engine.rules import REWARDS, flag_word

    zh = lang == "zh"
    columns = (
        Column("rank", "名次" if zh else "Rank", numeric=True, value=True),
        Column("zone", "开发区" if zh else "Zone"),
        Column("county", "县区" if zh else "County", give_way=1),
        Column("score", "综合得分" if zh else "Score", numeric=True, value=True),
        Column("change", "较上季" if zh else "vs last Q", numeric=True),
        Column("tier", "档级" if zh else "Tier", give_way=2),
        Column("province", "全省档内排名" if zh else "Province rank", numeric=True),
        Column("previous", "上年排名" if zh else "Year before", numeric=True, give_way=3),
        Column("flags", "奖惩（方案四(三)）" if zh else "Rules (plan 4(3))"),
    )
    up, down = ("^", "v") if ascii_only else ("↑", "↓")
    rows = []
    for r in ranked.iter_rows(named=True):
        change = r["rank_change"]
        if change is None:
            moved = "—"
        elif change > 0:
            moved = f"{up}{change}"
        elif change < 0:
            moved = f"{down}{-change}"
        else:
            moved = "="
        if r["province_rank"]:
            province = f"{r['province_rank']}/{r['tier_size']}" + (
                f"（{r['result_year']}）" if zh else f" ({r['result_year']})"
            )
        else:
            province = "—"
        previous = "—"
        if r["previous_rank"]:
            previous = f"{r['previous_rank']} {tier_label(r['previous_tier'], lang, ascii_only)}"
        flags = r["flags"] or []
        words = ("、" if zh else ", ").join(flag_word(f, lang) for f in flags) or "—"
        rewarded, noticed = any(f in REWARDS for f in flags), any(f not in REWARDS for f in flags)
        cells = (
            "—" if r["rank"] is None else str(r["rank"]),
            _zone_name(r, lang),
            _county(r, lang),
            "—" if r["score"] is None else f"{r['score']:.1f}",
            moved,
            tier_label(r["tier"], lang, ascii_only),
            province,
            previous,
            words,
        )
        sort = (
            r["rank"],
            r["short_name"],
            r["county"],
            r["score"],
            change,
            r["tier"],
            r["province_rank"],
            r["previous_rank"],
            len(flags),
        )
        flag_class = "bad" if noticed else ("good" if rewarded else None)
        classes = (
            None,
            None,
            None,
            None,
            "good" if (change or 0) > 0 else ("warn" if (change or 0) < 0 else None),
            None,
            None,
            None,
            flag_class,
        )
        rows.append(Row(r["zone"], cells, sort, classes, noticed))
    return View("rankings", tab_title("rankings", lang), columns, tuple(rows))


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


def overview(
    ev: Evaluation,
    plan_figures: pl.DataFrame,
    lang: str,
    ascii_only: bool,
    assessments: pl.DataFrame | None = None,
) -> Overview:
    """Headline goals with progress, zones per tier and star against the plan, and the attention list."""
    zh = lang == "zh"
    goals = []
    indicators = ev.indicators.rows_by_key("indicator", named=True, unique=True)
    for code in HEADLINE:
        i = indicators.get(code)
        if i is None:
            continue
        name = (i["name_en"] if not zh else None) or i["name"]
        unit = (i["unit_en"] if not zh else None) or i["unit"]
        whole = unit in ("家", "个", "firms", "clusters", "platforms") or (i["latest"] or 0) >= 100
        latest = "—" if i["latest"] is None else _num(i["latest"], 0 if whole else 1)
        goals.append(Goal(name, f"{latest} / {_num(i['target'], 0)} {unit}", i["progress"], i["status"]))
    tiers: list[CountLine] = []
    stars: list[CountLine] = []
    figures = plan_figures.filter(pl.col("year") == ev.year)
    for figure, column, achieved_col, label in (
        ("tier_count", "tier_target", "tier", tier_label),
        ("star_count", "star_target", "star", star_label),
    ):
        planned: dict[int, int] = {}
        parse = parse_tier if figure == "tier_count" else parse_star
        for level, stated in figures.filter(pl.col("figure") == figure).select("level", "stated").iter_rows():
            try:
                parsed = parse(level)
            except ScaleError:
                continue
            if parsed:
                planned[parsed] = int(stated)
        targeted = ev.zones.group_by(column).len().drop_nulls()
        achieved = ev.zones.group_by(achieved_col).len().drop_nulls()
        t_map = {int(k): v for k, v in targeted.rows()}
        a_map = {int(k): v for k, v in achieved.rows()}
        levels = sorted(set(planned) | set(t_map) | set(a_map))
        published = ev.zones.get_column("result_year").drop_nulls().len() > 0  # else: no result, not 0
        lines = tuple(
            CountLine(
                label(lv, lang, ascii_only),
                planned.get(lv, 0),
                t_map.get(lv, 0),
                a_map.get(lv, 0) if published else None,
            )
            for lv in levels
        )
        (tiers if figure == "tier_count" else stars).extend(lines)
    attention = []
    for z in ev.zones_missing.iter_rows(named=True):
        what = []
        for item in z["missing"]:
            status = {"tier": z["tier_status"], "star": z["star_status"], "revenue": z["revenue_status"]}[
                item
            ]
            what.append(
                f"{missing_words([item], lang)}{status_word(status, lang)}"
                if zh
                else f"{item} {status_word(status, lang)}"
            )
        attention.append((_zone_name(z, lang), ("、" if zh else ", ").join(what)))
    attention.extend(_gaps(ev.zones, lang))
    result_years = ev.zones.get_column("result_year").drop_nulls()
    overdue = []
    for z in ev.zones.filter(pl.col("report_status").is_in(["late", "missing"])).iter_rows(named=True):
        late = status_word(z["report_status"], lang)
        if z["report_days_late"]:
            late += f"{z['report_days_late']}天" if zh else f" {z['report_days_late']}d"
        overdue.append((_zone_name(z, lang), late))
    periods = ev.zones.get_column("report_period").drop_nulls()
    report_period = periods[0] if len(periods) else None
    return Overview(
        tuple(goals),
        tuple(tiers),
        tuple(stars),
        tuple(attention),
        int(max(result_years.to_list())) if len(result_years) else None,
        city_counts(plan_figures, assessments) if assessments is not None else (),
        tuple(overdue),
        report_period,
    )


def _gaps(zones: pl.DataFrame, lang: str) -> list[tuple[str, str]]:
    """What the data does not say yet, for the attention list: results not published, reports not in."""
    zh = lang == "zh"
    gaps = []
    unpublished = zones.filter(pl.col("tier_status") == "no_data").height
    if unpublished:
        gaps.append(
            ("考核结果", f"{unpublished} 个开发区尚无已公布的考核结果")
            if zh
            else ("Results", f"no published assessment result for {unpublished} zones")
        )
    if zones.height and zones.filter(pl.col("report_status") == "no_data").height == zones.height:
        period = zones.get_column("report_period")[0]
        if period is None:
            gaps.append(
                ("季度报表", "尚未导入任何季度报表")
                if zh
                else ("Reports", "no quarterly report ingested yet")
            )
        else:
            gaps.append(
                ("季度报表", f"{period} 的报表不在数据中（数据从更晚的季度开始）")
                if zh
                else ("Reports", f"reports for {period} were not collected (the data starts later)")
            )
    absent = zones.filter(pl.col("report_status") == "missing")
    if absent.height:
        period = absent.get_column("report_period")[0]
        gaps.append(
            ("季度报表", f"{period} 有 {absent.height} 个开发区未报送")
            if zh
            else ("Reports", f"no report for {period} from {absent.height} zones")
        )
    return gaps


def overview_view(data: Overview, lang: str, ascii_only: bool) -> View:
    """The Overview tab as one table (for exports): goals, counts per tier and star, attention list."""
    zh = lang == "zh"
    columns = (
        Column("section", "部分" if zh else "Section"),
        Column("item", "项目" if zh else "Item"),
        Column("value", "数值" if zh else "Value"),
        Column("status", "状态" if zh else "Status"),
    )
    rows: list[Row] = []

    def add(section: str, item: str, value: str, status: str | None = None, flagged: bool = False) -> None:
        cells = (section, item, value, status_label(status, lang, ascii_only) if status else "")
        rows.append(
            Row(
                f"{len(rows)}",
                cells,
                (len(rows), item, value, _severity(status)),
                (None, None, None, _cls(status)),
                flagged,
            )
        )

    goals = "主要目标" if zh else "Headline goals"
    for goal in data.goals:
        add(goals, goal.label, f"{goal.value} ({_pct(goal.progress)})", goal.status)
    counts = "档级与星级（计划/目标/结果）" if zh else "Tiers and stars (plan/targets/result)"
    for line in (*data.tiers, *data.stars):
        achieved = "—" if line.achieved is None else line.achieved
        add(counts, line.level, f"{line.planned} / {line.targeted} / {achieved}")
    attention = "需关注" if zh else "Attention"
    for zone, what in data.attention:
        add(attention, zone, what, flagged=True)
    return View("overview", tab_title("overview", lang), columns, tuple(rows))
