"""The console reports each failure for what it is (issue 9): a failed export is not "bad data".

Data errors are data errors (the last good data stays on a live reload); an OSError from an export or
the bulletin is one line with the path and what to do; anything else is one line, and the views stay.
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from textual.widgets import Static

from console.core.config import load_settings
from console.tui.app import DevZonesApp
from tests.support.app import reloadless_app as _app
from tests.support.app import settle as _settle
from widgets.dialogs import BulletinChoice, ExportChoice, ExportDialog


def _errors(app: DevZonesApp) -> list[str]:
    """The error toasts' text, joined where the toast broke a long line to its width (app.say)."""
    return [n.message.replace("\n", "") for n in app._notifications if n.severity == "error"]


def _full_disk(*args, **kwargs):  # type: ignore[no-untyped-def]
    raise OSError(errno.ENOSPC, "No space left on device", "/srv/exports/zones.csv")


async def test_export_on_a_full_disk_is_an_export_error(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import console.outputs.export as export

    monkeypatch.setattr(export, "export_views", _full_disk)
    app = _app(data_dir)
    async with app.run_test(size=(160, 48)) as pilot:
        await _settle(pilot)
        views = app.views
        app.flows.export_chosen(ExportChoice("csv", "tab", str(tmp_path), "zones.csv"))
        await _settle(pilot)
        # The export dialog opens again with the choices kept and the reason in it (no toast).
        assert isinstance(app.screen, ExportDialog)
        message = str(app.screen.query_one("#export-error", Static).render())
        assert "导出失败" in message and "/srv/exports/zones.csv" in message
        assert "No space left on device" in message and "\n" not in message.strip()
        assert app.views is views and not app.errors  # nothing blanked, no "data invalid"
        assert "数据有误" not in app.query_one("#topbar").plain


async def test_bulletin_oserror_is_one_line_with_the_path(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import console.outputs.bulletin as bulletin

    monkeypatch.setattr(bulletin, "write_bulletin", _full_disk)
    app = _app(data_dir)
    async with app.run_test(size=(160, 48)) as pilot:
        await _settle(pilot)
        app.flows.bulletin_chosen(BulletinChoice("2026-10", "md", str(tmp_path)))
        await _settle(pilot)
        # The bulletin dialog opens again with the reason in it, one line naming the path.
        message = str(app.screen.query_one("#bulletin-error", Static).render())
        assert "/srv/exports/zones.csv" in message and "\n" not in message.strip()
        assert app.views is not None and not app.errors


async def test_an_unexpected_error_keeps_the_views(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = _app(data_dir)
    async with app.run_test(size=(160, 48)) as pilot:
        await _settle(pilot)
        views = app.views

        def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
            raise RuntimeError("boom [/]")

        from console.present.snapshot_cache import SnapshotCache

        monkeypatch.setattr(SnapshotCache, "views", broken)
        # A year prepared in the background would be a look-up with no worker: nothing is prepared.
        monkeypatch.setattr(SnapshotCache, "ready", lambda *args, **kwargs: None)
        await pilot.press("y")  # next year: recomputes in a worker, which fails
        await _settle(pilot)
        (message,) = _errors(app)
        assert "RuntimeError" in message and "boom [/]" in message
        assert app.views is views and not app.errors and app.is_running


async def test_reload_that_cannot_read_keeps_the_last_good_data(
    data_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = _app(data_copy)
    async with app.run_test(size=(160, 48)) as pilot:
        await _settle(pilot)
        views = app.views

        def unreadable(*args, **kwargs):  # type: ignore[no-untyped-def]
            raise PermissionError(errno.EACCES, "Permission denied", str(data_copy / "zones.csv"))

        import console.present.assemble as assemble

        monkeypatch.setattr(assemble, "compute", unreadable)
        app.reload_data()
        await _settle(pilot)
        (message,) = _errors(app)
        assert "zones.csv" in message and "Permission denied" in message
        assert app.views is views and not app.errors
        assert "显示上次有效数据" in app.query_one("#topbar").plain


def _toasts(app: DevZonesApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_a_finished_export_names_the_file(data_dir: Path, tmp_path: Path) -> None:
    """ExportFinished: a toast with the path written, the views untouched."""
    app = _app(data_dir)
    async with app.run_test(size=(160, 48)) as pilot:
        await _settle(pilot)
        views = app.views
        app.flows.export_chosen(ExportChoice("csv", "tab", str(tmp_path), "zones.csv"))
        await _settle(pilot)
        assert (tmp_path / "zones.csv").is_file()
        # The folder once, then each file on a line of its own (not the path joined by a comma).
        # (A path wider than the toast is broken after a slash: joined again, it reads whole.)
        (toast,) = _toasts(app)
        *folder, csv, manifest = toast.split("\n")
        assert "".join(folder) == f"已导出到 {tmp_path}："
        assert (csv, manifest) == ("  zones.csv", "  zones.csv.manifest.toml")
        assert app.views is views and not _errors(app)


async def test_an_unexpected_error_on_the_first_load_is_shown_in_place(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DataFailed (not bad data) with nothing yet on screen: said in place, the console keeps running."""
    import console.data.loader as loader

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk gremlin")

    monkeypatch.setattr(loader, "load_dataset", broken)
    app = _app(data_dir)
    async with app.run_test(size=(160, 48)) as pilot:
        await _settle(pilot)
        body = str(app.query_one("#overview-body").render())
        assert "RuntimeError" in body and "disk gremlin" in body
        assert app.views is None and app.is_running


async def test_a_reload_of_invalid_data_says_so_and_keeps_the_views(data_copy: Path) -> None:
    """ReloadFailed for bad data: the count of problems and the file, the last good data stays."""
    app = _app(data_copy)
    async with app.run_test(size=(160, 48)) as pilot:
        await _settle(pilot)
        views = app.views
        (data_copy / "zone_targets.csv").write_bytes(b"")
        app.reload_data()
        await _settle(pilot)
        (message,) = _errors(app)
        assert message.startswith("数据文件有误（") and "zone_targets.csv" in message
        assert app.views is views and not app.errors
        assert "显示上次有效数据" in app.query_one("#topbar").plain


async def test_a_reload_of_good_data_redraws_and_clears_the_warning(data_dir: Path, data_copy: Path) -> None:
    """DataLoaded after a reload: said, and the header's "last good data" warning gone."""
    app = _app(data_copy)
    async with app.run_test(size=(160, 48)) as pilot:
        await _settle(pilot)
        targets = data_copy / "zone_targets.csv"
        targets.write_bytes(b"")  # a failed reload first
        app.reload_data()
        await _settle(pilot)
        assert "显示上次有效数据" in app.query_one("#topbar").plain
        targets.write_bytes((data_dir / "zone_targets.csv").read_bytes())
        app.reload_data()
        await _settle(pilot)
        assert "数据已更新" in _toasts(app)
        assert "显示上次有效数据" not in app.query_one("#topbar").plain
        assert app.views is not None and not app.errors


async def test_a_bulletin_to_a_folder_that_does_not_exist_writes_nothing_and_keeps_the_dialog(
    data_dir: Path, tmp_path: Path
) -> None:
    """The walk found the bulletin written as a file named after the missing folder, reported as
    done. Now nothing is written and the dialog opens again with the choices and the reason."""
    from widgets.dialogs import BulletinDialog

    missing = tmp_path / "no-such-folder"
    app = _app(data_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await _settle(pilot)
        app.flows.bulletin_chosen(BulletinChoice("2026-10", "docx", str(missing)))
        await _settle(pilot)
        assert not missing.exists() and list(tmp_path.iterdir()) == []
        dialog = app.screen
        assert isinstance(dialog, BulletinDialog) and dialog.folder == str(missing) and dialog.fmt == "docx"
        error = str(dialog.query_one("#bulletin-error", Static).render())
        assert "文件夹不存在" in error and str(missing) in error
        dialog.query_one("#period").value = "2026-13"  # type: ignore[attr-defined]
        dialog.query_one("#bulletin-folder").value = str(tmp_path)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await _settle(pilot)
        error = str(app.screen.query_one("#bulletin-error", Static).render())
        assert "月份“2026-13”无法识别" in error  # in the console's language


async def test_a_remembered_year_the_data_lacks_is_said_in_the_console_language(data_dir: Path) -> None:
    app = DevZonesApp(load_settings(data_dir=data_dir, year=2030), use_cache=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await _settle(pilot)
        said = " ".join(n.message for n in app._notifications) + " ".join(str(e) for e in app.errors)
        assert "2030 年没有目标" in said and "no targets" not in said


async def test_a_reload_by_hand_is_not_repeated_by_the_file_watch(data_copy: Path) -> None:
    """The watch compares the files with those last loaded: after a reload (by hand or by the watch)
    the same change is not loaded, nor its failure said, a second time."""
    app = _app(data_copy)
    async with app.run_test(size=(160, 48)) as pilot:
        await _settle(pilot)
        (data_copy / "zone_targets.csv").write_bytes(b"")
        app.reload_data()
        await _settle(pilot)
        app.check_for_changes()  # what the timer does every reload_seconds
        await _settle(pilot)
        assert len(_errors(app)) == 1
