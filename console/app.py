"""The Textual console. It renders what the status engine computes and computes nothing of its own.

Data loads and evaluations run in worker threads; the first screen appears at once and fills when the
data is ready. Heavy modules (polars and the engine) are imported in those workers, not at start-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Input, Static, TabbedContent, TabPane
from textual.worker import Worker, WorkerState, get_current_worker

from console.config import Settings
from console.labels import STATUS_CLASS, status_label, text
from widgets.dialogs import CountyDialog, HelpScreen, UnitDialog
from widgets.keybar import KeyBar
from widgets.overview import OverviewPanel
from widgets.topbar import TopBar
from widgets.view_table import STYLES, ViewTable

if TYPE_CHECKING:
    from console.dataset import Dataset
    from console.errors import DataError
    from console.snapshot import Snapshot, Views
    from console.views import View

TABS = ("overview", "zones", "clusters", "tasks", "rankings")
TAB_TITLES = {
    "overview": ("概览", "Overview"),
    "zones": ("开发区", "Zones"),
    "clusters": ("产业集群", "Clusters"),
    "tasks": ("重点任务", "Tasks"),
    "rankings": ("排名", "Rankings"),
}
TABLE_TABS = {
    "zones": "zones",
    "clusters": "clusters",
    "tasks": "tasks",
    "indicators": "tasks",
    "rankings": "rankings",
}


@dataclass
class ViewState:
    """What the user chose for one table: search text and sort."""

    search: str = ""
    sort_key: str | None = None
    descending: bool = False


class DevZonesApp(App[int]):
    """Tabs for the overview, zones, clusters, tasks and rankings of the plan."""

    CSS_PATH = "app.tcss"
    TITLE = "devzones"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("slash", "search", "Search"),
        Binding("escape", "clear_search", "Clear", show=False),
        Binding("s", "sort", "Sort"),
        Binding("S", "sort_reverse", "Reverse sort", show=False),
        Binding("c", "counties", "Counties"),
        Binding("y", "next_year", "Year"),
        Binding("l", "toggle_lang", "Language"),
        Binding("u", "units", "Units", show=False),
        Binding("question_mark", "help", "Help"),
        *(Binding(str(i + 1), f"show_tab('{tab}')", show=False) for i, tab in enumerate(TABS)),
    ]

    def __init__(self, settings: Settings, year: int | None = None, counties: Sequence[str] = ()) -> None:
        super().__init__()
        self.settings = settings
        self.lang = settings.lang
        self.ascii_only = settings.ascii
        self.year = year
        self.counties: tuple[str, ...] = tuple(counties)
        self.unit = ""
        self.dataset: Dataset | None = None
        self.snapshot: Snapshot | None = None
        self.views: Views | None = None
        self.errors: list[DataError] = []
        self.states = {name: ViewState() for name in TABLE_TABS}
        self.is_loading_data = True
        if self.ascii_only:
            self.add_class("ascii")

    # -- layout -----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TopBar(id="topbar")
        with TabbedContent(initial="overview", id="tabs"):
            with TabPane(self._tab_title("overview"), id="overview"):
                yield OverviewPanel(id="overview-panel")
            with TabPane(self._tab_title("zones"), id="zones"):
                yield ViewTable(ascii_only=self.ascii_only, id="zones-table")
            with TabPane(self._tab_title("clusters"), id="clusters"):
                yield ViewTable(ascii_only=self.ascii_only, id="clusters-table")
            with TabPane(self._tab_title("tasks"), id="tasks"), Vertical():
                yield ViewTable(ascii_only=self.ascii_only, id="tasks-table")
                yield Static(id="indicators-title")
                yield ViewTable(ascii_only=self.ascii_only, id="indicators-table")
            with TabPane(self._tab_title("rankings"), id="rankings"):
                yield ViewTable(ascii_only=self.ascii_only, id="rankings-table")
        yield Input(id="search", placeholder="")
        yield KeyBar(id="keybar")

    def _tab_title(self, tab: str) -> str:
        return TAB_TITLES[tab][0 if self.lang == "zh" else 1]

    def on_mount(self) -> None:
        self._hide_search()
        self._show_header()
        self.query_one(KeyBar).show(self.lang)
        self.load_data()

    # -- data ---------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="data", exit_on_error=False)
    def load_data(self) -> None:
        """Load and evaluate the dataset off the UI thread."""
        from console.errors import DataInvalid
        from console.evaluation import UnknownChoice
        from console.loader import load_dataset
        from console.snapshot import compute, render_views

        try:
            ds = load_dataset(self.settings.data_dir)
            snap = compute(ds, self.settings, self.year, self.counties)
            views = render_views(snap, self.lang, self.ascii_only, self.unit)
        except DataInvalid as exc:
            self.call_from_thread(self._on_data_failed, exc.errors)
            return
        except UnknownChoice as exc:
            from console.errors import DataError

            self.call_from_thread(
                self._on_data_failed, [DataError("--year/--county", None, None, None, str(exc))]
            )
            return
        self.call_from_thread(self._on_data_ready, ds, snap, views)

    @work(thread=True, exclusive=True, group="eval", exit_on_error=False)
    def reevaluate(self, rerender_only: bool = False) -> None:
        """Recompute after a change of year, counties, language or unit; a newer request wins."""
        from console.snapshot import compute, render_views

        assert self.dataset is not None
        snap = (
            self.snapshot
            if rerender_only and self.snapshot
            else compute(self.dataset, self.settings, self.year, self.counties)
        )
        views = render_views(snap, self.lang, self.ascii_only, self.unit)
        if get_current_worker().is_cancelled:
            return
        self.call_from_thread(self._on_data_ready, self.dataset, snap, views)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """An unexpected failure in a worker is shown, not swallowed (the app keeps running)."""
        if event.state == WorkerState.ERROR:
            from console.errors import DataError

            error = event.worker.error
            self._on_data_failed(
                [DataError("devzones", None, None, None, f"internal error: {type(error).__name__}: {error}")]
            )

    def _on_data_ready(self, ds: Dataset, snap: Snapshot, views: Views) -> None:
        self.is_loading_data = False
        self.dataset, self.snapshot, self.views = ds, snap, views
        self.year = snap.evaluation.year
        self.errors = []
        self.render_all()

    def _on_data_failed(self, errors: list[DataError]) -> None:
        self.is_loading_data = False
        self.errors = errors
        self._show_header()
        zh = self.lang == "zh"
        body = Text(
            ("数据有误，无法显示：" if zh else "The data cannot be shown:")
            + f" {self.settings.data_dir}\n\n",
            style="bold red",
        )
        for error in errors:
            body.append(f"✗ {error}\n" if not self.ascii_only else f"x {error}\n")
        body.append(
            "\n"
            + (
                "修正后重新启动，或用 devzones check 查看。"
                if zh
                else "Fix the files and restart, or run devzones check."
            )
        )
        self.query_one("#overview-body", Static).update(body)

    # -- rendering ----------------------------------------------------------------------------------

    def _show_header(self) -> None:
        bar = self.query_one(TopBar)
        zh = self.lang == "zh"
        if self.snapshot is None:
            status = (
                (f"数据有误（{len(self.errors)}）" if zh else f"data invalid ({len(self.errors)})")
                if self.errors
                else ("加载中…" if zh else "loading…")
            )
            bar.show("devzones", "", None, None, "", status)
            return
        ev = self.snapshot.evaluation
        manifest = self.snapshot.dataset.manifest
        title = manifest.title if zh or not manifest.title_en else manifest.title_en
        scope = "、".join(self._county_names(ev.counties)) if ev.counties else text("all_counties", self.lang)
        year = f"{ev.year}年" if zh else str(ev.year)
        bar.show(
            title,
            f"{text('as_of', self.lang)} {ev.as_of}",
            text("sample_badge", self.lang) if ev.sample else None,
            None,
            f"{year} · {scope}",
        )

    def _county_names(self, counties: Sequence[str]) -> list[str]:
        if self.lang == "zh" or self.dataset is None:
            return list(counties)
        names = dict(self.dataset["zones"].select("county", "county_en").iter_rows())
        return [names.get(c) or c for c in counties]

    def render_all(self) -> None:
        if self.views is None or self.snapshot is None:
            return
        self._show_header()
        self.query_one(OverviewPanel).show(
            self.views.overview, self.lang, self.ascii_only, self.snapshot.evaluation.year
        )
        for name in TABLE_TABS:
            self._show_table(name)
        self._show_indicator_title()
        self.query_one(KeyBar).show(self.lang, self._filter_note())
        tabs = self.query_one(TabbedContent)
        for tab in TABS:
            tabs.get_tab(tab).label = self._tab_title(tab)

    def current_view(self, name: str) -> View | None:
        """The view of a table as shown: searched and sorted as the user chose."""
        if self.views is None:
            return None
        state = self.states[name]
        return self.views.tables[name].searched(state.search).sorted_by(state.sort_key, state.descending)

    def _show_table(self, name: str) -> None:
        view = self.current_view(name)
        if view is not None:
            self.query_one(f"#{name}-table", ViewTable).show(view)

    def _show_indicator_title(self) -> None:
        zh = self.lang == "zh"
        label = "量化指标" if zh else "Quantified targets"
        if self.unit:
            label += f"（{self.unit}）" if zh else f" ({self.unit})"
        self.query_one("#indicators-title", Static).update(Text(label, style="bold"))

    def _filter_note(self) -> str:
        tab = self.active_tab
        name = "tasks" if tab == "tasks" else tab
        if name not in self.states:
            return ""
        state = self.states[name]
        parts = []
        if state.search:
            parts.append(f"/{state.search}")
        if self.unit and tab == "tasks":
            parts.append(self.unit)
        return " ".join(parts)

    @property
    def active_tab(self) -> str:
        return self.query_one(TabbedContent).active or "overview"

    def _tables_of_tab(self) -> list[str]:
        tab = self.active_tab
        return ["tasks", "indicators"] if tab == "tasks" else ([tab] if tab in TABLE_TABS else [])

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        search = self.query_one("#search", Input)
        tables = self._tables_of_tab()
        search.value = self.states[tables[0]].search if tables else ""
        self.query_one(KeyBar).show(self.lang, self._filter_note())
        if tables:
            self.query_one(f"#{tables[0]}-table", ViewTable).focus()

    # -- actions ------------------------------------------------------------------------------------

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    def action_search(self) -> None:
        if not self._tables_of_tab():
            return
        search = self.query_one("#search", Input)
        search.placeholder = "搜索（Esc 清除）" if self.lang == "zh" else "search (Esc clears)"
        search.display = True
        search.disabled = False
        search.focus()

    def _hide_search(self) -> None:
        """A hidden search box must not take focus (or keys meant for the tables)."""
        search = self.query_one("#search", Input)
        search.display = False
        search.disabled = True

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "search":
            return
        for name in self._tables_of_tab():
            self.states[name].search = event.value
            self._show_table(name)
        self.query_one(KeyBar).show(self.lang, self._filter_note())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        tables = self._tables_of_tab()
        if tables:
            self.query_one(f"#{tables[0]}-table", ViewTable).focus()

    def action_clear_search(self) -> None:
        search = self.query_one("#search", Input)
        if not search.display and not any(self.states[n].search for n in self._tables_of_tab()):
            return
        search.value = ""
        self._hide_search()
        for name in self._tables_of_tab():
            self.states[name].search = ""
            self._show_table(name)
        self.query_one(KeyBar).show(self.lang, self._filter_note())
        tables = self._tables_of_tab()
        if tables:
            self.query_one(f"#{tables[0]}-table", ViewTable).focus()

    def _focused_table_name(self) -> str | None:
        focused = self.focused
        if isinstance(focused, ViewTable) and focused.id:
            return focused.id.removesuffix("-table")
        tables = self._tables_of_tab()
        return tables[0] if tables else None

    def action_sort(self) -> None:
        """Sort by the next column (cycling), ascending."""
        name = self._focused_table_name()
        if name is None or self.views is None:
            return
        table = self.query_one(f"#{name}-table", ViewTable)
        keys = [c.key for c in table.visible_columns() if c.key != "mark"]
        state = self.states[name]
        state.sort_key = (
            keys[(keys.index(state.sort_key) + 1) % len(keys)] if state.sort_key in keys else keys[0]
        )
        state.descending = False
        self._show_table(name)

    def action_sort_reverse(self) -> None:
        name = self._focused_table_name()
        if name is None:
            return
        state = self.states[name]
        if state.sort_key is None:
            self.action_sort()
            return
        state.descending = not state.descending
        self._show_table(name)

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        table = event.data_table
        if not isinstance(table, ViewTable) or table.id is None:
            return
        name = table.id.removesuffix("-table")
        state = self.states[name]
        key = event.column_key.value
        state.descending = not state.descending if state.sort_key == key else False
        state.sort_key = key
        self._show_table(name)

    def action_next_year(self) -> None:
        if self.dataset is None:
            return
        years = self.dataset.years
        self.year = years[(years.index(self.year) + 1) % len(years)] if self.year in years else years[-1]
        self.reevaluate()

    def action_toggle_lang(self) -> None:
        self.lang = "en" if self.lang == "zh" else "zh"
        if self.dataset is None:
            self._show_header()
            self.query_one(KeyBar).show(self.lang)
            return
        self.reevaluate(rerender_only=True)

    def action_counties(self) -> None:
        if self.dataset is None:
            return
        pairs = list(dict.fromkeys(self.dataset["zones"].select("county", "county_en").iter_rows()))

        def chosen(result: tuple[str, ...] | None) -> None:
            if result is not None and result != self.counties:
                self.counties = result
                self.reevaluate()

        self.push_screen(CountyDialog(pairs, self.counties, self.lang), chosen)

    def action_units(self) -> None:
        if self.snapshot is None or self.active_tab != "tasks":
            return
        from console.views import task_units

        units: list[str] = []
        for task in self.snapshot.evaluation.tasks.iter_rows(named=True):
            units.extend(u for u in task_units(task) if u not in units)

        def chosen(result: str | None) -> None:
            if result is not None:
                self.unit = result
                self.reevaluate(rerender_only=True)

        self.push_screen(UnitDialog(units, self.lang), chosen)

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.active_tab, self.lang, self.ascii_only))

    # -- drill-down -----------------------------------------------------------------------------------

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        table = event.data_table
        if self.snapshot is None or not isinstance(table, ViewTable) or table.id is None:
            return
        key = event.row_key.value
        if key is None:
            return
        name = table.id.removesuffix("-table")
        from widgets.detail import DetailScreen

        builder = {
            "zones": self._zone_detail,
            "rankings": self._zone_detail,
            "clusters": self._cluster_detail,
            "tasks": self._task_detail,
            "indicators": self._indicator_detail,
        }[name]
        title, before, chart, chart_title, after = builder(key)
        self.push_screen(DetailScreen(title, before, chart, chart_title, self.ascii_only, self.lang, after))

    def _status(self, status: str | None) -> Text:
        return Text(
            status_label(status, self.lang, self.ascii_only),
            style=STYLES.get(STATUS_CLASS.get(status or "", ""), ""),
        )

    def _zone_detail(self, zone: str) -> tuple[Text, list[Any], Any, str, list[Any]]:
        from console.details import zone_detail
        from console.scales import star_label, tier_label

        assert self.snapshot is not None
        zh = self.lang == "zh"
        d = zone_detail(self.snapshot.dataset, self.settings, zone, self.snapshot.evaluation.year)
        name = d.zone["zone"] if zh else (d.zone["name_en"] or d.zone["zone"])
        county = d.zone["county"] if zh else (d.zone["county_en"] or d.zone["county"])
        title = Text(f"{name} · {county}")
        years = Table(
            title=Text("各年度目标与结果" if zh else "Targets and results by year", style="bold"),
            title_justify="left",
            box=None,
        )
        for label in (
            ("年度", "星级目标→结果", "状态", "档级目标→结果", "状态", "省内档内排名")
            if zh
            else (
                "Year",
                "Star target→result",
                "Status",
                "Tier target→result",
                "Status",
                "Province rank in tier",
            )
        ):
            years.add_column(Text(label))
        arrow = "->" if self.ascii_only else "→"
        for y in d.years:
            rank = (
                f"{y['province_rank']}/{y['tier_size']} ({y['result_year']})" if y["province_rank"] else "—"
            )
            years.add_row(
                Text(str(y["year"])),
                Text(
                    f"{star_label(y['star_target'], self.lang, self.ascii_only)}{arrow}{star_label(y['star'], self.lang, self.ascii_only)}"
                ),
                self._status(y["star_status"]),
                Text(
                    f"{tier_label(y['tier_target'], self.lang, self.ascii_only)}{arrow}{tier_label(y['tier'], self.lang, self.ascii_only)}"
                ),
                self._status(y["tier_status"]),
                Text(rank),
            )
        clusters = Table(
            title=Text("产业集群（亿元）" if zh else "Clusters (100M yuan)", style="bold"),
            title_justify="left",
            box=None,
        )
        for label in (
            ("产业", "目标", "累计", "进度目标", "状态")
            if zh
            else ("Industry", "Target", "YTD", "Pace", "Status")
        ):
            clusters.add_column(Text(label))
        for c in d.clusters.iter_rows(named=True):
            clusters.add_row(
                Text(c["industry"] if zh else (c["industry_en"] or c["industry"])),
                Text(f"{c['target']:,.0f}" if c["target"] is not None else "—"),
                Text(f"{c['actual_ytd']:,.1f}" if c["actual_ytd"] is not None else "—"),
                Text(f"{c['pace_target']:,.1f}" if c["pace_target"] is not None else "—"),
                self._status(c["status"]),
            )
        reports = Table(
            title=Text("季度报送" if zh else "Quarterly reports", style="bold"),
            title_justify="left",
            box=None,
        )
        for label in (
            ("季度", "截止", "报送日期", "状态") if zh else ("Quarter", "Due", "Submitted", "Status")
        ):
            reports.add_column(Text(label))
        for r in d.reports:
            status = self._status(r["status"])
            if r["days_late"]:
                status.append(f" {r['days_late']}" + ("天" if zh else "d"))
            reports.add_row(Text(r["period"]), Text(r["due"]), Text(str(r["submitted"] or "—")), status)
        chart_title = (
            f"{self.snapshot.evaluation.year}年营收累计与进度目标（亿元）"
            if zh
            else f"{self.snapshot.evaluation.year} revenue YTD vs pace (100M yuan)"
        )
        return title, [years, clusters], d.revenue, chart_title, [reports, self._sample_note()]

    def _cluster_detail(self, key: str) -> tuple[Text, list[Any], Any, str, list[Any]]:
        from console.details import cluster_series

        assert self.snapshot is not None
        zh = self.lang == "zh"
        zone, industry = key.split("|", 1)
        rows, series = cluster_series(self.snapshot.dataset, self.settings, zone, industry)
        short = (
            self.snapshot.dataset["zones"]
            .filter(self.snapshot.dataset["zones"]["zone"] == zone)
            .row(0, named=True)
        )
        industry_name = industry if zh or not rows else (rows[0]["industry_en"] or industry)
        title = Text(
            f"{short['short_name'] if zh else (short['short_name_en'] or short['short_name'])} · {industry_name}"
        )
        table = Table(
            title=Text("各年度（亿元）" if zh else "By year (100M yuan)", style="bold"),
            title_justify="left",
            box=None,
        )
        for label in (
            ("年度", "目标", "累计", "期间", "进度目标", "预计全年", "状态")
            if zh
            else ("Year", "Target", "YTD", "Period", "Pace", "Projected", "Status")
        ):
            table.add_column(Text(label))
        for r in rows:
            table.add_row(
                Text(str(r["year"])),
                Text(f"{r['target']:,.0f}" if r["target"] is not None else "—"),
                Text(f"{r['actual_ytd']:,.1f}" if r["actual_ytd"] is not None else "—"),
                Text(r["period"] or "—"),
                Text(f"{r['pace_target']:,.1f}" if r["pace_target"] is not None else "—"),
                Text(f"{r['projected']:,.1f}" if r["projected"] is not None else "—"),
                self._status(r["status"]),
            )
        return (
            title,
            [table],
            series,
            "季度累计营收与进度目标" if zh else "Year-to-date revenue by quarter vs pace",
            [self._sample_note()],
        )

    def _task_detail(self, key: str) -> tuple[Text, list[Any], Any, str, list[Any]]:
        from console.details import task_indicators

        assert self.snapshot is not None
        zh = self.lang == "zh"
        task = self.snapshot.evaluation.tasks.filter(self.snapshot.evaluation.tasks["task"] == int(key)).row(
            0, named=True
        )
        own, values = task_indicators(
            self.snapshot.dataset, self.settings, int(key), self.snapshot.evaluation.year
        )
        title = Text(f"{task['task']}. {task['title'] if zh else (task['title_en'] or task['title'])}")
        units = Table(box=None, show_header=False)
        units.add_column(style="bold", no_wrap=True)
        units.add_column()
        units.add_row(Text("牵头单位" if zh else "Lead"), Text(task["lead_units"] or "—"))
        units.add_row(Text("参加单位" if zh else "Participating"), Text(task["participating_units"] or "—"))
        units.add_row(Text("状态" if zh else "Status"), self._status(task["status"]))
        units.add_row(
            Text("措施" if zh else "Measure"), Text(f"{task['measure_ref']} {task['measure'] or ''}")
        )
        history = Table(
            title=Text(
                "指标历史值（城市合计）" if zh else "Indicator values over time (city totals)", style="bold"
            ),
            title_justify="left",
            box=None,
        )
        periods = sorted(set(values.get_column("period").to_list()))[-8:]
        history.add_column(Text("指标" if zh else "Indicator"))
        for p in periods:
            history.add_column(Text(p), justify="right")
        history.add_column(Text("状态" if zh else "Status"))
        series = []
        for ind in own.iter_rows(named=True):
            mine = dict(
                values.filter(values["indicator"] == ind["indicator"]).select("period", "value").iter_rows()
            )
            history.add_row(
                Text(f"{ind['indicator']} {ind['name'] if zh else (ind['name_en'] or ind['name'])}"),
                *(Text("—" if mine.get(p) is None else f"{mine[p]:,.1f}") for p in periods),
                self._status(ind["status"]),
            )
            series.append(ind)
        return title, [units, history], (), "", [self._sample_note()]

    def _indicator_detail(self, key: str) -> tuple[Text, list[Any], Any, str, list[Any]]:
        assert self.snapshot is not None
        ind = self.snapshot.evaluation.indicators.filter(
            self.snapshot.evaluation.indicators["indicator"] == key
        ).row(0, named=True)
        if ind["task"] is not None:
            return self._task_detail(str(ind["task"]))
        zh = self.lang == "zh"
        body = Text(f"{ind['indicator']} {ind['name'] if zh else ind['name_en']}\n{ind['text'] or ''}\n")
        body.append(status_label(ind["status"], self.lang, self.ascii_only))
        return Text(ind["indicator"]), [body], (), "", [self._sample_note()]

    def _sample_note(self) -> Text:
        if self.snapshot is None or not self.snapshot.evaluation.sample:
            return Text("")
        return Text(text("sample_notice", self.lang), style="italic")


def run_app(
    settings: Settings, year: int | None = None, counties: Sequence[str] = (), mouse: bool = True
) -> int:
    """Run the console until the user quits; 0 on a normal exit."""
    app = DevZonesApp(settings, year=year, counties=counties)
    app.run(mouse=mouse)
    return app.return_code or 0
