"""Every command's ``--json`` text: ``json.dumps(document, ensure_ascii=False, indent=2, default=str)``,
written in C by orjson (``status --json`` is 9 MB for 2,543 zones; the json module indents with its
pure-Python encoder, which took a third of the command's time, and a hand-written Python writer still
a quarter).

orjson writes the json module's bytes for every document the commands make (key order, ``": "``
and ``",\\n"``, escapes of control characters as ``\\u001b``, non-ASCII text as itself, floats by
``repr``), with two harmless differences a JSON reader cannot tell apart: NaN and the infinities
are written ``null`` (the json module writes ``NaN``, which strict JSON readers refuse), and a float
below 1e-4 in magnitude without a padded exponent (``7e-5`` or ``0.00007``, not ``7e-05``). A
document orjson refuses (a lone surrogate from a file name, an integer beyond 64 bits, a key the
json module accepts and orjson does not) is written by the json module's rules in Python (below),
as before; a key neither accepts raises TypeError. tests/unit/test_indented_json.py compares the two.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json.encoder import encode_basestring

import orjson

# Dates, datetimes, dataclasses and subclasses as the json module writes them: through ``default``
# (str()), not orjson's own ISO and dict forms; keys that are not strings as the json module does.
_OPTIONS = (
    orjson.OPT_INDENT_2
    | orjson.OPT_NON_STR_KEYS
    | orjson.OPT_PASSTHROUGH_DATETIME
    | orjson.OPT_PASSTHROUGH_DATACLASS
)


def dumps(document: object, default: Callable[[object], object] = str) -> str:
    """``document`` as ``json.dumps(document, ensure_ascii=False, indent=2, default=default)`` writes
    it (NaN and the infinities as ``null``)."""
    try:
        return orjson.dumps(document, default=default, option=_OPTIONS).decode()
    except orjson.JSONEncodeError:
        return python_dumps(document, default)


def dumps_utf8(document: object, default: Callable[[object], object] = str) -> bytes:
    """:func:`dumps`'s text as UTF-8 bytes, without a Python string of it in between (a command writes
    them to stdout as they are); a lone surrogate, which UTF-8 cannot hold, is written as its ``\\u``
    escape (:func:`console.core.text.safe_json`)."""
    try:
        return orjson.dumps(document, default=default, option=_OPTIONS)
    except orjson.JSONEncodeError:
        from console.core.text import safe_json

        return safe_json(python_dumps(document, default)).encode()


def nested(raw: bytes, depth: int) -> bytes:
    """Indented JSON bytes (:func:`dumps_utf8`'s) as they read nested ``depth`` levels deep in a
    document: every line after the first indented two spaces a level more. A JSON string holds no
    raw newline (it is written ``\\n``), so each newline in ``raw`` starts a line of the layout."""
    return raw.replace(b"\n", b"\n" + b"  " * depth)


# not words: JSON's spellings of the infinities, as the json module writes them
_FLOATS = {float("inf"): "Infinity", float("-inf"): "-Infinity"}


def _float(value: float) -> str:
    if value != value:  # NaN
        # not words: JSON's spelling of NaN, as the json module writes it
        return "NaN"
    return _FLOATS.get(value) or float.__repr__(value)


def _key(key: object) -> str:
    """A dict key as the json module writes it (TypeError on a key it refuses)."""
    if isinstance(key, str):
        return encode_basestring(key)
    if isinstance(key, float):
        return encode_basestring(_float(key))
    if key is True or key is False or key is None:
        return encode_basestring(json.dumps(key))
    if isinstance(key, int):
        return encode_basestring(int.__repr__(key))
    # not words: the json module's own error, for a developer
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def python_dumps(document: object, default: Callable[[object], object] = str) -> str:
    """``document`` as ``json.dumps(document, ensure_ascii=False, indent=2, default=default)`` writes
    it, byte for byte, by one plain recursive function (strings by the json module's C
    ``encode_basestring``): for what orjson refuses."""
    out: list[str] = []
    write = out.append

    def value(item: object, depth: int) -> None:  # one branch per JSON type
        if isinstance(item, str):
            write(encode_basestring(item))
        elif item is None:
            write("null")
        elif item is True:
            write("true")
        elif item is False:
            write("false")
        elif isinstance(item, int):
            write(int.__repr__(item))
        elif isinstance(item, float):
            write(_float(item))
        elif isinstance(item, (list, tuple)):
            if not item:
                write("[]")
                return
            inner = "\n" + "  " * (depth + 1)
            write("[")
            for i, element in enumerate(item):
                write(inner if i == 0 else "," + inner)
                value(element, depth + 1)
            write("\n" + "  " * depth + "]")
        elif isinstance(item, dict):
            if not item:
                write("{}")
                return
            inner = "\n" + "  " * (depth + 1)
            write("{")
            for i, (key, element) in enumerate(item.items()):
                write((inner if i == 0 else "," + inner) + _key(key) + ": ")
                value(element, depth + 1)
            write("\n" + "  " * depth + "}")
        else:
            value(default(item), depth)

    value(document, 0)
    return "".join(out)
