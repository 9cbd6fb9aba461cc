"""Faults that must not lose data or escape the dataset: an interrupted ``init``, a group-shared dataset
(umask 002) after a killed ingest, and symbolic links where devzones writes."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from console.cli import EXIT_OK, main


@contextmanager
def failing(name: str, n: int, error: BaseException) -> Iterator[list[int]]:
    """os.<name> raises ``error`` at its n-th call."""
    real: Callable = getattr(os, name)
    calls = [0]

    def fake(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls[0] += 1
        if calls[0] == n:
            raise error
        return real(*args, **kwargs)

    setattr(os, name, fake)
    try:
        yield calls
    finally:
        setattr(os, name, real)


def everything(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


# -- 16: init is all or nothing ---------------------------------------------------------------------------------


@pytest.mark.parametrize("existing", [False, True], ids=["new-folder", "empty-folder"])
def test_init_interrupted_by_a_full_disk_leaves_nothing_and_can_run_again(
    tmp_path: Path, existing: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    """A full disk at any write (or rename) of ``init``: the folder is as it was, init then succeeds."""
    out = tmp_path / "live"
    if existing:
        out.mkdir()
    before = everything(tmp_path)
    for call in ("write", "rename", "link"):
        for n in range(1, 40):
            with failing(call, n, OSError(errno.ENOSPC, "No space left on device")) as calls:
                code = main(["--lang", "en", "init", str(out)])
            if calls[0] < n:  # the fault was never reached: init succeeded
                assert code == EXIT_OK
                break
            err = capsys.readouterr().err
            assert code != EXIT_OK and "no space left" in err.lower() and "Traceback" not in err
            assert everything(tmp_path) == before, f"os.{call} #{n} left a half dataset"
        assert main(["--data", str(out), "check"]) == EXIT_OK, f"os.{call}"
        capsys.readouterr()
        for path in out.iterdir():
            path.unlink()
        if not existing:
            out.rmdir()
