"""``devzones serve`` in a real browser: start the server on a free local port, drive Debian's chromium
with Playwright (no browser is downloaded), and read what the console draws.

xterm.js draws on a canvas, so the console's text is not in the page's DOM: it is read from the
websocket frames the server sends (the console's output: escape sequences and text, as diffs).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Flags for a root user on a closed network (no sandbox as root, nothing fetched in the background).
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
ESCAPES = re.compile(r"\x1b\[[0-9;?<>=]*[A-Za-z]|\x1b[()][A-Za-z0-9]|\x1b[=>78]|\x1b\][^\x07]*\x07")


def _playwright_missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test,web]')"
    try:
        import textual_serve  # noqa: F401
    except ImportError:
        return "textual-serve is not installed (pip install -e '.[web]')"
    return None


def _why_no_browser() -> str | None:
    if CHROMIUM is None:
        return "chromium is not installed (apt-get install chromium)"
    return _playwright_missing()


needs_browser = pytest.mark.skipif(_why_no_browser() is not None, reason=_why_no_browser() or "")


def free_port() -> int:
    """A port nothing listens on now (the kernel's choice)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def home_env(home: Path) -> dict[str, str]:
    """The environment with devzones' config, state and cache under ``home`` (never the user's own)."""
    return {
        **os.environ,
        "DEVZONES_CONFIG": str(home / "user.toml"),
        "DEVZONES_SYSTEM_CONFIG": str(home / "system.toml"),
        "DEVZONES_STATE": str(home / "state" / "state.toml"),
        "DEVZONES_CACHE": str(home / "cache"),
    }


@contextmanager
def served(
    *args: str, cwd: Path, home: Path, timeout: float = 30
) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """``devzones serve --port P *args`` running in ``cwd`` with its settings under ``home`` (its own
    process group); yields its URL and process. Ended with Ctrl+C (SIGINT), then killed if it does not
    stop within 10 s."""
    port = free_port()
    command = [sys.executable, "-m", "console", "serve", "--port", str(port), *args]
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=home_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + timeout
        while not listening(port):
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"devzones serve did not start: {process.communicate()}")
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}", process
    finally:
        stop(process)


def stop(process: subprocess.Popen[str]) -> None:
    """Ctrl+C to the server, as a user stops it; killed (with its sessions) if it does not stop."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)


@contextmanager
def browser() -> Iterator[Any]:
    """Headless Debian chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        try:
            yield chromium
        finally:
            chromium.close()


class Tab:
    """One browser tab on the served console: what the console drew, and the files it delivered."""

    def __init__(self, chromium: Any, url: str, size: tuple[int, int] = (1280, 860)) -> None:
        self.context = chromium.new_context(
            accept_downloads=True, viewport={"width": size[0], "height": size[1]}
        )
        self.frames: list[bytes] = []
        self.downloads: list[Any] = []
        # Downloads open in a pop-up window (textual.js's window.open); registered on new pages only.
        self.context.on("page", lambda page: page.on("download", lambda d: self.downloads.append(d)))
        self.page = self.context.new_page()
        self.page.on("websocket", lambda ws: ws.on("framereceived", lambda f: self._received(f)))
        self.started = time.monotonic()
        self.page.goto(url)

    def _received(self, frame: object) -> None:
        if isinstance(frame, bytes):
            self.frames.append(frame)

    def text(self, since: int = 0) -> str:
        """What the console drew after frame ``since``, escape sequences removed."""
        return ESCAPES.sub("", b"".join(self.frames[since:]).decode("utf-8", "replace"))

    def wait_for(self, *words: str, since: int = 0, timeout: float = 60) -> str:
        """Wait until each of ``words`` has been drawn (after frame ``since``); the text drawn."""
        deadline = time.monotonic() + timeout
        while True:
            drawn = self.text(since)
            if all(word in drawn for word in words):
                return drawn
            if time.monotonic() > deadline:
                missing = [word for word in words if word not in drawn]
                raise AssertionError(f"never drawn: {missing}; drawn: {drawn[-2000:]!r}")
            self.page.wait_for_timeout(200)

    def press(self, key: str) -> int:
        """Press ``key`` in the console; the frame count before it (for ``wait_for(since=...)``)."""
        before = len(self.frames)
        # xterm.js takes keys in a hidden text area: focused, not clicked (a click is the console's
        # mouse: it would open the row under the pointer).
        self.page.focus(".xterm-helper-textarea")
        self.page.keyboard.press(key)
        return before

    def settle(self, quiet: float = 1.0, timeout: float = 30) -> None:
        """Wait until the console has drawn nothing for ``quiet`` seconds: a screen drawn over several
        frames (a loaded machine) is complete, and the widget that takes the focus has it."""
        deadline = time.monotonic() + timeout
        count, since = len(self.frames), time.monotonic()
        while time.monotonic() - since < quiet and time.monotonic() < deadline:
            self.page.wait_for_timeout(100)
            if len(self.frames) != count:
                count, since = len(self.frames), time.monotonic()

    def open_with(self, key: str, *words: str, timeout: float = 60) -> None:
        """Press ``key`` until ``words`` are drawn: a dialog's key is refused, with a toast, while the
        data is still loading behind a first screen drawn from the cache."""
        deadline = time.monotonic() + timeout
        while True:
            before = self.press(key)
            try:
                self.wait_for(*words, since=before, timeout=10)
                return
            except AssertionError:
                if time.monotonic() > deadline:
                    raise

    def wait_for_download(self, timeout: float = 60) -> Any:
        deadline = time.monotonic() + timeout
        while not self.downloads:
            if time.monotonic() > deadline:
                raise AssertionError("no download arrived")
            self.page.wait_for_timeout(200)
        return self.downloads[-1]

    def close(self) -> None:
        self.context.close()
