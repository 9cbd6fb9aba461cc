"""`devzones status` and `rankings` text: fits the width (terminal, COLUMNS, else 80) by dropping columns in
the documented order, never wraps a cell, and under --ascii holds only ASCII and CJK (wide) characters."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from console.cli import main

COMMANDS = (["status"], ["rankings"])


def _out(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


def _tables(out: str, title: str) -> list[str]:
    """The lines of the table headed ``title``: heading, rule and rows, up to the blank line after it."""
    lines = out.splitlines()
    start = lines.index(title)
    end = lines.index("", start)
    return lines[start + 1 : end]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [60, 80, 120, 200])
def test_every_line_fits_columns(capsys, monkeypatch, command: list[str], lang: str, width: int) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    out = _out(capsys, *command, "--lang", lang, "--year", "2026")
    too_wide = [line for line in out.splitlines() if cell_len(line) > width]
    assert not too_wide
    if width <= 80:  # narrower than the tables' natural width: the width is used, not a fixed one
        assert any(cell_len(line) > width - 25 for line in out.splitlines())


def test_not_a_terminal_and_no_columns_means_80(capsys, monkeypatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    out = _out(capsys, "status", "--year", "2026")
    table = _tables(out, "开发区")
    assert max(cell_len(line) for line in table) <= 80
    assert max(cell_len(line) for line in table) > 60  # it uses the width it has


def test_columns_give_way_in_the_documented_order_and_cells_never_wrap(capsys, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    wide = _tables(_out(capsys, "status", "--year", "2026"), "开发区")
    monkeypatch.setenv("COLUMNS", "80")
    narrow = _tables(_out(capsys, "status", "--year", "2026"), "开发区")
    # Wide: every column. Narrow: county (give_way 1), report (2), quarterly (3) go first; the rest stay.
    assert all(h in wide[0] for h in ("县区", "季度营收", "报送", "未达目标"))
    assert "县区" not in narrow[0] and "报送" not in narrow[0] and "季度营收" not in narrow[0]
    assert all(h in narrow[0] for h in ("开发区", "档级", "星级", "营收/进度", "未达目标"))
    # One line per zone (no cell wrapped onto a second line), and the flag and status on that line.
    assert len(narrow) == len(wide) == 2 + 11
    assert all(line.count("档") >= 1 for line in narrow[2:])


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_ascii_output_is_ascii_apart_from_cjk(capsys, monkeypatch, command: list[str], lang: str) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    out = _out(capsys, *command, "--lang", lang, "--ascii")
    # Allowed: ASCII, and East Asian wide/fullwidth characters (CJK names, 、（）). Not allowed: arrows,
    # ellipses, middle dots, em dashes, box rules, check marks: ambiguous or narrow non-ASCII symbols.
    bad = sorted({ch for ch in out if ord(ch) >= 128 and unicodedata.east_asian_width(ch) not in ("W", "F")})
    assert not bad, bad
    assert "->" in out or command == ["rankings"]


@settings(max_examples=12)
@given(width=st.integers(min_value=40, max_value=240), lang=st.sampled_from(["zh", "en"]))
def test_any_width_fits(width: int, lang: str) -> None:
    import contextlib
    import io
    import os
    from unittest import mock

    buffer = io.StringIO()
    # patch.dict restores COLUMNS as it was (deleting it afterwards lost a value set from outside for
    # every later test in the same process)
    with mock.patch.dict(os.environ, {"COLUMNS": str(width)}), contextlib.redirect_stdout(buffer):
        assert main(["rankings", "--lang", lang]) == 0
    lines = buffer.getvalue().splitlines()
    assert all(cell_len(line) <= width for line in lines)
