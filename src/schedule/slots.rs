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

/// The most hours one person can work on some of the shifts of these `lengths` (hours), each
/// at most once, without going over `limit`: on 8-hour shifts with 38 hours left in a week
/// after a 2-hour session, 32. An hours row says so itself, so the relaxation does not plan
/// 4.75 shifts: on the week bench with the rules on its bound rose from 189,909 to 206,204 (what
/// HiGHS's presolve finds in the MIP, out of reach of a relaxation without integers).
pub(super) fn most_hours_within(lengths: impl IntoIterator<Item = f64>, limit: f64) -> f64 {
    let minutes = |hours: f64| (hours * 60.0).round() as usize;
    let cap = minutes(limit);
    let mut reachable = vec![false; cap + 1];
    reachable[0] = true;
    for length in lengths.into_iter().map(minutes) {
        if reachable[cap] {
            break;
        }
        for total in (length..=cap).rev() {
            reachable[total] |= reachable[total - length];
        }
    }
    let most = (0..=cap).rev().find(|&t| reachable[t]).unwrap_or(0);
    limit.min(most as f64 / 60.0)
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

#[cfg(test)]
mod tests {
    use super::most_hours_within;

    #[test]
    fn the_most_hours_within_a_limit_are_whole_shifts() {
        // Five 8-hour shifts, 38 hours left: four shifts.
        assert_eq!(most_hours_within([8.0; 5], 38.0), 32.0);
        // Four 8-hour shifts and a 5-hour one in a 40-hour week: 37 (the example's weeks).
        assert_eq!(most_hours_within([8.0, 8.0, 8.0, 8.0, 5.0], 40.0), 37.0);
        // An 8-hour and two 5-hour shifts in a 10-hour day: the two 5-hour shifts.
        assert_eq!(most_hours_within([8.0, 5.0, 5.0], 10.0), 10.0);
        // Half hours count: 7.5 + 4.5 = 12 of 12.5.
        assert_eq!(most_hours_within([7.5, 4.5, 6.0], 12.5), 12.0);
        // Nothing fits: 0.
        assert_eq!(most_hours_within([8.0], 6.0), 0.0);
    }
}
