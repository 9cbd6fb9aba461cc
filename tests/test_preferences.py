"""Remembered preferences, precedence of settings, and a damaged user config."""

from __future__ import annotations

import os
from pathlib import Path

from console.core.config import load_settings, save_preferences
from console.tui.app import DevZonesApp


def _user() -> Path:
    return Path(os.environ["DEVZONES_CONFIG"])


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


def test_round_trip_through_the_user_config() -> None:
    assert (
        save_preferences(
            {
                "display": {"lang": "en", "ascii": True, "mouse": False},
                "state": {
                    "tab": "clusters",
                    "year": 2025,
                    "counties": ["平舆县"],
                    "sort": {"clusters": "-target"},
                },
                "export": {"folder": "/srv/exports"},
            }
        )
        == []
    )
    settings = load_settings()
    assert (settings.lang, settings.ascii, settings.mouse) == ("en", True, False)
    assert (settings.tab, settings.year, settings.counties) == ("clusters", 2025, ("平舆县",))
    assert settings.sort == {"clusters": "-target"} and settings.export_folder == "/srv/exports"
    save_preferences({"state": {"tab": "zones"}})  # other remembered keys stay
    assert load_settings().tab == "zones" and load_settings().year == 2025


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
    assert save_preferences({"display": {"lang": "en"}}) == []  # a new file; the damaged one is untouched
    assert kept[0].read_text(encoding="utf-8") == "[display\nlang = zh"


async def test_the_console_remembers_and_restores_the_view(data_dir: Path) -> None:
    app = DevZonesApp(load_settings(data_dir=data_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("3", "s", "S", "l")
        await app.workers.wait_for_complete()
        preferences = app.preferences()
    assert preferences["state"]["tab"] == "clusters" and preferences["state"]["sort"]["clusters"] == "-zone"
    assert preferences["display"]["lang"] == "en"
    save_preferences(preferences)
    again = DevZonesApp(load_settings(data_dir=data_dir))
    async with again.run_test(size=(120, 40)) as pilot:
        await again.workers.wait_for_complete()
        await pilot.pause()
        assert again.active_tab == "clusters" and again.lang == "en"
        assert again.query_one("#clusters-table").column_labels()[1] == "Zone▼"


async def test_a_remembered_year_the_data_lacks_falls_back(data_dir: Path) -> None:
    app = DevZonesApp(load_settings(data_dir=data_dir, year=2031))
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.ready and app.views is not None and app.views.header.year == 2026
