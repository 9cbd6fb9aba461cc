"""The console's "changes since" mode in the domain (console/present/changes_view.py): marked cells,
the changed-rows filter, the overview's rows worst first, and computing the changes once per period."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from console.core.config import Settings
from console.data.dataset import Dataset
from console.data.scales import Period
from console.engine.changes import CODES, Change, changes_between
from console.present import changes_view
from console.present.assemble import compute, render_views
from console.present.changes_view import (
    MARK,
    ChangesMemo,
    attention_rows,
    change_marks,
    changed_rows,
    changes_heading,
    changes_table,
    mark_view,
    overview_rows,
    reference_periods,
    routine,
    subject_text,
    worst_first,
)
from console.present.viewmodel import Views
from console.reports.revisions import revisions

SINCE = Period(2026, 2)

# Where a change shows (subject, field) -> (tab, column); what the console's tabs hold.
PLACES = {
    ("zone", "tier_status"): ("zones", "tier"),
    ("zone", "star_status"): ("zones", "star"),
    ("zone", "revenue_status"): ("zones", "revenue"),
    ("zone", "report"): ("zones", "report"),
    ("zone", "rank"): ("rankings", "rank"),
    ("cluster", "status"): ("clusters", "status"),
    ("cluster", "revenue_ytd"): ("clusters", "actual_ytd"),
    ("indicator", "status"): ("indicators", "status"),
}


def _views(dataset: Dataset, settings: Settings, lang: str = "zh", ascii_only: bool = False) -> Views:
    return render_views(compute(dataset, settings, None, None), lang, ascii_only)


def _changes(dataset: Dataset, settings: Settings, data_dir: Path, since: Period = SINCE) -> list[Change]:
    return changes_between(dataset, settings, since, dataset.as_of, None, revisions(data_dir))


def _key(c: Change) -> str:
    return f"{c.zone}|{c.industry}" if c.subject == "cluster" else (c.indicator or c.zone or "")


@pytest.mark.parametrize("ascii_only", [False, True], ids=["unicode", "ascii"])
def test_each_change_marks_its_cell_with_a_symbol_and_nothing_else(
    dataset: Dataset, settings: Settings, data_dir: Path, ascii_only: bool
) -> None:
    views = _views(dataset, settings, "en", ascii_only)
    found = _changes(dataset, settings, data_dir)
    marks = change_marks(found, views, str(SINCE), str(dataset.as_of))
    symbol = MARK[1 if ascii_only else 0]
    expected: dict[tuple[str, str], set[str]] = {}
    for c in found:
        if (c.subject, c.field) in PLACES and not routine(c):
            tab, column = PLACES[(c.subject, c.field)]
            if c.code == "revised" and c.subject == "cluster" and c.period != str(dataset.as_of):
                column = "trend"  # an earlier quarter's figure: its bar, not the latest total
            expected.setdefault((tab, _key(c)), set()).add(column)
    assert {tab for tab, _ in expected} >= {"zones", "clusters", "rankings", "indicators"}
    for tab in ("zones", "clusters", "indicators", "rankings"):
        plain = views.tables[tab]
        marked = mark_view(plain, marks, ascii_only)
        for before, after in zip(plain.rows, marked.rows, strict=True):
            columns = expected.get((tab, before.key), set())
            for column, b, a in zip(plain.columns, before.cells, after.cells, strict=True):
                if column.key in columns:
                    assert a.text == symbol + b.text, (tab, before.key, column.key)
                else:
                    assert a.text == b.text
                assert a.values == b.values and a.sort == b.sort  # exports and sorting see the data
        assert marks.count(tab) == len({k for t, k in expected if t == tab})


def test_a_revision_of_an_earlier_quarter_marks_the_quarterly_series_not_the_latest_total(
    dataset: Dataset, settings: Settings, data_dir: Path
) -> None:
    """The sample's revision (西平 服装, 2026Q2: 8.66 → 9.76) changed a quarter before the latest: the
    YTD column shows 2026Q3's figure, which did not change, so the mark goes on the quarterly series
    that holds 2026Q2; a revision of the latest quarter marks the YTD figure itself."""
    views = _views(dataset, settings)
    to = str(dataset.as_of)
    revised = [c for c in _changes(dataset, settings, data_dir) if c.code == "revised"]
    earlier = [c for c in revised if c.subject == "cluster" and c.period < to]
    assert earlier  # the sample has one
    key = _key(earlier[0])
    marks = change_marks([earlier[0]], views, str(SINCE), to)
    assert marks.cells["clusters"][key] == frozenset({"trend"})
    clusters = views.tables["clusters"]
    at = clusters.column_index("trend")
    periods = [fld.code for fld in clusters.columns[at].fields]
    assert f"rev_{earlier[0].period}" in periods  # the series holds the revised quarter
    latest = replace(earlier[0], period=to)
    assert change_marks([latest], views, str(SINCE), to).cells["clusters"][key] == frozenset({"actual_ytd"})


def test_the_changed_rows_filter_keeps_exactly_the_rows_with_a_change(
    dataset: Dataset, settings: Settings, data_dir: Path
) -> None:
    views = _views(dataset, settings)
    found = _changes(dataset, settings, data_dir, Period(2026, 2))
    marks = change_marks(found, views, "2026Q2", str(dataset.as_of))
    zones = changed_rows(views.tables["zones"], marks)
    columns = {col.key for col in views.tables["zones"].columns}
    shown = {"tier_status": "tier", "star_status": "star", "revenue_status": "revenue", "report": "report"}
    assert {r.key for r in zones.rows} == {
        c.zone for c in found if c.subject == "zone" and shown.get(c.field) in columns and not routine(c)
    }
    # A report that arrived on time is listed, not marked: the filter is a filter on the Zones tab too.
    assert any(routine(c) for c in found) and 0 < len(zones.rows) < len(views.tables["zones"].rows)
    assert all("Δ" in "".join(cell.text for cell in r.cells) for r in mark_view(zones, marks).rows)
    clusters = changed_rows(views.tables["clusters"], marks)
    assert {r.key for r in clusters.rows} == {_key(c) for c in found if c.subject == "cluster"}
    assert 0 < len(clusters.rows) < len(views.tables["clusters"].rows)  # a filter, not all or nothing
    # The filter keeps the table's order and columns.
    order = [r.key for r in views.tables["clusters"].rows]
    assert [r.key for r in clusters.rows] == sorted((r.key for r in clusters.rows), key=order.index)


def test_a_task_whose_indicator_changed_is_a_changed_row_of_the_tasks_tab(
    dataset: Dataset, settings: Settings, data_dir: Path
) -> None:
    views = _views(dataset, settings)
    found = _changes(dataset, settings, data_dir)
    marks = change_marks(found, views, str(SINCE), str(dataset.as_of))
    indicators = views.tables["indicators"]
    task_of = {r.key: str(indicators.cell(r, "task").values[0]) for r in indicators.rows}
    task_of = {k: t for k, t in task_of.items() if t != "None"}  # city indicators of no one task
    changed = {task_of[c.indicator] for c in found if c.subject == "indicator" and c.indicator in task_of}
    assert changed and {r.key for r in changed_rows(views.tables["tasks"], marks).rows} == changed


def test_the_overview_section_lists_every_change_worst_first(
    dataset: Dataset, settings: Settings, data_dir: Path
) -> None:
    views = _views(dataset, settings, "en", True)
    year_end = changes_between(dataset, settings, Period(2025, 3), Period(2025, 4))  # targets judged
    rows = overview_rows(year_end, views)
    assert len(rows) == len(year_end)
    kinds = [changes_view.code_word(code, "en") for code in CODES]
    ranks = [kinds.index(kind) for kind, _, _ in rows]
    assert ranks == sorted(ranks) and rows[0][0] == "target missed"
    found = _changes(dataset, settings, data_dir)
    rows = overview_rows(found, views)
    assert rows[-1][0] == "figure revised" and "2026Q2" in rows[-1][2]  # the sample's revision, last
    assert all(text.isascii() for row in rows for text in row[::2])  # ASCII mode: no arrows
    assert len(overview_rows(found, views, limit=5)) == 5
    assert overview_rows(found, views, limit=5) == rows[:5]  # the first five, without sorting them all
    # The same rows shaped as the Overview's attention list: (subject, "kind: what changed").
    assert attention_rows(found, views, limit=3) == tuple((w, f"{k}: {t}") for k, w, t in rows[:3])
    assert changes_heading("2026Q2", "zh") == "本期变化（自2026Q2）"
    assert changes_heading("2026Q2", "en") == "Changes since 2026Q2"


_STATUSES = ("missed", "at_risk", "behind", "not_reported", "on_track", "on_pace", "met")


@st.composite
def _change(draw: st.DrawFn) -> Change:
    code = draw(st.sampled_from(CODES))
    if code in ("target_missed", "status", "target_met"):
        old, new = draw(st.sampled_from(_STATUSES)), draw(st.sampled_from(_STATUSES))
        return Change(code, "zone", "z", None, None, "tier_status", old, new, "2026Q3")
    if code == "rank":
        old_rank, new_rank = draw(st.integers(1, 50)), draw(st.integers(1, 50))
        return Change(code, "zone", "z", None, None, "rank", old_rank, new_rank, "2026Q3")
    if code == "revised":
        old_value, new_value = draw(st.floats(1, 1e4)), draw(st.floats(1, 1e4))
        return Change(code, "cluster", "z", "i", None, "revenue_ytd", old_value, new_value, "2026Q2")
    days = draw(st.none() | st.integers(1, 60))
    return Change(
        code, "zone", "z", None, None, "report", None, "late" if days else "on_time", "2026Q3", days=days
    )


_SEVERITY = {"missed": 0, "at_risk": 1, "behind": 1, "not_reported": 2, "on_track": 3, "on_pace": 3, "met": 4}


def _direction(c: Change) -> int:
    old, new = _SEVERITY[str(c.old)], _SEVERITY[str(c.new)]
    return 0 if new < old else 1 if new == old else 2


@hsettings(max_examples=150, deadline=None)
@given(st.lists(_change(), max_size=40))
def test_worst_first_orders_by_kind_then_worsening_then_biggest_fall(changes: list[Change]) -> None:
    ordered = worst_first(changes)
    assert sorted(map(id, ordered)) == sorted(map(id, changes))  # the same changes, reordered
    codes = [CODES.index(c.code) for c in ordered]
    assert codes == sorted(codes)
    for a, b in itertools.pairwise(ordered):
        if a.code != b.code:
            continue
        if a.field == "tier_status":  # for the worse before the same before the better; worst new first
            assert (_direction(a), _SEVERITY[str(a.new)]) <= (_direction(b), _SEVERITY[str(b.new)])
        elif a.code == "rank":
            assert int(str(a.new)) - int(str(a.old)) >= int(str(b.new)) - int(
                str(b.old)
            )  # biggest fall first
        elif a.code == "report_arrived":
            assert (a.days or 0) >= (b.days or 0)  # the latest first


@hsettings(max_examples=60, deadline=None)
@given(zone=st.text(min_size=1, max_size=20), industry=st.text(min_size=1, max_size=12))
def test_subject_text_shows_data_literally_without_control_characters(zone: str, industry: str) -> None:
    change = Change("status", "cluster", zone, industry, None, "status", "on_pace", "behind", "2026Q3")
    text = subject_text(change, {})
    assert not any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in text)
    assert "[" not in zone or "[" in text  # markup-looking text stays as it is (the widgets show Text)


def test_the_changes_are_computed_once_per_reference_period(
    dataset: Dataset, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, str]] = []
    real = changes_view.changes_between

    def counting(ds, settings_, start, end, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append((str(start), str(end)))
        return real(ds, settings_, start, end, *args, **kwargs)

    monkeypatch.setattr(changes_view, "changes_between", counting)
    memo = ChangesMemo()
    first = memo.get(dataset, settings, Period(2026, 2), dataset.as_of)
    again = memo.get(dataset, settings, Period(2026, 2), dataset.as_of)
    assert again is first and len(calls) == 1  # toggling the mode again: nothing recomputed
    assert first == worst_first(first)
    memo.get(dataset, settings, Period(2025, 4), dataset.as_of)
    assert len(calls) == 2  # another reference period: computed
    memo.get(dataset, settings, Period(2025, 4), dataset.as_of, ["平舆县"])
    assert len(calls) == 3  # another county filter: computed
    memo.clear()
    memo.get(dataset, settings, Period(2025, 4), dataset.as_of, ["平舆县"])
    assert len(calls) == 4  # after an ingest the caller clears it
    with pytest.raises(ValueError):
        memo.get(dataset, settings, dataset.as_of, dataset.as_of)


def test_the_dialog_offers_every_quarter_of_the_zones_data_before_the_one_shown(
    dataset: Dataset, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every quarter the zones reported for, newest first, and none before the plan: the indicators'
    baseline quarter (2023Q4) has no zone's figures or reports, so comparing with it would mark
    every cell as changed."""
    from console.cli import main

    offered = reference_periods(dataset)
    reported = {
        str(p)
        for name in ("cluster_revenue", "reports")
        for p in dataset[name].get_column("period").unique().to_list()
    }
    assert offered[0] == Period.from_index(dataset.as_of.index - 1)
    assert {str(p) for p in offered} == {p for p in reported if p < str(dataset.as_of)}
    assert [p.index for p in offered] == list(range(offered[0].index, offered[-1].index - 1, -1))
    assert offered[-1] == Period(dataset.years[0], 1)
    assert min(dataset["indicator_values"].get_column("period")) < str(offered[-1])  # the baseline
    # Each is a quarter `devzones changes --from` accepts.
    for period in (offered[0], offered[-1]):
        assert main(["changes", "--from", str(period), "--json"]) == 0
    capsys.readouterr()
    assert reference_periods(dataset, Period(2025, 2))[0] == Period(2025, 1)


_VIEWS: dict[str, Views] = {}
_HOSTILE = st.text(st.characters(codec="utf-8"), min_size=1, max_size=16) | st.sampled_from(
    ["=cmd|' /C calc'!A0", "[bold]x[/]", "\x1b[2J", "a\x00b", "+1+1", "@SUM(1)"]
)


@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(zone=_HOSTILE, industry=_HOSTILE, old=_HOSTILE)
def test_the_changes_table_of_an_export_shows_data_literally_and_clean(
    dataset: Dataset, settings: Settings, zone: str, industry: str, old: str
) -> None:
    if "en" not in _VIEWS:  # built once: the examples vary the change, not the data
        _VIEWS["en"] = _views(dataset, settings, "en")
    views = _VIEWS["en"]
    change = Change("status", "cluster", zone, industry, None, "status", old, "behind", "2026Q3")
    (row,) = changes_table([change], views, "2026Q2", "2026Q3").rows
    for cell in row.cells:
        texts = [cell.text, *(v for v in cell.values if isinstance(v, str))]
        assert not any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for t in texts for ch in t)
    assert row.cells[1].values[1] == zone or not zone.isprintable()  # the zone as given when printable
