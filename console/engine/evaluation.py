"""One evaluation of a dataset for a year and a county filter, shared by the CLI and the console."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import polars as pl

from console.core.config import Settings
from console.core.text import Said, said_both
from console.data.dataset import Dataset
from console.data.scales import LEVEL_NONE_NUMBER
from console.engine.coverage import CITY, Coverage, coverage
from console.engine.progress import JUDGED, ZONE_SCOPES, indicator_status, indicator_table, task_status
from console.engine.status import cluster_status, filter_counties, zone_status
from console.words.engine import EVALUATION


@dataclass(frozen=True)
class Evaluation:
    """Everything the status engine says about one year, for the zones in the county filter."""

    year: int
    as_of: str
    sample: bool
    title: str
    counties: tuple[str, ...]
    zones: pl.DataFrame
    clusters: pl.DataFrame
    indicators: pl.DataFrame
    zone_indicators: pl.DataFrame
    tasks: pl.DataFrame
    # What the zones cover and whether the plan's city-wide targets apply (console.engine.coverage).
    coverage: Coverage = CITY

    @property
    def zones_missing(self) -> pl.DataFrame:
        """Zones that miss, or risk missing, a tier, star or revenue target."""
        return self.zones.filter(pl.col("missing").list.len() > 0)


class UnknownChoice(ValueError):
    """A year or county that the dataset does not have; the message lists what it has."""


def default_year(ds: Dataset, today: date | None = None) -> int:
    """The year every surface (CLI and console) opens on: the running plan year of the data's as-of
    quarter; with no quarter named yet (a new dataset), this calendar year. Either is clamped to the
    plan's years, so a commission going live in December 2026 sees 2026, not 2024."""
    years = ds.years
    basis = ds.as_of.year if ds.manifest.as_of is not None else (today or date.today()).year
    return min(max(basis, years[0]), years[-1])


def check_year(ds: Dataset, year: int | None) -> int:
    """The year asked for, or the as-of year by default; raises UnknownChoice if the plan lacks it."""
    years = ds.years
    if year is None:
        return default_year(ds)
    if year not in years:
        zh_sep, en_sep = EVALUATION.pair("years_sep")
        listed = Said(en_sep.join(map(str, years)), zh_sep.join(map(str, years)))
        raise UnknownChoice(said_both(EVALUATION, "no_targets", year=year, years=listed))
    return year


def check_counties(ds: Dataset, counties: Sequence[str] | None) -> tuple[str, ...]:
    """Validate county names (Chinese or English); raises UnknownChoice naming the nearest county."""
    if not counties:
        return ()
    from console.data.validate import nearest

    zones = ds["zones"]
    known = set(zones.get_column("county").to_list()) | set(
        zones.get_column("county_en").drop_nulls().to_list()
    )
    for county in counties:
        if county not in known:
            near = nearest(county, known)
            hint = said_both(EVALUATION, "did_you_mean", near=near) if near is not None else Said("", "")
            raise UnknownChoice(said_both(EVALUATION, "unknown_county", county=county, hint=hint))
    return tuple(counties)


def evaluate(
    ds: Dataset, settings: Settings, year: int | None = None, counties: Sequence[str] | None = None
) -> Evaluation:
    """Run the status engine for one year and county filter."""
    chosen = check_year(ds, year)
    chosen_counties = check_counties(ds, counties)
    clusters = cluster_status(ds, chosen, settings, chosen_counties)
    zones = zone_status(ds, chosen, settings, chosen_counties, clusters=clusters)
    indicators, zone_indicators = indicator_status(ds, chosen, settings, chosen_counties)
    return Evaluation(
        year=chosen,
        as_of=str(ds.as_of) if ds.has_progress else "",  # "": no quarter's data has arrived yet
        sample=ds.sample,
        title=ds.manifest.title,
        counties=chosen_counties,
        zones=zones,
        clusters=clusters,
        indicators=indicators,
        zone_indicators=zone_indicators,
        tasks=task_status(ds, indicators),
        coverage=coverage(ds),
    )


def narrow(ds: Dataset, city: Evaluation, counties: Sequence[str] | None) -> Evaluation:
    """The evaluation of ``counties``, selected from ``city`` (the whole city's, same year): equal to
    ``evaluate(ds, settings, city.year, counties)``, in a few milliseconds instead of a new evaluation.

    A zone's or cluster's statuses, and each zone's judged indicators, do not depend on which other
    zones are shown: the filter selects their rows. What the filter does change, the zone-scoped
    indicators rolled up over the zones shown and the tasks judged on them, is rolled up again by the
    engine's own functions (``indicator_table``, ``task_status``) from the selected rows.
    """
    chosen = check_counties(ds, counties)
    if not chosen:
        return city
    if city.counties:
        # not words: a caller's bug
        raise ValueError("narrow needs the whole city's evaluation")
    zones = filter_counties(city.zones, chosen)
    shown = zones.get_column("zone").implode()
    zone_indicators = city.zone_indicators.filter(pl.col("zone").is_in(shown))
    city_rows = city.indicators.filter(~pl.col("scope").is_in(ZONE_SCOPES)).select(JUDGED)
    indicators = indicator_table(ds, city_rows, zone_indicators)
    return Evaluation(
        year=city.year,
        as_of=city.as_of,
        sample=city.sample,
        title=city.title,
        counties=chosen,
        zones=zones,
        clusters=city.clusters.filter(pl.col("zone").is_in(shown)),
        indicators=indicators,
        zone_indicators=zone_indicators,
        tasks=task_status(ds, indicators),
        coverage=city.coverage,
    )


def _clean(value: object) -> object:
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else round(value, 2)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _column_values(column: pl.Series) -> list[object]:
    """A column's values as :func:`_clean` makes them, passing only the values it can change (floats,
    dates) through it: text, integers, booleans and lists stay as they are."""
    values = column.to_list()
    dtype = column.dtype
    if dtype == pl.String or dtype == pl.Boolean or dtype.is_integer() or isinstance(dtype, pl.List):
        return values
    return [_clean(v) for v in values]


def _records(
    frame: pl.DataFrame, columns: list[str], rename: dict[str, str] | None = None
) -> list[dict[str, object]]:
    """The rows of ``columns`` as dicts (renamed by ``rename``), their values cleaned for JSON."""
    rename = rename or {}
    names = [rename.get(c, c) for c in columns]
    values = [_column_values(s) for s in frame.select(columns).iter_columns()]
    return [dict(zip(names, row, strict=True)) for row in zip(*values, strict=True)]


ZONE_JSON = [
    "zone",
    "short_name",
    "county",
    "star_target",
    "tier_target",
    "star",
    "tier",
    "result_year",
    "star_status",
    "tier_status",
    "revenue_status",
    "revenue_target",
    "revenue_ytd",
    "revenue_pace",
    "report_period",
    "report_status",
    "report_days_late",
    "missing",
]
CLUSTER_JSON = [
    "zone",
    "short_name",
    "county",
    "industry",
    "target",
    "actual_ytd",
    "pace_target",
    "projected",
    "period",
    "status",
]
INDICATOR_JSON = [
    "indicator",
    "task",
    "name",
    "unit",
    "comparison",
    "target",
    "target_year",
    "standing_aim",
    "scope",
    "latest",
    "computed",
    "basis",
    "reported",
    "period",
    "progress",
    "status",
    "zones_met",
    "zones_judged",
    "zones_total",
]


def _level_numbers(zones: pl.DataFrame) -> pl.DataFrame:
    """Where a real "none" has a number (console.data.scales): a published 无星 / 无档 is 0, a report on
    time 0 days late; null only where there is no result (no assessment published, no report)."""
    known = pl.col("result_year").is_not_null()
    return zones.with_columns(
        *(
            pl.when(known).then(pl.col(c).fill_null(LEVEL_NONE_NUMBER)).otherwise(pl.col(c)).alias(c)
            for c in ("star", "tier")
        ),
        pl.when(pl.col("report_status") == "on_time")
        .then(pl.lit(0, pl.Int64))
        .otherwise(pl.col("report_days_late"))
        .alias("report_days_late"),
    )


def status_json(ev: Evaluation) -> dict[str, object]:
    """The documented JSON form of ``devzones status``."""
    return {
        "as_of": ev.as_of or None,
        "sample": ev.sample,
        "year": ev.year,
        "area": ev.coverage.area,
        "ranked_in": ev.coverage.ranked_in,
        "area_targets": ev.coverage.area_targets_apply,
        "counties": list(ev.counties),
        "zones": _records(_level_numbers(ev.zones), ZONE_JSON),
        "clusters": _records(ev.clusters, CLUSTER_JSON),
        "indicators": _records(ev.indicators, INDICATOR_JSON),
    }
