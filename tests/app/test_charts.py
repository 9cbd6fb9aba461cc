"""Charts: drawn with markers (legible without colour), no crash on empty or one-point series."""

from __future__ import annotations

import math

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

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
    assert [s.label for s in series] == ["计划二档及以上", "实际二档及以上", "计划有星级", "实际有星级"]


def test_the_ascii_legend_names_read_whole(dataset) -> None:
    """Under --ascii the legend read '* 二档及以上|计划   o 二档及以上|实际': a bar inside a name looks like
    the line between two entries. Each name reads as it does in unicode."""
    from console.present.views import city_counts
    from widgets.chart import render_chart

    series = city_series(city_counts(dataset["plan_figures"], dataset["assessments"]), True)
    for ascii_only in (False, True):
        text = render_chart(series, 120, 14, ascii_only=ascii_only).plain
        legend = text.splitlines()[-1]
        for s in series:
            assert f" {s.label}" in legend, legend


# --- Charts that do not mislead (issue 11, item 5) ---------------------------------------------------

BOX_TOP, BOX_BOTTOM = "┌", "└"


def _plot_rows(text: str) -> list[str]:
    """The rows inside the chart's frame (between its top and bottom border)."""
    lines = text.splitlines()
    top = next(i for i, line in enumerate(lines) if BOX_TOP in line)
    bottom = next(i for i, line in enumerate(lines) if BOX_BOTTOM in line)
    return lines[top + 1 : bottom]


def _y_ticks(text: str) -> list[str]:
    """The value-axis tick labels from top to bottom."""
    return [row.split("┤")[0].strip() for row in _plot_rows(text) if "┤" in row]


def test_legend_is_drawn_outside_the_plot() -> None:
    text = render_chart(
        (
            Series("YTD", ("Q1", "Q2", "Q3"), (1.0, 2.0, 3.0)),
            Series("pace", ("Q1", "Q2", "Q3"), (1.5, 2.0, 2.5)),
        ),
        60,
        14,
    ).plain
    inside = "\n".join(_plot_rows(text))
    assert "YTD" not in inside and "pace" not in inside  # no legend box over the data or the first tick
    assert text.splitlines()[-1] == "* YTD   o pace"  # our own legend line under the plot
    assert _y_ticks(text)[0] == "3"  # the top tick is readable


def test_legend_wraps_to_the_width_and_the_plot_keeps_the_height() -> None:
    series = tuple(Series(f"series number {i}", ("a", "b"), (1.0, float(i))) for i in range(4))
    text = render_chart(series, 40, 16).plain
    lines = text.splitlines()
    assert len(lines) == 16 and all(len(line) <= 40 for line in lines)
    assert all(f"series number {i}" in text for i in range(4))


def test_rank_axis_has_rank_one_at_the_top(dataset, settings) -> None:
    from console.present.drilldown import zone_detail

    # 经开区 ranked 59th of 三档 in 2024 and 30th of 一档 in 2025 (the zone's own tiers, one line each)
    detail = zone_detail(dataset, settings, "驻马店经济技术开发区", 2025)
    text = render_chart(detail.rank, 60, 14).plain
    ticks = _y_ticks(text)
    assert ticks[0] == "1" and [int(t) for t in ticks] == sorted(int(t) for t in ticks)
    rows = _plot_rows(text)
    bodies = [
        row[min(i for i in (row.find("┤"), row.find("│")) if i >= 0) + 1 :].rstrip()[:-1] for row in rows
    ]
    better = next(i for i, body in enumerate(bodies) if body[-1:] not in ("", " "))
    worse = next(i for i, body in enumerate(bodies) if body[:1] not in ("", " "))
    assert better < worse  # 2025's rank 30 (right end) is drawn above 2024's rank 59 (left end)


def test_ranks_in_different_tiers_are_separate_lines(dataset, settings) -> None:
    from console.present.drilldown import zone_detail

    results = dataset["assessments"].filter(pl.col("zone") == "驻马店市高新技术产业开发区").sort("year")
    assert results.get_column("tier").to_list() == [3, 1]  # moved up from 三档 to 一档
    detail = zone_detail(dataset, settings, "驻马店市高新技术产业开发区", 2025)
    assert [s.tier for s in detail.rank] == [3, 1]
    assert [s.y for s in detail.rank] == [(90.0, None), (None, 32.0)]  # not one line from 90 to 32
    from console.present.series import value_axis

    axis = value_axis(detail.rank)
    assert axis is not None and axis.inverted and axis.high == max(results.get_column("tier_size"))


def test_tier_runs_start_a_line_at_every_tier_change() -> None:
    from console.present.series import tier_runs

    runs = tier_runs(("a", "b", "c", "d"), (3, 3, 1, 3), (50.0, 40.0, 30.0, 20.0), 90.0)
    assert [r.tier for r in runs] == [3, 1, 3]
    assert [r.y for r in runs] == [
        (50.0, 40.0, None, None),
        (None, None, 30.0, None),
        (None, None, None, 20.0),
    ]


def test_score_axis_starts_at_zero_and_runs_to_full_marks(dataset, settings) -> None:
    from console.present.drilldown import zone_detail

    detail = zone_detail(dataset, settings, "驻马店市高新技术产业开发区", 2025)
    assert [s.y for s in detail.score] == [(61.7, 66.4)]
    ticks = _y_ticks(render_chart(detail.score, 60, 14).plain)
    assert ticks[0] == "100" and ticks[-1] == "0"  # a change of 4.7 is not drawn across the whole height


def test_amount_axis_starts_at_zero() -> None:
    from console.present.series import value_axis

    axis = value_axis((Series("YTD", ("Q1", "Q2"), (40.0, 42.0)), Series("pace", ("Q1", "Q2"), (41.0, 43.0))))
    assert axis is not None and axis.low == 0 and axis.high >= 43


def test_count_ticks_are_whole_numbers(dataset) -> None:
    from console.present.views import city_counts

    series = city_series(city_counts(dataset["plan_figures"], dataset["assessments"]), True)
    for height in (10, 14, 20, 30):
        ticks = _y_ticks(render_chart(series, 80, height).plain)
        assert ticks and all(t.isdigit() for t in ticks), ticks  # no 8.5 zones
        assert ticks[-1] == "0"


values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)


@settings(max_examples=300, deadline=None)
@given(
    ys=st.lists(st.one_of(st.none(), values), min_size=1, max_size=8),
    kind=st.sampled_from(["amount", "count", "score"]),
    most=st.integers(min_value=0, max_value=12),
)
def test_value_axes_hold_every_value_from_zero(ys: list[float | None], kind: str, most: int) -> None:
    from console.present.series import value_axis

    if kind == "count":
        ys = [None if y is None else float(round(abs(y))) for y in ys]
    series = (Series("s", tuple(str(i) for i in range(len(ys))), tuple(ys), kind),)  # type: ignore[arg-type]
    axis = value_axis(series, most)
    present = [y for y in ys if y is not None]
    if not present:
        assert axis is None
        return
    assert axis is not None and not axis.inverted
    slack = (axis.high - axis.low) * 1e-6  # closer than that is the same dot on the screen
    assert axis.low <= min(0.0, *present) + slack and axis.high >= max(present) - slack
    assert (
        axis.ticks[0] == axis.low
        and axis.ticks[-1] == axis.high
        and 2 <= len(axis.ticks) <= max(2 if axis.low == 0 else 3, most)
    )
    assert list(axis.ticks) == sorted(set(axis.ticks))
    assert len(set(axis.labels)) == len(axis.labels)  # no two ticks read the same
    if kind == "count":
        assert all(label.lstrip("-").isdigit() for label in axis.labels)


@settings(max_examples=300, deadline=None)
@given(
    ranks=st.lists(st.integers(min_value=1, max_value=500), min_size=1, max_size=6),
    size=st.one_of(st.none(), st.integers(min_value=1, max_value=500)),
    most=st.integers(min_value=0, max_value=12),
)
def test_rank_axes_run_from_one_down_to_the_last_place(ranks: list[int], size: int | None, most: int) -> None:
    from console.present.series import value_axis

    bound = None if size is None else float(size)
    series = (Series("rank", tuple(map(str, ranks)), tuple(map(float, ranks)), "rank", 1, bound),)
    axis = value_axis(series, most)
    assert axis is not None and axis.inverted and axis.low == 1 and axis.ticks[0] == 1
    assert axis.high >= max(ranks + ([size] if size else []))
    assert all(t <= axis.high for t in axis.ticks) and len(axis.ticks) <= max(2, most)
    assert all(label.isdigit() for label in axis.labels)


@settings(max_examples=60, deadline=None)
@given(
    ys=st.lists(st.one_of(st.none(), values, st.floats()), min_size=1, max_size=6),  # NaN, inf, 1e308 too
    kind=st.sampled_from(["amount", "count", "score", "rank"]),
    width=st.integers(min_value=0, max_value=120),
    height=st.integers(min_value=0, max_value=30),
    ascii_only=st.booleans(),
)
def test_any_series_draws_or_says_no_data(
    ys: list[float | None], kind: str, width: int, height: int, ascii_only: bool
) -> None:
    if kind == "rank":
        ys = [None if y is None or not math.isfinite(y) else float(max(1, round(abs(y)))) for y in ys]
    series = (Series("s", tuple(str(i) for i in range(len(ys))), tuple(ys), kind),)  # type: ignore[arg-type]
    text = render_chart(series, width, height, ascii_only=ascii_only).plain
    assert text == "no data" or len(text.splitlines()) <= height
    if ascii_only:
        assert not set(text) & set("┌┐└┘─│┬┴┤├")


def test_rank_legend_names_each_line_s_tier(dataset, settings) -> None:
    from console.present.drilldown import zone_detail
    from console.present.formatter import ascii_text
    from widgets.drilldown_panel import Blocks

    detail = zone_detail(dataset, settings, "驻马店经济技术开发区", 2025)
    for lang, labels in (
        ("zh", ["档内排名·三档", "档内排名·一档"]),
        ("en", ["rank, tier 3", "rank, tier 1"]),
    ):
        series, _ = Blocks(lang, False, None).zone(detail, 2025).charts[-1]
        assert [s.label for s in series] == labels
        text = render_chart(series, 70, 14, ascii_only=True).plain
        legend = f"* {ascii_text(labels[0])}   o {ascii_text(labels[1])}"  # in --ascii, 档内排名|三档
        assert legend in text and not set(text) & set("┌┐└┘─│┬┴┤├·")


def test_a_chinese_legend_fits_its_width_in_cells_and_keeps_each_entry_whole() -> None:
    """The legend was packed by characters, so a Chinese one ran past the chart's width at 60 columns
    and an entry (`x 有星级|实际`) was split between two lines."""
    from rich.cells import cell_len

    from widgets.chart import legend_lines

    labels = ("计划二档及以上", "实际二档及以上", "计划有星级", "实际有星级")
    series = tuple(Series(label, ("2024", "2025"), (1.0, 2.0)) for label in labels)
    for width in (20, 30, 40, 60):
        lines = legend_lines(series, width)
        assert all(cell_len(line) <= width for line in lines), (width, lines)
        for label in labels:  # every entry whole on one line
            assert sum(label in line for line in lines) == 1, (width, label, lines)
