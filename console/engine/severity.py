"""The one order of statuses, worst first, and what each reading of it takes.

``STATUS_RANKS`` ranks every status code in groups of equal severity. Everything that orders statuses
derives from it: tables sorted by status and the changes' "worst first" (console.present, through
``STATUS_RANK``), the roll-ups here (``SEVERITY``: an indicator from its zones, a task from its
indicators) and a zone's revenue from its clusters (``REVENUE_SEVERITY``). Re-exported by
console.engine.progress, where they have always been imported from. Imports nothing of the project.
"""

from __future__ import annotations

STATUS_RANKS: tuple[tuple[str, ...], ...] = (
    ("missed", "missing"),
    ("at_risk", "behind", "late"),
    ("not_reported", "no_data"),
    ("on_track", "on_pace", "ongoing"),
    ("on_time", "met"),
    ("no_target", "not_due", "no_indicator"),
)
STATUS_RANK: dict[str, int] = {status: rank for rank, same in enumerate(STATUS_RANKS) for status in same}

# What an indicator's status can be, and those that judge nothing, which a roll-up (an indicator from
# its zones, a task from its indicators) takes only when no member is judged: in the roll-up order they
# come after every judged status (a task with a met indicator and one without data is met, not "no
# data"), so this order differs from the ranks above for no_data alone.
_INDICATOR_STATUSES = frozenset(
    {"missed", "behind", "not_reported", "on_pace", "ongoing", "met", "no_data", "no_target"}
)
_JUDGE_NOTHING = ("no_data", "no_target")
SEVERITY: tuple[str, ...] = (
    *(s for same in STATUS_RANKS for s in same if s in _INDICATOR_STATUSES and s not in _JUDGE_NOTHING),
    *_JUDGE_NOTHING,
)


def _revenue_order() -> tuple[str, ...]:
    """A cluster's statuses in ``SEVERITY``'s order, except that ``no_data`` (no figure for the quarter
    judged) ranks beside ``not_reported``, before ``on_pace``, as in ``STATUS_RANKS``: a zone whose
    clusters are one on pace and one without a figure does not read as on pace on its revenue. (An
    indicator's roll-up sets the unjudged zones apart instead: console.engine.progress.UNJUDGED.)"""
    order = [s for s in SEVERITY if s in ("missed", "behind", "not_reported", "on_pace", "met")]
    order.insert(order.index("not_reported") + 1, "no_data")
    return tuple(order)


# A zone's revenue status is the most severe of its clusters', in this order.
REVENUE_SEVERITY = _revenue_order()
