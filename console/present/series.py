"""Chart series and their value axes as plain data (no polars or Textual), shared by
console.present.drilldown and the widgets.

The axis decisions live here so that a chart cannot mislead: amounts, counts and scores start at zero
(a score axis runs to full marks), counts have whole-number ticks, and ranks run from 1 at the top.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from console.words import Lang
from console.words.views import VIEWS

Kind = Literal["amount", "count", "score", "rank"]
SCORE_FULL = 100.0  # the province's composite score is out of 100
CHART_LIMIT = (
    1e15  # far beyond any amount here (亿元, 100 million yuan): a larger value is bad data, not charted
)


@dataclass(frozen=True)
class Series:
    label: str
    x: tuple[str, ...]
    y: tuple[float | None, ...]
    kind: Kind = "amount"
    tier: int | None = None  # a rank series: the tier these ranks are within (one line per tier)
    bound: float | None = None  # the far end the axis must reach: a tier's size, a score's full marks


@dataclass(frozen=True)
class Axis:
    """A value axis: its range, tick positions with their labels, and whether it runs top-down."""

    low: float
    high: float
    ticks: tuple[float, ...]
    labels: tuple[str, ...]
    inverted: bool = False


def _steps(span: float, most: int, whole: bool) -> Iterator[float]:
    """1-2-5 steps in rising order, from well below ``span / most`` (never below 1 if ``whole``)."""
    k = math.floor(math.log10(max(span, 1e-9) / max(2, most))) - 1
    while True:
        for m in (1, 2, 5):
            step = m * 10.0**k
            if not whole or step >= 1:
                yield step
        k += 1


def _grid(low: float, high: float, step: float, slack: float) -> tuple[float, ...]:
    """Multiples of ``step`` from the last at or below ``low`` to the first at or above ``high``
    (a value within ``slack`` of a multiple counts as on it)."""
    first = math.floor((low + slack) / step)
    last = math.ceil((high - slack) / step)
    return tuple(i * step for i in range(first, last + 1))


def _label(value: float, step: float) -> str:
    if step >= 1e7:  # 2e+08 rather than a row of digits wider than the chart
        return f"{value:.3g}"
    decimals = 0 if step >= 1 else math.ceil(round(-math.log10(step), 9))
    return f"{value:.{decimals}f}"


def _rank_axis(reach: float, most: int) -> Axis:
    """A rank axis up to ``reach``: rank 1 at the top, down to the last place of the tier."""
    high = max(2.0, float(math.ceil(reach)))
    step = next(s for s in _steps(high, most, True) if high // s + 1 <= max(2, most))
    marks = (1.0, *(m * step for m in range(1, int(high // step) + 1) if m * step - 1 >= step / 2))
    return Axis(1.0, high, marks, tuple(_label(t, 1) for t in marks), inverted=True)


def value_axis(series: tuple[Series, ...], most: int = 5) -> Axis | None:
    """The value axis for ``series`` with at most ``most`` ticks; None when there is no value (NaN and
    infinities are no value) or a value beyond ``CHART_LIMIT``."""
    values = [v for s in series for v in s.y if v is not None and math.isfinite(v)]
    if not values or max(abs(v) for v in values) > CHART_LIMIT:
        return None
    kinds = {s.kind for s in series}
    bounds = [s.bound for s in series if s.bound is not None and abs(s.bound) <= CHART_LIMIT]
    reach = max(values + bounds)
    if "rank" in kinds:
        return _rank_axis(reach, most)
    whole = kinds == {"count"}
    low_value = min(0.0, min(values))  # from zero: a small change must look small
    high_value = max(reach, 1.0 if whole else 0.0)
    if high_value - low_value < 1e-6:  # all at zero (or too close to tell): a unit axis
        high_value = low_value + 1
    span = high_value - low_value

    slack = span * 1e-9  # closer than that is the same dot on any screen

    def fits(size: float) -> bool:
        grid = _grid(low_value, high_value, size, slack)
        return 2 <= len(grid) <= max(2 if grid[0] >= 0 else 3, most)  # below and above zero: 0 is a tick

    step = next(s for s in _steps(span, most, whole) if fits(s))
    ticks = _grid(low_value, high_value, step, slack)
    return Axis(ticks[0], ticks[-1], ticks, tuple(_label(t, step) for t in ticks))


def value_runs(y: tuple[float | None, ...]) -> list[list[tuple[int, float]]]:
    """The runs of consecutive values of a series as (position from 1, value) points: a chart draws
    each run as its own line, so nothing is drawn across a gap (a value that is None, NaN or
    infinite: a quarter not reported)."""
    runs: list[list[tuple[int, float]]] = []
    current: list[tuple[int, float]] = []
    for i, v in enumerate(y, start=1):
        if v is None or not math.isfinite(v):
            if current:
                runs.append(current)
            current = []
        else:
            current.append((i, v))
    if current:
        runs.append(current)
    return runs


def tier_runs(
    x: tuple[str, ...], tiers: tuple[int | None, ...], ranks: tuple[float | None, ...], bound: float | None
) -> tuple[Series, ...]:
    """Ranks split into one series per run of the same tier: a rank in another tier is another scale,
    so a tier change starts a new line instead of joining the two."""
    out: list[Series] = []
    start = 0
    for i in range(1, len(x) + 1):
        if i == len(x) or tiers[i] != tiers[start]:
            y = tuple(ranks[j] if start <= j < i else None for j in range(len(x)))
            out.append(Series("rank", x, y, "rank", tiers[start], bound))
            start = i
    return tuple(out)


def city_series(
    by_year: tuple[tuple[int, int, int | None, int, int | None], ...], lang: Lang
) -> tuple[Series, ...]:
    """The city's zones at 二档 or above and zones with a star, planned against achieved, by year."""
    x = tuple(str(y[0]) for y in by_year)
    # No "·" in the names: --ascii draws it "|", the legend's look of a separator ("二档及以上|计划").
    names = tuple(
        VIEWS(key, lang) for key in ("tier2_plan", "tier2_result", "starred_plan", "starred_result")
    )
    return tuple(
        Series(name, x, tuple(None if (v := y[i]) is None else float(v) for y in by_year), "count")
        for name, i in zip(names, (1, 2, 3, 4), strict=True)
    )
