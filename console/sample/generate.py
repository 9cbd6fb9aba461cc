"""Deterministic sample progress data, and synthetic datasets for scale.

The plan gives targets, not results. This module makes believable results beside the targets:
provincial assessments for the years already published, cluster revenue per quarter, indicator
values, and quarterly report submissions. Everything it writes is labelled ``sample = true``.
With ``zones=N`` it also invents a plan of N zones (184 is Henan, 2543 the nation) so that the
console can be measured at scale.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import polars as pl
import tomli_w

from console.core.files import atomic_write_bytes
from console.core.text import said_both
from console.data.scales import Period
from console.data.schema import FORMATS, MANIFEST, TABLES_BY_NAME
from console.data.unfinished import HISTORY
from console.engine.coverage import area_for
from console.engine.determined import DETERMINED, linear_pace
from console.sample import sample_text as text
from console.words.sample import SAMPLE

DEFAULT_SEED = 20348
START = Period(2024, 1)
AS_OF = Period(2026, 3)
PLAN_TABLES = (
    "zones",
    "zone_targets",
    "clusters",
    "cluster_targets",
    "sections",
    "tasks",
    "indicators",
    "plan_figures",
)
# Henan's 184 zones split over the three tiers (sizes used for the in-tier rank).
TIER_SIZES = {1: 36, 2: 58, 3: 90}
# Provincial statistics not published yet: this indicator has no data (a case the console must show).
NO_DATA_YET = "I16"
SEASONAL = (0.23, 0.48, 0.74, 1.0)


def periods(start: Period, end: Period) -> list[Period]:
    return [Period.from_index(i) for i in range(start.index, end.index + 1)]


def _clip(x: float, low: float, high: float) -> float:
    return max(low, min(high, x))


def _assessments(
    rng: random.Random, plan: dict[str, pl.DataFrame], as_of: Period, tier_sizes: Mapping[int, int] | None
) -> pl.DataFrame:
    """Published results for the years before ``as_of``: star, tier, score and rank within tier.

    In each year and tier the ranks are distinct and agree with the scores (a better rank has a
    higher score). ``tier_sizes`` is the province's zones per tier when the dataset is part of it
    (the city's 11 zones among Henan's 184): ranks are then distinct places in 1..size. With None the
    dataset is the whole pool (a synthetic province or nation): the ranks of each year and tier are
    exactly 1..N and ``tier_size`` is N.
    """
    targets = plan["zone_targets"].filter(pl.col("year") < as_of.year).sort("zone", "year")
    zones = plan["zones"].get_column("zone").to_list()
    order = {z: i for i, z in enumerate(zones)}
    drawn = []
    standing: dict[str, float] = {}  # a zone's place within its tier (0 best, 1 worst) persists
    for zone, year, star_t, tier_t in sorted(targets.iter_rows(), key=lambda r: (order[r[0]], r[1])):
        r = rng.random()
        if star_t is None:
            star = 1 if r > 0.8 else None
        elif r < 0.68:
            star = star_t
        elif r < 0.8:
            star = min(5, star_t + 1)
        else:
            star = star_t - 1 or None
        r = rng.random()
        tier = tier_t if r < 0.7 else (max(1, tier_t - 1) if r < 0.82 else min(3, tier_t + 1))
        place = standing.get(zone, rng.random())
        place = _clip(place + rng.gauss(0, 0.25), 0.0, 1.0)
        standing[zone] = place
        drawn.append((zone, year, star, tier, place))
    groups: dict[tuple[int, int], list[tuple[str, int | None, float]]] = {}
    for zone, year, star, tier, place in drawn:
        groups.setdefault((year, tier), []).append((zone, star, place))
    rows = []
    for (year, tier), members in sorted(groups.items()):
        members.sort(key=lambda m: (m[2], order[m[0]]))  # best place first
        size = len(members) if tier_sizes is None else max(tier_sizes[tier], len(members))
        if tier_sizes is None:
            ranks = list(range(1, size + 1))
        else:
            ranks = _distinct_ranks([1 + round(m[2] * (size - 1)) for m in members], size)
        for (zone, star, _), rank, score in zip(members, ranks, _scores(rng, ranks, size), strict=True):
            rows.append((zone, year, star, tier, score, rank, size))
    rows.sort(key=lambda row: (order[row[0]], row[1]))
    return pl.DataFrame(
        rows,
        schema={
            "zone": pl.String,
            "year": pl.Int64,
            "star": pl.Int8,
            "tier": pl.Int8,
            "score": pl.Float64,
            "province_rank": pl.Int64,
            "tier_size": pl.Int64,
        },
        orient="row",
    )


def _distinct_ranks(wanted: list[int], size: int) -> list[int]:
    """Ranks as near ``wanted`` (non-decreasing, each in 1..size) as can be, no two the same."""
    ranks: list[int] = []
    for want in wanted:
        ranks.append(max(want, ranks[-1] + 1) if ranks else max(want, 1))
    for i in range(len(ranks) - 1, -1, -1):  # pushed past the end: move back down
        ceiling = size if i == len(ranks) - 1 else ranks[i + 1] - 1
        ranks[i] = min(ranks[i], ceiling)
    return ranks


def _scores(rng: random.Random, ranks: list[int], size: int) -> list[float]:
    """Scores falling with rank (strictly: the better rank always has the higher score), 0-100.

    A large pool gets two decimals and a wider spread, so that its scores stay distinct.
    """
    digits, spread = (1, 34.0) if size <= 300 else (2, 70.0)
    step = 10.0**-digits
    scores: list[float] = []
    for rank in ranks:
        score = 96 - spread * (rank - 1) / max(size - 1, 1) + rng.uniform(-1.5, 1.5)
        if scores:
            score = min(score, scores[-1] - step)
        scores.append(round(_clip(score, 0, 100), digits))
    return scores


def _reports(rng: random.Random, zones: list[str], quarters: list[Period]) -> pl.DataFrame:
    rows = []
    for zone in zones:
        for period in quarters:
            due = date.fromisoformat(period.due_date())
            r = rng.random()
            if r < 0.76:
                submitted: date | None = due - timedelta(days=rng.randint(0, 9))
            elif r < 0.93:
                submitted = due + timedelta(days=rng.randint(1, 24))
            else:
                submitted = None
            rows.append((zone, str(period), submitted))
    return pl.DataFrame(
        rows, schema={"zone": pl.String, "period": pl.String, "submitted": pl.Date}, orient="row"
    )


def _cluster_revenue(
    rng: random.Random, plan: dict[str, pl.DataFrame], quarters: list[Period], missing: set[tuple[str, str]]
) -> pl.DataFrame:
    targets = {
        (z, i, y): t
        for z, i, y, t in plan["cluster_targets"]
        .select("zone", "industry", "year", "revenue_target")
        .iter_rows()
    }
    rows = []
    years = sorted({p.year for p in quarters})
    for zone, industry in plan["clusters"].select("zone", "industry").iter_rows():
        for year in years:
            target = targets.get((zone, industry, year))
            if target is None:
                continue
            pace = _clip(rng.gauss(1.04, 0.08), 0.7, 1.25)
            jitter = [_clip(s + rng.uniform(-0.03, 0.03), 0.05, 1.0) for s in SEASONAL[:3]] + [1.0]
            shares = sorted(jitter)
            for period in (p for p in quarters if p.year == year):
                if (zone, str(period)) in missing:
                    continue
                rows.append(
                    (zone, industry, str(period), round(target * pace * shares[period.quarter - 1], 2))
                )
    return pl.DataFrame(
        rows,
        schema={"zone": pl.String, "industry": pl.String, "period": pl.String, "revenue_ytd": pl.Float64},
        orient="row",
    )


_Row = tuple[str, str | None, str, float]


def _determined_rows(
    code: str, plan: dict[str, pl.DataFrame], quarters: list[Period], revenue: pl.DataFrame
) -> list[_Row]:
    """An indicator that other tables determine, counted from them at each year's end."""
    year_ends = {str(p) for p in quarters if p.quarter == 4}
    return [
        (code, None, period, value)
        for period, value in (
            DETERMINED[code]({**plan, "cluster_revenue": revenue}, linear_pace)
            .select("period", "value")
            .iter_rows()
        )
        if period in year_ends
    ]


def _relative_rows(rng: random.Random, code: str, target: float, quarters: list[Period]) -> list[_Row]:
    """A relative indicator (a growth rate, a share): one city-wide value at each year's end."""
    rows: list[_Row] = []
    for period in (p for p in quarters if p.quarter == 4):
        k = period.year - START.year + 1
        value = {
            "I13": rng.gauss(1.2, 2.5),
            "I15": rng.gauss(0.6, 1.8),
            "I30": rng.uniform(88, 108),
            "I31": k * rng.uniform(14, 22),
        }.get(code, rng.gauss(target, 2))
        rows.append((code, None, str(period), round(value, 1)))
    return rows


def _yearly_rows(
    rng: random.Random,
    code: str,
    zone: str | None,
    target: float,
    quarters: list[Period],
    missing: set[tuple[str, str]],
) -> list[_Row]:
    """An each-zone-each-year indicator: a yearly total, spread over the quarters by season."""
    rows: list[_Row] = []
    for year in sorted({p.year for p in quarters}):
        total = max(0, round(target * rng.uniform(0.4, 1.6)))
        for period in (p for p in quarters if p.year == year and (zone, str(p)) not in missing):
            rows.append((code, zone, str(period), float(round(total * SEASONAL[period.quarter - 1]))))
    return rows


def _level_rows(
    rng: random.Random,
    ind: dict[str, Any],
    zone: str | None,
    quarters: list[Period],
    missing: set[tuple[str, str]],
    horizon: int,
) -> list[_Row]:
    """A level climbing every quarter from a base before the plan's start; for I01 (zone revenue, a
    whole year's target) it is the revenue of the last four quarters, as data/README.md defines it."""
    code, unit, target = ind["indicator"], ind["unit"], ind["target"]
    counted = unit in text.COUNT_UNITS
    small = counted and target <= 5
    base = (
        0.0 if (small or str(ind["name"]).startswith(text.NEW_PREFIX)) else target * rng.uniform(0.45, 0.75)
    )
    if ind["scope"] == "each_zone" and unit == "%":
        base = target * rng.uniform(0.55, 0.9)
    speed = rng.uniform(0.7, 1.2)
    rows: list[_Row] = [
        (code, zone, str(Period(START.year - 1, 4)), round(base) if counted else round(base, 1))
    ]
    for step, period in enumerate(quarters, start=1):
        if zone is not None and (zone, str(period)) in missing:
            continue
        value = base + (target - base) * speed * step / horizon
        value = round(value) if counted else round(min(value, 100.0 if unit == "%" else value), 1)
        rows.append((code, zone, str(period), float(value)))
    return rows


def _indicator_values(
    rng: random.Random,
    plan: dict[str, pl.DataFrame],
    quarters: list[Period],
    revenue: pl.DataFrame,
    missing: set[tuple[str, str]],
) -> pl.DataFrame:
    """Indicator values per quarter. A zone has no value for a quarter whose report it did not send;
    an indicator that other tables determine (console.engine.determined) is reported as counted
    from them, at each year's end."""
    zones = plan["zones"].get_column("zone").to_list()
    rows: list[_Row] = []
    horizon = len(periods(START, Period(2026, 4)))
    for ind in plan["indicators"].iter_rows(named=True):
        code, target, scope = ind["indicator"], ind["target"], ind["scope"]
        if code == NO_DATA_YET:
            continue
        if code in DETERMINED:
            rows += _determined_rows(code, plan, quarters, revenue)
        elif scope == "relative":
            rows += _relative_rows(rng, code, target, quarters)
        else:
            for zone in [None] if scope == "city" else zones:
                if scope == "each_zone_each_year":
                    rows += _yearly_rows(rng, code, zone, target, quarters, missing)
                else:
                    rows += _level_rows(rng, ind, zone, quarters, missing, horizon)
    return pl.DataFrame(
        rows,
        schema={"indicator": pl.String, "zone": pl.String, "period": pl.String, "value": pl.Float64},
        orient="row",
    )


def generate_progress(
    plan: dict[str, pl.DataFrame],
    seed: int = DEFAULT_SEED,
    as_of: Period = AS_OF,
    tier_sizes: Mapping[int, int] | None = TIER_SIZES,
) -> dict[str, pl.DataFrame]:
    """Sample progress tables for ``plan``, from 2024Q1 to ``as_of``; the same seed gives the same data.

    ``tier_sizes``: the province's zones per tier, which the plan's zones are ranked among; None when
    the plan's zones are the whole pool (a synthetic province or nation, ranked 1..N per tier).
    """
    rng = random.Random(seed)
    zones = plan["zones"].get_column("zone").to_list()
    quarters = periods(START, as_of)
    assessments = _assessments(rng, plan, as_of, tier_sizes)
    reports = _reports(rng, zones, quarters)
    missing = {(z, p) for z, p, s in reports.iter_rows() if s is None}
    revenue = _cluster_revenue(rng, plan, quarters, missing)
    values = _indicator_values(rng, plan, quarters, revenue, missing)
    return {
        "assessments": assessments,
        "cluster_revenue": revenue,
        "indicator_values": values,
        "reports": reports,
    }


def synthetic_plan(
    zones: int, template: dict[str, pl.DataFrame], seed: int = DEFAULT_SEED
) -> dict[str, pl.DataFrame]:
    """A made-up plan of ``zones`` zones, with clusters in the embedded plan's proportion (17 per 11)."""
    rng = random.Random(seed * 7919 + zones)
    zone_rows, target_rows, cluster_rows, cluster_target_rows = [], [], [], []
    for i in range(1, zones + 1):
        name = text.ZONE_NAME.format(i=i)
        county = (i - 1) // 6 + 1
        zone_rows.append(
            (
                name,
                text.ZONE_SHORT.format(i=i),
                text.COUNTY_NAME.format(county=county),
                text.ZONE_NAME_EN.format(i=i),
                text.ZONE_SHORT_EN.format(i=i),
                text.COUNTY_NAME_EN.format(county=county),
            )
        )
        tier = rng.choices((1, 2, 3), weights=(15, 30, 55))[0]
        star = rng.choices((None, 1, 2, 3, 4), weights=(30, 42, 18, 8, 2))[0]
        for year in (2024, 2025, 2026):
            target_rows.append((name, year, star, tier))
            if rng.random() < 0.25 and tier > 1:
                tier -= 1
            if rng.random() < 0.3:
                star = min(5, (star or 0) + 1)
        for industry, industry_en in rng.sample(text.INDUSTRIES, 2 if rng.random() < 17 / 11 - 1 else 1):
            cluster_rows.append((name, industry, industry_en))
            base = rng.uniform(5, 150)
            for year in (2024, 2025, 2026):
                cluster_target_rows.append((name, industry, year, round(base)))
                base *= rng.uniform(1.05, 1.25)
    schema = TABLES_BY_NAME
    plan = {
        "zones": pl.DataFrame(zone_rows, schema=list(schema["zones"].column_names), orient="row"),
        "zone_targets": pl.DataFrame(
            target_rows,
            schema={"zone": pl.String, "year": pl.Int64, "star_target": pl.Int8, "tier_target": pl.Int8},
            orient="row",
        ),
        "clusters": pl.DataFrame(cluster_rows, schema=list(schema["clusters"].column_names), orient="row"),
        "cluster_targets": pl.DataFrame(
            cluster_target_rows,
            schema={"zone": pl.String, "industry": pl.String, "year": pl.Int64, "revenue_target": pl.Float64},
            orient="row",
        ),
    }
    for name in ("sections", "tasks"):
        plan[name] = template[name]
    plan["indicators"] = _own_targets(template["indicators"], zones, template["zones"].height, plan)
    plan["plan_figures"] = _stated_counts(plan)
    return plan


def _own_targets(
    indicators: pl.DataFrame, zones: int, plan_zones: int, plan: dict[str, pl.DataFrame]
) -> pl.DataFrame:
    """The indicators with city-wide targets of the synthetic set's own (the plan's are Zhumadian's):
    totals and counts scaled from the plan's zones to ``zones``, I06 (clusters over 50 亿元) the count of
    its own clusters targeted at 50 or more in 2026; shares, per-zone and relative targets as the plan's.
    The manifest says ``targets = "own"`` (console.engine.coverage)."""
    over = plan["cluster_targets"].filter((pl.col("year") == 2026) & (pl.col("revenue_target") >= 50)).height
    total = (pl.col("scope") == "city") & (pl.col("unit") != "%")
    scaled = (pl.col("target") * zones / plan_zones).round(0)
    return indicators.with_columns(
        pl.when(pl.col("indicator") == "I06")
        .then(pl.lit(float(over)))
        .when(total)
        .then(scaled)
        .otherwise(pl.col("target"))
        .alias("target"),
        pl.when(total).then(pl.lit("synthetic")).otherwise(pl.col("source")).alias("source"),
        pl.when(total).then(None).otherwise(pl.col("text")).alias("text"),  # the plan's words no longer fit
    )


def _stated_counts(plan: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """Summary figures consistent with a synthetic plan's own targets."""
    from console.data.scales import star_label, tier_label

    rows: list[tuple[str, int, str | None, float, str, str, None]] = []
    targets = plan["zone_targets"]
    for year in sorted(targets.get_column("year").unique().to_list()):
        of_year = targets.filter(pl.col("year") == year)
        for tier, n in sorted(of_year.group_by("tier_target").len().drop_nulls().iter_rows()):
            rows.append(("tier_count", year, tier_label(tier), float(n), text.COUNT_UNIT, "synthetic", None))
        for star, n in sorted(of_year.group_by("star_target").len().drop_nulls().iter_rows()):
            rows.append(("star_count", year, star_label(star), float(n), text.COUNT_UNIT, "synthetic", None))
    over = plan["cluster_targets"].filter((pl.col("year") == 2026) & (pl.col("revenue_target") >= 50)).height
    rows.append(("clusters_over_50", 2026, None, float(over), text.COUNT_UNIT, "synthetic", None))
    return pl.DataFrame(rows, schema=list(TABLES_BY_NAME["plan_figures"].column_names), orient="row")


def manifest_for(zones: int | None, seed: int, as_of: Period) -> dict[str, object]:
    scope: dict[str, object] = {}
    """The manifest of a generated dataset: its title in both languages, the sample flag, and how it was
    made (seed, command); a synthetic set (``zones``) also says what its zones cover."""
    titled = (
        said_both(SAMPLE, "title") if zones is None else said_both(SAMPLE, "synthetic_title", zones=zones)
    )
    title, title_en = titled.zh, str(titled)
    if zones is not None:
        # What the zones cover and whose targets these are (console.engine.coverage): the synthetic set
        # is its own whole pool, ranked 1..N in each tier, with targets set for its own zones.
        area = area_for(zones)
        scope = {"area": area, "ranked_in": "nation" if area == "nation" else "province", "targets": "own"}
    return {
        "title": title,
        "title_en": title_en,
        "as_of": str(as_of),
        "sample": True,
        "note": text.NOTE_PLAN if zones is None else text.NOTE_SYNTHETIC,
        "seed": seed,
        "generator": "devzones generate" + (f" --zones {zones}" if zones else ""),
        **scope,
    }


def dataset_files(out: Path) -> list[Path]:
    """The files in ``out`` that make it a dataset (its manifest, its tables), which only --force replaces."""
    if not out.is_dir():
        return []
    return sorted(
        p for p in out.iterdir() if p.name == MANIFEST or (p.suffix in FORMATS and p.stem in TABLES_BY_NAME)
    )


def write_dataset(
    tables: dict[str, pl.DataFrame], manifest: dict[str, object], out: Path, force: bool = False
) -> list[Path]:
    """Write a dataset as UTF-8-with-BOM CSVs plus manifest.toml, each file replaced atomically.

    Refuses to write into a directory that already holds dataset files unless ``force``.
    """
    out.mkdir(parents=True, exist_ok=True)
    existing = dataset_files(out)
    if existing and not force:
        raise FileExistsError(said_both(SAMPLE, "dataset_exists", out=out, name=existing[0].name))
    written = [atomic_write_bytes(out / f"{name}.csv", _csv_bytes(frame)) for name, frame in tables.items()]
    written.append(atomic_write_bytes(out / MANIFEST, tomli_w.dumps(manifest).encode("utf-8")))
    return written


def _csv_bytes(frame: pl.DataFrame) -> bytes:
    """The table as UTF-8 CSV with a BOM (so Excel on Chinese Windows opens it right)."""
    return b"\xef\xbb\xbf" + frame.write_csv().encode("utf-8")


HISTORY_DIR = HISTORY  # the ingest history folder, named once in console.data.unfinished


@dataclass(frozen=True)
class SampleRevision:
    """A figure the latest quarter's sample ingest revised: the table as it stood before that ingest.

    ``devzones changes`` reads revisions from the ingest history (console/reports/revisions.py), so the
    sample keeps one history entry whose old copy differs from the dataset in this one figure.
    """

    table: str
    before: pl.DataFrame
    zone: str
    industry: str
    period: str
    old: float
    new: float
    at: str  # when the (sample) ingest ran, ISO time

    @property
    def stamp(self) -> str:
        """The history entry's folder name, in the form ingest gives it (console/reports/store.py)."""
        return self.at.replace("-", "").replace(":", "").replace("T", "-") + "-000000"


def sample_revision(tables: Mapping[str, pl.DataFrame], as_of: Period, seed: int) -> SampleRevision | None:
    """One cluster's revenue for the quarter before ``as_of``, revised by its ``as_of`` report.

    The zone is one whose ``as_of`` report arrived; the ingest ran the day after it arrived. The
    dataset's own figure stays as generated (the revised value); the old copy holds 86-95 % of it.
    None when no such figure exists (e.g. data of a single quarter)."""
    if as_of.index <= START.index:
        return None
    earlier = str(Period.from_index(as_of.index - 1))
    sent = {z: s for z, p, s in tables["reports"].iter_rows() if p == str(as_of) and s is not None}
    revenue = tables["cluster_revenue"].with_row_index("row")
    candidates = revenue.filter((pl.col("period") == earlier) & pl.col("zone").is_in(list(sent)))
    if not candidates.height:
        return None
    rng = random.Random(seed * 7 + as_of.index)
    row, zone, industry, period, new = candidates.row(rng.randrange(candidates.height))
    old = round(new * rng.uniform(0.86, 0.95), 2)
    before = tables["cluster_revenue"].with_columns(
        pl.when(pl.int_range(pl.len()) == row)
        .then(pl.lit(old))
        .otherwise(pl.col("revenue_ytd"))
        .alias("revenue_ytd")
    )
    at = f"{sent[zone] + timedelta(days=1)}T09:00:00"
    return SampleRevision("cluster_revenue", before, zone, industry, period, old, new, at)


def write_sample_history(
    out: Path, tables: Mapping[str, pl.DataFrame], revision: SampleRevision
) -> list[Path]:
    """The history entry of ``revision``: the table's old copy and a journal as ingest writes them
    (``.history/<time>/journal.json``, see data/README.md), so ``changes`` lists it and ``undo`` on a
    copy of the dataset would put the old figure back."""
    name = f"{revision.table}.csv"
    old_bytes = _csv_bytes(revision.before)
    entry = out / HISTORY_DIR / revision.stamp
    entry.mkdir(parents=True, exist_ok=True)
    journal = {
        "version": 2,
        "reason": " / ".join(SAMPLE.pair("revision_reason")),
        "at": revision.at,
        "staging": "",
        "files": [
            {
                "name": name,
                "before": hashlib.sha256(old_bytes).hexdigest(),
                "after": hashlib.sha256(_csv_bytes(tables[revision.table])).hexdigest(),
            }
        ],
    }
    document = json.dumps(journal, ensure_ascii=False, indent=1).encode("utf-8")
    return [atomic_write_bytes(entry / name, old_bytes), atomic_write_bytes(entry / "journal.json", document)]


def copy_plan_files(plan_dir: Path, out: Path) -> None:
    """Copy the transcribed plan tables byte for byte (no-op when ``out`` is ``plan_dir``)."""
    if plan_dir.resolve() == out.resolve():
        return
    for name in PLAN_TABLES:
        for ext in FORMATS:
            source = plan_dir / f"{name}{ext}"
            if source.is_file():
                atomic_write_bytes(out / source.name, source.read_bytes())
