"""The plan checked against itself: annex tables against the figures the text states, and each
indicator that other tables determine against the value the dataset reports for it.

Each disagreement is one finding; findings are reported, not treated as errors.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import polars as pl

from console.data.dataset import Dataset
from console.data.scales import ScaleError, parse_star, parse_tier, star_label, tier_label
from console.engine.determined import CLUSTER_THRESHOLD, Pace, disagreements, linear_pace

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

    def text(self, lang: str = "zh") -> str:
        return self.message_zh if lang == "zh" else self.message

    def to_json(self, lang: str = "zh") -> dict[str, object]:
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
            name = label(level)
            findings.append(
                Finding(
                    figure,
                    year,
                    name,
                    said,
                    float(len(zones)),
                    f"{year}: the text (2(2)) states {_n(said)} {'zone' if said == 1 else 'zones'} at "
                    f"{label(level, 'en')}; annex 2 sets it as the target of {len(zones)}: "
                    f"{', '.join(en for _, en in zones) or '—'}",
                    f"{year}年：正文（二（二））为{name}开发区{_n(said)}个，"
                    f"附件2中{name}目标为{len(zones)}个：{'、'.join(zh for zh, _ in zones) or '无'}",
                )
            )
    return findings


def _n(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)


def _clusters_over(ds: Dataset) -> list[Finding]:
    findings = []
    for year, value in (
        ds["plan_figures"].filter(pl.col("figure") == "clusters_over_50").select("year", "stated").iter_rows()
    ):
        over = ds["cluster_targets"].filter(
            (pl.col("year") == year) & (pl.col("revenue_target") >= CLUSTER_THRESHOLD)
        )
        if over.height != value:
            findings.append(
                Finding(
                    "clusters_over_50",
                    year,
                    None,
                    value,
                    float(over.height),
                    f"{year}: the text states {_n(value)} {'cluster' if value == 1 else 'clusters'} with revenue"
                    f" over 50 (100M yuan); annex 3 sets a target of 50 (100M yuan) or more for"
                    f" {over.height}",
                    f"{year}年：正文为营业收入超50亿元的集群{_n(value)}个，附件3中目标达50亿元的为{over.height}个",
                )
            )
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
            findings.append(
                Finding(
                    "tier_total",
                    year,
                    None,
                    total,
                    float(zones),
                    f"{year}: the tier counts in the text add up to {_n(total)} zones; annex 2 lists {zones}",
                    f"{year}年：正文各档开发区合计{_n(total)}个，附件2列出{zones}个",
                )
            )
    return findings


def _reported_vs_computed(ds: Dataset, pace: Pace) -> list[Finding]:
    """A determined indicator (console.engine.determined) whose reported value differs from its count."""
    names = dict(ds["indicators"].select("indicator", "name").iter_rows())
    names_en = dict(ds["indicators"].select("indicator", "name_en").iter_rows())
    findings = []
    for code, period, reported, computed in disagreements(ds, pace).iter_rows():
        findings.append(
            Finding(
                "indicator_computed",
                int(period[:4]),
                f"{code} {period}",
                reported,
                computed,
                f"{period}: {code} ({names_en.get(code) or code}) is reported as {_n(reported)}; "
                f"the dataset's own tables give {_n(computed)}, which the console shows",
                f"{period}：{code}（{names.get(code) or code}）报送值为{_n(reported)}，"
                f"按数据集本身的表计算为{_n(computed)}，控制台显示计算值",
            )
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
