"""The console's view model: plain rows of text per tab, with no polars or Textual import.

Views are built by ``console.present.views`` from the status engine, rendered by the widgets, written by
the exports, and cached between launches (``console.present.view_cache``) as JSON.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

TAB_TITLES = {
    "overview": ("概览", "Overview"),
    "zones": ("开发区", "Zones"),
    "clusters": ("产业集群", "Clusters"),
    "tasks": ("重点任务", "Tasks"),
    "rankings": ("排名", "Rankings"),
}


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    numeric: bool = False
    # Lower numbers give way first when the terminal is too narrow (0: never hidden).
    give_way: int = 0
    # The row's sort value is this cell's number: exports write it as a number, not as text.
    value: bool = False


@dataclass(frozen=True)
class Row:
    key: str
    cells: tuple[str, ...]
    sort: tuple[object, ...]
    classes: tuple[str | None, ...]
    flagged: bool = False


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

    def searched(self, text: str) -> View:
        """Rows with ``text`` in any cell (case-insensitive)."""
        needle = text.strip().casefold()
        if not needle:
            return replace(self, search="")
        rows = tuple(r for r in self.rows if any(needle in cell.casefold() for cell in r.cells))
        return replace(self, rows=rows, search=text.strip())

    def sorted_by(self, key: str | None, descending: bool = False) -> View:
        """Rows sorted on a column's underlying values; empty values last either way."""
        if key is None:
            return replace(self, sort_key=None, descending=False)
        index = self.column_index(key)
        present = [r for r in self.rows if r.sort[index] is not None]
        absent = [r for r in self.rows if r.sort[index] is None]
        # One column's sort values share a type (numbers or text), which `object` cannot tell mypy.
        present.sort(key=lambda r: r.sort[index], reverse=descending)  # type: ignore[arg-type, return-value]
        return replace(self, rows=tuple(present + absent), sort_key=key, descending=descending)

    def as_records(self) -> list[dict[str, str]]:
        return [{c.label: cell for c, cell in zip(self.columns, r.cells, strict=True)} for r in self.rows]


@dataclass(frozen=True)
class Goal:
    label: str
    value: str
    progress: float | None
    status: str


@dataclass(frozen=True)
class CountLine:
    level: str
    planned: int
    targeted: int
    achieved: int | None


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


@dataclass(frozen=True)
class Views:
    """Every tab's content in one language and symbol set."""

    lang: str
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
                tuple(Column(**c) for c in v["columns"]),
                tuple(
                    Row(r["key"], tuple(r["cells"]), tuple(r["sort"]), tuple(r["classes"]), r["flagged"])
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
            ),
            {name: view(v) for name, v in data["tables"].items()},
        )
