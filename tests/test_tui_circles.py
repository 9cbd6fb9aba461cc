"""The console's modules import each other one way only: no import circle in console/tui.

The graph is read from the source (every ``import``/``from … import`` naming a module of the package,
including those under ``if TYPE_CHECKING:`` and inside functions: a circle there is still a circle a
reader has to untangle, and the one a type checker follows).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = "console.tui"
ROOT = Path(__file__).resolve().parents[1]


def imported_modules(source: str, package: str) -> set[str]:
    """The modules of ``package`` that ``source`` imports (absolute or relative), anywhere in it."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from . import x, from .x import y
                base = ".".join([package, base]).rstrip(".") if node.level == 1 else base
            names = [base] + [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        found.update(name for name in names if name.startswith(f"{package}."))
    return found


def import_graph(package: str) -> dict[str, set[str]]:
    """Module -> the package's modules it imports (``from console.tui import workers`` names
    ``console.tui.workers``)."""
    folder = ROOT.joinpath(*package.split("."))
    modules = {f"{package}.{path.stem}": path for path in folder.glob("*.py") if path.stem != "__init__"}
    return {
        name: {m for m in imported_modules(path.read_text(encoding="utf-8"), package) if m in modules}
        - {name}
        for name, path in modules.items()
    }


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle of ``graph`` (its modules, the first again at the end), or None."""
    done: set[str] = set()
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        if node in path:
            return [*path[path.index(node) :], node]
        if node in done:
            return None
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            found = visit(nxt)
            if found:
                return found
        path.pop()
        done.add(node)
        return None

    for start in sorted(graph):
        cycle = visit(start)
        if cycle:
            return cycle
    return None


def test_the_checker_finds_a_circle_and_the_type_checking_imports() -> None:
    source = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from console.tui.app import X\n"
    assert imported_modules(source, PACKAGE) == {"console.tui.app", "console.tui.app.X"}
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


@pytest.mark.parametrize("package", [PACKAGE])
def test_no_import_circle(package: str) -> None:
    graph = import_graph(package)
    assert len(graph) > 5  # the package was found
    cycle = find_cycle(graph)
    assert cycle is None, "import circle: " + " -> ".join(cycle or [])
