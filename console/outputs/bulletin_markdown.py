"""The monthly bulletin as Markdown: the blocks of ``bulletin_document`` with data text escaped so it
cannot break a table or add markup."""

from __future__ import annotations

from collections.abc import Sequence

from console.core.text import clean
from console.outputs.bulletin_model import Block
from console.words import Lang
from console.words.bulletin import BULLETIN


def markdown_lines(block: Block, lang: Lang) -> list[str]:
    """One block's Markdown lines (a list item's blank line after its list is the caller's)."""
    colon = BULLETIN("colon", lang)
    if block.kind == "title":
        return [f"# {block.text}", ""]
    if block.kind == "heading":
        return [f"## {block.text}", ""]
    if block.kind == "sample":
        return [f"> **{block.lead}**{colon}{block.text}", ""]
    if block.kind in ("note", "para"):
        return [_cell(block.text), ""]
    if block.kind == "table":
        return [
            "| " + " | ".join(block.columns) + " |",
            "|" + "|".join("---:" if n else "---" for n in block.numeric) + "|",
            *("| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows),
            "",
        ]
    if block.kind == "item":
        return [f"- {_cell(block.text)}"]
    if block.kind == "group":
        joined = BULLETIN("line_sep", lang).join(block.lines) + BULLETIN("end", lang)
        return [f"- **{_cell(block.lead)}**{colon}{_cell(joined)}"]
    return []


def render_blocks_markdown(blocks: Sequence[Block], lang: Lang) -> str:
    """``blocks`` as Markdown: a blank line after each block, and after a list's last item."""
    md: list[str] = []
    for i, block in enumerate(blocks):
        md += markdown_lines(block, lang)
        listed = block.kind in ("item", "group")
        if listed and (i + 1 == len(blocks) or blocks[i + 1].kind not in ("item", "group")):
            md.append("")
    return clean("\n".join(md), keep_newlines=True)


def _cell(text: str) -> str:
    return clean(text).replace("|", "\\|")
