"""Headings the console's overview and the Markdown overview share; no polars, so the console can draw
a cached first screen without importing it."""

from __future__ import annotations

from console.present.formatter import Formatter
from console.present.labels import NO_AREA_TARGET, area_word, text
from console.present.viewmodel import Overview
from console.words import Lang, pick
from console.words.views import VIEWS


def goals_heading(data: Overview, lang: Lang) -> str:
    """The headline goals' heading; it says the year shown and the quarter its figures are judged at,
    and the year the targets are the plan's for (主要目标（2025年，截至2025Q4；2026年目标）), that they
    cover the whole area (全市/全省/全国, as the data) when a county filter is set, and that the data
    has no such targets when the plan's are not for it."""
    f = Formatter(lang)
    if not data.area_targets:
        note = pick(NO_AREA_TARGET, f.lang)
        return VIEWS("headline_goals_note", f.lang, note=note)
    when = goals_when(data, lang)
    if data.counties:
        area = area_word(data.area, lang)
        key = "headline_goals_whole_area_when" if when else "headline_goals_whole_area"
        return VIEWS(key, f.lang, area=area, when=when)
    return VIEWS("headline_goals_when", f.lang, when=when) if when else VIEWS("headline_goals", f.lang)


def goals_when(data: Overview, lang: Lang) -> str:
    """'2025年，截至2025Q4；2026年目标' / '2025, to 2025Q4; 2026 targets': which figures and which targets
    the headline goals show; '2026年目标，截至2026Q3' when the year shown is the targets' own."""
    due, year, judged = data.goals_due, data.year, data.judged
    if year is None:
        return text("goals_due", lang).format(due=due) if due else ""
    shown = text("goals_year", lang).format(year=year)
    if judged:
        shown += text("goals_sep", lang) + text("up_to", lang).format(period=judged)
    if due and due != year:
        shown += text("goals_sep2", lang) + text("goals_due", lang).format(due=due)
    elif due:
        shown = text("goals_due", lang).format(due=due) + (
            text("goals_sep", lang) + text("up_to", lang).format(period=judged) if judged else ""
        )
    return shown
