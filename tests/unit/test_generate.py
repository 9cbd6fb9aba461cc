"""Sample data: deterministic, labelled, varied, and scalable to a province or the nation."""

from __future__ import annotations

import itertools
import json
import shutil
import tomllib
from pathlib import Path

import polars as pl
import pytest

from console.cli import main
from console.data.loader import load_dataset
from console.data.schema import TABLES
from console.engine.changes import CODES
from console.engine.evaluation import evaluate
from console.reports.store import read_journal, sha256
from console.reports.template import HISTORY
from console.sample.generate import HISTORY_DIR

# The tables the generator makes (the rest of a dataset is the plan's).
SAMPLE_TABLES = tuple(t.name for t in TABLES if t.sample)


def test_regenerating_gives_the_shipped_files_byte_for_byte(tmp_path: Path, data_dir: Path, capsys) -> None:
    assert main(["generate", "--out", str(tmp_path / "again")]) == 0
    for name in [*(f"{t}.csv" for t in SAMPLE_TABLES), "manifest.toml", "zones.csv", "indicators.csv"]:
        assert (tmp_path / "again" / name).read_bytes() == (data_dir / name).read_bytes(), name
    # and the sample's ingest history (the revised figure), file for file
    shipped = sorted(p.relative_to(data_dir) for p in (data_dir / HISTORY).rglob("*") if p.is_file())
    again = sorted(p.relative_to(tmp_path / "again") for p in (tmp_path / "again" / HISTORY).rglob("*"))
    assert shipped and [p for p in again if (tmp_path / "again" / p).is_file()] == shipped
    for name in shipped:
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
    assert main(["generate", "--out", str(out), "--seed", "3"]) == 4  # a file-system refusal, as init's
    assert "已有数据集" in capsys.readouterr().err  # in the chosen language (Chinese by default)
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


def _kinds_listed(capsys, data: Path) -> set[str]:
    """Every code ``devzones changes --json`` lists over each pair of consecutive quarters of ``data``."""
    kinds: set[str] = set()
    quarters = [f"{y}Q{q}" for y in (2024, 2025, 2026) for q in (1, 2, 3, 4)][:11]
    for start, end in itertools.pairwise(quarters):
        assert main(["changes", "--data", str(data), "--from", start, "--to", end, "--json"]) == 0
        kinds |= {c["code"] for c in json.loads(capsys.readouterr().out)["changes"]}
    return kinds


@pytest.mark.slow
@pytest.mark.parametrize("args", [["--seed", "7"], ["--zones", "30"]], ids=["seed-7", "synthetic-30"])
def test_generated_data_shows_every_kind_of_change(tmp_path: Path, capsys, args: list[str]) -> None:
    out = tmp_path / "g"
    assert main(["generate", "--out", str(out), *args]) == 0
    capsys.readouterr()
    assert _kinds_listed(capsys, out) == set(CODES)
    assert load_dataset(out).sample  # still labelled sample


def test_the_sample_revision_is_an_ingest_entry_that_undo_takes_back(tmp_path: Path, capsys) -> None:
    assert HISTORY_DIR == HISTORY  # the generator writes where ingest and ``changes`` read
    out = tmp_path / "g"
    assert main(["generate", "--out", str(out)]) == 0
    (entry,) = (out / HISTORY).iterdir()
    journal = read_journal(out, entry)
    (changed,) = journal.files
    assert changed.after == sha256(out / changed.name) and changed.before == sha256(entry / changed.name)
    capsys.readouterr()
    assert main(["changes", "--data", str(out), "--from", "2026Q2", "--json"]) == 0
    (revised,) = [c for c in json.loads(capsys.readouterr().out)["changes"] if c["code"] == "revised"]
    assert (
        revised["period"] == "2026Q2" and revised["from"] != revised["to"] and revised["when"] == journal.at
    )
    # A copy of the dataset can undo the sample ingest: the old figure is back and no revision is left.
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    assert main(["undo", "--data", str(copy)]) == 0
    old = pl.read_csv(copy / "cluster_revenue.csv").filter(
        (pl.col("zone") == revised["zone"])
        & (pl.col("industry") == revised["industry"])
        & (pl.col("period") == "2026Q2")
    )
    assert old.get_column("revenue_ytd").to_list() == [revised["from"]]
    capsys.readouterr()
    assert main(["changes", "--data", str(copy), "--from", "2026Q2", "--json"]) == 0
    assert not [c for c in json.loads(capsys.readouterr().out)["changes"] if c["code"] == "revised"]
