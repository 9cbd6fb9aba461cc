"""The indented JSON writer (orjson, every command's --json) gives json.dumps's bytes exactly, but for
NaN and the infinities (null) and floats below 1e-4 (no padded exponent), which read back the same."""

from __future__ import annotations

import datetime
import json
from collections import OrderedDict

import pytest

from console.core.indented_json import dumps, python_dumps
from console.core.text import Said, safe_json


def _reference(document: object) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, default=str)


@pytest.mark.parametrize(
    "document",
    [
        {},
        [],
        "x",
        None,
        1.5,
        {"a": [], "b": {}, "c": [[], [{}]], "d": ()},
        {"big": 1e16, "small": 1e-4, "huge": -1.5e300, "share": 0.1234, "pi": 3.141592653589793},
        {"ints": [0, -1, 2**70], "bools": [True, False, None], "float": -0.0},
        {7: "int key", 2.5: "float key", False: "bool key", None: "none key", "": "empty key"},
        {"控制\x1b字符": '换行\n、引号"、反斜杠\\、\u202e、\ud800', "制表": "\t"},
        {"said": Said("words", "文字"), "date": datetime.date(2026, 9, 30), "set": {1}},
        OrderedDict([("z", 1), ("a", (1, 2, (3,)))]),
    ],
)
def test_the_same_text_as_json_dumps(document: object) -> None:
    assert dumps(document) == _reference(document)
    assert python_dumps(document) == _reference(document)


def test_what_json_dumps_writes_differently_reads_back_the_same() -> None:
    """NaN and the infinities become null (strict JSON readers refuse NaN); a tiny float loses only
    its exponent's padding: a JSON reader gets the same numbers."""
    document = {"nan": float("nan"), "inf": float("inf"), "-inf": float("-inf"), "tiny": [1e-05, -7.5e-9]}
    written = dumps(document)
    assert json.loads(written) == {"nan": None, "inf": None, "-inf": None, "tiny": [1e-05, -7.5e-9]}
    assert python_dumps(document) == _reference(document)


def test_what_orjson_refuses_is_written_as_the_json_module_does() -> None:
    """A lone surrogate (from a file name) and an integer beyond 64 bits: the json module's bytes."""
    document = {"path": "bad\udcff.csv", "big": 2**70, "ok": ["中文", 1.5]}
    assert dumps(document) == _reference(document)


def test_control_characters_are_escaped_and_key_order_is_kept() -> None:
    """What a terminal would act on never reaches it raw: C0 controls by the writer, DEL, C1, bidi
    and noncharacters by safe_json; keys keep the document's order (schema_version first)."""
    document = {"schema_version": 1, "z": "\x1b]52;c;\x07", "a": "\x7f\x9b\u202e\ufffe名", "m": "\ud800"}
    shown = safe_json(dumps(document))
    assert list(json.loads(shown)) == ["schema_version", "z", "a", "m"]
    assert shown.isascii() is False and "名" in shown
    for raw in ("\x1b", "\x07", "\x7f", "\x9b", "\u202e", "\ufffe", "\ud800"):
        assert raw not in shown
    assert "\\u001b]52;c;\\u0007" in shown and "\\u007f\\u009b\\u202e\\ufffe名" in shown


def test_a_document_without_unsafe_characters_is_shown_unchanged() -> None:
    """Chinese punctuation shares lead bytes with the characters removed (U+FF08, U+2014): kept."""
    document = dumps({"名称": "（驻马店）—“开发区”…\u3000", "n": [1, 2.5]})
    assert safe_json(document) == document


def test_a_key_json_refuses_is_refused() -> None:
    with pytest.raises(TypeError):
        dumps({(1, 2): "tuple key"})


def test_the_status_document_of_the_embedded_data(settings, dataset) -> None:
    """The whole of ``status --json`` and ``rankings --json`` as the commands build them."""
    from console.engine.evaluation import evaluate, status_json
    from console.outputs.export import view_json
    from console.present.assemble import city_rankings, status_views

    ev = evaluate(dataset, settings, year=2025)
    views = status_views(dataset, ev, "zh", False)
    document = {**status_json(ev), "tables": {v.tab: view_json(v, "en") for v in views}}
    assert dumps(document) == _reference(document)
    ranked = city_rankings(dataset, 2025, settings)
    rows = list(ranked.iter_rows(named=True))
    assert dumps(rows) == _reference(rows)


def test_every_character_clean_removes_is_escaped_in_json() -> None:
    """The quick check before safe_json's pass misses none of the characters clean() removes."""
    from console.core.text import REMOVED

    for char in REMOVED:
        shown = safe_json(dumps({"name": f"开发区{char}（一）"}))
        assert char not in shown, hex(ord(char))
        assert json.loads(shown) == {"name": f"开发区{char}（一）"}
