"""The status engine's words: the plan's evaluation rules (section 四(三)) and why a zone earns each mark
(console.engine.rules), the plan checked against itself (console.engine.audit), and a year or county
the plan does not have (console.engine.evaluation)."""

from __future__ import annotations

from console.words import Catalogue

# The plan's rules: each mark's short name, and the plan's own words for its condition and consequence
# (the Chinese quoted from section 四(三), the English a translation); why a result does or does not
# get the rank-fell notice ({was}, {then}: places named with "move_place").
_REWARD = (
    "适当上浮工资总量，其主要负责人及所在县区相关领导优先推荐使用，优先支持扩区升级，优先支持专项债、特别国债、中央预算内投资项目申报",
    "rewarded with a higher wage bill, priority for its leaders, for zone expansion and for special bonds and central budget investment",
)
_NOTICE = ("予以通报和督促整改", "public notice and required rectification")

RULES = Catalogue(
    "rules",
    {
        "short_top10_reward": ("前10奖励", "top-10 reward"),
        "short_new_star_reward": ("晋星奖励", "new-star reward"),
        "short_bottom10_notice": ("后10通报", "bottom-10 notice"),
        "short_rank_fell_notice": ("位次后移通报", "rank-fell notice"),
        "short_bottom10_two_years": ("连续两年后10", "bottom 10 two years"),
        "condition_top10_reward": (
            "各档年度考核评价综合得分居全省前10位",
            "in the province's top 10 of its tier",
        ),
        "consequence_top10_reward": _REWARD,
        "condition_new_star_reward": ("首次晋升当前星级", "first promoted to its current star level"),
        "consequence_new_star_reward": _REWARD,
        "condition_bottom10_notice": (
            "各档年度考核评价综合得分居全省后10位",
            "in the province's bottom 10 of its tier",
        ),
        "consequence_bottom10_notice": _NOTICE,
        "condition_rank_fell_notice": ("排名位次后移", "its rank fell"),
        "consequence_rank_fell_notice": _NOTICE,
        "condition_bottom10_two_years": ("连续两年排名居全省后10位", "in the bottom 10 two years running"),
        "consequence_bottom10_two_years": (
            "其主要负责人及所在县区相关领导按照有关规定和程序予以调整或免职，限制新增建设用地、环境容量指标",
            "its leaders adjusted or removed; new construction land and environmental capacity restricted",
        ),
        "explained": ("{condition}：{consequence}", "{condition} ({consequence})"),
        "move_place": ("{year}年{tier}第{rank}位", "{year}: {tier} #{rank}"),
        "move_fell_tier": (
            "排名位次后移：{was}，{then}，降档即位次后移（方案四(三)不限同档）：予以通报和督促整改",
            "Rank fell: {was}, {then}; moving down a tier is a fall (the plan does not limit it to one tier):"
            " public notice and required rectification",
        ),
        "move_rose_tier": (
            "{was}，{then}：升档是位次前移，新档内名次不与上年档内名次比较，无位次后移通报",
            "{was}, {then}: moving up a tier is a move forward; the rank in the new tier is not compared with"
            " last year's, so no rank-fell notice",
        ),
        "move_fell_in_tier": (
            "排名位次后移：{was}，{then}（同档名次后移）：予以通报和督促整改",
            "Rank fell: {was}, {then} (worse rank in the same tier): public notice and required rectification",
        ),
        "move_held": (
            "{was}，{then}：同档名次未后移，无位次后移通报",
            "{was}, {then}: rank in the same tier did not fall, so no rank-fell notice",
        ),
    },
)

# Which years and ranks earn a mark (rules.flag_reason) and the years a legend names (rules.flag_years).
REASONS = Catalogue(
    "rule_reasons",
    {
        "place": ("{year}年{tier}第{rank}/{size}位", "{year} {tier} #{rank}/{size}"),
        "top10_reward": ("{now}，居该档前{band}位", "{now}, in its tier's top {band}"),
        "bottom10_notice": (
            "{now}，居该档后{band}位（第{low}位及以后）",
            "{now}, in its tier's bottom {band} (#{low} or lower)",
        ),
        "new_star_reward": ("{year}年{star}，此前最高{best}", "{year} {star}, the best before {best}"),
        "no_star": ("无星", "no star"),
        "fell_tier": ("{before}，{now}，降档", "{before}, {now}, down a tier"),
        "fell_in_tier": ("{before}，{now}，同档名次后移", "{before}, {now}, worse rank in the same tier"),
        "bottom10_two_years": (
            "{before}、{now}，两年均居所在档后10位（后10位按各档排名，换档不免除）",
            "{before} and {now}, in its tier's bottom 10 both years (the bottom 10 is counted within "
            "each tier, so a change of tier does not lift it)",
        ),
        "then": ("{reason}；{words}", "{reason}; {words}"),
        "zone_reason": ("{zone} {rule}：{reason}", "{zone} {rule}: {reason}"),
        "legend_item": ("{mark} {rule}（{when}）", "{mark} {rule} ({when})"),
        "years_sep_plain": ("、", ", "),
        # A mark decided on the year before too names it (the legend's lead names the result year).
        "years_move": ("较{last}年", "vs {last}"),
        "years_two": ("及{last}年", "and {last}"),
    },
)

# The plan checked against itself (audit.Finding's message): {stated} the figure the text states,
# {level} a star or tier level, {names} the zones annex 2 sets there.
AUDIT = Catalogue(
    "audit",
    {
        "level_count": (
            "{year}年：正文（二（二））为{level}开发区{stated}个，附件2中{level}目标为{count}个：{names}",
            "{year}: the text (2(2)) states {stated} zones at {level}; annex 2 sets it as the target of"
            " {count}: {names}",
        ),
        "level_count_one": (
            "{year}年：正文（二（二））为{level}开发区{stated}个，附件2中{level}目标为{count}个：{names}",
            "{year}: the text (2(2)) states {stated} zone at {level}; annex 2 sets it as the target of"
            " {count}: {names}",
        ),
        "no_zones": ("无", "—"),
        "list_sep": ("、", ", "),
        "clusters_over": (
            "{year}年：正文为营业收入超50亿元的集群{stated}个，附件3中目标达50亿元的为{count}个",
            "{year}: the text states {stated} clusters with revenue over 50 (100M yuan); annex 3 sets a"
            " target of 50 (100M yuan) or more for {count}",
        ),
        "clusters_over_one": (
            "{year}年：正文为营业收入超50亿元的集群{stated}个，附件3中目标达50亿元的为{count}个",
            "{year}: the text states {stated} cluster with revenue over 50 (100M yuan); annex 3 sets a"
            " target of 50 (100M yuan) or more for {count}",
        ),
        "tier_total": (
            "{year}年：正文各档开发区合计{stated}个，附件2列出{count}个",
            "{year}: the tier counts in the text add up to {stated} zones; annex 2 lists {count}",
        ),
        "indicator_computed": (
            "{period}：{code}（{name}）报送值为{reported}，按数据集本身的表计算为{computed}，控制台显示计算值",
            "{period}: {code} ({name}) is reported as {reported}; the dataset's own tables give {computed},"
            " which the console shows",
        ),
    },
)

# A year or county the plan does not have (evaluation.check_year, check_counties).
EVALUATION = Catalogue(
    "evaluation",
    {
        "no_targets": (
            "{year} 年没有目标；方案涵盖 {years} 年",
            "no targets for {year}; the plan covers {years}",
        ),
        "years_sep": ("、", ", "),
        "unknown_county": ("未知县区“{county}”。{hint}", "unknown county '{county}'.{hint}"),
        "did_you_mean": ("是不是“{near}”？", " Did you mean '{near}'?"),
    },
)
