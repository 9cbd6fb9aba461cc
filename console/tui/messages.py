"""What the console's workers report to the app: one message per outcome, each handled for what it is.

A worker posts its message to the app's queue (``App.post_message`` is thread-safe) and waits until the
app's handler has run (``WorkerResult.handled``), so whoever waits for the workers (a screenshot, a
test) sees the outcome drawn. A data failure on the first load shows in place of the views; a reload
failure keeps the last good data and says so in the header; an export failure is a toast and touches
nothing else.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from textual.message import Message

from console.words.tui import TUI

if TYPE_CHECKING:
    from console.data.dataset import Dataset
    from console.data.errors import DataError
    from console.present.assemble import Snapshot
    from console.present.snapshot_cache import SnapshotCache
    from console.present.viewmodel import Views
    from console.tui.session import Choice
    from console.words import Lang
    from widgets.drilldown_panel import DetailContent
    from widgets.drilldown_screen import DetailScreen


class WorkerResult(Message):
    """What a worker reports; ``handled`` is set once the app has handled it (``App`` sets it last,
    after the message's own handler)."""

    def __init__(self) -> None:
        super().__init__()
        self.handled = threading.Event()


class Mailbox(Protocol):
    """Where a worker posts (the app)."""

    def post_message(self, message: Message) -> bool: ...
    @property
    def is_running(self) -> bool: ...


def post_to(app: Mailbox, message: WorkerResult) -> None:
    """From a worker thread: post ``message`` to ``app`` and wait until it is handled (or the app has
    stopped: a message posted while it closes is never handled)."""
    if not app.post_message(message):
        return
    while not message.handled.wait(0.05):
        if not app.is_running:
            return


class CachedViews(WorkerResult):
    """The whole cached views (the tables too), read after the cached first screen (header and
    overview alone) was drawn; the data loaded since, if any, stays instead."""

    def __init__(self, views: Views) -> None:
        super().__init__()
        self.views = views


class FirstScreen(WorkerResult):
    """The header and overview of a first load, made before the rankings and tables (``views`` has
    no tables yet); a cached screen already shown stays instead."""

    def __init__(self, views: Views) -> None:
        super().__init__()
        self.views = views


class DataLoaded(WorkerResult):
    """A load, reload or re-evaluation produced views (``reloaded``: a data file changed;
    ``warning``: the remembered year or counties were not in the data, so the defaults were used;
    ``snapshots``: the cache of evaluations and views of a newly loaded dataset; ``choice``: what a
    re-evaluation computed, so that a result the user has since chosen past is dropped)."""

    def __init__(
        self,
        dataset: Dataset,
        snapshot: Snapshot,
        views: Views,
        reloaded: bool = False,
        warning: str = "",
        snapshots: SnapshotCache | None = None,
        choice: Choice | None = None,
    ) -> None:
        super().__init__()
        self.dataset, self.snapshot, self.views = dataset, snapshot, views
        self.reloaded, self.warning, self.snapshots = reloaded, warning, snapshots
        self.choice = choice


class DataFailed(WorkerResult):
    """The data could not be loaded or evaluated.

    ``invalid``: the files themselves are wrong (shown in place of the views, whatever was shown).
    Otherwise (a file the system would not read, an internal error: ``message``) the views stay if
    there are any.
    """

    def __init__(self, errors: list[DataError], invalid: bool, message: str = "") -> None:
        super().__init__()
        self.errors, self.invalid, self.message = errors, invalid, message


class ReloadFailed(WorkerResult):
    """A changed data file could not be loaded: the last good data stays on screen.

    ``invalid``: the files are wrong (``count`` problems); otherwise the system would not read them.
    """

    def __init__(self, message: str, count: int = 0, invalid: bool = False) -> None:
        super().__init__()
        self.message, self.count, self.invalid = message, count, invalid

    def text(self, lang: Lang) -> str:
        if not self.invalid:
            return self.message
        return TUI("reload_invalid", lang, count=self.count, message=self.message)


class ExportFinished(WorkerResult):
    """An export or bulletin was written to ``paths``."""

    def __init__(self, paths: list[Path]) -> None:
        super().__init__()
        self.paths = paths

    def text(self, lang: Lang) -> str:
        from console.present.labels import files_written

        return files_written(self.paths, lang)


class ExportFailed(WorkerResult):
    """An export or bulletin could not be written; nothing else is affected."""

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def text(self, lang: Lang) -> str:
        return TUI("export_failed", lang, message=self.message)


class DetailBuilt(WorkerResult):
    """The content of a row's drill-down (``source``: its table and key), to open over the screen."""

    def __init__(self, content: DetailContent, lang: Lang, source: tuple[str, str]) -> None:
        super().__init__()
        self.content, self.lang, self.source = content, lang, source


class DetailRebuilt(WorkerResult):
    """The new content of an open drill-down (``screen``) after a change of language, year, filter or
    data; ``content`` None: its row is gone, so it closes if it is on top."""

    def __init__(self, screen: DetailScreen, content: DetailContent | None, lang: Lang) -> None:
        super().__init__()
        self.screen, self.content, self.lang = screen, content, lang


class WorkFailed(WorkerResult):
    """Work other than the data's failed (a drill-down): one line in a toast, nothing else changes."""

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message


FlowResult = ExportFinished | ExportFailed | DetailBuilt | DetailRebuilt | WorkFailed


def describe(error: BaseException, lang: Lang, data_dir: Path | str) -> str:
    """One line for an unexpected failure: a file the system would not read or write names the path
    and what to do; anything else names the error."""
    if isinstance(error, OSError):
        where = error.filename or data_dir
        reason = error.strerror or type(error).__name__
        return f"{where}: {reason}; {TUI('os_error_advice', lang)}"
    return f"{TUI('internal_error', lang)}: {type(error).__name__}: {error}"
