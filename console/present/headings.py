"""Headings the console's overview and the Markdown overview share; no polars, so the console can draw
a cached first screen without importing it."""

from __future__ import annotations

from console.present.formatter import Formatter
from console.present.labels import NO_AREA_TARGET, area_word
from console.present.viewmodel import Overview


def goals_heading(data: Overview, lang: str, due: int | None = None) -> str:
    """The headline goals' heading; it says they cover the whole area (全市/全省/全国, as the data) when
    a county filter is set, and that the data has no such targets when the plan's are not for it."""
    f = Formatter(lang)
    if not data.area_targets:
        note = f.pick(*NO_AREA_TARGET)
        return f.pick(f"主要目标（{note}）", f"Headline goals ({note})")
    when = f.pick(f"{due}年", str(due)) if due else ""
    if data.counties:
        area = area_word(data.area, lang)
        return f.pick(
            f"主要目标（{area}，不随县区筛选{'；' + when if when else ''}）",
            f"Headline goals (whole {area}, not filtered{'; ' + when if when else ''})",
        )
    return (
        f.pick(f"主要目标（{when}）", f"Headline goals ({when})")
        if when
        else f.pick("主要目标", "Headline goals")
    )
