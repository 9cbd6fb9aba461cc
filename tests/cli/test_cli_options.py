"""An option means the same wherever argparse accepts it: before the command or after it (issue 20, 4)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from console.cli import build_parser, parse_command_line
from tests.support.cli_run import run as _run


def _options(parser: argparse.ArgumentParser) -> dict[str, argparse.Action]:
    skip = (argparse._HelpAction, argparse._VersionAction, argparse._SubParsersAction)
    return {s: a for a in parser._actions if not isinstance(a, skip) for s in a.option_strings}


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    found = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(found.choices)


def _valid(action: argparse.Action) -> list[str]:
    """A value argparse accepts for ``action`` (none for a flag)."""
    if action.nargs == 0:
        return []
    if action.choices:
        return [str(list(action.choices)[-1])]
    if action.type is int or getattr(action.type, "whole_number", False):
        return ["2025"]
    if action.dest == "county":
        return ["遂平县"]
    return ["2025Q4"]  # a quarter, a path, a name: kept as text


def _invalid(action: argparse.Action) -> list[str] | None:
    """A value argparse itself refuses for ``action``, when there is one."""
    if action.nargs == 0:
        return None
    if action.choices:
        return ["nope"]
    if action.type is int or getattr(action.type, "whole_number", False):
        return ["x"]
    if action.dest == "county":
        return [" , "]
    return None


def _required(child: argparse.ArgumentParser) -> list[str]:
    """The words a subcommand needs besides the option under test."""
    words: list[str] = []
    for action in child._actions:
        if not action.option_strings and action.nargs != 0:
            words += _valid(action)
        elif action.option_strings and action.required:
            words += [action.option_strings[0], *_valid(action)]
    return words


def _shared() -> Iterator[tuple[str, str]]:
    parser = build_parser("en")
    top = _options(parser)
    for command, child in _commands(parser).items():
        for option in _options(child):
            if option in top:
                yield command, option


SHARED = sorted(_shared())


def test_the_walk_covers_the_options_the_issue_names() -> None:
    assert ("status", "--as-of") in SHARED and ("export", "--county") in SHARED
    assert {command for command, _ in SHARED} >= {"status", "rankings", "export", "check", "changes"}


@pytest.mark.parametrize(("command", "option"), SHARED)
def test_a_shared_option_means_the_same_before_and_after_the_command(
    command: str, option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    parser = build_parser("en")
    child = _commands(parser)[command]
    action = _options(child)[option]
    rest = _required(child)
    value = _valid(action)
    before = parse_command_line([option, *value, command, *rest], "en")
    after = parse_command_line([command, *rest, option, *value], "en")
    assert vars(before) == vars(after)
    assert getattr(before, action.dest) not in (None, False)  # the value given, not a default
    bad = _invalid(action)
    if bad is None:
        return
    errors = []
    for words in ([option, *bad, command, *rest], [command, *rest, option, *bad]):
        with pytest.raises(SystemExit) as exc:
            parse_command_line(words, "en")
        assert exc.value.code == 2
        errors.append(capsys.readouterr().err.strip().splitlines()[-1].split("error:", 1)[1])
    assert errors[0] == errors[1]


@pytest.mark.parametrize("command", ["status", "rankings"])
def test_as_of_before_the_command_evaluates_at_that_quarter(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _run(capsys, "--as-of", "2025Q4", command)
    after = _run(capsys, command, "--as-of", "2025Q4")
    latest = _run(capsys, command)
    assert before == after
    assert before[0] == 0 and before[1] != latest[1]
    refused_before = _run(capsys, "--as-of", "2027Q1", command)
    refused_after = _run(capsys, command, "--as-of", "2027Q1")
    assert refused_before == refused_after
    assert refused_before[0] == 2 and "2027Q1" in refused_before[2]


def test_a_county_repeated_on_both_sides_keeps_both() -> None:
    args = parse_command_line(["--county", "遂平县", "status", "--county", "西平县"], "en")
    assert args.county == ["遂平县", "西平县"]


def _unshared() -> Iterator[tuple[str, str]]:
    parser = build_parser("en")
    top = _options(parser)
    for command, child in _commands(parser).items():
        for option in top:
            if option not in _options(child):
                yield command, option


@pytest.mark.parametrize(("command", "option"), sorted(_unshared()))
def test_a_top_level_option_a_command_does_not_use_is_a_usage_error(
    command: str, option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    parser = build_parser("en")
    child = _commands(parser)[command]
    action = _options(parser)[option]
    with pytest.raises(SystemExit) as exc:
        parse_command_line([option, *_valid(action), command, *_required(child)], "en")
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert option in err and command in err
