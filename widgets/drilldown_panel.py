"""Rich blocks for the drill-down screens from console.present.drilldown data: tables, charts, labels."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from console.present.drilldown_views import (
    cluster_years_view,
    indicator_facts_view,
    indicator_history_view,
    indicator_texts,
    indicator_zones_view,
    task_history_view,
    zone_clusters_view,
    zone_reports_view,
    zone_years_view,
)
from console.present.fit import heading_lines, line_spans, narrowest
from console.present.formatter import Formatter
from console.present.labels import (
    CLASS_STYLES,
    NO_COLOR_CLASS_STYLES,
    YI_EN,
    area_word,
    plan_ref,
    pool_rank_heading,
    status_style,
    text,
    units_text,
)
from console.words import Lang, in_lang_of, pick
from console.words.widgets import WIDGETS

if TYPE_CHECKING:
    import polars as pl

    from console.present.drilldown import IndicatorDetail, ZoneDetail
    from console.present.series import Series
    from console.present.viewmodel import View


@dataclass(frozen=True)
class DetailContent:
    title: Text
    before: list[Any]
    charts: tuple[tuple[tuple[Series, ...], str], ...] = ()  # (series, title) pairs
    after: tuple[Any, ...] = ()


def _longest_word(text: Text | str) -> int:
    plain = text.plain if isinstance(text, Text) else text
    return max((cell_len(word) for word in plain.split()), default=0)


class WrappedText:
    """Text broken into lines by the console's one line breaker (``fit.line_spans``: Chinese 禁则,
    numbers and English words whole) at the width Rich gives it, its styles kept. Every drill-down
    text and wrapping table cell is drawn through it, never by Rich's own folding."""

    def __init__(self, text: Text | str, cjk: bool = True) -> None:
        self.text = text if isinstance(text, Text) else Text(text)
        self.cjk = cjk  # False: break only at spaces (a short cell's words stay whole)

    @property
    def plain(self) -> str:
        return self.text.plain

    @property
    def cell_len(self) -> int:
        return max((cell_len(line) for line in self.text.plain.split("\n")), default=0)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        least = narrowest(self.text.plain) if self.cjk else _longest_word(self.text)
        return Measurement(min(least, options.max_width), self.cell_len)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for start, end in line_spans(self.text.plain, max(1, options.max_width), self.cjk):
            line = self.text[start:end]
            line.end, line.no_wrap, line.overflow = "\n", True, "crop"
            yield line


class HeadingText:
    """A column heading at the width Rich gives it: broken between words (fit.heading_lines), a word
    wider than the column cut with an ellipsis, never folded inside a word."""

    def __init__(self, text: str, ellipsis: str = "…") -> None:
        self.text, self.ellipsis = text, ellipsis

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((cell_len(line) for line in self.text.split("\n")), default=0)
        return Measurement(min(max(1, cell_len(self.ellipsis) + 1), options.max_width), widest)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in heading_lines(self.text, options.max_width, self.ellipsis):
            yield Text(line, no_wrap=True, overflow="crop")


WHOLE = 14  # a cell up to this many cells wide is kept on one line when the table can afford it


def _least(cell: Text) -> int:
    """The least width a cell wraps in: a short one's words whole, a long one broken by the rules."""
    return _longest_word(cell) if cell.cell_len <= WHOLE else narrowest(cell.plain)


def _narrowed(natural: list[int], least: list[int], room: int) -> list[int] | None:
    """Column widths within ``room``: the natural ones, or the widest narrowed a cell at a time but
    none below its ``least``; None when even those do not fit."""
    if sum(natural) <= room:
        return natural
    if sum(least) > room:
        return None
    widths = list(natural)
    for _ in range(sum(widths) - room):
        i = max(range(len(widths)), key=lambda k: (widths[k] > least[k], widths[k]))
        widths[i] -= 1
    return widths


class WordsKept:
    """A drill-down table that keeps every word whole: at its natural width when it fits, else with
    the widest columns narrowed so that cells wrap between words (never inside one) and, if need
    be, with one cell between columns instead of two and headings folded. Rich renders it at the
    width it is given, so it follows the terminal."""

    def __init__(
        self, title: str, labels: tuple[str, ...], rows: list[list[Text]], ellipsis: str = "…"
    ) -> None:
        self.title, self.labels, self.rows, self.ellipsis = title, labels, rows, ellipsis

    def widths(self, room: int) -> tuple[list[int], bool] | None:
        """Column widths for ``room`` cells and whether the columns are spaced by two cells."""
        n = len(self.labels)
        columns = list(zip(*self.rows, strict=True)) if self.rows else [() for _ in self.labels]
        natural = [
            max([cell_len(label), *(c.cell_len for c in cells)])
            for label, cells in zip(self.labels, columns, strict=True)
        ]
        words = [max((_longest_word(c) for c in cells), default=0) for cells in columns]
        pieces = [max((_least(c) for c in cells), default=0) for cells in columns]
        heads = [_longest_word(label) for label in self.labels]
        whole = [max((c.cell_len for c in cells if c.cell_len <= WHOLE), default=0) for cells in columns]
        # Keep short cells whole and headings' words whole if that fits, long Chinese cells broken
        # where the line-breaking rules allow; else words whole; else only the unbreakable pieces.
        for least in (
            [max(a, b, c) for a, b, c in zip(words, heads, whole, strict=True)],
            [max(a, b, c) for a, b, c in zip(pieces, heads, whole, strict=True)],
            [max(a, b) for a, b in zip(words, heads, strict=True)],
            words,
            pieces,
        ):
            for spaced, used in ((True, 2 * n), (False, n - 1)):
                widths = _narrowed(natural, [max(1, w) for w in least], room - used)
                if widths is not None:
                    return widths, spaced
        return None

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        found = self.widths(options.max_width)
        widths, spaced = found if found is not None else ([None] * len(self.labels), False)
        # The heading spans the width given, not the table's (a narrow table folded a heading such as
        # 历史值（截至2026Q3，家） inside its quarter), broken by the one line breaker.
        yield WrappedText(Text(self.title, style="bold"))
        table = Table(
            box=None,
            padding=(0, 1) if spaced else (0, 1, 0, 0),
            pad_edge=spaced,
        )
        for label, width in zip(self.labels, widths, strict=True):
            table.add_column(HeadingText(label, self.ellipsis), width=width)
        for cells in self.rows:
            table.add_row(*(WrappedText(c, cjk=c.cell_len > WHOLE) for c in cells))
        yield table


def _series_label(label: str, lang: Lang) -> str:
    """A series' name in ``lang`` (the catalogue's ``series_<label>``; as the data names it without)."""
    key = f"series_{label}"
    return WIDGETS(key, lang) if key in WIDGETS else label


def _labelled(series: tuple[Series, ...], lang: Lang) -> tuple[Series, ...]:
    tier_of = Formatter(lang).tier  # a rank series is one tier's: named in the legend
    return tuple(
        replace(
            s,
            label=_series_label(s.label, lang)
            if s.tier is None
            else WIDGETS("series_tier", lang, label=_series_label(s.label, lang), tier=tier_of(s.tier)),
        )
        for s in series
    )


class Blocks:
    """Builds the blocks in one language and symbol set."""

    def __init__(self, lang: Lang, ascii_only: bool, sample_note: str | None, no_color: bool = False) -> None:
        self.lang = lang
        self.ascii_only = ascii_only
        self.f = Formatter(lang, ascii_only)  # the one formatter of every surface
        self.note = Text(sample_note, style="italic") if sample_note else Text("")
        self.no_color = no_color  # statuses by weight and reverse video, not colours that grey out
        self.classes = NO_COLOR_CLASS_STYLES if no_color else CLASS_STYLES
        self.cut: Literal["fold", "ellipsis"] = (
            "fold" if ascii_only else "ellipsis"
        )  # Rich's "…" is not ASCII

    def status(self, status: str | None) -> Text:
        return Text(self.f.status(status), style=status_style(status, self.no_color))

    def view(self, view: View) -> WordsKept:
        """A drill-down table from its typed View (console.present.drilldown_views): text as made by the
        one formatter, statuses coloured by their class. On a narrow terminal cells wrap between
        words, never inside one (``WordsKept``), and headings fold."""
        rows = [
            [Text(c.text, style=self.classes.get(c.cls or "", "")) for c in row.cells] for row in view.rows
        ]
        return WordsKept(view.title, tuple(c.label for c in view.columns), rows, self.f.ellipsis)

    def pick(self, chinese: str | None, english: str | None) -> str:
        """A name from the data in the console's language (the Chinese one where no English is given)."""
        return in_lang_of(chinese or "", english, self.lang)

    def rules(self, flags: list[str], result: dict[str, Any] | None = None) -> Table | Text:
        """The plan's rules (section 四(三)) that applied to the zone in its result year (``result``,
        ``rules.evidence``, named in the heading): mark and rule, the years and ranks that earn it, then
        the plan's condition and consequence in full (wrapped, never cut)."""
        from console.present.rule_marks import flag_lines

        heading = text("rules_heading", self.lang)
        if result is not None:
            heading = text("rules_heading_year", self.lang).format(year=result["result_year"])
        if not flags:
            return Text.assemble((heading, "bold"), "\n", (text("rules_none", self.lang), "italic"))
        table = Table(title=Text(heading, style="bold"), title_justify="left", box=None, show_header=False)
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for rule, words in flag_lines(flags, self.lang, result):
            table.add_row(Text(rule), WrappedText(words))
        return table

    def zone(self, d: ZoneDetail, year: int, flags: list[str] | None = None) -> DetailContent:
        lang = self.lang
        title = Text(
            f"{self.pick(d.zone['zone'], d.zone['name_en'])} {self.f.dot} "
            f"{self.pick(d.zone['county'], d.zone['county_en'])}"
        )
        years = self.view(zone_years_view(d, self.lang, self.ascii_only))
        clusters = self.view(zone_clusters_view(d, self.lang, self.ascii_only))
        reports = self.view(zone_reports_view(d, self.lang, self.ascii_only))
        chart_title = WIDGETS("zone_revenue_chart", lang, year=year, unit=YI_EN)
        charts = [(_labelled(d.revenue, lang), chart_title)]
        if d.score and d.score[0].y:
            pool_word = area_word(d.ranked_in, self.lang)  # the assessment's pool: 全省 or 全国
            charts.append(
                (
                    _labelled(d.score, lang),
                    WIDGETS("zone_score_chart", lang, pool=pool_word, pool_title=pool_word.capitalize()),
                )
            )
            pool = pool_rank_heading(d.ranked_in, self.lang)
            rank_title = WIDGETS("zone_rank_chart", lang, pool=pool)
            charts.append((_labelled(d.rank, lang), rank_title))
        from console.present.drilldown import rank_note  # polars is loaded by now (d came from it)

        moved = rank_note(d, year, self.lang)  # why a 位次后移 notice applies or not (plan 四(三))
        after = (reports, WrappedText(moved), self.note) if moved else (reports, self.note)
        from console.present.drilldown import zone_result

        result = zone_result(d, year)  # the result year and ranks the rule marks are decided on
        before: list[Any] = [years] if flags is None else [years, self.rules(flags, result)]
        return DetailContent(title, [*before, clusters], tuple(charts), after)

    def reports(self, view: View) -> DetailContent:
        """Every late or missing quarterly report of the quarter judged, one zone a line."""
        title = Text(view.title)
        if not view.rows:
            body: Any = Text(WIDGETS("all_on_time", self.lang), style="italic")
        else:
            body = self.view(replace(view, title=WIDGETS("n_zones", self.lang, n=len(view.rows))))
        return DetailContent(title, [body], after=(self.note,))

    def cluster(
        self,
        zone_name: str,
        industry: str,
        rows: list[dict[str, Any]],
        series: tuple[Series, ...],
        year: int | None = None,
    ) -> DetailContent:
        """A cluster's years (the year shown, ``year``, marked and summed up first) and its revenue
        against pace in that year (every year without one)."""
        lang, f = self.lang, self.f
        table = self.view(cluster_years_view(rows, self.lang, self.ascii_only, year))
        before: list[Any] = [table]
        chosen = next((r for r in rows if r["year"] == year), None)
        if chosen is not None:
            target = f.number(chosen["target"], 0)
            ytd = f.number(chosen["actual_ytd"])
            period = chosen["period"] or ""  # no quarter's figure: no bracket around nothing
            units = "; ".join(filter(None, (YI_EN, period)))
            summary = WIDGETS(
                "cluster_summary",
                lang,
                year=year,
                target=target,
                ytd=ytd,
                period=f.bracket(period),
                units=units,
            )
            status = self.status(chosen["status"])
            before.insert(0, WrappedText(Text.assemble(Text(summary), status)))
        chart_title = WIDGETS(
            "cluster_chart" if year else "cluster_chart_any_year", lang, year=year, unit=YI_EN
        )
        charts = ((_labelled(series, lang), chart_title[0].upper() + chart_title[1:]),)
        return DetailContent(Text(f"{zone_name} {self.f.dot} {industry}"), before, charts, (self.note,))

    def task(
        self,
        task: dict[str, Any],
        indicators: pl.DataFrame,
        values: pl.DataFrame,
        area: str = "city",
        year: int | None = None,
    ) -> DetailContent:
        """A task's units, its status in the year shown (``year``, named beside it), its measure and its
        indicators over time."""
        lang = self.lang
        title = Text(f"{task['task']}. {self.pick(task['title'], task['title_en'])}")
        units = Table(box=None, show_header=False)
        units.add_column(style="bold", no_wrap=True)
        units.add_column(overflow=self.cut)
        lead = units_text(task["lead_units"], self.lang) or self.f.none
        units.add_row(Text(WIDGETS("lead_units", lang)), Text(lead))
        participating = units_text(task["participating_units"], self.lang) or self.f.none
        units.add_row(Text(WIDGETS("participating_units", lang)), Text(participating))
        status = text("status_in_year", lang).format(year=year) if year else WIDGETS("status", lang)
        units.add_row(Text(status), self.status(task["status"]))
        # The measure in full, broken by the Chinese line-breaking rules, never cut.
        measure = pick((task["measure"], text("plan_words_zh_only", lang)), lang)
        units.add_row(
            Text(WIDGETS("measure", lang)),
            WrappedText(f"{plan_ref(task['measure_ref'], self.lang)} {measure or ''}"),
        )
        history = self.view(task_history_view(indicators, values, self.lang, self.ascii_only, area, year))
        return DetailContent(title, [units, history], after=(self.note,))

    def facts(self, view: View) -> Table:
        """An (item, value) View as a two-column list without a header; values wrap, never cut."""
        table = Table(box=None, show_header=False)
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for row in view.rows:
            label, value = row.cells
            style = CLASS_STYLES.get(value.cls or "", "")
            table.add_row(Text(label.text), WrappedText(Text(value.text, style=style)))
        return table

    def paragraph(self, label: str, body: str) -> WrappedText:
        """A labelled paragraph shown in full at any width, broken by the Chinese line-breaking rules."""
        text = Text(label, style="bold")
        text.append("\n")
        text.append(body)
        return WrappedText(text)

    def indicator(self, d: IndicatorDetail) -> DetailContent:
        """An indicator's own drill-down: target and status, the plan's words and the task's measure in
        full, its values over time (city-wide) or per zone, and a chart of the values against target."""
        ind = d.indicator
        title = Text(f"{ind['indicator']} {self.pick(ind['name'], ind['name_en'])}")
        before: list[Any] = [self.facts(indicator_facts_view(d, self.lang, self.ascii_only))]
        texts = indicator_texts(d, self.lang)
        before.append(self.paragraph(*texts[0]))
        if d.zones:
            before.append(self.view(indicator_zones_view(d, self.lang, self.ascii_only)))
        if d.history:
            before.append(self.view(indicator_history_view(d, self.lang, self.ascii_only)))
        if not d.zones and not d.history:
            before.append(Text(WIDGETS("no_values_yet", self.lang), style="italic"))
        charts: tuple[tuple[tuple[Series, ...], str], ...] = ()
        if d.series:
            unit = self.pick(ind["unit"], ind["unit_en"])
            chart_title = WIDGETS("indicator_chart", self.lang, unit=unit)
            charts = ((_labelled(d.series, self.lang), chart_title),)
        after = tuple(self.paragraph(label, body) for label, body in texts[1:])
        return DetailContent(title, before, charts, (*after, self.note))
