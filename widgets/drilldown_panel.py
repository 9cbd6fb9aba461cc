"""Rich blocks for the drill-down screens from console.present.drilldown data: tables, charts, labels."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

from rich.table import Table
from rich.text import Text

from console.present.drilldown_views import (
    cluster_years_view,
    task_history_view,
    zone_clusters_view,
    zone_reports_view,
    zone_years_view,
)
from console.present.formatter import Formatter
from console.present.labels import CLASS_STYLES, NO_COLOR_CLASS_STYLES, status_style

if TYPE_CHECKING:
    import polars as pl

    from console.present.drilldown import ZoneDetail
    from console.present.series import Series
    from console.present.viewmodel import View


@dataclass(frozen=True)
class DetailContent:
    title: Text
    before: list[Any]
    charts: tuple[tuple[tuple[Series, ...], str], ...] = ()  # (series, title) pairs
    after: tuple[Any, ...] = ()


def _labelled(series: tuple[Series, ...], zh: bool) -> tuple[Series, ...]:
    names = {"YTD": "累计", "pace": "进度目标", "score": "考核得分", "rank": "档内排名"} if zh else {}
    tier_of = Formatter("zh" if zh else "en").tier  # a rank series is one tier's: named in the legend
    return tuple(
        replace(
            s,
            label=names.get(s.label, s.label)
            + ("" if s.tier is None else ("·" if zh else ", ") + tier_of(s.tier)),
        )
        for s in series
    )


class Blocks:
    """Builds the blocks in one language and symbol set."""

    def __init__(self, lang: str, ascii_only: bool, sample_note: str | None, no_color: bool = False) -> None:
        self.lang = lang
        self.zh = lang == "zh"
        self.ascii_only = ascii_only
        self.f = Formatter(lang, ascii_only)  # the one formatter of every surface
        self.note = Text(sample_note, style="italic") if sample_note else Text("")
        self.no_color = no_color  # statuses by weight and reverse video, not colours that grey out
        self.classes = NO_COLOR_CLASS_STYLES if no_color else CLASS_STYLES
        self.cut: Literal["fold", "ellipsis"] = (
            "fold" if ascii_only else "ellipsis"
        )  # Rich's "…" is not ASCII

    def status(self, status: str | None) -> Text:
        return Text(self.f.status(status), style=status_style(status, self.no_color))

    def view(self, view: View) -> Table:
        """A drill-down table from its typed View (console.present.drilldown_views): text as made by the
        one formatter, statuses coloured by their class."""
        table = self.table(view.title, tuple(c.label for c in view.columns))
        for row in view.rows:
            table.add_row(*(Text(c.text, style=self.classes.get(c.cls or "", "")) for c in row.cells))
        return table

    def table(self, title: str, labels: tuple[str, ...]) -> Table:
        table = Table(title=Text(title, style="bold"), title_justify="left", box=None)
        for label in labels:
            table.add_column(Text(label), overflow=self.cut)
        return table

    def pick(self, zh: str | None, en: str | None) -> str:
        return (zh if self.zh else (en or zh)) or ""

    def zone(self, d: ZoneDetail, year: int) -> DetailContent:
        zh = self.zh
        title = Text(
            f"{self.pick(d.zone['zone'], d.zone['name_en'])} {self.f.dot} "
            f"{self.pick(d.zone['county'], d.zone['county_en'])}"
        )
        years = self.view(zone_years_view(d, self.lang, self.ascii_only))
        clusters = self.view(zone_clusters_view(d, self.lang, self.ascii_only))
        reports = self.view(zone_reports_view(d, self.lang, self.ascii_only))
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
        table = self.view(cluster_years_view(rows, self.lang, self.ascii_only))
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
        units.add_column(overflow=self.cut)
        units.add_row(Text("牵头单位" if zh else "Lead"), Text(task["lead_units"] or self.f.none))
        units.add_row(
            Text("参加单位" if zh else "Participating"), Text(task["participating_units"] or self.f.none)
        )
        units.add_row(Text("状态" if zh else "Status"), self.status(task["status"]))
        units.add_row(
            Text("措施" if zh else "Measure"), Text(f"{task['measure_ref'] or ''} {task['measure'] or ''}")
        )
        history = self.view(task_history_view(indicators, values, self.lang, self.ascii_only))
        return DetailContent(title, [units, history], after=(self.note,))

    def indicator(self, ind: dict[str, Any]) -> DetailContent:
        body = Text(f"{self.pick(ind['name'], ind['name_en'])}\n{ind['text'] or ''}\n")
        body.append_text(self.status(ind["status"]))
        return DetailContent(Text(ind["indicator"]), [body], after=(self.note,))
