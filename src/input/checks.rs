//! Checks across the files a scenario names: the history against the horizon and the queues,
//! the staff against the shifts, the events against the horizon. An error for what cannot be
//! right; a warning (on the screen and in `summary.json`'s `warnings`) for what may be.

use std::path::Path;

use chrono::NaiveDateTime;

use crate::error::{Error, Result};
use crate::forecast::History;
use crate::scenario::{Kind, Person, Scenario};
use crate::time::format_time;

/// The history against the scenario: it must reach back at least as far as the horizon reaches
/// ahead (a forecast of 400 days from 8 weeks repeats those weeks); rows inside the horizon and
/// rows of queues the scenario does not name are warned about, as the forecast ignores them.
pub(super) fn history(scenario: &Scenario, history: &History, file: &Path) -> Result<Vec<String>> {
    let horizon = &scenario.horizon;
    let times = || history.series.values().flat_map(|s| s.keys().copied());
    let mut warnings = Vec::new();
    if let (Some(first), Some(last)) = (times().min(), times().max()) {
        let covered = last - first + horizon.interval();
        let planned = horizon.end - horizon.start;
        if planned > covered {
            return Err(Error::input(
                "horizon",
                format!(
                    "a horizon of {} from {} of history in {}: a forecast reaches no further ahead than its history reaches back",
                    span(planned),
                    span(covered),
                    file.display()
                ),
                "plan a shorter horizon, or give a longer history",
            ));
        }
    }
    let inside: Vec<NaiveDateTime> = times()
        .filter(|t| horizon.start <= *t && *t < horizon.end)
        .collect();
    if let Some(first) = inside.iter().min() {
        warnings.push(format!(
            "{}: {} rows lie inside the planned horizon (from {}); the forecast ignores them",
            file.display(),
            inside.len(),
            format_time(*first)
        ));
    }
    for queue in history.series.keys() {
        if scenario.queue(queue).is_none() {
            warnings.push(format!(
                "{}: queue \"{queue}\" is not a [[queues]] name of the scenario; its rows are not planned",
                file.display()
            ));
        }
    }
    Ok(warnings)
}

/// `12 days` or `7 hours`.
fn span(duration: chrono::Duration) -> String {
    match duration.num_hours() {
        h if h >= 48 => format!("{} days", h / 24),
        h => format!("{h} hours"),
    }
}

/// The staff against the shifts: a weekly limit below the daily one, and shift lengths no one
/// may work (longer than every person's daily or weekly hours, outside the part-timers' lengths).
pub(super) fn staff(scenario: &Scenario, staff: &[Person], file: &Path) -> Vec<String> {
    let mut warnings = Vec::new();
    for p in staff
        .iter()
        .filter(|p| p.max_hours_per_week < p.max_hours_per_day)
    {
        warnings.push(format!(
            "{}: {} may work {} hours a week but {} a day; the week's limit is the one that holds",
            file.display(),
            p.name,
            p.max_hours_per_week,
            p.max_hours_per_day
        ));
    }
    let pool = &scenario.part_time;
    for (i, shift) in scenario.shifts.iter().enumerate() {
        for &minutes in &shift.lengths {
            let hours = f64::from(minutes) / 60.0;
            let staff_may = shift.kinds.contains(&Kind::FullTime)
                && staff
                    .iter()
                    .any(|p| hours <= p.max_hours_per_day.min(p.max_hours_per_week) + 1e-9);
            let part_timers_may = shift.kinds.contains(&Kind::PartTime)
                && !pool.skills.is_empty()
                && pool.max_people != Some(0)
                && (pool.min_shift_minutes..=pool.max_shift_minutes).contains(&minutes);
            if !staff_may && !part_timers_may {
                warnings.push(format!(
                    "shifts[{i}] \"{}\": no one may work its {hours}-hour length (above everyone's max_hours_per_day or max_hours_per_week in {}, and not a part-time length allowed)",
                    shift.name,
                    file.display()
                ));
            }
        }
    }
    warnings
}

/// Events that run partly or wholly outside the horizon: only their hours inside it are planned.
pub(super) fn events(scenario: &Scenario) -> Vec<String> {
    let horizon = &scenario.horizon;
    let mut warnings = Vec::new();
    for (i, event) in scenario.events.iter().enumerate() {
        let (start, end) = (event.start, event.end());
        let how = if end <= horizon.start || start >= horizon.end {
            "outside the horizon: its pre-sale inquiries and payment reminders are not planned (a warm-up or after-sale wave inside it is)"
        } else if start < horizon.start || end > horizon.end {
            "partly outside the horizon: only its hours inside it are planned"
        } else {
            continue;
        };
        warnings.push(format!(
            "events[{i}] \"{}\" runs {} to {}, {how}",
            event.name,
            format_time(start),
            format_time(end)
        ));
    }
    warnings
}
