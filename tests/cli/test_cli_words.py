"""The CLI speaks words, not machine names, in Chinese mode; its printed steps run as printed (issue 20, 12)."""

from __future__ import annotations

import glob
import re
import shlex
from pathlib import Path

import openpyxl
import pytest

from console.cli import main
from console.data.schema import TABLES_BY_NAME
from console.reports.assessment import FIRST_ROW, is_assessment_workbook
from tests.support.cli_run import run as _run
from tests.support.workbooks import fill_report_in_place as _fill_report
from tests.support.workbooks import standard_results


def _fill_assessment(path: Path) -> None:
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    for i, values in standard_results().items():
        for col, value in zip("CDEFG", values, strict=True):
            sheet[f"{col}{FIRST_ROW + i}"] = value
    book.save(path)


def _commands(said: str) -> list[str]:
    """The devzones command lines init prints, in the order given (the steps, then what follows them)."""
    found = []
    for line in said.splitlines():
        step = re.match(r"\s+\d\. (devzones .+?)(?:\s{2,}|$)", line)
        if step:
            found.append(step.group(1))
        found += re.findall(r"(?:填好后|then) (devzones .+?)(?:$|\s{2,})", line)
        found += re.findall(r"[（(](devzones undo .+?) (?:可撤销|reverts)", line)
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_steps_init_prints_run_as_printed(
    lang: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the steps are pasted in some other folder than the dataset's
    code, said, err = _run(capsys, "--lang", lang, "init", "new data")
    assert code == 0, err
    commands = _commands(said)
    verbs = [shlex.split(c)[1] for c in commands]
    assert verbs == ["check", "template", "ingest", "template", "ingest", "undo"], said
    dataset = str(tmp_path / "new data")
    for command in commands:
        words = shlex.split(command)[1:]
        assert words[words.index("--data") + 1] == dataset  # never the embedded sample
    # Fill what a person fills in before ingesting, answer the prompt, and run each line as printed.
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda: "y")
    for command, verb in zip(commands, verbs, strict=True):
        words = shlex.split(command)[1:]
        expanded = [w for word in words for w in (sorted(glob.glob(word)) if "*" in word else [word])]
        if verb == "ingest":
            for name in expanded[expanded.index(dataset) + 1 :]:
                fill = _fill_assessment if is_assessment_workbook(Path(name)) else _fill_report
                fill(Path(name))
        code, out, err = _run(capsys, "--lang", lang, *expanded)
        assert code == 0, f"{command}\n{out}{err}"


def test_ingest_lists_tables_by_what_they_hold(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = tmp_path / "d"
    assert main(["init", str(data)]) == 0
    blank = tmp_path / "考核.xlsx"
    assert main(["template", "--data", str(data), "--assessment", "2025", "--out", str(blank)]) == 0
    _fill_assessment(blank)
    report = tmp_path / "r.xlsx"
    assert (
        main(["template", "--data", str(data), "--zone", "遂平", "--period", "2026Q1", "--out", str(report)])
        == 0
    )
    _fill_report(report)
    capsys.readouterr()
    code, out, _ = _run(capsys, "ingest", "--data", str(data), str(blank), str(report), "--dry-run")
    assert code == 0
    assert "全省考核结果" in out and "集群累计营业收入" in out and "指标数值" in out
    assert "数据截至季度" in out  # the manifest's as_of moves to 2026Q1
    assert not _machine_names(out)


MACHINE = re.compile(
    r"(?<![\w.\-/=])("
    + "|".join(sorted(TABLES_BY_NAME, key=len, reverse=True))
    + r"|as_of|manifest(?!\.toml)|[a-z]+_[a-z_]+)(?![\w.\-/])"
)


def _machine_names(text: str) -> list[str]:
    """No table name, settings key or other snake_case identifier stands bare in Chinese text (a file
    name with its extension, an option, a path and a quoted command line are fine)."""
    words = re.sub(r"devzones [^\n（）]*", "", text)  # a command line quoted to run is not prose
    return [m.group(1) for m in MACHINE.finditer(words)]


@pytest.mark.parametrize(
    "args",
    [
        ("check",),
        ("status",),
        ("rankings",),
        ("changes", "--from", "2026Q2"),
        ("where",),
        ("status", "--year", "2030"),
        ("status", "--as-of", "2030Q1"),
        ("changes", "--from", "2026Q3"),
        ("bulletin", "--period", "1999-01", "--out", "x.md"),
        ("template", "--zone", "nowhere", "--period", "2026Q1", "--out", "x.xlsx"),
        ("export", "--view", "zones", "--format", "md", "--out", "x.csv"),
        ("export", "--view", "zones", "--format", "md", "--out", "out.md"),
        ("bulletin", "--period", "2026-10", "--out", "b.md"),
    ],
)
def test_chinese_output_of_each_command_has_no_bare_machine_names(
    args: tuple[str, ...], capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _, out, err = _run(capsys, *args)
    assert not _machine_names(out + err)
    for written in tmp_path.glob("*.md"):
        assert not _machine_names(written.read_text(encoding="utf-8"))


def test_chinese_output_of_init_has_no_bare_machine_names(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = _run(capsys, "init", str(tmp_path / "d"))
    assert code == 0
    assert not _machine_names(out + err)


@pytest.fixture(scope="module")
def new_dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("new") / "d"
    assert main(["init", str(data)]) == 0
    return data


@pytest.mark.parametrize(
    "args",
    [
        ("check",),
        ("status",),
        ("rankings",),
        ("undo",),
        ("changes", "--from", "2026Q1"),
        ("export", "--view", "all", "--format", "md", "--out", "all.md"),
        ("bulletin", "--period", "2026-10", "--out", "b.md"),
    ],
)
def test_chinese_output_on_a_new_dataset_has_no_bare_machine_names(
    args: tuple[str, ...],
    new_dataset: Path,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    _, out, err = _run(capsys, *args, "--data", str(new_dataset))
    assert not _machine_names(out + err)
    for written in tmp_path.glob("*.md"):
        assert not _machine_names(written.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_undo_step_ingest_prints_runs_as_printed(
    lang: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ingest ended 'devzones undo' without --data: pasted as printed, it went to the embedded sample."""
    data = tmp_path / "live data"
    assert main(["init", str(data)]) == 0
    report = tmp_path / "r.xlsx"
    assert (
        main(["template", "--data", str(data), "--zone", "遂平", "--period", "2026Q1", "--out", str(report)])
        == 0
    )
    _fill_report(report)
    before = (data / "reports.csv").read_bytes()
    monkeypatch.chdir(tmp_path)  # pasted in some other folder
    code, out, err = _run(capsys, "--lang", lang, "ingest", "--data", str(data), "--yes", str(report))
    assert code == 0, err
    found = re.search(r"devzones undo .*?(?= 撤销| restores)", out)
    assert found, out
    words = shlex.split(found.group(0))[1:]
    assert words[words.index("--data") + 1] == str(data)
    code, out, err = _run(capsys, "--lang", lang, *words)
    assert code == 0, f"{found.group(0)}\n{out}{err}"
    assert (data / "reports.csv").read_bytes() == before


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_generate_refuses_a_dataset_as_init_does(
    lang: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """generate over a dataset said so in English whatever the language, and exited 4 where init
    exited 2 for the same refusal: one language, one exit code (4, a file-system refusal), nothing
    replaced."""
    out = tmp_path / "gen"
    assert main(["generate", "--out", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    code, _, err = _run(capsys, "--lang", lang, "generate", "--out", str(out))
    assert code == 4, err
    assert ("已有数据集" in err) == (lang == "zh") and ("already holds" in err) == (lang == "en"), err
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    init_code, _, _ = _run(capsys, "--lang", lang, "init", str(out))
    assert init_code == code
