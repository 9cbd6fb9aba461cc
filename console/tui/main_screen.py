"""The console's main screen: the header, one pane per tab, the search box and the key bar.

It draws from the app's ``ConsoleState`` and views and turns the user's search, sort and tab changes
into state transitions; the data work and the dialogs are elsewhere (console.tui.workers, .flows).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from rich.text import Text
from textual.screen import Screen
from textual.widgets import Input, TabbedContent, TabPane

from console.core.config import TABS
from console.core.text import clean
from console.present.labels import status_word, text
from console.present.viewmodel import REPORTS_NOTE, TAB_TITLES
from console.tui.panes import OverviewPane, Pane, RankingsPane, TablePane, TasksPane
from console.words import in_lang_of, pick
from console.words.tui import TUI
from widgets.chart import Chart
from widgets.keybar import KeyBar
from widgets.overview import AttentionList
from widgets.search_box import SearchBox
from widgets.topbar import Shorter, TopBar
from widgets.view_table import ViewTable

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from console.data.errors import DataError
    from console.present.viewmodel import Views
    from console.tui.ports import Host
    from console.tui.session import Session


class MainScreen(Screen[None]):
    """Header, tabs (one pane each), search box and key bar."""

    def __init__(self, host: Host) -> None:
        super().__init__()
        self.host = host  # the session it draws, the changes mode's marks, the drill-downs
        # Set once every pane has its content, after the first paint (mount_later): the data load
        # that follows a cached first screen waits for it, so neither slows the other down.
        self.built = threading.Event()

    @property
    def session(self) -> Session:
        return self.host.session

    def compose(self) -> ComposeResult:
        session = self.session
        ascii_only = session.ascii_only
        yield TopBar(id="topbar")
        shown = session.settings.tab  # the other tabs' tables are made after the first paint (mount_later)
        with TabbedContent(initial=shown, id="tabs"):
            yield OverviewPane(self.tab_title("overview"), "overview", ascii_only)  # it says why data fails
            yield TablePane(self.tab_title("zones"), "zones", ascii_only, shown != "zones")
            yield TablePane(self.tab_title("clusters"), "clusters", ascii_only, shown != "clusters")
            yield TasksPane(self.tab_title("tasks"), "tasks", ascii_only, shown != "tasks")
            yield RankingsPane(self.tab_title("rankings"), "rankings", ascii_only, shown != "rankings")
        search = SearchBox(id="search", placeholder="")
        search.back_to_table = lambda: self.pane().focus_first()
        yield search
        yield KeyBar(id="keybar")

    # False until composed: what the workers report before is kept by the app and drawn on mount.
    drawn = False

    def on_mount(self) -> None:
        self.hide_search()
        self.drawn = True
        self.redraw()
        # The focus in the shown tab before the first paint: moved after it, it repaints the whole screen
        # (Textual refreshes the screen when its focus changes), bytes a slow link pays at every start.
        with self.prevent(TabPane.Focused):
            self.pane().focus_first()
        self.call_after_refresh(self.mount_later)

    def on_screen_suspend(self) -> None:
        """A dialog or drill-down opened over the screen: the key bar is blank (its keys are not live)."""
        if self.drawn:
            self.query_one(KeyBar).redraw()

    def on_screen_resume(self) -> None:
        if self.drawn:
            self.query_one(KeyBar).redraw()

    async def mount_later(self) -> None:
        """The content of the tabs not shown at start, once the first screen is drawn."""
        for tab in TABS:
            await self.pane(tab).mount_content()
        self.built.set()

    def redraw(self) -> None:
        """Draw what the app holds: its views, why the data cannot be shown, or that it is loading."""
        session = self.session
        if session.views is not None:
            self.render_all()
        elif session.errors:
            self.show_failure(session.errors)
        else:
            self.show_loading()

    def show_loading(self) -> None:
        """While the data loads (and no cached screen stands in): the header says so, the overview's
        empty chart says "no data" in the console's language."""
        if not self.drawn:
            return
        self.show_header()
        chart = self.query_one(Chart)
        chart.empty = status_word("no_data", self.session.lang)
        chart.refresh()
        self.retitle_tabs()
        self.show_keybar()

    def tab_title(self, tab: str) -> str:
        return pick(TAB_TITLES[tab], self.session.lang)

    def pane(self, tab: str | None = None) -> Pane:
        return self.query_one(f"#{tab or self.session.state.tab}", Pane)

    # -- drawing ------------------------------------------------------------------------------------

    def show_header(self) -> None:
        if not self.drawn:
            return
        session, bar = self.session, self.query_one(TopBar)
        lang = session.lang
        if session.views is None:
            errors = len(session.errors)
            status = TUI("header_invalid", lang, n=errors) if errors else TUI("header_loading", lang)
            bar.show("devzones", "", None, None, "", status)
            return
        h = session.views.header
        title = in_lang_of(h.title, h.title_en, lang)
        names = dict(h.county_names) if lang == "en" else {}  # English: the counties' English names
        scope = (
            TUI("name_separator", lang).join(names.get(c, c) for c in h.counties)
            if h.counties
            else text("all_counties", lang)
        )
        year = TUI("header_year", lang, year=h.year)
        invalid = TUI("header_last_good", lang)
        period = h.as_of or text("no_data_yet", lang)
        shorter = Shorter(
            period,
            text("n_counties", lang).format(n=len(h.counties)) if h.counties else "",
            text("sample_badge_short", lang),
        )
        bar.show(
            title,
            f"{text('as_of', lang)} {period}",
            text("sample_badge", lang) if h.sample else None,
            year,
            scope,
            invalid if session.reload_error else self.host.changes.top_bar_note(session.views),
            shorter,
        )

    def show_keybar(self) -> None:
        if not self.drawn:
            return
        session = self.session
        lacking = set()  # console.present.keys' conditions that do not hold
        if not self.query_one(AttentionList).enterable:
            lacking.add("attention")
        if session.invalid:  # the data folder is broken: its keys do nothing
            lacking.add("data")
        self.query_one(KeyBar).show(session.lang, session.state.filter_note(), frozenset(lacking))

    def first_screen(self, views: Views) -> None:
        """The header and overview while the tables are made (a cached screen shown stays instead)."""
        session = self.session
        if session.views is None and not session.errors:
            session.views = views
            self.render_all()

    def render_all(self) -> None:
        session = self.session
        if session.views is None or not self.drawn:
            return
        session.state.keep_known_sorts(
            {n: [c.key for c in v.columns] for n, v in session.views.tables.items()}
        )
        self.show_header()
        self.stale = set()
        for tab in TABS:
            self.pane(tab).show_failure(None)
            self.pane(tab).show(session.state, session.views)
        self.show_keybar()
        self.retitle_tabs()

    def retitle_tabs(self) -> None:
        """The tabs' titles in the console's language."""
        tabs = self.query_one(TabbedContent)
        for tab in TABS:
            tabs.get_tab(tab).label = self.tab_title(tab)

    def show_tab_tables(self) -> None:
        """Redraw the active tab's tables after a change of search or sort."""
        if self.session.views is not None:
            self.pane().show(self.session.state, self.session.views)

    def show_table(self, name: str) -> None:
        """Redraw one table after a change of its sort."""
        if self.session.views is not None:
            pane = self.pane("tasks" if name == "indicators" else name)
            pane.show_table(self.session.state, self.session.views, name)

    def show_failure(self, errors: list[DataError]) -> None:
        """The data cannot be shown: say why on every tab, in the console's language; the key bar
        offers only the keys that work without data."""
        session = self.session
        if not self.drawn:
            return
        self.show_header()
        lang = session.lang
        where = clean(session.settings.data_dir)
        body = Text(TUI("cannot_show", lang, where=where) + "\n\n", style="bold red")
        for error in errors:
            body.append(f"{'x' if session.ascii_only else '✗'} {error.text(lang)}\n")
        body.append("\n" + TUI("fix_and_restart", lang))
        for tab in TABS:
            self.pane(tab).show_failure(body)
        self.retitle_tabs()
        self.show_keybar()

    # -- tabs and search ----------------------------------------------------------------------------

    stale: set[str] = set()  # tabs not redrawn since the changes mode last changed (see render_tab)

    def render_tab(self) -> None:
        """Redraw the header, the active tab and the key bar only; the other tabs are redrawn when
        shown (the changes mode's toggle at national scale redraws one tab, not five)."""
        session = self.session
        if session.views is None or not self.drawn:
            return
        self.show_header()
        self.pane().show(session.state, session.views)
        self.show_keybar()
        self.stale = set(TABS) - {session.state.tab}

    _switched: str | None = None  # a tab ``activate`` has shown: its TabActivated has nothing to do

    async def activate(self, tab: str) -> None:
        """Show ``tab`` (a key: 1-5, the palette) and move the focus into it before returning, so the
        keys typed right after it reach the new tab (issue: ``2/`` lost the ``/``)."""
        tabs = self.query_one("#tabs", TabbedContent)
        if tabs.active == tab:
            return
        tabs.active = tab  # shows the pane at once; the TabActivated it posts comes later
        self._switched = tab
        await self.tab_shown(self.pane(tab))

    async def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id != self.query_one("#tabs", TabbedContent).active:
            return  # overtaken by a later switch
        if self._switched == event.pane.id:  # activate did it already
            self._switched = None
            return
        await self.tab_shown(event.pane)

    async def tab_shown(self, pane: TabPane) -> None:
        """The tab of ``pane`` is shown: its content drawn, the search box and key bar its own, the
        focus in its first table."""
        if isinstance(pane, Pane):  # shown before mount_later reached it
            await pane.mount_content()
        if pane.id != self.query_one("#tabs", TabbedContent).active:
            return  # another tab was chosen meanwhile (a click on the tab strip)
        state = self.session.state
        state.tab = pane.id or "overview"
        if state.tab in self.stale and self.session.views is not None:
            self.stale.discard(state.tab)
            self.pane().show(state, self.session.views)
        search = self.query_one("#search", Input)
        with search.prevent(Input.Changed):  # the tab's own search, not a new one for the tab shown later
            search.value = state.search_of_tab()
        self.show_keybar()
        # The pane's TabPane.Focused would make it the active tab again when it comes, after a switch
        # typed next ("52" ended on tab 5): the focus moving here is this switch's own doing.
        with self.prevent(TabPane.Focused):
            self.pane().focus_first()

    def open_search(self) -> None:
        if not self.session.state.tab_tables:
            return
        if self.session.views is None:  # nothing to search: said (loading, or the data is invalid)
            self.host.flows.not_ready()
            return
        search = self.query_one("#search", Input)
        search.placeholder = TUI("search_placeholder", self.session.lang)
        search.display = True
        search.disabled = False
        self.set_focus(search)  # now: what is typed right after ``/`` goes into the box

    def hide_search(self) -> None:
        """A hidden search box must not take focus (or keys meant for the tables)."""
        search = self.query_one("#search", Input)
        search.display = False
        search.disabled = True

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "search":
            return
        self.session.state.set_search(event.value)
        self.show_tab_tables()
        self.show_keybar()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.pane().focus_first()

    def clear_search(self) -> None:
        search, state = self.query_one("#search", Input), self.session.state
        if not search.display and not state.search_of_tab():
            return
        search.value = ""
        self.hide_search()
        state.set_search("")
        self.show_tab_tables()
        self.show_keybar()
        self.pane().focus_first()

    # -- sorting ------------------------------------------------------------------------------------

    def focused_table(self) -> tuple[str, ViewTable] | None:
        focused = self.focused
        if isinstance(focused, ViewTable) and focused.id:
            return focused.id.removesuffix("-table"), focused
        tables = self.session.state.tab_tables
        return (tables[0], self.query_one(f"#{tables[0]}-table", ViewTable)) if tables else None

    def sort(self, reverse: bool = False) -> None:
        """Sort by the next visible column (cycling), ascending; or reverse the sort."""
        found = self.focused_table()
        if self.session.views is None:
            self.host.flows.not_ready()
            return
        if found is None or found[1].waiting():  # a table not made yet: said, not sorted
            return
        name, table = found
        keys = [c.key for c in table.visible_columns() if c.key != "mark"]
        if reverse:
            self.session.state.reverse_sort(name, keys)
        else:
            self.session.state.cycle_sort(name, keys)
        self.show_table(name)

    def on_view_table_header_selected(self, event: ViewTable.HeaderSelected) -> None:
        if event.table.id is None:
            return
        name = event.table.id.removesuffix("-table")
        self.session.state.sort_by_column(name, event.column_key)
        self.show_table(name)

    def on_view_table_row_selected(self, event: ViewTable.RowSelected) -> None:
        if event.table.id is not None:
            self.host.flows.drill_down(event.table.id.removesuffix("-table"), event.key)

    async def on_attention_list_zone_chosen(self, event: AttentionList.ZoneChosen) -> None:
        """Enter on the overview's attention list: the zone's drill-down, the list of late and missing
        reports for the note on them, or the Zones tab for another note."""
        if event.zone is None:
            await self.activate("zones")
        elif event.zone == REPORTS_NOTE:
            self.host.flows.drill_down("reports", "")
        else:
            self.host.flows.drill_down("zones", event.zone)
