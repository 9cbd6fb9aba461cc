"""The plan checked against itself."""

from __future__ import annotations

import polars as pl

from console.engine.audit import audit
from tests.support.data import with_tables


def test_the_published_plan_has_exactly_one_disagreement(dataset) -> None:
    findings = audit(dataset)
    assert [(f.check, f.year, f.level, f.stated, f.counted) for f in findings] == [
        ("star_count", 2024, "一星", 2, 3)
    ]
    assert "经开区、平舆、正阳" in findings[0].message_zh
    assert findings[0].to_json("en")["message"].startswith("2024: the text")


def test_changed_annex_2_is_found(dataset) -> None:
    targets = dataset["zone_targets"].with_columns(
        pl.when((pl.col("zone") == "遂平县开发区") & (pl.col("year") == 2026))
        .then(3)
        .otherwise(pl.col("tier_target"))
        .cast(pl.Int8)
        .alias("tier_target")
    )
    found = {
        (f.check, f.year, f.level, f.stated, f.counted)
        for f in audit(with_tables(dataset, zone_targets=targets))
    }
    assert ("tier_count", 2026, "二档", 4, 3) in found
    assert ("tier_count", 2026, "三档", 6, 7) in found


def test_cluster_count_and_tier_total(dataset) -> None:
    targets = dataset["cluster_targets"].with_columns(
        pl.when((pl.col("industry") == "户外休闲") & (pl.col("year") == 2026))
        .then(49.0)
        .otherwise(pl.col("revenue_target"))
        .alias("revenue_target")
    )
    figures = dataset["plan_figures"].with_columns(
        pl.when((pl.col("figure") == "tier_count") & (pl.col("year") == 2025) & (pl.col("level") == "三档"))
        .then(9.0)
        .otherwise(pl.col("stated"))
        .alias("stated")
    )
    found = {
        (f.check, f.year, f.stated, f.counted)
        for f in audit(with_tables(dataset, cluster_targets=targets, plan_figures=figures))
    }
    assert ("clusters_over_50", 2026, 11, 10) in found
    assert ("tier_total", 2025, 12, 11) in found
    assert ("tier_count", 2025, 9, 8) in found
