"""The rankings' legend wraps by whole items: a rule mark is never apart from its meaning, and it
says what Enter does (shows the rules' text of the zone under the cursor)."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.engine.rules import FLAGS
from console.present.rule_marks import flag_legend, flag_mark
from tests.support.app import make_app, ready
from tests.support.screen import screen_lines


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 30)])
async def test_legend_keeps_each_mark_with_its_meaning(data_dir: Path, lang: str, size) -> None:
    app = make_app(data_dir, lang=lang)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await pilot.press("5")
        await ready(pilot)
        legend = app.query_one("#rankings-legend")
        top = legend.region.y
        lines = [line.strip() for line in screen_lines(app)[top : top + legend.region.height]]
        items = flag_legend(FLAGS, lang)
        marks = {flag_mark(f, lang) for f in FLAGS}
        assert any(word in marks for line in lines for word in line.split())  # the data uses some rules
        for line in lines:  # every mark on the legend's lines is followed by its meaning
            for word in line.split():
                if word in marks:
                    assert any(item in line for item in items if f"{word} " in item), (word, lines)
        assert any(("Enter" in line and ("条款原文" in line or "rules' text" in line)) for line in lines)


def test_legend_items_pair_each_mark_with_its_words() -> None:
    for lang in ("zh", "en"):
        items = flag_legend(FLAGS, lang)
        for flag in FLAGS:
            assert sum(f"{flag_mark(flag, lang)} " in item for item in items) == 1
