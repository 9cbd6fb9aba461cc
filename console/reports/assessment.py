"""The province's assessment results for a year: a protected entry workbook, and reading it back.

The commission types the published results (star, tier, score, rank within the tier and the number
of zones in that tier) into one workbook for every zone; ``devzones ingest`` reads it back through
the same transaction as quarterly reports. Every rule it checks is listed in data/README.md. Its
problems are :class:`~console.reports.words.Problem` messages, each naming the sheet and cell, shown
in the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

import polars as pl

from console.core.text import Said, in_lang
from console.data.dataset import Dataset
from console.data.scales import STAR_MAX, TIER_MAX, TIER_MIN, star_label, tier_label
from console.reports.rows import SheetRows, blank, finite, open_sheet, whole
from console.reports.template import ReportRejected, place_workbook
from console.reports.words import Problem, at
from console.words import Lang, in_lang_of, pick
from console.words.reports import REPORTS

SHEET = REPORTS.pair("sheet_assessment")  # the sheet's name says the workbook's language
YEAR_ROW = 4  # spreadsheet row holding the year (column C)
HEADER_ROW = 6
FIRST_ROW = 7
# A province has a few hundred development zones (Henan: 184), so no tier holds more than this: a larger
# number is a typo, and one beyond 64 bits would overflow the table's integer column.
MAX_TIER_SIZE = 1000
MAX_EXTRA_ROWS = 200  # blank or copied rows tolerated below the zones before a sheet is taken for damaged
# Input columns (spreadsheet letters) and what each holds.
INPUTS = (("C", "star"), ("D", "tier"), ("E", "score"), ("F", "province_rank"), ("G", "tier_size"))


@dataclass
class Result:
    star: int | None
    tier: int
    score: float
    province_rank: int
    tier_size: int

    def describe(self) -> Said:
        """The result in a change listing, in both languages: 'star 2, tier 3, …' and '二星、三档、…'."""
        place = f"{self.province_rank}/{self.tier_size}"

        def words(lang: Lang, star: str, tier: str) -> str:
            star = REPORTS("asm_no_star", lang) if self.star is None else star
            return REPORTS("asm_result", lang, star=star, tier=tier, score=f"{self.score:g}", place=place)

        star = self.star or 0
        return Said(
            words("en", str(star), str(self.tier)), words("zh", star_label(star), tier_label(self.tier))
        )


@dataclass
class Assessment:
    """The results typed into one assessment workbook, by zone (full name)."""

    source: str
    year: int
    results: dict[str, Result] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)  # zone -> spreadsheet row, for messages
    sheet: str = ""  # the sheet's name, for messages
    names: dict[str, Said] = field(default_factory=dict)  # zone -> its name in each language

    def cells(self, column: str, zones: list[str]) -> Problem:
        """Where ``zones`` were given: the sheet and their cells in ``column`` (the rows read)."""
        listed = [f"{column}{self.rows[z]}" for z in zones if z in self.rows]
        if len(listed) == 1:
            return Problem("sheet_cell", sheet=self.sheet, cell=listed[0])
        return Problem("sheet_cells", sheet=self.sheet, cells=_listed(listed))

    def name(self, zone: str) -> Said:
        return self.names.get(zone) or Said(zone, zone)


def zone_names(ds: Dataset) -> dict[str, Said]:
    """Each zone's full name in English and Chinese (the Chinese one where the English is missing)."""
    return {
        zone: Said(name_en or zone, zone)
        for zone, name_en in ds["zones"].select("zone", "name_en").iter_rows()
    }


def unpublished(year: int, today: date) -> Problem | None:
    """Why results for ``year`` cannot be known on ``today`` (the province publishes a year's results
    during the following year), or None."""
    if year >= today.year:
        return Problem("year_unpublished", year=year, next=year + 1, today=today)
    return None


def check_year(ds: Dataset, year: int, today: date) -> Problem | None:
    """Why an assessment workbook for ``year`` cannot be made or ingested, or None."""
    if year not in ds.years:
        return Problem("year_outside_plan", year=year, first=ds.years[0], last=ds.years[-1])
    return unpublished(year, today)


def make_assessment_template(
    ds: Dataset, year: int, out: Path, lang: Lang = "zh", force: bool = False, today: date | None = None
) -> Path:
    """Write the entry workbook for ``year``'s results: one row per zone, only the input cells unlocked,
    each with validation; results already in the dataset are filled in, so a revision shows old -> new."""
    import xlsxwriter

    problem = check_year(ds, year, today or date.today())
    if problem:
        raise ReportRejected("--assessment", [problem])
    zones = ds["zones"].select("zone", "short_name", "short_name_en").rows()
    known = {
        row[0]: row[1:]
        for row in ds["assessments"]
        .filter(pl.col("year") == year)
        .select("zone", "star", "tier", "score", "province_rank", "tier_size")
        .iter_rows()
    }

    def write(handle: IO[bytes]) -> None:
        book = xlsxwriter.Workbook(handle, {"in_memory": True, "strings_to_formulas": False})
        sheet = book.add_worksheet(pick(SHEET, lang))
        formats = {
            "bold": book.add_format({"bold": True, "font_size": 14}),
            "head": book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True}),
            "wrap": book.add_format({"text_wrap": True, "valign": "top"}),
            "whole": book.add_format(
                {"locked": False, "bg_color": "#FFF2CC", "border": 1, "num_format": "0"}
            ),
            "decimal": book.add_format(
                {"locked": False, "bg_color": "#FFF2CC", "border": 1, "num_format": "0.0"}
            ),
        }
        _assessment_head(sheet, formats, year, lang)
        _assessment_rows(sheet, formats, zones, known, lang)
        sheet.protect("", {"select_locked_cells": True, "select_unlocked_cells": True})
        book.close()

    return place_workbook(out, write, force)


# The entry workbook's input columns, in order (C to G), by their heading's key in the catalogue.
HEADINGS = ("asm_zone", "asm_star", "asm_tier", "asm_score", "asm_rank", "asm_tier_size")


def _assessment_head(sheet: Any, formats: dict[str, Any], year: int, lang: Lang) -> None:
    """The columns, the title and the guide, the year, and the headings of the zones' rows."""
    sheet.set_column(0, 0, 30, None, {"hidden": True})
    sheet.set_column(1, 1, 16)
    sheet.set_column(2, 6, 12)
    sheet.write_string(0, 1, REPORTS("asm_title", lang, year=year), formats["bold"])
    sheet.merge_range(1, 1, 1, 6, REPORTS("asm_guide", lang), formats["wrap"])
    sheet.set_row(1, 60)
    sheet.write_string(YEAR_ROW - 1, 0, "year")
    sheet.write_string(YEAR_ROW - 1, 1, REPORTS("asm_year", lang), formats["head"])
    sheet.write_number(YEAR_ROW - 1, 2, year)
    sheet.write_string(HEADER_ROW - 1, 0, "header")
    for col, key in enumerate(HEADINGS, start=1):
        sheet.write_string(HEADER_ROW - 1, col, REPORTS(key, lang), formats["head"])


def _assessment_rows(
    sheet: Any,
    formats: dict[str, Any],
    zones: list[tuple[Any, ...]],
    known: dict[str, tuple[Any, ...]],
    lang: Lang,
) -> None:
    """One row per zone, its inputs validated and filled with the results the dataset already has."""
    rules = (
        {"validate": "integer", "criteria": "between", "minimum": 0, "maximum": STAR_MAX},
        {"validate": "integer", "criteria": "between", "minimum": TIER_MIN, "maximum": TIER_MAX},
        {"validate": "decimal", "criteria": "between", "minimum": 0, "maximum": 100},
        {"validate": "integer", "criteria": "between", "minimum": 1, "maximum": MAX_TIER_SIZE},
        {"validate": "integer", "criteria": "between", "minimum": 1, "maximum": MAX_TIER_SIZE},
    )
    last = FIRST_ROW - 1 + len(zones) - 1
    for offset, rule in enumerate(rules):
        col = 2 + offset
        message = {"error_message": Problem("out_of_range").text(lang)}
        sheet.data_validation(FIRST_ROW - 1, col, last, col, {**rule, **message})
    for i, (zone, short, short_en) in enumerate(zones):
        row = FIRST_ROW - 1 + i
        sheet.write_string(row, 0, zone)
        sheet.write_string(row, 1, in_lang_of(short, short_en, lang))
        values = known.get(zone)
        for offset in range(5):
            fmt = formats["decimal" if offset == 2 else "whole"]
            value = None if values is None else values[offset]
            if values is not None and offset == 0 and value is None:
                value = 0  # a published result without a star
            if value is None:
                sheet.write_blank(row, 2 + offset, None, fmt)
            else:
                sheet.write_number(row, 2 + offset, value, fmt)


def is_assessment_workbook(path: Path) -> bool:
    """Whether ``path`` is an .xlsx holding an assessment sheet (else it is read as a quarterly report)."""
    if path.suffix.lower() != ".xlsx" or not path.is_file():
        return False
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True)
    except Exception:  # damaged: the quarterly reader names the problem
        return False
    try:
        return any(name in book.sheetnames for name in SHEET)
    finally:
        book.close()


def read_assessment(ds: Dataset, path: Path, today: date | None = None) -> Assessment:
    """Read and check one assessment workbook; ReportRejected lists every problem, by sheet and cell."""
    today = today or date.today()
    source = path.name
    sheet, last = open_sheet(path, SHEET, first_line=False)
    rows = SheetRows(sheet.title)
    found = sheet[f"C{YEAR_ROW}"].value
    year = whole(found)
    if sheet[f"A{YEAR_ROW}"].value != "year" or year is None:
        raise ReportRejected(source, [at(rows.place(f"C{YEAR_ROW}"), "expected_year", found=found)])
    wrong_year = check_year(ds, year, today)
    if wrong_year:
        raise ReportRejected(source, [Problem("at", place=rows.place(f"C{YEAR_ROW}"), what=wrong_year)])
    names = zone_names(ds)
    # assessment.rows is the checker's: each zone's row, for the messages of merge_assessments.
    assessment = Assessment(source, year, rows=rows.first, sheet=sheet.title, names=names)
    if last > FIRST_ROW + len(names) + MAX_EXTRA_ROWS:  # a damaged or hostile sheet: not a million rows
        raise ReportRejected(source, [at(rows.whole(), "too_many_rows", rows=last, zones=len(names))])
    for r in range(FIRST_ROW, last + 1):
        _read_row(sheet, r, rows, assessment)
    if not rows.problems and not assessment.results:
        rows.problems.append(at(rows.whole(), "no_results"))
    rows.reject_if_any(source)
    return assessment


def _read_row(sheet: Any, r: int, rows: SheetRows, assessment: Assessment) -> None:
    """One row below the headings: a zone of the dataset given once, and its result when published."""
    zone = sheet[f"A{r}"].value
    cells = {key: sheet[f"{col}{r}"].value for col, key in INPUTS}
    if blank(zone) and all(blank(v) for v in cells.values()):
        return
    if zone not in assessment.names:
        rows.add(f"A{r}", "not_a_zone", zone=zone)
        return
    zone = str(zone)
    if not rows.once(zone, r, f"A{r}", "zone_twice", zone=assessment.names[zone]):
        return
    if all(blank(v) for v in cells.values()):
        return  # not published for this zone: left empty
    result, bad = checked_result(cells)
    columns = {key: col for col, key in INPUTS}
    for key, message, values in bad:
        found = "" if cells[key] is None else cells[key]
        rows.add(f"{columns[key]}{r}", message, found=found, **values)
    if result is not None:
        assessment.results[zone] = result


def checked_result(
    cells: dict[str, object],
) -> tuple[Result | None, list[tuple[str, str, dict[str, object]]]]:
    """A row's five inputs as a Result, or None and each input that cannot be right: (input, message,
    its values). A blank star is none; the rank is within the tier's size when that size is right."""
    bad: list[tuple[str, str, dict[str, object]]] = []
    star = whole(cells["star"]) if not blank(cells["star"]) else 0
    if star is None or not 0 <= star <= STAR_MAX:
        bad.append(("star", "expected_star", {"top": STAR_MAX}))
    tier = whole(cells["tier"])
    if tier is None or not TIER_MIN <= tier <= TIER_MAX:
        bad.append(("tier", "expected_tier", {"first": TIER_MIN, "last": TIER_MAX}))
    score = finite(cells["score"])
    if score is None or not 0 <= score <= 100:
        bad.append(("score", "expected_score", {}))
    size = whole(cells["tier_size"])
    if size is None or not 1 <= size <= MAX_TIER_SIZE:
        bad.append(("tier_size", "expected_tier_size", {"top": MAX_TIER_SIZE}))
        size = None
    rank = whole(cells["province_rank"])
    if rank is None or rank < 1 or (size is not None and rank > size):
        if size is not None:
            bad.append(("province_rank", "expected_rank_upto", {"size": size}))
        else:
            bad.append(("province_rank", "expected_rank", {}))
    if bad:
        return None, bad
    assert tier is not None and score is not None and rank is not None and size is not None
    return Result(star or None, tier, score, rank, size), bad


def merge_assessments(
    frame: pl.DataFrame, batch: list[Assessment]
) -> tuple[pl.DataFrame, list[tuple[str, str, object, object]], list[ReportRejected]]:
    """``frame`` (the assessments table) with the batch's results set, each (zone-year key, zone, old,
    new) that changed, and the workbooks rejected because the merged year breaks a rule: a rank used
    twice in one tier, or one tier given different sizes."""
    changes: list[tuple[str, str, object, object]] = []
    rejected: list[ReportRejected] = []
    seen: dict[tuple[str, int], str] = {}
    for assessment in batch:
        twice: list[str] = []
        for zone, result in assessment.results.items():
            other = seen.get((zone, assessment.year))
            if other is not None and other != assessment.source:
                twice.append(
                    at(
                        assessment.cells("A", [zone]),
                        "result_twice",
                        zone=assessment.name(zone),
                        year=assessment.year,
                        other=other,
                    )
                )
                continue
            seen[(zone, assessment.year)] = assessment.source
            mask = (pl.col("zone") == zone) & (pl.col("year") == assessment.year)
            old_rows = frame.filter(mask)
            old = None
            if old_rows.height:
                o = old_rows.row(0, named=True)
                old = Result(o["star"], o["tier"], o["score"], o["province_rank"], o["tier_size"]).describe()
            row = pl.DataFrame(
                [
                    {
                        "zone": zone,
                        "year": assessment.year,
                        "star": result.star,
                        "tier": result.tier,
                        "score": result.score,
                        "province_rank": result.province_rank,
                        "tier_size": result.tier_size,
                    }
                ],
                schema={k: frame.schema[k] for k in frame.columns if k != "notes"},
            )
            frame = pl.concat([frame.filter(~mask), row], how="diagonal_relaxed")
            if old != result.describe():
                changes.append((f"{zone} {assessment.year}", zone, old, result.describe()))
        if twice:
            rejected.append(ReportRejected(assessment.source, twice))
    for assessment in batch:
        problems = year_problems(frame.filter(pl.col("year") == assessment.year), assessment)
        if problems:
            rejected.append(ReportRejected(assessment.source, problems))
    return frame.sort("zone", "year"), changes, rejected


def year_problems(year: pl.DataFrame, assessment: Assessment) -> list[str]:
    """What the merged results of ``assessment``'s year (``year``) break where this workbook gave a
    result: a rank shared in a tier (column F), a tier given different sizes (G); in tier order."""
    problems: list[tuple[int, str, Problem]] = []  # (tier, column, problem): in tier order
    for (tier, rank), group in year.group_by("tier", "province_rank"):
        zones = sorted(group.get_column("zone").to_list(), key=lambda z: assessment.rows.get(z, 0))
        if len(zones) > 1 and any(z in assessment.results for z in zones):
            problem = at(
                assessment.cells("F", zones),
                "rank_shared",
                tier=_tier(tier),
                rank=rank,
                count=len(zones),
                zones=_listed([assessment.name(z) for z in zones]),
            )
            problems.append((tier, "F", problem))
    for (tier,), group in year.group_by("tier"):
        sizes = sorted(set(group.get_column("tier_size").to_list()))
        if len(sizes) > 1 and any(z in assessment.results for z in group.get_column("zone")):
            # The cells to look at: those of this workbook giving a size other than the most common.
            common = group.get_column("tier_size").mode().sort().item(0)
            odd = group.filter(pl.col("tier_size") != common).get_column("zone").to_list()
            here = [z for z in odd if z in assessment.rows] or [
                z for z in group.get_column("zone") if z in assessment.rows
            ]
            here.sort(key=lambda z: assessment.rows[z])
            listed = _listed([str(size) for size in sizes])
            problem = at(assessment.cells("G", here), "sizes_differ", tier=_tier(tier), sizes=listed)
            problems.append((tier, "G", problem))
    return [problem for *_, problem in sorted(problems, key=lambda item: item[:2])]


def _tier(tier: int) -> Said:
    return Said(tier_label(tier, "en"), tier_label(tier, "zh"))


def _listed(items: list[str]) -> Said:
    """Items (a zone's names, sizes) as each language lists them: 'a, b' and 'a、b'."""
    return Said(
        REPORTS("list_sep", "en").join(items),
        REPORTS("list_sep", "zh").join(in_lang(item, "zh") for item in items),
    )
