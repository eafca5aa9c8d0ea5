//! The staff file: one person per row with group, skills, availability, days off and hour limits.

use std::path::Path;

use chrono::NaiveDate;

use super::{csv_place, csv_reader, csv_record, read_table, SCENARIO_PATH_FIX};
use crate::error::{Error, Result};
use crate::scenario::{Kind, Person, PART_TIME_GROUP};
use crate::time::ClockWindow;

pub(crate) const COLUMNS: [&str; 7] = [
    "name",
    "group",
    "skills",
    "available",
    "days_off",
    "max_hours_per_day",
    "max_hours_per_week",
];

/// Columns a staff file may leave out (each cell may also be empty): the template lists them
/// after `COLUMNS` so a manager sees every setting a person can have.
pub(crate) const OPTIONAL_COLUMNS: [&str; 6] = [
    "kind",
    "wage_per_hour",
    "contract_hours_per_week",
    "min_hours_per_week",
    "max_days_in_row",
    "lead",
];

/// Positions in `COLUMNS`, so each column's parser names the column it reads.
const NAME: usize = 0;
const GROUP: usize = 1;
const SKILLS: usize = 2;
const AVAILABLE: usize = 3;
const DAYS_OFF: usize = 4;
const MAX_HOURS_PER_DAY: usize = 5;
const MAX_HOURS_PER_WEEK: usize = 6;

/// Reads one person per row; `queues` are the scenario's queue names, which skills must use.
///
/// A row's cells are checked in `COLUMNS` order, then the optional columns; the first bad one
/// is reported.
pub fn read_staff(path: &Path, queues: &[&str]) -> Result<Vec<Person>> {
    let text = read_table(path, "staff file", SCENARIO_PATH_FIX)?;
    let (mut reader, columns) = csv_reader(&text, path, &COLUMNS)?;
    let headers = reader.headers().cloned().unwrap_or_default();
    let optional_column = |name: &'static str| OptionalColumn {
        name,
        index: headers.iter().position(|h| h == name),
    };
    let days_in_row_column = optional_column("max_days_in_row");
    let contract_column = optional_column("contract_hours_per_week");
    let kind_column = optional_column("kind");
    let wage_column = optional_column("wage_per_hour");
    let min_hours_column = optional_column("min_hours_per_week");
    let lead_column = optional_column("lead");
    let mut staff: Vec<Person> = Vec::new();
    for record in reader.records() {
        let record = csv_record(record, path)?;
        let row = Row {
            record: &record,
            path,
            line: record.position().map_or(0, |p| p.line()),
            columns: &columns,
        };
        let name = name(&row, &staff)?;
        let group = group(&row)?;
        let skills = skills(&row, queues)?;
        let available = available(&row)?;
        let days_off = days_off(&row)?;
        let max_hours_per_day = hours_limit(&row, MAX_HOURS_PER_DAY)?;
        let max_hours_per_week = hours_limit(&row, MAX_HOURS_PER_WEEK)?;
        let max_days_in_row = max_days_in_row(&row, days_in_row_column)?;
        let contract_hours_per_week =
            week_hours(&row, contract_column, max_hours_per_week, CONTRACT_FIX)?;
        staff.push(Person {
            name,
            group,
            skills,
            available,
            days_off,
            max_hours_per_day,
            max_hours_per_week,
            max_days_in_row,
            contract_hours_per_week,
            kind: kind(&row, kind_column)?,
            wage_per_hour: wage_per_hour(&row, wage_column)?,
            min_hours_per_week: week_hours(&row, min_hours_column, max_hours_per_week, MIN_FIX)?,
            lead: lead(&row, lead_column)?,
            ..Person::default()
        });
    }
    Ok(staff)
}

/// One row of the staff file with its place, so each column's parser can say where it failed.
struct Row<'a> {
    record: &'a csv::StringRecord,
    path: &'a Path,
    line: u64,
    /// Where each of `COLUMNS` sits in this file's header.
    columns: &'a [usize],
}

/// A column the file may leave out: its header name and its position, if the header has it.
#[derive(Clone, Copy)]
struct OptionalColumn {
    name: &'static str,
    index: Option<usize>,
}

impl Row<'_> {
    /// The cell of required column `column` (a position in `COLUMNS`).
    fn cell(&self, column: usize) -> &str {
        self.record.get(self.columns[column]).unwrap_or("")
    }

    /// An error at required column `column` of this row.
    fn error(&self, column: usize, problem: String, fix: &str) -> Error {
        Error::input(
            csv_place(self.path, self.line, self.columns[column], COLUMNS[column]),
            problem,
            fix,
        )
    }

    /// The cell of an optional column; empty when the file has no such column.
    fn optional_cell(&self, column: OptionalColumn) -> &str {
        column.index.and_then(|c| self.record.get(c)).unwrap_or("")
    }

    /// An error at an optional column of this row (only reached when the column is there).
    fn optional_error(&self, column: OptionalColumn, problem: String, fix: &str) -> Error {
        Error::input(
            csv_place(
                self.path,
                self.line,
                column.index.unwrap_or_default(),
                column.name,
            ),
            problem,
            fix,
        )
    }
}

/// `name`: present, and not taken by an earlier row.
fn name(row: &Row, earlier: &[Person]) -> Result<String> {
    let name = row.cell(NAME).to_string();
    if name.is_empty() {
        return Err(row.error(NAME, "the name is empty".into(), "give every person a name"));
    }
    if earlier.iter().any(|p| p.name == name) {
        return Err(row.error(
            NAME,
            format!("\"{name}\" appears twice"),
            "names must be unique: add a surname initial or number",
        ));
    }
    Ok(name)
}

/// `group`: present, and not `part-time`, the name phases use for hired part-timers.
fn group(row: &Row) -> Result<String> {
    match row.cell(GROUP) {
        "" => Err(row.error(
            GROUP,
            "the group is empty".into(),
            "give a group such as main or backup",
        )),
        PART_TIME_GROUP => Err(row.error(
            GROUP,
            format!("\"{PART_TIME_GROUP}\" is the group of the part-timers the plan hires, so phases could not tell this person from them"),
            "give your own part-time staff another group, e.g. student",
        )),
        group => Ok(group.to_string()),
    }
}

/// `skills`: at least one, each a queue of the scenario.
fn skills(row: &Row, queues: &[&str]) -> Result<Vec<String>> {
    let skills: Vec<String> = list(row.cell(SKILLS)).map(str::to_string).collect();
    if skills.is_empty() {
        return Err(row.error(
            SKILLS,
            "no skills".into(),
            "list the queues the person serves, separated by ';', e.g. presale;aftersale",
        ));
    }
    if let Some(unknown) = skills.iter().find(|s| !queues.contains(&s.as_str())) {
        return Err(row.error(
            SKILLS,
            format!("\"{unknown}\" is not a queue of the scenario"),
            &format!("use the queue names {}", queues.join(", ")),
        ));
    }
    Ok(skills)
}

/// `available`: a daily window, or any time when empty.
fn available(row: &Row) -> Result<ClockWindow> {
    let cell = row.cell(AVAILABLE);
    if cell.is_empty() {
        return Ok(ClockWindow::ALWAYS);
    }
    ClockWindow::parse(cell).ok_or_else(|| {
        row.error(
            AVAILABLE,
            format!("\"{cell}\" is not a daily window"),
            "write HH:MM-HH:MM, e.g. 18:00-24:00, or 00:00-24:00 for any time",
        )
    })
}

/// `days_off`: dates separated by `;`, possibly none.
fn days_off(row: &Row) -> Result<Vec<NaiveDate>> {
    list(row.cell(DAYS_OFF))
        .map(|day| {
            NaiveDate::parse_from_str(day, "%Y-%m-%d").map_err(|_| {
                row.error(
                    DAYS_OFF,
                    format!("\"{day}\" is not a date"),
                    "write dates as YYYY-MM-DD separated by ';'",
                )
            })
        })
        .collect()
}

/// `max_hours_per_day` or `max_hours_per_week`: a positive number of hours.
fn hours_limit(row: &Row, column: usize) -> Result<f64> {
    let cell = row.cell(column);
    match cell.parse::<f64>() {
        Ok(h) if h.is_finite() && h > 0.0 => Ok(h),
        _ => Err(row.error(
            column,
            format!("\"{cell}\" is not a positive number of hours"),
            "e.g. 8 per day, 40 per week",
        )),
    }
}

/// Optional `max_days_in_row`: a whole number of days above 0, or none when empty.
fn max_days_in_row(row: &Row, column: OptionalColumn) -> Result<Option<u32>> {
    match row.optional_cell(column) {
        "" => Ok(None),
        cell => match cell.parse::<u32>() {
            Ok(d) if d > 0 => Ok(Some(d)),
            _ => Err(row.optional_error(
                column,
                format!("\"{cell}\" is not a whole number of days above 0"),
                "e.g. 6 for a day off after six working days, or leave it empty",
            )),
        },
    }
}

const CONTRACT_FIX: &str = "e.g. 40; hours above it up to max_hours_per_week are overtime";
const MIN_FIX: &str = "e.g. 16 for a student who needs at least 16 hours a week, or leave it empty";

/// Optional `contract_hours_per_week` or `min_hours_per_week`: hours from 0 up to the row's
/// `max_hours_per_week`, or none when empty.
fn week_hours(
    row: &Row,
    column: OptionalColumn,
    max_hours_per_week: f64,
    fix: &str,
) -> Result<Option<f64>> {
    match row.optional_cell(column) {
        "" => Ok(None),
        cell => match cell.parse::<f64>() {
            Ok(h) if h.is_finite() && h >= 0.0 && h <= max_hours_per_week => Ok(Some(h)),
            _ => Err(row.optional_error(
                column,
                format!(
                    "\"{cell}\" is not a number of hours from 0 to max_hours_per_week ({})",
                    max_hours_per_week
                ),
                fix,
            )),
        },
    }
}

/// Optional `kind`: `full-time` (also when empty) or `part-time`.
fn kind(row: &Row, column: OptionalColumn) -> Result<Kind> {
    match row.optional_cell(column) {
        "" | "full-time" => Ok(Kind::FullTime),
        "part-time" => Ok(Kind::PartTime),
        cell => Err(row.optional_error(
            column,
            format!("\"{cell}\" is not a kind of contract"),
            "write full-time or part-time (empty means full-time)",
        )),
    }
}

/// Optional `wage_per_hour`: the person's own wage, zero or more, or none when empty.
fn wage_per_hour(row: &Row, column: OptionalColumn) -> Result<Option<f64>> {
    match row.optional_cell(column) {
        "" => Ok(None),
        cell => match cell.parse::<f64>() {
            Ok(w) if w.is_finite() && w >= 0.0 => Ok(Some(w)),
            _ => Err(row.optional_error(
                column,
                format!("\"{cell}\" is not a wage per hour"),
                "e.g. 30, or leave it empty for the scenario's wage for the person's kind",
            )),
        },
    }
}

/// Optional `lead`: `yes` for a supervisor; `no` or empty otherwise.
fn lead(row: &Row, column: OptionalColumn) -> Result<bool> {
    match row.optional_cell(column) {
        "yes" => Ok(true),
        "" | "no" => Ok(false),
        cell => Err(row.optional_error(
            column,
            format!("\"{cell}\" is not yes or no"),
            "write yes for a supervisor, no or nothing otherwise",
        )),
    }
}

/// Items of a `;`-separated cell, blanks dropped.
fn list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(';').map(str::trim).filter(|s| !s.is_empty())
}
