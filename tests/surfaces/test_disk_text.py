"""Every field read from disk reaches the terminal through the text boundary (issue 20, 19).

The history journal (its time stamp and reason), the dataset folder's own name, the state file and the
JSON documents the commands print: none may carry a control, bidi or noncharacter to the terminal.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from console.cli import main
from console.core.text import REMOVED

# An OSC title write, a C1 CSI (one byte, which JSON does not escape), a bidi override, a noncharacter.
HOSTILE = "\x1b]0;pwned\x07\x1b[31mRED\x9b2J\u202e\ufffe"
FORBIDDEN = set(REMOVED) | {chr(c) for c in range(0xD800, 0xE000)}


def _raw(text: str) -> set[str]:
    return {c for c in text if c in FORBIDDEN}


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out + err


@pytest.fixture(scope="module")
def sample_with_history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated dataset (its .history holds one revision) with the journal's words made hostile."""
    root = tmp_path_factory.mktemp("hostile") / f"data{HOSTILE}"
    assert main(["generate", "--out", str(root)]) == 0
    (journal,) = root.glob(".history/*/journal.json")
    document = json.loads(journal.read_text(encoding="utf-8"))
    document["at"] = "2026-10-15" + HOSTILE
    document["reason"] = "sample" + HOSTILE
    journal.write_text(json.dumps(document), encoding="utf-8")
    return root


@pytest.mark.parametrize(
    "args",
    [
        ("changes", "--from", "2026Q2"),
        ("changes", "--from", "2026Q2", "--json"),
        ("--lang", "en", "changes", "--from", "2026Q2"),
        ("check",),
        ("check", "--json"),
        ("status", "--json"),
        ("where",),
        ("where", "--json"),
    ],
)
def test_what_is_read_from_disk_reaches_the_terminal_cleaned(
    sample_with_history: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    code, output = _run(capsys, *args, "--data", str(sample_with_history))
    assert code == 0, output
    assert not _raw(output)
    if "changes" in args:
        assert "2026-10-15" in output and "RED" in output  # shown, without the escapes


def test_json_output_escapes_what_it_cannot_print_and_stays_the_same_document(
    sample_with_history: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, output = _run(capsys, "where", "--json", "--data", str(sample_with_history))
    assert code == 0 and not _raw(output)
    assert json.loads(output)["data"] == str(sample_with_history)  # escaped, not changed


def test_undo_and_ingest_name_their_files_cleaned(
    sample_with_history: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import shutil

    copy = tmp_path / f"copy{HOSTILE}"
    shutil.copytree(sample_with_history, copy)
    code, output = _run(capsys, "undo", "--data", str(copy))
    assert code == 0, output
    assert not _raw(output)


def test_a_state_file_county_with_an_escape_is_dropped_with_a_clean_warning(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from console.core.config import load_settings

    state = Path(os.environ["DEVZONES_STATE"])
    state.parent.mkdir(parents=True, exist_ok=True)
    state.write_text(f"[state]\ncounties = [{json.dumps('平舆县' + HOSTILE)}]\n", encoding="utf-8")
    settings = load_settings()
    assert not any(_raw(c) for c in settings.counties)
    assert settings.warnings and not any(_raw(w) for w in settings.warnings)
