"""A plotext chart inside a Static, sized from the widget and drawn again on resize."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.widgets import Static

from console.core.text import clean

if TYPE_CHECKING:
    from console.present.series import Series

MARKERS = ("*", "o", "+", "x", "#", "@")
_ASCII_LINES = str.maketrans("┌┐└┘─│┬┴┤├┼", "++++-|++|++")


def render_chart(
    series: tuple[Series, ...],
    width: int,
    height: int,
    title: str = "",
    ascii_only: bool = False,
    empty: str = "no data",
) -> Text:
    """The chart as Text; a plain message where there is nothing (or too little room) to draw."""
    points = [(s, [(i + 1, v) for i, v in enumerate(s.y) if v is not None]) for s in series]
    if width < 20 or height < 6 or not any(p for _, p in points):
        return Text(empty)
    import plotext as plt

    figure = plt.figure
    figure.clear()
    figure.plot_size(width, height)
    figure.theme("colorless")  # markers, not colours, tell the series apart (NO_COLOR, 16 colours)
    for index, (s, pts) in enumerate(points):
        if not pts:
            continue
        xs, ys = zip(*pts, strict=True)
        if len(xs) == 1:  # one point still shows, as a marker
            figure.draw(
                figure.signal(list(xs), list(ys), marker=MARKERS[index % len(MARKERS)]).label(clean(s.label))
            )
        else:
            figure.draw(
                figure.signal(list(xs), list(ys), marker=MARKERS[index % len(MARKERS)])
                .lines()
                .label(clean(s.label))
            )
    # Labels and title come from data, and the chart is read back with from_ansi: clean them first.
    labels = [clean(x) for x in series[0].x]
    step = max(1, len(labels) // max(1, (width - 8) // 7))
    ticks = list(range(1, len(labels) + 1, step))
    figure.ruler("x").ticks(ticks, [labels[t - 1] for t in ticks])
    if title:
        figure.title(clean(title))
    text = figure.build().string()
    figure.clear()
    if ascii_only:
        text = text.translate(_ASCII_LINES)
    return Text.from_ansi(text)


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
