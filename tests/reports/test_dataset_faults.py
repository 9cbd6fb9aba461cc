"""Faults that must not lose data or escape the dataset: an interrupted ``init``, a group-shared dataset
(umask 002) after a killed ingest, and symbolic links where devzones writes."""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from console.cli import EXIT_OK, main
from tests.support.faults import failing


def everything(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


# -- 16: init is all or nothing ---------------------------------------------------------------------------------


@pytest.mark.slow
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


# -- 17: symbolic links inside the dataset ---------------------------------------------------------------------

TODAY = date(2026, 11, 26)
REPORT = "zone,period,item,value,submitted\n平舆,2026Q3,皮革皮具,70.5,2026-10-02\n"


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every path under ``folder`` (hidden ones too, links not followed) with a file's bytes."""
    found: dict[str, bytes | None] = {}
    for root, dirs, names in os.walk(folder):
        for name in dirs + [n for n in names if n != ".devzones.lock"]:  # the lock file may appear
            path = Path(root, name)
            found[str(path.relative_to(folder))] = (
                path.read_bytes() if path.is_file() and not path.is_symlink() else None
            )
    return found


def ingest_report(data: Path, tmp_path: Path) -> int:
    source = tmp_path / "r.csv"
    source.write_text(REPORT, encoding="utf-8")
    return main(["--lang", "en", "--data", str(data), "ingest", str(source), "--yes"])


def moved_out(path: Path, outside: Path) -> None:
    """``path`` moved to ``outside`` and replaced by a symbolic link to it."""
    shutil.move(path, outside)
    path.symlink_to(outside, target_is_directory=outside.is_dir())


@pytest.mark.parametrize("link", [".history", "entry", "kept", ".devzones.lock"])
def test_a_symbolic_link_where_ingest_or_undo_writes_is_refused_naming_it(
    data_copy: Path, tmp_path: Path, link: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nothing is written outside the dataset, and the dataset is unchanged; the message names the link."""
    outside = tmp_path / "outside"
    if link == ".history":
        outside.mkdir()
        (data_copy / ".history").symlink_to(outside, target_is_directory=True)
        named = data_copy / ".history"
    elif link == ".devzones.lock":  # a dangling link: opening it to lock would create the file outside
        named = data_copy / ".devzones.lock"
        named.unlink(missing_ok=True)
        named.symlink_to(outside)
    else:  # an applied ingest whose entry (or a folder in it) now leads outside: undo would write there
        assert ingest_report(data_copy, tmp_path) == EXIT_OK
        (entry,) = [p for p in (data_copy / ".history").iterdir() if "." not in p.name]
        named = entry if link == "entry" else entry / "kept-at-undo"
        if link == "kept":  # an entry from an older devzones (no hashes): undo keeps the current files
            journal = json.loads((entry / "journal.json").read_text(encoding="utf-8"))
            journal["files"] = [f["name"] for f in journal["files"]]
            (entry / "journal.json").write_text(json.dumps(journal), encoding="utf-8")
            outside.mkdir()
            named.symlink_to(outside, target_is_directory=True)
        else:
            moved_out(entry, outside)
    capsys.readouterr()

    def look() -> object:
        return tree(outside) if outside.is_dir() else outside.exists()

    outside_before = look()
    dataset_before = tree(data_copy)
    for command in (["undo"], ["check"]) if link in ("entry", "kept") else (["ingest"], ["undo"], ["check"]):
        if command == ["ingest"]:
            code = ingest_report(data_copy, tmp_path)
        else:
            code = main(["--lang", "en", "--data", str(data_copy), *command])
        err = capsys.readouterr().err
        assert "Traceback" not in err
        if command != ["check"]:  # check writes only to recover what a crash left (nothing here)
            assert code != EXIT_OK, command
            assert str(named) in err and "symbolic link" in err and "Traceback" not in err, err
        assert look() == outside_before, f"{command} wrote outside the dataset through {link}"
        assert tree(data_copy) == dataset_before, command


# -- 13: a dataset shared by a group ------------------------------------------------------------------------------

DIE_AT = """
import os, sys
os.umask(0o002)  # a group sharing the dataset: what one member makes, the others may change
from console.cli import main
real, calls, n = os.replace, [0], int(sys.argv[1])
def dying(*args, **kwargs):
    calls[0] += 1
    if calls[0] == n:
        os._exit(70)  # killed here: no clean-up runs
    return real(*args, **kwargs)
os.replace = dying
sys.exit(main(sys.argv[2:]))
"""


def tables(data: Path) -> dict[str, object]:
    from console.data.loader import load_dataset

    ds = load_dataset(data)
    return {"as_of": ds.manifest.as_of, **{name: ds[name].rows() for name in ("cluster_revenue", "reports")}}


def not_shared(data: Path, before: set[int]) -> list[str]:
    """What the killed ingest made that another member of the group could not read, change or remove
    (``before``: the inodes there already; a staging folder links the dataset's own files)."""
    wrong = []
    for root, dirs, names in os.walk(data):
        for name in dirs + names:
            path = Path(root, name)
            if path.lstat().st_ino in before:
                continue
            mode = path.lstat().st_mode
            need = 0o070 if stat.S_ISDIR(mode) else 0o060
            if mode & need != need or (stat.S_ISDIR(mode) and not mode & stat.S_ISGID):
                wrong.append(f"{path.relative_to(data)} {stat.filemode(mode)}")
    return wrong


@pytest.mark.slow
def test_an_ingest_killed_on_a_group_shared_dataset_is_hidden_from_readers_and_left_to_the_group(
    data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """umask 002 and a setgid folder: whatever a killed ingest leaves (staging folder, history entry,
    temp files) is group-writable, so another member can recover or undo it; meanwhile a reader sees
    the dataset as it was before the ingest, never half of it."""
    umask = os.umask(0o002)  # the other member (this process) shares the group's umask too
    try:
        killed = shared_dataset(data_copy, tmp_path, capsys)
    finally:
        os.umask(umask)
    assert killed >= 3  # the ingest was killed part-way several times before it was let finish


def shared_dataset(data_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> int:
    """Kill an ingest at each of its renames in turn, checking the dataset after each; how many kills."""
    os.chmod(data_copy, 0o2775)
    source = tmp_path / "r.csv"
    source.write_text(REPORT, encoding="utf-8")
    old = tables(data_copy)
    before = {p.lstat().st_ino for p in data_copy.rglob("*")}
    killed = 0
    for n in range(1, 40):
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
        if done.returncode == 0:
            assert tables(data_copy) != old  # the ingest does change what a reader sees
            break
        killed += 1
        assert not_shared(data_copy, before) == [], f"killed at os.replace #{n}"
        assert tables(data_copy) == old, f"killed at os.replace #{n}: a reader saw half an ingest"
        assert main(["--data", str(data_copy), "check"]) == EXIT_OK  # recovers: finished or rolled back
        if tables(data_copy) != old:
            assert main(["--data", str(data_copy), "undo"]) == EXIT_OK
        capsys.readouterr()
        assert tables(data_copy) == old
    return killed


def test_an_exports_staging_folder_follows_the_umask(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written as a set (an export with its manifest) are staged in a folder the group may clean
    up after a kill: mkdtemp made it 0700 whatever the umask."""
    from console.core import files

    modes = []
    real = files.write_new

    def spy(path: Path, data: bytes) -> None:
        modes.append(stat.S_IMODE(path.parent.stat().st_mode))
        real(path, data)

    monkeypatch.setattr(files, "write_new", spy)
    umask = os.umask(0o002)
    try:
        files.place_together(
            [(tmp_path / "a.csv", lambda h: h.write(b"a")), (tmp_path / "b.csv", lambda h: h.write(b"b"))]
        )
    finally:
        os.umask(umask)
    assert modes and all(mode == 0o775 for mode in modes), [oct(m) for m in modes]
    assert stat.S_IMODE((tmp_path / "a.csv").stat().st_mode) == 0o664
