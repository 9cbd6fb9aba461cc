"""One catalogue of words, both languages clean (issue 11, item 3 words).

Chinese mode shows no English word and English mode no Chinese, apart from the allow-lists of
tests/support/language_walk.py (codes, file formats, key names, the language switch's own name). Walked on the
console (every tab, a drill-down of each table, help, the palette, each dialog, the Ctrl+C notice, a
broken-config toast and an export failure) and on `devzones status/rankings/check/changes`; plus the
plural, unit and number forms, and an English name for every unit the plan names.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.cli import main
from console.core.config import load_settings
from console.core.text import Said, in_lang
from console.present.labels import (
    COUNTED,
    SINGULAR,
    YI_EN,
    check_name,
    count,
    english_noun,
    plan_ref,
    quantity,
    split_units,
    unit_label,
    unit_name,
    units_text,
)
from console.tui.app import DevZonesApp
from console.words.views import UNITS
from tests.support.language_walk import chinese_runs, english_words
from widgets.dialogs import ExportChoice

# The plan's units that have an English name: unit -> English (the catalogue's UNITS).
UNITS_EN = {unit: english for unit, (_, english) in UNITS.items()}

# -- the walk's helpers ----------------------------------------------------------------------------------


def screen_text(app: DevZonesApp) -> str:
    """The text of every cell of the active screen as the terminal would show it (toasts included)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def wrong_words(text: str, lang: str) -> set[str]:
    """Words in the other language; a chart's plotted marks (a run of one letter, 'ooooo') are not words."""
    found = english_words(text) if lang == "zh" else chinese_runs(text)
    return {w for w in found if len(set(w)) > 1}


async def walk(app: DevZonesApp, size: tuple[int, int]) -> dict[str, set[str]]:
    """Visit every tab, a drill-down of each table, help, the palette and each dialog; the wrong-language
    words seen at each stop."""
    found: dict[str, set[str]] = {}
    lang = app.lang
    async with app.run_test(size=size) as pilot:

        async def look(where: str, typed: str = "") -> None:
            await app.workers.wait_for_complete()  # drill-downs are built in a worker
            await pilot.pause()
            await pilot.pause()
            words = wrong_words(screen_text(app).replace(typed, " ") if typed else screen_text(app), lang)
            if words:
                found[where] = words

        await app.workers.wait_for_complete()
        await look("start")
        for key, tab in zip("12345", ("overview", "zones", "clusters", "tasks", "rankings"), strict=True):
            await pilot.press(key)
            await look(tab)
            if tab != "overview":
                await pilot.press("enter")
                await look(f"{tab} drill-down")
                await pilot.press("escape")
        await pilot.press("4", "tab", "enter")  # the indicators table under the tasks
        await look("indicator drill-down")
        await pilot.press("escape")
        for key in ("question_mark", "c", "u", "e", "b"):
            await pilot.press("4", key)
            await look(f"dialog {key}")
            await pilot.press("escape")
        await pilot.press("ctrl+p")
        await look("palette")
        await pilot.press(*"export")  # found by its English name in Chinese mode too, shown in Chinese
        await look("palette search", typed="export")
        assert ("导出当前视图" if lang == "zh" else "Export this view") in screen_text(app)
        await pilot.press("escape")
        await pilot.press("ctrl+c")
        await look("ctrl+c")
        assert any(("退出" if lang == "zh" else "quit") in n.message for n in app._notifications)
        # An export that fails (the folder does not exist) says so in the console's language.
        app.flows.export_chosen(ExportChoice("csv", "tab", "/nonexistent/devzones", "x.csv"))
        await app.workers.wait_for_complete()
        await look("export failure")
        assert "/nonexistent/devzones" in screen_text(app)  # in the export dialog, opened again
    return found


@pytest.mark.slow
@pytest.mark.parametrize("size", [(130, 40), (80, 24)], ids=["130x40", "80x24"])
@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_console_speaks_one_language(data_dir: Path, lang: str, size: tuple[int, int]) -> None:
    """Every screen and dialog in Chinese mode has no English word (and the reverse), Textual's own quit
    notice, palette commands and search prompt included."""
    app = DevZonesApp(load_settings(data_dir=data_dir, lang=lang), use_cache=False)
    assert await walk(app, size) == {}


async def test_palette_commands_in_chinese(data_dir: Path) -> None:
    """Textual's built-in palette commands (Theme, Quit, Screenshot …) are given in Chinese; Keys (an
    English-only panel) is left to the console's own help."""
    app = DevZonesApp(load_settings(data_dir=data_dir, lang="zh"), use_cache=False)
    async with app.run_test(size=(100, 30)) as pilot:
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        assert "退出" in commands and "截图" in commands and "主题" in commands
        assert not any(english_words(c.title + c.help) for c in commands.values())
        commands["主题"].callback()  # the theme list: its prompt in Chinese, the themes by their names
        await pilot.pause()
        assert "搜索配色主题" in screen_text(app)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_broken_config_toast_in_the_console_language(data_dir: Path, lang: str) -> None:
    """A config file that cannot be read is reported in the language the console opens in."""
    Path(os.environ["DEVZONES_CONFIG"]).write_text("[display\nlang = 'zh'\n", encoding="utf-8")
    app = DevZonesApp(load_settings(data_dir=data_dir, lang=lang), use_cache=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = [n.message for n in app._notifications if "user.toml" in n.message]
        assert messages
        for message in messages:
            assert not wrong_words(re.sub(r"user\.toml\S*", " ", message), lang), message


# -- the CLI --------------------------------------------------------------------------------------------

COMMANDS = (
    ("status",),
    ("status", "--county", "遂平县"),
    ("status", "--year", "2024"),
    ("--ascii", "status"),
    ("rankings",),
    ("check",),
    ("changes", "--from", "2026Q1"),
)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_cli_speaks_one_language(
    capsys: pytest.CaptureFixture[str], lang: str, command: tuple[str, ...]
) -> None:
    """`devzones status/rankings/check/changes` print no word of the other language (the title, county
    names, audit findings and their zone names included)."""
    code = main(["--lang", lang, *command])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.strip()
    assert wrong_words(out + err, lang) == set()


def test_cli_warning_in_the_chosen_language(capsys: pytest.CaptureFixture[str]) -> None:
    """A bad config value is reported in the language of the command (it was English only)."""
    Path(os.environ["DEVZONES_CONFIG"]).write_text("[pacing]\nrule = 'weekly'\n", encoding="utf-8")
    main(["--lang", "zh", "rankings"])
    err = capsys.readouterr().err
    assert "pacing.rule" in err and "已忽略" in err and "ignored" not in err


# -- the catalogue's forms ------------------------------------------------------------------------------


def test_plurals_agree_with_the_count() -> None:
    assert count(1, "zone", "en") == "1 zone"
    assert count(2, "zone", "en") == "2 zones"
    assert count(0, "problem", "en") == "0 problems"
    assert count(1, "finding", "en") == "1 finding"
    assert count(3, "zone", "zh") == "3 个开发区"
    assert english_noun("projects", 1) == "project" and english_noun("projects", 2) == "projects"
    assert english_noun("factories", 1) == "factory"
    assert english_noun("firms", 1.5) == "firms"


def test_units_and_percent_as_each_language_writes_them() -> None:
    assert unit_label("亿元", "100 million yuan", "en") == YI_EN == "100M yuan"
    assert quantity("1,500", unit_label("亿元", "100M yuan", "en"), "en") == "1,500 (100M yuan)"
    assert quantity("91.4", "%", "en") == "91.4%" and quantity("91.4", "%", "zh") == "91.4%"
    assert quantity("1", unit_label("个", "projects", "en", 1), "en") == "1 project"
    assert quantity("2", unit_label("个", "projects", "en", 2), "en") == "2 projects"
    assert quantity("1,500", unit_label("亿元", "100M yuan", "zh"), "zh") == "1,500 亿元"


def test_indicator_targets_read_naturally_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    """The status table: '>=1 project', '>=100%', '1,500 (100M yuan)'; never '1 projects', '100 %' or the
    long '1,500 × 100 million yuan' (the walk found it too long for a cell)."""
    main(["--lang", "en", "status"])
    out = capsys.readouterr().out
    assert "1 projects" not in out and " %" not in out and "million" not in out and "×" not in out
    assert ">=1 project " in out and ">=100% (2026)" in out and ">=1,500 (100M yuan)" in out


def test_every_unit_of_the_plan_has_an_english_name(dataset) -> None:
    """Each unit annex 1 names (lead and participating, sections and tasks) has an English name."""
    units = {
        unit
        for table in ("sections", "tasks")
        for column in ("lead_units", "participating_units")
        for value in dataset[table].get_column(column).drop_nulls().to_list()
        for unit in split_units(value)
    }
    assert units
    assert sorted(u for u in units if u not in UNITS_EN) == []
    assert unit_name("市发改委", "en") == "Municipal Development and Reform Commission"
    assert unit_name("市发改委", "zh") == "市发改委"
    assert units_text("市商务局、工信局", "en") == (
        "Municipal Commerce Bureau; Municipal Industry and Information Technology Bureau"
    )


def test_an_indicators_source_is_numbered_in_english(dataset) -> None:
    """The indicator drill-down showed 'Source 二(一)' in English."""
    from console.engine.evaluation import evaluate
    from console.present.drilldown import indicator_detail
    from console.present.drilldown_views import indicator_facts_view

    ev = evaluate(dataset, load_settings(), 2026, None)
    for code in ev.indicators.get_column("indicator"):
        view = indicator_facts_view(indicator_detail(dataset, ev, code), "en", False)
        source = next(r for r in view.rows if r.key == "source").cells[1].text
        assert source and not chinese_runs(source), (code, source)


def test_plan_references_and_audit_checks_in_english() -> None:
    assert plan_ref("三(一)1", "en") == "3(1)1" and plan_ref("二", "en") == "2"
    assert plan_ref("三(一)1", "zh") == "三(一)1"
    assert check_name("star_count", "一星", "en") == "Zones per star level: 1-star"
    assert check_name("tier_count", "二档", "en") == "Zones per tier: tier 2"
    assert check_name("star_count", "一星", "zh") == "各星级开发区数 一星"


def test_every_section_and_zone_has_an_english_form(dataset) -> None:
    """Sections read as numbers in English, zones and counties by the English names the data holds."""
    for section in dataset["sections"].get_column("section").to_list():
        assert not chinese_runs(plan_ref(section, "en"))
    zones = dataset["zones"]
    for column in ("name_en", "short_name_en", "county_en"):
        assert zones.filter(pl.col(column).is_null() | (pl.col(column) == "")).height == 0


def test_said_carries_both_languages() -> None:
    said = Said("folder does not exist: /x", "文件夹不存在：/x")
    assert str(said) == "folder does not exist: /x"
    assert in_lang(said, "zh") == "文件夹不存在：/x" and in_lang(said, "en") == str(said)
    assert in_lang("plain", "zh") == "plain"
    import copy
    import pickle

    assert in_lang(pickle.loads(pickle.dumps(said)), "zh") == said.zh == in_lang(copy.deepcopy(said), "zh")


# -- properties: any count, any unit list ----------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(n=st.integers(min_value=0, max_value=10**9), noun=st.sampled_from(sorted(COUNTED)))
def test_plural_property(n: int, noun: str) -> None:
    """English takes the singular exactly for one; Chinese has no plural and keeps the measure word."""
    plural = COUNTED[noun][1]
    assert count(n, noun, "en") == f"{n} {SINGULAR[plural] if n == 1 else plural}"
    assert count(n, noun, "zh") == f"{n} {COUNTED[noun][0]}"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*UNITS_EN, "某某局", "工信局", "通管办"]), min_size=1, max_size=6))
def test_units_text_property(units: list[str]) -> None:
    """Any annex-1 list (known and unknown units, either separator) reads in English unit by unit: a known
    unit by its English name, an unknown one (a proper name with no English form) as written."""
    raw = "、".join(units[:3]) + ("，" + "、".join(units[3:]) if units[3:] else "")
    shown = units_text(raw, "en").split("; ")
    assert len(shown) == len(units)
    for unit, words in zip(split_units(raw), shown, strict=True):
        assert words == UNITS_EN.get(unit, unit)
        assert not chinese_runs(words) or unit not in UNITS_EN
