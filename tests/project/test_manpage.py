"""``man devzones``: the committed manual page is the one the argparse tree makes now, man reads it
without a warning, the wheel installs it where man looks, and ``devzones --help`` says it is there."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from console import __version__
from console.cli.language import argparse_language
from console.cli.parser import build_parser
from tests.support.cli_run import run
from tests.support.manpage import MANPAGE, manpage

needs_man = pytest.mark.skipif(shutil.which("man") is None, reason="man (Debian: man-db) is not installed")


def _man(*words: str, path: str | None = None) -> subprocess.CompletedProcess[str]:
    """``man -P cat *words`` at 80 columns in English, with no MANPATH (man derives it from PATH)."""
    env = {**os.environ, "MANWIDTH": "80", "LANG": "C.UTF-8"}
    env.pop("MANPATH", None)
    if path is not None:
        env["PATH"] = path
    return subprocess.run(
        ["man", "-P", "cat", *words], capture_output=True, text=True, env=env, check=False, timeout=60
    )


def test_the_committed_manual_page_is_the_one_the_parser_makes_now() -> None:
    assert MANPAGE.read_text(encoding="utf-8") == manpage("en"), (
        "man/devzones.1 is out of date: run .venv/bin/python -m tests.support.manpage"
    )


def test_the_manual_page_names_every_command_and_option() -> None:
    with argparse_language("en"):
        parser = build_parser("en")
    page = MANPAGE.read_text(encoding="utf-8")
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, child in [("", parser), *commands.choices.items()]:
        if name:
            assert f".SH COMMAND \\fI\\,'devzones {name}'\\/\\fR" in page
        for action in child._actions:
            if action.help == argparse.SUPPRESS:
                continue  # hidden, as in --help (--served and --tab: what `devzones serve` runs)
            for option in action.option_strings:
                if option not in ("-h", "--help"):
                    assert f"\\fB{option.replace('-', chr(92) + '-')}\\fR" in page, (name, option)
    assert f'"devzones {__version__}"' in page.splitlines()[0]  # the .TH line: the version it documents


@needs_man
def test_man_shows_the_page_without_a_warning() -> None:
    shown = _man("-l", str(MANPAGE))
    assert shown.returncode == 0 and shown.stderr == "", shown.stderr
    text = shown.stdout
    assert "devzones - monitor Zhumadian's development-zone action plan" in text
    for heading in ("SYNOPSIS", "COMMAND 'devzones bulletin'", "EXAMPLES", "EXIT CODES"):
        assert heading in text
    # The help's examples keep their columns (no-fill), the exit codes their numbers.
    assert "       devzones where                            where config, cache and data are" in text
    assert "       5  internal error" in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_help_names_the_manual_page(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    code, out, _ = run(capsys, "--lang", lang, "--help")
    assert code == 0 and out.rstrip().splitlines()[-1].endswith(
        "“man devzones”（英文；与本帮助同源，另含各子命令的全部选项）"
        if lang == "zh"
        else "man devzones (made from this help, with every command's options)"
    )


@pytest.mark.slow
@needs_man
def test_the_wheel_installs_the_page_where_man_finds_it(tmp_path: Path, wheel: Path) -> None:
    shipped = zipfile.ZipFile(wheel).read(f"devzones-{__version__}.data/data/share/man/man1/devzones.1")
    assert shipped == MANPAGE.read_bytes()
    # Installed under a prefix (what a venv, pipx's venv or /usr/local is), man finds the page from PATH
    # alone: man-db looks in share/man beside each bin/ on the PATH.
    prefix = tmp_path / "prefix"
    subprocess.run(
        # --ignore-installed: else pip would uninstall the editable devzones of the venv running the tests.
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--ignore-installed",
            "--quiet",
            "--prefix",
            str(prefix),
            str(wheel),
        ],
        check=True,
    )
    assert (prefix / "share" / "man" / "man1" / "devzones.1").read_bytes() == MANPAGE.read_bytes()
    found = _man("devzones", path=f"{prefix / 'bin'}:/usr/bin:/bin")
    assert found.returncode == 0, found.stderr
    assert "devzones - monitor Zhumadian's development-zone action plan" in found.stdout
