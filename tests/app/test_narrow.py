"""Narrow terminals (issue #11): nothing the user needs is cut, and Enter goes where it says.

Pilot tests read the screen's characters back from the compositor, at 60x20 and 80x24, in both
languages, and check that whole choices, whole words and whole brackets are on screen.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.support.app import make_app, ready
from tests.support.screen import dialog_lines, screen_lines, screen_text, set_cells_from
from widgets.dialogs import CountyDialog, ExportDialog, UnitDialog


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_export_dialog_shows_every_format_whole(data_dir: Path, lang: str, size) -> None:
    app = make_app(data_dir, lang=lang)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        text = screen_text(app)
        for label in ("CSV", "XLSX", "Parquet", "JSON", "Markdown", "SVG"):
            assert f"( ) {label}" in text or f"(*) {label}" in text, (label, text)
        buttons = ("[ 导出 ]", "[ 取消 ]") if lang == "zh" else ("[ Export ]", "[ Cancel ]")
        assert all(b in text for b in buttons), text


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(60, 20), (60, 16), (80, 24)])
async def test_county_dialog_keeps_its_summary_line(data_dir: Path, lang: str, size) -> None:
    app = make_app(data_dir, lang=lang)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CountyDialog)
        text = screen_text(app)
        summary = "全部 11 个县区" if lang == "zh" else "All 11 counties"
        assert summary in text, text
        await pilot.press("space")
        await pilot.pause()
        checked = "已选 1 / 11 个县区" if lang == "zh" else "1 of 11 counties checked"
        assert checked in screen_text(app)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_unit_dialog_keeps_its_hint_at_60x20(data_dir: Path, lang: str) -> None:
    app = make_app(data_dir, lang=lang)
    async with app.run_test(size=(60, 20)) as pilot:
        await ready(pilot)
        await pilot.press("4", "u")
        await pilot.pause()
        assert isinstance(app.screen, UnitDialog)
        hint = "Esc 取消" if lang == "zh" else "Esc cancels"
        assert hint in screen_text(app), screen_text(app)


def attention_by_county(dataset, data_dir: Path) -> dict[str, int]:
    """How many lines the overview's attention list has under each one-county filter (engine's answer)."""
    from console.core.config import load_settings
    from console.engine.evaluation import evaluate
    from console.present.views import overview

    settings = load_settings(data_dir=data_dir)
    counties = dataset["zones"].get_column("county").unique().to_list()
    return {
        c: len(
            overview(evaluate(dataset, settings, None, [c]), dataset["plan_figures"], "zh", False).attention
        )
        for c in sorted(counties)
    }


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_key_bar_offers_enter_only_when_the_attention_list_has_lines(
    data_dir: Path, dataset, lang: str
) -> None:
    from console.core.config import load_settings
    from console.tui.app import DevZonesApp
    from tests.support.screen import bar

    counts = attention_by_county(dataset, data_dir)
    quiet = next(c for c, n in counts.items() if n == 0)
    busy = next(c for c, n in counts.items() if n > 0)
    enter = "Enter 关注名单" if lang == "zh" else "Enter attention list"
    for county, offered in ((quiet, False), (busy, True)):
        app = DevZonesApp(load_settings(data_dir=data_dir, lang=lang, counties=[county]))
        async with app.run_test(size=(120, 30)) as pilot:
            await ready(pilot)
            assert (enter in bar(app)) is offered, (county, bar(app))
            await pilot.press("enter")  # where Enter is not offered it does nothing: still the overview
            await pilot.pause()
            assert app.screen is app.main and app.state.tab == "overview"


def late_zones(dataset, data_dir: Path, lang: str) -> dict[str, str]:
    """The engine's late or missing reports of the quarter judged: zone name -> status word."""
    from console.core.config import load_settings
    from console.engine.evaluation import evaluate
    from console.present.formatter import Formatter

    f = Formatter(lang)
    ev = evaluate(dataset, load_settings(data_dir=data_dir))
    late = ev.zones.filter(ev.zones["report_status"].is_in(["late", "missing"]))
    name = "short_name" if lang == "zh" else "short_name_en"
    return {r[name]: f.word(r["report_status"]) for r in late.iter_rows(named=True)}


async def enter_on_reports_note(pilot) -> None:
    """Move into the attention list and onto the reports note, then press Enter."""
    from console.present.viewmodel import REPORTS_NOTE
    from widgets.overview import AttentionList

    app = pilot.app
    await pilot.press("1", "enter")
    attention = app.query_one(AttentionList)
    assert REPORTS_NOTE in attention.keys
    while attention.keys[attention.highlighted] != REPORTS_NOTE:
        await pilot.press("j")
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_enter_on_the_reports_note_lists_late_zones_and_their_status(
    data_dir: Path, dataset, lang: str, size
) -> None:
    from widgets.drilldown_screen import DetailScreen

    expected = late_zones(dataset, data_dir, lang)
    assert expected  # the sample data has late and missing reports
    app = make_app(data_dir, lang=lang)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await enter_on_reports_note(pilot)
        assert isinstance(app.screen, DetailScreen)
        lines = screen_lines(app)
        for zone, word in expected.items():
            assert any(zone in line and word in line for line in lines), (zone, word, lines)


def national_overview(late: int, missing_targets: int):
    """An overview as at national scale: ``late`` late or missing reports, ``missing_targets`` zones
    in the attention list, then the note on the reports."""
    from console.present.viewmodel import REPORTS_NOTE, Overview

    zones = tuple((f"Z{i:04d}", "营收落后") for i in range(missing_targets))
    return Overview(
        goals=(),
        tiers=(),
        stars=(),
        attention=(*zones, ("季度报表", f"2026Q3 有 {late} 个开发区未报送")),
        result_year=2025,
        overdue=tuple((f"R{i:04d}", "未报送") for i in range(late)),
        report_period="2026Q3",
        attention_keys=(*(z for z, _ in zones), REPORTS_NOTE),
    )


@pytest.mark.parametrize("late", [1, 6, 7, 598])
def test_reports_line_names_the_first_few_and_the_count(late: int) -> None:
    from widgets.overview import REPORTS_FIRST, REPORTS_NAMED, render_reports

    line = render_reports(national_overview(late, 0), "zh").plain
    named = [f"R{i:04d}" for i in range(late) if f"R{i:04d}" in line]
    if late <= REPORTS_NAMED:
        assert len(named) == late and "等" not in line
    else:
        assert named == [f"R{i:04d}" for i in range(REPORTS_FIRST)]
        assert f"等{late}个" in line and "Enter" in line
    assert len(line) < 160  # two lines at 80 columns at most: the chart stays near


@pytest.mark.parametrize("missing_targets", [3, 30, 1900])
def test_the_reports_note_stays_in_the_attention_list_however_many_zones(missing_targets: int) -> None:
    from console.present.viewmodel import REPORTS_NOTE
    from widgets.overview import ATTENTION_SHOWN, attention_items

    items = attention_items(national_overview(598, missing_targets), "zh", False)
    keys = [key for _, key in items]
    assert REPORTS_NOTE in keys
    assert sum(1 for k in keys if k and k.startswith("Z")) == min(missing_targets, ATTENTION_SHOWN)


# -- the top line ---------------------------------------------------------------------------------


def balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += (ch in "（(") - (ch in "）)")
        if depth < 0:
            return False
    return depth == 0


words = st.text(alphabet="驻马店开发区ab cdXY-·", min_size=0, max_size=12)
bracketed = st.builds(lambda w, full: f"（{w}）" if full else f" ({w})", words, st.booleans())
with_brackets = st.builds(lambda head, tail: head + "".join(tail), words, st.lists(bracketed, max_size=3))


@settings(max_examples=300)
@given(
    title=with_brackets,
    status=with_brackets,
    counties=st.integers(0, 12),
    sample=st.booleans(),
    width=st.integers(20, 200),
)
def test_top_line_gives_way_by_whole_parts(title, status, counties, sample, width) -> None:
    from console.present.top_line import TopLine, bracket_parts, fit_top_line

    scope = "、".join(["西平县"] * counties) if counties else "全部县区"
    full = TopLine(title, "示例数据" if sample else "", "数据截至 2026Q3", "2026年", scope, status)
    line = fit_top_line(
        full,
        width,
        as_of_period="2026Q3",
        counties_short=f"{counties}个县区" if counties else "",
        badge_short="示例",
        all_counties=not counties,
    )
    smallest = TopLine(
        "", "示例" if sample else "", "2026Q3", "", f"{counties}个县区" if counties else "", ""
    )
    assert line.width <= max(width, smallest.width)  # fits, unless even the smallest does not
    assert "2026Q3" in line.as_of  # the as-of period always stays
    for part in (line.title.removesuffix("…"), line.status, line.scope):
        assert balanced(part), (part, line)
    heads = ["".join(bracket_parts(status)[:k]) for k in range(1, len(bracket_parts(status)) + 1)]
    assert line.status in ("", *heads)  # the status note is whole, or whole bracketed parts less
    assert line.scope in ("", scope, f"{counties}个县区")
    if line.title and not line.title.endswith("…"):
        assert line.title in [
            "".join(bracket_parts(title)[:k]) for k in range(1, len(bracket_parts(title)) + 1)
        ]
    if full.width <= width:
        assert line == full


def top_line_on_screen(app) -> str:
    from widgets.topbar import TopBar

    return app.query_one(TopBar).render_line(0).text


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [60, 80])
async def test_top_bar_shows_whole_parts_with_changes_mode_and_counties(
    data_dir: Path, dataset, lang: str, width: int
) -> None:
    from console.core.config import load_settings
    from console.tui.app import DevZonesApp

    counties = sorted(dataset["zones"].get_column("county").unique().to_list())[:3]
    app = DevZonesApp(load_settings(data_dir=data_dir, lang=lang, counties=counties))
    async with app.run_test(size=(width, 24)) as pilot:
        await ready(pilot)
        seen = [top_line_on_screen(app)]
        for key in ("d", "d", "y"):  # changes mode, changed rows only, another year (a longer note)
            await pilot.press(key)
            await ready(pilot)
            seen.append(top_line_on_screen(app))
        for line in seen:
            assert balanced(line), line
            assert "2026Q3" in line, line  # the as-of period always shows
            marks = ("（仅变化）", " (changed only)")
            assert ("仅变化" in line) == (marks[0] in line) and ("changed only" in line) == (marks[1] in line)
            if "…" in line:  # only the title is ever cut, and never inside a bracket
                head = line.split("…")[0]
                assert balanced(head) and line.index("…") < line.index("2026Q3"), line


# -- rankings: the rules ---------------------------------------------------------------------------


def ranked_flags(dataset, data_dir: Path) -> dict[str, list[str]]:
    """The engine's rule flags per zone key, for the year shown."""
    from console.core.config import load_settings
    from console.present.assemble import compute

    snap = compute(dataset, load_settings(data_dir=data_dir), None, None)
    return {r["zone"]: list(r["flags"] or []) for r in snap.ranked.iter_rows(named=True)}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_rankings_show_every_rule_mark_and_name_it(data_dir: Path, dataset, lang: str, size) -> None:
    from console.engine.rules import flag_word
    from console.present.rule_marks import flag_mark

    flags = ranked_flags(dataset, data_dir)
    assert any(flags.values())
    app = make_app(data_dir, lang=lang)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await pilot.press("5")
        await pilot.pause()
        lines = screen_lines(app)
        table = app.query_one("#rankings-table")
        keys = [row.key for row in table.view.rows]
        header_at = next(i for i, line in enumerate(lines) if line.lstrip().startswith(("名次 ", "Rank ")))
        for n, key in enumerate(keys):
            row_line = lines[header_at + 1 + n]
            marks = [flag_mark(f, lang) for f in flags[key]]
            assert " ".join(marks) in row_line, (key, marks, row_line)
        legend = " ".join(line.strip() for line in lines[header_at + 1 + len(keys) :])
        for flag in {f for fs in flags.values() for f in fs}:
            assert f"{flag_mark(flag, lang)} {flag_word(flag, lang)}" in legend, (flag, legend)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_zone_drill_down_gives_the_rules_in_the_plans_words_at_60_columns(
    data_dir: Path, dataset, lang: str
) -> None:
    from console.words.engine import RULES
    from widgets.drilldown_screen import DetailScreen

    flags = ranked_flags(dataset, data_dir)
    app = make_app(data_dir, lang=lang)
    async with app.run_test(size=(60, 90)) as pilot:  # 60 columns; tall enough for every rule and its reason
        await ready(pilot)
        await pilot.press("5")
        table = app.query_one("#rankings-table")
        n = max(range(len(table.view.rows)), key=lambda i: len(flags[table.view.rows[i].key]))
        key = table.view.rows[n].key
        for _ in range(n):
            await pilot.press("j")
        await pilot.press("enter")
        await ready(pilot)
        assert isinstance(app.screen, DetailScreen) and app.screen.source == ("rankings", key)
        joined = "".join("".join(screen_lines(app)).split())
        for flag in flags[key]:
            for words in (RULES(f"condition_{flag}", lang), RULES(f"consequence_{flag}", lang)):
                assert "".join(words.split()) in joined, (flag, words)


# -- drill-downs at 60 columns ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_zone_drill_down_keeps_every_word_whole_at_60_columns(
    data_dir: Path, dataset, lang: str
) -> None:
    from console.core.config import load_settings
    from console.present.drilldown import zone_detail
    from console.present.drilldown_views import zone_clusters_view, zone_reports_view, zone_years_view
    from widgets.drilldown_screen import DetailScreen

    settings = load_settings(data_dir=data_dir)
    app = make_app(data_dir, lang=lang)
    async with app.run_test(size=(60, 140)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        table = app.query_one("#zones-table")
        year = app.views.header.year
        for row in table.view.rows[:4]:
            await pilot.press("enter")
            await ready(pilot)
            assert isinstance(app.screen, DetailScreen)
            text = screen_text(app)
            assert "…" not in text, text
            words = {w for w in text.split()}
            d = zone_detail(dataset, settings, row.key, year)
            for make in (zone_years_view, zone_clusters_view, zone_reports_view):
                for view_row in make(d, lang, False).rows:
                    for cell in view_row.cells:
                        for word in cell.text.split():
                            assert word in words, (row.key, word, text)
            await pilot.press("escape", "j")


# -- help ---------------------------------------------------------------------------------------------

CLOSING_MARKS = tuple("，。、；：？！）」』》〉】”’,.;:?!)]}%")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [60, 80])
async def test_help_wraps_each_description_under_its_own_column(
    data_dir: Path, lang: str, width: int
) -> None:
    from rich.cells import cell_len

    from console.present.keys import help_groups
    from widgets.dialogs import HelpScreen

    app = make_app(data_dir, lang=lang)
    async with app.run_test(size=(width, 120)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        inside = dialog_lines(screen_lines(app))
        keys = [entry for _, entries in help_groups(lang) for entry in entries]
        key_width = max(cell_len(key) for key, _ in keys)
        at = 0
        for key, what in keys:
            while not inside[at].startswith(f" {key} "):
                at += 1
            desc_col = 1 + key_width + 1  # a space, the key column, the column gap
            lines = [inside[at]]
            at += 1
            while at < len(inside) and inside[at][:desc_col].strip() == "" and inside[at].strip():
                lines.append(inside[at])
                at += 1
            raw = [set_cells_from(line, desc_col).rstrip() for line in lines]
            desc_col += len(raw[0]) - len(raw[0].lstrip())  # where the descriptions start
            parts = [part.strip() for part in raw]
            assert all(not p.startswith(CLOSING_MARKS) for p in parts), (key, parts)
            joined = " ".join(parts)
            assert "".join(joined.split()) == "".join(what.split()), (key, parts)
            room = cell_len(inside[0]) - desc_col - 1  # the dialog's inner width, its right padding
            for line, after in itertools.pairwise(parts):  # no line broken early
                first = re.match(
                    r"[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f][，。、；：？！）」』》〉】”’]*|\S+", after
                )
                assert first and cell_len(line) + 1 + cell_len(first.group(0)) > room, (key, parts)
            for word in what.split():  # every English word whole on one line, unless wider than one
                if word.isascii() and cell_len(word) <= room:
                    assert any(word in p for p in parts), (word, parts)


@settings(max_examples=300)
@given(
    text=st.text(alphabet="移动上下一处表格（），。/ abcXYZ12", min_size=0, max_size=80),
    width=st.integers(4, 40),
)
@example(text="。（11。", width=5)  # a number with its marks too wide for a line: it was split as 1 / 1
# a piece too wide for a line was folded from the start of the line before it: 1。1 / 1/12
@example(text="1。11/12", width=4)
def test_wrap_words_keeps_every_word_and_fits(text: str, width: int) -> None:
    from rich.cells import cell_len

    from console.present.fit import wrap_words

    lines = wrap_words(text, width)
    assert all(cell_len(line) <= width for line in lines), lines
    assert "".join("".join(lines).split()) == "".join(text.split())  # nothing lost or added
    for word in re.findall(r"[A-Za-z0-9]+", text):  # English words and numbers: never split
        if cell_len(word) <= width - 2:
            assert any(word in line for line in lines), (word, lines)
