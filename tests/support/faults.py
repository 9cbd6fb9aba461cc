"""Faults injected into file operations, for the tests that prove nothing saved is lost."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def failing(name: str, n: int, error: BaseException) -> Iterator[list[int]]:
    """os.<name> raises ``error`` at its n-th call (a fault injected into a file operation); yields the
    count of calls so far."""
    real: Callable = getattr(os, name)
    calls = [0]

    def fake(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls[0] += 1
        if calls[0] == n:
            raise error
        return real(*args, **kwargs)

    setattr(os, name, fake)
    try:
        yield calls
    finally:
        setattr(os, name, real)
