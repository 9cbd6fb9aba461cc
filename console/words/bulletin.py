"""The monthly bulletin's words (console.outputs.bulletin*): its title, sections, sentences and the
punctuation each language joins them with. Data only.

A template may name fields its language does not use (``{cn}`` for Chinese numerals, ``{period}`` for
2026Q3): the code fills both and the language picks, so no code chooses between two spellings.
"""

from __future__ import annotations

from console.words import Catalogue

BULLETIN = Catalogue(
    "bulletin",
    {
        # Punctuation: how each language lists, ends and introduces.
        "list_sep": ("、", ", "),
        "line_sep": ("；", "; "),
        "end": ("。", "."),
        "colon": ("：", ": "),
        "none_listed": ("无", "none"),
        # A quarter, and the end of one.
        "quarter": ("{year}年第{cn}季度", "{period}"),
        "quarter_end": ("{year}年第{cn}季度末", "the end of {period}"),
        # Whose zones: 全市/全省/全国 before a count in Chinese, the owner in English.
        "area_owner_city": ("全市", "the city's"),
        "area_owner_province": ("全省", "the province's"),
        "area_owner_nation": ("全国", "the nation's"),
        # The title and the note under it.
        "title": (
            "{area}开发区高质量发展月度通报（{year}年{month}月）",
            "{area} development zones: monthly bulletin, {month_name} {year}",
        ),
        "note": ("数据截至{quarter}。来源：{source}。", "Data as of {quarter}. Source: {source}."),
        "note_no_data": (
            "尚无季度进度数据。来源：{source}。",
            "No quarterly progress data yet. Source: {source}.",
        ),
        # The six sections, numbered as a Chinese official document numbers them (一、…).
        "heading_overall": ("一、总体情况", "1. Overall"),
        "heading_compared": ("二、与上季度末相比", "2. Compared with the previous quarter's end"),
        "heading_ranking": ("三、开发区综合排名", "3. Zones ranked"),
        "heading_consequences": ("四、考核奖惩情况", "4. Rewards and notices"),
        "heading_lagging": ("五、重点任务推进滞后情况", "5. Tasks that lag, by responsible unit"),
        "heading_reports": ("六、季度工作推进情况报送", "6. Quarterly reports"),
        # 一、总体情况
        "summary": (
            "截至{quarter}，{area}{n}个开发区中，{missing}个未达或可能未达{year}年度目标"
            "（档级{tier}个、星级{star}个、营业收入{revenue}个）；"
            "18项重点任务中{lagging}项推进滞后；{reports}。",
            "As of {quarter}, {missing} of {area} {n} zones miss or risk missing a {year} target "
            "(tier {tier}, star {star}, revenue {revenue}); {lagging} of the 18 tasks lag; "
            "{reports}.",
        ),
        "summary_no_data": (
            "尚无季度进度数据：还没有导入任何季度报表，营业收入、重点任务和报送情况均无数据，以下不作判断；"
            "档级和星级{basis}。",
            "No quarterly progress data yet: no report has been ingested, so revenue, tasks and reporting"
            " are not judged; tier and star {basis}.",
        ),
        "basis_published": ("依据{year}年度考核结果", "rest on the {year} assessment results"),
        "basis_unpublished": ("尚无已公布的考核结果", "have no published result yet"),
        # 二、与上期相比
        "compared_no_data": (
            "尚无季度进度数据，无从比较。",
            "No quarterly progress data yet: nothing to compare.",
        ),
        "compared_no_previous": (
            "数据中没有上一季度，本期无从比较。",
            "The data holds no previous quarter to compare with.",
        ),
        "compared_unchanged": (
            "与{when}相比，各开发区、产业集群和指标的状态没有变化。",
            "Compared with {when}, no zone, cluster or indicator changed status.",
        ),
        "compared_count": ("{kind}{n}项", "{kind}: {n}"),
        "compared_more": ("另有{more}项，见 {command}", "{more} more: see {command}"),
        "cluster_of_zone": ("{zone}{industry}", "{zone} {industry}"),
        "status_changed": ("{whose}由“{old}”变为“{new}”", "{whose}: {old} → {new}"),
        "field_changed": ("{whose}{what}由“{old}”变为“{new}”", "{whose} {what}: {old} → {new}"),
        # 三、开发区综合排名: the ranking table's title and headings (a published document's wording).
        "ranking_title": ("开发区排名", "Zones ranked"),
        "col_rank": ("名次", "Rank"),
        "col_zone": ("开发区", "Zone"),
        "col_score": ("综合得分", "Score"),
        "col_change": ("较上季", "vs last Q"),
        "col_province": ("{pool}", "{pool} in tier"),
        "col_flags": ("奖惩", "Rules"),
        # 四、考核奖惩情况
        "results_basis": (
            "依据{year}年度{area}开发区高质量发展综合考核评价结果，按方案四（三）：",
            "From {area} {year} evaluation results, under section 4(3) of the plan:",
        ),
        "none_apply": ("本期无适用情形。", "None apply."),
        "consequence": ("{rule}：{zones}。", "{rule}: {zones}."),
        # 五、重点任务推进滞后情况
        "no_lag": ("本期无推进滞后的重点任务。", "No task lags."),
        "lagging_task": (
            "任务{task}“{title}”{status}：{details}",
            "Task {task} '{title}' is {status}: {details}",
        ),
        "lagging_indicator": ("{name}（{latest}，目标{target}）", "{name} ({latest}, target {target})"),
        "zones_met": ("{met}/{total}个开发区达标", "{met}/{total} {zones} met"),
        "judged_suffix": ("，{judged}", ", {judged}"),
        "now": ("现为{amount}", "now {amount}"),
        "basis_suffix": ("（{basis}）", " ({basis})"),
        # 六、季度工作推进情况报送
        "reports_no_data": (
            "尚未导入任何季度工作推进情况报表，无从判断报送情况。",
            "No quarterly report has been ingested yet: nothing to say about reporting.",
        ),
        "reports_uncollected": (
            "{quarter}的报表不在数据中（数据从更晚的季度开始）。",
            "Reports for {quarter} were not collected (the data starts later).",
        ),
        "reports_line": (
            "{quarter}工作推进情况（应于{due}前报送）：逾期报送的有{late}；未报送的有{absent}。",
            "Report for {quarter} (due {due}): late: {late}; not submitted: {absent}.",
        ),
        "late_zone": ("{zone}（{days}天）", "{zone} ({days} days)"),
        # The workbook's sheets and the Word document's running header.
        "sheet_bulletin": ("通报", "Bulletin"),
        "sheet_about": ("关于", "About"),
        "sample_mark": ("示例数据", "SAMPLE DATA"),
        # A second-level heading's number in the Word document: （一） / (1).
        "sub_number": ("（{cn}）", "({n}) "),
        # A month that cannot be read.
        "bad_month": (
            "月份“{text}”无法识别：应为 2026-10 或 2026年10月 这样的月份",
            "period '{text}': expected a month such as 2026-10 or 2026年10月",
        ),
        # issue 22 (the 通报 as a 公文, GB/T 9704-2012; the 情况通报 layout): the paper's own words.
        # The title split by hand into its lines (at word boundaries, longer line first: 梯形).
        "title_lines": (
            "{area}开发区高质量发展\n月度通报（{year}年{month}月）",
            "{area} development zones:\nmonthly bulletin, {month_name} {year}",
        ),
        "doc_number": ("{prefix}〔{year}〕{n}号", "{prefix} [{year}] No. {n}"),
        "issue_number": ("{year}年第{n}期", "{year}, No. {n}"),
        "date": ("{year}年{month}月{day}日", "{day} {month_name} {year}"),
        "printed_on": ("{date}印发", "Issued {date}"),
        "names_sep": ("，", "; "),
        "recipients": ("{names}：", "To: {names}"),
        "cc": ("抄送：{names}。", "Copies: {names}."),
        "send_to": ("送：{names}。", "Sent to: {names}."),
        "give_to": ("发：{names}。", "Copies: {names}."),
        "attachment_name": ("开发区综合排名表", "Zones ranked"),
        "attachment_note": ("附件：{name}", "Attachment: {name}"),
        "attachment_head": ("附件", "Attachment"),
        "see_attachment": ("各开发区综合排名见附件。", "The ranking of the zones is attached."),
        # An English bulletin is a memo: these lines head it (a 公文's 版头 is for Chinese).
        "memo_from": ("发文机关：{who}", "From: {who}"),
        "memo_ref": ("发文字号：{ref}", "Reference: {ref}"),
        "memo_date": ("日期：{date}", "Date: {date}"),
        # The console's bulletin dialog: the formats, the layouts and the number.
        "dialog_md": ("Markdown", "Markdown"),
        "dialog_xlsx": ("XLSX", "XLSX"),
        "dialog_docx": ("Word", "Word"),
        "dialog_pdf": ("PDF", "PDF"),
        "dialog_gongwen": ("公文", "Official document"),
        "dialog_tongbao": ("情况通报", "Situation bulletin"),
        "dialog_number": (
            "发文字号序号或期号（仅 Word、PDF）",
            "Number (Word and PDF only)",
        ),
        "dialog_number_hint": ("本月已编号则沿用，否则取下一个号", "the month's number, else the next"),
        "bad_number": (
            "编号“{value}”无效：应为 1 或更大的整数（发文字号不编虚位，不加“第”字）",
            "number '{value}': expected a whole number of 1 or more",
        ),
        # Two bulletins numbered at once: the second waited for the first too long.
        "series_busy": (
            "另一份通报正在取号（{file}），等待超时；请稍后再试",
            "another bulletin is taking its number ({file}) and did not finish in time; try again shortly",
        ),
        # 与上期相比 on paper (Word, PDF, Excel: a document sent up names no command line).
        "compared_lead_paper": (
            "与{when}相比，开发区、产业集群和指标的状态共有{n}项变化（{counts}），按严重程度排列；"
            "排名、季度报表和数据修订的变化不计在内：",
            "Compared with {when}, {n} changes of status of zones, clusters and indicators ({counts}),"
            " worst first; changes of rank, quarterly reports and revised figures are not counted here:",
        ),
        "compared_more_paper": ("另有{more}项，不再逐一列出", "and {more} more, not listed here"),
    },
)
