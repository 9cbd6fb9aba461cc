"""What every command shares: the exit codes, the failure the guard reports, and the ways a command
writes its result (one safe line, a JSON document, the paths it wrote)."""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from console.core.text import clean
from console.words import Lang
from console.words.cli import CLI

if TYPE_CHECKING:
    import argparse

# The documented exit codes (README's "Command line" and the help's epilog say what each means).
EXIT_OK, EXIT_MISSING, EXIT_USAGE, EXIT_INVALID, EXIT_FILES, EXIT_INTERNAL = 0, 1, 2, 3, 4, 5
EXIT_INTERRUPTED = 130  # the shell's convention for Ctrl-C


class CommandFailed(Exception):
    """A failure the guard reports as one line (already in the chosen language) with ``code``."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code


# polars' allocator (jemalloc) reads its settings from this variable once, when polars is loaded
# (polars adds the variable's value after its own defaults: its documented override).
ALLOCATOR_SETTINGS = "_RJEM_MALLOC_CONF"  # not words: an environment variable's name
# One arena for every thread instead of four a core (what one polars step frees, the next reuses), and
# pages freed for half a second given back to the system (muzzy_decay_ms:0: polars' own 1000 keeps them
# lazily freed, still counted as resident). At 2,543 zones, status --json's peak about 183 MB instead
# of 227 MB at no cost in time (bench_load.py --headless); giving pages back at once as well
# (dirty_decay_ms:0) makes it 169 MB but costs 0.2-0.3 s of system time.
LEAN_ALLOCATOR = "narenas:1,muzzy_decay_ms:0"  # not words: jemalloc's option syntax


def lean_allocator() -> None:
    """Before a headless command loads polars: its allocator set for one short run (a user's own
    setting in the environment is kept; once polars is loaded, nothing changes)."""
    if "polars" not in sys.modules:
        os.environ.setdefault(ALLOCATOR_SETTINGS, LEAN_ALLOCATOR)


# Control (Cc), format (Cf: bidi overrides, zero-width marks), line/paragraph separators and lone
# surrogates: none of them reaches the terminal raw in a message.
def visible(text: object, limit: int = 160) -> str:
    """A path or message as one safe line: control, format and separator characters shown as
    escapes (``\\x1b``, ``\\u202e``), and the middle of a very long text elided."""
    shown = clean(text, escape=True)
    if len(shown) > limit:
        keep = (limit - 1) // 2
        shown = shown[:keep] + "…" + shown[-keep:]
    return shown


def join_choices(values: Iterable[object], lang: Lang) -> str:
    """``a, b, c`` (or ``a、b、c`` in Chinese) from any iterable of values."""
    return CLI("choice_separator", lang).join(str(v) for v in values)


def error_line(message: str) -> None:
    """One line on stderr (a closed stderr is not a second failure)."""
    with contextlib.suppress(OSError):
        print(message, file=sys.stderr)


def print_json(document: object) -> None:
    """``document`` on stdout as JSON, its text made safe to show; a document (every command's --json)
    starts with ``schema_version`` (console.outputs.contract: the README's output contract)."""
    from console.core.indented_json import dumps_utf8  # json.dumps(indent=2)'s bytes, in C (orjson)
    from console.core.text import safe_json_utf8
    from console.outputs.contract import versioned

    if isinstance(document, dict):
        document = versioned(document)
    raw = safe_json_utf8(dumps_utf8(document))
    stream = sys.stdout
    if _writes_utf8(stream):  # the bytes as they are: no 9 MB string decoded and encoded again
        stream.flush()
        stream.buffer.write(raw)
        stream.buffer.write(b"\n")
    else:  # a terminal in another encoding (GB18030): print encodes, as for every other line
        print(raw.decode())


def print_json_parts(document: dict[str, object], last: str, parts: Iterable[tuple[str, object]]) -> None:
    """``print_json({**document, last: dict(parts)})``, byte for byte, each part made (``parts`` may
    make each when asked) and dumped before the next: only one part is ever held as Python objects
    (at 2,543 zones ``status --json``'s tables were 30 MB of them beside the 9 MB document). The bytes
    are written once every part is made, so a part that fails leaves stdout empty, as before."""
    from console.core.indented_json import dumps_utf8, nested
    from console.core.text import safe_json_utf8
    from console.outputs.contract import versioned

    head = safe_json_utf8(dumps_utf8(versioned({**document, last: {}})))
    del document  # dumped: let go (this call holds the caller's document when it was made inline)
    empty = b"{}\n}"  # the last key's empty object, then the document's closing brace
    assert head.endswith(empty), head[-20:]
    pieces: list[bytes | memoryview] = [memoryview(head)[: -len(empty)]]
    for key, value in parts:
        pieces.append((b",\n    " if len(pieces) > 1 else b"{\n    ") + dumps_utf8(key) + b": ")
        pieces.append(safe_json_utf8(nested(dumps_utf8(value), 2)))
        del value  # dumped: gone before the next part is made
    pieces.append(b"\n  }\n}\n" if len(pieces) > 1 else b"{}\n}\n")
    write = _byte_writer(sys.stdout)
    for piece in pieces:
        write(piece)


def _byte_writer(stream: TextIO) -> Callable[[bytes | memoryview], object]:
    """How UTF-8 JSON bytes go to ``stream``: as they are where it writes UTF-8, else through its
    encoding (a terminal in GB18030), as print_json writes them."""
    if _writes_utf8(stream):
        stream.flush()
        return stream.buffer.write
    return lambda raw: stream.write(bytes(raw).decode())


def _writes_utf8(stream: object) -> bool:
    """Whether ``stream`` is text over a byte buffer in UTF-8 (so UTF-8 bytes can go to its buffer)."""
    encoding = getattr(stream, "encoding", None)
    if not isinstance(encoding, str) or getattr(stream, "buffer", None) is None:
        return False
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def report_written(args: argparse.Namespace, command: str, written: Sequence[Path]) -> int:
    """The files a command wrote: one path a line, or with --json a document naming them."""
    if args.json:
        print_json({"command": command, "written": [str(p) for p in written]})
    else:
        for path in written:
            print(visible(path, 4096))
    return EXIT_OK
