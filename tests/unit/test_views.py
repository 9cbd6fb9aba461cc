"""Tab views: what each row says, flags, search and sort, sparklines, narrow terminals."""

from __future__ import annotations

import polars as pl
import pytest

from console.present.assemble import compute, render_views
from console.present.views import sparkline
from widgets.view_table import fit_columns


@pytest.fixture(scope="module")
def snap(dataset):
    from console.core.config import load_settings

    return compute(dataset, load_settings(), 2026, None)


def test_sparkline_scales_and_shows_gaps() -> None:
    assert sparkline([1, 2, 3, 4, 5, 6, 7, 8]) == "▁▂▃▄▅▆▇█"
    assert sparkline([1.0, None, 8.0]) == "▁-█"  # a gap is visible (issue 20), not a blank
    assert sparkline([5, 5, 5]) == "▁▁▁"
    assert sparkline([]) == ""
    assert sparkline([None, None]) == "--"
    assert sparkline([0, 7], ascii_only=True) == "_#"


def test_zone_rows_flag_exactly_the_zones_missing_a_target(snap) -> None:
    view = render_views(snap, "zh", False).tables["zones"]
    flagged = {r.key for r in view.rows if r.flagged}
    assert flagged == set(snap.evaluation.zones_missing.get_column("zone"))
    assert flagged and len(flagged) < len(view.rows)
    for row in view.rows:
        missing = row.cells[view.column_index("missing")].text
        assert (missing != "—") == row.flagged
        assert row.cells[0].text == ("!" if row.flagged else " ")  # a symbol, not only colour


def test_each_missed_item_is_marked_by_a_symbol(snap) -> None:
    view = render_views(snap, "en", True).tables["zones"]
    zones = snap.evaluation.zones.rows_by_key("zone", named=True, unique=True)
    symbol = {"met": "+", "on_track": "~", "at_risk": "!", "missed": "x", "no_target": "-"}
    for row in view.rows:
        zone = zones[row.key]
        assert row.cells[view.column_index("tier")].text.endswith(symbol[zone["tier_status"]])
        assert row.cells[view.column_index("star")].text.endswith(symbol[zone["star_status"]])
        assert all(ord(ch) < 128 for text in row.texts() for ch in text if not ("\u4e00" <= ch <= "\u9fff"))


def test_search_and_sort(snap) -> None:
    view = render_views(snap, "zh", False).tables["zones"]
    found = view.searched("平")
    assert [r.cells[1].text for r in found.rows] == ["遂平", "西平", "平舆"]
    assert view.searched("  ").rows == view.rows
    ordered = view.sorted_by("revenue")
    revenue = view.column_index("revenue")
    shares = [r.cells[revenue].sort for r in ordered.rows]
    known = [s for s in shares if s is not None]
    assert known == sorted(known) and shares[len(known) :] == [None] * (
        len(shares) - len(known)
    )  # empty last
    descending = [r.cells[revenue].sort for r in view.sorted_by("revenue", descending=True).rows]
    assert descending == list(reversed(known)) + shares[len(known) :]  # empty last either way


def test_names_sort_by_pinyin_as_a_reader_expects(snap) -> None:
    """Code-point order put 上蔡 before 平舆 before 高新区; pinyin puts 泌阳 (bi) first and 正阳 last."""
    from pypinyin import lazy_pinyin

    view = render_views(snap, "zh", False).tables["zones"]
    names = [r.cells[view.column_index("zone")].text for r in view.sorted_by("zone").rows]
    assert names == sorted(names, key=lambda n: lazy_pinyin(n))
    assert names[0] == "泌阳" and names[-1] == "正阳"
    assert names.index("平舆") < names.index("上蔡") < names.index("新蔡")
    backwards = [
        r.cells[view.column_index("zone")].text for r in view.sorted_by("zone", descending=True).rows
    ]
    assert backwards == list(reversed(names))
    english = render_views(snap, "en", False).tables["zones"]
    words = [r.cells[english.column_index("zone")].text for r in english.sorted_by("zone").rows]
    assert words == sorted(words, key=str.casefold)


def test_clusters_view_matches_engine(snap) -> None:
    view = render_views(snap, "zh", False).tables["clusters"]
    assert len(view.rows) == snap.evaluation.clusters.height == 17
    behind = snap.evaluation.clusters.filter(pl.col("status").is_in(["behind", "missed"])).height
    assert sum(r.flagged for r in view.rows) == behind


def test_task_unit_filter(snap) -> None:
    views = render_views(snap, "zh", False, unit="市通信管理办")
    assert [r.key for r in views.tables["tasks"].rows] == ["9", "10", "11"]
    by_lead = render_views(snap, "zh", False, unit="市自然资源和规划局")
    # lead of 12-14, participating in 1, 4, 16 and 17 (annex 1 writes it without the 市 prefix there)
    assert [r.key for r in by_lead.tables["tasks"].rows] == ["1", "4", "12", "13", "14", "16", "17"]


def test_columns_give_way_in_order_on_narrow_terminals(snap) -> None:
    view = render_views(snap, "zh", False).tables["zones"]
    keys = lambda shown: [view.columns[i].key for i in shown]  # noqa: E731
    wide, _ = fit_columns(view, 200)
    assert keys(wide) == [c.key for c in view.columns]
    narrow, cut = fit_columns(view, 78)
    assert "county" not in keys(narrow) and "missing" in keys(narrow) and "tier" in keys(narrow)
    assert not cut


def test_overview_counts_against_the_plan(snap) -> None:
    overview = render_views(snap, "zh", False).overview
    assert [(c.level, c.planned, c.targeted) for c in overview.tiers] == [
        ("一档", 1, 1),
        ("二档", 4, 4),
        ("三档", 6, 6),
    ]
    stars = [(c.level, c.planned, c.targeted) for c in overview.stars]
    assert stars[:3] == [("一星", 6, 6), ("二星", 4, 4), ("三星", 1, 1)]
    # Levels only a result holds: 四星 (none planned or targeted) and 无星, a result only (walk 6: a
    # zone without a star target is 未设, not a target of 无星).
    assert all(planned == targeted == 0 for level, planned, targeted in stars[3:] if level != "无星")
    assert ("无星", None, None) in stars
    gaps = {"季度报表", "考核结果"}  # what the data lacks (missing reports) is listed after the zones
    assert {zone for zone, _ in overview.attention if zone not in gaps} == set(
        snap.evaluation.zones_missing.get_column("short_name")
    )
    assert overview.goals[0].label == "开发区营业收入" and overview.goals[0].value.endswith(
        "/ 1,500 亿元（近4季）"
    )


def test_overview_lists_overdue_reports(snap) -> None:
    overview = render_views(snap, "zh", False).overview
    zones = snap.evaluation.zones
    late_or_missing = (
        zones.filter(pl.col("report_status").is_in(["late", "missing"])).get_column("short_name").to_list()
    )
    assert [zone for zone, _ in overview.overdue] == late_or_missing and late_or_missing
    assert overview.report_period == "2026Q3"
    assert all(what.startswith(("逾期", "未报送")) for _, what in overview.overdue)


def test_a_cut_cell_ends_in_an_ellipsis_of_its_mode() -> None:
    from console.present.fit import fit_text

    assert fit_text("平舆县开发区", 7, "...") == "平舆..."  # ascii: three dots, no U+2026
    assert fit_text("平舆县开发区", 7) == "平舆县…"
    # A wide character is never split in half: it is left out whole, the ellipsis follows the text
    # kept and the spare cell comes after it (never a gap before the ellipsis: "档级、星级、 …").
    assert fit_text("平舆县开发区", 8, "...") == "平舆... "
    assert fit_text("档级、星级、营业收入", 12) == "档级、星级… "
    assert fit_text("档级、星级、营业收入", 12, right=True) == " 档级、星级…"
    assert fit_text("ok", 4, right=True) == "  ok"


def test_search_finds_chinese_names_by_pinyin_and_initials(dataset, settings) -> None:
    """Coordinators on SSH often cannot type Chinese: `/pingyu` or `/py` finds 平舆 as the county
    dialog's filter does (the walk found `/ping` matched nothing)."""
    from console.present.assemble import compute, render_views

    zones = render_views(compute(dataset, settings, None, ()), "zh", False).tables["zones"]
    pingyu = {r.key for r in zones.rows if any("平舆" in c.text for c in r.cells)}
    assert pingyu
    assert {r.key for r in zones.searched("pingyu").rows} == pingyu
    assert pingyu <= {r.key for r in zones.searched("PY").rows}
    assert {r.key for r in zones.searched("平舆").rows} == pingyu  # Chinese as before
    assert zones.searched("xyzzy").rows == ()
