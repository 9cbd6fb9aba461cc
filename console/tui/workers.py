"""The console's work off the UI thread: plain functions run in worker threads that post one typed
message (console.tui.messages) for their outcome to the app's message queue, where an ``@on`` handler
takes it. polars and the engine are imported here, lazily.

Every function catches what it can fail with, so a failure is reported for what it is and never
reaches Textual as a worker error.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.worker import get_current_worker

from console.core.text import clean, in_lang
from console.present import view_cache as viewcache
from console.tui.messages import (
    CachedViews,
    DataFailed,
    DataLoaded,
    ExportFailed,
    ExportFinished,
    FirstScreen,
    Mailbox,
    ReloadFailed,
    WorkerResult,
    describe,
    post_to,
)
from console.tui.preload import Forked, Preload, as_it_stood, prepare
from console.tui.session import Choice
from console.words.bulletin import BULLETIN
from console.words.tui import TUI

if TYPE_CHECKING:
    from textual.app import App

    from console.core.config import Settings
    from console.data.dataset import Dataset
    from console.engine.changes import Change
    from console.outputs.export import Provenance
    from console.present.assemble import Snapshot
    from console.present.snapshot_cache import SnapshotCache
    from console.tui.startup import Start
    from console.words import Lang
    from widgets.dialogs.bulletin import BulletinChoice

Post = Callable[[WorkerResult], object]
Wait = Callable[[], object] | None  # what a worker waits for before it starts (a paint)

__all__ = ["Choice", "Post", "poster"]


def poster(app: Mailbox) -> Post:
    """How a worker of ``app`` reports: its message goes to the app's queue, and the worker waits
    until the app has handled it, so whoever waits for the workers (a screenshot, a test) sees the
    outcome drawn."""
    return partial(post_to, app)


def _internal(message: str) -> DataFailed:
    from console.data.errors import DataError

    return DataFailed([DataError("devzones", None, None, None, clean(message))], False, message)


def load(
    post: Post,
    settings: Settings,
    choice: Choice,
    cache_key: str | None,
    preload: Preload | None = None,
    wait: Wait = None,
    tables_from: str = "",
) -> None:
    """Load and evaluate the dataset (or take what ``preload``, begun before Textual was imported for
    this choice, made): the first screen (header and overview) is posted first, then the whole views,
    remembered in the view cache when ``cache_key`` is given. ``wait`` is called first (a cached
    first screen: until it is drawn); then, with ``tables_from`` (the key of a cached first screen
    drawn without its tables), the whole cached views are read and posted."""
    if wait is not None:
        wait()
    whole = viewcache.load(tables_from) if tables_from else None
    if whole is not None:
        post(CachedViews(whole))
    from console.data.errors import DataError, DataInvalid
    from console.engine.evaluation import UnknownChoice

    try:
        ready = preload is not None and preload.choice == choice
        got = preload.result() if ready and preload is not None else prepare(settings, choice)
        # The header and overview now; the rankings and tables (as long again at national scale) next.
        post(FirstScreen(got.first))
        views_of = (got.year, got.counties, choice.lang, choice.ascii_only, choice.unit)
        snap, views = got.cache.views(*views_of)
    except DataInvalid as exc:
        post(DataFailed(exc.errors, True))
        return
    except UnknownChoice as exc:
        post(
            DataFailed(
                [DataError("--year/--county", None, None, None, in_lang(exc.args[0], choice.lang))], True
            )
        )
        return
    except Exception as exc:  # a file the system would not read, or a bug: said in one line
        post(_internal(describe(exc, choice.lang, settings.data_dir)))
        return
    post(DataLoaded(got.dataset, snap, views, warning=got.warning, snapshots=got.cache))
    if cache_key is not None:  # after the screen is drawn: writing the cache must not delay it
        viewcache.store(cache_key, views)


def start_loading(app: Any, start: Start) -> None:
    """The load a launch of ``app`` (the console) begins: the data's, taking what the preload began;
    after the paint when a cached screen is drawn (its tables read first when it had none); none when
    the cached screen answers (``lazy``: only its tables then)."""
    if isinstance(start.preload, Forked):  # the views made in a child process
        work = partial(forked, app.post, app.settings, app.choice(), start.preload)
        app.run_worker(work, thread=True, group="data", exit_on_error=False)
        return
    views = start.views
    tables_from = start.key if views is not None and not views.tables and app.use_cache else ""
    wait = partial(app.main.built.wait, 2.0) if views is not None else None
    if not start.lazy:
        app.load_data(start.key, start.preload, wait, tables_from)
    elif tables_from:
        work = partial(cached_tables, app.post, wait, tables_from)
        app.run_worker(work, thread=True, group="data", exit_on_error=False)


def forked(post: Post, settings: Settings, choice: Choice, child: Forked) -> None:
    """The first screen and then the whole views a child process made (the console stays without the
    dataset until a key asks for it); what the child could not make is loaded here."""
    worker = get_current_worker()

    def cancelled() -> bool:  # the console quits
        return worker.is_cancelled

    first = child.first(cancelled)
    if first is not None:
        post(FirstScreen(first))
    whole = viewcache.load(child.key) if child.stored(cancelled) and first is not None else None
    if child.stopped:  # the console quits: nothing more to load or show
        return
    if whole is None:
        load(post, settings, choice, child.key)
    else:
        post(CachedViews(whole))


def load_on_demand(app: Any) -> None:
    """A method of the console: load the data a cached screen stood in for (once; none otherwise)."""
    if app.session.lazy:
        app.load_data(app.start.key if app.start else "")


def cached_tables(post: Post, wait: Wait, cache_key: str) -> None:
    """Once ``wait`` returns (the cached first screen, header and overview alone, is drawn), the whole
    cached views, the tables too (5 MB to read at 2,543 zones); nothing if they are gone."""
    if wait is not None:
        wait()
    whole = viewcache.load(cache_key)
    if whole is not None:
        post(CachedViews(whole))


def look_up(cache: SnapshotCache, choice: Choice) -> DataLoaded | None:
    """The views of ``choice`` if the snapshot cache has them made (a look-up: no worker needed)."""
    try:
        found = cache.ready(choice.year, choice.counties, choice.lang, choice.ascii_only, choice.unit)
    except Exception:  # a year the data lacks: the worker says so
        return None
    return None if found is None else DataLoaded(cache.dataset, *found)


def reevaluate(post: Post, settings: Settings, cache: SnapshotCache, choice: Choice) -> None:
    """Recompute after a change of year, counties, language or unit: a look-up for a choice made
    before or prewarmed (the snapshot cache of the loaded dataset)."""
    try:
        snap, views = cache.views(choice.year, choice.counties, choice.lang, choice.ascii_only, choice.unit)
    except Exception as exc:
        post(_internal(describe(exc, choice.lang, settings.data_dir)))
        return
    if not get_current_worker().is_cancelled:  # a newer request wins (the app checks ``choice`` too)
        post(DataLoaded(cache.dataset, snap, views, choice=choice))


def reload(post: Post, settings: Settings, choice: Choice) -> None:
    """Load changed files; if they are invalid or unreadable, say why (the last good data stays)."""
    from console.data.errors import DataInvalid
    from console.engine.evaluation import UnknownChoice

    try:
        from console.data.loader import load_dataset
        from console.present.snapshot_cache import SnapshotCache

        ds = as_it_stood(load_dataset(settings.data_dir), settings)
        cache = SnapshotCache(ds, settings)  # a new dataset: nothing of the old cache holds
        snap, views = cache.views(choice.year, choice.counties, choice.lang, choice.ascii_only, choice.unit)
    except (DataInvalid, UnknownChoice) as exc:
        errors = exc.errors if isinstance(exc, DataInvalid) else []
        shown = TUI("list_separator", choice.lang).join(e.text(choice.lang) for e in errors[:3])
        post(
            ReloadFailed(
                shown or in_lang(exc.args[0] if exc.args else exc, choice.lang), len(errors), invalid=True
            )
        )
        return
    except Exception as exc:
        post(ReloadFailed(describe(exc, choice.lang, settings.data_dir)))
        return
    post(DataLoaded(ds, snap, views, reloaded=True, snapshots=cache))


def start_prewarm(app: App[int], cache: SnapshotCache | None, choice: Choice) -> None:
    """Start ``prewarm`` of ``cache`` around ``choice`` (what is shown now), in a worker of ``app``
    that a newer prewarm cancels."""
    if cache is not None:
        # A key waits for the data just loaded (console.tui.loading): its work goes first.
        steps = 40 if getattr(getattr(app, "session", None), "pending", None) is not None else 6
        work = partial(prewarm, cache, choice, steps)
        app.run_worker(work, thread=True, exclusive=True, group="prewarm", exit_on_error=False)


def prewarm(cache: SnapshotCache, choice: Choice, steps: int = 6) -> None:
    """Compute the other language and years while the user reads, so `y` and `l` answer at once.

    It first waits ``steps`` times 50 ms (cancellable), so the screen just computed is drawn (or the
    key that waited for the data is done) without sharing the GIL with it. Speculative: a failure is
    left for a real request to compute and report.
    """
    import time

    worker = get_current_worker()
    for _ in range(steps):
        time.sleep(0.05)
        if worker.is_cancelled:
            return
    try:
        cache.prewarm(
            choice.year,
            choice.counties,
            choice.lang,
            choice.ascii_only,
            choice.unit,
            lambda: worker.is_cancelled,
        )
    except Exception:
        return


def export(
    post: Post,
    snap: Snapshot,
    choice: Choice,
    view: str,
    fmt: str,
    out: Path,
    prov: Provenance,
    states: dict[str, tuple[str, str | None, bool]],
    changes: tuple[list[Change], str, str] | None = None,
) -> None:
    """Write an export: the same views as on screen, with status words; in changes mode
    (``changes``: the changes, since, to) the changes the view shows are written beside it."""
    try:
        from console.outputs.export import ExportError, export_views
        from console.present.assemble import export_selection, render_views

        views = render_views(snap, choice.lang, choice.ascii_only, choice.unit, words=True)
        beside = []
        if changes is not None:
            from console.present.changes_view import changes_for_tab, changes_table

            found, since, to = changes
            beside = [changes_table(changes_for_tab(found, view), views, since, to)]
        try:
            written = export_views(export_selection(views, view, states), fmt, out, prov, beside=beside)
        except ExportError as exc:
            post(ExportFailed(exc.text(choice.lang)))
            return
    except Exception as exc:
        post(ExportFailed(describe(exc, choice.lang, out)))
        return
    post(ExportFinished(written))


def bulletin(post: Post, ds: Dataset, settings: Settings, choice: BulletinChoice, lang: Lang) -> None:
    """Write the monthly bulletin, with the exports' file safety."""
    try:
        from console.core.files import folder_problem
        from console.outputs.bulletin import BulletinError, write_bulletin

        try:
            folder = Path(os.path.expanduser(choice.folder))  # an unknown ~user: a missing folder
            problem = folder_problem(folder)  # a missing folder is not a file name to write to
            if problem is not None:
                post(ExportFailed(in_lang(problem, lang)))
                return
            number = choice.number
            if number and not (number.isascii() and number.isdigit() and int(number) >= 1):
                post(ExportFailed(BULLETIN("bad_number", lang, value=number)))
                return
            written = write_bulletin(
                ds,
                settings,
                choice.period,
                choice.fmt,
                folder,
                lang,
                style=choice.style,
                number=int(number) if number else None,
            )
        except BulletinError as exc:
            post(ExportFailed(in_lang(exc.args[0], lang)))
            return
    except Exception as exc:
        post(ExportFailed(describe(exc, lang, choice.folder)))
        return
    post(ExportFinished(written))
