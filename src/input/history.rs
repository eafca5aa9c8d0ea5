//! The history file: inquiries per queue and interval in the past (`timestamp,queue,inquiries`).

use std::collections::btree_map::Entry;
use std::path::Path;

use super::{csv_place, csv_reader, csv_record, read_text, SCENARIO_PATH_FIX};
use crate::error::{Error, Result};
use crate::forecast::History;
use crate::time::parse_time;

/// Reads `timestamp,queue,inquiries` rows (extra columns are ignored).
pub fn read_history(path: &Path) -> Result<History> {
    let text = read_text(path, "history file", SCENARIO_PATH_FIX)?;
    let (mut reader, columns) = csv_reader(&text, path, &["timestamp", "queue", "inquiries"])?;
    let mut history = History::default();
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
        let inquiries: f64 = match field(2).parse::<f64>() {
            Ok(n) if n.is_finite() && n >= 0.0 => n,
            parsed => {
                let problem = match parsed {
                    Ok(n) if n < 0.0 => format!("{n} inquiries is negative"),
                    _ => format!("\"{}\" is not a count of inquiries", field(2)),
                };
                return Err(Error::input(
                    csv_place(path, line, columns[2], "inquiries"),
                    problem,
                    "use a whole number of zero or more; leave out the row if the hour is unknown",
                ));
            }
        };
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
    Ok(history)
}
