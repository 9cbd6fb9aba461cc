"""The one boundary for untrusted text: every string from a data file, a report, a config value or an
argument passes :func:`clean` before it is shown (console, CLI output, error messages, Markdown).

What is removed, and why removed rather than shown as a visible escape such as ``\\x1b``:

- C0 controls (U+0000-U+001F), DEL (U+007F) and C1 controls (U+0080-U+009F). ESC and the C1 CSI/OSC
  introducers start terminal escape sequences (OSC 52 writes the user's clipboard); BEL, BS and CR
  rewrite what is already on the line.
- Bidi controls (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C): an override such as U+202E
  makes a zone name read backwards and can disguise a value (Trojan Source).
- Noncharacters (U+FDD0-U+FDEF and the last two code points of every plane, U+FFFE, U+FFFF,
  U+1FFFE …) and lone surrogates (U+D800-U+DFFF, which reach Python from file names and arguments
  through ``surrogateescape``): XML cannot hold U+FFFE, U+FFFF or a surrogate, so a Word bulletin, an
  XLSX sheet or an SVG export holding one fails or does not parse; none of them is ever text.

They are removed, not escaped, because the same text is also a key: a zone named in one table must
still match the same zone in another, and a cleaned name must read as the office meant it. Removal is
idempotent, so cleaning twice (at load and again on output) changes nothing. Tabs and line breaks
become one space, unless the caller keeps line breaks (multi-line notes and messages).

Markup is not this function's concern: text shown in Textual goes in ``rich.text.Text`` objects or with
``markup=False``, so ``[/]`` stays two brackets and a slash.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from console.words import Lang

if TYPE_CHECKING:
    from console.words import Catalogue

# Characters removed everywhere. Written as literal characters, so the same class works in Python's
# re and in polars' (Rust) regex: the reader cleans whole columns with it, vectorised.
_C0 = "".join(chr(c) for c in range(0x00, 0x20) if chr(c) not in "\t\n\r")
_C1_DEL = "".join(chr(c) for c in range(0x7F, 0xA0))
_BIDI = (
    "\u061c\u200e\u200f"
    + "".join(chr(c) for c in range(0x202A, 0x202F))
    + "".join(chr(c) for c in range(0x2066, 0x206A))
)
_NONCHARACTERS = "".join(chr(c) for c in range(0xFDD0, 0xFDF0)) + "".join(
    chr(plane << 16 | last) for plane in range(17) for last in (0xFFFE, 0xFFFF)
)
REMOVED = _C0 + _C1_DEL + _BIDI + _NONCHARACTERS
# Lone surrogates cannot be in polars' (UTF-8) strings at all, nor in its pattern: Python's only.
_SURROGATES = "\ud800-\udfff"
CONTROLS_PATTERN = "[" + re.escape(REMOVED) + "]"
# Tabs and line breaks (any run of them) become one space in single-line text.
BREAKS_PATTERN = "[\t\n\r]+"

_CONTROLS = re.compile("[" + re.escape(REMOVED) + _SURROGATES + "]")
_BREAKS = re.compile(BREAKS_PATTERN)
_LINE_BREAK = re.compile("\r\n?")
# Shown as escapes in ``escape`` mode: controls, format characters (bidi, zero-width), separators,
# surrogates (and the noncharacters).
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})


def _escaped(char: str) -> str:
    if unicodedata.category(char) not in _UNSAFE_CATEGORIES and char not in _NONCHARACTERS:
        return char
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def clean(value: object, *, keep_newlines: bool = False, escape: bool = False) -> str:
    """``value`` as text safe to show: control, bidi and noncharacters removed, tabs and breaks spaces.

    With ``keep_newlines``, line breaks (LF, CRLF or CR) are kept as ``\\n`` and tabs as spaces.
    With ``escape``, every control, format (bidi included), line- or paragraph-separator character is
    shown as a visible escape (``\\x1b``, ``\\u202e``) instead of removed: for paths and names echoed
    in messages, where the user must be able to find the file they name.
    ``None`` becomes ``""``. Idempotent: ``clean(clean(x)) == clean(x)``.
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if escape:
        return "".join(_escaped(c) for c in text)
    if keep_newlines:
        lines = _LINE_BREAK.sub("\n", text).split("\n")
        return "\n".join(_CONTROLS.sub("", line.replace("\t", " ")) for line in lines)
    return _CONTROLS.sub("", _BREAKS.sub(" ", text))


_JSON_UNSAFE = re.compile("[" + re.escape(REMOVED) + _SURROGATES + "]")


# The UTF-8 lead bytes of every character _JSON_UNSAFE matches (C0, DEL, C1, U+061C, U+200E-U+2069,
# U+FDD0-U+FFFF, the last two of each plane); none of them is a continuation byte.
_UNSAFE_LEAD_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0xC2, 0xD8, 0xE2, 0xEF])
_UNSAFE_LEAD_BYTES += bytes(range(0xF0, 0xF5))
_OTHER_BYTES = bytes(b for b in range(256) if b not in _UNSAFE_LEAD_BYTES)
# not words: per lead byte, the lead with its continuation bytes: one candidate character a match.
_UNSAFE_LEADS = {b: re.compile(re.escape(bytes([b])) + rb"[\x80-\xbf]{0,3}") for b in _UNSAFE_LEAD_BYTES}


def _may_be_unsafe(document: str) -> bool:
    """Whether ``document`` may hold a character :func:`clean` removes (see :func:`_unsafe_in`)."""
    try:
        raw = document.encode()
    except UnicodeEncodeError:  # a lone surrogate
        return True
    return _unsafe_in(raw)


def may_hold_removed(raw: bytes) -> bool:
    """Whether UTF-8 ``raw`` (a data file's bytes) may hold a character :func:`clean` removes; False
    means none is there (a reader may skip removing them)."""
    try:
        return _unsafe_in(raw)
    except UnicodeDecodeError:  # not UTF-8 after all: assume the worst
        return True


def _unsafe_in(raw: bytes) -> bool:
    """Whether UTF-8 ``raw`` holds a character :func:`clean` removes: which of the few lead bytes such
    characters start with are there at all (``bytes.translate``, 5 ms for 9 MB), then, for each one
    there, a scan for the lead (a literal: fast) with its continuation bytes, each distinct candidate
    checked (data reaches it cleaned already; a scan of every lead at once took 30-60 ms for 9 MB)."""
    for lead in set(raw.translate(None, _OTHER_BYTES)):
        if any(_JSON_UNSAFE.search(c.decode()) for c in set(_UNSAFE_LEADS[lead].findall(raw))):
            return True
    return False


def safe_json_utf8(document: bytes) -> bytes:
    """:func:`safe_json` of UTF-8 JSON bytes: the same bytes when nothing needs escaping."""
    if not _unsafe_in(document):
        return document
    return safe_json(document.decode()).encode()


def safe_json(document: str) -> str:
    """JSON text (``json.dumps(..., ensure_ascii=False)``) with every character :func:`clean` removes
    written as a ``\\u`` escape: the same document, which a terminal shows without acting on it."""
    import json

    if not _may_be_unsafe(document):
        return document
    return _JSON_UNSAFE.sub(lambda m: json.dumps(m.group(), ensure_ascii=True)[1:-1], document)


class Said(str):
    """A message made before the language is known (config warnings, file-placement problems): the
    English words as the string itself, the Chinese ones in ``zh``. Made from a catalogue key with
    :func:`said_both`; shown with :func:`in_lang`."""

    zh: str

    def __new__(cls, en: str, zh: str) -> Said:
        said = super().__new__(cls, en)
        said.zh = zh
        return said

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]  # copied and pickled whole
        return (str(self), self.zh)


def in_lang(message: object, lang: Lang) -> str:
    """``message`` in ``lang``: a :class:`Said`'s Chinese words in zh, otherwise the text itself."""
    if lang == "zh" and isinstance(message, Said):
        return message.zh
    return str(message)


def said_both(catalogue: Catalogue, key: str, /, **fields: object) -> Said:
    """The words of ``key`` in both languages, as a :class:`Said`, with ``fields`` filled
    (``str.format``); a field that is itself a ``Said`` is filled in the matching language."""
    zh, en = catalogue.pair(key)
    return Said(_filled(en, fields, "en"), _filled(zh, fields, "zh"))


def _filled(template: str, fields: dict[str, object], lang: Lang) -> str:
    return template.format(**{k: in_lang(v, lang) if isinstance(v, Said) else v for k, v in fields.items()})
