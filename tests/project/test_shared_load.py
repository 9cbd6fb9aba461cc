"""The embedded dataset shared by the consoles a test process starts (tests/support/shared_load.py):
shared only where nothing can differ, re-read the moment anything could."""

from __future__ import annotations

import threading
from pathlib import Path

import console.data.loader
from console.data.dataset import Dataset
from tests.support.shared_load import SharedEmbeddedLoad


def _in_a_worker(load: SharedEmbeddedLoad, directory: Path) -> Dataset:
    out: list[Dataset] = []
    thread = threading.Thread(target=lambda: out.append(load(directory)))
    thread.start()
    thread.join()
    return out[0]


def test_a_console_worker_reads_the_embedded_data_once(data_dir: Path) -> None:
    load = SharedEmbeddedLoad(console.data.loader.load_dataset)
    first = _in_a_worker(load, data_dir)
    assert _in_a_worker(load, data_dir) is first and load.shared == 1


def test_the_main_thread_and_copies_always_read_from_disk(data_dir: Path, data_copy: Path) -> None:
    load = SharedEmbeddedLoad(console.data.loader.load_dataset)
    first = _in_a_worker(load, data_dir)
    assert load(data_dir) is not first  # the loader's own tests and the CLI run in the main thread
    one, other = _in_a_worker(load, data_copy), _in_a_worker(load, data_copy)
    assert one is not other
    assert load.shared == 0


def test_a_changed_file_is_read_again(data_copy: Path) -> None:
    """A folder standing in for the embedded one: a file written between two consoles' loads (size and
    time changed) is read again, never answered from memory."""
    load = SharedEmbeddedLoad(console.data.loader.load_dataset)
    load.embedded = data_copy.resolve()
    first = _in_a_worker(load, data_copy)
    assert _in_a_worker(load, data_copy) is first
    zones = data_copy / "zones.csv"
    zones.write_bytes(zones.read_bytes() + b"\n")
    assert _in_a_worker(load, data_copy) is not first and load.shared == 1
