"""A console served in a browser (``devzones serve``): its files go to the browser, not the server.

An export, the bulletin or the palette's screenshot is written as in a terminal (the same writers,
with their manifest) but into a private temporary folder; the files are then packed into ONE zip,
delivered with Textual's ``deliver_binary`` (a download in the user's browser), and the folder is
removed. One file, because a browser lets a page open one download window per key press: a second
(the manifest on its own) would be taken for a pop-up and blocked.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from console.words.serve import SERVE

if TYPE_CHECKING:
    from console.words import Lang

PREFIX = "devzones-served-"  # not words: the temporary folders' prefix
# A download's name stands unquoted in the server's Content-Disposition header: only letters (any
# script), digits and . + - stay; the rest becomes _.
UNSAFE = re.compile(r"[^\w.+-]+")


def private_folder() -> str:
    """A new temporary folder, readable by this process's user only, for one export or bulletin."""
    return tempfile.mkdtemp(prefix=PREFIX)


def packed(paths: list[Path]) -> tuple[bytes, str]:
    """The files written (an export or bulletin and its manifest, first the one the user asked for) as
    a zip, and the zip's download name (the first file's, as .zip); their temporary folder is removed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in paths:
            archive.writestr(path.name, _as_downloaded(path))
    for folder in {path.parent for path in paths}:
        if folder.name.startswith(PREFIX):
            shutil.rmtree(folder, ignore_errors=True)
    name = UNSAFE.sub("_", paths[0].stem) + ".zip" if paths else "devzones.zip"
    return buffer.getvalue(), name


def _as_downloaded(path: Path) -> bytes:
    """A file's bytes; a manifest's command names the file as the browser saves it, not the private
    folder on the server it was written in (a plain ASCII path: never escaped inside the TOML)."""
    data = path.read_bytes()
    if path.parent.name.startswith(PREFIX) and path.name.endswith(".manifest.toml"):
        data = data.replace(f"{path.parent}{os.sep}".encode(), b"")
    return data


def delivering(name: str, lang: Lang) -> str:
    """The toast while the browser downloads ``name``."""
    return SERVE("delivering", lang, name=name)


def delivery_failed(name: str | None, reason: BaseException, lang: Lang) -> str:
    """The toast when the browser did not get ``name``."""
    return SERVE("delivery_failed", lang, name=name or "", reason=str(reason) or type(reason).__name__)
