"""What the Word (and PDF) 通报 prints around its content: the sender, the number, the recipients,
the date and the 版记 (GB/T 9704-2012), or the 情况通报's 报头 and 报尾, as plain text in its language.

Built from the config's [bulletin] section (``console.core.config.BulletinPaper``), the number
(given, or the series' next, ``gongwen_series``) and the day the file is written. Dates are written
as the standard says (7.3.5.4): Arabic numerals, the year in full, no leading zeros (2026年10月9日);
never ISO.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from console.core.config import BulletinPaper
from console.core.text import clean
from console.words import Lang
from console.words.bulletin import BULLETIN


@dataclass(frozen=True)
class Paper:
    """The 通报's paper in ``lang``; empty strings for the parts its style does not print."""

    style: str  # "gongwen" or "tongbao"
    lang: Lang
    number: int  # the 发文字号's 序号 or the 情况通报's 期号
    mark: str = ""  # 发文机关标志 (gongwen) or 报头 (tongbao)
    reference: str = ""  # 驻××办〔2026〕3号 (gongwen) or 2026年第3期 (tongbao)
    recipients: str = ""  # 各县区人民政府，市直有关单位：
    signature: str = ""  # 发文机关署名
    dated: str = ""  # 成文日期 / 印发日期: 2026年10月9日
    seal: bool = False
    cc: str = ""  # 抄送：…。 (empty: none)
    printed_by: str = ""  # 印发机关
    printed_on: str = ""  # 2026年10月9日印发
    editor: str = ""  # 情况通报's 编发单位
    send_to: str = ""  # 情况通报's 报尾: 送：…。
    give_to: str = ""  # 情况通报's 报尾: 发：…。
    attachment: str = ""  # the 附件's name: 开发区综合排名表
    keep: tuple[str, ...] = ()  # names never broken across lines (zones, counties)


def date_words(day: date, lang: Lang) -> str:
    """2026年10月9日 / 9 October 2026 (no leading zeros, never ISO)."""
    return BULLETIN("date", lang, year=day.year, month=day.month, day=day.day, month_name=day.strftime("%B"))


def series_key(config: BulletinPaper, style: str) -> str:
    """The series a number belongs to: the 机关代字 for a 公文, the 报头 for a 情况通报."""
    return clean(config.doc_prefix if style == "gongwen" else config.masthead)


def make_paper(
    config: BulletinPaper,
    style: str,
    number: int,
    day: date,
    lang: Lang,
    keep: tuple[str, ...] = (),
) -> Paper:
    """The paper of a 通报 of ``style`` numbered ``number``, written on ``day``."""
    sep = BULLETIN("names_sep", lang)

    def names(key: str, items: tuple[str, ...]) -> str:
        return BULLETIN(key, lang, names=sep.join(clean(i) for i in items)) if items else ""

    dated = date_words(day, lang)
    common = {"style": style, "lang": lang, "number": number, "dated": dated, "keep": keep}
    if style == "tongbao":
        return Paper(
            **common,  # type: ignore[arg-type]
            mark=clean(config.masthead),
            reference=BULLETIN("issue_number", lang, year=day.year, n=number),
            editor=clean(config.editor),
            send_to=names("send_to", config.send_to),
            give_to=names("give_to", config.give_to),
        )
    return Paper(
        **common,  # type: ignore[arg-type]
        mark=clean(config.issuer_mark),
        reference=BULLETIN("doc_number", lang, prefix=clean(config.doc_prefix), year=day.year, n=number),
        recipients=names("recipients", config.recipients),
        signature=clean(config.signature),
        seal=config.seal,
        cc=names("cc", config.cc),
        printed_by=clean(config.printed_by),
        printed_on=BULLETIN("printed_on", lang, date=dated),
        attachment=BULLETIN("attachment_name", lang),
    )
