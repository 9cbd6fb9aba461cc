"""One pane per tab of the console: each owns its tables and draws them from (state, views)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.containers import Vertical
from textual.widgets import Static, TabPane

from console.present.fit import share_heights
from console.present.labels import unit_filter_label
from console.present.state import tables_of
from console.words import as_lang
from console.words.tui import TUI
from widgets.overview import OverviewPanel
from widgets.view_table import ViewTable

if TYPE_CHECKING:
    from textual.widget import AwaitMount, Widget

    from console.present.state import ConsoleState
    from console.present.viewmodel import View, Views
    from console.tui.ports import Host


def current_view(state: ConsoleState, views: Views, name: str) -> View | None:
    """The view of a table as shown: searched and sorted as the user chose (None on the first
    screen, drawn before the tables are made)."""
    chosen = state.tables[name]
    view = views.tables.get(name)
    return (
        None if view is None else view.searched(chosen.search).sorted_by(chosen.sort_key, chosen.descending)
    )


def empty_note(state: ConsoleState, view: View) -> str:
    """What a table with no rows says: the search that matched nothing, or that nothing changed."""
    lang = as_lang(state.lang)
    if view.search:
        return TUI("no_rows_match", lang, search=view.search)
    if state.since is not None and state.changed_only:
        return TUI("no_rows_changed", lang, since=state.since)
    return TUI("no_rows", lang)


class Pane(TabPane):
    """A tab's pane; ``show`` draws it from the console's state and views.

    ``later``: a tab not shown at start gets its content after the first paint (``mount_content``),
    so that making it does not delay the first screen; until then it draws nothing.

    When the data cannot be shown, ``show_failure`` says why in place of the pane's content.
    """

    DEFAULT_CSS = """
    Pane > .pane-failure { display: none; padding: 0 1; }
    Pane.-failed > * { display: none; }
    Pane.-failed > .pane-failure { display: block; }
    """

    def __init__(self, title: str, tab: str, ascii_only: bool, later: bool = False) -> None:
        super().__init__(title, id=tab)
        self.tab, self.ascii_only, self.later = tab, ascii_only, later
        self._mounting: AwaitMount | None = None

    def content(self) -> list[Widget]:
        """The pane's widgets."""
        return []

    def compose(self) -> list[Widget]:  # a list is a ComposeResult
        return [Static(classes="pane-failure"), *([] if self.later else self.content())]

    def show_failure(self, body: Text | None) -> None:
        """Say why the data cannot be shown (``body``) in place of the content; None shows it again."""
        self.set_class(body is not None, "-failed")
        if body is not None:
            self.query_one(".pane-failure", Static).update(body)

    async def mount_content(self) -> None:
        """Mount the content of a pane made without it and draw it; at once if it is there."""
        if self.later and self._mounting is None:
            self._mounting = self.mount_all(self.content())
        if self._mounting is not None:
            await self._mounting
        if self.later:  # the first caller back draws it
            self.later = False
            if self.console.session.views is not None:
                self.show(self.console.session.state, self.console.session.views)

    @property
    def tables(self) -> tuple[str, ...]:
        return tables_of(self.tab)

    def show(self, state: ConsoleState, views: Views) -> None:
        for name in self.tables:
            self.show_table(state, views, name)

    def show_table(self, state: ConsoleState, views: Views, name: str) -> None:
        view = current_view(state, views, name)
        if view is None and not self.later:  # the first screen, before the tables are made: it says so
            table = self.query_one(f"#{name}-table", ViewTable)
            table.empty_note = TUI("loading_data", as_lang(state.lang))
            table.refresh()
        if view is not None and not self.later:
            view = self.console.changes.view(view, views)  # changes mode
            table = self.query_one(f"#{name}-table", ViewTable)
            table.empty_note = self.console.changes.empty_note(views) or empty_note(state, view)
            table.marks, table.mark_symbol = self.console.changes.table_marks(view, views)
            table.show(view)

    @property
    def console(self) -> Host:
        """What the pane reads: the session, the changes mode's marks (the app is the host)."""
        return cast("Host", self.app)

    def focus_first(self) -> None:
        """Give the focus to the pane's first table (so the keys reach it)."""
        if self.tables and not self.later:
            self.screen.set_focus(self.query_one(f"#{self.tables[0]}-table", ViewTable))  # at once


class OverviewPane(Pane):
    """Headline goals, statuses and the attention list; why the data cannot be shown in its place."""

    DEFAULT_CSS = """
    OverviewPane.-failed > OverviewPanel { display: block; }
    OverviewPane.-failed #overview-attention-title, OverviewPane.-failed #overview-attention,
    OverviewPane.-failed #overview-reports, OverviewPane.-failed #overview-chart { display: none; }
    """

    def compose(self) -> list[Widget]:
        return self.content()

    def show_failure(self, body: Text | None) -> None:
        """Why the data cannot be shown, in the overview's body (the rest of it hidden)."""
        self.set_class(body is not None, "-failed")
        if body is not None:
            self.query_one("#overview-body", Static).update(body)

    def content(self) -> list[Widget]:
        return [OverviewPanel(id="overview-panel")]

    def show(self, state: ConsoleState, views: Views) -> None:
        changes = self.console.changes.overview(views)  # the section at the top of the attention list
        self.query_one(OverviewPanel).show(
            views.overview, as_lang(state.lang), self.ascii_only, views.header.year, changes
        )

    def focus_first(self) -> None:
        self.screen.set_focus(self.query_one(OverviewPanel))  # so the arrows and PgDn scroll it


class TablePane(Pane):
    """One table: zones, clusters or rankings."""

    def content(self) -> list[Widget]:
        return [ViewTable(ascii_only=self.ascii_only, id=f"{self.tab}-table")]


class RankingsPane(Pane):
    """The rankings and, below, a legend of the rule marks in use (the column shows marks, to fit)."""

    def content(self) -> list[Widget]:
        return [
            Vertical(
                ViewTable(ascii_only=self.ascii_only, id="rankings-table"),
                Static(id="rankings-legend"),
            )
        ]

    def show(self, state: ConsoleState, views: Views) -> None:
        from console.present.formatter import Formatter
        from console.present.labels import text as label_text
        from console.present.rule_marks import flag_legend

        super().show(state, views)
        if self.later:  # its content is made after the first paint
            return
        view = views.tables.get("rankings")
        flags: set[str] = set()
        years: dict[str, set[int]] = {}  # the result years each mark is decided on, for the legend
        if view is not None:
            i, at = view.column_index("flags"), view.column_index("province")
            for row in view.rows:
                marks = list(filter(None, (row.cells[i].values[0] or "").split(",")))
                flags.update(marks)
                year = row.cells[at].values[2]
                for mark in marks:
                    if isinstance(year, int):
                        years.setdefault(mark, set()).add(year)
        # The view's notes first (no composite score before any quarter's data), then the marks.
        f = Formatter(state.lang, self.ascii_only)
        self._notes = list(view.notes if view is not None else ())
        self._marks = [f.text(item) for item in flag_legend(flags, state.lang, years)]
        self._hidden_note = f.text(label_text("flags_hidden", state.lang))
        self.draw_legend()
        self.call_after_refresh(self.draw_legend)  # once the table has laid out its columns

    _notes: list[str] = []
    _marks: list[str] = []
    _hidden_note = ""

    def on_resize(self) -> None:
        self.call_after_refresh(self.draw_legend)

    def draw_legend(self) -> None:
        """The notes, then the marks' legend while their column is on screen; when the width hides
        the column, one line saying so instead of the legend of marks nobody sees."""
        from widgets.dialogs.parts import Wrapped  # the help's groups wrapped whole: here mark + meaning

        table = self.query_one("#rankings-table", ViewTable)
        shown = table.view is None or not table.size.width or "flags" in table.keys_on_screen()
        marks = self._marks if shown or not self._marks else [self._hidden_note]
        items = [*self._notes, *marks]
        legend = self.query_one("#rankings-legend", Static)
        legend.update(Wrapped(items, style="italic"))  # whole items
        legend.display = bool(items)


class TasksPane(Pane):
    """The tasks and, below, the quantified targets (narrowed by the responsible unit)."""

    def content(self) -> list[Widget]:
        return [
            Vertical(
                ViewTable(ascii_only=self.ascii_only, id="tasks-table"),
                Static(id="indicators-title"),
                ViewTable(ascii_only=self.ascii_only, id="indicators-table"),
            )
        ]

    def show(self, state: ConsoleState, views: Views) -> None:
        if self.later:
            return
        super().show(state, views)
        lang = as_lang(state.lang)
        label = TUI("indicators_title", lang)
        if state.unit:  # the unit and which of its tasks count (it leads them, or takes part)
            label = TUI("indicators_of_unit", lang, unit=unit_filter_label(state.unit, lang))
        self.query_one("#indicators-title", Static).update(Text(label, style="bold"))
        self.share_height()

    def share_height(self) -> None:
        """Split the pane's height between the two tables so that a table whose rows fit gets them
        all (issue #11: tables never hide rows), the tasks 2 : 3 against the indicators otherwise."""
        room = self.size.height - 1  # the indicators' title takes a line
        if self.later or room <= 0:  # not laid out yet: the resize that follows comes back here
            return
        tables = [self.query_one(f"#{name}-table", ViewTable) for name in ("tasks", "indicators")]
        needs = [max(2, t.row_count + 1) for t in tables]  # the heading, and a line for an empty note
        for table, height in zip(tables, share_heights(room, needs, [2, 3]), strict=True):
            table.styles.height = height

    def on_resize(self) -> None:
        self.share_height()
