"""The domain modules never import Textual: the CLI, scripts and tests use them without a UI."""

from __future__ import annotations

import json
import subprocess
import sys

DOMAIN = [
    "console.data.scales",
    "console.data.errors",
    "console.data.schema",
    "console.data.readers",
    "console.data.validate",
    "console.data.loader",
    "console.data.dataset",
    "console.core.config",
    "console.engine.status",
    "console.engine.progress",
    "console.engine.audit",
    "console.engine.evaluation",
    "console.sample.generate",
    "console.present.labels",
    "console.outputs.text_tables",
    "console.cli",
    "console.present.views",
    "console.present.viewmodel",
    "console.present.view_cache",
    "console.present.assemble",
    "console.engine.rankings",
    "console.engine.rules",
    "console.present.drilldown",
    "console.present.series",
    "console.outputs.export",
    "console.outputs.bulletin",
    "console.reports.store",
    "console.reports.read",
    "console.reports.template",
]


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
