"""Rich blocks for the drill-down screens from console.present.drilldown data: tables, charts, labels."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from rich.table import Table
from rich.text import Text

from console.present.formatter import Formatter
from console.present.labels import status_style

if TYPE_CHECKING:
    import polars as pl

    from console.present.drilldown import ZoneDetail
    from console.present.series import Series


@dataclass(frozen=True)
class DetailContent:
    title: Text
    before: list[Any]
    charts: tuple[tuple[tuple[Series, ...], str], ...] = ()  # (series, title) pairs
    after: tuple[Any, ...] = ()


def _labelled(series: tuple[Series, ...], zh: bool) -> tuple[Series, ...]:
    names = {"YTD": "累计", "pace": "进度目标", "score": "考核得分", "rank": "档内排名"} if zh else {}
    return tuple(replace(s, label=names.get(s.label, s.label)) for s in series)


class Blocks:
    """Builds the blocks in one language and symbol set."""

    def __init__(self, lang: str, ascii_only: bool, sample_note: str | None) -> None:
        self.lang = lang
        self.zh = lang == "zh"
        self.ascii_only = ascii_only
        self.f = Formatter(lang, ascii_only)  # the one formatter of every surface
        self.note = Text(sample_note, style="italic") if sample_note else Text("")

    def status(self, status: str | None) -> Text:
        return Text(self.f.status(status), style=status_style(status))

    def table(self, title: str, labels: tuple[str, ...]) -> Table:
        table = Table(title=Text(title, style="bold"), title_justify="left", box=None)
        for label in labels:
            table.add_column(Text(label))
        return table

    def num(self, value: float | None, digits: int = 1) -> Text:
        return Text(self.f.number(value, digits))

    def pick(self, zh: str | None, en: str | None) -> str:
        return (zh if self.zh else (en or zh)) or ""

    def zone(self, d: ZoneDetail, year: int) -> DetailContent:
        zh = self.zh
        title = Text(
            f"{self.pick(d.zone['zone'], d.zone['name_en'])} {self.f.dot} "
            f"{self.pick(d.zone['county'], d.zone['county_en'])}"
        )
        years = self.table(
            "各年度目标与结果" if zh else "Targets and results by year",
            ("年度", "星级目标→结果", "状态", "档级目标→结果", "状态", "省内档内排名")
            if zh
            else (
                "Year",
                "Star target→result",
                "Status",
                "Tier target→result",
                "Status",
                "Province rank in tier",
            ),
        )
        for y in d.years:
            rank = (
                f"{y['province_rank']}/{y['tier_size']} ({y['result_year']})"
                if y["province_rank"]
                else self.f.none
            )
            years.add_row(
                Text(str(y["year"])),
                Text(self.f.goal_change("star", y["star_target"], y["star"])),
                self.status(y["star_status"]),
                Text(self.f.goal_change("tier", y["tier_target"], y["tier"])),
                self.status(y["tier_status"]),
                Text(rank),
            )
        clusters = self.table(
            "产业集群（亿元）" if zh else "Clusters (100M yuan)",
            ("产业", "目标", "累计", "进度目标", "状态")
            if zh
            else ("Industry", "Target", "YTD", "Pace", "Status"),
        )
        for c in d.clusters.iter_rows(named=True):
            clusters.add_row(
                Text(self.pick(c["industry"], c["industry_en"])),
                self.num(c["target"], 0),
                self.num(c["actual_ytd"]),
                self.num(c["pace_target"]),
                self.status(c["status"]),
            )
        reports = self.table(
            "季度报送" if zh else "Quarterly reports",
            ("季度", "截止", "报送日期", "状态") if zh else ("Quarter", "Due", "Submitted", "Status"),
        )
        for r in d.reports:
            status = self.status(r["status"])
            if r["days_late"]:
                status.append(f" {r['days_late']}" + ("天" if zh else "d"))
            submitted = str(r["submitted"]) if r["submitted"] else self.f.none
            reports.add_row(Text(r["period"]), Text(r["due"]), Text(submitted), status)
        chart_title = (
            f"{year}年营收累计与进度目标（亿元）"
            if zh
            else f"{year} revenue year to date vs pace (100M yuan)"
        )
        charts = [(_labelled(d.revenue, zh), chart_title)]
        if d.score and d.score[0].y:
            charts.append((_labelled(d.score, zh), "全省考核综合得分" if zh else "Province evaluation score"))
            rank_title = (
                "全省档内排名（数值越小越靠前）" if zh else "Province rank within tier (lower is better)"
            )
            charts.append((_labelled(d.rank, zh), rank_title))
        return DetailContent(title, [years, clusters], tuple(charts), (reports, self.note))

    def cluster(
        self, zone_name: str, industry: str, rows: list[dict[str, Any]], series: tuple[Series, ...]
    ) -> DetailContent:
        zh = self.zh
        table = self.table(
            "各年度（亿元）" if zh else "By year (100M yuan)",
            ("年度", "目标", "累计", "期间", "进度目标", "预计全年", "状态")
            if zh
            else ("Year", "Target", "YTD", "Period", "Pace", "Projected", "Status"),
        )
        for r in rows:
            table.add_row(
                Text(str(r["year"])),
                self.num(r["target"], 0),
                self.num(r["actual_ytd"]),
                Text(r["period"] or self.f.none),
                self.num(r["pace_target"]),
                self.num(r["projected"]),
                self.status(r["status"]),
            )
        chart_title = (
            "季度累计营收与进度目标（亿元）" if zh else "Year-to-date revenue by quarter vs pace (100M yuan)"
        )
        charts = ((_labelled(series, zh), chart_title),)
        return DetailContent(Text(f"{zone_name} {self.f.dot} {industry}"), [table], charts, (self.note,))

    def task(self, task: dict[str, Any], indicators: pl.DataFrame, values: pl.DataFrame) -> DetailContent:
        zh = self.zh
        title = Text(f"{task['task']}. {self.pick(task['title'], task['title_en'])}")
        units = Table(box=None, show_header=False)
        units.add_column(style="bold", no_wrap=True)
        units.add_column()
        units.add_row(Text("牵头单位" if zh else "Lead"), Text(task["lead_units"] or self.f.none))
        units.add_row(
            Text("参加单位" if zh else "Participating"), Text(task["participating_units"] or self.f.none)
        )
        units.add_row(Text("状态" if zh else "Status"), self.status(task["status"]))
        units.add_row(
            Text("措施" if zh else "Measure"), Text(f"{task['measure_ref'] or ''} {task['measure'] or ''}")
        )
        periods = sorted(set(values.get_column("period").to_list()))[-8:]
        history = self.table(
            "指标历史值（全市或各区合计）"
            if zh
            else "Indicator values over time (city-wide or summed over zones)",
            ("指标" if zh else "Indicator", *periods, "状态" if zh else "Status"),
        )
        for ind in indicators.iter_rows(named=True):
            mine = dict(
                values.filter(values["indicator"] == ind["indicator"]).select("period", "value").iter_rows()
            )
            history.add_row(
                Text(f"{ind['indicator']} {self.pick(ind['name'], ind['name_en'])}"),
                *(self.num(mine.get(p)) for p in periods),
                self.status(ind["status"]),
            )
        return DetailContent(title, [units, history], after=(self.note,))

    def indicator(self, ind: dict[str, Any]) -> DetailContent:
        body = Text(f"{self.pick(ind['name'], ind['name_en'])}\n{ind['text'] or ''}\n")
        body.append_text(self.status(ind["status"]))
        return DetailContent(Text(ind["indicator"]), [body], after=(self.note,))
