"""The console's and the exports' words, asked for by key and language: statuses, column headings, the
plan's units, plan references, counted nouns (plurals), units and percent. The words themselves are in
the catalogues of console/words/ (status.py, views.py); this module reads them and keeps the rules of
their use (a status's symbol and colour, plurals, unit names, plan references).

Every status is shown by a symbol and a word as well as by colour, so it reads right with
NO_COLOR, in 16 colours and to a screen reader. Symbols avoid East Asian ambiguous-width
characters; ``ascii`` mode uses plain ASCII only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from console.core.text import clean
from console.data.scales import ScaleError, parse_star, parse_tier, star_label, tier_label
from console.present.plan_text import (
    CN_REF_DIGITS,
    COUNT_UNITS,
    UNIT_ALIASES,
    UNIT_LIST_SEPARATORS,
    UNIT_PREFIX,
    UNIT_PREFIXES_KEPT,
)
from console.words import Lang, Pair
from console.words.status import AREAS, LEVEL_NONE, MISSING, STATUS
from console.words.status import FLAG_MARKS as FLAG_MARKS
from console.words.status import SAME_STATUS as SAME_STATUS
from console.words.views import CHECKS, COUNTED, UNIT_ROLES, UNITS, VIEW_TEXT
from console.words.views import HEADINGS as HEADINGS
from console.words.views import YI_EN as YI_EN

# (unicode, ascii); ✓ and ✗ are narrow (not East Asian ambiguous width). The one definition of the
# marks: the tables draw them (Formatter.symbol) and the help legend lists them (Formatter.status_legend),
# in this order. A word has one mark wherever it stands: 未报送 is ✗ for a report not sent and for the
# figure it would have brought (the legend said ✗ 未报送 while the figure's cell drew no mark).
STATUS_SYMBOLS: dict[str, tuple[str, str]] = {
    "met": ("✓", "+"),
    "on_time": ("✓", "+"),
    "on_track": ("~", "~"),
    "on_pace": ("~", "~"),
    "at_risk": ("!", "!"),
    "behind": ("!", "!"),
    "late": ("!", "!"),
    "ongoing": (">", ">"),
    "missed": ("✗", "x"),
    "missing": ("✗", "x"),
    "not_reported": ("✗", "x"),
}

# Severity classes, for colour: bad / warn / good / none.
STATUS_CLASS: dict[str, str] = {
    "met": "good",
    "on_time": "good",
    "on_track": "good",
    "on_pace": "good",
    "at_risk": "warn",
    "behind": "warn",
    "late": "warn",
    "missed": "bad",
    "missing": "bad",
    "not_reported": "bad",
}

# The colour of each severity class; every status also has a symbol and a word.
CLASS_STYLES = {"good": "green", "warn": "yellow", "bad": "bold red"}

# Under NO_COLOR colours turn to greys (bold red becomes the darkest of all), so the classes are told
# apart by weight and reverse video instead: the worst stands out most, never dimmer than the rest.
NO_COLOR_CLASS_STYLES = {"good": "", "warn": "bold", "bad": "bold underline"}  # reverse: the cursor only


def status_style(status: str | None, no_color: bool = False) -> str:
    """The Rich style of a status ('' where it has none); weight and reverse video under NO_COLOR."""
    return (NO_COLOR_CLASS_STYLES if no_color else CLASS_STYLES).get(STATUS_CLASS.get(status or "", ""), "")


# A star or tier level where the published result has none (not: no result published yet, which is
# the empty mark, Formatter.none).


def no_result(lang: Lang = "zh") -> str:
    """'无结果' / 'no result': a count table's row of zones without a published result."""
    return VIEW_TEXT("no_result", lang)


def basis_word(basis: str | None, lang: Lang = "zh", short: bool = False) -> str:
    """'全年预计' / 'projected full year' (or '全年实际'): what a computed value stands on; '' for none."""
    if not basis:
        return ""
    key = f"basis_{basis}_short" if short and f"basis_{basis}_short" in VIEW_TEXT else f"basis_{basis}"
    return text(key, lang)


def zones_judged_note(indicator: Mapping[str, Any], lang: Lang = "zh", long: bool = False) -> str:
    """'已报9区' / '9 reported' (long: '9/11个开发区有本期数，…') where a zone-scoped indicator is judged
    on fewer zones than it has (the others not reported or without a figure); '' where all are."""
    judged, total = indicator.get("zones_judged"), indicator.get("zones_total")
    if not total or judged is None or judged >= total or not judged:
        return ""
    return text("zones_judged_long" if long else "zones_judged", lang).format(judged=judged, total=total)


def report_counts_text(counts: Sequence[Any], lang: Lang = "zh") -> str:
    """Zones per report status, each with its word: '按时 3、无数据 8' / 'on time 3, no data 8'
    (``counts``: ReportCount-like, with ``status`` and ``zones``)."""
    return text("list_sep", lang).join(f"{status_word(c.status, lang)} {c.zones}" for c in counts)


def level_none(kind: str, lang: Lang = "zh") -> str:
    """'无星' / 'no star': the one word for a published result of no star (or no tier)."""
    return LEVEL_NONE(kind, lang)


# The rankings tab's short marks for the plan's rules (section 四(三), console.engine.rules.FLAGS):
# + a reward, ! a notice, !! the heaviest; a legend under the table names them, the zone's drill-down
# gives the plan's words. ASCII and CJK only, so the same in --ascii.


def sample_notice(lang: Lang, own_targets: bool) -> str:
    """What sample data is: the plan's targets with generated progress, or (``own_targets``, a generated
    set) generated targets too."""
    return text("sample_notice_own" if own_targets else "sample_notice", lang)


def sample_line(lang: Lang, own_targets: bool) -> str:
    """'[示例数据] 目标取自…' / '[SAMPLE DATA] Targets come from…': the CLI's one line on sample data.
    ``own_targets`` is required (console.engine.coverage.coverage decides it from the manifest), so no
    surface can fall back to "targets come from the plan" for a generated set's own targets."""
    detail = text("sample_detail_own" if own_targets else "sample_detail", lang)
    return f"[{text('sample_badge', lang)}] {detail}"


def lang_index(lang: Lang) -> int:
    """0 for Chinese, 1 for English: the place of ``lang`` in a (Chinese, English) pair."""
    return 0 if lang == "zh" else 1


def status_word(status: str | None, lang: Lang = "zh") -> str:
    if status is None:
        return ""
    return STATUS(status, lang) if status in STATUS else status


def zones_by_status(statuses: Sequence[str | None], order: Sequence[str], lang: Lang = "zh") -> str:
    """What a zone-scoped status is made of: '按最差开发区：落后2区、符合进度5区、达标4区', in ``order``
    (the engine's severity, worst first)."""
    rank = {s: i for i, s in enumerate(order)}
    counts: dict[str, int] = {}
    for status in statuses:
        if status:
            counts[status] = counts.get(status, 0) + 1
    parts = [
        text("zones_of_status", lang).format(word=status_word(s, lang), n=n)
        for s, n in sorted(counts.items(), key=lambda kv: rank.get(kv[0], len(rank)))
    ]
    return text("status_made_of", lang).format(counts=text("list_sep", lang).join(parts))


def heading(key: str, lang: Lang = "zh") -> str:
    return HEADINGS(key, lang)


def text(key: str, lang: Lang = "zh") -> str:
    return VIEW_TEXT(key, lang)


def missing_words(items: list[str], lang: Lang = "zh") -> str:
    return text("list_sep", lang).join(MISSING(i, lang) for i in items)


# -- the plan's units (annex 1's 牵头单位 / 参加单位), as split_units names them ------------------------------


def split_units(units: str | None) -> list[str]:
    """The units of an annex-1 list (separated by 、 or ，), each with the 市 prefix made explicit."""
    out = []
    other, sep = UNIT_LIST_SEPARATORS
    for part in (units or "").replace(other, sep).split(sep):
        part = part.strip()
        if not part:
            continue
        if not part.startswith(UNIT_PREFIXES_KEPT):
            part = UNIT_PREFIX + part
        out.append(part)
    return out


def unit_name(unit: str, lang: Lang = "zh") -> str:
    """A unit's name in ``lang``; a unit with no English name keeps its Chinese one (a proper name)."""
    return UNITS(unit, lang) if unit in UNITS else unit


# The unit filter (``u``): one unit, and whether a task counts when the unit leads it or takes part in
# it (the default), or only when it leads it. One string carries both through the caches and the
# workers (``unit_choice``); the mark is a control character, which no unit's name holds (text from
# files passes console.core.text.clean, which removes them).
LEAD_ONLY_MARK = "\x1f"


def unit_choice(unit: str, lead_only: bool) -> str:
    """The unit filter's value: ``unit``, marked when only the tasks it leads count ("" is no filter)."""
    return f"{LEAD_ONLY_MARK}{unit}" if unit and lead_only else unit


def unit_of(choice: str | None) -> tuple[str, bool]:
    """(unit, lead only) of a unit filter's value (``unit_choice``)."""
    choice = choice or ""
    if choice.startswith(LEAD_ONLY_MARK):
        return choice[len(LEAD_ONLY_MARK) :], True
    return choice, False


def unit_role(lead_only: bool, lang: Lang = "zh") -> str:
    """牵头或参加 / 仅牵头: which tasks the unit filter keeps."""
    return UNIT_ROLES("lead" if lead_only else "any", lang)


def unit_filter_label(choice: str | None, lang: Lang = "zh") -> str:
    """The unit filter as the screen and an export's manifest say it: 市发改委（仅牵头） / Municipal
    Development and Reform Commission (leads only); "" without a filter."""
    unit, lead_only = unit_of(choice)
    if not unit:
        return ""
    return VIEW_TEXT("unit_filter", lang, unit=unit_name(unit, lang), role=unit_role(lead_only, lang))


def units_text(units: str | None, lang: Lang = "zh") -> str:
    """An annex-1 unit list as written (zh) or as English names separated by semicolons (en)."""
    if lang == "zh":
        return units or ""
    return "; ".join(unit_name(u, lang) for u in split_units(units))


# -- plan references: 二(一), 三(一)1 … ------------------------------------------------------------------

_CN_REF_DIGITS = str.maketrans(*CN_REF_DIGITS)


# The ``source`` a generated set writes for the targets it sets itself (console.sample.generate).
OWN_SOURCE = "synthetic"


def plan_ref(ref: str | None, lang: Lang = "zh") -> str:
    """A reference into the plan's text as the plan writes it (zh) or with Arabic numerals (en):
    二(一) -> 2(1), 三(一)1 -> 3(1)1; a section 一 … 六 -> 1 … 6."""
    if not ref:
        return ""
    if ref == OWN_SOURCE:  # the data's own target (a generated set): words, not the code
        return text("source_own", lang)
    return ref if lang == "zh" else ref.translate(_CN_REF_DIGITS)


# -- counts and units ---------------------------------------------------------------------------------------

# English singular of the plural nouns the data and the console count in (indicators' unit_en, …).
SINGULAR: dict[str, str] = {
    "zones": "zone",
    "projects": "project",
    "firms": "firm",
    "clusters": "cluster",
    "platforms": "platform",
    "benchmarks": "benchmark",
    "parks": "park",
    "factories": "factory",
    "workshops": "workshop",
    "problems": "problem",
    "findings": "finding",
    "files": "file",
    "rows": "row",
    "reports": "report",
    "counties": "county",
    "tasks": "task",
    "indicators": "indicator",
}


def is_count(unit: str | None) -> bool:
    """Whether ``unit`` (Chinese, or an indicator's English plural noun) counts things (家, 个, 项, firms …)."""
    return bool(unit) and (unit in COUNT_UNITS or unit in SINGULAR or unit in SINGULAR.values())


# Counted nouns: (Chinese measure word and noun, English plural).

_UNIT_ALIASES = {alias: YI_EN if unit == "YI_EN" else unit for alias, unit in UNIT_ALIASES.items()}


def english_noun(plural: str, n: float | None) -> str:
    """``plural`` agreeing with ``n``: 1 -> its singular, anything else (0, 2, 1.5) -> the plural."""
    if n is not None and n == 1:
        return SINGULAR.get(plural, plural)
    return plural


def count(n: int, noun: str, lang: Lang = "zh") -> str:
    """'3 个开发区' / '1 zone', '3 zones' for a noun of COUNTED."""
    return f"{n} {english_noun(COUNTED(noun, lang), n)}"


def unit_label(unit: str | None, unit_en: str | None, lang: Lang = "zh", n: float | None = None) -> str:
    """An indicator's unit in ``lang``: 亿元 / '100M yuan', 家 / 'firm(s)' agreeing with ``n``."""
    if lang == "zh":
        return unit or ""
    word = unit_en or unit or ""
    word = _UNIT_ALIASES.get(word, word)
    return english_noun(word, n)


def quantity(value: str, unit: str, lang: Lang = "zh") -> str:
    """A formatted number with its unit label (from ``unit_label``) as each language writes it:
    '91.4%' in both; '1,500 亿元', '180 家'; '1,500 (100M yuan)', '180 firms', '2.0 pp'."""
    if not unit:
        return value
    if unit == "%":
        return f"{value}%"
    if unit == YI_EN:
        return f"{value} ({unit})"
    return f"{value} {unit}"


# -- the plan consistency audit (console.engine.audit): each check's name -------------------------------


def check_name(check: str, level: str | None, lang: Lang = "zh") -> str:
    """An audit finding's check and level as a reader reads it: '各星级开发区数 一星' / 'Zones per star
    level: 1-star'. A level the scales do not know (an indicator and quarter) is shown as it is."""
    name = CHECKS(check, lang) if check in CHECKS else check
    if not level:
        return name
    shown = level
    if lang != "zh" and check in ("tier_count", "star_count"):
        parse, label = (parse_tier, tier_label) if check == "tier_count" else (parse_star, star_label)
        try:
            shown = label(parse(level), lang)
        except ScaleError:
            shown = level
    return text("check_level", lang).format(name=name, level=shown)


# -- what the data covers (console.engine.coverage): scope words follow the data ------------------------

# The area's zones, e.g. 全国2543个开发区 / the nation's 2543 zones.
NO_AREA_TARGET: Pair = VIEW_TEXT.pair("no_area_target")


def area_word(area: str, lang: Lang = "zh") -> str:
    """全市 / 全省 / 全国 (city / province / nation) for the area the data covers."""
    return AREAS(area if area in AREAS else "city", lang)


def area_rank_heading(area: str, lang: Lang = "zh") -> str:
    """The rank among the dataset's zones: 全市名次 / City rank, 全国名次 / Nation rank."""
    return text("area_rank", lang).format(word=area_word(area, lang).capitalize())


def pool_rank_heading(pool: str, lang: Lang = "zh") -> str:
    """The assessment's rank within a tier: 全省档内排名 / Province rank, 全国档内排名 / Nation rank."""
    return text("pool_rank", lang).format(word=area_word(pool, lang).capitalize())


# -- what an export wrote ---------------------------------------------------------------------------------


def files_written(paths: Sequence[Path], lang: Lang = "zh") -> str:
    """The files an export wrote, for a toast: each folder once, then its files one per line (a path is
    never broken mid-name between two files, and no comma joins them in either language)."""
    folders: dict[Path, list[str]] = {}
    for path in paths:
        folders.setdefault(path.parent, []).append(path.name)
    lines = []
    for folder, names in folders.items():
        lines.append(VIEW_TEXT("exported_to", lang, folder=clean(folder, escape=True)))
        lines += [f"  {clean(name, escape=True)}" for name in names]
    return "\n".join(lines)
