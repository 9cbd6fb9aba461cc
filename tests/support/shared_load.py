"""The embedded dataset loaded once per test process for the consoles the tests start.

Profiled on one Pilot test (80x24 to 160x48, embedded data, 2 loaded cores): about a third of a second
of its one second goes to reading, parsing and validating the embedded tables in the app's load
worker, the rest to Textual (compose, styles, compositor) and the first evaluation. The files never
change during a run (tests write only to copies), and a ``Dataset`` is frozen with frames never
mutated after loading (console/data/dataset.py), so every console started on the embedded folder can
share one load: the app's worker still runs ``load_dataset``, evaluates and draws; only the parsing of
unchanged files is skipped.

Only loads made in a worker thread (a console's) and only of the embedded folder, unchanged since it
was read, are shared: the loader's own tests and the CLI (main thread) and every copy of the data
(``data_copy``, ``tmp_path``) load from disk as before.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from console.core.paths import embedded_data_dir
from console.data.dataset import Dataset

Loader = Callable[[Path], Dataset]


def _state(directory: Path) -> tuple[tuple[str, int, int], ...]:
    """Every file under ``directory`` (hidden history included) with its size and modification time."""
    out = []
    for path in sorted(directory.rglob("*")):
        if path.is_file():
            stat = path.stat()
            out.append((str(path.relative_to(directory)), stat.st_size, stat.st_mtime_ns))
    return tuple(out)


class SharedEmbeddedLoad:
    """A ``load_dataset`` that gives a console's worker the embedded dataset read once per process."""

    def __init__(self, real: Loader) -> None:
        self.real = real
        self.embedded = embedded_data_dir().resolve()
        self._lock = threading.Lock()
        self._loaded: dict[str, tuple[tuple[tuple[str, int, int], ...], Dataset]] = {}
        self.shared = 0  # how many loads this instance answered from memory (for its own test)

    def __call__(self, directory: Path) -> Dataset:
        if (
            threading.current_thread() is threading.main_thread()
            or Path(directory).resolve() != self.embedded
        ):
            return self.real(directory)
        state = _state(self.embedded)
        with self._lock:
            known = self._loaded.get(str(directory))  # by the path as given: it is the dataset's source
            if known is not None and known[0] == state:
                self.shared += 1
                return known[1]
        ds = self.real(directory)
        if _state(self.embedded) == state:  # unchanged while it was read
            with self._lock:
                self._loaded[str(directory)] = (state, ds)
        return ds
