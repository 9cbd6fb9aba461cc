"""The monthly bulletin as plain data: what it says (``Bulletin``) and the blocks of the document every
format renders (``Block``).

``bulletin_build`` fills a ``Bulletin`` from the data, ``bulletin_document`` turns it into blocks, and
the writers (``bulletin_markdown``, ``bulletin_docx``, ``bulletin_xlsx``) render blocks; this module
imports none of them, so the bulletin's modules form no import circle (tests/project/test_import_circles.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from console.data.scales import Period
from console.engine.changes import Change
from console.engine.coverage import CITY, Coverage
from console.present.viewmodel import View
from console.words import Lang


@dataclass
class Bulletin:
    """Everything the bulletin for a month says, in its language, before it is laid out."""

    year: int
    month: int
    quarter: Period
    lang: Lang
    title: str
    sample: bool
    summary: str
    ranking: list[dict[str, Any]] = field(default_factory=list)
    consequences: list[tuple[str, list[str]]] = field(default_factory=list)
    lagging: list[tuple[str, list[str]]] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)
    result_year: int | None = None
    no_data: bool = False  # no quarterly report has been ingested yet: nothing is judged on progress
    # 与上期相比: the status transitions since the end of ``previous`` (None when the data holds no
    # quarter before this one), worst first.
    previous: Period | None = None
    compared: list[Change] = field(default_factory=list)
    compared_lines: list[tuple[str, list[str]]] = field(default_factory=list)  # (kind, lines) in order
    # The ranking as the console's typed model (rank, zone, score, change, province rank, rules and the
    # targets missed): the Markdown and the XLSX both render it.
    table: View | None = None
    # What the zones cover (console.engine.coverage): 全市/全省/全国 in the summary and headings.
    coverage: Coverage = CITY
    # The date the bulletin speaks as of (``cutoff_date``): reports sent later are not known to it.
    cutoff: date | None = None
    # Written with --beyond-data for a month after the latest the data supports: the printed warning.
    warning: str = ""

    @property
    def period(self) -> str:
        """The month as --period takes it: ``2026-10``."""
        return f"{self.year}-{self.month:02d}"


@dataclass(frozen=True)
class Block:
    """One piece of the bulletin as a document, rendered alike to Markdown, Word and XLSX.

    ``kind``: "title"; "note" (the data's quarter and source); "sample" (``lead`` the label);
    "heading" (a section, numbered in ``text``); "para"; "table" (``columns``, ``numeric``, ``rows``
    as display text and ``values`` as numbers where a cell is one); "item" (a list item, ``lead``
    bold before it when given); "group" (``lead`` a responsible unit, ``lines`` its lagging tasks).
    """

    kind: str
    text: str = ""
    lead: str = ""
    columns: tuple[str, ...] = ()
    numeric: tuple[bool, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    values: tuple[tuple[float | int | None, ...], ...] = ()
    formats: tuple[str, ...] = ()  # a spreadsheet number format per table column ("" for text)
    lines: tuple[str, ...] = ()


def sentence(text: str) -> str:
    """``text`` as the start of a sentence or heading: its first letter a capital (Chinese unchanged)."""
    return text[:1].upper() + text[1:]
