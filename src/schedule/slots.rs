//! Shift slots: every shift the plan could use (a template started at one moment for one of its
//! lengths), and the clock questions asked of them (night hours, every interval they span).

use chrono::{Duration, NaiveDateTime};

use crate::scenario::Scenario;

/// One possible shift: a template started at one moment for one of its lengths.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ShiftSlot {
    pub(crate) template: usize,
    pub(crate) start: NaiveDateTime,
    pub(crate) end: NaiveDateTime,
    /// Horizon intervals the shift covers, in time order.
    pub(crate) cover: Vec<usize>,
}

impl ShiftSlot {
    pub(crate) fn hours(&self) -> f64 {
        (self.end - self.start).num_minutes() as f64 / 60.0
    }
}

/// Hours of a shift inside the `costs.night` window.
pub fn night_hours(scenario: &Scenario, start: NaiveDateTime, end: NaiveDateTime) -> f64 {
    let step = scenario.horizon.interval();
    let mut hours = 0.0;
    let mut t = start;
    while t < end {
        if scenario.costs.night.contains(t) {
            hours += scenario.horizon.interval_hours();
        }
        t += step;
    }
    hours
}

/// Pay for one shift of the slot at `per_hour`: hours, per-shift pay and night premium (its
/// hours counted only when it has a price: this runs for every shift the plan could use).
pub(super) fn shift_pay(scenario: &Scenario, slot: &ShiftSlot, per_hour: f64) -> f64 {
    let premium = scenario.costs.night_premium_per_hour;
    let night = if premium > 0.0 {
        night_hours(scenario, slot.start, slot.end) * premium
    } else {
        0.0
    };
    slot.hours() * per_hour + scenario.shifts[slot.template].cost_per_shift + night
}

/// A night shift has at least half its hours in the `costs.night` window.
pub fn is_night_shift(scenario: &Scenario, start: NaiveDateTime, end: NaiveDateTime) -> bool {
    2.0 * night_hours(scenario, start, end) >= (end - start).num_minutes() as f64 / 60.0
}

/// Every shift slot the plan can use, in template, day, start, length order.
pub(crate) fn shift_slots(scenario: &Scenario) -> Vec<ShiftSlot> {
    let horizon = &scenario.horizon;
    let longest = scenario
        .shifts
        .iter()
        .flat_map(|s| s.lengths.iter().copied())
        .max()
        .unwrap_or(0);
    let lead_days = if horizon.cyclic {
        0
    } else {
        1 + i64::from(longest) / (24 * 60)
    };
    let first_day = horizon.start.date() - Duration::days(lead_days);
    let last_day = (horizon.end - Duration::minutes(1)).date();
    let mut slots = Vec::new();
    for (index, template) in scenario.shifts.iter().enumerate() {
        let mut day = first_day;
        while day <= last_day {
            for &offset in &template.starts {
                let mut start =
                    day.and_time(chrono::NaiveTime::MIN) + Duration::minutes(offset.into());
                if let Some(cycle) = horizon.cycle().filter(|_| start >= horizon.end) {
                    start -= cycle;
                }
                for &length in &template.lengths {
                    let end = start + Duration::minutes(length.into());
                    if horizon.cyclic || (start < horizon.end && end > horizon.start) {
                        slots.push(ShiftSlot {
                            template: index,
                            start,
                            end,
                            cover: horizon.intervals(start, end),
                        });
                    }
                }
            }
            day += Duration::days(1);
        }
    }
    slots
}

/// Whether `ok` holds at the start of every interval of the slot.
pub(super) fn every_step(
    scenario: &Scenario,
    slot: &ShiftSlot,
    ok: impl Fn(NaiveDateTime) -> bool,
) -> bool {
    let step = scenario.horizon.interval();
    let mut t = slot.start;
    while t < slot.end {
        if !ok(t) {
            return false;
        }
        t += step;
    }
    true
}
