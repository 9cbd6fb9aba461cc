"""The one catalogue of words: every user-visible string, keyed, in Chinese (the default) and English.

This is the lowest layer of ``console``: it imports nothing else of the project, so every layer above
it (core, data, engine, present, outputs, reports, sample, cli, tui) and ``widgets`` may use it.

Why Python modules rather than message files (gettext ``.po``, Fluent ``.ftl``): the console has exactly
two languages, always shipped together; a key is an attribute lookup that mypy, ruff and
``tests/project/test_words_catalogue.py`` check without a build step, a placeholder is a ``str.format`` field,
and a pair that is missing one language is a test failure rather than a silent fallback at run time.

Each area keeps its own :class:`Catalogue` in a module of this package (``words.cli``, ``words.views``,
``words.reports`` …), so areas can be read and edited apart; keys are unique within an area. Code asks
for a key and a language, never spells a pair::

    from console.words.views import VIEWS
    VIEWS("zones_title", lang)                 # the words in that language
    VIEWS("rows_shown", lang, n=3)             # with str.format fields filled
    VIEWS.pair("zones_title")                  # (Chinese, English), for code that needs both

:func:`pick` chooses from a pair already held (a catalogue entry passed along as data).
:func:`in_lang_of` chooses between a value of the data and its English twin (``short_name`` and
``short_name_en``): the English when there is one in English mode, else the Chinese.

May import: nothing else of the project (the lowest layer).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Literal, TypeGuard, TypeVar

# The two languages the console speaks; Chinese is the default everywhere.
Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")
DEFAULT_LANG: Lang = "zh"

# (Chinese, English), in that order everywhere.
Pair = tuple[str, str]

_REGISTRY: dict[str, Catalogue] = {}


def is_lang(value: object) -> TypeGuard[Lang]:
    """Whether ``value`` is one of the console's languages (``"zh"`` or ``"en"``)."""
    return value in LANGS


def as_lang(value: object) -> Lang:
    """``value`` as a :data:`Lang`: ``"en"`` is English, anything else the default Chinese."""
    return "en" if value == "en" else "zh"


def other_lang(lang: Lang) -> Lang:
    """The console's other language (``l`` switches to it)."""
    return "zh" if lang == "en" else "en"


def pick(pair: Pair, lang: Lang) -> str:
    """The words of ``pair`` (Chinese, English) in ``lang``."""
    return pair[1] if lang == "en" else pair[0]


_Value = TypeVar("_Value")


def in_lang_of(zh_value: _Value, en_value: _Value | None, lang: Lang) -> _Value:
    """A value of the data in ``lang``: its English twin (a ``*_en`` column, which may be empty) in
    English when there is one, else the Chinese."""
    return en_value if lang == "en" and en_value else zh_value


class Catalogue(Mapping[str, Pair]):
    """One area's words: key -> (Chinese, English), with ``str.format`` placeholders.

    A read-only mapping (``CAT[key]`` is the pair), callable for the words in one language.
    Two catalogues cannot share an ``area`` (its name in messages about a missing key).
    """

    def __init__(self, area: str, entries: Mapping[str, Pair]) -> None:
        if area in _REGISTRY:
            raise ValueError(f"two word catalogues for one area: {area}")
        self.area = area
        self._entries: dict[str, Pair] = dict(entries)
        _REGISTRY[area] = self

    def __getitem__(self, key: str) -> Pair:
        return self._entries[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"Catalogue({self.area!r}, {len(self)} keys)"

    def pair(self, key: str) -> Pair:
        """The (Chinese, English) pair of ``key``; ``KeyError`` names the area when it is unknown."""
        try:
            return self._entries[key]
        except KeyError:
            raise KeyError(f"{self.area}: no words for {key!r}") from None

    def __call__(self, key: str, lang: Lang, /, **fields: object) -> str:
        """The words of ``key`` in ``lang``, with ``fields`` filled (``str.format``) when given."""
        words = pick(self.pair(key), lang)
        return words.format(**fields) if fields else words
