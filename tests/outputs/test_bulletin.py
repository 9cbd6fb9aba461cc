"""The monthly bulletin: period handling, content, golden file, file safety."""

from __future__ import annotations

import os
import re
from pathlib import Path

import openpyxl
import pytest

from console.cli import main
from console.data.scales import Period
from console.outputs.bulletin import (
    BulletinError,
    build_bulletin,
    compared_blocks,
    data_quarter,
    parse_month,
    render_markdown,
)

GOLDEN = Path(__file__).parent / "golden"


def test_periods() -> None:
    assert parse_month("2026-10") == (2026, 10) and parse_month("2026年3月") == (2026, 3)
    with pytest.raises(BulletinError):
        parse_month("2026-13")
    assert data_quarter(2026, 10) == Period(2026, 3)
    assert data_quarter(2026, 9) == Period(2026, 3)
    assert data_quarter(2026, 8) == Period(2026, 2)
    assert data_quarter(2026, 2) == Period(2025, 4)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_golden_bulletin(dataset, settings, lang: str) -> None:
    text = render_markdown(build_bulletin(dataset, settings, "2026-10", lang))
    path = GOLDEN / f"bulletin-2026-10.{lang}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_bulletin_content_follows_the_engine(dataset, settings) -> None:
    from console.engine.evaluation import evaluate

    b = build_bulletin(dataset, settings, "2026-10")
    ev = evaluate(dataset, settings, 2026)
    assert [r["zone"] for r in b.ranking][:1] and len(b.ranking) == 11
    late = ev.zones.filter(ev.zones["report_status"] == "late").get_column("short_name").to_list()
    assert all(name in b.reports[0] for name in late)
    assert f"{ev.zones_missing.height}个未达或可能未达" in b.summary
    text = render_markdown(b)
    assert "示例数据" in text and "月度通报（2026年10月）" in text and "数据截至2026年第三季度" in text


def test_an_earlier_month_uses_the_data_of_its_quarter(dataset, settings) -> None:
    b = build_bulletin(dataset, settings, "2025-05")
    assert b.quarter == Period(2025, 1) and "2025年第一季度" in b.summary
    assert b.result_year == 2024  # 2025's results were not out in May 2025


def test_cli_writes_md_and_xlsx_safely(tmp_path: Path, capsys) -> None:
    assert main(["bulletin", "--period", "2026-10", "--out", str(tmp_path)]) == 0
    assert main(["bulletin", "--period", "2026-10", "--out", str(tmp_path)]) == 0  # numbered, not replaced
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "devzones-bulletin-2026-10-2.md",
        "devzones-bulletin-2026-10-2.md.manifest.toml",
        "devzones-bulletin-2026-10.md",
        "devzones-bulletin-2026-10.md.manifest.toml",
    ]
    assert (
        main(
            [
                "bulletin",
                "--period",
                "2026-10",
                "--format",
                "xlsx",
                "--lang",
                "en",
                "--out",
                str(tmp_path / "b.xlsx"),
            ]
        )
        == 0
    )
    book = openpyxl.load_workbook(tmp_path / "b.xlsx")
    assert book.sheetnames == ["Bulletin", "Zones ranked", "About"]
    assert main(["bulletin", "--period", "2026-99", "--out", str(tmp_path), "--lang", "en"]) == 2
    assert "expected a month" in capsys.readouterr().err


_SEVERITY = {"missed": 0, "at_risk": 1, "behind": 1, "not_reported": 2, "no_data": 2}
_SEVERITY |= {"on_track": 3, "on_pace": 3, "ongoing": 3, "met": 4}


def _transitions(dataset, settings, before: Period, after: Period) -> set[tuple]:
    """The status differences between the ends of two quarters, from the engine's evaluations."""
    from console.engine.evaluation import evaluate

    old, new = evaluate(dataset.at(before), settings), evaluate(dataset.at(after), settings)
    out: set[tuple] = set()
    for key, frame, fields in (
        (["zone"], "zones", ("tier_status", "star_status", "revenue_status")),
        (["zone", "industry"], "clusters", ("status",)),
        (["indicator"], "indicators", ("status",)),
    ):
        joined = getattr(old, frame).join(getattr(new, frame), on=key, suffix="_new")
        for row in joined.iter_rows(named=True):
            for f in fields:
                if row[f] != row[f"{f}_new"]:
                    out.add((tuple(row[k] for k in key), f, row[f], row[f"{f}_new"]))
    return out


@pytest.mark.parametrize(("month", "quarter"), [("2026-10", Period(2026, 3)), ("2026-01", Period(2025, 4))])
def test_compared_with_the_previous_period_lists_the_data_s_transitions_worst_first(
    dataset, settings, tmp_path: Path, month: str, quarter: Period
) -> None:
    b = build_bulletin(dataset, settings, month, "en")
    previous = Period.from_index(quarter.index - 1)
    assert b.quarter == quarter and b.previous == previous
    keys = {"zone": ["zone"], "cluster": ["zone", "industry"], "indicator": ["indicator"]}
    listed = [(tuple(getattr(c, k) for k in keys[c.subject]), c.field, c.old, c.new) for c in b.compared]
    assert len(listed) == len(set(listed)) and set(listed) == _transitions(
        dataset, settings, previous, quarter
    )
    # Worst first: targets missed, then other moves (for the worse before for the better), then targets met.
    kinds = ["target_missed", "status", "target_met"]
    order = [
        (
            kinds.index(c.code),
            0 if _SEVERITY[c.new] < _SEVERITY[c.old] else 1 if _SEVERITY[c.new] == _SEVERITY[c.old] else 2,
            _SEVERITY[c.new],
        )
        for c in b.compared
    ]
    assert order == sorted(order)
    # The Markdown, the workbook and the Word document list them in that order, under the heading.
    text = render_markdown(b)
    section = text[text.index("## 2. Compared with the previous quarter's end") : text.index("## 3.")]
    assert f"end of {previous}" in section and f"{len(b.compared)} changes of status" in section
    lines = [line for _, group in b.compared_lines for line in group]
    assert len(lines) == len(b.compared)
    at = [section.index(line) for line in lines]
    assert at == sorted(at) and "：" not in text  # English Markdown: no full-width colon
    for fmt in ("xlsx", "docx"):
        out = tmp_path / f"b.{fmt}"
        assert main(["bulletin", "--period", month, "--lang", "en", "--format", fmt, "--out", str(out)]) == 0
        if fmt == "xlsx":
            cells = [
                c
                for row in openpyxl.load_workbook(out).worksheets[0].iter_rows(values_only=True)
                for c in row
            ]
            body = "\n".join(str(c) for c in cells if c)
        else:
            import docx

            body = "\n".join(p.text for p in docx.Document(str(out)).paragraphs).replace("\u2060", "")
        found = [body.index(line) for line in lines]
        assert found == sorted(found) and body.index("2. Compared with the previous quarter's end") < found[0]


def test_with_no_earlier_quarter_the_section_says_there_is_nothing_to_compare(
    dataset, settings, tmp_path: Path, capsys
) -> None:
    # The sample's first quarter compares with the baseline (2023Q4, the plan's starting values).
    first = build_bulletin(dataset, settings, "2024-04", "en")
    assert first.quarter == Period(2024, 1) and first.previous == Period(2023, 4)
    # A dataset with no quarter yet: nothing to compare, said so.
    fresh = tmp_path / "real"
    assert main(["init", str(fresh)]) == 0
    from console.core.config import load_settings
    from console.data.loader import load_dataset

    b = build_bulletin(load_dataset(fresh), load_settings(data_dir=fresh), "2026-10", "zh")
    assert b.previous is None and not b.compared
    text = render_markdown(b)
    section = text[text.index("## 二、与上季度末相比") : text.index("## 三、")]
    assert "尚无季度进度数据，无从比较。" in section


def test_a_province_sized_set_lists_the_worst_transitions_of_each_kind_and_says_how_many_more(
    tmp_path: Path, capsys
) -> None:
    from console.core.config import load_settings
    from console.data.loader import load_dataset
    from console.outputs.bulletin import COMPARED_LIMIT, document

    out = tmp_path / "province"
    assert main(["generate", "--zones", "184", "--out", str(out)]) == 0
    b = build_bulletin(load_dataset(out), load_settings(data_dir=out), "2026-10", "en")
    groups = [block for block in document(b) if block.kind == "group"]
    compared = {kind: lines for kind, lines in b.compared_lines}
    assert any(len(lines) > COMPARED_LIMIT for lines in compared.values())  # the case at hand
    for block in groups:
        if block.lead not in compared:
            continue
        full = compared[block.lead]
        if len(full) > COMPARED_LIMIT:
            assert list(block.lines[:-1]) == full[:COMPARED_LIMIT]  # the worst ones, in order
            assert (
                block.lines[-1]
                == f"{len(full) - COMPARED_LIMIT} more: see devzones changes --from 2026Q2 --to 2026Q3"
            )
        else:
            assert list(block.lines) == full
    assert f"{len(b.compared)} changes of status" in render_markdown(b)  # the count is of them all


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_bulletin_count_of_changes_says_its_scope_and_the_changes_command_shows_it_inside_its_own(
    dataset, settings, data_dir, lang: str, capsys
) -> None:
    """The bulletin's 19 and ``devzones changes``' 40 for the same quarters are different counts: the
    bulletin says it counts statuses only and names the command for all; the command counts every kind,
    so the bulletin's kinds are found in its breakdown with the same numbers."""
    from console.cli import main
    from console.present.changes_view import code_word

    b = build_bulletin(dataset, settings, "2026-10", lang)
    lead = compared_blocks(b)[0].text
    command = f"devzones changes --from {b.previous} --to {b.quarter}"
    assert command in lead
    assert ("不计在内" in lead) if lang == "zh" else ("not counted here" in lead)
    assert main(["--lang", lang, "changes", "--data", str(data_dir), "--from", str(b.previous)]) == 0
    out = "".join(capsys.readouterr().out.split())  # the head line may wrap at the terminal's width
    head = out[: out.index("）" if lang == "zh" else ")") + 1]
    assert ("全部变化" in head) if lang == "zh" else head.startswith("Allchanges")
    for kind, lines in b.compared_lines:
        code = next(c.code for c in b.compared if code_word(c.code, lang) == kind)
        assert "".join(f"{code_word(code, lang)}{len(lines)}".split()) in head, head
    for word in ("排名变化", "报表到达") if lang == "zh" else ("rankmoved", "reportarrived"):
        assert word in head, head


def _every_format(tmp_path: Path, lang: str) -> dict[str, Path]:
    """The October bulletin written as Markdown, Excel and Word (PDF is Word converted)."""
    written = {}
    for fmt in ("md", "xlsx", "docx"):
        out = written[fmt] = tmp_path / f"b.{fmt}"
        assert (
            main(["bulletin", "--period", "2026-10", "--format", fmt, "--lang", lang, "--out", str(out)]) == 0
        )
    return written


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_title_reads_the_same_in_every_format(tmp_path: Path, lang: str) -> None:
    """A clerk who mails the Markdown and files the Word copy sees one title, never an ISO month."""
    import docx

    titles = {}
    for fmt, out in _every_format(tmp_path, lang).items():
        if fmt == "md":
            titles[fmt] = out.read_text(encoding="utf-8").splitlines()[0].removeprefix("# ")
        elif fmt == "xlsx":
            titles[fmt] = openpyxl.load_workbook(out).worksheets[0]["A1"].value
        else:
            title = next(p for p in docx.Document(str(out)).paragraphs if p.style.name == "Title")
            lines = title.text.replace("\u2060", "").split("\n")
            titles[fmt] = ("" if lang == "zh" else " ").join(line.strip() for line in lines)
    assert len(set(titles.values())) == 1, titles
    assert "2026-10" not in titles["md"]
    assert ("2026年10月" if lang == "zh" else "October 2026") in titles["md"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_bulletin_sent_up_names_no_command_line(tmp_path: Path, lang: str) -> None:
    """A 公文 in Word, PDF or Excel is read by officials: the changes it leaves out are said in words,
    never as ``devzones changes …``; the Markdown (read at a terminal) keeps the command."""
    import docx

    texts = {}
    for fmt, out in _every_format(tmp_path, lang).items():
        if fmt == "md":
            texts[fmt] = out.read_text(encoding="utf-8")
        elif fmt == "xlsx":
            cells = openpyxl.load_workbook(out).worksheets[0].iter_rows(values_only=True)
            texts[fmt] = "\n".join(str(v) for row in cells for v in row if v is not None)
        else:
            texts[fmt] = "\n".join(p.text for p in docx.Document(str(out)).paragraphs).replace("\u2060", "")
    assert "devzones changes --from 2026Q2 --to 2026Q3" in texts["md"]
    scope = "不计在内" if lang == "zh" else "not counted here"
    for fmt in ("xlsx", "docx"):
        assert "devzones" not in texts[fmt], fmt
        assert scope in texts[fmt], fmt  # what the count leaves out is still said


def test_the_english_bulletins_headings_read_as_headings(tmp_path: Path) -> None:
    """ "(1)status changed" in the Word memo: the number set apart, the heading capitalised."""
    import docx

    out = tmp_path / "b.docx"
    assert (
        main(["bulletin", "--period", "2026-10", "--format", "docx", "--lang", "en", "--out", str(out)]) == 0
    )
    heads = [
        p.text.replace("\u2060", "")
        for p in docx.Document(str(out)).paragraphs
        if p.style.name == "Heading 2"
    ]
    assert heads and all(re.fullmatch(r"\(\d+\) [A-Z].*", h) for h in heads), heads
