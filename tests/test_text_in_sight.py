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
from tests.test_narrow import screen_lines
from tests.waiting import until

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
