"""No import circle inside a package (issue 21): a module that imports another of its package is never
imported back by it, directly or through others, so each module can be read, tested and changed on
its own. Imports inside functions count: a deferred import hides a circle, it does not remove it.

``import_cycles`` works for any package of the project; the parametrisation names the packages held to
it so far.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def module_names(package: Path, name: str) -> dict[str, Path]:
    """Every module of the package in ``package`` (named ``name``), by its dotted name."""
    modules: dict[str, Path] = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join((name, *parts))] = path
    return modules


def _imported(node: ast.Import | ast.ImportFrom, module: str, is_package: bool) -> list[str]:
    """The dotted names an import statement in ``module`` may load: the module named and, for
    ``from x import y``, ``x.y`` (which is a module when ``y`` is one)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:  # a relative import: counted from the module's package
        package = module.split(".") if is_package else module.split(".")[:-1]
        anchor = package[: len(package) - (node.level - 1)]
        base = ".".join([*anchor, base] if base else anchor)
    return [base, *(f"{base}.{alias.name}" for alias in node.names)]


def import_graph(package: Path, name: str) -> dict[str, set[str]]:
    """Each module of the package -> the modules of the same package it imports (anywhere in it)."""
    modules = module_names(package, name)
    graph: dict[str, set[str]] = {module: set() for module in modules}
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                targets = _imported(node, module, path.name == "__init__.py")
                if isinstance(node, ast.ImportFrom) and all(t in modules for t in targets[1:]):
                    # ``from pkg import a, b`` of submodules imports a and b; pkg's __init__ runs first
                    # either way (as for any submodule), so it is no more this module's import than
                    # it is every other submodule's.
                    targets = targets[1:]
                for target in targets:
                    if target in modules and target != module:
                        graph[module].add(target)
    return graph


def import_cycles(package: Path, name: str) -> list[list[str]]:
    """The import circles of a package: each strongly connected group of two or more modules (Tarjan's
    algorithm), sorted, so a failure names every module of every circle."""
    graph = import_graph(package, name)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in sorted(graph[module]):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return sorted(cycles)


# Every package of the project: the console's layers, the CLI and the app, the widgets.
PACKAGES = [
    "console",
    "console.cli",
    "console.tui",
    "console.outputs",
    "console.reports",
    "console.present",
    "console.engine",
    "console.data",
    "console.core",
    "console.sample",
    "console.words",
    "widgets",
]


@pytest.mark.parametrize("package", PACKAGES)
def test_no_import_circle_in(package: str) -> None:
    cycles = import_cycles(ROOT.joinpath(*package.split(".")), package)
    assert cycles == [], f"import circles in {package}: " + "; ".join(" <-> ".join(c) for c in cycles)


def test_a_circle_is_found_through_a_deferred_and_a_relative_import(tmp_path: Path) -> None:
    """The check itself: a circle of three modules, one link a relative import inside a function, is
        reported whole (the last link only for the type checker: a circle there is still one a reader must
    untangle); a module that only imports others is not in it."""
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    (package / "a.py").write_text("from pkg.sub import b\n")
    (package / "sub" / "b.py").write_text("def f():\n    from ..c import g\n")
    (package / "c.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pkg.a\n")
    (package / "d.py").write_text("from pkg import a, c\n")
    assert import_cycles(package, "pkg") == [["pkg.a", "pkg.c", "pkg.sub.b"]]
    (package / "c.py").write_text("")
    assert import_cycles(package, "pkg") == []
