"""The plan's scales: star levels, tiers and reporting periods, and the forms coordinators write them in.

Stars run 1-5 (Henan's scale goes beyond the plan's three); tiers run 1 (一档, highest) to 3.
Periods are quarters, written canonically as ``2026Q3`` (which sorts correctly as text).
"""

from __future__ import annotations

from dataclasses import dataclass

from console.data.problem_words import said
from console.data.scale_forms import (
    CN_DIGITS,
    CN_NUMERALS,
    FULLWIDTH,
    NONE_FORMS,
    ORDINAL_PREFIX,
    PERIOD_FORMS,
    STAR_SUFFIX,
    TIER_SUFFIX,
)
from console.words import Lang
from console.words.scales import SCALES

STAR_MIN, STAR_MAX = 1, 5
TIER_MIN, TIER_MAX = 1, 3


class ScaleError(ValueError):
    """A value that is not a valid star, tier or period; the message (a Said: English and Chinese)
    says what was expected."""


def _small_number(text: str) -> int | None:
    """Read '2', '二' or '两' as an integer; None when it is neither."""
    if text.isdigit():
        return int(text)
    if len(text) == 1 and text in CN_DIGITS:
        return CN_DIGITS[text]
    return None


def cn_numeral(n: int) -> str:
    """1 -> 一, 2 -> 二 … (for the small numbers used by stars, tiers and quarters)."""
    return CN_NUMERALS[n] if 0 <= n <= 9 else str(n)


def parse_star(raw: str | None) -> int | None:
    """Parse a star level: 2, 二星, 二星级, 2星, ★★. Empty means no star. Raises ScaleError."""
    text = (raw or "").strip().translate(FULLWIDTH)
    if text in NONE_FORMS:
        return None
    if set(text) <= {"★", "☆"} and "★" in text:
        value: int | None = text.count("★")
    else:
        core = ORDINAL_PREFIX.sub("", STAR_SUFFIX.sub("", text))
        value = _small_number(core)
    if value is None:
        raise ScaleError(said("star_form", low=STAR_MIN, high=STAR_MAX))
    if not STAR_MIN <= value <= STAR_MAX:
        raise ScaleError(said("star_range", low=STAR_MIN, high=STAR_MAX))
    return value


def parse_tier(raw: str | None) -> int | None:
    """Parse a tier: 2, 二档, 第二档, 2档. Empty means none. Raises ScaleError."""
    text = (raw or "").strip().translate(FULLWIDTH)
    if text in NONE_FORMS:
        return None
    core = ORDINAL_PREFIX.sub("", TIER_SUFFIX.sub("", text))
    value = _small_number(core)
    if value is None:
        raise ScaleError(said("tier_form", low=TIER_MIN, high=TIER_MAX))
    if not TIER_MIN <= value <= TIER_MAX:
        raise ScaleError(said("tier_range", low=TIER_MIN, high=TIER_MAX))
    return value


@dataclass(frozen=True, order=True)
class Period:
    """A calendar quarter."""

    year: int
    quarter: int

    def __str__(self) -> str:
        return f"{self.year}Q{self.quarter}"

    @property
    def index(self) -> int:
        """Quarters since year 0: consecutive periods differ by one."""
        return self.year * 4 + self.quarter - 1

    @classmethod
    def from_index(cls, index: int) -> Period:
        return cls(index // 4, index % 4 + 1)

    def zh(self) -> str:
        """The quarter as Chinese text names it: 2026年第三季度."""
        return SCALES("period", "zh", year=self.year, cn=cn_numeral(self.quarter), n=self.quarter)

    def due_date(self) -> str:
        """The last day of the quarter, when the plan's quarterly report is due (ISO date)."""
        return f"{self.year}-{('03-31', '06-30', '09-30', '12-31')[self.quarter - 1]}"


def parse_period(raw: str | None) -> Period:
    """Parse 2025Q3, 2025-Q3, 2025 Q3, 2025年第三季度 or 2025年3季度. Raises ScaleError."""
    text = (raw or "").strip().translate(FULLWIDTH)
    for form in PERIOD_FORMS:
        match = form.match(text)
        if match:
            quarter = _small_number(match.group(2))
            if quarter is None or not 1 <= quarter <= 4:
                raise ScaleError(said("quarter_1_4"))
            return Period(int(match.group(1)), quarter)
    raise ScaleError(said("quarter"))


# The number a published result of no star (无星) or no tier (无档) is written as where a number is
# expected (exports' number columns, ``status --json``): 0, as the assessment template writes 无星.
# An empty cell (null) means no result at all (none published for the year).
LEVEL_NONE_NUMBER = 0


def level_number(level: int | None, known: bool) -> int | None:
    """A star or tier level as a number: the level; 0 where a published result (``known``) has none
    (无星 / 无档); None (empty) where there is no result."""
    if level is not None:
        return int(level)
    return LEVEL_NONE_NUMBER if known else None


def days_late_number(report_status: str | None, days: int | None) -> int | None:
    """A report's days late as a number: 0 for a report on time, empty where no report arrived."""
    if report_status == "on_time":
        return 0
    return None if days is None else int(days)


def star_label(star: int | None, lang: Lang = "zh", ascii_only: bool = False) -> str:
    """二星 / 2-star; '—' (or '-') where there is none."""
    if star is None:
        return "-" if ascii_only else "—"
    return SCALES("star", lang, cn=cn_numeral(star), n=star)


def tier_label(tier: int | None, lang: Lang = "zh", ascii_only: bool = False) -> str:
    """二档 / tier 2; '—' (or '-') where there is none."""
    if tier is None:
        return "-" if ascii_only else "—"
    return SCALES("tier", lang, cn=cn_numeral(tier), n=tier)
