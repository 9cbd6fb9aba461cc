"""Sample data: deterministic, labelled, varied, and scalable to a province or the nation."""

from __future__ import annotations

import tomllib
from pathlib import Path

import polars as pl
import pytest

from console.cli import main
from console.data.loader import load_dataset
from console.engine.evaluation import evaluate
from console.sample.generate import SAMPLE_TABLES


def test_regenerating_gives_the_shipped_files_byte_for_byte(tmp_path: Path, data_dir: Path, capsys) -> None:
    assert main(["generate", "--out", str(tmp_path / "again")]) == 0
    for name in [*(f"{t}.csv" for t in SAMPLE_TABLES), "manifest.toml", "zones.csv", "indicators.csv"]:
        assert (tmp_path / "again" / name).read_bytes() == (data_dir / name).read_bytes(), name


def test_another_seed_gives_other_data(tmp_path: Path, data_dir: Path, capsys) -> None:
    assert main(["generate", "--out", str(tmp_path / "other"), "--seed", "7"]) == 0
    assert (tmp_path / "other" / "cluster_revenue.csv").read_bytes() != (
        data_dir / "cluster_revenue.csv"
    ).read_bytes()
    assert load_dataset(tmp_path / "other").manifest.extra["seed"] == 7


def test_manifest_says_sample(data_dir: Path) -> None:
    manifest = tomllib.loads((data_dir / "manifest.toml").read_text(encoding="utf-8"))
    assert manifest["sample"] is True and manifest["as_of"] == "2026Q3"
    assert "示例" in manifest["title"]


def test_progress_covers_2024q1_to_2026q3(dataset) -> None:
    periods = sorted(set(dataset["reports"].get_column("period")))
    assert periods[0] == "2024Q1" and periods[-1] == "2026Q3" and len(periods) == 11
    assert sorted(set(dataset["assessments"].get_column("year"))) == [2024, 2025]  # 2026's come next year
    ranks = (
        dataset["assessments"]
        .select((pl.col("province_rank") >= 1) & (pl.col("province_rank") <= pl.col("tier_size")))
        .to_series()
    )
    assert ranks.all()


def test_sample_data_is_varied(dataset, settings) -> None:
    published = evaluate(dataset, settings, 2025).zones
    assert (published["tier_status"] == "missed").any() and (published["star_status"] == "missed").any()
    assert (published["missing"].list.len() == 0).any()  # some zones meet everything
    current = evaluate(dataset, settings, 2026)
    assert (current.clusters["status"] == "behind").any() and (current.clusters["status"] == "on_pace").any()
    assert {"late", "missing", "on_time"} <= set(current.zones["report_status"])
    assert (current.indicators["status"] == "no_data").any()  # an indicator with no data yet


def test_refuses_to_overwrite_a_dataset(tmp_path: Path, capsys) -> None:
    out = tmp_path / "d"
    assert main(["generate", "--out", str(out)]) == 0
    before = (out / "reports.csv").read_bytes()
    assert main(["generate", "--out", str(out), "--seed", "3"]) == 4  # a file-system refusal
    assert "already holds a dataset" in capsys.readouterr().err
    assert (out / "reports.csv").read_bytes() == before


@pytest.mark.parametrize("zones", [184])
def test_synthetic_province(tmp_path: Path, zones: int, settings, capsys) -> None:
    assert main(["generate", "--zones", str(zones), "--out", str(tmp_path / "p")]) == 0
    ds = load_dataset(tmp_path / "p")
    assert ds["zones"].height == zones and ds.sample
    ratio = ds["clusters"].height / zones
    assert 1.3 < ratio < 1.8  # clusters in the embedded plan's proportion (17 per 11)
    assert ds["indicators"].height == 34 and ds["tasks"].height == 18
    assert sorted(set(ds["cluster_revenue"].get_column("period")))[-1] == "2026Q3"
    assert main(["check", "--data", str(tmp_path / "p"), "--json"]) == 0
    assert '"audit": []' in capsys.readouterr().out  # a synthetic plan agrees with itself
    assert evaluate(ds, settings).zones.height == zones
