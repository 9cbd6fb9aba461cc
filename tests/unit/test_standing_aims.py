"""An aim the plan never dates is never judged as due (issue 20, item 2).

One rule (console.engine.progress): a target with no due year that is not a yearly one is a standing
aim (长期目标). It is ``met`` once reached and otherwise ``ongoing`` (持续推进) with its progress shown:
never ``behind`` and never ``missed``, at any quarter, also at the plan's end. Which targets are dated is
the plan's own sentence: every row of data/indicators.csv is checked against it.
"""

from __future__ import annotations

import re
from dataclasses import replace

import polars as pl
import pytest

from console.core.config import load_settings
from console.data.dataset import Dataset
from console.data.scales import Period
from console.engine.evaluation import evaluate, status_json
from console.present.assemble import compute, render_views
from console.present.drilldown import indicator_detail
from console.present.drilldown_views import indicator_facts_view
from tests.support.data import with_tables
from tests.support.paths import PLAN_TEXT

STANDING = ("I08", "I13", "I17")


def _dated_by_the_plan(plan: str, words: str) -> bool:
    """Whether the plan's sentence stating ``words`` puts a year on them: a year (2026年) before the
    words' end within their sentence ("到2026年，…", "力争2026年…")."""
    flat = plan.replace("\n", "")  # a sentence may run across a line break (绿色\n工业园区)
    at = flat.index(words)
    start = flat.rfind("。", 0, at) + 1
    return re.search(r"20\d\d年", flat[start : at + len(words)]) is not None


def test_every_indicator_is_dated_as_the_plan_says(dataset: Dataset) -> None:
    plan = PLAN_TEXT.read_text(encoding="utf-8")
    for row in dataset["indicators"].iter_rows(named=True):
        dated = _dated_by_the_plan(plan, row["text"])
        if row["scope"] == "each_zone_each_year":
            assert row["target_year"] is None and re.search("每年|年均", row["text"]), row["indicator"]
            continue
        assert (row["target_year"] is not None) == dated, (row["indicator"], row["text"], dated)
    undated = dataset["indicators"].filter(
        pl.col("target_year").is_null() & (pl.col("scope") != "each_zone_each_year")
    )
    assert sorted(undated.get_column("indicator").to_list()) == list(STANDING)


def _at_plan_end(ds: Dataset, i17: float) -> Dataset:
    """The data as of 2026Q4 (the plan's last quarter), I17 (R&D coverage) at ``i17`` percent."""
    values = ds["indicator_values"]
    extra = pl.DataFrame(
        {
            "indicator": ["I17", "I19", "I13", "I08"],
            "zone": [None, None, None, None],
            "period": ["2026Q4"] * 4,
            "value": [i17, 1.0, -0.5, 0.0],
        },
        schema=values.schema,
    )
    out = with_tables(ds, indicator_values=pl.concat([values, extra]))
    return replace(out, manifest=replace(ds.manifest, as_of="2026Q4"))


def test_an_undated_aim_short_of_its_target_at_the_plans_end_is_not_missed(dataset: Dataset) -> None:
    ds = _at_plan_end(dataset, 99.5)
    assert ds.as_of == Period(2026, 4)
    ev = evaluate(ds, load_settings(data_dir=ds.source), 2026)
    status = dict(ev.indicators.select("indicator", "status").iter_rows())
    assert status["I19"] == "met"  # the plan's dated goal for the same measure
    assert status["I17"] == "ongoing"
    for code in STANDING:
        assert status[code] in ("met", "ongoing"), (code, status[code])
    rows = {i["indicator"]: i for i in status_json(ev)["indicators"]}
    assert rows["I17"]["status"] == "ongoing" and rows["I17"]["standing_aim"] is True
    assert rows["I17"]["progress"] is not None  # progress toward the aim is still shown


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_an_undated_aim_is_never_behind(dataset: Dataset, year: int) -> None:
    ev = evaluate(dataset, load_settings(data_dir=dataset.source), year)
    standing = ev.indicators.filter(pl.col("standing_aim"))
    assert set(standing.get_column("status").to_list()) <= {"met", "ongoing", "no_data", "not_reported"}
    assert standing.get_column("expected").null_count() == standing.height  # nothing to pace against


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_surface_says_ongoing(dataset: Dataset, lang: str) -> None:
    ds = _at_plan_end(dataset, 99.5)
    snap = compute(ds, load_settings(data_dir=ds.source), 2026, [])
    views = render_views(snap, lang, False, words=True)
    row = next(r for r in views.tables["indicators"].rows if r.key == "I17")
    shown = " ".join(c.text for c in row.cells)
    assert ("持续推进" if lang == "zh" else "ongoing") in shown
    assert ("未达标" if lang == "zh" else "missed") not in shown
    facts = indicator_facts_view(indicator_detail(ds, snap.evaluation, "I17"), lang, False)
    said = " ".join(c.text for r in facts.rows for c in r.cells)
    assert ("长期目标" if lang == "zh" else "standing aim") in said
    progress = next(r for r in facts.rows if r.key == "progress").cells[-1].text
    assert ("（应达" if lang == "zh" else "(pace ") not in progress  # no pace: not a dated target


def test_a_zone_scoped_standing_aim_counts_its_progress_in_the_ranking(dataset: Dataset) -> None:
    """I05 (each zone's tax per mu) without its due year: each zone's row is met or ongoing, and the
    composite score's indicator share takes its progress toward the aim (there is no pace to divide by)."""
    from console.engine.rankings import composite_scores

    indicators = dataset["indicators"].with_columns(
        pl.when(pl.col("indicator") == "I05").then(None).otherwise(pl.col("target_year")).alias("target_year")
    )
    ds = with_tables(dataset, indicators=indicators)
    settings = load_settings(data_dir=ds.source)
    ev = evaluate(ds, settings, 2026)
    rows = ev.zone_indicators.filter(pl.col("indicator") == "I05")
    assert set(rows.get_column("status").to_list()) <= {"met", "ongoing", "not_reported"}
    ongoing = rows.filter(pl.col("status") == "ongoing")
    assert ongoing.height and ongoing.get_column("progress").min() > 0
    shares = dict(composite_scores(ds, 2026, settings).select("zone", "indicator_share").iter_rows())
    for zone in ongoing.get_column("zone").to_list():
        own = ev.zone_indicators.filter(pl.col("zone") == zone).iter_rows(named=True)
        # met counts whole; an aim without a pace counts its progress toward it (not 0, as a missing
        # pace made it); the others their progress against the pace
        each = [
            1.0
            if r["status"] == "met"
            else min(
                1.0, max(0.0, (r["progress"] or 0.0) / (r["expected"] if r["expected"] is not None else 1.0))
            )
            for r in own
        ]
        assert shares[zone] == pytest.approx(sum(each) / len(each)), zone
