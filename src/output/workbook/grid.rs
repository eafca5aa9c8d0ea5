//! Person x interval grids: a cell holds the code of the queue a person serves then, coloured
//! by queue, or the name of their break; the phase in force sits above each interval and a
//! legend below. The Hourly roster sheet is the grid of the whole horizon; each day sheet holds
//! the grid of its day (`day.rs`).

use chrono::NaiveDateTime;
use rust_xlsxwriter::{Format, Worksheet};

use super::{break_format, header_format, phase_format, queue_format, XlsxResult};
use crate::labels::Lang;
use crate::roster::RosterRow;
use crate::scenario::Scenario;
use crate::schedule::Activity;
use crate::Plan;

/// The first column of the intervals: name and group come first.
pub(super) const FIRST_INTERVAL_COLUMN: u16 = 2;

/// What a grid's header, rows and legend share: its intervals, one column each from
/// [`FIRST_INTERVAL_COLUMN`] on, and the order that gives each queue and phase its colour.
pub(super) struct Grid<'a> {
    times: Vec<NaiveDateTime>,
    scenario: &'a Scenario,
    /// Each queue's cell: its code and colour, made once for every cell.
    queue_cells: Vec<(String, Format)>,
    /// Phase names, each once, in the scenario's order.
    phase_names: Vec<&'a str>,
    lang: Lang,
}

impl<'a> Grid<'a> {
    /// A grid over `times`, queues shown by their `codes`.
    pub(super) fn new(
        scenario: &'a Scenario,
        times: Vec<NaiveDateTime>,
        codes: &[String],
        lang: Lang,
    ) -> Self {
        let mut phase_names: Vec<&str> = Vec::new();
        for phase in &scenario.phases {
            if !phase_names.contains(&phase.name.as_str()) {
                phase_names.push(&phase.name);
            }
        }
        Grid {
            times,
            scenario,
            queue_cells: (codes.iter().enumerate())
                .map(|(q, code)| (code.clone(), queue_format(q)))
                .collect(),
            phase_names,
            lang,
        }
    }

    /// How many intervals the grid shows.
    pub(super) fn width(&self) -> usize {
        self.times.len()
    }

    /// Whether a person with these shifts works (serves or pauses) in one of the intervals.
    pub(super) fn first_busy(&self, shifts: &[&RosterRow]) -> Option<usize> {
        (0..self.times.len()).find(|&i| {
            shifts
                .iter()
                .any(|s| s.activity_at(self.times[i]).is_some())
        })
    }

    /// Row `row + 1` names the columns (name, group, then each interval's start in
    /// `hour_format`); row `row` above it names the phase in force.
    pub(super) fn header(
        &self,
        ws: &mut Worksheet,
        row: u32,
        hour_format: &Format,
    ) -> XlsxResult<()> {
        let lang = self.lang;
        ws.write_string_with_format(row + 1, 0, lang.t("name"), &header_format())?;
        ws.write_string_with_format(row + 1, 1, lang.t("group"), &header_format())?;
        for (i, time) in self.times.iter().enumerate() {
            let col = i as u16 + FIRST_INTERVAL_COLUMN;
            ws.write_datetime_with_format(row + 1, col, time, hour_format)?;
        }
        // One cell over each run of intervals in the same phase.
        let phase_at =
            |t: &NaiveDateTime| (self.scenario.phases.iter()).find(|p| p.start <= *t && *t < p.end);
        let mut i = 0;
        while i < self.times.len() {
            let phase = phase_at(&self.times[i]);
            let run = (self.times[i..].iter())
                .take_while(|t| phase_at(t).map(|p| &p.name) == phase.map(|p| &p.name))
                .count();
            if let Some(phase) = phase {
                let p = (self.phase_names.iter())
                    .position(|n| *n == phase.name)
                    .unwrap_or(0);
                let (first, last) = (i as u16, (i + run - 1) as u16);
                let (first, last) = (first + FIRST_INTERVAL_COLUMN, last + FIRST_INTERVAL_COLUMN);
                let (name, format) = (lang.t(&phase.name), phase_format(p));
                match first == last {
                    true => ws.write_string_with_format(row, first, name, &format)?,
                    false => ws.merge_range(row, first, row, last, &name, &format)?,
                };
            }
            i += run;
        }
        Ok(())
    }

    /// One person's row: their name and group, then each interval of their shifts marked with
    /// the queue served or the break's name.
    pub(super) fn person_row(
        &self,
        ws: &mut Worksheet,
        row: u32,
        (name, group): (&str, &str),
        shifts: &[&RosterRow],
    ) -> XlsxResult<()> {
        ws.write_string(row, 0, name)?;
        ws.write_string(row, 1, self.lang.t(group))?;
        let on_break = break_format();
        for (i, time) in self.times.iter().enumerate() {
            let col = i as u16 + FIRST_INTERVAL_COLUMN;
            match shifts.iter().find_map(|s| s.activity_at(*time)) {
                Some(Activity::Queue(queue)) => {
                    let (code, format) = self.queue_cell(queue);
                    ws.write_string_with_format(row, col, code, format)?;
                }
                Some(Activity::Break(name)) => {
                    ws.write_string_with_format(row, col, self.lang.t(name), &on_break)?;
                }
                None => {}
            }
        }
        Ok(())
    }

    /// The code and colour of queue `name`.
    pub(super) fn queue_cell(&self, name: &str) -> &(String, Format) {
        let q = (self.scenario.queues.iter())
            .position(|q| q.name == name)
            .unwrap_or(0);
        &self.queue_cells[q]
    }

    /// The legend from `row` down: each queue's colour, each break's and session's name, then
    /// each phase's colour; returns the last row written.
    pub(super) fn legend(&self, ws: &mut Worksheet, mut row: u32) -> XlsxResult<u32> {
        let lang = self.lang;
        ws.write_string_with_format(row, 0, lang.t("Legend"), &Format::new().set_bold())?;
        for (queue, (code, format)) in self.scenario.queues.iter().zip(&self.queue_cells) {
            row += 1;
            ws.write_string_with_format(row, 1, code, format)?;
            ws.write_string(
                row,
                2,
                format!("{} ({})", lang.t(&queue.name), lang.t("queue")),
            )?;
        }
        let mut pauses: Vec<(&str, &str)> = Vec::new();
        let breaks = (self.scenario.shifts.iter()).flat_map(|s| &s.breaks);
        for name in breaks.map(|b| b.name.as_str()) {
            if !pauses.iter().any(|(n, _)| *n == name) {
                pauses.push((name, "in-shift break, placed by the model"));
            }
        }
        for session in &self.scenario.sessions {
            if !pauses.iter().any(|(n, _)| *n == session.name) {
                pauses.push((&session.name, "session"));
            }
        }
        for (name, what) in pauses {
            row += 1;
            ws.write_string_with_format(row, 1, lang.t(name), &break_format())?;
            ws.write_string(row, 2, format!("{} ({})", lang.t(name), lang.t(what)))?;
        }
        for (p, phase) in self.phase_names.iter().enumerate() {
            row += 1;
            ws.write_string_with_format(row, 1, "", &phase_format(p))?;
            ws.write_string(row, 2, format!("{} ({})", lang.t(phase), lang.t("phase")))?;
        }
        Ok(row)
    }
}

/// The whole horizon's person x interval grid: names and the header frozen, each interval's
/// start turned upright, prints one page wide.
pub(super) fn hourly_roster_sheet(
    ws: &mut Worksheet,
    plan: &Plan,
    scenario: &Scenario,
    codes: &[String],
    lang: Lang,
) -> XlsxResult<()> {
    ws.set_name(lang.t("Hourly roster"))?;
    let grid = Grid::new(scenario, scenario.horizon.times(), codes, lang);
    let hour_format = header_format()
        .set_num_format("mm-dd hh:mm")
        .set_rotation(90)
        .set_font_size(8);
    grid.header(ws, 0, &hour_format)?;
    ws.set_row_height(1, 62)?;
    let people = crate::report::people(&plan.roster);
    for (p, person) in people.iter().enumerate() {
        let row = p as u32 + 2;
        grid.person_row(ws, row, (person.name, person.group), &person.shifts)?;
    }
    grid.legend(ws, people.len() as u32 + 3)?;
    ws.set_column_width(0, 12)?;
    ws.set_column_width(1, 8)?;
    for i in 0..grid.width() {
        ws.set_column_width(i as u16 + FIRST_INTERVAL_COLUMN, 3.2)?;
    }
    ws.set_freeze_panes(2, 2)?;
    super::a4_one_page_wide(ws, true);
    ws.set_repeat_rows(0, 1)?;
    Ok(())
}
