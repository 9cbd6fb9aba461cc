"""The domain modules never import Textual: the CLI, scripts and tests use them without a UI."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

# Everything in console/ except the Textual app (console.tui) and ``python -m console`` (which runs
# the CLI on import). Walked from the packages, so a new module is covered without being listed here;
# pyproject.toml's import-linter contracts enforce the same rule on every import statement.
UI_PACKAGES = ("console.tui",)
NOT_IMPORTABLE = ("console.__main__",)


def _domain_modules() -> list[str]:
    import console

    names = [m.name for m in pkgutil.walk_packages(console.__path__, prefix="console.")]
    return sorted(
        n
        for n in names
        if n not in NOT_IMPORTABLE and not any(n == p or n.startswith(p + ".") for p in UI_PACKAGES)
    )


DOMAIN = _domain_modules()


def test_the_domain_list_covers_every_layer_below_the_app() -> None:
    """The walk finds the modules of each layer package and the CLI, and nothing of the Textual app."""
    layers = {n.split(".")[1] for n in DOMAIN}
    assert layers >= {"core", "data", "engine", "present", "outputs", "reports", "sample", "cli"}
    assert "console.data.loader" in DOMAIN and "console.engine.status" in DOMAIN
    assert not any(n.startswith("console.tui") for n in DOMAIN)


def test_domain_modules_import_without_textual() -> None:
    code = f"""
import importlib, json, sys
for name in {DOMAIN!r}:
    importlib.import_module(name)
print(json.dumps(sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == []


def test_the_console_starts_without_polars() -> None:
    """polars and the engine load in a worker after the first screen, not at start-up."""
    code = "import sys, console.tui.app; print(sorted(m for m in sys.modules if m.split('.')[0] in ('polars', 'plotext')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_headless_commands_do_not_load_textual() -> None:
    code = """
import json, sys
from console.cli import main
main(["status", "--json"])
print(json.dumps([m for m in sys.modules if m.startswith("textual")]), file=sys.stderr)
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(result.stderr.strip().splitlines()[-1]) == []
