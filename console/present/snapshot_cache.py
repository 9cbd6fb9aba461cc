"""Evaluations per year and county filter, and views per language, computed once for one dataset.

At national scale (2,543 zones) one evaluation takes about half a second and one set of views as
long again, so a change of year, language or county filter that recomputes both costs over a
second. The console keeps one ``SnapshotCache`` per loaded dataset: a choice made before is a
look-up, and ``prewarm`` computes the choices a user is likely to make next (the other language,
the other years) in a worker thread while the user reads the first screen. A county filter is never
evaluated afresh: its evaluation, snapshot and views are selected from the city's (``narrow``,
``assemble.narrow_views``), a few milliseconds where a new evaluation and views took a fifth of a
second and more. A new dataset (a reload) gets a new cache, so nothing stale is ever shown. Plain Python, no Textual; safe to use from
several threads (each entry is computed once; a second caller waits for the first).
"""

from __future__ import annotations

import gc
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from console.core.config import Settings
from console.data.dataset import Dataset
from console.engine.evaluation import Evaluation, check_counties, check_year, evaluate, narrow
from console.present import assemble
from console.present.assemble import Snapshot
from console.present.fit import column_widths, forget_widths
from console.present.view_bytes import views_bytes
from console.present.viewmodel import Views
from console.words import Lang, other_lang

T = TypeVar("T")

SnapshotKey = tuple[int | None, tuple[str, ...]]
ViewsKey = tuple[int | None, tuple[str, ...], Lang, bool, str]


class _Entry:
    """One value being computed or computed; waiters block on ``done``."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.value: object = None
        self.error: BaseException | None = None
        self.size = 0  # views: the bytes they hold (view_bytes), once made


class SnapshotCache:
    """Snapshots per (year, counties) and views per (year, counties, language, symbols, unit).

    ``limit_bytes`` (default: the config's ``[performance] view_cache_mb``) bounds the bytes of views
    kept, measured by ``view_bytes``: one set of views of the embedded data holds about 0.5 MB, of the
    2,543-zone dataset about 30 MB. The least recently used go first, but never the views on screen
    (the last asked for by ``views`` or found by ``ready``) nor views being made; the prewarm stops
    where another set would not fit. With a set of views go the widths measured for it and the
    snapshots and evaluations no kept views need: nothing is kept that the screen cannot show.
    """

    def __init__(self, ds: Dataset, settings: Settings, limit_bytes: int | None = None) -> None:
        self.dataset = ds
        self.settings = settings
        self.limit_bytes = round(settings.view_cache_mb * 1e6) if limit_bytes is None else limit_bytes
        self._shown: ViewsKey | None = None
        self._lock = threading.Lock()
        self._evaluations: dict[SnapshotKey, _Entry] = {}
        self._snapshots: dict[SnapshotKey, _Entry] = {}
        self._views: OrderedDict[ViewsKey, _Entry] = OrderedDict()

    def _get(self, table: dict[Any, _Entry], key: object, make: Callable[[], T]) -> T:
        with self._lock:
            entry = table.get(key)
            owner = entry is None
            if entry is None:
                entry = table[key] = _Entry()
            if isinstance(table, OrderedDict):
                table.move_to_end(key)
        if owner:
            try:
                entry.value = make()
                if table is self._views:
                    entry.size = views_bytes(entry.value)  # type: ignore[arg-type]
            except BaseException as exc:  # the caller sees it; a later call tries again
                entry.error = exc
                with self._lock:
                    if table.get(key) is entry:
                        del table[key]
            finally:
                entry.done.set()
            if table is self._views:
                with self._lock:
                    self._evict()
            # What is kept from now on is long-lived: out of the cycle collector's way, so that
            # collections (on the UI thread too) do not rescan hundreds of thousands of cells.
            gc.freeze()
        else:
            entry.done.wait()
        if entry.error is not None:
            raise entry.error
        return entry.value  # type: ignore[return-value]

    def held(self) -> int:
        """The bytes of the views kept (made ones)."""
        return sum(e.size for e in self._views.values())

    def _evict(self) -> None:
        """Drop the least recently used views while the views kept hold more than ``limit_bytes``,
        except the views on screen and views being made; then what only the dropped ones needed.
        Called with the lock held."""
        held = self.held()
        for key in list(self._views):
            if held <= self.limit_bytes:
                break
            entry = self._views[key]
            if key == self._shown or not entry.done.is_set():
                continue
            del self._views[key]
            held -= entry.size
            if isinstance(entry.value, Views):
                for view in entry.value.tables.values():
                    forget_widths(view)
        needed = {(k[0], k[1]) for k in self._views} | {(k[0], ()) for k in self._views}
        if self._shown is not None:
            needed |= {(self._shown[0], self._shown[1]), (self._shown[0], ())}
        for table in (self._snapshots, self._evaluations):
            for gone in [k for k, e in table.items() if k not in needed and e.done.is_set()]:
                del table[gone]

    def _ready(self, table: dict[Any, _Entry], key: object) -> Any:
        """The value computed for ``key``, or None if it is not (yet) there: never waits or computes."""
        with self._lock:
            entry = table.get(key)
        if entry is None or not entry.done.is_set() or entry.error is not None:
            return None
        return entry.value

    def evaluation(self, year: int | None, counties: Sequence[str] | None) -> Evaluation:
        """The status engine's evaluation alone (no rankings, no revenue history)."""
        chosen = tuple(counties or ())
        if year is None:
            year = check_year(self.dataset, year)
        return self._get(self._evaluations, (year, chosen), lambda: self._evaluate(year, chosen))

    def _evaluate(self, year: int, counties: tuple[str, ...]) -> Evaluation:
        """The city's evaluation, or a county filter's selected from the city's (cached) one: the
        city's is needed beside it anyway (headline goals, ranks), and selecting takes milliseconds."""
        if not counties:
            return evaluate(self.dataset, self.settings, year, ())
        check_counties(self.dataset, counties)  # an unknown county is said before the city is evaluated
        return narrow(self.dataset, self.evaluation(year, ()), counties)

    def first_screen(
        self, year: int | None, counties: Sequence[str] | None, lang: Lang, ascii_only: bool
    ) -> Views:
        """Header and overview without the tables: what the first screen needs, sooner (see views)."""
        ev = self.evaluation(year, counties)
        city = self.evaluation(ev.year, ()) if ev.counties else None
        return assemble.first_views(self.dataset, ev, city, lang, ascii_only)

    def snapshot(self, year: int | None, counties: Sequence[str] | None) -> Snapshot:
        """The evaluation of ``year`` (None: the default year) for ``counties`` (empty: the city)."""
        chosen = tuple(counties or ())
        if year is None:
            year = check_year(self.dataset, year)
        whole = self.snapshot(year, ()) if chosen else None
        return self._get(
            self._snapshots,
            (year, chosen),
            lambda: assemble.compute(
                self.dataset, self.settings, year, chosen, whole, self.evaluation(year, chosen)
            ),
        )

    def views(
        self,
        year: int | None,
        counties: Sequence[str] | None,
        lang: Lang,
        ascii_only: bool,
        unit: str = "",
        shown: bool = True,
    ) -> tuple[Snapshot, Views]:
        """The snapshot and its views in ``lang`` and symbol set, for the tasks of ``unit``; ``shown``:
        they go on screen (the cache never drops them while they are the last shown)."""
        snap = self.snapshot(year, counties)
        key = (snap.evaluation.year, tuple(counties or ()), lang, ascii_only, unit or "")
        if shown:
            with self._lock:
                self._shown = key
        views = self._get(self._views, key, lambda: _measured(self._render(snap, key)))
        return snap, views

    def _render(self, snap: Snapshot, key: ViewsKey) -> Views:
        """The views of ``key``: a county filter's selected from the city's views when these are
        made (``assemble.narrow_views``), else rendered."""
        year, counties, lang, ascii_only, unit = key
        if counties:
            whole = self._ready(self._views, (year, (), lang, ascii_only, unit))
            if whole is not None:
                narrowed = assemble.narrow_views(snap, self.snapshot(year, ()), whole, unit)
                if narrowed is not None:
                    return narrowed
        return assemble.render_views(snap, lang, ascii_only, unit)

    def ready(
        self, year: int | None, counties: Sequence[str] | None, lang: Lang, ascii_only: bool, unit: str = ""
    ) -> tuple[Snapshot, Views] | None:
        """The snapshot and views of this choice if they are made already, else None: a look-up that
        never waits or computes (the console shows a choice made before at once, without a worker)."""
        chosen = tuple(counties or ())
        if year is None:
            year = check_year(self.dataset, year)
        key = (year, chosen, lang, ascii_only, unit or "")
        snap = self._ready(self._snapshots, (year, chosen))
        views = self._ready(self._views, key)
        if snap is None or views is None:
            return None
        with self._lock:
            if key in self._views:
                self._views.move_to_end(key)
            self._shown = key
        return snap, views

    def prewarm(
        self,
        year: int | None,
        counties: Sequence[str] | None,
        lang: Lang,
        ascii_only: bool,
        unit: str = "",
        cancelled: Callable[[], bool] = lambda: False,
    ) -> int:
        """Compute what the next key press will likely ask for; returns how many views it made ready.

        In order: the choice itself, the other language, then each other year (the way ``y`` cycles), both languages.
        Stops early when ``cancelled()`` says so (a newer choice was made), and where one more set of
        views (as large as the largest made) would not fit in ``limit_bytes``.
        """
        other = other_lang(lang)
        years = self.dataset.years
        start = self.snapshot(year, counties).evaluation.year
        index = years.index(start) if start in years else -1
        order = [years[(index + i) % len(years)] for i in range(1, len(years))]
        wanted = [(start, lang), (start, other)] + [(y, lang) for y in order] + [(y, other) for y in order]
        made = 0
        for want_year, want_lang in wanted:
            with self._lock:
                full = self.held() + max((e.size for e in self._views.values()), default=0) > self.limit_bytes
            if cancelled() or (full and made):
                break
            self.views(want_year, counties, want_lang, ascii_only, unit, shown=False)
            made += 1
        return made


def _measured(views: Views) -> Views:
    """``views`` with each table's column widths measured now (off the UI thread), for the table to
    look up when it shows them."""
    for view in views.tables.values():
        column_widths(view)
    return views
