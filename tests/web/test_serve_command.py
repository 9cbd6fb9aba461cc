"""``devzones serve`` without a browser: what it prints when it cannot listen or lacks its extra, how
a session's command is built and quoted, which link arguments reach a session, and that a served
session starts from the defaults and remembers nothing."""

from __future__ import annotations

import base64
import json
import shlex
import socket
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from console.cli import EXIT_OK, EXIT_USAGE, main
from console.cli.serve import session_command
from console.core.config import load_settings, save_state, user_state_file
from tests.support.cli_run import run

served_server = pytest.importorskip("console.cli.served_server", reason="textual-serve is not installed")


def test_a_port_in_use_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, out, err = run(capsys, "serve", "--port", str(port))
    assert code == EXIT_USAGE
    assert out == ""  # no address printed for a server that never listened
    assert err.strip().splitlines() == [err.strip()] and f"端口 {port} 已被占用" in err and "--port" in err
    assert "Traceback" not in err


def test_a_port_out_of_range_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--lang", "en", "serve", "--port", "70000")
    assert code == EXIT_USAGE and "a port is from 1 to 65535, not 70000" in err


def test_without_textual_serve_it_names_the_extra(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "textual_serve", None)  # import fails as if not installed
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    monkeypatch.delitem(sys.modules, "console.cli.served_server")
    code, out, err = run(capsys, "serve", "--port", "1")
    assert code == EXIT_USAGE and out == ""
    assert "pip install 'devzones[web]'" in err and "Traceback" not in err


def test_the_session_command_survives_a_hostile_data_path(tmp_path: Path) -> None:
    """textual-serve runs the command through a shell: every word is quoted, none is run."""
    data = tmp_path / "a b; $(touch pwned) `id` 'q\""
    settings = load_settings(data_dir=data, lang="en", ascii=True, remembered=False)
    words = shlex.split(session_command(settings))
    assert words == [
        sys.executable,
        "-m",
        "console",
        "--served",
        "--data",
        str(data),
        "--lang",
        "en",
        "--ascii",
    ]
    with_link = served_server.session_command(session_command(settings), ["--county", "x'; rm -rf ~"])
    assert shlex.split(with_link)[-2:] == ["--county", "x'; rm -rf ~"]


def _link(query: dict[str, object]) -> str:
    """The websocket path segment the page's script makes of a link's query."""
    raw = json.dumps(query).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


ALLOWED = served_server.Allowed(
    frozenset({"上蔡县", "Shangcai County", "遂平县"}), frozenset({2024, 2025, 2026})
)


@pytest.mark.parametrize(
    ("query", "arguments"),
    [
        ({}, []),
        (
            {"tab": "zones", "county": "上蔡县", "year": "2025"},
            ["--tab", "zones", "--county", "上蔡县", "--year", "2025"],
        ),
        ({"county": "上蔡县,遂平县,上蔡县"}, ["--county", "上蔡县", "--county", "遂平县"]),
        ({"county": "Shangcai County"}, ["--county", "Shangcai County"]),
        ({"tab": "secrets", "county": "上蔡", "year": "2030"}, []),  # not one of the tabs, counties, years
        ({"year": "２０２５"}, []),  # full-width digits are not a year here
        ({"year": "2025; rm -rf ~", "tab": "$(id)"}, []),
        ({"data": "/etc", "lang": "en", "served": "x"}, []),  # keys outside the whitelist
        ({"tab": ["zones"], "county": 7}, []),  # not strings
    ],
)
def test_only_whitelisted_link_values_reach_a_session(query: dict[str, object], arguments: list[str]) -> None:
    assert ALLOWED.arguments(served_server.decode_query(_link(query))) == arguments


@pytest.mark.parametrize(
    "raw", ["", "!!!", "bm90IGpzb24", base64.urlsafe_b64encode(b"[1, 2]").decode(), "\u4e0a"]
)
def test_a_garbled_link_is_no_arguments(raw: str) -> None:
    assert served_server.decode_query(raw) == {}


def _started_console(monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, Any]:
    """``devzones *args`` up to the console's start; the app it made (never run) and the exit code."""
    import console.tui.app as tui_app

    made: dict[str, Any] = {}

    def run_instead(self: Any, *_: object, **__: object) -> None:
        made["app"] = self
        self.is_mounted_once = True  # as if it had run, so that quitting would remember the view

    monkeypatch.setattr(tui_app.DevZonesApp, "run", run_instead)
    return main(list(args)), made.get("app")


def test_a_served_session_starts_from_the_link_and_remembers_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    save_state({"tab": "rankings", "year": 2024, "counties": ["遂平县"], "lang": "en"})
    before = user_state_file().read_bytes()
    code, app = _started_console(monkeypatch, "--served", "--tab", "zones", "--county", "上蔡县")
    assert code == EXIT_OK
    assert (app.state.tab, app.state.counties, app.state.year, app.lang) == ("zones", ("上蔡县",), None, "zh")
    assert app.session.served and app.title == "驻马店市开发区三年行动方案监测"
    assert app.settings.export_folder == "（下载到浏览器）"
    assert user_state_file().read_bytes() == before  # nothing written on quit


def test_a_served_session_without_a_link_opens_on_the_overview(monkeypatch: pytest.MonkeyPatch) -> None:
    save_state({"tab": "rankings", "year": 2024})
    code, app = _started_console(monkeypatch, "--served")
    assert code == EXIT_OK and (app.state.tab, app.state.year) == ("overview", None)


def test_the_terminal_console_still_remembers(monkeypatch: pytest.MonkeyPatch) -> None:
    """The counterpart: on a terminal (stdin and stdout ttys) the view is read and written."""
    save_state({"tab": "rankings"})
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(isatty=lambda: True))
    monkeypatch.setattr(
        sys, "stdout", SimpleNamespace(isatty=lambda: True, write=lambda s: len(s), flush=lambda: None)
    )
    assert "year = " not in user_state_file().read_text(encoding="utf-8")
    code, app = _started_console(monkeypatch)
    assert code == EXIT_OK and app.state.tab == "rankings" and not app.session.served
    assert "year = 0" in user_state_file().read_text(encoding="utf-8")  # written on quit


def test_a_served_console_runs_no_command(capsys: pytest.CaptureFixture[str]) -> None:
    """A browser session is the console alone: --served with a command (ingest, undo …) is refused."""
    for command in (["undo"], ["ingest", "report.xlsx"], ["status"]):
        code, out, err = run(capsys, "--served", *command)
        assert code == EXIT_USAGE and out == "" and "--served" in err
