"""The one formatter: display text made from typed values, per language (zh/en) and mode (unicode/ascii).

Every surface that shows text (the console's tables, the CLI's text tables, the Markdown report, the
bulletin) gets it from here, so a figure reads the same everywhere. In ascii mode the text holds only
ASCII apart from CJK (East Asian wide or fullwidth) characters: no arrows, ellipses, middle dots or
dashes of ambiguous width. No polars or Textual import.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from console.data.scales import cn_numeral, star_label, tier_label
from console.present.labels import (
    STATUS_SYMBOLS,
    is_count,
    lang_index,
    level_none,
    quantity,
    status_word,
    text,
)
from console.words import Lang
from console.words.views import VIEWS

SPARK = "▁▂▃▄▅▆▇█"
SPARK_ASCII = "_.:~=+*#"
# A quarter without a figure (not reported): a visible gap, not a blank that reads as nothing at the
# row's end, and no level of either set (ASCII, narrow in every terminal).
SPARK_GAP = "-"


def sparkline(values: Sequence[float | None], ascii_only: bool = False) -> str:
    """One character per value, scaled between the series' min and max; ``SPARK_GAP`` for a gap."""
    blocks = SPARK_ASCII if ascii_only else SPARK
    known = [v for v in values if v is not None and not math.isnan(v)]
    if not known:
        return SPARK_GAP * len(values)
    low, high = min(known), max(known)
    span = high - low
    out = []
    for v in values:
        if v is None or math.isnan(v):
            out.append(SPARK_GAP)
        else:
            level = 0 if span == 0 else round((v - low) / span * (len(blocks) - 1))
            out.append(blocks[level])
    return "".join(out)


def _missing(x: object) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


# The most decimals a composite score shows anywhere (console, CLI, exports, bulletin): two separate
# 99.33 from 99.34; finer differences than that are not differences a reader acts on.
SCORE_DIGITS_MAX = 2


def distinct_digits(
    values: Sequence[float | None], ranks: Sequence[int | None], least: int = 1, most: int = SCORE_DIGITS_MAX
) -> int:
    """The fewest decimals (from ``least``, at most ``most``) at which values of different ranks never read
    the same: 96.6893 (3rd) and 96.6667 (4th) both read 96.7 at one decimal, so they get two (96.69, 96.67).
    Values that are equal (a tie ranked apart only by name) cannot be told apart at any precision and
    do not ask for more decimals; nor can ``most`` be passed, so a score never reads 100.000000."""
    known = [(float(v), r) for v, r in zip(values, ranks, strict=True) if v is not None and not _missing(v)]
    for digits in range(least, most):
        seen: dict[str, tuple[float, int | None]] = {}
        if all(
            (kept := seen.setdefault(f"{v:.{digits}f}", (v, r)))[1] == r or kept[0] == v for v, r in known
        ):
            return digits
    return most


def amount_digits(x: float | int | None, unit: str | None) -> int:
    """The decimals of a figure in ``unit`` (Formatter.amount): 0 for a count or a whole figure, else 1."""
    if _missing(x) or is_count(unit):
        return 0
    return 0 if float(round(float(x), 1)).is_integer() else 1  # type: ignore[arg-type]


# A changed cell's mark in changes mode (unicode, ascii): the one spelling of it, in cells and in text.
CHANGE_MARK = ("Δ", "*")

# What --ascii shows instead of the symbols it avoids (in text made elsewhere, e.g. labels and legends).
ASCII_FALLBACKS = {
    "…": "...",
    "·": "|",
    "—": "-",
    "–": "-",
    "─": "-",
    "→": "->",
    "←": "<-",
    "↑": "^",
    "↓": "v",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "✓": "+",
    "✗": "x",
    "●": "*",
    "★": "*",
    "☆": "-",
    CHANGE_MARK[0]: CHANGE_MARK[1],  # help's "有变化的单元格（Δ）" names the mark drawn: * in ascii
}
_ASCII_TABLE = str.maketrans(ASCII_FALLBACKS)


def ascii_text(text: str) -> str:
    """``text`` with the arrows, ellipses, dots, dashes, curly quotes and marks --ascii avoids replaced
    by ASCII (``→`` becomes ``->``); CJK text is kept."""
    return text.translate(_ASCII_TABLE)


@dataclass(frozen=True)
class Formatter:
    """Text for one language and symbol set."""

    lang: Lang = "zh"
    ascii_only: bool = False

    @property
    def zh(self) -> bool:
        return self.lang == "zh"

    # -- punctuation ------------------------------------------------------------------------------

    @property
    def none(self) -> str:
        """What an empty cell shows."""
        return "-" if self.ascii_only else "—"

    @property
    def arrow(self) -> str:
        return "->" if self.ascii_only else "→"

    @property
    def ellipsis(self) -> str:
        return "..." if self.ascii_only else "…"

    @property
    def dot(self) -> str:
        """The separator between parts of a header line."""
        return "|" if self.ascii_only else "·"

    @property
    def change_mark(self) -> str:
        """The mark of a changed cell in changes mode: Δ, * in ascii."""
        return CHANGE_MARK[1 if self.ascii_only else 0]

    @property
    def rule(self) -> str:
        """The character of a horizontal rule under a heading."""
        return "-" if self.ascii_only else "─"

    @property
    def list_sep(self) -> str:
        return text("list_sep", self.lang)

    def text(self, text: str) -> str:
        """Text made elsewhere (a label, a legend), in this symbol set."""
        return ascii_text(text) if self.ascii_only else text

    def pick(self, zh: str, en: str) -> str:
        """One of two texts held as data (a column in each language). present/ asks the catalogue
        (console.words) for its words; this stays for callers outside present/ until they do too."""
        return (zh, en)[lang_index(self.lang)]

    # -- numbers ----------------------------------------------------------------------------------

    def number(self, x: float | int | None, digits: int = 1) -> str:
        return self.none if _missing(x) else f"{x:,.{digits}f}"

    def amount(self, x: float | int | None, unit: str | None) -> str:
        """A figure of an indicator or target in its unit, the one rule for every surface: a count (家,
        个, 项 …, see labels.is_count) is a whole number; any other figure one decimal, none when whole
        (1,500 亿元, 70.1%, -1.8 百分点)."""
        if _missing(x):
            return self.none
        return self.number(x, amount_digits(x, unit))

    def quantity(self, value: str, unit: str) -> str:
        """A formatted number and its unit label: '91.4%', '1,500 亿元', '1,500 (100M yuan)'."""
        return quantity(value, unit, self.lang)

    def integer(self, n: int | None) -> str:
        return self.none if n is None else str(int(n))

    def share(self, x: float | None) -> str:
        return self.none if _missing(x) else f"{x:.0%}"

    def ratio(self, part: int | None, whole: int | None) -> str:
        """'2/3' on screen; exports write the two integers as separate columns."""
        return self.none if not whole else f"{part or 0}/{whole}"

    def change(self, n: int | None) -> str:
        """A move in rank: ↑2 / ↓1 / = (^2 / v1 / = in ascii)."""
        if n is None:
            return self.none
        up, down = ("^", "v") if self.ascii_only else ("↑", "↓")
        return f"{up}{n}" if n > 0 else (f"{down}{-n}" if n < 0 else "=")

    def days_late(self, days: int | None) -> str:
        if not days:
            return ""
        return VIEWS("days_late_short", self.lang, days=days)

    def rank_in(self, rank: int | None, size: int | None, year: int | None) -> str:
        """A rank among ``size`` in a result year: '30/36（2025）' in Chinese, '30/36 (2025)' in English."""
        if not rank:
            return self.none
        return f"{rank}/{size}" + VIEWS("rank_year", self.lang, year=year)

    def spark(self, values: Sequence[float | None]) -> str:
        return sparkline(values, self.ascii_only)

    def bracket(self, note: str) -> str:
        """A note after a figure: '（全年预计）' in Chinese, ' (projected full year)' in English; '' for none."""
        if not note:
            return ""
        return VIEWS("bracket", self.lang, note=note)

    def year_note(self, year: int | None, standing: bool = False) -> str:
        """The due year of a target; a standing aim where the plan gives none; else yearly."""
        if year:
            return f" ({year})"
        if standing:
            return VIEWS("due_standing", self.lang)
        return VIEWS("due_yearly", self.lang)

    # -- statuses ---------------------------------------------------------------------------------

    def symbol(self, status: str | None) -> str:
        if status is None:
            return ""
        return STATUS_SYMBOLS.get(status, ("-", "-"))[1 if self.ascii_only else 0]

    def word(self, status: str | None) -> str:
        return status_word(status, self.lang)

    def status(self, status: str | None) -> str:
        """Symbol and word, e.g. '✗ 未达标' / 'x missed'; the word alone where nothing is judged."""
        if status is None:
            return ""
        if status not in STATUS_SYMBOLS:
            return self.word(status)
        return f"{self.symbol(status)} {self.word(status)}"

    def status_legend(self) -> list[str]:
        """The help legend's status groups, made from the marks the tables draw: each mark with the
        words of every status drawn with it (``✓ 达标、按时``), then the empty mark; a word listed
        under a mark is drawn with that mark in every table."""
        words: dict[str, list[str]] = {}
        for status in STATUS_SYMBOLS:
            group = words.setdefault(self.symbol(status), [])
            if self.word(status) not in group:
                group.append(self.word(status))
        groups = [f"{mark} {self.list_sep.join(names)}" for mark, names in words.items()]
        return [*groups, f"{self.none} {text('legend_empty', self.lang)}"]

    # -- levels -----------------------------------------------------------------------------------

    def tier(self, tier: int | None, known: bool = False) -> str:
        """二档 / tier 2; for none: 无档 / no tier where a result is ``known`` to have none, else the empty mark."""
        if tier is None and known:
            return level_none("tier", self.lang)
        return tier_label(tier, self.lang, self.ascii_only)

    def star(self, star: int | None, known: bool = False) -> str:
        """二星 / 2-star; for none: 无星 / no star where a result is ``known`` to have none, else the empty mark."""
        if star is None and known:
            return level_none("star", self.lang)
        return star_label(star, self.lang, self.ascii_only)

    def compact_goal(self, kind: str, target: int | None, achieved: int | None, known: bool = True) -> str:
        """Target and result in a narrow cell: 一→二档, 二→无星; T1→T2, S2→no star. With no result published
        (``known`` false) the result is the empty mark: not "no star", just not known."""
        if achieved is None:
            result = level_none(kind, self.lang) if known else self.none
        else:
            result = self._level_short(kind, achieved, "short")
        if target is None:
            start = self.no_goal()
        else:
            start = self._level_short(kind, target, "start") if target else level_none(kind, self.lang)
        return f"{start}{self.arrow}{result}"

    def _level_short(self, kind: str, level: int, form: str) -> str:
        """A level in a narrow cell: 二档 / T2 (``form`` "short"), or as a target before the arrow: 二 / T2
        ("start")."""
        number = cn_numeral(level) if self.lang == "zh" else level
        return VIEWS(f"{kind}_{form}", self.lang, n=number)

    def goal_change(self, kind: str, target: int | None, result: int | None, known: bool = True) -> str:
        """A star or tier goal in full words, e.g. '三星→二星', '二星→无星' or 'tier 2->tier 1'; a result
        not ``known`` (none published) is the empty mark; a target the plan does not set is 未设."""
        label = self.star if kind == "star" else self.tier
        start = self.no_goal() if target is None else label(target, True)
        return f"{start}{self.arrow}{label(result, known)}"

    def no_goal(self) -> str:
        """'未设' / 'unset': the one word for a star or tier target the plan does not set. Never 无星,
        which is a result (or a target of no star, written 0, if a plan ever sets one)."""
        return text("goal_unset", self.lang)
