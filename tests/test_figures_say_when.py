"""Figures that say what they are: the year and quarter the overview's headline goals come from and
the year of their targets (walk 2); what the zone revenue figure I01 is measured over (walk 3)."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from console.core.config import Settings
from console.data.dataset import Dataset
from console.present.assemble import compute, render_views
from console.present.views import overview_view
from widgets.overview import render_overview


def _overview_text(dataset: Dataset, settings: Settings, year: int, lang: str) -> tuple[str, str]:
    views = render_views(compute(dataset, settings, year, ()), lang, False)
    out = Console(width=120, record=True, file=io.StringIO(), color_system=None)
    out.print(render_overview(views.overview, lang, False, year, width=120))
    exported = overview_view(views.overview, lang, False)
    return out.export_text(), " ".join(str(r.cells[0].text) for r in exported.rows)


@pytest.mark.parametrize(
    ("year", "zh", "en"),
    [
        (2024, "主要目标（2024年，截至2024Q4；2026年目标）", "Headline goals (2024, to 2024Q4; 2026 targets)"),
        (2025, "主要目标（2025年，截至2025Q4；2026年目标）", "Headline goals (2025, to 2025Q4; 2026 targets)"),
        (2026, "主要目标（2026年目标，截至2026Q3）", "Headline goals (2026 targets, to 2026Q3)"),
    ],
)
def test_headline_goals_say_the_year_and_quarter_of_their_figures(
    dataset: Dataset, settings: Settings, year: int, zh: str, en: str
) -> None:
    # walk 2: the heading stayed 主要目标（2026年） while the rows showed 2024Q4 and 2025Q4 figures.
    assert str(dataset.as_of) == "2026Q3"
    screen, exported = _overview_text(dataset, settings, year, "zh")
    assert zh in screen and zh in exported
    screen, exported = _overview_text(dataset, settings, year, "en")
    assert en in screen
    assert en in exported
