"""The one catalogue of keys: bindings, key bar, help and palette all come from it and agree.

Plain tests, no Pilot: the catalogue against the Textual bindings it generates, and the key bar's
layout at 60, 80 and 200 columns in both languages, with widths counted independently of Rich.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input

from console.core.config import TABS
from console.present.keys import (
    CATALOGUE,
    entries,
    help_groups,
    key_bar,
    line_width,
    not_here,
    palette_commands,
)
from console.tui.app import DevZonesApp
from widgets.drilldown_screen import DetailScreen
from widgets.overview import OverviewPanel
from widgets.view_table import ViewTable

LANGS = ("zh", "en")
WIDTHS = (60, 80, 200)
# Where the user can be (a tab, the search box, a drill-down) and who binds a key, as
# console/present/keys.py's docstring names them.
CONTEXTS = (*TABS, "search", "drilldown")
OWNERS = ("app", "table", "overview", "drilldown", "input", "textual")


def cells(text: str) -> int:
    """Terminal cells of ``text`` from unicodedata alone: wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pairs(bindings: list) -> set[tuple[str, str]]:
    """(key, action) for every key of every Binding (a Binding may list several keys)."""
    out = set()
    for b in bindings:
        assert isinstance(b, Binding)
        out.update((key.strip(), b.action) for key in b.key.split(","))
    return out


def catalogued(owner: str) -> set[tuple[str, str]]:
    return {(key, b.action) for e in entries(owner) for b in e.binds for key in b.key.split(",")}


@pytest.mark.parametrize(
    ("owner", "bound"),
    [
        ("app", DevZonesApp.BINDINGS),
        ("table", ViewTable.BINDINGS),
        ("overview", OverviewPanel.BINDINGS),
        ("drilldown", DetailScreen.BINDINGS),
    ],
)
def test_every_binding_has_a_catalogue_entry_and_every_entry_is_bound(owner: str, bound: list) -> None:
    from console.present.keys import fallback_binds

    # The app also binds a widget's character keys, to say where they work (keys.fallback_binds).
    fallback = (
        {(key, f"elsewhere({action!r})") for key, action in fallback_binds()} if owner == "app" else set()
    )
    assert pairs(bound) == catalogued(owner) | fallback


def test_keys_textual_binds_are_still_where_the_catalogue_says() -> None:
    """Tab/Shift+Tab (the screen), Ctrl+P (the app) and Enter in the search box (the input)."""
    assert catalogued("textual") <= pairs(Screen.BINDINGS) | {
        (App.COMMAND_PALETTE_BINDING, "command_palette")
    }
    assert catalogued("input") <= pairs(Input.BINDINGS)
    assert {e.owner for e in CATALOGUE} <= set(OWNERS)


def test_every_catalogued_app_action_exists() -> None:
    for e in entries("app"):
        for b in e.binds:
            assert hasattr(DevZonesApp, "action_" + b.action.split("(")[0]), b.action
    for _, _, action in palette_commands("zh"):
        assert hasattr(DevZonesApp, "action_" + action.split("(")[0]), action


def test_number_keys_switch_to_every_tab() -> None:
    tabs = {a for k, a in catalogued("app") if k.isdigit()}
    assert tabs == {f"show_tab('{t}')" for t in TABS}


@pytest.mark.parametrize("lang", LANGS)
def test_help_lists_every_key_once_grouped(lang: str) -> None:
    groups = help_groups(lang)
    listed = [key for _, keys in groups for key, _ in keys]
    assert sorted(listed) == sorted(e.label for e in CATALOGUE)
    for must in ("Tab / Shift+Tab", "Ctrl+P", f"1-{len(TABS)}", "g / G", "u", "b", "Esc / q"):
        assert must in listed
    assert all(title and keys for title, keys in groups)


@pytest.mark.parametrize("lang", LANGS)
def test_palette_offers_every_tab_and_the_main_actions(lang: str) -> None:
    actions = [a for _, _, a in palette_commands(lang)]
    assert len(actions) == len(set(actions))
    for t in TABS:
        assert f"show_tab('{t}')" in actions
    for action in (
        "search",
        "sort",
        "counties",
        "units",
        "next_year",
        "toggle_lang",
        "export",
        "bulletin",
        "help",
    ):
        assert action in actions
    shown, other, _ = palette_commands(lang)[0]  # shown in the console's language, found by either
    assert (shown, other) == (("概览", "Overview") if lang == "zh" else ("Overview", "概览"))


def _rank(context: str, key: str) -> int:
    return next(e.bar for e in CATALOGUE if e.bar_label == key and e.on_bar(context))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("context", CONTEXTS)
def test_key_bar_fits_and_keeps_the_most_important(context: str, width: int, lang: str) -> None:
    line = key_bar(context, lang, width)
    drawn = "".join(f" {k} {w} " for k, w in line.items)
    assert cells(drawn) == line.width <= width
    here = [e for e in CATALOGUE if e.on_bar(context)]
    assert {k for k, _ in line.items} | set(line.dropped) == {e.bar_label for e in here}
    if line.dropped:  # nothing kept is less important than anything dropped
        assert max(_rank(context, k) for k, _ in line.items) <= min(_rank(context, k) for k in line.dropped)
    if context in TABS:  # ? and q are always there, at the right end
        assert [k for k, _ in line.items][-2:] == ["?", "q"]
    if width == 200:
        assert not line.dropped


@pytest.mark.parametrize("lang", LANGS)
def test_key_bar_shows_only_what_works_here(lang: str) -> None:
    overview = {k for k, _ in key_bar("overview", lang, 200).items}
    assert not overview & {"/", "s", "u"}  # no table on the overview to search or sort
    assert {"Enter", "1-5", "Ctrl+P", "c", "e", "b", "y", "l", "?", "q"} <= overview  # Enter: attention list
    tasks = {k for k, _ in key_bar("tasks", lang, 200).items}
    assert {"u", "Tab", "Enter", "/", "s"} <= tasks
    assert "u" not in {k for k, _ in key_bar("zones", lang, 200).items}
    search = [k for k, _ in key_bar("search", lang, 200).items]
    assert search == ["Enter", "Esc", "Ctrl+Q"]
    drill = [k for k, _ in key_bar("drilldown", lang, 200).items]
    assert drill[-1] == "Esc / q" and "/" not in drill


def test_the_filter_note_gives_way_before_help_and_quit() -> None:
    line = key_bar("zones", "zh", 30, "/" + "很长的搜索词" * 5)
    assert [k for k, _ in line.items] == ["?", "q"] and line.note == ""
    kept = key_bar("zones", "zh", 80, "/上蔡")
    assert kept.note == "/上蔡" and kept.width <= 80


@settings(max_examples=300, deadline=None, database=None)
@given(
    context=st.sampled_from(CONTEXTS),
    lang=st.sampled_from(LANGS),
    width=st.integers(min_value=1, max_value=260),
    note=st.text(alphabet="/上蔡平舆abc 1", max_size=20),
)
def test_key_bar_property(context: str, lang: str, width: int, note: str) -> None:
    """Any width: the line fits unless only the keys that never go are left; widths are CJK-aware."""
    line = key_bar(context, lang, width, note)
    assert line.width == cells("".join(f" {k} {w} " for k, w in line.items)) + (
        cells(line.note) + 1 if line.note else 0
    )
    assert line.width == line_width(line.items, line.note)
    forced = all(_rank(context, k) <= 2 for k, _ in line.items) and not line.note
    assert line.width <= width or forced
    assert len(line.items) + len(line.dropped) == len([e for e in CATALOGUE if e.on_bar(context)])


@pytest.mark.parametrize("lang", LANGS)
def test_units_elsewhere_says_where_they_work(lang: str) -> None:
    message = not_here("units", lang)
    assert ("重点任务" if lang == "zh" else "Tasks") in message and "4" in message
    if lang == "en":
        assert all(ord(ch) < 128 for ch in message)


def _where(contexts: frozenset[str]) -> str:
    from console.present.keys import ALL_TABS, TABLE_TABS
    from console.present.viewmodel import TAB_TITLES

    tabs = contexts & ALL_TABS
    parts = (
        ["every tab"]
        if tabs == ALL_TABS
        else ["tables"]
        if tabs == TABLE_TABS
        else [TAB_TITLES[t][1] for t in TABS if t in tabs]
    )
    parts += [
        name
        for context, name in (("search", "search box"), ("drilldown", "drill-down"))
        if context in contexts
    ]
    return ", ".join(parts)


def readme_keys() -> str:
    """The README's key table, as the catalogue says it (English)."""
    lines = ["| key | what it does | where |", "|---|---|---|"]
    for title, keys in help_groups("en"):
        lines.append(f"| **{title}** | | |")
        group = [e for e in CATALOGUE if e.label in {k for k, _ in keys} and (e.label, e.help("en")) in keys]
        for e in group:
            lines.append(f"| {e.label} | {e.help('en')} | {_where(e.contexts)} |")
    return "\n".join(lines)


def test_readme_lists_the_keys_of_the_catalogue() -> None:
    from pathlib import Path

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Keys") : readme.index("Options: `devzones --lang en`")]
    assert readme_keys() in section, "README ## Keys should hold:\n" + readme_keys()


# How a text names a tab: 「X」 in Chinese; "the X tab", "X (press n)", "X:" at the start of a
# one-tab key's help in English.
_ZH_TAB = re.compile(r"「([^」]+)」")
_EN_TAB = re.compile(r"(?:the |on |\()([A-Z][a-z]+) tab")


def _names_used(text: str, lang: str) -> set[str]:
    if lang == "zh":
        return set(_ZH_TAB.findall(text))
    return set(_EN_TAB.findall(text))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_tab_is_named_by_its_title_in_help_palette_and_messages(lang: str) -> None:
    """One tab, one name: the help (the overview's Enter said 总览 where the tab says 概览), the palette
    and the "works on … only" messages name a tab only by its title (TAB_TITLES)."""
    from console.present.keys import not_here, palette_commands, tab_names

    titles = set(tab_names(lang).values())
    texts = [e.help(lang) for e in CATALOGUE] + [not_here(b.action, lang) for e in CATALOGUE for b in e.binds]
    for line in texts:
        assert _names_used(line, lang) <= titles | {"Tab"}, line
    # The overview's Enter says where it works at its start, with the tab's title.
    enter = next(e for e in CATALOGUE if e.contexts == {"overview"} and e.binds[0].action == "attention")
    assert re.split(r"[：:]", enter.help(lang), maxsplit=1)[0] == tab_names(lang)["overview"]
    palette = {name for name, _, action in palette_commands(lang) if action.startswith("show_tab(")}
    assert palette == titles


def test_tab_names_in_help_follow_the_one_definition(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rename the tabs: every help line that names a tab names the new title (none keeps its own copy)."""
    from console.present.viewmodel import TAB_TITLES

    for (tab, _), zh, en in zip(
        list(TAB_TITLES.items()), "甲乙丙丁戊", ("Qa", "Qb", "Qc", "Qd", "Qe"), strict=True
    ):
        monkeypatch.setitem(TAB_TITLES, tab, (zh, en))
    for lang in ("zh", "en"):
        new = {t[0 if lang == "zh" else 1] for t in TAB_TITLES.values()}
        named = [e.help(lang) for e in CATALOGUE if _names_used(e.help(lang), lang)]
        assert len(named) >= 2  # the Tab key's and the unit filter's lines name the tasks tab
        for line in named:
            assert _names_used(line, lang) <= new | {"Tab"}, line
        enter = next(e for e in CATALOGUE if e.contexts == {"overview"} and e.binds[0].action == "attention")
        assert enter.help(lang).startswith(TAB_TITLES["overview"][0 if lang == "zh" else 1]), enter.help(lang)


def test_the_readme_shows_the_tab_strip_with_the_titles() -> None:
    from pathlib import Path

    from console.present.keys import tab_names

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert "  ".join(tab_names("zh").values()) in readme
    assert "总览" not in readme
