"""``status --json`` writes its tables one at a time (print_json_parts): the bytes are the ones the
whole document written at once gives, on a UTF-8 stdout and on a terminal in another encoding."""

from __future__ import annotations

import io
import sys

import pytest

from console.cli.common import print_json, print_json_parts

HEAD = {"as_of": "2026Q2", "zones": [{"zone": "甲\x1b区", "n": 1.5, "codes": []}], "empty": {}}
PARTS = [
    (
        "zones",
        {"title": "开发区", "columns": [{"code": "a\nb"}], "rows": [{"x": None, "y": [1, {"z": "\u202e"}]}]},
    ),
    ("clusters", {"title": "", "columns": [], "rows": [], "mark": "\u202e"}),
    ('引号"键', [[], {}, "行\n尾"]),
]


def _written(write: object, encoding: str, monkeypatch: pytest.MonkeyPatch) -> bytes:
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding=encoding, newline="\n"))
    write()  # type: ignore[operator]
    sys.stdout.flush()
    return raw.getvalue()


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
@pytest.mark.parametrize("parts", [PARTS, PARTS[:1], []])
def test_parts_give_the_whole_documents_bytes(
    monkeypatch: pytest.MonkeyPatch, encoding: str, parts: list[tuple[str, object]]
) -> None:
    whole = _written(lambda: print_json({**HEAD, "tables": dict(parts)}), encoding, monkeypatch)
    pieces = _written(lambda: print_json_parts(HEAD, "tables", iter(parts)), encoding, monkeypatch)
    assert pieces == whole
    assert b"\\u001b" in whole  # what a terminal acts on is escaped in both
