//! `report.html`: one self-contained page (charts inline, no network) with the summary, the
//! part-timer curve when the plan carries it, the charts, the roster grid with its legend and,
//! per queue, the service level, average wait and abandonment hour by hour; it reads on a phone
//! (the grid scrolls sideways, names stay in view) and prints.

use std::fmt::Write;

use super::charts::Chart;
use super::text;
use super::PlanOutputs;
use crate::labels::Lang;
use crate::parttimers::Answer;
use crate::report::CoverageRow;
use crate::scenario::{Queue, Scenario};
use crate::time::format_time;
use crate::Plan;

mod grid;

const STYLE: &str = "body{font-family:system-ui,'PingFang SC','Noto Sans CJK SC',sans-serif;margin:1em;color:#222}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.5em}
pre{background:#f4f4f4;padding:.8em;white-space:pre-wrap}pre.wide{white-space:pre;overflow-x:auto}
svg{max-width:100%;height:auto}
.grid{overflow-x:auto}.grid table{border-collapse:collapse;font-size:11px}
.grid td,.grid th{border:1px solid #ddd;min-width:1.6em;text-align:center;padding:1px}
.grid th.name,.grid td.name{position:sticky;left:0;background:#fff;text-align:left;white-space:nowrap}
.grid colgroup.day{border-left:2px solid #888}.grid td{white-space:nowrap}
.legend span{margin-right:1em;white-space:nowrap}
.legend b{display:inline-block;min-width:1.6em;text-align:center;font-weight:normal;font-size:1em;border:1px solid #ddd}
.q0{background:#F8CBAD}.q1{background:#9BC2E6}.q2{background:#C6E0B4}.q3{background:#FFE699}.brk{background:#D9D9D9;font-size:8px}
.hours{display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start}
.hours table{border-collapse:collapse;font-size:12px}.hours caption{font-weight:bold;text-align:left}
.hours td,.hours th{border:1px solid #ddd;padding:1px 6px;text-align:right}
.hours th.date{text-align:left;background:#f4f4f4}.hours tr.low td{color:#C00000}
@media print{h2{break-after:avoid}svg,tr{break-inside:avoid}}";

/// The phases' classes `p0` ... in the coverage charts' shades.
fn phase_style() -> String {
    let shades = super::charts::PHASE_SHADES.iter().enumerate();
    (shades.map(|(p, c)| format!(".p{p}{{background:#{:02X}{:02X}{:02X}}}", c.0, c.1, c.2)))
        .collect()
}

/// Escapes text for HTML.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The whole page; `curve` is the part-timer curve's chart, when the plan carries the curve.
pub fn report_html(
    plan: &Plan,
    how: &PlanOutputs,
    charts: &[Chart],
    curve: Option<&Chart>,
) -> String {
    let (scenario, lang) = (how.scenario, how.lang);
    let title = lang.t("Customer-service plan");
    let mut page = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><style>{STYLE}\n{}</style></head><body>\n<h1>{}</h1>\n",
        lang.code(),
        phase_style(),
        lang.labelled(
            &title,
            format!(
                "{} - {}",
                format_time(scenario.horizon.start),
                format_time(scenario.horizon.end)
            )
        ),
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
    if let (Some(answer), Some(chart)) = (how.curve, curve) {
        page += &curve_section(answer, chart, lang);
    }
    for chart in charts {
        page += &inline(chart);
    }
    let _ = writeln!(page, "<h2>{}</h2>", lang.t("Roster"));
    page += &grid::roster_grid(plan, scenario, lang);
    page += &service_by_hour(plan, scenario, lang);
    page += "</body></html>\n";
    page
}

/// A chart inside the page, without its XML prolog if any.
fn inline(chart: &Chart) -> String {
    format!(
        "<div>{}</div>\n",
        chart.svg.trim_start_matches(|c| c != '<')
    )
}

/// The part-timer curve: its chart, then what `shiftcast parttimers` prints (needed, hired,
/// by quantile, on call, their shifts and the curve's table; it scrolls sideways on a phone
/// rather than wrap the table's columns).
fn curve_section(answer: &Answer, chart: &Chart, lang: Lang) -> String {
    format!(
        "<h2 id=\"curve\">{}</h2>\n{}<pre class=\"wide\">{}</pre>\n",
        lang.t("How many part-timers"),
        inline(chart),
        esc(&text::part_timers(answer, lang))
    )
}

/// Per queue, a table down the hours under a heading per day: agents required and scheduled,
/// the service level, the average wait and, for a queue with a patience, the share who leave;
/// an hour below the queue's service level target is red. Values as in coverage.csv, the
/// shares in percent.
fn service_by_hour(plan: &Plan, scenario: &Scenario, lang: Lang) -> String {
    let mut html = format!(
        "<h2>{}</h2>\n<p>{}</p>\n<div class=\"hours\">\n",
        lang.t("Service by hour"),
        text::hours_below_target(lang)
    );
    for queue in &scenario.queues {
        let rows: Vec<&CoverageRow> = (plan.report.coverage.iter())
            .filter(|c| c.queue == queue.name)
            .collect();
        html += &queue_hours(queue, &rows, lang);
    }
    html + "</div>\n"
}

/// One queue's table of [`service_by_hour`].
fn queue_hours(queue: &Queue, rows: &[&CoverageRow], lang: Lang) -> String {
    let patience = rows.iter().any(|c| c.abandonment.is_some());
    let mut headers = vec![
        "time",
        "required",
        "scheduled",
        "service level",
        "Average wait (s)",
    ];
    if patience {
        headers.push("abandonment");
    }
    let caption = text::queue_target(
        &lang.t(&queue.name),
        queue.service_level,
        queue.answer_within_seconds,
        lang,
    );
    let mut html = format!("<table><caption>{}</caption><tr>", esc(&caption));
    for h in &headers {
        let _ = write!(html, "<th>{}</th>", lang.t(h));
    }
    html += "</tr>\n";
    let mut day = None;
    for c in rows {
        if day != Some(c.time.date()) {
            day = Some(c.time.date());
            let _ = writeln!(
                html,
                "<tr><th class=\"date\" colspan=\"{}\">{}</th></tr>",
                headers.len(),
                text::day_name(c.time.date(), lang)
            );
        }
        let low = if c.service_level < queue.service_level {
            " class=\"low\""
        } else {
            ""
        };
        let _ = write!(
            html,
            "<tr{low}><td>{}</td><td>{}</td><td>{}</td><td>{:.1}%</td><td>{:.1}</td>",
            c.time.format("%H:%M"),
            c.required,
            c.scheduled,
            c.service_level * 100.0,
            c.asa_seconds
        );
        if patience {
            let share = c
                .abandonment
                .map_or(String::new(), |a| format!("{:.1}%", a * 100.0));
            let _ = write!(html, "<td>{share}</td>");
        }
        html += "</tr>\n";
    }
    html + "</table>\n"
}
