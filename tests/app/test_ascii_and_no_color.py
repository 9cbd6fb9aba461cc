"""--ascii and NO_COLOR on every screen: what the user sees, read back from the compositor.

The ASCII rule is derived from ``unicodedata.east_asian_width``: in --ascii a character on screen is
printable ASCII, or wide/fullwidth CJK text (letters, numbers, punctuation: names from the data and
Chinese labels). Everything else (box drawing, block elements, arrows, ellipsis, middle dot, curly
quotes, emoji) is East Asian ambiguous or narrow non-ASCII, or a symbol, and is refused.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from rich.color import Color
from rich.segment import Segment
from textual.command import CommandPalette

from tests.support.app import make_app, ready
from tests.support.screen import filtered_lines as _filtered_lines
from tests.support.waiting import until
from widgets.dialogs import BulletinDialog, CountyDialog, ExportDialog, HelpScreen, UnitDialog
from widgets.drilldown_screen import DetailScreen


def allowed_in_ascii(ch: str) -> bool:
    if " " <= ch <= "~":
        return True
    return unicodedata.east_asian_width(ch) in ("W", "F") and unicodedata.category(ch)[0] in "LNP"


def test_the_ascii_rule_refuses_what_ascii_mode_must_not_draw() -> None:
    for ch in "…·—→↑“”╭─│█▁▊●✓✗★🔎":
        assert not allowed_in_ascii(ch), ch
    for ch in "驻马店：、（）。A1-|+#":
        assert allowed_in_ascii(ch), ch


def test_every_ascii_fallback_passes_the_rule_and_cjk_text_is_kept() -> None:
    from console.present.formatter import ASCII_FALLBACKS, ascii_text

    for symbol, fallback in ASCII_FALLBACKS.items():
        assert not allowed_in_ascii(symbol) and all(allowed_in_ascii(ch) for ch in fallback), symbol
    assert ascii_text("另有 3 个开发区，见“开发区”标签页…") == '另有 3 个开发区，见"开发区"标签页...'


def screen_text(app) -> str:
    return "\n".join("".join(s.text for s in strip) for strip in app.screen._compositor.render_strips())


def refused(app) -> str:
    return "".join(sorted({ch for ch in screen_text(app) if ch != "\n" and not allowed_in_ascii(ch)}))


@pytest.fixture
def national_like(tmp_path: Path) -> Path:
    """More zones than the overview's attention list shows, so its 'and N more' line is drawn too."""
    from console.cli import main

    out = tmp_path / "syn"
    assert main(["generate", "--zones", "40", "--out", str(out)]) == 0
    return out


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_ascii_mode_walk_draws_only_ascii_and_cjk_text(data_dir: Path, lang: str) -> None:
    """Every tab (top and bottom), each tab's drill-down, every dialog, the palette and a toast."""
    app = make_app(data_dir, lang=lang, ascii=True)
    seen: dict[str, str] = {}

    async def look(where: str, screen_type: type) -> None:
        await until(pilot, lambda: isinstance(app.screen, screen_type))  # a drill-down is built in a worker
        assert isinstance(app.screen, screen_type), where
        seen[where] = refused(app)

    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        for key, tab in zip("12345", ("overview", "zones", "clusters", "tasks", "rankings"), strict=True):
            await pilot.press(key)
            await look(tab, type(app.screen))
            if tab != "overview":
                await pilot.press("end")  # the scrollbar's thumb at the bottom, the last rows
                await look(f"{tab} end", type(app.screen))
                await pilot.press("enter")
                await look(f"{tab} drill-down", DetailScreen)
                await pilot.press("pagedown")
                await look(f"{tab} drill-down scrolled", DetailScreen)
                await pilot.press("escape")
        await pilot.press("4", "tab", "enter")  # an indicator's drill-down
        await look("indicator drill-down", DetailScreen)
        await pilot.press("escape", "c")
        await look("counties", CountyDialog)
        await pilot.press("space", "escape", "u")
        await look("units", UnitDialog)
        await pilot.press("escape", "e")
        await look("export", ExportDialog)
        await pilot.press("escape", "b")
        await look("bulletin", BulletinDialog)
        await pilot.press("escape", "question_mark")
        await look("help", HelpScreen)
        await pilot.press("escape", "ctrl+p")
        await look("palette", CommandPalette)
        await pilot.press(*"zones")
        await look("palette search", CommandPalette)
        await pilot.press("escape")
        app.notify("已导出：/tmp/out.xlsx")
        await look("toast", type(app.screen))
    assert seen == dict.fromkeys(seen, ""), {k: v for k, v in seen.items() if v}


def _lum(color) -> float:
    r, g, b = Color.parse(str(color.name)).get_truecolor()
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(segment: Segment) -> float:
    """How far a segment's characters stand out from their ground (the same in reverse video)."""
    style = segment.style
    assert style is not None and style.color is not None and style.bgcolor is not None
    return abs(_lum(style.color) - _lum(style.bgcolor))


async def test_flagged_rows_are_never_dimmer_under_no_color(data_dir: Path, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(data_dir)
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        await pilot.press("2", "escape")
        table = app.query_one("#zones-table")
        table.blur()
        await pilot.pause()
        lines = _filtered_lines(app, table)[1 : table.row_count + 1]
        cursor = table.cursor_row
        plain = [
            seg for i, line in enumerate(lines) if i != cursor and line[0].text.strip() != "!" for seg in line
        ]
        flagged = [line for i, line in enumerate(lines) if i != cursor and line[0].text.strip() == "!"]
        assert flagged and plain
        text_contrast = max(_contrast(s) for s in plain)
        for line in flagged:
            for segment in line:
                assert segment.style is not None and (segment.style.bold or segment.style.reverse)
                assert _contrast(segment) >= text_contrast, (segment.text, str(segment.style))
            flag = line[0]
            assert (
                flag.style is not None and flag.style.bold and flag.style.underline
            )  # reverse: the cursor's


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_ascii_overview_with_more_zones_than_it_lists(national_like: Path, lang: str) -> None:
    app = make_app(national_like, lang=lang, ascii=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("end")
        await pilot.pause()
        assert refused(app) == ""


@pytest.mark.parametrize("ascii_only", [False, True])
def test_a_cut_goal_label_shows_it_is_cut(dataset, ascii_only: bool) -> None:
    """Under --ascii the overview cut '营业收入超50亿元的主导产业集群' to '营业收入超50亿元的主导' with no mark
    (Rich's ellipsis is '…', so ascii cropped): a cut label ends in '...' (ascii) or '…'."""
    import io

    from rich.console import Console

    from console.core.config import load_settings
    from console.present.assemble import compute, render_views
    from widgets.overview import render_overview

    views = render_views(compute(dataset, load_settings(), None, ()), "zh", ascii_only)
    out = Console(width=80, file=io.StringIO(), record=True, color_system=None)
    out.print(render_overview(views.overview, "zh", ascii_only, views.header.year, width=80))
    lines = out.export_text().splitlines()
    cut = [g.label for g in views.overview.goals if not any(g.label in line for line in lines)]
    assert cut, "a label longer than the column, for the test to mean something"
    mark = "..." if ascii_only else "…"
    for label in cut:
        line = next(line for line in lines if line.strip().startswith(label[:8]))
        shown = line.strip().split("  ")[0]  # the label's column, before the bar
        assert shown.endswith(mark) and label.startswith(shown[: -len(mark)].rstrip()), line
    if ascii_only:
        assert all(allowed_in_ascii(ch) for ch in "".join(lines)), lines
