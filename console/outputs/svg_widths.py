"""True widths for the console's SVG screenshots: each wide (East Asian W/F) character two cells.

Rich's ``export_svg`` (which Textual's ``export_screenshot`` uses) places each text run at the right
cell (it counts cells for ``x``) but gives the run ``textLength`` = cell width x number of *characters*,
so a run of Chinese gets half the width it occupies on the terminal and browsers squeeze its glyphs
together, leaving the columns after it misaligned. ``true_widths`` rewrites each run's ``textLength``
to cell width x display cells. No Textual here: it works on the SVG text.
"""

from __future__ import annotations

import html
import re

from rich.cells import cell_len

# One text run as Rich writes it: <text class=... x=... y=... textLength="N" clip-path=...>text</text>
_RUN = re.compile(r'(<text\b[^>]*?\btextLength=")([0-9.eE+-]+)("[^>]*>)(.*?)(</text>)', re.DOTALL)


def run_text(content: str) -> str:
    """The characters a run shows (Rich escapes them and writes spaces as &#160;)."""
    return html.unescape(content)


def true_widths(svg: str) -> str:
    """``svg`` with every text run's ``textLength`` set to its display cells x the cell width.

    The cell width is the one the SVG was drawn with: a run's old ``textLength`` divided by its
    character count (Rich's ``char_width``), so the terminal's grid is kept exactly.
    """

    def fix(match: re.Match[str]) -> str:
        text = run_text(match.group(4))
        if not text:
            return match.group(0)
        cell = float(match.group(2)) / len(text)
        length = format(cell * cell_len(text), "g")
        return f"{match.group(1)}{length}{match.group(3)}{match.group(4)}{match.group(5)}"

    return _RUN.sub(fix, svg)
