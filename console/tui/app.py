"""The Textual console: wiring between the user's keys, the console's state, the workers and the screens.

What the console holds is one ``Session`` (console.tui.session): the user's choices (a ``ConsoleState``,
console.present.state) and the data loaded for them. The main screen draws it (console.tui.main_screen,
one pane per tab); the dialogs and drill-downs are flows (console.tui.flows); the data work runs in
worker threads (console.tui.workers) that post typed messages (console.tui.messages) to the app's
queue, each handled here with ``@on``. The flows, the changes mode and the screen see the app only
through the protocols of console.tui.ports, so the modules of console.tui import each other one way.

The first screen comes from the view cache when the data has not changed since the last launch (or
from the shipped launch screen of the embedded data): the dataset is then loaded only when a key asks
for more than the cache holds. Nothing cached, the views are made from before Textual is imported (in a
child process where it can be: console.tui.startup); the data is loaded and evaluated in worker threads,
and polars and the engine are imported there, never on the UI thread.
"""

from __future__ import annotations

import gc
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import App
from textual.events import DeliveryFailed

from console.core.config import TABS, Settings
from console.core.text import clean, in_lang
from console.present import view_cache as viewcache
from console.present.fit import toast_lines
from console.present.state import TABLES
from console.tui import messages as got
from console.tui import startup, workers
from console.tui.changes_mode import ChangesFailed, ChangesMode, ChangesReady
from console.tui.flows import Flows
from console.tui.frame_diff import ChangesOnly
from console.tui.keys_follow_focus import KeysFollowFocus
from console.tui.main_screen import MainScreen
from console.tui.screenshot import true_screenshot
from console.tui.served import delivery_failed
from console.tui.session import InSession, Session
from console.words.serve import SERVE
from console.words.tui import TUI
from widgets.commands import ConsoleCommands, open_command_palette, quit_notice, system_commands
from widgets.keybar import bindings

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from textual.app import SystemCommand
    from textual.notifications import SeverityLevel
    from textual.screen import Screen

    from console.tui.preload import Preload
    from console.tui.startup import Start
    from console.tui.workers import Wait

__all__ = ["TABLES", "TABS", "DevZonesApp", "run_app", "screenshot", "true_screenshot"]


def _calls(
    owner: str, method: str, *args: object, key: str = "", given: bool = False
) -> Callable[..., object]:
    """A key's action that calls ``self.<owner>.<method>(*args)`` (a pane, flow or mode does the work);
    ``key``, the catalogue's action: on a tab where it does not apply it says where it works; ``given``:
    the binding's own arguments are passed on too. A coroutine it returns is awaited by Textual."""

    def action(self: DevZonesApp, *passed: object) -> object:
        if key and self.flows.not_on_this_tab(key):
            return None
        return getattr(getattr(self, owner), method)(*args, *(passed if given else ()))

    action.__doc__ = f"{owner}.{method}"
    return action


class DevZonesApp(KeysFollowFocus, ChangesOnly, App[int]):
    """Tabs for the overview, zones, clusters, tasks and rankings of the plan."""

    CSS_PATH = "app.tcss"
    TITLE = "devzones"
    COMMANDS = App.COMMANDS | {ConsoleCommands}
    BINDINGS = bindings()  # from the key catalogue, console/present/keys.py

    # The session's fields, read where the palette, the exports and the tests read them.
    settings, state, ascii_only = InSession(), InSession(), InSession()
    dataset, snapshots, snapshot, views = InSession(), InSession(), InSession(), InSession()
    errors, reload_error, ready = InSession(), InSession(), InSession()

    def __init__(
        self, settings: Settings, use_cache: bool = True, served: bool = False, start: Start | None = None
    ) -> None:
        super().__init__()
        self.session = Session.start(settings, served)
        self.title = SERVE("title", self.session.lang) if served else self.TITLE
        self.use_cache = use_cache and not settings.as_of  # the launch screen remembered is "now"
        self.is_mounted_once, self.start = False, start  # start: begun by the CLI (console.tui.startup)
        self.changes = ChangesMode(self)
        self.flows = Flows(self, self.changes)
        self.post = workers.poster(self)  # what the workers report with
        self.main: MainScreen  # the default screen, made when the app starts
        self.animation_level = "none"  # over a slow SSH link each animation frame costs bytes and time
        self.set_class(self.ascii_only, "ascii")

    # The choices tests, the palette and the exports read (the state holds them).
    lang = property(lambda self: self.state.lang)
    year = property(lambda self: self.state.year)
    counties = property(lambda self: self.state.counties)

    def get_default_screen(self) -> MainScreen:
        self.main = MainScreen(self)
        return self.main

    def choice(self) -> workers.Choice:
        return self.session.choice()  # what a computation started now depends on

    def on_mount(self) -> None:
        """Show the cached screen (or say it is loading) and start the load unless it answers."""
        self.is_mounted_once = True
        for warning in self.settings.warnings:
            self.say(in_lang(warning, self.session.lang), "warning", 10)
        start = self.start = self.start or startup.begin(self.session, self.use_cache, lazy=False)
        self._fingerprint, self.views, self.session.lazy = start.fingerprint, start.views, start.lazy
        self.set_interval(self.settings.reload_seconds, self.check_for_changes)
        self.main.redraw()  # once the main screen is composed (it redraws when it mounts)
        workers.start_loading(self, start)
        self.call_after_refresh(gc.enable)  # paused for the start-up by the CLI (console.cli._console)

    def say(self, message: str, severity: SeverityLevel = "information", timeout: float = 8) -> None:
        """A toast whose text is shown literally: cleaned (line breaks kept), never parsed as markup."""
        text = toast_lines(clean(message, keep_newlines=True), self.size.width)  # names broken at - _ . /
        self.notify(text, severity=severity, timeout=timeout, markup=False)

    # -- data: workers and what they report ---------------------------------------------------------

    def load_data(
        self, cache_key: str, preload: Preload | None = None, wait: Wait = None, tables_from: str = ""
    ) -> None:
        """Load and evaluate the dataset off the UI thread (arguments: ``workers.load``'s)."""
        key, self.session.lazy = (cache_key if self.use_cache and not self.session.lazy else None), False
        work = partial(workers.load, self.post, self.settings, self.choice(), key, preload, wait, tables_from)
        self.run_worker(work, thread=True, exclusive=True, group="data", exit_on_error=False)

    load_on_demand = workers.load_on_demand  # a key asked for more than the cached screen holds

    def reevaluate(self) -> None:
        """Recompute after a change of year, counties, language or unit (a choice made before: at once)."""
        assert self.snapshots is not None
        self.workers.cancel_group(self, "prewarm")
        found = workers.look_up(self.snapshots, self.choice())
        if found is not None:
            self.workers.cancel_group(self, "eval")  # a choice still computing is older: it loses
            return self.on_data_loaded(found)
        work = partial(workers.reevaluate, self.post, self.settings, self.snapshots, self.choice())
        self.run_worker(work, thread=True, exclusive=True, group="eval", exit_on_error=False)

    def check_for_changes(self) -> None:
        """Reload when a data file changed (an ingest from another terminal); cheap: it only stats files."""
        loading = self.dataset is None and not self.session.lazy
        if loading or any(w.group == "reload" and w.is_running for w in self.workers):
            return
        if viewcache.fingerprint(self.settings.data_dir) != self._fingerprint:
            self.reload_data()

    def reload_data(self) -> None:
        """Load the changed files; if they are invalid, keep showing the last good data and say why.
        The files seen now are the ones loaded: the watch does not load them a second time."""
        self._fingerprint, self.session.lazy = viewcache.fingerprint(self.settings.data_dir), False
        work = partial(workers.reload, self.post, self.settings, self.choice())
        self.run_worker(work, thread=True, exclusive=True, group="reload", exit_on_error=False)

    @on(got.CachedViews)
    def on_cached_views(self, message: got.CachedViews) -> None:  # cached tables, unless loaded since
        if self.dataset is None and self.views is not None and not self.views.tables:
            self.views = message.views
            self.main.render_all()

    @on(got.FirstScreen)
    def on_first_screen(self, message: got.FirstScreen) -> None:
        self.main.first_screen(message.views)

    @on(got.DataLoaded)
    def on_data_loaded(self, message: got.DataLoaded) -> None:
        if message.choice is not None and message.choice != self.choice():
            return  # computed for a choice since changed (it came in after a newer one was shown)
        if message.warning:  # the remembered year or counties are not in this data
            self.say(message.warning, "warning", 8)
            self.state.counties = ()
        self.dataset, self.snapshot = message.dataset, message.snapshot
        self.snapshots = message.snapshots or self.snapshots
        self.state.year = message.views.header.year
        self.errors = []
        if message.reloaded:
            self.changes.forget()
        if message.views != self.views:  # a cached screen that still holds needs no repaint
            self.views = message.views
            self.main.render_all()
        self.changes.refresh(redraw=False)
        self.flows.redraw_details()
        workers.start_prewarm(self, self.snapshots, self.choice())  # the other language and years
        if message.reloaded:  # the header no longer says the last good data is shown
            self.reload_error = ""
            self.main.show_header()
            self.notify(TUI("data_reloaded", self.session.lang), timeout=3)
        self.call_later(self.session.take_pending(message.reloaded))  # the key that asked for the data

    @on(ChangesReady)
    @on(ChangesFailed)
    def on_changes(self, message: ChangesReady | ChangesFailed) -> None:
        self.changes.computed_or_failed(message)

    @on(got.DataFailed)
    def on_data_failed(self, message: got.DataFailed) -> None:
        """Bad data shows in place of the views; any other failure keeps the views there are."""
        if message.invalid or self.views is None:
            self.errors, self.views = message.errors, None
            self.main.show_failure(message.errors)
        else:
            self.say(message.message, "error", 15)

    @on(got.ReloadFailed)
    def on_reload_failed(self, message: got.ReloadFailed) -> None:
        """The header says the last good data is shown, a toast says why."""
        self.reload_error = clean(message.message)
        self.main.show_header()
        self.say(message.text(self.session.lang), "error", 15)

    @on(got.ExportFinished)
    @on(got.ExportFailed)
    @on(got.DetailBuilt)
    @on(got.DetailRebuilt)
    @on(got.WorkFailed)
    def on_flow_result(self, message: got.FlowResult) -> None:
        self.flows.took(message)  # an export written or not, a drill-down built

    def on_delivery_failed(self, event: DeliveryFailed) -> None:  # served: the browser took no download
        self.say(delivery_failed(event.name, event.exception, self.session.lang), "error", 15)

    @on(got.WorkerResult)
    def handled(self, message: got.WorkerResult) -> None:
        message.handled.set()  # last for every worker's message (after its own handler): it may go on

    # -- actions: the keys, each a state change or a flow -------------------------------------------

    action_show_tab = _calls("main", "activate", given=True)  # done, the focus moved, before the next key
    action_search = _calls("main", "open_search", key="search")
    action_clear_search = _calls("main", "clear_search")
    action_sort = _calls("main", "sort", key="sort")
    action_sort_reverse = _calls("main", "sort", True, key="sort_reverse")
    action_next_year = _calls("flows", "next_year")
    action_toggle_lang = _calls("flows", "toggle_language")
    action_counties = _calls("flows", "counties")
    action_units = _calls("flows", "units")
    action_export = _calls("flows", "export")
    action_save_screen = _calls("flows", "save_screen")  # the palette's 截图
    action_bulletin = _calls("flows", "bulletin")
    action_help = _calls("flows", "help")
    action_changes = _calls("changes", "toggle")
    action_compare_with = _calls("changes", "choose")

    action_elsewhere = _calls("flows", "elsewhere", given=True)  # a table's key where no table is

    # Textual's own words in the console's language (widgets.commands).
    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        return system_commands(self, screen)

    action_command_palette = open_command_palette  # each takes the app: a method as it stands
    action_help_quit = quit_notice

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        """None while the console closes: a key typed right after q made a dialog Textual never composed."""
        return None if self._exit else super().push_screen(screen, *args, **kwargs)

    def preferences(self) -> dict[str, object]:
        return self.state.preferences(self.settings)  # the state file's [state], written on quit


def screenshot(settings: Settings, size: tuple[int, int], search: str = "", sort: str = "") -> str:
    """The console at ``settings.tab`` drawn headless at ``size`` (columns, rows), as a true-width SVG.

    ``devzones export --format svg`` uses it: the same screen the user would see, with ``search`` and
    ``sort`` (``key`` or ``-key``) applied to the tab's tables, and nothing remembered or cached.
    """
    import asyncio

    from console.present.state import TableState, tables_of

    app = DevZonesApp(settings, use_cache=False)
    for name in tables_of(settings.tab):
        app.state.tables[name] = TableState.from_sort_argument(sort, search)

    async def draw() -> str:
        async with app.run_test(size=size) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            for table in app.query("ViewTable"):  # a picture to send: no row singled out by the cursor
                table.add_class("picture")
            await pilot.pause()
            return true_screenshot(app)

    return asyncio.run(draw())


def run_app(settings: Settings, served: bool = False, start: Start | None = None) -> int:
    """Run the console until the user quits, then remember the user's view (served in a browser:
    nothing is remembered, the next session starts afresh); 0 on a normal exit."""
    import sys

    from console.core.config import save_state

    app = DevZonesApp(settings, served=served, start=start)
    app.run(mouse=settings.mouse)
    if app.is_mounted_once and not served:
        for warning in save_state(app.preferences()):
            print(f"devzones: warning: {warning}", file=sys.stderr)
    return app.return_code or 0
