"""What the console's top line holds in a width: whole parts give way in a fixed order. No Textual.

The line is the title on the left, then the facts on the right: the sample badge, the as-of period,
the year, the counties and a status note (the changes mode's, or that the data files are invalid).
A part goes, or takes its short form, as a whole; a bracketed part (``（示例进度数据）``,
``（仅变化）``, `` (changed only)``) goes with both its brackets, so no half bracket is ever left.

One order of giving way, the same for the main line and the changes mode's (issue 20: the changes
mode's line dropped the title at one width and kept it at a narrower one): first what says nothing
the reader needs (the title's brackets, the words "all counties", the status note's second and later
brackets, the words before the as-of period), then the title shortens (cut at its end), the county
list becomes its count, the year goes, the title goes, then the status note's first bracket (the
changes mode's "changed only"), the status note, and the badge takes its short form. A county filter
changes what every tab shows, so it never goes (its count stays); the as-of period always stays. The
order is one sequence of ever shorter lines, so a wider terminal never shows less.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from rich.cells import cell_len

from console.present.fit import wrap_words
from console.present.typography import BRACKETED_END, CLOSE_BRACKETS, OPEN_BRACKETS, TRAILING_SEPARATORS

# A bracketed part at the end of a text, full-width or ASCII brackets, with the space before it.
_BRACKETED = re.compile(BRACKETED_END)
MIN_TITLE = 6  # cells of title text worth showing cut (with its ellipsis after it)


def bracket_parts(text: str) -> list[str]:
    """``text`` as its head and the bracketed parts that end it: ``'A（B）（C）'`` ->
    ``['A', '（B）', '（C）']``; a bracket in the middle stays in the head."""
    parts: list[str] = []
    while (m := _BRACKETED.search(text)) and m.start() > 0:
        parts.insert(0, m.group(1))
        text = text[: m.start()]
    return [text, *parts]


def _before_open_bracket(text: str) -> str:
    """``text`` without a bracket it opens but does not close (a cut title's end)."""
    while True:
        i = max(text.rfind(b) for b in OPEN_BRACKETS)
        if i < 0 or any(c in CLOSE_BRACKETS for c in text[i:]):
            return text
        text = text[:i].rstrip()


@dataclass(frozen=True)
class TopLine:
    """The parts shown; an empty part is not drawn. ``badge`` is drawn padded, in reverse video."""

    title: str
    badge: str
    as_of: str
    year: str
    scope: str
    status: str
    dot: str = "·"

    def facts(self) -> list[tuple[str, str]]:
        """The right-hand side as (text, style) pieces, as drawn."""
        out: list[tuple[str, str]] = []
        if self.badge:
            out += [(f" {self.badge} ", "bold reverse"), (" ", "")]
        out.append((self.as_of, ""))
        out += [(f" {self.dot} {part}", "") for part in (self.year, self.scope) if part]
        if self.status:
            out.append((f" {self.status}", "italic"))
        out.append((" ", ""))
        return out

    @property
    def facts_width(self) -> int:
        return sum(cell_len(text) for text, _ in self.facts())

    @property
    def width(self) -> int:
        """Cells the line takes: a space, the title, a space between, the facts."""
        return (1 + cell_len(self.title) + 1 if self.title else 0) + self.facts_width


def fit_top_line(
    line: TopLine,
    width: int,
    *,
    as_of_period: str,
    counties_short: str = "",
    badge_short: str = "",
    all_counties: bool = True,
    ellipsis: str = "…",
) -> TopLine:
    """``line`` in ``width`` cells, its parts giving way whole in the module's order.

    ``as_of_period``: the as-of part without its words ("2026Q3"); ``counties_short``: the county
    filter as a count ("3个县区"); ``badge_short``: the badge's short form; ``all_counties``: the scope
    is the words for no filter, which go early.
    """
    last = line
    for candidate, cut in _giving_way(line, as_of_period, counties_short, badge_short, all_counties):
        last = candidate
        if candidate.width <= width:
            return candidate
        if cut and candidate.title:
            fitted = _cut_title(candidate, width, ellipsis)
            if fitted is not None:
                return fitted
    return last


def _cut_title(line: TopLine, width: int, ellipsis: str) -> TopLine | None:
    """``line`` with its title cut at its end to fit ``width``; None when not even ``MIN_TITLE`` cells
    of it fit."""
    room = width - replace(line, title="").width - 2
    if room >= MIN_TITLE + cell_len(ellipsis):
        first = wrap_words(line.title, room - cell_len(ellipsis))[0]  # whole words or characters
        cut = _before_open_bracket(first.rstrip(TRAILING_SEPARATORS))
        if cut:
            return replace(line, title=cut + ellipsis)
    return None


def _giving_way(
    line: TopLine, as_of_period: str, counties_short: str, badge_short: str, all_counties: bool
) -> Iterator[tuple[TopLine, bool]]:
    """The line, one part shorter or gone at each step, in the module's order; with whether the title
    may be cut to fit (from the step the title shortens until it goes)."""
    yield line, False
    title_parts = bracket_parts(line.title)
    while len(title_parts) > 1:
        title_parts.pop()
        line = replace(line, title="".join(title_parts))
        yield line, False
    if all_counties and line.scope:
        line = replace(line, scope="")
        yield line, False
    status_parts = bracket_parts(line.status)
    while len(status_parts) > 2:  # the first bracket (changes mode: "changed only") stays longer
        status_parts.pop()
        line = replace(line, status="".join(status_parts))
        yield line, False
    line = replace(line, as_of=as_of_period)
    yield line, True
    if not all_counties and counties_short:
        line = replace(line, scope=counties_short)
        yield line, True
    line = replace(line, year="")
    yield line, True
    line = replace(line, title="")
    yield line, False
    while len(status_parts) > 1:
        status_parts.pop()
        line = replace(line, status="".join(status_parts))
        yield line, False
    line = replace(line, status="")
    yield line, False
    if line.badge and badge_short:
        yield replace(line, badge=badge_short), False
