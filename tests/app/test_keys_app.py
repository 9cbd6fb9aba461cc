"""Pilot tests for the keys as a user presses them: the contextual key bar, help, g/G, s back to
plan order (and not remembered after a restart), and u outside the Tasks tab."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from textual import events
from textual.widgets import Input, Static

from console.core.config import load_settings, save_state
from console.present.keys import CATALOGUE
from console.present.labels import text
from console.tui.app import DevZonesApp
from tests.support.app import column_labels
from tests.support.screen import bar
from tests.support.waiting import until
from widgets.dialogs import HelpScreen, UnitDialog
from widgets.keybar import KeyBar
from widgets.view_table import ViewTable


def make_app(data_dir: Path, lang: str | None = None) -> DevZonesApp:
    return DevZonesApp(load_settings(data_dir=data_dir, lang=lang), use_cache=False)


async def ready(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_key_bar_keeps_help_and_quit_at_60_columns(data_dir: Path, lang: str) -> None:
    app = make_app(data_dir, lang)
    async with app.run_test(size=(60, 20)) as pilot:
        await ready(pilot)
        for tab in "12345":
            await pilot.press(tab)
            await pilot.pause()
            line = bar(app)
            assert ("? 帮助" if lang == "zh" else "? help") in line, (tab, line)
            assert ("q 退出" if lang == "zh" else "q quit") in line, (tab, line)
            assert "…" not in line


async def test_key_bar_follows_the_tab_and_the_search_box(data_dir: Path) -> None:
    app = make_app(data_dir, "zh")
    async with app.run_test(size=(200, 50)) as pilot:
        await ready(pilot)
        await pilot.press("1")
        await pilot.pause()
        overview = bar(app)
        assert (
            "Enter 关注名单" in overview and "/ 搜索" not in overview
        )  # Enter: the attention list; no search
        assert all(k in overview for k in ("1-5 标签", "Ctrl+P 命令", "b 通报", "c 县区"))
        await pilot.press("4")
        await pilot.pause()
        tasks = bar(app)
        assert all(k in tasks for k in ("u 单位", "Tab 下一表", "Enter 详情", "/ 搜索", "s 排序"))
        await pilot.press("2")
        await pilot.pause()
        assert "u 单位" not in bar(app)
        await pilot.press("slash")
        await pilot.pause()
        assert "Esc 清除" in bar(app) and "q 退出" not in bar(app)  # q types into the box
        await pilot.press("enter")
        await pilot.pause()
        assert "Esc 清除" not in bar(app) and "q 退出" in bar(app)


async def test_drill_down_bar_says_how_to_go_back(data_dir: Path) -> None:
    app = make_app(data_dir, "en")
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("2", "enter")
        await ready(pilot)  # the drill-down is built in a worker
        assert "Esc / q back" in app.screen.query_one(KeyBar).render_line(0).text


def _help_text(app: DevZonesApp) -> str:
    console = Console(width=160, file=io.StringIO(), record=True)
    for static in app.screen.query(Static):
        console.print(static.content)
    return console.export_text()


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_help_lists_every_key(data_dir: Path, lang: str) -> None:
    app = make_app(data_dir, lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = _help_text(app)
        for entry in CATALOGUE:
            assert entry.label in shown and entry.help(lang) in shown, entry.label
        assert "Tab / Shift+Tab" in shown and "Ctrl+P" in shown and "1-5" in shown


async def test_g_and_shift_g_go_to_the_first_and_last_row(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        table = app.query_one("#zones-table", ViewTable)
        await pilot.press("G")
        assert table.cursor_row == table.row_count - 1 > 0
        assert table.current_row_key == table.view.rows[-1].key
        await pilot.press("g")
        assert table.cursor_row == 0


async def _sort_until_plan_order(pilot, table: ViewTable) -> list[str | None]:
    """Press s until the table is back in plan order; the sort keys seen on the way."""
    seen: list[str | None] = []
    for _ in range(len(table.view.columns) + 1):
        await pilot.press("s")
        await pilot.pause()
        seen.append(table.view.sort_key)
        if table.view.sort_key is None:
            break
    return seen


async def test_s_cycles_the_columns_then_returns_to_plan_order(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(160, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        table = app.query_one("#zones-table", ViewTable)
        plan = [r.key for r in table.view.rows]
        sortable = [c.key for c in table.visible_columns() if c.key != "mark"]
        seen = await _sort_until_plan_order(pilot, table)
        assert seen == [*sortable, None]
        assert [r.key for r in table.view.rows] == plan
        assert not any(label.endswith(("▲", "▼")) for label in column_labels(table))


async def test_a_sort_cleared_with_s_is_not_restored_after_a_restart(data_dir: Path) -> None:
    first = make_app(data_dir)
    async with first.run_test(size=(160, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2", "s", "s")  # sort by the second column, as a user might
        await pilot.pause()
        save_state(first.preferences())
    remembered = make_app(data_dir)
    assert remembered.state.tables["zones"].sort_key is not None  # the sort was remembered
    async with remembered.run_test(size=(160, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        table = remembered.query_one("#zones-table", ViewTable)
        assert table.view.sort_key is not None
        seen = await _sort_until_plan_order(pilot, table)
        assert seen[-1] is None
        save_state(remembered.preferences())
    again = make_app(data_dir)
    async with again.run_test(size=(160, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        table = again.query_one("#zones-table", ViewTable)
        plan = [r.key for r in again.views.tables["zones"].rows]
        assert table.view.sort_key is None
        assert [r.key for r in table.view.rows] == plan


@pytest.mark.parametrize(("lang", "words"), [("zh", "重点任务"), ("en", "Tasks")])
async def test_u_outside_tasks_says_where_it_works(data_dir: Path, lang: str, words: str) -> None:
    app = make_app(data_dir, lang)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("2", "u")
        await pilot.pause()
        assert not isinstance(app.screen, UnitDialog)
        said = [n.message for n in app._notifications]
        assert any(words in m and "4" in m for m in said), said
        await pilot.press("4", "u")
        await pilot.pause()
        assert isinstance(app.screen, UnitDialog)  # on Tasks it opens the unit filter as before


async def test_a_key_typed_right_after_q_opens_no_dialog_while_the_console_closes(data_dir: Path) -> None:
    """On a terminal, `q u` typed quickly on Tasks ended in a traceback: the unit dialog was pushed while
    the console closed, Textual no longer composed it, and its on_mount found no list."""
    app = make_app(data_dir, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("4")
        await pilot.pause()
        await app.action_quit()
        app.action_units()  # 'u', handled before the console has closed
        await pilot.pause()
        assert not any(isinstance(s, UnitDialog) for s in app.screen_stack)


@pytest.mark.parametrize("key", ["c", "e", "b", "question_mark"])
async def test_key_bar_is_blank_under_a_dialog_and_back_after(data_dir: Path, key: str) -> None:
    """The table's keys do not reach the screen behind a dialog: the bar behind it offers none."""
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        await pilot.pause()
        main_bar = app.main.query_one("#keybar", KeyBar)
        assert "详情" in main_bar.render_line(0).text
        await pilot.press(key)
        await pilot.pause()
        assert app.screen is not app.main
        drawn = ["".join(s.text for s in strip) for strip in app.screen._compositor.render_strips()]
        assert "详情" not in drawn[-1] and "搜索" not in drawn[-1]
        assert main_bar.render_line(0).text.strip() == ""
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.main and "详情" in main_bar.render_line(0).text


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_copy_row_says_the_row_was_sent_not_that_the_clipboard_holds_it(
    data_dir: Path, lang: str
) -> None:
    """``C`` writes OSC 52, which no terminal acknowledges and tmux or a browser may drop: the note says
    the row was sent to the terminal's clipboard, in the console's language, and how to get it otherwise."""
    app = make_app(data_dir, lang)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("2", "C")
        await ready(pilot)
        said = [n.message for n in app._notifications]
        assert app.clipboard  # the row was sent
        assert said and said[-1] == text("row_sent_to_clipboard", lang)
        for claim in ("已复制", "copied", "Copied"):
            assert claim not in said[-1]


def typed_in_one_burst(app: DevZonesApp, keys: str) -> None:
    """Keys as a terminal delivers fast typing: all read before the first is handled (Pilot's press
    waits for the app between keys, which hides what is lost when the focus moves mid-burst)."""
    names = {"/": "slash", "\r": "enter"}
    for char in keys:
        app.post_message(events.Key(names.get(char, char), char))


@pytest.mark.parametrize(
    ("start", "keys", "tab"),
    [
        ("1", "2/zzz", "zones"),
        ("1", "3/zzz", "clusters"),
        ("2", "/zzz", "zones"),
        ("3", "52/zzz", "zones"),
        ("2", "5213/zzz", "clusters"),
    ],
)
async def test_keys_typed_during_a_tab_switch_reach_the_new_tab(
    data_dir: Path, start: str, keys: str, tab: str
) -> None:
    """From the Overview, `2/zzz` typed quickly lost the `/` (the switch had not moved the focus when it
    came), then the letters: every key typed during a switch or while the search box opens reaches it."""
    app = make_app(data_dir, "zh")
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press(start)
        await ready(pilot)
        typed_in_one_burst(app, keys)
        search = app.screen.query_one("#search", Input)
        await until(pilot, lambda: search.value == "zzz")
        assert app.state.tab == tab
        assert search.display and app.focused is search
        assert search.value == "zzz"
        assert app.state.search_of_tab() == "zzz"


async def test_keys_typed_after_enter_in_the_search_box_reach_the_table(data_dir: Path) -> None:
    """``/区⏎j`` typed in one burst: Enter hands the focus back before ``j`` is read, so ``j`` moves the
    cursor in the searched table rather than joining the search."""
    app = make_app(data_dir, "zh")
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        await ready(pilot)
        typed_in_one_burst(app, "/区\rj")  # 区: every zone, so the cursor keeps its row
        table = app.screen.query_one("#zones-table", ViewTable)
        search = app.screen.query_one("#search", Input)
        await until(pilot, lambda: app.focused is table and table.cursor_row == 1)
        assert search.value == "区" and app.state.search_of_tab() == "区"
        assert app.focused is table and table.cursor_row == 1
