"""The monthly bulletin as a Word document laid out as a Chinese official document (GB/T 9704).

A4 with the standard's margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm); the title centred in
a 小标宋 face at 二号 (22 pt); the body in 仿宋 at 三号 (16 pt) on a fixed 28-point line, first lines
indented two characters; first-level headings (一、) in 黑体, second-level (（一）) in 楷体, items numbered
1. 2. …; tables whose heading row repeats on every page; page numbers "— 1 —" in the footer, odd
pages right and even pages left. Each East Asian face names a fallback in the font table (w:altName)
that common systems have: 方正小标宋简体 → 宋体 (SimSun) → Noto Serif CJK SC, 仿宋_GB2312 → 仿宋
(FangSong) → Noto Serif CJK SC, and so on. Renders ``console.outputs.bulletin.document`` blocks;
text from the data is cleaned of control characters and written as plain runs (never fields).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from itertools import pairwise
from typing import IO, Any

from console.core.text import clean
from console.outputs.bulletin_model import Block
from console.outputs.docx_faces import (
    BODY_FONT,
    CN_NUMBERS,
    DOC_LANG,
    FALLBACKS,
    FAMILY,
    HEADING_FONT,
    LATIN,
    SUBHEADING_FONT,
    TABLE_FONT,
    TITLE_FONT,
)
from console.outputs.export import Provenance
from console.words import Lang, as_lang
from console.words.bulletin import BULLETIN

SIZE_TITLE, SIZE_BODY, SIZE_NOTE, SIZE_TABLE, SIZE_PAGE = 22, 16, 14, 10.5, 14  # 二号 三号 四号 五号 四号
LINE = 28  # points: GB/T 9704's 22 lines to a page
# The ranking table's column widths in mm; together the type area's 156 mm.
TABLE_MM = {"zh": (12, 17, 19, 16, 30, 36, 26), "en": (13, 22, 15, 16, 27, 38, 25)}


def _sub_number(n: int, lang: Lang) -> str:
    """A second-level heading's number: （一） … （十一） in Chinese, (1) … in English."""
    if n <= 10:
        cn = CN_NUMBERS[n - 1]
    else:
        tens, ones = divmod(n, 10)
        cn = f"{'' if tens == 1 else CN_NUMBERS[tens - 1]}{CN_NUMBERS[9]}{CN_NUMBERS[ones - 1] if ones else ''}"
    return BULLETIN("sub_number", lang, cn=cn, n=n)


def _set_fonts(rpr: Any, east_asia: str, latin: str = LATIN) -> None:
    """Set a run's or style's fonts: ``latin`` for Latin letters and digits, ``east_asia`` for Chinese."""
    from docx.oxml.ns import qn

    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:hint"), "eastAsia")
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)  # a theme font would win over the named one


def _style(doc: Any, name: str, base: str | None, font: tuple[str, ...], size: float, **para: Any) -> Any:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_LINE_SPACING
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    styles = doc.styles
    style = (
        styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    )
    if base:
        style.base_style = styles[base]
    style.font.size = Pt(size)
    style.font.bold = para.pop("bold", False)
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    _set_fonts(style.element.get_or_add_rPr(), font[0])
    fmt = style.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(para.pop("line", LINE))
    fmt.space_before = Pt(para.pop("before", 0))
    fmt.space_after = Pt(para.pop("after", 0))
    fmt.first_line_indent = Pt(para.pop("indent", 2 * size))
    fmt.alignment = para.pop("align", None)
    fmt.keep_with_next = para.pop("keep", False)
    ppr = style.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)  # the template's Title has a rule under it; GB/T 9704 has none there
    assert not para, para
    return style


def _font_table(doc: Any) -> None:
    """Name a fallback for every East Asian face in word/fontTable.xml (w:altName), GB2312 charset."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    part = next((p for p in doc.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml"), None)
    if part is None:
        return
    root = parse_xml(part.blob)
    known = {f.get(qn("w:name")): f for f in root.findall(qn("w:font"))}
    for chain in FALLBACKS:
        for face, alt in pairwise(chain):
            if face in known:
                continue
            family = FAMILY.get(face, "roman")
            # not words: the Word font table's XML
            element = parse_xml(
                f'<w:font {nsdecls("w")} w:name="{face}"><w:altName w:val="{alt}"/>'
                f'<w:charset w:val="86"/><w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>'
            )
            root.append(element)
            known[face] = element
    from docx.opc.oxml import serialize_part_xml

    part._blob = serialize_part_xml(root)


def _page_number(paragraph: Any) -> None:
    """ "— n —": a PAGE field between two dashes, in 宋体 四号."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    def run(text: str | None = None, field: str | None = None, instr: str | None = None) -> Any:
        r = paragraph.add_run(text or "")
        _set_fonts(r._r.get_or_add_rPr(), TABLE_FONT[0])
        if field:
            r._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="{field}"/>'))
        if instr:
            r._r.append(parse_xml(f'<w:instrText {nsdecls("w")} xml:space="preserve">{instr}</w:instrText>'))
        return r

    run("— ")
    run(field="begin")
    run(instr=" PAGE ")
    run(field="separate")
    run("1")
    run(field="end")
    run(" —")


def _repeat_header(row: Any) -> None:
    """Mark a table row as the heading row Word and LibreOffice repeat at the top of each page."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    row._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {nsdecls("w")} w:val="true"/>'))


def _text(text: str) -> str:
    return clean(text)


def render_docx(blocks: Sequence[Block], prov: Provenance, handle: IO[bytes]) -> None:
    """Write ``blocks`` to ``handle`` as a .docx document."""
    from docx import Document

    lang = as_lang(prov.lang)
    doc = Document()
    _page(doc, lang)
    styles = _styles(doc)
    _header_and_footer(doc, prov, lang)
    items = 0  # the running number of "1." items within a section
    groups = 0  # the running number of "（一）" groups within a section
    for block in blocks:
        if block.kind == "heading":
            items = groups = 0
        elif block.kind == "item":
            items += 1
        elif block.kind == "group":
            groups += 1
        _add_block(doc, block, styles, lang, items if block.kind == "item" else groups)

    props = doc.core_properties
    props.title = _text(blocks[0].text) if blocks else prov.title
    props.subject = _text(prov.title)
    props.comments = _text(prov.command)
    props.author = "devzones"
    props.created = datetime.fromisoformat(prov.exported_at).replace(tzinfo=None)
    doc.save(handle)


def _page(doc: Any, lang: Lang) -> None:
    """A4 with GB/T 9704's margins; Chinese as the East Asian language, so each face applies to it."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn
    from docx.shared import Mm

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(25)
    section.header_distance = Mm(15)
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None:
            _set_fonts(rpr, BODY_FONT[0])
            for element in rpr.findall(qn("w:lang")):
                rpr.remove(element)
            rpr.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="{DOC_LANG[lang]}" w:eastAsia="zh-CN"/>'))
    _font_table(doc)


def _styles(doc: Any) -> dict[str, Any]:
    """The document's paragraph styles by the block kind they set (the body is Normal)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    center = WD_ALIGN_PARAGRAPH.CENTER
    _style(doc, "Normal", None, BODY_FONT, SIZE_BODY, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    return {
        "title": _style(
            doc, "Title", "Normal", TITLE_FONT, SIZE_TITLE, line=36, after=LINE, indent=0, align=center
        ),
        "note": _style(
            doc, "Subtitle", "Normal", BODY_FONT, SIZE_NOTE, indent=0, align=center, after=LINE / 2
        ),
        "heading": _style(doc, "Heading 1", "Normal", HEADING_FONT, SIZE_BODY, keep=True),
        "group": _style(doc, "Heading 2", "Normal", SUBHEADING_FONT, SIZE_BODY, keep=True),
        "cell": _style(
            doc,
            "Table Text",
            "Normal",
            TABLE_FONT,
            SIZE_TABLE,
            line=16,
            indent=0,
            align=WD_ALIGN_PARAGRAPH.LEFT,
        ),
        "center": center,
    }


def _header_and_footer(doc: Any, prov: Provenance, lang: Lang) -> None:
    """Header: the sample mark on every page; footer: "— n —", odd pages right, even pages left."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    section = doc.sections[0]
    doc.settings.odd_and_even_pages_header_footer = True
    for header in (section.header, section.even_page_header):
        paragraph = header.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.first_line_indent = Pt(0)
        if prov.sample:
            run = paragraph.add_run(BULLETIN("sample_mark", lang))
            run.bold = True
            run.font.size = Pt(SIZE_TABLE)
            run.font.color.rgb = RGBColor(0xC0, 0, 0)
            _set_fonts(run._r.get_or_add_rPr(), HEADING_FONT[0])
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        paragraph = footer.paragraphs[0]
        paragraph.alignment = align
        paragraph.paragraph_format.first_line_indent = Pt(0)
        paragraph.style.font.size = Pt(SIZE_PAGE)
        _page_number(paragraph)


def _add_block(doc: Any, block: Block, styles: dict[str, Any], lang: Lang, number: int) -> None:
    """One block as paragraphs (or a table); ``number`` is an item's or a group's within its section."""
    from docx.shared import RGBColor

    if block.kind in ("title", "note", "heading"):
        doc.add_paragraph(_text(block.text), style=styles[block.kind])
    elif block.kind == "sample":
        paragraph = doc.add_paragraph(style=styles["note"])
        run = paragraph.add_run(_text(block.lead + BULLETIN("colon", lang) + block.text))
        run.bold = True
        run.font.color.rgb = RGBColor(0xC0, 0, 0)
    elif block.kind == "para":
        doc.add_paragraph(_text(block.text))
    elif block.kind == "item":
        doc.add_paragraph(f"{number}. " + _text(block.text))
    elif block.kind == "group":
        doc.add_paragraph(_sub_number(number, lang) + _text(block.lead), style=styles["group"])
        end = BULLETIN("end", lang)
        for n, line in enumerate(block.lines, start=1):
            doc.add_paragraph(f"{n}. " + _text(line) + end)
    elif block.kind == "table":
        _add_table(doc, block, styles, lang)


def _add_table(doc: Any, block: Block, styles: dict[str, Any], lang: Lang) -> None:
    """The ranking table: centred, fixed column widths, a bold heading row repeated on every page, no
    row split between pages, and a line after it (GB/T 9704)."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Mm

    table = doc.add_table(rows=1 + len(block.rows), cols=len(block.columns))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = TABLE_MM[lang]
    for c, column in enumerate(table.columns):  # the grid LibreOffice lays out by
        column.width = Mm(widths[c]) if c < len(widths) else Mm(20)
    for r, cells in enumerate((block.columns, *block.rows)):
        row = table.rows[r]
        for c, text in enumerate(cells):
            cell = row.cells[c]
            cell.width = Mm(widths[c]) if c < len(widths) else Mm(20)
            paragraph = cell.paragraphs[0]
            paragraph.style = styles["cell"]
            paragraph.alignment = styles["center"] if r == 0 or block.numeric[c] else None
            run = paragraph.add_run(_text(text))
            if r == 0:
                run.bold = True
                _set_fonts(run._r.get_or_add_rPr(), HEADING_FONT[0])
    _repeat_header(table.rows[0])
    for row in table.rows:  # a row is never split between two pages
        row._tr.get_or_add_trPr().append(parse_xml(f'<w:cantSplit {nsdecls("w")} w:val="true"/>'))
    doc.add_paragraph()  # GB/T 9704 leaves a line after a table


def bulletin_docx_writer(blocks: Sequence[Block], prov: Provenance) -> Callable[[IO[bytes]], None]:
    """A writer for ``place``: the bulletin ``blocks`` as a .docx document."""

    def write(handle: IO[bytes]) -> None:
        render_docx(blocks, prov, handle)

    return write
