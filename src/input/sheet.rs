//! Excel workbooks as input: the first sheet of an `.xlsx` turned into the CSV text the readers
//! already parse, so every check and error message works unchanged. Line L of the text is Excel
//! row L and column C is Excel column C (rows above the sheet's first filled row become empty
//! lines, which the CSV reader skips, as it does blank rows).

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, ExcelDateTime, Range, Reader, Xlsx};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use super::csv_place;
use crate::error::{Error, Result};

/// Workbook formats shiftcast does not read, by file extension (`et` is WPS's own format).
const OTHER_WORKBOOKS: [&str; 5] = ["xls", "xlsm", "xlsb", "ods", "et"];

/// How to turn any workbook into one shiftcast reads.
const SAVE_AS: &str = "open it in Excel or WPS and save it as \"Excel Workbook (*.xlsx)\", or as \
\"CSV UTF-8 (Comma delimited)\"";

/// Which reading `path` needs, by its extension (any case).
pub(super) enum Format {
    /// A text CSV file (any extension that is not a workbook's).
    Csv,
    /// An `.xlsx` workbook, read from its first sheet.
    Xlsx,
}

impl Format {
    /// The format of `path`; another workbook format is refused with how to save it.
    pub(super) fn of(path: &Path, what: &str) -> Result<Format> {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if extension == "xlsx" {
            Ok(Format::Xlsx)
        } else if OTHER_WORKBOOKS.contains(&extension.as_str()) {
            Err(Error::input(
                path.display().to_string(),
                format!("the {what} is a .{extension} workbook; shiftcast reads workbooks only as .xlsx (first sheet) or CSV"),
                SAVE_AS,
            ))
        } else {
            Ok(Format::Csv)
        }
    }
}

/// The first sheet of the `.xlsx` workbook in `bytes` (read from `path`, the `what`) as CSV text:
/// one line per row, cells as text as a CSV would hold them (see [`cell_text`]).
pub(super) fn csv_text(path: &Path, bytes: Vec<u8>, what: &str) -> Result<String> {
    let broken = |e: calamine::XlsxError| {
        Error::input(
            path.display().to_string(),
            format!("the {what} cannot be read as an .xlsx workbook ({e})"),
            SAVE_AS,
        )
    };
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(broken)?;
    let Some(first) = book.sheet_names().into_iter().next() else {
        return Err(Error::input(
            path.display().to_string(),
            format!("the {what} workbook has no sheet"),
            "put the table on the first sheet, header row first",
        ));
    };
    let cells = book.worksheet_range(&first).map_err(broken)?;
    let styles = book.worksheet_style(&first).map_err(broken)?;
    let Some((top, left)) = cells.start() else {
        return Ok(String::new());
    };
    let header = header_names(&cells);
    let mut text = "\n".repeat(top as usize);
    for (r, row) in cells.rows().enumerate() {
        let at_row = top + r as u32;
        if row.iter().all(|c| matches!(c, Data::Empty)) {
            text.push('\n');
            continue;
        }
        let mut fields = vec![String::new(); left as usize];
        for (c, cell) in row.iter().enumerate() {
            let at = (at_row, left + c as u32);
            let format = styles
                .get(at)
                .and_then(|s| s.number_format.as_ref())
                .map_or("General", |f| f.format_code.as_str());
            let field = cell_text(cell, format).map_err(|problem| {
                let name = header.get(c).map_or("", String::as_str);
                Error::input(
                    csv_place(path, u64::from(at_row) + 1, at.1 as usize, name),
                    problem,
                    "type the value itself in the cell, or fix the formula that gives it",
                )
            })?;
            fields.push(quoted(&field));
        }
        text += &fields.join(",");
        text.push('\n');
    }
    Ok(text)
}

/// The text of the first filled row, naming each column in errors about its cells.
fn header_names(cells: &Range<Data>) -> Vec<String> {
    let first = cells
        .rows()
        .find(|row| row.iter().any(|c| !matches!(c, Data::Empty)));
    first.map_or_else(Vec::new, |row| {
        row.iter()
            .map(|c| cell_text(c, "General").unwrap_or_default())
            .collect()
    })
}

/// A cell as a CSV would hold it: text as typed, whole numbers without `.0`, a date as
/// `2026-11-13`, a time as `08:00`, a date with a time as `2026-11-11T00:00` (which of the three
/// by the cell's number `format`), empty when empty; an Excel error (`#DIV/0!`) is refused.
fn cell_text(cell: &Data, format: &str) -> std::result::Result<String, String> {
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(text) => text.clone(),
        Data::Int(n) => n.to_string(),
        // Display writes 8.0 as "8" and 7.5 as "7.5".
        Data::Float(x) => x.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(serial) if serial.is_duration() => {
            duration_text(serial.as_duration().unwrap_or_default())
        }
        Data::DateTime(serial) => date_time_text(serial, format),
        Data::DateTimeIso(text) => iso_text(text),
        Data::DurationIso(text) => text.clone(),
        Data::Error(e) => return Err(format!("the cell holds the Excel error {e}")),
    })
}

/// A date-time cell as the date, the time or both: the time when the number format shows hours
/// or the value holds a time of day, the date when the value holds a day (a value below one day
/// is a time-only cell); a whole day with a format that shows no hours is a date.
fn date_time_text(serial: &ExcelDateTime, format: &str) -> String {
    let Some(at) = serial.as_datetime().map(to_second) else {
        return serial.as_f64().to_string();
    };
    let (shows_date, shows_time) = shown_parts(format);
    let has_day = serial.as_f64() >= 1.0;
    let time = shows_time || at.time() != NaiveTime::MIN || (!shows_date && !has_day);
    let date = has_day || !time;
    match (date, time) {
        (true, false) => at.date().format("%Y-%m-%d").to_string(),
        (false, _) => clock(at.time()),
        (true, true) => format!("{}T{}", at.date().format("%Y-%m-%d"), clock(at.time())),
    }
}

/// Whether a number format code shows a date (`y`, `d`) and a time (`h`, `s`), its quoted text,
/// escaped characters and bracketed parts (`[$-409]`, colours, `[h]`) left out.
fn shown_parts(format: &str) -> (bool, bool) {
    let mut plain = String::new();
    let (mut quoted, mut bracketed, mut escaped) = (false, false, false);
    for c in format.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' if !quoted => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => bracketed = true,
            ']' if !quoted => bracketed = false,
            _ if !quoted && !bracketed => plain.push(c.to_ascii_lowercase()),
            _ => {}
        }
    }
    (plain.contains(['y', 'd']), plain.contains(['h', 's']))
}

/// An ISO date, time or date-time cell (`t="d"`) in the CSV's forms.
fn iso_text(text: &str) -> String {
    if let Ok(at) = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f") {
        format!(
            "{}T{}",
            at.date().format("%Y-%m-%d"),
            clock(to_second(at).time())
        )
    } else if let Ok(time) = NaiveTime::parse_from_str(text, "%H:%M:%S%.f") {
        clock(time)
    } else if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        date.format("%Y-%m-%d").to_string()
    } else {
        text.to_string()
    }
}

/// `at` to the nearest second: Excel keeps times as fractions of a day, so 08:00 may come back
/// a millisecond early.
fn to_second(at: NaiveDateTime) -> NaiveDateTime {
    let whole = at.with_nanosecond(0).unwrap_or(at);
    if at.nanosecond() >= 500_000_000 {
        whole + chrono::Duration::seconds(1)
    } else {
        whole
    }
}

/// `HH:MM`, or `HH:MM:SS` when the seconds are not zero.
fn clock(time: NaiveTime) -> String {
    if time.second() == 0 {
        time.format("%H:%M").to_string()
    } else {
        time.format("%H:%M:%S").to_string()
    }
}

/// A duration cell (`[h]:mm`) as hours and minutes, e.g. `24:00`.
fn duration_text(length: chrono::Duration) -> String {
    let minutes = (length.num_seconds() as f64 / 60.0).round() as i64;
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// A CSV field: quoted when it holds a comma, a quote or a line break.
fn quoted(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}
