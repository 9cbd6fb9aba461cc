"""``devzones export --out -``: CSV, JSON or Markdown on standard output and nothing else (issue 22, point 4)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from console.cli.export import STDOUT_FORMATS
from console.cli.parser import EXPORT_FORMATS
from tests.support.cli_run import run

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working folder: --out - must leave nothing in it (no file, no manifest)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_csv_goes_to_stdout_without_a_bom_or_a_manifest(capsys, here: Path) -> None:
    code, out, err = run(capsys, "export", "--view", "zones", "--format", "csv", "--out", "-", "--lang", "en")
    assert (code, err) == (0, "")
    assert not out.startswith("\ufeff")  # a script reads it: no BOM
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 11 and rows[0]["Zone"] == "High-tech Zone"
    assert list(here.iterdir()) == []


def test_json_and_markdown_go_to_stdout(capsys, here: Path) -> None:
    code, out, err = run(capsys, "export", "--view", "all", "--format", "json", "--out", "-")
    assert (code, err) == (0, "")
    document = json.loads(out)  # the whole of stdout is the document
    assert document["schema_version"] == 1 and "zones" in document["tables"]
    code, out, err = run(capsys, "export", "--view", "rankings", "--format", "md", "--out", "-")
    assert (code, err) == (0, "") and out.startswith("# ")
    assert list(here.iterdir()) == []


@pytest.mark.parametrize("fmt", [f for f in EXPORT_FORMATS if f not in STDOUT_FORMATS])
def test_binary_formats_are_refused_on_stdout(capsys, here: Path, fmt: str) -> None:
    """xlsx, parquet, svg (and pdf, where the print work adds it): files, not a stream of text."""
    code, out, err = run(capsys, "export", "--view", "zones", "--format", fmt, "--out", "-", "--lang", "en")
    assert code == 2 and out == ""
    assert "--out - writes only csv, json, md" in err and fmt in err
    assert list(here.iterdir()) == []


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        (["--view", "all"], "CSV on --out - holds one table, and this export has 6"),
        (["--view", "zones", "--force"], "--force does not apply to --out -"),
        (["--view", "zones", "--json"], "--json does not apply to --out -"),
    ],
)
def test_what_stdout_cannot_carry_is_refused(capsys, here: Path, extra: list[str], said: str) -> None:
    code, out, err = run(capsys, "export", *extra, "--format", "csv", "--out", "-", "--lang", "en")
    assert code == 2 and out == "" and said in err


def test_a_real_pipe_reads_the_json(tmp_path: Path) -> None:
    """As a cron job or a script would: devzones export … --out - | python -c …, nothing else on stdout."""
    reader = "import json, sys; d = json.load(sys.stdin); print(d['schema_version'], len(d['tables']['zones']['rows']))"
    command = (
        f"{sys.executable} -m console export --view zones --format json --out - --lang en"
        f' | {sys.executable} -c "{reader}"'
    )
    done = subprocess.run(command, shell=True, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "11"]
    assert list(tmp_path.iterdir()) == []


def test_the_help_says_what_dash_does(capsys) -> None:
    code, out, _ = run(capsys, "export", "--help", "--lang", "en")
    assert code == 0 and "- writes to standard output" in " ".join(out.split())
