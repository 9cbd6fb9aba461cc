"""What the console's workers report to the app: one message per outcome, each handled for what it is.

A data failure on the first load shows in place of the views; a reload failure keeps the last good
data and says so in the header; an export failure is a toast and touches nothing else.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from console.data.dataset import Dataset
    from console.data.errors import DataError
    from console.present.assemble import Snapshot
    from console.present.snapshot_cache import SnapshotCache
    from console.present.viewmodel import Views


class FirstScreen(Message):
    """The header and overview of a first load, made before the rankings and tables (``views`` has
    no tables yet); a cached screen already shown stays instead."""

    def __init__(self, views: Views) -> None:
        super().__init__()
        self.views = views


class DataLoaded(Message):
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
        choice: object = None,
    ) -> None:
        super().__init__()
        self.dataset, self.snapshot, self.views = dataset, snapshot, views
        self.reloaded, self.warning, self.snapshots = reloaded, warning, snapshots
        self.choice = choice


class DataFailed(Message):
    """The data could not be loaded or evaluated.

    ``invalid``: the files themselves are wrong (shown in place of the views, whatever was shown).
    Otherwise (a file the system would not read, an internal error: ``message``) the views stay if
    there are any.
    """

    def __init__(self, errors: list[DataError], invalid: bool, message: str = "") -> None:
        super().__init__()
        self.errors, self.invalid, self.message = errors, invalid, message


class ReloadFailed(Message):
    """A changed data file could not be loaded: the last good data stays on screen.

    ``invalid``: the files are wrong (``count`` problems); otherwise the system would not read them.
    """

    def __init__(self, message: str, count: int = 0, invalid: bool = False) -> None:
        super().__init__()
        self.message, self.count, self.invalid = message, count, invalid

    def text(self, zh: bool) -> str:
        if not self.invalid:
            return self.message
        if zh:
            return f"数据文件有误（{self.count}处），仍显示上次有效的数据：{self.message}"
        return (
            f"The data files have {self.count} problem(s); still showing the last good data: {self.message}"
        )


class ExportFinished(Message):
    """An export or bulletin was written to ``paths``."""

    def __init__(self, paths: list[Path]) -> None:
        super().__init__()
        self.paths = paths

    def text(self, zh: bool) -> str:
        from console.present.labels import files_written

        return files_written(self.paths, "zh" if zh else "en")


class ExportFailed(Message):
    """An export or bulletin could not be written; nothing else is affected."""

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def text(self, zh: bool) -> str:
        return ("导出失败：" if zh else "Export failed: ") + self.message


def describe(error: BaseException, lang: str, data_dir: Path | str) -> str:
    """One line for an unexpected failure: a file the system would not read or write names the path
    and what to do; anything else names the error."""
    zh = lang == "zh"
    if isinstance(error, OSError):
        where = error.filename or data_dir
        reason = error.strerror or type(error).__name__
        advice = (
            "请检查该路径是否存在、可读写且磁盘有空间"
            if zh
            else "check that the path exists, that you may read and write it, and that the disk has room"
        )
        return f"{where}: {reason}; {advice}"
    return f"{'内部错误' if zh else 'internal error'}: {type(error).__name__}: {error}"
