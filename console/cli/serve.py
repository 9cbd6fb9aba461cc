"""``devzones serve``: the console in web browsers, one session (one devzones process) per browser tab.

The web server is textual-serve (the optional extra ``devzones[web]``), imported only inside the
command, so that every other command, and an install without the extra, never loads it. Each session
runs ``python -m console --served`` (the same Python as this command, so a pipx or uv environment is
kept) with this command's ``--data``, ``--lang`` and ``--ascii``, and what a link's
``?tab=&county=&year=`` validly names (console.cli.served_server). ``--served`` makes the console
start from the defaults (never the remembered view), skip the terminal check, and deliver exports and
bulletins to the browser (console.tui.served).
"""

from __future__ import annotations

import argparse
import errno
import os
import shlex
import socket
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from console.cli.common import EXIT_OK, EXIT_USAGE, CommandFailed
from console.cli.options import Formatter, add_common, integer_type
from console.words import Lang, as_lang
from console.words.serve import SERVE

if TYPE_CHECKING:
    from console.cli.served_server import Allowed
    from console.core.config import Settings

DEFAULT_HOST = "127.0.0.1"  # this machine only: who else may connect is the reverse proxy's business
DEFAULT_PORT = 8000


def add_serve_command(commands: argparse._SubParsersAction, lang: Lang) -> None:  # type: ignore[type-arg]
    """The ``serve`` command and its options, in ``commands`` (the parser's subcommands)."""
    child = commands.add_parser(
        "serve",
        help=SERVE("help", lang),
        description=SERVE("description", lang),
        epilog=SERVE("examples", lang),
        formatter_class=Formatter,
    )
    child.set_defaults(func=serve_command)
    add_common(child, lang, argparse.SUPPRESS)
    child.add_argument(
        "--host", default=DEFAULT_HOST, metavar=SERVE("mv_host", lang), help=SERVE("opt_host", lang)
    )
    child.add_argument(
        "--port",
        type=port_type(lang),
        default=DEFAULT_PORT,
        metavar=SERVE("mv_port", lang),
        help=SERVE("opt_port", lang),
    )
    child.add_argument(
        "--public-url", default=None, metavar=SERVE("mv_url", lang), help=SERVE("opt_public_url", lang)
    )


def port_type(lang: Lang) -> Callable[[str], int]:
    """A --port value: a whole number from 1 to 65535."""
    integer = integer_type(lang)

    def port(value: str) -> int:
        number = integer(value)
        if not 0 < number < 65536:
            raise argparse.ArgumentTypeError(SERVE("port_range", lang, value=number))
        return number

    port.__name__ = integer.__name__  # argparse names a value that is no number by it
    return port


def session_command(settings: Settings) -> str:
    """The shell command each browser session runs (textual-serve starts it through a shell, so every
    word is quoted): this Python, the console in served mode, with the server's data and language."""
    words = [sys.executable, "-m", "console", "--served", "--data", str(settings.data_dir)]
    words += ["--lang", as_lang(settings.lang)]
    if settings.ascii:
        words.append("--ascii")
    return shlex.join(words)


def allowed(settings: Settings) -> Allowed:
    """What a link may name: the dataset's counties (either language) and years; nothing when the data
    cannot be read now (each session then says what is wrong with it)."""
    from console.cli.served_server import Allowed
    from console.data.errors import DataInvalid
    from console.data.loader import load_dataset

    try:
        ds = load_dataset(settings.data_dir)
    except (DataInvalid, OSError):
        return Allowed()
    zones = ds["zones"]
    names = [*zones.get_column("county").to_list(), *zones.get_column("county_en").drop_nulls().to_list()]
    return Allowed(frozenset(str(name) for name in names), frozenset(ds.years))


def serve_command(args: argparse.Namespace, settings: Settings) -> int:
    """Serve until Ctrl+C (exit 0); a port in use or textual-serve missing is one line and exit 2."""
    lang = as_lang(settings.lang)
    try:
        from console.cli.served_server import DevzonesServer
    except ImportError:
        raise CommandFailed(EXIT_USAGE, SERVE("missing", lang)) from None
    host, port = args.host, args.port
    try:
        free(host, port)  # before anything is printed (the server prints its address before it binds)
    except OSError as exc:
        raise CommandFailed(EXIT_USAGE, cannot_listen(exc, host, port, lang)) from None
    public_url = args.public_url or f"http://{host}:{port}"
    started = [SERVE("serving", lang, url=public_url), SERVE("stop", lang)]
    server = DevzonesServer(
        session_command(settings),
        allowed(settings),
        started,
        {key: SERVE(f"page_{key}", lang) for key in ("lang", "start", "ended", "restart")},
        host=host,
        port=port,
        title=SERVE("title", lang),
        public_url=public_url,
    )
    try:
        server.serve()
    except OSError as exc:  # taken meanwhile
        raise CommandFailed(EXIT_USAGE, cannot_listen(exc, host, port, lang)) from None
    return EXIT_OK


def free(host: str, port: int) -> None:
    """Bind ``host:port`` once and let it go: OSError when another program listens there (the server
    binds the same way right after; a race then is caught the same way, after its address is printed)."""
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    with socket.socket(family, kind, proto) as probe:
        if os.name == "posix":  # as asyncio binds on POSIX: a port in TIME_WAIT is not taken
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(address)


def cannot_listen(exc: OSError, host: str, port: int, lang: Lang) -> str:
    """Why the server cannot listen at ``host:port``, in one line."""
    if exc.errno in (errno.EADDRINUSE, 10048):  # 10048: Windows' WSAEADDRINUSE
        return SERVE("port_taken", lang, port=port, host=host)
    return SERVE("cannot_listen", lang, host=host, port=port, reason=exc.strerror or str(exc))
