//! `plan.xlsx`: the plan as a workbook team leads open, print and pin up. Numbers are numbers,
//! times are Excel date-times, and the roster is a person x hour grid coloured by queue.

use chrono::NaiveDateTime;
use rust_xlsxwriter::{
    Color, DocProperties, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::error::{Error, Result};
use crate::labels::Lang;
use crate::report::PersonShifts;
use crate::scenario::Scenario;
use crate::schedule::{describe, Activity};
use crate::Plan;

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

/// Renders the workbook for a plan in `lang`.
pub fn workbook(plan: &Plan, scenario: &Scenario, lang: Lang) -> Result<Vec<u8>> {
    build(plan, scenario, lang).map_err(|e| Error::Render(format!("plan.xlsx: {e}")))
}

/// Every sheet in order: summary, forecast, requirements, coverage, shifts, roster grid,
/// people, part-timers.
fn build(plan: &Plan, scenario: &Scenario, lang: Lang) -> XlsxResult<Vec<u8>> {
    let mut book = Workbook::new();
    // A fixed creation time keeps the file byte-identical for the same inputs.
    let epoch = NaiveDateTime::default();
    book.set_properties(&DocProperties::new().set_creation_datetime(&epoch));
    summary_sheet(book.add_worksheet(), plan, lang)?;
    forecast_sheet(book.add_worksheet(), plan, lang)?;
    requirements_sheet(book.add_worksheet(), plan, lang)?;
    coverage_sheet(book.add_worksheet(), plan, lang)?;
    shifts_sheet(book.add_worksheet(), plan, lang)?;
    roster_sheet(book.add_worksheet(), plan, scenario, lang)?;
    people_sheet(book.add_worksheet(), plan, lang)?;
    part_timers_sheet(book.add_worksheet(), plan, lang)?;
    book.save_to_buffer()
}

/// Inquiries per queue and interval, with the range and each part of the forecast.
fn forecast_sheet(ws: &mut Worksheet, plan: &Plan, lang: Lang) -> XlsxResult<()> {
    let rows = plan.forecast.rows.iter().map(|r| {
        vec![
            Cell::Time(r.time),
            Cell::Text(lang.t(&r.queue)),
            Cell::Number(r.inquiries),
            Cell::Number(r.lower),
            Cell::Number(r.upper),
            Cell::Number(r.baseline),
            Cell::Number(r.warmup),
            Cell::Number(r.event),
            Cell::Number(r.reminders),
            Cell::Number(r.aftersale_wave),
        ]
    });
    let headers = [
        "time",
        "queue",
        "inquiries",
        "lower",
        "upper",
        "baseline",
        "warm-up",
        "event",
        "payment reminders",
        "after-sale wave",
    ];
    table_sheet(ws, &lang.t("Forecast"), &headers, rows, lang)
}

/// Agents required per queue and interval.
fn requirements_sheet(ws: &mut Worksheet, plan: &Plan, lang: Lang) -> XlsxResult<()> {
    let rows = plan.requirements.iter().map(|r| {
        vec![
            Cell::Time(r.time),
            Cell::Text(lang.t(&r.queue)),
            Cell::Number(r.inquiries),
            Cell::Number(r.agents_required.into()),
            Cell::Number(r.offered_load),
            r.agents_by_rule
                .map_or(Cell::Empty, |n| Cell::Number(n.into())),
        ]
    });
    let headers = [
        "time",
        "queue",
        "inquiries",
        "agents required",
        "offered load (Erlang)",
        "agents by rule of thumb",
    ];
    table_sheet(ws, &lang.t("Requirements"), &headers, rows, lang)
}

/// Required against scheduled agents per queue and interval.
fn coverage_sheet(ws: &mut Worksheet, plan: &Plan, lang: Lang) -> XlsxResult<()> {
    let t = |key: &str| lang.t(key);
    let rows = plan.report.coverage.iter().map(|c| {
        vec![
            Cell::Time(c.time),
            Cell::Text(t(&c.queue)),
            Cell::Number(c.required.into()),
            Cell::Number(c.scheduled.into()),
            Cell::Text(c.phase.split('+').map(t).collect::<Vec<_>>().join("+")),
            Cell::Number(c.shortfall.into()),
            Cell::Share(c.service_level),
            Cell::Number(c.cross_trained.into()),
            Cell::Number(c.part_time.into()),
        ]
    });
    let headers = [
        "time",
        "queue",
        "required",
        "scheduled",
        "phase",
        "shortfall",
        "service level",
        "cross-trained",
        "part-timers",
    ];
    table_sheet(ws, &lang.t("Coverage"), &headers, rows, lang)
}

/// One row per named shift, with the person's wage and the shift's breaks described.
fn shifts_sheet(ws: &mut Worksheet, plan: &Plan, lang: Lang) -> XlsxResult<()> {
    let t = |key: &str| lang.t(key);
    let wages = plan.report.wages();
    let rows = plan.roster.rows.iter().map(|r| {
        vec![
            Cell::Text(r.name.clone()),
            Cell::Text(t(&r.queue)),
            Cell::Time(r.start),
            Cell::Time(r.end),
            Cell::Text(t(r.kind.label())),
            Cell::Text(t(&r.group)),
            Cell::Text(r.template.clone()),
            Cell::Number(r.hours()),
            Cell::Number(wages[r.name.as_str()]),
            Cell::Text(describe(&r.segments, &t)),
        ]
    });
    let headers = [
        "name", "queue", "start", "end", "kind", "group", "shift", "hours", "wage", "detail",
    ];
    table_sheet(ws, &lang.t("Shifts"), &headers, rows, lang)
}

/// Each person's hours, contract and minimum hours, night shifts, weekend days and preference
/// score: the rows of `people.csv`.
fn people_sheet(ws: &mut Worksheet, plan: &Plan, lang: Lang) -> XlsxResult<()> {
    let hours = |h: Option<f64>| h.map_or(Cell::Empty, Cell::Number);
    let rows = plan.report.people.iter().map(|p| {
        vec![
            Cell::Text(p.name.clone()),
            Cell::Text(lang.t(p.kind.label())),
            Cell::Text(lang.t(&p.group)),
            Cell::Number(p.hours),
            hours(p.contract_hours),
            hours(p.min_hours),
            Cell::Number(p.night_shifts as f64),
            Cell::Number(p.weekend_days as f64),
            Cell::Number(p.preference_score),
        ]
    });
    let headers = [
        "name",
        "kind",
        "group",
        "hours",
        "contract hours",
        "min hours",
        "night shifts",
        "weekend days",
        "preference score",
    ];
    table_sheet(ws, &lang.t("People"), &headers, rows, lang)
}

/// Each hired part-timer with their shifts, hours and first and last time on duty.
fn part_timers_sheet(ws: &mut Worksheet, plan: &Plan, lang: Lang) -> XlsxResult<()> {
    let rows = crate::report::part_timers(&plan.roster)
        .into_iter()
        .map(|p| {
            vec![
                Cell::Text(p.name),
                Cell::Number(p.shifts as f64),
                Cell::Number(p.hours),
                Cell::Time(p.first_start),
                Cell::Time(p.last_end),
            ]
        });
    let headers = ["name", "shifts", "hours", "first start", "last end"];
    table_sheet(ws, &lang.t("Part-timers"), &headers, rows, lang)
}

fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xD9D9D9))
        .set_border_bottom(FormatBorder::Thin)
}

fn summary_sheet(ws: &mut Worksheet, plan: &Plan, lang: Lang) -> XlsxResult<()> {
    let s = &plan.report.summary;
    ws.set_name(lang.t("Summary"))?;
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("#,##0.00");
    let percent = Format::new().set_num_format("0.0%");
    let plain = Format::new();
    let mut rows: Vec<(String, f64, &Format)> = vec![
        (
            lang.t("Part-timers hired"),
            s.part_timers_hired as f64,
            &plain,
        ),
        (lang.t("Agent hours"), s.total_agent_hours, &plain),
        (lang.t("Full-time hours"), s.full_time_hours, &plain),
        (lang.t("Part-time hours"), s.part_time_hours, &plain),
        (lang.t("Cost"), s.total_cost, &money),
        (lang.t("Short agent-hours"), s.shortfall_agent_hours, &plain),
        (
            lang.t("Short intervals"),
            s.unmet_demand.len() as f64,
            &plain,
        ),
        (lang.t("Service level"), s.service_level, &percent),
        (lang.t("Average wait (s)"), s.asa_seconds, &plain),
        (
            lang.t("Lowest service level"),
            s.min_service_level,
            &percent,
        ),
    ];
    if s.paid_contract_hours > 0.0 {
        let idle = lang.t("Contract hours paid but idle");
        // After the part-time hours, before the cost.
        rows.insert(4, (idle, s.idle_contract_hours, &plain));
    }
    if let Some(risk) = s.sales_at_risk {
        rows.push((lang.t("Sales at risk"), risk, &money));
    }
    if let Some(n) = s.standby_part_timers {
        rows.insert(1, (lang.t("On call"), n as f64, &plain));
    }
    if let Some(n) = s.part_timers_needed {
        rows.insert(0, (lang.t("Part-timers needed"), n.into(), &plain));
    }
    if let Some(p) = &s.peak {
        rows.insert(
            0,
            (
                format!("{} ({} {})", lang.t("Peak"), lang.t(&p.queue), p.timestamp),
                p.agents_required.into(),
                &plain,
            ),
        );
    }
    ws.write_string_with_format(0, 0, lang.t("Customer-service plan"), &bold)?;
    for (i, (label, value, format)) in rows.iter().enumerate() {
        let row = i as u32 + 2;
        ws.write_string(row, 0, label)?;
        ws.write_number_with_format(row, 1, *value, format)?;
    }
    let mut row = rows.len() as u32 + 3;
    ws.write_string(row, 0, lang.t("Solver"))?;
    ws.write_string(row, 1, s.solver_status)?;
    for h in &s.hours_per_person {
        row += 1;
        let label = format!("{} ({})", lang.t("Hours per person"), lang.t(&h.group));
        ws.write_string(row, 0, label)?;
        ws.write_string(row, 1, format!("{}-{}", h.fewest, h.most))?;
    }
    for (title, lines) in [
        ("Warnings", &s.forecast_warnings),
        ("Notes", &s.forecast_notes),
    ] {
        if lines.is_empty() {
            continue;
        }
        row += 2;
        ws.write_string_with_format(row, 0, lang.t(title), &bold)?;
        for line in lines {
            row += 1;
            ws.write_string(row, 0, lang.message(line))?;
        }
    }
    ws.set_column_width(0, 34)?;
    ws.set_column_width(1, 14)?;
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
    let time = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let number = Format::new().set_num_format("#,##0.00");
    let share = Format::new().set_num_format("0.0%");
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, lang.t(h), &header_format())?;
        ws.set_column_width(c as u16, if c == 0 { 17 } else { 13 })?;
    }
    for (r, cells) in rows.enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in cells.into_iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Time(t) => ws.write_datetime_with_format(r, c, t, &time)?,
                Cell::Text(s) => ws.write_string(r, c, s)?,
                Cell::Number(x) if x.fract() == 0.0 => ws.write_number(r, c, x)?,
                Cell::Number(x) => ws.write_number_with_format(r, c, x, &number)?,
                Cell::Share(x) => ws.write_number_with_format(r, c, x, &share)?,
                Cell::Empty => ws,
            };
        }
    }
    ws.set_freeze_panes(1, 0)?;
    ws.set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_repeat_rows(0, 0)?;
    Ok(())
}

/// Person x hour grid: a cell is coloured by the queue the person serves then; the header row
/// above is coloured by the phase in force; a legend sits under the grid.
fn roster_sheet(
    ws: &mut Worksheet,
    plan: &Plan,
    scenario: &Scenario,
    lang: Lang,
) -> XlsxResult<()> {
    ws.set_name(lang.t("Roster"))?;
    let grid = Grid::new(scenario, lang);
    grid_header(ws, &grid, scenario, lang)?;
    let people = crate::report::people(&plan.roster);
    for (p, person) in people.iter().enumerate() {
        grid_row(ws, p as u32 + 2, person, &grid, lang)?;
    }
    grid_legend(ws, people.len() as u32 + 3, &grid, lang)?;
    ws.set_column_width(0, 12)?;
    ws.set_column_width(1, 8)?;
    ws.set_freeze_panes(2, 2)?;
    ws.set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_repeat_rows(0, 1)?;
    Ok(())
}

/// What the roster grid's header, rows and legend share: one column per interval from the
/// third on, and the order that gives each queue and phase its colour.
struct Grid<'a> {
    times: Vec<NaiveDateTime>,
    queues: Vec<&'a str>,
    /// Each queue's cell: its one-character label and colour, made once for every cell.
    queue_cells: Vec<(String, Format)>,
    /// Phase names, each once, in the scenario's order.
    phase_names: Vec<&'a str>,
}

impl<'a> Grid<'a> {
    fn new(scenario: &'a Scenario, lang: Lang) -> Self {
        let mut phase_names: Vec<&str> = Vec::new();
        for phase in &scenario.phases {
            if !phase_names.contains(&phase.name.as_str()) {
                phase_names.push(&phase.name);
            }
        }
        let queues: Vec<&str> = scenario.queues.iter().map(|q| q.name.as_str()).collect();
        Grid {
            times: scenario.horizon.times(),
            queue_cells: (queues.iter().enumerate())
                .map(|(q, name)| (lang.short(name), queue_format(q)))
                .collect(),
            queues,
            phase_names,
        }
    }
}

/// A grid cell where someone serves queue number `q`.
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

/// Row 1 names the columns (name, group, then each interval's start, turned upright); row 0
/// above it names the phase in force.
fn grid_header(ws: &mut Worksheet, grid: &Grid, scenario: &Scenario, lang: Lang) -> XlsxResult<()> {
    let hour_format = header_format()
        .set_num_format("mm-dd hh:mm")
        .set_rotation(90)
        .set_font_size(8);
    ws.set_row_height(1, 62)?;
    ws.write_string_with_format(1, 0, lang.t("name"), &header_format())?;
    ws.write_string_with_format(1, 1, lang.t("group"), &header_format())?;
    for (i, time) in grid.times.iter().enumerate() {
        let col = i as u16 + 2;
        ws.write_datetime_with_format(1, col, time, &hour_format)?;
        ws.set_column_width(col, 3.2)?;
        if let Some(phase) = scenario
            .phases
            .iter()
            .find(|p| p.start <= *time && *time < p.end)
        {
            let p = grid
                .phase_names
                .iter()
                .position(|n| *n == phase.name)
                .unwrap_or(0);
            ws.write_string_with_format(0, col, lang.t(&phase.name), &phase_format(p))?;
        }
    }
    Ok(())
}

/// One person's row: their name and group, then each interval of their shifts marked with the
/// queue served or the break.
fn grid_row(
    ws: &mut Worksheet,
    row: u32,
    person: &PersonShifts,
    grid: &Grid,
    lang: Lang,
) -> XlsxResult<()> {
    ws.write_string(row, 0, person.name)?;
    ws.write_string(row, 1, lang.t(person.group))?;
    let on_break = break_format();
    for shift in &person.shifts {
        for (i, time) in grid.times.iter().enumerate() {
            let col = i as u16 + 2;
            match shift.activity_at(*time) {
                Some(Activity::Queue(queue)) => {
                    let q = grid.queues.iter().position(|q| q == queue).unwrap_or(0);
                    let (label, format) = &grid.queue_cells[q];
                    ws.write_string_with_format(row, col, label, format)?;
                }
                Some(Activity::Break(_)) => {
                    ws.write_string_with_format(row, col, lang.t("break"), &on_break)?;
                }
                None => {}
            }
        }
    }
    Ok(())
}

/// The legend from `row` down: each queue's colour, the break's, then each phase's.
fn grid_legend(ws: &mut Worksheet, mut row: u32, grid: &Grid, lang: Lang) -> XlsxResult<()> {
    ws.write_string_with_format(row, 0, lang.t("Legend"), &Format::new().set_bold())?;
    for (queue, (label, format)) in grid.queues.iter().zip(&grid.queue_cells) {
        row += 1;
        ws.write_string_with_format(row, 1, label, format)?;
        ws.write_string(row, 2, format!("{} ({})", lang.t(queue), lang.t("queue")))?;
    }
    row += 1;
    ws.write_string_with_format(row, 1, lang.t("break"), &break_format())?;
    ws.write_string(row, 2, lang.t("break (placed by the model)"))?;
    for (p, phase) in grid.phase_names.iter().enumerate() {
        row += 1;
        ws.write_string_with_format(row, 1, "", &phase_format(p))?;
        ws.write_string(row, 2, format!("{} ({})", lang.t(phase), lang.t("phase")))?;
    }
    Ok(())
}
