"""The unit dialog in English: a long unit name wraps with its continuation lines indented, so that
one unit never reads as two ("Municipal Development and Reform" / "Commission")."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.present.labels import unit_name
from tests.support.app import make_app, ready
from tests.support.screen import dialog_lines, screen_lines
from widgets.dialogs import UnitDialog


@pytest.mark.parametrize("size", [(80, 40), (60, 30)])
async def test_each_unit_starts_a_line_and_its_continuations_are_indented(data_dir: Path, size) -> None:
    app = make_app(data_dir, lang="en")
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await pilot.press("4", "u")
        await ready(pilot)
        assert isinstance(app.screen, UnitDialog)
        names = [unit_name(u, "en") for u in app.screen.units]
        assert any(len(n) > 36 for n in names)  # some name needs two lines
        lines = [line.rstrip().rstrip("▄▅▆▇█▁▂▃").rstrip() for line in dialog_lines(screen_lines(app))]
        first = lines.index("All units") + 1  # after the title, which tasks count, and "All units"
        listed = lines[
            first : lines.index(next(line for line in lines if line.startswith("Tab: which tasks")))
        ]
        for line in listed:
            # A line at the margin begins a unit's name; any other line is indented under it.
            assert line.startswith("  ") or any(n.startswith(line) for n in names), (line, lines)
        assert any(line.startswith("  ") for line in listed)
