"""An indicator's own drill-down (console.present.drilldown.indicator_detail, drawn by Blocks): its
target, history, per-zone values and the plan's words in full, at any width."""

from __future__ import annotations

import io
import re
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from console.core.config import Settings, load_settings
from console.data.dataset import Dataset
from console.engine.evaluation import Evaluation, evaluate
from console.present.drilldown import indicator_detail
from console.present.drilldown_views import indicator_facts_view, indicator_history_view, indicator_zones_view
from console.present.labels import text as label_text
from widgets.drilldown_panel import Blocks, DetailContent


@pytest.fixture(scope="module")
def evaluation(dataset: Dataset, data_dir: Path) -> Evaluation:
    """2026 for the whole city: one evaluation for the many examples below."""
    return evaluate(dataset, load_settings(data_dir=data_dir), 2026)


def rendered(content: DetailContent, width: int) -> str:
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    for block in (content.title, *content.before, *content.after):
        console.print(block)
    return console.export_text()


def squeezed(text: str) -> str:
    """Text without the spaces and line breaks that wrapping adds or moves."""
    return re.sub(r"\s+", "", text)


def values_until(ds: Dataset, code: str, until: str) -> pl.DataFrame:
    return ds["indicator_values"].filter((pl.col("indicator") == code) & (pl.col("period") <= until))


def test_headline_goal_i01_has_its_target_history_and_chart(dataset: Dataset, settings: Settings) -> None:
    ev = evaluate(dataset, settings, 2026)
    d = indicator_detail(dataset, ev, "I01")
    expected = values_until(dataset, "I01", str(dataset.as_of)).sort("period")
    assert [p for p, _, _ in d.history] == expected.get_column("period").to_list()
    assert [v for _, v, _ in d.history] == expected.get_column("value").to_list()
    assert d.task is None and not d.zones
    facts = {r.key: r.cells[1].text for r in indicator_facts_view(d, "zh", False).rows}
    target = dataset["indicators"].filter(pl.col("indicator") == "I01").row(0, named=True)
    assert f"{target['target']:,.0f} " in facts["target"] and target["unit"] in facts["target"]
    assert str(target["target_year"]) in facts["target"]
    status = ev.indicators.filter(pl.col("indicator") == "I01")["status"][0]
    assert [r.cells[1].status for r in indicator_facts_view(d, "zh", False).rows if r.key == "status"] == [
        status
    ]
    history = indicator_history_view(d, "zh", False)
    assert [r.key for r in history.rows] == expected.get_column("period").to_list()[-8:]
    value, goal = d.series
    assert value.y[-1] == expected.get_column("value")[-1] and set(goal.y) == {target["target"]}
    text = rendered(Blocks("zh", False, None).indicator(d), 120)
    assert expected.get_column("period")[-1] in text


def test_indicator_opens_itself_not_its_task(dataset: Dataset, settings: Settings) -> None:
    ev = evaluate(dataset, settings, 2026)
    d = indicator_detail(dataset, ev, "I02")
    content = Blocks("en", False, None).indicator(d)
    assert content.title.plain.startswith("I02 ")
    task = dataset["tasks"].filter(pl.col("task") == d.indicator["task"]).row(0, named=True)
    assert d.task is not None and d.task["task"] == task["task"]
    text = rendered(content, 100)
    assert task["title_en"] in squeezed(text) or squeezed(task["title_en"]) in squeezed(text)
    assert "Target" in text and "目标" not in text


def test_zone_indicator_shows_every_zone_of_the_filter(dataset: Dataset, settings: Settings) -> None:
    ev = evaluate(dataset, settings, 2026)
    d = indicator_detail(dataset, ev, "I05")
    assert [z["zone"] for z in d.zones] == ev.zones.get_column("zone").to_list()
    own = values_until(dataset, "I05", str(dataset.as_of))
    for z in d.zones:
        for period, value in zip(d.periods, z["values"], strict=True):
            found = own.filter((pl.col("zone") == z["zone"]) & (pl.col("period") == period))
            assert value == (found["value"][0] if found.height else None)
    view = indicator_zones_view(d, "zh", False)
    statuses = ev.zone_indicators.filter(pl.col("indicator") == "I05").get_column("status").to_list()
    assert [r.cells[-1].status for r in view.rows] == statuses
    filtered = evaluate(dataset, settings, 2026, ("平舆县",))
    assert [z["short_name"] for z in indicator_detail(dataset, filtered, "I05").zones] == ["平舆"]


def test_history_follows_the_year_shown(dataset: Dataset, settings: Settings) -> None:
    d = indicator_detail(dataset, evaluate(dataset, settings, 2024), "I01")
    assert d.history and max(p for p, _, _ in d.history) == "2024Q4"
    later = indicator_detail(dataset, evaluate(dataset, settings, 2026), "I01")
    assert max(p for p, _, _ in later.history) > "2024Q4"


@pytest.mark.parametrize("code", ["I01", "I02", "I16"])
@given(width=st.integers(min_value=24, max_value=220), lang=st.sampled_from(["zh", "en"]))
def test_the_plans_words_are_shown_in_full_at_any_width(
    dataset: Dataset, evaluation: Evaluation, code: str, width: int, lang: str
) -> None:
    """In Chinese the plan's sentence and its task's measure are shown whole, never cut; the plan has
    no English text, so in English the drill-down says, also whole, how to read them (press l)."""
    d = indicator_detail(dataset, evaluation, code)
    text = squeezed(rendered(Blocks(lang, False, None).indicator(d), width))
    if lang == "zh":
        assert squeezed(d.indicator["text"]) in text
        if d.task is not None:
            assert squeezed(d.task["measure"]) in text
    else:
        assert squeezed(label_text("plan_words_zh_only", "en")) in text
        assert d.indicator["text"][:4] not in text


@given(width=st.integers(min_value=24, max_value=220))
def test_a_tasks_measure_is_shown_in_full_at_any_width(
    dataset: Dataset, evaluation: Evaluation, width: int
) -> None:
    from console.present.drilldown import task_indicators

    ev = evaluation
    task = ev.tasks.filter(pl.col("task") == 8).row(0, named=True)
    own, values = task_indicators(dataset, ev.indicators, 8)
    text = squeezed(rendered(Blocks("zh", False, None).task(task, own, values), width))
    assert squeezed(task["measure"]) in text


def test_a_long_zone_list_keeps_the_worst_zones_and_says_how_many_are_left_out(
    dataset: Dataset, evaluation: Evaluation, monkeypatch: pytest.MonkeyPatch
) -> None:
    from console.engine.progress import SEVERITY
    from console.present import drilldown

    monkeypatch.setattr(drilldown, "ZONES_SHOWN", 4)  # national data has 2,543 zones; here 11
    d = indicator_detail(dataset, evaluation, "I05")
    every = evaluation.zone_indicators.filter(pl.col("indicator") == "I05")
    assert len(d.zones) == 4 and d.more == every.height - 4
    rank = {s: i for i, s in enumerate(SEVERITY)}
    shown = [z["zone"] for z in d.zones]
    left_out = every.filter(~pl.col("zone").is_in(shown)).get_column("status").to_list()
    assert max(rank[z["status"]] for z in d.zones) <= min(rank[s] for s in left_out)  # worst first
    order = every.get_column("zone").to_list()
    assert [z["zone"] for z in d.zones] == sorted((z["zone"] for z in d.zones), key=order.index)
    title = indicator_zones_view(d, "en", False).title
    assert f"{d.more} more not listed" in title


def test_a_zone_indicators_summary_says_what_its_status_is_made_of(
    dataset: Dataset, settings: Settings
) -> None:
    # walk 1: a mean progress on pace beside a status behind read as a contradiction. The status says
    # which zones make it (the worst zone's), and the progress says it is the zones' mean.
    ev = evaluate(dataset, settings, 2026)
    d = indicator_detail(dataset, ev, "I05")
    facts = {r.key: r for r in indicator_facts_view(d, "zh", False).rows}
    status = facts["status"].cells[1].text
    behind = sum(z["status"] == "behind" for z in d.zones)
    assert d.indicator["status"] == "behind" and behind
    assert f"落后{behind}区" in status
    assert "平均" in facts["progress"].cells[0].text
    en = {r.key: r for r in indicator_facts_view(d, "en", False).rows}
    assert f"behind {behind}" in en["status"].cells[1].text


def test_a_zone_indicator_with_zones_not_reported_says_how_many_are_judged(
    dataset: Dataset, settings: Settings
) -> None:
    # walk 9: I10 is judged on the zones that reported (on pace), and every surface says how many.
    from console.present.views import indicators_view

    ev = evaluate(dataset, settings, 2026)
    row = ev.indicators.filter(pl.col("indicator") == "I10").row(0, named=True)
    judged, total = row["zones_judged"], row["zones_total"]
    assert 0 < judged < total and row["status"] != "not_reported"
    facts = {
        r.key: r.cells[1].text
        for r in indicator_facts_view(indicator_detail(dataset, ev, "I10"), "zh", False).rows
    }
    assert f"{judged}/{total}个开发区有本期数" in facts["latest"]
    table = {r.key: r for r in indicators_view(ev, "zh", False).rows}
    assert f"已报{judged}区" in table["I10"].cells[3].text
