"""``devzones where``: where the config, state, cache and data are, and whether each exists."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from console.cli.common import EXIT_OK, print_json, visible
from console.words import as_lang
from console.words.cli import CLI

if TYPE_CHECKING:
    from console.core.config import Settings

# Each place and the catalogue key of its label.
_LABELS = {
    "user_config": "where_user",
    "system_config": "where_system",
    "default_config": "where_default",
    "state": "where_state",
    "cache": "where_cache",
    "data": "where_data",
}


def _locations(settings: Settings) -> dict[str, Path]:
    """Where devzones reads and keeps things: config files, state, cache and the dataset."""
    from console.core.config import system_config_file, user_config_file, user_state_file
    from console.core.paths import default_config_file
    from console.present.view_cache import cache_dir

    return {
        "user_config": user_config_file(),
        "system_config": system_config_file(),
        "default_config": default_config_file(),
        "state": user_state_file(),  # what the console remembers; the config files are only read
        "cache": cache_dir(),
        "data": settings.data_dir,
    }


def where_command(args: argparse.Namespace, settings: Settings) -> int:
    """One line a place (its label, path and notes), or with --json a document of them."""
    from console.core.paths import embedded_data_dir

    places = _locations(settings)
    embedded = settings.data_dir.resolve() == embedded_data_dir().resolve()
    if args.json:
        print_json(
            {
                **{name: str(path) for name, path in places.items()},
                "state_section": "state",
                "data_embedded": embedded,
                "exists": {name: path.exists() for name, path in places.items()},
            }
        )
        return EXIT_OK
    lang = as_lang(settings.lang)
    separator, colon = CLI("list_separator", lang), CLI("colon", lang)
    for name, path in places.items():
        notes = [CLI("exists" if path.exists() else "absent", lang)]
        if name == "state":
            notes.insert(0, CLI("where_state_note", lang))
        if name == "data" and embedded:
            notes.insert(0, CLI("where_embedded", lang))
        print(f"{CLI(_LABELS[name], lang)}{colon}{visible(path, 4096)}  ({separator.join(notes)})")
    return EXIT_OK
