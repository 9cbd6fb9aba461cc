"""Headings the console's overview and the Markdown overview share; no polars, so the console can draw
a cached first screen without importing it."""

from __future__ import annotations

from console.present.formatter import Formatter
from console.present.viewmodel import Overview


def goals_heading(data: Overview, lang: str, due: int | None = None) -> str:
    """The headline goals' heading; it says they are city-wide when a county filter is set."""
    f = Formatter(lang)
    when = f.pick(f"{due}年", str(due)) if due else ""
    if data.counties:
        return f.pick(
            f"主要目标（全市，不随县区筛选{'；' + when if when else ''}）",
            f"Headline goals (whole city, not filtered{'; ' + when if when else ''})",
        )
    return (
        f.pick(f"主要目标（{when}）", f"Headline goals ({when})")
        if when
        else f.pick("主要目标", "Headline goals")
    )
