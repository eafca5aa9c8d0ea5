//! A strong first plan for the solver to start from. On a diverse team HiGHS reaches the plan's
//! bound in seconds, but its own heuristics can take most of a minute to find a plan near it.
//! Here: the LP relaxation; then a plan keeping every staff shift the relaxation decided (0 or
//! a whole number) and choosing the rest; then, two days at a time, every staff shift of
//! those days chosen again around the others (fix and optimise). Each step is a small model
//! HiGHS solves in a second or two. The relaxation's cost is a bound no plan beats, so a first
//! plan within the gap asked for of it needs no further search.

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveTime};
use good_lp::Variable;
use highs::HighsSolutionStatus;

use super::deadline::{relative_gap, Solved, ONE_PERCENT};
use super::model::{Model, StaffShift};
use super::rules::Rule;
use super::submodel::{Rows, Step};
use super::{Schedule, SolverStatus};
use crate::error::{Error, Result};

/// Staff-shift variables from which a plan gets a first plan from its relaxation. Smaller plans
/// (the bundled example has about 300, the week bench 650) HiGHS solves to the end in a second
/// or two, proving them optimal, which a first plan within the gap would cut short.
const FIRST_PLAN_FROM_STAFF_SHIFTS: usize = 2000;

/// The share of the time left that each step towards the first plan may take.
const STEP_SHARE: f64 = 0.2;

/// The share of the time left the relaxation may take: on the month bench without the week's
/// rules (1.2 million nonzeros) it takes 10.5 s here, 0.25 of the 42 s before naming.
const RELAXATION_SHARE: f64 = 0.3;

/// Nonzeros above which the relaxation is not tried, the plan built a window at a time from
/// the start: the month bench with the week's rules on (2.6 million) did not finish it in 28 s
/// here, simplex or interior point, and the seconds spent on it were the windows' (one found
/// nothing in its share).
const RELAXATION_MOST_NONZEROS: usize = 2_000_000;

/// Days whose staff shifts one improving step chooses again, and how far apart the windows
/// start, in order from the first day. On six diverse benches, windows of 2 days side by side
/// took 6.9 to 13.5 s to the gap; 3 days every 2, up to 18.8 s; 1 day, up to 27 s; 4 days every
/// 3, up to 25 s; and taking first the windows where the relaxation left most undecided was
/// slower than day order.
const WINDOW_DAYS: i64 = 2;
const WINDOW_STEP: usize = 2;

/// Even shares of the time left a window building the plan may take: most need less than one
/// (1 to 3 s of 2.7 to 3.3 on the month with the rules on), but one with HiGHS's root still
/// unsolved at the end of its share found nothing, and its days had nobody.
const WINDOW_EVEN_SHARES: f64 = 2.0;

/// A plan for this model found before the search, and the bound the relaxation proved.
pub(super) struct FirstPlan {
    /// Every column's value, in the model's order.
    pub(super) columns: Vec<f64>,
    pub(super) cost: f64,
    /// The LP relaxation's cost: no plan costs less.
    pub(super) bound: f64,
    /// Seconds into the run when a step first found a plan within 1% of the bound.
    pub(super) within_1pct: Option<f64>,
}

impl FirstPlan {
    /// The plan's relative gap to the bound.
    pub(super) fn gap(&self) -> f64 {
        relative_gap(self.cost, self.bound)
    }

    /// The plan as a solve's answer that ended with `status`, with its gap unless optimal.
    pub(super) fn solved(&self, model: &Model, status: SolverStatus) -> Solved {
        Solved {
            status,
            gap: (status != SolverStatus::Optimal).then(|| self.gap()),
            bound: self.bound,
            values: model.values_of(&self.columns),
            within_1pct: self.within_1pct,
        }
    }

    /// Notes the time when the plan is first within 1% of its bound.
    fn note_time(&mut self, model: &Model) {
        if self.within_1pct.is_none() && self.gap() <= ONE_PERCENT {
            self.within_1pct = Some(model.deadline.elapsed());
        }
    }
}

/// A named plan to improve instead of the relaxation's (when planning person by person after
/// naming could not keep the cohort plan's cost, or counting the fewest part-timers from the
/// cheapest plan): who works which shift, and a bound no plan of this model beats (0: none
/// known).
pub(super) struct Start {
    pub(super) shifts: Vec<(usize, usize)>,
    pub(super) bound: f64,
}

impl Model<'_> {
    /// The bound a named start brings (0 without one): it holds before any solve.
    pub(super) fn start_bound(&self) -> f64 {
        self.start.as_ref().map_or(0.0, |s| s.bound)
    }
}

impl Model<'_> {
    /// A first plan for this model, or None when naming (its models are small), for a small
    /// plan without a named plan to start from, or when a step found nothing in its time; and
    /// the best bound known (0: none), which holds even when no plan was found.
    pub(super) fn first_plan(&self, rows: &Rows) -> Result<(Option<FirstPlan>, f64)> {
        if self.naming
            || self.staff_shifts.is_empty()
            || (self.start.is_none() && self.staff_shifts.len() < FIRST_PLAN_FROM_STAFF_SHIFTS)
        {
            return Ok((None, 0.0));
        }
        let (first, bound) = match &self.start {
            Some(start) => {
                let named: HashSet<(usize, usize)> = start.shifts.iter().copied().collect();
                // A cohort takes as many of a slot as its members work in the named plan.
                let taken = self.fix_staff(|s| {
                    let members = &self.cohorts[s.cohort].members;
                    members
                        .iter()
                        .filter(|p| named.contains(&(**p, s.slot)))
                        .count() as f64
                });
                (self.step(rows, &taken)?, start.bound)
            }
            None => match self.relaxation(rows)? {
                Some(relaxed) => {
                    let values = self.values_of(&relaxed.columns);
                    // Every staff shift the relaxation decided (0 or a whole number) is kept.
                    let decided = self.fix_staff(|s| {
                        let x = values[&s.var];
                        if (x - x.round()).abs() <= 1e-6 {
                            x.round()
                        } else {
                            f64::NAN
                        }
                    });
                    (self.step(rows, &decided)?, relaxed.cost)
                }
                // Too large for its relaxation in the time: no bound, and a plan built a
                // window at a time.
                None => (self.plan_in_windows(rows)?, 0.0),
            },
        };
        let Some(first) = first else {
            return Ok((None, bound));
        };
        let mut plan = FirstPlan {
            columns: first.columns,
            cost: first.cost,
            bound,
            within_1pct: None,
        };
        plan.note_time(self);
        // Sweeps over the days while one improves the plan: a change one window could not
        // make (rest before a shift the next window still fixes) the next sweep may.
        let mut improved = true;
        while improved && plan.gap() > self.scenario.solver.relative_gap {
            improved = false;
            for from in (0..self.plan_days()).step_by(WINDOW_STEP) {
                if plan.gap() <= self.scenario.solver.relative_gap || self.deadline.left() <= 0.0 {
                    break;
                }
                let window = from..from + WINDOW_DAYS;
                let values = self.values_of(&plan.columns);
                let others = self.fix_staff(|s| {
                    if window.contains(&self.day_of(&self.slots[s.slot])) {
                        f64::NAN
                    } else {
                        values[&s.var].round()
                    }
                });
                if let Some(better) = self.step(rows, &others)? {
                    if better.cost < plan.cost - 1e-6 {
                        plan.columns = better.columns;
                        plan.cost = better.cost;
                        plan.note_time(self);
                        improved = true;
                    }
                }
            }
        }
        Ok((Some(plan), bound))
    }

    /// A plan chosen a window of days at a time in day order: each window's shifts and breaks
    /// around those of the days before (as chosen) and after (nobody yet), in its share of
    /// what is left of the time ([`WINDOW_EVEN_SHARES`]). Each window owes weekly minimums
    /// only pro rata for the days up to its end ([`Model::min_hours_before`]): owing the whole
    /// week's with nobody after it, the first windows of the month with the rules on gave
    /// salaried staff every hour they could work, where few were needed, and hired
    /// part-timers for the days after (3.76 to 3.77 million against 3.64 to 3.65 pro rata,
    /// 399 agent-hours short against 392 to 394). A window that finds nothing in it is left
    /// with nobody, as the plan before it had them (its hours short), and the next goes on: on
    /// the month with the rules on one window of 14 once did, and the whole plan was lost.
    /// None if none found any.
    fn plan_in_windows(&self, rows: &Rows) -> Result<Option<Step>> {
        let starts: Vec<i64> = (0..self.plan_days()).step_by(WINDOW_STEP).collect();
        let mut plan: Option<Step> = None;
        for (k, &from) in starts.iter().enumerate() {
            let window = from..from + WINDOW_DAYS;
            let before = plan.as_ref().map(|p| self.values_of(&p.columns));
            let others: HashMap<Variable, f64> = self
                .slot_vars()
                .filter_map(|(slot, var)| {
                    let day = self.day_of(&self.slots[slot]);
                    match &before {
                        _ if window.contains(&day) => None,
                        Some(values) if day < from => Some((var, values[&var].round())),
                        _ => Some((var, 0.0)),
                    }
                })
                .collect();
            let even = self.deadline.left() / (starts.len() - k) as f64;
            let share = (WINDOW_EVEN_SHARES * even).min(self.deadline.left());
            let end = (self.first_day + Duration::days(window.end)).and_time(NaiveTime::MIN);
            let owed = self.min_hours_before(end);
            let rows = rows.swapping(Rule::MinHoursPerWeek, &owed);
            if let Some(step) = self.solve_fixed(rows, &others, share)? {
                plan = Some(step);
            }
        }
        Ok(plan)
    }

    /// Every variable tied to one slot: staff and part-time shifts, and breaks on them.
    fn slot_vars(&self) -> impl Iterator<Item = (usize, Variable)> + '_ {
        let staff = self.staff_shifts.iter().map(|s| (s.slot, s.var));
        let part_time = self.part_time_shifts.iter().map(|s| (s.slot, s.var));
        let breaks = self.breaks.iter().map(|b| (b.slot, b.var));
        staff.chain(part_time).chain(breaks)
    }

    /// Starts from the staff shifts of `plan`, a plan of the same people and slots (when
    /// counting the fewest part-timers from the cheapest plan: on the week bench, 107 in 0.8 s
    /// this way, while HiGHS alone had only the cheapest plan's 124 after 2 s).
    pub(super) fn start_from(&mut self, plan: &Schedule) {
        let shifts = plan
            .shifts
            .iter()
            .filter_map(|shift| {
                let slot = self.slots.iter().position(|s| {
                    self.scenario.shifts[s.template].name == shift.template
                        && s.start == shift.start
                        && s.end == shift.end
                })?;
                Some((shift.person?, slot))
            })
            .collect();
        self.start = Some(Start { shifts, bound: 0.0 });
    }

    /// Each staff shift at the value `value` gives it; NaN leaves it free.
    pub(super) fn fix_staff(&self, value: impl Fn(&StaffShift) -> f64) -> HashMap<Variable, f64> {
        self.staff_shifts
            .iter()
            .map(|s| (s.var, value(s)))
            .filter(|(_, v)| !v.is_nan())
            .collect()
    }

    /// This model with the staff shifts in `fixed` at those values, in a share of the time left.
    fn step(&self, rows: &Rows, fixed: &HashMap<Variable, f64>) -> Result<Option<Step>> {
        self.solve_fixed(rows.iter(), fixed, self.deadline.left() * STEP_SHARE)
    }

    /// The LP relaxation in a share of the time left; None if it did not finish or the model
    /// is too large to try.
    fn relaxation(&self, rows: &Rows) -> Result<Option<Step>> {
        if rows.nonzeros() > RELAXATION_MOST_NONZEROS {
            return Ok(None);
        }
        let Some(mut model) = self.highs_model(rows)? else {
            return Ok(None);
        };
        model.set_option("time_limit", self.deadline.left() * RELAXATION_SHARE);
        model.set_option("solve_relaxation", true);
        let solved = model
            .try_solve()
            .map_err(|e| Error::Solver(format!("HiGHS could not solve the model: {e:?}")))?;
        Ok(
            (solved.primal_solution_status() == HighsSolutionStatus::Feasible).then(|| Step {
                columns: solved.get_solution().columns().to_vec(),
                cost: solved.objective_value(),
                finished: true,
            }),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::model::{Model, Stage};
    use super::super::verify::{hourly_scenario, person, requirements, shift};
    use super::super::SolverStatus;
    use super::Start;
    use crate::scenario::{Person, Scenario};
    use crate::staffing::Requirement;

    /// Four days with 1 agent needed 08:00-16:00 each day; ana may work "early" (00:00-08:00)
    /// or "day" (08:00-16:00) at 5 an hour; no part-time shift.
    fn ana_four_days() -> (Scenario, Vec<Person>, Vec<Requirement>) {
        let extra = format!("{}{}", shift("early", "00:00", 8), shift("day", "08:00", 8));
        let s = hourly_scenario(&extra, &["presale"], 4);
        let need = requirements(&s, |_, i| u32::from((8..16).contains(&(i % 24))));
        (s, vec![person("ana", &["presale"])], need)
    }

    /// Plans person by person from a named plan putting ana on "early" every day (covering
    /// nothing needed), with `bound` proved.
    fn starting_early(model: &mut Model, bound: f64) {
        let shifts = (11..15)
            .map(|d| (0, model.slot("early", &format!("2026-11-{d}T00:00"))))
            .collect();
        model.start = Some(Start { shifts, bound });
    }

    #[test]
    fn a_named_start_is_improved_a_few_days_at_a_time() {
        // The start costs 4 x 8 h x 5 = 160 in pay and 32 agent-hours short x 1000 = 32,160.
        // Each window of 2 days chooses its days' shifts again around the rest. The first sweep
        // cannot move ana to "day" on a day before one still fixed on "early" (8 hours' rest,
        // 11 needed); the second sweep can. Then "day" on every day covers every hour for the
        // same 160 in pay, and no plan costs less.
        let (s, staff, need) = ana_four_days();
        let mut model = Model::new(&s, &staff, &need, Stage::PlanByPerson);
        starting_early(&mut model, 160.0);
        let plan = model.first_plan(&model.all_rows()).unwrap().0.unwrap();
        assert_eq!(plan.cost, 160.0);
        assert_eq!(plan.bound, 160.0);
        assert_eq!(plan.gap(), 0.0);
        let values = model.values_of(&plan.columns);
        for d in 11..15 {
            let day = model.slot("day", &format!("2026-11-{d}T08:00"));
            let var = model
                .staff_shifts
                .iter()
                .find(|s| s.slot == day)
                .unwrap()
                .var;
            assert_eq!(values[&var], 1.0, "ana on day on 11-{d}");
        }
    }

    #[test]
    fn a_first_plan_within_the_gap_of_its_bound_ends_the_search() {
        // With a bound of 159.992, the first plan's 160 is 0.005% above it, inside the default
        // gap of 0.01%: the plan stands as within the gap, with that bound (HiGHS would have
        // proved 160 optimal). With a bound of 150 (6.25%), HiGHS searches on and proves it.
        let (s, staff, need) = ana_four_days();
        let mut model = Model::new(&s, &staff, &need, Stage::PlanByPerson);
        starting_early(&mut model, 159.992);
        let solved = model.optimise().unwrap();
        assert_eq!(solved.status, SolverStatus::GapLimit);
        assert_eq!(solved.bound, 159.992);
        assert!((solved.gap.unwrap() - 0.00005).abs() < 1e-9);
        starting_early(&mut model, 150.0);
        let solved = model.optimise().unwrap();
        assert_eq!(solved.status, SolverStatus::Optimal);
        assert_eq!(solved.bound, 160.0);
        // With no time left, the fallback keeps the start's bound (it had 0).
        model.deadline = super::super::deadline::Deadline::after(0.0);
        let solved = model.optimise().unwrap();
        assert_eq!(solved.status, SolverStatus::Fallback);
        assert_eq!(solved.bound, 150.0);
    }

    /// ana's staff-shift variable on `template` starting `start`.
    fn ana_on(model: &Model, template: &str, start: &str) -> good_lp::Variable {
        let slot = model.slot(template, start);
        model
            .staff_shifts
            .iter()
            .find(|s| s.slot == slot)
            .unwrap()
            .var
    }

    #[test]
    fn fixed_shifts_are_put_in_before_the_solve() {
        // With ana fixed on "early" on all four days, nothing is left to choose: 4 x 8 h x 5 =
        // 160 in pay and the 32 agent-hours needed 08:00-16:00 short at 1000: 32,160. Fixed on
        // "day" on all four, the hours are covered for the same 160 in pay.
        let (s, staff, need) = ana_four_days();
        let model = Model::new(&s, &staff, &need, Stage::PlanByPerson);
        let rows = model.all_rows();
        for (on, off, cost) in [("early", "day", 32_160.0), ("day", "early", 160.0)] {
            let mut fixed = std::collections::HashMap::new();
            for d in 11..15 {
                let t = |clock: &str| format!("2026-11-{d}T{clock}");
                let (on_start, off_start) = if on == "early" {
                    ("00:00", "08:00")
                } else {
                    ("08:00", "00:00")
                };
                fixed.insert(ana_on(&model, on, &t(on_start)), 1.0);
                fixed.insert(ana_on(&model, off, &t(off_start)), 0.0);
            }
            let step = model
                .solve_fixed(rows.iter(), &fixed, 10.0)
                .unwrap()
                .unwrap();
            assert_eq!(step.cost, cost, "ana on {on}");
            let values = model.values_of(&step.columns);
            assert!(fixed.iter().all(|(v, x)| values[v] == *x));
        }
    }

    #[test]
    fn a_plan_is_built_a_window_of_days_at_a_time() {
        // Windows of 2 days from the day before the horizon (10th-11th, 12th-13th, 14th): each
        // puts ana on "day" on its days (5 an hour against 1000 an hour short), with 16 hours'
        // rest between, around the days before and nobody after: "day" on all four days, 160.
        let (s, staff, need) = ana_four_days();
        let model = Model::new(&s, &staff, &need, Stage::PlanByPerson);
        let plan = model.plan_in_windows(&model.all_rows()).unwrap().unwrap();
        assert_eq!(plan.cost, 160.0);
        let values = model.values_of(&plan.columns);
        for d in 11..15 {
            let day = ana_on(&model, "day", &format!("2026-11-{d}T08:00"));
            assert_eq!(values[&day], 1.0, "ana on day on 11-{d}");
        }
    }

    #[test]
    fn a_window_owes_its_share_of_the_weeks_minimum() {
        // A week (11th-17th); ana may work "day" (08:00-16:00, 5 an hour) and must work 24
        // hours (100 an hour below it), at most 24. An agent is needed 08:00-16:00 on the 15th,
        // 16th and 17th only. Windows 11-12, 13-14, 15-16, 17 owe 24 x 2/7, 4/7, 6/7 and 7/7
        // = 7, 14, 21 and 24 hours (to the hour) by their ends: one day shift each in the first
        // two (40 in pay against 700 and 600 below), one needed on the 15th or 16th, and the
        // 17th short for want of hours: 3 x 40 + 16 short x 1000 = 16,120. Owing all 24 hours
        // from the first window (nobody after it), ana worked the 11th, 12th and 13th: 24,120.
        let extra = shift("day", "08:00", 8);
        let s = hourly_scenario(&extra, &["presale"], 7);
        let need = requirements(&s, |_, i| {
            u32::from(i >= 4 * 24 && (8..16).contains(&(i % 24)))
        });
        let staff = [Person {
            min_hours_per_week: Some(24.0),
            max_hours_per_week: 24.0,
            ..person("ana", &["presale"])
        }];
        let model = Model::new(&s, &staff, &need, Stage::PlanByPerson);
        let plan = model.plan_in_windows(&model.all_rows()).unwrap().unwrap();
        assert_eq!(plan.cost, 16_120.0);
        let values = model.values_of(&plan.columns);
        let works = |d: u32| values[&ana_on(&model, "day", &format!("2026-11-{d}T08:00"))];
        for pair in [[11, 12], [13, 14], [15, 16]] {
            assert_eq!(works(pair[0]) + works(pair[1]), 1.0, "ana on {pair:?}");
        }
        assert_eq!(works(17), 0.0);
    }

    #[test]
    fn a_small_plan_gets_no_first_plan_from_its_relaxation() {
        // Without a named start, a plan with fewer than 2,000 staff-shift variables is left to
        // HiGHS, which proves it optimal.
        let (s, staff, need) = ana_four_days();
        let model = Model::new(&s, &staff, &need, Stage::PlanByPerson);
        assert!(model.first_plan(&model.all_rows()).unwrap().0.is_none());
    }
}
