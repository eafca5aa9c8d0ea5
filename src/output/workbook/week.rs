//! The Roster sheet (排班表): one row per person, one column per date, each cell the code of
//! the shift starting that date, the format teams exchange: `夜 22-06 餐01` (`N 22-06 M01`) is a
//! night shift from 22:00 to 06:00 with the meal from 01:00, coloured by the queue served most;
//! 休 (`off`) a day off. A shift starting before midnight belongs to its start date, so a date
//! before the horizon shows only the overnight shifts running into it. A legend sits below.

use chrono::{NaiveDate, NaiveDateTime, Timelike};
use rust_xlsxwriter::{Color, Format, FormatAlign, Worksheet};

use super::{break_format, header_format, queue_format, shifts_by_name, XlsxResult};
use crate::labels::Lang;
use crate::output::text::workbook::{
    break_code_meaning, day_name, day_off_meaning, queue_colour_meaning, shift_hours_meaning,
    shift_kind_meaning,
};
use crate::roster::RosterRow;
use crate::scenario::Scenario;
use crate::schedule::{is_night_shift, Activity};
use crate::Plan;

/// A shift that is not a night shift and starts before this hour is an early shift (早班): the
/// example's 06:00 and 09:00 shifts, a team's usual 08:00-17:00.
pub(crate) const EARLY_BEFORE_HOUR: u32 = 10;
/// From this hour a shift is a late shift (晚班), the example's 14:00, 16:00 and 19:00 ones;
/// between the two a day shift (中班), e.g. a part-timer from 10:00 or 12:00.
pub(crate) const LATE_FROM_HOUR: u32 = 14;

/// What kind of shift a code's letter names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ShiftKind {
    /// Half its hours or more in the scenario's night window (`costs.night`).
    Night,
    /// Starts before [`EARLY_BEFORE_HOUR`].
    Early,
    /// Starts from [`EARLY_BEFORE_HOUR`], before [`LATE_FROM_HOUR`].
    Day,
    /// Starts at [`LATE_FROM_HOUR`] or later.
    Late,
}

impl ShiftKind {
    const ALL: [ShiftKind; 4] = [
        ShiftKind::Night,
        ShiftKind::Early,
        ShiftKind::Day,
        ShiftKind::Late,
    ];

    /// The kind of a shift from `start` to `end`.
    fn of(scenario: &Scenario, start: NaiveDateTime, end: NaiveDateTime) -> ShiftKind {
        match start.hour() {
            _ if is_night_shift(scenario, start, end) => ShiftKind::Night,
            h if h < EARLY_BEFORE_HOUR => ShiftKind::Early,
            h if h < LATE_FROM_HOUR => ShiftKind::Day,
            _ => ShiftKind::Late,
        }
    }

    /// Its letter: 夜 早 中 晚, N E D L.
    fn code(self, lang: Lang) -> String {
        lang.short(match self {
            ShiftKind::Night => "night",
            ShiftKind::Early => "early",
            ShiftKind::Day => "day",
            ShiftKind::Late => "late",
        })
    }
}

/// The code of one shift: its kind's letter, its hours and each break's letter with the hour
/// it starts (`夜 22-06 餐01`); a session shows its name and hours.
pub(super) fn shift_code(row: &RosterRow, scenario: &Scenario, lang: Lang) -> String {
    let hours = format!("{}-{}", clock(row.start, false), clock(row.end, true));
    if row.is_session() {
        return format!("{} {hours}", lang.t(&row.template));
    }
    let mut parts = vec![
        ShiftKind::of(scenario, row.start, row.end).code(lang),
        hours,
    ];
    for segment in &row.segments {
        if let Activity::Break(name) = &segment.activity {
            parts.push(format!(
                "{}{}",
                lang.short(name),
                clock(segment.start, false)
            ));
        }
    }
    parts.join(" ")
}

/// The hour of `t` (`06`), with its minutes when not on the hour (`06:30`); midnight reads `24`
/// when it ends a shift.
fn clock(t: NaiveDateTime, ending: bool) -> String {
    let hour = match t.hour() {
        0 if ending && t.minute() == 0 => 24,
        h => h,
    };
    match t.minute() {
        0 => format!("{hour:02}"),
        m => format!("{hour:02}:{m:02}"),
    }
}

/// A person's cell on a date: the codes of the shifts starting then (`on`), or, with none, 休
/// (`off`) on a `planned` date and nothing before the horizon.
fn day_code(on: &[&RosterRow], planned: bool, scenario: &Scenario, lang: Lang) -> Option<String> {
    if on.is_empty() {
        return planned.then(|| lang.t("off"));
    }
    let codes: Vec<String> = on.iter().map(|r| shift_code(r, scenario, lang)).collect();
    Some(codes.join(" / "))
}

/// The dates the sheet shows: the horizon's, after any earlier date an overnight shift starts on.
fn dates(plan: &Plan, scenario: &Scenario) -> (Vec<NaiveDate>, usize) {
    let horizon = scenario.horizon.dates();
    let Some(&first) = horizon.first() else {
        return (horizon, 0);
    };
    let earliest = (plan.roster.rows.iter())
        .map(|r| r.start.date())
        .min()
        .map_or(first, |d| d.min(first));
    let before: Vec<NaiveDate> = earliest.iter_days().take_while(|d| *d < first).collect();
    let planned_from = before.len();
    (before.into_iter().chain(horizon).collect(), planned_from)
}

/// The person x day sheet with its legend.
pub(super) fn roster_by_day(
    ws: &mut Worksheet,
    plan: &Plan,
    scenario: &Scenario,
    codes: &[String],
    lang: Lang,
) -> XlsxResult<()> {
    ws.set_name(lang.t("Roster"))?;
    let (dates, planned_from) = dates(plan, scenario);
    let header = header_format().set_align(FormatAlign::Center);
    ws.write_string_with_format(0, 0, lang.t("name"), &header)?;
    ws.write_string_with_format(0, 1, lang.t("group"), &header)?;
    for (d, date) in dates.iter().enumerate() {
        ws.write_string_with_format(0, d as u16 + 2, day_name(*date, lang), &header)?;
        ws.set_column_width(d as u16 + 2, 15)?;
    }
    let hours_col = dates.len() as u16 + 2;
    ws.write_string_with_format(0, hours_col, lang.t("hours"), &header)?;
    let off = Format::new()
        .set_align(FormatAlign::Center)
        .set_font_color(Color::RGB(0x808080));
    let session = break_format();
    let queue_formats: Vec<Format> = (0..codes.len()).map(queue_format).collect();
    let by_name = shifts_by_name(&plan.roster);
    let none = Vec::new();
    for (p, person) in plan.report.people.iter().enumerate() {
        let row = p as u32 + 1;
        ws.write_string(row, 0, &person.name)?;
        ws.write_string(row, 1, lang.t(&person.group))?;
        let shifts = by_name.get(person.name.as_str()).unwrap_or(&none);
        for (d, date) in dates.iter().enumerate() {
            let col = d as u16 + 2;
            let on: Vec<&RosterRow> = (shifts.iter().copied())
                .filter(|r| r.start.date() == *date)
                .collect();
            let Some(code) = day_code(&on, d >= planned_from, scenario, lang) else {
                continue;
            };
            let main = on.iter().find(|r| !r.is_session()).or(on.first());
            let format = match main {
                None => &off,
                Some(main) => match scenario.queues.iter().position(|q| q.name == main.queue) {
                    Some(q) => &queue_formats[q],
                    None => &session,
                },
            };
            ws.write_string_with_format(row, col, code, format)?;
        }
        ws.write_number(row, hours_col, person.hours)?;
    }
    legend(
        ws,
        plan.report.people.len() as u32 + 2,
        scenario,
        codes,
        lang,
    )?;
    ws.set_column_width(0, 12)?;
    ws.set_column_width(1, 8)?;
    ws.set_freeze_panes(1, 2)?;
    super::a4_one_page_wide(ws, true);
    ws.set_repeat_rows(0, 0)?;
    Ok(())
}

/// What the codes mean, from `row` down: each kind's letter, the hours, each break's letter,
/// a day off, and each queue's colour.
fn legend(
    ws: &mut Worksheet,
    mut row: u32,
    scenario: &Scenario,
    codes: &[String],
    lang: Lang,
) -> XlsxResult<()> {
    let bold = Format::new().set_bold();
    let centred = Format::new().set_align(FormatAlign::Center);
    ws.write_string_with_format(row, 0, lang.t("Legend"), &bold)?;
    let night = scenario.costs.night.to_string();
    let mut lines: Vec<(String, String)> = (ShiftKind::ALL.iter())
        .map(|k| (k.code(lang), shift_kind_meaning(*k, &night, lang)))
        .collect();
    lines.push(("22-06".into(), shift_hours_meaning(lang).into()));
    let mut breaks: Vec<&str> = Vec::new();
    for b in scenario.shifts.iter().flat_map(|s| &s.breaks) {
        if !breaks.contains(&b.name.as_str()) {
            breaks.push(&b.name);
            let code = format!("{}01", lang.short(&b.name));
            lines.push((code, break_code_meaning(&lang.t(&b.name), lang)));
        }
    }
    lines.push((lang.t("off"), day_off_meaning(lang).into()));
    let indent = Format::new().set_indent(1);
    for (code, meaning) in lines {
        row += 1;
        ws.write_string_with_format(row, 1, code, &centred)?;
        ws.write_string_with_format(row, 2, meaning, &indent)?;
    }
    for (q, (queue, code)) in scenario.queues.iter().zip(codes).enumerate() {
        row += 1;
        ws.write_string_with_format(row, 1, code, &queue_format(q))?;
        let meaning = queue_colour_meaning(&lang.t(&queue.name), lang);
        ws.write_string_with_format(row, 2, meaning, &indent)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Kind;
    use crate::schedule::Segment;
    use crate::time::parse_time;

    fn example() -> Scenario {
        let toml = include_str!("../../../data/double11/scenario.toml");
        Scenario::from_toml(toml, "scenario.toml").unwrap()
    }

    /// A presale shift from `start` to `end` with an hour's meal from `meal`.
    fn shift(start: &str, end: &str, meal: Option<&str>) -> RosterRow {
        let (start, end) = (parse_time(start).unwrap(), parse_time(end).unwrap());
        let segment = |start, end, activity| Segment {
            start,
            end,
            activity,
        };
        let presale = || Activity::Queue("presale".into());
        let segments = match meal.map(|m| parse_time(m).unwrap()) {
            Some(meal) => {
                let back = meal + chrono::Duration::hours(1);
                vec![
                    segment(start, meal, presale()),
                    segment(meal, back, Activity::Break("meal".into())),
                    segment(back, end, presale()),
                ]
            }
            None => vec![segment(start, end, presale())],
        };
        RosterRow {
            name: "Ana".into(),
            group: "main".into(),
            queue: "presale".into(),
            template: "any".into(),
            start,
            end,
            kind: Kind::FullTime,
            hired: false,
            segments,
        }
    }

    #[test]
    fn shift_code_of_a_night_shift_names_night_its_hours_and_the_meal() {
        // 22:00-06:00 lies wholly in the example's night window 22:00-06:00.
        let night = shift(
            "2026-11-10T22:00",
            "2026-11-11T06:00",
            Some("2026-11-11T01:00"),
        );
        let scenario = example();
        assert_eq!(shift_code(&night, &scenario, Lang::Zh), "夜 22-06 餐01");
        assert_eq!(shift_code(&night, &scenario, Lang::En), "N 22-06 M01");
    }

    #[test]
    fn shift_code_of_a_day_shift_goes_by_its_start() {
        let scenario = example();
        // 08:00-17:00: no hour at night, starts before 10:00, so early.
        let day = shift(
            "2026-11-11T08:00",
            "2026-11-11T17:00",
            Some("2026-11-11T12:00"),
        );
        assert_eq!(shift_code(&day, &scenario, Lang::Zh), "早 08-17 餐12");
        assert_eq!(shift_code(&day, &scenario, Lang::En), "E 08-17 M12");
        // 10:30-14:30 starts between 10:00 and 14:00: a day shift, minutes shown.
        let noon = shift("2026-11-11T10:30", "2026-11-11T14:30", None);
        assert_eq!(shift_code(&noon, &scenario, Lang::Zh), "中 10:30-14:30");
        assert_eq!(shift_code(&noon, &scenario, Lang::En), "D 10:30-14:30");
        // 19:00-24:00 has 2 of its 5 hours at night, under half: a late shift ending at 24.
        let evening = shift("2026-11-11T19:00", "2026-11-12T00:00", None);
        assert_eq!(shift_code(&evening, &scenario, Lang::Zh), "晚 19-24");
        assert_eq!(shift_code(&evening, &scenario, Lang::En), "L 19-24");
    }

    #[test]
    fn day_code_of_a_day_without_shifts_is_a_day_off_only_inside_the_plan() {
        let scenario = example();
        assert_eq!(day_code(&[], true, &scenario, Lang::Zh), Some("休".into()));
        assert_eq!(day_code(&[], true, &scenario, Lang::En), Some("off".into()));
        assert_eq!(day_code(&[], false, &scenario, Lang::Zh), None);
        let two = [
            &shift("2026-11-11T00:00", "2026-11-11T04:00", None),
            &shift("2026-11-11T16:00", "2026-11-11T20:00", None),
        ];
        assert_eq!(
            day_code(&two, true, &scenario, Lang::Zh),
            Some("夜 00-04 / 晚 16-20".into())
        );
    }
}
