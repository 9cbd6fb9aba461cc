"""A batch of reports and assessment workbooks merged together, and the rules only the whole batch can
break: a zone's quarter reported twice with different figures, year-to-date revenue falling, a rank
held twice in a tier; and the data's as-of quarter moving with the reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import polars as pl

from console.data.dataset import Dataset
from console.data.scales import Period, parse_period
from console.data.schema import MANIFEST
from console.reports.assessment import Assessment, merge_assessments
from console.reports.journal import HistoryProblem
from console.reports.merge import Change, EnglishNames, merge
from console.reports.template import Report, ReportRejected
from console.reports.words import Problem, at


class ReportBatchRejected(Exception):
    def __init__(self, rejected: list[ReportRejected]) -> None:
        super().__init__(f"{len(rejected)} report(s) rejected")
        self.rejected = rejected


def _figures(report: Report) -> tuple[object, ...]:
    return (sorted(report.revenue.items()), sorted(report.indicators.items()), report.submitted, report.notes)


def _place(report: Report, item: str) -> Problem:
    """Where a report holds ``item`` (a catalogue place; row 2 when the reader did not say)."""
    place = report.places.get(item)
    return place if isinstance(place, Problem) else Problem("row", row=2)


def reported_twice(reports: list[Report]) -> tuple[list[Report], list[ReportRejected]]:
    """The batch with exact repeats dropped, and a rejection for each quarter two files report with
    different figures (which one is right cannot be told)."""
    kept: dict[tuple[str, str], Report] = {}
    rejected: list[ReportRejected] = []
    for report in reports:
        first = kept.get((report.zone, report.period))
        if first is None:
            kept[(report.zone, report.period)] = report
        elif _figures(first) != _figures(report):
            rejected.append(
                ReportRejected(
                    report.source,
                    [
                        at(
                            _place(report, "period"),
                            "reported_twice",
                            zone=report.zone,
                            period=report.period,
                            other=first.source,
                        )
                    ],
                )
            )
    return list(kept.values()), rejected


def _ytd_falls(revenue: pl.DataFrame, reports: list[Report]) -> list[ReportRejected]:
    """A rejection for each report whose year-to-date revenue is below an earlier quarter's of the
    same year, or above a later one's (year-to-date revenue cannot fall within a year)."""
    rejected = []
    for report in reports:
        period = parse_period(report.period)
        problems: list[str] = []
        for industry, value in report.revenue.items():
            same_year = revenue.filter(
                (pl.col("zone") == report.zone)
                & (pl.col("industry") == industry)
                & pl.col("period").str.starts_with(str(period.year))
            )
            for other, number in same_year.select("period", "revenue_ytd").iter_rows():
                if (other < report.period and number > value) or (other > report.period and number < value):
                    problems.append(
                        at(
                            _place(report, industry),
                            "ytd_below" if other < report.period else "ytd_above",
                            industry=industry,
                            period=report.period,
                            value=f"{value:g}",
                            other=other,
                            number=f"{number:g}",
                        )
                    )
        if problems:
            rejected.append(ReportRejected(report.source, problems))
    return rejected


def quarter_ended(period: Period, today: date) -> bool:
    """Whether ``period``'s last day is behind ``today``."""
    return date.fromisoformat(period.due_date()) < today


def _moved_as_of(ds: Dataset, reports: list[Report], today: date) -> tuple[str | None, list[str]]:
    """The as-of quarter after these reports (None: unchanged) and the warnings to show.

    as_of follows the newest quarter that has ended and has a report; it never moves back, and a
    report for a quarter still running is kept but does not move it.
    """
    warnings: list[str] = []
    ended = []
    for report in reports:
        period = parse_period(report.period)
        if quarter_ended(period, today):
            ended.append(period)
        else:
            warnings.append(
                Problem("not_ended", source=report.source, period=report.period, end=period.due_date())
            )
    if not ended:
        return None, warnings
    newest = max(ended)
    if ds.has_progress and newest <= ds.as_of:
        return None, warnings
    return str(newest), warnings


def _manifest_with_as_of(directory: Path, as_of: str) -> bytes:
    """manifest.toml with ``as_of`` set, the rest of the file (comments, order) as it was."""
    import re
    import tomllib

    text = (directory / MANIFEST).read_bytes().decode("utf-8-sig")
    line = f'as_of = "{as_of}"'
    table = re.search(r"^\s*\[", text, re.MULTILINE)  # top-level keys come before the first [table]
    head, tail = (text[: table.start()], text[table.start() :]) if table else (text, "")
    pattern = re.compile(r"^as_of\s*=.*$", re.MULTILINE)
    head = pattern.sub(line, head, count=1) if pattern.search(head) else f"{line}\n{head}"
    updated = head + tail
    try:
        moved = tomllib.loads(updated).get("as_of")
    except tomllib.TOMLDecodeError:
        moved = None
    if moved != as_of:  # an unusual manifest: never write a wrong one
        raise HistoryProblem(Problem("manifest_as_of", path=str(directory / MANIFEST)))
    return updated.encode("utf-8")


@dataclass
class Merged:
    tables: dict[str, pl.DataFrame]
    changes: list[Change]
    raw: dict[str, bytes]
    warnings: list[str]


def merge_batch(ds: Dataset, reports: list[Report], assessments: list[Assessment], today: date) -> Merged:
    """Merge quarterly reports and assessment results; ReportBatchRejected if the merged data breaks
    a rule (year-to-date revenue falling, a rank held twice in a tier)."""
    tables, changes = merge(ds, reports, today)
    rejected = _ytd_falls(tables["cluster_revenue"], reports)
    if assessments:
        frame, found, bad = merge_assessments(ds["assessments"], assessments)
        rejected.extend(bad)
        tables["assessments"] = frame
        en = EnglishNames.of(ds)
        changes.extend(
            Change("assessments", key, old, new, key.replace(zone, en.zone(zone), 1))
            for key, zone, old, new in found
        )
    if rejected:
        raise ReportBatchRejected(rejected)
    raw: dict[str, bytes] = {}
    as_of, warnings = _moved_as_of(ds, reports, today)
    if as_of is not None:
        changes.append(Change("manifest", "as_of", ds.manifest.as_of, as_of))
        raw[MANIFEST] = _manifest_with_as_of(ds.source, as_of)
    return Merged(tables, changes, raw, warnings)
