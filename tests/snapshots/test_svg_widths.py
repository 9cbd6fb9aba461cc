"""True SVG screenshots: every text run as wide as the cells it covers on the terminal."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from console.cli import main
from console.outputs.svg_widths import true_widths

RUN = re.compile(
    r'<text\b[^>]*?\bx="([0-9.]+)"[^>]*?\btextLength="([0-9.eE+-]+)"[^>]*>(.*?)</text>', re.DOTALL
)
CELL = 20 * 0.61  # Rich's char_width: a 20-pixel line, font aspect ratio 0.61


def _runs(svg: str) -> list[tuple[float, float, str]]:
    return [(float(x), float(length), html.unescape(text)) for x, length, text in RUN.findall(svg)]


def _assert_true_widths(svg: str) -> int:
    """Each run's textLength is cell width x display cells; returns how many runs hold wide text."""
    runs = _runs(svg)
    assert runs
    wide = 0
    for _x, length, text in runs:
        assert length == pytest.approx(CELL * cell_len(text)), text
        wide += cell_len(text) != len(text)
    return wide


def _svg_of(*lines: str) -> str:
    console = Console(record=True, width=60, file=open("/dev/null", "w"))  # noqa: SIM115 - closed with the console
    for line in lines:
        console.print(Text(line, style="bold"))
    svg = console.export_svg()
    console.file.close()
    return svg


def test_a_run_of_chinese_gets_two_cells_a_character() -> None:
    raw = _svg_of("开发区 县区", "经开区 驿城区", "ab 高新区")
    (_, before, _), *_ = [r for r in _runs(raw) if "开发区" in r[2]]
    assert before == pytest.approx(CELL * len("开发区 县区"))  # Rich's half width: the defect
    fixed = true_widths(raw)
    assert _assert_true_widths(fixed) >= 3
    # Only textLength changes: positions, text and everything else stay as Rich drew them.
    assert RUN.sub("", fixed) == RUN.sub("", raw)
    assert [(x, t) for x, _, t in _runs(fixed)] == [(x, t) for x, _, t in _runs(raw)]


@given(st.lists(st.text(alphabet=st.sampled_from("ab1 开发区县驿城—✓！（）&<>\"'"), max_size=30), max_size=5))
def test_every_run_matches_its_cells(lines: list[str]) -> None:
    _assert_true_widths(true_widths(_svg_of("x", *lines)))


def test_export_svg_from_the_command_line(tmp_path: Path, capsys) -> None:
    out = tmp_path / "zones.svg"
    assert main(["export", "--view", "zones", "--format", "svg", "--size", "140x36", "--out", str(out)]) == 0
    svg = out.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "经开区" in svg and "示例数据" in svg
    assert _assert_true_widths(svg) > 10
    # The terminal's grid: 140 columns wide.
    assert max(x + length for x, length, _ in _runs(svg)) <= 140 * CELL + 0.01
    assert "--size 140x36" in (tmp_path / "zones.svg.manifest.toml").read_text(encoding="utf-8")


def test_an_exported_picture_singles_out_no_row(tmp_path: Path) -> None:
    """The console's cursor row (reversed: green, orange and red cell backgrounds on row 1) made the
    first zone look picked out in a picture mailed on: the first data row is drawn as the second."""
    out = tmp_path / "zones.svg"
    assert main(["export", "--view", "zones", "--format", "svg", "--size", "100x20", "--out", str(out)]) == 0
    fills: dict[float, set[str]] = {}
    for fill, y in re.findall(r'<rect fill="([^"]+)" x="[^"]+" y="([^"]+)"', out.read_text(encoding="utf-8")):
        fills.setdefault(float(y), set()).add(fill)
    lines = sorted(fills)
    heading = lines[-1]  # the key bar shares the heading row's panel colour
    table_head = next(y for y in lines[1:-1] if fills[y] & fills[heading])
    first, second = [y for y in lines if y > table_head][:2]
    assert fills[first] == fills[second], (fills[first], fills[second])


def test_an_english_picture_shows_every_zones_column_by_default(tmp_path: Path) -> None:
    """At 120 columns English (longer names) dropped the County, Quarterly and Report columns, so late
    and missing reports left the picture: without --size an English picture is drawn 160 wide."""
    out = tmp_path / "zones.svg"
    assert main(["--lang", "en", "export", "--view", "zones", "--format", "svg", "--out", str(out)]) == 0
    svg = out.read_text(encoding="utf-8")
    assert all(word in svg for word in ("County", "Quarterly", "Report"))  # the columns' headings
    assert max(x + length for x, length, _ in _runs(svg)) > 120 * CELL


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--view", "all", "--format", "svg"], "--view"),
        (["--view", "zones", "--format", "svg", "--size", "wide"], "--size"),
        (["--view", "zones", "--format", "csv", "--size", "120x40"], "--size"),
    ],
)
def test_svg_usage_errors(tmp_path: Path, capsys, args: list[str], said: str) -> None:
    assert main(["export", *args, "--lang", "en", "--out", str(tmp_path) + "/"]) == 2
    assert said in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


async def test_the_console_saves_true_svg(data_dir: Path, tmp_path: Path) -> None:
    from console.core.config import load_settings
    from console.tui.app import DevZonesApp
    from widgets.dialogs import ExportChoice

    app = DevZonesApp(load_settings(data_dir=data_dir), use_cache=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("2")
        await pilot.pause()
        app.flows.export_chosen(ExportChoice("svg", "tab", str(tmp_path), "shot.svg"))
        await pilot.pause()
    assert _assert_true_widths((tmp_path / "shot.svg").read_text(encoding="utf-8")) > 10
