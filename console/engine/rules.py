"""The plan's evaluation rules (section 四(三)): which reward or notice applies to a zone in a year.

Henan ranks every zone within its tier (档) each year. From the published results:

- ``top10_reward``: in the province's top 10 of its tier.
- ``new_star_reward``: first year at its current star level (its star is above every earlier one).
- ``bottom10_notice``: in the province's bottom 10 of its tier.
- ``rank_fell_notice``: its place (排名位次) moved back since the year before: a worse rank in the same
  tier, or a lower tier (``rank_move``).
- ``bottom10_two_years``: in the bottom 10 of its tier two years running.

Decisions where the plan is silent:

- Ties: the rank the province publishes decides. Zones sharing rank 10 are all in the top 10; a
  zone is in the bottom 10 when its rank is greater than (tier size - 10), so zones sharing that
  boundary rank are all in it.
- A tier with fewer than 20 zones: top and bottom would overlap, so each takes at most half of the
  tier (rounded down): with 15 zones, ranks 1-7 are the top and 9-15 the bottom, rank 8 neither.
- One year of data: ``rank_fell_notice`` and ``bottom10_two_years`` need the year before and are not
  given; ``new_star_reward`` is not given either, since a first promotion cannot be told from a
  single year (a zone with no star before is promoted when it first holds one).
- A zone that changed tier. The plan limits the top and bottom 10 to a tier (各档…居全省后10位) but
  not 排名位次后移, and tiers are ordered (一档 above 二档 above 三档; the plan's aim is 提档晋级), so
  the place is read as (tier, rank in tier): a zone moved down a tier has moved back whatever its
  new rank (二档 28th to 三档 34th is a fall), and a zone moved up a tier has moved forward, so a larger
  number in its new tier is no fall and no notice. ``bottom10_two_years`` is given if the zone was in
  the bottom 10 of its tier in both years, whatever the tiers: the plan's 后10位 is always a tier's
  (各档…居全省后10位) and 连续两年排名居全省后10位 follows it in the same sentence, so it is two such
  years running, each of which already earned its own bottom-10 notice; the plan makes no exception
  for a change of tier (unlike 排名位次后移, it compares no rank across years, only each year's place
  in its own tier). 高新区, 三档 90/90 in 2024 and 一档 32/36 in 2025, is in both bottom 10s and gets
  it; every surface says which years and ranks earn a mark (``flag_reason``).
- A year whose results are not published yet has no flags.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from console.words import Lang
from console.words.engine import REASONS, RULES

# REASONS stays importable from here: console.present.rule_marks reads its legend templates.

if TYPE_CHECKING:  # the words and marks are read on the first screen, before polars is loaded
    import polars as pl

FLAGS = ("top10_reward", "new_star_reward", "bottom10_notice", "rank_fell_notice", "bottom10_two_years")
REWARDS = ("top10_reward", "new_star_reward")


def band(tier_size: int) -> int:
    """How many ranks count as the top (or bottom) 10 in a tier of ``tier_size`` zones."""
    return min(10, tier_size // 2) if tier_size < 20 else 10


def in_top(rank: int, tier_size: int) -> bool:
    return rank <= band(tier_size)


def in_bottom(rank: int, tier_size: int) -> bool:
    return rank > tier_size - band(tier_size)


# How a zone's place moved from one published result to the next (``rank_move``).
FELL = ("fell_in_tier", "fell_tier")


def rank_move(before: dict[str, Any], now: dict[str, Any]) -> str:
    """How the place moved between two results (dicts with tier and province_rank): ``fell_tier``
    (down to a lower tier), ``rose_tier`` (up to a higher tier: forward, whatever the new rank),
    ``fell_in_tier`` (same tier, worse rank), ``held`` (same tier, same or better rank)."""
    if now["tier"] != before["tier"]:
        return "fell_tier" if now["tier"] > before["tier"] else "rose_tier"
    return "fell_in_tier" if now["province_rank"] > before["province_rank"] else "held"


def zone_flags(history: list[dict[str, Any]], year: int) -> list[str]:
    """The flags for ``year`` from one zone's published results (dicts with year, star, tier,
    province_rank, tier_size), in FLAGS order."""
    by_year = {r["year"]: r for r in history}
    now = by_year.get(year)
    if now is None:
        return []
    before = by_year.get(year - 1)
    flags = []
    if in_top(now["province_rank"], now["tier_size"]):
        flags.append("top10_reward")
    earlier_stars = [r["star"] or 0 for r in history if r["year"] < year]
    if earlier_stars and (now["star"] or 0) > max(earlier_stars):
        flags.append("new_star_reward")
    bottom = in_bottom(now["province_rank"], now["tier_size"])
    if bottom:
        flags.append("bottom10_notice")
    if before is not None and rank_move(before, now) in FELL:
        flags.append("rank_fell_notice")
    if bottom and before is not None and in_bottom(before["province_rank"], before["tier_size"]):
        flags.append("bottom10_two_years")
    return flags


def flags_table(assessments: pl.DataFrame, year: int) -> pl.DataFrame:
    """zone, flags (list), previous_rank and previous_tier from each zone's latest result up to ``year``.

    In a year not yet published, that is the year before: its flags still apply.
    """
    import polars as pl

    # One pass over the rows, grouped in Python: iterating a polars group_by builds a frame per zone,
    # which at 2,543 zones cost more than everything else here.
    histories: dict[str, list[dict[str, Any]]] = {}
    for record in assessments.filter(pl.col("year") <= year).sort("year").iter_rows(named=True):
        histories.setdefault(record["zone"], []).append(record)
    rows = []
    for zone, history in histories.items():
        latest = history[-1]["year"]
        before = next((r for r in history if r["year"] == latest - 1), None)
        rows.append(
            {
                "zone": zone,
                "flags": zone_flags(history, latest),
                "previous_rank": before["province_rank"] if before else None,
                "previous_tier": before["tier"] if before else None,
                "previous_tier_size": before["tier_size"] if before else None,
                "best_star_before": _best_star_before(history, latest),
            }
        )
    schema: dict[str, pl.DataType | type[pl.DataType]] = {
        "zone": pl.String,
        "flags": pl.List(pl.String),
        "previous_rank": pl.Int64,
        "previous_tier": pl.Int8,
        "previous_tier_size": pl.Int64,
        "best_star_before": pl.Int8,
    }
    return pl.DataFrame(rows, schema=schema)


def _best_star_before(history: list[dict[str, Any]], year: int) -> int | None:
    earlier = [r["star"] or 0 for r in history if r["year"] < year]
    return max(earlier) if earlier else None


def evidence(history: list[dict[str, Any]], year: int) -> dict[str, Any]:
    """What the flags of ``year`` are decided on, in the columns ``flags_table`` gives a ranking:
    result_year, tier, star, province_rank, tier_size, previous_rank, previous_tier,
    previous_tier_size, best_star_before."""
    by_year = {r["year"]: r for r in history}
    now, before = by_year[year], by_year.get(year - 1)
    return {
        "result_year": year,
        "tier": now["tier"],
        "star": now["star"],
        "province_rank": now["province_rank"],
        "tier_size": now["tier_size"],
        "previous_rank": before["province_rank"] if before else None,
        "previous_tier": before["tier"] if before else None,
        "previous_tier_size": before["tier_size"] if before else None,
        "best_star_before": _best_star_before(history, year),
    }


def flag_reason(flag: str, result: dict[str, Any], lang: Lang) -> str:
    """Which years and ranks earn ``flag``, from a zone's ``evidence`` (or a rankings row): e.g.
    2024年三档第90/90位、2025年一档第32/36位：两年均居所在档后10位…"""
    from console.data.scales import star_label, tier_label

    year, size = result["result_year"], result["tier_size"]
    now = REASONS(
        "place",
        lang,
        year=year,
        tier=tier_label(result["tier"], lang),
        rank=result["province_rank"],
        size=size,
    )
    before = ""
    if result.get("previous_rank"):
        before = REASONS(
            "place",
            lang,
            year=year - 1,
            tier=tier_label(result["previous_tier"], lang),
            rank=result["previous_rank"],
            size=result["previous_tier_size"],
        )
    if flag in ("top10_reward", "bottom10_notice"):
        return REASONS(flag, lang, now=now, band=band(size), low=size - band(size) + 1)
    if flag == "new_star_reward":
        best = result["best_star_before"]
        best_word = star_label(best, lang) if best else REASONS("no_star", lang)
        return REASONS(flag, lang, year=year, star=star_label(result["star"], lang), best=best_word)
    if flag == "rank_fell_notice":
        fell_tier = (result["tier"] or 0) > (result["previous_tier"] or 0)
        return REASONS("fell_tier" if fell_tier else "fell_in_tier", lang, before=before, now=now)
    if flag == "bottom10_two_years":
        return REASONS(flag, lang, before=before, now=now)
    return ""


def flag_years(flag: str, years: list[int], lang: Lang) -> str:
    """For the rankings legend, whose lead names the result years: the year before that a mark is also
    decided on (较2024年 / vs 2024; 及2024年 / and 2024), "" for a mark of the result year alone."""
    key = {"rank_fell_notice": "years_move", "bottom10_two_years": "years_two"}.get(flag)
    if key is None or not years:
        return ""
    last = REASONS("years_sep_plain", lang).join(str(y - 1) for y in sorted(set(years)))
    return REASONS(key, lang, last=last)


def flag_word(flag: str, lang: Lang) -> str:
    """The mark's short name, e.g. 后10通报 / bottom-10 notice."""
    return RULES(f"short_{flag}", lang)


def flag_explained(flag: str, lang: Lang) -> str:
    """The plan's condition and consequence, e.g. 排名位次后移：予以通报和督促整改."""
    return RULES(
        "explained",
        lang,
        condition=RULES(f"condition_{flag}", lang),
        consequence=RULES(f"consequence_{flag}", lang),
    )


def rank_move_explained(before: dict[str, Any], now: dict[str, Any], lang: Lang) -> str:
    """Why a zone's result gets (or does not get) the rank-fell notice, for the zone's drill-down:
    its place the year before and now, and the plan's rule (排名位次后移) read across tiers."""
    from console.data.scales import tier_label

    t0, t1 = tier_label(before["tier"], lang), tier_label(now["tier"], lang)
    was = RULES("move_place", lang, year=now["year"] - 1, tier=t0, rank=before["province_rank"])
    then = RULES("move_place", lang, year=now["year"], tier=t1, rank=now["province_rank"])
    return RULES(f"move_{rank_move(before, now)}", lang, was=was, then=then)
