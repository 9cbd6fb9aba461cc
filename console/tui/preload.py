"""The data load of a launch, started before Textual is imported: plain Python, no Textual import.

On a first launch (nothing cached) the first screen waits for polars, the dataset and one evaluation,
about 0.7 s at 2,543 zones; Textual's import and the app's start take about 0.3 s more. Done one after
the other, they were 4x the bare Textual app; begun in a thread before Textual is imported, they run
side by side (polars releases the GIL while it reads; the machine has two cores or more). The data
worker then takes the result (``Preload.result``) instead of loading again.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from console.core.text import clean, in_lang

if TYPE_CHECKING:
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


def prepare(settings: Settings, choice: Choice) -> Prepared:
    """Load the dataset and make the first screen of ``choice`` (polars and the engine imported here).
    Raises what loading raises (DataInvalid, UnknownChoice, OSError...): the data worker reports it."""
    from console.data.loader import load_dataset
    from console.engine.evaluation import UnknownChoice
    from console.present.snapshot_cache import SnapshotCache

    ds = as_it_stood(load_dataset(settings.data_dir), settings)
    cache = SnapshotCache(ds, settings)
    year, counties = choice.year, choice.counties
    try:
        first = cache.first_screen(year, counties, choice.lang, choice.ascii_only)
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
