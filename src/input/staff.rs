//! The staff file: one person per row with group, skills, availability, days off and hour limits.

use std::path::Path;

use chrono::NaiveDate;

use super::{csv_place, csv_reader, csv_record, read_text, SCENARIO_PATH_FIX};
use crate::error::{Error, Result};
use crate::scenario::Person;
use crate::time::ClockWindow;

const COLUMNS: [&str; 7] = [
    "name",
    "group",
    "skills",
    "available",
    "days_off",
    "max_hours_per_day",
    "max_hours_per_week",
];

/// Reads one person per row; `queues` are the scenario's queue names, which skills must use.
pub fn read_staff(path: &Path, queues: &[&str]) -> Result<Vec<Person>> {
    let text = read_text(path, "staff file", SCENARIO_PATH_FIX)?;
    let (mut reader, columns) = csv_reader(&text, path, &COLUMNS)?;
    let headers = reader.headers().cloned().unwrap_or_default();
    let optional_column = |name: &str| headers.iter().position(|h| h == name);
    let days_in_row_column = optional_column("max_days_in_row");
    let contract_column = optional_column("contract_hours_per_week");
    let mut staff: Vec<Person> = Vec::new();
    for row in reader.records() {
        let row = csv_record(row, path)?;
        let line = row.position().map_or(0, |p| p.line());
        let field = |i: usize| row.get(columns[i]).unwrap_or("");
        let fail = |i: usize, problem: String, fix: &str| {
            Err(Error::input(
                csv_place(path, line, columns[i], COLUMNS[i]),
                problem,
                fix,
            ))
        };
        let name = field(0).to_string();
        if name.is_empty() {
            return fail(0, "the name is empty".into(), "give every person a name");
        }
        if staff.iter().any(|p| p.name == name) {
            return fail(
                0,
                format!("\"{name}\" appears twice"),
                "names must be unique: add a surname initial or number",
            );
        }
        if field(1).is_empty() {
            return fail(
                1,
                "the group is empty".into(),
                "give a group such as main or backup",
            );
        }
        let skills: Vec<String> = list(field(2)).map(str::to_string).collect();
        if skills.is_empty() {
            return fail(
                2,
                "no skills".into(),
                "list the queues the person serves, separated by ';', e.g. presale;aftersale",
            );
        }
        if let Some(unknown) = skills.iter().find(|s| !queues.contains(&s.as_str())) {
            return fail(
                2,
                format!("\"{unknown}\" is not a queue of the scenario"),
                &format!("use the queue names {}", queues.join(", ")),
            );
        }
        let available = if field(3).is_empty() {
            ClockWindow::ALWAYS
        } else {
            match ClockWindow::parse(field(3)) {
                Some(w) => w,
                None => {
                    return fail(
                        3,
                        format!("\"{}\" is not a daily window", field(3)),
                        "write HH:MM-HH:MM, e.g. 18:00-24:00, or 00:00-24:00 for any time",
                    )
                }
            }
        };
        let mut days_off = Vec::new();
        for day in list(field(4)) {
            match NaiveDate::parse_from_str(day, "%Y-%m-%d") {
                Ok(d) => days_off.push(d),
                Err(_) => {
                    return fail(
                        4,
                        format!("\"{day}\" is not a date"),
                        "write dates as YYYY-MM-DD separated by ';'",
                    )
                }
            }
        }
        let mut hours = [0.0; 2];
        for (k, slot) in hours.iter_mut().enumerate() {
            let i = 5 + k;
            match field(i).parse::<f64>() {
                Ok(h) if h.is_finite() && h > 0.0 => *slot = h,
                _ => {
                    return fail(
                        i,
                        format!("\"{}\" is not a positive number of hours", field(i)),
                        "e.g. 8 per day, 40 per week",
                    )
                }
            }
        }
        let optional_cell = |column: Option<usize>| column.and_then(|c| row.get(c)).unwrap_or("");
        let optional_fail = |column: Option<usize>, name: &str, problem: String, fix: &str| {
            let column = column.unwrap_or_default();
            Err(Error::input(
                csv_place(path, line, column, name),
                problem,
                fix,
            ))
        };
        let max_days_in_row = match optional_cell(days_in_row_column) {
            "" => None,
            cell => match cell.parse::<u32>() {
                Ok(d) if d > 0 => Some(d),
                _ => {
                    return optional_fail(
                        days_in_row_column,
                        "max_days_in_row",
                        format!("\"{cell}\" is not a whole number of days above 0"),
                        "e.g. 6 for a day off after six working days, or leave it empty",
                    )
                }
            },
        };
        let contract_hours_per_week = match optional_cell(contract_column) {
            "" => None,
            cell => match cell.parse::<f64>() {
                Ok(h) if h.is_finite() && h >= 0.0 && h <= hours[1] => Some(h),
                _ => {
                    return optional_fail(
                        contract_column,
                        "contract_hours_per_week",
                        format!(
                            "\"{cell}\" is not a number of hours from 0 to max_hours_per_week ({})",
                            hours[1]
                        ),
                        "e.g. 40; hours above it up to max_hours_per_week are overtime",
                    )
                }
            },
        };
        staff.push(Person {
            name,
            group: field(1).to_string(),
            skills,
            available,
            days_off,
            max_hours_per_day: hours[0],
            max_hours_per_week: hours[1],
            max_days_in_row,
            contract_hours_per_week,
        });
    }
    Ok(staff)
}

/// Items of a `;`-separated cell, blanks dropped.
fn list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(';').map(str::trim).filter(|s| !s.is_empty())
}
