"""Words that must mean one thing (issue 20, item 7): the help legend's marks are the ones the tables
draw, a drill-down table says which year it shows, and every rankings mark says what earned it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.app import make_app, ready, rows
from tests.support.screen import screen_lines
from widgets.dialogs import HelpScreen

TABLES = ("zones", "clusters", "tasks", "indicators", "rankings")


def legend_marks(lines: list[str]) -> dict[str, str]:
    """{status word: its mark} as the help legend on screen gives them."""
    marks: dict[str, str] = {}
    for line in lines:
        body = line.strip(" │|")
        for group in re.split(r"\s{3,}", body):
            mark, _, words = group.partition(" ")
            if len(mark) != 1 or not words:
                continue
            for word in re.split(r"\s*(?:、|/|, )\s*", words):
                marks[word.strip()] = mark
    return marks


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("ascii_only", [False, True])
async def test_every_status_word_in_a_table_carries_the_legends_mark(
    data_dir: Path, lang: str, ascii_only: bool
) -> None:
    """The legend gave ✗ to 未报送 while the tasks and zones tables drew 未报送 with no mark."""
    app = make_app(data_dir, lang=lang, ascii=ascii_only)
    async with app.run_test(size=(200, 60)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = screen_lines(app)
        word = "符合进度" if lang == "zh" else "on track"
        # The legend, which may run over a line or two.
        lines = [line for i, line in enumerate(shown) if any(word in s for s in shown[max(0, i - 2) : i + 1])]
        marks = legend_marks(lines)
        unreported = "未报送" if lang == "zh" else "not reported"
        assert unreported in marks
        await pilot.press("escape")
        seen = 0
        for table in TABLES:
            for row in rows(app, table):
                for cell in row:
                    cell = cell.strip()
                    for word, mark in marks.items():
                        status = re.fullmatch(rf"(?:(\S) )?{re.escape(word)}", cell.strip())
                        if status and len(word) > 1:  # a status cell: a mark (or none) and its word
                            assert status.group(1) == mark, (table, cell, mark)
                            seen += 1
        assert seen  # the tables do show status words


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("ascii_only", [False, True])
def test_the_legend_is_made_from_the_marks_the_tables_draw(lang: str, ascii_only: bool) -> None:
    """Each status word the legend lists under a mark is drawn with that mark (Formatter.status), and
    every status drawn with a mark is in the legend."""
    from console.present.formatter import Formatter
    from console.words.status import STATUS as STATUS_WORDS

    f = Formatter(lang, ascii_only)
    marks = legend_marks(["   ".join(f.status_legend())])
    for status in STATUS_WORDS:
        drawn = f.status(status)
        if f.word(status) in marks:
            assert drawn == f"{marks[f.word(status)]} {f.word(status)}", status
        else:
            assert drawn == f.word(status), status  # a word the legend gives no mark has none


def _blocks(screen) -> list[str]:  # type: ignore[no-untyped-def]
    """Each table or paragraph of an open drill-down, as text (its heading on its first line)."""
    import io

    from rich.console import Console

    out = []
    for block in (*screen.content.before, *screen.content.after):
        console = Console(width=160, record=True, file=io.StringIO(), color_system=None)
        console.print(block)
        out.append(console.export_text().strip("\n"))
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    ("keys", "what"),
    [
        (("2", "enter"), "zone"),
        (("3", "enter"), "cluster"),
        (("4", "enter"), "task"),
        (("4", "tab", "enter"), "indicator"),
        (("4", "tab", "down", "down", "enter"), "zone indicator"),
    ],
)
async def test_a_drill_down_table_that_changes_with_the_year_says_its_year(
    data_dir: Path, lang: str, keys: tuple[str, ...], what: str
) -> None:
    """A zone's drill-down showed its clusters for another year after `y` under the same heading."""
    from tests.support.waiting import until
    from widgets.drilldown_screen import DetailScreen

    app = make_app(data_dir, lang=lang)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        await pilot.press(*keys)
        await until(pilot, lambda: isinstance(app.screen, DetailScreen))
        by_year: dict[int, list[str]] = {}
        for _ in range(3):  # 2026, 2024, 2025
            year = app.year
            by_year[year] = _blocks(app.screen)
            await pilot.press("y")
            await until(pilot, lambda y=year: app.year != y and isinstance(app.screen, DetailScreen))
            await until(pilot, lambda y=year: _blocks(app.screen) != by_year[y])
        assert len(by_year) == 3
        keyed = {  # a block by its heading without figures (a note may come and go with the year)
            year: {re.sub(r"\d+", "#", body.splitlines()[0]).strip(): body for body in blocks}
            for year, blocks in by_year.items()
        }
        for key in set().union(*keyed.values()):
            texts = {year: blocks[key] for year, blocks in keyed.items() if key in blocks}
            if len(texts) == 3 and len(set(texts.values())) == 1:
                continue  # the same in every year: no year to say
            for year, body in texts.items():
                if str(year) in body.splitlines()[0]:
                    continue  # the heading says it
                # A list without a heading (item, value): each line that changes says its year.
                others = {line for y, b in texts.items() if y != year for line in b.splitlines()}
                for line in body.splitlines():
                    assert line in others or str(year) in line, (what, year, line.strip())


def _earned(lang: str) -> list[tuple[str, str, str]]:
    """Every (zone, mark, rule) the sample's 2026 rankings give, from the engine."""
    from console.core.config import load_settings
    from console.data.loader import load_dataset
    from console.engine.rules import flag_word
    from console.present.assemble import city_rankings
    from console.present.rule_marks import flag_mark

    data = Path(__file__).resolve().parents[2] / "data"
    ranked = city_rankings(load_dataset(data), 2026, load_settings(data_dir=data))
    return [
        (row["zone"], flag_mark(flag, lang), flag_word(flag, lang))
        for row in ranked.iter_rows(named=True)
        for flag in row["flags"]
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_drill_down_says_which_years_and_ranks_earn_each_mark(data_dir: Path, lang: str) -> None:
    """高新区 (三档 90/90 in 2024, 一档 32/36 in 2025) had the two-years-in-the-bottom-10 mark while its
    drill-down explained only why the rank-fall rule does not compare across tiers."""
    from tests.support.waiting import until
    from widgets.drilldown_screen import DetailScreen

    app = make_app(data_dir, lang=lang)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        await pilot.press("5")
        await ready(pilot)
        keys = [rows(app, "rankings")[i][1] for i in range(len(rows(app, "rankings")))]
        high_tech = "高新区" if lang == "zh" else "High-tech Zone"
        for _ in range(keys.index(high_tech)):
            await pilot.press("down")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, DetailScreen))
        text = "\n".join(_blocks(app.screen))
        two_years = next(line for line in text.splitlines() if line.strip().startswith("!!"))
        for part in ("2024", "90/90", "2025", "32/36"):
            assert part in two_years, two_years
        heading = next(line for line in text.splitlines() if "4(3)" in line or "四(三)" in line)
        assert "2025" in heading  # the result year the marks are of


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_rankings_legend_names_the_years_of_each_mark(data_dir: Path, lang: str) -> None:
    app = make_app(data_dir, lang=lang)
    async with app.run_test(size=(200, 50)) as pilot:
        await ready(pilot)
        await pilot.press("5")
        await ready(pilot)
        legend = app.query_one("#rankings-legend")
        top = legend.region.y
        shown = " ".join(line.strip() for line in screen_lines(app)[top : top + legend.region.height])
    marks = {mark for _, mark, _ in _earned(lang)}
    assert marks
    assert "2025" in shown.split("：" if lang == "zh" else ": ")[0], shown  # the lead names the result year
    for mark in marks:
        at = shown.index(f"{mark} ")
        item = shown[at : at + 40]
        if mark.startswith(("!!", "!降", "!F")):  # decided on the year before too: it says which
            assert "2024" in item, item


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_rankings_command_says_which_years_and_ranks_earn_each_mark(
    capsys, data_dir: Path, lang: str
) -> None:
    from console.cli import main

    assert main(["--data", str(data_dir), "--lang", lang, "rankings"]) == 0
    out = capsys.readouterr().out
    earned = _earned(lang)
    assert earned
    for _zone, _mark, rule in earned:
        lines = [line for line in out.splitlines() if f"{rule}：" in line or f"{rule}: " in line]
        assert lines, rule
        assert all("2025" in line for line in lines), lines
        if "星" not in rule and "star" not in rule:  # a rank earns it: the rank is named
            assert all(re.search(r"20\d\d.*?\d+/\d+", line) for line in lines), lines
    two = next(line for line in out.splitlines() if "90/90" in line and "32/36" in line)
    assert "2024" in two and "2025" in two


def _task_numbers(app) -> set[int]:  # type: ignore[no-untyped-def]
    table = app.query_one("#tasks-table")
    return {int(table.view.rows[i].key) for i in range(table.row_count)}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_unit_filter_can_keep_only_the_tasks_a_unit_leads(
    data_dir: Path, tmp_path: Path, lang: str, dataset
) -> None:
    """`u` kept the tasks a unit leads or takes part in, with no way to see only those it leads; the
    choice is said on screen and in an export's manifest."""
    import json

    from textual.widgets import OptionList, RadioButton

    from console.present.labels import split_units, unit_role
    from tests.support.screen import screen_text
    from widgets.dialogs import ExportDialog, UnitDialog

    unit = "市发改委"
    tasks = list(dataset["tasks"].iter_rows(named=True))
    leads = {t["task"] for t in tasks if unit in split_units(t["lead_units"])}
    takes_part = {t["task"] for t in tasks if unit in split_units(t["participating_units"])}
    assert leads and takes_part - leads  # the unit leads some tasks and only takes part in others
    app = make_app(data_dir, lang=lang)
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(pilot)
        await pilot.press("4", "u")
        await ready(pilot)
        dialog = app.screen
        assert isinstance(dialog, UnitDialog)
        dialog.query_one(OptionList).highlighted = dialog.units.index(unit) + 1  # "all units" first
        await pilot.pause()
        await pilot.press("enter")  # the default: tasks it leads or takes part in
        await ready(pilot)
        assert _task_numbers(app) == leads | takes_part
        assert unit_role(False, lang) in screen_text(app)
        await pilot.press("u")
        await ready(pilot)
        assert isinstance(app.screen, UnitDialog)
        await pilot.press("shift+tab", "right", "enter")  # the tasks it leads only; Enter keeps the unit
        await ready(pilot)
        assert not isinstance(app.screen, UnitDialog)
        assert _task_numbers(app) == leads
        assert unit_role(True, lang) in screen_text(app)  # the filter's label says which tasks count
        (tmp_path / "out").mkdir()
        await pilot.press("e")
        await ready(pilot)
        assert isinstance(app.screen, ExportDialog)
        app.screen.query_one("#folder").value = str(tmp_path / "out")
        app.screen.query_one("#format").query(RadioButton)[3].value = True  # JSON
        await pilot.pause()
        await pilot.press("ctrl+s")
        await ready(pilot)
    written = next((tmp_path / "out").glob("*.json"))
    meta = json.loads(written.read_text(encoding="utf-8"))["meta"]
    assert meta["unit"] == unit and meta["unit_role"] == "lead"


def _palette_lines(app) -> list[str]:  # type: ignore[no-untyped-def]
    from textual.command import CommandList

    options = app.screen.query_one(CommandList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


@pytest.mark.parametrize(
    ("typed", "found"), [("daochu", "导出"), ("dc", "导出"), ("chanyejiqun", "产业集群")]
)
async def test_the_palette_finds_a_command_by_its_pinyin(data_dir: Path, typed: str, found: str) -> None:
    """The county dialog found 遂平县 by ``suiping`` or ``sp``; the palette found nothing by pinyin."""
    from textual.command import CommandPalette

    from tests.support.waiting import until

    app = make_app(data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*typed)
        await until(pilot, lambda: any(found in line for line in _palette_lines(app)))
        assert any(found in line for line in _palette_lines(app)), _palette_lines(app)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_palette_says_nothing_matches_in_the_consoles_language(data_dir: Path, lang: str) -> None:
    from textual.command import CommandPalette

    from console.present.labels import text
    from tests.support.waiting import until

    app = make_app(data_dir, lang=lang)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"qqqxz")
        await until(pilot, lambda: bool(_palette_lines(app)))
        lines = _palette_lines(app)
        assert lines and text("palette_empty", lang) in lines[0], lines
        if lang == "zh":
            assert "No matches" not in " ".join(lines)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("counties", [0, 1, 3])
@pytest.mark.parametrize("changes", ["", "only", "elsewhere"])
def test_the_top_line_gives_way_in_one_order_and_keeps_the_county_filter(
    lang: str, counties: int, changes: str
) -> None:
    """The changes mode's top line dropped the title at one width and kept it at a narrower one; the
    main line and the changes mode's give way in one order, never show less when wider, and always
    keep a county filter (it changes what is shown)."""
    from console.present.top_line import TopLine, fit_top_line

    zh = lang == "zh"
    names = ["遂平县", "西平县", "上蔡县"] if zh else ["Suiping County", "Xiping County", "Shangcai County"]
    scope = ("、" if zh else ", ").join(names[:counties]) or ("全部县区" if zh else "all counties")
    short = (f"{counties}个县区" if zh else f"{counties} counties") if counties else ""
    status = {
        "": "",
        "only": "Δ 较2026Q2（仅变化）" if zh else "Δ since 2026Q2 (changed only)",
        "elsewhere": "Δ 较2026Q2（仅变化）（变化仅标于2026年）"
        if zh
        else "Δ since 2026Q2 (changed only) (marked in 2026 only)",
    }[changes]
    title = (
        "驻马店市开发区三年行动方案监测（示例进度数据）"
        if zh
        else "Zhumadian development zones action plan monitor (sample progress data)"
    )
    full = TopLine(
        title,
        "示例数据" if zh else "SAMPLE DATA",
        f"{'数据截至' if zh else 'as of'} 2026Q3",
        "2026",
        scope,
        status,
    )
    before: TopLine | None = None
    for width in range(24, 220):
        line = fit_top_line(
            full,
            width,
            as_of_period="2026Q3",
            counties_short=short,
            badge_short="示例",
            all_counties=not counties,
        )
        if counties:
            assert line.scope in (scope, short), (width, line)  # the filter stays, whole or as its count
        if before is not None:  # wider never shows less: no part comes back shorter or goes
            assert not before.title or line.title, (width, before, line)
            assert not before.year or line.year, (width, before, line)
            assert len(line.status) >= len(before.status), (width, before, line)
            assert len(line.as_of) >= len(before.as_of), (width, before, line)
            assert len(line.badge) >= len(before.badge), (width, before, line)
        before = line
