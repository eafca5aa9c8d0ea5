//! Words of `report.html` that are more than a label: the date over each day of the roster
//! grid and the service tables, those tables' captions and what their red hours mean, in each
//! language's order.

use chrono::{Datelike, NaiveDate};

use crate::labels::Lang;

/// Chinese weekday names, Monday first: 周一 ... 周日 (周日, not 星期天, as rosters print it).
const ZH_WEEKDAYS: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];

/// A day's heading: `Wed 11-11` in English, `11-11 周三` in Chinese.
pub fn day_heading(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::En => date.format("%a %m-%d").to_string(),
        Lang::Zh => format!(
            "{} 周{}",
            date.format("%m-%d"),
            ZH_WEEKDAYS[date.weekday().num_days_from_monday() as usize]
        ),
    }
}

/// The caption of a queue's hour-by-hour table: its name and service level target, e.g.
/// `presale: 80% within 30 s`, `售前：80% 30 秒内响应`.
pub fn queue_target(queue: &str, level: f64, within_seconds: f64, lang: Lang) -> String {
    let percent = level * 100.0;
    match lang {
        Lang::En => format!("{queue}: {percent:.0}% within {within_seconds:.0} s"),
        Lang::Zh => format!("{queue}：{percent:.0}% {within_seconds:.0} 秒内响应"),
    }
}

/// What the red hours of the hour-by-hour tables mean.
pub fn hours_below_target(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Hours in red are below the queue's service level target.",
        Lang::Zh => "红色的时段低于该队列的服务水平目标。",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn double_11_2026_is_a_wednesday() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 11).unwrap();
        assert_eq!(day_heading(date, Lang::En), "Wed 11-11");
        assert_eq!(day_heading(date, Lang::Zh), "11-11 周三");
        let sunday = NaiveDate::from_ymd_opt(2026, 11, 15).unwrap();
        assert_eq!(day_heading(sunday, Lang::Zh), "11-15 周日");
    }

    #[test]
    fn a_queue_target_reads_as_managers_say_it() {
        assert_eq!(
            queue_target("presale", 0.8, 30.0, Lang::En),
            "presale: 80% within 30 s"
        );
        assert_eq!(
            queue_target("售前", 0.8, 30.0, Lang::Zh),
            "售前：80% 30 秒内响应"
        );
    }
}
