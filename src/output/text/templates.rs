//! The words of `shiftcast template`: what each column of the staff and availability files
//! holds (a note on the header cells of the templates) and what the command wrote.

use std::path::Path;

use crate::labels::Lang;

/// The note on the header cell of `column` (a name the staff or availability reader takes).
pub fn column_note(column: &str, lang: Lang) -> &'static str {
    match (column, lang) {
        ("name", Lang::Zh) => "姓名：每人一行，不可重名；可用性表中须与员工表的姓名一致",
        ("name", Lang::En) => {
            "Name: one person per row, each name once; in the availability file, as in the staff file"
        }
        ("group", Lang::Zh) => "班组：如 main（主力）、backup（机动）；不可写 part-time",
        ("group", Lang::En) => "Group: e.g. main or backup; not part-time",
        ("skills", Lang::Zh) => "技能：能接待的队列名，多个用 ; 分隔，如 presale;aftersale",
        ("skills", Lang::En) => {
            "Skills: the queues the person serves, separated by ;, e.g. presale;aftersale"
        }
        ("available", Lang::Zh) => "每日可上班时段：HH:MM-HH:MM，如 18:00-24:00；留空表示全天",
        ("available", Lang::En) => {
            "Daily window: HH:MM-HH:MM, e.g. 18:00-24:00; empty means any time"
        }
        ("days_off", Lang::Zh) => "休息日：日期 YYYY-MM-DD，多个用 ; 分隔；可留空",
        ("days_off", Lang::En) => "Days off: dates as YYYY-MM-DD separated by ;, or empty",
        ("max_hours_per_day", Lang::Zh) => "每天最多工时，如 8",
        ("max_hours_per_day", Lang::En) => "Most hours a day, e.g. 8",
        ("max_hours_per_week", Lang::Zh) => "每周最多工时，如 40",
        ("max_hours_per_week", Lang::En) => "Most hours a week, e.g. 40",
        ("date", Lang::Zh) => "日期：YYYY-MM-DD，如 2026-11-11",
        ("date", Lang::En) => "Date: YYYY-MM-DD, e.g. 2026-11-11",
        ("from", Lang::Zh) => "当天可上班的开始时间 HH:MM；整天不能上班写 unavailable",
        ("from", Lang::En) => "Start of the window that day, HH:MM; unavailable for no work that day",
        ("to", Lang::Zh) => "当天可上班的结束时间 HH:MM，如 24:00；写 unavailable 时留空",
        ("to", Lang::En) => "End of the window that day, HH:MM, e.g. 24:00; empty after unavailable",
        (_, Lang::Zh) => "见 README 中的列说明",
        (_, Lang::En) => "See the columns in the README",
    }
}

/// What `shiftcast template` wrote, and what to do next.
pub fn templates_written(dir: &Path, files: &[&str], lang: Lang) -> String {
    let dir = dir.display();
    match lang {
        Lang::Zh => format!(
            "已写入 {dir}：{}。在表头下逐行填写（表头单元格的批注说明每一列），保留第一张工作表，然后在场景文件中写上路径，如 [staff] file = \"staff.xlsx\"\n",
            files.join("、")
        ),
        Lang::En => format!(
            "Wrote {} into {dir}. Fill in the rows under the header (the note on each header cell says what the column holds), keep the first sheet, and name the file in the scenario, e.g. [staff] file = \"staff.xlsx\"\n",
            files.join(", ")
        ),
    }
}
