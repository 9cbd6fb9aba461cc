"""What a served console sends the browser: the files written, packed into one zip under a name safe
in an unquoted Content-Disposition header, their temporary folder gone (console.tui.served)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from console.tui.served import packed, private_folder


def test_the_files_are_packed_in_order_and_their_folder_removed() -> None:
    folder = Path(private_folder())
    export = folder / "devzones-zones-2026-上蔡县;x,y-20261207-101500.csv"
    manifest = folder / (export.name + ".manifest.toml")
    export.write_bytes(b"\xef\xbb\xbfzone\n")
    manifest.write_text(f'[export]\ncommand = "devzones export --out {export}"\n', encoding="utf-8")
    data, name = packed([export, manifest])
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.namelist() == [export.name, manifest.name]  # the names as written, Chinese kept
    assert archive.read(export.name) == b"\xef\xbb\xbfzone\n"
    # the command names the file as the browser saves it, not the server's private folder
    assert (
        archive.read(manifest.name).decode() == f'[export]\ncommand = "devzones export --out {export.name}"\n'
    )
    assert name == "devzones-zones-2026-上蔡县_x_y-20261207-101500.zip"  # ; and , would end the header's name
    assert not folder.exists()


def test_a_folder_not_made_for_delivery_is_left_alone(tmp_path: Path) -> None:
    kept = tmp_path / "export.csv"
    kept.write_text("x", encoding="utf-8")
    packed([kept])
    assert kept.exists()
