//! Words of `report.html` that are more than a label: the date over each day of the roster
//! grid and the service table, in each language's order.

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
}
