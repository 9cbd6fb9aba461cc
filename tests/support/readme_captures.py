"""The README's screen captures, made from the console's real screens (80x24, Chinese, embedded data).

``python -m tests.support.readme_captures`` rewrites the captures in README.md; tests/project/test_readme_captures.py
fails when a capture no longer matches the screen it shows (words, figures, layout), so the README
never shows a screen the console does not draw.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"
SIZE = (80, 24)
# The screens the README shows under "## Screens", in order: the keys that reach each from the start.
SCREENS: tuple[tuple[str, ...], ...] = ((), ("2",), ("2", "down", "enter"))


async def _capture(keys: tuple[str, ...]) -> list[str]:
    from console.core.config import load_settings
    from console.tui.app import DevZonesApp
    from tests.support.screen import screen_lines
    from tests.support.waiting import until
    from widgets.drilldown_screen import DetailScreen

    app = DevZonesApp(load_settings(lang="zh", remembered=False))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.ready)
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        if "enter" in keys:
            await until(
                pilot,
                lambda: (
                    isinstance(app.screen, DetailScreen) and getattr(app.screen, "content", None) is not None
                ),
            )
            await until(pilot, lambda: "┤" in "\n".join(screen_lines(app)))  # the chart drawn
        for _ in range(3):
            await pilot.pause()
        return [line.rstrip() for line in screen_lines(app)]


def captures() -> list[list[str]]:
    """The current screens, one list of lines each (trailing spaces removed)."""
    return [asyncio.run(_capture(keys)) for keys in SCREENS]


def readme_blocks(text: str) -> list[tuple[int, int]]:
    """(first line, end line) of each capture block in the README's "Screens" section."""
    lines = text.splitlines()
    start = lines.index("## Screens")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("## "))
    fences = [i for i in range(start, end) if lines[i].strip() == "```"]
    return [(fences[i] + 1, fences[i + 1]) for i in range(0, len(fences) - 1, 2)][: len(SCREENS)]


def written(text: str, screens: list[list[str]]) -> str:
    """``text`` with its capture blocks replaced by ``screens``."""
    lines = text.splitlines()
    for (first, end), screen in reversed(list(zip(readme_blocks(text), screens, strict=True))):
        lines[first:end] = screen
    return "\n".join(lines) + "\n"


def blank_bars(line: str) -> str:
    """A line with the scrollbar's glyphs (which move with timing, not content) left out."""
    return re.sub(r"[▁▂▃▄▅▆▇█]{2}$", "", line).rstrip()


if __name__ == "__main__":
    README.write_text(written(README.read_text("utf-8"), captures()), "utf-8")
