//! Text people read in the terminal and the report, one function per answer, with the sentence
//! order of each language (numbers in Chinese sit where Chinese puts them).

use crate::labels::Lang;
use crate::report::{
    HoursSpread, LeadsMissing, MissedPhaseRule, NightShiftSpread, PeakHour, Summary, UnmetDemand,
};
use crate::schedule::{BelowMinimum, Rule, SolverStatus};
use crate::simulate::{Band, PlanCheck, QueueCheck};
use crate::staffing::ErlangAnswer;

mod forecast;
mod intraday;
mod levers;
pub mod progress;
mod report;
mod review;
mod tables;
mod templates;
pub(crate) mod workbook;
pub use forecast::{backtest, forecast_total, forecast_written};
pub use intraday::intraday;
pub use levers::lever;
pub use report::{hours_below_target, queue_target};
pub use review::review;
pub use tables::{comparison, part_timers};
pub use templates::{column_note, templates_written};
pub(crate) use workbook::day_name;

/// A few lines a manager reads in the terminal, one function per line (or group of lines).
pub fn summary(summary: &Summary, lang: Lang) -> String {
    let mut out = String::new();
    if let Some(p) = &summary.peak {
        out += &peak(p, lang);
    }
    for e in &summary.levers {
        out += &(lever(e, lang) + "\n");
    }
    out += &hours_and_cost(summary, lang);
    if summary.paid_contract_hours > 0.0 {
        out += &idle_contract_hours(summary, lang);
    }
    out += &lowest_service_level(summary, lang);
    out += &shortfall(summary, lang);
    out += &shortfall_reasons(&summary.unmet_demand, lang);
    if !summary.night_shifts.is_empty() {
        out += &night_shifts(&summary.night_shifts, lang);
    }
    if !summary.hours_per_person.is_empty() {
        out += &hours_per_person(&summary.hours_per_person, lang);
    }
    for m in &summary.missed_phase_rules {
        out += &missed_phase_rule(m, lang);
    }
    for b in summary.below_minimum.iter().take(BELOW_MINIMUM_SHOWN) {
        out += &below_minimum(b, lang);
    }
    if let Some(rest) = (summary.below_minimum.get(BELOW_MINIMUM_SHOWN..)).filter(|r| !r.is_empty())
    {
        out += &more_below_minimum(rest, lang);
    }
    if !summary.leads_missing.is_empty() {
        out += &leads_missing(&summary.leads_missing, lang);
    }
    for q in summary.simulation.iter().flatten() {
        out += &simulated_service_level(q, lang);
    }
    out += &solver(summary, lang);
    out
}

/// How the solve ended, with the gap left when the time limit ended it.
fn solver(summary: &Summary, lang: Lang) -> String {
    let status = summary.solver_status;
    let stopped = [SolverStatus::TimeLimit, SolverStatus::Fallback]
        .iter()
        .any(|s| s.label() == status);
    match (summary.solver_gap.filter(|_| stopped), lang) {
        (None, _) => labelled("Solver", &lang.t(status), lang),
        // A gap of 100% means no bound above zero was proved: say so rather than print it.
        (Some(gap), Lang::Zh) if gap >= 1.0 => format!(
            "求解状态：{}（求解时间已到上限，尚未证明任何下界）\n",
            lang.t(status)
        ),
        (Some(gap), Lang::En) if gap >= 1.0 => format!(
            "Solver: {status} (the time limit ended the search before any bound was proved)\n"
        ),
        (Some(gap), Lang::Zh) => format!(
            "求解状态：{}（求解时间已到上限，成本与已证明的下界差距 {:.1}%）\n",
            lang.t(status),
            gap * 100.0
        ),
        (Some(gap), Lang::En) => format!(
            "Solver: {status} (the time limit ended the search; gap to the best bound proved: {:.1}%)\n",
            gap * 100.0
        ),
    }
}

/// One line `label: value`, the label in `lang` (a full-width colon in Chinese).
fn labelled(label: &str, value: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}：{value}\n", lang.t(label)),
        Lang::En => format!("{label}: {value}\n"),
    }
}

/// What separates the items of a list in a line: `, ` or `，`.
fn list_comma(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "，",
        Lang::En => ", ",
    }
}

/// The busiest queue and interval and the agents it needs.
fn peak(p: &PeakHour, lang: Lang) -> String {
    if lang == Lang::Zh {
        format!(
            "峰值：{} {} 需要 {} 名客服\n",
            lang.t(&p.queue),
            p.timestamp,
            p.agents_required
        )
    } else {
        format!(
            "Peak: {} agents on {} at {}\n",
            p.agents_required, p.queue, p.timestamp
        )
    }
}

/// Part-timers needed and hired (and why they differ), those on call, agent hours split full-
/// and part-time, and the cost.
fn hours_and_cost(summary: &Summary, lang: Lang) -> String {
    let (all, full, part) = (
        summary.total_agent_hours,
        summary.full_time_hours,
        summary.part_time_hours,
    );
    let mut out = part_timers_needed_and_hired(summary, lang);
    if let Some(n) = summary.standby_part_timers {
        out += &match lang {
            Lang::Zh => format!(
                "备用兼职：{n} 人（按 90% 分位的咨询量待命，见 standby.csv）
"
            ),
            Lang::En => format!(
                "On call: {n} more part-timers for the 90th percentile of the chats (standby.csv)\n"
            ),
        };
    }
    out + &match lang {
        Lang::Zh => format!(
            "客服工时：{all:.0}（全职 {full:.0}，兼职 {part:.0}）\n成本：{:.2}\n",
            summary.total_cost
        ),
        Lang::En => format!(
            "Agent hours: {all:.0} ({full:.0} full-time, {part:.0} part-time)\nCost: {:.2}\n",
            summary.total_cost
        ),
    }
}

/// The fewest part-timers with no hour short, and what the cheapest plan hires, with one line
/// on why the two differ.
fn part_timers_needed_and_hired(summary: &Summary, lang: Lang) -> String {
    let hired = summary.part_timers_hired;
    let more = |n: u32| hired as i64 - i64::from(n);
    match (summary.part_timers_needed, lang) {
        (Some(n), Lang::Zh) if !summary.part_timers_needed_proven => {
            format!("需要兼职：至多 {n} 人（计算时间内找到的最少人数）\n招聘兼职：{hired} 人\n")
        }
        (Some(n), Lang::En) if !summary.part_timers_needed_proven => format!(
            "Part-timers needed: at most {n} (the fewest found in the time for counting)\nPart-timers hired: {hired}\n"
        ),
        (Some(n), Lang::Zh) if n as usize == hired => format!("需要兼职：{n} 人\n"),
        (Some(n), Lang::En) if n as usize == hired => format!("Part-timers needed: {n}\n"),
        // A cap on hiring (`part_time.max_people`), or short hours priced below a hire.
        (Some(n), Lang::Zh) if hired < n as usize => format!(
            "需要兼职：{n} 人（最少人数，不缺人）\n招聘兼职：{hired} 人（少于需要人数，部分时段缺人）\n"
        ),
        (Some(n), Lang::En) if hired < n as usize => format!(
            "Part-timers needed: {n} (the fewest with no hour short)\nPart-timers hired: {hired} (fewer than needed, so some hours stay short)\n"
        ),
        (Some(n), Lang::Zh) => format!(
            "需要兼职：{n} 人（最少人数，不缺人）\n招聘兼职：{hired} 人（多招 {} 人排更短或更便宜的班，总成本更低）\n",
            more(n)
        ),
        (Some(n), Lang::En) => format!(
            "Part-timers needed: {n} (the fewest with no hour short)\nPart-timers hired: {hired} (the cheapest plan: {} more people on shorter or cheaper shifts cost less)\n",
            more(n)
        ),
        (None, Lang::Zh) if summary.part_timers_needed_proven => {
            format!("招聘兼职：{hired} 人（招多少人都仍有时段缺人）\n")
        }
        (None, Lang::En) if summary.part_timers_needed_proven => format!(
            "Part-timers hired: {hired} (some hours stay short whatever the hires)\n"
        ),
        // Not counted (`part_time.count_people = false`), or no count found in its time.
        (None, Lang::Zh) => format!("招聘兼职：{hired} 人\n"),
        (None, Lang::En) => format!("Part-timers hired: {hired}\n"),
    }
}

/// Salaried contract hours paid but not worked, of all paid.
fn idle_contract_hours(summary: &Summary, lang: Lang) -> String {
    let (idle, paid) = (summary.idle_contract_hours, summary.paid_contract_hours);
    let label = lang.t("Contract hours paid but idle");
    if lang == Lang::Zh {
        format!("{label}：{idle}（共付 {paid}）\n")
    } else {
        format!("{label}: {idle} of {paid}\n")
    }
}

/// The service level over all chats with the average wait, the sales at risk when chats are
/// valued, then the lowest service level and where it falls when any interval has inquiries.
fn lowest_service_level(summary: &Summary, lang: Lang) -> String {
    let (sl, asa) = (summary.service_level * 100.0, summary.asa_seconds);
    let mut out = match lang {
        Lang::Zh => {
            format!("服务水平：{sl:.1}% 的咨询在目标时间内回复，平均响应时间 {asa:.0} 秒\n")
        }
        Lang::En => format!(
            "Service level: {sl:.1}% of chats answered within target, average wait {asa:.0} s\n"
        ),
    };
    if let Some(risk) = summary.sales_at_risk {
        out += &labelled("Sales at risk", &format!("{risk:.2}"), lang);
    }
    // `min_service_level_at` reads `YYYY-MM-DDTHH:MM queue`; the queue is named in `lang`.
    let at = match summary
        .min_service_level_at
        .as_deref()
        .map(|at| at.split_once(' '))
    {
        Some(Some((time, queue))) if lang == Lang::Zh => format!("（{time} {}）", lang.t(queue)),
        Some(Some((time, queue))) => format!(" ({time} {queue})"),
        _ => String::new(),
    };
    let lowest = summary.min_service_level * 100.0;
    out + &labelled("Lowest service level", &format!("{lowest:.1}%{at}"), lang)
}

/// Every hour covered, or the agent-hours short and in how many intervals.
fn shortfall(summary: &Summary, lang: Lang) -> String {
    if summary.unmet_demand.is_empty() {
        lang.t("Every hour is covered.") + "\n"
    } else if lang == Lang::Zh {
        format!(
            "缺人：{} 个时段共缺 {:.1} 工时（见 summary.json 的 unmet_demand）\n",
            summary.unmet_demand.len(),
            summary.shortfall_agent_hours
        )
    } else {
        format!(
            "Short: {:.1} agent-hours in {} intervals (see unmet_demand in summary.json)\n",
            summary.shortfall_agent_hours,
            summary.unmet_demand.len()
        )
    }
}

/// Each rule that keeps hours short, once, with the first hour it does so.
fn shortfall_reasons(unmet: &[UnmetDemand], lang: Lang) -> String {
    let mut reasons: Vec<&UnmetDemand> = Vec::new();
    for u in unmet {
        if !reasons.iter().any(|r| r.reason == u.reason) {
            reasons.push(u);
        }
    }
    reasons
        .into_iter()
        .map(|u| {
            let why = format!("{} {} {}", lang.t("why"), u.timestamp, lang.t(&u.queue));
            format!("  {}", labelled(&why, &lang.message(&u.reason), lang))
        })
        .collect()
}

/// The fewest and most night shifts a member of each group works.
fn night_shifts(spreads: &[NightShiftSpread], lang: Lang) -> String {
    let groups: Vec<String> = spreads
        .iter()
        .map(|n| format!("{} {}-{}", lang.t(&n.group), n.fewest, n.most))
        .collect();
    labelled(
        "Night shifts per person",
        &groups.join(list_comma(lang)),
        lang,
    )
}

/// The fewest and most hours a member of each group works.
fn hours_per_person(spreads: &[HoursSpread], lang: Lang) -> String {
    let groups: Vec<String> = spreads
        .iter()
        .map(|h| format!("{} {}-{}", lang.t(&h.group), h.fewest, h.most))
        .collect();
    labelled("Hours per person", &groups.join(list_comma(lang)), lang)
}

/// A person the plan could not put on duty in a phase that requires them.
fn missed_phase_rule(m: &MissedPhaseRule, lang: Lang) -> String {
    if lang == Lang::Zh {
        format!(
            "阶段 {} 未满足（{}）：{}\n",
            lang.t(&m.phase),
            m.person,
            lang.message(&m.reason)
        )
    } else {
        format!("Phase {} not met for {}: {}\n", m.phase, m.person, m.reason)
    }
}

/// Weeks below a minimum listed one per line; the rest are counted in one (a month of 300
/// people can have hundreds: they are all in people.csv and summary.json).
const BELOW_MINIMUM_SHOWN: usize = 5;

/// The weeks below a minimum not listed: how many, and their hours.
fn more_below_minimum(rest: &[BelowMinimum], lang: Lang) -> String {
    let rule = Rule::MinHoursPerWeek.name();
    let hours = (rest.iter().map(|b| b.hours).sum::<f64>() * 100.0).round() / 100.0;
    if lang == Lang::Zh {
        format!(
            "最低工时未满足（{rule}）：另有 {} 人·周，共少 {hours} 小时（见 people.csv 与 summary.json 的 below_minimum）\n",
            rest.len()
        )
    } else {
        format!(
            "Below minimum hours ({rule}): {} more person-weeks, {hours} h short in all (people.csv, below_minimum in summary.json)\n",
            rest.len()
        )
    }
}

/// A person's week below their minimum hours.
fn below_minimum(b: &BelowMinimum, lang: Lang) -> String {
    let rule = Rule::MinHoursPerWeek.name();
    if lang == Lang::Zh {
        format!(
            "最低工时未满足（{rule}）：{} 第 {} 周少 {} 小时\n",
            b.person,
            b.week + 1,
            b.hours
        )
    } else {
        format!(
            "Below minimum hours ({rule}): {} short {} h in week {}\n",
            b.person,
            b.hours,
            b.week + 1
        )
    }
}

/// Intervals short of leads: how many, the most leads missing at once, and the first.
fn leads_missing(missing: &[LeadsMissing], lang: Lang) -> String {
    let rule = Rule::LeadOnDuty.name();
    let most = missing.iter().map(|m| m.leads).max().unwrap_or(0);
    let first = &missing[0].timestamp;
    if lang == Lang::Zh {
        format!(
            "组长不足（{rule}）：{} 个时段，同时最多缺 {most} 名组长，最早 {first}\n",
            missing.len()
        )
    } else {
        let leads = if most == 1 { "lead" } else { "leads" };
        format!(
            "Leads missing ({rule}): {} intervals, up to {most} {leads} at once, from {first}\n",
            missing.len()
        )
    }
}

/// One queue's simulated service level with its 95% band.
fn simulated_service_level(q: &QueueCheck, lang: Lang) -> String {
    let sl = &q.simulated.service_level;
    let (mean, low, high) = (sl.mean * 100.0, sl.low * 100.0, sl.high * 100.0);
    let label = lang.t("Simulated service level");
    match lang {
        Lang::Zh => format!(
            "{label} {}：{mean:.1}%（95% 区间 {low:.1}-{high:.1}%）\n",
            lang.t(&q.queue)
        ),
        Lang::En => format!(
            "{label} {}: {mean:.1}% (95% band {low:.1}-{high:.1}%)\n",
            q.queue
        ),
    }
}

/// A simulated share with its band, e.g. "81.2% (79.0-83.1%)".
fn percent(b: &Band) -> String {
    format!(
        "{:.1}% ({:.1}-{:.1}%)",
        b.mean * 100.0,
        b.low * 100.0,
        b.high * 100.0
    )
}

/// The simulation's answer: each queue overall, then the intervals below target.
pub fn simulation(check: &PlanCheck, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut out = if zh {
        format!(
            "模拟 {} 次（随机种子 {}），95% 区间：\n",
            check.runs, check.seed
        )
    } else {
        format!(
            "Simulated {} runs (seed {}), 95% bands:\n",
            check.runs, check.seed
        )
    };
    for q in &check.queues {
        let (sl, target) = (
            percent(&q.simulated.service_level),
            q.target_service_level * 100.0,
        );
        let (wait, leave) = (
            q.simulated.asa_seconds.mean,
            q.simulated.abandonment.mean * 100.0,
        );
        out += &if zh {
            format!(
                "  {}：{sl} 及时回复（目标 {target:.0}%），平均响应时间 {wait:.1} 秒，放弃率 {leave:.1}%\n",
                lang.t(&q.queue)
            )
        } else {
            format!(
                "  {}: {sl} answered in time (target {target:.0}%), average wait {wait:.1} s, {leave:.1}% leave\n",
                q.queue
            )
        };
    }
    let misses: Vec<_> = check.intervals.iter().filter(|i| i.misses_target).collect();
    out += &match (misses.len(), zh) {
        (0, true) => "没有时段低于目标。\n".to_string(),
        (0, false) => "No interval falls below its target.\n".to_string(),
        (n, true) => format!("{n} 个时段低于目标：\n"),
        (1, false) => "1 interval falls below target:\n".to_string(),
        (n, false) => format!("{n} intervals fall below target:\n"),
    };
    for i in misses {
        let (sl, formula) = (
            percent(&i.simulated.service_level),
            i.formula_service_level * 100.0,
        );
        out += &if zh {
            format!(
                "  {} {}：{sl}（公式 {formula:.1}%），{} 名客服在线接待 {:.0} 个咨询\n",
                i.timestamp,
                lang.t(&i.queue),
                i.agents_at_keyboard,
                i.inquiries
            )
        } else {
            format!(
                "  {} {}: {sl} (formula {formula:.1}%), {} agents at the keyboard for {:.0} chats\n",
                i.timestamp, i.queue, i.agents_at_keyboard, i.inquiries
            )
        };
    }
    out
}

/// `shiftcast erlang`'s answer: agents, then how they perform.
pub fn erlang(a: &ErlangAnswer, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let model = match a.model {
        "erlang_a" => "Erlang A",
        _ => "Erlang C",
    };
    let (n, load, c) = (a.agents, a.offered_load, a.concurrency);
    let mut out = match (zh, c > 1) {
        (true, true) => format!(
            "在线客服 {n} 名（{model}，话务量 {load:.2} Erlang，每人同时接待 {c} 个咨询）\n"
        ),
        (true, false) => format!("在线客服 {n} 名（{model}，话务量 {load:.2} Erlang）\n"),
        (false, true) => format!(
            "{n} agents at the keyboard ({model}, {load:.2} Erlang offered, {c} chats each)\n"
        ),
        (false, false) => {
            format!("{n} agents at the keyboard ({model}, {load:.2} Erlang offered)\n")
        }
    };
    if let (Some(sl), Some(within)) = (a.service_level, a.within_seconds) {
        let sl = sl * 100.0;
        out += &if zh {
            format!("  {sl:.1}% 的咨询在 {within} 秒内得到回复\n")
        } else {
            format!("  {sl:.1}% of chats answered within {within} s\n")
        };
    }
    let wait = a.wait_probability * 100.0;
    out += &if zh {
        format!("  {wait:.1}% 的咨询需要等待\n")
    } else {
        format!("  {wait:.1}% of chats wait at all\n")
    };
    out += &match (a.asa_seconds.is_finite(), zh) {
        (true, true) => format!("  平均响应时间 {:.1} 秒\n", a.asa_seconds),
        (true, false) => format!("  average wait {:.1} s\n", a.asa_seconds),
        (false, true) => "  队列会越排越长：客服太少，接不住这些咨询\n".to_string(),
        (false, false) => {
            "  the queue grows without end: too few agents for the load\n".to_string()
        }
    };
    let busy = a.occupancy * 100.0;
    out += &if zh {
        format!("  占用率 {busy:.1}%\n")
    } else {
        format!("  occupancy {busy:.1}%\n")
    };
    if let Some(leave) = a.abandonment_probability.map(|p| p * 100.0) {
        out += &if zh {
            format!("  放弃率 {leave:.1}%（等不到回复就离开）\n")
        } else {
            format!("  {leave:.1}% of chats leave before an answer\n")
        };
    }
    if let (Some(n), Some(s)) = (a.agents_after_shrinkage, a.shrinkage.map(|s| s * 100.0)) {
        out += &if zh {
            format!("计入 {s:.0}% 损耗后需排班 {n} 名客服\n")
        } else {
            format!("{n} agents on the roster after {s:.0}% shrinkage\n")
        };
    }
    if let Some(n) = a.agents_by_rule {
        out += &if zh {
            format!("按每人每小时接待量估算：{n} 名\n")
        } else {
            format!("The chats-per-agent-hour rule says {n}\n")
        };
    }
    out
}
