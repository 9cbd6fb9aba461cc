"""The Overview tab: headline goals with progress bars, zones per tier and star, and the attention list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from console.present.labels import status_label, status_style

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from console.present.viewmodel import Overview
from widgets.chart import Chart

# The attention list names this many zones; the Zones tab lists them all (flagged rows sort first with s).
ATTENTION_SHOWN = 30


def bar(progress: float | None, width: int, ascii_only: bool) -> str:
    """A text progress bar, capped at full."""
    full, empty = ("#", "-") if ascii_only else ("█", "░")
    if progress is None:
        return " " * width
    filled = max(0, min(width, round(progress * width)))
    return full * filled + empty * (width - filled)


def render_overview(data: Overview, lang: str, ascii_only: bool, year: int) -> Group:
    zh = lang == "zh"
    box = None
    goals = Table(
        title=Text("主要目标（2026年）" if zh else "Headline goals (2026)", style="bold"),
        title_justify="left",
        box=box,
        show_header=False,
        pad_edge=False,
        expand=False,
    )
    goals.add_column(no_wrap=True, overflow="ellipsis", max_width=24)
    goals.add_column(no_wrap=True)
    goals.add_column(no_wrap=True, justify="right")
    goals.add_column(no_wrap=True)
    for goal in data.goals:
        style = status_style(goal.status)
        goals.add_row(
            Text(goal.label),
            Text(bar(goal.progress, 12, ascii_only)),
            Text(goal.value),
            Text(status_label(goal.status, lang, ascii_only), style=style),
        )
    counts_title = Text(
        f"{year}年开发区档级与星级：计划数 / 附件2目标数 / 最新结果（{data.result_year or '—'}年）"
        if zh
        else f"Zones per tier and star in {year}: plan / annex-2 targets / latest result ({data.result_year or '-'})",
        style="bold",
    )
    counts = Table(box=box, pad_edge=False)
    for label in (
        "档级" if zh else "Tier",
        "计划" if zh else "Plan",
        "目标" if zh else "Targets",
        "结果" if zh else "Result",
        "  ",
        "星级" if zh else "Star",
        "计划" if zh else "Plan",
        "目标" if zh else "Targets",
        "结果" if zh else "Result",
    ):
        counts.add_column(
            Text(label), justify="left" if label in ("档级", "星级", "Tier", "Star", "  ") else "right"
        )
    tiers, stars = list(data.tiers), list(data.stars)
    for i in range(max(len(tiers), len(stars))):
        cells: list[Text] = []
        for line in (tiers[i] if i < len(tiers) else None, stars[i] if i < len(stars) else None):
            if line is None:
                cells += [Text("")] * 4
            else:
                short = line.achieved is not None and line.achieved < line.planned
                cells += [
                    Text(line.level),
                    Text(str(line.planned)),
                    Text(str(line.targeted)),
                    Text(
                        "—" if line.achieved is None else str(line.achieved), style="yellow" if short else ""
                    ),
                ]
            if len(cells) == 4:
                cells.append(Text(""))
        counts.add_row(*cells)
    attention = Table(
        title=Text(
            "需关注（未达或可能未达目标）"
            if zh
            else "Attention: zones missing or at risk of missing a target",
            style="bold",
        ),
        title_justify="left",
        box=box,
        show_header=False,
        pad_edge=False,
    )
    attention.add_column(no_wrap=True)
    attention.add_column()
    for zone, what in data.attention[:ATTENTION_SHOWN]:
        attention.add_row(Text(f"! {zone}", style="bold red"), Text(what))
    hidden = len(data.attention) - ATTENTION_SHOWN
    if hidden > 0:
        more = (
            f"另有 {hidden} 个开发区，见“开发区”标签页"
            if zh
            else f"and {hidden} more zones: see the Zones tab"
        )
        attention.add_row(Text("…"), Text(more, style="italic"))
    if not data.attention:
        attention.add_row(
            Text("✓" if not ascii_only else "+"),
            Text("所有开发区均达标或正常推进" if zh else "Every zone meets or is on track for its targets"),
        )
    reports = Text()
    if data.report_period:
        reports.append(
            f"季度报送（{data.report_period}）：" if zh else f"Quarterly reports ({data.report_period}): ",
            style="bold",
        )
        if data.overdue:
            sep = "、" if zh else ", "
            reports.append(sep.join(f"{zone} {what}" for zone, what in data.overdue), style="yellow")
        else:
            reports.append("全部按时报送" if zh else "all on time")
    return Group(goals, Text(""), counts_title, counts, Text(""), attention, Text(""), reports)


class OverviewPanel(VerticalScroll):
    DEFAULT_CSS = """
    OverviewPanel { height: 1fr; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="overview-body")
        yield Chart(id="overview-chart")

    def show(self, data: Overview, lang: str, ascii_only: bool, year: int) -> None:
        from console.present.series import city_series

        self.query_one("#overview-body", Static).update(render_overview(data, lang, ascii_only, year))
        chart = self.query_one("#overview-chart", Chart)
        chart.ascii_only = ascii_only
        chart.empty = "无数据" if lang == "zh" else "no data"
        zh = lang == "zh"
        title = (
            "全市开发区档级与星级：计划与实际（个）" if zh else "City zones by tier and star: plan and result"
        )
        # Drawn after the first paint: the chart sits below the fold and plotext takes 0.15 s to import.
        self.call_after_refresh(chart.plot, city_series(data.by_year, zh) if data.by_year else (), title)
