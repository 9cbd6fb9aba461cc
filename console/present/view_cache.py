"""A cache of the console's first screen, so that a second launch draws at once.

The views of the launch state are stored as JSON in the user's cache directory, keyed by everything
they depend on: the program version, every data file's name, size and modification time, the
settings that change a status, and the year, counties, language and symbols asked for. A launch
with the same key shows the cached screen while the data is loaded and evaluated afresh in the
background; the fresh result replaces it if anything differs. Nothing is cached in the data folder.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path

from console import __version__
from console.core.config import Settings
from console.core.files import atomic_write_bytes
from console.present.viewmodel import Views


def cache_dir() -> Path:
    override = os.environ.get("DEVZONES_CACHE")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("devzones"))


def fingerprint(directory: Path) -> list[tuple[str, int, int]]:
    """Name, size and modification time of every data file: what a change of data changes."""
    try:
        entries = sorted(directory.iterdir())
    except OSError:
        return []
    out = []
    for path in entries:
        try:
            stat = path.stat()
        except OSError:
            continue
        if path.is_file() and not path.name.startswith("."):
            out.append((path.name, stat.st_size, stat.st_mtime_ns))
    return out


def cache_key(
    settings: Settings, year: int | None, counties: Sequence[str], lang: str, ascii_only: bool, unit: str = ""
) -> str:
    """A digest of everything the launch screen depends on."""
    material = {
        "version": __version__,
        "data": str(settings.data_dir.resolve()),
        "files": fingerprint(settings.data_dir),
        "pacing": [settings.pacing_rule, list(settings.pacing_custom), settings.tolerance],
        "weights": sorted(settings.ranking_weights.items()),
        "view": [year, list(counties), lang, ascii_only, unit],
    }
    return hashlib.sha256(json.dumps(material, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:32]


def load(key: str) -> Views | None:
    """The cached views for ``key``, or None (a missing or unreadable cache is simply not used)."""
    try:
        return Views.from_json(json.loads((cache_dir() / f"views-{key}.json").read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store(key: str, views: Views) -> None:
    """Write the views for ``key`` atomically; a cache that cannot be written is skipped."""
    directory = cache_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for old in directory.glob("views-*.json"):
            if old.name != f"views-{key}.json":
                old.unlink(missing_ok=True)  # one launch state is enough
        data = json.dumps(views.to_json(), ensure_ascii=False).encode("utf-8")
        atomic_write_bytes(directory / f"views-{key}.json", data)
    except OSError:
        return
