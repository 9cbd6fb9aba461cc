"""argparse in the chosen language: a shim that translates argparse's own fixed strings ("usage:",
"options", "error:", "invalid choice …") while a parser is built and used, so that help and usage
errors speak that language from the first word to the last; and the help's placeholders and format
lists. The words themselves are in console/words/cli_help.py."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterable, Iterator

from console.cli.common import join_choices
from console.words import Lang
from console.words.cli_help import ARGPARSE, CLI_FORMATS, CLI_METAVARS


def formats_words(formats: Iterable[str], lang: Lang) -> str:
    """Every format in ``formats`` with what it writes, as a list in ``lang``."""
    return join_choices((CLI_FORMATS(f, lang) for f in formats), lang)


def metavar(name: str, lang: Lang) -> str:
    """A help placeholder in ``lang`` (its English form when there is no Chinese one)."""
    return CLI_METAVARS(name, lang) if name in CLI_METAVARS else name


@contextlib.contextmanager
def argparse_language(lang: Lang) -> Iterator[None]:
    """While active, argparse's own strings come out in ``lang`` (it looks them up through ``_``)."""
    # argparse's message ids are its English words: each maps to its words in ``lang``.
    words = {english: ARGPARSE(key, lang) for key, (_, english) in ARGPARSE.items()}
    # argparse's gettext aliases are module globals that its stubs do not declare (hence the ignores).
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]

    def gettext(message: str) -> str:
        return words.get(message, message)

    def ngettext(singular: str, plural: str, n: int) -> str:
        return gettext(singular if n == 1 else plural)

    argparse._, argparse.ngettext = gettext, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
