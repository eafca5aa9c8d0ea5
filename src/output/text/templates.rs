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
        ("group", Lang::Zh) => "班组：如 main（主力）、backup（替补）；不可写 part-time",
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
        ("kind", Lang::Zh) => "可选：full-time（全职，留空即全职）或 part-time（兼职）",
        ("kind", Lang::En) => "Optional: full-time (also when empty) or part-time",
        ("wage_per_hour", Lang::Zh) => "可选：此人的时薪，如 30；留空按场景中全职或兼职的时薪",
        ("wage_per_hour", Lang::En) => {
            "Optional: the person's own wage per hour, e.g. 30; empty for the scenario's wage"
        }
        ("contract_hours_per_week", Lang::Zh) => {
            "可选：合同每周工时，如 40；超出部分（至每周最多工时）按加班计"
        }
        ("contract_hours_per_week", Lang::En) => {
            "Optional: contract hours a week, e.g. 40; hours above it are overtime"
        }
        ("min_hours_per_week", Lang::Zh) => "可选：每周至少排的工时，如学生兼职每周至少 16",
        ("min_hours_per_week", Lang::En) => {
            "Optional: hours a week the plan gives at least, e.g. 16 for a student"
        }
        ("max_days_in_row", Lang::Zh) => "可选：最多连续上班天数，如 6（之后须休一天）；留空表示不限",
        ("max_days_in_row", Lang::En) => {
            "Optional: most working days in a row, e.g. 6, then a day off; empty for no limit"
        }
        ("lead", Lang::Zh) => "可选：组长/现场主管写 yes，其他人写 no 或留空",
        ("lead", Lang::En) => "Optional: yes for a supervisor, no or empty otherwise",
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
