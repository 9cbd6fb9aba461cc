"""The Rankings tab: each zone's composite score and rank, its tier rank and the plan's rules."""

from __future__ import annotations

from typing import Any

import polars as pl

from console.data.scales import (
    level_number,
)
from console.engine.coverage import CITY, Coverage
from console.present.formatter import Formatter, distinct_digits
from console.present.labels import (
    area_rank_heading,
    pool_rank_heading,
)
from console.present.labels import text as label_text
from console.present.viewmodel import (
    Cell,
    Column,
    Field,
    Row,
    View,
)
from console.present.views.common import (
    as_float,
    as_int,
    county_column,
    county_name,
    tab_title,
    text_cell,
    zone_column,
    zone_short_name,
)
from console.words import Lang
from console.words.views import VIEWS


def rankings_columns(f: Formatter, area: Coverage, marks: bool) -> tuple[Column, ...]:
    """The Rankings tab's columns: the rank in the dataset's area (全市名次 …), the rank pool's (全省档内排名 …), and the rules as marks or words."""
    area_rank = area_rank_heading(area.area, f.lang)
    pool_rank = pool_rank_heading(area.ranked_in, f.lang)
    heading = label_text("rules_short" if marks else "rules_heading", f.lang)
    return (
        Column(
            "rank",
            VIEWS("rank", f.lang),
            numeric=True,
            fields=(Field("rank", area_rank, "int"),),
        ),
        zone_column(f),
        county_column(f),
        Column(
            "score",
            VIEWS("score", f.lang),
            numeric=True,
            fields=(Field("score", VIEWS("score", f.lang), "float"),),
        ),
        Column(
            "change",
            VIEWS("vs_last_q", f.lang),
            numeric=True,
            fields=(Field("rank_change", VIEWS("rank_change_up_is", f.lang), "int"),),
        ),
        Column(
            "tier", VIEWS("tier", f.lang), give_way=2, fields=(Field("tier", VIEWS("tier", f.lang), "int"),)
        ),
        Column(
            "province",
            pool_rank,
            numeric=True,
            give_way=4 if marks else 0,  # after the others, before the rules (in the drill-down too)
            fields=(
                Field("province_rank", pool_rank, "int"),
                Field("tier_size", VIEWS("zones_in_tier", f.lang), "int"),
                Field("result_year", VIEWS("result_year", f.lang), "int"),
            ),
        ),
        Column(
            "previous",
            VIEWS("year_before", f.lang),
            numeric=True,
            give_way=3,
            fields=(
                Field("previous_rank", VIEWS("year_before", f.lang), "int"),
                Field("previous_tier", VIEWS("tier_the_year_before", f.lang), "int"),
            ),
        ),
        Column(
            "flags",
            heading,
            fields=(
                Field("flags", VIEWS("rule_codes", f.lang), "codes"),
                Field("flags_words", VIEWS("rules", f.lang)),
            ),
        ),
    )


def _score_digits(ranked: pl.DataFrame) -> int:
    """Scores as precise as it takes for two different ranks never to show one score (one formatter: the
    console, the CLI's tables, the exports' text and the bulletin all come through here)."""
    if "score_digits" in ranked.columns and ranked.height:  # decided on the whole city (city_rankings)
        return int(ranked.get_column("score_digits")[0])
    if not ranked.height:
        return 1
    return distinct_digits(ranked.get_column("score").to_list(), ranked.get_column("rank").to_list())


def _rankings_row(r: dict[str, Any], f: Formatter, digits: int, marks: bool) -> Row:
    """One zone's row of the Rankings tab (``digits``: the score's decimals; ``marks``: the rules as
    short marks)."""
    from console.engine.rules import REWARDS, flag_word
    from console.present.rule_marks import flag_mark

    lang = f.lang
    change = r["rank_change"]
    province = f.rank_in(r["province_rank"], r["tier_size"], r["result_year"])
    previous = f.none
    if r["previous_rank"]:
        previous = f"{r['previous_rank']} {f.tier(r['previous_tier'])}"
    flags = r["flags"] or []
    words = f.list_sep.join(flag_word(x, lang) for x in flags)
    shown = " ".join(flag_mark(x, lang) for x in flags) if marks else words
    rewarded, noticed = any(x in REWARDS for x in flags), any(x not in REWARDS for x in flags)
    name = zone_short_name(r, lang)
    cells = (
        Cell(f.integer(r["rank"]), (as_int(r["rank"]),), r["rank"]),
        Cell(name, (r["zone"], name), name),
        text_cell(county_name(r, lang)),
        Cell(f.number(r["score"], digits), (as_float(r["score"]),), r["score"]),
        Cell(
            f.change(change),
            (as_int(change),),
            change,
            None,
            "good" if (change or 0) > 0 else ("warn" if (change or 0) < 0 else None),
        ),
        Cell(f.tier(r["tier"]), (level_number(r["tier"], r["result_year"] is not None),), r["tier"]),
        Cell(
            province,
            (as_int(r["province_rank"]), as_int(r["tier_size"]), as_int(r["result_year"])),
            r["province_rank"],
        ),
        Cell(
            previous,
            (
                as_int(r["previous_rank"]),
                level_number(r["previous_tier"], r["previous_rank"] is not None),
            ),
            r["previous_rank"],
        ),
        Cell(
            shown or f.none,
            (",".join(flags) or None, words or None),
            len(flags),
            None,
            "bad" if noticed else ("good" if rewarded else None),
        ),
    )
    return Row(r["zone"], cells, noticed)


def rankings_view(
    ranked: pl.DataFrame,
    lang: Lang,
    ascii_only: bool,
    coverage: Coverage | None = None,
    marks: bool = False,
) -> View:
    """Rankings tab: the city rank by composite score and its change beside the province's rank and the
    rule flags. ``rank`` is always the rank in the whole city: a county filter never renumbers it.
    ``coverage`` (console.engine.coverage) names the area and the rank pool (全市名次, 全省档内排名 for the
    plan's city; 全国名次, 全国档内排名 for a national set). ``marks``: the rules as short marks
    (labels.FLAG_MARKS, named by ``flag_legend``), so that the column fits a narrow terminal; exports and
    the bulletin keep the words."""
    f = Formatter(lang, ascii_only)
    area = coverage or CITY
    columns = rankings_columns(f, area, marks)
    digits = _score_digits(ranked)
    rows = [_rankings_row(r, f, digits, marks) for r in ranked.iter_rows(named=True)]
    title, notes = rankings_title(ranked, lang)
    return View("rankings", title, columns, tuple(rows), notes=notes)


def rankings_title(ranked: pl.DataFrame, lang: Lang) -> tuple[str, tuple[str, ...]]:
    """The Rankings tab's title and notes: before any quarter's data (no score) the title says so."""
    title = tab_title("rankings", lang)
    if ranked.height and ranked.get_column("score").is_null().all():  # no quarter's data: no score
        note = label_text("no_score_yet", lang)  # said under the console's table too
        return VIEWS("title_note", lang, title=title, note=note), (note,)
    return title, ()
