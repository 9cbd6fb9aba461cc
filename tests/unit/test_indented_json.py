"""The fast indented JSON writer gives json.dumps's bytes exactly (every command's --json uses it)."""

from __future__ import annotations

import datetime
import json
from collections import OrderedDict

import pytest

from console.core.indented_json import dumps
from console.core.text import Said


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
        {"nan": float("nan"), "inf": float("inf"), "-inf": float("-inf"), "big": 1e16, "tiny": 1e-05},
        {"ints": [0, -1, 2**70], "bools": [True, False, None], "float": -0.0},
        {7: "int key", 2.5: "float key", False: "bool key", None: "none key", "": "empty key"},
        {"控制\x1b字符": '换行\n、引号"、反斜杠\\、\u202e、\ud800', "制表": "\t"},
        {"said": Said("words", "文字"), "date": datetime.date(2026, 9, 30), "set": {1}},
        OrderedDict([("z", 1), ("a", (1, 2, (3,)))]),
    ],
)
def test_the_same_text_as_json_dumps(document: object) -> None:
    assert dumps(document) == _reference(document)


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
