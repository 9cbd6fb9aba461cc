"""The console's dialog flows: counties, units, export, bulletin, help and the drill-downs.

Each opens its screen, turns the answer into a state change or a worker (console.tui.workers), and
leaves the drawing to the main screen.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from console.core.paths import embedded_data_dir
from console.present.labels import sample_notice
from console.present.state import TableState
from console.tui import workers
from console.tui.loading import not_ready
from console.tui.messages import (
    DetailBuilt,
    DetailRebuilt,
    ExportFailed,
    ExportFinished,
    FlowResult,
    WorkFailed,
    describe,
)
from console.words.tui import TUI

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from textual.screen import Screen

    from console.core.config import Settings
    from console.present.assemble import Snapshot
    from console.tui.ports import ChangesShown, Console
    from console.tui.session import Session
    from console.words import Lang
    from widgets.dialogs.bulletin import BulletinChoice
    from widgets.dialogs.export import ExportChoice
    from widgets.drilldown_panel import DetailContent
    from widgets.drilldown_screen import DetailScreen


class Flows:
    """The dialogs and drill-downs of one console: it changes the ``console``'s session, asks it for
    screens, toasts and workers, and asks the ``changes`` mode what an export carries."""

    def __init__(self, console: Console, changes: ChangesShown) -> None:
        self.console, self.changes = console, changes

    @property
    def session(self) -> Session:
        return self.console.session

    def open(self, dialog: Screen[Any], chosen: Callable[[Any], object] | None = None) -> None:
        """Open a dialog clear of the toasts said before it (an export's toast stayed over the lower
        part of the bulletin dialog opened after it for 15 s)."""
        self.console.clear_notifications()
        self.console.push_screen(dialog, chosen)

    def main_shown(self) -> bool:
        """Whether the main screen is on top (no dialog or drill-down over it)."""
        shown: object = self.console.screen
        return shown is self.console.main

    def not_ready(self, then: Callable[[], object] | None = None) -> bool:
        """True (and said) while the data is still loading, or when it is invalid (nothing loads);
        ``then``: the key's action, done once the data is loaded."""
        return not_ready(self.console, then)

    def next_year(self) -> None:
        if not self.not_ready(self.next_year):
            assert self.session.dataset is not None
            self.session.state.next_year(self.session.dataset.years)
            self.console.reevaluate()

    def toggle_language(self) -> None:
        """Redraw in the other language; before the data is loaded, only the chrome can change."""
        session, main = self.session, self.console.main
        session.state.toggle_language()
        if session.ready:
            self.console.reevaluate()
            return
        if session.invalid:  # the data is invalid: why, in the other language
            main.show_failure(session.errors)
            return
        if session.lazy and self._cached_in_language():  # the other language's screen is cached too
            main.render_all()
            main.show_keybar()
            return
        main.render_all() if session.views else main.show_loading()
        main.show_keybar()
        session.state.toggle_language()  # the cached screen has one language only
        self.not_ready(self.toggle_language)

    def _cached_in_language(self) -> bool:
        """On a cached screen (nothing loaded): show the screen cached or shipped for the language now
        chosen, if there is one (the embedded data's ships in both), and say whether it was found."""
        from console.present import view_cache
        from console.present.shipped_views import first_screen

        session = self.session
        state, settings = session.state, session.settings
        key_args = (state.year, state.counties, session.lang, session.ascii_only)
        views = first_screen(settings, view_cache.cache_key(settings, *key_args), *key_args)
        if views is None:
            return False
        session.views = views
        return True

    def counties(self) -> None:
        session = self.session
        if self.not_ready(self.counties) or session.views is None:
            return

        def chosen(result: tuple[str, ...] | None) -> None:
            if result is not None and session.state.set_counties(result):
                self.console.reevaluate()

        from widgets.dialogs.county import CountyDialog

        names = list(session.views.header.county_names)
        self.open(CountyDialog(names, session.state.counties, session.lang), chosen)

    def not_on_this_tab(self, action: str) -> bool:
        """True (and the user told where the key works, from the key catalogue) when ``action``'s key
        does not apply to the tab shown; a drill-down or dialog on top keeps its own keys."""
        from console.present.keys import applies, not_here

        console = self.console
        if not self.main_shown() or applies(action, self.session.state.tab):
            return False
        console.say(not_here(action, self.session.lang), timeout=4)
        return True

    def elsewhere(self, action: str) -> None:
        """A table's character key pressed where no table has the focus: where it works, or on a tab
        with tables, the key run by the tab's table."""
        console = self.console
        if self.not_on_this_tab(action):
            return
        found = console.main.focused_table() if self.main_shown() else None
        if found is not None:
            console.call_later(found[1].run_action, action)

    def units(self) -> None:
        session = self.session
        if session.state.tab != "tasks":
            from console.present.keys import not_here

            self.console.say(not_here("units", session.lang), timeout=4)
            return
        if self.not_ready(self.units):
            return
        from console.present.views import task_units

        assert session.snapshot is not None
        units: list[str] = []
        for task in session.snapshot.evaluation.tasks.iter_rows(named=True):
            units.extend(u for u in task_units(task) if u not in units)

        def chosen(result: str | None) -> None:
            if result is not None:
                session.state.unit = result
                self.console.reevaluate()

        from widgets.dialogs.unit import UnitDialog

        self.open(UnitDialog(units, session.lang, session.state.unit), chosen)

    def help(self) -> None:
        from widgets.dialogs.help import HelpScreen

        self.open(HelpScreen(self.session.state.tab, self.session.lang, self.session.ascii_only))

    # -- export and bulletin ------------------------------------------------------------------------

    export_attempt: ExportChoice | None = None  # the export being written; its folder is kept if it works

    def export(self, initial: ExportChoice | None = None, error: str | None = None) -> None:
        """The export dialog; after a failure, again with the user's choices and the reason in it."""
        if self.not_ready(partial(self.export, initial, error)):
            return
        import os
        from datetime import datetime

        from console.outputs.export import suggest_name
        from console.outputs.pdf import pdf_available
        from widgets.dialogs.export import ExportDialog

        state, now = self.session.state, datetime.now()

        def suggest(fmt: str, scope: str) -> str:
            view = state.tab if scope == "tab" else "all"
            return suggest_name(view, state.year or 0, state.counties, now, fmt)

        folder = self.session.settings.export_folder or os.getcwd()
        served = self.session.served
        dialog = ExportDialog(self.session.lang, folder, suggest, initial, error, pdf_available(), served)
        self.open(dialog, self.export_chosen)

    def save_screen(self) -> None:
        """The palette's screenshot: the screen as it is, written at once as an SVG in the export folder
        (the toast names the file; a failure opens the export dialog with the reason), as the export
        dialog's SVG is. Textual's own screenshot saved to a download folder that may not exist, and
        said so in English only."""
        if self.not_ready(self.save_screen):
            return
        import os
        from datetime import datetime

        from console.outputs.export import suggest_name
        from widgets.dialogs.export import ExportChoice

        state = self.session.state
        folder = self.session.settings.export_folder or os.getcwd()
        name = suggest_name(state.tab, state.year or 0, state.counties, datetime.now(), "svg")
        self.export_chosen(ExportChoice("svg", "tab", folder, name))

    def export_chosen(self, choice: ExportChoice | None) -> None:
        """Write the chosen export: an SVG of the screen at once, the rest in a worker."""
        session, console = self.session, self.console
        if choice is None or session.views is None:
            return
        from pathlib import Path

        from console.outputs.export import ExportError, export_text, provenance

        self.export_attempt = choice  # its folder becomes the last folder only once it has worked
        out = Path(self.folder_for(choice.folder)) / choice.name
        state, lang = session.state, session.lang
        view = state.tab if choice.scope == "tab" else "all"
        tables = state.tab_tables if choice.scope == "tab" else ()
        chosen = state.tables[tables[0]] if tables else TableState()
        data = None if session.settings.data_dir == embedded_data_dir() else str(session.settings.data_dir)
        fmt = "md" if choice.fmt == "svg" else choice.fmt
        prov = provenance(
            session.views.header, view, chosen.search, chosen.sort_argument, lang, fmt, out, data
        )
        if state.unit and view in ("tasks", "all"):  # the manifest says which tasks the unit kept
            from dataclasses import replace as with_unit

            prov = with_unit(prov, unit=state.unit)
        changes = self.changes.exported()  # changes mode: the reference quarter in the manifest
        if changes is not None:
            from dataclasses import replace

            since = changes[1]
            prov = replace(prov, changes_since=since, command=f"{prov.command} --since {since}")
        if choice.fmt == "svg":
            from console.tui.screenshot import true_screenshot

            try:
                console.post_message(ExportFinished(export_text(true_screenshot(console), out, prov)))
            except ExportError as exc:
                console.post_message(ExportFailed(exc.text(lang)))
            return
        assert session.snapshot is not None
        states = {name: (s.search, s.sort_key, s.descending) for name, s in state.tables.items()}
        work = partial(
            workers.export,
            workers.poster(console),
            session.snapshot,
            session.choice(),
            view,
            choice.fmt,
            out,
            prov,
            states,
            changes,
        )
        console.run_worker(work, thread=True, group="export", exit_on_error=False)

    def took(self, message: FlowResult) -> None:
        """What a flow's worker reported: an export or bulletin written (a toast names the files) or
        not (its dialog opens again with the reason, else a toast), a drill-down built or rebuilt, or
        a drill-down that failed (a toast)."""
        lang = self.session.lang
        if isinstance(message, ExportFinished) and self.session.served:
            self.export_done()
            self.deliver(message.paths)
        elif isinstance(message, ExportFinished):
            self.export_done()
            self.console.say(message.text(lang), timeout=8)
        elif isinstance(message, ExportFailed):
            if not self.export_failed(message.message):
                self.console.say(message.text(lang), "error", 10)
        elif isinstance(message, WorkFailed):
            self.console.say(message.message, "error", 10)
        else:
            self.show_detail(message)

    # -- a console served in a browser (console.tui.served) ---------------------------------------------

    def folder_for(self, folder: str) -> str:
        """Where a file the user asked for is written: the folder chosen (os.path leaves an unknown
        ~user as it is, pathlib raises: the folder is then missing, said so); served in a browser, a
        private temporary folder, packed and delivered to the browser once written (``deliver``)."""
        import os

        if self.session.served:
            from console.tui.served import private_folder

            return private_folder()
        return os.path.expanduser(folder)

    def deliver(self, paths: list[Path]) -> None:
        """Served: the files written (and their manifest) go to the browser as one zip download."""
        from io import BytesIO

        from console.tui.served import delivering, packed

        data, name = packed(paths)
        self.console.deliver_binary(BytesIO(data), save_filename=name, mime_type="application/zip", name=name)
        self.console.say(delivering(name, self.session.lang), timeout=8)

    def export_done(self) -> None:
        """An export worked: its folder becomes the last folder (remembered for the next session)."""
        from dataclasses import replace

        session = self.session
        if self.export_attempt is not None:
            session.settings = replace(session.settings, export_folder=self.export_attempt.folder)
            self.export_attempt = None
        if self.bulletin_attempt is not None:  # a bulletin's folder is remembered the same way
            session.settings = replace(session.settings, bulletin_folder=self.bulletin_attempt.folder)
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
        if self.not_ready(partial(self.bulletin, initial, error)):
            return
        import os
        from datetime import date

        from console.outputs.bulletin import default_month
        from widgets.dialogs.bulletin import BulletinDialog

        settings, lang, ds = self.session.settings, self.session.lang, self.session.dataset
        folder = settings.bulletin_folder or settings.export_folder or os.getcwd()
        assert ds is not None  # not_ready() said it is loaded
        month, from_data = default_month(ds, date.today())
        note = TUI("bulletin_month_note", lang, as_of=ds.manifest.as_of) if from_data else ""
        from console.outputs.pdf import pdf_available

        style = settings.bulletin.style
        served = self.session.served
        dialog = BulletinDialog(lang, month, folder, initial, error, note, pdf_available(), style, served)
        self.open(dialog, self.bulletin_chosen)

    def bulletin_chosen(self, choice: BulletinChoice | None) -> None:
        """Write the monthly bulletin in a worker."""
        session = self.session
        if choice is None:
            return
        assert session.dataset is not None
        self.bulletin_attempt = choice
        post = workers.poster(self.console)
        if session.served:  # written where the browser's download is packed from
            from dataclasses import replace

            choice = replace(choice, folder=self.folder_for(choice.folder))
        work = partial(workers.bulletin, post, session.dataset, session.settings, choice, session.lang)
        self.console.run_worker(work, thread=True, group="export", exit_on_error=False)

    # -- drill-down ---------------------------------------------------------------------------------

    def drill_down(self, table: str, key: str) -> None:
        """Open the drill-down of a row; its content is built in a worker (a newer one wins)."""
        if self.not_ready(partial(self.drill_down, table, key)):
            return
        assert self.session.snapshot is not None
        work = partial(self.build_detail, self.session.snapshot, self.session.lang, table, key)
        self.console.run_worker(work, thread=True, exclusive=True, group="detail", exit_on_error=False)

    def build_detail(self, snap: Snapshot, lang: Lang, table: str, key: str) -> None:
        """In a worker: build the content, then post it to be opened (a failure is one line)."""
        from textual.worker import get_current_worker

        session, post = self.session, workers.poster(self.console)
        try:
            content = detail_content(
                session.settings, snap, lang, session.ascii_only, table, key, self.console.no_color
            )
        except Exception as exc:
            post(WorkFailed(describe(exc, lang, session.settings.data_dir)))
            return
        if not get_current_worker().is_cancelled:
            post(DetailBuilt(content, lang, (table, key)))

    def show_detail(self, message: DetailBuilt | DetailRebuilt) -> None:
        """A drill-down built: opened over the screen; rebuilt: drawn again in its open screen, or
        closed (if it is on top) when its row is gone."""
        from widgets.drilldown_screen import DetailScreen

        if isinstance(message, DetailBuilt):
            ascii_only = self.session.ascii_only
            screen = DetailScreen(message.content, ascii_only, message.lang, source=message.source)
            self.console.push_screen(screen)
        elif message.content is not None:
            message.screen.call_later(message.screen.show, message.content, message.lang)
        elif message.screen is self.console.screen:
            message.screen.dismiss(None)

    def redraw_details(self) -> None:
        """Open drill-downs follow a change of language, year, filter or data: each is rebuilt for
        the same row in a worker and redrawn in place (one whose row is gone is closed)."""
        from widgets.drilldown_screen import DetailScreen

        screens = [s for s in self.console.screen_stack if isinstance(s, DetailScreen) and s.source]
        if screens and self.session.snapshot is not None:
            work = partial(self.rebuild_details, self.session.snapshot, self.session.lang, screens)
            self.console.run_worker(work, thread=True, exclusive=True, group="redraw", exit_on_error=False)

    def rebuild_details(self, snap: Snapshot, lang: Lang, screens: list[DetailScreen]) -> None:
        """In a worker: the new content of each open drill-down, posted for its screen."""
        from polars.exceptions import PolarsError
        from textual.worker import get_current_worker

        session, post = self.session, workers.poster(self.console)
        for screen in screens:
            assert screen.source is not None
            try:
                content = detail_content(
                    session.settings, snap, lang, session.ascii_only, *screen.source, self.console.no_color
                )
            except (PolarsError, KeyError, ValueError, IndexError):  # the row is gone: back to the tables
                post(DetailRebuilt(screen, None, lang))
                continue
            if get_current_worker().is_cancelled:
                return
            post(DetailRebuilt(screen, content, lang))


def detail_content(
    settings: Settings,
    snap: Snapshot,
    lang: Lang,
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
