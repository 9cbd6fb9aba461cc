"""The exports' words (console.outputs: export, out_path, csv_encoding, xlsx_print, text_tables):
provenance labels, page headers and the messages about where a file can be written. Data only."""

from __future__ import annotations

from console.words import Catalogue

EXPORTS = Catalogue(
    "exports",
    {
        "as_of_none": ("无数据", "no data yet"),
    },
)
