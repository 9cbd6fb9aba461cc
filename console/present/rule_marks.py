"""The plan's rules (section 四(三)) as the rankings tab shows them: a short mark per rule in the
column, a legend naming the marks under the table, the plan's words in the zone's drill-down."""

from __future__ import annotations

from collections.abc import Iterable

from console.engine.rules import FLAGS, flag_explained, flag_word
from console.present.labels import FLAG_MARKS, lang_index, text


def flag_mark(flag: str, lang: str) -> str:
    """The short mark of a rule, e.g. ``!降`` / ``!F`` (rank fell: notice)."""
    return FLAG_MARKS[flag][lang_index(lang)]


def flag_legend(flags: Iterable[str], lang: str) -> list[str]:
    """What the marks in use mean, in the plan's order, as items to be wrapped whole (a mark never
    apart from its meaning, ``fit.flow``): ``["奖惩：+星 晋星奖励", "!降 位次后移通报", "（…）"]``;
    empty when none is in use."""
    used = set(flags)
    named = [f"{flag_mark(f, lang)} {flag_word(f, lang)}" for f in FLAGS if f in used]
    if not named:
        return []
    lead = text("rules_heading", lang) + ("：" if lang == "zh" else ": ")
    more = (
        "（在开发区上按 Enter 查看条款原文）" if lang == "zh" else "(Enter on a zone shows the rules' text)"
    )
    return [lead + named[0], *named[1:], more]


def flag_lines(flags: Iterable[str], lang: str) -> list[tuple[str, str]]:
    """For the zone's drill-down: (mark and rule, the plan's condition and consequence) per rule."""
    return [(f"{flag_mark(f, lang)} {flag_word(f, lang)}", flag_explained(f, lang)) for f in flags]
