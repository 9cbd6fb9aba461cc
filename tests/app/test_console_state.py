"""ConsoleState: the keys' transitions and the remembered view, without a terminal (no Pilot)."""

from __future__ import annotations

import os
from pathlib import Path

from console.core.config import load_settings, save_state
from console.present.state import ConsoleState, TableState


def _settings(data_dir: Path):  # type: ignore[no-untyped-def]
    return load_settings(data_dir=data_dir)


def test_next_year_steps_and_wraps() -> None:
    state = ConsoleState(year=2025)
    assert state.next_year([2024, 2025, 2026]) == 2026
    assert state.next_year([2024, 2025, 2026]) == 2024
    state.year = 1999  # not in the data: the latest year
    assert state.next_year([2024, 2025, 2026]) == 2026


def test_language_toggles_back_and_forth() -> None:
    state = ConsoleState(lang="zh")
    assert state.toggle_language() == "en" and not state.zh
    assert state.toggle_language() == "zh" and state.zh


def test_set_counties_says_whether_anything_changed() -> None:
    state = ConsoleState(counties=("平舆县",))
    assert not state.set_counties(["平舆县"])
    assert state.set_counties(["平舆县", "遂平县"]) and state.counties == ("平舆县", "遂平县")
    assert state.set_counties([]) and state.counties == ()


def test_search_applies_to_every_table_of_the_tab() -> None:
    state = ConsoleState(tab="tasks")
    state.set_search("招商")
    assert state.tables["tasks"].search == state.tables["indicators"].search == "招商"
    assert state.tables["zones"].search == ""
    assert state.filter_note() == "/招商"
    state.unit = "市发改委"
    assert state.filter_note() == "/招商 市发改委（牵头或参加）"  # the unit and which of its tasks count
    state.tab = "zones"  # the unit narrows the tasks tab only
    assert state.filter_note() == ""
    state.tab = "overview"  # no tables: nothing searched
    state.set_search("x")
    assert all(t.search in ("", "招商") for t in state.tables.values())


def test_sort_cycles_through_columns_reverses_and_clears() -> None:
    state = ConsoleState()
    keys = ["name", "tier", "score"]
    state.cycle_sort("zones", keys)
    assert state.tables["zones"] == TableState("", "name", False)
    state.cycle_sort("zones", keys)
    state.cycle_sort("zones", keys)
    assert state.tables["zones"].sort_key == "score"
    state.cycle_sort("zones", keys)  # after the last column: plan order, nothing remembered
    assert state.tables["zones"] == TableState() and state.tables["zones"].sort_argument == ""
    state.cycle_sort("zones", keys)  # and round again
    assert state.tables["zones"].sort_key == "name"
    state.reverse_sort("zones", keys)
    assert state.tables["zones"].descending and state.tables["zones"].sort_argument == "-name"
    state.clear_sort("zones")
    assert state.tables["zones"] == TableState() and state.tables["zones"].sort_argument == ""
    state.reverse_sort("clusters", keys)  # unsorted: reverse starts with the first column, ascending
    assert state.tables["clusters"] == TableState("", "name", False)


def test_a_header_click_sorts_then_reverses() -> None:
    state = ConsoleState()
    state.sort_by_column("zones", "tier")
    assert state.tables["zones"].sort_argument == "tier"
    state.sort_by_column("zones", "tier")
    assert state.tables["zones"].sort_argument == "-tier"
    state.sort_by_column("zones", "name")
    assert state.tables["zones"].sort_argument == "name"


def test_round_trip_through_the_state_file(data_dir: Path) -> None:
    state = ConsoleState.from_settings(_settings(data_dir))
    state.tab, state.year, state.counties = "clusters", 2025, ("平舆县",)
    state.sort_by_column("clusters", "target")
    state.sort_by_column("clusters", "target")
    state.toggle_language()
    assert save_state(state.preferences(_settings(data_dir))) == []
    again = ConsoleState.from_settings(_settings(data_dir))
    assert (again.tab, again.year, again.counties, again.lang) == ("clusters", 2025, ("平舆县",), "en")
    assert again.tables["clusters"] == TableState("", "target", True)
    assert again.tables["zones"] == TableState()


def test_back_to_the_configured_language_forgets_the_choice(data_dir: Path) -> None:
    state = ConsoleState.from_settings(_settings(data_dir))
    assert state.preferences(_settings(data_dir))["lang"] is None
    state.toggle_language()
    assert state.preferences(_settings(data_dir))["lang"] == "en"


def test_invalid_saved_values_are_ignored(data_dir: Path) -> None:
    Path(os.environ["DEVZONES_STATE"]).parent.mkdir(parents=True, exist_ok=True)
    Path(os.environ["DEVZONES_STATE"]).write_text(
        '[state]\ntab = "nowhere"\nyear = -3\ncounties = "平舆县"\nlang = "fr"\n'
        '[state.sort]\nzones = "-"\nclusters = 5\nnosuch = "name"\ntasks = "-task"\n',
        encoding="utf-8",
    )
    settings = _settings(data_dir)
    state = ConsoleState.from_settings(settings)
    assert (state.tab, state.year, state.counties, state.lang) == ("overview", None, (), "zh")
    assert state.tables["zones"] == TableState() and state.tables["clusters"] == TableState()
    assert "nosuch" not in state.tables
    assert state.tables["tasks"] == TableState("", "task", True)


def test_changes_mode_cycles_marks_then_changed_rows_then_off() -> None:
    """``d`` turns the changes mode on against the previous quarter, then keeps only changed rows,
    then turns it off; a quarter chosen with ``D`` is used again the next time ``d`` turns it on."""
    state = ConsoleState()
    periods = ["2026Q2", "2026Q1", "2025Q4"]
    assert state.cycle_changes(periods) == "2026Q2" and not state.changed_only
    assert state.cycle_changes(periods) == "2026Q2" and state.changed_only
    assert state.cycle_changes(periods) is None and not state.changed_only
    state.compare_with("2025Q4")
    assert state.since == "2025Q4" and not state.changed_only
    state.cycle_changes(periods)
    state.cycle_changes(periods)  # off
    assert state.cycle_changes(periods) == "2025Q4"  # the chosen quarter, not the previous one
    state.since, state.reference = None, "2023Q1"  # a quarter this data does not have
    assert state.cycle_changes(periods) == "2026Q2"


def test_changes_mode_stays_off_without_an_earlier_quarter() -> None:
    state = ConsoleState()
    assert state.cycle_changes([]) is None and state.since is None
