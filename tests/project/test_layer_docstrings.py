"""Each layer of console/ says in its package docstring what it may import, and says what the
import-linter contract in pyproject.toml enforces: a reader of one package learns its rule there."""

from __future__ import annotations

import ast
import re
import tomllib

import pytest

from tests.support.paths import REPO


def _layers() -> list[list[str]]:
    """The layers contract's layers, top first, each a list of siblings."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["id"] == "layers"]
    return [[name.strip() for name in layer.split("|")] for layer in contract["layers"]]


LAYERS = _layers()
CASES = [
    (name, [b for below in LAYERS[i + 1 :] for b in below])
    for i, group in enumerate(LAYERS)
    for name in group
]


@pytest.mark.parametrize(("layer", "below"), CASES, ids=[name for name, _ in CASES])
def test_the_layer_docstring_names_what_it_may_import(layer: str, below: list[str]) -> None:
    init = REPO / "console" / layer / "__init__.py"
    doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
    match = re.search(r"May import: (.*?)(?:\(|;|\.\s|$)", doc.replace("\n", " "))
    assert match, f"console/{layer}/__init__.py: no 'May import:' line"
    named = re.findall(r"[a-z_]+", match.group(1).replace("and widgets/", ""))
    if not below:
        assert "nothing" in named
    else:
        assert [n for n in named if n not in {"and", "the", "app", "only", "widgets"}] == below
