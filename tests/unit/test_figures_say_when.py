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
        (
            2024,
            "主要目标（2024年，截至2024Q4；2026年目标）",
            "Headline goals (2024, to 2024Q4; 2026 targets)",
        ),
        (
            2025,
            "主要目标（2025年，截至2025Q4；2026年目标）",
            "Headline goals (2025, to 2025Q4; 2026 targets)",
        ),
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


def test_zone_revenue_is_a_full_year_figure_on_a_stated_basis(dataset: Dataset, settings: Settings) -> None:
    # walk 3: I01 climbs every quarter (the revenue of the last four quarters), yet it was 达标 before
    # 2026 ended. A running year's value reaching the full-year target is on pace, on its stated basis.
    import polars as pl

    from console.engine.progress import indicator_status
    from tests.support.data import with_tables

    def judged(period: str, value: float) -> dict[str, object]:
        values = pl.DataFrame(
            [("I01", None, "2023Q4", 718.6), ("I01", None, period, value)],
            schema={"indicator": pl.String, "zone": pl.String, "period": pl.String, "value": pl.Float64},
            orient="row",
        )
        ds = with_tables(dataset, indicator_values=values)
        indicators, _ = indicator_status(ds, int(period[:4]), settings)
        return indicators.filter(pl.col("indicator") == "I01").row(0, named=True)

    running = judged("2026Q1", 1520.0)
    assert (running["status"], running["basis"]) == ("on_pace", "trailing")
    finished = judged("2025Q4", 1520.0)
    assert (finished["status"], finished["basis"]) == ("met", "full_year")


def test_zone_revenue_drilldown_states_its_basis_base_and_the_tables_quarters(
    dataset: Dataset, settings: Settings
) -> None:
    from console.engine.evaluation import evaluate
    from console.present.drilldown import indicator_detail
    from console.present.drilldown_views import indicator_facts_view, indicator_history_view

    d = indicator_detail(dataset, evaluate(dataset, settings, 2026), "I01")
    facts = {r.key: r.cells[1].text for r in indicator_facts_view(d, "zh", False).rows}
    assert "近四季度" in facts["latest"] and "近四个季度" in facts["basis"]
    assert facts["baseline"] == "718.6 亿元 (2023Q4)"  # the base 基期起进度 is measured from
    history = indicator_history_view(d, "zh", False)
    assert d.series[0].x == tuple(r.key for r in history.rows)  # the chart spans the table's quarters
    assert [r.cells[-1].text for r in history.rows if r.key.endswith("Q4")] == ["全年实际"] * 2
    en = {r.key: r.cells[1].text for r in indicator_facts_view(d, "en", False).rows}
    assert "last four quarters" in en["latest"] and en["baseline"].startswith("718.6")


def test_a_value_on_its_target_line_stays_in_sight() -> None:
    # walk 3: from the quarter I01 reached its target its line vanished under the target's 'o' marks.
    from console.present.series import Series
    from widgets.chart import MARKERS, render_chart

    x = tuple(f"2{q}Q{n}" for q in (5, 6) for n in (1, 2, 3, 4))
    value = Series("value", x, tuple(1500.0 if i >= 2 else 1400.0 + 40 * i for i in range(len(x))))
    target = Series("target", x, (1500.0,) * len(x))
    lines = render_chart((value, target), 80, 16).plain.splitlines()
    plot = "\n".join(lines[:-1])  # less the legend
    target_row = next(line for line in lines if MARKERS[1] in line)
    assert target_row.count(MARKERS[0]) > target_row.count(MARKERS[1]), plot
