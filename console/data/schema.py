"""Declared schemas of the dataset's tables: columns, types, keys and references.

Column types:
``text`` (non-empty unless nullable), ``int``, ``year``, ``number`` (float), ``star`` (1-5),
``tier`` (1-3), ``period`` (a quarter), ``date`` (ISO or Chinese forms), ``choice`` (one of a set).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypedDict

from console.core.text import Said, said_both
from console.words.data import DATA


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "text"
    nullable: bool = False
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    zone_ref: bool = False  # holds a zone name: the full name or the short name is accepted


@dataclass(frozen=True)
class Reference:
    """Columns of this table that must name a row of another table (``None`` values are skipped)."""

    columns: tuple[str, ...]
    table: str
    target: tuple[str, ...]
    what: str


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    references: tuple[Reference, ...] = ()
    unique: tuple[tuple[str, ...], ...] = ()
    optional: tuple[str, ...] = ("notes",)
    sample: bool = False  # progress data the plan does not give

    def about(self) -> Said:
        """What the table holds, in English and Chinese (for messages about its file)."""
        return said_both(DATA, f"table_{self.name}")

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


class _Range(TypedDict):
    minimum: float
    maximum: float


YEAR: _Range = {"minimum": 2000, "maximum": 2100}
# The largest magnitude any number or whole-number cell may hold, whatever its own range. Revenue is in
# 亿元 (the whole nation's output is about 1.3 million 亿元), counts are of firms or zones, shares are in
# %; a value beyond 1e9 is a typo or a damaged file, and sums of values near float's limit overflow to
# infinity in exports and on screen. Years have their own range (YEAR).
SANE_BOUND = {"number": 1e9, "int": 1e9}
ZONE = Column("zone", zone_ref=True)
ZONE_FK = Reference(("zone",), "zones", ("zone",), "zone")
CLUSTER_FK = Reference(("zone", "industry"), "clusters", ("zone", "industry"), "cluster")

TABLES: tuple[Table, ...] = (
    Table(
        "zones",
        (
            Column("zone"),
            Column("short_name"),
            Column("county"),
            Column("name_en", nullable=True),
            Column("short_name_en", nullable=True),
            Column("county_en", nullable=True),
        ),
        key=("zone",),
        unique=(("short_name",),),
    ),
    Table(
        "zone_targets",
        (
            ZONE,
            Column("year", "year", **YEAR),
            Column("star_target", "star", nullable=True),
            Column("tier_target", "tier"),
        ),
        key=("zone", "year"),
        references=(ZONE_FK,),
    ),
    Table(
        "clusters",
        (ZONE, Column("industry"), Column("industry_en", nullable=True)),
        key=("zone", "industry"),
        references=(ZONE_FK,),
    ),
    Table(
        "cluster_targets",
        (
            ZONE,
            Column("industry"),
            Column("year", "year", **YEAR),
            Column("revenue_target", "number", minimum=0),
        ),
        key=("zone", "industry", "year"),
        references=(CLUSTER_FK,),
    ),
    Table(
        "sections",
        (
            Column("section"),
            Column("title"),
            Column("title_en", nullable=True),
            Column("lead_units", nullable=True),
            Column("participating_units", nullable=True),
            Column("measure_ref", nullable=True),
        ),
        key=("section",),
    ),
    Table(
        "tasks",
        (
            Column("task", "int", minimum=1),
            Column("section"),
            Column("title"),
            Column("title_en", nullable=True),
            Column("lead_units"),
            Column("participating_units", nullable=True),
            Column("measure_ref", nullable=True),
            Column("measure", nullable=True),
            Column("responsible_units", nullable=True),
        ),
        key=("task",),
        references=(Reference(("section",), "sections", ("section",), "section"),),
    ),
    Table(
        "indicators",
        (
            Column("indicator"),
            Column("section"),
            Column("task", "int", nullable=True, minimum=1),
            Column("source", nullable=True),
            Column("name"),
            Column("name_en", nullable=True),
            Column("unit"),
            Column("unit_en", nullable=True),
            Column("comparison", "choice", choices=(">=", ">", "<=", "<")),
            Column("target", "number"),
            Column("target_year", "year", nullable=True, **YEAR),
            Column("scope", "choice", choices=("city", "each_zone", "each_zone_each_year", "relative")),
            Column("relative_to", nullable=True),
            Column("text", nullable=True),
        ),
        key=("indicator",),
        references=(
            Reference(("section",), "sections", ("section",), "section"),
            Reference(("task",), "tasks", ("task",), "task"),
        ),
    ),
    Table(
        "plan_figures",
        (
            Column("figure"),
            Column("year", "year", **YEAR),
            Column("level", nullable=True),
            Column("stated", "number"),
            Column("unit", nullable=True),
            Column("source", nullable=True),
            Column("text", nullable=True),
        ),
        key=("figure", "year", "level"),
    ),
    Table(
        "assessments",
        (
            ZONE,
            Column("year", "year", **YEAR),
            Column("star", "star", nullable=True),
            Column("tier", "tier"),
            Column("score", "number", minimum=0, maximum=100),
            Column("province_rank", "int", minimum=1),
            Column("tier_size", "int", minimum=1),
        ),
        key=("zone", "year"),
        references=(ZONE_FK,),
        sample=True,
    ),
    Table(
        "cluster_revenue",
        (
            ZONE,
            Column("industry"),
            Column("period", "period"),
            Column("revenue_ytd", "number", minimum=0),
        ),
        key=("zone", "industry", "period"),
        references=(CLUSTER_FK,),
        sample=True,
    ),
    Table(
        "indicator_values",
        (
            Column("indicator"),
            Column("zone", nullable=True, zone_ref=True),
            Column("period", "period"),
            Column("value", "number"),
        ),
        key=("indicator", "zone", "period"),
        references=(
            Reference(("indicator",), "indicators", ("indicator",), "indicator"),
            ZONE_FK,
        ),
        sample=True,
    ),
    Table(
        "reports",
        (ZONE, Column("period", "period"), Column("submitted", "date", nullable=True)),
        key=("zone", "period"),
        references=(ZONE_FK,),
        sample=True,
    ),
)

TABLES_BY_NAME = {t.name: t for t in TABLES}
MANIFEST = "manifest.toml"
FORMATS = (".csv", ".parquet", ".xlsx")


# Optional manifest keys saying what a dataset's zones cover (console.engine.coverage reads them).
AREAS = ("city", "province", "nation")  # `area`
RANK_POOLS = ("province", "nation")  # `ranked_in`: where `province_rank` ranks a zone
TARGET_SOURCES = ("plan", "own")  # `targets`: the plan's (Zhumadian's) or set for these zones


@dataclass(frozen=True)
class Manifest:
    title: str
    as_of: str | None  # None: a real dataset no progress has arrived for yet (``devzones init``)
    sample: bool
    title_en: str = ""
    extra: dict[str, object] = field(default_factory=dict)
