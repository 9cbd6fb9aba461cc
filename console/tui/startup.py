"""What a launch draws first and what it loads: decided before Textual is imported (no Textual here).

- A screen cached for exactly this data (content-keyed: console.present.view_cache) or shipped for the
  embedded data answers the first screen, and the switching of tabs, by itself: the dataset is not
  loaded (nor polars imported, 47 MB of an idle console) until a key asks for what the cache does not
  hold (a drill-down, another year, county filter or language, an export, a reload), or a data file
  changes (``Start.lazy``).
- Nothing cached: the views are made now, side by side with the import of Textual and the app's
  start: in a child process that stores them in the view cache, the console then reading them as at a
  second launch (``Forked``, where a fork is possible), or in a thread (``Preload``); both in
  console.tui.preload.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from console.present import shipped_views
from console.present import view_cache as viewcache

if TYPE_CHECKING:
    from console.core.config import Settings
    from console.present.viewmodel import Views
    from console.tui.preload import Forked, Preload
    from console.tui.session import Session


@dataclass
class Start:
    """``key``: the view cache's key of the launch view ("" when the data cannot be read);
    ``views``: the cached screen drawn before any data (None: nothing cached); ``preload``: the data
    load begun when nothing is cached; ``fingerprint``: the data files as seen now; ``lazy``: the
    cached screen answers, the data is loaded only when something asks for more."""

    key: str
    views: Views | None
    preload: Preload | Forked | None
    fingerprint: list[tuple[str, int, int]]
    lazy: bool = False


def begin(session: Session, use_cache: bool, lazy: bool = True, fork: bool = False) -> Start:
    """The start of ``session``'s console: its cached screen, or the data load begun. ``lazy`` False:
    the data is loaded after the cached screen is drawn all the same (and replaces it if it differs).
    ``fork``: nothing cached, the views are made in a child process when it can be (preload.Forked)."""
    settings, state = session.settings, session.state
    fingerprint = viewcache.fingerprint(settings.data_dir)  # before the key: a change after it reloads
    key_args = (state.year, state.counties, state.lang, session.ascii_only)
    key = viewcache.cache_key(settings, *key_args)
    views = cached_screen(settings, key, key_args) if use_cache else None
    if views is not None:
        return Start(key, views, None, fingerprint, lazy)
    from console.tui.preload import Forked, Preload, can_fork

    if fork and lazy and use_cache and key and can_fork():
        return Start(key, None, Forked(settings, session.choice(), key), fingerprint, lazy=True)
    return Start(key, None, Preload(settings, session.choice()), fingerprint)


def launch(settings: Settings, served: bool = False) -> Start:
    """The start of the console `devzones` opens on ``settings`` (the CLI calls it before it imports
    Textual): lazy, and with the view cache unless ``--as-of`` asks for another time."""
    from console.tui.session import Session

    return begin(Session.start(settings, served), use_cache=not settings.as_of, fork=True)


def cached_screen(settings: Settings, key: str, key_args: tuple[Any, ...]) -> Views | None:
    """What to draw before the data is loaded: on the overview, the cached first screen alone (155 KB at
    2,543 zones; the tables, 5 MB, are read after the paint); else the whole views cached, or the
    shipped launch screen of the embedded data."""
    if settings.tab == "overview":
        first = viewcache.load(key, viewcache.FIRST)
        if first is not None:
            return first
    return shipped_views.first_screen(settings, key, *key_args)
