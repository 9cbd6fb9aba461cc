"""The ``devzones`` command: the console with no subcommand; every other command runs headless.

Each subcommand names its function with ``set_defaults(func=...)``; ``main`` parses, runs it, and is
the one guard that turns every failure into one line on stderr and a documented exit code (the
``epilog`` words in console/cli_text.py, and README's "Command line"):

0 success; 1 ``--fail-on-missing`` found a zone missing a target (also: ingest not applied, declined
or because the dataset changed meanwhile; nothing to undo); 2 usage error (argparse's own, or a
year/county/zone/month the data does not have); 3 invalid data, a rejected report, or an undo refused
because a file changed after the ingest; 4 file-system error (permission, no space, name too long,
missing folder, the dataset locked by another ingest);
5 internal error (a bug: the traceback only with DEVZONES_DEBUG=1). A closed stdout (``| head``) ends
quietly with 0.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import errno
import json
import os
import re
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from console import __version__
from console.cli_text import (
    OS_KEYS,
    WORDS,
    argparse_language,
    formats_words,
    join_choices,
    metavar,
    say,
    visible,
)
from console.core.text import Said, clean, in_lang

if TYPE_CHECKING:
    from console.core.config import Settings
    from console.data.dataset import Dataset
    from console.data.scales import Period
    from console.engine.changes import Change as ChangeRow
    from console.outputs.export import Provenance
    from console.reports.store import Change

EXIT_OK, EXIT_MISSING, EXIT_USAGE, EXIT_INVALID, EXIT_FILES, EXIT_INTERNAL = 0, 1, 2, 3, 4, 5
EXIT_INTERRUPTED = 130  # the shell's convention for Ctrl-C
VIEWS = ("overview", "zones", "clusters", "tasks", "rankings", "all")
EXPORT_FORMATS = ("csv", "xlsx", "parquet", "json", "md", "svg")
CSV_ENCODINGS = ("utf-8", "gb18030", "gbk")  # console/outputs/csv_encoding.py says what each is for
BULLETIN_FORMATS = ("md", "xlsx", "docx")


class CommandFailed(Exception):
    """A failure the guard reports as one line (already in the chosen language) with ``code``."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code


# -- the parser --------------------------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """argparse whose Chinese section headings end in a full-width colon (argparse appends ':'), and
    whose usage errors carry the one prefix of every devzones error (not argparse's "devzones status:
    error:"), in the language the parser was built in (``lang``, set by build_parser)."""

    lang = "zh"

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, say("error", self.lang, message=message) + "\n")

    def format_help(self) -> str:
        return re.sub(r"^(\S[^\n]*[\u4e00-\u9fff]):$", r"\1：", super().format_help(), flags=re.MULTILINE)


class _Formatter(argparse.RawDescriptionHelpFormatter):
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


class _Commands(argparse._SubParsersAction):  # type: ignore[type-arg]  # argparse's own subclassing hook
    """The subcommands, where an option given before the command means what it means after it.

    argparse parses a subcommand into a fresh namespace and copies every value back, so a subcommand's
    default would replace the value given before the command (``devzones --as-of 2025Q4 status`` ran
    as of the latest quarter). :func:`_share_options` gives the shared options no default in the
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


def _share_options(parser: argparse.ArgumentParser, commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Every subcommand option that the top level also has takes no default of its own (see _Commands)."""
    shared = _options(parser)
    for child in commands.choices.values():
        for dest, action in _options(child).items():
            if dest in shared:
                action.default = argparse.SUPPRESS


def _not_here(parser: argparse.ArgumentParser, args: argparse.Namespace, lang: str) -> None:
    """A top-level option given before a command that does not use it is a usage error, never ignored."""
    command = getattr(args, "command", None)
    if command is None:
        return
    commands = next(a for a in parser._actions if isinstance(a, _Commands))
    child = _options(commands.choices[command])
    for dest, action in _options(parser).items():
        if dest in child or getattr(args, dest, action.default) == action.default:
            continue
        users = [name for name, sub in commands.choices.items() if dest in _options(sub)]
        key = "option_not_here" if users else "option_console_only"
        option, valid = action.option_strings[0], join_choices(users, lang)
        parser.error(say(key, lang, option=option, command=command, commands=valid))


def parse_command_line(words: Sequence[str], lang: str) -> argparse.Namespace:
    """``words`` parsed as ``devzones`` would (help and usage errors in ``lang``; SystemExit on those)."""
    with argparse_language(lang):
        parser = build_parser(lang)
        args = parser.parse_args(words)
        _not_here(parser, args, lang)
    return args


def _path_type(lang: str, text: bool = False) -> Callable[[str], Any]:
    """A path argument: ``~`` and ``~user`` expanded, an empty path (an unset variable in a cron line)
    or an unknown user a usage error naming the option, never the current folder or a traceback.
    With ``text`` the path stays a string (``--out`` keeps its trailing separator: a folder)."""

    def path(value: str) -> Path | str:
        if not value.strip():
            raise argparse.ArgumentTypeError(say("path_empty", lang))
        expanded = os.path.expanduser(value)
        if expanded.startswith("~"):  # os.path leaves ~user alone when there is no such user
            user = re.split(r"[/\\]", value, maxsplit=1)[0][1:]
            raise argparse.ArgumentTypeError(
                say("path_no_home", lang, value=visible(value, 200), user=visible(user, 60))
            )
        return expanded if text else Path(expanded)

    path.path_option = True  # type: ignore[attr-defined]  # tests find every path argument by it
    return path


def _common(parser: argparse.ArgumentParser, lang: str, default: object = None) -> None:
    parser.add_argument(
        "--data", type=_path_type(lang), default=default, metavar="DIR", help=say("opt_data", lang)
    )
    parser.add_argument("--lang", choices=("zh", "en"), default=default, help=say("opt_lang", lang))
    parser.add_argument("--ascii", action="store_true", default=default, help=say("opt_ascii", lang))


def _integer(lang: str) -> Callable[[str], int]:
    """A whole-number argument; argparse names it by the function's name ("不是有效的整数")."""

    def integer(value: str) -> int:
        return int(value)

    integer.__name__ = say("integer", lang)
    integer.whole_number = True  # type: ignore[attr-defined]  # tests find every whole-number option by it
    return integer


def _county_type(lang: str) -> Callable[[str], str]:
    def county(value: str) -> str:
        if not value.strip(" ,，\t"):
            raise argparse.ArgumentTypeError(say("county_empty", lang))
        return value

    return county


def _filters(parser: argparse.ArgumentParser, lang: str, default: object = None) -> None:
    parser.add_argument("--year", type=_integer(lang), default=default, help=say("opt_year", lang))
    parser.add_argument(
        "--county",
        type=_county_type(lang),
        action="append",
        default=default,
        metavar="C",
        help=say("opt_county", lang),
    )


def _as_of_flag(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("--as-of", default=None, metavar="YYYYQN", help=say("opt_as_of", lang))


def _json_flag(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("--json", action="store_true", help=say("opt_json", lang))


def build_parser(lang: str = "zh") -> argparse.ArgumentParser:
    """The whole command line, its help in ``lang`` (build it inside ``argparse_language(lang)``)."""
    parser = _Parser(
        prog="devzones",
        description=say("description", lang),
        epilog=say("epilog", lang),
        formatter_class=_Formatter,
    )
    parser.add_argument(
        "--version", action="version", version=f"devzones {__version__}", help=say("version", lang)
    )
    _common(parser, lang)
    _filters(parser, lang)
    _as_of_flag(parser, lang)  # the console as the data stood at the end of a quarter
    parser.add_argument("--no-mouse", action="store_true", help=say("opt_mouse", lang))
    parser.set_defaults(func=_console)
    parser.register("action", "parsers", _Commands)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title=say("commands", lang))
    formats = {
        "export": formats_words(EXPORT_FORMATS, lang),
        "bulletin": formats_words(BULLETIN_FORMATS, lang),
    }

    def command(name: str, func: Callable[[argparse.Namespace, Settings], int]) -> argparse.ArgumentParser:
        examples = f"ex_{name}"
        child = sub.add_parser(
            name,
            help=say(name, lang, formats=formats.get(name, "")),
            description=say(name, lang, formats=formats.get(name, "")),
            epilog=say(examples, lang) if examples in WORDS else None,
            formatter_class=_Formatter,
        )
        child.set_defaults(func=func)
        return child

    check = command("check", _check)
    _common(check, lang, argparse.SUPPRESS)
    _json_flag(check, lang)

    status = command("status", _status)
    _common(status, lang, argparse.SUPPRESS)
    _filters(status, lang, argparse.SUPPRESS)
    _as_of_flag(status, lang)
    _json_flag(status, lang)
    status.add_argument("--fail-on-missing", action="store_true", help=say("opt_fail", lang))

    rank = command("rankings", _rankings)
    _common(rank, lang, argparse.SUPPRESS)
    _filters(rank, lang, argparse.SUPPRESS)
    _as_of_flag(rank, lang)
    _json_flag(rank, lang)

    changes = command("changes", _changes)
    _common(changes, lang, argparse.SUPPRESS)
    changes.add_argument("--from", dest="start", required=True, metavar="YYYYQN", help=say("opt_from", lang))
    changes.add_argument("--to", dest="end", default=None, metavar="YYYYQN", help=say("opt_to", lang))
    changes.add_argument(
        "--county",
        type=_county_type(lang),
        action="append",
        default=argparse.SUPPRESS,
        metavar="C",
        help=say("opt_county", lang),
    )
    _json_flag(changes, lang)

    bulletin = command("bulletin", _bulletin)
    _common(bulletin, lang, argparse.SUPPRESS)
    bulletin.add_argument("--period", required=True, metavar="YYYY-MM", help=say("opt_month", lang))
    bulletin.add_argument(
        "--format",
        choices=BULLETIN_FORMATS,
        default="md",
        help=say("opt_bulletin_format", lang, formats=formats["bulletin"]),
    )
    bulletin.add_argument(
        "--out",
        type=_path_type(lang, text=True),
        required=True,
        metavar="PATH",
        help=say("opt_out_file", lang),
    )
    bulletin.add_argument("--force", action="store_true", help=say("opt_force", lang))
    _json_flag(bulletin, lang)

    tpl = command("template", _template)
    _common(tpl, lang, argparse.SUPPRESS)
    tpl.add_argument("--zone", help=say("opt_zone", lang))
    tpl.add_argument("--period", metavar="YYYYQN", help=say("opt_quarter", lang))
    tpl.add_argument("--assessment", type=_integer(lang), metavar="YEAR", help=say("opt_assessment", lang))
    tpl.add_argument(
        "--out",
        type=_path_type(lang, text=True),
        required=True,
        metavar="PATH",
        help=say("opt_out_file", lang),
    )
    tpl.add_argument("--force", action="store_true", help=say("opt_force", lang))
    _json_flag(tpl, lang)

    ing = command("ingest", _write_command)
    _common(ing, lang, argparse.SUPPRESS)
    ing.add_argument("files", nargs="+", type=_path_type(lang), metavar="FILE", help=say("opt_files", lang))
    ing.add_argument("--dry-run", action="store_true", help=say("opt_dry", lang))
    ing.add_argument("--yes", action="store_true", help=say("opt_yes", lang))
    _json_flag(ing, lang)

    undo = command("undo", _write_command)
    _common(undo, lang, argparse.SUPPRESS)
    _json_flag(undo, lang)

    exp = command("export", _export)
    _common(exp, lang, argparse.SUPPRESS)
    _filters(exp, lang, argparse.SUPPRESS)
    exp.add_argument("--view", choices=VIEWS, default="zones", help=say("opt_view", lang))
    # Searched text is shown (the SVG's search box, the export's heading): through the text boundary.
    exp.add_argument("--search", type=clean, default="", help=say("opt_search", lang))
    exp.add_argument("--sort", type=clean, default="", metavar="KEY", help=say("opt_sort", lang))
    exp.add_argument(
        "--format",
        required=True,
        choices=EXPORT_FORMATS,
        help=say("opt_format", lang, formats=formats["export"]),
    )
    exp.add_argument("--encoding", choices=CSV_ENCODINGS, default=None, help=say("opt_encoding", lang))
    exp.add_argument("--size", default=None, metavar="COLSxROWS", help=say("opt_size", lang))
    exp.add_argument(
        "--out",
        type=_path_type(lang, text=True),
        required=True,
        metavar="PATH",
        help=say("opt_out_file", lang),
    )
    exp.add_argument("--force", action="store_true", help=say("opt_force", lang))
    _as_of_flag(exp, lang)
    exp.add_argument("--since", default=None, metavar="YYYYQN", help=say("opt_since", lang))
    _json_flag(exp, lang)

    gen = command("generate", _generate)
    _common(gen, lang, argparse.SUPPRESS)
    gen.add_argument(
        "--out", type=_path_type(lang), required=True, metavar="DIR", help=say("opt_gen_out", lang)
    )
    gen.add_argument("--zones", type=_integer(lang), default=None, metavar="N", help=say("opt_zones", lang))
    gen.add_argument("--seed", type=_integer(lang), default=None, help=say("opt_seed", lang))
    gen.add_argument("--plan", type=_path_type(lang), default=None, metavar="DIR", help=say("opt_plan", lang))
    gen.add_argument("--force", action="store_true", help=say("opt_gen_force", lang))
    _json_flag(gen, lang)

    init = command("init", _init)
    _common(init, lang, argparse.SUPPRESS)
    init.add_argument("dir", type=_path_type(lang), metavar="DIR", help=say("opt_init_dir", lang))
    init.add_argument("--force", action="store_true", help=say("opt_init_force", lang))
    _json_flag(init, lang)

    where = command("where", _where)
    _common(where, lang, argparse.SUPPRESS)
    _json_flag(where, lang)

    completion = command("completion", _completion)
    _common(completion, lang, argparse.SUPPRESS)  # so an alias `devzones --data …` completes too
    completion.add_argument("shell", choices=("bash", "zsh", "tcsh"), help=say("opt_shell", lang))
    _share_options(parser, sub)
    _placeholders(parser, lang)
    return parser


def _placeholders(parser: argparse.ArgumentParser, lang: str) -> None:
    """Every option's and argument's placeholder in ``lang`` (the catalogue's METAVARS), and its usage
    errors, in every command."""
    if isinstance(parser, _Parser):
        parser.lang = lang
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                _placeholders(child, lang)
        if action.nargs == 0 or (action.choices is not None and action.option_strings):
            continue  # an option's choices are shown as typed ({zh,en}); a positional's name is a word
        name = action.metavar or action.dest.upper()
        if isinstance(name, str):
            action.metavar = metavar(name, lang)


# -- the guard -----------------------------------------------------------------------------------------------


def _argv_lang(argv: Sequence[str]) -> str | None:
    """The --lang given on the command line (last one wins), before argparse has run."""
    chosen = None
    for i, word in enumerate(argv):
        if word == "--":
            break
        if word == "--lang" and i + 1 < len(argv):
            chosen = argv[i + 1]
        elif word.startswith("--lang="):
            chosen = word.split("=", 1)[1]
    return chosen if chosen in ("zh", "en") else None


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``devzones``; return the exit code. No failure escapes as a traceback (see the module doc)."""
    words = list(sys.argv[1:] if argv is None else argv)
    lang = _argv_lang(words) or "zh"
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:  # started with the stream closed (`devzones status >&-`)
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process
    if argv is None and not os.environ.get("DEVZONES_DEBUG"):
        sys.unraisablehook = _quiet_unraisable  # the real process only; tests keep pytest's hook
    try:
        from console.core.config import load_settings

        early = load_settings(lang=_argv_lang(words), remembered=False)
        lang = early.lang
        code = _run(words, early)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_OK
    except SystemExit as exc:
        if isinstance(exc.__context__, BrokenPipeError):  # Rich's own handling of a closed pipe exits 1
            _quiet_stdout()
            return EXIT_OK
        raise
    except KeyboardInterrupt:
        _error(say("interrupted", lang))
        return EXIT_INTERRUPTED
    except Exception as exc:
        code, message = _failure(exc, lang)
        if message:
            _error(message)
        if code == EXIT_INTERNAL and os.environ.get("DEVZONES_DEBUG"):
            traceback.print_exc()
        return code


def _run(words: list[str], early: Settings) -> int:
    """Parse the command line in the language of ``early`` (the settings before parsing) and run it."""
    from console.core.config import load_settings

    lang = early.lang
    args = parse_command_line(words, lang)
    console = args.func is _console  # only the console uses what it remembered (the state file)
    settings = load_settings(
        data_dir=args.data,
        lang=args.lang or (None if console else lang),
        remembered=console,
        ascii=True if args.ascii else None,
        mouse=False if getattr(args, "no_mouse", False) else None,
        year=getattr(args, "year", None),
        counties=_counties(getattr(args, "county", None)),
    )
    # The first read may have renamed a broken user config, so its warnings are kept too.
    for warning in dict.fromkeys((*early.warnings, *settings.warnings)):
        print(
            say("warning", settings.lang, message=visible(in_lang(warning, settings.lang), 400)),
            file=sys.stderr,
        )
    func: Callable[[argparse.Namespace, Settings], int] = args.func
    return func(args, settings)


def _error(message: str) -> None:
    with contextlib.suppress(OSError):
        print(message, file=sys.stderr)


def _quiet_stdout() -> None:
    """stdout's reader went away (``devzones status | head -1``): send the rest to devnull, say nothing.

    Python's documented recipe: without it the interpreter's final flush complains on stderr.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (a test's capture): nothing will flush to a closed pipe


# Libraries that do their own I/O (polars, pyarrow) report the OS error only in their message.
_ERRNO_TEXT = re.compile(r"\(os error (\d+)\)|\[Errno (\d+)\]")


def _errno_of(exc: BaseException) -> int | None:
    """The OS error number behind ``exc``: its own, a cause's, or one its message quotes."""
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            break
        if isinstance(seen, OSError) and seen.errno is not None:
            return seen.errno
        match = _ERRNO_TEXT.search(str(seen))
        if match:
            return int(match.group(1) or match.group(2))
        seen = seen.__cause__ or seen.__context__
    return None


def _os_reason(exc: BaseException, lang: str, path: object = None, writing: bool = False) -> str:
    """What a file-system failure was, to which path, and what to do (without the "error:" prefix).

    ``writing``: ``path`` was being created. "Not found" then means a missing folder; when the folder
    is there, it is one that takes no new files (/proc and other special file systems say ENOENT).
    """
    if path is None and isinstance(exc, OSError):
        path = exc.filename
    number = _errno_of(exc)
    if path is None or number is None:  # the message is all there is (it names its own path)
        said = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], Said) else exc
        return visible(in_lang(said, lang), 400)
    folder = Path(str(path)).parent
    if writing and number == errno.ENOENT and folder.is_dir() and not Path(str(path)).exists():
        return say("os_no_new_files", lang, path=visible(path), folder=visible(folder))
    key = OS_KEYS.get(number)
    if key is not None:
        return say(key, lang, path=visible(path))
    return say("os_other", lang, reason=visible(os.strerror(number)), path=visible(path))


def _failure(exc: Exception, lang: str) -> tuple[int, str]:
    """The exit code and the one line for a failure that reached the guard."""
    from console.data.errors import DataInvalid
    from console.outputs.out_path import OutPathError

    if isinstance(exc, CommandFailed):
        return exc.code, say("error", lang, message=visible(str(exc), 600))
    if isinstance(exc, OutPathError):
        return (EXIT_FILES if exc.folder else EXIT_USAGE), say("error", lang, message=visible(str(exc), 400))
    if isinstance(exc, DataInvalid):
        from console.outputs.text_tables import make_console, print_errors

        print_errors(exc.errors, lang, make_console(sys.stderr))
        return EXIT_INVALID, ""
    if isinstance(exc, OSError) or _errno_of(exc) is not None:
        return EXIT_FILES, say("error", lang, message=_os_reason(exc, lang))
    kind = type(exc).__name__
    return EXIT_INTERNAL, say(
        "error", lang, message=say("internal", lang, kind=kind, message=visible(str(exc), 200))
    )


@contextlib.contextmanager
def _writing(target: Path, lang: str, *errors: type[Exception]) -> Iterator[None]:
    """Failures while writing ``target`` become one line naming it (exit 4): an OSError, one of the
    writer's own ``errors`` (ExportError …), or a library error quoting an OS error ("(os error 28)")."""
    try:
        yield
    except CommandFailed:
        raise
    except Exception as exc:
        if not isinstance(exc, (OSError, *errors)) and _errno_of(exc) is None:
            raise
        raise CommandFailed(EXIT_FILES, _os_reason(exc, lang, target, writing=True)) from None


def _told(exc: Exception, lang: str, limit: int = 600) -> str:
    """An exception's message in ``lang`` (a catalogue Problem or a Said; other text as it is)."""
    from console.reports.words import in_language

    said = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], str) else str(exc)
    return visible(in_language(said, lang), limit)


def _locked(exc: Exception, lang: str) -> str:
    """The dataset lock is held by another ingest or undo."""
    return say("dataset_locked", lang, path=visible(getattr(exc, "directory", ""), 600))


def _quiet_unraisable(unraisable: Any) -> None:
    """Cleanup errors after a reported failure (a half-written zip closed at exit) stay quiet."""


# -- helpers shared by the commands ---------------------------------------------------------------------------


def _counties(raw: list[str] | None) -> list[str]:
    return [c.strip() for item in raw or [] for c in re.split("[,，]", item) if c.strip()]


def _print_json(document: object) -> None:
    from console.core.text import safe_json

    print(safe_json(json.dumps(document, ensure_ascii=False, indent=2, default=str)))


def _dataset(settings: Settings) -> Dataset:
    from console.data.loader import load_dataset

    return load_dataset(settings.data_dir)


def _choices(ds: Dataset, args: argparse.Namespace, lang: str) -> tuple[int | None, list[str]]:
    """The --year and --county asked for, checked against the data; a usage error lists the valid ones."""
    year: int | None = getattr(args, "year", None)
    counties = _counties(getattr(args, "county", None))
    if year is not None and year not in ds.years:
        raise CommandFailed(
            EXIT_USAGE, say("unknown_year", lang, value=year, valid=join_choices(ds.years, lang))
        )
    if counties:
        zones = ds["zones"]
        chinese = list(dict.fromkeys(zones.get_column("county").to_list()))
        english = list(dict.fromkeys(zones.get_column("county_en").drop_nulls().to_list()))
        for county in counties:
            if county not in chinese and county not in english:
                valid = join_choices(chinese if lang == "zh" else english or chinese, lang)
                near = difflib.get_close_matches(county, chinese + english, n=1, cutoff=0.5)
                hint = say("did_you_mean", lang, value=near[0]) if near else ""
                raise CommandFailed(
                    EXIT_USAGE, say("unknown_county", lang, value=county, hint=hint, valid=valid)
                )
    return year, counties


def _as_of(ds: Dataset, raw: str | None, lang: str, option: str = "--as-of") -> Dataset:
    """``ds`` as it stood at the end of the quarter ``raw`` names (unchanged for None); a quarter the
    data does not cover is a usage error naming what it covers."""
    if raw is None:
        return ds
    from console.engine.as_of import dataset_as_of

    return dataset_as_of(ds, _quarter(ds, raw, lang, option))


def _quarter(ds: Dataset, raw: str, lang: str, option: str) -> Period:
    from console.engine.as_of import AsOfRefused, parse_as_of

    try:
        return parse_as_of(ds, raw)
    except AsOfRefused as exc:
        words = say(
            f"as_of_{exc.kind}", lang, option=option, value=visible(raw, 40), first=exc.first, last=exc.last
        )
        raise CommandFailed(EXIT_USAGE, words) from None


def _report_written(args: argparse.Namespace, command: str, written: Sequence[Path]) -> int:
    if args.json:
        _print_json({"command": command, "written": [str(p) for p in written]})
    else:
        for path in written:
            print(visible(path, 4096))
    return EXIT_OK


# -- the commands -------------------------------------------------------------------------------------------


def _console(args: argparse.Namespace, settings: Settings) -> int:
    # Piped or redirected (cron, `devzones | cat`), a full-screen app would write escape codes into the
    # pipe and wait for keys that never come: say what to use instead.
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise CommandFailed(EXIT_USAGE, say("no_terminal", settings.lang))
    import gc
    from dataclasses import replace

    # Start-up makes many objects that live as long as the process (modules, classes, widgets): the
    # collector would scan them again and again for nothing. It is off until the first screen is
    # drawn (DevZonesApp.on_mount turns it on again), which saves about a tenth of the start-up.
    gc.disable()
    from console.tui.app import run_app

    return run_app(replace(settings, as_of=args.as_of) if args.as_of else settings)


def _check(args: argparse.Namespace, settings: Settings) -> int:
    from console.data.errors import DataInvalid
    from console.engine.audit import audit
    from console.engine.coverage import coverage
    from console.outputs.text_tables import make_console, print_audit
    from console.present.labels import sample_line, text

    _recover_notices(settings)  # an interrupted ingest is finished or rolled back before checking
    try:
        ds = _dataset(settings)
    except DataInvalid as exc:
        if not args.json:
            raise
        _print_json({"ok": False, "errors": [e.to_json() for e in exc.errors], "audit": []})
        return EXIT_INVALID
    findings = audit(ds, settings.pace_share)
    if args.json:
        _print_json({"ok": True, "errors": [], "audit": [f.to_json(settings.lang) for f in findings]})
        return EXIT_OK
    from rich.text import Text

    out = make_console()
    colon = "：" if settings.lang == "zh" else ": "
    out.print(
        Text(f"✓ {text('valid', settings.lang)}{colon}{visible(settings.data_dir, 4096)}", style="green")
    )
    if ds.sample:
        out.print(
            Text(
                sample_line(settings.lang, own_targets=coverage(ds).own_targets),
                style="yellow",
            )
        )
    print_audit(findings, settings.lang, settings.ascii, out)
    return EXIT_OK


def _status(args: argparse.Namespace, settings: Settings) -> int:
    import polars as pl

    from console.engine.evaluation import evaluate, status_json
    from console.outputs.export import view_json
    from console.present.assemble import as_of_words, header_words, status_views

    ds = _as_of(_dataset(settings), args.as_of, settings.lang)
    year, counties = _choices(ds, args, settings.lang)
    ev = evaluate(ds, settings, year=year, counties=counties)
    views = status_views(ds, ev, settings.lang, settings.ascii)
    if args.json:
        # The engine's documented form, and the tables as the console's model shows them.
        _print_json({**status_json(ev), "tables": {v.tab: view_json(v, settings.lang) for v in views}})
    else:
        from console.outputs.text_tables import make_console, print_header, print_view
        from console.present.formatter import Formatter

        f = Formatter(settings.lang, settings.ascii)
        out = make_console(fit=True)
        title, shown_counties = header_words(ds, ev, settings.lang)
        as_of = as_of_words(ds, settings.lang)
        print_header(title, as_of, ev.year, shown_counties, ev.sample, f, out, ev.coverage.own_targets)
        for view in views:
            print_view(view, f, out)
    # Behind or missed only: a no_data or not_reported figure is shown as such but fails nothing.
    if args.fail_on_missing:
        # Zones with no data at all yet (nothing published, nothing reported) are counted apart, on stderr.
        no_data = ev.zones.filter(
            pl.col("star_status").is_in(["no_data", "no_target"])
            & (pl.col("tier_status") == "no_data")
            & pl.col("revenue_status").is_in(["no_data", "not_reported", "no_target"])
        ).height
        if no_data:
            _error(say("note", settings.lang, message=say("opt_fail_note", settings.lang, count=no_data)))
        # A report that is due and not in (未报送) is not a missed target either (README), but a cron
        # job is told which zones it concerns rather than nothing at all.
        unreported = ev.zones.filter(pl.col("report_status") == "missing")
        if not unreported.is_empty():
            names = [
                visible((en if settings.lang != "zh" else None) or zh, 80)
                for zh, en in unreported.select("short_name", "short_name_en").iter_rows()
            ]
            period = unreported.get_column("report_period").drop_nulls().first()
            said = say(
                "fail_unreported",
                settings.lang,
                count=len(names),
                period=period or "",
                zones=join_choices(names, settings.lang),
            )
            _error(say("note", settings.lang, message=said))
        if not ev.zones_missing.is_empty():
            return EXIT_MISSING
    return EXIT_OK


def _rankings(args: argparse.Namespace, settings: Settings) -> int:
    from console.engine.coverage import coverage
    from console.engine.evaluation import check_counties, check_year
    from console.engine.rankings import rankings_json
    from console.present.assemble import city_rankings
    from console.present.views import rankings_view

    ds = _as_of(_dataset(settings), args.as_of, settings.lang)
    year_asked, counties_asked = _choices(ds, args, settings.lang)
    year = check_year(ds, year_asked)
    counties = check_counties(ds, counties_asked)
    # Ranks are ranks in the whole city: a county filter keeps the zones shown, never renumbers them.
    ranked = city_rankings(ds, year, settings, counties)
    view = rankings_view(ranked, settings.lang, settings.ascii, coverage(ds))
    if args.json:
        from console.outputs.export import view_json

        _print_json({**rankings_json(ranked, year, ds, counties), "table": view_json(view, settings.lang)})
        return EXIT_OK
    from rich.text import Text

    from console.outputs.text_tables import make_console, print_header, print_view
    from console.present.assemble import as_of_words, context_words
    from console.present.fit import wrap_words
    from console.present.formatter import Formatter
    from console.present.rule_marks import flag_notes

    f = Formatter(settings.lang, settings.ascii)
    out = make_console(fit=True)
    # The same context line as status: which data, as of when, the year and the counties shown.
    title, shown = context_words(ds, counties, settings.lang)
    print_header(
        title, as_of_words(ds, settings.lang), year, shown, ds.sample, f, out, coverage(ds).own_targets
    )
    print_view(view, f, out)
    for note in flag_notes(ranked.iter_rows(named=True), settings.lang):  # the years and ranks behind a mark
        for line in wrap_words(
            f.text(note), out.width
        ):  # broken where the language allows, never past the width
            out.print(Text(line), no_wrap=True, crop=True)
    return EXIT_OK


def _changes(args: argparse.Namespace, settings: Settings) -> int:
    from console.engine.changes import CODES, changes_between
    from console.present.changes_view import code_word, worst_first
    from console.reports.revisions import revisions

    lang = settings.lang
    ds = _dataset(settings)
    _, counties = _choices(ds, args, lang)
    start = _quarter(ds, args.start, lang, "--from")
    end = _quarter(ds, args.end, lang, "--to") if args.end is not None else ds.as_of
    if start.index >= end.index:
        raise CommandFailed(EXIT_USAGE, say("changes_order", lang, start=start, end=end))
    # Worst first as the console and the bulletin list them (for the worse before for the better, …).
    found = worst_first(changes_between(ds, settings, start, end, counties, revisions(settings.data_dir)))
    if args.json:
        _print_json(
            {
                "from": str(start),
                "to": str(end),
                "sample": ds.sample,
                "counties": counties,
                "changes": [c.to_json() for c in found],
            }
        )
        return EXIT_OK
    from rich.text import Text

    from console.outputs.text_tables import make_console

    out = make_console()
    if not found:
        out.print(Text(say("changes_none", lang, start=start, end=end)))
        return EXIT_OK
    kinds = ("、" if lang == "zh" else ", ").join(
        f"{code_word(code, lang)} {n}" for code in CODES if (n := sum(c.code == code for c in found))
    )
    head = say("changes_head", lang, start=start, end=end, count=len(found), kinds=kinds)
    out.print(Text(head, style="bold"), soft_wrap=True)  # one line, as each change is: the terminal wraps it
    names = _zone_names(ds, lang)
    for change in found:
        out.print(Text(_change_line(change, names, lang, settings.ascii)))
    return EXIT_OK


def _zone_names(ds: Dataset, lang: str) -> dict[object, str]:
    """Zones' short names, and clusters' industries keyed (zone, industry), in ``lang``."""
    zones = ds["zones"].select("zone", "short_name", "short_name_en").iter_rows()
    names: dict[object, str] = {
        full: (short if lang == "zh" else en or short) or full for full, short, en in zones
    }
    if lang != "zh":
        for zone, industry, english in ds["clusters"].select("zone", "industry", "industry_en").iter_rows():
            if english:
                names[(zone, industry)] = english
    return names


def _change_line(change: ChangeRow, names: dict[object, str], lang: str, ascii_only: bool) -> str:
    """One change as a line of text: what, whose, from → to, and when (data text shown literally)."""
    from console.present.changes_view import code_word, field_word, value_text
    from console.present.formatter import Formatter

    f = Formatter(lang, ascii_only)

    def shown(value: object) -> str:
        return value_text(change, value, f)

    subject = [names.get(change.zone, change.zone)] if change.zone else []
    subject += [names.get((change.zone, change.industry), change.industry)] if change.industry else []
    subject += [change.indicator] if change.indicator else []
    new = shown(change.new)
    # Days late as the console writes them beside the status ('! 逾期14天', '! late 14d').
    moved = (
        new + f.days_late(change.days)
        if change.code.startswith("report")
        else f"{shown(change.old)} {f.arrow} {new}"
    )
    extra = [say("revised_when", lang, when=change.when)] if change.when else []
    parts = [
        code_word(change.code, lang),  # the same words as the console and the bulletin
        " ".join(clean(str(p)) for p in subject),
        f"{field_word(change.field, lang)}{'：' if lang == 'zh' else ': '}{moved}",
        str(change.period),
        *extra,
    ]
    return clean("  ".join(p for p in parts if p))  # every part, data and journal alike, once more


def _safe_name(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s\x00-\x1f\x7f]+', "_", name)


def _template(args: argparse.Namespace, settings: Settings) -> int:
    from console.data.scales import ScaleError, parse_period
    from console.outputs.out_path import resolve_out
    from console.reports.template import ReportRejected, make_template, resolve_zone
    from console.reports.words import in_language

    ds = _dataset(settings)
    lang = settings.lang
    if args.assessment is not None:
        return _assessment_template(args, settings, ds)
    if not args.zone or not args.period:
        raise CommandFailed(EXIT_USAGE, say("template_needs", lang))
    zone = resolve_zone(ds, args.zone)
    shorts = {
        full: (short if lang == "zh" else short_en or short)
        for full, short, short_en in ds["zones"].select("zone", "short_name", "short_name_en").iter_rows()
    }
    if zone is None:
        near = difflib.get_close_matches(args.zone, [*shorts, *shorts.values()], n=1, cutoff=0.5)
        hint = say("did_you_mean", lang, value=near[0]) if near else ""
        valid = join_choices(shorts.values(), lang)
        raise CommandFailed(EXIT_USAGE, say("unknown_zone", lang, value=args.zone, hint=hint, valid=valid))
    try:
        parse_period(args.period)
    except ScaleError:
        raise CommandFailed(EXIT_USAGE, say("bad_quarter", lang, value=args.period)) from None

    def suggested() -> str:
        return _safe_name(f"devzones-template-{shorts.get(zone) or args.zone}-{args.period}.xlsx")

    out = resolve_out(args.out, "xlsx", suggested, settings.lang)
    try:
        with _writing(out, lang):
            written = make_template(ds, args.zone, args.period, out, lang, force=args.force)
    except ReportRejected as exc:
        problems = say("list_separator", lang).join(in_language(p, lang) for p in exc.problems)
        if exc.source in ("--zone", "--period"):
            raise CommandFailed(
                EXIT_USAGE, say("option_problem", lang, option=exc.source, problem=problems)
            ) from None
        raise CommandFailed(EXIT_FILES, _os_reason(exc, lang, out, writing=True)) from None
    return _report_written(args, "template", [written])


def _assessment_template(args: argparse.Namespace, settings: Settings, ds: Dataset) -> int:
    from console.outputs.out_path import resolve_out
    from console.reports.assessment import make_assessment_template
    from console.reports.template import ReportRejected
    from console.reports.words import in_language

    lang = settings.lang
    if args.zone or args.period:
        raise CommandFailed(EXIT_USAGE, say("template_needs", lang))
    name = f"devzones-assessment-{args.assessment}.xlsx"
    out = resolve_out(args.out, "xlsx", name, lang)
    try:
        with _writing(out, lang):
            written = make_assessment_template(ds, args.assessment, out, lang, force=args.force)
    except ReportRejected as exc:
        problems = say("list_separator", lang).join(in_language(p, lang) for p in exc.problems)
        if exc.source == "--assessment":
            raise CommandFailed(
                EXIT_USAGE, say("option_problem", lang, option=exc.source, problem=problems)
            ) from None
        raise CommandFailed(EXIT_FILES, _os_reason(exc, lang, out, writing=True)) from None
    return _report_written(args, "template", [written])


def _init(args: argparse.Namespace, settings: Settings) -> int:
    from console.reports.new_dataset import InitRefused, init_dataset

    try:
        with _writing(args.dir, settings.lang):
            written = init_dataset(args.dir, force=args.force)
    except InitRefused as exc:
        raise CommandFailed(EXIT_FILES, _told(exc, settings.lang)) from None  # a dataset already there
    if args.json:
        _print_json({"command": "init", "out": str(args.dir), "written": [str(p) for p in written]})
    else:
        import shlex

        where = visible(args.dir.absolute(), 4096)  # the steps work from any folder, pasted as printed
        toml = json.dumps(where, ensure_ascii=False)  # a TOML basic string: quotes and \ escaped
        shown = {"out": where, "data": shlex.quote(where), "toml": toml}
        print(say("init_done", settings.lang, count=len(written), **shown))
    return EXIT_OK


def _recover_notices(settings: Settings) -> None:
    """Finish or roll back an interrupted ingest or undo in the dataset, and say which (on stderr)."""
    from console.core.files import DatasetLocked, LinkRefused
    from console.reports.store import recover
    from console.reports.words import in_language

    try:
        messages = recover(settings.data_dir)
    except DatasetLocked as exc:
        raise CommandFailed(EXIT_FILES, _locked(exc, settings.lang)) from None
    except LinkRefused as exc:
        raise CommandFailed(
            EXIT_FILES, say("link_refused", settings.lang, path=visible(exc.path, 600))
        ) from None
    for message in messages:
        _error(say("note", settings.lang, message=visible(in_language(message, settings.lang), 600)))


def _write_command(args: argparse.Namespace, settings: Settings) -> int:
    """ingest and undo: the commands that change a dataset (never the embedded sample)."""
    from console.core.files import DatasetLocked, LinkRefused
    from console.core.paths import embedded_data_dir
    from console.reports.store import DatasetChanged, HistoryProblem, ReportBatchRejected, ingest, undo
    from console.reports.words import in_language

    lang = settings.lang
    if settings.data_dir.resolve() == embedded_data_dir().resolve():
        raise CommandFailed(EXIT_USAGE, say("embedded_read_only", lang))
    # With --json, stdout holds only the JSON document: listings and the prompt go to stderr.
    talk = sys.stderr if args.json else sys.stdout
    _recover_notices(settings)
    if args.command == "undo":
        try:
            restored = undo(settings.data_dir)
        except DatasetLocked as exc:
            raise CommandFailed(EXIT_FILES, _locked(exc, lang)) from None
        except LinkRefused as exc:
            raise CommandFailed(EXIT_FILES, say("link_refused", lang, path=visible(exc.path, 600))) from None
        except HistoryProblem as exc:  # a file changed since, or an unsafe journal: nothing restored
            raise CommandFailed(EXIT_INVALID, _told(exc, lang, 1200)) from None
        if restored is None:
            if args.json:
                _print_json({"command": "undo", "restored": [], "entry": None})
            else:
                print(say("undo_nothing", lang))
            return EXIT_MISSING
        if args.json:
            _print_json({"command": "undo", "restored": restored[1], "entry": str(restored[0])})
        else:
            names = join_choices((visible(n, 400) for n in restored[1]), lang)
            print(say("undo_restored", lang, names=names))
        return EXIT_OK

    def confirm(changes: list[Change]) -> bool:
        if args.yes:
            return True
        if not sys.stdin.isatty():
            _error(say("error", lang, message=say("ingest_needs_yes", lang)))
            return False
        print(say("ingest_ask", lang), end="", file=talk, flush=True)
        return input().strip().lower() in ("y", "yes", "是")

    def show(changes: list[Change]) -> None:
        for change in changes:
            print(change.describe(settings.lang), file=talk)

    def as_json(changes: list[Change], applied: bool, entry: Path | None) -> None:
        _print_json(
            {
                "command": "ingest",
                "dry_run": args.dry_run,
                "applied": applied,
                "changes": [
                    {
                        "table": c.table,
                        "key": c.key,
                        "old": c.old,
                        "new": c.new,
                        "text": c.describe(settings.lang),
                    }
                    for c in changes
                ],
                "history": str(entry) if entry is not None else None,
            }
        )

    def show_then_confirm(changes: list[Change]) -> bool:
        show(changes)
        return confirm(changes)

    try:
        changes, entry = ingest(
            settings.data_dir,
            args.files,
            dry_run=args.dry_run,
            confirm=show_then_confirm,
            warn=lambda message: _error(
                say("warning", lang, message=visible(in_language(message, lang), 600))
            ),
        )
    except ReportBatchRejected as exc:
        for rejected in exc.rejected:
            source = visible(rejected.source, 400)
            mark = "x" if settings.ascii else "✗"
            print(say("rejected_file", lang, mark=mark, source=source), file=sys.stderr)
            for problem in rejected.problems:  # cell values from the file: escapes shown, never sent
                print(f"  {visible(in_language(problem, settings.lang), 1200)}", file=sys.stderr)
        _error(say("error", lang, message=say("ingest_rejected", lang)))
        return EXIT_INVALID
    except DatasetLocked as exc:
        raise CommandFailed(EXIT_FILES, _locked(exc, lang)) from None
    except LinkRefused as exc:
        raise CommandFailed(EXIT_FILES, say("link_refused", lang, path=visible(exc.path, 600))) from None
    except DatasetChanged as exc:  # not applied: the user confirmed changes that no longer hold
        raise CommandFailed(EXIT_MISSING, _told(exc, lang)) from None
    except HistoryProblem as exc:  # e.g. a manifest whose as_of cannot be moved safely: nothing applied
        raise CommandFailed(EXIT_INVALID, _told(exc, lang, 1200)) from None
    if args.json:
        as_json(changes, entry is not None, entry)
    if args.dry_run:
        if not args.json:
            show(changes)
            print(say("ingest_dry_run", lang))
        return EXIT_OK
    if not changes:
        if not args.json:
            print(say("ingest_nothing_new", lang))
        return EXIT_OK
    if entry is None:
        return EXIT_MISSING
    if not args.json:
        import shlex

        # The undo command as it runs (the dataset named: without --data, undo would go to the default one).
        data = shlex.quote(visible(settings.data_dir.resolve(), 4096))
        print(say("ingest_done", lang, entry=visible(entry, 4096), data=data))
    return EXIT_OK


def _bulletin(args: argparse.Namespace, settings: Settings) -> int:
    from console.outputs.bulletin import (
        BulletinError,
        MonthBeforeData,
        MonthNotSupported,
        build_bulletin,
        parse_month,
        write_bulletin,
    )
    from console.outputs.out_path import resolve_out
    from console.present.labels import text

    ds = _dataset(settings)
    try:
        year, month = parse_month(args.period)
    except BulletinError:
        raise CommandFailed(EXIT_USAGE, say("bad_month", settings.lang, value=args.period)) from None
    try:
        # Refuses a month before the data, and one after the latest it supports unless --force.
        built = build_bulletin(ds, settings, args.period, settings.lang, force=args.force)
    except MonthNotSupported as exc:
        as_of = exc.as_of or text("no_data_yet", settings.lang)
        raise CommandFailed(
            EXIT_USAGE,
            say("month_after_data", settings.lang, value=args.period, latest=exc.latest, as_of=as_of),
        ) from None
    except MonthBeforeData as exc:
        raise CommandFailed(
            EXIT_USAGE,
            say(
                "month_before_data",
                settings.lang,
                value=args.period,
                quarter=exc.quarter,
                first=exc.first,
                earliest=exc.earliest,
            ),
        ) from None
    except BulletinError as exc:  # any other month the bulletin cannot be made for: its own words
        raise CommandFailed(EXIT_USAGE, in_lang(exc.args[0] if exc.args else exc, settings.lang)) from None
    out = resolve_out(
        args.out, args.format, f"devzones-bulletin-{year}-{month:02d}.{args.format}", settings.lang
    )
    with _writing(out, settings.lang, BulletinError):
        written = write_bulletin(
            ds, settings, args.period, args.format, out, settings.lang, force=args.force, built=built
        )
    return _report_written(args, "bulletin", written)


def _export(args: argparse.Namespace, settings: Settings) -> int:
    from datetime import datetime

    from console.outputs.export import (
        EncodingProblem,
        ExportError,
        export_views,
        provenance,
        suggest_name,
    )
    from console.outputs.out_path import resolve_out
    from console.present.assemble import compute, export_selection, render_views

    if args.encoding and args.format != "csv":
        raise CommandFailed(EXIT_USAGE, say("encoding_csv_only", settings.lang, fmt=args.format))
    if args.size and args.format != "svg":
        raise CommandFailed(EXIT_USAGE, say("size_svg_only", settings.lang, fmt=args.format))
    if args.format == "svg" and args.view == "all":
        raise CommandFailed(EXIT_USAGE, say("svg_one_view", settings.lang))
    if args.format == "svg" and args.since:
        raise CommandFailed(EXIT_USAGE, say("since_svg", settings.lang))
    full = _dataset(settings)
    ds = _as_of(full, args.as_of, settings.lang)
    since = _quarter(full, args.since, settings.lang, "--since") if args.since else None
    if since is not None and since.index >= ds.as_of.index:
        raise CommandFailed(EXIT_USAGE, say("since_order", settings.lang, start=since, end=ds.as_of))
    year, counties = _choices(ds, args, settings.lang)
    snap = compute(ds, settings, year, counties)
    views = render_views(snap, settings.lang, settings.ascii, words=True)
    key, descending = args.sort.lstrip("-") or None, args.sort.startswith("-")
    names = ("overview", "zones", "clusters", "tasks", "indicators", "rankings")
    chosen = export_selection(views, args.view, {name: (args.search, key, descending) for name in names})
    beside = []
    if since is not None:  # changes mode: the changes since the reference period, beside the view
        from console.engine.changes import changes_between
        from console.present.changes_view import changes_for_tab, changes_table
        from console.reports.revisions import revisions

        found = changes_between(full, settings, since, ds.as_of, counties, revisions(settings.data_dir))
        beside = [changes_table(changes_for_tab(found, args.view), views, str(since), str(ds.as_of))]
    if key and not any(c.key == key for v in chosen for c in v.columns):
        keys = sorted({c.key for v in chosen for c in v.columns})
        raise CommandFailed(
            EXIT_USAGE, say("unknown_sort", settings.lang, value=key, valid=join_choices(keys, settings.lang))
        )
    h = views.header
    out = resolve_out(
        args.out,
        args.format,
        lambda: suggest_name(args.view, h.year, h.counties, datetime.now(), args.format),
        settings.lang,
    )
    prov = provenance(
        h,
        args.view,
        args.search,
        args.sort,
        settings.lang,
        args.format,
        out,
        str(args.data) if args.data else None,
    )
    if args.as_of:  # the manifest says which quarter the export was evaluated at
        from dataclasses import replace as evaluated_at

        prov = evaluated_at(prov, evaluated_as_of=str(ds.as_of))
    if since is not None:  # the manifest names the reference period of the changes beside the view
        from dataclasses import replace as in_changes_mode

        prov = in_changes_mode(prov, changes_since=str(since))
    extra = [f"--as-of {ds.as_of}"] if args.as_of else []
    extra += [f"--since {since}"] if since is not None else []
    extra += [f"--encoding {args.encoding}"] if args.encoding else []
    extra += ["--size " + re.sub(r"\s+", "", args.size)] if args.size else []
    if extra:  # the manifest's command makes the same file again
        from dataclasses import replace as changed

        prov = changed(prov, command=" ".join([prov.command, *extra]))
    if args.format == "svg":
        return _report_written(args, "export", _screenshot(args, settings, h.year, counties, out, prov))
    with _writing(out, settings.lang, ExportError):
        try:
            written = export_views(
                chosen, args.format, out, prov, args.force, args.encoding or "utf-8", beside
            )
        except EncodingProblem as exc:
            raise CommandFailed(EXIT_USAGE, str(exc)) from None
    return _report_written(args, "export", written)


def _screenshot(
    args: argparse.Namespace, settings: Settings, year: int, counties: list[str], out: Path, prov: Provenance
) -> list[Path]:
    """``export --format svg``: the console drawn headless at --size, each wide character two cells."""
    from dataclasses import replace

    from console.outputs.export import ExportError, export_text
    from console.tui.app import screenshot

    size = (120, 40)
    if args.size:
        match = re.fullmatch(r"\s*(\d{2,4})\s*[xX×*]\s*(\d{1,4})\s*", args.size)
        if not match or not (40 <= int(match.group(1)) <= 1000 and 10 <= int(match.group(2)) <= 1000):
            raise CommandFailed(EXIT_USAGE, say("bad_size", settings.lang, value=args.size))
        size = (int(match.group(1)), int(match.group(2)))
    shown = replace(settings, tab=args.view, year=year, counties=tuple(counties), as_of=args.as_of)
    svg = screenshot(shown, size, args.search, args.sort)
    with _writing(out, settings.lang, ExportError):
        return export_text(svg, out, prov, force=args.force)


def _generate(args: argparse.Namespace, settings: Settings) -> int:
    from console.data.loader import load_tables
    from console.sample.generate import (
        AS_OF,
        DEFAULT_SEED,
        PLAN_TABLES,
        copy_plan_files,
        dataset_files,
        generate_progress,
        manifest_for,
        sample_revision,
        synthetic_plan,
        write_dataset,
        write_sample_history,
    )

    plan_dir = args.plan or settings.data_dir
    seed = DEFAULT_SEED if args.seed is None else args.seed
    if args.zones is not None and args.zones < 1:
        raise CommandFailed(EXIT_USAGE, say("zones_min", settings.lang))
    existing = dataset_files(args.out)
    if existing and not args.force:  # as init refuses: a file-system refusal, in the chosen language
        raise CommandFailed(
            EXIT_FILES,
            say(
                "generate_exists", settings.lang, out=visible(args.out, 4096), name=visible(existing[0].name)
            ),
        )
    plan = load_tables(plan_dir, list(PLAN_TABLES))
    if args.zones is not None:
        plan = synthetic_plan(args.zones, plan, seed)
        tables = {**plan, **generate_progress(plan, seed, AS_OF, tier_sizes=None)}  # ranked 1..N
    else:
        tables = generate_progress(plan, seed, AS_OF)
    with _writing(args.out, settings.lang):
        written = write_dataset(tables, manifest_for(args.zones, seed, AS_OF), args.out, force=args.force)
        if args.zones is None:
            copy_plan_files(plan_dir, args.out)
        revision = sample_revision(tables, AS_OF, seed)  # so every kind of change appears (issue 13)
        if revision is not None:
            written += write_sample_history(args.out, tables, revision)
    if args.json:
        _print_json({"command": "generate", "out": str(args.out), "written": [str(p) for p in written]})
    else:
        print(say("generated", settings.lang, count=len(tables), out=visible(args.out, 4096)))
    return EXIT_OK


def locations(settings: Settings) -> dict[str, Path]:
    """Where devzones reads and keeps things: config files, state, cache and the dataset."""
    from console.core.config import system_config_file, user_config_file, user_state_file
    from console.core.paths import default_config_file
    from console.present.view_cache import cache_dir

    return {
        "user_config": user_config_file(),
        "system_config": system_config_file(),
        "default_config": default_config_file(),
        "state": user_state_file(),  # what the console remembers; the config files are only read
        "cache": cache_dir(),
        "data": settings.data_dir,
    }


def _where(args: argparse.Namespace, settings: Settings) -> int:
    from console.core.paths import embedded_data_dir

    places = locations(settings)
    embedded = settings.data_dir.resolve() == embedded_data_dir().resolve()
    if args.json:
        _print_json(
            {
                **{name: str(path) for name, path in places.items()},
                "state_section": "state",
                "data_embedded": embedded,
                "exists": {name: path.exists() for name, path in places.items()},
            }
        )
        return EXIT_OK
    lang = settings.lang
    labels = {
        "user_config": say("where_user", lang),
        "system_config": say("where_system", lang),
        "default_config": say("where_default", lang),
        "state": say("where_state", lang),
        "cache": say("where_cache", lang),
        "data": say("where_data", lang),
    }
    for name, path in places.items():
        notes = [say("exists" if path.exists() else "absent", lang)]
        if name == "state":
            notes.insert(0, say("where_state_note", lang))
        if name == "data" and embedded:
            notes.insert(0, say("where_embedded", lang))
        separator, colon = ("；", "：") if lang == "zh" else ("; ", ": ")
        print(f"{labels[name]}{colon}{visible(path, 4096)}  ({separator.join(notes)})")
    return EXIT_OK


def _completion(args: argparse.Namespace, settings: Settings) -> int:
    import shtab

    with argparse_language(settings.lang):
        parser = build_parser(settings.lang)
    print(shtab.complete(parser, shell=args.shell))
    return EXIT_OK
