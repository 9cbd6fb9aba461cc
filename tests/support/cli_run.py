"""Run the devzones command in-process as a user would, exit code and both streams captured."""

from __future__ import annotations

import pytest

from console.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``devzones *args``; argparse's own exits (usage errors, --help)
    give their code like any other."""
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err
