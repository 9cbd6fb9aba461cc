"""A plotext chart inside a Static, sized from the widget and drawn again on resize."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.widgets import Static

from console.core.text import clean
from console.present.fit import flow
from console.present.formatter import ascii_text

if TYPE_CHECKING:
    from console.present.series import Series

MARKERS = ("*", "o", "+", "x", "#", "@")
_ASCII_LINES = str.maketrans("┌┐└┘─│┬┴┤├┼", "++++-|++|++")


def legend_lines(series: tuple[Series, ...], width: int) -> list[str]:
    """The legend, drawn by us under the plot (plotext's own sits on the data): marker and label of
    every series with a value, packed into lines of at most ``width``."""
    entries = [
        f"{MARKERS[i % len(MARKERS)]} {clean(s.label)}"
        for i, s in enumerate(series)
        if any(v is not None and math.isfinite(v) for v in s.y)
    ]
    return flow(entries, width) if entries else []  # by cells: a Chinese label is two a character


def render_chart(
    series: tuple[Series, ...],
    width: int,
    height: int,
    title: str = "",
    ascii_only: bool = False,
    empty: str = "no data",
) -> Text:
    """The chart as Text; a plain message where there is nothing (or too little room) to draw."""
    from console.present.series import value_axis, value_runs

    runs = [value_runs(s.y) for s in series]
    legend = legend_lines(series, width)
    plot_height = height - len(legend)
    rows = plot_height - 3 - (1 if title else 0)  # less the frame, the x labels and the title
    axis = value_axis(series, most=(rows + 1) // 2)
    if width < 20 or rows < 3 or axis is None:
        return Text(empty)
    import plotext as plt

    figure = plt.figure
    figure.clear()
    figure.plot_size(width, plot_height)
    figure.theme("colorless")  # markers, not colours, tell the series apart (NO_COLOR, 16 colours)
    # The first series (the figure itself) is drawn last, on top: where it meets or crosses a line it
    # is measured against (a target, a pace) it stays in sight rather than hidden under it.
    for index, pieces in reversed(list(enumerate(runs))):
        # A gap is a gap: each run of quarters with a value is its own line, never joined across a
        # quarter without one (not reported); a run of one point still shows, as a marker.
        for run in pieces:
            xs, ys = zip(*run, strict=True)
            signal = figure.signal(list(xs), list(ys), marker=MARKERS[index % len(MARKERS)])
            figure.draw(signal if len(xs) == 1 else signal.lines())
    # Labels and title come from data, and the chart is read back with from_ansi: clean them first.
    labels = [clean(x) for x in series[0].x]
    step = max(1, len(labels) // max(1, (width - 8) // 7))
    ticks = list(range(1, len(labels) + 1, step))
    figure.ruler("x").ticks(ticks, [labels[t - 1] for t in ticks])
    y = figure.ruler("y").lim(axis.low, axis.high)
    if axis.inverted:
        y.direction(-1)
    y.ticks(list(axis.ticks), list(axis.labels))
    if title:
        figure.title(clean(title))
    text = figure.build().string().rstrip("\n")
    figure.clear()
    if ascii_only:  # the frame, and the labels' own dots and arrows (二档及以上·计划)
        text = ascii_text(text.translate(_ASCII_LINES))
        legend = [ascii_text(line) for line in legend]
    return Text.from_ansi("\n".join([text, *legend]))


class Chart(Static):
    """Shows a set of series; call ``plot`` to change them."""

    DEFAULT_CSS = """
    Chart { height: 14; }
    """

    def __init__(
        self,
        series: tuple[Series, ...] = (),
        title: str = "",
        ascii_only: bool = False,
        empty: str = "no data",
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.series = series
        self.title = title
        self.ascii_only = ascii_only
        self.empty = empty

    def plot(self, series: tuple[Series, ...], title: str = "") -> None:
        self.series = series
        self.title = title
        self.refresh()

    def render(self) -> Text:
        return render_chart(
            self.series, self.size.width, self.size.height, self.title, self.ascii_only, self.empty
        )
