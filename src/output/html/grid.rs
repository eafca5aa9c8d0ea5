//! The report's roster grid: people down (name, then group), the plan's intervals across under
//! a heading per day and the phase in force, each cell the short code of the queue served,
//! coloured by queue, or of the break; a legend under it names each code and colour.

use std::fmt::Write;

use chrono::{NaiveDate, NaiveDateTime, Timelike};

use super::esc;
use crate::labels::Lang;
use crate::output::text;
use crate::scenario::Scenario;
use crate::schedule::Activity;
use crate::time::format_time;
use crate::Plan;

/// Cell colours of the queues, in the scenario's order (the workbook's, the 5th queue takes
/// the 1st colour again).
const QUEUE_CLASSES: usize = 4;

/// Shades of the phases, as in the coverage charts (`p0` to `p3`, made from their colours).
const PHASE_CLASSES: usize = super::super::charts::PHASE_SHADES.len();

/// The grid and its legend.
pub(super) fn roster_grid(plan: &Plan, scenario: &Scenario, lang: Lang) -> String {
    let times = scenario.horizon.times();
    let days = days(&times);
    let mut html = String::from("<div class=\"grid\"><table>");
    // A column group per day draws the line between days.
    html += "<colgroup span=\"2\"></colgroup>";
    for (_, intervals) in &days {
        let _ = write!(
            html,
            "<colgroup class=\"day\" span=\"{intervals}\"></colgroup>"
        );
    }
    let phases = phase_row(scenario, &times, lang);
    let rows = if phases.is_empty() { 2 } else { 3 };
    let _ = write!(
        html,
        "\n<tr><th class=\"name\" rowspan=\"{rows}\">{}</th><th rowspan=\"{rows}\">{}</th>",
        lang.t("name"),
        lang.t("group")
    );
    for (date, intervals) in &days {
        let _ = write!(
            html,
            "<th colspan=\"{intervals}\">{}</th>",
            text::day_name(*date, lang)
        );
    }
    html += "</tr>\n";
    html += &phases;
    html += "<tr>";
    for t in &times {
        let _ = write!(
            html,
            "<th title=\"{}\">{}</th>",
            format_time(*t),
            t.format(if t.minute() == 0 { "%H" } else { ":%M" })
        );
    }
    html += "</tr>\n";
    // Each queue's cell, made once: a grid holds thousands of them.
    let codes = scenario.queue_codes(lang);
    let cells: Vec<String> = (scenario.queues.iter().zip(&codes).enumerate())
        .map(|(q, (queue, code))| {
            format!(
                "<td class=\"q{}\" title=\"{}\">{}</td>",
                q % QUEUE_CLASSES,
                esc(&lang.t(&queue.name)),
                esc(code)
            )
        })
        .collect();
    for person in crate::report::people(&plan.roster) {
        let _ = write!(
            html,
            "<tr><td class=\"name\">{}</td><td>{}</td>",
            esc(person.name),
            esc(&lang.t(person.group))
        );
        for t in &times {
            match person.shifts.iter().find_map(|r| r.activity_at(*t)) {
                Some(Activity::Queue(queue)) => {
                    let q = scenario.queues.iter().position(|q| q.name == *queue);
                    html += &cells[q.unwrap_or(0)];
                }
                Some(Activity::Break(name)) => html += &break_cell(name, lang),
                None => html += "<td></td>",
            }
        }
        html += "</tr>\n";
    }
    html += "</table></div>\n";
    html + &legend(scenario, lang)
}

/// Each date of `times` with how many of the intervals fall on it, in order.
fn days(times: &[NaiveDateTime]) -> Vec<(NaiveDate, usize)> {
    let mut days: Vec<(NaiveDate, usize)> = Vec::new();
    for t in times {
        match days.last_mut() {
            Some((date, n)) if *date == t.date() => *n += 1,
            _ => days.push((t.date(), 1)),
        }
    }
    days
}

/// Phase names, each once, in the scenario's order: the n-th is shaded `p{n % 4}`, as in the
/// coverage charts.
fn phase_names(scenario: &Scenario) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    for phase in &scenario.phases {
        if !names.contains(&phase.name.as_str()) {
            names.push(&phase.name);
        }
    }
    names
}

/// The row over the hours naming the phase in force (the first listed, as the workbook's grid
/// does), one shaded cell per run of intervals in it; empty when the scenario has no phases.
fn phase_row(scenario: &Scenario, times: &[NaiveDateTime], lang: Lang) -> String {
    if scenario.phases.is_empty() {
        return String::new();
    }
    let names = phase_names(scenario);
    let in_force = |t: &NaiveDateTime| {
        let phase = scenario.phases.iter().find(|p| p.start <= *t && *t < p.end);
        phase.and_then(|p| names.iter().position(|n| *n == p.name))
    };
    let mut runs: Vec<(Option<usize>, usize)> = Vec::new();
    for phase in times.iter().map(in_force) {
        match runs.last_mut() {
            Some((last, n)) if *last == phase => *n += 1,
            _ => runs.push((phase, 1)),
        }
    }
    let mut html = String::from("<tr>");
    for (phase, n) in runs {
        let _ = match phase {
            Some(p) => write!(
                html,
                "<th colspan=\"{n}\" class=\"p{}\">{}</th>",
                p % PHASE_CLASSES,
                esc(&lang.t(names[p]))
            ),
            None => write!(html, "<th colspan=\"{n}\"></th>"),
        };
    }
    html + "</tr>\n"
}

/// A break's cell: its own name's short code (餐 for a meal in Chinese), grey.
fn break_cell(name: &str, lang: Lang) -> String {
    format!(
        "<td class=\"brk\" title=\"{}\">{}</td>",
        esc(&lang.t(name)),
        esc(&lang.short(name))
    )
}

/// Under the grid: each queue's colour and code with its name, then each break's.
fn legend(scenario: &Scenario, lang: Lang) -> String {
    let mut html = format!("<p class=\"legend\"><strong>{}</strong>", lang.t("Legend"));
    let codes = scenario.queue_codes(lang);
    for (q, (queue, code)) in scenario.queues.iter().zip(&codes).enumerate() {
        let _ = write!(
            html,
            " <span><b class=\"q{}\">{}</b> {}</span>",
            q % QUEUE_CLASSES,
            esc(code),
            esc(&lang.t(&queue.name))
        );
    }
    let mut breaks: Vec<&str> = Vec::new();
    for b in scenario.shifts.iter().flat_map(|s| &s.breaks) {
        if !breaks.contains(&b.name.as_str()) {
            breaks.push(&b.name);
        }
    }
    for name in breaks {
        let _ = write!(
            html,
            " <span><b class=\"brk\">{}</b> {}</span>",
            esc(&lang.short(name)),
            esc(&lang.t(name))
        );
    }
    for (p, name) in phase_names(scenario).into_iter().enumerate() {
        let _ = write!(
            html,
            " <span><b class=\"p{}\">&nbsp;</b> {}</span>",
            p % PHASE_CLASSES,
            esc(&lang.t(name))
        );
    }
    html + "</p>\n"
}
