"""Findings of the second walk of the integrated console (issue 20, helper "rest"): each test names the
class it guards, not only the case the walk met."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import openpyxl
import pytest

from console.cli import main
from console.core.config import load_settings
from console.data.dataset import Dataset
from console.data.loader import load_dataset
from console.present.assemble import compute, render_views
from tests.support.workbooks import fill

CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")
NEEDLESS_DECIMAL = re.compile(r"(?<![\d.])\d[\d,]*\.0(?!\d)")  # 89.0, 1,234.0 — not 70.1, not 10.05


# -- 10: counts whole, other figures with no decimal when whole -----------------------------------------


@pytest.mark.parametrize("year", [2024, 2025, 2026])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_overview_goals_never_show_a_needless_decimal(dataset: Dataset, year: int, lang: str) -> None:
    views = render_views(compute(dataset, load_settings(), year, []), lang, False)
    for goal in views.overview.goals:
        assert not NEEDLESS_DECIMAL.search(goal.value), (goal.code, goal.value)


def _filled_report(data: Path, tmp_path: Path, lang: str, values: dict[str, float]) -> Path:
    template = tmp_path / f"t-{lang}.xlsx"
    assert (
        main(
            [
                "--data",
                str(data),
                "--lang",
                lang,
                "template",
                "--zone",
                "新蔡",
                "--period",
                "2026Q3",
                "--out",
                str(template),
            ]
        )
        == 0
    )
    book = openpyxl.load_workbook(template)
    keys = [
        row[0].value
        for row in book.active.iter_rows()
        if str(row[0].value or "").split(":")[0] in ("cluster", "indicator")
    ]
    filled = {k: values.get(k.split(":", 1)[1], 25.5 if k.startswith("cluster:") else 7) for k in keys}
    return fill(template, tmp_path / f"filled-{lang}.xlsx", filled)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_ingest_listing_shows_whole_figures_without_decimals(
    data_copy: Path, tmp_path: Path, capsys, lang: str
) -> None:
    report = _filled_report(data_copy, tmp_path, lang, {"I05": 80, "I07": 1, "I09": 7})
    capsys.readouterr()
    assert main(["--data", str(data_copy), "--lang", lang, "ingest", str(report), "--dry-run"]) == 0
    out = capsys.readouterr().out
    figures = [line for line in out.splitlines() if "I05" in line or "I07" in line or "I09" in line]
    assert figures, out
    for line in figures:
        assert not NEEDLESS_DECIMAL.search(line), line
    assert "25.5" in out  # a figure that is not whole keeps its decimal


# -- 11: English mode speaks English names -----------------------------------------------------------------


def test_english_ingest_listing_and_template_use_english_names(
    data_copy: Path, tmp_path: Path, capsys
) -> None:
    report = _filled_report(data_copy, tmp_path, "en", {})
    book = openpyxl.load_workbook(report)
    sheet = book.active
    shown = [str(c.value) for row in sheet.iter_rows() for c in row[1:] if c.value is not None]
    assert not [s for s in shown if CJK.search(s)], shown  # the English template: no Chinese words
    capsys.readouterr()
    assert main(["--data", str(data_copy), "--lang", "en", "ingest", str(report), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Xincai" in out
    assert not CJK.search(out), out
    # the English template is read back to the same zone: the ingest applies to 新蔡
    assert main(["--data", str(data_copy), "--lang", "en", "ingest", str(report), "--yes"]) == 0
    ds = load_dataset(data_copy)
    zone = ds["zones"].filter(ds["zones"]["short_name"] == "新蔡")["zone"][0]
    got = ds["cluster_revenue"].filter(
        (ds["cluster_revenue"]["zone"] == zone) & (ds["cluster_revenue"]["period"] == "2026Q3")
    )
    assert got.height and set(got["revenue_ytd"].to_list()) == {25.5}


# -- 18: a page move shows the next unseen line first -------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_pgdn_through_the_overview_shows_every_attention_line(
    data_dir: Path, lang: str, size: tuple[int, int]
) -> None:
    """Paging down from the top to the end passes every line of the attention list on screen (the
    docked "more" line once covered the row PgDn had just scrolled past); PgUp comes back the same way."""
    from console.tui.app import DevZonesApp
    from tests.support.screen import screen_lines
    from tests.support.waiting import until
    from widgets.overview import AttentionList, OverviewPanel

    app = DevZonesApp(load_settings(data_dir=data_dir, lang=lang, remembered=False))
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: app.ready)
        await pilot.pause()
        panel = app.screen.query_one(OverviewPanel)
        attention = app.screen.query_one(AttentionList)
        wanted = {
            str(attention.get_option_at_index(i).prompt).split()[1]
            for i, key in enumerate(attention.keys)
            if key and not key.startswith("\x00")
        }

        def seen_now() -> set[str]:
            more = panel.query_one("#overview-more").display
            body = screen_lines(app)[
                3 : -2 if more else -1
            ]  # below the tabs; not the more line nor the key bar
            return {w for w in wanted if any(w in line for line in body)}

        for move in ("pagedown", "pageup"):
            seen: set[str] = set()
            for _ in range(20):
                seen |= seen_now()
                before = panel.scroll_y
                await pilot.press(move)
                await pilot.pause()
                if panel.scroll_y == before:
                    break
            assert seen == wanted, (move, sorted(wanted - seen))


# -- 6b and 8: the overview's "more" line counts what is below, zones as zones ------------------------------

LINES_BELOW = re.compile(r"(?:下方(?:还有)?(\d+)行|(\d+) (?:more )?lines below)")
ZONES_BELOW = re.compile(r"(?:另有(\d+)个开发区|(\d+) more zones)")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(80, 24), (60, 20), (120, 35)])
@pytest.mark.parametrize("changes", [False, True])
async def test_the_more_line_counts_what_is_below_and_zones_once(
    data_dir: Path, dataset: Dataset, lang: str, size: tuple[int, int], changes: bool
) -> None:
    """Whenever anything is below the screen (the tier/star table's last rows, the reports line, the
    chart), the line says how many lines; the zones it names are zones, each once, however many changes
    mode lists under them (it said 16 zones of a city of 11)."""
    from console.tui.app import DevZonesApp
    from tests.support.screen import screen_lines
    from tests.support.waiting import until
    from widgets.overview import AttentionList, OverviewPanel

    app = DevZonesApp(load_settings(data_dir=data_dir, lang=lang, remembered=False))
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: app.ready)
        await pilot.pause()
        if changes:
            await pilot.press("d")
            await until(pilot, lambda: "Δ" in "\n".join(screen_lines(app)))
        panel = app.screen.query_one(OverviewPanel)
        attention = app.screen.query_one(AttentionList)
        city = dataset["zones"].height
        listed = {k for k in attention.keys if k and not k.startswith("\x00") and k != "reports"}
        for _ in range(30):
            await pilot.pause()
            line = screen_lines(app)[-2]
            below = panel.max_scroll_y - panel.scroll_y
            if below <= 0:
                assert not LINES_BELOW.search(line), line
                break
            found = LINES_BELOW.search(line)
            assert found, (panel.scroll_y, line)
            assert int(found[1] or found[2]) == below  # the page keeps the line's row: the scroll left
            zones = ZONES_BELOW.search(line)
            if zones:
                assert int(zones[1] or zones[2]) <= min(city, len(listed) + 7), line
            await pilot.press("pagedown")
        else:
            raise AssertionError("never reached the end")


# -- 8: at 60x20 the goal names stay readable (the bar gives way first, then a name takes its own line) ---


def _prefix(label: str, cells: int) -> str:
    from rich.cells import cell_len

    out = ""
    for ch in label:
        if cell_len(out + ch) > cells:
            break
        out += ch
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("ascii_only", [False, True])
def test_goal_names_stay_readable_at_every_width(dataset: Dataset, lang: str, ascii_only: bool) -> None:
    from rich.console import Console

    from widgets.overview import render_overview

    data = render_views(compute(dataset, load_settings(), 2026, []), lang, ascii_only).overview
    for width in range(44, 201, 4):
        console = Console(width=width, record=True, color_system=None, legacy_windows=False)
        console.print(render_overview(data, lang, ascii_only, 2026, False, width))
        text = console.export_text()
        assert max(len(line.rstrip()) for line in text.splitlines()) <= width
        for goal in data.goals:
            head = _prefix(goal.label, 10).rstrip()  # 5 Chinese characters, 10 letters at least
            assert head in text, (width, goal.label, text)


# -- 8: drill-down headings break between words, or are cut with an ellipsis ---------------------------------

HEADINGS = ("Year", "Star target->result", "Status", "Tier target->result", "Status", "Province rank in tier")
ROW = ("2024", "2-star->2-star", "+ met", "tier 2->tier 3", "x missed", "90/90 (2024)")


@pytest.mark.parametrize("width", range(30, 90, 3))
def test_drilldown_headings_never_break_inside_a_word(width: int) -> None:
    from rich.console import Console
    from rich.text import Text

    from widgets.drilldown_panel import WordsKept

    table = WordsKept("Targets and results by year", HEADINGS, [[Text(c) for c in ROW]] * 3)
    console = Console(width=width, record=True, color_system=None)
    console.print(table)
    lines = console.export_text().splitlines()
    first_row = next(i for i, line in enumerate(lines) if line.strip().startswith("2024"))
    words = {w for h in HEADINGS for w in h.split()}
    for line in lines[1:first_row]:
        for piece in line.split():
            assert piece in words or (piece.endswith("…") and any(w.startswith(piece[:-1]) for w in words)), (
                width,
                piece,
                lines[1:first_row],
            )


def test_heading_lines_keep_words_whole_or_cut_them_marked() -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    from console.present.fit import heading_lines

    word = st.text(alphabet="abcdefghij->", min_size=1, max_size=16)

    @given(st.lists(word, min_size=1, max_size=5), st.integers(min_value=4, max_value=30))
    def check(words: list[str], width: int) -> None:
        for line in heading_lines(" ".join(words), width, "..."):
            assert len(line) <= width
            for piece in line.split():
                assert piece in words or (
                    piece.endswith("...") and any(w.startswith(piece[:-3]) for w in words)
                )

    check()


# -- 8: the rankings' legend explains only marks the user can see -------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(50, 20), (60, 20), (100, 30)])
async def test_rankings_legend_only_for_a_rules_column_on_screen(
    data_dir: Path, lang: str, size: tuple[int, int]
) -> None:
    from console.present.labels import text as label_text
    from console.tui.app import DevZonesApp
    from tests.support.screen import screen_lines
    from tests.support.waiting import until
    from widgets.view_table import ViewTable

    app = DevZonesApp(load_settings(data_dir=data_dir, lang=lang, remembered=False))
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: app.ready)
        await pilot.press("5")
        table = app.screen.query_one("#rankings-table", ViewTable)
        await until(pilot, lambda: table.view is not None and table.size.width > 0)
        await pilot.pause()
        await pilot.pause()
        screen = "\n".join(screen_lines(app))
        heading = screen_lines(app)[3]
        rules = "奖惩" if lang == "zh" else "Rules"
        legend_mark = "后10通报" if lang == "zh" else "bottom-10 notice"
        hidden = label_text("flags_hidden", lang)[:8]
        if rules in heading:
            assert legend_mark in screen and hidden not in screen
        else:
            assert legend_mark not in screen and hidden in screen, screen


# -- 19: a key that does not apply to the tab shown says where it works --------------------------------------


def _keys_of_other_tabs() -> list[tuple[str, str]]:
    """(tab, key) for every character key of the catalogue that does not work on that tab."""
    from console.core.config import TABS
    from console.present.keys import CATALOGUE

    out = []
    for e in CATALOGUE:
        if e.owner == "textual" or e.owner == "input" or e.owner == "drilldown":
            continue
        keys = [k for b in e.binds for k in b.key.split(",") if len(k) == 1 or k == "slash"]
        for tab in TABS:
            if tab not in e.contexts and any(t in e.contexts for t in TABS):
                out += [(tab, k) for k in keys]
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_every_key_that_does_not_apply_here_says_where_it_works(data_dir: Path, lang: str) -> None:
    from console.core.config import TABS
    from console.tui.app import DevZonesApp
    from tests.support.waiting import until

    cases = _keys_of_other_tabs()
    assert ("overview", "C") in cases and ("overview", "slash") in cases and ("overview", "s") in cases
    app = DevZonesApp(load_settings(data_dir=data_dir, lang=lang, remembered=False))
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.ready)
        for tab, key in cases:
            await pilot.press(str(TABS.index(tab) + 1))
            await until(pilot, lambda tab=tab: app.state.tab == tab)
            app.clear_notifications()
            await pilot.press(key)
            await pilot.pause()
            said = " ".join(n.message for n in app._notifications)
            assert ("只在" in said) if lang == "zh" else ("works on" in said), (tab, key, said)


async def test_a_table_key_still_works_on_its_tab(data_dir: Path) -> None:
    """The app's fallback for C never shadows the table's own C (copy the row)."""
    from console.present.labels import text as label_text
    from console.tui.app import DevZonesApp
    from tests.support.waiting import until

    app = DevZonesApp(load_settings(data_dir=data_dir, lang="en", remembered=False))
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.ready)
        await pilot.press("2")
        await until(pilot, lambda: app.state.tab == "zones")
        app.clear_notifications()
        await pilot.press("C")
        sent = label_text("row_sent_to_clipboard", "en")
        await until(pilot, lambda: any(sent in n.message for n in app._notifications))
        # The table's own C ran (the row was sent), not the fallback's word on where C works.
        assert any(sent in n.message for n in app._notifications), [n.message for n in app._notifications]


# -- 20b: a README section named in the console's words is named as the README titles it ---------------------


def test_every_readme_section_named_by_the_console_exists() -> None:
    """Every “section” or "section" the console's words send the reader to in the README is one of its
    headings, spelled as titled (``init`` sent the reader to a “上线” section the README does not have)."""
    root = Path(__file__).resolve().parents[2]
    headings = {
        line.lstrip("#").strip()
        for line in (root / "README.md").read_text("utf-8").splitlines()
        if line.startswith("#")
    }
    named = re.compile(r"README[^“\"\n]{0,6}[“\"]([^”\"]+)[”\"]")
    found = []
    for path in (root / "console").rglob("*.py"):
        for name in named.findall(path.read_text("utf-8")):
            name = " ".join(name.replace("#", " ").split())  # a docstring's name may wrap over two lines
            found.append((path.name, name))
            assert name in headings, (path.name, name, sorted(headings))
    assert found  # the pattern still finds the references


# -- 21: no brackets around nothing in a drill-down ----------------------------------------------------------

EMPTY_BRACKET = re.compile(r"[（(]\s*[—\-–]?\s*[)）]|[（(]\s*[;；]|[;；]\s*[—\-–]?\s*[)）]")


def _plain(block: object) -> str:
    from rich.console import Console

    console = Console(width=200, record=True, color_system=None)
    console.print(block)
    return console.export_text()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_cluster_drilldowns_never_bracket_nothing(dataset: Dataset, lang: str) -> None:
    from console.tui.flows import detail_content

    settings = load_settings()
    for year in dataset.years:
        snap = compute(dataset, settings, year, [])
        for zone, industry in dataset["clusters"].select("zone", "industry").iter_rows():
            content = detail_content(settings, snap, lang, False, "clusters", f"{zone}|{industry}")
            for block in content.before:
                text = _plain(block)
                assert not EMPTY_BRACKET.search(text), (year, zone, industry, text)


# -- 16: a month before the data says the real reason and the earliest month --------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_bulletin_month_before_the_data_names_its_quarter_and_the_earliest_month(
    tmp_path: Path, capsys, lang: str
) -> None:
    from console.outputs.bulletin import data_quarter

    earliest = None
    for year, month in [(2023, m) for m in range(1, 13)] + [(2024, m) for m in range(1, 7)]:
        out = tmp_path / f"b-{year}-{month}.md"
        code = main(["--lang", lang, "bulletin", "--period", f"{year}-{month:02d}", "--out", str(out)])
        err = capsys.readouterr().err
        if code == 0:
            earliest = earliest or f"{year}-{month:02d}"
            continue
        assert earliest is None  # refused months all come before the first that works
        assert str(data_quarter(year, month)) in err, err  # the quarter it would rest on
    assert earliest is not None
    main(["--lang", lang, "bulletin", "--period", "2024-01", "--out", str(tmp_path / "x.md")])
    err = capsys.readouterr().err
    assert earliest in err and "2023Q4" in err, err  # the real reason, and the month to write instead


# -- 17: the bulletin's addressees follow the dataset's area -------------------------------------------------


@pytest.mark.parametrize("zones", [200, 400])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_generated_sets_bulletin_does_not_address_zhumadians_counties(
    tmp_path: Path, capsys, zones: int, lang: str
) -> None:
    data = tmp_path / "data"
    assert main(["generate", "--zones", str(zones), "--out", str(data)]) == 0
    out = tmp_path / "b.md"
    assert (
        main(["--data", str(data), "--lang", lang, "bulletin", "--period", "2026-11", "--out", str(out)]) == 0
    )
    text = out.read_text("utf-8")
    for local in ("县区政府", "高新区管委会", "工作专班", "high-tech zone committee", "County governments"):
        assert local not in text, local
    # the plan's own set keeps its addressees
    plan = tmp_path / "plan.md"
    assert main(["--lang", lang, "bulletin", "--period", "2026-11", "--out", str(plan)]) == 0
    assert ("高新区管委会" if lang == "zh" else "high-tech zone committee") in plan.read_text("utf-8")


# -- 15: rankings with no score (or tied) keep the plan's order; the as-of quarter is named ------------------


@pytest.mark.parametrize("as_of", [None, "2023Q4", "2024Q1", "2025Q2"])
def test_rankings_break_ties_in_plan_order(dataset: Dataset, capsys, as_of: str | None) -> None:
    import json

    plan = dataset["zones"].get_column("zone").to_list()
    args = ["rankings", "--json"] + (["--as-of", as_of] if as_of else [])
    assert main(args) == 0
    rows = json.loads(capsys.readouterr().out)["zones"]
    for a, b in itertools.pairwise(rows):
        if a["rank"] == b["rank"]:  # tied, or no rank at all
            assert plan.index(a["zone"]) < plan.index(b["zone"]), (as_of, a["zone"], b["zone"])


@pytest.mark.parametrize("command", ["rankings", "status"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_quarter_before_the_data_is_named_not_called_no_data(capsys, command: str, lang: str) -> None:
    from console.present.labels import text as label_text

    assert main(["--lang", lang, command, "--as-of", "2023Q4"]) in (0, 1)
    head = capsys.readouterr().out.splitlines()[0]
    assert "2023Q4" in head and label_text("no_data_yet", lang) not in head, head
