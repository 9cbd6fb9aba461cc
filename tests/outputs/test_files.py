"""File safety: the umask is left alone, placement without hard links, multi-file exports on a full disk."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from console.core import files
from console.outputs.export import ExportError, Provenance, export_views, place
from console.present.assemble import compute, export_selection, render_views

PROV = Provenance(
    title="测试",
    as_of="2026Q3",
    sample=True,
    year=2026,
    counties=(),
    view="all",
    search="",
    sort="",
    lang="zh",
    exported_at="2026-11-26T09:30:00+08:00",
    command="devzones export",
    version="0.1.0",
)


@pytest.fixture(scope="module")
def views(dataset):
    from console.core.config import load_settings

    return render_views(compute(dataset, load_settings(), 2026, ["平舆县"]), "zh", False, words=True)


@contextmanager
def failing(name: str, n: int, error: BaseException | None = None) -> Iterator[list[int]]:
    """``os.<name>`` raises ``error`` (a full disk by default) on its n-th call; yields the call count."""
    real: Callable = getattr(os, name)
    calls = [0]

    def fake(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls[0] += 1
        if calls[0] == n:
            raise error or OSError(errno.ENOSPC, "No space left on device")
        return real(*args, **kwargs)

    setattr(os, name, fake)
    try:
        yield calls
    finally:
        setattr(os, name, real)


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_importing_export_does_not_touch_the_umask() -> None:
    code = (
        "import os\n"
        "def refuse(mask):\n"
        "    raise SystemExit('os.umask was called: it changes the umask of every thread')\n"
        "os.umask = refuse\n"
        "import console.outputs.export, console.sample.generate, console.reports.store\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_created_files_get_the_mode_the_umask_allows(views, tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        written = export_views(export_selection(views, "zones", {}), "csv", tmp_path / "z.csv", PROV)
        written.append(files.atomic_write_bytes(tmp_path / "a.toml", b"x = 1\n"))
    finally:
        os.umask(old)
    assert {oct(p.stat().st_mode & 0o777) for p in written} == {oct(0o666 & ~umask)}


def test_placement_without_hard_links_still_numbers_and_never_overwrites(monkeypatch, tmp_path: Path) -> None:
    def no_links(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(errno.EPERM, "Operation not permitted")  # what FAT or some network shares say

    monkeypatch.setattr(os, "link", no_links)
    first = place(tmp_path / "same.csv", lambda h: h.write(b"one"))
    second = place(tmp_path / "same.csv", lambda h: h.write(b"two"))
    assert (first.name, second.name) == ("same.csv", "same-2.csv")
    assert listing(tmp_path) == {"same.csv": b"one", "same-2.csv": b"two"}


def test_two_placements_at_once_without_hard_links(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(os, "link", lambda *a, **k: (_ for _ in ()).throw(OSError(errno.ENOTSUP, "no")))
    barrier = threading.Barrier(2)
    results: list[Path] = []

    def write(tag: bytes) -> None:
        barrier.wait()
        results.append(place(tmp_path / "same.csv", lambda h: h.write(tag)))

    threads = [threading.Thread(target=write, args=(t,)) for t in (b"one", b"two")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(listing(tmp_path).values()) == [b"one", b"two"]


MULTI = [("csv", "all"), ("parquet", "all"), ("xlsx", "all"), ("json", "zones"), ("md", "clusters")]


@pytest.mark.parametrize(("fmt", "view"), MULTI)
@pytest.mark.parametrize("call", ["write", "fsync", "link", "replace"])
def test_a_full_disk_at_any_call_leaves_nothing_half_written(
    views, tmp_path: Path, fmt: str, view: str, call: str
) -> None:
    """Each n-th call fails in turn; every failure leaves the folder as it was, with a message."""
    chosen = export_selection(views, view, {})
    (tmp_path / "keep.txt").write_bytes(b"already here")
    before = listing(tmp_path)
    failures = 0
    for n in range(1, 200):
        with failing(call, n) as calls:
            try:
                written = export_views(chosen, fmt, tmp_path / f"out.{fmt}", PROV)
            except ExportError as exc:
                assert "No space left on device" in str(exc)
                assert listing(tmp_path) == before, f"{call} #{n} left files behind"
                failures += 1
                continue
        if calls[0] < n:  # the export never reached the n-th call: every call has been failed once
            break
        # A failure after the set was moved in (the folder's fsync) is not one: all files are there.
        assert {p.name for p in written} <= set(os.listdir(tmp_path))
        for p in written:
            p.unlink()
    assert len(written) >= 2 and written[-1].name.endswith(".manifest.toml")
    if call in ("write", "link"):
        assert failures >= len(written)  # each file of the set failed once


def test_forced_export_that_fails_puts_back_the_files_it_replaced(views, tmp_path: Path) -> None:
    chosen = export_selection(views, "all", {})
    export_views(chosen, "csv", tmp_path / "out.csv", PROV)
    before = listing(tmp_path)
    for n in range(1, 4):
        with failing("replace", n), pytest.raises(ExportError):
            export_views(chosen, "csv", tmp_path / "out.csv", PROV, force=True)
        assert listing(tmp_path) == before


def test_a_failed_atomic_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "config.toml"
    target.write_bytes(b"old = 1\n")
    for call in ("write", "fsync", "replace"):
        with failing(call, 1), pytest.raises(OSError):
            files.atomic_write_bytes(target, b"new = 2\n")
        assert listing(tmp_path) == {"config.toml": b"old = 1\n"}


def test_preferences_on_a_full_disk_are_a_warning_and_the_file_is_kept(monkeypatch, tmp_path: Path) -> None:
    from console.core.config import save_state, user_state_file

    assert save_state({"tab": "clusters"}) == []
    path = user_state_file()
    before = path.read_bytes()
    with failing("write", 1):
        warnings = save_state({"tab": "tasks"})
    assert warnings and "state was not saved" in warnings[0]
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".")] == []


def test_numbered_names_keep_a_manifest_with_its_data_file() -> None:
    assert files.numbered(Path("x.csv"), 3) == Path("x-3.csv")
    assert files.numbered(Path("d/z.json.manifest.toml"), 2) == Path("d/z-2.json.manifest.toml")
    assert files.numbered(Path("README"), 2) == Path("README-2")
    assert files.numbered(Path(".hidden"), 2) == Path(".hidden-2")


def test_the_lock_times_out_with_a_clear_message(tmp_path: Path) -> None:
    from filelock import FileLock

    holder = FileLock(tmp_path / files.LOCK_NAME)
    with (
        holder,
        pytest.raises(files.DatasetLocked, match="locked by another ingest; try again"),
        files.dataset_lock(tmp_path, timeout=0.2),
    ):
        pass
    with files.dataset_lock(tmp_path, timeout=0.2):
        pass  # free again


def test_a_long_name_is_written_and_one_too_long_is_a_message(tmp_path: Path) -> None:
    """Temporary names stay short, so any name the file system allows can be written."""
    longest = "长" * 60 + "x" * 60 + ".csv"  # 244 bytes in UTF-8: allowed on common file systems
    assert place(tmp_path / longest, lambda h: h.write(b"ok")).read_bytes() == b"ok"
    with pytest.raises(ExportError, match="could not write"):
        place(tmp_path / ("x" * 300 + ".csv"), lambda h: h.write(b"no"))
    assert [p.name for p in tmp_path.iterdir()] == [longest]


def test_an_export_sweeps_the_staging_folder_a_killed_export_left_and_nothing_else(tmp_path: Path) -> None:
    """An export killed part-way leaves its hidden staging folder beside the target; the next export
    into that folder removes it once it is an hour old. A staging folder still young (an export
    running now), one holding a backup of a replaced file, and anything else hidden are kept."""
    old = os.path.getmtime(tmp_path) - 2 * files.STALE_AFTER

    def staging(name: str, parts: list[str], age: float) -> Path:
        folder = tmp_path / name
        folder.mkdir()
        for part in parts:
            (folder / part).write_bytes(b"x")
        os.utime(folder, (age, age))
        return folder

    killed = staging(".zones.csv.k3_9zq1a.tmp", ["0.part", "1.part", "manifest.part"], old)
    running = staging(".zones.csv.abcdefgh.tmp", ["0.part"], os.path.getmtime(tmp_path))
    backup = staging(".zones.csv.b0b0b0b0.tmp", ["0.part", "0.backup"], old)
    foreign = staging(".cache.tmp", ["0.part"], old)
    users = staging(".notes.12345678.tmp", ["draft.txt"], old)

    files.place(tmp_path / "zones.csv", lambda handle: handle.write(b"a,b\n"))

    assert not killed.exists()
    assert running.exists() and backup.exists() and foreign.exists() and users.exists()
    assert (tmp_path / "zones.csv").read_bytes() == b"a,b\n"
