//! The solve stages: the plan (cohorts counted), naming each cohort's members, and the
//! person-by-person plan when naming cannot keep the plan's cost; all inside one deadline.

use std::collections::BTreeMap;

use good_lp::Solution;

use super::deadline::{Solved, ONE_PERCENT};
use super::first_plan::Start;
use super::hindsight::Hindsight;
use super::model::{by_person_fits, Model, Stage};
use super::{Schedule, SolverStatus};
use crate::error::Result;

/// The naming stage's answer.
#[derive(Clone)]
pub(super) struct Named {
    /// (person, slot) of every staff shift someone takes.
    pub(super) shifts: Vec<(usize, usize)>,
    /// Planned shifts nobody in their cohort could take.
    pub(super) dropped: usize,
    /// Whether the time limit ended a naming solve before it had an answer (that cohort's
    /// planned shifts are then left unnamed, their hours short).
    pub(super) fell_back: bool,
}

/// The share of the time left kept for naming the cohorts' members after the plan: on the
/// month bench without the week's rules naming took 5 s of 60, with them it drops shifts even
/// in 18.
const NAMING_SHARE: f64 = 0.3;

/// The share of the time left after the plan kept for the repairs after naming
/// ([`Model::repair`]).
const REFILL_SHARE: f64 = 0.3;

/// Seconds kept for the repairs when the plan is made person by person (no naming), or a
/// tenth of the time if less: a search the time limit cuts short still gets its part-timers
/// chosen again around the staff shifts, a small model (on the week bench with the rules on,
/// 0.06 s). It showed the hour that plan left short to be short by price, where before it was
/// reported as planned too late. The rest of the time stays the search's.
const BY_PERSON_REPAIR_SECONDS: f64 = 1.0;

impl Model<'_> {
    /// Whether some cohort counts two or more people together, so the plan's shifts must be
    /// given to its members by name; otherwise the plan is made person by person.
    pub(super) fn names_cohorts(&self) -> bool {
        self.cohorts.iter().any(|c| c.members.len() > 1)
    }

    /// Plans, names the cohorts' members, and reads the plan back.
    pub(super) fn solve(mut self) -> Result<Schedule> {
        let deadline = self.deadline;
        let names_cohorts = self.names_cohorts();
        let kept = if names_cohorts {
            deadline.left() * NAMING_SHARE
        } else {
            BY_PERSON_REPAIR_SECONDS.min(deadline.left() / 10.0)
        };
        self.deadline = deadline.sooner(kept);
        let rows = self.all_rows();
        let solution = self.optimise_with(&rows)?;
        self.deadline = deadline;
        if names_cohorts {
            self.deadline = deadline.sooner(deadline.left() * REFILL_SHARE);
        }
        let named = self.name_staff(&solution)?;
        self.deadline = deadline;
        let (solution, named) = self.repair(&rows, solution, named)?;
        if self.naming_kept_cost(&solution, &named) || solution.status == SolverStatus::Fallback {
            return Ok(self.read(&solution, &named));
        }
        // The cohorts' totals fit their rules but not every person's week does. When the named
        // plan still costs within the allowed gap of the bound the plan proved, it is as good
        // as the gap asked for (tight weekly minimums make this common).
        let schedule = self.read(&solution, &named);
        let gap = self.fallback_gap(&schedule, &solution);
        if gap <= self.scenario.solver.relative_gap {
            return Ok(self.named_instead(schedule, SolverStatus::GapLimit, gap));
        }
        // Otherwise plan person by person instead (exact, slower), in the time that is left,
        // unless that plan is too large to build and solve in it (the month bench with the
        // rules on took 4 s to build it, found nothing and ran 5 s past the time limit).
        if self.deadline.left() > 0.0 && by_person_fits(self.scenario, self.staff, &self.slots) {
            let mut by_person = Model::capped(
                self.scenario,
                self.staff,
                self.requirements,
                Stage::PlanByPerson,
                self.part_timer_cap,
            );
            by_person.objective = self.objective;
            by_person.deadline = self.deadline;
            by_person.start = Some(Start {
                shifts: named.shifts.clone(),
                bound: solution.bound,
            });
            let better = by_person.optimise()?;
            if better.status != SolverStatus::Fallback {
                let named = by_person.name_staff(&better)?;
                let by_person_schedule = by_person.read(&better, &named);
                // When time ran out on it, it may still cost more than the named plan.
                if by_person.plan_cost(&by_person_schedule, &better)
                    <= self.plan_cost(&schedule, &solution)
                {
                    return Ok(by_person_schedule);
                }
            }
        }
        // No time left for it, or it found nothing cheaper: the named plan stands, though it no
        // longer keeps the plan's proven cost.
        if schedule.status.stopped_early() {
            return Ok(schedule);
        }
        Ok(self.named_instead(schedule, SolverStatus::TimeLimit, gap))
    }

    /// The named plan as the answer, with `status` and its `gap` to the plan's bound.
    fn named_instead(&self, schedule: Schedule, status: SolverStatus, gap: f64) -> Schedule {
        Schedule {
            status,
            gap: Some(gap),
            within_1pct_seconds: (gap <= ONE_PERCENT).then(|| self.deadline.elapsed()),
            ..schedule
        }
    }

    /// Whether the named shifts cost what the plan counted: every shift taken, and no more
    /// hours below minimums, overtime or missed phase duties than the cohorts' totals. Then the plan's optimality
    /// (or gap) holds for the named roster too, since cohort totals only relax the rules.
    fn naming_kept_cost(&self, solution: &impl Solution, named: &Named) -> bool {
        let planned_overtime: f64 = self.overtime.iter().map(|o| solution.value(o.var)).sum();
        let planned_misses: f64 = self.duties.iter().map(|d| solution.value(d.missed)).sum();
        let planned_below: f64 = self.below_floor.iter().map(|b| solution.value(b.var)).sum();
        let named_below: f64 = self
            .below_minimum(&named.shifts)
            .iter()
            .map(|b| b.hours)
            .sum();
        named.dropped == 0
            && named_below <= planned_below + 0.01
            && self.overtime_hours(&named.shifts) <= planned_overtime + 1e-6
            && self.missed_duties(&named.shifts, None).len() as f64 <= planned_misses + 1e-6
    }

    /// Who works each planned staff shift, as (person, slot): a cohort of one is named by the
    /// plan itself, a larger cohort by a naming model of its own members.
    fn name_staff(&self, solution: &Solved) -> Result<Named> {
        let mut named = Named {
            shifts: Vec::new(),
            dropped: 0,
            fell_back: false,
        };
        let planned: Vec<BTreeMap<usize, u32>> = (0..self.cohorts.len())
            .map(|c| {
                self.mine(c)
                    .map(|s| (s.slot, solution.value(s.var).round().max(0.0) as u32))
                    .filter(|(_, n)| *n > 0)
                    .collect()
            })
            .collect();
        let needs_naming = |c: usize, counts: &BTreeMap<usize, u32>| {
            self.cohorts[c].members.len() > 1 && !counts.is_empty()
        };
        let mut left = Vec::new();
        let mut to_name = (planned.iter().enumerate())
            .filter(|(c, counts)| needs_naming(*c, counts))
            .count();
        for (c, (cohort, counts)) in self.cohorts.iter().zip(planned).enumerate() {
            if !needs_naming(c, &counts) {
                named
                    .shifts
                    .extend(counts.keys().map(|&slot| (cohort.members[0], slot)));
                continue;
            }
            let stage = Stage::Name {
                members: cohort.members.clone(),
                counts,
            };
            let mut naming = Model::new(self.scenario, self.staff, &[], stage);
            // An even share of what is left, so one cohort whose totals split badly into
            // personal weeks cannot leave the others no time (what it leaves goes to the rest).
            naming.deadline = self.deadline.within(self.deadline.left() / to_name as f64);
            to_name -= 1;
            let names = naming.optimise()?;
            named.fell_back |= names.status == SolverStatus::Fallback;
            named.shifts.extend(
                naming
                    .staff_shifts
                    .iter()
                    .filter(|s| names.value(s.var) > 0.5)
                    .map(|s| (naming.cohorts[s.cohort].members[0], s.slot)),
            );
            for f in &naming.fills {
                let dropped = names.value(f.dropped).round().max(0.0) as usize;
                named.dropped += dropped;
                left.extend(std::iter::repeat_n((cohort.pool, f.slot), dropped));
            }
        }
        self.give_to_the_pool(&mut named, left);
        Ok(named)
    }

    /// Gives planned shifts no member of their cohort could take, `(pool, slot)` in time order,
    /// to anyone else of the pool (same skills and group: the same cover) who can, the fewest
    /// hours first. Cohort totals relax the rules that tie a person's days together, so on
    /// the month with the rules on naming dropped 569 shifts while people of other cohorts sat
    /// below their contract hours.
    fn give_to_the_pool(&self, named: &mut Named, mut left: Vec<(usize, usize)>) {
        if left.is_empty() {
            return;
        }
        left.sort_by_key(|&(pool, slot)| (self.slots[slot].start, slot, pool));
        let mut hours = vec![0.0; self.staff.len()];
        for &(person, slot) in &named.shifts {
            hours[person] += self.slots[slot].hours();
        }
        let hindsight = Hindsight::new(self, &named.shifts);
        let mut given = Vec::new();
        'shifts: for (pool, slot) in left {
            let mut people: Vec<usize> = (0..self.staff.len())
                .filter(|&p| self.pool_of[p] == pool)
                .collect();
            people.sort_by(|a, b| hours[*a].total_cmp(&hours[*b]));
            for person in people {
                match hindsight.take(person, slot) {
                    Some(true) => {
                        hours[person] += self.slots[slot].hours();
                        given.push((person, slot));
                        break;
                    }
                    Some(false) => {}
                    None => break 'shifts,
                }
            }
        }
        named.dropped -= given.len();
        named.shifts.extend(given);
    }

    /// Overtime hours of the named plan: each person's hours above contract, week by week.
    pub(super) fn overtime_hours(&self, named: &[(usize, usize)]) -> f64 {
        let mut weeks: BTreeMap<(usize, i64), f64> = BTreeMap::new();
        for &(person, slot) in named {
            let slot = &self.slots[slot];
            *weeks.entry((person, self.week_of(slot))).or_default() += slot.hours();
        }
        weeks
            .into_iter()
            .filter_map(|((person, _), hours)| {
                let contract = self.staff[person].contract_hours_per_week?;
                Some((hours - contract).max(0.0))
            })
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::super::deadline::Solved;
    use super::super::model::{Model, Stage};
    use super::super::verify::{hourly_scenario, person, shift};
    use super::super::SolverStatus;
    use crate::scenario::Person;

    #[test]
    fn a_shift_its_cohort_cannot_take_goes_to_someone_else_of_the_pool() {
        // ana and cy cannot be told apart, so they share a cohort; bo, a lead, is a cohort of his
        // own in the same pool (presale, main). A plan (made up here) gives ana and cy's cohort
        // three 08:00 shifts on 11-11: naming gives them two and drops one, which bo takes. dee,
        // in another group, is not of the pool and takes nothing.
        let s = hourly_scenario(&shift("day", "08:00", 8), &["presale"], 1);
        let bo = Person {
            lead: true,
            ..person("bo", &["presale"])
        };
        let dee = Person {
            group: "backup".into(),
            ..person("dee", &["presale"])
        };
        let staff = [
            person("ana", &["presale"]),
            bo,
            person("cy", &["presale"]),
            dee,
        ];
        let plan = Model::new(&s, &staff, &[], Stage::Plan);
        let day = plan.slot("day", "2026-11-11T08:00");
        let ana_and_cy = plan
            .cohorts
            .iter()
            .position(|c| c.members == [0, 2])
            .unwrap();
        let var = plan.mine(ana_and_cy).find(|s| s.slot == day).unwrap().var;
        let solution = Solved {
            status: SolverStatus::Optimal,
            values: HashMap::from([(var, 3.0)]),
            gap: None,
            bound: 0.0,
            within_1pct: None,
        };
        let named = plan.name_staff(&solution).unwrap();
        let mut shifts = named.shifts.clone();
        shifts.sort();
        assert_eq!(shifts, [(0, day), (1, day), (2, day)]);
        assert_eq!(named.dropped, 0);
    }
}
