//! People's contracts and the floor: minimum hours a week (a salaried full-timer's contract hours
//! are paid whether worked or not, so the plan uses them first), a lead on duty for every so many
//! agents, the sessions whole groups attend, and the hours people would like or rather not work.

use std::collections::BTreeSet;

use chrono::NaiveDateTime;
use good_lp::{constraint, variable, Constraint, Expression, Variable};

use super::model::{Model, Overtime, StaffShift};
use super::{Activity, PlannedShift, Segment};
use crate::scenario::Person;

/// Hours one cohort's week falls below its members' minimum (priced slack).
pub(super) struct BelowFloor {
    pub(super) cohort: usize,
    /// The plan's week ([`crate::time::Horizon::week_of`]).
    pub(super) week: usize,
    pub(super) var: Variable,
}

/// Hours a person's week fell below their minimum in the named plan.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BelowMinimum {
    /// The person's name.
    pub person: String,
    /// The plan's week, from 0.
    pub week: usize,
    /// Hours short of the minimum (pro rata for a part week).
    pub hours: f64,
}

impl Model<'_> {
    /// A below-minimum variable per cohort with minimum hours and week of the plan (naming has
    /// them too: each member's own weeks make the rule exact).
    pub(super) fn add_floor_vars(&mut self) {
        let weeks = self.scenario.horizon.weeks();
        for cohort in 0..self.cohorts.len() {
            if self
                .person_of(cohort)
                .floor_hours_per_week(&self.scenario.costs)
                .is_none()
            {
                continue;
            }
            for week in weeks.clone() {
                let var = self.vars.add(variable().min(0));
                self.below_floor.push(BelowFloor { cohort, week, var });
            }
        }
    }

    /// A week's overtime hours per cohort with contract hours, when overtime has a price.
    pub(super) fn add_overtime_vars(&mut self) {
        if self.scenario.costs.overtime_per_hour <= 0.0 {
            return;
        }
        for (cohort, c) in self.cohorts.iter().enumerate() {
            if self.staff[c.members[0]].contract_hours_per_week.is_none() {
                continue;
            }
            let weeks: BTreeSet<i64> = self
                .mine(cohort)
                .map(|s| self.week_of(&self.slots[s.slot]))
                .collect();
            for week in weeks {
                let var = self.vars.add(variable().min(0));
                self.overtime.push(Overtime { cohort, week, var });
            }
        }
    }

    /// A lead-short variable per interval when `rules.agents_per_lead` is set (the plan only:
    /// naming keeps the plan's shifts, so it keeps their leads).
    pub(super) fn add_lead_vars(&mut self) {
        if self.scenario.rules.agents_per_lead.is_none() || self.naming {
            return;
        }
        self.lead_short = (0..self.scenario.horizon.len())
            .map(|_| self.vars.add(variable().min(0)))
            .collect();
    }

    /// Each week a person works at least their minimum hours (`min_hours_per_week`, and for a
    /// salaried full-timer the contract hours), pro rata for a part week, sessions counted; a
    /// shortfall is priced slack, reported per person.
    pub(super) fn min_hours_per_week(&self) -> Vec<Constraint> {
        self.min_hours_before(self.scenario.horizon.end)
    }

    /// [`Model::min_hours_per_week`] owed by `end`: each week's minimum times the share of its
    /// days before `end`, to the nearest hour. A plan built a window of days at a time gives
    /// each window these rows, so the first days of a week do not take everyone's hours (the
    /// full minimum, with nobody on the days after yet) that the days after them need. Whole
    /// hours: with fractions, one window of the month with the rules on found no plan in its
    /// 2.9 s, HiGHS's root took it all.
    pub(super) fn min_hours_before(&self, end: NaiveDateTime) -> Vec<Constraint> {
        let horizon = &self.scenario.horizon;
        self.below_floor
            .iter()
            .map(|b| {
                let c = &self.cohorts[b.cohort];
                let worked = self
                    .mine(b.cohort)
                    .filter(|s| self.plan_week(s) == b.week)
                    .fold(Expression::from(b.var), |mut e, s| {
                        e.add_mul(self.slots[s.slot].hours(), s.var);
                        e
                    });
                let full = self.floor_in_week(self.person_of(b.cohort), b.week);
                let floor = match horizon.share_of_week_before(b.week, end) {
                    1.0 => full,
                    share => (full * share).round(),
                };
                constraint!(worked >= floor * c.size())
            })
            .collect()
    }

    /// Hours a person must work in `week` on shifts: their minimum pro rata, less sessions.
    pub(super) fn floor_in_week(&self, person: &Person, week: usize) -> f64 {
        let weekly = person
            .floor_hours_per_week(&self.scenario.costs)
            .unwrap_or(0.0);
        weekly * self.scenario.horizon.week_share(week) - self.session_hours(person, Some(week))
    }

    /// The plan's week a staff shift counts in (by its start).
    fn plan_week(&self, s: &StaffShift) -> usize {
        self.scenario
            .horizon
            .week_of(self.slots[s.slot].start.date())
    }

    /// In every interval at least one lead is on duty per `rules.agents_per_lead` agents on duty
    /// (shifts, breaks included; leads count as agents); a lead missing is priced slack.
    pub(super) fn lead_on_duty(&self) -> Vec<Constraint> {
        let Some(per_lead) = self.scenario.rules.agents_per_lead.map(f64::from) else {
            return Vec::new();
        };
        let count = self.scenario.horizon.len();
        let mut leads = vec![Expression::from(0.0); count];
        let mut agents = vec![Expression::from(0.0); count];
        for (&(_, slot), &var) in &self.on_shift {
            for &i in &self.slots[slot].cover {
                agents[i].add_mul(1.0, var);
            }
        }
        for s in &self.staff_shifts {
            let lead = self.person_of(s.cohort).lead;
            let counted = self.counted_on_shift(s);
            for &i in &self.slots[s.slot].cover {
                if !counted {
                    agents[i].add_mul(1.0, s.var);
                }
                if lead {
                    leads[i].add_mul(per_lead, s.var);
                }
            }
        }
        for s in &self.part_time_shifts {
            for &i in &self.slots[s.slot].cover {
                agents[i].add_mul(1.0, s.var);
            }
        }
        self.lead_short
            .iter()
            .zip(leads.into_iter().zip(agents))
            .map(|(short, (leads, agents))| constraint!(leads + per_lead * *short >= agents))
            .collect()
    }

    /// The cost of a staff shift from its person's preferences: minus weight x hours inside each
    /// stretch, times `costs.preference_per_hour`. A wish can make a shift's hours free but never
    /// pay for a shift by itself, so it is capped at the shift's wages.
    pub(super) fn preference_cost(&self, s: &StaffShift) -> f64 {
        let person = self.person_of(s.cohort);
        let slot = &self.slots[s.slot];
        let score: f64 = person
            .preferences
            .iter()
            .map(|p| p.score(slot.start, slot.end))
            .sum();
        let wages = person.wage(&self.scenario.costs) * slot.hours();
        (-score * self.scenario.costs.preference_per_hour).max(-wages)
    }

    /// Hours of sessions a person attends, in one week of the plan or (`None`) in all.
    pub(super) fn session_hours(&self, person: &Person, week: Option<usize>) -> f64 {
        self.scenario
            .sessions
            .iter()
            .filter(|s| s.attended_by(&person.group))
            .filter(|s| week.is_none_or(|w| self.scenario.horizon.week_of(s.start.date()) == w))
            .map(|s| s.hours())
            .sum()
    }

    /// Every session attendance as a shift of its own (not serving: one segment named after the
    /// session), so the roster, its grids and the pay show it.
    pub(super) fn session_shifts(&self) -> Vec<PlannedShift> {
        let mut shifts = Vec::new();
        for session in &self.scenario.sessions {
            for (p, person) in self.staff.iter().enumerate() {
                if !session.attended_by(&person.group) {
                    continue;
                }
                let inside = self.scenario.horizon.start.max(session.start)
                    ..self.scenario.horizon.end.min(session.end);
                shifts.push(PlannedShift {
                    person: Some(p),
                    queue: String::new(),
                    template: session.name.clone(),
                    start: session.start,
                    end: session.end,
                    segments: (inside.start < inside.end)
                        .then(|| Segment {
                            start: inside.start,
                            end: inside.end,
                            activity: Activity::Break(session.name.clone()),
                        })
                        .into_iter()
                        .collect(),
                });
            }
        }
        shifts
    }

    /// Pay for everyone's sessions, whatever the plan.
    pub(super) fn session_pay(&self) -> f64 {
        let costs = &self.scenario.costs;
        self.staff
            .iter()
            .map(|p| p.wage(costs) * self.session_hours(p, None))
            .sum()
    }

    /// Pay the named plan adds to its shifts' wages: sessions, and salaried full-timers'
    /// contract hours they were paid for but not given, week by week.
    pub(super) fn sessions_and_idle_pay(&self, named: &[(usize, usize)]) -> f64 {
        let costs = &self.scenario.costs;
        let mut pay = self.session_pay();
        for (p, person) in self.staff.iter().enumerate() {
            let wage = person.wage(costs);
            let Some(paid) = person.paid_hours_per_week(costs) else {
                continue;
            };
            for week in self.scenario.horizon.weeks() {
                let worked =
                    self.named_hours(named, p, week) + self.session_hours(person, Some(week));
                let due = paid * self.scenario.horizon.week_share(week);
                pay += wage * (due - worked).max(0.0);
            }
        }
        pay
    }

    /// Hours the named plan gives person `p` on shifts starting in `week`.
    fn named_hours(&self, named: &[(usize, usize)], p: usize, week: usize) -> f64 {
        named
            .iter()
            .filter(|&&(person, slot)| {
                person == p && self.scenario.horizon.week_of(self.slots[slot].start.date()) == week
            })
            .map(|&(_, slot)| self.slots[slot].hours())
            .sum()
    }

    /// Each person's weeks below their minimum in the named plan.
    pub(super) fn below_minimum(&self, named: &[(usize, usize)]) -> Vec<BelowMinimum> {
        self.weeks_below(named)
            .into_iter()
            .map(|(p, week, short)| BelowMinimum {
                person: self.staff[p].name.clone(),
                week,
                hours: (short * 100.0).round() / 100.0,
            })
            .collect()
    }

    /// Each person's weeks below their minimum in the named plan, as (person, week, hours
    /// short).
    pub(super) fn weeks_below(&self, named: &[(usize, usize)]) -> Vec<(usize, usize, f64)> {
        let mut below = Vec::new();
        for (p, person) in self.staff.iter().enumerate() {
            if person.floor_hours_per_week(&self.scenario.costs).is_none() {
                continue;
            }
            for week in self.scenario.horizon.weeks() {
                let short = self.floor_in_week(person, week) - self.named_hours(named, p, week);
                if short > 1e-6 {
                    below.push((p, week, short));
                }
            }
        }
        below
    }

    /// Leads missing per interval in the solved plan: (interval start, leads short).
    pub(super) fn leads_short(&self, value: impl Fn(Variable) -> f64) -> Vec<(NaiveDateTime, f64)> {
        self.lead_short
            .iter()
            .enumerate()
            .map(|(i, v)| (self.scenario.horizon.time_of(i), value(*v)))
            .filter(|(_, short)| *short > 1e-6)
            .map(|(t, short)| (t, (short * 100.0).round() / 100.0))
            .collect()
    }
}
