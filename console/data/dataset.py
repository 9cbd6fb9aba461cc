"""The loaded, validated dataset: typed polars frames and the manifest."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from console.data.scales import Period, parse_period
from console.data.schema import Manifest


@dataclass(frozen=True)
class Dataset:
    """Every table of a dataset, validated; frames are never mutated after loading."""

    source: Path
    manifest: Manifest
    tables: dict[str, pl.DataFrame]

    def __getitem__(self, name: str) -> pl.DataFrame:
        return self.tables[name]

    @property
    def as_of(self) -> Period:
        """The latest quarter the data covers; with none yet (a new real dataset), the quarter before
        the plan's first, so that every year of the plan is judged as not yet begun."""
        if self.manifest.as_of is None:
            return Period.from_index(Period(self.years[0], 1).index - 1)
        return parse_period(self.manifest.as_of)

    @property
    def has_progress(self) -> bool:
        """Whether any quarter of the plan has data: the manifest names an as-of quarter, and it is not
        before the plan's first (a dataset taken as of 2023Q4 holds no progress, so no composite score,
        no pace and no report is judged on it)."""
        return self.manifest.as_of is not None and self.as_of >= Period(self.years[0], 1)

    @property
    def sample(self) -> bool:
        return self.manifest.sample

    @property
    def years(self) -> list[int]:
        """The years that have zone targets, oldest first."""
        return sorted(self["zone_targets"].get_column("year").unique().to_list())

    def counties(self) -> list[str]:
        """Counties and districts in the order their zones are listed."""
        return self["zones"].get_column("county").unique(maintain_order=True).to_list()

    def at(self, period: Period) -> Dataset:
        """The dataset as it stood at the end of ``period``: later progress rows dropped.

        Provincial results for a year are published the following year, so only results for years
        before ``period``'s year count as known.
        """
        from dataclasses import replace

        cut = str(period)
        tables = dict(self.tables)
        for name in ("cluster_revenue", "indicator_values", "reports"):
            tables[name] = self.tables[name].filter(pl.col("period") <= cut)
        tables["assessments"] = self.tables["assessments"].filter(pl.col("year") < period.year)
        return Dataset(self.source, replace(self.manifest, as_of=cut), tables)
