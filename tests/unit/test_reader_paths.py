"""A UTF-8 CSV is read by polars straight from its bytes; every other file takes the careful path. Both
give the same table, cleaned the same way, and the same messages for what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.data.errors import DataInvalid
from console.data.readers import read_table_file

ROWS = "zone,short_name,note\n驿城区开发区,驿城,第一行\n遂平县开发区,遂平,第二行\n"


def _read(tmp_path: Path, raw: bytes) -> list[tuple[object, ...]]:
    path = tmp_path / "zones.csv"
    path.write_bytes(raw)
    return read_table_file(path).rows()


@pytest.mark.parametrize(
    "raw",
    [
        ROWS.encode("utf-8"),
        b"\xef\xbb\xbf" + ROWS.encode("utf-8"),  # UTF-8 with BOM (Excel's "CSV UTF-8")
        ROWS.replace("\n", "\r\n").encode("gb18030"),  # Excel on Chinese Windows
        ROWS.replace("\n", "\r").encode("utf-8"),  # CR-only line ends (Excel's "CSV (Macintosh)")
        ROWS.rstrip("\n").encode("utf-8"),  # no line break after the last row
    ],
    ids=["utf-8", "bom", "gb18030", "cr-only", "no-final-break"],
)
def test_every_encoding_and_line_ending_reads_the_same_table(tmp_path: Path, raw: bytes) -> None:
    assert _read(tmp_path, raw) == [
        (2, "驿城区开发区", "驿城", "第一行"),
        (3, "遂平县开发区", "遂平", "第二行"),
    ]


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_controls_tabs_and_quoted_breaks_are_cleaned_in_utf8_files(tmp_path: Path, bom: bytes) -> None:
    text = 'zone,short_name,note\n驿城区开发区,驿\x1b[31m城\u202e,"两\n行\t说明"\n遂平县开发区,遂平\x9b,\u200f好\n'
    assert _read(tmp_path, bom + text.encode("utf-8")) == [
        (2, "驿城区开发区", "驿[31m城", "两 行 说明"),
        (3, "遂平县开发区", "遂平", "好"),
    ]


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("\u3000\n".encode(), "empty"),  # only a (full-width) space: an empty file, as before
        (b"zone,short_name\n", "no rows"),
        (b"zone,short_name\n\xe9\xa9\xbf\xff,x\n", "0xff"),  # bytes neither UTF-8 nor GB18030
        # Bad bytes polars itself lets through (found by comparing the two paths on random files).
        (b' \xc2\x9b"\xef\xbb\xbf\n,\xe3\x80\x80\xff\xe4\xb8\xad\xff\r"\n\n\n\xc2\x9b\r\r\r', "0xff e4"),
        ("zone,short_name\n驿城区开发区,驿城,多余\n".encode(), "3"),
    ],
)
def test_bad_files_are_named_as_before(tmp_path: Path, raw: bytes, words: str) -> None:
    path = tmp_path / "zones.csv"
    path.write_bytes(raw)
    try:
        frame = read_table_file(path)
    except DataInvalid as exc:
        assert words in str(exc) or any(words in str(e) for e in exc.errors)
    else:
        assert words == "no rows" and frame.is_empty()
