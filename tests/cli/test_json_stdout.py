"""--json's text on stdout: UTF-8 bytes as written, or encoded by the terminal's own encoding."""

from __future__ import annotations

import io
import json
import sys

import pytest

from console.cli.common import print_json


def _stdout(monkeypatch: pytest.MonkeyPatch, encoding: str) -> io.TextIOWrapper:
    stream = io.TextIOWrapper(io.BytesIO(), encoding=encoding)
    monkeypatch.setattr(sys, "stdout", stream)
    return stream


@pytest.mark.parametrize("encoding", ["utf-8", "UTF8", "gb18030"])
def test_the_document_reads_back_in_the_terminals_encoding(
    monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    stream = _stdout(monkeypatch, encoding)
    print("before", flush=False)  # text printed earlier comes first
    print_json({"zone": "驿城区开发区（一）", "escape": "\x1b[31m", "n": [1, 2.5]})
    stream.flush()
    text = stream.buffer.getvalue().decode(encoding)
    assert text.startswith("before\n{\n") and text.endswith("}\n")
    document = json.loads(text.split("\n", 1)[1])
    assert list(document) == ["schema_version", "zone", "escape", "n"]
    assert document["zone"] == "驿城区开发区（一）" and "\x1b" not in text


def test_a_lone_surrogate_from_a_file_name_is_written_escaped(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = _stdout(monkeypatch, "utf-8")
    print_json({"command": "export", "written": ["out\udcff.csv"]})
    stream.flush()
    text = stream.buffer.getvalue().decode("utf-8")
    assert "out\\udcff.csv" in text and json.loads(text)["written"] == ["out\udcff.csv"]
