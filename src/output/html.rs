//! `report.html`: one self-contained page (charts inline, no network) with the summary, the
//! charts and the roster grid; it reads on a phone (the grid scrolls sideways).

use std::fmt::Write;

use super::charts::Chart;
use super::text;
use crate::labels::Lang;
use crate::scenario::Scenario;
use crate::schedule::Activity;
use crate::time::format_time;
use crate::Plan;

const STYLE: &str = "body{font-family:system-ui,'PingFang SC','Noto Sans CJK SC',sans-serif;margin:1em;color:#222}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.5em}
pre{background:#f4f4f4;padding:.8em;white-space:pre-wrap}
svg{max-width:100%;height:auto}
.grid{overflow-x:auto}.grid table{border-collapse:collapse;font-size:11px}
.grid td,.grid th{border:1px solid #ddd;min-width:1.6em;text-align:center;padding:1px}
.grid th.name,.grid td.name{position:sticky;left:0;background:#fff;text-align:left;white-space:nowrap}
.q0{background:#F8CBAD}.q1{background:#9BC2E6}.q2{background:#C6E0B4}.q3{background:#FFE699}.brk{background:#D9D9D9;font-size:8px}";

/// Escapes text for HTML.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The whole page.
pub fn report_html(plan: &Plan, scenario: &Scenario, charts: &[Chart], lang: Lang) -> String {
    let title = lang.t("Customer-service plan");
    let mut page = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><style>{STYLE}</style></head><body>\n<h1>{title}: {} - {}</h1>\n",
        lang.code(),
        format_time(scenario.horizon.start),
        format_time(scenario.horizon.end),
    );
    let _ = write!(
        page,
        "<h2>{}</h2>\n<pre>{}</pre>\n",
        lang.t("Summary"),
        esc(&text::summary(&plan.report.summary, lang))
    );
    let summary = &plan.report.summary;
    for (title, lines) in [
        ("Warnings", &summary.forecast_warnings),
        ("Notes", &summary.forecast_notes),
    ] {
        if !lines.is_empty() {
            let _ = write!(page, "<h2>{}</h2><ul>", lang.t(title));
            for line in lines {
                let _ = write!(page, "<li>{}</li>", esc(&lang.message(line)));
            }
            page += "</ul>\n";
        }
    }
    for chart in charts {
        // Drop the XML prolog if any: the SVG is inline.
        let _ = writeln!(
            page,
            "<div>{}</div>",
            chart.svg.trim_start_matches(|c| c != '<')
        );
    }
    let _ = writeln!(page, "<h2>{}</h2>", lang.t("Roster"));
    page += &roster_grid(plan, scenario, lang);
    page += "</body></html>\n";
    page
}

/// People down, hours across; a cell shows the first letter of the queue, coloured by queue.
fn roster_grid(plan: &Plan, scenario: &Scenario, lang: Lang) -> String {
    let times = scenario.horizon.times();
    let mut html = format!(
        "<div class=\"grid\"><table><tr><th class=\"name\">{}</th>",
        lang.t("name")
    );
    for t in &times {
        let _ = write!(
            html,
            "<th title=\"{}\">{}</th>",
            format_time(*t),
            t.format("%H")
        );
    }
    html += "</tr>\n";
    // Each queue's cell, made once: a grid holds thousands of them.
    let cells: Vec<String> = (scenario.queues.iter().enumerate())
        .map(|(q, queue)| {
            format!(
                "<td class=\"q{}\" title=\"{}\">{}</td>",
                q % 4,
                esc(&lang.t(&queue.name)),
                esc(&lang.short(&queue.name))
            )
        })
        .collect();
    for person in crate::report::people(&plan.roster) {
        let _ = write!(html, "<tr><td class=\"name\">{}</td>", esc(person.name));
        for t in &times {
            let activity = person.shifts.iter().find_map(|r| r.activity_at(*t));
            match activity {
                Some(Activity::Queue(queue)) => {
                    let q = scenario
                        .queues
                        .iter()
                        .position(|q| q.name == *queue)
                        .unwrap_or(0);
                    html += &cells[q];
                }
                Some(Activity::Break(name)) => {
                    let _ = write!(
                        html,
                        "<td class=\"brk\" title=\"{}\">{}</td>",
                        esc(name),
                        esc(&lang.t("break"))
                    );
                }
                None => html += "<td></td>",
            }
        }
        html += "</tr>\n";
    }
    html += "</table></div>\n";
    html
}
