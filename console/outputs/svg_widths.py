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


# Rich's SVG loads "Fira Code" from cdnjs.cloudflare.com: an export opened in an office without the
# internet waits for it, and opened anywhere tells a third party that it was. The fonts are the
# reader's own: a stack of common monospaced faces (Chinese ones last), never a URL.
# not words: a CSS font list
LOCAL_FONTS = (
    '"Fira Code", "Cascadia Mono", Menlo, Consolas, "DejaVu Sans Mono", "Noto Sans Mono CJK SC",'
    ' "Sarasa Mono SC", "Microsoft YaHei Mono", monospace'
)
_FONT_FACE = re.compile(r"@font-face\s*\{[^{}]*\}\s*", re.DOTALL)
_FAMILY = re.compile(r"font-family:\s*Fira Code,\s*monospace;")
_REMOTE = re.compile(r"url\(\s*['\"]?\s*(?:https?:)?//", re.IGNORECASE)


def local_fonts(svg: str) -> str:
    """``svg`` with no font fetched from anywhere: Rich's remote @font-face rules dropped and its
    "Fira Code, monospace" replaced by :data:`LOCAL_FONTS`. Any other remote URL is refused."""
    svg = _FAMILY.sub(f"font-family: {LOCAL_FONTS};", _FONT_FACE.sub("", svg))
    if _REMOTE.search(svg):  # a Rich version that loads something else from the network: never written
        # not words: a guard against a Rich release that loads fonts from the network; never shown
        raise ValueError("the SVG would load a resource from the network")
    return svg
