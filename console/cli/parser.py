"""The argparse tree of ``devzones``: the top level (the console's options) and every command with its
options, in the order its help lists them; each command names the function that runs it
(``set_defaults(func=...)``). Help and usage errors are in the language the tree is built in."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from console import __version__
from console.cli import bulletin, changes, check, dataset, export, ingest, rankings, status, template, where
from console.cli import console as start
from console.cli.common import EXIT_OK
from console.cli.language import argparse_language, formats_words
from console.cli.options import (
    Commands,
    Formatter,
    Parser,
    add_as_of,
    add_common,
    add_county,
    add_filters,
    add_json,
    add_out_force,
    integer_type,
    not_here,
    path_type,
    placeholders,
    share_options,
)
from console.cli.serve import add_serve_command
from console.core.config import BULLETIN_STYLES, TABS
from console.core.text import clean
from console.words import Lang, as_lang
from console.words.cli_help import CLI_HELP

if TYPE_CHECKING:
    from console.core.config import Settings

    Run = Callable[[argparse.Namespace, Settings], int]

VIEWS = ("overview", "zones", "clusters", "tasks", "rankings", "all")
EXPORT_FORMATS = ("csv", "xlsx", "parquet", "json", "md", "svg", "pdf")
# export --shape: the quarterly series as a column per quarter (wide) or a row per quarter (long).
SHAPES = ("wide", "long")
CSV_ENCODINGS = ("utf-8", "gb18030", "gbk")  # console/outputs/csv_encoding.py says what each is for
BULLETIN_FORMATS = ("md", "xlsx", "docx", "pdf")
SHELLS = ("bash", "zsh", "tcsh")


def parse_command_line(words: Sequence[str], lang: Lang) -> argparse.Namespace:
    """``words`` parsed as ``devzones`` would (help and usage errors in ``lang``; SystemExit on those)."""
    with argparse_language(lang):
        parser = build_parser(lang)
        args = parser.parse_args(words)
        not_here(parser, args, lang)
    return args


def build_parser(lang: Lang = "zh") -> argparse.ArgumentParser:
    """The whole command line, its help in ``lang`` (build it inside ``argparse_language(lang)``)."""
    parser = Parser(
        prog="devzones",
        description=CLI_HELP("description", lang),
        # The examples and exit codes, then where the manual page is (``man devzones``).
        epilog=f"{CLI_HELP('epilog', lang)}\n\n{CLI_HELP('epilog_manual', lang)}",
        formatter_class=Formatter,
    )
    parser.add_argument(
        "--version", action="version", version=f"devzones {__version__}", help=CLI_HELP("version", lang)
    )
    add_common(parser, lang)
    add_filters(parser, lang)
    add_as_of(parser, lang)  # the console as the data stood at the end of a quarter
    parser.add_argument("--no-mouse", action="store_true", help=CLI_HELP("opt_mouse", lang))
    # Hidden: a session of `devzones serve` (console.cli.serve) runs the console with these.
    parser.add_argument("--served", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--tab", choices=TABS, default=None, help=argparse.SUPPRESS)
    parser.set_defaults(func=start.console_command)
    parser.register("action", "parsers", Commands)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title=CLI_HELP("commands", lang))
    formats = {
        "export": formats_words(EXPORT_FORMATS, lang),
        "bulletin": formats_words(BULLETIN_FORMATS, lang),
    }
    # Looked up as the tree is built, so that a test may replace a command's function.
    runs: dict[str, Run] = {
        "check": check.check_command,
        "status": status.status_command,
        "rankings": rankings.rankings_command,
        "changes": changes.changes_command,
        "bulletin": bulletin.bulletin_command,
        "template": template.template_command,
        "ingest": ingest.ingest_command,
        "undo": ingest.undo_command,
        "export": export.export_command,
        "generate": dataset.generate_command,
        "init": dataset.init_command,
        "where": where.where_command,
        "completion": completion_command,
    }
    for name, add_options in _COMMANDS.items():
        examples = f"ex_{name}"
        child = sub.add_parser(
            name,
            help=CLI_HELP(name, lang, formats=formats.get(name, "")),
            description=CLI_HELP(name, lang, formats=formats.get(name, "")),
            epilog=CLI_HELP(examples, lang) if examples in CLI_HELP else None,
            formatter_class=Formatter,
        )
        child.set_defaults(func=runs[name])
        add_common(child, lang, argparse.SUPPRESS)
        add_options(child, lang, formats.get(name, ""))
    add_serve_command(sub, lang)  # its words are its own (console/words/serve.py)
    share_options(parser, sub)
    placeholders(parser, lang)
    return parser


# -- each command's own options, in the order of its help ---------------------------------------------------


def _check_options(child: argparse.ArgumentParser, lang: Lang, formats: str) -> None:
    add_json(child, lang)


def _status_options(child: argparse.ArgumentParser, lang: Lang, formats: str) -> None:
    add_filters(child, lang, argparse.SUPPRESS)
    add_as_of(child, lang)
    add_json(child, lang)
    child.add_argument("--fail-on-missing", action="store_true", help=CLI_HELP("opt_fail", lang))


def _rankings_options(child: argparse.ArgumentParser, lang: Lang, formats: str) -> None:
    add_filters(child, lang, argparse.SUPPRESS)
    add_as_of(child, lang)
    add_json(child, lang)


def _changes_options(child: argparse.ArgumentParser, lang: Lang, formats: str) -> None:
    child.add_argument(
        "--from", dest="start", required=True, metavar="YYYYQN", help=CLI_HELP("opt_from", lang)
    )
    child.add_argument("--to", dest="end", default=None, metavar="YYYYQN", help=CLI_HELP("opt_to", lang))
    add_county(child, lang, argparse.SUPPRESS)
    add_json(child, lang)


def _bulletin_options(child: argparse.ArgumentParser, lang: Lang, formats: str) -> None:
    child.add_argument("--period", required=True, metavar="YYYY-MM", help=CLI_HELP("opt_month", lang))
    child.add_argument(
        "--format",
        choices=BULLETIN_FORMATS,
        default="md",
        help=CLI_HELP("opt_bulletin_format", lang, formats=formats),
    )
    child.add_argument(
        "--style", choices=BULLETIN_STYLES, default=None, help=CLI_HELP("opt_bulletin_style", lang)
    )
    child.add_argument(
        "--number",
        type=integer_type(lang),
        default=None,
        metavar="NUMBER",
        help=CLI_HELP("opt_bulletin_number", lang),
    )
    child.add_argument("--beyond-data", action="store_true", help=CLI_HELP("opt_beyond_data", lang))
    add_out_force(child, lang)
    add_json(child, lang)


def _template_options(child: argparse.ArgumentParser, lang: Lang, formats: str) -> None:
    child.add_argument("--zone", help=CLI_HELP("opt_zone", lang))
    child.add_argument("--period", metavar="YYYYQN", help=CLI_HELP("opt_quarter", lang))
    child.add_argument(
        "--assessment", type=integer_type(lang), metavar="YEAR", help=CLI_HELP("opt_assessment", lang)
    )
    add_out_force(child, lang)
    add_json(child, lang)


def _ingest_options(child: argparse.ArgumentParser, lang: Lang, formats: str) -> None:
    child.add_argument(
        "files", nargs="+", type=path_type(lang), metavar="FILE", help=CLI_HELP("opt_files", lang)
    )
    child.add_argument("--dry-run", action="store_true", help=CLI_HELP("opt_dry", lang))
    child.add_argument("--yes", action="store_true", help=CLI_HELP("opt_yes", lang))
    add_json(child, lang)


def _undo_options(child: argparse.ArgumentParser, lang: Lang, formats: str) -> None:
    add_json(child, lang)


def _export_options(child: argparse.ArgumentParser, lang: Lang, formats: str) -> None:
    add_filters(child, lang, argparse.SUPPRESS)
    child.add_argument("--view", choices=VIEWS, default="zones", help=CLI_HELP("opt_view", lang))
    # Searched text is shown (the SVG's search box, the export's heading): through the text boundary.
    child.add_argument("--search", type=clean, default="", help=CLI_HELP("opt_search", lang))
    child.add_argument("--sort", type=clean, default="", metavar="KEY", help=CLI_HELP("opt_sort", lang))
    child.add_argument(
        "--format", required=True, choices=EXPORT_FORMATS, help=CLI_HELP("opt_format", lang, formats=formats)
    )
    child.add_argument("--encoding", choices=CSV_ENCODINGS, default=None, help=CLI_HELP("opt_encoding", lang))
    child.add_argument("--size", default=None, metavar="COLSxROWS", help=CLI_HELP("opt_size", lang))
    child.add_argument("--shape", choices=SHAPES, default="wide", help=CLI_HELP("opt_shape", lang))
    add_out_force(child, lang, "opt_out_export")
    add_as_of(child, lang)
    child.add_argument("--since", default=None, metavar="YYYYQN", help=CLI_HELP("opt_since", lang))
    add_json(child, lang)


def _generate_options(child: argparse.ArgumentParser, lang: Lang, formats: str) -> None:
    child.add_argument(
        "--out", type=path_type(lang), required=True, metavar="DIR", help=CLI_HELP("opt_gen_out", lang)
    )
    child.add_argument(
        "--zones", type=integer_type(lang), default=None, metavar="N", help=CLI_HELP("opt_zones", lang)
    )
    child.add_argument("--seed", type=integer_type(lang), default=None, help=CLI_HELP("opt_seed", lang))
    child.add_argument(
        "--plan", type=path_type(lang), default=None, metavar="DIR", help=CLI_HELP("opt_plan", lang)
    )
    child.add_argument("--force", action="store_true", help=CLI_HELP("opt_gen_force", lang))
    add_json(child, lang)


def _init_options(child: argparse.ArgumentParser, lang: Lang, formats: str) -> None:
    child.add_argument("dir", type=path_type(lang), metavar="DIR", help=CLI_HELP("opt_init_dir", lang))
    child.add_argument("--force", action="store_true", help=CLI_HELP("opt_init_force", lang))
    add_json(child, lang)


def _where_options(child: argparse.ArgumentParser, lang: Lang, formats: str) -> None:
    add_json(child, lang)


def _completion_options(child: argparse.ArgumentParser, lang: Lang, formats: str) -> None:
    # --data and the rest are there too, so that an alias `devzones --data …` completes.
    child.add_argument("shell", choices=SHELLS, help=CLI_HELP("opt_shell", lang))


# Every command, in the order of the help's list.
_COMMANDS: dict[str, Callable[[argparse.ArgumentParser, Lang, str], None]] = {
    "check": _check_options,
    "status": _status_options,
    "rankings": _rankings_options,
    "changes": _changes_options,
    "bulletin": _bulletin_options,
    "template": _template_options,
    "ingest": _ingest_options,
    "undo": _undo_options,
    "export": _export_options,
    "generate": _generate_options,
    "init": _init_options,
    "where": _where_options,
    "completion": _completion_options,
}


def completion_command(args: argparse.Namespace, settings: Settings) -> int:
    """``devzones completion SHELL``: this tree as a shell's completion script, its help in the
    settings' language. (Here rather than in a module of its own: it prints the parser itself.)"""
    import shtab

    lang = as_lang(settings.lang)
    with argparse_language(lang):
        parser = build_parser(lang)
    print(shtab.complete(parser, shell=args.shell))
    return EXIT_OK
