//! Why hours stay short and duties are missed: the reasons the schedule gives, which name its rules (`cover_requirement`, `one_shift_at_a_time_with_rest`) as they are.

/// Reasons for short hours and missed duties. English template -> Chinese.
pub(super) const REASONS: &[(&str, &str)] = &[
    // The rules a person keeps between shifts, filled into the reasons below.
    ("rest, hours or days in a row", "休息时间、工时或连续上班天数"),
    ("rest, hours, days in a row, nights or days off", "休息时间、工时、连续上班天数、夜班或休息日"),
    ("weekly hours or days in a row", "每周工时或连续上班天数"),
    ("weekly hours, days in a row, nights or days off", "每周工时、连续上班天数、夜班或休息日"),
    ("at their hour limits", "已到工时上限"),
    ("at their hour limits, nights or days off", "已到工时、夜班或休息日的上限"),
    ("hired part-timers could still serve {} then", "招聘的兼职当时仍可接待{t}"),
    ("no shift lets anyone serve {} then: check shift start times, people's skills and hours available, part_time.available and the phases' `may` lists", "当时没有任何班次能让人接待{t}：请检查班次开始时间、人员的技能和可上班时间、part_time.available 以及阶段的 `may` 名单"),
    ("no shift template overlapping {} to {} fits {}'s skills, hours available ({}), days off and daily hours", "没有与 {} 至 {} 重叠的班次模板符合 {} 的技能、可上班时间（{}）、休息日和每日工时"),
    ("not checked whether rest or hours block it", "未检查是否受休息时间或工时限制"),
    ("not checked whether rest or hours keep {} from a shift overlapping {}", "未检查休息时间或工时是否使 {} 无法上与 {} 重叠的班次"),
    ("not checked whether rest or hours keep {} from a shift overlapping {} to {}", "未检查休息时间或工时是否使 {} 无法上与 {} 至 {} 重叠的班次"),
    ("the time limit ({} s) ended the search before this was planned: {}; give it more time (--time-limit or solver.time_limit_seconds)", "求解时间上限（{} 秒）到了，这里还没排好：{}；请多给些时间（--time-limit 或 solver.time_limit_seconds）"),
    ("{}: every agent who could serve {} then is already working, resting ({} h) or {}, and part-timers cannot come then (part_time.available, shift templates or phase `may` lists)", "{}：当时能接待{t}的客服都已在上班、在休息（{} 小时）或{}，兼职当时也来不了（part_time.available、班次模板或阶段的 `may` 名单）"),
    ("{} cannot take a shift overlapping {} to {} without breaking rest ({} h), {}", "{} 若上与 {} 至 {} 重叠的班次，就会违反休息时间（{} 小时）、{}"),
    ("{} could still have served {} then without breaking {}", "{} 当时本可以接待{t}，且不违反{}"),
    ("{} could still take a shift overlapping {} to {} without breaking {}", "{} 本可以上与 {} 至 {} 重叠的班次，且不违反{}"),
    ("{} could still take a shift overlapping {} without breaking {}", "{} 本可以上与 {} 重叠的班次，且不违反{}"),
    ("{}: another agent for {} then costs more than the margin its chats would bring ({} per agent-hour, [value] price_shortfall); set price_shortfall = false to price shortfall at costs.shortfall_per_agent_hour", "{}：当时为{t}再加一名客服的成本，高于其咨询带来的毛利（每人每小时 {}，[value] price_shortfall）；设 price_shortfall = false 则按 costs.shortfall_per_agent_hour 计缺人成本"),
    ("{}: another agent for {} then costs more than the shortfall price ({}); raise it to staff this hour", "{}：当时为{t}再加一名客服的成本高于缺人成本（{}）；提高缺人成本才会给这个小时排人"),
    ("{}: with the staff shifts as named, another part-timer for {} then costs more than the shortfall price ({}); raise it to staff this hour", "{}：按已排定的员工班次，当时为{t}再加一名兼职的成本高于缺人成本（{}）；提高缺人成本才会给这个小时排人"),
    ("{}: the plan may hire at most {} part-timers (part_time.max_people or --max) and all are in use", "{}：排班最多可招 {} 名兼职（part_time.max_people 或 --max），已全部用上"),
];
