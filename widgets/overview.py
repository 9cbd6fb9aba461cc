"""The Overview tab: headline goals with progress bars, zones per tier and star, and the attention list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, OverflowMethod
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from console.present.formatter import Formatter
from console.present.labels import status_style

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from console.present.viewmodel import Overview
from widgets.chart import Chart

# The attention list names this many zones; the Zones tab lists them all (flagged rows sort first with s).
ATTENTION_SHOWN = 30
# A goal's bar: its length is the goal's ratio to target, printed beside it.
BAR_WIDTH = 10


def bar(progress: float | None, width: int, ascii_only: bool) -> str:
    """A text progress bar, capped at full."""
    full, empty = ("#", "-") if ascii_only else ("█", "░")
    if progress is None:
        return " " * width
    filled = max(0, min(width, round(progress * width)))
    return full * filled + empty * (width - filled)


def render_overview(data: Overview, lang: str, ascii_only: bool, year: int, no_color: bool = False) -> Group:
    """The tab's body. A goal's bar is its ratio to target, the percentage printed beside it. Under
    NO_COLOR (``no_color``) emphasis is bold and reverse video, never a colour that greys out."""
    from console.present.views import goals_heading

    zh = lang == "zh"
    f = Formatter(lang, ascii_only)
    cut: OverflowMethod = "crop" if ascii_only else "ellipsis"  # Rich's ellipsis is always "…"
    box = None
    filtered = bool(data.counties)
    goals = Table(
        title=Text(goals_heading(data, lang, 2026), style="bold"),
        title_justify="left",
        box=box,
        show_header=False,
        pad_edge=False,
        expand=False,
    )
    goals.add_column(no_wrap=True, overflow=cut, max_width=22)
    goals.add_column(no_wrap=True, min_width=BAR_WIDTH)
    goals.add_column(no_wrap=True, justify="right", min_width=4)  # the ratio the bar draws
    goals.add_column(no_wrap=True, justify="right", overflow=cut)
    goals.add_column(no_wrap=True, min_width=6)
    for goal in data.goals:
        style = status_style(goal.status, no_color)
        goals.add_row(
            Text(goal.label),
            Text(bar(goal.ratio, BAR_WIDTH, ascii_only)),
            Text(f.share(goal.ratio)),
            Text(goal.value),
            Text(f.status(goal.status), style=style),
        )
    result = data.result_year or f.none
    if filtered:
        scope = f.list_sep.join(data.counties)
        counts_title = Text(
            f"{year}年{scope}开发区档级与星级：附件2目标数 / 最新结果（{result}年）"
            if zh
            else f"Zones per tier and star in {year}, {scope}: annex-2 targets / latest result ({result})",
            style="bold",
        )
    else:
        counts_title = Text(
            f"{year}年开发区档级与星级：计划数 / 附件2目标数 / 最新结果（{result}年）"
            if zh
            else f"Zones per tier and star in {year}: plan / annex-2 targets / latest result ({result})",
            style="bold",
        )
    counts = Table(box=box, pad_edge=False)
    per_level = 3 if filtered else 4
    labels = [
        f.pick("档级", "Tier"),
        f.pick("计划", "Plan"),
        f.pick("目标", "Targets"),
        f.pick("结果", "Result"),
    ]
    star_labels = [f.pick("星级", "Star"), *labels[1:]]
    if filtered:  # the plan's counts are city-wide: not beside the counties' own figures
        labels.pop(1)
        star_labels.pop(1)
    for i, label in enumerate([*labels, "  ", *star_labels]):
        counts.add_column(Text(label), justify="left" if i in (0, per_level, per_level + 1) else "right")
    tiers, stars = list(data.tiers), list(data.stars)
    for i in range(max(len(tiers), len(stars))):
        cells: list[Text] = []
        for line in (tiers[i] if i < len(tiers) else None, stars[i] if i < len(stars) else None):
            if line is None:
                cells += [Text("")] * per_level
            else:
                short = line.achieved is not None and line.achieved < (
                    line.planned if line.planned is not None else line.targeted
                )
                cells += [Text(line.level)]
                if not filtered:
                    cells.append(Text(f.integer(line.planned)))
                cells += [
                    Text(str(line.targeted)),
                    Text(f.integer(line.achieved), style=("bold" if no_color else "yellow") if short else ""),
                ]
            if len(cells) == per_level:
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
        attention.add_row(Text(f"! {zone}", style="bold reverse" if no_color else "bold red"), Text(what))
    hidden = len(data.attention) - ATTENTION_SHOWN
    if hidden > 0:
        more = (
            f"另有 {hidden} 个开发区，见“开发区”标签页"
            if zh
            else f"and {hidden} more zones: see the Zones tab"
        )
        attention.add_row(Text(f.ellipsis), Text(f.text(more), style="italic"))
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
            reports.append(
                sep.join(f"{zone} {what}" for zone, what in data.overdue),
                style="bold" if no_color else "yellow",
            )
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

        no_color = getattr(self.app, "no_color", False)
        self.query_one("#overview-body", Static).update(
            render_overview(data, lang, ascii_only, year, no_color)
        )
        chart = self.query_one("#overview-chart", Chart)
        chart.ascii_only = ascii_only
        chart.empty = "无数据" if lang == "zh" else "no data"
        zh = lang == "zh"
        title = (
            "全市开发区档级与星级：计划与实际（个）" if zh else "City zones by tier and star: plan and result"
        )
        # Drawn after the first paint: the chart sits below the fold and plotext takes 0.15 s to import.
        self.call_after_refresh(chart.plot, city_series(data.by_year, zh) if data.by_year else (), title)
