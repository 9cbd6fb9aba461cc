"""Every message of the ``devzones`` command in the chosen language, with one prefix (issue 20, walk 12
and 20): help, argparse's own errors, value checks, file-system errors, init's refusals and the
history journal's messages; words that say what happened (not found, no data, not reported); exports
that hold what their labels say and load nothing from the network."""

from __future__ import annotations

import csv
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from console.cli import BULLETIN_FORMATS, EXPORT_FORMATS, build_parser, main
from console.cli.language import argparse_language
from console.core.config import load_settings
from tests.support.cli_run import run as _run
from tests.support.language_walk import CJK, chinese_runs, english_words


def _machine_words() -> set[str]:
    """What a command line is made of (command names, option values to type, placeholders such as
    YYYYQN): typed as they are in either language, so not prose."""
    with argparse_language("zh"):
        parser = build_parser("zh")
    words: set[str] = set()

    def walk(p: object) -> None:
        for action in p._actions:  # type: ignore[attr-defined]
            for value in action.choices or ():
                words.add(str(value))
            if isinstance(action.choices, dict):
                for child in action.choices.values():
                    walk(child)

    walk(parser)
    # Sort keys and encodings are typed as they are too; Excel is a product's name.
    typed = {"zone", "target", "score", "utf", "gb", "gbk", "bash", "zsh", "tcsh"}
    return words | typed | {"YYYYQN", "YYYY-MM", "DEVZONES", "DEBUG", "cp", "Excel"}


MACHINE = _machine_words()


def english_prose(text: str) -> set[str]:
    """English words in Chinese-mode text, after what is typed as it is: options (--data), quoted
    command lines (devzones status --json), file names, TOML settings, choice values and codes."""
    text = re.sub(r"“[^”]*”|'[^']*'", " ", text)  # a value the user typed, quoted back
    text = re.sub(r"\S*/\S*", " ", text)  # a path
    text = re.sub(r"devzones(?: [^\s（）。；，“”]+)*", " ", text)  # a command line to type
    text = re.sub(r"(?<![\w])-{1,2}[A-Za-z][\w-]*", " ", text)  # an option
    text = re.sub(r"\{[^}]*\}", " ", text)  # argparse's list of choices
    text = re.sub(r"[\w.-]+\.(?:toml|csv|xlsx|json|md|svg|parquet|docx)\b", " ", text)  # a file name
    text = re.sub(r"\[\w+\] \w+ = \S+|\w+ = (?:false|true|\"[^\"]*\")", " ", text)  # a TOML setting
    return {w for w in english_words(text) if w not in MACHINE}


def _commands() -> list[str]:
    with argparse_language("zh"):
        parser = build_parser("zh")
    sub = next(a for a in parser._actions if isinstance(a.choices, dict))
    return list(sub.choices)


@pytest.mark.parametrize("command", ["", *_commands()])
def test_chinese_help_of_every_command_has_no_english(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`devzones --help` and each command's help: placeholders (COMMAND, DIR …) and words in Chinese."""
    code, out, err = _run(capsys, *([command] if command else []), "--help")
    assert code == 0
    assert "COMMAND" not in out and "usage:" not in out and "options:" not in out
    assert english_prose(out + err) == set(), out


# Each a failure a user meets: argparse's own, a value check, the data's, the file system's.
FAILURES = [
    ("nosuch",),
    ("status", "--year", "twenty"),
    ("status", "--unknown"),
    ("export", "--view", "zones"),
    ("export", "--view", "nowhere", "--format", "csv", "--out", "x.csv"),
    ("status", "--year", "2030"),
    ("status", "--county", "nowhere"),
    ("status", "--as-of", "2027Q1"),
    ("status", "--as-of", "sometime"),
    ("template", "--zone", "遂平", "--period", "2027Q1", "--out", "x.xlsx"),
    ("template", "--zone", "遂平", "--period", "2026Q9", "--out", "x.xlsx"),
    ("template", "--zone", "nowhere", "--period", "2026Q1", "--out", "x.xlsx"),
    ("template", "--assessment", "2031", "--out", "x.xlsx"),
    ("bulletin", "--period", "soon", "--out", "b.md"),
    ("export", "--view", "zones", "--format", "svg", "--size", "huge", "--out", "x.svg"),
    ("export", "--view", "zones", "--format", "csv", "--out", "nowhere/at/all/x.csv"),
    ("undo",),
    ("ingest", "missing.xlsx"),
    ("changes", "--from", "2026Q3", "--to", "2026Q1"),
    ("completion", "fish"),
]


@pytest.mark.parametrize("args", FAILURES, ids=" ".join)
def test_chinese_errors_have_no_english_and_one_prefix(
    args: tuple[str, ...], capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(capsys, *args)
    assert code != 0
    assert english_prose(out + err) == set(), err
    said = [line for line in err.splitlines() if line.startswith("devzones")]
    assert said, err
    assert all(
        line.startswith(("devzones：错误：", "devzones：警告：", "devzones：注意：")) for line in said
    ), err


@pytest.mark.parametrize("args", FAILURES, ids=" ".join)
def test_english_errors_have_no_chinese_words_of_ours_and_one_prefix(
    args: tuple[str, ...], capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = _run(capsys, "--lang", "en", *args)
    assert code != 0
    # Names typed by the user or taken from the data (遂平, 2026年10月 in an example) may stay.
    assert chinese_runs(err) <= {"遂平", "年", "月", "年第二季度", "年第四季度", "年第三季度"}, err
    said = [line for line in err.splitlines() if line.startswith("devzones")]
    assert said and all(line.startswith(("devzones: error: ", "devzones: note: ")) for line in said), err


@pytest.fixture
def new_dataset(tmp_path: Path) -> Path:
    data = tmp_path / "live"
    assert main(["init", str(data)]) == 0
    return data


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_init_refusals_in_one_language(
    lang: str, new_dataset: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A second init on a dataset, a non-empty folder, a file: each refusal in the chosen language only."""
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("x", encoding="utf-8")
    a_file = tmp_path / "file"
    a_file.write_text("x", encoding="utf-8")
    capsys.readouterr()
    for target in (new_dataset, busy, a_file):
        code, _, err = _run(capsys, "--lang", lang, "init", str(target))
        assert code == 4  # a file-system refusal, as generate's
        shown = err.replace(str(target), "")
        if lang == "zh":
            assert english_prose(shown) == set() and " / " not in shown, err
        else:
            assert not CJK.search(shown), err


def _ingest_one(data: Path, tmp_path: Path) -> None:
    from tests.support.workbooks import fill_report_in_place as _fill_report

    report = tmp_path / "r.xlsx"
    args = ["template", "--data", str(data), "--zone", "遂平", "--period", "2026Q1", "--out", str(report)]
    assert main(args) == 0
    _fill_report(report)
    assert main(["ingest", "--data", str(data), str(report), "--yes"]) == 0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_history_journal_messages_in_one_language(
    lang: str, new_dataset: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A damaged journal: undo refuses, sets the entry aside and says so, in the chosen language only."""
    _ingest_one(new_dataset, tmp_path)
    [entry] = [p for p in (new_dataset / ".history").iterdir() if p.is_dir()]
    (entry / "journal.json").write_text("{", encoding="utf-8")
    capsys.readouterr()
    code, _, err = _run(capsys, "--lang", lang, "undo", "--data", str(new_dataset))
    assert code == 3
    shown = re.sub(r"/[^\s：:（）]+", " ", err)
    if lang == "zh":
        assert "日志文件不完整或已损坏" in shown and "已移到一旁" in shown
        assert english_prose(shown) == set() and " / " not in shown, err
        assert err.startswith("devzones：错误：")
    else:
        assert "truncated or damaged" in shown and not CJK.search(shown), err
        assert err.startswith("devzones: error: ")


def test_interrupted_ingest_is_reported_as_a_note_in_chinese_only(
    new_dataset: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Recovery of an ingest that had not yet changed anything: one note, in Chinese, with the prefix."""
    history = new_dataset / ".history"
    history.mkdir(exist_ok=True)
    (history / "20260101T000000.pending").mkdir()  # no journal: nothing was replaced yet
    capsys.readouterr()
    code, _, err = _run(capsys, "check", "--data", str(new_dataset))
    assert code == 0
    notes = [line for line in err.splitlines() if line.startswith("devzones")]
    assert notes and all(line.startswith("devzones：注意：") for line in notes), err
    assert english_prose(err) == set() and " / " not in err, err


def test_writing_into_a_folder_that_takes_no_files_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder that exists but refuses new files (/proc says ENOENT) is not "not found": the message
    names the folder and says it takes no new files."""
    import errno

    import console.outputs.export as export

    real = export.export_views

    def refuse(views, fmt, out, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise FileNotFoundError(errno.ENOENT, "No such file or directory", str(out))

    monkeypatch.setattr(export, "export_views", refuse)
    assert real is not refuse
    code, _, err = _run(capsys, "export", "--format", "csv", "--out", str(tmp_path / "x.csv"))
    assert code == 4
    assert "找不到" not in err and str(tmp_path) in err and "不接受新文件" in err, err
    if Path("/proc/self").is_dir():  # the real case, where the platform has it
        monkeypatch.setattr(export, "export_views", real)
        code, _, err = _run(capsys, "export", "--format", "csv", "--out", "/proc/x.csv")
        assert code == 4 and "找不到" not in err, err


def test_a_missing_file_to_read_is_still_not_found(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Only writing changes the words: a data folder that is not there is still "not found"."""
    code, _, err = _run(capsys, "check", "--data", str(tmp_path / "nowhere"))
    assert code != 0 and "不接受新文件" not in err


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_export_help_names_every_format_it_accepts(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The export and bulletin help list every --format value with what it writes (from the list)."""
    from console.words.cli_help import CLI_FORMATS as FORMAT_WORDS

    for command, formats in (("export", EXPORT_FORMATS), ("bulletin", BULLETIN_FORMATS)):
        _, out, _ = _run(capsys, "--lang", lang, command, "--help")
        flat = re.sub(r"\s+", "", out)
        description = flat.split("选项：" if lang == "zh" else "options:")[0]
        for fmt in formats:
            words = re.sub(r"\s+", "", FORMAT_WORDS[fmt][0 if lang == "zh" else 1])
            assert words in flat, (command, fmt)
            if command == "export":
                assert words in description, fmt  # the command's own line says SVG too


def test_fail_on_missing_on_a_new_dataset_says_no_data(
    new_dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No data yet is not "not reported" (未报送): the note says 无数据 and the exit is 0 (README)."""
    code, _, err = _run(capsys, "status", "--data", str(new_dataset), "--fail-on-missing")
    assert code == 0
    assert "未报送" not in err and "尚无数据" in err and err.startswith("devzones：注意："), err


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_fail_on_missing_names_a_zone_whose_report_is_missing(
    lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """新蔡's 2026Q3 report is missing: not a missed target (exit 0, as README says), but stderr says
    which zone has not reported, instead of nothing."""
    code, _, err = _run(capsys, "--lang", lang, "status", "--county", "新蔡县", "--fail-on-missing")
    assert code == 0
    if lang == "zh":
        assert "新蔡" in err and "未报送" in err and "2026Q3" in err and err.startswith("devzones：注意："), (
            err
        )
    else:
        assert "Xincai" in err and "2026Q3" in err and err.startswith("devzones: note: "), err


def test_fail_on_missing_still_fails_on_a_missed_target(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = _run(capsys, "status", "--county", "正阳县", "--fail-on-missing")
    assert code == 1


def test_english_csv_labels_say_what_the_column_holds(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A column labelled as a code holds codes: the zone key column holds full Chinese names, so its
    label says so (it said "Zone code")."""
    out = tmp_path / "zones.csv"
    assert main(["--lang", "en", "export", "--view", "zones", "--format", "csv", "--out", str(out)]) == 0
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    for i, label in enumerate(header):
        values = [row[i] for row in body if row[i]]
        if "code" in label.lower():
            assert not any(CJK.search(v) for v in values), (label, values[:2])
        if values and all(CJK.search(v) for v in values):
            assert "Chinese" in label or "中文" in label, label  # a column of Chinese names says so


def test_svg_export_loads_nothing_from_the_network(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An SVG export opens offline and tells no third party: no remote font, no URL but the XML namespace."""
    out = tmp_path / "s.svg"
    assert main(["export", "--view", "zones", "--format", "svg", "--size", "80x24", "--out", str(out)]) == 0
    svg = out.read_text(encoding="utf-8")
    assert "cdnjs" not in svg and "@font-face" not in svg
    fetched = re.findall(r"(?:url\(|href=|src=)\s*[\"']?\s*((?:https?:)?//[^\s\"')]+)", svg)
    assert fetched == [], fetched
    assert re.search(r"font-family:[^;]*monospace", svg)


async def test_palette_screenshot_saves_and_says_where(data_dir: Path, tmp_path: Path) -> None:
    """The palette's 截图 writes the screen as SVG in the export folder and the toast names the file, in
    Chinese (Textual's own saved nowhere and said "Failed to save screenshot")."""
    from console.tui.app import DevZonesApp
    from tests.support.waiting import until

    folder = tmp_path / "shots"
    folder.mkdir()
    settings = replace(load_settings(data_dir=data_dir, lang="zh"), export_folder=str(folder))
    app = DevZonesApp(settings, use_cache=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.views is not None)
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        await commands["截图"].callback()
        await until(pilot, lambda: any(folder.glob("*.svg")))
        [written] = folder.glob("*.svg")
        assert written.read_text(encoding="utf-8").startswith("<svg")
        toasts = " ".join(n.message for n in app._notifications)
        assert written.name.split("-")[0] in toasts.replace("\n", "")
        assert "已导出" in toasts and "Screenshot" not in toasts and "Failed" not in toasts, toasts


def test_json_of_a_failure_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    """--json output stays a document (messages go to stderr in the language chosen)."""
    code, out, _ = _run(capsys, "status", "--json")
    assert code == 0 and json.loads(out)["as_of"]


def test_every_argparse_string_translated_is_one_argparse_says() -> None:
    """The catalogue's English side of argparse's strings is argparse's own message id, word for word:
    one that argparse no longer says (a new Python) would leave that message untranslated."""
    import argparse
    import inspect

    from console.words.cli_help import ARGPARSE

    source = inspect.getsource(argparse)
    literals = {english: english.encode("unicode_escape").decode() for _, english in ARGPARSE.values()}
    unknown = [
        english
        for english, text in literals.items()
        if f"'{text}'" not in source and f'"{text}"' not in source
    ]
    assert not unknown
    with argparse_language("zh"):
        translated = {english: argparse._(english) for _, english in ARGPARSE.values()}  # type: ignore[attr-defined]
    assert translated == {english: chinese for chinese, english in ARGPARSE.values()}
