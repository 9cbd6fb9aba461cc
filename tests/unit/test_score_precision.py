"""Tied scores share a rank and different ranks show different scores (walk: Rankings showed '3 泌阳 96.7'
and '4 汝南 96.7', scores 96.6893 and 96.6667, beside '7 平舆 50.0' and '7 新蔡 50.0' sharing a rank)."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.cli import main
from console.core.config import load_settings
from console.present.assemble import compute, render_views
from console.present.formatter import SCORE_DIGITS_MAX, distinct_digits


@pytest.mark.parametrize("year", [2024, 2025, 2026])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_different_ranks_never_show_one_score(dataset, year: int, lang: str) -> None:
    for words in (False, True):  # the console's table, and the exports' and bulletin's text
        view = render_views(compute(dataset, load_settings(), year, None), lang, False, words=words).tables[
            "rankings"
        ]
        rank, score = view.column_index("rank"), view.column_index("score")
        shown: dict[str, str] = {}
        for row in view.rows:
            assert shown.setdefault(row.cells[score].text, row.cells[rank].text) == row.cells[rank].text, (
                row.cells[score].text
            )


def test_the_cli_rankings_tell_the_third_from_the_fourth(capsys) -> None:
    assert main(["--lang", "zh", "rankings"]) == 0
    out = capsys.readouterr().out
    assert "96.69" in out and "96.67" in out and "96.7 " not in out


@given(st.lists(st.integers(0, 1_000_000).map(lambda n: n / 10_000), min_size=1, max_size=40))
def test_distinct_digits_parts_every_two_ranks(scores: list[float]) -> None:
    ranks = pl.Series(scores).rank("min", descending=True).cast(pl.Int64).to_list()
    digits = distinct_digits(scores, ranks)
    assert 1 <= digits <= SCORE_DIGITS_MAX  # bounded: never 100.000000
    shown = [f"{s:.{digits}f}" for s in scores]
    for a, ra, ta in zip(scores, ranks, shown, strict=True):
        for b, rb, tb in zip(scores, ranks, shown, strict=True):
            if ra != rb and round(a, SCORE_DIGITS_MAX) != round(b, SCORE_DIGITS_MAX):
                assert ta != tb  # scores apart at the finest precision shown never read the same
    if digits > 1:  # and no fewer digits would do
        fewer = {f"{s:.{digits - 1}f}" for s in scores}
        assert len(fewer) < len(set(ranks))


def test_equal_scores_ranked_apart_do_not_ask_for_more_decimals() -> None:
    """A national set has many zones at exactly 100 (tied, ranked apart by name): they read 100.0, not
    100.000000, and the precision stays within the bound."""
    assert distinct_digits([100.0, 100.0, 99.5], [1, 2, 3]) == 1
    assert distinct_digits([99.597148, 99.597149, 12.0], [1, 2, 3]) == SCORE_DIGITS_MAX


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_a_zones_score_reads_the_same_with_a_county_filter(dataset, year: int) -> None:
    """The decimals were chosen from the rows shown, so a county filter could show 95.457 for a score the
    city's table shows as 95.46. They are the city's: a filter never changes how a score reads."""
    settings = load_settings()
    whole = render_views(compute(dataset, settings, year, ()), "zh", False).tables["rankings"]
    i = whole.column_index("score")
    city = {row.key: row.cells[i].text for row in whole.rows}
    for county in dataset["zones"].get_column("county").unique().to_list():
        shown = render_views(compute(dataset, settings, year, (county,)), "zh", False).tables["rankings"]
        for row in shown.rows:
            assert row.cells[i].text == city[row.key], (county, row.key)
