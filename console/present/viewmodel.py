"""The console's view model: typed cells per tab (value, unit, status, display text); no polars or Textual.

Views are built by ``console.present.views`` from the status engine, rendered by the widgets, written by
the exports, and cached between launches (``console.present.view_cache``) as JSON.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

from console.present.collation import text_order
from console.words import Lang, Pair
from console.words.views import TABS_WORDS

# Each tab's title, (Chinese, English): the catalogue's, as a dict the tab strip, palette and messages
# read (and tests may patch).
TAB_TITLES: dict[str, Pair] = dict(TABS_WORDS)


def _order(value: object) -> object:
    return text_order(value) if isinstance(value, str) else value


@dataclass(frozen=True)
class Field:
    """One typed value behind a column: a stable code (export column name), a label, a kind, a unit."""

    code: str
    label: str
    kind: str = "text"
    unit: str = ""


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    numeric: bool = False
    # Lower numbers give way first when the terminal is too narrow (0: never hidden).
    give_way: int = 0
    # The typed values behind each cell of this column (exports write these, not the display text).
    fields: tuple[Field, ...] = ()


@dataclass(frozen=True)
class Cell:
    """What one cell shows (``text``, made by console.present.formatter) and the values behind it.

    ``values`` holds one value per field of the column (float, int, bool, period or date text, or
    None); ``sort`` orders the column; ``status`` is the engine's status code where the cell has one;
    ``cls`` is the severity class that colours it.
    """

    text: str
    values: tuple[Any, ...] = ()
    sort: object = None
    status: str | None = None
    cls: str | None = None


@dataclass(frozen=True)
class Row:
    key: str
    cells: tuple[Cell, ...]
    flagged: bool = False

    def texts(self) -> tuple[str, ...]:
        return tuple(c.text for c in self.cells)


@dataclass(frozen=True)
class View:
    tab: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    search: str = ""
    sort_key: str | None = None
    descending: bool = False
    notes: tuple[str, ...] = field(default=())

    def column_index(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def cell(self, row: Row, key: str) -> Cell:
        return row.cells[self.column_index(key)]

    def searched(self, text: str) -> View:
        """Rows with ``text`` in any cell (case-insensitive); Latin letters also find Chinese names by
        their pinyin or its initials (``pingyu``, ``py`` find 平舆), as the county dialog does."""
        needle = text.strip().casefold()
        if not needle:
            return replace(self, search="")
        latin = needle.replace(" ", "")
        by_sound = latin.isascii() and latin.isalpha()
        if by_sound:
            from console.present.collation import pinyin_matches

            def found(cell: Cell) -> bool:
                return needle in cell.text.casefold() or pinyin_matches(latin, cell.text)

            rows = tuple(r for r in self.rows if any(found(cell) for cell in r.cells))
        else:
            rows = tuple(r for r in self.rows if any(needle in cell.text.casefold() for cell in r.cells))
        if len(rows) == len(self.rows):  # every row matches: the same rows (their widths are known)
            rows = self.rows
        return replace(self, rows=rows, search=text.strip())

    def sorted_by(self, key: str | None, descending: bool = False) -> View:
        """Rows sorted on a column's underlying values; empty values last either way."""
        if key is None:
            return replace(self, sort_key=None, descending=False)
        index = self.column_index(key)
        present = [r for r in self.rows if r.cells[index].sort is not None]
        absent = [r for r in self.rows if r.cells[index].sort is None]
        # One column's sort values share a type (numbers or text), which `object` cannot tell mypy;
        # text sorts by pinyin.
        present.sort(key=lambda r: _order(r.cells[index].sort), reverse=descending)  # type: ignore[arg-type, return-value]
        return replace(self, rows=tuple(present + absent), sort_key=key, descending=descending)

    def fields(self) -> list[tuple[Column, Field]]:
        """Every (column, field) in order: the data columns of an export."""
        return [(c, f) for c in self.columns for f in c.fields]

    def records(self) -> list[dict[str, Any]]:
        """Each row as {field code: typed value}: what ``--json`` and the data exports hold."""
        out = []
        for row in self.rows:
            record: dict[str, Any] = {}
            for column, cell in zip(self.columns, row.cells, strict=True):
                record.update(zip((f.code for f in column.fields), cell.values, strict=True))
            out.append(record)
        return out


@dataclass(frozen=True)
class Goal:
    """A headline goal: its latest value against its target; ``ratio`` (latest / target) is what the
    bar draws and the percentage printed beside it; ``progress`` (from the plan's baseline) is the
    engine's measure behind ``status``."""

    label: str
    value: str  # display text of latest / target and unit, made by the formatter
    progress: float | None
    status: str
    code: str = ""
    latest: float | None = None
    target: float | None = None
    unit: str = ""
    ratio: float | None = None
    basis: str | None = None  # a computed count's basis: full_year or projected (engine.determined.BASIS)


@dataclass(frozen=True)
class CountLine:
    level: str
    planned: int | None  # the plan's city-wide count; None under a county filter (not filterable)
    targeted: int | None  # None on the row of zones without a result (a target is not a result)
    achieved: int | None
    code: str = ""  # stable code of the level, e.g. tier_1, star_2; star_unset (未设: no target), star_none (无星), star_no_result
    graded: bool = True  # a level (一星…); False for 无星 and 无结果, where fewer is not short of a plan


@dataclass(frozen=True)
class ReportCount:
    """How many zones' quarterly reports for the quarter judged have one status (on_time, late …)."""

    status: str
    zones: int


@dataclass(frozen=True)
class Overview:
    goals: tuple[Goal, ...]
    tiers: tuple[CountLine, ...]
    stars: tuple[CountLine, ...]
    attention: tuple[tuple[str, str], ...]
    result_year: int | None
    # Per year: (year, planned zones at 二档 or above, result, planned zones with a star, result);
    # results are None for years not yet published.
    by_year: tuple[tuple[int, int, int | None, int, int | None], ...] = ()
    # Quarterly reports late or missing for the quarter judged: (zone, "late 14d" / "missing" words).
    overdue: tuple[tuple[str, str], ...] = ()
    report_period: str | None = None
    # The counties the tier/star counts and the attention list cover (empty: the whole city); the
    # headline goals are always city-wide and say so when a county filter is set.
    counties: tuple[str, ...] = ()
    # The zone (row key of the Zones tab) each attention item names, None for a note on missing data,
    # REPORTS_NOTE for the note on late or missing reports; Enter on an item opens that zone's
    # drill-down, or the list of late and missing reports.
    attention_keys: tuple[str | None, ...] = ()
    # What the data covers (console.engine.coverage): the scope words follow it, and without the
    # plan's city-wide targets (``area_targets`` false) the headline goals have none.
    area: str = "city"
    ranked_in: str = "province"
    area_targets: bool = True
    # The zones per report status for ``report_period`` (statuses in REPORT_ORDER, none left out): they
    # add up to the zones counted, and say "all on time" only where every one is on time.
    report_counts: tuple[ReportCount, ...] = ()
    # The year shown, the quarter its headline figures are judged at (a finished year's Q4, the
    # running year's as-of quarter; None before any data) and the year the headline targets are due.
    year: int | None = None
    judged: str | None = None
    goals_due: int | None = None


# The attention key of the note on late or missing quarterly reports (not a zone: no zone key starts
# with a NUL); Enter on it lists every late or missing report.
REPORTS_NOTE = "\x00reports"


@dataclass(frozen=True)
class Header:
    """What the top line says about the data shown."""

    title: str
    title_en: str
    as_of: str
    sample: bool
    year: int
    years: tuple[int, ...]
    counties: tuple[str, ...]
    county_names: tuple[tuple[str, str], ...]  # every (Chinese, English) county name, for the filter
    own_targets: bool = False  # the data sets its own targets (a generated set): not the plan's


@dataclass(frozen=True)
class Views:
    """Every tab's content in one language and symbol set."""

    lang: Lang
    ascii: bool
    header: Header
    overview: Overview
    tables: dict[str, View]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Views:
        """Rebuild from ``to_json`` output (lists become tuples again)."""

        def view(v: dict[str, Any]) -> View:
            return View(
                v["tab"],
                v["title"],
                tuple(
                    Column(
                        c["key"],
                        c["label"],
                        c["numeric"],
                        c["give_way"],
                        tuple(Field(**f) for f in c["fields"]),
                    )
                    for c in v["columns"]
                ),
                tuple(
                    Row(
                        r["key"],
                        tuple(
                            Cell(c["text"], tuple(c["values"]), c["sort"], c["status"], c["cls"])
                            for c in r["cells"]
                        ),
                        r["flagged"],
                    )
                    for r in v["rows"]
                ),
                v["search"],
                v["sort_key"],
                v["descending"],
                tuple(v["notes"]),
            )

        o = data["overview"]
        h = data["header"]
        return cls(
            data["lang"],
            data["ascii"],
            Header(
                h["title"],
                h["title_en"],
                h["as_of"],
                h["sample"],
                h["year"],
                tuple(h["years"]),
                tuple(h["counties"]),
                tuple(tuple(pair) for pair in h["county_names"]),
                h.get("own_targets", False),
            ),
            Overview(
                tuple(Goal(**g) for g in o["goals"]),
                tuple(CountLine(**c) for c in o["tiers"]),
                tuple(CountLine(**c) for c in o["stars"]),
                tuple(tuple(a) for a in o["attention"]),
                o["result_year"],
                tuple(tuple(y) for y in o.get("by_year", ())),
                tuple(tuple(r) for r in o.get("overdue", ())),
                o.get("report_period"),
                tuple(o.get("counties", ())),
                tuple(o.get("attention_keys", ())),
                o.get("area", "city"),
                o.get("ranked_in", "province"),
                o.get("area_targets", True),
                tuple(ReportCount(**r) for r in o.get("report_counts", ())),
                o.get("year"),
                o.get("judged"),
                o.get("goals_due"),
            ),
            {name: view(v) for name, v in data["tables"].items()},
        )
