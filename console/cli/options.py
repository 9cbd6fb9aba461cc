"""The argparse parts of the command line: the parser and help layout, the options shared by the top
level and the commands, the value types (paths, whole numbers, counties), and the checks that an
option given before a command means what it means after it."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

from console.cli.common import EXIT_USAGE, join_choices, visible
from console.cli.language import metavar
from console.words import LANGS, Lang
from console.words.cli import CLI, COUNTY_SEPARATORS
from console.words.cli_help import CLI_HELP


class Parser(argparse.ArgumentParser):
    """argparse whose Chinese section headings end in a full-width colon (argparse appends ':'), and
    whose usage errors carry the one prefix of every devzones error (not argparse's "devzones status:
    error:"), in the language the parser was built in (``lang``, set by :func:`placeholders`)."""

    lang: Lang = "zh"

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, CLI("error", self.lang, message=message) + "\n")

    def format_help(self) -> str:
        colon = CLI_HELP("heading_colon", self.lang)
        return re.sub(
            r"^(\S[^\n]*[\u4e00-\u9fff]):$", lambda m: m.group(1) + colon, super().format_help(), flags=re.M
        )


class Formatter(argparse.RawDescriptionHelpFormatter):
    """argparse's layout counting a Chinese placeholder (``--data 目录``) as the two cells a wide
    character takes, so the help column stays aligned (argparse counts characters)."""

    def _format_action(self, action: argparse.Action) -> str:
        from rich.cells import cell_len

        text = super()._format_action(action)
        first, newline, rest = text.partition("\n")
        match = re.match(r"^(\s*\S.*?)( {2,})(\S.*)$", first)
        if match:
            extra = cell_len(match.group(1)) - len(match.group(1))
            if extra and len(match.group(2)) - extra >= 2:
                first = match.group(1) + match.group(2)[extra:] + match.group(3)
        return first + newline + rest


class Commands(argparse._SubParsersAction):  # type: ignore[type-arg]  # argparse's own subclassing hook
    """The subcommands, where an option given before the command means what it means after it.

    argparse parses a subcommand into a fresh namespace and copies every value back, so a subcommand's
    default would replace the value given before the command (``devzones --as-of 2025Q4 status`` ran
    as of the latest quarter). :func:`share_options` gives the shared options no default in the
    subcommand; here a repeatable option (``--county``) given in both places keeps both lists.
    """

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        before = dict(vars(namespace))
        super().__call__(parser, namespace, values, option_string)
        child = self.choices.get(values[0])
        for action in child._actions if child is not None else ():
            earlier = before.get(action.dest)
            if isinstance(action, argparse._AppendAction) and isinstance(earlier, list):
                later = getattr(namespace, action.dest, None)
                if isinstance(later, list) and later is not earlier:
                    setattr(namespace, action.dest, [*earlier, *later])


def _options(parser: argparse.ArgumentParser) -> dict[str, argparse.Action]:
    """A parser's options by destination (help and --version left out)."""
    skip = (argparse._HelpAction, argparse._VersionAction, argparse._SubParsersAction)
    return {a.dest: a for a in parser._actions if a.option_strings and not isinstance(a, skip)}


def share_options(parser: argparse.ArgumentParser, commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Every subcommand option that the top level also has takes no default of its own (see Commands)."""
    shared = _options(parser)
    for child in commands.choices.values():
        for dest, action in _options(child).items():
            if dest in shared:
                action.default = argparse.SUPPRESS


def not_here(parser: argparse.ArgumentParser, args: argparse.Namespace, lang: Lang) -> None:
    """A top-level option given before a command that does not use it is a usage error, never ignored."""
    command = getattr(args, "command", None)
    if command is None:
        return
    commands = next(a for a in parser._actions if isinstance(a, Commands))
    child = _options(commands.choices[command])
    for dest, action in _options(parser).items():
        if dest in child or getattr(args, dest, action.default) == action.default:
            continue
        users = [name for name, sub in commands.choices.items() if dest in _options(sub)]
        key = "option_not_here" if users else "option_console_only"
        option, valid = action.option_strings[0], join_choices(users, lang)
        parser.error(CLI(key, lang, option=option, command=command, commands=valid))


def placeholders(parser: argparse.ArgumentParser, lang: Lang) -> None:
    """Every option's and argument's placeholder in ``lang`` (the catalogue's CLI_METAVARS), and its
    usage errors, in every command."""
    if isinstance(parser, Parser):
        parser.lang = lang
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                placeholders(child, lang)
        if action.nargs == 0 or (action.choices is not None and action.option_strings):
            continue  # an option's choices are shown as typed ({zh,en}); a positional's name is a word
        name = action.metavar or action.dest.upper()
        if isinstance(name, str):
            action.metavar = metavar(name, lang)


# -- the value types ---------------------------------------------------------------------------------------


def path_type(lang: Lang, text: bool = False) -> Callable[[str], Any]:
    """A path argument: ``~`` and ``~user`` expanded, an empty path (an unset variable in a cron line)
    or an unknown user a usage error naming the option, never the current folder or a traceback.
    With ``text`` the path stays a string (``--out`` keeps its trailing separator: a folder)."""

    def path(value: str) -> Path | str:
        if not value.strip():
            raise argparse.ArgumentTypeError(CLI("path_empty", lang))
        expanded = os.path.expanduser(value)
        if expanded.startswith("~"):  # os.path leaves ~user alone when there is no such user
            user = re.split(r"[/\\]", value, maxsplit=1)[0][1:]
            raise argparse.ArgumentTypeError(
                CLI("path_no_home", lang, value=visible(value, 200), user=visible(user, 60))
            )
        return expanded if text else Path(expanded)

    path.path_option = True  # type: ignore[attr-defined]  # tests find every path argument by it
    return path


def integer_type(lang: Lang) -> Callable[[str], int]:
    """A whole-number argument; argparse names it by the function's name ("不是有效的整数")."""

    def integer(value: str) -> int:
        return int(value)

    integer.__name__ = CLI_HELP("integer", lang)
    integer.whole_number = True  # type: ignore[attr-defined]  # tests find every whole-number option by it
    return integer


def county_type(lang: Lang) -> Callable[[str], str]:
    """A --county value: anything but nothing (only blanks and commas)."""

    def county(value: str) -> str:
        if not value.strip(" \t" + COUNTY_SEPARATORS):
            raise argparse.ArgumentTypeError(CLI("county_empty", lang))
        return value

    return county


# -- the options several commands take ---------------------------------------------------------------------


def add_common(parser: argparse.ArgumentParser, lang: Lang, default: object = None) -> None:
    """--data, --lang and --ascii."""
    parser.add_argument(
        "--data", type=path_type(lang), default=default, metavar="DIR", help=CLI_HELP("opt_data", lang)
    )
    parser.add_argument("--lang", choices=LANGS, default=default, help=CLI_HELP("opt_lang", lang))
    parser.add_argument("--ascii", action="store_true", default=default, help=CLI_HELP("opt_ascii", lang))


def add_filters(parser: argparse.ArgumentParser, lang: Lang, default: object = None) -> None:
    """--year and --county."""
    parser.add_argument("--year", type=integer_type(lang), default=default, help=CLI_HELP("opt_year", lang))
    add_county(parser, lang, default)


def add_county(parser: argparse.ArgumentParser, lang: Lang, default: object = None) -> None:
    """--county, repeatable."""
    parser.add_argument(
        "--county",
        type=county_type(lang),
        action="append",
        default=default,
        metavar="C",
        help=CLI_HELP("opt_county", lang),
    )


def add_as_of(parser: argparse.ArgumentParser, lang: Lang) -> None:
    """--as-of: the data as it stood at the end of a quarter."""
    parser.add_argument("--as-of", default=None, metavar="YYYYQN", help=CLI_HELP("opt_as_of", lang))


def add_json(parser: argparse.ArgumentParser, lang: Lang) -> None:
    """--json: machine-readable output."""
    parser.add_argument("--json", action="store_true", help=CLI_HELP("opt_json", lang))


def add_out_force(parser: argparse.ArgumentParser, lang: Lang, help_key: str = "opt_out_file") -> None:
    """--out PATH (a file, or a folder for a suggested name; export's help says what ``-`` does) and --force."""
    parser.add_argument(
        "--out",
        type=path_type(lang, text=True),
        required=True,
        metavar="PATH",
        help=CLI_HELP(help_key, lang),
    )
    parser.add_argument("--force", action="store_true", help=CLI_HELP("opt_force", lang))
