//! The repair model: from the first interval that can still change, how the people on shift
//! split over the queues, when breaks not yet begun are taken, and which extras are added, at
//! the least cost of pay, moves and agent-hours left short. A small MIP solved by HiGHS; each
//! constraint family below is one named function.
//!
//! People are counted per pool (skills and group), as the plan counts them: who of a pool
//! serves which queue is handed out afterwards (`moves`), the plan's own split kept wherever
//! the counts allow.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDateTime};
use good_lp::{
    constraint, highs, variable, Constraint, Expression, ProblemVariables, Solution, SolverModel,
    Variable,
};

use super::extras::{BreakWindow, Extra, MoveKind};
use crate::error::{Error, Result};
use crate::scenario::{Person, Scenario};
use crate::schedule::Pool;
use crate::staffing::Requirement;

/// Price of one agent serving another queue than planned for one interval: a move costs
/// nothing in pay, but nobody should be moved for nothing.
const SWITCH_PRICE: f64 = 1.0;

/// Price of taking a break at another time than planned, for the same reason.
const BREAK_MOVE_PRICE: f64 = 1.0;

/// A tie-break price on a new hire, per hour, on top of the pay (it is not reported as pay): a
/// standby part-timer on call is called before a stranger is hired for the same hours at the
/// same wage.
const NEW_HIRE_PRICE_PER_HOUR: f64 = 1.0;

/// Seconds the repair may take at most (the example's rest of the event day solves in a
/// fraction of a second).
const REPAIR_SECONDS: f64 = 20.0;

/// A person on a planned shift in the window.
#[derive(Debug, Clone)]
pub(super) struct Worker {
    /// The roster row of the shift.
    pub(super) row: usize,
    pub(super) pool: usize,
    /// Per window interval: inside the shift.
    pub(super) on_shift: Vec<bool>,
    /// Per window interval: the queue the plan has them on (None on a break or off shift).
    pub(super) planned: Vec<Option<usize>>,
    /// Per window interval: on a break already begun, which stays.
    pub(super) fixed_break: Vec<bool>,
    /// Breaks not yet begun, which may move inside their window.
    pub(super) breaks: Vec<MovableBreak>,
    /// The person is a lead (staff column `lead`).
    pub(super) lead: bool,
}

/// A break not yet begun: where it may fall and where the plan put it.
#[derive(Debug, Clone)]
pub(super) struct MovableBreak {
    pub(super) window: BreakWindow,
    pub(super) planned: NaiveDateTime,
}

/// The re-plan: the window's intervals from `first`, the people on shift, what may be added and
/// what is required.
pub(super) struct Day<'a> {
    pub(super) scenario: &'a Scenario,
    pub(super) staff: &'a [Person],
    pub(super) pools: &'a [Pool],
    /// Horizon index of the window's first interval, and how many it has.
    pub(super) first: usize,
    pub(super) len: usize,
    pub(super) workers: Vec<Worker>,
    pub(super) extras: Vec<Extra>,
    /// Requirements for the whole horizon, re-forecast, in scenario queue order then time.
    pub(super) requirements: &'a [Requirement],
    /// New part-timers the hiring cap still allows (None: no cap).
    pub(super) hires_left: Option<usize>,
}

/// The repaired window.
#[derive(Debug, Clone)]
pub(super) struct Repair {
    /// Per worker, per movable break: its start.
    pub(super) break_starts: Vec<Vec<NaiveDateTime>>,
    /// Per extra: how many take it (0 or 1; any number of new part-timers).
    pub(super) taken: Vec<u32>,
    /// Per extra, per break: the starts taken, each with how many take it.
    pub(super) extra_breaks: Vec<Vec<Vec<(NaiveDateTime, u32)>>>,
    /// (pool, window interval, queue): agents of the pool serving the queue then.
    pub(super) split: BTreeMap<(usize, usize, usize), u32>,
}

struct Vars {
    vars: ProblemVariables,
    /// Per worker, per break, per start: taken.
    breaks: Vec<Vec<Vec<Variable>>>,
    taken: Vec<Variable>,
    extra_breaks: Vec<Vec<Vec<Variable>>>,
    split: BTreeMap<(usize, usize, usize), Variable>,
    switched: BTreeMap<(usize, usize, usize), Variable>,
    short: BTreeMap<(usize, usize), Variable>,
    /// Per window interval, with `rules.agents_per_lead`: leads missing.
    leads_short: Vec<Variable>,
}

impl Day<'_> {
    fn time(&self, k: usize) -> NaiveDateTime {
        self.scenario.horizon.time_of(self.first + k)
    }

    /// Window intervals a break starting at `start` for `intervals` covers.
    fn covers(&self, start: NaiveDateTime, intervals: usize, k: usize) -> bool {
        let t = self.time(k);
        t >= start && t < start + self.scenario.horizon.interval() * intervals as i32
    }

    /// The staff member called `name`, if any (a part-timer the plan hires is none).
    pub(super) fn staff_member(&self, name: &str) -> Option<&Person> {
        self.staff.iter().find(|p| p.name == name)
    }

    /// Whether extra `c` is on duty (before breaks) in window interval `k`.
    fn extra_on(&self, c: usize, k: usize) -> bool {
        let t = self.time(k);
        self.extras[c].start <= t && t < self.extras[c].end
    }

    fn variables(&self) -> Vars {
        let mut vars = ProblemVariables::new();
        let breaks = self
            .workers
            .iter()
            .map(|w| {
                w.breaks
                    .iter()
                    .map(|b| vars.add_vector(variable().binary(), b.window.starts.len()))
                    .collect()
            })
            .collect();
        let taken: Vec<Variable> = self
            .extras
            .iter()
            .map(|e| match e.kind {
                MoveKind::AddPartTimer => vars.add(variable().integer().min(0)),
                _ => vars.add(variable().binary()),
            })
            .collect();
        let extra_breaks = self
            .extras
            .iter()
            .map(|e| {
                e.breaks
                    .iter()
                    .map(|b| vars.add_vector(variable().integer().min(0), b.starts.len()))
                    .collect()
            })
            .collect();
        let mut split = BTreeMap::new();
        let mut switched = BTreeMap::new();
        for k in 0..self.len {
            for (p, pool) in self.pools.iter().enumerate() {
                if !self.pool_present(p, k) {
                    continue;
                }
                for &q in &pool.queues {
                    if pool.may_serve(self.scenario, q, self.first + k) {
                        split.insert((p, k, q), vars.add(variable().integer().min(0)));
                    }
                    if self.planned(p, k, q) > 0 {
                        switched.insert((p, k, q), vars.add(variable().min(0)));
                    }
                }
            }
        }
        let mut short = BTreeMap::new();
        for q in 0..self.scenario.queues.len() {
            for k in 0..self.len {
                short.insert((q, k), vars.add(variable().min(0)));
            }
        }
        let leads_short = match self.scenario.rules.agents_per_lead {
            Some(_) => vars.add_vector(variable().min(0), self.len),
            None => Vec::new(),
        };
        Vars {
            leads_short,
            vars,
            breaks,
            taken,
            extra_breaks,
            split,
            switched,
            short,
        }
    }

    fn pool_present(&self, p: usize, k: usize) -> bool {
        self.workers.iter().any(|w| w.pool == p && w.on_shift[k])
            || (0..self.extras.len()).any(|c| self.extras[c].pool == p && self.extra_on(c, k))
    }

    /// Agents of pool `p` the plan has on queue `q` in window interval `k`.
    fn planned(&self, p: usize, k: usize, q: usize) -> usize {
        self.workers
            .iter()
            .filter(|w| w.pool == p && w.planned[k] == Some(q))
            .count()
    }

    /// Agents of pool `p` on duty in window interval `k`: on shift and not on a break.
    fn on_duty(&self, v: &Vars, p: usize, k: usize) -> Expression {
        let mut on = Expression::default();
        for (w, worker) in self.workers.iter().enumerate() {
            if worker.pool != p || !worker.on_shift[k] || worker.fixed_break[k] {
                continue;
            }
            on += 1.0;
            for (b, movable) in worker.breaks.iter().enumerate() {
                for (s, &start) in movable.window.starts.iter().enumerate() {
                    if self.covers(start, movable.window.intervals, k) {
                        on -= v.breaks[w][b][s];
                    }
                }
            }
        }
        for (c, extra) in self.extras.iter().enumerate() {
            if extra.pool != p || !self.extra_on(c, k) {
                continue;
            }
            on += v.taken[c];
            for (b, window) in extra.breaks.iter().enumerate() {
                for (s, &start) in window.starts.iter().enumerate() {
                    if self.covers(start, window.intervals, k) {
                        on -= v.extra_breaks[c][b][s];
                    }
                }
            }
        }
        on
    }

    /// Everyone on duty serves one queue their pool may serve then.
    fn split_on_duty(&self, v: &Vars) -> Vec<Constraint> {
        let mut rows = Vec::new();
        for k in 0..self.len {
            for p in 0..self.pools.len() {
                if !self.pool_present(p, k) {
                    continue;
                }
                let served: Expression = v
                    .split
                    .range((p, k, 0)..(p, k, usize::MAX))
                    .map(|(_, &n)| n)
                    .sum();
                rows.push(constraint!(served == self.on_duty(v, p, k)));
            }
        }
        rows
    }

    /// Every break not yet begun is taken once, at one start of its window; an added shift's
    /// breaks once per person who takes it.
    fn one_start_per_break(&self, v: &Vars) -> Vec<Constraint> {
        let mut rows = Vec::new();
        for per_break in &v.breaks {
            for starts in per_break {
                rows.push(constraint!(starts.iter().sum::<Expression>() == 1));
            }
        }
        for (c, per_break) in v.extra_breaks.iter().enumerate() {
            for starts in per_break {
                rows.push(constraint!(starts.iter().sum::<Expression>() == v.taken[c]));
            }
        }
        rows
    }

    /// A person is called in for one shift at most, and a shift is extended once at most.
    fn one_call_per_person(&self, v: &Vars) -> Vec<Constraint> {
        let mut by_person: BTreeMap<&str, Expression> = BTreeMap::new();
        for (c, extra) in self.extras.iter().enumerate() {
            if let (Some(name), MoveKind::CallIn | MoveKind::Extend) = (&extra.name, extra.kind) {
                *by_person.entry(name.as_str()).or_default() += v.taken[c];
            }
        }
        by_person
            .into_values()
            .map(|taken| constraint!(taken <= 1))
            .collect()
    }

    /// New part-timers stay within `part_time.max_people`, counting those already hired.
    fn hiring_cap(&self, v: &Vars) -> Vec<Constraint> {
        let Some(left) = self.hires_left else {
            return Vec::new();
        };
        let new: Expression = (0..self.extras.len())
            .filter(|&c| self.extras[c].kind == MoveKind::AddPartTimer)
            .map(|c| v.taken[c])
            .sum();
        vec![constraint!(new <= left as f64)]
    }

    /// Every queue has its re-forecast requirement in full agents, or the rest counts short.
    fn cover_requirement(&self, v: &Vars) -> Vec<Constraint> {
        let horizon = &self.scenario.horizon;
        let mut rows = Vec::new();
        for q in 0..self.scenario.queues.len() {
            for k in 0..self.len {
                let mut agents: Expression = v.short[&(q, k)].into();
                for (p, pool) in self.pools.iter().enumerate() {
                    if let Some(&n) = v.split.get(&(p, k, q)) {
                        agents += pool.weight(self.scenario, q) * n;
                    }
                }
                let need =
                    f64::from(self.requirements[horizon.cell(q, self.first + k)].agents_required);
                rows.push(constraint!(agents >= need));
            }
        }
        rows
    }

    /// Agents taken off the queue the plan had them on, per pool, queue and interval.
    fn count_switches(&self, v: &Vars) -> Vec<Constraint> {
        v.switched
            .iter()
            .map(|(&(p, k, q), &out)| {
                let planned = self.planned(p, k, q) as f64;
                let kept: Expression = v
                    .split
                    .get(&(p, k, q))
                    .map_or_else(Expression::default, |&n| n.into());
                constraint!(out + kept >= planned)
            })
            .collect()
    }

    /// With `rules.agents_per_lead`, one lead on shift per that many agents on shift (breaks
    /// included, leads counted as agents), as in the plan; a lead missing is priced slack.
    fn lead_on_duty(&self, v: &Vars) -> Vec<Constraint> {
        let Some(per_lead) = self.scenario.rules.agents_per_lead.map(f64::from) else {
            return Vec::new();
        };
        (0..self.len)
            .map(|k| {
                let mut agents = Expression::default();
                let mut leads = Expression::default();
                for w in self.workers.iter().filter(|w| w.on_shift[k]) {
                    agents += 1.0;
                    if w.lead {
                        leads += per_lead;
                    }
                }
                for (c, extra) in self.extras.iter().enumerate() {
                    if self.extra_on(c, k) {
                        agents += v.taken[c];
                        if extra.lead {
                            leads += per_lead * v.taken[c];
                        }
                    }
                }
                constraint!(leads + per_lead * v.leads_short[k] >= agents)
            })
            .collect()
    }

    fn objective(&self, v: &Vars) -> Expression {
        let shortfall_price =
            self.scenario.costs.shortfall_per_agent_hour * self.scenario.horizon.interval_hours();
        let mut cost = Expression::default();
        for (c, extra) in self.extras.iter().enumerate() {
            let hours = (extra.end - extra.start).num_minutes() as f64 / 60.0;
            let tie_break = match extra.kind {
                MoveKind::AddPartTimer => NEW_HIRE_PRICE_PER_HOUR * hours,
                _ => 0.0,
            };
            cost += (extra.pay + tie_break) * v.taken[c];
        }
        for (w, worker) in self.workers.iter().enumerate() {
            for (b, movable) in worker.breaks.iter().enumerate() {
                for (s, &start) in movable.window.starts.iter().enumerate() {
                    if start != movable.planned {
                        cost += BREAK_MOVE_PRICE * v.breaks[w][b][s];
                    }
                }
            }
        }
        cost += SWITCH_PRICE * v.switched.values().sum::<Expression>();
        cost += shortfall_price * v.short.values().sum::<Expression>();
        let lead_price =
            self.scenario.costs.lead_short_per_hour * self.scenario.horizon.interval_hours();
        cost += lead_price * v.leads_short.iter().sum::<Expression>();
        cost
    }

    /// Solves the repair model.
    pub(super) fn solve(&self) -> Result<Repair> {
        let v = self.variables();
        let mut problem = v
            .vars
            .clone()
            .minimise(self.objective(&v))
            .using(highs)
            .set_time_limit(REPAIR_SECONDS.min(self.scenario.solver.time_limit_seconds));
        problem.set_verbose(std::env::var_os("SHIFTCAST_SOLVER_LOG").is_some());
        let families = [
            self.split_on_duty(&v),
            self.one_start_per_break(&v),
            self.one_call_per_person(&v),
            self.hiring_cap(&v),
            self.cover_requirement(&v),
            self.count_switches(&v),
            self.lead_on_duty(&v),
        ];
        for row in families.into_iter().flatten() {
            problem.add_constraint(row);
        }
        let solution = problem
            .solve()
            .map_err(|e| Error::Solver(format!("HiGHS could not solve the day's repair: {e}")))?;
        let count = |var: Variable| solution.value(var).round().max(0.0) as u32;
        let break_starts = self
            .workers
            .iter()
            .zip(&v.breaks)
            .map(|(w, per_break)| {
                w.breaks
                    .iter()
                    .zip(per_break)
                    .map(|(b, starts)| {
                        let chosen = starts.iter().position(|&s| count(s) == 1);
                        chosen.map_or(b.planned, |s| b.window.starts[s])
                    })
                    .collect()
            })
            .collect();
        let extra_breaks = self
            .extras
            .iter()
            .zip(&v.extra_breaks)
            .map(|(e, per_break)| {
                e.breaks
                    .iter()
                    .zip(per_break)
                    .map(|(b, starts)| {
                        b.starts
                            .iter()
                            .zip(starts)
                            .map(|(&t, &s)| (t, count(s)))
                            .filter(|(_, n)| *n > 0)
                            .collect()
                    })
                    .collect()
            })
            .collect();
        Ok(Repair {
            break_starts,
            taken: v.taken.iter().map(|&t| count(t)).collect(),
            extra_breaks,
            split: v.split.iter().map(|(&key, &n)| (key, count(n))).collect(),
        })
    }
}

/// The end of a break of `intervals` starting at `start`.
pub(super) fn break_end(
    scenario: &Scenario,
    start: NaiveDateTime,
    intervals: usize,
) -> NaiveDateTime {
    start + Duration::minutes(i64::from(scenario.horizon.interval_minutes) * intervals as i64)
}
