//! The run's deadline and each solve inside it: `--time-limit` (or `[solver]
//! time_limit_seconds`) bounds the whole run, every HiGHS solve gets what is left of it, and a
//! solve that has no plan when time runs out gives way to the simplest feasible plan (every
//! hour short, nobody on a shift), so there is always a plan.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use good_lp::{highs, Solution, SolutionStatus, SolverModel, Variable};
use highs::{HighsModelStatus, HighsSolutionStatus};

use super::model::Model;
use super::submodel::Rows;
use super::{Schedule, SolverStatus};
use crate::error::{Error, Result};

/// When the run must end: a time limit counted from the moment the run started.
#[derive(Debug, Clone, Copy)]
pub struct Deadline {
    started: Instant,
    seconds: f64,
}

impl Deadline {
    /// A deadline `seconds` from now.
    pub fn after(seconds: f64) -> Self {
        Deadline {
            started: Instant::now(),
            seconds,
        }
    }

    /// The whole run's time limit in seconds.
    pub fn seconds(&self) -> f64 {
        self.seconds
    }

    /// A deadline `seconds` from now, or this one if it comes first: a step's own budget
    /// inside the run's.
    pub fn within(&self, seconds: f64) -> Self {
        Deadline {
            started: Instant::now(),
            seconds: seconds.min(self.left()),
        }
    }

    /// This deadline `seconds` sooner: the time for the steps before one that needs the rest.
    pub(super) fn sooner(&self, seconds: f64) -> Self {
        Deadline {
            seconds: self.seconds - seconds,
            ..*self
        }
    }

    /// Seconds since the run started.
    pub fn elapsed(&self) -> f64 {
        self.started.elapsed().as_secs_f64()
    }

    /// Seconds left now (0 once it has passed).
    pub fn left(&self) -> f64 {
        self.left_after(self.elapsed())
    }

    /// Seconds left once `elapsed` seconds of the run have gone (0 once it has passed): what
    /// the next solve may take, so every stage together stays inside the one limit.
    pub fn left_after(&self, elapsed: f64) -> f64 {
        (self.seconds - elapsed).max(0.0)
    }

    /// When work after a solve (the fallback's greedy cover, the checks behind the reasons)
    /// must stop: `grace` past the deadline once it has passed, so every such step of the run
    /// shares one cutoff; `grace` from now while time is left.
    pub(super) fn grace_until(&self, grace: Duration) -> Instant {
        let now = Instant::now();
        let end = Duration::try_from_secs_f64(self.seconds)
            .ok()
            .and_then(|d| self.started.checked_add(d))
            .unwrap_or(now);
        end.min(now) + grace
    }
}

/// The best bound a solve proved: HiGHS's MIP bound or the relaxation's (or the plan's a named
/// start came from), whichever is higher. A model without integers has no MIP bound: solved,
/// its `cost` is the bound; cut short, there is none (0), so the repairs after it do not take
/// their gap from its cost.
fn proved_bound(mip_bound: Option<f64>, known_bound: f64, stopped_early: bool, cost: f64) -> f64 {
    match mip_bound {
        Some(b) => b.max(known_bound),
        None if known_bound > 0.0 => known_bound,
        None if stopped_early => 0.0,
        None => cost,
    }
}

/// The gap at which a plan counts as within 1% of the best bound (`plan --json`'s
/// `solver_seconds_to_1pct`).
pub(super) const ONE_PERCENT: f64 = 0.01;

/// How far `cost` may be above the cheapest plan, given a `bound` no plan beats: (cost - bound)
/// / cost, between 0 and 1 (0 for a plan costing nothing).
pub(super) fn relative_gap(cost: f64, bound: f64) -> f64 {
    if cost > 1e-9 {
        ((cost - bound) / cost).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// A solve's answer: the value of every variable, how the solve ended, and the relative gap
/// between the plan's cost and the best bound HiGHS proved (when it stopped early).
pub(super) struct Solved {
    pub(super) status: SolverStatus,
    pub(super) values: HashMap<Variable, f64>,
    pub(super) gap: Option<f64>,
    /// The best bound on the cost HiGHS proved (0 when it proved none): no plan costs less.
    pub(super) bound: f64,
    /// Seconds into the run when a plan within 1% of the bound was first known (at the latest
    /// when the solve ended); None when there was none.
    pub(super) within_1pct: Option<f64>,
}

impl Solution for Solved {
    fn status(&self) -> SolutionStatus {
        match self.status {
            SolverStatus::Optimal => SolutionStatus::Optimal,
            SolverStatus::GapLimit => SolutionStatus::GapLimit,
            SolverStatus::TimeLimit | SolverStatus::Fallback => SolutionStatus::TimeLimit,
        }
    }

    fn value(&self, variable: Variable) -> f64 {
        self.values.get(&variable).copied().unwrap_or(0.0)
    }
}

impl Model<'_> {
    /// Solves this model, every rule's rows in `Rule::ALL` order, within the gap and what is
    /// left of the deadline, from a first plan when [`Model::first_plan`] finds one; with no
    /// plan by then, the fallback plan.
    pub(super) fn optimise(&self) -> Result<Solved> {
        if self.deadline.left() <= 0.0 {
            return Ok(self.fallback(self.start_bound()));
        }
        self.optimise_with(&self.all_rows())
    }

    /// [`Model::optimise`] with every rule's rows built already (once for the first plan's
    /// steps, the relaxation, the search and the refill after naming).
    pub(super) fn optimise_with(&self, rows: &Rows) -> Result<Solved> {
        if self.deadline.left() <= 0.0 {
            return Ok(self.fallback(self.start_bound()));
        }
        let (first, known_bound) = self.first_plan(rows)?;
        if let Some(plan) = &first {
            // The relaxation's bound already proves the first plan good enough.
            if plan.gap() <= self.scenario.solver.relative_gap {
                return Ok(plan.solved(self, SolverStatus::finished_at(plan.gap())));
            }
        }
        let Some(mut model) = self.highs_model(rows)? else {
            return Ok(first.map_or_else(
                || self.fallback(known_bound),
                |plan| plan.solved(self, SolverStatus::TimeLimit),
            ));
        };
        if let Some(plan) = &first {
            model.set_solution(Some(&plan.columns), None, None, None);
        } else if self.naming {
            // Every planned shift given greedily to start from: in the fraction of a second a
            // cohort has on the month bench with the rules on, HiGHS alone kept far fewer.
            let greedy = self.fallback(0.0).values;
            model.set_solution(Some(&self.columns_of(&greedy)), None, None, None);
        }
        let solved = model
            .try_solve()
            .map_err(|e| Error::Solver(format!("HiGHS could not solve the model: {e:?}")))?;
        let status = match solved.status() {
            HighsModelStatus::Optimal
            | HighsModelStatus::ObjectiveBound
            | HighsModelStatus::ObjectiveTarget => SolverStatus::finished_at(solved.mip_gap()),
            HighsModelStatus::ReachedTimeLimit
            | HighsModelStatus::ReachedSolutionLimit
            | HighsModelStatus::ReachedInterrupt
            | HighsModelStatus::ReachedIterationLimit
            | HighsModelStatus::ReachedMemoryLimit => SolverStatus::TimeLimit,
            other => return Err(Error::Solver(format!("HiGHS ended with {other:?}"))),
        };
        let mip_bound = solved
            .double_info_value(c"mip_dual_bound")
            .ok()
            .filter(|b| b.is_finite());
        if solved.primal_solution_status() != HighsSolutionStatus::Feasible {
            let bound = proved_bound(mip_bound, known_bound, true, 0.0);
            return Ok(self.fallback(bound.max(0.0)));
        }
        let gap = solved.mip_gap();
        let gap = if gap.is_finite() {
            gap.clamp(0.0, 1.0)
        } else {
            1.0
        };
        let gap = if known_bound > 0.0 {
            gap.min(relative_gap(solved.objective_value(), known_bound))
        } else {
            gap
        };
        let within_1pct = first
            .and_then(|plan| plan.within_1pct)
            .or_else(|| (gap <= ONE_PERCENT).then(|| self.deadline.elapsed()));
        Ok(Solved {
            gap: (status != SolverStatus::Optimal).then_some(gap),
            within_1pct,
            status,
            bound: proved_bound(
                mip_bound,
                known_bound,
                status.stopped_early(),
                solved.objective_value(),
            ),
            values: self.values_of(solved.get_solution().columns()),
        })
    }

    /// This model for HiGHS, with `rows` (every rule's, in `Rule::ALL` order), what is left
    /// of the deadline and the gap asked for; None once the deadline has passed.
    pub(super) fn highs_model(&self, rows: &Rows) -> Result<Option<highs::Model>> {
        if self.deadline.left() <= 0.0 {
            return Ok(None);
        }
        let build = || {
            let mut problem = self.vars.clone().minimise(self.objective()).using(highs);
            for row in rows.iter() {
                problem.add_constraint(row.clone());
            }
            problem
                .try_into_inner()
                .map_err(|e| Error::Solver(e.to_string()))
        };
        // SHIFTCAST_WRITE_MODEL=FILE.mps writes the run's first whole model (the plan's, before
        // naming or repairs), to try it in other solvers (bench/schedule_rules_solvers.sh).
        // HiGHS writes a model given that file as it starts, and may then stop, so a copy goes,
        // with no time to solve (HiGHS's log, with SHIFTCAST_SOLVER_LOG, says if it failed).
        static WRITE_ONCE: std::sync::Once = std::sync::Once::new();
        if let Some(file) = std::env::var_os("SHIFTCAST_WRITE_MODEL") {
            WRITE_ONCE.call_once(|| {
                if let Ok(mut copy) = build() {
                    self.set_options(&mut copy, 0.0);
                    copy.set_option("write_model_file", file.to_string_lossy().as_ref());
                    let _ = copy.try_solve();
                }
            });
        }
        let mut model = build()?;
        // Building the rows may have used up what was left.
        let left = self.deadline.left();
        if left <= 0.0 {
            return Ok(None);
        }
        self.set_options(&mut model, left);
        Ok(Some(model))
    }

    /// HiGHS's options for a solve of at most `seconds`, to the gap asked for.
    pub(super) fn set_options(&self, model: &mut highs::Model, seconds: f64) {
        // SHIFTCAST_SOLVER_LOG=1 shows HiGHS's progress on stderr (its console log would go to
        // stdout, where --json prints).
        let log = std::env::var_os("SHIFTCAST_SOLVER_LOG").is_some();
        model.set_option("output_flag", log);
        model.set_option("log_to_console", false);
        if log {
            model.set_option("log_file", "/dev/stderr");
        }
        model.set_option("time_limit", seconds);
        model.set_option("mip_rel_gap", self.scenario.solver.relative_gap);
    }

    /// The plan when HiGHS has none by the deadline: staff off shift and every duty missed,
    /// hired part-timers covering what they can, greedily; when naming, each planned shift goes
    /// greedily to a member who can take it, or stays unnamed (also naming's start). It keeps
    /// every hard rule. `bound` is the best bound HiGHS proved (0 when it had no time: no plan
    /// costs less than nothing).
    pub(super) fn fallback(&self, bound: f64) -> Solved {
        let mut values = self.values_of(&[]);
        for (cell, r) in self.requirements.iter().enumerate() {
            if let Some(var) = self.shortfall[cell] {
                values.insert(var, f64::from(r.agents_required));
            }
        }
        for d in &self.duties {
            values.insert(d.missed, self.cohorts[d.cohort].size());
        }
        for f in &self.fills {
            values.insert(f.dropped, f64::from(f.count));
        }
        self.everyone_off_weekends(&mut values);
        self.cover_greedily(&mut values);
        self.name_greedily(&mut values);
        Solved {
            status: SolverStatus::Fallback,
            values,
            gap: None,
            bound,
            within_1pct: None,
        }
    }

    /// The gap of a fallback plan, once read back: its cost as the model counts it against the
    /// best bound proved.
    pub(super) fn fallback_gap(&self, schedule: &Schedule, solution: &Solved) -> f64 {
        relative_gap(self.plan_cost(schedule, solution), solution.bound)
    }

    /// A read-back plan's cost as the model counts it: pay, hiring, every agent-hour short, every
    /// missed duty, hour below a minimum and lead missing at their prices.
    pub(super) fn plan_cost(&self, schedule: &Schedule, solution: &Solved) -> f64 {
        let costs = &self.scenario.costs;
        let short: f64 = schedule.shortfall.iter().flatten().sum();
        let hours = self.scenario.horizon.interval_hours();
        let hired = self.part_timers.map_or(0.0, |v| solution.value(v));
        if let Some(value) = self.fewest_value(hired, short * hours) {
            return value;
        }
        let below: f64 = schedule.below_minimum.iter().map(|b| b.hours).sum();
        let leads_short: f64 = schedule.leads_short.iter().map(|(_, n)| n).sum();
        // Sessions are paid whatever the plan, so the model's cost leaves them out.
        schedule.pay - self.session_pay()
            + self.part_timers.map_or(0.0, |v| solution.value(v)) * self.head_price()
            + self.shortfall_cost(schedule)
            + schedule.missed_duties.len() as f64 * costs.phase_rule_penalty
            + below * costs.min_hours_per_hour
            + leads_short * hours * costs.lead_short_per_hour
    }

    /// What the plan's agent-hours short cost at their prices ([`Model::shortfall_price`]).
    fn shortfall_cost(&self, schedule: &Schedule) -> f64 {
        let hours = self.scenario.horizon.interval_hours();
        let mut cost = 0.0;
        for (q, row) in schedule.shortfall.iter().enumerate() {
            for (i, short) in row.iter().enumerate() {
                cost += short * hours * self.shortfall_price(self.cell(q, i));
            }
        }
        cost
    }

    /// Every variable's value from HiGHS's columns, which follow the variables' order (0 for
    /// any column missing).
    pub(super) fn values_of(&self, columns: &[f64]) -> HashMap<Variable, f64> {
        self.vars
            .iter_variables_with_def()
            .enumerate()
            .map(|(k, (v, _))| (v, columns.get(k).copied().unwrap_or(0.0)))
            .collect()
    }

    /// HiGHS's columns from every variable's value (0 for any missing).
    fn columns_of(&self, values: &HashMap<Variable, f64>) -> Vec<f64> {
        (self.vars.iter_variables_with_def())
            .map(|(v, _)| values.get(&v).copied().unwrap_or(0.0))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::model::{Model, Stage};
    use super::super::rules::Rule;
    use super::super::verify::{hourly_scenario, person, requirements, shift};
    use super::super::SolverStatus;
    use super::{proved_bound, Deadline, Solved};
    use crate::scenario::Scenario;
    use crate::staffing::Requirement;
    use good_lp::Solution;

    #[test]
    fn a_search_cut_short_with_no_bound_proves_nothing_about_its_plan() {
        // A plan costing 1,000: HiGHS's bound 900 beats the relaxation's 850; with no MIP
        // bound, the relaxation's stands. With neither, a finished model without integers
        // proves its own cost, but one cut short proves nothing (0, gap 100%): before, it
        // reported its cost, and the repairs after it a gap of 0.00%.
        assert_eq!(proved_bound(Some(900.0), 850.0, true, 1000.0), 900.0);
        assert_eq!(proved_bound(Some(800.0), 850.0, true, 1000.0), 850.0);
        assert_eq!(proved_bound(None, 850.0, true, 1000.0), 850.0);
        assert_eq!(proved_bound(None, 0.0, false, 1000.0), 1000.0);
        assert_eq!(proved_bound(None, 0.0, true, 1000.0), 0.0);
    }

    #[test]
    fn each_solve_gets_what_is_left_of_one_deadline() {
        // A 10 s run: after 3.5 s of forecast and a first solve, the next solve may take 6.5 s;
        // past 10 s nothing is left, so every later solve falls back at once.
        let deadline = Deadline::after(10.0);
        assert_eq!(deadline.seconds(), 10.0);
        assert_eq!(deadline.left_after(0.0), 10.0);
        assert_eq!(deadline.left_after(3.5), 6.5);
        assert_eq!(deadline.left_after(12.0), 0.0);
        assert!(deadline.left() <= 10.0);
    }

    #[test]
    fn with_no_time_left_the_plan_falls_back_and_blames_the_time_limit() {
        // Two days, one agent needed every hour; ana and bo (full-time shifts only, no
        // part-time shift) may work 8-hour shifts from 00:00, 08:00 or 16:00, and the main
        // group must be on duty 11-11 00:00-06:00. With the deadline already passed, nobody is
        // on a shift: all 48 hours are short and both duties missed. Either of them could have
        // worked any of those hours, so the reasons name the time limit, never rest or hours.
        let extra = format!(
            "{}{}{}[[phases]]\nname = \"open\"\nstart = \"2026-11-11T00:00\"\nend = \"2026-11-11T06:00\"\nmust = [\"main\"]\n",
            shift("early", "00:00", 8),
            shift("day", "08:00", 8),
            shift("late", "16:00", 8)
        );
        let s = hourly_scenario(&extra, &["presale"], 2);
        let staff = [person("ana", &["presale"]), person("bo", &["presale"])];
        let need = requirements(&s, |_, _| 1);
        let mut model = Model::new(&s, &staff, &need, Stage::Plan);
        model.deadline = Deadline::after(0.0);
        let plan = model.solve().unwrap();
        assert_eq!(plan.status, SolverStatus::Fallback);
        assert_eq!(plan.status.label(), "fallback");
        // Cost 48 h x 1000 short + 2 x 5000 missed duties against a bound of 0: gap 1.
        assert_eq!(plan.gap, Some(1.0));
        assert!(plan.shifts.is_empty());
        assert_eq!(plan.shortfall_reasons.len(), 48);
        assert_eq!(
            plan.shortfall_reasons[&(0, 0)],
            "the time limit (0 s) ended the search before this was planned: ana could still have served presale then without breaking rest, hours or days in a row; give it more time (--time-limit or solver.time_limit_seconds)"
        );
        assert!(plan
            .shortfall_reasons
            .values()
            .all(|r| r.starts_with("the time limit (0 s)") && !r.contains("rest (")));
        let duties: Vec<(&str, &str)> = plan
            .missed_duties
            .iter()
            .map(|m| (m.person.as_str(), m.reason.as_str()))
            .collect();
        assert_eq!(
            duties,
            [
                ("ana", "the time limit (0 s) ended the search before this was planned: ana could still take a shift overlapping 11-11 00:00 to 11-11 06:00 without breaking rest, hours or days in a row; give it more time (--time-limit or solver.time_limit_seconds)"),
                ("bo", "the time limit (0 s) ended the search before this was planned: bo could still take a shift overlapping 11-11 00:00 to 11-11 06:00 without breaking rest, hours or days in a row; give it more time (--time-limit or solver.time_limit_seconds)"),
            ]
        );
    }

    /// One day, 2 agents needed 00:00-08:00 and 1 agent 08:00-16:00; part-timers may work
    /// 8-hour shifts from 00:00 or 08:00 at 10 an hour; `extra` adds to the scenario.
    fn two_then_one(extra: &str) -> (Scenario, Vec<Requirement>) {
        let shifts = "[[shifts]]\nname = \"pt\"\nstart = \"00:00\"\nhours = 8\nkinds = [\"part-time\"]\n[[shifts]]\nname = \"pt8\"\nstart = \"08:00\"\nhours = 8\nkinds = [\"part-time\"]\n";
        let s = hourly_scenario(&format!("{shifts}{extra}"), &["presale"], 1);
        let need = requirements(&s, |_, i| match i {
            0..=7 => 2,
            8..=15 => 1,
            _ => 0,
        });
        (s, need)
    }

    #[test]
    fn with_no_time_left_part_timers_cover_greedily_within_the_cap() {
        // One day, 2 agents needed 00:00-08:00 and 1 agent 08:00-16:00; part-timers may work
        // 8-hour shifts from 00:00 or 08:00. The greedy cover hires 2 at 00:00 (16 agent-hours
        // covered) and 1 at 08:00: nothing short, 3 shifts, 3 part-timers (the 00:00 pair
        // rests 11 h after 08:00, so neither can come back at 08:00). Capped at 2, the 08:00
        // shift would need a third person: its 8 hours stay short, blamed on the cap.
        let (s, need) = two_then_one("");
        let mut model = Model::new(&s, &[], &need, Stage::Plan);
        model.deadline = Deadline::after(0.0);
        let plan = model.solve().unwrap();
        assert_eq!(plan.status, SolverStatus::Fallback);
        assert_eq!(plan.shifts.len(), 3);
        assert!(plan.shortfall_reasons.is_empty());
        // 3 shifts x 8 h x 10 + 3 part-timers x 1 (the tie-break per head) = 243, bound 0.
        assert_eq!(plan.pay, 240.0);
        assert_eq!(plan.gap, Some(1.0));
        let mut capped = Model::capped(&s, &[], &need, Stage::Plan, Some(2));
        capped.deadline = Deadline::after(0.0);
        let plan = capped.solve().unwrap();
        assert_eq!(plan.shifts.len(), 2);
        assert_eq!(plan.shortfall_reasons.len(), 8);
        assert_eq!(
            plan.shortfall_reasons[&(0, 8)],
            "part_timer_headcount: the plan may hire at most 2 part-timers (part_time.max_people or --max) and all are in use"
        );
    }

    #[test]
    fn with_no_time_left_and_no_head_count_part_timers_still_cover_greedily() {
        // The instance above with part_time.count_people = false: no head count to fill in,
        // the same 3 shifts cover every hour, and no tie-break is priced: 240 against a bound
        // of 0.
        let (s, need) = two_then_one("[part_time]\ncount_people = false\n");
        let mut model = Model::new(&s, &[], &need, Stage::Plan);
        model.deadline = Deadline::after(0.0);
        assert!(model.bands.is_empty());
        let plan = model.solve().unwrap();
        assert_eq!(plan.status, SolverStatus::Fallback);
        assert_eq!(plan.shifts.len(), 3);
        assert!(plan.shortfall_reasons.is_empty());
        assert_eq!(plan.pay, 240.0);
        assert_eq!(plan.gap, Some(1.0));
    }

    #[test]
    fn with_no_time_left_naming_gives_each_shift_to_a_member_who_can_take_it() {
        // The plan gave ana and bo's cohort two 00:00-08:00 shifts and one 08:00-16:00 shift on
        // 11-11. Greedy naming gives the first 00:00 shift to ana, the second to bo; the 08:00
        // shift would leave either no rest (11 h), so it stays unnamed: 1 dropped.
        let extra = format!("{}{}", shift("early", "00:00", 8), shift("day", "08:00", 8));
        let s = hourly_scenario(&extra, &["presale"], 1);
        let staff = [person("ana", &["presale"]), person("bo", &["presale"])];
        let plan = Model::new(&s, &staff, &[], Stage::Plan);
        let (early, day) = (
            plan.slot("early", "2026-11-11T00:00"),
            plan.slot("day", "2026-11-11T08:00"),
        );
        let stage = Stage::Name {
            members: vec![0, 1],
            counts: [(early, 2), (day, 1)].into_iter().collect(),
        };
        let mut naming = Model::new(&s, &staff, &[], stage);
        naming.deadline = Deadline::after(0.0);
        let names = naming.optimise().unwrap();
        assert_eq!(names.status, SolverStatus::Fallback);
        assert_eq!(taken(&naming, &names), [(0, early), (1, early)]);
        let dropped: f64 = naming.fills.iter().map(|f| names.value(f.dropped)).sum();
        assert_eq!(dropped, 1.0);
    }

    #[test]
    fn greedy_naming_goes_in_time_order_to_the_fewest_hours_keeping_days_off_together() {
        // One 08:00 shift a day, 11-11 to 11-14, for ana and bo; days off come in twos. 11-11:
        // both have 0 h, ana first. 11-12: bo (0 h). 11-13: ana has fewer hours but would have
        // one day off between two shifts, so bo. 11-14: ana (8 h against 16), after two days off.
        let extra = format!(
            "{}[rules]\ndays_off_together = 2\n",
            shift("day", "08:00", 8)
        );
        let s = hourly_scenario(&extra, &["presale"], 4);
        let staff = [person("ana", &["presale"]), person("bo", &["presale"])];
        let plan = Model::new(&s, &staff, &[], Stage::Plan);
        let days: Vec<usize> = (11..15)
            .map(|d| plan.slot("day", &format!("2026-11-{d}T08:00")))
            .collect();
        let stage = Stage::Name {
            members: vec![0, 1],
            counts: days.iter().map(|&slot| (slot, 1)).collect(),
        };
        let mut naming = Model::new(&s, &staff, &[], stage);
        naming.deadline = Deadline::after(0.0);
        let names = naming.optimise().unwrap();
        let mut named = taken(&naming, &names);
        named.sort_by_key(|&(person, slot)| (slot, person));
        assert_eq!(
            named,
            [(0, days[0]), (1, days[1]), (1, days[2]), (0, days[3])]
        );
        assert_eq!(naming.violations(Rule::DaysOffTogether, &names.values), 0);
    }

    /// (person, slot) of every staff shift a naming solve gave someone.
    fn taken(naming: &Model, names: &Solved) -> Vec<(usize, usize)> {
        (naming.staff_shifts.iter())
            .filter(|s| names.value(s.var) > 0.5)
            .map(|s| (naming.cohorts[s.cohort].members[0], s.slot))
            .collect()
    }
}
