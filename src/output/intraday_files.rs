//! The folder `shiftcast intraday --out` writes: the roster and coverage with the moves, in
//! `plan`'s formats (so `shiftcast simulate --plan` reads it), the chats now expected, the
//! moves, and the whole answer as JSON.

use std::collections::HashMap;

use super::plan_files::{
    coverage_table, csv_table, fixed, json_file, requirements_table, roster_table, text,
};
use super::OutputFile;
use crate::error::Result;
use crate::intraday::{Actual, Intraday};
use crate::scenario::{Person, Scenario};
use crate::time::format_time;

/// Every file of an intraday folder; `excel_csv` starts the CSVs with a byte-order mark.
pub fn intraday_files(
    day: &Intraday,
    actuals: &[Actual],
    scenario: &Scenario,
    staff: &[Person],
    excel_csv: bool,
) -> Result<Vec<OutputFile>> {
    let wages: HashMap<&str, f64> = day
        .roster
        .iter()
        .map(|r| {
            let wage = staff
                .iter()
                .find(|p| p.name == r.name)
                .map_or(scenario.costs.part_time_per_hour, |p| {
                    p.wage(&scenario.costs)
                });
            (r.name.as_str(), wage)
        })
        .collect();
    let mut files = Vec::new();
    for (table, name) in [
        (expected_table(day, actuals), "forecast.csv"),
        (requirements_table(&day.requirements), "requirements.csv"),
        (coverage_table(&day.coverage), "coverage.csv"),
        (roster_table(&day.roster, &wages), "roster.csv"),
        (moves_table(day), "moves.csv"),
    ] {
        let mut file = table.finish(name)?;
        if excel_csv {
            file.contents.splice(0..0, "\u{feff}".bytes());
        }
        files.push(file);
    }
    files.push(json_file("intraday.json", day)?);
    Ok(files)
}

/// `forecast.csv`: the chats now expected per queue and interval (`inquiries`: the actuals
/// before now, the re-forecast after), beside the plan's forecast.
fn expected_table(day: &Intraday, actuals: &[Actual]) -> super::plan_files::CsvTable {
    let mut table = csv_table(&["timestamp", "queue", "inquiries", "planned", "actual"]);
    for r in &day.requirements {
        let actual = actuals
            .iter()
            .find(|a| a.time == r.time && a.queue == r.queue)
            .map(|a| a.inquiries);
        let planned = day
            .reforecast
            .iter()
            .find(|f| f.timestamp == r.time && f.queue == r.queue)
            .map_or(r.inquiries, |f| f.forecast);
        table.row(&[
            format_time(r.time),
            text(&r.queue),
            fixed(actual.unwrap_or(r.inquiries), 2),
            fixed(planned, 2),
            actual.map_or(String::new(), |a| fixed(a, 2)),
        ]);
    }
    table
}

/// `moves.csv`: one row per move, in time order.
fn moves_table(day: &Intraday) -> super::plan_files::CsvTable {
    let mut table = csv_table(&["kind", "name", "queue", "start", "end", "was_start"]);
    for m in &day.moves {
        table.row(&[
            m.kind.label().to_string(),
            text(&m.name),
            text(&m.queue),
            format_time(m.start),
            format_time(m.end),
            m.was_start.map_or(String::new(), format_time),
        ]);
    }
    table
}
