"""One severity order of statuses (issue 21 item 3): the tables' sort by status, the changes' "worst
first" and the engine's roll-up all derive from console.engine.severity.STATUS_RANKS."""

from __future__ import annotations

from console.engine.changes import Change
from console.engine.severity import SEVERITY, STATUS_RANK, STATUS_RANKS
from console.present import changes_view
from console.present.labels import zones_by_status
from console.present.views.common import severity
from console.words.status import STATUS as STATUS_WORDS


def test_every_status_has_one_rank() -> None:
    ranked = [s for same in STATUS_RANKS for s in same]
    assert len(ranked) == len(set(ranked)), "a status in two ranks"
    assert set(STATUS_WORDS) <= set(ranked), set(STATUS_WORDS) - set(ranked)


def test_table_sort_is_the_one_order() -> None:
    """A table sorted by status orders its cells by the status's rank, worst first."""
    for status in STATUS_WORDS:
        assert severity(status) == STATUS_RANK[status]
    assert severity(None) is None and severity("") is None


def test_changes_worst_first_is_the_one_order() -> None:
    """Two status changes of one kind: the one that ends worse comes first; an unknown status counts
    with those that judge nothing."""
    worse = Change("status", "indicator", None, None, "I01", "status", "met", "behind", "2026Q1")
    better = Change("status", "indicator", None, None, "I02", "status", "behind", "on_pace", "2026Q1")
    assert changes_view._sort_key((1, worse)) < changes_view._sort_key((0, better))
    assert STATUS_RANK["no_target"] == changes_view._NEUTRAL


def test_roll_up_order_is_the_ranks_with_no_data_last() -> None:
    """The roll-up takes a judged status before one that judges nothing: it is the ranks' order with
    no_data (ranked beside not_reported in the tables) moved after every judged status. A user sees
    this difference: a table sorted by status puts 无数据 before 符合进度, while an indicator's
    drill-down lists its zones without data after the met ones, and says so in its summary."""
    judged = [s for s in SEVERITY if s not in ("no_data", "no_target")]
    assert judged == sorted(judged, key=lambda s: STATUS_RANK[s])
    assert SEVERITY[-2:] == ("no_data", "no_target")
    assert severity("no_data") < severity("on_pace")
    assert SEVERITY.index("no_data") > SEVERITY.index("met")
    made = zones_by_status(["no_data", "met", "behind", "met"], SEVERITY, "zh")
    assert made == "按最差开发区：落后1区、达标2区、无数据1区"
