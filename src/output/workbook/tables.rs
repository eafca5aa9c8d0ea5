//! The sheets that hold the plan's tables, one row per CSV row: forecast, requirements,
//! coverage, shifts, people and hired part-timers.

use rust_xlsxwriter::Worksheet;

use super::{phase_label, table_sheet, Cell, XlsxResult};
use crate::labels::Lang;
use crate::schedule::describe;
use crate::Plan;

/// Inquiries per queue and interval, with the range and each part of the forecast.
pub(super) fn forecast_sheet(ws: &mut Worksheet, plan: &Plan, lang: Lang) -> XlsxResult<()> {
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
pub(super) fn requirements_sheet(ws: &mut Worksheet, plan: &Plan, lang: Lang) -> XlsxResult<()> {
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
pub(super) fn coverage_sheet(ws: &mut Worksheet, plan: &Plan, lang: Lang) -> XlsxResult<()> {
    let t = |key: &str| lang.t(key);
    let rows = plan.report.coverage.iter().map(|c| {
        vec![
            Cell::Time(c.time),
            Cell::Text(t(&c.queue)),
            Cell::Number(c.required.into()),
            Cell::Number(c.scheduled.into()),
            Cell::Text(phase_label(&c.phase, lang)),
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
pub(super) fn shifts_sheet(ws: &mut Worksheet, plan: &Plan, lang: Lang) -> XlsxResult<()> {
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
pub(super) fn people_sheet(ws: &mut Worksheet, plan: &Plan, lang: Lang) -> XlsxResult<()> {
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
pub(super) fn part_timers_sheet(ws: &mut Worksheet, plan: &Plan, lang: Lang) -> XlsxResult<()> {
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
