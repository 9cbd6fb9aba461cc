"""The console's dialog flows: counties, units, export, bulletin, help and the drill-downs.

Each opens its screen, turns the answer into a state change or a worker (console.tui.workers), and
leaves the drawing to the main screen.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from console.core.paths import embedded_data_dir
from console.present.keys import tab_names
from console.present.labels import sample_notice, text
from console.present.state import TableState
from console.tui import workers

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.screen import Screen

    from console.core.config import Settings
    from console.present.assemble import Snapshot
    from console.tui.app import DevZonesApp
    from widgets.dialogs import BulletinChoice, ExportChoice
    from widgets.drilldown_panel import DetailContent
    from widgets.drilldown_screen import DetailScreen


class Flows:
    """The dialogs and drill-downs of one console app."""

    def __init__(self, app: DevZonesApp) -> None:
        self.app = app

    def open(self, dialog: Screen[Any], chosen: Callable[[Any], object] | None = None) -> None:
        """Open a dialog clear of the toasts said before it (an export's toast stayed over the lower
        part of the bulletin dialog opened after it for 15 s)."""
        self.app.clear_notifications()
        self.app.push_screen(dialog, chosen)

    def not_ready(self) -> bool:
        """True (and said) while the data is still loading, or when it is invalid (nothing loads)."""
        app = self.app
        if app.ready:
            return False
        if app.views is None and app.errors:
            lang = app.state.lang
            app.notify(
                text("invalid_data_key", lang).format(tab=tab_names(lang)["overview"]),
                severity="warning",
                timeout=4,
            )
        else:
            app.notify("数据加载中…" if app.state.zh else "Loading the data…", timeout=2)
        return True

    def next_year(self) -> None:
        if not self.not_ready():
            assert self.app.dataset is not None
            self.app.state.next_year(self.app.dataset.years)
            self.app.reevaluate()

    def toggle_language(self) -> None:
        """Redraw in the other language; before the data is loaded, only the chrome can change."""
        app = self.app
        app.state.toggle_language()
        if app.ready:
            app.reevaluate(rerender_only=True)
            return
        if app.views is None and app.errors:  # the data is invalid: why, in the other language
            app.main.show_failure(app.errors)
            return
        app.main.render_all() if app.views else app.main.show_loading()
        app.main.show_keybar()
        app.state.toggle_language()  # the cached screen has one language only
        self.not_ready()

    def counties(self) -> None:
        app = self.app
        if self.not_ready() or app.views is None:
            return

        def chosen(result: tuple[str, ...] | None) -> None:
            if result is not None and app.state.set_counties(result):
                app.reevaluate()

        from widgets.dialogs import CountyDialog

        names = list(app.views.header.county_names)
        self.open(CountyDialog(names, app.state.counties, app.state.lang), chosen)

    def not_on_this_tab(self, action: str) -> bool:
        """True (and the user told where the key works, from the key catalogue) when ``action``'s key
        does not apply to the tab shown; a drill-down or dialog on top keeps its own keys."""
        from console.present.keys import applies, not_here

        app = self.app
        if app.screen is not app.main or applies(action, app.state.tab):
            return False
        app.say(not_here(action, app.state.lang), timeout=4)
        return True

    def elsewhere(self, action: str) -> None:
        """A table's character key pressed where no table has the focus: where it works, or on a tab
        with tables, the key run by the tab's table."""
        app = self.app
        if self.not_on_this_tab(action):
            return
        found = app.main.focused_table() if app.screen is app.main else None
        if found is not None:
            app.call_later(found[1].run_action, action)

    def units(self) -> None:
        app = self.app
        if app.state.tab != "tasks":
            from console.present.keys import not_here

            app.say(not_here("units", app.state.lang), timeout=4)
            return
        if self.not_ready():
            return
        from console.present.views import task_units

        assert app.snapshot is not None
        units: list[str] = []
        for task in app.snapshot.evaluation.tasks.iter_rows(named=True):
            units.extend(u for u in task_units(task) if u not in units)

        def chosen(result: str | None) -> None:
            if result is not None:
                app.state.unit = result
                app.reevaluate(rerender_only=True)

        from widgets.dialogs import UnitDialog

        self.open(UnitDialog(units, app.state.lang, app.state.unit), chosen)

    def help(self) -> None:
        from widgets.dialogs import HelpScreen

        self.open(HelpScreen(self.app.state.tab, self.app.state.lang, self.app.ascii_only))

    # -- export and bulletin ------------------------------------------------------------------------

    export_attempt: ExportChoice | None = None  # the export being written; its folder is kept if it works

    def export(self, initial: ExportChoice | None = None, error: str | None = None) -> None:
        """The export dialog; after a failure, again with the user's choices and the reason in it."""
        if self.not_ready():
            return
        import os
        from datetime import datetime

        from console.outputs.export import suggest_name
        from widgets.dialogs import ExportDialog

        state, now = self.app.state, datetime.now()

        def suggest(fmt: str, scope: str) -> str:
            view = state.tab if scope == "tab" else "all"
            return suggest_name(view, state.year or 0, state.counties, now, fmt)

        folder = self.app.settings.export_folder or os.getcwd()
        self.open(ExportDialog(state.lang, folder, suggest, initial, error), self.export_chosen)

    def save_screen(self) -> None:
        """The palette's screenshot: the screen as it is, written at once as an SVG in the export folder
        (the toast names the file; a failure opens the export dialog with the reason), as the export
        dialog's SVG is. Textual's own screenshot saved to a download folder that may not exist, and
        said so in English only."""
        if self.not_ready():
            return
        import os
        from datetime import datetime

        from console.outputs.export import suggest_name
        from widgets.dialogs import ExportChoice

        state = self.app.state
        folder = self.app.settings.export_folder or os.getcwd()
        name = suggest_name(state.tab, state.year or 0, state.counties, datetime.now(), "svg")
        self.export_chosen(ExportChoice("svg", "tab", folder, name))

    def export_chosen(self, choice: ExportChoice | None) -> None:
        """Write the chosen export: an SVG of the screen at once, the rest in a worker."""
        app = self.app
        if choice is None or app.views is None:
            return
        import os
        from pathlib import Path

        from console.outputs.export import ExportError, export_text, provenance
        from console.tui.messages import ExportFailed, ExportFinished

        self.export_attempt = choice  # its folder becomes the last folder only once it has worked
        # os.path leaves an unknown ~user as it is (pathlib raises): the folder is then missing, said so.
        out = Path(os.path.expanduser(choice.folder)) / choice.name
        view = app.state.tab if choice.scope == "tab" else "all"
        tables = app.state.tab_tables if choice.scope == "tab" else ()
        chosen = app.state.tables[tables[0]] if tables else TableState()
        data = None if app.settings.data_dir == embedded_data_dir() else str(app.settings.data_dir)
        fmt = "md" if choice.fmt == "svg" else choice.fmt
        prov = provenance(
            app.views.header, view, chosen.search, chosen.sort_argument, app.state.lang, fmt, out, data
        )
        if app.state.unit and view in ("tasks", "all"):  # the manifest says which tasks the unit kept
            from dataclasses import replace as with_unit

            prov = with_unit(prov, unit=app.state.unit)
        changes = app.changes.exported()  # changes mode: the reference quarter in the manifest
        if changes is not None:
            from dataclasses import replace

            since = changes[1]
            prov = replace(prov, changes_since=since, command=f"{prov.command} --since {since}")
        if choice.fmt == "svg":
            from console.tui.app import true_screenshot

            try:
                app.post_message(ExportFinished(export_text(true_screenshot(app), out, prov)))
            except ExportError as exc:
                app.post_message(ExportFailed(exc.text(app.state.lang)))
            return
        assert app.snapshot is not None
        states = {name: (s.search, s.sort_key, s.descending) for name, s in app.state.tables.items()}
        work = partial(
            workers.export, app.post, app.snapshot, app.choice(), view, choice.fmt, out, prov, states, changes
        )
        app.run_worker(work, thread=True, group="export", exit_on_error=False)

    def export_done(self) -> None:
        """An export worked: its folder becomes the last folder (remembered for the next session)."""
        from dataclasses import replace

        if self.export_attempt is not None:
            self.app.settings = replace(self.app.settings, export_folder=self.export_attempt.folder)
            self.export_attempt = None
        if self.bulletin_attempt is not None:  # a bulletin's folder is remembered the same way
            self.app.settings = replace(self.app.settings, bulletin_folder=self.bulletin_attempt.folder)
            self.bulletin_attempt = None

    def export_failed(self, message: str) -> bool:
        """An export or bulletin failed: its dialog opens again with the choices kept and the reason
        shown in it. False when none was being written: the caller says it in a toast."""
        attempt, self.export_attempt = self.export_attempt, None
        if attempt is not None:
            self.export(attempt, message)
            return True
        bulletin, self.bulletin_attempt = self.bulletin_attempt, None
        if bulletin is not None:
            self.bulletin(bulletin, message)
            return True
        return False

    bulletin_attempt: BulletinChoice | None = None  # the bulletin being written

    def bulletin(self, initial: BulletinChoice | None = None, error: str | None = None) -> None:
        """The bulletin dialog; after a failure, again with the user's choices and the reason in it."""
        if self.not_ready():
            return
        import os
        from datetime import date

        from console.outputs.bulletin import default_month
        from widgets.dialogs import BulletinDialog

        settings, lang = self.app.settings, self.app.state.lang
        folder = settings.bulletin_folder or settings.export_folder or os.getcwd()
        assert self.app.dataset is not None  # not_ready() said it is loaded
        month, from_data = default_month(self.app.dataset, date.today())
        note = ""
        if from_data:
            as_of = self.app.dataset.manifest.as_of
            note = (
                f"默认为数据覆盖的最新月份（数据截至 {as_of}）"
                if lang == "zh"
                else f"The newest month the data covers (data to {as_of})"
            )
        dialog = BulletinDialog(lang, month, folder, initial, error, note)
        self.open(dialog, self.bulletin_chosen)

    def bulletin_chosen(self, choice: BulletinChoice | None) -> None:
        """Write the monthly bulletin in a worker."""
        app = self.app
        if choice is None:
            return
        assert app.dataset is not None
        self.bulletin_attempt = choice
        work = partial(workers.bulletin, app.post, app.dataset, app.settings, choice, app.state.lang)
        app.run_worker(work, thread=True, group="export", exit_on_error=False)

    # -- drill-down ---------------------------------------------------------------------------------

    def drill_down(self, table: str, key: str) -> None:
        """Open the drill-down of a row; its content is built in a worker (a newer one wins)."""
        if self.not_ready():
            return
        assert self.app.snapshot is not None
        work = partial(self.build_detail, self.app.snapshot, self.app.state.lang, table, key)
        self.app.run_worker(work, thread=True, exclusive=True, group="detail", exit_on_error=False)

    def build_detail(self, snap: Snapshot, lang: str, table: str, key: str) -> None:
        """In a worker: build the content, then open it on the UI thread (a failure is one line)."""
        from textual.worker import get_current_worker

        from console.tui.messages import describe

        app = self.app
        try:
            content = detail_content(app.settings, snap, lang, app.ascii_only, table, key, app.no_color)
        except Exception as exc:
            app.call_from_thread(app.say, describe(exc, lang, app.settings.data_dir), "error", 10)
            return
        if not get_current_worker().is_cancelled:
            app.call_from_thread(self.show_detail, content, lang, (table, key))

    def show_detail(self, content: DetailContent, lang: str, source: tuple[str, str]) -> None:
        from widgets.drilldown_screen import DetailScreen

        self.app.push_screen(DetailScreen(content, self.app.ascii_only, lang, source=source))

    def redraw_details(self) -> None:
        """Open drill-downs follow a change of language, year, filter or data: each is rebuilt for
        the same row in a worker and redrawn in place (one whose row is gone is closed)."""
        from widgets.drilldown_screen import DetailScreen

        screens = [s for s in self.app.screen_stack if isinstance(s, DetailScreen) and s.source]
        if screens and self.app.snapshot is not None:
            work = partial(self.rebuild_details, self.app.snapshot, self.app.state.lang, screens)
            self.app.run_worker(work, thread=True, exclusive=True, group="redraw", exit_on_error=False)

    def rebuild_details(self, snap: Snapshot, lang: str, screens: list[DetailScreen]) -> None:
        """In a worker: the new content of each open drill-down, handed to its screen."""
        from polars.exceptions import PolarsError
        from textual.worker import get_current_worker

        app = self.app
        for screen in screens:
            assert screen.source is not None
            try:
                content = detail_content(
                    app.settings, snap, lang, app.ascii_only, *screen.source, app.no_color
                )
            except (PolarsError, KeyError, ValueError, IndexError):  # the row is gone: back to the tables
                app.call_from_thread(self.close_if_on_top, screen)
                continue
            if get_current_worker().is_cancelled:
                return
            app.call_from_thread(screen.call_later, screen.show, content, lang)

    def close_if_on_top(self, screen: DetailScreen) -> None:
        if screen is self.app.screen:
            screen.dismiss(None)


def detail_content(
    settings: Settings,
    snap: Snapshot,
    lang: str,
    ascii_only: bool,
    table: str,
    key: str,
    no_color: bool = False,
) -> DetailContent:
    """The drill-down for a row of ``table``: plain data from console.present.drilldown, drawn by Blocks."""
    from console.present import drilldown as details
    from widgets.drilldown_panel import Blocks

    ds, ev = snap.dataset, snap.evaluation
    blocks = Blocks(
        lang, ascii_only, sample_notice(lang, ev.coverage.own_targets) if ev.sample else None, no_color
    )
    if table == "reports":  # the overview's note on late or missing reports
        from console.present.drilldown_views import late_reports_view

        return blocks.reports(late_reports_view(ev.zones, lang, ascii_only))
    if table in ("zones", "rankings"):
        ranked = snap.ranked.filter(snap.ranked["zone"] == key)
        flags = list(ranked.row(0, named=True)["flags"] or []) if ranked.height else []
        return blocks.zone(details.zone_detail(ds, settings, key, ev.year), ev.year, flags)
    if table == "clusters":
        zone, industry = key.split("|", 1)
        rows, series = details.cluster_series(ds, settings, zone, industry, ev.year)
        info = ds["zones"].filter(ds["zones"]["zone"] == zone).row(0, named=True)
        name = blocks.pick(info["short_name"], info["short_name_en"])
        return blocks.cluster(
            name, blocks.pick(industry, rows[0]["industry_en"] if rows else None), rows, series, ev.year
        )
    if table == "indicators":
        return blocks.indicator(details.indicator_detail(ds, ev, key, settings.pace_share))
    task = ev.tasks.filter(ev.tasks["task"] == int(key)).row(0, named=True)
    own, values = details.task_indicators(ds, ev.indicators, int(key))
    return blocks.task(task, own, values, ev.coverage.area, ev.year)
