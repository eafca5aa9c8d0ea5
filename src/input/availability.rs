//! The availability file (`name,date,from,to`): a person's windows on given dates, which
//! replace their daily `available` window on those dates, or dates they cannot work at all.

use std::path::Path;

use chrono::NaiveTime;

use super::dated::{read_rows, COLUMNS, FROM};
use crate::error::Result;
use crate::scenario::{DatedWindow, Person};

/// Adds each row's window to its person's `dated` windows; a row marked `unavailable` (or
/// with `from` and `to` empty) adds an empty window, which `Person::can_work_at` reads as a
/// date without work. Several windows on one date add up; a date with both a window and an
/// `unavailable` row is an error, as one of them must be a mistake.
pub fn read_availability(path: &Path, staff: &mut [Person]) -> Result<()> {
    read_rows(path, "availability file", &COLUMNS, |row| {
        let who = row.person(staff)?;
        let date = row.date()?;
        let (start, end) = row.stretch(date)?.unwrap_or_else(|| {
            let midnight = date.and_time(NaiveTime::MIN);
            (midnight, midnight)
        });
        let window = DatedWindow { date, start, end };
        let person = &mut staff[who];
        let closed = |w: &DatedWindow| w.start == w.end;
        if person
            .dated
            .iter()
            .any(|w| w.date == date && closed(w) != closed(&window))
        {
            return Err(row.error(
                FROM,
                format!(
                    "{} has both a window and an unavailable row on {date}",
                    person.name
                ),
                "keep either the windows or the unavailable row for that date",
            ));
        }
        person.dated.push(window);
        Ok(())
    })
}
