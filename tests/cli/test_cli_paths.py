"""--out: a folder or a file of the right kind, never a file without an extension (export, bulletin, template)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from console.cli import main
from console.cli.language import metavar
from console.outputs.out_path import EXTENSIONS, OutPathError, resolve_out
from tests.support.cli_run import run as _run_exit


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _all_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


COMMANDS = {
    "export": (["export", "--view", "zones", "--format", "md"], ".md"),
    "bulletin": (["bulletin", "--period", "2026-10", "--format", "md"], ".md"),
    "template": (["template", "--zone", "遂平", "--period", "2026Q4"], ".xlsx"),
}


@pytest.mark.parametrize("command", COMMANDS)
def test_out_ending_in_a_separator_is_a_folder_created_when_its_parent_exists(
    capsys, tmp_path: Path, command: str
) -> None:
    args, suffix = COMMANDS[command]
    code, _, _ = _run(capsys, *args, "--out", f"{tmp_path}/missing{os.sep}")
    assert code == 0
    written = _all_files(tmp_path)
    assert written and all(p.parent == tmp_path / "missing" for p in written)
    assert written[0].suffix == suffix or written[0].name.endswith(suffix + ".manifest.toml")
    assert all(p.suffix for p in written)


@pytest.mark.parametrize("command", COMMANDS)
def test_out_naming_an_existing_folder_writes_inside_it(capsys, tmp_path: Path, command: str) -> None:
    args, suffix = COMMANDS[command]
    folder = tmp_path / "existing_folder"
    folder.mkdir()
    assert _run(capsys, *args, "--out", str(folder))[0] == 0
    assert _run(capsys, *args, "--out", f"{folder}/")[0] == 0
    assert [p.name for p in tmp_path.iterdir()] == ["existing_folder"]  # nothing beside it
    data = [p for p in _all_files(folder) if not p.name.endswith(".manifest.toml")]
    assert len(data) == 2 and all(p.suffix == suffix for p in data)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_folder_whose_parent_is_missing_is_a_clear_error(capsys, tmp_path: Path, command: str) -> None:
    args, _ = COMMANDS[command]
    code, _, err = _run(capsys, *args, "--out", f"{tmp_path}/no/such/", "--lang", "en")
    assert code == 4 and f"the folder {tmp_path / 'no'} does not exist" in err
    code, _, err = _run(capsys, *args, "--out", f"{tmp_path}/no/file{COMMANDS[command][1]}", "--lang", "en")
    assert code == 4 and "does not exist" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", COMMANDS)
def test_an_extension_that_does_not_match_the_format_is_an_error(
    capsys, tmp_path: Path, command: str
) -> None:
    args, suffix = COMMANDS[command]
    code, _, err = _run(capsys, *args, "--out", str(tmp_path / "r.csv"), "--lang", "en")
    assert code == 2 and "ends in .csv" in err and f"use r{suffix}" in err
    code, _, err = _run(capsys, *args, "--out", str(tmp_path / "missing"), "--lang", "en")
    assert code == 2 and "has no extension" in err and f"missing{suffix}" in err and "end it with /" in err
    assert list(tmp_path.iterdir()) == []


def test_export_md_into_a_csv_name_is_refused_in_chinese_too(capsys, tmp_path: Path) -> None:
    (tmp_path / "r.csv").write_text("kept", encoding="utf-8")
    code, _, err = _run(capsys, "export", "--format", "md", "--out", str(tmp_path / "r.csv"))
    assert code == 2 and "扩展名是 .csv" in err and "r.md" in err
    assert [p.name for p in tmp_path.iterdir()] == ["r.csv"]  # no r-2.csv holding Markdown


def test_view_all_into_a_new_folder_gives_every_file_an_extension(capsys, tmp_path: Path) -> None:
    for fmt in ("csv", "parquet"):
        code, _, _ = _run(capsys, "export", "--view", "all", "--format", fmt, "--out", f"{tmp_path}/{fmt}/")
        assert code == 0
        files = _all_files(tmp_path / fmt)
        assert len(files) == 7
        assert all(p.suffix == f".{fmt}" or p.name.endswith(f".{fmt}.manifest.toml") for p in files)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["csv", "parquet"]


def test_the_right_extension_in_any_case_is_accepted_and_numbered_not_replaced(
    capsys, tmp_path: Path
) -> None:
    target = tmp_path / "Report.CSV"
    assert _run(capsys, "export", "--format", "csv", "--out", str(target))[0] == 0
    assert _run(capsys, "export", "--format", "csv", "--out", str(target))[0] == 0
    assert {"Report.CSV", "Report-2.CSV"} <= {p.name for p in tmp_path.iterdir()}


def test_a_file_where_a_folder_is_asked_for(capsys, tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    code, _, err = _run(capsys, "export", "--format", "csv", "--out", f"{tmp_path}/plain/", "--lang", "en")
    assert code == 4 and "is a file, not a folder" in err


# -- the rule itself ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(EXTENSIONS))
def test_resolve_out_never_returns_a_name_without_the_formats_extension(tmp_path: Path, fmt: str) -> None:
    ext = EXTENSIONS[fmt]
    assert resolve_out(tmp_path / f"a{ext}", fmt, "unused") == tmp_path / f"a{ext}"
    assert resolve_out(f"{tmp_path}/new/", fmt, f"s{ext}") == tmp_path / "new" / f"s{ext}"
    assert resolve_out(tmp_path, fmt, lambda: f"t{ext}") == tmp_path / f"t{ext}"
    for wrong in ("a", "a.txt", f"a{ext}.bak", ".hidden"):
        with pytest.raises(OutPathError) as caught:
            resolve_out(tmp_path / wrong, fmt, "unused", "en")
        assert ext in str(caught.value) and not caught.value.folder


def test_the_suggested_name_is_only_made_for_a_folder(tmp_path: Path) -> None:
    def never() -> str:
        raise AssertionError("a file name needs no suggestion")

    assert resolve_out(tmp_path / "x.json", "json", never) == tmp_path / "x.json"


# -- every path argument: an empty path or an unknown ~user is a usage error (issue 20, 20) ------------------

NO_SUCH_USER = "~devzones-no-such-user-q7"


def _path_arguments() -> list[tuple[str | None, str]]:
    """(command, option or metavar) for every argument the parser reads as a path."""
    import argparse

    from console.cli import build_parser

    parser = build_parser("en")
    found = [(None, a) for a in parser._actions]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found += [(name, a) for name, child in action.choices.items() for a in child._actions]
    return sorted(
        {
            (command, (a.option_strings or [a.metavar])[0])
            for command, a in found
            if a.type is Path
            or getattr(a.type, "path_option", False)
            or a.dest in ("out", "data", "plan")
            or a.metavar in ("DIR", "FILE", "PATH")
        },
        key=str,
    )


PATH_ARGUMENTS = _path_arguments()
NEEDS = {
    None: [],
    "check": [],
    "status": [],
    "rankings": [],
    "changes": ["--from", "2026Q2"],
    "where": [],
    "undo": [],
    "completion": ["bash"],
    "export": ["--view", "zones", "--format", "csv", "--out", "z.csv"],
    "bulletin": ["--period", "2026-10", "--out", "b.md"],
    "template": ["--zone", "遂平", "--period", "2026Q4", "--out", "t.xlsx"],
    "generate": ["--out", "g"],
    "init": ["d"],
    "ingest": ["f.xlsx"],
    "serve": [],  # a bad --data is refused before anything listens
}


def test_the_walk_finds_every_kind_of_path_argument() -> None:
    names = set(PATH_ARGUMENTS)
    assert {("export", "--out"), ("bulletin", "--out"), ("template", "--out"), ("generate", "--out")} <= names
    assert {(None, "--data"), ("status", "--data"), ("generate", "--plan"), ("init", "DIR")} <= names
    assert ("ingest", "FILE") in names


def _words(command: str | None, option: str, value: str) -> list[str]:
    words = [] if command is None else [command]
    needs = list(NEEDS[command])
    if option.startswith("--"):
        if option in needs:  # replace the value the command needs anyway
            needs[needs.index(option) + 1] = value
        else:
            needs += [option, value]
    else:  # a positional: the first word the command needs
        needs[0] = value
    return words + needs


@pytest.mark.parametrize("value", ["", "  ", f"{NO_SUCH_USER}/x.csv", NO_SUCH_USER])
@pytest.mark.parametrize(("command", "option"), PATH_ARGUMENTS)
def test_an_empty_path_or_an_unknown_home_is_a_usage_error_naming_the_option(
    capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str | None, option: str, value: str
) -> None:
    monkeypatch.chdir(tmp_path)
    for lang in ("en", "zh"):
        code, _, err = _run_exit(capsys, "--lang", lang, *_words(command, option, value))
        assert code == 2, err
        assert (metavar(option, lang) if not option.startswith("--") else option) in err  # its name in lang
        said = {"en": ("path is empty", "no home folder"), "zh": ("路径为空", "找不到用户")}[lang]
        assert said[0 if not value.strip() else 1] in err
        assert "Traceback" not in err and "内部错误" not in err and "internal" not in err
    assert list(tmp_path.iterdir()) == []  # never the current folder


def test_a_home_folder_is_expanded_for_every_path_option(
    capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    code, _, err = _run(capsys, "generate", "--out", "~/sample")
    assert code == 0, err
    assert (tmp_path / "sample" / "manifest.toml").is_file()
    code, out, err = _run(capsys, "--data", "~/sample", "status", "--json")
    assert code == 0, err
    assert out.startswith("{")
    code, _, err = _run(
        capsys, "export", "--data", "~/sample", "--view", "zones", "--format", "csv", "--out", "~/"
    )
    assert code == 0, err
    assert any(p.suffix == ".csv" for p in tmp_path.iterdir())


def test_an_unknown_home_in_the_config_is_a_missing_folder_not_a_traceback(
    capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = Path(os.environ["DEVZONES_CONFIG"])
    config.write_text(f'[data]\ndir = "{NO_SUCH_USER}/data"\n', encoding="utf-8")
    code, _, err = _run(capsys, "--lang", "en", "status")
    assert code == 3, err
    assert NO_SUCH_USER in err and "internal" not in err
