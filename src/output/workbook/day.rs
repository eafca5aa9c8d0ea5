//! One sheet per day of the horizon, to print and pin up: at the top the hour x queue head count
//! with the phase in force (required, scheduled and part-timers of each queue, the numbers of
//! coverage.csv; a short hour in red), below it the day's person x hour grid of the people who
//! work that day, earliest first. It prints one A4 landscape page wide at full size for hourly
//! intervals (26 columns), the grid's header repeated on every page; shorter intervals come in
//! blocks of at most 48 columns, one under the other.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet};

use super::grid::{Grid, FIRST_INTERVAL_COLUMN};
use super::{header_format, phase_label, queue_format, shifts_by_name, XlsxResult};
use crate::labels::Lang;
use crate::output::text::workbook::day_name;
use crate::report::CoverageRow;
use crate::scenario::Scenario;
use crate::Plan;

/// Width of an hourly column, in characters: two Chinese characters (用餐) or a three-digit
/// head count fit; 24 of them with the name and group columns take 27 cm, A4 landscape less
/// narrow margins is 28.4 cm.
const HOUR_WIDTH: f64 = 4.6;

/// Width of a shorter interval's column: a queue's code, or 用餐 in 8 points.
const SHORT_INTERVAL_WIDTH: f64 = 3.0;

/// Most interval columns in one block of the grid: 48 at [`SHORT_INTERVAL_WIDTH`] print at
/// about 93% of full size one A4 landscape page wide; a day of 15-minute intervals (96) is
/// shown in two blocks, 00:00-11:45 above 12:00-23:45.
const MOST_COLUMNS: usize = 48;

/// The head-count table's columns per queue: required, scheduled, part-timers.
const TABLE_COLUMNS: [&str; 3] = ["required", "scheduled", "part-timers"];

/// The sheet of `date`, already named.
pub(super) fn day_sheet(
    ws: &mut Worksheet,
    date: NaiveDate,
    plan: &Plan,
    scenario: &Scenario,
    codes: &[String],
    lang: Lang,
) -> XlsxResult<()> {
    let times: Vec<NaiveDateTime> = (scenario.horizon.times().into_iter())
        .filter(|t| t.date() == date)
        .collect();
    let hourly = scenario.horizon.interval_minutes == 60;
    let width = if hourly {
        HOUR_WIDTH
    } else {
        SHORT_INTERVAL_WIDTH
    };
    let title = Format::new().set_bold().set_font_size(14);
    ws.write_string_with_format(0, 0, format!("{date}  {}", day_name(date, lang)), &title)?;
    head_count_table(ws, 1, &times, width, plan, scenario, lang)?;
    let hour_format = match hourly {
        true => header_format()
            .set_num_format("hh")
            .set_align(FormatAlign::Center),
        false => (header_format().set_num_format("hh:mm").set_rotation(90)).set_font_size(8),
    };
    let blocks = times.len().div_ceil(MOST_COLUMNS).max(1);
    let mut row = times.len() as u32 + 5;
    let first_block = row;
    let mut last = None;
    for block in times.chunks(times.len().div_ceil(blocks).max(1)) {
        let grid = Grid::new(scenario, block.to_vec(), codes, lang);
        if !hourly {
            ws.set_row_height(row + 1, 36)?;
        }
        row = grid_block(ws, row, &grid, &hour_format, plan)? + 2;
        last = Some(grid);
    }
    if let Some(grid) = last {
        grid.legend(ws, row)?;
    }
    ws.set_column_width(0, 12)?;
    ws.set_column_width(1, 9)?;
    let table_width = TABLE_COLUMNS.len() * scenario.queues.len();
    for i in 0..times.len().min(MOST_COLUMNS).max(table_width) {
        ws.set_column_width(i as u16 + FIRST_INTERVAL_COLUMN, width)?;
    }
    super::a4_one_page_wide(ws, true);
    if blocks == 1 {
        // The block's header on every page it runs over.
        ws.set_repeat_rows(first_block, first_block + 1)?;
    }
    Ok(())
}

/// One block of the day's grid from `row` down: its header, then everyone working in its
/// intervals, earliest on duty first; returns the last row written.
fn grid_block(
    ws: &mut Worksheet,
    row: u32,
    grid: &Grid,
    hour_format: &Format,
    plan: &Plan,
) -> XlsxResult<u32> {
    grid.header(ws, row, hour_format)?;
    let by_name = shifts_by_name(&plan.roster);
    let mut working: Vec<(usize, &str, &str, &[_])> = Vec::new();
    for p in &plan.report.people {
        let Some(shifts) = by_name.get(p.name.as_str()) else {
            continue;
        };
        if let Some(first) = grid.first_busy(shifts) {
            working.push((first, &p.name, &p.group, shifts));
        }
    }
    // The sort is stable: people keep people.csv's order within a start.
    working.sort_by_key(|w| w.0);
    for (i, (_, name, group, shifts)) in working.iter().enumerate() {
        grid.person_row(ws, row + 2 + i as u32, (name, group), shifts)?;
    }
    Ok(row + 1 + working.len() as u32)
}

/// The hour x queue head count from `row` down: two header rows (each queue over its three
/// columns), then per interval its time, the phases in force and each queue's numbers.
fn head_count_table(
    ws: &mut Worksheet,
    row: u32,
    times: &[NaiveDateTime],
    width: f64,
    plan: &Plan,
    scenario: &Scenario,
    lang: Lang,
) -> XlsxResult<()> {
    let coverage: HashMap<(NaiveDateTime, &str), &CoverageRow> = (plan.report.coverage.iter())
        .map(|c| ((c.time, c.queue.as_str()), c))
        .collect();
    let header = header_format().set_align(FormatAlign::Center);
    let side = header.clone().set_align(FormatAlign::VerticalCenter);
    ws.merge_range(row, 0, row + 1, 0, &lang.t("time"), &side)?;
    ws.merge_range(row, 1, row + 1, 1, &lang.t("phase"), &side)?;
    let labels: Vec<String> = TABLE_COLUMNS.iter().map(|c| lang.t(c)).collect();
    // Labels wider than the column (English) stand upright.
    let upright = labels.iter().any(|l| display_width(l) > width);
    let sub = match upright {
        true => header.clone().set_rotation(90).set_font_size(8),
        false => header.clone(),
    };
    for (q, queue) in scenario.queues.iter().enumerate() {
        let col = first_column(q);
        let format = queue_format(q).set_bold();
        ws.merge_range(row, col, row, col + 2, &lang.t(&queue.name), &format)?;
        for (k, label) in labels.iter().enumerate() {
            ws.write_string_with_format(row + 1, col + k as u16, label, &sub)?;
        }
    }
    if upright {
        ws.set_row_height(row + 1, 58)?;
    }
    let time = Format::new()
        .set_num_format("hh:mm")
        .set_align(FormatAlign::Left);
    let number = Format::new()
        .set_align(FormatAlign::Center)
        .set_border(FormatBorder::Hair);
    let short = number
        .clone()
        .set_background_color(Color::RGB(0xFFC7CE))
        .set_font_color(Color::RGB(0x9C0006))
        .set_bold();
    for (i, t) in times.iter().enumerate() {
        let r = row + 2 + i as u32;
        ws.write_datetime_with_format(r, 0, t, &time)?;
        let mut phases: Vec<String> = Vec::new();
        for (q, queue) in scenario.queues.iter().enumerate() {
            let Some(c) = coverage.get(&(*t, queue.name.as_str())) else {
                continue;
            };
            if !c.phase.is_empty() && !phases.contains(&c.phase) {
                phases.push(c.phase.clone());
            }
            let col = first_column(q);
            let scheduled = if c.shortfall > 0 { &short } else { &number };
            ws.write_number_with_format(r, col, c.required, &number)?;
            ws.write_number_with_format(r, col + 1, c.scheduled, scheduled)?;
            ws.write_number_with_format(r, col + 2, c.part_time, &number)?;
        }
        let phases: Vec<String> = phases.iter().map(|p| phase_label(p, lang)).collect();
        ws.write_string(r, 1, phases.join(", "))?;
    }
    Ok(())
}

/// The first of queue `q`'s three columns.
fn first_column(q: usize) -> u16 {
    FIRST_INTERVAL_COLUMN + (TABLE_COLUMNS.len() * q) as u16
}

/// Width of `text` in a column's characters: a Chinese character takes two.
fn display_width(text: &str) -> f64 {
    text.chars()
        .map(|c| if c.is_ascii() { 1.0 } else { 2.0 })
        .sum()
}
