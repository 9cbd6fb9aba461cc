"""Quarterly reports merged into the progress tables, and each change they make (new or revised), as
the listing before an ingest shows it in either language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import polars as pl

from console.core.text import in_lang
from console.data.dataset import Dataset
from console.present.formatter import amount_digits
from console.reports.template import Report
from console.reports.words import Problem
from console.words import Lang, in_lang_of


@dataclass(frozen=True)
class Change:
    table: str
    key: str  # the row in the data's own (Chinese) names: what --json gives and a file matches
    old: object
    new: object
    key_en: str = ""  # the same row in English names (the key itself when the data has none)
    unit: str | None = None  # the figures' unit: a count reads whole, any figure no decimal when whole

    def describe(self, lang: Lang = "zh") -> str:
        """One line for the listing before an ingest: what the table holds in words, never its name."""
        old, new = (_shown(v, self.unit, lang) for v in (self.old, self.new))
        what = Problem(f"table_{self.table}").text(lang)
        key = in_lang_of(self.key, self.key_en, lang)
        key = "" if self.table == "manifest" else f" {key}"  # the manifest's one change: as_of
        if self.old is None:
            return Problem("change_new", what=what, key=key, new=new).text(lang)
        return Problem("change_revised", what=what, key=key, old=old, new=new).text(lang)


def _shown(value: object, unit: str | None, lang: Lang) -> str:
    """A value in the ingest listing: a whole figure or a count with no decimal, as Formatter.amount
    (``80``, never ``80.0``); any other figure with every decimal it has (a revision from 100.58 to 100.6
    must not read 100.6 → 100.6); an assessment result (a Said) in ``lang``; anything else as it is."""
    if isinstance(value, float | int) and not isinstance(value, bool):
        if amount_digits(value, unit) == 0:
            return f"{round(value):,}"
        return f"{value:,.6f}".rstrip("0").rstrip(".")
    return in_lang(value, lang)


@dataclass(frozen=True)
class EnglishNames:
    """The English names of a dataset's zones and clusters, for the English ingest listing."""

    zones: dict[str, str]
    industries: dict[tuple[str, str], str]

    @classmethod
    def of(cls, ds: Dataset) -> EnglishNames:
        zones = {z: en or z for z, en in ds["zones"].select("zone", "name_en").iter_rows()}
        industries = {
            (z, i): en or i
            for z, i, en in ds["clusters"].select("zone", "industry", "industry_en").iter_rows()
        }
        return cls(zones, industries)

    def zone(self, zone: str) -> str:
        return self.zones.get(zone) or zone

    def industry(self, zone: str, industry: str) -> str:
        return self.industries.get((zone, industry)) or industry


def _upsert(
    frame: pl.DataFrame, key: dict[str, str], column: str, value: float
) -> tuple[pl.DataFrame, object]:
    """``frame`` with the row at ``key`` set to ``value`` (added if absent), and the value it had."""
    mask = pl.all_horizontal(pl.col(k) == v for k, v in key.items())
    old = frame.filter(mask)
    row = pl.DataFrame([{**key, column: value}], schema=frame.schema)
    return pl.concat([frame.filter(~mask), row]), (old.get_column(column)[0] if old.height else None)


def merge(
    ds: Dataset, reports: list[Report], today: date | None = None
) -> tuple[dict[str, pl.DataFrame], list[Change]]:
    """The progress tables with the reports merged in, and each change (new or revised value)."""
    today = today or date.today()
    revenue = ds["cluster_revenue"]
    values = ds["indicator_values"]
    submissions = ds["reports"]
    changes: list[Change] = []
    en = EnglishNames.of(ds)
    units = dict(ds["indicators"].select("indicator", "unit").iter_rows())
    for report in reports:
        zone_en = en.zone(report.zone)
        for industry, number in report.revenue.items():
            key = {"zone": report.zone, "industry": industry, "period": report.period}
            revenue, before = _upsert(revenue, key, "revenue_ytd", number)
            if before != number:
                changes.append(
                    Change(
                        "cluster_revenue",
                        f"{report.zone} {industry} {report.period}",
                        before,
                        number,
                        f"{zone_en} {en.industry(report.zone, industry)} {report.period}",
                        None,  # revenue (亿元) is no count: shown with the decimals it has
                    )
                )
        for code, number in report.indicators.items():
            key = {"indicator": code, "zone": report.zone, "period": report.period}
            values, before = _upsert(values, key, "value", number)
            if before != number:
                changes.append(
                    Change(
                        "indicator_values",
                        f"{code} {report.zone} {report.period}",
                        before,
                        number,
                        f"{code} {zone_en} {report.period}",
                        units.get(code),
                    )
                )
        submitted = report.submitted or today
        mask = (pl.col("zone") == report.zone) & (pl.col("period") == report.period)
        old = submissions.filter(mask)
        before = old.get_column("submitted")[0] if old.height else None
        if before != submitted:
            changes.append(
                Change(
                    "reports",
                    f"{report.zone} {report.period}",
                    before,
                    submitted,
                    f"{zone_en} {report.period}",
                )
            )
        row: dict[str, object] = {"zone": report.zone, "period": report.period, "submitted": submitted}
        frame = pl.DataFrame(
            [row], schema={k: submissions.schema[k] for k in ("zone", "period", "submitted")}
        )
        if "notes" in submissions.columns:
            frame = frame.with_columns(pl.lit(report.notes or None, pl.String).alias("notes"))
        elif report.notes:
            submissions = submissions.with_columns(pl.lit(None, pl.String).alias("notes"))
            frame = frame.with_columns(pl.lit(report.notes, pl.String).alias("notes"))
        submissions = pl.concat([submissions.filter(~mask), frame], how="diagonal_relaxed")
    tables = {
        "cluster_revenue": revenue.sort("zone", "industry", "period"),
        "indicator_values": values.sort("indicator", "zone", "period", nulls_last=False),
        "reports": submissions.sort("zone", "period"),
    }
    return tables, changes
