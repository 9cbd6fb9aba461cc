"""What an ``--out`` argument means: a folder to put a suggested name in, or a file of the right kind.

One rule for every command that writes a document (export, bulletin, template):

- ``--out`` ending in a path separator, or naming a folder that exists, is a folder. A missing folder
  is created when its parent exists; otherwise the error says which folder is missing. The file
  inside gets the command's suggested name.
- Otherwise ``--out`` is a file name, and its extension must be the format's (``.csv`` for CSV …),
  compared without regard to case; a missing or different extension is an error that says which
  extension is expected. So no command ever writes a file without an extension.

This module only resolves the path; placing the file (numbered names, no overwrite) is the writer's.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from console.words import Lang
from console.words.exports import EXPORTS

# The extension each output format writes.
EXTENSIONS = {
    "csv": ".csv",
    "xlsx": ".xlsx",
    "parquet": ".parquet",
    "json": ".json",
    "md": ".md",
    "svg": ".svg",
    "docx": ".docx",
    "pdf": ".pdf",
}


class OutPathError(ValueError):
    """An --out that cannot be used; ``folder`` is True when a folder is missing (a file-system
    problem) rather than the name being wrong for the format (a usage problem)."""

    def __init__(self, message: str, folder: bool = False) -> None:
        super().__init__(message)
        self.folder = folder


def _ends_in_separator(text: str) -> bool:
    return text.endswith(os.sep) or bool(os.altsep and text.endswith(os.altsep))


def resolve_out(raw: str | Path, fmt: str, suggested: str | Callable[[], str], lang: Lang = "zh") -> Path:
    """The file to write for ``--out raw`` in format ``fmt``; ``suggested`` names a file in a folder.

    Creates a missing folder named with a trailing separator when its parent exists. Raises
    OutPathError (message in ``lang``) when the path cannot be used.
    """
    text = str(raw)
    extension = EXTENSIONS[fmt]
    path = Path(text).expanduser()
    if _ends_in_separator(text) or path.is_dir():
        if path.exists() and not path.is_dir():
            raise OutPathError(EXPORTS("out_is_file", lang, text=text, path=path), folder=True)
        if not path.is_dir():
            parent = path.parent
            if not parent.is_dir():
                raise OutPathError(EXPORTS("out_no_folder", lang, text=text, folder=parent), folder=True)
            path.mkdir()
        name = suggested() if callable(suggested) else suggested
        return path / name
    actual = path.suffix.lower()
    if actual != extension:
        wanted = path.with_suffix(extension).name if path.stem else f"out{extension}"
        key = "out_wrong_extension" if actual else "out_no_extension"
        raise OutPathError(
            EXPORTS(key, lang, text=text, fmt=fmt, extension=extension, wanted=wanted, suffix=path.suffix)
        )
    if not path.parent.is_dir():
        raise OutPathError(EXPORTS("out_no_folder", lang, text=text, folder=path.parent), folder=True)
    return path
