"""Remembered preferences, precedence of settings, and a damaged user config."""

from __future__ import annotations

import json
import os
from pathlib import Path

from console.core.config import load_settings, save_state
from console.tui.app import DevZonesApp
from tests.support.app import column_labels
from widgets.view_table import ViewTable


def _user() -> Path:
    return Path(os.environ["DEVZONES_CONFIG"])


def _state() -> Path:
    return Path(os.environ["DEVZONES_STATE"])


def test_defaults_document_every_key() -> None:
    from console.core.paths import default_config_file

    text = default_config_file().read_text(encoding="utf-8")
    for key in (
        "dir",
        "lang",
        "ascii",
        "mouse",
        "rule",
        "custom",
        "tolerance",
        "folder",
        "tab",
        "year",
        "counties",
        "[state.sort]",
        "[ranking]",
    ):
        assert key in text
    settings = load_settings()
    assert (
        settings.lang,
        settings.ascii,
        settings.mouse,
        settings.tab,
        settings.year,
        settings.counties,
    ) == ("zh", False, True, "overview", None, ())


def test_round_trip_through_the_state_file() -> None:
    assert (
        save_state(
            {
                "tab": "clusters",
                "year": 2025,
                "counties": ["平舆县"],
                "sort": {"clusters": "-target"},
                "lang": "en",
                "export_folder": "/srv/exports",
            }
        )
        == []
    )
    assert not _user().exists()  # the config file is never written
    settings = load_settings()
    assert settings.lang == "en" and settings.config_lang == "zh"
    assert (settings.tab, settings.year, settings.counties) == ("clusters", 2025, ("平舆县",))
    assert settings.sort == {"clusters": "-target"} and settings.export_folder == "/srv/exports"
    save_state({"tab": "zones", "lang": None})  # other remembered keys stay; None forgets one
    again = load_settings()
    assert again.tab == "zones" and again.year == 2025 and again.lang == "zh"
    import tomllib

    assert "lang" not in tomllib.loads(_state().read_text(encoding="utf-8"))["state"]


def test_headless_commands_ignore_what_the_console_remembered(capsys) -> None:
    """A cron job gets the same answer whoever last used the console."""
    from console.cli import main

    save_state({"lang": "en", "year": 2025, "counties": ["平舆县"]})
    assert main(["status", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["year"] == 2026 and document["counties"] == []  # not the remembered 2025, 平舆县
    assert main(["where"]) == 0
    assert "用户配置" in capsys.readouterr().out  # Chinese, the configured language, not the remembered one
    assert load_settings(remembered=False).lang == "zh" and load_settings().lang == "en"


def test_an_old_state_section_in_the_config_is_read_never_written() -> None:
    old = '# my settings\n[display]\nlang = "zh"\n\n[state]\ntab = "tasks"\nyear = 2025\n'
    _user().write_text(old, encoding="utf-8")
    settings = load_settings()
    assert (settings.tab, settings.year) == ("tasks", 2025)  # migrated: read from the config
    assert save_state({"tab": "rankings"}) == []
    assert _user().read_text(encoding="utf-8") == old
    assert (load_settings().tab, load_settings().year) == ("rankings", 2025)  # the state file wins


def test_a_damaged_state_file_is_kept_and_reported() -> None:
    _state().parent.mkdir(parents=True, exist_ok=True)
    _state().write_text("[state\ntab = zones", encoding="utf-8")
    settings = load_settings()
    assert settings.tab == "overview"
    kept = list(_state().parent.glob(f"{_state().name}.broken-*"))
    assert len(kept) == 1 and any(kept[0].name in w for w in settings.warnings)
    assert save_state({"tab": "zones"}) == [] and load_settings().tab == "zones"
    assert kept[0].read_text(encoding="utf-8") == "[state\ntab = zones"


def test_precedence_flag_user_system_default() -> None:
    system = Path(os.environ["DEVZONES_SYSTEM_CONFIG"])
    system.write_text('[display]\nlang = "en"\nascii = true\n', encoding="utf-8")
    assert (load_settings().lang, load_settings().ascii) == ("en", True)  # system over default
    _user().write_text('[display]\nlang = "zh"\n', encoding="utf-8")
    assert (load_settings().lang, load_settings().ascii) == ("zh", True)  # user over system
    assert load_settings(lang="en", ascii=False).lang == "en"  # flag over user
    assert load_settings(ascii=False).ascii is False


def test_a_damaged_user_config_is_kept_and_reported() -> None:
    _user().write_text("[display\nlang = zh", encoding="utf-8")
    settings = load_settings()
    assert settings.lang == "zh" and settings.tab == "overview"  # defaults
    kept = list(_user().parent.glob(f"{_user().name}.broken-*"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "[display\nlang = zh"
    assert any("could not be read" in w and kept[0].name in w for w in settings.warnings)
    assert not _user().exists()
    assert save_state({"lang": "en"}) == []  # the state file; the damaged config is untouched
    assert kept[0].read_text(encoding="utf-8") == "[display\nlang = zh" and not _user().exists()


async def test_the_console_remembers_and_restores_the_view(data_dir: Path) -> None:
    """A session that changes tab, sort and language leaves the config file's bytes as they were."""
    config = "# mine, with a comment\n[display]\nascii = false  # keep\n\n[pacing]\ntolerance = 0.05\n"
    _user().write_text(config, encoding="utf-8")
    before = _user().read_bytes()
    app = DevZonesApp(load_settings(data_dir=data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("3", "s", "S", "l")
        await app.workers.wait_for_complete()
        preferences = app.preferences()
    assert preferences["tab"] == "clusters" and preferences["sort"]["clusters"] == "-zone"  # type: ignore[index]
    assert preferences["lang"] == "en"
    assert save_state(preferences) == []  # what run_app does on quit
    assert _user().read_bytes() == before
    again = DevZonesApp(load_settings(data_dir=data_dir))
    async with again.run_test(size=(120, 40)) as pilot:
        await again.workers.wait_for_complete()
        await pilot.pause()
        assert again.state.tab == "clusters" and again.lang == "en"
        assert column_labels(again.query_one("#clusters-table", ViewTable))[1] == "Zone▼"
        await pilot.press("l")  # back to the configured language: nothing to remember
        assert again.preferences()["lang"] is None
    assert _user().read_bytes() == before


def test_quitting_the_console_writes_only_the_state_file(data_dir: Path, monkeypatch) -> None:
    """run_app itself, as `devzones` runs it: the config untouched, the state file written."""
    from console.tui import app as tui

    _user().write_text('[display]\nlang = "en"\n', encoding="utf-8")
    before = _user().read_bytes()

    def run(self, **kwargs):  # type: ignore[no-untyped-def]
        async def session() -> None:
            async with self.run_test(size=(100, 30)) as pilot:
                await self.workers.wait_for_complete()
                await pilot.press("4")
                await pilot.pause()

        import asyncio

        asyncio.run(session())

    monkeypatch.setattr(tui.DevZonesApp, "run", run)
    assert tui.run_app(load_settings(data_dir=data_dir)) == 0
    assert _user().read_bytes() == before
    assert 'tab = "tasks"' in _state().read_text(encoding="utf-8")
    assert load_settings().tab == "tasks" and load_settings().lang == "en"


async def test_a_remembered_year_the_data_lacks_falls_back(data_dir: Path) -> None:
    app = DevZonesApp(load_settings(data_dir=data_dir, year=2031))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.ready and app.views is not None and app.views.header.year == 2026
