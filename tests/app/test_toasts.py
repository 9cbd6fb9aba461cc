"""Toasts: a file name is never broken in the middle (only after - _ . /, on its own lines), and a
dialog opens clear of the toasts said before it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from console.present.fit import toast_lines
from console.present.labels import files_written
from tests.support.app import make_app, ready
from tests.support.screen import screen_lines, screen_text

NAME = "devzones-zones-2026-20261126-153311.xlsx"


@settings(max_examples=300, deadline=None)
@given(
    name=st.text(alphabet="abz09-_.", min_size=1, max_size=90).filter(lambda n: n.strip()),
    screen=st.integers(40, 200),
)
def test_a_name_breaks_only_after_a_boundary_and_comes_back_whole(name: str, screen: int) -> None:
    width = min(60, (screen - 2) // 2) - 3  # what a toast's text has on that screen
    lines = toast_lines(f"  {name}", screen).split("\n")
    assert all(cell_len(line) <= width for line in lines), lines
    assert all(line.startswith("  ") for line in lines)  # the continuation keeps the indent
    assert "".join(line[2:] for line in lines) == name
    for line in lines[:-1]:  # a break inside a run of letters and digits only when it has no boundary
        if any(c in "-_./" for c in line[2:]):
            assert line[-1] in "-_./", lines


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_export_toast_keeps_file_names_whole_and_a_dialog_clears_it(
    data_dir: Path, tmp_path: Path, size
) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=size, notifications=True) as pilot:
        await ready(pilot)
        app.say(files_written([tmp_path / NAME], "zh"))
        for _ in range(3):
            await pilot.pause(0.05)
        toast = [line.split("▌", 1)[1].strip() for line in screen_lines(app) if "▌" in line]
        pieces = [piece for piece in toast if piece and piece in NAME]
        assert "".join(pieces) == NAME, toast  # the name on lines of its own
        assert all(piece[-1] in "-_." for piece in pieces[:-1]), toast  # broken after - _ . only
        await pilot.press("b")  # the bulletin dialog
        await ready(pilot)
        assert "153311" not in screen_text(app)  # the toast no longer covers the dialog
