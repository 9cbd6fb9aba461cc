"""The web server of ``devzones serve``: textual-serve's ``Server`` with what devzones needs on top.

- A page title that names the plan, and no font fetched from the internet (an office intranet cannot
  reach it): our own copy of textual-serve's page template (``serve_page/app_index.html``, MIT).
- ``?tab=&county=&year=`` from the page's address reaches the session: textual-serve drops the query,
  so the page's script carries it to the websocket as ``/ws/<base64url(JSON)>``, and each value is
  checked here against a whitelist (the tabs; the counties and years of the dataset) before it
  becomes an argument of that session's command. Anything else is ignored.
- It prints only the address and how to stop (not textual-serve's logo and request log).

Here, in the cli layer, because it is part of one command and nothing else of devzones may depend on
textual-serve (an optional extra): ``console.cli.serve`` imports this module only inside the command,
once it knows textual-serve is installed. It overrides ``Server.handle_websocket`` and reuses
``AppService`` and ``_process_messages``, which is why pyproject.toml pins textual-serve below 1.2;
tests/web drives it in a real browser.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import inspect
import json
import logging
import shlex
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from console.core.config import TABS
from console.core.text import clean

log = logging.getLogger("devzones.serve")

PAGE = Path(__file__).with_name("serve_page")
# The longest ?county= a link may carry (a few names, each a few characters, comma-separated).
LONGEST_COUNTY = 200


@dataclass(frozen=True)
class Allowed:
    """What a link's ``?tab=&county=&year=`` may name: the tabs, and the dataset's counties (Chinese or
    English names) and years."""

    counties: frozenset[str] = field(default_factory=frozenset)
    years: frozenset[int] = field(default_factory=frozenset)

    def arguments(self, query: Mapping[str, object]) -> list[str]:
        """The session's command-line arguments for ``query``: whitelisted keys with valid values
        only, in a fixed order; anything else is left out."""
        out: list[str] = []
        tab = query.get("tab")
        if isinstance(tab, str) and tab in TABS:
            out += ["--tab", tab]
        county = query.get("county")
        if isinstance(county, str) and len(county) <= LONGEST_COUNTY:
            names = [clean(name).strip() for name in county.split(",")]
            known = [name for name in dict.fromkeys(names) if name in self.counties]
            for name in known:
                out += ["--county", name]
        year = query.get("year")
        if isinstance(year, str) and year.isascii() and year.isdigit() and int(year) in self.years:
            out += ["--year", str(int(year))]
        return out


def decode_query(raw: str) -> dict[str, object]:
    """The JSON object the page's script put in the websocket's path; empty when it is not one."""
    try:
        query = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)).decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return {}
    return query if isinstance(query, dict) else {}


def session_command(command: str, arguments: Iterable[str]) -> str:
    """``command`` (a shell string, as textual-serve runs it) with ``arguments`` each shell-quoted."""
    return " ".join([command, *(shlex.quote(word) for word in arguments)])


async def _close(websocket: web.WebSocketResponse) -> None:
    """Close a session's websocket (AppService wants a callable that returns None)."""
    await websocket.close()


class DevzonesServer(Server):
    """textual-serve's server with our page, the link's arguments and devzones' own start-up lines."""

    def __init__(
        self, command: str, allowed: Allowed, started: Iterable[str], page: Mapping[str, str], **kwargs: Any
    ) -> None:
        super().__init__(command, templates_path=PAGE, **kwargs)
        self.allowed = allowed
        self.started = tuple(started)
        self.page = dict(page)

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        """textual-serve's page (its context, unrendered), with the page's few words in our language."""
        context: dict[str, Any] = await inspect.unwrap(Server.handle_index)(self, request)
        context["words"] = self.page
        return context

    def initialize_logging(self) -> None:
        """Only warnings and errors, on stderr (textual-serve logs every request)."""
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("devzones serve: %(message)s"))
        for name in ("textual-serve", "aiohttp.access"):
            logging.getLogger(name).setLevel(logging.WARNING)
        logging.basicConfig(level=logging.WARNING, handlers=[handler])

    async def on_startup(self, app: web.Application) -> None:
        """The lines ``devzones serve`` prints once it listens: the address, and how to stop."""
        for line in self.started:
            print(line, flush=True)

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.router.add_get("/ws/{args}", self.handle_websocket)  # a session opened from a link
        return app

    def command_for(self, request: web.Request) -> str:
        """This session's command: the server's, with the link's checked arguments."""
        raw = request.match_info.get("args", "")
        return session_command(self.command, self.allowed.arguments(decode_query(raw)) if raw else ())

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's handler (1.1.3), with the command built for this request."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        service: AppService | None = None
        try:
            await websocket.prepare(request)
            service = AppService(
                self.command_for(request),
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=partial(_close, websocket),
                download_manager=self.download_manager,
                debug=self.debug,
            )
            await service.start(width, height)
            try:
                await self._process_messages(websocket, service)
            finally:
                await service.stop()
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # one session's failure never stops the server
            log.exception(error)
        finally:
            if service is not None:
                await service.stop()
        return websocket
