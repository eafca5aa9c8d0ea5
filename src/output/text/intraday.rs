//! The day re-planned, as the floor manager reads it: the surprise so far, the service level
//! with and without the moves, and the moves one per line.

use chrono::NaiveDateTime;

use crate::intraday::{Intraday, Move, MoveKind, Surprise, RATIO_HOURS};
use crate::labels::Lang;

/// The whole answer of `shiftcast intraday`.
pub fn intraday(day: &Intraday, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let now = day.now.format("%Y-%m-%d %H:%M");
    let mut out = if zh {
        format!("现在 {now}。近 {RATIO_HOURS} 小时咨询量与计划相比：\n")
    } else {
        format!("Now {now}. Chats in the last {RATIO_HOURS} hours against the plan:\n")
    };
    for s in &day.surprise {
        out += &surprise(s, lang);
    }
    let (before, after) = (
        day.service_level_before * 100.0,
        day.service_level_after * 100.0,
    );
    out += &if zh {
        format!("剩余时段及时回复率：按原计划 {before:.1}%，调整后 {after:.1}%\n")
    } else {
        format!(
            "Answered in time over the rest of the plan: {before:.1}% as planned, {after:.1}% with the moves\n"
        )
    };
    out += &match (day.moves.len(), zh) {
        (0, true) => "无需调整。\n".to_string(),
        (0, false) => "No moves needed.\n".to_string(),
        (n, true) => format!(
            "{n} 项调整，增加工资 {:.2}：{}\n",
            day.moves_cost,
            tally(&day.moves, lang)
        ),
        (n, false) => format!(
            "{n} moves, {:.2} more in pay: {}\n",
            day.moves_cost,
            tally(&day.moves, lang)
        ),
    };
    for m in &day.moves {
        out += &format!("  {}\n", movement(m, day.now, lang));
    }
    let short = day.shortfall_agent_hours_after;
    out += &match (short > 0.0, zh) {
        (false, true) => "未来一天每个时段都够人。\n".to_string(),
        (false, false) => "Every hour of the coming day is covered.\n".to_string(),
        (true, true) => format!("未来一天仍缺 {short:.0} 人时：已无人可调\n"),
        (true, false) => {
            format!("{short:.0} agent-hours of the coming day stay short: nobody left to move\n")
        }
    };
    out
}

/// The moves counted by kind, e.g. `1 called in, 6 new part-timers, 29 shifts extended (53 h)`.
fn tally(moves: &[Move], lang: Lang) -> String {
    let count = |kind: MoveKind| moves.iter().filter(|m| m.kind == kind).count();
    let extra_hours: f64 = moves
        .iter()
        .filter(|m| m.kind == MoveKind::Extend)
        .map(|m| (m.end - m.start).num_minutes() as f64 / 60.0)
        .sum();
    let zh = lang == Lang::Zh;
    let parts: Vec<String> = [
        MoveKind::CallIn,
        MoveKind::AddPartTimer,
        MoveKind::Extend,
        MoveKind::SwitchQueue,
        MoveKind::MoveBreak,
    ]
    .into_iter()
    .filter(|&kind| count(kind) > 0)
    .map(|kind| {
        let n = count(kind);
        match (kind, zh) {
            (MoveKind::CallIn, true) => format!("召回 {n} 人"),
            (MoveKind::CallIn, false) => format!("{n} called in"),
            (MoveKind::AddPartTimer, true) => format!("新增兼职 {n} 人"),
            (MoveKind::AddPartTimer, false) => plural(n, "new part-timer", "new part-timers"),
            (MoveKind::Extend, true) => format!("延长班次 {n} 个（共 {extra_hours:.0} 小时）"),
            (MoveKind::Extend, false) => format!(
                "{} ({extra_hours:.0} h)",
                plural(n, "shift extended", "shifts extended")
            ),
            (MoveKind::SwitchQueue, true) => format!("转队列 {n} 次"),
            (MoveKind::SwitchQueue, false) => plural(n, "queue switch", "queue switches"),
            (MoveKind::MoveBreak, true) => format!("调整{} {n} 次", lang.t("break")),
            (MoveKind::MoveBreak, false) => plural(n, "break moved", "breaks moved"),
        }
    })
    .collect();
    parts.join(if zh { "，" } else { ", " })
}

/// `1 break moved`, `2 breaks moved`.
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn surprise(s: &Surprise, lang: Lang) -> String {
    let queue = lang.t(&s.queue);
    let (actual, forecast, ratio) = (s.actual, s.forecast, s.ratio);
    let mut line = match lang {
        Lang::Zh => format!("  {queue}：实际 {actual:.0}，预测 {forecast:.0}，后续按 {ratio:.2} 倍重新预测"),
        Lang::En => format!(
            "  {queue}: {actual:.0} seen, {forecast:.0} forecast: the rest re-forecast at x{ratio:.2}"
        ),
    };
    if let Some(share) = s.attendance {
        let percent = share * 100.0;
        line += &match lang {
            Lang::Zh => format!("；计划客服到岗 {percent:.0}%"),
            Lang::En => format!("; {percent:.0}% of the planned agents logged in"),
        };
    }
    if let Some(sl) = s.service_level_so_far {
        let percent = sl * 100.0;
        line += &match lang {
            Lang::Zh => format!("；至今及时回复 {percent:.1}%"),
            Lang::En => format!("; {percent:.1}% answered in time so far"),
        };
    }
    line + "\n"
}

/// `06:00-10:00  call in  SB-01  presale`, the date added when it is not today's.
fn movement(m: &Move, now: NaiveDateTime, lang: Lang) -> String {
    let when = span(m.start, m.end, now);
    let queue = lang.t(&m.queue);
    let name = &m.name;
    let zh = lang == Lang::Zh;
    match m.kind {
        MoveKind::SwitchQueue if zh => format!("{when}  转队列  {name} 转至{queue}"),
        MoveKind::SwitchQueue => format!("{when}  switch  {name} to {queue}"),
        MoveKind::CallIn if zh => format!("{when}  召回上岗  {name}（{queue}）"),
        MoveKind::CallIn => format!("{when}  call in  {name} for {queue}"),
        MoveKind::Extend if zh => format!("{when}  延长班次  {name}（{queue}）"),
        MoveKind::Extend => format!("{when}  extend  {name}'s shift on {queue}"),
        MoveKind::AddPartTimer if zh => format!("{when}  新增兼职  {name}（{queue}）"),
        MoveKind::AddPartTimer => format!("{when}  add part-timer  {name} for {queue}"),
        MoveKind::MoveBreak => {
            let was = m
                .was_start
                .map_or(String::new(), |w| w.format("%H:%M").to_string());
            if zh {
                format!("{when}  调整{queue}时间  {name}（原 {was}）")
            } else {
                format!("{when}  move {queue}  {name} (was {was})")
            }
        }
    }
}

/// `HH:MM-HH:MM`, with the month and day in front when the move starts on another date.
fn span(start: NaiveDateTime, end: NaiveDateTime, now: NaiveDateTime) -> String {
    let from = if start.date() == now.date() {
        start.format("%H:%M").to_string()
    } else {
        start.format("%m-%d %H:%M").to_string()
    };
    format!("{from}-{}", end.format("%H:%M"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_moved_meal_reads_as_a_meal_not_a_day_off() {
        let at = |hour: u32| {
            chrono::NaiveDate::from_ymd_opt(2026, 11, 11)
                .and_then(|d| d.and_hms_opt(hour, 0, 0))
                .unwrap()
        };
        let meal = Move {
            kind: MoveKind::MoveBreak,
            name: "Bo".into(),
            queue: "meal".into(),
            start: at(12),
            end: at(13),
            was_start: Some(at(11)),
        };
        assert_eq!(
            movement(&meal, at(2), Lang::Zh),
            "12:00-13:00  调整用餐时间  Bo（原 11:00）"
        );
        assert_eq!(
            movement(&meal, at(2), Lang::En),
            "12:00-13:00  move meal  Bo (was 11:00)"
        );
        assert_eq!(tally(&[meal], Lang::Zh), "调整用餐 1 次");
    }
}
