"""The Overview tab: headline goals with progress bars, zones per tier and star, and the attention list
(focusable: Enter on a zone opens its drill-down)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from console.present.fit import distinct_cuts
from console.present.formatter import Formatter, ascii_text
from console.present.keys import tab_names
from console.present.labels import CLASS_STYLES, area_word, report_counts_text, status_style
from console.present.labels import text as label_text
from console.present.viewmodel import REPORTS_NOTE
from widgets.keybar import bindings, widget_bindings

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from console.present.viewmodel import CountLine, Overview
from console.words import Lang
from console.words.tui import TUI
from console.words.widgets import WIDGETS
from widgets.chart import Chart

# The attention list names this many zones; the Zones tab lists them all (flagged rows sort first with s).
ATTENTION_SHOWN = 30
# The reports line names every late or missing zone up to REPORTS_NAMED, else the first REPORTS_FIRST
# and how many (at national scale hundreds would push the chart off the screen).
REPORTS_NAMED, REPORTS_FIRST = 6, 3
# A goal's bar: its length is the goal's ratio to target, printed beside it.
BAR_WIDTH = 10


def bar(progress: float | None, width: int, ascii_only: bool) -> str:
    """A text progress bar, capped at full."""
    full, empty = ("#", "-") if ascii_only else ("█", "░")
    if progress is None:
        return " " * width
    filled = max(0, min(width, round(progress * width)))
    return full * filled + empty * (width - filled)


# The cells a goal's name keeps before the bar beside it gives way (8 Chinese characters, 16 letters):
# the bar repeats the percentage, the name is what the line is about.
READABLE_NAME = 16


def render_overview(
    data: Overview, lang: Lang, ascii_only: bool, year: int, no_color: bool = False, width: int | None = None
) -> Group:
    """The tab's head: headline goals and zones per tier and star. A goal's bar is its ratio to target,
    the percentage printed beside it. The attention list and the reports line follow it. Under
    NO_COLOR (``no_color``) emphasis is bold and reverse video, never a colour that greys out."""
    from console.present.headings import goals_heading  # not views: that imports polars

    f = Formatter(lang, ascii_only)
    goals = Table(
        title=Text(goals_heading(data, lang), style="bold"),
        title_justify="left",
        box=None,
        show_header=False,
        pad_edge=False,
        expand=False,
    )
    # On a narrow terminal the name gives way first (cut, the column narrows) down to READABLE_NAME, then
    # the bar goes (the percentage beside it says the same), then each name takes a line of its own; the
    # figures and the status are never cut or wrapped.
    # The name takes all the room the figures leave: cut only when there is no room for it, and two
    # names cut never read the same (fit.distinct_cuts).
    values = [Text(goal.value) for goal in data.goals]
    shares = [Text(f.share(goal.ratio)) for goal in data.goals]
    statuses = [Text(f.status(goal.status), style=status_style(goal.status, no_color)) for goal in data.goals]

    def widest(cells: list[Text], least: int = 0) -> int:
        return max([least, *(c.cell_len for c in cells)])

    figures = widest(shares, 4) + widest(values) + widest(statuses, 6)
    longest = max((cell_len(goal.label) for goal in data.goals), default=6)
    # Two cells between columns; the page's scrollbar (two cells) may take its column once drawn. The
    # bar keeps its place only while the names keep READABLE_NAME cells (or their whole length).
    readable = min(longest, READABLE_NAME)
    with_bar = width is None or width >= readable + BAR_WIDTH + figures + 2 * 4 + 2
    gaps = 2 * (4 if with_bar else 3) + 2
    room = longest if width is None else width - figures - gaps - (BAR_WIDTH if with_bar else 0)
    if room < readable and width is not None:  # not even without the bar: each name on its own line
        goals = _stacked_goals(data, goals, f, width - 2, shares, values, statuses)
        return Group(goals, Text(""), *_counts(data, lang, ascii_only, year, no_color, width))
    name_width = max(6, min(longest, room))
    names = distinct_cuts([goal.label for goal in data.goals], name_width, f.ellipsis)
    goals.add_column(no_wrap=True, min_width=name_width, max_width=name_width)
    if with_bar:
        goals.add_column(no_wrap=True, min_width=BAR_WIDTH)
    goals.add_column(no_wrap=True, justify="right", min_width=4)  # the ratio the bar draws
    goals.add_column(no_wrap=True, justify="right")
    goals.add_column(no_wrap=True, min_width=6)
    for goal, name, share, value, status in zip(data.goals, names, shares, values, statuses, strict=True):
        bar_cell = [Text(bar(goal.ratio, BAR_WIDTH, ascii_only))] if with_bar else []
        goals.add_row(Text(name, no_wrap=True, overflow="crop"), *bar_cell, share, value, status)
    return Group(goals, Text(""), *_counts(data, lang, ascii_only, year, no_color, width))


def _stacked_goals(
    data: Overview,
    goals: Table,
    f: Formatter,
    width: int,
    shares: list[Text],
    values: list[Text],
    statuses: list[Text],
) -> Table:
    """The headline goals when a name would be cut below READABLE_NAME beside its figures: the name on a
    line of its own (cut only past the whole width), the percentage, figures and status under it."""
    stacked = Table(title=goals.title, title_justify="left", box=None, show_header=False, pad_edge=False)
    stacked.add_column(no_wrap=True)
    names = distinct_cuts([goal.label for goal in data.goals], max(6, width), f.ellipsis)
    widths = [max(4, *(c.cell_len for c in cells)) for cells in (shares, values, statuses)]
    for name, share, value, status in zip(names, shares, values, statuses, strict=True):
        figures = Table(box=None, show_header=False, pad_edge=False)
        figures.add_column(no_wrap=True, width=1)
        for i, w in enumerate(widths):
            figures.add_column(no_wrap=True, justify="left" if i == 2 else "right", width=w)
        figures.add_row(Text(""), share, value, status)
        stacked.add_row(Text(name, no_wrap=True, overflow="crop"))
        stacked.add_row(figures)
    return stacked


def _counts(
    data: Overview, lang: Lang, ascii_only: bool, year: int, no_color: bool, width: int | None
) -> tuple[Text, Table]:
    """The zones per tier and star: plan, targets and the latest result, with its title."""
    f = Formatter(lang, ascii_only)
    filtered = bool(data.counties)
    # Before the province has published any result: say so (not "（—年）").
    result = (
        WIDGETS("result_year", lang, year=data.result_year)
        if data.result_year
        else label_text("no_result_yet", lang)
    )
    # Annex 2 is the Zhumadian plan's list of zone targets: a national or provincial set's targets are
    # its own (console.engine.coverage), so they are just "targets" there.
    targets = label_text("counts_targets_annex2" if data.area == "city" else "counts_targets", lang)
    key = "counts_title_filtered" if filtered else "counts_title"
    counts_title = Text(
        label_text(key, lang).format(
            year=year,
            scope=f.list_sep.join(data.counties),
            targets=targets,
            result=result,
            year_mark="",  # the year's 年 is in ``result`` (the catalogue's words)
        ),
        style="bold",
    )
    return counts_title, render_counts(data, f, no_color, width)


def render_counts(data: Overview, f: Formatter, no_color: bool, width: int | None) -> Table:
    """Zones per tier (left) and star (right): plan, targets, result. Its headings and levels are never
    cut while the line has room: the gaps between columns narrow first (two cells, then one; the two
    halves apart by a little more), and only when even that does not fit does Rich cut."""
    filtered = bool(data.counties)
    lang = f.lang
    heads = [label_text(k, lang) for k in ("counts_tier", "counts_plan", "counts_target", "counts_result")]
    star_heads = [label_text("counts_star", lang), *heads[1:]]
    if filtered:  # the plan's counts are city-wide: not beside the counties' own figures
        heads.pop(1)
        star_heads.pop(1)
    per_level = len(heads)

    def half(line: CountLine | None) -> list[Text]:
        if line is None:
            return [Text("")] * per_level
        aim = line.planned if line.planned is not None else line.targeted
        short = line.graded and line.achieved is not None and aim is not None and line.achieved < aim
        cells = [Text(line.level)]
        if not filtered:
            cells.append(Text(f.integer(line.planned)))
        return [
            *cells,
            Text(f.integer(line.targeted)),  # — where the row has no target (无星, 无结果), as the plan's
            Text(f.integer(line.achieved), style=("bold" if no_color else "yellow") if short else ""),
        ]

    tiers, stars = list(data.tiers), list(data.stars)
    rows = [
        half(tiers[i] if i < len(tiers) else None) + half(stars[i] if i < len(stars) else None)
        for i in range(max(len(tiers), len(stars)))
    ]
    labels = [*heads, *star_heads]
    natural = [max([cell_len(label), *(r[i].cell_len for r in rows)]) for i, label in enumerate(labels)]
    # (gap between columns, extra between the halves): the roomiest that fits the width.
    gap, apart = next(
        ((g, a) for g, a in ((2, 2), (1, 2), (1, 1)) if sum(natural) + g * len(labels) + a <= (width or 999)),
        (1, 1),
    )
    counts = Table(box=None, pad_edge=False, padding=(0, gap, 0, 0))
    for i, label in enumerate(labels):
        if i == per_level:  # the halves apart: a column of nothing as wide as the extra room
            counts.add_column("", min_width=apart, max_width=apart)
        left = i in (0, per_level)
        counts.add_column(Text(label), justify="left" if left else "right", no_wrap=True)
    for row in rows:
        counts.add_row(*row[:per_level], Text(""), *row[per_level:])
    return counts


def render_reports(data: Overview, lang: Lang, no_color: bool = False) -> Text:
    """The quarterly reports line: late or missing reports of the quarter judged, or all on time."""

    reports = Text()
    if data.report_period:
        reports.append(WIDGETS("reports_heading", lang, period=data.report_period), style="bold")
        if data.overdue:
            sep = TUI("name_separator", lang)
            named = data.overdue if len(data.overdue) <= REPORTS_NAMED else data.overdue[:REPORTS_FIRST]
            reports.append(
                sep.join(f"{zone} {what}" for zone, what in named), style="bold" if no_color else "yellow"
            )
            if len(named) < len(data.overdue):  # the first few and how many: Enter on the note lists all
                n = len(data.overdue)
                reports.append(WIDGETS("reports_more", lang, n=n, more=n - len(named)))
                reports.append(WIDGETS("reports_all_listed", lang), style="italic")
        elif all(c.status == "on_time" for c in data.report_counts):
            reports.append(WIDGETS("reports_all_on_time", lang))
        else:  # none late or missing, yet not all on time (not collected, not due): say how many are what
            reports.append(report_counts_text(data.report_counts, lang))
    return reports


def attention_title(lang: Lang) -> Text:
    return Text(WIDGETS("attention_title", lang), style="bold")


@dataclass(frozen=True)
class Hanging:
    """An attention line: its subject, then its reason, whose wrapped lines stay under the reason
    (not at column 0, where they would read as a subject of their own)."""

    head: Text
    tail: Text

    def __str__(self) -> str:
        return self.head.plain + self.tail.plain

    def _grid(self) -> Table:
        grid = Table.grid()
        grid.add_column(no_wrap=True)
        grid.add_column()
        grid.add_row(self.head, self.tail)
        return grid

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self._grid()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self._grid())


HEADING = "\x00heading"  # the key of a heading line in the attention list: not selectable

Changes = tuple[str, tuple[tuple[str, str, str | None], ...]]  # heading, (subject, what, zone) rows


def changes_items(changes: Changes, ascii_only: bool) -> list[tuple[Text | Hanging, str | None]]:
    """The section "本期变化（自2026Q2）" above the attention items: a heading, then one line per change
    marked by the changes mode's symbol (Enter opens its zone)."""
    heading, rows = changes
    mark = Formatter(ascii_only=ascii_only).change_mark
    width = max((cell_len(whose) for whose, _, _ in rows), default=0)
    items: list[tuple[Text | Hanging, str | None]] = [(Text(heading, style="bold underline"), HEADING)]
    for whose, what, key in rows:
        if whose:
            head = Text(f"{mark} {whose}" + " " * (width - cell_len(whose)), style="bold")
            items.append((Hanging(head.append("  ", style=""), Text(what)), key))
        else:
            items.append((Text(what, style="italic"), key))
    return items


def attention_items(
    data: Overview, lang: Lang, ascii_only: bool, no_color: bool = False
) -> list[tuple[Text | Hanging, str | None]]:
    """The attention list's lines, each with the zone it opens (None: a note, which opens the Zones tab;
    REPORTS_NOTE: the note on late or missing reports, which lists them; HEADING: nothing to open)."""
    f = Formatter(lang, ascii_only)
    keys = list(data.attention_keys) + [None] * (len(data.attention) - len(data.attention_keys))
    # The first zones, then every note on missing data: the notes are never among the lines left off.
    pairs = list(zip(data.attention, keys, strict=True))
    zones = [pair for pair in pairs if pair[1] not in (None, REPORTS_NOTE)]
    notes = [pair for pair in pairs if pair[1] in (None, REPORTS_NOTE)]
    shown = [*zones[:ATTENTION_SHOWN], *notes]
    width = max((cell_len(zone) for (zone, _), _ in shown), default=0)
    items: list[tuple[Text | Hanging, str | None]] = []
    for (zone, what), key in shown:
        head = Text()  # styles as spans: the theme's red, as in the tables, and the reason unstyled
        # Every item is flagged: under NO_COLOR they are plain, so the selected one alone stands out.
        style = "" if no_color else CLASS_STYLES["bad"]
        head.append(f"! {zone}" + " " * (width - cell_len(zone)), style=style)
        head.append("  ")
        items.append((Hanging(head, Text(what)), key))
    hidden = len(zones) - ATTENTION_SHOWN
    if hidden > 0:
        more = label_text("more_zones_see_tab", lang).format(n=hidden, tab=tab_names(lang)["zones"])
        items.insert(ATTENTION_SHOWN, (Text.assemble((f.text(f"{f.ellipsis} {more}"), "italic")), None))
    if not data.attention:  # a line Enter cannot open: the key bar then offers no Enter
        ok = label_text("attention_none", lang)
        items.append((Text(f"{'+' if ascii_only else '✓'} {ok}"), HEADING))
    return items


class AttentionList(OptionList):
    """The attention list: ↑/↓ move, Enter opens the zone's drill-down (a note opens the Zones tab),
    Esc goes back to scrolling the overview."""

    BINDINGS = widget_bindings("attention_list")  # from the key catalogue
    # The cursor is underlined as well as coloured, so that it shows under NO_COLOR too (an option's
    # style cannot be reversed: Textual's visual styles drop reverse).
    DEFAULT_CSS = """
    AttentionList {
        border: none; padding: 0; background: transparent; height: auto;
        max-height: initial; overflow-y: hidden;
    }
    AttentionList:focus { border: none; background-tint: $foreground 0%; }
    AttentionList > .option-list--option { padding: 0; }
    AttentionList:focus > .option-list--option-highlighted { text-style: bold underline; }
    """

    @dataclass
    class ZoneChosen(Message):
        """Enter on an item: ``zone`` is the zone's key, or None for a note (open the Zones tab)."""

        zone: str | None

    keys: list[str | None] = []

    @property
    def enterable(self) -> bool:
        """True when some line opens something on Enter (a zone, a note); headings do not."""
        return any(key != HEADING for key in self.keys)

    def show(self, items: list[tuple[Text | Hanging, str | None]]) -> None:
        was = self.highlighted if self.has_focus else None
        self.keys = [key for _, key in items]
        self.set_options(Option(text, disabled=key == HEADING) for text, key in items)
        # Not highlighted until the user moves into the list, so the overview reads as a page.
        self.highlighted = None if was is None else min(was, len(items) - 1)

    def scroll_to_highlight(self, top: bool = False) -> None:
        """The list is as tall as its lines (the page scrolls, not the list, so there is one
        scrollbar): scroll the overview to show the highlighted line."""
        page, at = self.parent, self.highlighted
        if at is None or not self.is_mounted or not isinstance(page, Widget):
            return
        self._update_lines()
        y, height = self._index_to_line.get(at), self._heights.get(at, 1)
        if y is not None:
            line = Region(0, self.virtual_region.y + y, self.size.width, height)
            page.scroll_to_region(line, animate=False, top=top, force=True, immediate=True)

    def on_focus(self) -> None:
        if self.highlighted is None and self.option_count:
            self.highlighted = next((i for i, key in enumerate(self.keys) if key != HEADING), None)

    def on_blur(self) -> None:
        self.highlighted = None

    def action_leave(self) -> None:
        if isinstance(self.parent, Widget) and self.parent.focusable:
            self.parent.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.ZoneChosen(self.keys[event.option_index]))


class OverviewPanel(VerticalScroll):
    """The tab: the arrows and PgDn scroll it; Enter moves into the attention list."""

    BINDINGS = bindings("overview")  # from the key catalogue
    DEFAULT_CSS = """
    OverviewPanel { height: 1fr; padding: 0 1; }
    OverviewPanel #overview-attention-title { margin-top: 1; }
    OverviewPanel #overview-reports { margin-top: 1; }
    OverviewPanel #overview-more { dock: bottom; height: 1; text-style: italic; display: none; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="overview-more")  # docked: stays at the bottom while the page scrolls
        yield Static(id="overview-body")
        yield Static(id="overview-attention-title")
        yield AttentionList(id="overview-attention")
        yield Static(id="overview-reports")
        yield Chart(id="overview-chart")

    _drawn_for: tuple[Overview, Lang, bool, int, int] | None = None

    def on_mount(self) -> None:
        self._tops = {}  # each panel its own

    def on_resize(self) -> None:
        """The headline table fits the new width (the bar gives way on a narrow terminal)."""
        drawn = self._drawn_for
        width = self.page_width()
        if drawn is not None and width > 0 and width != drawn[4]:
            data, lang, ascii_only, year, _ = drawn
            no_color = getattr(self.app, "no_color", False)
            body = render_overview(data, lang, ascii_only, year, no_color, width)
            self.query_one("#overview-body", Static).update(body)
            self._drawn_for = (data, lang, ascii_only, year, width)
        self.call_after_refresh(self.say_what_is_below)

    _lang: Lang = "zh"
    _ascii = False
    # The flagged zones past ATTENTION_SHOWN, named by the note at _beyond_at.
    _beyond: frozenset[str] = frozenset()
    _beyond_at: int | None = None

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self.call_after_refresh(self.say_what_is_below)

    def say_what_is_below(self) -> None:
        """The line at the bottom whenever the page runs past the screen: how many lines are below, and
        which of them are zones (each once) and notes of the attention list, so a cut page never looks
        complete — whether what is cut is the list, the tier/star table's last rows or the chart."""
        more = self.query_one("#overview-more", Static)
        attention = self.query_one(AttentionList)
        bottom = self.scroll_offset.y + self.scrollable_content_region.height  # the docked line's row too
        rows = self.lines_below()
        if rows:  # the line takes the last row: count without it
            bottom -= 1
        else:
            more.display = False  # a reactive: unchanged, it refreshes nothing
            return
        zones, notes = self.below(attention, bottom) or (0, 0)
        key = (
            "more_lines_below"
            if not zones and not notes
            else "more_notes_below"
            if not zones
            else "more_zones_below"
            if not notes
            else "more_zones_notes_below"
        )
        words = label_text(key, self._lang).format(n=zones or notes, m=notes, rows=rows)
        line = Text(ascii_text(words) if self._ascii else words)
        if more.display and str(more.content) == line.plain:
            return  # unchanged: nothing to redraw
        # The line is one row high whatever it says: no layout (a layout makes the page's next scroll
        # repaint the whole screen, bytes a slow link pays at every arrow key).
        more.update(line, layout=not more.display)
        more.display = True

    def below(self, attention: AttentionList, bottom: int) -> tuple[int, int] | None:
        """(zones, notes) of the attention list wholly or partly below ``bottom`` (in the page's lines),
        None when none is. Zones are counted once each (changes mode lists a zone under each change and
        again among the flagged ones; a cluster's change is its zone's); the zones past ATTENTION_SHOWN
        count when the line naming them is below."""
        if not attention.is_mounted or not attention.option_count or not self.size.height:
            return None
        attention._update_lines()
        top = self.top_of(attention)
        zones: set[str] = set()
        notes = 0
        for index, key in enumerate(attention.keys):
            y = attention._index_to_line.get(index)
            if key == HEADING or y is None or top + y + attention._heights.get(index, 1) <= bottom:
                continue
            if index == self._beyond_at:  # "… 另有 N 个开发区": N zones
                zones.update(self._beyond)
            elif key in (None, REPORTS_NOTE):
                notes += 1
            else:
                zones.add(key)
        return (len(zones), notes) if zones or notes else None

    _tops: dict[str | None, tuple[tuple[object, ...], int]] = {}

    def top_of(self, child: Widget) -> int:
        """The page's line ``child`` starts on; found once per layout of what is above it. Not at each
        scroll: a widget's place off the screen makes Textual map the whole page again, and the next
        scroll then repaints the whole screen (bytes a slow link pays at every arrow key)."""
        above = tuple((c.id, c.display, c.outer_size) for c in self.children[: self.children.index(child)])
        known = self._tops.get(child.id)
        if known is None or known[0] != above:
            known = self._tops[child.id] = (above, child.virtual_region.y)
        return known[1]

    def lines_below(self) -> int:
        """The page's lines below the rows the user sees once the "more" line takes the last one (none
        when everything below the scroll fits the screen)."""
        more = self.query_one("#overview-more", Static)
        content = max(
            (self.top_of(c) + c.outer_size.height for c in self.children if c is not more and c.display),
            default=0,
        )
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        return 0 if content <= top + height else content - (top + height - 1)

    def seen_height(self) -> int:
        """The rows of the page the user sees: the docked "more" line, when shown, covers the last."""
        more = self.query_one("#overview-more", Static)
        return max(1, self.scrollable_content_region.height - (1 if more.display else 0))

    def scroll_page_down(self, **kwargs: Any) -> None:
        """A page on: the first line not seen (the one under the "more" line included) comes to the top."""
        kwargs.setdefault("animate", False)
        self.scroll_to(y=self.scroll_y + self.seen_height(), **kwargs)

    def scroll_page_up(self, **kwargs: Any) -> None:
        """A page back: the line that was at the top comes to the last row, where the "more" line may
        then cover it (what is above it the user has not seen, what it covers they have)."""
        kwargs.setdefault("animate", False)
        self.scroll_to(y=self.scroll_y - max(1, self.scrollable_content_region.height - 1), **kwargs)

    def page_width(self) -> int:
        """The width the headline table is fitted to: the panel's, scrollbar included (render_overview
        keeps the scrollbar's two cells free), less its padding."""
        return (self.region.width or self.app.size.width) - 2

    def action_attention(self) -> None:
        attention = self.query_one(AttentionList)
        if attention.enterable:
            attention.focus()

    def show(
        self, data: Overview, lang: Lang, ascii_only: bool, year: int, changes: Changes | None = None
    ) -> None:
        from console.present.series import city_series

        no_color = getattr(self.app, "no_color", False)
        width = self.page_width()
        self._drawn_for = (data, lang, ascii_only, year, width)
        body = render_overview(data, lang, ascii_only, year, no_color, width)
        self.query_one("#overview-body", Static).update(body)
        self.query_one("#overview-attention-title", Static).update(attention_title(lang))
        items = own = attention_items(data, lang, ascii_only, no_color)
        zones = [k for k in data.attention_keys if k not in (None, REPORTS_NOTE)]
        self._beyond = frozenset(zones[ATTENTION_SHOWN:])
        if changes is not None:  # changes mode: what changed, then the zones that need attention
            below = Text(WIDGETS("attention_below", lang), style="bold underline")
            items = [*changes_items(changes, ascii_only), (below, HEADING), *items]
        offset = len(items) - len(own)
        self._beyond_at = offset + ATTENTION_SHOWN if self._beyond else None
        self._lang, self._ascii = lang, ascii_only
        self.query_one(AttentionList).show(items)
        self.call_after_refresh(self.say_what_is_below)
        self.query_one("#overview-reports", Static).update(render_reports(data, lang, no_color))
        chart = self.query_one("#overview-chart", Chart)
        chart.ascii_only = ascii_only
        chart.empty = WIDGETS("chart_empty", lang)
        area = area_word(data.area, lang)
        title = WIDGETS("tiers_chart", lang, area=area, area_title=area.capitalize())
        # Drawn after the first paint: the chart sits below the fold and plotext takes 0.15 s to import.
        self.call_after_refresh(chart.plot, city_series(data.by_year, lang) if data.by_year else (), title)
