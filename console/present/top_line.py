"""What the console's top line holds in a width: whole parts give way in a fixed order. No Textual.

The line is the title on the left, then the facts on the right: the sample badge, the as-of period,
the year, the counties and a status note (the changes mode's, or that the data files are invalid).
A part goes, or takes its short form, as a whole; a bracketed part (``（示例进度数据）``,
``（仅变化）``, `` (changed only)``) goes with both its brackets, so no half bracket is ever left.
Order of giving way: the title's brackets, the title (cut at the end, then gone), the words "all
counties", the status note's brackets, the words before the as-of period, a county list (its count
instead), the year, the status note, the badge (its short form). The as-of period always stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from rich.cells import cell_len

from console.present.fit import wrap_words

# A bracketed part at the end of a text, full-width or ASCII brackets, with the space before it.
_BRACKETED = re.compile(r"(\s*[（(][^（）()]*[）)])\s*$")
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
        i = max(text.rfind("（"), text.rfind("("))
        if i < 0 or any(c in "）)" for c in text[i:]):
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
    title = line.title
    fitted = _with_title(line, title, width, ellipsis)  # the title gives way first
    if fitted is not None:
        return fitted
    line = replace(line, title="")
    for step in _facts_giving_way(line, as_of_period, counties_short, badge_short, all_counties):
        if line.width <= width:
            break
        line = step
    return _with_title(line, title, width, ellipsis) or line  # in the room the facts left


def _with_title(line: TopLine, title: str, width: int, ellipsis: str) -> TopLine | None:
    """``line`` with as much of ``title`` as fits: whole, less its bracketed parts (last first), or
    cut at its end; None when not even ``MIN_TITLE`` cells of it fit."""
    parts = bracket_parts(title)
    for k in range(len(parts), 0, -1):
        whole = replace(line, title="".join(parts[:k]))
        if whole.width <= width:
            return whole
    room = width - replace(line, title="").width - 2
    if room >= MIN_TITLE + cell_len(ellipsis):
        first = wrap_words(parts[0], room - cell_len(ellipsis))[0]  # whole words or characters
        cut = _before_open_bracket(first.rstrip(" ,，、:：;；-—"))
        if cut:
            return replace(line, title=cut + ellipsis)
    return None


def _facts_giving_way(
    line: TopLine, as_of_period: str, counties_short: str, badge_short: str, all_counties: bool
) -> Iterator[TopLine]:
    """The facts, one part shorter or gone at each step, in the module's order."""
    if all_counties:
        line = replace(line, scope="")
        yield line
    status_parts = bracket_parts(line.status)
    while len(status_parts) > 1:
        status_parts.pop()
        line = replace(line, status="".join(status_parts))
        yield line
    line = replace(line, as_of=as_of_period)
    yield line
    if not all_counties and counties_short:
        line = replace(line, scope=counties_short)
        yield line
    line = replace(line, year="")
    yield line
    line = replace(line, status="")
    yield line
    if line.badge and badge_short:
        yield replace(line, badge=badge_short)
