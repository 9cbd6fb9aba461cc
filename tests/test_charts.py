"""Charts: drawn with markers (legible without colour), no crash on empty or one-point series."""

from __future__ import annotations

from console.present.series import Series, city_series
from widgets.chart import render_chart


def test_empty_and_tiny() -> None:
    assert render_chart((), 60, 14, empty="无数据").plain == "无数据"
    assert render_chart((Series("a", ("24Q1",), (None,)),), 60, 14).plain == "no data"
    assert render_chart((Series("a", ("24Q1", "24Q2"), (1.0, 2.0)),), 10, 3).plain == "no data"  # no room


def test_single_point_and_markers_without_colour() -> None:
    one = render_chart((Series("score", ("2025",), (80.0,)),), 60, 14, "得分")
    assert "*" in one.plain and "得分" in one.plain
    two = render_chart(
        (
            Series("YTD", ("Q1", "Q2", "Q3"), (1.0, 2.0, 3.0)),
            Series("pace", ("Q1", "Q2", "Q3"), (1.5, 2.0, 2.5)),
        ),
        60,
        14,
    )
    assert "* YTD" in two.plain and "o pace" in two.plain  # series told apart by marker, not colour
    assert not any(span.style and "color" in str(span.style) for span in two.spans)


def test_ascii_charts_have_no_box_lines() -> None:
    text = render_chart((Series("a", ("Q1", "Q2"), (1.0, 2.0)),), 50, 12, ascii_only=True).plain
    assert not set(text) & set("┌┐└┘─│┬┴┤├")


def test_city_series_from_plan_and_results(dataset) -> None:
    from console.present.views import city_counts

    counts = city_counts(dataset["plan_figures"], dataset["assessments"])
    assert [c[0] for c in counts] == [2024, 2025, 2026]
    assert [c[1] for c in counts] == [2, 3, 5]  # zones at 二档 or above, as section 二(二) plans them
    assert [c[3] for c in counts] == [4, 9, 11]  # zones with a star
    assert counts[2][2] is None and counts[2][4] is None  # 2026 not published
    series = city_series(counts, True)
    assert [s.label for s in series] == ["二档及以上·计划", "二档及以上·实际", "有星级·计划", "有星级·实际"]
