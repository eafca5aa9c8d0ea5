//! The phrases of the workbook's printed sheets: a day's name, a queue's service target, and
//! what the shift codes of the person x day sheet mean.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::labels::Lang;
use crate::output::workbook::{ShiftKind, EARLY_BEFORE_HOUR, LATE_FROM_HOUR};

/// A day sheet's name and a date column's header: `11-11 Wed`, `11月11日 周三`.
pub(crate) fn day_name(date: NaiveDate, lang: Lang) -> String {
    let day = date.weekday().num_days_from_monday() as usize;
    match lang {
        Lang::Zh => {
            let names = ["一", "二", "三", "四", "五", "六", "日"];
            format!("{}月{}日 周{}", date.month(), date.day(), names[day])
        }
        Lang::En => format!("{} {}", date.format("%m-%d"), weekday_en(date.weekday())),
    }
}

fn weekday_en(day: Weekday) -> &'static str {
    ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][day.num_days_from_monday() as usize]
}

/// A queue's target: `80% within 30 s`, `30秒内回复80%`.
pub(crate) fn service_target(share: f64, seconds: f64, lang: Lang) -> String {
    let percent = share * 100.0;
    match lang {
        Lang::Zh => format!("{seconds}秒内回复{percent:.0}%"),
        Lang::En => format!("{percent:.0}% within {seconds} s"),
    }
}

/// What a shift kind's letter means; `night` is the scenario's night window, e.g. `22:00-06:00`.
pub(crate) fn shift_kind_meaning(kind: ShiftKind, night: &str, lang: Lang) -> String {
    let (early, late) = (EARLY_BEFORE_HOUR, LATE_FROM_HOUR);
    match (kind, lang) {
        (ShiftKind::Night, Lang::Zh) => format!("夜班：至少一半工时在 {night}"),
        (ShiftKind::Night, Lang::En) => format!("night shift: half its hours or more in {night}"),
        (ShiftKind::Early, Lang::Zh) => format!("早班：{early:02}:00 前上班"),
        (ShiftKind::Early, Lang::En) => format!("early shift: starts before {early:02}:00"),
        (ShiftKind::Day, Lang::Zh) => format!("中班：{early:02}:00 至 {late:02}:00 前上班"),
        (ShiftKind::Day, Lang::En) => {
            format!("day shift: starts from {early:02}:00, before {late:02}:00")
        }
        (ShiftKind::Late, Lang::Zh) => format!("晚班：{late:02}:00 起上班"),
        (ShiftKind::Late, Lang::En) => format!("late shift: starts at {late:02}:00 or later"),
    }
}

/// What the hours after the letter mean.
pub(crate) fn shift_hours_meaning(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "上班与下班钟点（24 为午夜）",
        Lang::En => "the hours it starts and ends (24 is midnight)",
    }
}

/// What a break's code means, `name` its label (用餐, meal).
pub(crate) fn break_code_meaning(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{name}开始的钟点，如 01 为 01:00"),
        Lang::En => format!("{name} from the hour given, e.g. 01 for 01:00"),
    }
}

/// What an empty date means for someone (a day off).
pub(crate) fn day_off_meaning(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "休息日（不上班）",
        Lang::En => "day off",
    }
}

/// What a cell's colour means.
pub(crate) fn queue_colour_meaning(queue: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{queue}：当班主要接待的队列"),
        Lang::En => format!("{queue}: the queue served most of the shift"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_event_day_reads_as_a_manager_writes_it() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 11).unwrap();
        assert_eq!(day_name(day, Lang::Zh), "11月11日 周三");
        assert_eq!(day_name(day, Lang::En), "11-11 Wed");
        assert_eq!(service_target(0.8, 30.0, Lang::Zh), "30秒内回复80%");
        assert_eq!(service_target(0.8, 30.0, Lang::En), "80% within 30 s");
    }
}
