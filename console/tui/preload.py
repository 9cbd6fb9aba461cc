"""The data load of a launch, started before Textual is imported: plain Python, no Textual import.

On a first launch (nothing cached) the first screen waits for polars, the dataset and one evaluation,
about 0.7 s of one core at 2,543 zones; Textual's import and the app's start take about 0.3 s more.
``Forked`` makes the views in a child process with a core and an interpreter lock of its own, and
the console reads them as at a second launch (without polars or the dataset); where a fork is not
safe, ``Preload`` loads in a thread, whose result the data worker takes (``Preload.result``). A thread
shares the lock with Textual's start: on 2 cores it was no faster than loading after the mount.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import sys
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from console.core.text import clean, in_lang

if TYPE_CHECKING:
    from collections.abc import Callable

    from console.core.config import Settings
    from console.data.dataset import Dataset
    from console.present.snapshot_cache import SnapshotCache
    from console.present.viewmodel import Views
    from console.tui.session import Choice


@dataclass(frozen=True)
class Prepared:
    """A loaded dataset, its snapshot cache and the first screen (header and overview) of ``year`` and
    ``counties`` (the defaults when the remembered ones are not in the data: ``warning`` says so)."""

    dataset: Dataset
    cache: SnapshotCache
    first: Views
    year: int | None
    counties: tuple[str, ...]
    warning: str = ""


def as_it_stood(ds: Dataset, settings: Settings) -> Dataset:
    """``ds`` as it stood at the end of the quarter of ``--as-of`` (``ds`` itself without it); a quarter
    the data does not cover is a DataInvalid naming what it covers, in the settings' language."""
    if not settings.as_of:
        return ds
    from console.data.errors import DataError, DataInvalid
    from console.engine.as_of import AsOfRefused, dataset_as_of, parse_as_of
    from console.words import as_lang
    from console.words.cli import CLI

    try:
        return dataset_as_of(ds, parse_as_of(ds, settings.as_of))
    except AsOfRefused as exc:
        words = CLI(
            f"as_of_{exc.kind}",
            as_lang(settings.lang),
            option="--as-of",
            value=clean(settings.as_of),
            first=exc.first,
            last=exc.last,
        )
        raise DataInvalid([DataError("--as-of", None, None, None, words)]) from None


def timeline(phase: str) -> None:
    """For benchmarks/bench_console.py: with DEVZONES_TIMELINE naming a file, the moment (the system's
    monotonic clock, which every process shares) a first launch's load reached ``phase``."""
    path = os.environ.get("DEVZONES_TIMELINE")
    if path:
        with contextlib.suppress(OSError), open(path, "a", encoding="utf-8") as out:
            out.write(f"{phase} {time.monotonic():.6f}\n")


def prepare(settings: Settings, choice: Choice) -> Prepared:
    """Load the dataset and make the first screen of ``choice`` (polars and the engine imported here).
    Raises what loading raises (DataInvalid, UnknownChoice, OSError...): the data worker reports it."""
    import polars  # noqa: F401 - first: the timeline tells its import from the console's modules

    timeline("polars")
    from console.data.loader import load_dataset
    from console.engine.evaluation import UnknownChoice
    from console.present.snapshot_cache import SnapshotCache

    timeline("modules")
    ds = as_it_stood(load_dataset(settings.data_dir), settings)
    timeline("loaded")
    cache = SnapshotCache(ds, settings)
    year, counties = choice.year, choice.counties
    try:
        first = cache.first_screen(year, counties, choice.lang, choice.ascii_only)
        timeline("first_screen")
    except UnknownChoice as exc:  # a remembered year or county this data does not have
        warning = clean(in_lang(exc.args[0], choice.lang))
        first = cache.first_screen(None, (), choice.lang, choice.ascii_only)
        return Prepared(ds, cache, first, None, (), warning)
    return Prepared(ds, cache, first, year, counties)


class Preload:
    """``prepare`` running in a daemon thread from now; ``result`` waits for it (raising what it raised).
    ``choice``: what it was started for (a worker started for another choice loads afresh)."""

    def __init__(self, settings: Settings, choice: Choice) -> None:
        self.settings, self.choice = settings, choice
        self._done = threading.Event()
        self._value: Prepared | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="devzones-preload", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._value = prepare(self.settings, self.choice)
        except BaseException as exc:  # handed to whoever takes the result
            self._error = exc
        finally:
            self._done.set()

    def result(self) -> Prepared:
        """The prepared data, once loaded (waits for it)."""
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._value is not None
        return self._value


def can_fork() -> bool:
    """Whether a child process may make the views: a POSIX system, and nothing running yet that a fork
    would break (no other thread, polars not imported: its thread pool does not survive a fork)."""
    return hasattr(os, "fork") and threading.active_count() == 1 and "polars" not in sys.modules


class Forked:
    """The views of a first launch made in a child process forked before Textual and polars are
    imported: it has a core and an interpreter lock of its own, so the load does not wait for Textual's
    start (a thread shared the lock with it). The child sends the first screen (header and overview)
    through a pipe, then stores the whole views in the view cache (``key``) and says so; the console
    then reads them as at a second launch, without polars or the dataset (loaded when a key asks for
    more). When the child fails (bad data, a remembered year not in the data, no cache to write), the
    console loads the data itself, and says what is wrong as it always did."""

    def __init__(self, settings: Settings, choice: Choice, key: str) -> None:
        self.choice, self.key = choice, key
        self.stopped = self._reaped = False
        self._reaping = threading.Lock()
        read, write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child: never returns
            os.close(read)
            os._exit(_child(settings, choice, key, write))
        os.close(write)
        self._pipe = os.fdopen(read, "rb")

    def _waited(self, cancelled: Callable[[], bool]) -> bool:
        """Wait until the child has written more (or ended); False, and the child ended, once
        ``cancelled()`` says the console quits: Textual waits for its worker threads before it lets the
        terminal go, and a worker blocked on the pipe kept the user seconds at a blank screen."""
        while not select.select([self._pipe], [], [], 0.1)[0]:
            if cancelled():
                self.stop()
                return False
        return True

    def first(self, cancelled: Callable[[], bool] = lambda: False) -> Views | None:
        """The first screen the child made, once made; None if it failed or the console quits."""
        from console.present import view_cache as viewcache

        if not self._waited(cancelled):
            return None
        size = int.from_bytes(self._pipe.read(8) or b"\0", "big")
        data = self._pipe.read(size) if size else b""
        if not size or len(data) != size:
            return None
        try:
            return viewcache.decode(json.loads(data))
        except (ValueError, KeyError, TypeError, IndexError):
            return None

    def stored(self, cancelled: Callable[[], bool] = lambda: False) -> bool:
        """Whether the child stored the whole views (waits for it to end, and reaps it)."""
        done = self._waited(cancelled) and self._pipe.read(1) == b"W"
        self._pipe.close()
        with self._reaping:
            os.waitpid(self.pid, 0)
            self._reaped = True
        return done and not self.stopped

    def stop(self) -> None:
        """The console quits: end the child now rather than wait seconds for views nobody will see (the
        next launch makes them); the worker then loads nothing."""
        self.stopped = True
        with self._reaping:  # once reaped, its pid may be another process's
            if not self._reaped:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(self.pid, signal.SIGTERM)


def _child(settings: Settings, choice: Choice, key: str, fd: int) -> int:
    """In the forked child: make and send the first screen, store the whole views; its exit code."""
    try:
        null = os.open(os.devnull, os.O_RDWR)
        for std in (0, 1, 2):  # never a key read nor a character written on the console's terminal
            os.dup2(null, std)
        from console.present import view_cache as viewcache

        timeline("forked")
        got = prepare(settings, choice)
        if got.warning:  # the console says it, and loads the defaults itself
            return 1
        first = viewcache.encode(got.first)
        with os.fdopen(fd, "wb") as out:
            data = json.dumps(first, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            out.write(len(data).to_bytes(8, "big") + data)
            out.flush()
            timeline("sent")
            views_of = (got.year, got.counties, choice.lang, choice.ascii_only, choice.unit)
            viewcache.store(key, got.cache.views(*views_of)[1])
            timeline("stored")
            out.write(b"W" if viewcache.load(key, viewcache.FIRST) is not None else b"-")
        return 0
    except BaseException:  # anything at all: the console loads the data itself
        return 1
