"""The test suite's own layout: helpers live in tests/support (or conftest.py's fixtures), never in a test
module, and every stored snapshot sits beside the module that compares against it."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.support.paths import REPO

TESTS = REPO / "tests"


def _imported_modules(path: Path) -> list[str]:
    """Every module ``path`` imports, at the top or inside a function, relative imports made absolute."""
    package = ".".join(path.relative_to(REPO).with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(part for part in (base, node.module or "") if part)
            found.append(module)
            found += [f"{module}.{alias.name}" for alias in node.names]  # `from tests import test_x`
    return found


def test_no_test_module_imports_another_test_module_or_conftest() -> None:
    """A helper imported from a test module drags that module's tests into the importer's reasons to
    change (and runs its collection-time code twice); shared helpers belong in tests/support."""
    offending = []
    for path in sorted(TESTS.rglob("*.py")):
        for module in _imported_modules(path):
            parts = module.split(".")
            if parts[0] == "tests" and any(p.startswith("test_") or p == "conftest" for p in parts[1:]):
                offending.append(f"{path.relative_to(REPO)} imports {module}")
    assert not offending, "\n".join(offending)


def test_helpers_sit_in_tests_support_and_tests_in_folders() -> None:
    """tests/ holds only conftest.py and folders: a test module or helper at the top is out of place."""
    loose = sorted(p.name for p in TESTS.glob("*.py") if p.name not in {"__init__.py", "conftest.py"})
    assert loose == []
    in_support = sorted(p.name for p in (TESTS / "support").glob("test_*.py"))
    assert in_support == []


def test_every_snapshot_folder_sits_beside_its_test_module() -> None:
    """pytest-textual-snapshot looks for a module's SVGs in ``__snapshots__/<module>/`` beside it: a
    module moved without its snapshots would fail, and snapshots left behind would be dead weight."""
    folders = sorted(f for store in TESTS.rglob("__snapshots__") for f in store.iterdir() if f.is_dir())
    assert folders, "no snapshot folders found"
    orphans = [
        str(folder.relative_to(REPO))
        for folder in folders
        if not (folder.parent.parent / f"{folder.name}.py").is_file()
    ]
    assert orphans == []


def test_ci_fails_when_the_test_command_fails_or_runs_nothing() -> None:
    """.ci/run stops at the first failing command: pytest's exit code 5 (no tests collected, e.g. a
    marker that selects nothing) fails CI like a failed test, never passes it."""
    lines = [line.strip() for line in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    commands = [line for line in lines if line and not line.startswith("#")]
    assert commands[0] == "set -euo pipefail"
    assert not any("||" in line or "--suppress-no-test-exit-code" in line for line in commands)
    readme = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    test_line = next(line for line in readme if line.startswith("python3 -m venv") and "pytest" in line)
    assert test_line.endswith('.venv/bin/pytest -n auto -m "not slow"') and test_line in commands
    assert ".venv/bin/pytest -n auto -m slow" in commands  # what the README's line leaves out
