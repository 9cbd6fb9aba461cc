"""What a rejected report is told: a problem made from a key of console/words/reports.py and its values.

A :class:`Problem` is a ``str`` holding the English text (so logs, ``--json`` and tests read it as
before) that also remembers its message key and values, so any surface can show it in the user's
language with :meth:`Problem.text`. Values quoted from a report are cleaned of control and bidi
characters when the problem is made, so no language shows them raw.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from console.core.text import Said, clean, in_lang
from console.words import Lang, pick
from console.words.reports import REPORTS


class Problem(str):
    """One message of the catalogue: the English text as a ``str``, any language by :meth:`text`."""

    key: str
    values: dict[str, Any]

    def __new__(cls, key: str, /, **values: Any) -> Problem:
        # A Said (a data file's problem, console.data.problem_words) keeps both its languages.
        safe = {name: v if isinstance(v, (Problem, Said)) else clean(v) for name, v in values.items()}
        made = super().__new__(cls, REPORTS.pair(key)[1].format(**safe))
        made.key = key
        made.values = safe
        return made

    def text(self, lang: Lang) -> str:
        """The message in ``lang`` ("zh" or "en"), places and nested messages included."""
        values = {
            n: v.text(lang) if isinstance(v, Problem) else clean(in_lang(v, lang))
            for n, v in self.values.items()
        }
        return pick(REPORTS.pair(self.key), lang).format(**values)


class Joined(Problem):
    """Several messages as one value, joined as the language joins a list."""

    def __new__(cls, items: list[Problem]) -> Joined:
        made = str.__new__(cls, REPORTS("list_sep", "en").join(items))
        made.key = ""
        made.values = {"items": list(items)}
        return made

    def text(self, lang: Lang) -> str:
        return REPORTS("list_sep", lang).join(item.text(lang) for item in self.values["items"])


def at(place: Problem, message: str, /, **values: Any) -> Problem:
    """The catalogue's ``message`` at ``place`` (a sheet, cell, row or column)."""
    return Problem("at", place=place, what=Problem(message, **values))


def did_you_mean(value: str, known: Iterable[str]) -> Problem:
    """The nearest known value as a hint, or no words at all."""
    match = difflib.get_close_matches(value, list(known), n=1, cutoff=0.5)
    return Problem("did_you_mean", match=match[0]) if match else Problem("nothing")


def in_language(problem: str, lang: Lang) -> str:
    """A problem in ``lang`` when it is from the catalogue (or a Said); any other text as it is."""
    return problem.text(lang) if isinstance(problem, Problem) else in_lang(problem, lang)
