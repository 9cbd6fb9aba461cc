"""Untrusted text: a hostile string in the data reaches no surface raw (issue 9, "one boundary").

The hostile string carries an OSC 52 clipboard write (ESC ] 52 … BEL), a C1 CSI, DEL, bidi controls and
Rich/Textual markup. Every place a data string can surface is walked: the console's top bar, tables,
drill-down and toasts; the CLI's check, status and rankings; error messages; Markdown export and the
bulletin. None may carry a control or bidi character, and markup must arrive as literal brackets.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.cli import main
from console.core.config import load_settings
from console.core.text import REMOVED, clean
from console.data.errors import DataError
from console.tui.app import DevZonesApp
from widgets.drilldown_screen import DetailScreen
from widgets.topbar import TopBar
from widgets.view_table import ViewTable

MARKUP = "[@click=app.quit]x[/]"
HOSTILE = "\x1b]52;c;aGk=\x07\x9b2J\x7f\u202e[/]" + MARKUP + "\u2066\x00"
FORBIDDEN = set(REMOVED)


def raw_in(text: str) -> set[str]:
    """The control and bidi characters found in ``text`` (empty when it is safe)."""
    return {ch for ch in text if ch in FORBIDDEN}


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string, control characters escaped (TOML allows them only so)."""
    return json.dumps(text, ensure_ascii=True)


@pytest.fixture
def hostile_data(data_copy: Path) -> Path:
    """The plan dataset with the hostile string in the title and in a zone's short name and county."""
    manifest = data_copy / "manifest.toml"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    lines = [f"title = {toml_string('驻马店' + HOSTILE)}" if ln.startswith("title =") else ln for ln in lines]
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    zones = data_copy / "zones.csv"
    text = zones.read_text(encoding="utf-8-sig")
    assert "高新区,高新区," in text
    zones.write_text(text.replace("高新区,高新区,", f"高新区{HOSTILE},高新区{HOSTILE},", 1), encoding="utf-8")
    return data_copy


def test_clean_removes_each_family_and_keeps_text() -> None:
    assert clean(HOSTILE) == "]52;c;aGk=2J[/]" + MARKUP
    assert clean("驻马店\t高新区\r\n") == "驻马店 高新区 "
    assert clean("a\r\nb\rc\td", keep_newlines=True) == "a\nb\nc d"
    assert clean(None) == "" and clean(12.5) == "12.5"


@settings(max_examples=300)  # pure string work: cheap, so more cases than the profile's 50
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60), st.booleans())
def test_clean_output_is_safe_and_idempotent(text: str, keep: bool) -> None:
    out = clean(text, keep_newlines=keep)
    assert not raw_in(out)
    assert "\r" not in out and "\t" not in out
    assert keep or "\n" not in out
    assert clean(out, keep_newlines=keep) == out
    # Nothing but the removed characters is lost: printable text survives in order.
    kept = [ch for ch in text if ch not in FORBIDDEN and ch not in "\t\r\n"]
    assert [ch for ch in out if ch not in " \n"] == [ch for ch in kept if ch not in " "]


def test_error_messages_are_cleaned() -> None:
    error = DataError(f"z{HOSTILE}.csv", 3, f"c{HOSTILE}", HOSTILE, f"bad {HOSTILE}")
    assert not raw_in(str(error))
    assert not raw_in(json.dumps(error.to_json(), ensure_ascii=False))
    assert MARKUP in str(error)


# -- the console -------------------------------------------------------------------------------------


def screen_text(app: DevZonesApp) -> str:
    return app.export_screenshot()


async def test_console_shows_hostile_data_literally(hostile_data: Path) -> None:
    app = DevZonesApp(load_settings(data_dir=hostile_data), use_cache=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        bar = app.query_one(TopBar).plain
        assert MARKUP in bar and not raw_in(bar)
        await pilot.press("2")
        await pilot.pause()
        table = app.query_one("#zones-table", ViewTable)
        drawn = "".join(seg.text for y in range(3) for seg in table.render_line(y))
        assert MARKUP in drawn and not raw_in(drawn)
        shot = screen_text(app)
        assert MARKUP in shot and not raw_in(shot)
        await pilot.press("enter")  # the first row is the hostile zone
        await app.workers.wait_for_complete()  # the drill-down is built in a worker
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        assert MARKUP in app.screen.heading.plain and not raw_in(app.screen.heading.plain)
        shot = screen_text(app)
        assert MARKUP in shot and not raw_in(shot)
        assert app.is_running  # the markup did not run app.quit or break rendering


async def test_reload_error_toast_is_literal(data_copy: Path) -> None:
    app = DevZonesApp(load_settings(data_dir=data_copy), use_cache=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        targets = data_copy / "zone_targets.csv"
        targets.write_text(
            targets.read_text(encoding="utf-8-sig") + f"无名区{HOSTILE},2026,,二档\n", encoding="utf-8"
        )
        app.check_for_changes()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        messages = [n for n in app._notifications if "zone_targets" in n.message]
        assert messages, "the reload error is shown"
        assert all(not n.markup and MARKUP in n.message and not raw_in(n.message) for n in messages)
        assert app.is_running and app.views is not None  # the last good data stays


async def test_config_value_with_markup_does_not_break_start(tmp_path: Path, data_dir: Path) -> None:
    import os

    Path(os.environ["DEVZONES_CONFIG"]).write_text(
        f"[display]\nlang = {toml_string(HOSTILE)}\n[state]\ntab = {toml_string('[/]')}\n", encoding="utf-8"
    )
    settings = load_settings(data_dir=data_dir)
    assert len(settings.warnings) == 2 and all(not raw_in(w) for w in settings.warnings)
    app = DevZonesApp(settings, use_cache=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        warnings = [n for n in app._notifications if n.severity == "warning"]
        assert len(warnings) == 2 and all(not n.markup for n in warnings)
        assert any("[/]" in n.message for n in warnings)
        assert app.is_running


# -- the CLI and the files it writes ------------------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out + err


@pytest.mark.parametrize(
    "args",
    [
        ("check",),
        ("status",),
        ("status", "--json"),
        ("rankings",),
        ("rankings", "--json"),
        ("check", "--json"),
    ],
)
def test_cli_output_is_clean(hostile_data: Path, capsys, args: tuple[str, ...]) -> None:
    code, output = _run(capsys, args[0], "--data", str(hostile_data), *args[1:])
    assert code == 0
    assert not raw_in(output)
    if args == ("status",):
        assert MARKUP in output  # the title line: shown literally, not swallowed as markup


def test_check_echoes_hostile_header_and_as_of_cleanly(data_copy: Path, capsys) -> None:
    zones = data_copy / "zones.csv"
    text = zones.read_text(encoding="utf-8-sig")
    zones.write_text(text.replace("county_en", f"county_en{HOSTILE}", 1), encoding="utf-8")
    manifest = data_copy / "manifest.toml"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    lines = [f"as_of = {toml_string(HOSTILE)}" if ln.startswith("as_of =") else ln for ln in lines]
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for extra in ((), ("--json",)):
        code, output = _run(capsys, "check", "--data", str(data_copy), *extra)
        assert code == 3  # invalid data
        assert "as_of" in output and "county_en" in output
        assert not raw_in(output)


def test_markdown_export_and_bulletin_are_clean(hostile_data: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    out.mkdir()
    code, _ = _run(
        capsys,
        "export",
        "--data",
        str(hostile_data),
        "--view",
        "all",
        "--format",
        "md",
        "--out",
        str(out / "a.md"),
    )
    assert code == 0
    code, _ = _run(
        capsys, "bulletin", "--data", str(hostile_data), "--period", "2026-10", "--out", str(out / "b.md")
    )
    assert code == 0
    for path in out.iterdir():
        body = path.read_text(encoding="utf-8")
        assert not raw_in(body), path.name
    assert "驻马店]52" in (out / "a.md").read_text(encoding="utf-8")


def test_chart_labels_and_title_are_clean() -> None:
    """The chart is read back with Text.from_ansi, so a label's escape would be interpreted."""
    from console.present.series import Series
    from widgets.chart import render_chart

    series = (Series("\x1b[2J\x1b[31mred" + HOSTILE, ("\x1b[5m2026Q1", "2026Q2"), (1.0, 2.0)),)
    drawn = render_chart(series, 60, 12, title="\x1b[41m" + HOSTILE)
    assert not raw_in(drawn.plain)
    assert not any(span.style for span in drawn.spans)  # no colour smuggled in by an escape
    assert "[2J" in drawn.plain  # the bytes after ESC are shown as text


@given(st.text())
def test_escaped_text_shows_every_unsafe_character_and_hides_none(value: str) -> None:
    """The escaping mode (paths echoed in messages) leaves no control, bidi, separator or noncharacter."""
    import unicodedata

    def unsafe(c: str) -> bool:
        return unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Cs") or c in FORBIDDEN

    shown = clean(value, escape=True)
    assert not any(unsafe(c) for c in shown)
    if not any(unsafe(c) for c in value):
        assert shown == value
