"""The embedded data's launch screen, shipped with the package: a fresh install's first launch draws it
at once, as a later launch draws its view cache (console.present.view_cache).

The files in ``console/present/shipped/`` are generated from the embedded data and the default
settings, by ``python -m console.present.shipped_views``. A launch uses them only when the data
folder's files have the same names and the same CONTENT (sha256) as the embedded data had, and the
settings and the view asked for are the ones they were made with (one key of all that, as the view
cache's); on any other data or settings nothing is found and the console loads as before. Either way
the data is then loaded and evaluated in the background and replaces the screen if anything differs.
tests/project/test_shipped_views.py fails when the shipped files no longer equal a fresh computation, so they
cannot go stale silently: regenerate them after a change of the embedded data or of what the views show.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from console.core.config import Settings
from console.present import view_cache as viewcache
from console.present.viewmodel import Views
from console.words import Lang

SHIPPED_DIR = Path(__file__).resolve().parent / "shipped"
MANIFEST = "manifest.json"
LANGS: tuple[Lang, ...] = ("zh", "en")  # a fresh install starts in Chinese, or in English with --lang en
REGENERATE = "python -m console.present.shipped_views"


def content_digests(directory: Path, names: Sequence[str]) -> list[tuple[str, str]] | None:
    """Each named file's sha256, or None if one cannot be read."""
    out = []
    for name in names:
        try:
            out.append((name, hashlib.sha256((directory / name).read_bytes()).hexdigest()))
        except OSError:
            return None
    return out


def content_key(
    settings: Settings,
    digests: Sequence[tuple[str, str]],
    year: int | None,
    counties: Sequence[str],
    lang: Lang,
    ascii_only: bool,
    unit: str = "",
) -> str:
    """A digest of the files' content, the settings that change a status and the view asked for;
    the path and the files' times are left out (the same data anywhere gives the same screen)."""
    return viewcache.digest(
        settings, {"content": [list(d) for d in digests]}, year, counties, lang, ascii_only, unit
    )


def _manifest(directory: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == viewcache.FORMAT else None


def load(
    settings: Settings,
    year: int | None,
    counties: Sequence[str],
    lang: Lang,
    ascii_only: bool,
    unit: str = "",
    directory: Path = SHIPPED_DIR,
) -> Views | None:
    """The shipped launch views for this data folder, settings and view, or None.

    Cheap when they do not apply: the files' names and sizes are compared first (a stat each), and
    the content is read and hashed only when they match the embedded data's.
    """
    manifest = _manifest(directory)
    if manifest is None:
        return None
    try:
        files = [(str(name), int(size)) for name, size in manifest["files"]]
        entries = {str(k): str(v) for k, v in manifest["entries"].items()}
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    if [(name, size) for name, size, _ in viewcache.fingerprint(settings.data_dir)] != files:
        return None
    digests = content_digests(settings.data_dir, [name for name, _ in files])
    if digests is None:
        return None
    entry = entries.get(content_key(settings, digests, year, counties, lang, ascii_only, unit))
    if entry is None or Path(entry).name != entry:
        return None
    try:
        return viewcache.decode(json.loads((directory / entry).read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def first_screen(
    settings: Settings,
    cache_key: str,
    year: int | None,
    counties: Sequence[str],
    lang: Lang,
    ascii_only: bool,
) -> Views | None:
    """What a launch can draw before the data is loaded: the user's view cache for ``cache_key``, else
    the shipped launch views when the data and settings are the embedded ones; None otherwise."""
    cached = viewcache.load(cache_key)
    return cached if cached is not None else load(settings, year, counties, lang, ascii_only)


def launch_views(settings: Settings, langs: Sequence[Lang] = LANGS) -> dict[Lang, Views]:
    """The launch screen's views in each language, as the console's data worker makes them: the
    default year, all counties, no unit, full symbols (polars and the engine are imported here)."""
    from console.data.loader import load_dataset
    from console.present.snapshot_cache import SnapshotCache

    cache = SnapshotCache(load_dataset(settings.data_dir), settings)
    return {lang: cache.views(None, (), lang, False, "")[1] for lang in langs}


def generate(settings: Settings, directory: Path = SHIPPED_DIR) -> list[Path]:
    """Write the launch views of ``settings.data_dir`` under ``settings`` to ``directory`` (replacing
    what was there); the files written."""
    from console.core.files import atomic_write_bytes

    files = [(name, size) for name, size, _ in viewcache.fingerprint(settings.data_dir)]
    digests = content_digests(settings.data_dir, [name for name, _ in files])
    if digests is None:
        # not words: the developers' command `python -m console.present.shipped_views` only
        raise OSError(f"cannot read the data files in {settings.data_dir}")
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.glob("views-*.json"):
        old.unlink()
    written, entries = [], {}
    for lang, views in launch_views(settings).items():
        name = f"views-{lang}.json"
        entries[content_key(settings, digests, None, (), lang, False)] = name
        data = json.dumps(viewcache.encode(views), ensure_ascii=False, separators=(",", ":"))
        atomic_write_bytes(directory / name, data.encode("utf-8"))
        written.append(directory / name)
    # not words: a note in the generated manifest, for developers
    manifest = {
        "format": viewcache.FORMAT,
        "about": f"Generated by `{REGENERATE}` from the embedded data; do not edit.",
        "files": [[name, size] for name, size in files],
        "entries": entries,
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"
    atomic_write_bytes(directory / MANIFEST, text.encode("utf-8"))
    return [*written, directory / MANIFEST]


def default_settings() -> Settings:
    """The settings of a fresh install on the embedded data: config/default.toml only (no system or
    user config, nothing remembered)."""
    import os
    import tempfile

    from console.core.config import load_settings

    with tempfile.TemporaryDirectory() as empty:
        none = str(Path(empty) / "none.toml")
        saved = {
            k: os.environ.get(k) for k in ("DEVZONES_CONFIG", "DEVZONES_SYSTEM_CONFIG", "DEVZONES_STATE")
        }
        os.environ.update(dict.fromkeys(saved, none))
        try:
            return load_settings(data_dir=None, remembered=False)
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value


def main() -> None:
    """Regenerate the shipped launch views (after a change of the embedded data or of the views)."""
    for path in generate(default_settings()):
        print(path)


if __name__ == "__main__":
    main()
