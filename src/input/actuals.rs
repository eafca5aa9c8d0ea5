//! The actuals file: what each queue saw, interval by interval, on the day or after it
//! (`timestamp,queue,inquiries`, and optionally `answered_within_target`, `agents_logged_in`,
//! `orders`, `service_orders`), for `shiftcast intraday` and `shiftcast review`.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDateTime;

use super::history::{amount, count};
use super::{csv_column, csv_place, csv_reader, csv_record, read_text};
use crate::error::{Error, Result};
use crate::intraday::Actual;
use crate::scenario::Scenario;
use crate::staffing::{check_load, offered_load};
use crate::time::{format_time, parse_time};

/// The columns every actuals file has, in the order the cells are checked.
const REQUIRED: [&str; 3] = ["timestamp", "queue", "inquiries"];
/// Positions in [`REQUIRED`].
const TIMESTAMP: usize = 0;
const QUEUE: usize = 1;
const INQUIRIES: usize = 2;

/// The columns a file may add, in any order; an empty cell is not known.
const OPTIONAL: [&str; 4] = [
    "answered_within_target",
    "agents_logged_in",
    "orders",
    "service_orders",
];
/// Positions in [`OPTIONAL`].
const ANSWERED: usize = 0;
const LOGGED_IN: usize = 1;
const ORDERS: usize = 2;
const SERVICE_ORDERS: usize = 3;

/// Reads one row per queue and interval of the scenario's horizon that has happened: whole
/// counts of chats (as the history), on the horizon's grid, each queue and interval once.
/// Orders are the shop's, so at most one queue's row of an interval carries them. Rows come
/// back by time, then in the scenario's queue order.
pub fn read_actuals(path: &Path, scenario: &Scenario) -> Result<Vec<Actual>> {
    let text = read_text(
        path,
        "actuals file",
        "check the path given to --actuals (a CSV with timestamp,queue,inquiries columns)",
    )?;
    let (mut reader, columns) = csv_reader(&text, path, &REQUIRED)?;
    let headers = reader.headers().cloned().unwrap_or_default();
    let optional: Vec<Option<usize>> = OPTIONAL.iter().map(|n| csv_column(&headers, n)).collect();
    let mut lines: BTreeMap<(NaiveDateTime, usize), u64> = BTreeMap::new();
    let mut orders_lines: BTreeMap<NaiveDateTime, u64> = BTreeMap::new();
    let mut rows: Vec<(NaiveDateTime, usize, Actual)> = Vec::new();
    for record in reader.records() {
        let record = csv_record(record, path)?;
        let row = Row {
            record: &record,
            path,
            line: record.position().map_or(0, |p| p.line()),
            columns: &columns,
            optional: &optional,
        };
        let time = row.time(scenario)?;
        let q = row.queue(scenario)?;
        let inquiries = count(row.cell(INQUIRIES), || row.place(INQUIRIES))?;
        let queue = &scenario.queues[q];
        check_load(
            offered_load(
                inquiries,
                queue.handle_time_seconds,
                scenario.horizon.interval_minutes,
            ),
            &row.place(INQUIRIES),
            "check the column holds chats (not orders or sales) and the interval is the horizon's",
        )?;
        let amounts = (0..OPTIONAL.len())
            .map(|k| row.amount(k))
            .collect::<Result<Vec<_>>>()?;
        row.at_most(amounts[ANSWERED], ANSWERED, inquiries, "inquiries")?;
        if let Some(orders) = amounts[ORDERS] {
            row.at_most(amounts[SERVICE_ORDERS], SERVICE_ORDERS, orders, "orders")?;
        }
        if let Some(earlier) = lines.insert((time, q), row.line) {
            return Err(Error::input(
                format!("{}: line {}", path.display(), row.line),
                format!(
                    "a second row for {} {} (the first is on line {earlier})",
                    format_time(time),
                    queue.name
                ),
                "keep one row per queue and interval (add up duplicates first)",
            ));
        }
        if amounts[ORDERS].is_some() || amounts[SERVICE_ORDERS].is_some() {
            if let Some(earlier) = orders_lines.insert(time, row.line) {
                return Err(Error::input(
                    format!("{}: line {}", path.display(), row.line),
                    format!("orders for {} on a second queue's row (the first is on line {earlier}): they would count twice", format_time(time)),
                    "orders are the shop's: give them on one queue's row of each interval and leave the others empty",
                ));
            }
        }
        rows.push((
            time,
            q,
            Actual {
                time,
                queue: queue.name.clone(),
                inquiries,
                answered_within_target: amounts[ANSWERED],
                agents_logged_in: amounts[LOGGED_IN],
                orders: amounts[ORDERS],
                service_orders: amounts[SERVICE_ORDERS],
            },
        ));
    }
    rows.sort_by_key(|(time, q, _)| (*time, *q));
    Ok(rows.into_iter().map(|(_, _, actual)| actual).collect())
}

/// One row with its place, so each cell's check can say where it failed.
struct Row<'a> {
    record: &'a csv::StringRecord,
    path: &'a Path,
    line: u64,
    /// Where each of [`REQUIRED`] sits in the header.
    columns: &'a [usize],
    /// Where each of [`OPTIONAL`] sits, if the file has it.
    optional: &'a [Option<usize>],
}

impl Row<'_> {
    fn cell(&self, i: usize) -> &str {
        self.record.get(self.columns[i]).unwrap_or("")
    }

    fn place(&self, i: usize) -> String {
        csv_place(self.path, self.line, self.columns[i], REQUIRED[i])
    }

    /// `timestamp`: a date and time starting an interval of the horizon.
    fn time(&self, scenario: &Scenario) -> Result<NaiveDateTime> {
        let horizon = &scenario.horizon;
        let cell = self.cell(TIMESTAMP);
        let time = parse_time(cell).ok_or_else(|| {
            Error::input(
                self.place(TIMESTAMP),
                format!("\"{cell}\" is not a date and time"),
                "write interval starts as YYYY-MM-DDTHH:MM, e.g. 2026-11-11T00:00",
            )
        })?;
        let span = format!(
            "give interval starts from {} to before {} in steps of {} minutes",
            format_time(horizon.start),
            format_time(horizon.end),
            horizon.interval_minutes
        );
        let Some(i) = horizon.index_of(time) else {
            return Err(Error::input(
                self.place(TIMESTAMP),
                format!("{cell} lies outside the plan's horizon"),
                format!("{span}; leave out rows from other days"),
            ));
        };
        if horizon.time_of(i) != time {
            return Err(Error::input(
                self.place(TIMESTAMP),
                format!(
                    "{cell} is not the start of one of the horizon's {}-minute intervals",
                    horizon.interval_minutes
                ),
                format!("{span}, adding up the rows of one interval"),
            ));
        }
        Ok(time)
    }

    /// `queue`: one of the scenario's, by its index.
    fn queue(&self, scenario: &Scenario) -> Result<usize> {
        let cell = self.cell(QUEUE);
        scenario
            .queues
            .iter()
            .position(|q| q.name == cell)
            .ok_or_else(|| {
                let names: Vec<&str> = scenario.queues.iter().map(|q| q.name.as_str()).collect();
                Error::input(
                    self.place(QUEUE),
                    format!("\"{cell}\" is not a queue of the scenario"),
                    format!("use one of {}", names.join(", ")),
                )
            })
    }

    /// Optional column `k`: a number of zero or more, or None when the file lacks the column
    /// or the cell is empty.
    fn amount(&self, k: usize) -> Result<Option<f64>> {
        let Some(column) = self.optional[k] else {
            return Ok(None);
        };
        let cell = self.record.get(column).unwrap_or("");
        amount(cell, OPTIONAL[k], || {
            csv_place(self.path, self.line, column, OPTIONAL[k])
        })
    }

    /// Optional column `k` holds no more than `whole`, the row's count of `what` that it is a
    /// part of.
    fn at_most(&self, part: Option<f64>, k: usize, whole: f64, what: &str) -> Result<()> {
        match (part, self.optional[k]) {
            (Some(part), Some(column)) if part > whole => Err(Error::input(
                csv_place(self.path, self.line, column, OPTIONAL[k]),
                format!(
                    "{part} {} is more than the row's {whole} {what}",
                    OPTIONAL[k]
                ),
                format!("it counts a part of the {what}: check the columns are not swapped"),
            )),
            _ => Ok(()),
        }
    }
}
