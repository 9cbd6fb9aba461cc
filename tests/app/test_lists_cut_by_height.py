"""A list cut by the screen's height says how much of it is below (issue 20, item 11).

At 80x24 the landing screen showed 4 of 7 flagged zones with only a two-cell scrollbar as a hint. The
overview now ends with a line "…另有4个开发区和1条说明在下方" / "… 4 more zones and 1 note(s) below"
whenever the attention list runs past the screen; the count is what is really out of sight.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from console.core.config import load_settings
from console.tui.app import DevZonesApp
from tests.support.screen import screen_lines
from tests.support.waiting import until
from widgets.overview import AttentionList

MORE = re.compile(r"(?:…另有(\d+)个开发区(?:和(\d+)条说明)?|… (\d+) more zones(?: and (\d+) note)?)")


def flagged_on_screen(app: DevZonesApp) -> tuple[int, int]:
    """(zones of the attention list whose line is on screen, zones in the list)."""
    attention = app.screen.query_one(AttentionList)
    zones = [k for k in attention.keys if k and not k.startswith("\x00") and k != "reports"]
    names = [str(attention.get_option_at_index(i).prompt) for i in range(attention.option_count)]
    lines = screen_lines(app)
    body = "\n".join(lines[:-2])  # not the more line, nor the key bar
    shown = sum(1 for i, key in enumerate(attention.keys) if key in zones and names[i].strip() in body)
    return shown, len(zones)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_the_landing_screen_says_how_many_flagged_zones_are_below(
    data_dir: Path, lang: str, size: tuple[int, int]
) -> None:
    app = DevZonesApp(load_settings(data_dir=data_dir, lang=lang, remembered=False))
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: app.ready)
        await pilot.pause()
        shown, total = flagged_on_screen(app)
        assert total > 0 and shown < total  # at these sizes the list is cut by the height
        line = screen_lines(app)[-2]
        found = MORE.search(line)
        assert found is not None, screen_lines(app)
        said = int(found[1] or found[3])
        assert shown + said == total, (shown, said, total, line)
        # Scrolled to the end, nothing is below: the line goes.
        await pilot.press("end")
        await until(pilot, lambda: MORE.search(screen_lines(app)[-2]) is None)
        assert MORE.search(screen_lines(app)[-2]) is None


async def test_nothing_is_said_when_the_whole_list_fits(data_dir: Path) -> None:
    app = DevZonesApp(load_settings(data_dir=data_dir, remembered=False))
    async with app.run_test(size=(120, 60)) as pilot:
        await until(pilot, lambda: app.ready)
        await pilot.pause()
        shown, total = flagged_on_screen(app)
        assert shown == total
        assert all(MORE.search(line) is None for line in screen_lines(app))
