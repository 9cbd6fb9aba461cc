"""Property tests of the CLI's boundaries: any --out text, any file-system failure, any unexpected error."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import tempfile
import unicodedata
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import console.cli as cli
from console.outputs.out_path import EXTENSIONS, OutPathError, resolve_out

# Names as people (and scripts gone wrong) type them: separators, dots, CJK, spaces, control and bidi characters.
NAME_CHARS = st.sampled_from([*"ab.-_/ 报表 .CSV.xlsx", "\x00", "\x1b", "\n", "\u202e", "\x85", "\\"])
NAMES = st.text(NAME_CHARS, min_size=1, max_size=40)
ERRNOS = st.sampled_from(
    [
        errno.ENOSPC,
        errno.EACCES,
        errno.EPERM,
        errno.ENAMETOOLONG,
        errno.EROFS,
        errno.ENOENT,
        errno.EIO,
        errno.EXDEV,
    ]
)
HOSTILE = st.text(min_size=0, max_size=60) | st.sampled_from(
    ["\x1b]52;c;aGk=\x07", "[/]", "a\u202eb", "x\ny"]
)


@settings(max_examples=150, deadline=None)
@given(name=NAMES, fmt=st.sampled_from(sorted(EXTENSIONS)))
def test_any_out_is_a_file_of_the_format_or_a_clear_refusal(name: str, fmt: str) -> None:
    assume(".." not in name and "\x00" not in name)  # NUL: the OS refuses before any rule applies
    with tempfile.TemporaryDirectory() as base:
        try:
            path = resolve_out(f"{base}/{name}", fmt, f"suggested{EXTENSIONS[fmt]}", "en")
        except OutPathError as exc:
            assert str(exc).startswith("--out ") and (exc.folder or EXTENSIONS[fmt] in str(exc))
            return
        assert path.suffix.lower() == EXTENSIONS[fmt]  # never a file without the format's extension
        assert Path(base).resolve() in path.resolve().parents
        for made in Path(base).rglob("*"):  # the only thing it may create is the folder asked for
            assert made.is_dir() and made == path.parent


def _main_with(failure: BaseException, *args: str) -> tuple[int, str]:
    def fail(parsed: object, loaded: object) -> int:
        raise failure

    err = io.StringIO()
    with mock.patch.object(cli.status, "status_command", fail), contextlib.redirect_stderr(err):
        code = cli.main(["status", *args])
    return code, err.getvalue()


def _one_safe_line(text: str) -> None:
    assert text.endswith("\n") and text.count("\n") == 1
    body = text[:-1]
    assert not any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Cs") for c in body), repr(body)
    assert "Traceback" not in body


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(number=ERRNOS, filename=HOSTILE, lang=st.sampled_from(["zh", "en"]))
def test_any_file_system_failure_is_one_safe_line_and_exit_4(number: int, filename: str, lang: str) -> None:
    code, err = _main_with(OSError(number, os.strerror(number), filename), "--lang", lang)
    assert code == 4
    _one_safe_line(err)
    assert ("错误" if lang == "zh" else "error") in err


@pytest.mark.slow
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    message=HOSTILE, kind=st.sampled_from([ValueError, KeyError, RuntimeError, ZeroDivisionError, TypeError])
)
def test_any_unexpected_error_is_one_safe_line_and_exit_5(message: str, kind: type[Exception]) -> None:
    with mock.patch.dict(os.environ, {"DEVZONES_DEBUG": ""}):
        code, err = _main_with(kind(message), "--lang", "en")
    assert code == 5
    _one_safe_line(err)
    assert kind.__name__ in err and "DEVZONES_DEBUG=1" in err
