"""Text is cut only when there is no room for it, and cut text still tells things apart (issue 20, item 10).

The overview's goal names were cut at 22 cells even at 200 columns, and at 80 columns in English two
goals could read the same once cut. Pilot tests read the screen back at 60, 80, 100, 120 and 200
columns, in Chinese and English.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from console.core.config import load_settings
from console.data.loader import load_dataset
from console.present.assemble import compute, render_views
from console.present.fit import distinct_cuts
from console.tui.app import DevZonesApp
from tests.support.screen import screen_lines
from tests.support.waiting import until

WIDTHS = (60, 80, 100, 120, 200)


@pytest.fixture(scope="module")
def goal_labels(data_dir: Path) -> dict[str, list[str]]:
    ds = load_dataset(data_dir)
    snap = compute(ds, load_settings(data_dir=data_dir, remembered=False), None, None)
    return {lang: [g.label for g in render_views(snap, lang, False).overview.goals] for lang in ("zh", "en")}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", WIDTHS)
async def test_goal_names_are_whole_where_there_is_room_and_distinct_when_cut(
    data_dir: Path, goal_labels: dict[str, list[str]], lang: str, width: int
) -> None:
    app = DevZonesApp(load_settings(data_dir=data_dir, lang=lang, remembered=False))
    async with app.run_test(size=(width, 40)) as pilot:
        await until(pilot, lambda: app.ready)
        await pilot.pause()
        lines = screen_lines(app)
        labels = goal_labels[lang]
        heading = next(
            i for i, line in enumerate(lines) if "2026" in line and ("主要目标" in line or "goals" in line)
        )
        rows = lines[heading + 1 : heading + 1 + len(labels)]
        if rows[0].strip() == labels[0] and rows[1].strip()[:1].isdigit():  # each name on its own line
            rows = lines[heading + 1 : heading + 1 + 2 * len(labels) : 2]
        edge = max(cell_len(row.rstrip()) for row in rows)  # where the table ends
        names = []
        for label, row in zip(labels, rows, strict=True):
            text = row.strip()
            if not text.startswith(label):  # cut: only when the table has no room left to widen
                room = width - edge - 4  # the panel's padding and the page's scrollbar, 2 each
                assert room <= 0, (width, label, row)
            names.append(text.split("  ")[0])
        assert len(set(names)) == len(names), names  # no two goals read the same
        if width >= 120:
            assert all(row.strip().startswith(label) for label, row in zip(labels, rows, strict=True)), rows


@given(
    st.lists(st.text(alphabet="ab 营业收入-+", min_size=1, max_size=30), min_size=2, max_size=6, unique=True),
    st.integers(4, 40),
)
def test_cut_texts_fit_and_stay_apart_where_their_ends_differ(texts: list[str], width: int) -> None:
    cut = distinct_cuts(texts, width)
    assert all(cell_len(c) <= max(width, 2) for c in cut)
    assert all(c == t for c, t in zip(cut, texts, strict=True) if cell_len(t) <= width)
    # Texts whose last few characters differ always read apart once cut.
    ends = {t[-2:] for t in texts}
    if len(ends) == len(texts) and width >= 6:
        assert len(set(cut)) == len(cut), (texts, cut)


def test_two_goals_that_share_their_head_read_apart_when_cut() -> None:
    labels = ["Provincial-level+ specialised and innovative firms", "Provincial-level+ innovation platforms"]
    for width in range(8, 40):
        cut = distinct_cuts(labels, width)
        assert cut[0] != cut[1], (width, cut)
        assert all(cell_len(c) <= width for c in cut)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_scrolling_sideways_keeps_the_zone_name_and_shows_every_cell_whole(
    data_dir: Path, lang: str
) -> None:
    """At 60x20 the zones' revenue cell (with its lagging clusters, "! 食品") was cut to fit and never
    shown whole, even scrolled right; and scrolling right moved the zone's name off the screen."""
    from widgets.view_table import ViewTable

    app = DevZonesApp(load_settings(data_dir=data_dir, lang=lang, remembered=False))
    async with app.run_test(size=(60, 20)) as pilot:
        await until(pilot, lambda: app.ready)
        await pilot.press("2")
        await pilot.pause()
        table = app.query_one("#zones-table", ViewTable)
        assert table.view is not None
        view = table.view
        rows = min(table.row_count, table.size.height - 1)
        names = [view.rows[i].cells[1].text for i in range(rows)]
        wanted = {
            (i, column.key): view.rows[i].cells[c].text.strip()
            for i in range(rows)
            for c, column in enumerate(view.columns)
            if view.rows[i].cells[c].text.strip() and c > 1
        }
        seen: set[tuple[int, str]] = set()
        # Each row's mark and name as the first screen draws them (cut to fit in English).
        first = []
        for y in range(1, rows + 1):
            line = table.render_line(y).text
            first.append(line[: line.index(names[y - 1][:6]) + 6])
        for _ in range(len(view.columns) + 2):
            lines = [table.render_line(y).text for y in range(1, rows + 1)]
            # The name (as fitted) stays at the left while scrolling, unless a cell wider than the
            # room beside it is shown across the screen.
            wide = any(
                cell_len(text) + 2 > table.scrollable_content_region.width - table._frozen_end
                and text in lines[i]
                for (i, _), text in wanted.items()
            )
            for i, line in enumerate(lines):
                assert wide or line.startswith(first[i]), (i, line, first[i])
            seen |= {(i, key) for (i, key), text in wanted.items() if text in lines[i]}
            await pilot.press("right")
            await pilot.pause()
        lagging = {(i, "revenue") for i in range(rows) if "!" in view.rows[i].cells[5].text}
        assert lagging and lagging <= seen  # each lagging cluster is on screen at some point
        assert set(wanted) <= seen, sorted(set(wanted) - seen)  # and every other cell, whole


def readme_widths() -> dict[str, int]:
    """The widths from which the README says every Zones column shows, per language."""
    import re

    text = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    found = re.search(r"all of them show from (\d+) columns in Chinese and from (\d+) in English", text)
    assert found is not None, "the README no longer says from which width every Zones column shows"
    return {"zh": int(found[1]), "en": int(found[2])}


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_readme_says_truly_from_which_width_every_zones_column_shows(
    data_dir: Path, lang: str
) -> None:
    """The README said every Zones column shows from 100 columns; English dropped three at 120 (and
    Chinese two at 100). At the width it now names, and wider, every column shows, none cut."""
    from widgets.view_table import ViewTable

    width = readme_widths()[lang]
    app = DevZonesApp(load_settings(data_dir=data_dir, lang=lang, remembered=False))
    async with app.run_test(size=(width, 24)) as pilot:
        await until(pilot, lambda: app.ready)
        await pilot.press("2")
        await pilot.pause()
        table = app.query_one("#zones-table", ViewTable)
        assert table.view is not None
        for w in (width, max(width, 200)):
            await pilot.resize_terminal(w, 24)
            await pilot.pause()
            header = table.render_line(0).text
            for column in table.view.columns:
                assert column.label in header, (w, column.label, header)
