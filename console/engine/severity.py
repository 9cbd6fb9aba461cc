"""The one order of statuses, worst first, and the zone revenue roll-up's reading of it.

``SEVERITY`` is the order every roll-up and every sort by status follows (an indicator's zones, a
task's indicators; console.present derives its colours and sorts from it). It is re-exported by
console.engine.progress, where it has always been imported from.
"""

from __future__ import annotations

SEVERITY = ("missed", "behind", "not_reported", "on_pace", "ongoing", "met", "no_data", "no_target")


def _revenue_order() -> tuple[str, ...]:
    """A cluster's statuses in ``SEVERITY``'s order, except that ``no_data`` (no figure for the quarter
    judged) ranks beside ``not_reported``, before ``on_pace``: a zone whose clusters are one on pace and
    one without a figure does not read as on pace on its revenue. (An indicator's roll-up sets the
    unjudged zones apart instead: console.engine.progress.UNJUDGED.)"""
    order = [s for s in SEVERITY if s in ("missed", "behind", "not_reported", "on_pace", "met")]
    order.insert(order.index("not_reported") + 1, "no_data")
    return tuple(order)


# A zone's revenue status is the most severe of its clusters', in this order.
REVENUE_SEVERITY = _revenue_order()
