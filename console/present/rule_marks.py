"""The plan's rules (section 四(三)) as the rankings tab shows them: a short mark per rule in the
column, a legend naming the marks under the table, the plan's words in the zone's drill-down."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from console.engine.rules import FLAGS, REASONS, flag_explained, flag_reason, flag_word, flag_years
from console.present.labels import FLAG_MARKS, lang_index, text
from console.words import Lang, in_lang_of
from console.words.views import VIEWS


def flag_mark(flag: str, lang: Lang) -> str:
    """The short mark of a rule, e.g. ``!降`` / ``!F`` (rank fell: notice)."""
    return FLAG_MARKS(flag, lang)


def flag_legend(
    flags: Iterable[str], lang: Lang, years: Mapping[str, Iterable[int]] | None = None
) -> list[str]:
    """What the marks in use mean, in the plan's order, as items to be wrapped whole (a mark never
    apart from its meaning, ``fit.flow``): ``["奖惩（方案四(三)，2025年评价结果）：+星 晋星奖励",
    "!!连 连续两年后10（及2024年）", "（…）"]``. ``years``: the result years each mark is decided on in
    the table (its rows'): the lead names them, a mark decided on the year before too names that year.
    Empty when no mark is in use."""
    used = set(flags)
    i = lang_index(lang)
    shown = sorted({y for f in used for y in (years or {}).get(f, ())})
    named = []
    for f in FLAGS:
        if f not in used:
            continue
        item = f"{flag_mark(f, lang)} {flag_word(f, lang)}"
        when = flag_years(f, sorted(set((years or {}).get(f, ()))), lang)
        if when:
            item = REASONS["legend_item"][i].format(
                mark=flag_mark(f, lang), rule=flag_word(f, lang), when=when
            )
        named.append(item)
    if not named:
        return []
    heading = text("rules_heading", lang)
    if shown:
        joined = REASONS["years_sep_plain"][i].join(str(y) for y in shown)
        heading = text("rules_heading_year", lang).format(year=joined)
    lead = heading + VIEWS("rules_lead_sep", lang)
    more = VIEWS("rules_enter", lang)
    return [lead + named[0], *named[1:], more]


def flag_lines(
    flags: Iterable[str], lang: Lang, result: dict[str, Any] | None = None
) -> list[tuple[str, str]]:
    """For the zone's drill-down: (mark and rule, which years and ranks earn it, from the zone's
    ``rules.evidence``, then the plan's condition and consequence) per rule."""
    out = []
    for f in flags:
        words = flag_explained(f, lang)
        reason = flag_reason(f, result, lang) if result else ""
        if reason:
            words = REASONS["then"][lang_index(lang)].format(reason=reason, words=words)
        out.append((f"{flag_mark(f, lang)} {flag_word(f, lang)}", words))
    return out


def flag_notes(rows: Iterable[dict[str, Any]], lang: Lang, name: str = "short_name") -> list[str]:
    """One line per mark in a ranking (rows of ``rankings``): the zone, the mark and the years and
    ranks that earn it, e.g. ``高新区 !!连 连续两年后10：2024年三档第90/90位、2025年一档第32/36位…``."""
    out = []
    for row in rows:
        zone = in_lang_of(row[name], row.get(f"{name}_en"), lang)
        for f in row.get("flags") or []:
            out.append(
                REASONS["zone_reason"][lang_index(lang)].format(
                    zone=zone,
                    mark=flag_mark(f, lang),
                    rule=flag_word(f, lang),
                    reason=flag_reason(f, row, lang),
                )
            )
    return out
