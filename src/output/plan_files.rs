//! Every file of a plan folder, rendered in memory, and the CSV and JSON helpers the other
//! renderers share.

use std::collections::HashMap;

use serde::Serialize;

use super::charts::Chart;
use super::OutputFile;
use crate::error::{Error, Result};
use crate::forecast::History;
use crate::labels::Lang;
use crate::parttimers::Answer;
use crate::report::CoverageRow;
use crate::roster::RosterRow;
use crate::scenario::Scenario;
use crate::staffing::Requirement;
use crate::time::format_time;
use crate::Plan;

/// How the plan folder is written, beside the plan itself.
pub struct PlanOutputs<'a> {
    /// The scenario the plan was made from (queues, phases and shifts for the workbook and
    /// charts).
    pub scenario: &'a Scenario,
    /// The history, drawn behind the forecast in the charts.
    pub history: &'a History,
    /// The language of the workbook, report and charts (CSV and JSON stay English).
    pub lang: Lang,
    /// Start CSVs with a byte-order mark so Excel reads them as UTF-8.
    pub excel_csv: bool,
    /// The part-timer curve ([`crate::parttimers::part_timers`] on the plan's inputs), when
    /// asked for (`shiftcast plan --curve`): then the folder holds `curve.svg` and the report a
    /// section on it.
    pub curve: Option<&'a Answer>,
}

/// Renders every file `shiftcast plan` writes, in memory, one after another (the workbook on a
/// thread of its own beside the others was no faster on the shift design benchmark, on 2 busy
/// cores, and raised the `alike` benchmark's peak memory from 184 MB to 296 MB).
pub fn plan_files(plan: &Plan, how: &PlanOutputs) -> Result<Vec<OutputFile>> {
    let mut files = tables(plan, how)?;
    files.push(OutputFile {
        name: "plan.xlsx".into(),
        contents: super::workbook::workbook(plan, how.scenario, how.lang)?,
    });
    files.extend(report_files(plan, how)?);
    Ok(files)
}

/// The CSV files and summary.json.
fn tables(plan: &Plan, how: &PlanOutputs) -> Result<Vec<OutputFile>> {
    let mut files = Vec::new();
    for (table, name) in [
        (forecast_table(plan), "forecast.csv"),
        (requirements_table(&plan.requirements), "requirements.csv"),
        (coverage_table(&plan.report.coverage), "coverage.csv"),
        (
            roster_table(&plan.roster.rows, &plan.report.wages()),
            "roster.csv",
        ),
        (people_table(plan), "people.csv"),
        (standby_table(plan), "standby.csv"),
    ] {
        let mut file = table.finish(name)?;
        if how.excel_csv {
            file.contents.splice(0..0, "\u{feff}".bytes());
        }
        files.push(file);
    }
    files.push(json_file("summary.json", &plan.report.summary)?);
    Ok(files)
}

/// report.html and the SVG charts, with curve.svg when the plan carries the part-timer curve.
fn report_files(plan: &Plan, how: &PlanOutputs) -> Result<Vec<OutputFile>> {
    let charts = super::charts::charts(plan, how.scenario, how.history, how.lang)?;
    let curve = match how.curve {
        Some(answer) => Some(Chart {
            name: "curve.svg".into(),
            svg: super::charts::curve_chart(answer, how.lang)?,
        }),
        None => None,
    };
    let html = super::html::report_html(plan, how, &charts, curve.as_ref());
    let mut files = vec![OutputFile {
        name: "report.html".into(),
        contents: html.into_bytes(),
    }];
    for chart in charts.into_iter().chain(curve) {
        files.push(OutputFile {
            name: chart.name,
            contents: chart.svg.into_bytes(),
        });
    }
    Ok(files)
}

/// `forecast.csv`: inquiries per queue and interval, with the range and each part of the
/// forecast.
fn forecast_table(plan: &Plan) -> CsvTable {
    let mut forecast = csv_table(&[
        "timestamp",
        "queue",
        "inquiries",
        "lower",
        "upper",
        "baseline",
        "warmup",
        "event",
        "reminders",
        "aftersale_wave",
        "deflected",
        "sms_reminders",
        "backlog",
    ]);
    for r in &plan.forecast.rows {
        forecast.row(&[
            format_time(r.time),
            text(&r.queue),
            fixed(r.inquiries, 2),
            fixed(r.lower, 2),
            fixed(r.upper, 2),
            fixed(r.baseline, 2),
            fixed(r.warmup, 2),
            fixed(r.event, 2),
            fixed(r.reminders, 2),
            fixed(r.aftersale_wave, 2),
            fixed(r.deflected, 2),
            fixed(r.sms_reminders, 2),
            fixed(r.backlog, 2),
        ]);
    }
    forecast
}

/// `requirements.csv`: agents required per queue and interval.
pub(super) fn requirements_table(requirements: &[Requirement]) -> CsvTable {
    let mut table = csv_table(&[
        "timestamp",
        "queue",
        "inquiries",
        "agents_required",
        "offered_load_erlang",
        "agents_by_rule",
    ]);
    for r in requirements {
        table.row(&[
            format_time(r.time),
            text(&r.queue),
            fixed(r.inquiries, 2),
            r.agents_required.to_string(),
            fixed(r.offered_load, 3),
            r.agents_by_rule.map_or(String::new(), |n| n.to_string()),
        ]);
    }
    table
}

/// `coverage.csv`: required against scheduled agents per queue and interval.
pub(super) fn coverage_table(rows: &[CoverageRow]) -> CsvTable {
    let mut coverage = csv_table(&[
        "timestamp",
        "queue",
        "required",
        "scheduled",
        "phase",
        "shortfall",
        "service_level",
        "cross_trained",
        "part_time",
        "asa_seconds",
        "abandonment",
    ]);
    for c in rows {
        coverage.row(&[
            format_time(c.time),
            text(&c.queue),
            c.required.to_string(),
            c.scheduled.to_string(),
            text(&c.phase),
            c.shortfall.to_string(),
            fixed(c.service_level, 4),
            c.cross_trained.to_string(),
            c.part_time.to_string(),
            fixed(c.asa_seconds, 1),
            c.abandonment.map_or(String::new(), |a| fixed(a, 4)),
        ]);
    }
    coverage
}

/// `roster.csv`: one row per named shift, with the person's wage per hour.
pub(super) fn roster_table(rows: &[RosterRow], wages: &HashMap<&str, f64>) -> CsvTable {
    let mut roster = csv_table(&[
        "name", "queue", "start", "end", "kind", "group", "shift", "hours", "wage", "detail",
    ]);
    for r in rows {
        roster.row(&[
            text(&r.name),
            text(&r.queue),
            format_time(r.start),
            format_time(r.end),
            text(r.kind.label()),
            text(&r.group),
            text(&r.template),
            fixed(r.hours(), 2),
            fixed(wages[r.name.as_str()], 2),
            text(&crate::schedule::describe(&r.segments, &str::to_string)),
        ]);
    }
    roster
}

/// `standby.csv`: on-call shifts for the 90th percentile of the chats, beyond the roster.
fn standby_table(plan: &Plan) -> CsvTable {
    let mut standby = csv_table(&["name", "date", "start", "end", "queue"]);
    for r in &plan.standby.rows {
        standby.row(&[
            text(&r.name),
            r.start.date().to_string(),
            format_time(r.start),
            format_time(r.end),
            text(&r.queue),
        ]);
    }
    standby
}

/// `people.csv`: each person's hours, contract and minimum hours pro rata, night shifts,
/// weekend days and preference score.
fn people_table(plan: &Plan) -> CsvTable {
    let mut people = csv_table(&[
        "name",
        "kind",
        "group",
        "hours",
        "contract_hours",
        "min_hours",
        "night_shifts",
        "weekend_days",
        "preference_score",
    ]);
    let hours = |h: Option<f64>| h.map_or(String::new(), |h| fixed(h, 2));
    for p in &plan.report.people {
        people.row(&[
            text(&p.name),
            text(p.kind.label()),
            text(&p.group),
            fixed(p.hours, 2),
            hours(p.contract_hours),
            hours(p.min_hours),
            p.night_shifts.to_string(),
            p.weekend_days.to_string(),
            fixed(p.preference_score, 2),
        ]);
    }
    people
}

/// A text cell a spreadsheet will show as text, never run: one starting with `=`, `+`, `-`, `@`,
/// a tab or a carriage return (or quotes before one) gets a leading `'`, as OWASP advises against
/// CSV injection. Numbers are never passed here. `shiftcast simulate` takes the `'` off again.
pub(super) fn text(cell: &str) -> String {
    if cell
        .trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
    {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

pub(super) fn fixed(x: f64, decimals: usize) -> String {
    format!("{x:.decimals$}")
}

pub(super) struct CsvTable {
    writer: csv::Writer<Vec<u8>>,
    error: Option<csv::Error>,
}

pub(super) fn csv_table(header: &[&str]) -> CsvTable {
    let mut table = CsvTable {
        writer: csv::Writer::from_writer(Vec::new()),
        error: None,
    };
    table.row(header);
    table
}

impl CsvTable {
    pub(super) fn row<S: AsRef<[u8]>>(&mut self, fields: &[S]) {
        if let Err(e) = self.writer.write_record(fields) {
            self.error.get_or_insert(e);
        }
    }

    pub(super) fn finish(self, name: &'static str) -> Result<OutputFile> {
        let failed = |e: String| Error::Render(format!("{name}: {e}"));
        if let Some(e) = self.error {
            return Err(failed(e.to_string()));
        }
        let contents = self
            .writer
            .into_inner()
            .map_err(|e| failed(e.to_string()))?;
        Ok(OutputFile {
            name: name.into(),
            contents,
        })
    }
}

pub(super) fn json_file(name: &'static str, value: &impl Serialize) -> Result<OutputFile> {
    let mut contents =
        serde_json::to_vec_pretty(value).map_err(|e| Error::Render(format!("{name}: {e}")))?;
    contents.push(b'\n');
    Ok(OutputFile {
        name: name.into(),
        contents,
    })
}

#[cfg(test)]
mod tests {
    use super::text;

    #[test]
    fn text_a_spreadsheet_would_run_gets_a_leading_quote() {
        for (cell, written) in [
            ("=1+2", "'=1+2"),
            ("+86 138", "'+86 138"),
            ("-main", "'-main"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("'=1", "''=1"),
        ] {
            assert_eq!(text(cell), written, "{cell:?}");
        }
        for plain in ["Li Wei", "售前", "'quoted", "", "a=b", "PT-01"] {
            assert_eq!(text(plain), plain);
        }
    }
}
