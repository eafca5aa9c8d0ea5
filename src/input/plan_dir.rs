//! A plan folder written by `shiftcast plan`, read back: coverage joined with the forecast for
//! `shiftcast simulate`; requirements, roster and standby list for `shiftcast intraday` and
//! `shiftcast review` (each the exact inverse of how `output/plan_files.rs` writes it).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDateTime, NaiveTime};

use super::{csv_place, csv_reader, csv_record, read_text};
use crate::error::{Error, Result};
use crate::intraday::WrittenPlan;
use crate::roster::RosterRow;
use crate::scenario::{Kind, Scenario, PART_TIME_GROUP};
use crate::schedule::{Activity, Segment};
use crate::simulate::PlannedInterval;
use crate::staffing::Requirement;
use crate::time::{format_time, parse_clock_minutes, parse_time};

/// The fix for a plan file shiftcast could not have written.
const DAMAGED: &str = "the plan folder was edited or is damaged: run `shiftcast plan` again";

/// The fix for a plan folder that does not fit the scenario given beside it.
const REPLAN: &str =
    "pass the scenario the plan was made from, or run `shiftcast plan SCENARIO --out DIR` again with this one";

/// Reads a plan folder written by `shiftcast plan`: coverage.csv joined with forecast.csv.
pub fn read_plan_dir(dir: &Path) -> Result<Vec<PlannedInterval>> {
    let forecast = read_table(
        &dir.join("forecast.csv"),
        &["timestamp", "queue", "inquiries"],
    )?;
    let inquiries: BTreeMap<(&str, &str), f64> = forecast
        .rows()
        .map(|row| Ok(((row.text(0), row.text(1)), row.number(2)?)))
        .collect::<Result<_>>()?;
    let coverage = read_table(
        &dir.join("coverage.csv"),
        &["timestamp", "queue", "scheduled", "service_level"],
    )?;
    let mut planned = Vec::new();
    for row in coverage.rows() {
        let time = row.time(0)?;
        let Some(&inquiries) = inquiries.get(&(row.text(0), row.text(1))) else {
            return Err(Error::input(
                row.line_place(),
                format!("no forecast row for {} {}", row.text(0), row.text(1)),
                "the plan folder is incomplete: run `shiftcast plan` again",
            ));
        };
        planned.push(PlannedInterval {
            time,
            queue: row.text(1).to_string(),
            inquiries,
            scheduled: row.whole(2)?,
            formula_service_level: row.number(3)?,
        });
    }
    Ok(planned)
}

/// Reads what a plan folder holds for the day itself: requirements.csv (checked to be one row
/// per queue and interval of `scenario`), roster.csv and standby.csv (none in a folder written
/// before the standby list existed).
pub fn read_written_plan(dir: &Path, scenario: &Scenario) -> Result<WrittenPlan> {
    Ok(WrittenPlan {
        requirements: requirements(&dir.join("requirements.csv"), scenario)?,
        roster: roster(&dir.join("roster.csv"), scenario)?,
        standby: standby(&dir.join("standby.csv"), scenario)?,
    })
}

/// requirements.csv, in the order every requirement list keeps: queue by queue in the
/// scenario's order, then by time over its horizon.
fn requirements(path: &Path, scenario: &Scenario) -> Result<Vec<Requirement>> {
    let table = read_table(
        path,
        &[
            "timestamp",
            "queue",
            "inquiries",
            "agents_required",
            "offered_load_erlang",
            "agents_by_rule",
        ],
    )?;
    let horizon = &scenario.horizon;
    let cells = scenario.queues.len() * horizon.len();
    let mut requirements = Vec::with_capacity(cells);
    for (k, row) in table.rows().enumerate() {
        let time = row.time(0)?;
        let expected = (k < cells).then(|| {
            let (q, i) = (k / horizon.len(), k % horizon.len());
            (horizon.time_of(i), scenario.queues[q].name.as_str())
        });
        if expected != Some((time, row.text(1))) {
            let wanted = expected.map_or("no more rows".into(), |(t, q)| {
                format!("{} {q}", format_time(t))
            });
            return Err(Error::input(
                row.line_place(),
                format!("the plan folder was written from another scenario: a row for {} {} where the scenario's queues and horizon have {wanted}", row.text(0), row.text(1)),
                REPLAN,
            ));
        }
        requirements.push(Requirement {
            time,
            queue: row.text(1).to_string(),
            inquiries: row.number(2)?,
            agents_required: row.whole(3)?,
            offered_load: row.number(4)?,
            agents_by_rule: match row.text(5) {
                "" => None,
                _ => Some(row.whole(5)?),
            },
        });
    }
    if requirements.len() < cells {
        return Err(Error::input(
            path.display().to_string(),
            format!("the plan folder was written from another scenario: {} rows where the scenario's {} queues over {} intervals make {cells}", requirements.len(), scenario.queues.len(), horizon.len()),
            REPLAN,
        ));
    }
    Ok(requirements)
}

/// roster.csv, row by row as written (hours and wage follow from the rest and are not read).
fn roster(path: &Path, scenario: &Scenario) -> Result<Vec<RosterRow>> {
    let table = read_table(
        path,
        &[
            "name", "queue", "start", "end", "kind", "group", "shift", "detail",
        ],
    )?;
    table
        .rows()
        .map(|row| {
            let (name, queue, start, end) = shift(&row, scenario)?;
            let kind = Kind::ALL
                .into_iter()
                .find(|k| k.label() == row.text(4))
                .ok_or_else(|| {
                    let labels: Vec<&str> = Kind::ALL.iter().map(|k| k.label()).collect();
                    row.fail(
                        4,
                        format!(
                            "\"{}\" is not a kind of contract ({})",
                            row.text(4),
                            labels.join(" or ")
                        ),
                        DAMAGED,
                    )
                })?;
            let group = row.text(5).to_string();
            Ok(RosterRow {
                name,
                hired: kind == Kind::PartTime && group == PART_TIME_GROUP,
                group,
                queue,
                template: row.text(6).to_string(),
                start,
                end,
                kind,
                segments: segments(&row, 7, start, end, scenario)?,
            })
        })
        .collect()
}

/// standby.csv: each on-call shift serves its queue for all of its time inside the horizon. A
/// folder without one was written before the standby list existed, and has nobody on call.
fn standby(path: &Path, scenario: &Scenario) -> Result<Vec<RosterRow>> {
    if !path.exists() {
        return Ok(Vec::new());
    }
    let table = read_table(path, &["name", "queue", "start", "end"])?;
    let horizon = &scenario.horizon;
    table
        .rows()
        .map(|row| {
            let (name, queue, start, end) = shift(&row, scenario)?;
            let mut segments: Vec<Segment> = Vec::new();
            // As the plan reads its shifts back: runs of the intervals covered, in the shift's
            // own order (a cyclic horizon wraps past its end).
            for i in horizon.intervals(start, end) {
                let at = horizon.time_of(i);
                match segments.last_mut() {
                    Some(s) if s.end == at => s.end += horizon.interval(),
                    _ => segments.push(Segment {
                        start: at,
                        end: at + horizon.interval(),
                        activity: Activity::Queue(queue.clone()),
                    }),
                }
            }
            Ok(RosterRow {
                name,
                group: PART_TIME_GROUP.to_string(),
                queue,
                // The part-timers' shift template is not written down; the list's name stands in.
                template: "standby".to_string(),
                start,
                end,
                kind: Kind::PartTime,
                hired: true,
                segments,
            })
        })
        .collect()
}

/// The name, queue (empty for a session), start and end of a shift row whose first four columns
/// are those.
fn shift(row: &Row, scenario: &Scenario) -> Result<(String, String, NaiveDateTime, NaiveDateTime)> {
    if row.text(0).is_empty() {
        return Err(row.fail(0, "the name is empty".into(), DAMAGED));
    }
    let queue = row.text(1);
    if !queue.is_empty() && scenario.queue(queue).is_none() {
        let names: Vec<&str> = scenario.queues.iter().map(|q| q.name.as_str()).collect();
        return Err(row.fail(
            1,
            format!("the plan folder was written from another scenario: \"{queue}\" is not one of its queues ({})", names.join(", ")),
            REPLAN,
        ));
    }
    let (start, end) = (row.time(2)?, row.time(3)?);
    if end <= start {
        return Err(row.fail(
            3,
            format!("the shift ends at {} before it starts", row.text(3)),
            DAMAGED,
        ));
    }
    // A plan's shifts touch its horizon and last no longer than it; anything else (a shift
    // years long would take that long to walk) is from another plan.
    let horizon = &scenario.horizon;
    let span = horizon.end - horizon.start;
    if end - start > span || end <= horizon.start - span || start >= horizon.end + span {
        return Err(row.fail(
            2,
            format!(
                "the plan folder was written from another scenario: a shift from {} to {} does not fit its horizon, {} to {}",
                row.text(2),
                row.text(3),
                format_time(horizon.start),
                format_time(horizon.end)
            ),
            REPLAN,
        ));
    }
    Ok((row.text(0).to_string(), queue.to_string(), start, end))
}

/// A `detail` cell back into segments: `NAME HH:MM-HH:MM` periods joined by ", " (a queue's name
/// serves it, any other name is a break or session). Periods run in time order from the later
/// of the shift's and the horizon's start, so each clock time is the first one at or after the
/// previous period's end (an end, the first after its start); on a cyclic horizon a period
/// past the end wraps round to its start, where the plan placed it.
fn segments(
    row: &Row,
    column: usize,
    start: NaiveDateTime,
    end: NaiveDateTime,
    scenario: &Scenario,
) -> Result<Vec<Segment>> {
    let horizon = &scenario.horizon;
    let cell = row.text(column);
    let mut cursor = start.max(horizon.start);
    let mut segments = Vec::new();
    for period in cell.split(", ").filter(|_| !cell.is_empty()) {
        let bad = |why: &str| {
            row.fail(
                column,
                format!("\"{period}\" {why}"),
                format!("write periods as NAME HH:MM-HH:MM joined by \", \" inside the shift; or {DAMAGED}"),
            )
        };
        let parsed = period.rsplit_once(' ').and_then(|(name, clock)| {
            let (from, to) = clock.split_once('-')?;
            let minutes = (parse_clock_minutes(from)?, parse_clock_minutes(to)?);
            (!name.is_empty()).then_some((name, minutes))
        });
        let Some((name, (from, to))) = parsed else {
            return Err(bad("is not a period NAME HH:MM-HH:MM"));
        };
        let from = next_clock(cursor, from, false);
        let to = next_clock(from, to, true);
        if to > end {
            return Err(bad(&format!(
                "runs past the shift's end at {}",
                format_time(end)
            )));
        }
        cursor = to;
        let (from, to) = match horizon.cycle() {
            Some(cycle) if from >= horizon.end => (from - cycle, to - cycle),
            _ => (from, to),
        };
        segments.push(Segment {
            start: from,
            end: to,
            activity: match scenario.queue(name) {
                Some(_) => Activity::Queue(name.to_string()),
                None => Activity::Break(name.to_string()),
            },
        });
    }
    Ok(segments)
}

/// The first time at `minute` past a midnight that is at or after `after` (strictly after, if
/// `strictly`).
fn next_clock(after: NaiveDateTime, minute: u32, strictly: bool) -> NaiveDateTime {
    let t = after.date().and_time(NaiveTime::MIN) + Duration::minutes(minute.into());
    if t < after || (strictly && t == after) {
        t + Duration::days(1)
    } else {
        t
    }
}

/// A plan file's named columns, row by row, with the places to name in errors.
struct Table {
    path: PathBuf,
    names: Vec<&'static str>,
    /// Where each of `names` sits in the file's header.
    columns: Vec<usize>,
    /// Each row's line and its cells in `names` order.
    rows: Vec<(u64, Vec<String>)>,
}

/// One row of a [`Table`].
struct Row<'t> {
    table: &'t Table,
    line: u64,
    cells: &'t [String],
}

/// Reads the named columns of every row of a plan file.
fn read_table(path: &Path, names: &[&'static str]) -> Result<Table> {
    let text = read_text(
        path,
        "plan file",
        "run `shiftcast plan SCENARIO --out DIR` first and pass that DIR to --plan",
    )?;
    let (mut reader, columns) = csv_reader(&text, path, names)?;
    let mut rows = Vec::new();
    for row in reader.records() {
        let row = csv_record(row, path)?;
        let cells = columns
            .iter()
            .map(|c| as_written(row.get(*c).unwrap_or("")))
            .collect();
        rows.push((row.position().map_or(0, |p| p.line()), cells));
    }
    Ok(Table {
        path: path.to_path_buf(),
        names: names.to_vec(),
        columns,
        rows,
    })
}

impl Table {
    fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().map(|(line, cells)| Row {
            table: self,
            line: *line,
            cells,
        })
    }
}

impl<'t> Row<'t> {
    /// The cell in column `i` of the names read.
    fn text(&self, i: usize) -> &'t str {
        &self.cells[i]
    }

    /// `file: line L`.
    fn line_place(&self) -> String {
        format!("{}: line {}", self.table.path.display(), self.line)
    }

    fn fail(&self, i: usize, problem: String, fix: impl Into<String>) -> Error {
        let place = csv_place(
            &self.table.path,
            self.line,
            self.table.columns[i],
            self.table.names[i],
        );
        Error::input(place, problem, fix)
    }

    fn time(&self, i: usize) -> Result<NaiveDateTime> {
        parse_time(self.text(i)).ok_or_else(|| {
            self.fail(
                i,
                format!("\"{}\" is not a date and time", self.text(i)),
                format!("write it as YYYY-MM-DDTHH:MM; or {DAMAGED}"),
            )
        })
    }

    fn number(&self, i: usize) -> Result<f64> {
        match self.text(i).parse::<f64>() {
            Ok(x) if x.is_finite() && x >= 0.0 => Ok(x),
            _ => Err(self.fail(
                i,
                format!("\"{}\" is not a number of zero or more", self.text(i)),
                DAMAGED,
            )),
        }
    }

    fn whole(&self, i: usize) -> Result<u32> {
        self.text(i).parse().map_err(|_| {
            self.fail(
                i,
                format!("\"{}\" is not a whole number of zero or more", self.text(i)),
                DAMAGED,
            )
        })
    }
}

/// A text cell as shiftcast meant it: the plan's CSVs put a `'` before text a spreadsheet would
/// run (starting with `=`, `+`, `-`, `@`, a tab or a carriage return, or quotes before one), and
/// this takes it off again.
fn as_written(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest)
            if rest
                .trim_start_matches('\'')
                .starts_with(['=', '+', '-', '@', '\t', '\r']) =>
        {
            rest.to_string()
        }
        _ => cell.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::as_written;

    #[test]
    fn a_quote_before_formula_text_is_taken_off_and_nothing_else() {
        for (cell, meant) in [
            ("'=1+2", "=1+2"),
            ("'+1/chat", "+1/chat"),
            ("'-main", "-main"),
            ("'@day", "@day"),
            ("''=1", "'=1"),
            ("'quoted", "'quoted"),
            ("-0.5", "-0.5"),
            ("presale", "presale"),
        ] {
            assert_eq!(as_written(cell), meant, "{cell:?}");
        }
    }
}
