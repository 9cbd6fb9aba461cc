"""Plausible sample data: invariants that hold on the embedded 11-zone set and on the generated
184-zone (a province) and 2,543-zone (the nation) sets, and, by Hypothesis, for any seed and size.

- In each year and tier the provincial ranks are distinct and agree with the scores; where the
  dataset is the whole pool (the synthetic sets) they are exactly 1..N and the tier size is N.
- An indicator that other tables determine (I06) agrees with the count from those tables.
- A zone whose report for a quarter is missing has no figures for that quarter.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.cli import main
from console.data.loader import load_dataset, load_tables
from console.engine.determined import computed_values, disagreements
from console.engine.rules import band, flags_table
from console.sample.generate import PLAN_TABLES, TIER_SIZES, generate_progress, synthetic_plan

Tables = Mapping[str, pl.DataFrame]


def rank_problems(assessments: pl.DataFrame, whole_pool: bool) -> list[str]:
    """Every (year, tier) whose ranks repeat, leave 1..tier_size, or disagree with the scores."""
    problems = []
    for (year, tier), group in assessments.group_by("year", "tier"):
        ranked = group.sort("province_rank")
        ranks = ranked.get_column("province_rank").to_list()
        scores = ranked.get_column("score").to_list()
        sizes = set(ranked.get_column("tier_size").to_list())
        where = f"{year} tier {tier}"
        if len(sizes) != 1:
            problems.append(f"{where}: tier sizes {sorted(sizes)}")
            continue
        size = sizes.pop()
        if len(set(ranks)) != len(ranks):
            problems.append(f"{where}: shared ranks {ranks}")
        if ranks[0] < 1 or ranks[-1] > size:
            problems.append(f"{where}: ranks {ranks[0]}..{ranks[-1]} outside 1..{size}")
        if any(better <= worse for better, worse in pairwise(scores)):
            problems.append(f"{where}: scores {scores} do not fall with rank {ranks}")
        if whole_pool and (ranks != list(range(1, len(ranks) + 1)) or size != len(ranks)):
            problems.append(f"{where}: ranks are not 1..{len(ranks)} of a tier of {size}")
    return problems


def figures_without_report(tables: Tables) -> list[tuple[str, str, str]]:
    """(table, zone, period) for every figure of a quarter whose report the zone did not send
    (quarters before reporting began, such as the 2023Q4 baseline, are not reports' to give)."""
    sent = tables["reports"].filter(pl.col("submitted").is_not_null()).select("zone", "period")
    due = tables["reports"].get_column("period").unique().implode()
    found = []
    for name in ("cluster_revenue", "indicator_values"):
        orphans = (
            tables[name]
            .filter(pl.col("zone").is_not_null() & pl.col("period").is_in(due))
            .join(sent, on=["zone", "period"], how="anti")
        )
        found += [
            (name, z, p) for z, p in orphans.select("zone", "period").unique().sort("zone", "period").rows()
        ]
    return found


def assert_invariants(tables: Tables, whole_pool: bool) -> None:
    assert rank_problems(tables["assessments"], whole_pool) == []
    compared = tables["indicator_values"].join(
        computed_values(tables), on=["indicator", "period"], how="semi"
    )
    assert compared.height > 0  # the reported I06 values are there to compare
    assert disagreements(tables).is_empty()
    assert figures_without_report(tables) == []
    assert tables["reports"].get_column("submitted").null_count() > 0  # some report is missing


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """The 184- and 2,543-zone sets, generated once per test session (about a second each)."""
    out = {}
    for zones in (184, 2543):
        path = tmp_path_factory.mktemp(f"zones{zones}")
        assert main(["generate", "--zones", str(zones), "--out", str(path), "--force"]) == 0
        out[zones] = path
    return out


def test_the_embedded_sample_is_plausible(dataset) -> None:
    assert_invariants(dataset, whole_pool=False)


@pytest.mark.parametrize("zones", [184, 2543])
def test_generated_sets_are_plausible(generated: dict[int, Path], zones: int) -> None:
    ds = load_dataset(generated[zones])
    assert ds["zones"].height == zones
    assert_invariants(ds, whole_pool=True)
    # Ranks 1..N feed the plan's rules: every full tier has exactly its band of bottom-10 notices.
    for year in (2024, 2025):
        published = ds["assessments"].filter(pl.col("year") == year)
        flagged = flags_table(published, year).join(published.select("zone", "tier", "tier_size"), on="zone")
        for (tier,), group in flagged.group_by("tier"):
            size = group.get_column("tier_size")[0]
            bottom = group.filter(pl.col("flags").list.contains("bottom10_notice")).height
            assert bottom == band(size), (year, tier)


def test_the_checks_catch_what_the_old_generator_made(dataset) -> None:
    """The invariants fail on the faults the issue found, so they can fail at all."""
    assessments = dataset["assessments"]
    shared = assessments.with_columns(  # 2024 三档: two zones at 90/90
        pl.when((pl.col("year") == 2024) & (pl.col("tier") == 3) & (pl.col("province_rank") >= 75))
        .then(90)
        .otherwise(pl.col("province_rank"))
        .alias("province_rank")
    )
    assert any("shared ranks" in p for p in rank_problems(shared, whole_pool=False))
    swapped = assessments.with_columns(pl.col("score").reverse())
    assert any("do not fall" in p for p in rank_problems(swapped, whole_pool=False))
    zone, period = dataset["reports"].filter(pl.col("submitted").is_null()).select("zone", "period").row(0)
    stray = pl.DataFrame(
        [("I10", zone, period, 1.0)],
        schema={"indicator": pl.String, "zone": pl.String, "period": pl.String, "value": pl.Float64},
        orient="row",
    )
    tables = {**dataset.tables, "indicator_values": pl.concat([dataset["indicator_values"], stray])}
    assert figures_without_report(tables) == [("indicator_values", zone, period)]


@pytest.fixture(scope="module")
def template(data_dir: Path) -> dict[str, pl.DataFrame]:
    return load_tables(data_dir, list(PLAN_TABLES))


@settings(max_examples=25)
@given(
    seed=st.integers(min_value=0, max_value=2**31 - 1),
    zones=st.integers(min_value=1, max_value=60),
    whole_pool=st.booleans(),
)
def test_any_seed_and_size_gives_plausible_data(template, seed: int, zones: int, whole_pool: bool) -> None:
    plan = synthetic_plan(zones, template, seed)
    progress = generate_progress(plan, seed, tier_sizes=None if whole_pool else TIER_SIZES)
    tables = {**plan, **progress}
    assert rank_problems(tables["assessments"], whole_pool) == []
    assert disagreements(tables).is_empty()
    assert figures_without_report(tables) == []
