"""Pilot tests of the dialogs as a user drives them: the county filter and the export dialog.

Each state a user must tell apart (checked or not, the chosen format) is shown by a mark in the text,
so it reads the same under NO_COLOR and --ascii; the screen's text is read back from the compositor.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.widgets import Input, Static
from textual.widgets._toast import Toast

from tests.support.app import make_app, ready
from widgets.dialogs import CountyDialog, ExportDialog


def screen_lines(app) -> list[str]:
    """The characters on screen, one string per line (the open dialog over what is behind it)."""
    return ["".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips()]


def county_lines(app) -> list[str]:
    """The dialog's county lines, each from its mark to the end of the name ('[x] 遂平县')."""
    return [m.group(0) for line in screen_lines(app) if (m := re.search(r"\[[ x]\] [^ |│]+", line))]


@pytest.mark.parametrize("no_color", [False, True])
async def test_county_dialog_marks_checked_and_unchecked_counties_apart(
    data_dir: Path, monkeypatch, no_color: bool
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("c", "down", "space")
        await pilot.pause()
        lines = county_lines(app)
        assert len(lines) == 11
        assert [line for line in lines if line.startswith("[x]")] == ["[x] 驿城区"]
        assert all(line.startswith("[ ]") for line in lines if "驿城区" not in line)


async def test_county_dialog_toggle_all_stays_open_and_enter_applies(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("c", "ctrl+a")
        await pilot.pause()
        assert isinstance(app.screen, CountyDialog)
        assert all(line.startswith("[x]") for line in county_lines(app))
        await pilot.press("ctrl+a")  # again: none
        await pilot.pause()
        assert isinstance(app.screen, CountyDialog)
        assert all(line.startswith("[ ]") for line in county_lines(app))
        await pilot.press("down", "down", "space", "down", "space", "enter")
        await ready(pilot)
        assert app.counties == ("遂平县", "西平县")
        await pilot.press("c", "escape")  # Esc cancels: nothing changes
        await ready(pilot)
        assert app.counties == ("遂平县", "西平县")


async def test_county_dialog_all_key_works_after_typing_and_a_is_text(data_dir: Path) -> None:
    """The walk: type, tick, empty the filter again, then the all/none key: it still checks every
    county (Ctrl+A, as the hint says), and the letter a is typed into the filter like any other."""
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("c", "z", "space", "backspace")
        await pilot.pause()
        field = app.screen.query_one("#county-filter", Input)
        assert field.value == "" and app.screen.focused is field
        hint = str(app.screen.query_one("#county-hint", Static).render())
        assert "Ctrl+A 全选/全不选" in hint
        await pilot.press("ctrl+a")
        await pilot.pause()
        assert field.value == ""
        assert all(line.startswith("[x]") for line in county_lines(app)) and len(county_lines(app)) == 11
        await pilot.press("ctrl+a")  # in the filter field too: none
        await pilot.pause()
        assert all(line.startswith("[ ]") for line in county_lines(app))
        await pilot.press(*"shang")  # shangcai: the a is part of the filter
        await pilot.pause()
        assert field.value == "shang" and county_lines(app) == ["[ ] 上蔡县"]
        await pilot.press("ctrl+a")  # checks every county shown
        await pilot.pause()
        assert county_lines(app) == ["[x] 上蔡县"]


@pytest.mark.parametrize(
    ("lang", "typed", "shown"),
    [
        ("zh", "遂", ["遂平县"]),
        ("zh", "sp", ["遂平县"]),  # pinyin initials
        ("zh", "pingyu", ["平舆县"]),  # pinyin
        ("en", "shang", ["Shangcai"]),
    ],
)
async def test_county_dialog_filters_as_you_type(
    data_dir: Path, lang: str, typed: str, shown: list[str]
) -> None:
    app = make_app(data_dir, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("c", *typed)
        await pilot.pause()
        lines = county_lines(app)
        assert len(lines) == len(shown) and all(name in line for name, line in zip(shown, lines, strict=True))
        await pilot.press("down", "space", "enter")
        await ready(pilot)
        assert len(app.counties) == 1 and isinstance(app.screen, type(app.screen))
        assert not isinstance(app.screen, CountyDialog)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_county_dialog_hint_lines_fit_at_80_columns(data_dir: Path, lang: str) -> None:
    app = make_app(data_dir, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("c")
        await pilot.pause()
        for static in app.screen.query(Static):
            text = str(static.render())
            if text.strip():  # every line of text stays one line on screen: no phrase cut by a wrap
                assert static.size.height == text.count("\n") + 1, text


def export_text(app) -> str:
    return "\n".join(screen_lines(app))


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_export_dialog_shows_the_chosen_format_by_a_mark_and_in_full(data_dir: Path, lang: str) -> None:
    app = make_app(data_dir, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        text = export_text(app)
        for label in ("CSV", "Parquet", "JSON", "Markdown", "SVG"):
            assert f"( ) {label}" in text
        assert "(*) XLSX" in text
        await pilot.press("enter")  # Enter on the format confirms the one chosen, not the first
        await pilot.pause()
        assert "(*) XLSX" in export_text(app) and isinstance(app.screen, ExportDialog)
        await pilot.press("right", "right", "right", "enter")  # Markdown: Enter confirms it
        await pilot.pause()
        text = export_text(app)
        assert isinstance(app.screen, ExportDialog)
        assert "(*) Markdown" in text and "( ) XLSX" in text
        assert app.screen.query_one("#name", Input).value.endswith(".md")


async def test_enter_never_exports_only_the_export_button_does(data_dir: Path, tmp_path: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#folder", Input).value = str(tmp_path)
        app.screen.query_one("#folder", Input).focus()
        for _ in range(2):  # folder -> name -> the Export button
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ExportDialog) and not list(tmp_path.iterdir())
        assert app.screen.focused is not None and app.screen.focused.id == "export"
        await pilot.press("enter")  # on the Export button
        await ready(pilot)
        assert not isinstance(app.screen, ExportDialog)
        assert [p.suffix for p in tmp_path.iterdir() if p.suffix != ".toml"] == [".xlsx"]  # and its manifest


async def test_a_failed_export_keeps_the_dialog_its_choices_and_the_last_folder(
    data_dir: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    good = tmp_path / "out"
    good.mkdir()
    app = make_app(data_dir, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        before = app.settings.export_folder
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("left", "enter")  # CSV, the format before XLSX
        app.screen.query_one("#folder", Input).value = str(blocker / "sub")
        app.screen.query_one("#name", Input).value = "mine.csv"
        await pilot.press("ctrl+s")
        await ready(pilot)
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("#folder", Input).value == str(blocker / "sub")
        assert dialog.query_one("#name", Input).value == "mine.csv"
        assert "(*) CSV" in export_text(app)
        error = str(dialog.query_one("#export-error", Static).render())
        assert "Export failed" in error and "a-file" in error
        assert app.settings.export_folder == before  # a folder that failed is not the last folder
        dialog.query_one("#folder", Input).value = str(good)
        await pilot.press("ctrl+s")
        await ready(pilot)
        assert not isinstance(app.screen, ExportDialog)
        assert (good / "mine.csv").is_file()
        assert app.settings.export_folder == str(good)


async def test_a_toast_does_not_cover_the_export_dialogs_file_name(data_dir: Path) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        # As after an export that could not be written, when the user opens the dialog again to retry.
        app.notify(
            "导出失败：could not write /home/user/exports/devzones-zones-2026-20261126-120000.xlsx: "
            "Permission denied",
            severity="error",
            timeout=10,
        )
        await pilot.pause()
        name = app.screen.query_one("#name", Input).region
        toasts = list(app.screen.query(Toast))
        assert toasts
        for toast in toasts:
            assert not toast.region.overlaps(name), (toast.region, name)


@given(
    name=st.text(min_size=1, max_size=12),
    start=st.integers(min_value=0, max_value=11),
    length=st.integers(min_value=1, max_value=12),
)
def test_any_part_of_a_county_name_finds_it_and_its_line_is_literal(
    name: str, start: int, length: int
) -> None:
    """County names come from data: whatever they hold, typing a part of one finds it, and its line in
    the dialog is the mark and the cleaned name, never markup or a control character."""
    from console.core.text import clean
    from widgets.dialogs import county_matches

    part = name[start : start + length]
    if "".join(part.split()):
        assert county_matches(part, name, None)
    assert county_matches("", name, None)
    line = CountyDialog([(name, name)], (name,), "zh")._prompt((name, name))
    assert line.plain == f"[x] {clean(name)}" and not line.spans
    assert not any(unicodedata.category(ch) == "Cc" for ch in line.plain)  # no ESC, no C0/C1


@pytest.mark.parametrize("keys", [("s", "u", "i", "space", "enter"), ("s", "u", "i", "enter")])
async def test_county_dialog_typed_down_to_one_county_picks_it(data_dir: Path, keys: tuple[str, ...]) -> None:
    """The walk typed `sui` (only 遂平县 left) and pressed Space: the space went into the filter and
    nothing was ticked; Enter then applied the earlier choice. Now Space ticks the match from the
    filter, and Enter with one match left and nothing ticked picks it."""
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("c", "down", "space", "enter")  # an earlier choice: the first county
        await ready(pilot)
        first = app.counties
        assert len(first) == 1 and first != ("遂平县",)
        await pilot.press("c", *keys)
        await ready(pilot)
        expected = ("遂平县",) if "space" not in keys else tuple(sorted((*first, "遂平县")))
        assert not isinstance(app.screen, CountyDialog)
        assert tuple(sorted(app.counties)) == expected


async def test_the_unit_dialog_opens_on_the_unit_chosen_and_moves_with_j_and_k(data_dir: Path) -> None:
    """The walk pressed `u j j Enter` and nothing was filtered (j/k did not move), and the dialog
    always opened on 全部单位 rather than on the unit applied."""
    from textual.widgets import OptionList

    from widgets.dialogs import UnitDialog

    app = make_app(data_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("4", "u", "j", "j", "enter")
        await ready(pilot)
        chosen = app.state.unit
        assert chosen  # the second unit of the list
        await pilot.press("u")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, UnitDialog)
        assert dialog.query_one(OptionList).highlighted == dialog.units.index(chosen) + 1
        await pilot.press("k", "enter")
        await ready(pilot)
        assert app.state.unit != chosen


@pytest.mark.parametrize(("ascii_only", "mark"), [(False, "✗"), (True, "x")])
async def test_export_and_bulletin_failures_use_the_displays_mark(
    data_dir: Path, ascii_only: bool, mark: str
) -> None:
    """A failed export or bulletin is marked ✗ as failures are everywhere else (x only under --ascii)."""
    from widgets.dialogs import BulletinChoice, ExportChoice

    app = make_app(data_dir, ascii=ascii_only)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.flows.export(ExportChoice("csv", "tab", "/nowhere", "zones.csv"), "disk full")
        await pilot.pause()
        error = str(app.screen.query_one("#export-error", Static).render())
        assert error.startswith(f"{mark} 导出失败：") and "disk full" in error
        await pilot.press("escape")
        app.flows.bulletin(BulletinChoice("2026-10", "md", "/nowhere"), "disk full")
        await pilot.pause()
        error = str(app.screen.query_one("#bulletin-error", Static).render())
        assert error.startswith(f"{mark} 通报未生成：") and "disk full" in error


async def test_served_the_export_and_bulletin_dialogs_offer_no_server_folder(data_dir: Path) -> None:
    """In a browser the file is a download: a folder field (a path on the server) and "numbered if the
    file exists" would both be false; the dialog says where the file goes instead."""
    from dataclasses import replace

    from console.core.config import load_settings
    from console.tui.app import DevZonesApp
    from console.words.serve import SERVE

    settings = load_settings(data_dir=data_dir)
    app = DevZonesApp(replace(settings, export_folder=SERVE("to_browser", "zh")), served=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert [i.id for i in dialog.query(Input)] == ["name"]
        text = "\n".join(screen_lines(app))
        assert "（下载到浏览器）" in text and "自动编号" not in text
        await pilot.press("escape", "b")
        await pilot.pause()
        assert [i.id for i in app.screen.query(Input)] == ["period", "bulletin-number"]
        assert "（下载到浏览器）" in "\n".join(screen_lines(app))
    plain = make_app(data_dir)
    async with plain.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert [i.id for i in plain.screen.query(Input)] == ["folder", "name"]
        assert "自动编号" in "\n".join(screen_lines(plain))
