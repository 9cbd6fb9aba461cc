"""The Word 通报's paper (``gongwen_paper.Paper``) in python-docx: the 公文's 版头, 署名 and 成文日期,
附件 heading and 版记 (GB/T 9704-2012), the 情况通报's 报头 and 报尾, and the English memo's heading.

Measures are the standard's: the type area is 156 mm (442.2 pt) wide, a line is 28.95 pt (22 lines to
the 225 mm type area), a character (字) of 三号 16 pt advances 15.75 pt (the body's −0.25 pt character
spacing: 28 to a line). Every clause number below is GB/T 9704-2012's. Text from the config is
cleaned of control characters (``gongwen_paper``) and joined against line breaks (``gongwen_joins``).
"""

from __future__ import annotations

import math
from typing import Any

from console.outputs.docx_faces import BODY_FONT, HEADING_FONT, LATIN, TITLE_FONT
from console.outputs.gongwen_joins import joined, unit_runs
from console.outputs.gongwen_paper import Paper
from console.words import Lang
from console.words.bulletin import BULLETIN

LINE = 28.95  # points: 579 twips, 22 lines in the 225 mm type area (5.2.3)
TYPE_WIDTH = 442.2  # points: the 156 mm type area
ZI = 15.75  # points a 三号 character advances on the 28-character line
NOTE_ZI = 14.0  # 四号: the 版记's character
RED = "FF0000"  # the standard's red (Y80% M80%)
MARK_MAX = 36  # the 发文机关标志's largest size (pt); a long one is set smaller to fit one line


def set_fonts(rpr: Any, east_asia: str, latin: str = LATIN) -> None:
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


def width_zi(text: str) -> float:
    """A text's width in characters (字): Latin letters, digits and Latin-1 signs (the ×× of a
    placeholder) are half a character, as LibreOffice sets them in the Latin face."""
    return sum(0.5 if ord(ch) < 0x250 else 1.0 for ch in text if ch != "\u2060")


def off_grid(paragraph: Any) -> None:
    """Let a paragraph keep its own line height instead of snapping to the document grid."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:snapToGrid {nsdecls("w")} w:val="0"/>'))


def rule(paragraph: Any, side: str, size: int, color: str = "000000", space: int = 1) -> None:
    """A border line on a paragraph's ``side`` (top, bottom, between): ``size`` in eighths of a point,
    ``space`` its distance from the text in points."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    ppr = paragraph._p.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = parse_xml(f"<w:pBdr {nsdecls('w')}/>")
        ppr.append(borders)
    borders.append(
        parse_xml(
            f'<w:{side} {nsdecls("w")} w:val="single" w:sz="{size}" w:space="{space}" w:color="{color}"/>'
        )
    )


def add_runs(paragraph: Any, text: str) -> list[Any]:
    """``text`` added to ``paragraph`` as runs: each unit ``joined`` holds together in a run of its
    own whose East Asian language is not Chinese, so LibreOffice honours its word joiners."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    runs = []
    for piece, unit in unit_runs(text):
        run = paragraph.add_run(piece)
        if unit:
            # not words: the run's language, Word XML
            run._r.get_or_add_rPr().append(
                parse_xml(f'<w:lang {nsdecls("w")} w:val="en-US" w:eastAsia="en-US"/>')
            )
        runs.append(run)
    return runs


def add_para(doc: Any, text: str = "", **how: Any) -> Any:
    """A paragraph of ``text`` in the body's style unless ``how`` says otherwise: align, before (pt),
    left, right, first (indents in pt), keep, size (pt), face (East Asian font), color, line (pt)."""
    from docx.shared import Pt, RGBColor

    paragraph = doc.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.alignment = how.get("align")
    fmt.space_before = Pt(how.get("before", 0))
    fmt.left_indent = Pt(how.get("left", 0))
    fmt.right_indent = Pt(how.get("right", 0))
    fmt.first_line_indent = Pt(how.get("first", 0))
    fmt.keep_with_next = how.get("keep", False)
    if "line" in how:
        fmt.line_spacing = Pt(how["line"])
    for run in add_runs(paragraph, text):
        if "size" in how:
            run.font.size = Pt(how["size"])
        if "face" in how:
            set_fonts(run._r.get_or_add_rPr(), how["face"])
        if "color" in how:
            run.font.color.rgb = RGBColor.from_string(how["color"])
    return paragraph


def gongwen_head(doc: Any, paper: Paper) -> None:
    """版头 (7.2): the 发文机关标志 in red 小标宋, centred, its top 35 mm below the type area's top and
    sized to fit one line; 空二行; the 发文字号 centred, with the red separator line 4 mm below it,
    as wide as the type area (a bottom border ``w:space`` 4 pt under the line: 4.2 mm from the
    characters' bottom in LibreOffice, measured)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    center = WD_ALIGN_PARAGRAPH.CENTER
    # Every character counted whole: Word may set a sign such as × in the Chinese face.
    size = min(MARK_MAX, math.floor((TYPE_WIDTH - 2) / max(len(paper.mark), 1)))
    mark = add_para(doc, paper.mark, align=center, size=size, face=TITLE_FONT[0], color=RED, line=size + 10)
    mark.paragraph_format.space_before = Mm(34)  # the glyphs' tops land at 35 mm (measured)
    off_grid(mark)
    number = add_para(doc, joined(paper.reference), align=center, before=2 * LINE)
    rule(number, "bottom", 12, RED, space=4)


def gongwen_title(doc: Any, lines: tuple[str, ...], before: float) -> Any:
    """标题 (7.3.1): 2号小标宋, centred, its lines split by hand (梯形), each a run after a line break."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

    paragraph = add_para(doc, align=WD_ALIGN_PARAGRAPH.CENTER, before=before, keep=True)
    paragraph.style = doc.styles["Title"]
    for n, line in enumerate(lines):
        runs = add_runs(paragraph, joined(line))
        if n + 1 < len(lines):
            runs[-1].add_break(WD_BREAK.LINE)
    return paragraph


def recipients(doc: Any, paper: Paper) -> None:
    """主送机关 (7.3.2): 标题下空一行, 居左顶格, ending in a full-width colon."""
    if paper.recipients:
        add_para(doc, joined(paper.recipients, paper.keep), before=LINE)


def attachment_note(doc: Any, paper: Paper) -> None:
    """附件说明 (7.3.4): 正文下空一行, 左空二字, "附件：name" with no final punctuation; a second line
    would align with the name's first character (a hanging indent)."""
    lead = width_zi(BULLETIN("attachment_note", paper.lang, name="")) * ZI
    note = BULLETIN("attachment_note", paper.lang, name=paper.attachment)
    add_para(doc, note, before=LINE, left=2 * ZI + lead, first=-lead, keep=True)


def signature(doc: Any, paper: Paper) -> None:
    """发文机关署名 and 成文日期 (7.3.5). No seal (7.3.5.2): 下空一行右空二字 the signature; the date on
    the next line, its first character two characters right of the signature's, or 右空二字 when it is
    the longer (the signature then moves left). Seal (7.3.5.1): the date 右空四字, the signature centred
    over it, two lines left above for the seal."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    sig, date = width_zi(paper.signature), width_zi(paper.dated)
    if paper.seal:
        date_r = 4.0
        sig_r = max(0.0, date_r + (date - sig) / 2)
        before = 2 * LINE
    else:
        sig_r = 2.0
        if date + 2 > sig:
            date_r, sig_r = 2.0, 2.0 + (date + 2 - sig)
        else:
            date_r = sig_r + sig - 2 - date
        before = LINE
    right = WD_ALIGN_PARAGRAPH.RIGHT
    add_para(doc, joined(paper.signature), align=right, right=sig_r * ZI, before=before, keep=True)
    add_para(doc, joined(paper.dated), align=right, right=date_r * ZI)


def attachment_page(doc: Any, paper: Paper) -> None:
    """附件 (7.3.7): on a new page, "附件" in 3号黑体 顶格 on the first line, its title (2号小标宋)
    centred on the third line; the ranking table follows."""
    from docx.enum.text import WD_BREAK

    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    add_para(doc, BULLETIN("attachment_head", paper.lang), face=HEADING_FONT[0], keep=True)
    gongwen_title(doc, (paper.attachment,), before=LINE)
    add_para(doc, keep=True)


def _note_table(doc: Any, texts: list[str], lang: Lang) -> None:
    """The 版记's (or 报尾's) rows as one full-width table: 1 pt rules above and below, 0.75 pt between
    (7.4.1), 四号仿宋 (14 pt), 左右各空一字, a second line aligned after the lead's colon (抄送：);
    rows never split and kept together."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Mm, Pt

    table = doc.add_table(rows=len(texts), cols=1)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    # not words: the 版记's rules, Word XML
    tbl_pr.append(
        parse_xml(
            f'<w:tblBorders {nsdecls("w")}><w:top w:val="single" w:sz="8" w:color="000000"/>'
            '<w:bottom w:val="single" w:sz="8" w:color="000000"/>'
            '<w:insideH w:val="single" w:sz="6" w:color="000000"/><w:left w:val="nil"/>'
            '<w:right w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>'
        )
    )
    # not words: no cell margins, Word XML
    margins = '<w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/>'
    tbl_pr.append(parse_xml(f"<w:tblCellMar {nsdecls('w')}>{margins}</w:tblCellMar>"))
    for row, text in zip(table.rows, texts, strict=True):
        row._tr.get_or_add_trPr().append(parse_xml(f'<w:cantSplit {nsdecls("w")} w:val="true"/>'))
        cell = row.cells[0]
        cell.width = Mm(156)
        paragraph = cell.paragraphs[0]
        fmt = paragraph.paragraph_format
        fmt.keep_with_next = True
        fmt.first_line_indent = Pt(0)
        fmt.line_spacing = Pt(LINE)
        lead, colon, rest = text.partition(BULLETIN("colon", lang).strip())
        tab = "\t" in text
        hang = width_zi(lead + colon) * NOTE_ZI if colon and rest and not tab else 0
        fmt.left_indent = Pt(NOTE_ZI + hang)
        fmt.first_line_indent = Pt(-hang)
        fmt.right_indent = Pt(NOTE_ZI)
        if tab:
            from docx.enum.text import WD_TAB_ALIGNMENT

            fmt.tab_stops.add_tab_stop(Pt(TYPE_WIDTH - NOTE_ZI), WD_TAB_ALIGNMENT.RIGHT)
        for run in add_runs(paragraph, text):
            run.font.size = Pt(NOTE_ZI)
            set_fonts(run._r.get_or_add_rPr(), BODY_FONT[0])


def note_block(doc: Any, paper: Paper) -> None:
    """版记 (7.4): 抄送 … 。 then 印发机关 \\t 印发日期印发, between rules the type area wide.

    Inline at the end of the document (after the 附件, which 7.3.7 puts before the 版记), not at the
    foot of the last page as 7.4.1 wants: LibreOffice floats a bottom-anchored table only when it is
    narrower than the type area (measured: ≤151 mm of 156), and a two-pass layout would need a
    LibreOffice run for every Word file. A blank line above it; its rows kept together."""
    add_para(doc, keep=True)
    rows = [joined(paper.cc, paper.keep)] if paper.cc else []
    rows.append(f"{joined(paper.printed_by)}\t{joined(paper.printed_on)}")
    _note_table(doc, rows, paper.lang)


def tongbao_head(doc: Any, paper: Paper) -> None:
    """情况通报's 报头: its name in red 小标宋, centred; "2026年第N期" under it; the 编发单位 left and the
    date right on one line, above a red line as wide as the type area."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.shared import Mm, Pt

    center = WD_ALIGN_PARAGRAPH.CENTER
    size = min(MARK_MAX + 6, math.floor((TYPE_WIDTH - 2) / max(len(paper.mark), 1)))
    head = add_para(doc, paper.mark, align=center, size=size, face=TITLE_FONT[0], color=RED, line=size + 12)
    head.paragraph_format.space_before = Mm(10)
    off_grid(head)
    add_para(doc, joined(paper.reference), align=center, before=LINE / 2)
    line = add_para(doc, f"{joined(paper.editor)}\t{joined(paper.dated)}", before=LINE)
    line.paragraph_format.tab_stops.add_tab_stop(Pt(TYPE_WIDTH), WD_TAB_ALIGNMENT.RIGHT)
    rule(line, "bottom", 18, RED, space=4)


def tongbao_tail(doc: Any, paper: Paper) -> None:
    """情况通报's optional 报尾: 送：…。 and 发：…。 between rules, as the 版记."""
    rows = [joined(text, paper.keep) for text in (paper.send_to, paper.give_to) if text]
    if rows:
        add_para(doc, keep=True)
        _note_table(doc, rows, paper.lang)


def memo_head(doc: Any, paper: Paper) -> None:
    """An English bulletin's memo heading: From, To, Reference and Date, a rule under them."""
    lines = [
        BULLETIN("memo_from", "en", who=paper.signature or paper.editor),
        paper.recipients,
        BULLETIN("memo_ref", "en", ref=paper.reference),
        BULLETIN("memo_date", "en", date=paper.dated),
    ]
    last = None
    for text in (t for t in lines if t):
        last = add_para(doc, text)
    if last is not None:
        rule(last, "bottom", 8, space=6)
