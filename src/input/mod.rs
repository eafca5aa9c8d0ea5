//! Reading the input files (scenario, history, staff, availability, preferences, requirements,
//! a plan folder, actuals) into the library's typed values, with errors that name the file, line and
//! column.

mod actuals;
mod availability;
mod checks;
mod dated;
mod history;
mod inputs;
mod plan_dir;
mod preferences;
mod requirements;
mod scenario;
mod sheet;
mod staff;

pub use actuals::read_actuals;
pub use availability::read_availability;
/// The columns the availability and staff files must have, for the templates.
pub(crate) use dated::COLUMNS as AVAILABILITY_COLUMNS;
pub use history::read_history;
pub use plan_dir::{read_plan_dir, read_written_plan};
pub use preferences::read_preferences;
pub use requirements::read_requirements;
pub use scenario::read_scenario;
pub use staff::read_staff;
pub(crate) use staff::{COLUMNS as STAFF_COLUMNS, OPTIONAL_COLUMNS as STAFF_OPTIONAL_COLUMNS};

use std::path::Path;

use crate::error::{Error, Result};

/// Reads a table the user keeps, as CSV text: an `.xlsx` workbook's first sheet (see
/// [`sheet`]), or a text file as [`read_text`] does; another workbook format is refused with how
/// to save it.
fn read_table(path: &Path, what: &str, fix: &str) -> Result<String> {
    match sheet::Format::of(path, what)? {
        sheet::Format::Xlsx => sheet::csv_text(path, read_bytes(path, what, fix)?, what),
        sheet::Format::Csv => read_text(path, what, fix),
    }
}

/// Reads a whole file; a missing file says what it is and how to fix the path.
fn read_bytes(path: &Path, what: &str, fix: &str) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        Error::input(
            path.display().to_string(),
            format!("cannot read the {what}: {e}"),
            fix,
        )
    })
}

/// Reads a whole text file; a missing file says what it is and how to fix the path, and a file
/// in another encoding (GBK/GB18030, what Excel in China often saves) says how to save it as
/// UTF-8 instead.
fn read_text(path: &Path, what: &str, fix: &str) -> Result<String> {
    let bytes = read_bytes(path, what, fix)?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..at];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        Error::input(
            format!("{}: line {line}", path.display()),
            format!("the {what} is not UTF-8 text (byte {} is not; GBK or GB18030, as Excel in China often saves, is the usual cause)", at + 1),
            "save it as UTF-8: in Excel, File > Save As and choose \"CSV UTF-8 (Comma delimited)\"; in a text editor, choose the UTF-8 encoding",
        )
    })
}

/// The fix for an input file named in a scenario.
const SCENARIO_PATH_FIX: &str =
    "check the path (paths in a scenario are relative to the scenario file)";

/// `file: line L, column C (name)`, the place of one CSV field.
fn csv_place(file: &Path, line: u64, column: usize, name: &str) -> String {
    format!(
        "{}: line {line}, column {} ({name})",
        file.display(),
        column + 1
    )
}

/// Opens CSV text with a header and finds the required columns by name.
fn csv_reader<'a>(
    text: &'a str,
    file: &Path,
    required: &[&str],
) -> Result<(csv::Reader<&'a [u8]>, Vec<usize>)> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| {
            Error::input(
                file.display().to_string(),
                format!("unreadable header: {e}"),
                "save the file as UTF-8 CSV",
            )
        })?
        .clone();
    let mut columns = Vec::new();
    for name in required {
        match csv_column(&headers, name) {
            Some(c) => columns.push(c),
            None => {
                return Err(Error::input(
                    format!("{}: line 1", file.display()),
                    format!("no \"{name}\" column in the header"),
                    format!("the header must name the columns {}", required.join(",")),
                ))
            }
        }
    }
    Ok((reader, columns))
}

/// Where the column called `name` sits in a header (a byte-order mark before the first name is
/// Excel's, not the name's).
fn csv_column(headers: &csv::StringRecord, name: &str) -> Option<usize> {
    headers
        .iter()
        .position(|h| h.trim_start_matches('\u{feff}') == name)
}

/// A CSV record or a clear error about the row that broke the format.
fn csv_record(
    row: std::result::Result<csv::StringRecord, csv::Error>,
    file: &Path,
) -> Result<csv::StringRecord> {
    row.map_err(|e| {
        let line = e.position().map_or(0, |p| p.line());
        Error::input(
            format!("{}: line {line}", file.display()),
            format!("unreadable row: {e}"),
            "every row needs the same number of comma-separated fields as the header",
        )
    })
}
