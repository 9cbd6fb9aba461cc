"""The Textual console: wiring between the widgets and console.present, the data work in worker threads.

Statuses, views and drill-down content are computed in console.present and below; the app itself only
picks out of frames already computed the rows a drill-down needs and the responsible units to filter by.

The first screen comes from the view cache when the data has not changed since the last launch;
the data is loaded and evaluated in a worker thread either way, and polars and the engine are imported
there, not at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static, TabbedContent, TabPane
from textual.worker import Worker, WorkerState, get_current_worker

from console.core.config import TABS, Settings
from console.core.paths import embedded_data_dir
from console.core.text import clean
from console.present import view_cache as viewcache
from console.present.labels import text
from console.present.viewmodel import TAB_TITLES
from widgets.commands import ConsoleCommands
from widgets.keybar import KeyBar
from widgets.overview import OverviewPanel
from widgets.topbar import TopBar
from widgets.view_table import ViewTable

if TYPE_CHECKING:
    from pathlib import Path

    from textual.notifications import SeverityLevel

    from console.data.dataset import Dataset
    from console.data.errors import DataError
    from console.outputs.export import Provenance
    from console.present.assemble import Snapshot
    from console.present.viewmodel import View, Views
    from widgets.dialogs import BulletinChoice, ExportChoice
    from widgets.drilldown_panel import DetailContent

TABLES = ("zones", "clusters", "tasks", "indicators", "rankings")


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
    COMMANDS = App.COMMANDS | {ConsoleCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("slash", "search", "Search"),
        Binding("escape", "clear_search", "Clear", show=False),
        Binding("s", "sort", "Sort"),
        Binding("S", "sort_reverse", "Reverse sort", show=False),
        Binding("c", "counties", "Counties"),
        Binding("e", "export", "Export"),
        Binding("b", "bulletin", "Bulletin"),
        Binding("y", "next_year", "Year"),
        Binding("l", "toggle_lang", "Language"),
        Binding("u", "units", "Units", show=False),
        Binding("question_mark", "help", "Help"),
        *(Binding(str(i + 1), f"show_tab('{tab}')", show=False) for i, tab in enumerate(TABS)),
    ]

    def __init__(self, settings: Settings, use_cache: bool = True) -> None:
        super().__init__()
        self.settings = settings
        self.lang = settings.lang
        self.ascii_only = settings.ascii
        self.year = settings.year
        self.counties: tuple[str, ...] = tuple(settings.counties)
        self.unit = ""
        self.use_cache = use_cache
        self.dataset: Dataset | None = None
        self.snapshot: Snapshot | None = None
        self.views: Views | None = None
        self.errors: list[DataError] = []
        self.states = {name: ViewState() for name in TABLES}
        for name, sort in settings.sort.items():
            if name in self.states and sort:
                self.states[name] = ViewState(sort_key=sort.lstrip("-"), descending=sort.startswith("-"))
        # No animations: over a slow SSH link each animation frame costs bytes and time.
        self.animation_level = "none"
        if self.ascii_only:
            self.add_class("ascii")

    # -- layout -----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TopBar(id="topbar")
        with TabbedContent(initial=self.settings.tab, id="tabs"):
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

    is_mounted_once = False

    def on_mount(self) -> None:
        self.is_mounted_once = True
        for warning in self.settings.warnings:
            self.notify(clean(warning), severity="warning", timeout=10, markup=False)
        self._hide_search()
        self._fingerprint = viewcache.fingerprint(self.settings.data_dir)
        self.set_interval(self.settings.reload_seconds, self.check_for_changes)
        key = viewcache.cache_key(self.settings, self.year, self.counties, self.lang, self.ascii_only)
        cached = viewcache.load(key) if self.use_cache else None
        if cached is not None:
            self.views = cached
            self.render_all()
            # Check the cached screen against the data once it is drawn, so the load does not slow it.
            self.call_after_refresh(self.load_data, key)
        else:
            self._show_header()
            self.query_one(KeyBar).show(self.lang)
            self.load_data(key)

    # -- data ---------------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="data", exit_on_error=False)
    def load_data(self, cache_key: str) -> None:
        """Load and evaluate the dataset off the UI thread; remember the launch screen."""
        from console.data.errors import DataError, DataInvalid
        from console.data.loader import load_dataset
        from console.engine.evaluation import UnknownChoice
        from console.present.assemble import compute, render_views

        try:
            ds = load_dataset(self.settings.data_dir)
            try:
                snap = compute(ds, self.settings, self.year, self.counties)
            except UnknownChoice as exc:  # a remembered year or county this data does not have
                self.call_from_thread(self._say, clean(exc), "warning", 8)
                self.year, self.counties = None, ()
                snap = compute(ds, self.settings, None, ())
        except DataInvalid as exc:
            self.call_from_thread(self._on_data_failed, exc.errors)
            return
        except UnknownChoice as exc:
            self.call_from_thread(
                self._on_data_failed, [DataError("--year/--county", None, None, None, str(exc))]
            )
            return
        views = render_views(snap, self.lang, self.ascii_only, self.unit)
        if self.use_cache:
            viewcache.store(cache_key, views)
        self.call_from_thread(self._on_data_ready, ds, snap, views)

    @work(thread=True, exclusive=True, group="eval", exit_on_error=False)
    def reevaluate(self, rerender_only: bool = False) -> None:
        """Recompute after a change of year, counties, language or unit; a newer request wins."""
        from console.present.assemble import compute, render_views

        assert self.dataset is not None
        snap = (
            self.snapshot
            if rerender_only and self.snapshot
            else compute(self.dataset, self.settings, self.year, self.counties)
        )
        views = render_views(snap, self.lang, self.ascii_only, self.unit)
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self._on_data_ready, self.dataset, snap, views)

    def check_for_changes(self) -> None:
        """Reload when a data file changed (an ingest from another terminal); cheap: it only stats files."""
        if self.dataset is None or any(w.group == "reload" and w.is_running for w in self.workers):
            return
        now = viewcache.fingerprint(self.settings.data_dir)
        if now != self._fingerprint:
            self._fingerprint = now
            self.reload_data()

    @work(thread=True, exclusive=True, group="reload", exit_on_error=False)
    def reload_data(self) -> None:
        """Load the changed files; if they are invalid, keep showing the last good data and say why."""
        from console.data.errors import DataInvalid
        from console.data.loader import load_dataset
        from console.engine.evaluation import UnknownChoice
        from console.present.assemble import compute, render_views

        try:
            ds = load_dataset(self.settings.data_dir)
            snap = compute(ds, self.settings, self.year, self.counties)
        except (DataInvalid, UnknownChoice) as exc:
            errors = exc.errors if isinstance(exc, DataInvalid) else []
            message = "; ".join(str(e) for e in errors[:3]) or str(exc)
            self.call_from_thread(self._reload_failed, message, len(errors))
            return
        views = render_views(snap, self.lang, self.ascii_only, self.unit)
        self.call_from_thread(self._reloaded, ds, snap, views)

    def _reloaded(self, ds: Dataset, snap: Snapshot, views: Views) -> None:
        self.reload_error = ""
        self._on_data_ready(ds, snap, views)
        self._show_header()
        self.notify("数据已更新" if self.lang == "zh" else "Data reloaded", timeout=3)

    reload_error = ""

    def _reload_failed(self, message: str, count: int) -> None:
        zh = self.lang == "zh"
        self.reload_error = message
        self._show_header()
        lead = (
            f"数据文件有误（{count}处），仍显示上次有效的数据："
            if zh
            else f"The data files have {count} problem(s); still showing the last good data: "
        )
        self.notify(clean(lead + message), severity="error", timeout=15, markup=False)

    def _say(self, message: str, severity: SeverityLevel = "information", timeout: float = 8) -> None:
        """A toast whose text is shown literally: cleaned, never parsed as markup."""
        self.notify(clean(message), severity=severity, timeout=timeout, markup=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A failure in a worker is reported for what it is; the views on screen stay.

        Bad data is handled in the workers themselves (DataInvalid). Here: a file the system would not
        read or write (OSError) is one line naming the path and what to do; anything else is one line
        naming the error. Only a first load that never produced a screen shows the failure in place.
        """
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        zh = self.lang == "zh"
        if isinstance(error, OSError):
            where = error.filename or self.settings.data_dir
            reason = error.strerror or type(error).__name__
            advice = (
                "请检查该路径是否存在、可读写且磁盘有空间"
                if zh
                else "check that the path exists, that you may read and write it, and that the disk has room"
            )
            message = f"{where}: {reason}; {advice}"
        else:
            lead = "内部错误" if zh else "internal error"
            message = f"{lead}: {type(error).__name__}: {error}"
        if event.worker.group == "export":
            message = ("导出失败：" if zh else "Export failed: ") + message
        if event.worker.group == "data" and self.views is None:
            from console.data.errors import DataError

            self._on_data_failed([DataError("devzones", None, None, None, clean(message))])
            return
        if event.worker.group == "reload":  # the header says the last good data is shown
            self.reload_error = clean(message)
            self._show_header()
        self._say(message, "error", 15)

    def _on_data_ready(self, ds: Dataset, snap: Snapshot, views: Views) -> None:
        self.dataset, self.snapshot = ds, snap
        self.year = views.header.year
        self.errors = []
        if views != self.views:  # a cached screen that still holds needs no repaint
            self.views = views
            self.render_all()

    def _on_data_failed(self, errors: list[DataError]) -> None:
        self.errors = errors
        self.views = None
        self._show_header()
        zh = self.lang == "zh"
        body = Text(
            ("数据有误，无法显示：" if zh else "The data cannot be shown:")
            + f" {clean(self.settings.data_dir)}\n\n",
            style="bold red",
        )
        for error in errors:
            body.append(f"{'x' if self.ascii_only else '✗'} {error}\n")
        body.append(
            "\n"
            + (
                "修正后重新启动，或用 devzones check 查看。"
                if zh
                else "Fix the files and restart, or run devzones check."
            )
        )
        self.query_one("#overview-body", Static).update(body)

    @property
    def ready(self) -> bool:
        """True once the data is loaded (a cached screen may show before)."""
        return self.dataset is not None and self.snapshot is not None

    def _not_ready(self) -> bool:
        if self.ready:
            return False
        self.notify("数据加载中…" if self.lang == "zh" else "Loading the data…", timeout=2)
        return True

    # -- rendering ----------------------------------------------------------------------------------

    def _show_header(self) -> None:
        bar = self.query_one(TopBar)
        zh = self.lang == "zh"
        if self.views is None:
            status = (
                (f"数据有误（{len(self.errors)}）" if zh else f"data invalid ({len(self.errors)})")
                if self.errors
                else ("加载中…" if zh else "loading…")
            )
            bar.show("devzones", "", None, None, "", status)
            return
        h = self.views.header
        title = h.title if zh or not h.title_en else h.title_en
        names = dict(h.county_names)
        scope = (
            ("、" if zh else ", ").join(c if zh else names.get(c, c) for c in h.counties)
            if h.counties
            else text("all_counties", self.lang)
        )
        year = f"{h.year}年" if zh else str(h.year)
        invalid = "数据文件有误，显示上次有效数据" if zh else "data files invalid: last good data shown"
        bar.show(
            title,
            f"{text('as_of', self.lang)} {h.as_of or text('no_data_yet', self.lang)}",
            text("sample_badge", self.lang) if h.sample else None,
            None,
            f"{year} · {scope}",
            invalid if self.reload_error else "",
        )

    def render_all(self) -> None:
        if self.views is None:
            return
        self._show_header()
        self.query_one(OverviewPanel).show(
            self.views.overview, self.lang, self.ascii_only, self.views.header.year
        )
        for name in TABLES:
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
        parts = []
        tables = self._tables_of_tab()
        if tables and self.states[tables[0]].search:
            parts.append(f"/{self.states[tables[0]].search}")
        if self.unit and self.active_tab == "tasks":
            parts.append(self.unit)
        return " ".join(parts)

    @property
    def active_tab(self) -> str:
        return self._tab

    _tab = "overview"

    def _tables_of_tab(self) -> list[str]:
        tab = self.active_tab
        return ["tasks", "indicators"] if tab == "tasks" else ([tab] if tab in TABLES else [])

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self._tab = event.pane.id or "overview"
        tables = self._tables_of_tab()
        self.query_one("#search", Input).value = self.states[tables[0]].search if tables else ""
        self.query_one(KeyBar).show(self.lang, self._filter_note())
        if tables:
            self.query_one(f"#{tables[0]}-table", ViewTable).focus()
        elif self._tab == "overview":
            self.query_one(OverviewPanel).focus()  # so the arrows and PgDn scroll it

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
        self._focus_table()

    def _focus_table(self) -> None:
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
        self._focus_table()

    def _focused_table(self) -> tuple[str, ViewTable] | None:
        focused = self.focused
        if isinstance(focused, ViewTable) and focused.id:
            return focused.id.removesuffix("-table"), focused
        tables = self._tables_of_tab()
        return (tables[0], self.query_one(f"#{tables[0]}-table", ViewTable)) if tables else None

    def action_sort(self) -> None:
        """Sort by the next visible column (cycling), ascending."""
        found = self._focused_table()
        if found is None or self.views is None:
            return
        name, table = found
        keys = [c.key for c in table.visible_columns() if c.key != "mark"]
        state = self.states[name]
        state.sort_key = (
            keys[(keys.index(state.sort_key) + 1) % len(keys)] if state.sort_key in keys else keys[0]
        )
        state.descending = False
        self._show_table(name)

    def action_sort_reverse(self) -> None:
        found = self._focused_table()
        if found is None:
            return
        state = self.states[found[0]]
        if state.sort_key is None:
            self.action_sort()
            return
        state.descending = not state.descending
        self._show_table(found[0])

    def on_view_table_header_selected(self, event: ViewTable.HeaderSelected) -> None:
        if event.table.id is None:
            return
        name = event.table.id.removesuffix("-table")
        state = self.states[name]
        state.descending = not state.descending if state.sort_key == event.column_key else False
        state.sort_key = event.column_key
        self._show_table(name)

    def action_next_year(self) -> None:
        if self._not_ready():
            return
        assert self.dataset is not None
        years = self.dataset.years
        self.year = years[(years.index(self.year) + 1) % len(years)] if self.year in years else years[-1]
        self.reevaluate()

    def action_toggle_lang(self) -> None:
        self.lang = "en" if self.lang == "zh" else "zh"
        if not self.ready:
            self.render_all() if self.views else self._show_header()
            self.query_one(KeyBar).show(self.lang)
            self.lang = "en" if self.lang == "zh" else "zh"  # the cached screen has one language only
            self._not_ready()
            return
        self.reevaluate(rerender_only=True)

    def action_counties(self) -> None:
        if self._not_ready() or self.views is None:
            return

        def chosen(result: tuple[str, ...] | None) -> None:
            if result is not None and result != self.counties:
                self.counties = result
                self.reevaluate()

        from widgets.dialogs import CountyDialog

        self.push_screen(CountyDialog(list(self.views.header.county_names), self.counties, self.lang), chosen)

    def action_units(self) -> None:
        if self.active_tab != "tasks" or self._not_ready():
            return
        from console.present.views import task_units

        assert self.snapshot is not None
        units: list[str] = []
        for task in self.snapshot.evaluation.tasks.iter_rows(named=True):
            units.extend(u for u in task_units(task) if u not in units)

        def chosen(result: str | None) -> None:
            if result is not None:
                self.unit = result
                self.reevaluate(rerender_only=True)

        from widgets.dialogs import UnitDialog

        self.push_screen(UnitDialog(units, self.lang), chosen)

    def action_export(self, initial: ExportChoice | None = None, error: str | None = None) -> None:
        """The export dialog; after a failure, again with the user's choices and the reason in it."""
        if self._not_ready():
            return
        import os
        from datetime import datetime

        from console.outputs.export import suggest_name
        from widgets.dialogs import ExportDialog

        now = datetime.now()

        def suggest(fmt: str, scope: str) -> str:
            return suggest_name(
                self.active_tab if scope == "tab" else "all", self.year or 0, self.counties, now, fmt
            )

        folder = self.settings.export_folder or os.getcwd()
        self.push_screen(ExportDialog(self.lang, folder, suggest, initial, error), self._export_chosen)

    def _export_chosen(self, choice: ExportChoice | None) -> None:
        if choice is None or self.views is None:
            return
        from pathlib import Path

        from console.outputs.export import ExportError, export_text, provenance, sort_argument

        self._export_attempt = choice  # remembered as the last folder only once it has worked
        out = Path(choice.folder).expanduser() / choice.name
        view = self.active_tab if choice.scope == "tab" else "all"
        tables = self._tables_of_tab() if choice.scope == "tab" else []
        state = self.states[tables[0]] if tables else ViewState()
        data = None if self.settings.data_dir == embedded_data_dir() else str(self.settings.data_dir)
        fmt = "md" if choice.fmt == "svg" else choice.fmt
        prov = provenance(
            self.views.header,
            view,
            state.search,
            sort_argument(state.sort_key, state.descending),
            self.lang,
            fmt,
            out,
            data,
        )
        if choice.fmt == "svg":
            try:
                self._export_written(export_text(self.true_screenshot(), out, prov))
            except ExportError as exc:
                self._export_rejected(str(exc))
            return
        states = {name: (s.search, s.sort_key, s.descending) for name, s in self.states.items()}
        self.run_export(view, choice.fmt, out, prov, states)

    @work(thread=True, group="export", exit_on_error=False)
    def run_export(
        self,
        view: str,
        fmt: str,
        out: Path,
        prov: Provenance,
        states: dict[str, tuple[str, str | None, bool]],
    ) -> None:
        """Write the export off the UI thread: the same views, with status words, as on screen."""
        from console.outputs.export import ExportError, export_views
        from console.present.assemble import export_selection, render_views

        assert self.snapshot is not None
        views = render_views(self.snapshot, self.lang, self.ascii_only, self.unit, words=True)
        try:
            written = export_views(export_selection(views, view, states), fmt, out, prov)
        except ExportError as exc:
            self.call_from_thread(self._export_rejected, str(exc))
            return
        self.call_from_thread(self._export_written, written)

    def _export_written(self, paths: list[Path]) -> None:
        """An export worked: its folder becomes the last folder (remembered for the next session)."""
        from dataclasses import replace

        choice = getattr(self, "_export_attempt", None)
        if choice is not None:
            self.settings = replace(self.settings, export_folder=choice.folder)
        self._exported(paths)

    def _export_rejected(self, message: str) -> None:
        """An export failed: the dialog opens again with the choices kept and the reason shown in it."""
        choice = getattr(self, "_export_attempt", None)
        if choice is None:
            self._export_failed(message)
            return
        self.action_export(choice, message)

    def _exported(self, paths: list[Path]) -> None:
        zh = self.lang == "zh"
        self._say(("已导出：" if zh else "Exported: ") + ", ".join(str(p) for p in paths), timeout=8)

    def _export_failed(self, message: str) -> None:
        self._say(("导出失败：" if self.lang == "zh" else "Export failed: ") + message, "error", 10)

    def action_bulletin(self) -> None:
        if self._not_ready():
            return
        import os
        from datetime import date

        from widgets.dialogs import BulletinDialog

        folder = self.settings.export_folder or os.getcwd()
        self.push_screen(
            BulletinDialog(self.lang, date.today().strftime("%Y-%m"), folder), self._bulletin_chosen
        )

    def _bulletin_chosen(self, choice: BulletinChoice | None) -> None:
        if choice is not None:
            self.run_bulletin(choice)

    @work(thread=True, group="export", exit_on_error=False)
    def run_bulletin(self, choice: BulletinChoice) -> None:
        """Write the monthly bulletin off the UI thread, with the exports' file safety."""
        from pathlib import Path

        from console.outputs.bulletin import BulletinError, write_bulletin

        assert self.dataset is not None
        try:
            folder = Path(choice.folder).expanduser()
            written = write_bulletin(
                self.dataset, self.settings, choice.period, choice.fmt, folder, self.lang
            )
        except BulletinError as exc:
            self.call_from_thread(self._export_failed, str(exc))
            return
        self.call_from_thread(self._exported, written)

    def true_screenshot(self) -> str:
        """The screen as SVG, each wide (Chinese) character two cells wide as on the terminal."""
        from console.outputs.svg_widths import true_widths

        return true_widths(self.export_screenshot())

    def action_help(self) -> None:
        from widgets.dialogs import HelpScreen

        self.push_screen(HelpScreen(self.active_tab, self.lang, self.ascii_only))

    # -- drill-down -----------------------------------------------------------------------------------

    def on_view_table_row_selected(self, event: ViewTable.RowSelected) -> None:
        if event.table.id is None or self._not_ready():
            return
        from widgets.drilldown_screen import DetailScreen

        content = self.detail_content(event.table.id.removesuffix("-table"), event.key)
        self.push_screen(DetailScreen(content, self.ascii_only, self.lang))

    def preferences(self) -> dict[str, object]:
        """What to remember for the next session (the state file's [state], written on quit; the
        config files are never written). A language or export folder is remembered only when it
        differs from the configured one (``None`` forgets an earlier choice)."""
        from console.outputs.export import sort_argument

        folder = self.settings.export_folder
        return {
            "tab": self.active_tab,
            "year": self.year or 0,
            "counties": list(self.counties),
            "sort": {
                name: sort_argument(state.sort_key, state.descending) for name, state in self.states.items()
            },
            "lang": self.lang if self.lang != self.settings.config_lang else None,
            "export_folder": folder if folder != self.settings.config_export_folder else None,
        }

    def detail_content(self, table: str, key: str) -> DetailContent:
        """The drill-down for a row of ``table``: plain data from console.present.drilldown, drawn by Blocks."""
        from console.present import drilldown as details
        from widgets.drilldown_panel import Blocks

        assert self.snapshot is not None
        ds, ev = self.snapshot.dataset, self.snapshot.evaluation
        blocks = Blocks(
            self.lang, self.ascii_only, text("sample_notice", self.lang) if ev.sample else None, self.no_color
        )
        if table in ("zones", "rankings"):
            return blocks.zone(details.zone_detail(ds, self.settings, key, ev.year), ev.year)
        if table == "clusters":
            zone, industry = key.split("|", 1)
            rows, series = details.cluster_series(ds, self.settings, zone, industry)
            info = ds["zones"].filter(ds["zones"]["zone"] == zone).row(0, named=True)
            name = blocks.pick(info["short_name"], info["short_name_en"])
            return blocks.cluster(
                name, blocks.pick(industry, rows[0]["industry_en"] if rows else None), rows, series
            )
        if table == "indicators":
            indicator = ev.indicators.filter(ev.indicators["indicator"] == key).row(0, named=True)
            if indicator["task"] is None:
                return blocks.indicator(indicator)
            key = str(indicator["task"])
        task = ev.tasks.filter(ev.tasks["task"] == int(key)).row(0, named=True)
        own, values = details.task_indicators(ds, ev.indicators, int(key))
        return blocks.task(task, own, values)


def screenshot(settings: Settings, size: tuple[int, int], search: str = "", sort: str = "") -> str:
    """The console at ``settings.tab`` drawn headless at ``size`` (columns, rows), as a true-width SVG.

    ``devzones export --format svg`` uses it: the same screen the user would see, with ``search`` and
    ``sort`` (``key`` or ``-key``) applied to the tab's tables, and nothing remembered or cached.
    """
    import asyncio

    app = DevZonesApp(settings, use_cache=False)
    tables = ["tasks", "indicators"] if settings.tab == "tasks" else [settings.tab]
    for name in tables:
        if name in app.states:
            app.states[name] = ViewState(search, sort.lstrip("-") or None, sort.startswith("-"))

    async def draw() -> str:
        async with app.run_test(size=size) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.pause()
            return app.true_screenshot()

    return asyncio.run(draw())


def run_app(settings: Settings) -> int:
    """Run the console until the user quits, then remember the user's view; 0 on a normal exit."""
    import sys

    from console.core.config import save_state

    app = DevZonesApp(settings)
    app.run(mouse=settings.mouse)
    if app.is_mounted_once:
        for warning in save_state(app.preferences()):
            print(f"devzones: warning: {warning}", file=sys.stderr)
    return app.return_code or 0
