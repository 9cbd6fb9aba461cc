"""Chart series as plain data (no polars or Textual), shared by console.present.drilldown and the widgets."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Series:
    label: str
    x: tuple[str, ...]
    y: tuple[float | None, ...]


def city_series(
    by_year: tuple[tuple[int, int, int | None, int, int | None], ...], zh: bool
) -> tuple[Series, ...]:
    """The city's zones at 二档 or above and zones with a star, planned against achieved, by year."""
    x = tuple(str(y[0]) for y in by_year)
    names = (
        ("二档及以上·计划", "二档及以上·实际", "有星级·计划", "有星级·实际")
        if zh
        else ("tier 2+ plan", "tier 2+ result", "starred plan", "starred result")
    )
    return tuple(
        Series(name, x, tuple(None if (v := y[i]) is None else float(v) for y in by_year))
        for name, i in zip(names, (1, 2, 3, 4), strict=True)
    )
