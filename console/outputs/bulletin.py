"""The monthly bulletin (月度通报) the development commission publishes on the zones' progress.

The bulletin for a month uses the data of the last quarter completed by the end of that month
(2026-10 -> 2026Q3; 2026-02 -> 2025Q4). It ranks the zones, states the consequences the plan's
evaluation rules attach to the latest published results, says what changed since the previous
quarter (与上期相比: the status transitions, worst first), lists the tasks that lag by responsible
unit and the quarterly reports that are late or missing, and carries the sample-data notice when it
applies. Chinese by default, English with lang="en". Written with the exports' file safety.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import polars as pl

from console.core.config import Settings
from console.core.text import Said, clean
from console.data.dataset import Dataset
from console.data.scales import Period, cn_numeral
from console.engine.as_of import data_periods, known_by
from console.engine.changes import Change, changes_between
from console.engine.coverage import CITY, Coverage
from console.engine.evaluation import evaluate
from console.engine.rankings import rankings
from console.engine.rules import REWARDS, flag_explained, flag_word
from console.outputs.export import ExportError, Provenance, place_with_manifest
from console.present.changes_view import code_word, field_word, worst_first
from console.present.formatter import Formatter
from console.present.labels import (
    AREA_OWNER_EN,
    area_word,
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


class BulletinError(Exception):
    """A bulletin that cannot be made; nothing was written."""


class MonthBeforeData(BulletinError):
    """A month whose bulletin would rest on a quarter before the plan's data (2024-01 rests on 2023Q4):
    the message names that quarter, the first with data, and the earliest month that can be written."""

    def __init__(self, period: str, quarter: Period, first: Period) -> None:
        self.period, self.quarter, self.first = period, str(quarter), str(first)
        self.earliest = earliest_month(first)
        words = {"month": period, "quarter": self.quarter, "first": self.first, "earliest": self.earliest}
        super().__init__(
            Said(
                label_text("bulletin_before_data", "en").format(**words),
                label_text("bulletin_before_data", "zh").format(**words),
            )
        )


def earliest_month(first: Period) -> str:
    """The first month whose bulletin rests on the quarter ``first`` (``data_quarter``): the month that
    quarter ends in (2024Q1 -> 2024-03)."""
    return f"{first.year}-{first.quarter * 3:02d}"


def parse_month(text: str) -> tuple[int, int]:
    """2026-10, 2026/10 or 2026年10月 -> (2026, 10)."""
    match = re.fullmatch(r"\s*(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?\s*", text)
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise BulletinError(
            Said(
                f"period '{text}': expected a month such as 2026-10 or 2026年10月",
                f"月份“{text}”无法识别：应为 2026-10 或 2026年10月 这样的月份",
            )
        )
    return int(match.group(1)), int(match.group(2))


def data_quarter(year: int, month: int) -> Period:
    """The last quarter completed by the end of the month."""
    done = month // 3
    return Period(year - 1, 4) if done == 0 else Period(year, done)


def latest_month(ds: Dataset, today: date) -> tuple[int, int]:
    """The latest month a bulletin can be written for, the rule every surface keeps (README "Command
    line"): a month the data can speak for (its data quarter, ``data_quarter``, is not after the
    data's as-of quarter: data as of 2026Q3, whose reports were due on 30 September, serves the
    bulletins up to 2026-11; 2026-12 rests on 2026Q4), and never a month that has not begun."""
    now = (today.year, today.month)
    if not ds.has_progress:
        return now
    after = ds.as_of.index + 1  # the next quarter: the month before its last month is the latest
    last = Period.from_index(after).quarter * 3 - 1
    year = Period.from_index(after).year
    return min(now, (year, last) if last >= 1 else (year - 1, 12))


def default_month(ds: Dataset, today: date) -> tuple[str, bool]:
    """The month a bulletin is for unless the user says otherwise: the latest month the data supports
    (``latest_month``). The flag says the data decided it, not the calendar (the dialog says so)."""
    year, month = latest_month(ds, today)
    return f"{year}-{month:02d}", (year, month) < (today.year, today.month)


class MonthNotSupported(BulletinError):
    """A month after the latest the data supports (``latest_month``); ``--force`` writes it anyway,
    with a printed warning in the document."""

    def __init__(self, period: str, latest: tuple[int, int], as_of: str) -> None:
        self.period = period
        self.latest = f"{latest[0]}-{latest[1]:02d}"
        self.as_of = as_of

        def words(lang: str) -> str:
            shown = as_of or label_text("no_data_yet", lang)
            return label_text("month_after_data", lang).format(month=period, latest=self.latest, as_of=shown)

        super().__init__(Said(words("en"), words("zh")))


def cutoff_date(year: int, month: int, today: date) -> date:
    """The date a bulletin for the month speaks as of: the month's last day, or today within it."""
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return min(last, today)


@dataclass
class Bulletin:
    year: int
    month: int
    quarter: Period
    lang: str
    title: str
    sample: bool
    summary: str
    ranking: list[dict[str, Any]] = field(default_factory=list)
    consequences: list[tuple[str, list[str]]] = field(default_factory=list)
    lagging: list[tuple[str, list[str]]] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)
    result_year: int | None = None
    no_data: bool = False  # no quarterly report has been ingested yet: nothing is judged on progress
    # 与上期相比: the status transitions since the end of ``previous`` (None when the data holds no
    # quarter before this one), worst first.
    previous: Period | None = None
    compared: list[Change] = field(default_factory=list)
    compared_lines: list[tuple[str, list[str]]] = field(default_factory=list)  # (kind, lines) in order
    # The ranking as the console's typed model (rank, zone, score, change, province rank, rules and the
    # targets missed): the Markdown and the XLSX both render it.
    table: View | None = None
    # What the zones cover (console.engine.coverage): 全市/全省/全国 in the summary and headings.
    coverage: Coverage = CITY
    # The date the bulletin speaks as of (``cutoff_date``): reports sent later are not known to it.
    cutoff: date | None = None
    # Written with --force for a month after the latest the data supports: the printed warning.
    warning: str = ""


BULLETIN_COLUMNS = ("rank", "zone", "score", "change", "province", "flags")


def bulletin_table(
    ranked: pl.DataFrame, missing: dict[str, list[str]], lang: str, coverage: Coverage = CITY
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
    headings = (
        ("名次", "开发区", "综合得分", "较上季", pool_rank_heading(coverage.ranked_in, lang), "奖惩")
        if lang == "zh"
        else (
            "Rank",
            "Zone",
            "Score",
            "vs last Q",
            f"{pool_rank_heading(coverage.ranked_in, lang)} in tier",
            "Rules",
        )
    )
    columns = (*(replace(view.columns[i], label=h) for i, h in zip(keep, headings, strict=True)), column)
    return View("ranking", "开发区排名" if lang == "zh" else "Zones ranked", columns, tuple(rows))


def build_bulletin(
    ds: Dataset,
    settings: Settings,
    period: str,
    lang: str = "zh",
    today: date | None = None,
    force: bool = False,
) -> Bulletin:
    """Everything the bulletin says, computed by the status engine and the ranking rules, as known at
    the month's cut-off (``cutoff_date``). A month after the latest the data supports
    (``latest_month``) raises MonthNotSupported unless ``force``, which prints a warning in it."""
    year, month = parse_month(period)
    today = today or date.today()
    latest = latest_month(ds, today)
    as_of_text = str(ds.as_of) if ds.has_progress else ""
    warning = ""
    if (year, month) > latest:
        if not force:
            raise MonthNotSupported(period, latest, as_of_text)
        warning = label_text("bulletin_month_warning", lang).format(
            month=f"{year}-{month:02d}", latest=f"{latest[0]}-{latest[1]:02d}", as_of=as_of_text or "—"
        )
    cutoff = cutoff_date(year, month, today)
    ds = known_by(ds, cutoff)
    quarter = data_quarter(year, month)
    if ds.has_progress and quarter > ds.as_of:
        quarter = ds.as_of  # the newest data there is; the bulletin says which quarter it rests on
    if quarter < Period(ds.years[0], 1):
        raise MonthBeforeData(period, quarter, Period(ds.years[0], 1))
    quarter = min(quarter, Period(ds.years[-1], 4))
    data = ds.at(quarter) if ds.has_progress and quarter < ds.as_of else ds
    plan_year = min(max(quarter.year, ds.years[0]), ds.years[-1])
    ev = evaluate(data, settings, plan_year)
    ranked = rankings(data, plan_year, settings, current=ev)
    zh = lang == "zh"
    sep = "、" if zh else ", "
    names = {
        z: (s if zh else (e or s))
        for z, s, e in ds["zones"].select("zone", "short_name", "short_name_en").iter_rows()
    }
    missing = {z: m for z, m in ev.zones.select("zone", "missing").iter_rows()}
    b = Bulletin(
        year,
        month,
        quarter,
        lang,
        ds.manifest.title if zh or not ds.manifest.title_en else ds.manifest.title_en,
        ds.sample,
        "",
        no_data=not ds.has_progress,
        cutoff=cutoff,
        warning=warning,
    )
    for r in ranked.iter_rows(named=True):
        b.ranking.append(
            {
                "rank": r["rank"],
                "zone": names[r["zone"]],
                "score": r["score"],
                "change": r["rank_change"],
                "province": f"{r['province_rank']}/{r['tier_size']}" if r["province_rank"] else "—",
                "result_year": r["result_year"],
                "flags": sep.join(flag_word(f, lang) for f in r["flags"]) or "—",
                "missing": missing_words(missing.get(r["zone"], []), lang) or "—",
            }
        )
        for flag in r["flags"]:
            entry = next((e for e in b.consequences if e[0] == flag), None)
            if entry is None:
                entry = (flag, [])
                b.consequences.append(entry)
            entry[1].append(names[r["zone"]])
    b.consequences.sort(key=lambda e: (e[0] not in REWARDS, e[0]))
    b.coverage = ev.coverage
    b.table = bulletin_table(ranked, missing, lang, ev.coverage)
    years = ranked.get_column("result_year").drop_nulls()
    b.result_year = int(max(years.to_list())) if len(years) else None
    _compare(b, ds, settings, names)
    by_unit: dict[str, list[str]] = {}
    lagging_tasks = ev.tasks.filter(pl.col("status").is_in(["behind", "missed"]))
    for task in lagging_tasks.iter_rows(named=True):
        lagging = ev.indicators.filter(
            (pl.col("task") == task["task"]) & pl.col("status").is_in(["behind", "missed"])
        )
        details = sep.join(
            f"{i['name'] if zh else (i['name_en'] or i['name'])}"
            + (
                f"（{_latest(i, zh)}，目标{_figure(i['target'], i)}{i['unit']}）"
                if zh
                else f" ({_latest(i, zh)}, target {_amount_en(i['target'], i)})"
            )
            for i in lagging.iter_rows(named=True)
        )
        title = task["title"] if zh else (task["title_en"] or task["title"])
        line = (
            f"任务{task['task']}“{title}”{status_word(task['status'], lang)}：{details}"
            if zh
            else f"Task {task['task']} '{title}' is {status_word(task['status'], lang)}: {details}"
        )
        lead = task_units({"lead_units": task["lead_units"]})
        for unit in lead:
            by_unit.setdefault(unit, []).append(line)
    b.lagging = sorted((unit_name(unit, lang), lines) for unit, lines in by_unit.items())
    reports = ev.zones.filter(pl.col("report_status").is_in(["late", "missing"]))
    late = sep.join(
        f"{names[z]}（{d}天）" if zh else f"{names[z]} ({d} days)"
        for z, d in reports.filter(pl.col("report_status") == "late")
        .select("zone", "report_days_late")
        .iter_rows()
    )
    absent = sep.join(
        names[z] for z in reports.filter(pl.col("report_status") == "missing").get_column("zone")
    )
    due = quarter.due_date()
    uncollected = ev.zones.height and (ev.zones.get_column("report_status") == "no_data").all()
    if b.no_data:
        b.reports.append(
            "尚未导入任何季度工作推进情况报表，无从判断报送情况。"
            if zh
            else "No quarterly report has been ingested yet: nothing to say about reporting."
        )
    elif uncollected:  # a quarter before the dataset's first report: never collected here
        b.reports.append(
            f"{quarter.year}年第{cn_numeral(quarter.quarter)}季度的报表不在数据中（数据从更晚的季度开始）。"
            if zh
            else f"Reports for {quarter} were not collected (the data starts later)."
        )
    elif zh:
        b.reports.append(
            f"{quarter.year}年第{cn_numeral(quarter.quarter)}季度工作推进情况（应于{due}前报送）：逾期报送的有{late or '无'}；未报送的有{absent or '无'}。"
        )
    else:
        b.reports.append(
            f"Report for {quarter} (due {due}): late: {late or 'none'}; not submitted: {absent or 'none'}."
        )
    missing_zones = ev.zones_missing
    counts = {
        item: sum(item in m for m in missing_zones.get_column("missing").to_list())
        for item in ("tier", "star", "revenue")
    }
    n = ev.zones.height
    # Never "0 late, 0 missing" for a quarter whose reports were never collected: the reports section
    # says they are not in the data, and the summary must not read as all on time beside it.
    if uncollected:
        named = f"{quarter.year}年第{cn_numeral(quarter.quarter)}季度" if zh else str(quarter)
        reports_said = label_text("reports_not_collected", lang).format(period=named)
    else:
        late_n = reports.filter(pl.col("report_status") == "late").height
        missing_n = reports.filter(pl.col("report_status") == "missing").height
        reports_said = label_text("reports_late_missing", lang).format(late=late_n, missing=missing_n)
    if zh:
        b.summary = (
            f"截至{quarter.year}年第{cn_numeral(quarter.quarter)}季度，{area_word(ev.coverage.area)}{n}个开发区中，{missing_zones.height}个未达或可能未达{plan_year}年度目标"
            f"（档级{counts['tier']}个、星级{counts['star']}个、营业收入{counts['revenue']}个）；"
            f"18项重点任务中{lagging_tasks.height}项推进滞后；{reports_said}。"
        )
    else:
        b.summary = (
            f"As of {quarter}, {missing_zones.height} of {AREA_OWNER_EN[ev.coverage.area]} {n} zones miss or risk missing a {plan_year} target "
            f"(tier {counts['tier']}, star {counts['star']}, revenue {counts['revenue']}); {lagging_tasks.height} of the 18 tasks lag; "
            f"{reports_said}."
        )
    if b.no_data:
        published = f"{b.result_year}年度考核结果" if zh else f"the {b.result_year} assessment results"
        b.summary = (
            f"尚无季度进度数据：还没有导入任何季度报表，营业收入、重点任务和报送情况均无数据，以下不作判断；"
            f"档级和星级{'依据' + published if b.result_year else '尚无已公布的考核结果'}。"
            if zh
            else "No quarterly progress data yet: no report has been ingested, so revenue, tasks and reporting"
            " are not judged; tier and star "
            + (f"rest on {published}." if b.result_year else "have no published result yet.")
        )
    return b


# The changes the bulletin's 与上期相比 lists: status transitions (rank moves are in the ranking's
# 较上季 column, reports in their own section).
COMPARED = ("target_missed", "status", "target_met")
# At most this many transitions of a kind are listed (the worst); a province-sized set would otherwise
# fill pages: a last line says how many more and the command that lists them all.
COMPARED_LIMIT = 30


def _compare(b: Bulletin, ds: Dataset, settings: Settings, names: dict[str, str]) -> None:
    """Fill ``b.previous``, ``b.compared`` and its lines: the transitions since the quarter before."""
    span = data_periods(ds)
    if span is None or not span[0].index < b.quarter.index <= span[1].index:
        return
    b.previous = Period.from_index(b.quarter.index - 1)
    found = changes_between(ds, settings, b.previous, b.quarter)
    b.compared = worst_first(c for c in found if c.code in COMPARED)
    zh = b.lang == "zh"
    industries = {
        (z, i): (i if zh else (e or i))
        for z, i, e in ds["clusters"].select("zone", "industry", "industry_en").iter_rows()
    }
    indicators = {
        code: (n if zh else (e or n))
        for code, n, e in ds["indicators"].select("indicator", "name", "name_en").iter_rows()
    }
    for c in b.compared:
        whose = names.get(c.zone or "", c.zone or "")
        if c.subject == "cluster":
            whose = f"{whose}{'' if zh else ' '}{industries.get((c.zone, c.industry), c.industry)}"
        elif c.subject == "indicator":
            whose = f"{c.indicator} {indicators.get(c.indicator or '', '')}".strip()
        what = "" if c.field == "status" else field_word(c.field, b.lang)
        old, new = status_word(str(c.old), b.lang), status_word(str(c.new), b.lang)
        line = (
            f"{whose}{what}由“{old}”变为“{new}”"
            if zh
            else f"{whose}{' ' + what if what else ''}: {old} → {new}"
        )
        kind = code_word(c.code, b.lang)
        if not b.compared_lines or b.compared_lines[-1][0] != kind:
            b.compared_lines.append((kind, []))
        b.compared_lines[-1][1].append(line)


def _latest(indicator: dict[str, Any], zh: bool) -> str:
    if indicator["zones_total"]:
        judged = zones_judged_note(indicator, "zh" if zh else "en")  # 已报9区: judged on those
        return (
            f"{indicator['zones_met']}/{indicator['zones_total']}个开发区达标"
            + (f"，{judged}" if judged else "")
            if zh
            else f"{indicator['zones_met']}/{indicator['zones_total']} {english_noun('zones', indicator['zones_total'])} met"
            + (f", {judged}" if judged else "")
        )
    value = indicator["latest"]
    if value is None:
        return status_word("no_data", "zh" if zh else "en")
    # A count against a full-year threshold says what revenue it stands on (全年预计 / 全年实际).
    basis = basis_word(indicator.get("basis"), "zh" if zh else "en")
    if zh:
        return f"现为{_figure(value, indicator)}{indicator['unit']}" + (f"（{basis}）" if basis else "")
    return f"now {_amount_en(value, indicator)}" + (f" ({basis})" if basis else "")


def _amount_en(value: float, indicator: dict[str, Any]) -> str:
    """A figure of an indicator with its English unit: '180 firms', '1 project', '91.4%'."""
    return quantity(
        _figure(value, indicator), unit_label(indicator["unit"], indicator["unit_en"], "en", value), "en"
    )


def _figure(value: float, indicator: dict[str, Any]) -> str:
    """A figure of an indicator as every surface writes it (Formatter.amount: counts whole)."""
    return Formatter("zh").amount(value, indicator["unit"])


@dataclass(frozen=True)
class Block:
    """One piece of the bulletin as a document, rendered alike to Markdown, Word and XLSX.

    ``kind``: "title"; "note" (the data's quarter and source); "sample" (``lead`` the label);
    "heading" (a section, numbered in ``text``); "para"; "table" (``columns``, ``numeric``, ``rows``
    as display text and ``values`` as numbers where a cell is one); "item" (a list item, ``lead``
    bold before it when given); "group" (``lead`` a responsible unit, ``lines`` its lagging tasks).
    """

    kind: str
    text: str = ""
    lead: str = ""
    columns: tuple[str, ...] = ()
    numeric: tuple[bool, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    values: tuple[tuple[float | int | None, ...], ...] = ()
    formats: tuple[str, ...] = ()  # a spreadsheet number format per table column ("" for text)
    lines: tuple[str, ...] = ()


def heading_words(lang: str) -> tuple[str, str, str, str, str, str]:
    """The six section headings, numbered as a Chinese official document numbers them (一、…)."""
    if lang == "zh":
        return (
            "一、总体情况",
            "二、与上期相比",
            "三、开发区综合排名",
            "四、考核奖惩情况",
            "五、重点任务推进滞后情况",
            "六、季度工作推进情况报送",
        )
    return (
        "1. Overall",
        "2. Compared with the previous period",
        "3. Zones ranked",
        "4. Rewards and notices",
        "5. Tasks that lag, by responsible unit",
        "6. Quarterly reports",
    )


def compared_blocks(b: Bulletin) -> list[Block]:
    """与上期相比: a sentence saying against which quarter and how many, then one group per kind of
    change (target missed, status changed, target met), each listing its transitions worst first."""
    zh = b.lang == "zh"
    if b.previous is None:
        return [
            Block(
                "para",
                ("尚无季度进度数据，无从比较。" if b.no_data else "数据中没有上一季度，本期无从比较。")
                if zh
                else (
                    "No quarterly progress data yet: nothing to compare."
                    if b.no_data
                    else "The data holds no previous quarter to compare with."
                ),
            )
        ]
    when = (
        f"{b.previous.year}年第{cn_numeral(b.previous.quarter)}季度末" if zh else f"the end of {b.previous}"
    )
    if not b.compared:
        return [
            Block(
                "para",
                f"与{when}相比，各开发区、产业集群和指标的状态没有变化。"
                if zh
                else f"Compared with {when}, no zone, cluster or indicator changed status.",
            )
        ]
    counts = ("、" if zh else ", ").join(
        f"{kind}{len(lines)}项" if zh else f"{kind}: {len(lines)}" for kind, lines in b.compared_lines
    )
    # The scope in words: ``devzones changes`` counts ranks, reports and revisions too (a larger figure).
    command = f"devzones changes --from {b.previous} --to {b.quarter}"
    lead = label_text("compared_lead", b.lang).format(
        when=when, n=len(b.compared), counts=counts, command=command
    )
    blocks = [Block("para", lead)]
    for kind, lines in b.compared_lines:
        shown = lines[:COMPARED_LIMIT]
        if len(lines) > COMPARED_LIMIT:
            command = f"devzones changes --from {b.previous} --to {b.quarter}"
            more = len(lines) - COMPARED_LIMIT
            shown.append(f"另有{more}项，见 {command}" if zh else f"{more} more: see {command}")
        blocks.append(Block("group", lead=kind, lines=tuple(shown)))
    return blocks


# A spreadsheet number format per kind of the ranking's typed values (bulletin_xlsx.py writes them).
_NUMBER_FORMATS = {"int": "0", "float": "0.0", "share": "0.0%"}


def _shown_format(rows: list[tuple[str, ...]], column: int) -> str:
    """The spreadsheet format showing a column's numbers with the decimals its text shows (a score's
    precision is decided once, console.present.formatter.distinct_digits)."""
    shown = next((r[column] for r in rows if "." in r[column]), "")
    digits = len(shown.rsplit(".", 1)[1]) if shown else 0
    return "0." + "0" * digits if digits else "0"


def ranking_block(b: Bulletin) -> Block:
    """The ranking table from the Rankings model (``b.table``): its text as on screen, and its numbers
    (rank, score, change) as numbers for the spreadsheet."""
    table = b.table
    assert table is not None
    rows: list[tuple[str, ...]] = []
    values: list[tuple[float | int | None, ...]] = []
    single = [len(c.fields) == 1 and c.fields[0].kind in _NUMBER_FORMATS for c in table.columns]
    for row in table.rows:
        rows.append(tuple(cell.text for cell in row.cells))
        values.append(
            tuple(cell.values[0] if one else None for cell, one in zip(row.cells, single, strict=True))
        )
    formats = tuple(
        (
            "+0;-0;0"
            if c.key == "change"
            else _shown_format(rows, i)
            if c.key == "score"
            else _NUMBER_FORMATS[c.fields[0].kind]
        )
        if one
        else ""
        for i, (c, one) in enumerate(zip(table.columns, single, strict=True))
    )
    return Block(
        "table",
        columns=tuple(c.label for c in table.columns),
        numeric=tuple(c.numeric for c in table.columns),
        rows=tuple(rows),
        values=tuple(values),
        formats=formats,
    )


def bulletin_area(b: Bulletin, lang: str) -> str:
    """Whose zones the bulletin covers, for its title: the plan's city (驻马店市), or the area a generated
    or other set covers (全省/全国, console.engine.coverage), never Zhumadian for a national set."""
    if b.coverage.area == "city" and not b.coverage.own_targets:
        return label_text("plan_city", lang)
    return label_text(f"bulletin_area_{b.coverage.area}", lang)


def document(b: Bulletin) -> list[Block]:
    """The bulletin's content once, in reading order; every format renders these blocks."""
    zh = b.lang == "zh"
    blocks: list[Block] = []
    if zh:
        blocks.append(
            Block("title", f"{bulletin_area(b, 'zh')}开发区高质量发展月度通报（{b.year}年{b.month}月）")
        )
        blocks.append(
            Block(
                "note",
                f"尚无季度进度数据。来源：{b.title}。"
                if b.no_data
                else f"数据截至{b.quarter.year}年第{cn_numeral(b.quarter.quarter)}季度。来源：{b.title}。",
            )
        )
    else:
        blocks.append(
            Block(
                "title",
                f"{bulletin_area(b, 'en')} development zones: monthly bulletin, {b.year}-{b.month:02d}",
            )
        )
        blocks.append(
            Block(
                "note",
                f"No quarterly progress data yet. Source: {b.title}."
                if b.no_data
                else f"Data as of {b.quarter}. Source: {b.title}.",
            )
        )
    if b.warning:  # a month after the data (--force): said in the document itself, in every format
        blocks.append(Block("sample", b.warning, lead=label_text("bulletin_warning_lead", b.lang)))
    if b.sample:
        note = label_text("bulletin_sample_own" if b.coverage.own_targets else "bulletin_sample", b.lang)
        blocks.append(Block("sample", note, lead=label_text("sample_lead", b.lang)))
    heads = heading_words(b.lang)
    blocks += [Block("heading", heads[0]), Block("para", b.summary), Block("heading", heads[1])]
    blocks += compared_blocks(b)
    blocks.append(Block("heading", heads[2]))
    blocks.append(ranking_block(b))
    blocks.append(Block("heading", heads[3]))
    if b.result_year:
        blocks.append(
            Block(
                "para",
                f"依据{b.result_year}年度{area_word(b.coverage.ranked_in)}开发区高质量发展综合考核评价结果，按方案四（三）："
                if zh
                else f"From {AREA_OWNER_EN[b.coverage.ranked_in]} {b.result_year} evaluation results, "
                "under section 4(3) of the plan:",
            )
        )
    if not b.consequences:
        blocks.append(Block("para", "本期无适用情形。" if zh else "None apply."))
    for flag, zones in b.consequences:
        joined = ("、" if zh else ", ").join(zones)
        blocks.append(
            Block("item", f"{flag_explained(flag, b.lang)}" + (f"：{joined}。" if zh else f": {joined}."))
        )
    blocks.append(Block("heading", heads[4]))
    if not b.lagging:
        blocks.append(Block("para", "本期无推进滞后的重点任务。" if zh else "No task lags."))
    for unit, lines in b.lagging:
        blocks.append(Block("group", lead=unit, lines=tuple(lines)))
    blocks.append(Block("heading", heads[5]))
    blocks += [Block("item", line) for line in b.reports]
    blocks.append(Block("para", bulletin_closing(b, b.lang)))
    return blocks


def bulletin_closing(b: Bulletin, lang: str) -> str:
    """The closing request and its addressees, by the same rule as the title (``bulletin_area``): the
    plan's own counties and working groups for Zhumadian's set; neutral words for any other (a national
    or provincial set, a generated one), whose addressees the plan does not name."""
    plan = b.coverage.area == "city" and not b.coverage.own_targets
    return label_text("bulletin_closing_plan" if plan else "bulletin_closing_other", lang)


def render_markdown(b: Bulletin) -> str:
    """The bulletin as Markdown (data text escaped so it cannot break a table or add markup)."""
    zh = b.lang == "zh"
    md: list[str] = []
    blocks = document(b)
    for i, block in enumerate(blocks):
        listed = block.kind in ("item", "group")
        if block.kind == "title":
            md += [f"# {block.text}", ""]
        elif block.kind == "heading":
            md += [f"## {block.text}", ""]
        elif block.kind == "sample":
            md += [f"> **{block.lead}**{'：' if zh else ': '}{block.text}", ""]
        elif block.kind in ("note", "para"):
            md += [_cell(block.text), ""]
        elif block.kind == "table":
            md.append("| " + " | ".join(block.columns) + " |")
            md.append("|" + "|".join("---:" if n else "---" for n in block.numeric) + "|")
            md += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
            md.append("")
        elif block.kind == "item":
            md.append(f"- {_cell(block.text)}")
        elif block.kind == "group":
            joined = "；".join(block.lines) + "。" if zh else "; ".join(block.lines) + "."
            md.append(f"- **{_cell(block.lead)}**{'：' if zh else ': '}{_cell(joined)}")
        if listed and (i + 1 == len(blocks) or blocks[i + 1].kind not in ("item", "group")):
            md.append("")
    return clean("\n".join(md), keep_newlines=True)


def _cell(text: str) -> str:
    return clean(text).replace("|", "\\|")


def write_bulletin(
    ds: Dataset,
    settings: Settings,
    period: str,
    fmt: str,
    out: Path,
    lang: str = "zh",
    force: bool = False,
    built: Bulletin | None = None,
) -> list[Path]:
    """Write the bulletin (built here unless ``built`` is given) and its manifest; returns the paths."""
    from console.outputs.export import command_for

    b = built or build_bulletin(ds, settings, period, lang)
    if out.is_dir():
        out = out / f"devzones-bulletin-{b.year}-{b.month:02d}.{fmt}"
    now = datetime.now().astimezone().replace(microsecond=0)
    prov = Provenance(
        title=b.title,
        as_of=("无数据" if lang == "zh" else "no data yet") if b.no_data else str(b.quarter),
        sample=b.sample,
        year=b.quarter.year,
        counties=(),
        view="bulletin",
        search="",
        sort="",
        lang=lang,
        exported_at=now.isoformat(),
        command=command_for("bulletin", b.quarter.year, (), "", "", lang, fmt, out).replace(
            f"export --view bulletin --year {b.quarter.year}", f"bulletin --period {b.year}-{b.month:02d}"
        ),
    )
    try:
        if fmt == "md":
            text = render_markdown(b)
            written = place_with_manifest(
                out, lambda handle: handle.write(text.encode("utf-8")), prov, fmt, force
            )
        elif fmt == "xlsx":
            from console.outputs.bulletin_xlsx import bulletin_xlsx_writer

            names = ("通报", "开发区排名", "关于") if lang == "zh" else ("Bulletin", "Zones ranked", "About")
            writer = bulletin_xlsx_writer(document(b), names, prov)
            written = place_with_manifest(out, writer, prov, fmt, force)
        elif fmt == "docx":
            from console.outputs.bulletin_docx import bulletin_docx_writer

            written = place_with_manifest(out, bulletin_docx_writer(document(b), prov), prov, fmt, force)
        else:
            raise BulletinError(f"format {fmt!r}: expected md, xlsx or docx")
    except ExportError as exc:
        raise BulletinError(exc.text(lang)) from None
    return written
