//! Two lists to print: Per person (each person's shifts with date, start, end, queue, breaks and
//! hours, then their total), and the part-timers' Call list (every shift of a part-timer, hired
//! PT-nn or named in the staff file, and every on-call shift of standby.csv, by date and start,
//! with an empty phone column for the manager to fill in).

use chrono::NaiveDateTime;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Worksheet};

use super::{header_format, shifts_by_name, XlsxResult};
use crate::labels::Lang;
use crate::roster::RosterRow;
use crate::scenario::Kind;
use crate::schedule::{describe, Activity, Segment};
use crate::Plan;

/// Writes `headers` in row 0 with their column widths.
fn headers(ws: &mut Worksheet, headers: &[(&str, f64)], lang: Lang) -> XlsxResult<()> {
    for (c, (h, width)) in headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, lang.t(h), &header_format())?;
        ws.set_column_width(c as u16, *width)?;
    }
    ws.set_freeze_panes(1, 0)?;
    super::a4_one_page_wide(ws, false);
    ws.set_repeat_rows(0, 0)?;
    Ok(())
}

/// A shift's date, start and end from column `col`: the date, then clock times.
fn write_times(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    start: NaiveDateTime,
    end: NaiveDateTime,
) -> XlsxResult<()> {
    let date = Format::new()
        .set_num_format("yyyy-mm-dd")
        .set_align(FormatAlign::Center);
    let clock = Format::new()
        .set_num_format("hh:mm")
        .set_align(FormatAlign::Center);
    ws.write_date_with_format(row, col, start.date(), &date)?;
    ws.write_datetime_with_format(row, col + 1, start, &clock)?;
    ws.write_datetime_with_format(row, col + 2, end, &clock)?;
    Ok(())
}

/// What a shift serves: its queue, or a session's name.
fn serves(row: &RosterRow, lang: Lang) -> String {
    match row.is_session() {
        true => lang.t(&row.template),
        false => lang.t(&row.queue),
    }
}

/// Each person (people.csv's order) with one row per shift and a row with their total hours.
pub(super) fn per_person_sheet(ws: &mut Worksheet, plan: &Plan, lang: Lang) -> XlsxResult<()> {
    ws.set_name(lang.t("Per person"))?;
    let columns = [
        ("name", 12.0),
        ("group", 9.0),
        ("date", 11.0),
        ("start", 7.0),
        ("end", 7.0),
        ("queue", 9.0),
        ("breaks", 22.0),
        ("hours", 7.0),
    ];
    headers(ws, &columns, lang)?;
    let t = |key: &str| lang.t(key);
    let total = Format::new()
        .set_bold()
        .set_border_bottom(FormatBorder::Thin);
    let total_label = total.clone().set_align(FormatAlign::Right);
    let by_name = shifts_by_name(&plan.roster);
    let mut row = 0;
    for person in &plan.report.people {
        row += 1;
        ws.write_string(row, 0, &person.name)?;
        ws.write_string(row, 1, t(&person.group))?;
        for (i, shift) in by_name
            .get(person.name.as_str())
            .into_iter()
            .flatten()
            .enumerate()
        {
            if i > 0 {
                row += 1;
            }
            write_times(ws, row, 2, shift.start, shift.end)?;
            ws.write_string(row, 5, serves(shift, lang))?;
            let breaks: Vec<Segment> = (shift.segments.iter())
                .filter(|s| matches!(s.activity, Activity::Break(_)) && !shift.is_session())
                .cloned()
                .collect();
            ws.write_string(row, 6, describe(&breaks, &t))?;
            ws.write_number(row, 7, shift.hours())?;
        }
        row += 1;
        for col in 0..6 {
            ws.write_blank(row, col, &total)?;
        }
        ws.write_string_with_format(row, 6, t("total"), &total_label)?;
        ws.write_number_with_format(row, 7, person.hours, &total)?;
    }
    Ok(())
}

/// One row per part-time and on-call shift, by date and start, then name.
pub(super) fn call_list_sheet(ws: &mut Worksheet, plan: &Plan, lang: Lang) -> XlsxResult<()> {
    ws.set_name(lang.t("Call list"))?;
    let columns = [
        ("name", 12.0),
        ("kind", 10.0),
        ("date", 11.0),
        ("start", 7.0),
        ("end", 7.0),
        ("queue", 9.0),
        ("phone", 18.0),
    ];
    headers(ws, &columns, lang)?;
    let part_time = (plan.roster.rows.iter())
        .filter(|r| r.kind == Kind::PartTime)
        .map(|r| (r, "part-time"));
    let on_call = plan.standby.rows.iter().map(|r| (r, "on call"));
    let mut rows: Vec<(&RosterRow, &str)> = part_time.chain(on_call).collect();
    rows.sort_by(|(a, _), (b, _)| (a.start, &a.name).cmp(&(b.start, &b.name)));
    let phone = Format::new().set_border_bottom(FormatBorder::Thin);
    for (i, (shift, kind)) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        ws.write_string(row, 0, &shift.name)?;
        ws.write_string(row, 1, lang.t(kind))?;
        write_times(ws, row, 2, shift.start, shift.end)?;
        ws.write_string(row, 5, serves(shift, lang))?;
        ws.write_blank(row, 6, &phone)?;
    }
    Ok(())
}
