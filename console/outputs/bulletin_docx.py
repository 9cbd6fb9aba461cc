"""The monthly bulletin as a Word document laid out as a Chinese official document (GB/T 9704-2012).

A4 with the standard's margins (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm) and its line grid:
22 lines of 28 characters (``w:docGrid w:type="lines" w:linePitch="579"``, the body 三号 16 pt on an
exact 28.95 pt line with −0.25 pt character spacing, widow control off). ``type="linesAndChars"``
would show the grid in Word's page set-up but LibreOffice then sets 12–14 characters a line
(measured), so the characters' pitch comes from the spacing instead. With a ``Paper`` (the config's
[bulletin]), the 公文's parts (``gongwen_docx``): 发文机关标志, 发文字号 and red line, 标题, 主送机关,
正文, 附件说明, 署名 and 成文日期, the ranking table as 附件 on its own page, and the 版记; or the
情况通报's 报头 and 报尾. An English bulletin is a memo (From, To, Reference, Date) with the same
content. The title 小标宋 二号 (22 pt); first-level headings (一、) in 黑体, second-level (（一）) in 楷体,
items numbered 1. 2. …; page numbers "— 1 —" in 四号宋体, odd pages right and even pages left, 空一字.

The faces are the GB names a clerk's Word has (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312, 宋体);
a server without them needs a fontconfig fallback (``console/outputs/fonts.conf``, used by
``console.outputs.pdf``): LibreOffice ignores the font table's ``w:altName`` (measured), so none is
written. No line breaks inside a number, a date, a zone name or the 发文字号 (``gongwen_joins``).
Text from the data is cleaned of control characters and written as plain runs (never fields).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import IO, Any

from console.core.text import clean
from console.outputs import gongwen_docx as paper_parts
from console.outputs.bulletin_model import Block, sentence
from console.outputs.docx_faces import (
    BODY_FONT,
    CN_NUMBERS,
    DOC_LANG,
    HEADING_FONT,
    SUBHEADING_FONT,
    TABLE_FONT,
    TITLE_FONT,
)
from console.outputs.export import Provenance
from console.outputs.gongwen_docx import LINE, add_runs, set_fonts
from console.outputs.gongwen_joins import joined
from console.outputs.gongwen_paper import Paper
from console.words import Lang, as_lang
from console.words.bulletin import BULLETIN

SIZE_TITLE, SIZE_BODY, SIZE_NOTE, SIZE_TABLE, SIZE_PAGE = 22, 16, 14, 10.5, 14  # 二号 三号 四号 五号 四号
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
    set_fonts(style.element.get_or_add_rPr(), font[0])
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


def _page_number(paragraph: Any) -> None:
    """ "— n —": a PAGE field between two dashes, in 宋体 四号."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    def run(text: str | None = None, field: str | None = None, instr: str | None = None) -> Any:
        r = paragraph.add_run(text or "")
        set_fonts(r._r.get_or_add_rPr(), TABLE_FONT[0])
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


def render_docx(
    blocks: Sequence[Block], prov: Provenance, handle: IO[bytes], paper: Paper | None = None
) -> None:
    """Write ``blocks`` to ``handle`` as a .docx document, with ``paper``'s 公文 or 情况通报 parts when
    given (the content alone, titled, when not)."""
    from docx import Document

    lang = as_lang(prov.lang)
    doc = Document()
    _page(doc, lang)
    styles = _styles(doc, lang)
    _header_and_footer(doc, prov, lang)
    keep = paper.keep if paper else ()
    gongwen = paper is not None and paper.style == "gongwen"
    body = list(blocks)
    title = body.pop(0) if body and body[0].kind == "title" else None
    if paper is not None:
        _paper_head(doc, paper)
    if title is not None:
        lines = title.lines if paper is not None and title.lines else (title.text,)
        paper_parts.gongwen_title(doc, tuple(_text(t) for t in lines), 2 * LINE if paper else 0)
    if gongwen and paper is not None and lang == "zh":
        paper_parts.recipients(doc, paper)
    _body(doc, body, styles, lang, keep, gongwen)
    if paper is not None:
        _paper_tail(doc, paper, next((b for b in body if b.kind == "table"), None), styles)

    props = doc.core_properties
    props.title = _text(title.text) if title else prov.title
    props.subject = _text(prov.title)
    props.comments = _text(prov.command)
    props.author = "devzones"
    props.created = datetime.fromisoformat(prov.exported_at).replace(tzinfo=None)
    doc.save(handle)


def _text(text: str, keep: Sequence[str] = ()) -> str:
    """Text from the data as the document prints it: control characters removed, its numbers, dates
    and the names in ``keep`` never broken across lines."""
    return joined(clean(text), keep)


def _body(
    doc: Any, blocks: list[Block], styles: dict[str, Any], lang: Lang, keep: Sequence[str], gongwen: bool
) -> None:
    """The content blocks in order; in a 公文 the ranking table goes to the 附件 (a sentence says so)."""
    items = 0  # the running number of "1." items within a section
    groups = 0  # the running number of "（一）" groups within a section
    for block in blocks:
        if block.kind == "heading":
            items = groups = 0
        elif block.kind == "item":
            items += 1
        elif block.kind == "group":
            groups += 1
        if gongwen and block.kind == "table":
            add_runs(doc.add_paragraph(), BULLETIN("see_attachment", lang))
            continue
        if gongwen and block.kind == "note":  # the data's quarter and source: the 正文's first lines
            block = Block("para", block.text)
        _add_block(doc, block, styles, lang, items if block.kind == "item" else groups, keep)


def _paper_head(doc: Any, paper: Paper) -> None:
    """What comes before the title: the 公文's 版头, the 情况通报's 报头, or an English memo's heading."""
    if paper.style == "tongbao":
        paper_parts.tongbao_head(doc, paper)
    elif paper.lang == "zh":
        paper_parts.gongwen_head(doc, paper)
    else:
        paper_parts.memo_head(doc, paper)


def _paper_tail(doc: Any, paper: Paper, table: Block | None, styles: dict[str, Any]) -> None:
    """What comes after the content: the 公文's 附件说明, 署名, 成文日期, 附件 and 版记 (an English
    memo: the attachment and the copies line), or the 情况通报's 报尾."""
    if paper.style == "tongbao":
        paper_parts.tongbao_tail(doc, paper)
        return
    if doc.paragraphs:  # the 署名 never starts a page on its own: the last lines of the 正文 go with it
        doc.paragraphs[-1].paragraph_format.keep_with_next = True
    if table is not None:
        paper_parts.attachment_note(doc, paper)
    if paper.lang == "zh":
        paper_parts.signature(doc, paper)
    if table is not None:
        paper_parts.attachment_page(doc, paper)
        _add_table(doc, table, styles, paper.lang, paper.keep)
    if paper.lang == "zh":
        paper_parts.note_block(doc, paper)
    elif paper.cc:
        paper_parts.add_para(doc, paper.cc, before=LINE)


def _page(doc: Any, lang: Lang) -> None:
    """A4 with GB/T 9704's margins and, for a Chinese document, its 22 × 28 line grid; Chinese as the
    East Asian language, so each face applies to it."""
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
            set_fonts(rpr, BODY_FONT[0])
            for element in rpr.findall(qn("w:lang")):
                rpr.remove(element)
            rpr.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="{DOC_LANG[lang]}" w:eastAsia="zh-CN"/>'))
    sect_pr = section._sectPr
    for grid in sect_pr.findall(qn("w:docGrid")):
        sect_pr.remove(grid)
    if lang == "zh":  # 22 lines of 28 characters (5.2.3); charSpace is Word's squeeze, harmless in LO
        # not words: the grid's XML
        grid_xml = f'<w:docGrid {nsdecls("w")} w:type="lines" w:linePitch="579" w:charSpace="-848"/>'
        sect_pr.append(parse_xml(grid_xml))


def _styles(doc: Any, lang: Lang) -> dict[str, Any]:
    """The document's paragraph styles by the block kind they set (the body is Normal: 16 pt on the
    grid's 28.95 pt line, −0.25 pt between characters so 28 fill the 156 mm line, no widow control,
    which would leave pages of 21 lines)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    center = WD_ALIGN_PARAGRAPH.CENTER
    normal = _style(doc, "Normal", None, BODY_FONT, SIZE_BODY, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    normal.paragraph_format.widow_control = False
    if lang == "zh":
        normal.element.get_or_add_rPr().append(parse_xml(f'<w:spacing {nsdecls("w")} w:val="-5"/>'))
    cell = _style(
        doc, "Table Text", "Normal", TABLE_FONT, SIZE_TABLE, line=16, indent=0, align=WD_ALIGN_PARAGRAPH.LEFT
    )
    cell.element.get_or_add_pPr().append(parse_xml(f'<w:snapToGrid {nsdecls("w")} w:val="0"/>'))
    return {
        "title": _style(doc, "Title", "Normal", TITLE_FONT, SIZE_TITLE, indent=0, align=center),
        "note": _style(doc, "Subtitle", "Normal", BODY_FONT, SIZE_NOTE, indent=0, align=center),
        "heading": _style(doc, "Heading 1", "Normal", HEADING_FONT, SIZE_BODY, keep=True),
        "group": _style(doc, "Heading 2", "Normal", SUBHEADING_FONT, SIZE_BODY, keep=True),
        "cell": cell,
        "center": center,
    }


def _header_and_footer(doc: Any, prov: Provenance, lang: Lang) -> None:
    """Header: the sample mark on every page; footer: "— n —" in 四号 (7.5), odd pages right and even
    pages left, 空一字 from the edge."""
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
            set_fonts(run._r.get_or_add_rPr(), HEADING_FONT[0])
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        paragraph = footer.paragraphs[0]
        paragraph.alignment = align
        fmt = paragraph.paragraph_format
        fmt.first_line_indent = Pt(0)
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            fmt.right_indent = Pt(SIZE_PAGE)
        else:
            fmt.left_indent = Pt(SIZE_PAGE)
        paragraph.style.font.size = Pt(SIZE_PAGE)
        _page_number(paragraph)


def _add_block(
    doc: Any, block: Block, styles: dict[str, Any], lang: Lang, number: int, keep: Sequence[str] = ()
) -> None:
    """One block as paragraphs (or a table); ``number`` is an item's or a group's within its section."""
    from docx.shared import RGBColor

    if block.kind in ("title", "note", "heading"):
        add_runs(doc.add_paragraph(style=styles[block.kind]), _text(block.text, keep))
    elif block.kind == "sample":
        paragraph = doc.add_paragraph(style=styles["note"])
        for run in add_runs(paragraph, _text(block.lead + BULLETIN("colon", lang) + block.text, keep)):
            run.bold = True
            run.font.color.rgb = RGBColor(0xC0, 0, 0)
    elif block.kind == "para":
        add_runs(doc.add_paragraph(), _text(block.text, keep))
    elif block.kind == "item":
        add_runs(doc.add_paragraph(), f"{number}. " + _text(block.text, keep))
    elif block.kind == "group":
        add_runs(
            doc.add_paragraph(style=styles["group"]),
            _sub_number(number, lang) + _text(sentence(block.lead), keep),
        )
        end = BULLETIN("end", lang)
        for n, line in enumerate(block.lines, start=1):
            add_runs(doc.add_paragraph(), f"{n}. " + _text(line, keep) + end)
    elif block.kind == "table":
        _add_table(doc, block, styles, lang, keep)


def _add_table(doc: Any, block: Block, styles: dict[str, Any], lang: Lang, keep: Sequence[str] = ()) -> None:
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
            for run in add_runs(paragraph, _text(text, keep)):
                if r == 0:
                    run.bold = True
                    set_fonts(run._r.get_or_add_rPr(), HEADING_FONT[0])
    _repeat_header(table.rows[0])
    for row in table.rows:  # a row is never split between two pages
        row._tr.get_or_add_trPr().append(parse_xml(f'<w:cantSplit {nsdecls("w")} w:val="true"/>'))
    doc.add_paragraph()  # GB/T 9704 leaves a line after a table


def bulletin_docx_writer(
    blocks: Sequence[Block], prov: Provenance, paper: Paper | None = None
) -> Callable[[IO[bytes]], None]:
    """A writer for ``place``: the bulletin ``blocks`` as a .docx document (with ``paper``'s parts)."""

    def write(handle: IO[bytes]) -> None:
        render_docx(blocks, prov, handle, paper)

    return write
