"""--ascii for the parts of the screen that Textual draws itself: scrollbars, and the one test of the mode.

The console runs in ASCII mode when the App carries the ``ascii`` class (set from ``--ascii`` or the
config); app.tcss gives dialogs, toasts and the palette ASCII borders in that mode. Scrollbars are
not styled by CSS, so every scrollbar (tables, dialogs, drill-downs, the palette) is drawn by
``ModeScrollBarRender``, which asks the running app which mode it is in.
"""

from __future__ import annotations

from rich.color import Color
from rich.segment import Segment, Segments
from textual import active_app
from textual.dom import DOMNode
from textual.scrollbar import ScrollBar, ScrollBarRender

_TRACK = Color.parse("#555555")
_THUMB = Color.parse("bright_magenta")


def ascii_mode(node: DOMNode) -> bool:
    """Whether ``node``'s app draws in ASCII only (``--ascii``)."""
    try:
        return node.app.has_class("ascii")
    except Exception:  # not mounted in an app (a widget rendered on its own in a test)
        return False


class AsciiScrollBarRender(ScrollBarRender):
    """A scrollbar drawn in ASCII: ``#`` for the thumb, ``|`` or ``-`` for the track (``--ascii``)."""

    @classmethod
    def render_bar(
        cls,
        size: int = 25,
        virtual_size: float = 50,
        window_size: float = 20,
        position: float = 0,
        thickness: int = 1,
        vertical: bool = True,
        back_color: Color = _TRACK,
        bar_color: Color = _THUMB,
    ) -> Segments:
        drawn = super().render_bar(
            size, virtual_size, window_size, position, thickness, vertical, back_color, bar_color
        )
        track = "|" if vertical else "-"
        segments = []
        for segment in drawn.segments:
            text, style = segment.text, segment.style
            if text == "\n":
                segments.append(segment)
                continue
            thumb = style is not None and (style.meta or {}).get("@mouse.down") == "grab"
            segments.append(Segment(("#" if thumb else track) * len(text), style))
        return Segments(segments, new_lines=drawn.new_lines)


class ModeScrollBarRender(ScrollBarRender):
    """Textual's scrollbar, or the ASCII one when the running app is in ASCII mode."""

    @classmethod
    def render_bar(
        cls,
        size: int = 25,
        virtual_size: float = 50,
        window_size: float = 20,
        position: float = 0,
        thickness: int = 1,
        vertical: bool = True,
        back_color: Color = _TRACK,
        bar_color: Color = _THUMB,
    ) -> Segments:
        try:
            ascii_only = active_app.get().has_class("ascii")
        except LookupError:
            ascii_only = False
        render = AsciiScrollBarRender.render_bar if ascii_only else super().render_bar
        return render(size, virtual_size, window_size, position, thickness, vertical, back_color, bar_color)


# Textual's documented way to change how every scrollbar is drawn; it changes nothing outside ASCII mode.
ScrollBar.renderer = ModeScrollBarRender
