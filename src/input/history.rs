//! The history file: inquiries per queue and interval in the past (`timestamp,queue,inquiries`),
//! and optionally the shop's `orders` in each interval.

use std::collections::btree_map::Entry;
use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDateTime;

use super::{csv_column, csv_place, csv_reader, csv_record, read_table, SCENARIO_PATH_FIX};
use crate::error::{Error, Result};
use crate::forecast::{History, MAX_INQUIRIES_PER_INTERVAL};
use crate::time::{format_time, minute_of_day, parse_time};

/// Reads `timestamp,queue,inquiries` rows (other columns but `orders` are ignored): whole
/// counts up to [`MAX_INQUIRIES_PER_INTERVAL`], every row on the grid the others keep. Orders
/// are the shop's: an interval's orders may sit on one queue's row or be repeated on several
/// (read once), but two rows of one interval giving different orders are refused, as neither
/// can be told to be the right one; an empty cell is not known.
pub fn read_history(path: &Path) -> Result<History> {
    let text = read_table(path, "history file", SCENARIO_PATH_FIX)?;
    let (mut reader, columns) = csv_reader(&text, path, &["timestamp", "queue", "inquiries"])?;
    let orders_column = csv_column(&reader.headers().cloned().unwrap_or_default(), "orders");
    let mut history = History::default();
    let mut rows = Vec::new();
    let mut orders_lines: BTreeMap<NaiveDateTime, u64> = BTreeMap::new();
    for row in reader.records() {
        let row = csv_record(row, path)?;
        let line = row.position().map_or(0, |p| p.line());
        let field = |i: usize| row.get(columns[i]).unwrap_or("");
        let time = parse_time(field(0)).ok_or_else(|| {
            Error::input(
                csv_place(path, line, columns[0], "timestamp"),
                format!("\"{}\" is not a date and time", field(0)),
                "write interval starts as YYYY-MM-DDTHH:MM, e.g. 2025-11-11T00:00",
            )
        })?;
        let queue = field(1);
        if queue.is_empty() {
            return Err(Error::input(
                csv_place(path, line, columns[1], "queue"),
                "the queue is empty",
                "name the queue, e.g. presale",
            ));
        }
        let inquiries = count(field(2), || csv_place(path, line, columns[2], "inquiries"))?;
        if let Some(column) = orders_column {
            let cell = row.get(column).unwrap_or("");
            let place = || csv_place(path, line, column, "orders");
            if let Some(orders) = amount(cell, "orders", place)? {
                match history.orders.entry(time) {
                    Entry::Vacant(slot) => {
                        slot.insert(orders);
                        orders_lines.insert(time, line);
                    }
                    Entry::Occupied(given) if *given.get() != orders => {
                        return Err(Error::input(
                            place(),
                            format!(
                                "{orders} orders for {}, where line {} gives {}",
                                field(0),
                                orders_lines[&time],
                                given.get()
                            ),
                            "orders are the shop's: give the same number on every queue's row of an interval, or on one row and leave the others empty",
                        ));
                    }
                    Entry::Occupied(_) => {}
                }
            }
        }
        rows.push((time, line));
        match history
            .series
            .entry(queue.to_string())
            .or_default()
            .entry(time)
        {
            Entry::Vacant(slot) => {
                slot.insert(inquiries);
            }
            Entry::Occupied(_) => {
                return Err(Error::input(
                    format!("{}: line {line}", path.display()),
                    format!("a second row for {} {queue}", field(0)),
                    "keep one row per queue and interval (add up duplicates first)",
                ))
            }
        }
    }
    on_grid(path, &history, &rows)?;
    Ok(history)
}

/// One `inquiries` cell: a whole number from 0 to [`MAX_INQUIRIES_PER_INTERVAL`].
pub(super) fn count(cell: &str, place: impl Fn() -> String) -> Result<f64> {
    let fail = |problem: String, fix: &str| Err(Error::input(place(), problem, fix));
    let in_bound = |n: f64| (0.0..=MAX_INQUIRIES_PER_INTERVAL).contains(&n);
    match cell.parse::<f64>() {
        Ok(n) if in_bound(n) && n.fract() == 0.0 => Ok(n),
        Ok(n) if n < 0.0 => fail(
            format!("{n} inquiries is negative"),
            "use a whole number of zero or more; leave out the row if the hour is unknown",
        ),
        Ok(n) if in_bound(n) => fail(
            format!("{n} inquiries is not a whole number: the column counts chats"),
            "give the number of chats that came in, e.g. 3 or 4; a share, an average or an amount is not a count",
        ),
        Ok(n) if n.is_finite() && n > MAX_INQUIRIES_PER_INTERVAL => fail(
            format!(
                "{cell} inquiries is more than the {} a queue can take in one interval",
                MAX_INQUIRIES_PER_INTERVAL
            ),
            "check the column holds chats (not orders or sales) and the interval is not a whole month",
        ),
        _ => fail(
            format!("\"{cell}\" is not a count of inquiries"),
            "use a whole number of zero or more; leave out the row if the hour is unknown",
        ),
    }
}

/// An optional cell of `column`: a number of zero or more, or None when it is empty.
pub(super) fn amount(cell: &str, column: &str, place: impl Fn() -> String) -> Result<Option<f64>> {
    if cell.is_empty() {
        return Ok(None);
    }
    match cell.parse::<f64>() {
        Ok(x) if x.is_finite() && x >= 0.0 => Ok(Some(x)),
        Ok(x) if x < 0.0 => Err(Error::input(
            place(),
            format!("{cell} {column} is negative"),
            "use a number of zero or more, or leave the cell empty if it is not known",
        )),
        _ => Err(Error::input(
            place(),
            format!("\"{cell}\" is not a number"),
            "use a number of zero or more, or leave the cell empty if it is not known",
        )),
    }
}

/// Every row on the grid most rows keep (the most common step between a queue's rows): a row
/// off it (`10:53` among hourly rows) is named by its line.
fn on_grid(path: &Path, history: &History, rows: &[(NaiveDateTime, u64)]) -> Result<()> {
    let mut steps: BTreeMap<i64, usize> = BTreeMap::new();
    for series in history.series.values() {
        for (a, b) in series.keys().zip(series.keys().skip(1)) {
            *steps.entry((*b - *a).num_minutes()).or_default() += 1;
        }
    }
    let Some((&step, _)) = steps.iter().max_by_key(|(step, n)| (**n, -**step)) else {
        return Ok(());
    };
    let off = rows
        .iter()
        .find(|(t, _)| i64::from(minute_of_day(*t)) % step.clamp(1, 24 * 60) != 0);
    match off {
        Some((time, line)) => Err(Error::input(
            format!("{}: line {line}", path.display()),
            format!(
                "{} is not the start of a {step}-minute interval, the step between most rows",
                format_time(*time)
            ),
            "write each row at the start of its interval (e.g. 05:00 for the hour from 05:00), adding up rows of the same interval",
        )),
        None => Ok(()),
    }
}
