"""Which month a bulletin can be written for, and the quarter it rests on.

The bulletin for a month uses the data of the last quarter completed by the end of that month
(2026-10 -> 2026Q3; 2026-02 -> 2025Q4); it never speaks for a month the data cannot support
(``latest_month``) unless forced, nor for one before the data's first quarter.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from console.core.text import Said
from console.data.dataset import Dataset
from console.data.scales import Period
from console.present.labels import text as label_text
from console.words import Lang
from console.words.bulletin import BULLETIN


class BulletinError(Exception):
    """A bulletin that cannot be made; nothing was written."""


class MonthBeforeData(BulletinError):
    """A month whose bulletin would rest on a quarter before the plan's data (2024-01 rests on 2023Q4):
    the message names that quarter, the first with data, and the earliest month that can be written."""

    def __init__(self, period: str, quarter: Period, first: Period) -> None:
        self.period, self.quarter, self.first = period, str(quarter), str(first)
        self.earliest = earliest_month(first)
        words = {"month": period, "quarter": self.quarter, "first": self.first, "earliest": self.earliest}
        super().__init__(
            Said(
                label_text("bulletin_before_data", "en").format(**words),
                label_text("bulletin_before_data", "zh").format(**words),
            )
        )


class MonthNotSupported(BulletinError):
    """A month after the latest the data supports (``latest_month``); ``--beyond-data`` writes it anyway,
    with a printed warning in the document."""

    def __init__(self, period: str, latest: tuple[int, int], as_of: str) -> None:
        self.period = period
        self.latest = f"{latest[0]}-{latest[1]:02d}"
        self.as_of = as_of

        def words(lang: Lang) -> str:
            shown = as_of or label_text("no_data_yet", lang)
            return label_text("month_after_data", lang).format(month=period, latest=self.latest, as_of=shown)

        super().__init__(Said(words("en"), words("zh")))


def earliest_month(first: Period) -> str:
    """The first month whose bulletin rests on the quarter ``first`` (``data_quarter``): the month that
    quarter ends in (2024Q1 -> 2024-03)."""
    return f"{first.year}-{first.quarter * 3:02d}"


def parse_month(text: str) -> tuple[int, int]:
    """2026-10, 2026/10 or 2026年10月 -> (2026, 10)."""
    # not words: the forms a month may be written in
    match = re.fullmatch(r"\s*(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?\s*", text)
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise BulletinError(
            Said(BULLETIN("bad_month", "en", text=text), BULLETIN("bad_month", "zh", text=text))
        )
    return int(match.group(1)), int(match.group(2))


def data_quarter(year: int, month: int) -> Period:
    """The last quarter completed by the end of the month."""
    done = month // 3
    return Period(year - 1, 4) if done == 0 else Period(year, done)


def latest_month(ds: Dataset, today: date) -> tuple[int, int]:
    """The latest month a bulletin can be written for, the rule every surface keeps (README "Command
    line"): a month the data can speak for (its data quarter, ``data_quarter``, is not after the
    data's as-of quarter: data as of 2026Q3, whose reports were due on 30 September, serves the
    bulletins up to 2026-11; 2026-12 rests on 2026Q4), and never a month that has not begun."""
    now = (today.year, today.month)
    if not ds.has_progress:
        return now
    after = ds.as_of.index + 1  # the next quarter: the month before its last month is the latest
    last = Period.from_index(after).quarter * 3 - 1
    year = Period.from_index(after).year
    return min(now, (year, last) if last >= 1 else (year - 1, 12))


def default_month(ds: Dataset, today: date) -> tuple[str, bool]:
    """The month a bulletin is for unless the user says otherwise: the latest month the data supports
    (``latest_month``). The flag says the data decided it, not the calendar (the dialog says so)."""
    year, month = latest_month(ds, today)
    return f"{year}-{month:02d}", (year, month) < (today.year, today.month)


def cutoff_date(year: int, month: int, today: date) -> date:
    """The date a bulletin for the month speaks as of: the month's last day, or today within it."""
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return min(last, today)


def checked_month(ds: Dataset, period: str, lang: Lang, today: date, force: bool) -> tuple[int, int, str]:
    """The bulletin's (year, month) and the warning it prints: a month after the latest the data
    supports raises MonthNotSupported unless ``force``, which returns the warning to print."""
    year, month = parse_month(period)
    latest = latest_month(ds, today)
    if (year, month) <= latest:
        return year, month, ""
    as_of_text = str(ds.as_of) if ds.has_progress else ""
    if not force:
        raise MonthNotSupported(period, latest, as_of_text)
    warning = label_text("bulletin_month_warning", lang).format(
        month=f"{year}-{month:02d}", latest=f"{latest[0]}-{latest[1]:02d}", as_of=as_of_text or "—"
    )
    return year, month, warning


def bulletin_quarter(ds: Dataset, period: str, year: int, month: int) -> Period:
    """The quarter the bulletin for the month rests on (``ds`` as known at the cut-off): its data
    quarter, or the newest there is; MonthBeforeData for one before the data's first quarter."""
    quarter = data_quarter(year, month)
    if ds.has_progress and quarter > ds.as_of:
        quarter = ds.as_of  # the newest data there is; the bulletin says which quarter it rests on
    if quarter < Period(ds.years[0], 1):
        raise MonthBeforeData(period, quarter, Period(ds.years[0], 1))
    return min(quarter, Period(ds.years[-1], 4))
