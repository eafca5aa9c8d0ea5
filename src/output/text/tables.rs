//! The answers that weigh plans against each other, as tables: how many part-timers (with the
//! curve of what each count buys) and ideas compared side by side.

use crate::compare::{ScenarioRow, BASE};
use crate::labels::Lang;
use crate::parttimers::Answer;

/// The answer to "how many part-timers?", their shifts and the curve, as a table.
pub fn part_timers(answer: &Answer, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut out = match answer.needed {
        Some(n) if zh && !answer.needed_proven => {
            format!("需要兼职：至多 {n} 人（计算时间内找到的最少人数）\n")
        }
        Some(n) if !answer.needed_proven => {
            format!("Part-timers needed: at most {n} (the fewest found in the time for counting)\n")
        }
        Some(n) if zh => format!("需要兼职：{n} 人（最少人数，不缺人）\n"),
        Some(n) => format!("Part-timers needed: {n} (the fewest with no hour short)\n"),
        None if answer.time_limit_reached && zh => "在时间上限内所试人数仍有缺口\n".to_string(),
        None if answer.time_limit_reached => {
            "Still short at every number tried before the time limit\n".to_string()
        }
        None if zh => {
            "在所试人数内仍有缺口：用 shiftcast parttimers --max 试更多兼职\n".to_string()
        }
        None => "Still short at every number tried: try more with shiftcast parttimers --max\n"
            .to_string(),
    };
    if answer.needed.is_none_or(|n| n != answer.hired) {
        out += &if zh {
            format!("最便宜的方案招聘：{} 人\n", answer.hired)
        } else {
            format!("The cheapest plan hires: {}\n", answer.hired)
        };
    }
    out += &needed_by_quantile(answer, lang);
    if !answer.shifts.is_empty() {
        out += if zh {
            "兼职班次：\n"
        } else {
            "Their shifts:\n"
        };
        for s in &answer.shifts {
            let (n, queue, start, end) = (s.count, lang.t(&s.queue), &s.start, &s.end);
            out += &match lang {
                Lang::Zh => format!("  {queue} {start} - {end}：{n} 人\n"),
                Lang::En => format!("  {n} x {queue} {start} - {end}\n"),
            };
        }
    }
    out + &curve_table(answer, lang)
}

/// The needed count at each quantile of the chats and the standby, one line each.
fn needed_by_quantile(answer: &Answer, lang: Lang) -> String {
    let mut out = String::new();
    for q in &answer.needed_by_quantile {
        let count = q.part_timers.map_or("-".to_string(), |n| n.to_string());
        let percent = q.quantile * 100.0;
        out += &match lang {
            Lang::Zh => format!("  咨询量在 {percent:.0}% 分位时需要：{count} 人\n"),
            Lang::En => {
                format!("  if the chats come in at their {percent:.0}th percentile: {count}\n")
            }
        };
    }
    if let Some(n) = answer.standby {
        out += &match lang {
            Lang::Zh => format!("备用兼职：{n} 人（按 90% 分位的咨询量待命）\n"),
            Lang::En => format!("On call: {n} more for the 90th percentile of the chats\n"),
        };
    }
    out
}

/// The curve: per count tried, agent-hours short, service level, average wait, sales at risk
/// (when chats are valued), lowest service level and cost.
fn curve_table(answer: &Answer, lang: Lang) -> String {
    let valued = answer.curve.iter().any(|p| p.sales_at_risk.is_some());
    let mut heads = vec![
        ("Part-timers", 11),
        ("Short agent-hours", 18),
        ("Service level", 14),
        ("Average wait (s)", 18),
        ("Lowest service level", 18),
        ("Cost", 12),
    ];
    if valued {
        heads.push(("Sales at risk", 14));
    }
    let heads: Vec<String> = heads
        .into_iter()
        .map(|(head, columns)| right(&lang.t(head), columns))
        .collect();
    let mut out = heads.join(" ") + "\n";
    for p in &answer.curve {
        out += &format!(
            "{:>11} {:>18.1} {:>13.1}% {:>18.0} {:>17.1}% {:>12.2}",
            p.part_timers,
            p.shortfall_agent_hours,
            p.service_level * 100.0,
            p.asa_seconds,
            p.min_service_level * 100.0,
            p.cost
        );
        if let Some(risk) = p.sales_at_risk {
            out += &format!(" {risk:>14.2}");
        }
        out += "\n";
    }
    if answer.time_limit_reached {
        out += if lang == Lang::Zh {
            "求解时间已到上限，曲线到此为止：用 --time-limit 给更多时间\n"
        } else {
            "The time limit ended the curve here: give it more time with --time-limit\n"
        };
    }
    out
}

/// One line of the comparison: its label and how a scenario's cell reads in a language.
type ComparisonLine = (&'static str, fn(&ScenarioRow, Lang) -> String);

/// Scenarios side by side: one line per number, one column per scenario (`-`: not known).
pub fn comparison(rows: &[ScenarioRow], lang: Lang) -> String {
    let lines: [ComparisonLine; 8] = [
        ("Peak agents", |r, _| r.peak_agents.to_string()),
        ("Agent hours", |r, _| format!("{:.0}", r.total_agent_hours)),
        ("Part-timers needed", |r, _| {
            r.part_timers_needed.map_or("-".into(), |n| n.to_string())
        }),
        ("Part-timers hired", |r, _| r.part_timers_hired.to_string()),
        ("Cost", |r, _| format!("{:.2}", r.total_cost)),
        ("Service level", |r, _| {
            format!("{:.1}%", r.service_level * 100.0)
        }),
        ("Sales at risk", |r, _| {
            r.sales_at_risk.map_or("-".into(), |s| format!("{s:.0}"))
        }),
        ("Solver", |r, lang| lang.t(r.solver_status)),
    ];
    let mut table = vec![std::iter::once(String::new())
        .chain(rows.iter().map(|r| match r.name.as_str() {
            BASE => lang.t(BASE),
            name => name.to_string(),
        }))
        .collect::<Vec<_>>()];
    for (label, cell) in lines {
        table.push(
            std::iter::once(lang.t(label))
                .chain(rows.iter().map(|r| cell(r, lang)))
                .collect(),
        );
    }
    aligned(&table, 1)
}

/// Rows of cells as text: the first `left` columns to the left, the others to the right, each
/// as wide as its widest cell (a Chinese character as wide as two letters, as terminals draw
/// it).
pub(super) fn aligned(table: &[Vec<String>], left: usize) -> String {
    let columns = table.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..columns)
        .map(|c| table.iter().map(|row| width(&row[c])).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in table {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            let pad = " ".repeat(widths[c] - width(cell));
            line += &match c {
                0 => format!("{cell}{pad}"),
                c if c < left => format!("  {cell}{pad}"),
                _ => format!("  {pad}{cell}"),
            };
        }
        out += line.trim_end();
        out += "\n";
    }
    out
}

/// How many columns a terminal draws `s` in: a Chinese character as wide as two letters.
fn width(s: &str) -> usize {
    s.chars().map(|c| if c >= '\u{2e80}' { 2 } else { 1 }).sum()
}

/// `s` moved right in `columns` columns (as `{:>columns}` does for letters).
fn right(s: &str, columns: usize) -> String {
    format!("{}{s}", " ".repeat(columns.saturating_sub(width(s))))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An answer whose every count tried still leaves an hour short.
    fn short_everywhere(time_limit_reached: bool) -> Answer {
        Answer {
            needed: None,
            needed_proven: true,
            hired: 3,
            needed_by_quantile: Vec::new(),
            standby: None,
            curve: Vec::new(),
            shifts: Vec::new(),
            time_limit_reached,
        }
    }

    #[test]
    fn still_short_points_to_the_command_that_has_max() {
        let text = part_timers(&short_everywhere(false), Lang::En);
        assert!(text.starts_with(
            "Still short at every number tried: try more with shiftcast parttimers --max\n"
        ));
        let text = part_timers(&short_everywhere(false), Lang::Zh);
        assert!(text.starts_with("在所试人数内仍有缺口：用 shiftcast parttimers --max 试更多兼职"));
        let text = part_timers(&short_everywhere(true), Lang::En);
        assert!(text.starts_with("Still short at every number tried before the time limit\n"));
    }
}
