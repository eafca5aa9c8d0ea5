//! Why the plan falls short: the rule that keeps a queue short in an interval, and why a person
//! misses a phase duty. Reasons quote rule names from [`Rule::name`] and price keys from
//! [`Rule::price`], so a renamed rule cannot leave a stale reason behind.

use good_lp::Solution;

use super::model::Model;
use super::rules::Rule;
use super::MissedDuty;
use crate::scenario::Person;

impl Model<'_> {
    /// Names the rule that keeps queue `q` short in interval `i`.
    pub(super) fn shortfall_reason(&self, q: usize, i: usize, solution: &impl Solution) -> String {
        let queue = &self.scenario.queues[q].name;
        let covers = |pool: usize, slot: usize| {
            self.pools[pool].queues.contains(&q) && self.slots[slot].cover.contains(&i)
        };
        let staff_can = self
            .staff_shifts
            .iter()
            .any(|s| covers(self.cohorts[s.cohort].pool, s.slot));
        let part_time_can = self
            .part_time_shifts
            .iter()
            .any(|s| covers(self.part_time_pool, s.slot));
        let hired = solution.value(self.part_timers).round() as u32;
        match (staff_can, part_time_can) {
            // No shift variable at all: the candidate checks, not a rule, left the hour empty.
            (false, false) => format!(
                "no shift lets anyone serve {queue} then: check shift start times, people's skills and hours available, part_time.available and the phases' `may` lists"
            ),
            (_, true) if self.part_timer_cap.is_some_and(|cap| hired >= cap) => format!(
                "{}: the plan may hire at most {} part-timers (part_time.max_people or --max) and all are in use",
                Rule::PartTimerHeadcount.name(),
                self.part_timer_cap.unwrap_or(0)
            ),
            (_, true) => format!(
                "{}: another agent for {queue} then costs more than the shortfall price ({}); raise it to staff this hour",
                Rule::CoverRequirement.name(),
                Rule::CoverRequirement.price().unwrap_or_default()
            ),
            (true, false) => format!(
                "{} / {}: every agent who could serve {queue} then is already working, resting ({} h) or at their hour limits, and part-timers cannot come then (part_time.available, shift templates or phase `may` lists)",
                Rule::OneShiftAtATimeWithRest.name(),
                Rule::DailyAndWeeklyHours.name(),
                self.scenario.min_rest_hours
            ),
        }
    }

    /// Phase duties the named shifts miss, by phase and person.
    pub(super) fn missed_duties(&self, named: &[(usize, usize)]) -> Vec<MissedDuty> {
        let mut missed: Vec<(usize, usize, usize)> = Vec::new();
        for d in &self.duties {
            for &person in &self.cohorts[d.cohort].members {
                let kept = named.iter().any(|&(p, slot)| {
                    p == person && self.keeps_duty(d.phase, self.pool_of[person], slot)
                });
                if !kept {
                    missed.push((d.phase, person, d.cohort));
                }
            }
        }
        missed.sort_unstable();
        missed
            .into_iter()
            .map(|(phase, person, cohort)| self.missed_duty(phase, person, cohort))
            .collect()
    }

    /// Why `person` misses `phase`'s duty: no shift overlapping it passes the candidate checks,
    /// or every such shift would break [`Rule::OneShiftAtATimeWithRest`],
    /// [`Rule::DailyAndWeeklyHours`] or [`Rule::DaysInARow`], which the text names in the
    /// scenario's words.
    fn missed_duty(&self, phase: usize, person: usize, cohort: usize) -> MissedDuty {
        let possible = self.duty_shifts(phase, cohort).next().is_some();
        let phase = &self.scenario.phases[phase];
        let person = &self.staff[person];
        let reason = if !possible {
            format!(
                "no shift template overlapping {} to {} fits {}'s skills, hours available ({}), days off and daily hours",
                phase.start.format("%m-%d %H:%M"),
                phase.end.format("%m-%d %H:%M"),
                person.name,
                window_label(person),
            )
        } else {
            format!(
                "{} cannot take a shift overlapping {} to {} without breaking rest ({} h), weekly hours or days in a row",
                person.name,
                phase.start.format("%m-%d %H:%M"),
                phase.end.format("%m-%d %H:%M"),
                self.scenario.min_rest_hours
            )
        };
        MissedDuty {
            phase: phase.name.clone(),
            person: person.name.clone(),
            reason,
        }
    }
}

/// A person's daily window as `HH:MM-HH:MM`.
fn window_label(person: &Person) -> String {
    let w = person.available;
    format!(
        "{:02}:{:02}-{:02}:{:02}",
        w.from_minute / 60,
        w.from_minute % 60,
        w.to_minute / 60,
        w.to_minute % 60
    )
}
