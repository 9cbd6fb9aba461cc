"""The CLI's conventions: exit codes, the one error guard, --version, where, --json, help in zh and en."""

from __future__ import annotations

import argparse
import errno
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from console import __version__
from console.cli import EXPORT_FORMATS, main
from tests.support.paths import REPO


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's own exits (help, version, usage errors)
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


# -- exit codes ----------------------------------------------------------------------------------------------


def test_usage_errors_exit_2_in_the_chosen_language(capsys) -> None:
    code, _, err = _run(capsys, "status", "--nonsense")
    assert code == 2 and "用法：devzones" in err and "错误：无法识别的参数：--nonsense" in err
    code, _, err = _run(capsys, "status", "--nonsense", "--lang", "en")
    assert code == 2 and "usage: devzones" in err and "error: unrecognized arguments: --nonsense" in err
    code, _, err = _run(capsys, "status", "--year", "soon")
    assert code == 2 and "用法：devzones status" in err and "参数 --year：'soon' 不是有效的整数" in err
    assert argparse._("usage: ") == "usage: "  # the translation does not outlive the call


def test_invalid_data_exits_3_on_every_reading_command(capsys, data_copy: Path) -> None:
    path = data_copy / "zone_targets.csv"
    path.write_text(
        path.read_text(encoding="utf-8-sig").replace("遂平县开发区,2025,2,2", "遂平县开发区,2025,6,2"),
        encoding="utf-8",
    )
    for command in (["status"], ["rankings"], ["check"], ["export", "--format", "csv", "--out", "x/"]):
        code, _, err = _run(capsys, *command, "--data", str(data_copy))
        assert code == 3, command
        assert "zone_targets.csv" in err and "Traceback" not in err


def test_a_dataset_already_there_is_a_file_system_refusal_exit_4(capsys, tmp_path: Path) -> None:
    out = tmp_path / "d"
    assert main(["generate", "--out", str(out)]) == 0
    code, _, err = _run(capsys, "generate", "--out", str(out))
    assert code == 4 and "--force" in err and err.count("\n") == 1


def test_an_unexpected_error_is_one_line_and_the_traceback_only_on_request(
    capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    import console.cli.status

    def broken(args: object, settings: object) -> int:
        raise RuntimeError("something nobody expected")

    monkeypatch.setattr(console.cli.status, "status_command", broken)
    monkeypatch.delenv("DEVZONES_DEBUG", raising=False)
    code, _, err = _run(capsys, "status", "--lang", "en")
    assert code == 5 and err.count("\n") == 1
    assert err.startswith("devzones: error: internal error (RuntimeError: something nobody expected)")
    assert "DEVZONES_DEBUG=1" in err
    assert "Traceback" not in err
    monkeypatch.setenv("DEVZONES_DEBUG", "1")
    code, _, err = _run(capsys, "status")
    assert code == 5 and "内部错误" in err and "Traceback (most recent call last)" in err


def test_ctrl_c_exits_130_without_a_traceback(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    import console.cli.rankings

    def interrupted(args: object, settings: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(console.cli.rankings, "rankings_command", interrupted)
    code, _, err = _run(capsys, "rankings")
    assert code == 130 and "Traceback" not in err


def test_ingest_into_the_embedded_sample_is_a_usage_error(capsys, tmp_path: Path) -> None:
    report = tmp_path / "r.csv"
    report.write_text("zone,period,item,value,submitted,notes\n", encoding="utf-8")
    code, _, err = _run(capsys, "ingest", str(report), "--yes", "--lang", "en")
    assert code == 2 and "read-only" in err


# -- the guard on file-system errors ---------------------------------------------------------------------------


def test_no_space_left_names_the_file_and_what_to_do(capsys, tmp_path: Path, monkeypatch) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    code, _, err = _run(capsys, "export", "--format", "csv", "--out", str(tmp_path / "r.csv"), "--lang", "en")
    assert code == 4 and err.count("\n") == 1
    assert "no space left" in err and str(tmp_path / "r.csv") in err and "Free some space" in err
    assert not list(tmp_path.glob("r*.csv"))


def test_permission_denied_names_the_path(capsys, tmp_path: Path, monkeypatch) -> None:
    real_open = os.open

    def denied(path: object, *args: Any, **kwargs: Any) -> int:
        if str(path).startswith(str(tmp_path)):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    code, _, err = _run(capsys, "bulletin", "--period", "2026-10", "--out", str(tmp_path / "b.md"))
    assert code == 4 and err.count("\n") == 1
    assert "没有权限" in err and str(tmp_path / "b.md") in err and "Traceback" not in err


def test_a_300_character_name_is_a_message_not_a_traceback(capsys, tmp_path: Path) -> None:
    name = "很" * 100 + "a" * 200 + ".csv"
    code, _, err = _run(capsys, "export", "--format", "csv", "--out", str(tmp_path / name), "--lang", "en")
    assert code == 4 and err.count("\n") == 1
    assert "file name too long" in err and "Use a shorter name" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_a_library_quoting_an_os_error_is_a_file_system_error(capsys, tmp_path: Path, monkeypatch) -> None:
    """polars reports a full disk as ComputeError("… No space left on device (os error 28)")."""
    import polars as pl

    def full(*args: Any, **kwargs: Any) -> None:
        raise pl.exceptions.ComputeError(
            "parquet: underlying IO error: No space left on device (os error 28)"
        )

    monkeypatch.setattr(pl.DataFrame, "write_parquet", full)
    target = tmp_path / "z.parquet"
    code, _, err = _run(capsys, "export", "--format", "parquet", "--out", str(target), "--lang", "en")
    assert code == 4 and err.count("\n") == 1
    assert f"no space left on the device: {target}" in err and "internal error" not in err


def test_cleanup_errors_after_a_failure_do_not_print_tracebacks(tmp_path: Path) -> None:
    """A half-written xlsx's zip complains when it is collected at exit; the process stays quiet."""
    script = (
        "import sys, errno, console.cli as cli, console.cli.status\n"
        "class Zip:\n"
        "    def __del__(self):\n"
        "        raise ValueError('seek of closed file')\n"
        "def status(args, settings):\n"
        "    keep = Zip()\n"
        "    sys.modules['__main__'].keep = keep  # collected only at exit, after main() has returned\n"
        "    raise OSError(errno.ENOSPC, 'No space left on device', 'r.xlsx')\n"
        "console.cli.status.status_command = status\n"
        "sys.argv = ['devzones', 'status', '--lang', 'en']\n"
        "raise SystemExit(cli.main())\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DEVZONES_DEBUG"}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, env=env, check=False
    )
    assert result.returncode == 4
    assert (
        result.stderr
        == "devzones: error: no space left on the device: r.xlsx. Free some space, or write elsewhere with --out.\n"
    )


@pytest.mark.parametrize("command", [["status"], ["status", "--json"], ["rankings", "--ascii"]])
def test_a_closed_stdout_pipe_ends_quietly(command: list[str]) -> None:
    """`devzones status | head -1`: the reader goes away before the output is written."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "console", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # long before the interpreter has imported polars and written anything
    err = proc.stderr.read().decode("utf-8", "replace")
    assert proc.wait(timeout=60) == 0
    assert err == ""


@pytest.mark.skipif(shutil.which("bash") is None or shutil.which("head") is None, reason="needs a shell")
def test_status_piped_into_head() -> None:
    result = subprocess.run(
        [
            "bash",
            "-c",
            f"'{sys.executable}' -m console status --year 2025 | head -1; exit ${{PIPESTATUS[0]}}",
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.count("\n") == 1 and "示例" in result.stdout


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs a shell")
def test_started_with_stdout_closed() -> None:
    result = subprocess.run(
        ["bash", "-c", f"'{sys.executable}' -m console status >&-"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == 0 and result.stderr == ""


# -- choices ---------------------------------------------------------------------------------------------------


def test_an_empty_county_is_a_usage_error_not_all_counties(capsys) -> None:
    for empty in ("", " ", ","):
        code, out, err = _run(capsys, "status", "--json", "--county", empty)
        assert code == 2 and out == "" and "--county" in err and "不能为空" in err


def test_an_unknown_county_lists_the_valid_ones(capsys) -> None:
    code, _, err = _run(capsys, "status", "--county", "北京")
    assert code == 2 and err.count("\n") == 1
    for county in ("高新区", "驿城区", "遂平县", "泌阳县"):
        assert county in err
    code, _, err = _run(
        capsys, "export", "--format", "csv", "--out", "x/", "--county", "Nowhere", "--lang", "en"
    )
    assert code == 2 and "Suiping County" in err and "unknown county 'Nowhere'" in err


def test_an_unknown_year_view_format_or_sort_lists_the_valid_ones(capsys, tmp_path: Path) -> None:
    code, _, err = _run(capsys, "rankings", "--year", "2031")
    assert code == 2 and "2024、2025、2026" in err
    code, _, err = _run(capsys, "export", "--view", "map", "--format", "csv", "--out", str(tmp_path))
    assert (
        code == 2 and "'map'" in err and "'overview', 'zones', 'clusters', 'tasks', 'rankings', 'all'" in err
    )
    code, _, err = _run(capsys, "export", "--format", "pptx", "--out", str(tmp_path), "--lang", "en")
    assert code == 2 and "invalid choice: 'pptx'" in err and "'csv', 'xlsx', 'parquet', 'json', 'md'" in err
    code, _, err = _run(capsys, "export", "--format", "csv", "--sort", "colour", "--out", str(tmp_path))
    assert code == 2 and "colour" in err and "zone" in err and "star" in err
    code, _, err = _run(capsys, "template", "--zone", "遂", "--period", "2026Q4", "--out", str(tmp_path))
    assert code == 2 and "是不是“遂平”" in err and "高新区、经开区、遂平" in err and "泌阳" in err
    code, _, err = _run(capsys, "template", "--zone", "遂平", "--period", "2026Q9", "--out", str(tmp_path))
    assert code == 2 and "应为季度" in err
    code, _, err = _run(capsys, "bulletin", "--period", "2026-13", "--out", str(tmp_path))
    assert code == 2 and "应为月份" in err
    code, _, err = _run(capsys, "bulletin", "--period", "2020-05", "--out", str(tmp_path), "--lang", "en")
    assert code == 2 and "2024Q1" in err and "--period 2024-03" in err
    code, _, err = _run(capsys, "nosuchcommand")
    assert code == 2 and "'export'" in err and "'where'" in err
    assert list(tmp_path.iterdir()) == []


# -- --version, where, completion ------------------------------------------------------------------------------


def test_version(capsys) -> None:
    code, out, _ = _run(capsys, "--version")
    assert code == 0 and out.strip() == f"devzones {__version__}"


def test_where_prints_the_config_state_cache_and_data_paths(capsys, data_copy: Path) -> None:
    user = Path(os.environ["DEVZONES_CONFIG"])
    user.write_text('[display]\nlang = "en"\n', encoding="utf-8")
    code, out, _ = _run(capsys, "where", "--data", str(data_copy), "--json")
    assert code == 0
    places = json.loads(out)
    assert places["user_config"] == str(user) and places["exists"]["user_config"] is True
    assert places["system_config"] == os.environ["DEVZONES_SYSTEM_CONFIG"]
    assert places["cache"] == os.environ["DEVZONES_CACHE"]
    assert places["data"] == str(data_copy) and places["data_embedded"] is False
    assert places["state"] == os.environ["DEVZONES_STATE"] and places["exists"]["state"] is False
    assert Path(places["default_config"]).name == "default.toml"
    code, out, _ = _run(capsys, "where")  # the user's config asks for English
    assert (
        code == 0 and f"user config: {user}  (exists)" in out and "data: " in out and "(the embedded" in out
    )
    code, out, _ = _run(capsys, "where", "--lang", "zh")
    assert "用户配置" in out and "缓存" in out and "内置示例数据" in out


def test_default_toml_points_at_a_command_that_exists(capsys) -> None:
    text = (REPO / "config" / "default.toml").read_text(encoding="utf-8")
    assert "devzones where" in text and "--where" not in text
    assert _run(capsys, "where")[0] == 0


def test_shell_completion_knows_the_commands_and_options(capsys) -> None:
    code, out, _ = _run(capsys, "completion", "bash")
    assert code == 0 and "complete" in out
    for word in ("export", "bulletin", "where", "--fail-on-missing", "parquet"):
        assert word in out
    code, out, _ = _run(capsys, "completion", "zsh")
    assert code == 0 and "#compdef devzones" in out


# -- help in the chosen language ----------------------------------------------------------------------------------


def test_help_in_chinese_by_default_and_english_on_request(capsys) -> None:
    code, out, _ = _run(capsys, "--help")
    assert code == 0
    for words in (
        "用法：devzones",
        "\n选项：\n",
        "\n子命令：\n",
        "显示帮助并退出",
        "示例：",
        "退出码：",
        "打开交互界面",
        "显示版本号",
    ):
        assert words in out, words
    assert "usage:" not in out and "show this help" not in out
    code, out, _ = _run(capsys, "--lang", "en", "--help")
    for words in (
        "usage: devzones",
        "options:",
        "show this help message and exit",
        "examples:",
        "exit codes:",
    ):
        assert words in out, words
    assert "用法" not in out and "退出码" not in out


def test_subcommand_help_in_both_languages(capsys) -> None:
    code, out, _ = _run(capsys, "export", "--help")
    assert code == 0 and "把视图写成" in out and "以 / 结尾" in out and "覆盖已有文件" in out
    assert "示例：\n  devzones export --view zones --format xlsx --out 导出/" in out
    code, out, _ = _run(capsys, "export", "--help", "--lang=en")
    assert code == 0 and "write a view in one of these formats" in out and "ending in /" in out
    assert "examples:\n  devzones export --view zones --format xlsx --out exports/" in out
    for command in ("status", "bulletin", "template", "ingest"):
        code, out, _ = _run(capsys, command, "--help")
        assert code == 0 and f"示例：\n  devzones {command}" in out


def test_the_configured_language_is_the_default(capsys) -> None:
    Path(os.environ["DEVZONES_CONFIG"]).write_text('[display]\nlang = "en"\n', encoding="utf-8")
    code, _, err = _run(capsys, "status", "--county", "")
    assert code == 2 and "usage:" in err and "is empty" in err
    code, out, _ = _run(capsys, "--help", "--lang", "zh")
    assert "用法" in out


# -- --json on every command that reports something -------------------------------------------------------------


def test_export_bulletin_template_and_generate_report_what_they_wrote(capsys, tmp_path: Path) -> None:
    commands = {
        "export": ["export", "--view", "all", "--format", "csv", "--out", f"{tmp_path}/e/"],
        "bulletin": [
            "bulletin",
            "--period",
            "2026-10",
            "--format",
            "xlsx",
            "--out",
            str(tmp_path / "b.xlsx"),
        ],
        "template": ["template", "--zone", "遂平", "--period", "2026Q4", "--out", str(tmp_path)],
        "generate": ["generate", "--out", str(tmp_path / "g")],
    }
    for name, args in commands.items():
        code, out, _ = _run(capsys, *args, "--json")
        assert code == 0, name
        report = json.loads(out)
        assert report["command"] == name and report["written"]
        for path in report["written"]:
            assert Path(path).is_file() and Path(path).suffix, path
    assert (
        len(json.loads(_run(capsys, *commands["export"], "--json")[1])["written"]) == 7
    )  # 6 views + manifest


def test_ingest_and_undo_report_changes_as_json(capsys, data_copy: Path, tmp_path: Path) -> None:
    report = tmp_path / "r.csv"
    report.write_text(
        "zone,period,item,value,submitted\n平舆,2026Q3,皮革皮具,70.5,2026-10-02\n", encoding="utf-8"
    )

    def tables() -> dict[str, bytes]:
        return {
            p.name: p.read_bytes() for p in data_copy.iterdir() if p.is_file() and not p.name.startswith(".")
        }

    before = tables()
    code, out, _ = _run(capsys, "--data", str(data_copy), "ingest", str(report), "--dry-run", "--json")
    assert code == 0
    plan = json.loads(out)
    assert plan["command"] == "ingest" and plan["dry_run"] is True and plan["applied"] is False
    assert any(c["table"] == "cluster_revenue" and c["new"] == 70.5 for c in plan["changes"])
    assert tables() == before
    code, out, _ = _run(capsys, "--data", str(data_copy), "ingest", str(report), "--yes", "--json")
    assert code == 0
    done = json.loads(out)  # stdout holds only the JSON; the listing went to stderr
    assert done["applied"] is True and Path(done["history"]).is_dir() and done["changes"] == plan["changes"]
    code, out, _ = _run(capsys, "--data", str(data_copy), "undo", "--json")
    assert code == 0 and json.loads(out)["restored"] and json.loads(out)["command"] == "undo"
    code, out, _ = _run(capsys, "--data", str(data_copy), "undo", "--json")
    assert code == 1 and json.loads(out)["restored"] == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_example_in_the_help_is_a_valid_command_line(lang: str) -> None:
    import shlex

    from console.cli import build_parser
    from console.cli.language import argparse_language
    from console.words.cli_help import CLI_HELP

    examples = [
        re.split(r"\s{2,}", line.strip())[0]  # the command, without the explanation beside it
        for key in CLI_HELP
        if key == "epilog" or key.startswith("ex_")
        for line in CLI_HELP(key, lang).splitlines()
        if line.strip().startswith("devzones")
    ]
    assert len(examples) >= 15
    with argparse_language(lang):
        parser = build_parser(lang)
    for example in examples:
        words = shlex.split(example)
        assert words[0] == "devzones"
        parser.parse_args(words[1:])  # raises SystemExit on any option that does not exist


def test_the_exit_codes_are_documented_where_users_look() -> None:
    import console.cli as cli
    from console.words.cli_help import CLI_HELP

    codes = {
        cli.EXIT_OK,
        cli.EXIT_MISSING,
        cli.EXIT_USAGE,
        cli.EXIT_INVALID,
        cli.EXIT_FILES,
        cli.EXIT_INTERNAL,
    }
    assert len(codes) == 6  # distinct
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Command line") : readme.index("### What the statuses mean")]
    documented = {int(m) for m in re.findall(r"^\| (\d+) \|", section, flags=re.MULTILINE)}
    assert documented == codes | {cli.EXIT_INTERRUPTED}
    for lang in ("zh", "en"):
        epilog = CLI_HELP("epilog", lang)
        assert {int(m) for m in re.findall(r"^  (\d) ", epilog, flags=re.MULTILINE)} == codes


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_completes_commands_and_choices(capsys, tmp_path: Path) -> None:
    assert main(["completion", "bash"]) == 0
    script = tmp_path / "devzones.bash"
    script.write_text(capsys.readouterr().out, encoding="utf-8")
    probe = (
        f"source '{script}'\n"
        'complete_line() { COMP_LINE="$1"; COMP_POINT=${#1}; read -ra COMP_WORDS <<< "$1";\n'
        "  [[ \"$1\" == *' ' ]] && COMP_WORDS+=(''); COMP_CWORD=$((${#COMP_WORDS[@]} - 1));\n"
        '  _shtab_devzones; echo "${COMPREPLY[*]}"; }\n'
        "complete_line 'devzones exp'\n"
        "complete_line 'devzones export --format '\n"
        "complete_line 'devzones export --view '\n"
    )
    result = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, check=False)
    assert result.stdout.splitlines() == [
        "export",
        " ".join(EXPORT_FORMATS),  # svg included: `export --format svg` draws the console
        "overview zones clusters tasks rankings all",
    ], result.stderr


def test_the_console_without_a_terminal_says_what_to_use_instead() -> None:
    """`devzones | cat` or cron without a command: one line and exit 2, not escape codes and a hang."""
    import subprocess
    import sys

    for lang, word in (("zh", "终端"), ("en", "terminal")):
        done = subprocess.run(
            [sys.executable, "-m", "console", "--lang", lang],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 2
        assert done.stdout == ""
        assert word in done.stderr and "devzones status" in done.stderr
        assert "\x1b" not in done.stderr
