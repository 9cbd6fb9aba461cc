"""The words of the changes since a reference period (console.present.changes_view): what kind of change,
what it is about, and the changes table's headings. Data only."""

from console.words import Catalogue

# What kind of change a change code is (console.engine.changes.CODES).
CHANGE_CODES = Catalogue(
    "change_codes",
    {
        "target_missed": ("目标未达成", "target missed"),
        "status": ("状态变化", "status changed"),
        "report_missing": ("报表缺报", "report missing"),
        "rank": ("排名变化", "rank moved"),
        "report_arrived": ("报表到达", "report arrived"),
        "target_met": ("目标达成", "target met"),
        "revised": ("数据修订", "figure revised"),
    },
)

# What a change is about (a change's field).
CHANGE_FIELDS = Catalogue(
    "change_fields",
    {
        "tier_status": ("档级", "tier"),
        "star_status": ("星级", "star"),
        "revenue_status": ("营收", "revenue"),
        "status": ("状态", "status"),
        "rank": ("综合排名", "composite rank"),
        "report": ("季度报表", "quarterly report"),
        "revenue_ytd": ("累计营收", "revenue to date"),
        "value": ("指标值", "value"),
    },
)

# The changes' heading on the overview and the changes table's columns, in key order.
CHANGES = Catalogue(
    "changes",
    {
        "change": ("变化", "Change"),
        "change_code": ("变化代码", "Change code"),
        "changes_from_to": ("{since}以来的变化（至{to}）", "Changes from {since} to {to}"),
        "changes_heading": ("本期变化（自{since}）", "Changes since {since}"),
        "days_late": ("逾期天数", "Days late"),
        "description": ("说明", "Description"),
        "field": ("项目", "Field"),
        "from": ("原值", "From"),
        "indicator": ("指标", "Indicator"),
        "industry": ("产业", "Industry"),
        "kind_what": ("{kind}：{what}", "{kind}: {what}"),
        "name": ("名称", "Name"),
        "period": ("期间", "Period"),
        "revised_at": ("修订时间", "Revised at"),
        "revised_at_late": ("修订时间/逾期", "Revised at / late"),
        "subject": ("对象", "Subject"),
        "subject_kind": ("对象类型", "Subject kind"),
        "to": ("新值", "To"),
        "what_changed": ("变化内容", "What changed"),
        "zone": ("开发区", "Zone"),
    },
)
