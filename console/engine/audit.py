"""The plan checked against itself: annex tables against the figures the text states, and each
indicator that other tables determine against the value the dataset reports for it.

Each disagreement is one finding; findings are reported, not treated as errors.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import polars as pl

from console.core.text import Said, said_both
from console.data.dataset import Dataset
from console.data.scales import ScaleError, parse_star, parse_tier, star_label, tier_label
from console.engine.determined import CLUSTER_THRESHOLD, Pace, disagreements, linear_pace
from console.words import Lang, pick
from console.words.engine import AUDIT

__all__ = ["CLUSTER_THRESHOLD", "Finding", "audit"]


@dataclass(frozen=True)
class Finding:
    check: str
    year: int
    level: str | None
    stated: float
    counted: float
    message: str
    message_zh: str

    def text(self, lang: Lang = "zh") -> str:
        return pick((self.message_zh, self.message), lang)

    def to_json(self, lang: Lang = "zh") -> dict[str, object]:
        """check, year, level, stated, counted and the message in ``lang``."""
        data = asdict(self)
        data["message"] = self.text(lang)
        del data["message_zh"]
        for key in ("stated", "counted"):
            value = data[key]
            data[key] = int(value) if float(value).is_integer() else value
        return data


def _level_counts(ds: Dataset, column: str, year: int) -> dict[int, list[tuple[str, str]]]:
    """The zones (short name in Chinese and English) that annex 2 sets at each level in ``year``."""
    targets = ds["zone_targets"].filter((pl.col("year") == year) & pl.col(column).is_not_null())
    zones = ds["zones"].select("zone", "short_name", pl.col("short_name_en").fill_null(pl.col("short_name")))
    named = targets.join(zones, on="zone", how="left")
    out: dict[int, list[tuple[str, str]]] = {}
    for level, short, short_en in named.select(column, "short_name", "short_name_en").iter_rows():
        out.setdefault(int(level), []).append((short, short_en))
    return out


def _count_findings(ds: Dataset, figure: str) -> list[Finding]:
    column, parse, label = {
        "tier_count": ("tier_target", parse_tier, tier_label),
        "star_count": ("star_target", parse_star, star_label),
    }[figure]
    stated_rows = ds["plan_figures"].filter(pl.col("figure") == figure)
    findings = []
    for year in sorted(stated_rows.get_column("year").unique().to_list()):
        stated: dict[int, float] = {}
        for level, value in stated_rows.filter(pl.col("year") == year).select("level", "stated").iter_rows():
            try:
                parsed = parse(level)
            except ScaleError:
                parsed = None
            if parsed is not None:
                stated[parsed] = value
        counted = _level_counts(ds, column, year)
        for level in sorted(set(stated) | set(counted)):
            said = stated.get(level, 0.0)
            zones = counted.get(level, [])
            if said == len(zones):
                continue
            message = said_both(
                AUDIT,
                "level_count_one" if said == 1 else "level_count",
                year=year,
                stated=_n(said),
                level=Said(label(level, "en"), label(level, "zh")),
                count=len(zones),
                names=_names(zones),
            )
            findings.append(_finding(figure, year, label(level), said, float(len(zones)), message))
    return findings


def _n(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)


def _names(zones: list[tuple[str, str]]) -> Said:
    """The zones' short names as each language lists them, or a dash (无) for none."""
    zh_sep, en_sep = AUDIT.pair("list_sep")
    zh_none, en_none = AUDIT.pair("no_zones")
    return Said(en_sep.join(en for _, en in zones) or en_none, zh_sep.join(zh for zh, _ in zones) or zh_none)


def _finding(
    check: str, year: int, level: str | None, stated: float, counted: float, message: Said
) -> Finding:
    return Finding(check, year, level, stated, counted, str(message), message.zh)


def _clusters_over(ds: Dataset) -> list[Finding]:
    findings = []
    for year, value in (
        ds["plan_figures"].filter(pl.col("figure") == "clusters_over_50").select("year", "stated").iter_rows()
    ):
        over = ds["cluster_targets"].filter(
            (pl.col("year") == year) & (pl.col("revenue_target") >= CLUSTER_THRESHOLD)
        )
        if over.height != value:
            key = "clusters_over_one" if value == 1 else "clusters_over"
            message = said_both(AUDIT, key, year=year, stated=_n(value), count=over.height)
            findings.append(_finding("clusters_over_50", year, None, value, float(over.height), message))
    return findings


def _tier_totals(ds: Dataset) -> list[Finding]:
    """The stated tier counts of each year should add up to the number of zones in annex 2."""
    findings = []
    zones = ds["zones"].height
    stated = (
        ds["plan_figures"]
        .filter(pl.col("figure") == "tier_count")
        .group_by("year")
        .agg(pl.col("stated").sum())
    )
    for year, total in stated.sort("year").iter_rows():
        if total != zones:
            message = said_both(AUDIT, "tier_total", year=year, stated=_n(total), count=zones)
            findings.append(_finding("tier_total", year, None, total, float(zones), message))
    return findings


def _reported_vs_computed(ds: Dataset, pace: Pace) -> list[Finding]:
    """A determined indicator (console.engine.determined) whose reported value differs from its count."""
    names = dict(ds["indicators"].select("indicator", "name").iter_rows())
    names_en = dict(ds["indicators"].select("indicator", "name_en").iter_rows())
    findings = []
    for code, period, reported, computed in disagreements(ds, pace).iter_rows():
        message = said_both(
            AUDIT,
            "indicator_computed",
            period=period,
            code=code,
            name=Said(names_en.get(code) or code, names.get(code) or code),
            reported=_n(reported),
            computed=_n(computed),
        )
        findings.append(
            _finding("indicator_computed", int(period[:4]), f"{code} {period}", reported, computed, message)
        )
    return findings


def audit(ds: Dataset, pace: Pace = linear_pace) -> list[Finding]:
    """Every place where the plan's annex tables disagree with the figures its text states, and where
    a reported indicator value disagrees with the tables that determine it (``pace``: the settings'
    pacing, on which a running year's count is projected, as the console counts it)."""
    return [
        *_count_findings(ds, "tier_count"),
        *_count_findings(ds, "star_count"),
        *_tier_totals(ds),
        *_clusters_over(ds),
        *_reported_vs_computed(ds, pace),
    ]
