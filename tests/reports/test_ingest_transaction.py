"""Ingest as a transaction: faults at every write, kills, recovery, safe undo, the lock and the prompt."""

from __future__ import annotations

import errno
import hashlib
import json
import random
import shutil
import signal
import subprocess
import sys
import time
from contextlib import suppress
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from filelock import FileLock

from console.cli import EXIT_FILES, EXIT_INVALID, main
from console.data.loader import load_dataset
from tests.support.faults import failing

TODAY = date(2026, 11, 26)
REPORT = "zone,period,item,value,submitted\n平舆,2026Q3,皮革皮具,70.5,2026-10-02\n"


def hashes(directory: Path) -> dict[str, str]:
    """sha256 of every dataset file (the loader ignores hidden files and folders)."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.iterdir())
        if p.is_file() and not p.name.startswith(".")
    }


def leftovers(directory: Path) -> list[str]:
    """Anything an interrupted ingest or undo may leave: staging folders, temp files, pending entries."""
    found = [p.name for p in directory.iterdir() if p.name.startswith(".staging-") or p.name.endswith(".tmp")]
    history = directory / ".history"
    if history.is_dir():
        found += [p.name for p in history.iterdir() if p.name.endswith(".pending")]
    return found


def applied_entries(directory: Path) -> list[Path]:
    history = directory / ".history"
    if not history.is_dir():
        return []
    return [p for p in history.iterdir() if "." not in p.name]


def report(tmp_path: Path, text: str = REPORT, name: str = "r.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


class Crash(BaseException):
    """Stands for the process dying: not an Exception, so no in-process clean-up handler catches it."""


@pytest.fixture
def new_state(data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The dataset's hashes after the test report is ingested cleanly (into another copy)."""
    other = tmp_path_factory.mktemp("clean") / "data"
    shutil.copytree(data_dir, other, ignore=shutil.ignore_patterns("source"))
    from console.reports.store import ingest

    ingest(other, [report(other.parent)], confirm=lambda c: True, today=TODAY)
    return hashes(other)


# -- faults at every call ---------------------------------------------------------------------------------------


# An I/O error takes the in-process roll-back (the same path at every call, so os.replace is enough);
# a "crash" skips it and leaves the work to ``recover``, so it is tried at every kind of call.
FAULTS = [("replace", "error"), ("write", "crash"), ("fsync", "crash"), ("replace", "crash")]


@pytest.mark.slow
@pytest.mark.parametrize(("call", "mode"), FAULTS)
def test_ingest_interrupted_at_any_call_leaves_the_old_or_the_new_dataset(
    data_copy: Path, tmp_path: Path, new_state: dict[str, str], call: str, mode: str
) -> None:
    """os.<call> fails (an I/O error) or the process "dies" at its n-th call, for every n in turn.

    After the recovery step the dataset is exactly the old or the new one and loads; a history entry
    exists only if the ingest applied; undo restores it (or says there is nothing to undo).
    """
    from console.reports.store import ingest, recover, undo

    original = hashes(data_copy)
    source = report(tmp_path)
    seen = {"old": 0, "new": 0}
    for n in range(1, 100):
        error = OSError(errno.EIO, "Input/output error") if mode == "error" else Crash()
        with failing(call, n, error) as calls, suppress(OSError, Crash):
            ingest(data_copy, [source], confirm=lambda c: True, today=TODAY)
        if mode == "error":  # the in-process roll-back left nothing for recovery to do
            assert not leftovers(data_copy) and hashes(data_copy) in (original, new_state), (call, n)
        recover(data_copy)
        assert not leftovers(data_copy), (call, n, leftovers(data_copy))
        load_dataset(data_copy)  # validates
        state = hashes(data_copy)
        assert state in (original, new_state), f"{call} #{n}: a half-applied dataset"
        if state == new_state:
            seen["new"] += 1
            assert len(applied_entries(data_copy)) == 1
            assert undo(data_copy) is not None
            assert hashes(data_copy) == original
        else:
            seen["old"] += 1
            assert applied_entries(data_copy) == [], f"{call} #{n}: a history entry for nothing applied"
            assert undo(data_copy) is None
        if calls[0] < n:
            break
    assert seen["old"] >= 1 and seen["new"] >= 1, seen


@pytest.mark.slow
@pytest.mark.parametrize(("call", "mode"), [("replace", "error"), ("write", "crash"), ("replace", "crash")])
def test_undo_interrupted_at_any_call_restores_or_can_be_run_again(
    data_copy: Path, tmp_path: Path, new_state: dict[str, str], call: str, mode: str
) -> None:
    from console.reports.store import ingest, recover, undo

    original = hashes(data_copy)
    source = report(tmp_path)
    for n in range(1, 100):
        ingest(data_copy, [source], confirm=lambda c: True, today=TODAY)
        error = OSError(errno.EIO, "Input/output error") if mode == "error" else Crash()
        with failing(call, n, error) as calls, suppress(OSError, Crash):
            undo(data_copy)
        recover(data_copy)
        load_dataset(data_copy)
        assert hashes(data_copy) in (original, new_state)
        if hashes(data_copy) == new_state:
            assert undo(data_copy) is not None  # the undo can simply be run again
        assert hashes(data_copy) == original and not leftovers(data_copy)
        if calls[0] < n:
            break


def test_an_io_error_mid_ingest_is_a_message_and_the_dataset_is_unchanged(
    data_copy: Path, tmp_path: Path, capsys
) -> None:
    original = hashes(data_copy)
    source = report(tmp_path)
    for n in range(1, 8):
        with failing("replace", n, OSError(errno.EIO, "Input/output error")):
            code = main(["--data", str(data_copy), "ingest", str(source), "--yes"])
        err = capsys.readouterr().err
        if code == 0:
            break
        assert code == EXIT_FILES and "Input/output error" in err and "Traceback" not in err
        assert hashes(data_copy) == original and applied_entries(data_copy) == []
    assert main(["--data", str(data_copy), "undo"]) == 0
    assert hashes(data_copy) == original


def _kill_script(data: Path, source: Path) -> list[str]:
    return [sys.executable, "-m", "console", "--data", str(data), "ingest", str(source), "--yes"]


@pytest.mark.slow
def test_an_ingest_killed_at_random_moments_is_finished_or_rolled_back(
    data_copy: Path, tmp_path: Path, new_state: dict[str, str], capsys
) -> None:
    original = hashes(data_copy)
    source = report(tmp_path)
    started = time.monotonic()
    subprocess.run(_kill_script(data_copy, source), check=True, capture_output=True, timeout=120)
    whole = time.monotonic() - started
    assert main(["--data", str(data_copy), "undo"]) == 0
    capsys.readouterr()
    rng = random.Random(20261126)
    for _ in range(3):
        process = subprocess.Popen(
            _kill_script(data_copy, source), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.5, 1.0) * whole)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert main(["--data", str(data_copy), "check"]) == 0  # recovers, then validates
        capsys.readouterr()
        assert not leftovers(data_copy)
        applied = hashes(data_copy) != original
        assert hashes(data_copy) in (original, new_state)
        code = main(["--data", str(data_copy), "undo"])
        assert code == (0 if applied else 1), capsys.readouterr()
        assert hashes(data_copy) == original


# -- recovery of what a crash leaves ------------------------------------------------------------------------------


def test_check_removes_leftover_staging_folders_and_temp_files(data_copy: Path, capsys) -> None:
    original = hashes(data_copy)
    (data_copy / ".staging-abc123").mkdir()
    (data_copy / ".staging-abc123" / "reports.csv").write_bytes(b"half")
    (data_copy / ".reports.csv.deadbeef.tmp").write_bytes(b"half")
    assert main(["--data", str(data_copy), "check"]) == 0
    assert not leftovers(data_copy) and hashes(data_copy) == original


def test_a_crash_before_the_journal_was_complete_is_rolled_back_with_a_message(
    data_copy: Path, tmp_path: Path, capsys
) -> None:
    original = hashes(data_copy)
    pending = data_copy / ".history" / "20261126-100000-000000.pending"
    pending.mkdir(parents=True)
    (pending / "reports.csv").write_bytes((data_copy / "reports.csv").read_bytes())
    (pending / "journal.json").write_text('{"reason": "ingest r.csv", "files": [{"na', encoding="utf-8")
    assert main(["--data", str(data_copy), "undo"]) == 1  # nothing to undo: that ingest never applied
    captured = capsys.readouterr()
    assert "在修改数据之前中断" in captured.err and "没有可撤销" in captured.out
    assert hashes(data_copy) == original and applied_entries(data_copy) == []
    assert not leftovers(data_copy)


DIE_AT = """
import os, sys
from console.cli import EXIT_FILES, EXIT_INVALID, main
real, calls, n = os.replace, [0], int(sys.argv[1])
def dying(*args, **kwargs):
    calls[0] += 1
    if calls[0] == n:
        os._exit(70)  # the process dies here: no clean-up handler runs
    return real(*args, **kwargs)
os.replace = dying
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.slow
def test_an_ingest_dying_at_each_rename_is_finished_or_rolled_back_and_says_which(
    data_copy: Path, tmp_path: Path, new_state: dict[str, str], capsys
) -> None:
    original = hashes(data_copy)
    source = report(tmp_path)
    said = set()
    for n in range(1, 30):
        argv = [
            sys.executable,
            "-c",
            DIE_AT,
            str(n),
            "--data",
            str(data_copy),
            "ingest",
            str(source),
            "--yes",
        ]
        done = subprocess.run(argv, capture_output=True, timeout=120)
        assert main(["--lang", "en", "--data", str(data_copy), "check"]) == 0
        err = capsys.readouterr().err
        state = hashes(data_copy)
        assert state in (original, new_state) and not leftovers(data_copy)
        if "finished an interrupted ingest" in err:
            said.add("finished")
            assert state == new_state
        elif "rolled back an interrupted ingest" in err or "had not changed the dataset" in err:
            said.add("rolled back")
            assert state == original
        if state == new_state:
            assert main(["--data", str(data_copy), "undo"]) == 0
        assert hashes(data_copy) == original
        if done.returncode == 0:
            break
    assert said == {"finished", "rolled back"}


# -- undo never loses anything ------------------------------------------------------------------------------------


def test_undo_refuses_to_discard_a_hand_edit_and_names_the_file(
    data_copy: Path, tmp_path: Path, capsys
) -> None:
    assert main(["--data", str(data_copy), "ingest", str(report(tmp_path)), "--yes"]) == 0
    edited = data_copy / "cluster_revenue.csv"
    text = edited.read_text(encoding="utf-8-sig").replace("70.5", "71.25")
    edited.write_text(text, encoding="utf-8-sig")
    after_edit = hashes(data_copy)
    capsys.readouterr()
    assert main(["--data", str(data_copy), "undo"]) == EXIT_INVALID
    err = capsys.readouterr().err
    assert "cluster_revenue.csv" in err and "导入后已被修改" in err
    assert hashes(data_copy) == after_edit  # the edit is kept, and nothing else was restored either


@pytest.mark.parametrize("form", ["plain list", "with hashes"])
def test_a_journal_cannot_reach_outside_the_dataset(
    data_copy: Path, tmp_path: Path, form: str, capsys
) -> None:
    outside = data_copy.parent / "precious.csv"
    outside.write_bytes(b"keep me")
    entry = data_copy / ".history" / "20261126-100000-000000"
    entry.mkdir(parents=True)
    (entry.parent / "precious.csv").write_bytes(b"evil")  # what entry/../precious.csv points at
    (data_copy / "...").mkdir()  # lets a temporary file named ".../precious.csv.*" be created
    evil = hashlib.sha256(b"evil").hexdigest()
    files = (
        ["../precious.csv"]
        if form == "plain list"
        else [{"name": "../precious.csv", "before": evil, "after": hashlib.sha256(b"keep me").hexdigest()}]
    )
    (entry / "journal.json").write_text(json.dumps({"reason": "x", "files": files}), encoding="utf-8")
    assert main(["--data", str(data_copy), "undo"]) == EXIT_INVALID
    assert "不在数据集目录内" in capsys.readouterr().err
    assert outside.read_bytes() == b"keep me"


def test_a_truncated_journal_is_a_message_not_a_dead_end(data_copy: Path, tmp_path: Path, capsys) -> None:
    assert main(["--data", str(data_copy), "ingest", str(report(tmp_path)), "--yes"]) == 0
    after = hashes(data_copy)
    (entry,) = applied_entries(data_copy)
    (entry / "journal.json").write_text('{"reason": "ingest", "fi', encoding="utf-8")
    capsys.readouterr()
    assert main(["--data", str(data_copy), "undo"]) == EXIT_INVALID
    err = capsys.readouterr().err
    assert "日志文件不完整或已损坏" in err and "已移到一旁" in err
    assert hashes(data_copy) == after
    assert main(["--data", str(data_copy), "undo"]) == 1  # the next undo works again: nothing left
    assert (entry.parent / (entry.name + ".broken") / "reports.csv").is_file()  # the saved files are kept


# -- the lock and the prompt ---------------------------------------------------------------------------------------


def test_the_lock_is_not_held_while_the_user_decides(data_copy: Path, tmp_path: Path) -> None:
    from console.reports.store import ingest

    free = []

    def confirm(changes) -> bool:  # type: ignore[no-untyped-def]
        lock = FileLock(data_copy / ".devzones.lock")
        lock.acquire(timeout=0)  # raises Timeout if the ingest still held it
        lock.release()
        free.append(True)
        return True

    _, entry = ingest(data_copy, [report(tmp_path)], confirm=confirm, today=TODAY)
    assert free == [True] and entry is not None


def test_a_change_made_while_the_user_decides_is_not_overwritten(data_copy: Path, tmp_path: Path) -> None:
    from console.reports.store import DatasetChanged, ingest

    mine = report(
        tmp_path, "zone,period,item,value,submitted\n平舆,2026Q3,皮革皮具,70,2026-10-02\n", "mine.csv"
    )
    theirs = report(
        tmp_path, "zone,period,item,value,submitted\n平舆,2026Q3,皮革皮具,80,2026-10-02\n", "theirs.csv"
    )

    def confirm(changes) -> bool:  # type: ignore[no-untyped-def]
        ingest(data_copy, [theirs], confirm=lambda c: True, today=TODAY)  # a colleague is quicker
        return True

    with pytest.raises(DatasetChanged, match="run ingest again"):
        ingest(data_copy, [mine], confirm=confirm, today=TODAY)
    revenue = load_dataset(data_copy)["cluster_revenue"]
    assert revenue.filter(
        (pl.col("zone") == "平舆县开发区")
        & (pl.col("industry") == "皮革皮具")
        & (pl.col("period") == "2026Q3")
    )["revenue_ytd"].to_list() == [80.0]


def test_a_busy_lock_is_a_clear_message_after_a_short_wait(
    data_copy: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    from console.core import files

    monkeypatch.setattr(files, "LOCK_TIMEOUT", 0.2)
    original = hashes(data_copy)
    with FileLock(data_copy / ".devzones.lock"):
        assert main(["--data", str(data_copy), "ingest", str(report(tmp_path)), "--yes"]) == EXIT_FILES
        assert "数据集正被另一个导入或撤销占用，请稍后再试" in capsys.readouterr().err
        assert main(["--lang", "en", "--data", str(data_copy), "undo"]) == EXIT_FILES
        assert "locked by another ingest or undo; try again" in capsys.readouterr().err
    assert hashes(data_copy) == original


def test_an_entry_from_an_older_devzones_is_undone_keeping_the_current_files(
    data_copy: Path, tmp_path: Path, capsys
) -> None:
    """Its journal lists names only (no hashes): undo restores, and keeps what it replaces beside."""
    original = hashes(data_copy)
    assert main(["--data", str(data_copy), "ingest", str(report(tmp_path)), "--yes"]) == 0
    (entry,) = applied_entries(data_copy)
    names = [f["name"] for f in json.loads((entry / "journal.json").read_text(encoding="utf-8"))["files"]]
    (entry / "journal.json").write_text(json.dumps({"reason": "ingest", "files": names}), encoding="utf-8")
    edited = data_copy / "cluster_revenue.csv"
    edited.write_bytes(edited.read_bytes() + b"\n")  # a hand edit since
    hand_edit = edited.read_bytes()
    assert main(["--data", str(data_copy), "undo"]) == 0
    assert hashes(data_copy) == original
    kept = entry.with_name(entry.name + ".undone") / "kept-at-undo" / "cluster_revenue.csv"
    assert kept.read_bytes() == hand_edit


def test_recovery_removes_only_what_devzones_made(data_copy: Path, tmp_path: Path) -> None:
    """A user's own hidden file is never taken for a leftover."""
    from console.reports.store import recover

    mine = data_copy / ".notes.tmp"
    mine.write_bytes(b"my notes")
    (data_copy / ".reports.csv.0badc0de.tmp").write_bytes(b"half")
    recover(data_copy)
    assert mine.read_bytes() == b"my notes"
    assert not (data_copy / ".reports.csv.0badc0de.tmp").exists()
