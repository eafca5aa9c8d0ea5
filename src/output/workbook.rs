//! `plan.xlsx`: the plan as a workbook team leads open, print and pin up. Numbers are numbers,
//! times are Excel date-times, roster cells are coloured by queue.
//!
//! The sheets, in order: the summary with the plan's assumptions (`summary.rs`); the person x
//! day roster of shift codes (`week.rs`); one sheet per day with the hour x queue head count and
//! that day's person x hour grid, each printed one A4 landscape page wide (`day.rs`); each
//! person's shifts and the part-timers' call list (`people.rs`); then the tables of the CSV
//! files and the person x hour grid of the whole horizon (`tables.rs`, `grid.rs`).

mod day;
mod grid;
mod people;
mod summary;
mod tables;
mod week;

use std::collections::{BTreeSet, HashMap};

use chrono::{NaiveDate, NaiveDateTime};
use rust_xlsxwriter::{
    Color, DocProperties, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::error::{Error, Result};
use crate::labels::Lang;
use crate::output::text::workbook::day_name;
use crate::roster::{Roster, RosterRow};
use crate::scenario::Scenario;
use crate::Plan;
pub(crate) use week::{ShiftKind, EARLY_BEFORE_HOUR, LATE_FROM_HOUR};

/// One cell of a plain table sheet.
enum Cell {
    Time(NaiveDateTime),
    Text(String),
    Number(f64),
    Share(f64),
    Empty,
}

type XlsxResult<T> = std::result::Result<T, XlsxError>;

/// Cell colours per queue (light enough to print), then per phase for the grid's header.
const QUEUE_COLOURS: [u32; 4] = [0xF8CBAD, 0x9BC2E6, 0xC6E0B4, 0xFFE699];
const BREAK_COLOUR: u32 = 0xD9D9D9;
const PHASE_COLOURS: [u32; 4] = [0x7030A0, 0xC55A11, 0x548235, 0x2F5597];

/// `set_paper_size` code of A4.
const A4: u8 = 9;

/// Renders the workbook for a plan in `lang`.
pub fn workbook(plan: &Plan, scenario: &Scenario, lang: Lang) -> Result<Vec<u8>> {
    build(plan, scenario, lang).map_err(|e| Error::Render(format!("plan.xlsx: {e}")))
}

/// Every sheet in order: the printed ones first (summary, roster by day, each day, each person,
/// the call list), then the tables (forecast, requirements, coverage, shifts, the hourly
/// roster, people, part-timers).
fn build(plan: &Plan, scenario: &Scenario, lang: Lang) -> XlsxResult<Vec<u8>> {
    let mut book = Workbook::new();
    // A fixed creation time keeps the file byte-identical for the same inputs.
    let epoch = NaiveDateTime::default();
    book.set_properties(&DocProperties::new().set_creation_datetime(&epoch));
    let codes = scenario.queue_codes(lang);
    summary::summary_sheet(book.add_worksheet(), plan, scenario, lang)?;
    week::roster_by_day(book.add_worksheet(), plan, scenario, &codes, lang)?;
    for (date, name) in day_sheet_names(scenario, lang) {
        let ws = book.add_worksheet().set_name(name)?;
        day::day_sheet(ws, date, plan, scenario, &codes, lang)?;
    }
    people::per_person_sheet(book.add_worksheet(), plan, lang)?;
    people::call_list_sheet(book.add_worksheet(), plan, lang)?;
    tables::forecast_sheet(book.add_worksheet(), plan, lang)?;
    tables::requirements_sheet(book.add_worksheet(), plan, lang)?;
    tables::coverage_sheet(book.add_worksheet(), plan, lang)?;
    tables::shifts_sheet(book.add_worksheet(), plan, lang)?;
    grid::hourly_roster_sheet(book.add_worksheet(), plan, scenario, &codes, lang)?;
    tables::people_sheet(book.add_worksheet(), plan, lang)?;
    tables::part_timers_sheet(book.add_worksheet(), plan, lang)?;
    book.save_to_buffer()
}

/// Each day's sheet name, `11-11 Wed` (`11月11日 周三`); dates as `2026-11-11` when a horizon
/// of more than a year would give two days the same name.
fn day_sheet_names(scenario: &Scenario, lang: Lang) -> Vec<(NaiveDate, String)> {
    let dates = scenario.horizon.dates();
    let names: BTreeSet<String> = dates.iter().map(|d| day_name(*d, lang)).collect();
    (dates.iter())
        .map(|d| match names.len() == dates.len() {
            true => (*d, day_name(*d, lang)),
            false => (*d, d.to_string()),
        })
        .collect()
}

fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xD9D9D9))
        .set_border_bottom(FormatBorder::Thin)
}

/// Writes one table cell: times as date-times, whole numbers plain, others to 2 decimals.
fn write_cell(ws: &mut Worksheet, row: u32, col: u16, cell: Cell) -> XlsxResult<()> {
    match cell {
        Cell::Time(t) => {
            let time = Format::new().set_num_format("yyyy-mm-dd hh:mm");
            ws.write_datetime_with_format(row, col, t, &time)?
        }
        Cell::Text(s) => ws.write_string(row, col, s)?,
        Cell::Number(x) if x.fract() == 0.0 => ws.write_number(row, col, x)?,
        Cell::Number(x) => {
            let number = Format::new().set_num_format("#,##0.00");
            ws.write_number_with_format(row, col, x, &number)?
        }
        Cell::Share(x) => {
            let share = Format::new().set_num_format("0.0%");
            ws.write_number_with_format(row, col, x, &share)?
        }
        Cell::Empty => ws,
    };
    Ok(())
}

/// A sheet with a header row and one row per item, frozen header, widths set, printable.
fn table_sheet(
    ws: &mut Worksheet,
    name: &str,
    headers: &[&str],
    rows: impl Iterator<Item = Vec<Cell>>,
    lang: Lang,
) -> XlsxResult<()> {
    ws.set_name(name)?;
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, lang.t(h), &header_format())?;
        ws.set_column_width(c as u16, if c == 0 { 17 } else { 13 })?;
    }
    for (r, cells) in rows.enumerate() {
        for (c, cell) in cells.into_iter().enumerate() {
            write_cell(ws, r as u32 + 1, c as u16, cell)?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    ws.set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_repeat_rows(0, 0)?;
    Ok(())
}

/// Page setup of a sheet to pin up: A4, narrow margins, one page wide (as many tall as it
/// takes), centred, the sheet's name and the page number in the footer.
fn a4_one_page_wide(ws: &mut Worksheet, landscape: bool) {
    if landscape {
        ws.set_landscape();
    } else {
        ws.set_portrait();
    }
    ws.set_paper_size(A4)
        .set_margins(0.25, 0.25, 0.4, 0.4, 0.2, 0.2)
        .set_print_center_horizontally(true)
        .set_print_fit_to_pages(1, 0)
        .set_footer("&L&A&R&P / &N");
}

/// A cell where someone serves queue number `q`.
fn queue_format(q: usize) -> Format {
    Format::new()
        .set_background_color(Color::RGB(QUEUE_COLOURS[q % QUEUE_COLOURS.len()]))
        .set_align(FormatAlign::Center)
        .set_border(FormatBorder::Hair)
}

/// A header cell over an interval in phase number `p`.
fn phase_format(p: usize) -> Format {
    Format::new()
        .set_background_color(Color::RGB(PHASE_COLOURS[p % PHASE_COLOURS.len()]))
        .set_font_color(Color::White)
        .set_font_size(8)
        .set_align(FormatAlign::Center)
}

/// A grid cell where someone is on a break.
fn break_format() -> Format {
    Format::new()
        .set_background_color(Color::RGB(BREAK_COLOUR))
        .set_font_size(8)
        .set_align(FormatAlign::Center)
        .set_border(FormatBorder::Hair)
}

/// A coverage row's phase (`main+vip` when several apply) in `lang`.
fn phase_label(phase: &str, lang: Lang) -> String {
    (phase.split('+').map(|p| lang.t(p)))
        .collect::<Vec<_>>()
        .join("+")
}

/// Each person's shifts in start order, by name.
fn shifts_by_name(roster: &Roster) -> HashMap<&str, Vec<&RosterRow>> {
    let mut by_name: HashMap<&str, Vec<&RosterRow>> = HashMap::new();
    for r in &roster.rows {
        by_name.entry(r.name.as_str()).or_default().push(r);
    }
    for shifts in by_name.values_mut() {
        shifts.sort_by_key(|r| r.start);
    }
    by_name
}
