"""The headless commands set polars' allocator for one short run, but never over a user's own setting,
and only before polars is loaded (a setting read later would change nothing)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from console.cli.common import ALLOCATOR_SETTINGS, LEAN_ALLOCATOR, lean_allocator

PROBE = (
    "import os, sys; from console.cli.common import lean_allocator; lean_allocator(); "
    f"import polars; print(os.environ.get({ALLOCATOR_SETTINGS!r}))"
)


@pytest.mark.parametrize(("own", "expected"), [(None, LEAN_ALLOCATOR), ("narenas:2", "narenas:2")])
def test_set_before_polars_unless_the_user_set_it(own: str | None, expected: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != ALLOCATOR_SETTINGS}
    if own is not None:
        env[ALLOCATOR_SETTINGS] = own
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    # polars puts its own defaults first and the variable's value last (polars/__init__.py).
    assert out.stdout.strip().endswith("," + expected)


def test_nothing_changes_once_polars_is_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    import polars  # noqa: F401  (loaded, as in every test process)

    monkeypatch.delenv(ALLOCATOR_SETTINGS, raising=False)
    lean_allocator()
    assert ALLOCATOR_SETTINGS not in os.environ
