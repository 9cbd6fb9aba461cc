"""What changed between two quarters: one typed list that every surface (CLI, console, bulletin) shows.

Each change has a ``code``, a subject (a zone, a cluster of a zone, or a city indicator), the field it
is about, ``old`` → ``new`` and the ``period`` it belongs to:

- ``target_missed`` / ``target_met``: a status that became ``missed`` / ``met``;
- ``status``: any other status transition (on pace → behind, on track → at risk …);
- ``rank``: a move of the composite rank among all the city's zones;
- ``report_arrived`` / ``report_missing``: a quarter's report sent (on time or late, ``days`` late)
  or still missing, for each quarter after the first period up to the second;
- ``revised``: a figure for a quarter that a later ingest changed (old → new, ``when``), read from the
  ingest history by console/reports/revisions.py and passed in.

Both periods are evaluated as the data stood at their end (console.engine.as_of), so the status
changes are exactly the difference of ``devzones status --as-of`` at the two periods.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import polars as pl

from console.core.config import Settings
from console.data.dataset import Dataset
from console.data.scales import Period
from console.engine.as_of import dataset_as_of
from console.engine.evaluation import Evaluation, evaluate
from console.engine.rankings import scores
from console.engine.status import report_status

# Worst first: the order a list of changes is shown in.
CODES = ("target_missed", "status", "report_missing", "rank", "report_arrived", "target_met", "revised")
ZONE_FIELDS = ("tier_status", "star_status", "revenue_status")


@dataclass(frozen=True)
class Change:
    """One change between two periods (see the module doc for the codes)."""

    code: str
    subject: str  # "zone", "cluster" or "indicator"
    zone: str | None
    industry: str | None
    indicator: str | None
    field: str
    old: object
    new: object
    period: str
    when: str | None = None  # revised figures: when the ingest that changed it ran
    days: int | None = None  # late reports: days after the due date

    def to_json(self) -> dict[str, object]:
        """The documented JSON form (``devzones changes --json``)."""
        return {
            "code": self.code,
            "subject": self.subject,
            "zone": self.zone,
            "industry": self.industry,
            "indicator": self.indicator,
            "field": self.field,
            "from": self.old,
            "to": self.new,
            "period": self.period,
            "when": self.when,
            "days": self.days,
        }


def _status_code(new: object) -> str:
    return {"met": "target_met", "missed": "target_missed"}.get(str(new), "status")


def _transitions(
    before: pl.DataFrame, after: pl.DataFrame, keys: list[str], fields: Sequence[str]
) -> pl.DataFrame:
    """keys, field, old, new for every field whose value differs between the frames (rows in both)."""
    joined = before.select(*keys, *fields).join(after.select(*keys, *fields), on=keys, suffix="__new")
    frames = [
        joined.filter(pl.col(f).ne_missing(pl.col(f"{f}__new"))).select(
            *keys, pl.lit(f).alias("field"), pl.col(f).alias("old"), pl.col(f"{f}__new").alias("new")
        )
        for f in fields
    ]
    return pl.concat(frames) if frames else pl.DataFrame()


def status_changes(before: Evaluation, after: Evaluation, period: str) -> list[Change]:
    """Status transitions of zones (tier, star, revenue), clusters and city indicators."""
    out: list[Change] = []
    zones = _transitions(before.zones, after.zones, ["zone"], ZONE_FIELDS)
    for zone, field, old, new in zones.iter_rows():
        out.append(Change(_status_code(new), "zone", zone, None, None, field, old, new, period))
    clusters = _transitions(before.clusters, after.clusters, ["zone", "industry"], ["status"])
    for zone, industry, field, old, new in clusters.iter_rows():
        out.append(Change(_status_code(new), "cluster", zone, industry, None, field, old, new, period))
    indicators = _transitions(before.indicators, after.indicators, ["indicator"], ["status"])
    for indicator, field, old, new in indicators.iter_rows():
        out.append(Change(_status_code(new), "indicator", None, None, indicator, field, old, new, period))
    return out


def rank_changes(before: pl.DataFrame, after: pl.DataFrame, period: str) -> list[Change]:
    """Moves of the composite rank (``rankings`` frames; a zone in both)."""
    moved = _transitions(before, after, ["zone"], ["rank"])
    return [
        Change("rank", "zone", z, None, None, "rank", old, new, period)
        for z, _, old, new in moved.iter_rows()
    ]


def report_changes(ds: Dataset, start: Period, end: Period, zones: pl.DataFrame) -> list[Change]:
    """For each quarter after ``start`` up to ``end``: the reports that arrived and those still missing,
    as the data stood at the end of that quarter (as ``status --as-of`` shows them)."""
    out: list[Change] = []
    for index in range(start.index + 1, end.index + 1):
        quarter = Period.from_index(index)
        frame = report_status(dataset_as_of(ds, quarter), quarter, zones).filter(
            pl.col("report_status").is_in(["on_time", "late", "missing"])
        )
        for zone, status, days in frame.select("zone", "report_status", "report_days_late").iter_rows():
            code = "report_missing" if status == "missing" else "report_arrived"
            out.append(
                Change(code, "zone", zone, None, None, "report", None, status, str(quarter), days=days)
            )
    return out


def _ranks(ds: Dataset, city: Evaluation, settings: Settings) -> pl.DataFrame:
    """zone, rank: the composite rank among all the city's zones, as ``rankings`` gives it (without
    the previous quarter's score, which a list of changes does not need)."""
    if not ds.has_progress:  # no quarter's data yet: no composite rank (as in ``rankings``)
        return city.zones.select("zone", pl.lit(None, pl.Int64).alias("rank"))
    frame = scores(city.zones, city.clusters, city.zone_indicators, settings)
    return frame.select("zone", pl.col("score").rank("min", descending=True).cast(pl.Int64).alias("rank"))


def changes_between(
    ds: Dataset,
    settings: Settings,
    start: Period,
    end: Period,
    counties: Sequence[str] | None = None,
    revisions: Iterable[Change] = (),
) -> list[Change]:
    """Every change from the end of ``start`` to the end of ``end`` for the zones of ``counties``,
    worst first. ``revisions`` (console/reports/revisions.py) are kept when their figure's quarter is
    up to ``end`` and their zone is in the filter. ValueError unless ``start`` is before ``end``."""
    if start.index >= end.index:
        # not words: a caller's bug (callers check the periods first)
        raise ValueError(f"{start} is not before {end}")
    first, last = dataset_as_of(ds, start), dataset_as_of(ds, end)
    before = evaluate(first, settings, counties=counties)
    after = evaluate(last, settings, counties=counties)
    city_before = before if not before.counties else evaluate(first, settings, before.year)
    city_after = after if not after.counties else evaluate(last, settings, after.year)
    period = str(end)
    found = status_changes(before, after, period)
    found += report_changes(ds, start, end, after.zones.select("zone"))
    shown = set(after.zones.get_column("zone").to_list())
    moved = rank_changes(_ranks(first, city_before, settings), _ranks(last, city_after, settings), period)
    found += [c for c in moved if c.zone in shown]
    found += [
        r
        for r in revisions
        if r.period <= period and (r.zone is None or r.zone in shown or not after.counties)
    ]
    rank = {code: i for i, code in enumerate(CODES)}
    return sorted(found, key=lambda c: rank.get(c.code, len(CODES)))  # stable: the data's order within a code
