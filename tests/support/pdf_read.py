"""Reading what LibreOffice prints: convert a .docx/.xlsx once per test process, then measure the PDF.

Tests that look at the printed page (text sizes, fonts per role, lines, rules) use these; they skip with
a reason where LibreOffice is not installed (``needs_libreoffice``). A conversion costs about 5 s of CPU,
so each file's PDF is kept for the rest of the process, keyed by the file's bytes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from console.outputs.pdf import pdf_available, to_pdf

pdfplumber = pytest.importorskip("pdfplumber")

needs_libreoffice = pytest.mark.skipif(
    not pdf_available(),
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui",
)

_CACHE: dict[str, Path] = {}


def pdf_of(path: Path, out_dir: Path | None = None) -> Path:
    """The PDF LibreOffice makes of ``path``, converted once per distinct content in this process."""
    data = path.read_bytes()
    key = hashlib.sha256(data).hexdigest()
    cached = _CACHE.get(key)
    if cached is not None and cached.is_file():
        return cached
    target = (out_dir or path.parent) / f"{path.stem}.{key[:8]}.pdf"
    target.write_bytes(to_pdf(path))
    _CACHE[key] = target
    return target


def page_count(pdf: Path) -> int:
    """How many pages the PDF has."""
    with pdfplumber.open(pdf) as doc:
        return len(doc.pages)


def chars(pdf: Path) -> list[dict[str, Any]]:
    """Every printed character with its page number (1-based), font name, size and position."""
    found: list[dict[str, Any]] = []
    with pdfplumber.open(pdf) as doc:
        for number, page in enumerate(doc.pages, start=1):
            found.extend({**char, "page_number": number} for char in page.chars)
    return found


def smallest_size(pdf: Path) -> float:
    """The smallest printed text size in points (print scaling included), over visible characters."""
    sizes = [c["size"] for c in chars(pdf) if c["text"].strip()]
    return round(min(sizes), 2)


def text(pdf: Path, page: int | None = None) -> str:
    """The PDF's text (one page's when ``page`` is given, 1-based), as pdfplumber extracts it."""
    with pdfplumber.open(pdf) as doc:
        pages = doc.pages if page is None else [doc.pages[page - 1]]
        return "\n".join(p.extract_text() or "" for p in pages)


def lines(pdf: Path, page: int) -> list[dict[str, Any]]:
    """The text lines of one page (1-based), each with its ``text``, position and ``chars``."""
    with pdfplumber.open(pdf) as doc:
        return list(doc.pages[page - 1].extract_text_lines(return_chars=True))


def rules(pdf: Path, page: int) -> list[dict[str, Any]]:
    """The lines drawn on one page (1-based): position, ``linewidth`` and ``stroking_color``."""
    with pdfplumber.open(pdf) as doc:
        p = doc.pages[page - 1]
        return [*p.lines, *[r for r in p.rects if r["height"] < 3]]


def fonts(pdf: Path) -> set[str]:
    """The names of the fonts the PDF embeds, without their subset prefix (``ABCDEF+``)."""
    return {c["fontname"].split("+")[-1] for c in chars(pdf)}


def bars_under(pdf: Path, page: int, heading: str) -> list[dict[str, Any]]:
    """The filled shapes (at least 1.5 by 1 pt) drawn below ``heading`` on one page (1-based), within
    its column: the bars of a column sparkline there (a line sparkline's markers are specks)."""
    with pdfplumber.open(pdf) as doc:
        p = doc.pages[page - 1]
        head = next(w for w in p.extract_words() if heading in w["text"])
        right = min(
            (w["x0"] for w in p.extract_words() if w["x0"] > head["x1"] and abs(w["top"] - head["top"]) < 2),
            default=p.width,
        )
        return [
            r
            for r in p.rects
            if r.get("fill")
            and r["width"] >= 1.5
            and r["height"] >= 1
            and r["top"] > head["bottom"]
            and head["x0"] - 4 <= (r["x0"] + r["x1"]) / 2 <= right
        ]
