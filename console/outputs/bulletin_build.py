"""What the monthly bulletin (月度通报) says, computed from the data: one builder per section.

The bulletin for a month rests on the last quarter completed by the end of that month
(``bulletin_month``). It ranks the zones, states the consequences the plan's evaluation rules attach to
the latest published results, says what changed since the previous quarter (与上期相比: the status
transitions, worst first), lists the tasks that lag by responsible unit and the quarterly reports that
are late or missing. Chinese by default, English with lang="en". Builds a ``bulletin_model.Bulletin``;
``bulletin_document`` lays it out.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import polars as pl

from console.core.config import Settings
from console.data.dataset import Dataset
from console.data.scales import Period, cn_numeral
from console.engine.as_of import data_periods, known_by
from console.engine.changes import changes_between
from console.engine.coverage import CITY, Coverage
from console.engine.evaluation import Evaluation, evaluate
from console.engine.rankings import rankings
from console.engine.rules import REWARDS, flag_word
from console.outputs.bulletin_model import Bulletin
from console.outputs.bulletin_month import bulletin_quarter, checked_month, cutoff_date
from console.outputs.gongwen_paper import date_words
from console.present.changes_view import code_word, field_word, worst_first
from console.present.formatter import Formatter
from console.present.labels import (
    basis_word,
    english_noun,
    heading,
    missing_words,
    pool_rank_heading,
    quantity,
    status_word,
    unit_label,
    unit_name,
    zones_judged_note,
)
from console.present.labels import text as label_text
from console.present.viewmodel import Cell, Column, Field, View
from console.present.views import rankings_view, task_units
from console.words import Lang, in_lang_of, pick
from console.words.bulletin import BULLETIN

# The changes the bulletin's 与上期相比 lists: status transitions (rank moves are in the ranking's
# 较上季 column, reports in their own section).
COMPARED = ("target_missed", "status", "target_met")
LAGGING = ("behind", "missed")
BULLETIN_COLUMNS = ("rank", "zone", "score", "change", "province", "flags")


def build_bulletin(
    ds: Dataset,
    settings: Settings,
    period: str,
    lang: Lang = "zh",
    today: date | None = None,
    force: bool = False,
) -> Bulletin:
    """Everything the bulletin says, computed by the status engine and the ranking rules, as known at
    the month's cut-off (``cutoff_date``). A month after the latest the data supports
    (``latest_month``) raises MonthNotSupported unless ``force``, which prints a warning in it."""
    today = today or date.today()
    year, month, warning = checked_month(ds, period, lang, today, force)
    cutoff = cutoff_date(year, month, today)
    ds = known_by(ds, cutoff)
    quarter = bulletin_quarter(ds, period, year, month)
    data = ds.at(quarter) if ds.has_progress and quarter < ds.as_of else ds
    plan_year = min(max(quarter.year, ds.years[0]), ds.years[-1])
    ev = evaluate(data, settings, plan_year)
    ranked = rankings(data, plan_year, settings, current=ev)
    names = zone_names(ds, lang)
    missing = {z: m for z, m in ev.zones.select("zone", "missing").iter_rows()}
    title = in_lang_of(ds.manifest.title, ds.manifest.title_en, lang)
    b = Bulletin(year, month, quarter, lang, title, ds.sample, "", no_data=not ds.has_progress, cutoff=cutoff)
    b.warning = warning
    _rank(b, ranked, names, missing)
    b.coverage = ev.coverage
    b.table = bulletin_table(ranked, missing, lang, ev.coverage)
    years = ranked.get_column("result_year").drop_nulls()
    b.result_year = int(max(years.to_list())) if len(years) else None
    _compare(b, ds, settings, names)
    b.lagging = lagging_by_unit(ev, lang)
    b.reports.append(reports_line(b, ev, names))
    b.summary = summary(b, ev, plan_year)
    return b


def zone_names(ds: Dataset, lang: Lang) -> dict[str, str]:
    """Each zone's short name in ``lang`` (the Chinese one where the data has no English)."""
    return {
        z: in_lang_of(s, e, lang)
        for z, s, e in ds["zones"].select("zone", "short_name", "short_name_en").iter_rows()
    }


def _rank(b: Bulletin, ranked: pl.DataFrame, names: dict[str, str], missing: dict[str, list[str]]) -> None:
    """三、开发区综合排名 and 四、考核奖惩情况: the ranking's rows and the zones each rule applies to."""
    sep = BULLETIN("list_sep", b.lang)
    for r in ranked.iter_rows(named=True):
        b.ranking.append(
            {
                "rank": r["rank"],
                "zone": names[r["zone"]],
                "score": r["score"],
                "change": r["rank_change"],
                "province": f"{r['province_rank']}/{r['tier_size']}" if r["province_rank"] else "—",
                "result_year": r["result_year"],
                "flags": sep.join(flag_word(f, b.lang) for f in r["flags"]) or "—",
                "missing": missing_words(missing.get(r["zone"], []), b.lang) or "—",
            }
        )
        for flag in r["flags"]:
            entry = next((e for e in b.consequences if e[0] == flag), None)
            if entry is None:
                entry = (flag, [])
                b.consequences.append(entry)
            entry[1].append(names[r["zone"]])
    b.consequences.sort(key=lambda e: (e[0] not in REWARDS, e[0]))


def bulletin_table(
    ranked: pl.DataFrame, missing: dict[str, list[str]], lang: Lang, coverage: Coverage = CITY
) -> View:
    """The bulletin's ranking: the Rankings tab's columns it uses, and the targets each zone misses."""
    view = rankings_view(ranked, lang, ascii_only=False, coverage=coverage)
    keep = [view.column_index(key) for key in BULLETIN_COLUMNS]
    label = heading("missing", lang)
    column = Column("missing", label, fields=(Field("missing", label),))
    rows = []
    for row in view.rows:
        words = missing_words(missing.get(row.key, []), lang)
        cell = Cell(words or "—", (words or None,), len(missing.get(row.key, [])))
        rows.append(replace(row, cells=(*(row.cells[i] for i in keep), cell)))
    # The bulletin's own headings (a published document's wording), over the Rankings model's columns.
    pool = pool_rank_heading(coverage.ranked_in, lang)
    headings = [BULLETIN(f"col_{key}", lang, pool=pool) for key in BULLETIN_COLUMNS]
    columns = (*(replace(view.columns[i], label=h) for i, h in zip(keep, headings, strict=True)), column)
    return View("ranking", BULLETIN("ranking_title", lang), columns, tuple(rows))


def quarter_words(quarter: Period, lang: Lang, key: str = "quarter") -> str:
    """2026年第三季度 / 2026Q3 (``key`` "quarter_end": 2026年第三季度末 / the end of 2026Q3)."""
    return BULLETIN(key, lang, year=quarter.year, cn=cn_numeral(quarter.quarter), period=quarter)


def _compare(b: Bulletin, ds: Dataset, settings: Settings, names: dict[str, str]) -> None:
    """二、与上期相比: ``b.previous``, ``b.compared`` and its lines, the transitions since the quarter
    before, grouped by kind of change in the order found (worst first)."""
    span = data_periods(ds)
    if span is None or not span[0].index < b.quarter.index <= span[1].index:
        return
    b.previous = Period.from_index(b.quarter.index - 1)
    found = changes_between(ds, settings, b.previous, b.quarter)
    b.compared = worst_first(c for c in found if c.code in COMPARED)
    industries = {
        (z, i): in_lang_of(i, e, b.lang)
        for z, i, e in ds["clusters"].select("zone", "industry", "industry_en").iter_rows()
    }
    indicators = {
        code: in_lang_of(n, e, b.lang)
        for code, n, e in ds["indicators"].select("indicator", "name", "name_en").iter_rows()
    }
    for c in b.compared:
        whose = names.get(c.zone or "", c.zone or "")
        if c.subject == "cluster":
            industry = industries.get((c.zone, c.industry), c.industry)
            whose = BULLETIN("cluster_of_zone", b.lang, zone=whose, industry=industry)
        elif c.subject == "indicator":
            whose = f"{c.indicator} {indicators.get(c.indicator or '', '')}".strip()
        old, new = status_word(str(c.old), b.lang), status_word(str(c.new), b.lang)
        if c.field == "status":
            line = BULLETIN("status_changed", b.lang, whose=whose, old=old, new=new)
        else:
            what = field_word(c.field, b.lang)
            line = BULLETIN("field_changed", b.lang, whose=whose, what=what, old=old, new=new)
        kind = code_word(c.code, b.lang)
        if not b.compared_lines or b.compared_lines[-1][0] != kind:
            b.compared_lines.append((kind, []))
        b.compared_lines[-1][1].append(line)


def lagging_by_unit(ev: Evaluation, lang: Lang) -> list[tuple[str, list[str]]]:
    """五、重点任务推进滞后情况: each lagging task, with its lagging indicators, under each of its lead
    units (by the unit's name)."""
    sep = BULLETIN("list_sep", lang)
    by_unit: dict[str, list[str]] = {}
    for task in ev.tasks.filter(pl.col("status").is_in(LAGGING)).iter_rows(named=True):
        lagging = ev.indicators.filter((pl.col("task") == task["task"]) & pl.col("status").is_in(LAGGING))
        details = sep.join(
            BULLETIN(
                "lagging_indicator",
                lang,
                name=in_lang_of(i["name"], i["name_en"], lang),
                latest=latest_words(i, lang),
                target=_amount(i["target"], i, lang),
            )
            for i in lagging.iter_rows(named=True)
        )
        line = BULLETIN(
            "lagging_task",
            lang,
            task=task["task"],
            title=in_lang_of(task["title"], task["title_en"], lang),
            status=status_word(task["status"], lang),
            details=details,
        )
        for unit in task_units({"lead_units": task["lead_units"]}):
            by_unit.setdefault(unit, []).append(line)
    return sorted((unit_name(unit, lang), lines) for unit, lines in by_unit.items())


def latest_words(indicator: dict[str, Any], lang: Lang) -> str:
    """Where a lagging indicator stands: how many zones meet it, or its latest figure and what that
    figure stands on (全年预计 / 全年实际)."""
    if indicator["zones_total"]:
        judged = zones_judged_note(indicator, lang)  # 已报9区: judged on those
        met = BULLETIN(
            "zones_met",
            lang,
            met=indicator["zones_met"],
            total=indicator["zones_total"],
            zones=english_noun("zones", indicator["zones_total"]),
        )
        return met + (BULLETIN("judged_suffix", lang, judged=judged) if judged else "")
    value = indicator["latest"]
    if value is None:
        return status_word("no_data", lang)
    # A count against a full-year threshold says what revenue it stands on (全年预计 / 全年实际).
    basis = basis_word(indicator.get("basis"), lang)
    now = BULLETIN("now", lang, amount=_amount(value, indicator, lang))
    return now + (BULLETIN("basis_suffix", lang, basis=basis) if basis else "")


def _amount(value: float, indicator: dict[str, Any], lang: Lang) -> str:
    """A figure of an indicator with its unit: '180家', '91.4%'; '180 firms', '1 project', '91.4%'."""
    figure = _figure(value, indicator)
    amounts = (
        f"{figure}{indicator['unit']}",
        quantity(figure, unit_label(indicator["unit"], indicator["unit_en"], "en", value), "en"),
    )
    return pick(amounts, lang)


def _figure(value: float, indicator: dict[str, Any]) -> str:
    """A figure of an indicator as every surface writes it (Formatter.amount: counts whole)."""
    return Formatter("zh").amount(value, indicator["unit"])


def _uncollected(ev: Evaluation) -> bool:
    """Whether no zone's report for the quarter is in the data (a quarter before its first report)."""
    return bool(ev.zones.height and (ev.zones.get_column("report_status") == "no_data").all())


def reports_line(b: Bulletin, ev: Evaluation, names: dict[str, str]) -> str:
    """六、季度工作推进情况报送: the reports late (with the days) and missing, or why none can be said."""
    if b.no_data:
        return BULLETIN("reports_no_data", b.lang)
    quarter = quarter_words(b.quarter, b.lang)
    if _uncollected(ev):  # a quarter before the dataset's first report: never collected here
        return BULLETIN("reports_uncollected", b.lang, quarter=quarter)
    sep = BULLETIN("list_sep", b.lang)
    late = ev.zones.filter(pl.col("report_status") == "late").select("zone", "report_days_late")
    absent = ev.zones.filter(pl.col("report_status") == "missing").get_column("zone")
    none = BULLETIN("none_listed", b.lang)
    return BULLETIN(
        "reports_line",
        b.lang,
        quarter=quarter,
        due=date_words(date.fromisoformat(b.quarter.due_date()), b.lang),  # 2026年9月30日, never ISO
        late=sep.join(BULLETIN("late_zone", b.lang, zone=names[z], days=d) for z, d in late.iter_rows())
        or none,
        absent=sep.join(names[z] for z in absent) or none,
    )


def summary(b: Bulletin, ev: Evaluation, plan_year: int) -> str:
    """一、总体情况: the zones that miss a target (by kind), the tasks that lag and the reports; before
    any quarterly report, what the bulletin can and cannot judge."""
    if b.no_data:
        basis = (
            BULLETIN("basis_published", b.lang, year=b.result_year)
            if b.result_year
            else BULLETIN("basis_unpublished", b.lang)
        )
        return BULLETIN("summary_no_data", b.lang, basis=basis)
    missing_zones = ev.zones_missing
    counts = {
        item: sum(item in m for m in missing_zones.get_column("missing").to_list())
        for item in ("tier", "star", "revenue")
    }
    # Never "0 late, 0 missing" for a quarter whose reports were never collected: the reports section
    # says they are not in the data, and the summary must not read as all on time beside it.
    if _uncollected(ev):
        named = quarter_words(b.quarter, b.lang)
        reports_said = label_text("reports_not_collected", b.lang).format(period=named)
    else:
        statuses = ev.zones.get_column("report_status")
        late, missing = int((statuses == "late").sum()), int((statuses == "missing").sum())
        reports_said = label_text("reports_late_missing", b.lang).format(late=late, missing=missing)
    return BULLETIN(
        "summary",
        b.lang,
        quarter=quarter_words(b.quarter, b.lang),
        area=area_owner(ev.coverage.area, b.lang),
        n=ev.zones.height,
        missing=missing_zones.height,
        year=plan_year,
        lagging=ev.tasks.filter(pl.col("status").is_in(LAGGING)).height,
        reports=reports_said,
        **counts,
    )


def area_owner(area: str, lang: Lang) -> str:
    """Whose zones: 全市 / the city's (全省, 全国 …) for the area the data covers."""
    return BULLETIN(f"area_owner_{area}", lang)
