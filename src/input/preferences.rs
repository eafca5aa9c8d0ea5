//! The preferences file (`name,date,from,to,weight`): stretches a person would like to work
//! (positive weight) or would rather not (negative), which the plan weighs at
//! `costs.preference_per_hour` per hour of weight.

use std::path::Path;

use super::dated::{read_rows, COLUMNS, FROM};
use crate::error::Result;
use crate::scenario::{Person, Preference};

/// Position of `weight` among the file's columns, after the shared ones.
const WEIGHT: usize = COLUMNS.len();

/// Adds each row's stretch and weight to its person's `preferences`.
pub fn read_preferences(path: &Path, staff: &mut [Person]) -> Result<()> {
    let [name, date, from, to] = COLUMNS;
    read_rows(
        path,
        "preferences file",
        &[name, date, from, to, "weight"],
        |row| {
            let who = row.person(staff)?;
            let date = row.date()?;
            let (start, end) = row.stretch(date)?.ok_or_else(|| {
            row.error(
                FROM,
                "a preference needs a stretch of time".into(),
                "give from and to as HH:MM, e.g. 18:00 and 22:00; a day the person cannot work goes in the availability file",
            )
        })?;
            let cell = row.cell(WEIGHT);
            let weight = match cell.parse::<f64>() {
            Ok(w) if w.is_finite() && w != 0.0 => w,
            _ => {
                return Err(row.error(
                    WEIGHT,
                    format!("\"{cell}\" is not a weight other than 0"),
                    "e.g. 2 for hours the person would like to work, -1 for hours they would rather not",
                ))
            }
        };
            staff[who]
                .preferences
                .push(Preference { start, end, weight });
            Ok(())
        },
    )
}
