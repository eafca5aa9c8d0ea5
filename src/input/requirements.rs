//! The `[requirements] file`: agents required per queue and interval, given instead of a
//! forecast (`timestamp,queue,agents`).

use std::collections::BTreeMap;
use std::path::Path;

use super::{csv_place, csv_reader, csv_record, read_text, SCENARIO_PATH_FIX};
use crate::error::{Error, Result};
use crate::scenario::Scenario;
use crate::staffing::{Requirement, MAX_AGENTS_PER_INTERVAL};
use crate::time::{format_time, parse_time};

/// Reads `timestamp,queue,agents` rows: agents required per queue and interval of the horizon,
/// for planners who already have their numbers. Every queue needs every interval, once.
pub fn read_requirements(path: &Path, scenario: &Scenario) -> Result<Vec<Requirement>> {
    let text = read_text(path, "requirements file", SCENARIO_PATH_FIX)?;
    let (mut reader, columns) = csv_reader(&text, path, &["timestamp", "queue", "agents"])?;
    let mut given: BTreeMap<(usize, usize), u32> = BTreeMap::new();
    for row in reader.records() {
        let row = csv_record(row, path)?;
        let line = row.position().map_or(0, |p| p.line());
        let field = |i: usize| row.get(columns[i]).unwrap_or("");
        let place = |i: usize, name: &str| csv_place(path, line, columns[i], name);
        let time = parse_time(field(0)).ok_or_else(|| {
            Error::input(
                place(0, "timestamp"),
                format!("\"{}\" is not a date and time", field(0)),
                "write interval starts as YYYY-MM-DDTHH:MM, e.g. 2026-11-11T00:00",
            )
        })?;
        let interval = scenario.horizon.index_of(time).ok_or_else(|| {
            Error::input(
                place(0, "timestamp"),
                format!("{} is not an interval start of the horizon", field(0)),
                format!(
                    "give times from {} to before {} in steps of {} minutes",
                    format_time(scenario.horizon.start),
                    format_time(scenario.horizon.end),
                    scenario.horizon.interval_minutes
                ),
            )
        })?;
        let queue = scenario
            .queues
            .iter()
            .position(|q| q.name == field(1))
            .ok_or_else(|| {
                Error::input(
                    place(1, "queue"),
                    format!("\"{}\" is not a queue of the scenario", field(1)),
                    "use a [[queues]] name from the scenario",
                )
            })?;
        let agents = agents(field(2), || place(2, "agents"))?;
        if given.insert((queue, interval), agents).is_some() {
            return Err(Error::input(
                format!("{}: line {line}", path.display()),
                format!("a second row for {} {}", field(0), field(1)),
                "keep one row per queue and interval",
            ));
        }
    }
    every_interval(&given, scenario, path)
}

/// One `agents` cell: a whole number of agents within what a plan holds.
fn agents(text: &str, place: impl Fn() -> String) -> Result<u32> {
    match text.parse() {
        Ok(n) if n <= MAX_AGENTS_PER_INTERVAL => Ok(n),
        Ok(n) => Err(Error::input(
            place(),
            format!("{n} agents is more than the {MAX_AGENTS_PER_INTERVAL} shiftcast plans per queue and interval"),
            "check the column holds agents (not chats); plan a very large team queue by queue",
        )),
        Err(_) => Err(Error::input(
            place(),
            format!("\"{text}\" is not a number of agents"),
            "use a whole number of zero or more",
        )),
    }
}

/// The rows read, queue by queue then by time, with every queue and interval present.
fn every_interval(
    given: &BTreeMap<(usize, usize), u32>,
    scenario: &Scenario,
    path: &Path,
) -> Result<Vec<Requirement>> {
    let times = scenario.horizon.times();
    let mut requirements = Vec::new();
    for (q, queue) in scenario.queues.iter().enumerate() {
        for (i, time) in times.iter().enumerate() {
            let agents = *given.get(&(q, i)).ok_or_else(|| {
                Error::input(
                    path.display().to_string(),
                    format!("no row for {} {}", format_time(*time), queue.name),
                    "give every queue a row for every interval of the horizon (0 where nobody is needed)",
                )
            })?;
            requirements.push(Requirement {
                time: *time,
                queue: queue.name.clone(),
                inquiries: 0.0,
                offered_load: 0.0,
                agents_required: agents,
                agents_by_rule: None,
            });
        }
    }
    Ok(requirements)
}
