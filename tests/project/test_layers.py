"""The import-linter contracts in pyproject.toml break when a layer is crossed.

CI runs ``lint-imports`` on the tree as it is; these tests copy the tree, add one import that crosses a
layer, and check that ``lint-imports`` then fails naming the contract and the offending import. So the
contracts are shown to catch what the README's "Architecture" section says they catch.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    # The copy comes first on the path, so grimp builds the graph from it and not the installed tree.
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(root / "pyproject.toml")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tree")
    ignore = shutil.ignore_patterns("__pycache__")
    for package in ("console", "widgets"):
        shutil.copytree(REPO / package, root / package, ignore=ignore)
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    return root


def test_the_copied_tree_keeps_every_contract(tree: Path) -> None:
    result = _lint_imports(tree)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract", "offence"),
    [
        (
            "console/engine/rules.py",
            "from console.present.labels import status_word",
            "is layered",
            "console.engine is not allowed to import console.present",
        ),
        (
            "console/data/scales.py",
            "from console.engine import status",
            "is layered",
            "console.data is not allowed to import console.engine",
        ),
        (
            "console/reports/read.py",
            "from console.outputs import text_tables",
            "is layered",
            "console.reports is not allowed to import console.outputs",
        ),
        (
            "widgets/topbar.py",
            "from console.engine import evaluation",
            "widgets/ only render",
            "widgets is not allowed to import console.engine",
        ),
        (
            "console/present/labels.py",
            "import widgets.keybar",
            "Only the console app imports widgets/",
            "console.present is not allowed to import widgets",
        ),
        (
            "console/outputs/export.py",
            "import textual.app",
            "imports Textual",
            "console.outputs is not allowed to import textual",
        ),
    ],
)
def test_an_import_across_a_layer_breaks_its_contract(
    tree: Path, module: str, line: str, contract: str, offence: str
) -> None:
    path = tree / module
    original = path.read_text(encoding="utf-8")
    path.write_text(f"{original}\n{line}  # crossing a layer on purpose\n", encoding="utf-8")
    try:
        result = _lint_imports(tree)
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    broken = result.stdout.split("Broken contracts", 1)[-1]
    assert contract in broken and offence in broken, result.stdout
