//! What the availability and preferences files share: rows that name a person from the staff
//! file, a date, and a stretch of clock time on it (`name,date,from,to`, then the file's own
//! columns), each cell checked with an error naming its line and column.

use std::path::Path;

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use super::{csv_place, csv_reader, csv_record, read_table, SCENARIO_PATH_FIX};
use crate::error::{Error, Result};
use crate::scenario::Person;
use crate::time::parse_clock_minutes;

/// The columns both files start with; a file lists its own after them.
pub(crate) const COLUMNS: [&str; 4] = ["name", "date", "from", "to"];

/// Positions in `COLUMNS`.
const NAME: usize = 0;
const DATE: usize = 1;
pub(super) const FROM: usize = 2;
const TO: usize = 3;

/// What `from` says for a date the person cannot work at all.
const UNAVAILABLE: &str = "unavailable";

/// One row with its place, so each cell's parser can say where it failed.
pub(super) struct Row<'a> {
    record: &'a csv::StringRecord,
    path: &'a Path,
    line: u64,
    /// Where each of `names` sits in this file's header.
    columns: &'a [usize],
    /// The file's required columns: `COLUMNS`, then its own.
    names: &'a [&'a str],
}

/// Reads the file at `path` (`what` names it in errors) with the required `columns` (`COLUMNS`
/// first) and hands each row to `each`; the first error stops the reading.
pub(super) fn read_rows(
    path: &Path,
    what: &str,
    columns: &[&str],
    mut each: impl FnMut(&Row) -> Result<()>,
) -> Result<()> {
    let text = read_table(path, what, SCENARIO_PATH_FIX)?;
    let (mut reader, positions) = csv_reader(&text, path, columns)?;
    for record in reader.records() {
        let record = csv_record(record, path)?;
        each(&Row {
            record: &record,
            path,
            line: record.position().map_or(0, |p| p.line()),
            columns: &positions,
            names: columns,
        })?;
    }
    Ok(())
}

impl Row<'_> {
    /// The cell of required column `column` (a position in the file's columns).
    pub(super) fn cell(&self, column: usize) -> &str {
        self.record.get(self.columns[column]).unwrap_or("")
    }

    /// An error at required column `column` of this row.
    pub(super) fn error(&self, column: usize, problem: String, fix: &str) -> Error {
        Error::input(
            csv_place(
                self.path,
                self.line,
                self.columns[column],
                self.names[column],
            ),
            problem,
            fix,
        )
    }

    /// `name`: where the person sits in `staff`.
    pub(super) fn person(&self, staff: &[Person]) -> Result<usize> {
        let name = self.cell(NAME);
        staff.iter().position(|p| p.name == name).ok_or_else(|| {
            self.error(
                NAME,
                format!("\"{name}\" is not in the staff file"),
                "write the name exactly as the staff file's name column has it",
            )
        })
    }

    /// `date`: the day the row speaks about.
    pub(super) fn date(&self) -> Result<NaiveDate> {
        let cell = self.cell(DATE);
        NaiveDate::parse_from_str(cell, "%Y-%m-%d").map_err(|_| {
            self.error(
                DATE,
                format!("\"{cell}\" is not a date"),
                "write it as YYYY-MM-DD, e.g. 2026-11-11",
            )
        })
    }

    /// `from` and `to` on `date`: the stretch they span (`to` before `from` ends the next day,
    /// so it is never longer than 24 h), or None for a date marked `unavailable` or with both
    /// cells empty.
    pub(super) fn stretch(
        &self,
        date: NaiveDate,
    ) -> Result<Option<(NaiveDateTime, NaiveDateTime)>> {
        let (from, to) = (self.cell(FROM), self.cell(TO));
        if to.is_empty() && (from.is_empty() || from.eq_ignore_ascii_case(UNAVAILABLE)) {
            return Ok(None);
        }
        let both = "give both from and to as HH:MM, or write unavailable in from and leave to empty for a day the person cannot work";
        if from.is_empty() {
            return Err(self.error(FROM, format!("from is empty but to is \"{to}\""), both));
        }
        if from.eq_ignore_ascii_case(UNAVAILABLE) {
            return Err(self.error(
                TO,
                format!("from says unavailable but to is \"{to}\""),
                both,
            ));
        }
        let from_minute = parse_clock_minutes(from)
            .filter(|m| *m < 24 * 60)
            .ok_or_else(|| {
                self.error(
                    FROM,
                    format!("\"{from}\" is not a clock time"),
                    "write HH:MM from 00:00 to 23:59, e.g. 08:00",
                )
            })?;
        if to.is_empty() {
            return Err(self.error(TO, "the to time is empty".into(), both));
        }
        let to_minute = parse_clock_minutes(to).ok_or_else(|| {
            self.error(
                TO,
                format!("\"{to}\" is not a clock time"),
                "write HH:MM, e.g. 18:00, or 24:00 for the end of the day; a time before from runs past midnight",
            )
        })?;
        if from_minute == to_minute {
            return Err(self.error(
                TO,
                format!("from and to are both {from}, so the window's length is unclear"),
                "write 00:00 to 24:00 for the whole day; a window is at most 24 hours",
            ));
        }
        let midnight = date.and_time(NaiveTime::MIN);
        let start = midnight + Duration::minutes(from_minute.into());
        let mut end = midnight + Duration::minutes(to_minute.into());
        if end < start {
            end += Duration::days(1);
        }
        Ok(Some((start, end)))
    }
}
