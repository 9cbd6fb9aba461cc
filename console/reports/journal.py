"""Ingest accepted reports into the dataset as a transaction, keep history, undo, and recover.

An ingest reads and checks every report and computes the changes with no lock held (the user may
take their time over the y/N). Then, under the dataset lock, it checks that the dataset has not
changed meanwhile, stages the new tables in ``.staging-*``, loads the staged dataset, and writes a
journal in ``.history/<time>.pending/`` holding the replaced files and each file's sha256 before and
after. Only then are the files replaced; renaming the entry to ``.history/<time>/`` commits it. A
crash at any point leaves a state ``recover`` finishes or rolls back. See data/README.md.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO

import polars as pl

from console.core import files
from console.core.files import dataset_lock
from console.core.text import Said, clean, in_lang
from console.data.dataset import Dataset
from console.data.errors import DataInvalid
from console.data.loader import find_table_file, load_dataset
from console.data.scales import Period, parse_period
from console.data.schema import MANIFEST, TABLES_BY_NAME
from console.data.unfinished import BROKEN, HISTORY, JOURNAL, PENDING, UNDO_JOURNAL, UNDONE
from console.present.formatter import amount_digits
from console.reports.assessment import Assessment, is_assessment_workbook, merge_assessments, read_assessment
from console.reports.read import read_report
from console.reports.template import Report, ReportRejected
from console.reports.words import Problem, at
from console.words import Lang, pick


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
        key = pick((self.key, self.key_en or self.key), lang)
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
                        "亿元",
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


# -- the journal ---------------------------------------------------------------------------------------------

KEPT = "kept-at-undo"  # undoing an entry without hashes keeps the versions it replaces here
STAGING_PREFIX = ".staging-"


class HistoryProblem(Exception):
    """An ingest or undo that cannot go ahead safely; the message says which file and why."""


class DatasetChanged(Exception):
    """The dataset changed between reading the reports and applying them."""

    def __init__(self, directory: Path) -> None:
        super().__init__(Problem("dataset_changed", path=str(directory)))


@dataclass(frozen=True)
class FileChange:
    """One dataset file a transaction replaces, with its sha256 before and after."""

    name: str
    before: str | None
    after: str | None


@dataclass(frozen=True)
class Journal:
    reason: str
    at: str
    staging: str
    files: tuple[FileChange, ...]

    def to_json(self) -> bytes:
        document = {
            "version": 2,
            "reason": self.reason,
            "at": self.at,
            "staging": self.staging,
            "files": [{"name": f.name, "before": f.before, "after": f.after} for f in self.files],
        }
        return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def sha256(path: Path) -> str | None:
    """The file's sha256 in hex, or None when there is no such file."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def _inside(directory: Path, name: object, where: Path) -> str:
    """``name`` if it is a plain file name that stays inside ``directory``; else HistoryProblem."""
    if (
        not isinstance(name, str)
        or not name
        or name.startswith(".")
        or Path(name).name != name
        or "/" in name
        or "\\" in name
        or (directory / name).resolve().parent != directory.resolve()
    ):
        raise HistoryProblem(Problem("journal_outside", path=str(where / JOURNAL), name=str(name)))
    return name


def read_journal(directory: Path, entry: Path, name: str = JOURNAL) -> Journal:
    """The journal of a history entry, checked; HistoryProblem if missing, truncated or unsafe."""
    path = entry / name
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise HistoryProblem(Problem("journal_missing", path=str(path))) from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise HistoryProblem(Problem("journal_damaged", path=str(path), reason=str(exc))) from None
    if not isinstance(raw, dict) or not isinstance(raw.get("files"), list):
        raise HistoryProblem(Problem("journal_no_files", path=str(path)))
    changes = []
    for item in raw["files"]:
        if isinstance(item, str):  # a journal written before hashes were kept
            changes.append(FileChange(_inside(directory, item, entry), None, None))
            continue
        if not isinstance(item, dict):
            raise HistoryProblem(Problem("journal_bad_entry", path=str(path)))
        hashes = [item.get("before"), item.get("after")]
        if not all(h is None or isinstance(h, str) for h in hashes):
            raise HistoryProblem(Problem("journal_bad_hash", path=str(path)))
        changes.append(FileChange(_inside(directory, item.get("name"), entry), *hashes))
    staging = raw.get("staging", "")
    if not isinstance(staging, str) or (
        staging and (not staging.startswith(STAGING_PREFIX) or "/" in staging)
    ):
        raise HistoryProblem(Problem("journal_bad_staging", path=str(path)))
    # The reason and time are shown (changes, the bulletin, the console): read through the boundary.
    return Journal(clean(raw.get("reason", "")), clean(raw.get("at", "")), staging, tuple(changes))


def _entries(directory: Path) -> list[Path]:
    """Committed history entries (applied ingests not undone), oldest first."""
    history = directory / HISTORY
    if not history.is_dir():
        return []
    return sorted(
        p for p in history.iterdir() if p.is_dir() and not p.name.endswith((PENDING, UNDONE, BROKEN))
    )


def refuse_links(directory: Path) -> None:
    """LinkRefused naming the first symbolic link where an ingest, undo or recovery would write.

    ``.history`` and each entry in it (and what an entry holds), the staging folders and the lock
    file: a link there would let an ingest or undo write, move or delete files outside the dataset.
    Called with the lock held, before anything is written.
    """
    history = directory / HISTORY
    places = [history, directory / files.LOCK_NAME]
    places += [p for p in directory.iterdir() if p.name.startswith(STAGING_PREFIX)]
    if history.is_dir() and not history.is_symlink():
        for entry in sorted(history.iterdir()):
            places.append(entry)
            if entry.is_dir() and not entry.is_symlink():
                places.extend(sorted(entry.iterdir()))
                kept = entry / KEPT
                if kept.is_dir() and not kept.is_symlink():
                    places.extend(sorted(kept.iterdir()))
    files.refuse_links(*places)


def _set_aside(entry: Path) -> Path:
    target = entry.with_name(entry.name.removesuffix(PENDING) + BROKEN)
    n = 2
    while target.exists():
        target = entry.with_name(f"{entry.name.removesuffix(PENDING)}-{n}{BROKEN}")
        n += 1
    os.replace(entry, target)
    return target


def _install(source: Path, target: Path, move: bool) -> None:
    """Put ``source``'s content at ``target`` atomically (moving it when it is a staged file)."""
    if move:
        os.replace(source, target)
    else:
        files.atomic_write_bytes(target, source.read_bytes())


# -- applying an ingest ---------------------------------------------------------------------------------------


def _write_table(frame: pl.DataFrame, suffix: str) -> bytes:
    def write(handle: IO[bytes]) -> None:
        if suffix == ".csv":
            frame.write_csv(handle, include_bom=True)
        elif suffix == ".parquet":
            frame.write_parquet(handle)
        else:
            frame.write_excel(handle, autofit=True)

    return files.render(write)


def _stamp(history: Path) -> str:
    stamp = f"{datetime.now():%Y%m%d-%H%M%S-%f}"
    while any((history / f"{stamp}{end}").exists() for end in ("", PENDING, UNDONE, BROKEN)):
        stamp += "x"
    return stamp


def apply(
    directory: Path,
    tables: dict[str, pl.DataFrame],
    reason: str,
    sources: str = "",
    raw: dict[str, bytes] | None = None,
) -> Path:
    """Replace the tables' files as one transaction (caller holds the lock); returns the history entry.

    The new files are staged and the whole staged dataset loaded first: if that load fails, nothing
    in the dataset changes (ReportBatchRejected naming ``sources``). If replacing fails part way, the
    files already replaced are put back before the error is raised. ``raw`` replaces other dataset
    files (``manifest.toml``) by name, in the same transaction.
    """
    ds_files = {name: find_table_file(directory, TABLES_BY_NAME[name])[0] for name in tables}
    staging = files.make_folder(directory, STAGING_PREFIX)
    try:
        for path in directory.iterdir():
            if path.is_file() and not path.name.startswith("."):
                files.link_or_copy(path, staging / path.name)
        changes = []
        for name, frame in tables.items():
            target = ds_files[name]
            assert target is not None
            (staging / target.name).unlink()
            files.write_new(staging / target.name, _write_table(frame, target.suffix.lower()))
            changes.append(FileChange(target.name, sha256(target), sha256(staging / target.name)))
        for name, content in (raw or {}).items():
            (staging / name).unlink(missing_ok=True)
            files.write_new(staging / name, content)
            changes.append(FileChange(name, sha256(directory / name), sha256(staging / name)))
        try:
            load_dataset(staging)
        except DataInvalid as exc:
            raise ReportBatchRejected(
                [
                    ReportRejected(
                        sources or reason,
                        [
                            Problem("merged_invalid", problem=Said(e.text("en"), e.text("zh")))
                            for e in exc.errors
                        ],
                    )
                ]
            ) from None
        history = directory / HISTORY
        history.mkdir(exist_ok=True)
        pending = history / (_stamp(history) + PENDING)
        pending.mkdir()
        journal = Journal(reason, datetime.now().isoformat(), staging.name, tuple(changes))
        try:
            for change in changes:
                files.atomic_write_bytes(pending / change.name, (directory / change.name).read_bytes())
            files.atomic_write_bytes(pending / JOURNAL, journal.to_json())
            files.fsync_folder(history)
        except Exception:  # nothing replaced yet: the unfinished entry simply goes
            shutil.rmtree(pending, ignore_errors=True)
            raise
        try:
            return _finish(directory, pending, journal)
        except Exception:  # a crash (or Ctrl-C) leaves the pending entry for ``recover`` instead
            _roll_back(directory, pending, journal)
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _finish(directory: Path, pending: Path, journal: Journal) -> Path:
    """Replace every file not yet replaced from the staging folder, then commit the entry."""
    staging = directory / journal.staging
    for change in journal.files:
        if sha256(directory / change.name) != change.after:
            _install(staging / change.name, directory / change.name, move=True)
    files.fsync_folder(directory)
    entry = pending.with_name(pending.name.removesuffix(PENDING))
    os.replace(pending, entry)  # the commit: from here on the ingest has applied
    with contextlib.suppress(OSError):
        files.fsync_folder(entry.parent)
    return entry


def _roll_back(directory: Path, pending: Path, journal: Journal) -> list[str]:
    """Put back each file already replaced; returns the files in neither state (left as they are)."""
    odd = []
    for change in journal.files:
        current = sha256(directory / change.name)
        if current == change.after and current != change.before:
            _install(pending / change.name, directory / change.name, move=False)
        elif current != change.before:
            odd.append(change.name)
    if odd:
        _set_aside(pending)
    else:
        shutil.rmtree(pending)
    return odd


# -- recovery ---------------------------------------------------------------------------------------------------


def needs_recovery(directory: Path) -> bool:
    """Whether an interrupted ingest or undo left anything behind (checked without the lock)."""
    try:
        if any(p.name.startswith(STAGING_PREFIX) or files.is_temp(p) for p in directory.iterdir()):
            return True
        history = directory / HISTORY
        return history.is_dir() and any(
            p.name.endswith(PENDING) or (p in _entries(directory) and (p / UNDO_JOURNAL).exists())
            for p in history.iterdir()
        )
    except OSError:
        return False


def recover(directory: Path, lock: bool = True) -> list[Problem]:
    """Finish or roll back an interrupted ingest or undo, remove leftovers; returns what was done
    (catalogue messages, shown in either language)."""
    if not needs_recovery(directory):
        return []
    if not lock:
        refuse_links(directory)
        return _recover(directory)
    with dataset_lock(directory):
        refuse_links(directory)
        return _recover(directory)


def _recover(directory: Path) -> list[Problem]:
    messages = []
    history = directory / HISTORY
    for pending in sorted(history.glob("*" + PENDING)) if history.is_dir() else []:
        messages.append(_resolve_pending(directory, pending))
    for entry in _entries(directory):
        if (entry / UNDO_JOURNAL).exists():
            messages.append(_resolve_undo(directory, entry))
    for path in directory.iterdir():
        if path.name.startswith(STAGING_PREFIX) and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        elif files.is_temp(path) and path.is_file():
            path.unlink(missing_ok=True)
    return messages


def _resolve_pending(directory: Path, pending: Path) -> Problem:
    try:
        journal = read_journal(directory, pending)
    except HistoryProblem:
        # The journal is written (atomically) before any file is replaced: nothing was changed.
        shutil.rmtree(pending, ignore_errors=True)
        return Problem("recovered_clean")
    staging = directory / journal.staging
    ready = all(
        (current := sha256(directory / c.name)) == c.after
        or (current == c.before and sha256(staging / c.name) == c.after)
        for c in journal.files
    )
    names = ", ".join(c.name for c in journal.files)
    if journal.staging and ready:
        _finish(directory, pending, journal)
        return Problem("recovered_finished", reason=journal.reason, names=names)
    odd = _roll_back(directory, pending, journal)
    if odd:
        return Problem("recovered_odd", reason=journal.reason, names=", ".join(odd))
    return Problem("recovered_rolled_back", reason=journal.reason, names=names)


def _resolve_undo(directory: Path, entry: Path) -> Problem:
    try:
        journal = read_journal(directory, entry)
        _restore(directory, entry, journal)
    except HistoryProblem as exc:
        (entry / UNDO_JOURNAL).unlink(missing_ok=True)  # the undo stays not done; say why once
        return Problem("undo_unfinished", problem=exc.args[0])
    names = ", ".join(c.name for c in journal.files)
    return Problem("undo_finished", names=names)


# -- ingest and undo ------------------------------------------------------------------------------------------


class ReportBatchRejected(Exception):
    def __init__(self, rejected: list[ReportRejected]) -> None:
        super().__init__(f"{len(rejected)} report(s) rejected")
        self.rejected = rejected


@dataclass
class Prepared:
    """Reports read and merged against the dataset as it was; nothing written yet."""

    directory: Path
    paths: list[Path]
    reports: list[Report]
    changes: list[Change]
    tables: dict[str, pl.DataFrame]
    fingerprint: dict[str, str | None] = field(default_factory=dict)
    assessments: list[Assessment] = field(default_factory=list)
    raw: dict[str, bytes] = field(default_factory=dict)  # other files replaced (manifest.toml)
    warnings: list[str] = field(default_factory=list)


def _fingerprint(directory: Path) -> dict[str, str | None]:
    return {
        p.name: sha256(p) for p in sorted(directory.iterdir()) if p.is_file() and not p.name.startswith(".")
    }


def _figures(report: Report) -> tuple[object, ...]:
    return (sorted(report.revenue.items()), sorted(report.indicators.items()), report.submitted, report.notes)


def _place(report: Report, item: str) -> Problem:
    """Where a report holds ``item`` (a catalogue place; row 2 when the reader did not say)."""
    place = report.places.get(item)
    return place if isinstance(place, Problem) else Problem("row", row=2)


def _reported_twice(reports: list[Report]) -> tuple[list[Report], list[ReportRejected]]:
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


def prepare(directory: Path, paths: list[Path], today: date | None = None) -> Prepared:
    """Read, check and merge reports; every report is read, one bad report rejects them all.

    A path is an assessment-results workbook when it holds the assessment sheet, else a quarterly report.
    """
    today = today or date.today()
    fingerprint = _fingerprint(directory)
    ds = load_dataset(directory)
    problems: list[ReportRejected] = []
    reports = []
    assessments = []
    for path in paths:
        try:
            if is_assessment_workbook(path):
                assessments.append(read_assessment(ds, path, today))
            else:
                reports.append(read_report(ds, path, today))
        except ReportRejected as exc:
            problems.append(exc)
    reports, twice = _reported_twice(reports)
    problems.extend(twice)
    if problems:
        raise ReportBatchRejected(problems)
    merged = merge_batch(ds, reports, assessments, today)
    return Prepared(
        directory,
        paths,
        reports,
        merged.changes,
        merged.tables,
        fingerprint,
        assessments,
        merged.raw,
        merged.warnings,
    )


def commit(prepared: Prepared, today: date | None = None) -> Path:
    """Apply prepared changes under the lock; DatasetChanged if what was confirmed no longer holds."""
    today = today or date.today()
    directory = prepared.directory
    with dataset_lock(directory):
        refuse_links(directory)
        recover(directory, lock=False)
        tables, changes, raw = prepared.tables, prepared.changes, prepared.raw
        if _fingerprint(directory) != prepared.fingerprint:
            merged = merge_batch(load_dataset(directory), prepared.reports, prepared.assessments, today)
            if merged.changes != prepared.changes:
                raise DatasetChanged(directory)
            tables, changes, raw = merged.tables, merged.changes, merged.raw
        changed = {name: frame for name, frame in tables.items() if any(c.table == name for c in changes)}
        names = ", ".join(p.name for p in prepared.paths)
        return apply(directory, changed, "ingest " + names, names, raw)


def ingest(
    directory: Path,
    paths: list[Path],
    dry_run: bool = False,
    confirm: Callable[[list[Change]], bool] | None = None,
    today: date | None = None,
    warn: Callable[[str], None] | None = None,
) -> tuple[list[Change], Path | None]:
    """Read, check and merge reports (and assessment workbooks) into the dataset at ``directory``.

    ``confirm`` is called with the list of changes (no lock is held meanwhile) and returns True to
    apply them; ``warn`` receives each warning (a report for a quarter still running). Returns
    (changes, history entry or None when nothing was applied).
    """
    recover(directory)
    prepared = prepare(directory, paths, today)
    for warning in prepared.warnings:
        if warn is not None:
            warn(warning)
    changes = prepared.changes
    if dry_run or not changes or (confirm is not None and not confirm(changes)):
        return changes, None
    return changes, commit(prepared, today)


def undo(directory: Path) -> tuple[Path, list[str]] | None:
    """Restore the files the last ingest replaced; None when there is nothing to undo.

    A file is restored only if it still is exactly what the ingest wrote; otherwise nothing is
    restored and HistoryProblem names the file. An entry whose journal is unreadable or unsafe is
    set aside as ``<entry>.broken`` (its files kept) with a HistoryProblem saying so.
    """
    with dataset_lock(directory):
        refuse_links(directory)
        recover(directory, lock=False)
        entries = _entries(directory)
        if not entries:
            return None
        entry = entries[-1]
        try:
            journal = read_journal(directory, entry)
        except HistoryProblem as exc:
            aside = _set_aside(entry)
            raise HistoryProblem(Problem("undo_set_aside", problem=exc.args[0], aside=str(aside))) from None
        return _restore(directory, entry, journal), [c.name for c in journal.files]


def _restore(directory: Path, entry: Path, journal: Journal) -> Path:
    """Put back the entry's saved files (each only if unchanged since the ingest); mark it undone.

    An entry written by an older devzones has no hashes: its files are restored, and the versions
    they replace are kept in ``<entry>.undone/kept-at-undo/`` so that nothing is lost.
    """
    for change in journal.files:
        saved = sha256(entry / change.name)
        if saved is None or (change.before is not None and saved != change.before):
            raise HistoryProblem(Problem("saved_copy_bad", path=str(entry / change.name)))
    hashed = [c for c in journal.files if c.after is not None]
    changed = [c.name for c in hashed if sha256(directory / c.name) not in (c.after, c.before)]
    if changed:
        raise HistoryProblem(
            Problem(
                "changed_since_ingest",
                path=str(directory / changed[0]),
                names=", ".join(changed),
                entry=str(entry),
            )
        )
    for change in journal.files:
        kept = entry / KEPT / change.name
        if change.after is None and (directory / change.name).is_file() and not kept.exists():
            kept.parent.mkdir(exist_ok=True)
            files.atomic_write_bytes(kept, (directory / change.name).read_bytes())
    if not (entry / UNDO_JOURNAL).exists():
        files.atomic_write_bytes(entry / UNDO_JOURNAL, journal.to_json())
    for change in journal.files:
        current = sha256(directory / change.name)
        if current == change.after or (change.after is None and current != sha256(entry / change.name)):
            _install(entry / change.name, directory / change.name, move=False)
    files.fsync_folder(directory)
    done = entry.with_name(entry.name + UNDONE)
    os.replace(entry, done)
    with contextlib.suppress(OSError):
        files.fsync_folder(entry.parent)
    return entry
