"""The manual page ``man/devzones.1``, made from the argparse tree by argparse-manpage.

``python -m tests.support.manpage`` rewrites it; tests/project/test_manpage.py fails when the committed
page is not what this makes now, so the page never drifts from ``devzones --help``. The wheel ships the
committed file as shared data (``share/man/man1/devzones.1``), so building needs neither this module
nor argparse-manpage (a test-extra dependency). English only: groff cannot break a line of Chinese
(no spaces), and man's own headings (NAME, SYNOPSIS …) would stay English around it.
"""

from __future__ import annotations

import contextlib
import os
import textwrap
from collections.abc import Iterator

from console.words import Lang
from tests.support.paths import REPO

MANPAGE = REPO / "man" / "devzones.1"
# argparse wraps help at the terminal's width: made with a fixed, wide one, the page is the same on every
# machine, and man fills the lines to the reader's width.
_WIDTH = "1000"


@contextlib.contextmanager
def _fixed_width() -> Iterator[None]:
    """While active, argparse formats for a terminal ``_WIDTH`` columns wide, whatever this one is."""
    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = _WIDTH
    try:
        yield
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved


def _roff(text: str) -> str:
    """``text`` as literal roff: backslashes and hyphens escaped, no line read as a request."""
    escaped = text.replace("\\", "\\\\").replace("-", "\\-")
    return "\n".join("\\&" + line if line.startswith((".", "'")) else line for line in escaped.split("\n"))


def _sections(*blocks_of: str) -> dict[str, list[str]]:
    """Help epilogs as man sections: each blank-line-separated block is one, headed by the words before
    its first colon (``examples:``, ``exit codes:``, ``language: …``); blocks under one heading are
    joined, a line given twice kept once."""
    sections: dict[str, list[str]] = {}
    for epilog in blocks_of:
        for block in epilog.strip().split("\n\n"):
            first, _, rest = block.partition("\n")
            heading, colon, after = first.replace("：", ":").partition(":")
            body = textwrap.dedent(rest) if colon and not after.strip() else after.strip() or first
            lines = sections.setdefault(heading.strip(), [])
            lines += [line for line in body.rstrip().split("\n") if line not in lines]
    return sections


def manpage(lang: Lang = "en") -> str:
    """The manual page of ``devzones`` in ``lang``, as roff."""
    from argparse_manpage.manpage import Manpage

    from console import __version__
    from console.cli.language import argparse_language
    from console.cli.parser import build_parser
    from console.words.cli_help import CLI_HELP

    with _fixed_width(), argparse_language(lang):
        parser = build_parser(lang)
        parser.epilog = None  # its blocks become sections of their own, below the commands
        page = Manpage(
            parser,
            _data={
                "project_name": "devzones",
                "version": __version__,
                "manual_title": CLI_HELP("man_manual", lang),
                "description": CLI_HELP("man_name", lang),
            },
        )
        page.date = ""  # no date: the page changes only when the help does
        # The program's examples, exit codes and language, each command's examples joined to the first.
        examples = (CLI_HELP(key, lang) for key in CLI_HELP if key.startswith("ex_"))
        for heading, lines in _sections(CLI_HELP("epilog", lang), *examples).items():
            page.add_section(heading, ">", ".nf\n" + _roff("\n".join(lines)) + "\n.fi")
        header, rest = str(page).split("\n", 1)
        # No hyphenation, ragged right: choice lists (rankings, parquet) and options are typed as printed.
        return f"{header}\n.nh\n.ad l\n{rest}"


if __name__ == "__main__":
    MANPAGE.parent.mkdir(exist_ok=True)
    MANPAGE.write_text(manpage("en"), encoding="utf-8")
    print(MANPAGE)
