"""Waiting in Pilot tests for what the console does off the UI thread (drill-downs, evaluations and
reloads are built in workers whose results arrive as messages): poll until it is there, so a test
does not depend on how loaded the machine is. Not a timing test: the bound only stops a hung test."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

from textual.worker import WorkerFailed


async def until(pilot, condition: Callable[[], bool], seconds: float = 15.0) -> None:  # type: ignore[no-untyped-def]
    """Let the app work until ``condition()`` holds (or ``seconds`` pass); the caller asserts after."""
    deadline = time.monotonic() + seconds
    while True:
        with contextlib.suppress(WorkerFailed):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if condition() or time.monotonic() > deadline:
            return
        await pilot.pause(0.05)
