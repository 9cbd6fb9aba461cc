"""Declared schemas of the dataset's tables: columns, types, keys and references.

Column types:
``text`` (non-empty unless nullable), ``int``, ``year``, ``number`` (float), ``star`` (1-5),
``tier`` (1-3), ``period`` (a quarter), ``date`` (ISO or Chinese forms), ``choice`` (one of a set).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypedDict

from console.core.text import Said


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
    description: str = ""
    description_zh: str = ""

    def about(self) -> Said:
        """What the table holds, in English and Chinese (for messages about its file)."""
        return Said(self.description, self.description_zh or self.description)

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
        description="the development zones",
        description_zh="开发区名录",
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
        description="annex 2: star and tier targets per zone and year",
        description_zh="附件2：各开发区各年度星级和档次目标",
    ),
    Table(
        "clusters",
        (ZONE, Column("industry"), Column("industry_en", nullable=True)),
        key=("zone", "industry"),
        references=(ZONE_FK,),
        description="annex 3: the characteristic industry clusters",
        description_zh="附件3：特色产业集群",
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
        description="annex 3: revenue targets, in 100M yuan",
        description_zh="附件3：营业收入目标（亿元）",
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
        description="annex 1: the six section headings",
        description_zh="附件1：六个部分的标题",
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
        description="annex 1: the 18 tasks",
        description_zh="附件1：18 项任务",
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
        description="quantified targets of sections 2 and 3",
        description_zh="第二、三部分的量化目标",
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
        description="the plan's own stated summary figures",
        description_zh="方案文本所述的汇总数字",
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
        description="provincial assessment results",
        description_zh="全省考核结果",
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
        description="year-to-date revenue per cluster and quarter, in 100M yuan",
        description_zh="各产业集群各季度累计营业收入（亿元）",
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
        description="indicator values per period, city-wide or per zone",
        description_zh="各指标各期数值（全市或分开发区）",
    ),
    Table(
        "reports",
        (ZONE, Column("period", "period"), Column("submitted", "date", nullable=True)),
        key=("zone", "period"),
        references=(ZONE_FK,),
        sample=True,
        description="quarterly report submission dates",
        description_zh="季度报表报送日期",
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
