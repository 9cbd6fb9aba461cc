"""The README's screen captures are the console's real screens (walk 2, item 12): its drill-down showed
`~ 正常` and `省内档内排名` while the console says `~ 符合进度` and `全省档内排名`. After a change to what a
screen shows, ``python -m tests.support.readme_captures`` rewrites them."""

from __future__ import annotations

from tests.support.readme_captures import README, blank_bars, captures, readme_blocks


def test_the_readme_captures_are_the_screens_as_drawn_now() -> None:
    text = README.read_text("utf-8")
    lines = text.splitlines()
    blocks = readme_blocks(text)
    screens = captures()
    assert len(blocks) == len(screens)
    for (first, end), screen in zip(blocks, screens, strict=True):
        shown = [blank_bars(line) for line in lines[first:end]]
        drawn = [blank_bars(line) for line in screen]
        assert shown == drawn, "README capture out of date: run python -m tests.support.readme_captures"
