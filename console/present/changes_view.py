"""The console's "changes since" mode, without Textual: which cells are marked, which rows changed, and
the overview's "本期变化 / Changes since …" rows, from the typed changes (console/engine/changes.py).

The changes are computed once per reference period (``ChangesMemo``); toggling the mode only marks
the views already built (``change_marks`` then ``mark_view`` / ``changed_rows``), which is cheap.
A changed cell is marked with a symbol (``Δ``, ``*`` in ASCII mode) before its text, so the mark
shows without colour. Words for the changes are here too, so the CLI, the console and the bulletin
say the same thing.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from console.core.config import Settings
from console.core.text import clean
from console.data.dataset import Dataset
from console.data.scales import Period
from console.engine.as_of import data_periods
from console.engine.changes import CODES, Change, changes_between
from console.engine.severity import STATUS_RANK, STATUS_RANKS
from console.present.formatter import CHANGE_MARK, Formatter
from console.present.labels import text as label_text
from console.present.viewmodel import Cell, Column, Field, Row, View, Views
from console.words import Lang, as_lang
from console.words.changes import CHANGE_CODES, CHANGE_FIELDS, CHANGES

MARK = CHANGE_MARK  # a changed cell's symbol; the ASCII fallback

# The words of each change code, under the name the tests read.

# Where each change shows: (change subject, field) -> (tab, column key). Row keys are the views' own:
# a zone, "zone|industry" for a cluster, an indicator code.
_PLACES: dict[tuple[str, str], tuple[str, str]] = {
    ("zone", "tier_status"): ("zones", "tier"),
    ("zone", "star_status"): ("zones", "star"),
    ("zone", "revenue_status"): ("zones", "revenue"),
    ("zone", "report"): ("zones", "report"),
    ("zone", "rank"): ("rankings", "rank"),
    ("cluster", "status"): ("clusters", "status"),
    ("cluster", "revenue_ytd"): ("clusters", "actual_ytd"),
    ("indicator", "status"): ("indicators", "status"),
    ("indicator", "value"): ("indicators", "latest"),
}

# How bad a status is, for "worst first" (lower is worse): the one order (STATUS_RANK); unknown
# statuses count as neutral, with those that judge nothing (no target …).
_SEVERITY = STATUS_RANK
_NEUTRAL = len(STATUS_RANKS) - 1
_CODE_RANK = {code: i for i, code in enumerate(CODES)}


def code_word(code: str, lang: Lang) -> str:
    """What kind of change ``code`` is, in ``lang`` ("目标未达成" / "target missed"); an unknown code as it is."""
    return CHANGE_CODES(code, lang) if code in CHANGE_CODES else code


def field_word(field: str, lang: Lang) -> str:
    """What a change is about ("档级" / "tier"); an unknown field as it is."""
    return CHANGE_FIELDS(field, lang) if field in CHANGE_FIELDS else field


def _sort_key(index_change: tuple[int, Change]) -> tuple[object, ...]:
    index, c = index_change
    code = _CODE_RANK.get(c.code, len(CODES))
    if c.field.endswith("status"):
        old = _SEVERITY.get(str(c.old), _NEUTRAL)
        new = _SEVERITY.get(str(c.new), _NEUTRAL)
        return (code, 0 if new < old else 1 if new == old else 2, new, index)
    if c.code == "rank" and isinstance(c.old, int) and isinstance(c.new, int):
        return (code, -(c.new - c.old), 0, index)  # the biggest fall first, the biggest rise last
    if c.code == "report_arrived":
        return (code, -(c.days or 0), 0, index)  # the latest report first
    if c.code == "revised" and isinstance(c.old, int | float) and isinstance(c.new, int | float):
        return (code, -abs(c.new - c.old) / max(abs(c.old), 1e-9), 0, index)  # the largest revision first
    return (code, 0, 0, index)


def worst_first(changes: Iterable[Change]) -> list[Change]:
    """The changes, worst first: by kind (CODES order), then the transitions that got worse before those
    that got better (the worst new status first), the biggest rank falls, the latest reports, the
    largest revisions; the data's order otherwise."""
    return [c for _, c in sorted(enumerate(changes), key=_sort_key)]


@dataclass(frozen=True)
class ChangeMarks:
    """The changed cells of every tab since a reference period: tab -> row key -> column keys."""

    since: str
    to: str
    cells: Mapping[str, Mapping[str, frozenset[str]]]

    def marked(self, tab: str, row_key: str, column: str) -> bool:
        """Whether the cell of ``row_key`` in ``column`` of ``tab`` changed."""
        return column in self.cells.get(tab, {}).get(row_key, frozenset())

    def changed(self, tab: str, row_key: str) -> bool:
        """Whether anything in the row changed: the "changed rows only" filter keeps these."""
        return row_key in self.cells.get(tab, {})

    def count(self, tab: str) -> int:
        """How many rows of ``tab`` changed."""
        return len(self.cells.get(tab, {}))


def _row_key(c: Change) -> str | None:
    if c.subject == "cluster":
        return f"{c.zone}|{c.industry}"
    if c.subject == "indicator":
        return c.indicator
    return c.zone


def routine(change: Change) -> bool:
    """A quarter's report that arrived on time: listed (``devzones changes``, the overview's count) but
    not marked in the tables, where every zone that reported as due would otherwise be a changed row."""
    return change.code == "report_arrived" and change.new == "on_time"


def change_marks(changes: Iterable[Change], views: Views | None, since: str, to: str) -> ChangeMarks:
    """Which cells ``changes`` mark (a cluster's figure revised for a quarter before ``to`` marks its
    quarterly series, not its latest total). With ``views``, a task whose indicators changed is marked in the
    tasks table too (its status column), read from the indicators view's task column."""
    cells: dict[str, dict[str, set[str]]] = {}
    indicators_changed: set[str] = set()
    for c in changes:
        place = _PLACES.get((c.subject, c.field))
        key = _row_key(c)
        if place is None or key is None or routine(c):
            continue
        tab, column = place
        if c.code == "revised" and c.subject == "cluster" and c.period != to:
            # An earlier quarter's figure: the YTD column shows the latest quarter's, which did not
            # change; the quarterly series holds the revised quarter.
            column = "trend"
        cells.setdefault(tab, {}).setdefault(key, set()).add(column)
        if tab == "indicators":
            indicators_changed.add(key)
    if views is not None and indicators_changed and "indicators" in views.tables:
        table = views.tables["indicators"]
        if any(col.key == "task" for col in table.columns):
            at = table.column_index("task")
            for row in table.rows:
                task = row.cells[at].values[0] if row.cells[at].values else None
                if row.key in indicators_changed and task is not None:
                    cells.setdefault("tasks", {}).setdefault(str(task), set()).add("status")
    frozen = {tab: {k: frozenset(v) for k, v in rows.items()} for tab, rows in cells.items()}
    return ChangeMarks(since, to, frozen)


def mark_view(view: View, marks: ChangeMarks, ascii_only: bool = False) -> View:
    """``view`` with each changed cell's text preceded by the mark (values, sort keys unchanged)."""
    rows_marked = marks.cells.get(view.tab)
    if not rows_marked:
        return view
    from rich.cells import cell_len

    from console.present.fit import column_widths, remember_widths

    symbol = MARK[1 if ascii_only else 0]
    index = {col.key: i for i, col in enumerate(view.columns)}
    widths = column_widths(view)  # known for the views shown: only the marked cells can widen them
    rows = []
    for row in view.rows:
        columns = rows_marked.get(row.key)
        if not columns:
            rows.append(row)
            continue
        # Only the marked cells are new, built directly (dataclasses.replace is several times slower).
        cells = list(row.cells)
        for c in columns:
            i = index.get(c)
            if i is not None:
                cell = cells[i]
                cells[i] = Cell(symbol + cell.text, cell.values, cell.sort, cell.status, cell.cls)
                widths[i] = max(widths[i], cell_len(cells[i].text))
        rows.append(Row(row.key, tuple(cells), row.flagged))
    marked = replace(view, rows=tuple(rows))
    remember_widths(marked, widths)  # toggling the mode at national scale measures no cell again
    return marked


def changed_rows(view: View, marks: ChangeMarks) -> View:
    """Only the rows of ``view`` with a marked cell: those whose shown figures changed since the
    reference period (a change with no column in the view, such as a report that arrived on time on
    the Zones tab, is listed on the overview and by ``devzones changes``, not kept here, where the
    row would show no mark)."""
    rows_marked = marks.cells.get(view.tab, {})
    shown = {col.key for col in view.columns}
    return replace(view, rows=tuple(r for r in view.rows if shown & rows_marked.get(r.key, frozenset())))


def changes_heading(since: str, lang: Lang) -> str:
    """The overview section's heading: "本期变化（自2026Q2）" / "Changes since 2026Q2"."""
    return CHANGES("changes_heading", lang, since=since)


def _names(views: Views) -> dict[str, str]:
    """Display names by row key: zones, clusters (zone and industry) and indicators, from the views."""
    names: dict[str, str] = {}
    for tab, column in (("zones", "zone"), ("clusters", "industry"), ("indicators", "indicator")):
        table = views.tables.get(tab)
        if table is None or not any(c.key == column for c in table.columns):
            continue
        at = table.column_index(column)
        for row in table.rows:
            names[row.key] = row.cells[at].text
    return names


def value_text(change: Change, value: object, f: Formatter) -> str:
    """One side of a change (its ``old`` or ``new``) as the surfaces show it: a status in words with
    its symbol, a figure with two decimals, other data text cleaned of control characters."""
    if value is None:
        return f.none
    if change.field.endswith("status") or change.field == "report":
        return f.status(str(value))
    if isinstance(value, float):
        return f.number(value, 2)
    return clean(str(value))


def change_text(change: Change, names: Mapping[str, str], lang: Lang, ascii_only: bool = False) -> str:
    """What changed, without the kind or the subject: "档级 有风险 → 未达标", "报表 逾期 12 天 (2026Q3)".
    Data text is cleaned of control characters; statuses in words with their symbol."""
    f = Formatter(lang, ascii_only)

    def shown(value: object) -> str:
        return value_text(change, value, f)

    what = field_word(change.field, lang)
    if change.code.startswith("report"):
        text = f"{what} {shown(change.new)}{f.days_late(change.days)} ({change.period})"
    else:
        text = f"{what} {shown(change.old)} {f.arrow} {shown(change.new)}"
        if change.code == "revised":
            text += f" ({change.period})"
    return clean(text)  # a status code from the data is shown as it is, without control characters


def subject_text(change: Change, names: Mapping[str, str]) -> str:
    """Whose change it is: the zone, the zone and its cluster, or the indicator, as the views name them."""
    parts = []
    if change.zone:
        parts.append(names.get(change.zone, change.zone))
    if change.industry:
        parts.append(names.get(f"{change.zone}|{change.industry}", change.industry))
    if change.indicator:
        parts.append(names.get(change.indicator, change.indicator))
    return clean(" ".join(parts))


def overview_rows(
    changes: Iterable[Change], views: Views, limit: int | None = None
) -> tuple[tuple[str, str, str], ...]:
    """The overview section "本期变化 / Changes since …", worst first: (kind, subject, what changed)
    per change, at most ``limit`` rows. Words in the views' language and symbol set."""
    names = _names(views)
    if limit is None:
        ordered = worst_first(changes)
    else:  # the first ``limit`` without sorting them all
        ordered = [c for _, c in heapq.nsmallest(limit, enumerate(changes), key=_sort_key)]
    return tuple(
        (
            code_word(c.code, views.lang),
            subject_text(c, names),
            change_text(c, names, views.lang, views.ascii),
        )
        for c in ordered
    )


# The tables whose changes an export of a tab carries (the overview and "all": every change).
_TAB_TABLES = {
    "zones": ("zones",),
    "clusters": ("clusters",),
    "tasks": ("tasks", "indicators"),
    "rankings": ("rankings",),
}


def attention_rows(
    changes: Iterable[Change], views: Views, limit: int | None = None
) -> tuple[tuple[str, str], ...]:
    """``overview_rows`` in the shape of ``Overview.attention`` (subject, "kind: what changed"), to put
    under ``changes_heading`` at the top of the attention list."""
    lang = as_lang(views.lang)
    return tuple(
        (whose, CHANGES("kind_what", lang, kind=kind, what=what))
        for kind, whose, what in overview_rows(changes, views, limit)
    )


def changes_for_tab(changes: Iterable[Change], tab: str) -> list[Change]:
    """The changes that show on ``tab`` (every change for "overview" and "all")."""
    tables = _TAB_TABLES.get(tab)
    if tables is None:
        return list(changes)
    return [c for c in changes if _PLACES.get((c.subject, c.field), ("", ""))[0] in tables]


def _plain(value: object) -> str | None:
    if value is None:
        return None
    return f"{value:g}" if isinstance(value, float) else clean(str(value))


def _changes_columns(f: Formatter) -> tuple[Column, ...]:
    """The changes table's columns: kind, subject, what changed, period, when revised or days late."""
    return (
        Column(
            "code",
            CHANGES("change", f.lang),
            fields=(
                Field("code", CHANGES("change_code", f.lang), "code"),
                Field("change", CHANGES("change", f.lang)),
            ),
        ),
        Column(
            "subject",
            CHANGES("subject", f.lang),
            fields=(
                Field("subject", CHANGES("subject_kind", f.lang), "code"),
                Field(
                    "zone_id", label_text("zone_key_field", f.lang), "code"
                ),  # the key, as in the zones sheet
                Field("zone", CHANGES("zone", f.lang)),
                Field("industry", CHANGES("industry", f.lang)),
                Field("indicator", CHANGES("indicator", f.lang), "code"),
                Field("name", CHANGES("name", f.lang)),
            ),
        ),
        Column(
            "what",
            CHANGES("what_changed", f.lang),
            fields=(
                Field("field", CHANGES("field", f.lang), "code"),
                Field("from", CHANGES("from", f.lang)),
                Field("to", CHANGES("to", f.lang)),
                Field("text", CHANGES("description", f.lang)),
            ),
        ),
        Column(
            "period",
            CHANGES("period", f.lang),
            fields=(Field("period", CHANGES("period", f.lang), "period"),),
        ),
        Column(
            "when",
            CHANGES("revised_at_late", f.lang),
            fields=(
                Field("when", CHANGES("revised_at", f.lang)),
                Field("days", CHANGES("days_late", f.lang), "int"),
            ),
        ),
    )


def changes_table(changes: Iterable[Change], views: Views, since: str, to: str) -> View:
    """The changes as a table (tab "changes") for the exports: kind, subject, what changed, from, to,
    period, when revised, days late; worst first. Values are the typed codes and numbers (``from`` and
    ``to`` as text: a status code, a rank or a figure), display text in the views' language."""
    lang = views.lang
    f = Formatter(lang, views.ascii)
    names = _names(views)
    columns = _changes_columns(f)
    rows = []
    for n, c in enumerate(worst_first(changes)):
        kind, whose, what = (
            code_word(c.code, lang),
            subject_text(c, names),
            change_text(c, names, lang, views.ascii),
        )
        cells = (
            Cell(kind, (c.code, kind), _CODE_RANK.get(c.code, len(CODES))),
            Cell(
                whose,
                (
                    c.subject,
                    _plain(c.zone),
                    _plain(names.get(c.zone, c.zone) if c.zone else None),
                    _plain(names.get(f"{c.zone}|{c.industry}", c.industry) if c.industry else None),
                    _plain(c.indicator),
                    whose,
                ),
                whose,
            ),
            Cell(what, (c.field, _plain(c.old), _plain(c.new), what), what),
            Cell(c.period, (c.period,), c.period),
            Cell(c.when or f.days_late(c.days).strip(), (c.when, c.days), c.when or c.days),
        )
        rows.append(Row(str(n), cells))
    # Short enough for a spreadsheet's sheet name (31 characters), and saying the same.
    title = CHANGES("changes_from_to", f.lang, since=since, to=to)
    return View("changes", title, columns, tuple(rows))


def reference_periods(ds: Dataset, to: Period | None = None) -> list[Period]:
    """The quarters a "changes since" can start from, newest first: those of the data before ``to``
    (default: the latest), from the plan's first quarter on; what the console's dialog offers. A
    quarter before the plan (the indicators' baseline, 2023Q4) is not offered: no zone reported for
    it, so every cell would count as changed. Empty before any quarter's data."""
    span = data_periods(ds)
    if span is None:
        return []
    first, last = span
    if ds.years:
        first = max(first, Period(ds.years[0], 1), key=lambda p: p.index)
    end = (to or last).index
    return [Period.from_index(i) for i in range(end - 1, first.index - 1, -1)]


class ChangesMemo:
    """The changes since a reference period, computed once per dataset, period pair and county filter:
    toggling the console's mode, or changing tab, reuses them."""

    def __init__(self) -> None:
        self._dataset: Dataset | None = None
        self._key: tuple[object, ...] | None = None
        self._changes: list[Change] = []

    def get(
        self,
        ds: Dataset,
        settings: Settings,
        since: Period,
        to: Period,
        counties: Sequence[str] | None = None,
        revisions: Iterable[Change] = (),
    ) -> list[Change]:
        """``changes_between(ds, settings, since, to, counties, revisions)``, worst first, from the
        memo when the same dataset object and arguments were asked for last time. ValueError as
        ``changes_between`` (``since`` not before ``to``)."""
        key = (str(since), str(to), tuple(counties or ()))
        if self._dataset is not ds or self._key != key:
            found = changes_between(ds, settings, since, to, counties, revisions)
            self._dataset, self._key, self._changes = ds, key, worst_first(found)
        return self._changes

    def clear(self) -> None:
        """Forget the memo (e.g. after an ingest changed the data or its history)."""
        self._dataset, self._key, self._changes = None, None, []


__all__ = [
    "MARK",
    "ChangeMarks",
    "ChangesMemo",
    "attention_rows",
    "change_marks",
    "change_text",
    "changed_rows",
    "changes_for_tab",
    "changes_heading",
    "changes_table",
    "code_word",
    "field_word",
    "mark_view",
    "overview_rows",
    "reference_periods",
    "routine",
    "subject_text",
    "worst_first",
]
