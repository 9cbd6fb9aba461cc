"""Two emulated terminals fed the console's frames under Pilot: one the frames as the console writes
them (only what changed, console.tui.frame_diff), one the frames as Textual made them (whole). What a
user sees on the first must be what the second shows; the bytes of the first are what a link carries."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyte
import pytest
from textual.app import App

from console.tui.frame_diff import ChangesOnly


@dataclass
class Terminals:
    """The two screens and the bytes of each frame written to the first."""

    columns: int
    lines: int
    frames: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.written, self.whole = (
            pyte.Screen(self.columns, self.lines),
            pyte.Screen(self.columns, self.lines),
        )
        self._written, self._whole = pyte.Stream(self.written), pyte.Stream(self.whole)

    def feed(self, app: App[object], renderable: object) -> None:
        update = getattr(renderable, "update", None)
        if update is None:  # not a frame of the screen
            return
        if (app.size.width, app.size.height) != (self.columns, self.lines):  # the terminal resized
            self.columns, self.lines = app.size.width, app.size.height
            for screen in (self.written, self.whole):
                screen.resize(self.lines, self.columns)
        changes = renderable.render_segments(app.console)  # type: ignore[attr-defined]
        self.frames.append(len(changes.encode()))
        self._written.feed(changes)
        self._whole.feed(update.render_segments(app.console))

    def bytes_since(self, frame: int) -> int:
        return sum(self.frames[frame:])

    def differences(self) -> list[str]:
        """The lines where the two screens differ (in a character or its colours and attributes)."""
        return [
            f"line {y}: {self.written.display[y]!r} != {self.whole.display[y]!r}"
            for y in range(self.lines)
            if self.written.buffer[y] != self.whole.buffer[y]
        ]


def attach(monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]) -> Terminals:
    """Feed every frame of the console app started next (headless: Textual writes none itself)."""
    terminals = Terminals(*size)

    def recorded(self: ChangesOnly, screen, renderable) -> None:  # type: ignore[no-untyped-def]
        if renderable is not None and not self._batch_count:
            terminals.feed(self, self.frame_changes(renderable))

    monkeypatch.setattr(ChangesOnly, "_display", recorded)
    return terminals
