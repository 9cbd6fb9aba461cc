"""What one console session holds and changes: the user's choices and the data shown, as plain data.

The app owns one :class:`Session`; the flows, the changes mode, the main screen and the panes read
and change it (never the app's own attributes). What the user chose is a ``ConsoleState``
(console.present.state); the rest is what the workers brought: the dataset, its evaluations and views,
or why the data cannot be shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from console.present.state import ConsoleState
from console.words import Lang, as_lang

if TYPE_CHECKING:
    from collections.abc import Callable

    from console.core.config import Settings
    from console.data.dataset import Dataset
    from console.data.errors import DataError
    from console.present.assemble import Snapshot
    from console.present.snapshot_cache import SnapshotCache
    from console.present.viewmodel import Views


@dataclass(frozen=True)
class Choice:
    """What a computation depends on, copied from the console's state when the worker starts."""

    year: int | None
    counties: tuple[str, ...]
    lang: Lang
    ascii_only: bool
    unit: str


@dataclass
class Session:
    """The console's mutable fields: settings and choices, and the data loaded for them.

    ``snapshots``: the evaluations and views of the loaded dataset (a cache); ``snapshot`` and ``views``:
    the ones shown; ``errors``: why the data cannot be shown (views None); ``reload_error``: a changed
    file could not be loaded, so the last good data is shown.
    """

    settings: Settings
    state: ConsoleState
    ascii_only: bool
    dataset: Dataset | None = None
    snapshots: SnapshotCache | None = None
    snapshot: Snapshot | None = None
    views: Views | None = None
    errors: list[DataError] = field(default_factory=list)
    reload_error: str = ""
    # Served in a browser (`devzones serve`): files go to the browser, nothing is remembered.
    served: bool = False
    # A cached screen answers and the data is not loaded (nor loading): a key that needs more loads it
    # (console.tui.loading); ``pending``: what that key does once the data is there.
    lazy: bool = False
    pending: Callable[[], object] | None = None

    @classmethod
    def start(cls, settings: Settings, served: bool = False) -> Session:
        """The session a console starts with: the remembered choices (served: the link's or the
        defaults, which the settings already hold), no data yet."""
        return cls(settings, ConsoleState.from_settings(settings), settings.ascii, served=served)

    @property
    def lang(self) -> Lang:
        """The console's language."""
        return as_lang(self.state.lang)

    @property
    def ready(self) -> bool:
        """True once the data is loaded (a cached screen may show before)."""
        return self.dataset is not None and self.snapshot is not None

    @property
    def invalid(self) -> bool:
        """True when the data cannot be shown (no views, and the reasons why)."""
        return self.views is None and bool(self.errors)

    def take_pending(self, reloaded: bool = False) -> Callable[[], object]:
        """What the key that asked for the data does (once: it is forgotten), or nothing; nothing after a
        reload (``reloaded``): a key pressed before a load that failed is not done by a later reload."""
        pending, self.pending = self.pending, None
        return (pending if not reloaded else None) or (lambda: None)

    def choice(self) -> Choice:
        """What a computation started now depends on."""
        s = self.state
        return Choice(s.year, s.counties, self.lang, self.ascii_only, s.unit)


class InSession:
    """A field of the owner's ``session`` read and set as the owner's own attribute (``app.views`` is
    ``app.session.views``): what the palette, the CLI's screenshot and the tests read stays where it was."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, owner: Any, kind: type | None = None) -> Any:
        return self if owner is None else getattr(owner.session, self.name)

    def __set__(self, owner: Any, value: Any) -> None:
        setattr(owner.session, self.name, value)
