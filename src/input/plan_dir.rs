//! A plan folder written by `shiftcast plan`, read back for `shiftcast simulate`.

use std::collections::BTreeMap;
use std::path::Path;

use super::{csv_place, csv_reader, csv_record, read_text};
use crate::error::{Error, Result};
use crate::simulate::PlannedInterval;
use crate::time::parse_time;

/// Reads a plan folder written by `shiftcast plan`: coverage.csv joined with forecast.csv.
pub fn read_plan_dir(dir: &Path) -> Result<Vec<PlannedInterval>> {
    let inquiries: BTreeMap<(String, String), f64> = read_rows(
        &dir.join("forecast.csv"),
        &["timestamp", "queue", "inquiries"],
    )?
    .into_iter()
    .map(|(line, path, f)| {
        Ok((
            (f[0].clone(), f[1].clone()),
            number(&f[2], &path, line, "inquiries")?,
        ))
    })
    .collect::<Result<_>>()?;
    let coverage = dir.join("coverage.csv");
    let mut planned = Vec::new();
    for (line, path, f) in read_rows(
        &coverage,
        &["timestamp", "queue", "scheduled", "service_level"],
    )? {
        let time = parse_time(&f[0]).ok_or_else(|| {
            Error::input(
                csv_place(&path, line, 0, "timestamp"),
                format!("\"{}\" is not a date and time", f[0]),
                "write it as YYYY-MM-DDTHH:MM",
            )
        })?;
        let key = (f[0].clone(), f[1].clone());
        let Some(&inquiries) = inquiries.get(&key) else {
            return Err(Error::input(
                format!("{}: line {line}", path.display()),
                format!("no forecast row for {} {}", f[0], f[1]),
                "the plan folder is incomplete: run `shiftcast plan` again",
            ));
        };
        planned.push(PlannedInterval {
            time,
            queue: f[1].clone(),
            inquiries,
            scheduled: number(&f[2], &path, line, "scheduled")? as u32,
            formula_service_level: number(&f[3], &path, line, "service_level")?,
        });
    }
    Ok(planned)
}

type Row = (u64, std::path::PathBuf, Vec<String>);

/// The named columns of every row, with line numbers.
fn read_rows(path: &Path, columns: &[&str]) -> Result<Vec<Row>> {
    let text = read_text(
        path,
        "plan file",
        "run `shiftcast plan SCENARIO --out DIR` first and pass that DIR to --plan",
    )?;
    let (mut reader, found) = csv_reader(&text, path, columns)?;
    let mut rows = Vec::new();
    for row in reader.records() {
        let row = csv_record(row, path)?;
        let line = row.position().map_or(0, |p| p.line());
        rows.push((
            line,
            path.to_path_buf(),
            found
                .iter()
                .map(|c| as_written(row.get(*c).unwrap_or("")))
                .collect(),
        ));
    }
    Ok(rows)
}

/// A text cell as shiftcast meant it: the plan's CSVs put a `'` before text a spreadsheet would
/// run (starting with `=`, `+`, `-`, `@`, a tab or a carriage return, or quotes before one), and
/// this takes it off again.
fn as_written(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest)
            if rest
                .trim_start_matches('\'')
                .starts_with(['=', '+', '-', '@', '\t', '\r']) =>
        {
            rest.to_string()
        }
        _ => cell.to_string(),
    }
}

fn number(text: &str, path: &Path, line: u64, column: &str) -> Result<f64> {
    match text.parse::<f64>() {
        Ok(x) if x.is_finite() && x >= 0.0 => Ok(x),
        _ => Err(Error::input(
            format!("{}: line {line} ({column})", path.display()),
            format!("\"{text}\" is not a number of zero or more"),
            "the plan folder was edited or is damaged: run `shiftcast plan` again",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::as_written;

    #[test]
    fn a_quote_before_formula_text_is_taken_off_and_nothing_else() {
        for (cell, meant) in [
            ("'=1+2", "=1+2"),
            ("'+1/chat", "+1/chat"),
            ("'-main", "-main"),
            ("'@day", "@day"),
            ("''=1", "'=1"),
            ("'quoted", "'quoted"),
            ("-0.5", "-0.5"),
            ("presale", "presale"),
        ] {
            assert_eq!(as_written(cell), meant, "{cell:?}");
        }
    }
}
