"""The monthly bulletin laid out as a document: its ``Bulletin`` as ``Block``s in reading order, one
builder per section, which every format (Markdown, Word, XLSX) renders alike."""

from __future__ import annotations

from datetime import date

from console.engine.rules import flag_explained
from console.outputs.bulletin_build import area_owner, quarter_words
from console.outputs.bulletin_model import Block, Bulletin, sentence
from console.present.labels import text as label_text
from console.words import Lang
from console.words.bulletin import BULLETIN

# At most this many transitions of a kind are listed (the worst); a province-sized set would otherwise
# fill pages: a last line says how many more and the command that lists them all.
COMPARED_LIMIT = 30
# The six sections in order (their headings are numbered in the words: 一、… / 1. …).
SECTIONS = ("overall", "compared", "ranking", "consequences", "lagging", "reports")
# A spreadsheet number format per kind of the ranking's typed values (bulletin_xlsx.py writes them).
_NUMBER_FORMATS = {"int": "0", "float": "0.0", "share": "0.0%"}


def heading_words(lang: Lang) -> tuple[str, str, str, str, str, str]:
    """The six section headings, numbered as a Chinese official document numbers them (一、…)."""
    one, two, three, four, five, six = (BULLETIN(f"heading_{section}", lang) for section in SECTIONS)
    return one, two, three, four, five, six


def document(b: Bulletin, commands: bool = True) -> list[Block]:
    """The bulletin's content once, in reading order; every format renders these blocks. Without
    ``commands`` (Word, PDF, Excel: a document sent up) it names no command line."""
    heads = heading_words(b.lang)
    blocks = front_blocks(b)
    blocks += [Block("heading", heads[0]), Block("para", b.summary), Block("heading", heads[1])]
    blocks += compared_blocks(b, commands)
    blocks += [Block("heading", heads[2]), ranking_block(b), Block("heading", heads[3])]
    blocks += consequence_blocks(b)
    blocks.append(Block("heading", heads[4]))
    blocks += lagging_blocks(b)
    blocks.append(Block("heading", heads[5]))
    blocks += [Block("item", line) for line in b.reports]
    blocks.append(Block("para", bulletin_closing(b, b.lang)))
    return blocks


def front_blocks(b: Bulletin) -> list[Block]:
    """The title, the note of the data's quarter and source, and the warnings: a month after the data
    (written with --beyond-data, said in the document itself in every format) and sample data."""
    area = bulletin_area(b, b.lang)
    month_name = date(b.year, b.month, 1).strftime("%B")  # the same title in every format
    title = BULLETIN("title", b.lang, area=area, year=b.year, month=b.month, month_name=month_name)
    lines = BULLETIN("title_lines", b.lang, area=area, year=b.year, month=b.month, month_name=month_name)
    if b.no_data:
        note = BULLETIN("note_no_data", b.lang, source=b.title)
    else:
        note = BULLETIN("note", b.lang, quarter=quarter_words(b.quarter, b.lang), source=b.title)
    # The title split by hand at word boundaries, for the Word 通报's 标题 (7.3.1: 梯形).
    blocks = [Block("title", title, lines=tuple(lines.split("\n"))), Block("note", note)]
    if b.warning:
        blocks.append(Block("sample", b.warning, lead=label_text("bulletin_warning_lead", b.lang)))
    if b.sample:
        note = label_text("bulletin_sample_own" if b.coverage.own_targets else "bulletin_sample", b.lang)
        blocks.append(Block("sample", note, lead=label_text("sample_lead", b.lang)))
    return blocks


def compared_blocks(b: Bulletin, commands: bool = True) -> list[Block]:
    """与上期相比: a sentence saying against which quarter and how many, then one group per kind of
    change (target missed, status changed, target met), each listing its transitions worst first;
    ``commands``: naming the ``devzones changes`` command that lists them all."""
    if b.previous is None:
        return [Block("para", BULLETIN("compared_no_data" if b.no_data else "compared_no_previous", b.lang))]
    when = quarter_words(b.previous, b.lang, "quarter_end")
    if not b.compared:
        return [Block("para", BULLETIN("compared_unchanged", b.lang, when=when))]
    counts = BULLETIN("list_sep", b.lang).join(
        BULLETIN("compared_count", b.lang, kind=kind, n=len(lines)) for kind, lines in b.compared_lines
    )
    # The scope in words: ``devzones changes`` counts ranks, reports and revisions too (a larger figure).
    command = f"devzones changes --from {b.previous} --to {b.quarter}"
    if commands:
        lead = label_text("compared_lead", b.lang).format(
            when=when, n=len(b.compared), counts=counts, command=command
        )
    else:
        lead = BULLETIN("compared_lead_paper", b.lang, when=when, n=len(b.compared), counts=counts)
    blocks = [Block("para", lead)]
    for kind, lines in b.compared_lines:
        shown = lines[:COMPARED_LIMIT]
        if len(lines) > COMPARED_LIMIT:
            more = len(lines) - COMPARED_LIMIT
            key = "compared_more" if commands else "compared_more_paper"
            shown.append(BULLETIN(key, b.lang, more=more, command=command))
        blocks.append(Block("group", lead=kind, lines=tuple(shown)))
    return blocks


def _shown_format(rows: list[tuple[str, ...]], column: int) -> str:
    """The spreadsheet format showing a column's numbers with the decimals its text shows (a score's
    precision is decided once, console.present.formatter.distinct_digits)."""
    shown = next((r[column] for r in rows if "." in r[column]), "")
    digits = len(shown.rsplit(".", 1)[1]) if shown else 0
    return "0." + "0" * digits if digits else "0"


def ranking_block(b: Bulletin) -> Block:
    """The ranking table from the Rankings model (``b.table``): its text as on screen, and its numbers
    (rank, score, change) as numbers for the spreadsheet."""
    table = b.table
    assert table is not None
    rows: list[tuple[str, ...]] = []
    values: list[tuple[float | int | None, ...]] = []
    single = [len(c.fields) == 1 and c.fields[0].kind in _NUMBER_FORMATS for c in table.columns]
    for row in table.rows:
        rows.append(tuple(cell.text for cell in row.cells))
        values.append(
            tuple(cell.values[0] if one else None for cell, one in zip(row.cells, single, strict=True))
        )
    formats = tuple(
        (
            '"↑"0;"↓"0;"="'  # as the ranking shows a move everywhere else: ↑2 ↓3 =
            if c.key == "change"
            else _shown_format(rows, i)
            if c.key == "score"
            else _NUMBER_FORMATS[c.fields[0].kind]
        )
        if one
        else ""
        for i, (c, one) in enumerate(zip(table.columns, single, strict=True))
    )
    return Block(
        "table",
        columns=tuple(c.label for c in table.columns),
        numeric=tuple(c.numeric for c in table.columns),
        rows=tuple(rows),
        values=tuple(values),
        formats=formats,
    )


def consequence_blocks(b: Bulletin) -> list[Block]:
    """考核奖惩情况: the published results the rules rest on, then each rule with the zones it names."""
    blocks = []
    if b.result_year:
        area = area_owner(b.coverage.ranked_in, b.lang)
        blocks.append(Block("para", BULLETIN("results_basis", b.lang, year=b.result_year, area=area)))
    if not b.consequences:
        blocks.append(Block("para", BULLETIN("none_apply", b.lang)))
    for flag, zones in b.consequences:
        joined = BULLETIN("list_sep", b.lang).join(zones)
        rule = flag_explained(flag, b.lang)
        blocks.append(Block("item", sentence(BULLETIN("consequence", b.lang, rule=rule, zones=joined))))
    return blocks


def lagging_blocks(b: Bulletin) -> list[Block]:
    """重点任务推进滞后情况: one group per responsible unit, its lagging tasks the lines."""
    if not b.lagging:
        return [Block("para", BULLETIN("no_lag", b.lang))]
    return [Block("group", lead=unit, lines=tuple(lines)) for unit, lines in b.lagging]


def bulletin_area(b: Bulletin, lang: Lang) -> str:
    """Whose zones the bulletin covers, for its title: the plan's city (驻马店市), or the area a generated
    or other set covers (全省/全国, console.engine.coverage), never Zhumadian for a national set."""
    if b.coverage.area == "city" and not b.coverage.own_targets:
        return label_text("plan_city", lang)
    return label_text(f"bulletin_area_{b.coverage.area}", lang)


def bulletin_closing(b: Bulletin, lang: Lang) -> str:
    """The closing request and its addressees, by the same rule as the title (``bulletin_area``): the
    plan's own counties and working groups for Zhumadian's set; neutral words for any other (a national
    or provincial set, a generated one), whose addressees the plan does not name."""
    plan = b.coverage.area == "city" and not b.coverage.own_targets
    return label_text("bulletin_closing_plan" if plan else "bulletin_closing_other", lang)
