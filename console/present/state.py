"""What the user chose in the console, as plain data: no Textual, testable without a terminal.

``ConsoleState`` holds the year, county filter, language, responsible unit, tab and each table's search
and sort. Its methods are the transitions the keys make; the console's widgets only render from it.
``ConsoleState.from_settings`` reads what the last session remembered, ``preferences`` says what to
remember for the next (``console.core.config.save_state`` writes it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from console.core.config import TABS, Settings
from console.present.labels import unit_filter_label
from console.words import Lang, is_lang, other_lang

# The console's tables, in the order they are drawn (the tasks tab holds two).
TABLES = ("zones", "clusters", "tasks", "indicators", "rankings")


@dataclass
class TableState:
    """What the user chose for one table: search text and sort (a column key, reversed or not)."""

    search: str = ""
    sort_key: str | None = None
    descending: bool = False

    @property
    def sort_argument(self) -> str:
        """The sort as ``devzones export --sort`` takes it: ``key``, ``-key`` or empty."""
        return "" if not self.sort_key else f"{'-' if self.descending else ''}{self.sort_key}"

    @classmethod
    def from_sort_argument(cls, sort: str, search: str = "") -> TableState:
        """The state for ``key`` / ``-key`` (empty or ``-`` alone: plan order)."""
        key = sort.removeprefix("-")
        return cls(search, key or None, bool(key) and sort.startswith("-"))


def tables_of(tab: str) -> tuple[str, ...]:
    """The tables shown on ``tab`` (the first one takes the focus)."""
    return ("tasks", "indicators") if tab == "tasks" else ((tab,) if tab in TABLES else ())


@dataclass
class ConsoleState:
    """The console's choices: year (None = the latest), counties (empty = all), language, unit, tab,
    and per-table search and sort."""

    year: int | None = None
    counties: tuple[str, ...] = ()
    lang: Lang = "zh"
    unit: str = ""
    tab: str = "overview"
    tables: dict[str, TableState] = field(default_factory=lambda: {name: TableState() for name in TABLES})
    # Changes mode (``d``): the reference quarter ("2026Q2") while it is on, None while off; with
    # ``changed_only`` the tables keep only the rows that changed. ``reference`` is the quarter last
    # chosen (``D``), used again when the mode is turned on.
    since: str | None = None
    changed_only: bool = False
    reference: str | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> ConsoleState:
        """The state a session starts in; remembered values that make no sense are ignored."""
        state = cls(
            year=settings.year if isinstance(settings.year, int) and settings.year > 0 else None,
            counties=tuple(str(c) for c in settings.counties),
            lang=settings.lang if is_lang(settings.lang) else "zh",
            tab=settings.tab if settings.tab in TABS else "overview",
        )
        for name, sort in settings.sort.items():
            if name in state.tables and sort.removeprefix("-"):
                state.tables[name] = TableState.from_sort_argument(sort)
        return state

    @property
    def zh(self) -> bool:
        return self.lang == "zh"

    @property
    def tab_tables(self) -> tuple[str, ...]:
        """The tables of the active tab."""
        return tables_of(self.tab)

    def next_year(self, years: Sequence[int]) -> int:
        """Step to the next year of ``years`` (wrapping); an unknown year goes to the latest."""
        self.year = years[(years.index(self.year) + 1) % len(years)] if self.year in years else years[-1]
        return self.year

    def toggle_language(self) -> Lang:
        self.lang = other_lang(self.lang)
        return self.lang

    def set_counties(self, counties: Sequence[str]) -> bool:
        """Filter to ``counties``; True when that changed anything."""
        chosen = tuple(counties)
        changed = chosen != self.counties
        self.counties = chosen
        return changed

    def set_search(self, text: str, tables: Sequence[str] | None = None) -> None:
        """Search ``tables`` (default: the active tab's) for ``text``; empty clears."""
        for name in self.tab_tables if tables is None else tables:
            self.tables[name].search = text

    def search_of_tab(self) -> str:
        tables = self.tab_tables
        return self.tables[tables[0]].search if tables else ""

    def cycle_sort(self, table: str, keys: Sequence[str]) -> None:
        """Sort ``table`` by the column after the current one among ``keys``, ascending; after the
        last one back to plan order (which also clears a remembered sort)."""
        state, keys = self.tables[table], list(keys)
        current = state.sort_key
        if current not in keys:
            state.sort_key = keys[0] if keys else None
        else:
            following = keys.index(current) + 1
            state.sort_key = keys[following] if following < len(keys) else None
        state.descending = False

    def reverse_sort(self, table: str, keys: Sequence[str]) -> None:
        """Reverse the sort of ``table``; unsorted, sort by the first of ``keys``."""
        state = self.tables[table]
        if state.sort_key is None:
            self.cycle_sort(table, keys)
        else:
            state.descending = not state.descending

    def sort_by_column(self, table: str, key: str) -> None:
        """A click on a header: sort by it, or reverse when it is already the sort."""
        state = self.tables[table]
        state.descending = not state.descending if state.sort_key == key else False
        state.sort_key = key

    def keep_known_sorts(self, columns: Mapping[str, Sequence[str]]) -> list[str]:
        """Drop a sort (remembered, or chosen on other data) on a column that the loaded data's table
        lacks (``columns``: each table's column keys); the tables whose sort was dropped."""
        dropped = [
            name
            for name, keys in columns.items()
            if name in self.tables and self.tables[name].sort_key not in (None, *keys)
        ]
        for name in dropped:
            self.clear_sort(name)
        return dropped

    def clear_sort(self, table: str) -> None:
        """Back to plan order."""
        self.tables[table].sort_key = None
        self.tables[table].descending = False

    def cycle_changes(self, periods: Sequence[str]) -> str | None:
        """``d``: off, then changed cells marked, then only changed rows, then off again. ``periods``
        are the quarters a comparison can start from, newest first; the mode turns on with the quarter
        last chosen if it is one of them, else the newest (the previous quarter). Returns ``since``;
        with no earlier quarter the mode stays off."""
        if self.since is None:
            if not periods:
                return None
            self.since = self.reference if self.reference in periods else periods[0]
            self.changed_only = False
        elif not self.changed_only:
            self.changed_only = True
        else:
            self.since, self.changed_only = None, False
        return self.since

    def compare_with(self, period: str) -> None:
        """``D``: compare with ``period`` (the mode turns on, changed cells marked)."""
        self.since = self.reference = period
        self.changed_only = False

    def filter_note(self) -> str:
        """What narrows the active tab, for the key bar: ``/search`` and the unit."""
        parts = []
        if search := self.search_of_tab():
            parts.append(f"/{search}")
        if self.unit and self.tab == "tasks":
            parts.append(unit_filter_label(self.unit, self.lang))  # the unit and which tasks count
        return " ".join(parts)

    def preferences(self, settings: Settings) -> dict[str, object]:
        """What to remember for the next session (the state file's [state]). A language or export
        folder is remembered only when it differs from the configured one (``None`` forgets it); the
        last bulletin's folder whenever there is one."""
        folder = settings.export_folder
        return {
            "tab": self.tab,
            "year": self.year or 0,
            "counties": list(self.counties),
            "sort": {name: state.sort_argument for name, state in self.tables.items()},
            "lang": self.lang if self.lang != settings.config_lang else None,
            "export_folder": folder if folder != settings.config_export_folder else None,
            "bulletin_folder": settings.bulletin_folder or None,
        }
