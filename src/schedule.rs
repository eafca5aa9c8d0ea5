//! The shift plan, as one mixed-integer model solved by HiGHS through good_lp.
//!
//! Decisions: which named person works which shift (template x day x queue), how many hired
//! part-timers work each part-time shift, and how many agent-hours stay short. Shifts may start the
//! day before the horizon or run past its end (overnight shifts at the event start); they cost
//! their full length but cover only the intervals inside the horizon.
//!
//! Who may take a shift at all is decided by the candidate rules (`has_skill`, `is_available`,
//! `fits_daily_hours`, `phase_allows_group`); what must hold between shifts is the list of
//! constraint families below, each a named function. Shortfall and missed phase duties are priced
//! slack, so the model always has a plan and the report lists what it could not meet.

use chrono::{Duration, NaiveDateTime};
use good_lp::{
    constraint, highs, variable, Constraint, Expression, ProblemVariables, Solution,
    SolutionStatus, SolverModel, Variable,
};

use crate::error::{Error, Result};
use crate::scenario::{Kind, Person, Phase, Scenario, PART_TIME_GROUP};
use crate::staffing::Requirement;

/// Price added per hired part-timer so equal-cost plans prefer fewer people (yuan).
const HEAD_TIE_BREAK: f64 = 1.0;

/// One possible shift: a template started on one day, serving one queue.
#[derive(Debug, Clone, PartialEq)]
pub struct ShiftSlot {
    pub template: String,
    pub queue: usize,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub kinds: Vec<Kind>,
}

impl ShiftSlot {
    fn hours(&self) -> f64 {
        (self.end - self.start).num_minutes() as f64 / 60.0
    }

    fn covers(&self, t: NaiveDateTime) -> bool {
        self.start <= t && t < self.end
    }

    fn overlaps(&self, from: NaiveDateTime, to: NaiveDateTime) -> bool {
        self.start < to && from < self.end
    }
}

/// A shift in the plan; `person` is an index into the staff list, `None` for a hired part-timer.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedShift {
    pub person: Option<usize>,
    pub queue: String,
    pub template: String,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
}

/// A phase duty the plan could not meet, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct MissedDuty {
    pub phase: String,
    pub person: String,
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SolverStatus {
    Optimal,
    /// Stopped at the time limit with the best plan found so far.
    TimeLimit,
    /// Stopped within the allowed optimality gap.
    GapLimit,
}

impl SolverStatus {
    pub fn label(self) -> &'static str {
        match self {
            SolverStatus::Optimal => "optimal",
            SolverStatus::TimeLimit => "time-limit",
            SolverStatus::GapLimit => "within-gap",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    pub status: SolverStatus,
    pub shifts: Vec<PlannedShift>,
    /// Agents on duty per queue (scenario order) per horizon interval.
    pub scheduled: Vec<Vec<u32>>,
    /// Agents missing per queue per interval.
    pub shortfall: Vec<Vec<f64>>,
    pub missed_duties: Vec<MissedDuty>,
}

/// Plans shifts for the requirements; `requirements` are in scenario queue order, interval order.
pub fn schedule(
    scenario: &Scenario,
    staff: &[Person],
    requirements: &[Requirement],
) -> Result<Schedule> {
    schedule_with_part_timers(scenario, staff, requirements, None)
}

/// [`schedule`] with at most `part_timers` hired part-timers (None: as many as pay off).
pub fn schedule_with_part_timers(
    scenario: &Scenario,
    staff: &[Person],
    requirements: &[Requirement],
    part_timers: Option<u32>,
) -> Result<Schedule> {
    let mut model = Model::new(scenario, staff, requirements);
    model.part_timer_cap = part_timers;
    model.solve()
}

/// The requirements with each phase's `min_agents` as a floor in its intervals and queues (rule
/// `phase_minimum_agents`: the main force is on duty at 00:00 even if the forecast is low).
pub fn with_phase_minimums(
    scenario: &Scenario,
    mut requirements: Vec<Requirement>,
) -> Vec<Requirement> {
    for phase in scenario.phases.iter().filter(|p| p.min_agents > 0) {
        for r in requirements.iter_mut() {
            if phase.start <= r.time && r.time < phase.end && phase.queues.contains(&r.queue) {
                r.agents_required = r.agents_required.max(phase.min_agents);
            }
        }
    }
    requirements
}

/// Every shift slot overlapping the horizon, in template, day, queue order.
pub fn shift_slots(scenario: &Scenario) -> Vec<ShiftSlot> {
    let horizon = &scenario.horizon;
    let first_day = horizon.start.date() - Duration::days(1);
    let last_day = (horizon.end - Duration::minutes(1)).date();
    let mut slots = Vec::new();
    for template in &scenario.shifts {
        let mut day = first_day;
        while day <= last_day {
            let start = day.and_time(template.start);
            let end = start + Duration::minutes(template.minutes.into());
            if start < horizon.end && end > horizon.start {
                for queue in 0..scenario.queues.len() {
                    slots.push(ShiftSlot {
                        template: template.name.clone(),
                        queue,
                        start,
                        end,
                        kinds: template.kinds.clone(),
                    });
                }
            }
            day += Duration::days(1);
        }
    }
    slots
}

// ---- candidate rules: who may take a shift at all ----

/// The person is trained for the shift's queue.
fn has_skill(scenario: &Scenario, person: &Person, slot: &ShiftSlot) -> bool {
    person.skills.contains(&scenario.queues[slot.queue].name)
}

/// Every interval of the shift lies in the person's daily window and on none of their days off.
fn is_available(scenario: &Scenario, person: &Person, slot: &ShiftSlot) -> bool {
    let step = scenario.horizon.interval();
    let mut t = slot.start;
    while t < slot.end {
        if !person.available.contains(t) || person.days_off.contains(&t.date()) {
            return false;
        }
        t += step;
    }
    true
}

/// The shift alone is within the person's daily hours.
fn fits_daily_hours(person: &Person, slot: &ShiftSlot) -> bool {
    slot.hours() <= person.max_hours_per_day + 1e-9
}

/// Every phase the shift overlaps on its queue lets the group work then.
fn phase_allows_group(phases: &[Phase], queue: &str, group: &str, slot: &ShiftSlot) -> bool {
    phases.iter().all(|p| {
        p.may.is_empty()
            || !p.queues.iter().any(|q| q == queue)
            || !slot.overlaps(p.start, p.end)
            || p.may.iter().any(|g| g == group)
    })
}

struct StaffShift {
    person: usize,
    slot: usize,
    var: Variable,
}

struct PartTimeShift {
    slot: usize,
    var: Variable,
}

struct Duty {
    phase: usize,
    person: usize,
    missed: Variable,
}

struct Model<'a> {
    scenario: &'a Scenario,
    staff: &'a [Person],
    requirements: &'a [Requirement],
    slots: Vec<ShiftSlot>,
    vars: ProblemVariables,
    staff_shifts: Vec<StaffShift>,
    part_time_shifts: Vec<PartTimeShift>,
    /// Indexed queue x interval.
    shortfall: Vec<Variable>,
    duties: Vec<Duty>,
    /// Part-timers to hire: at least the most working or resting at one moment.
    part_timers: Variable,
    part_timer_cap: Option<u32>,
}

impl<'a> Model<'a> {
    fn new(scenario: &'a Scenario, staff: &'a [Person], requirements: &'a [Requirement]) -> Self {
        let slots = shift_slots(scenario);
        let mut vars = ProblemVariables::new();
        let mut staff_shifts = Vec::new();
        for (person_index, person) in staff.iter().enumerate() {
            for (slot_index, slot) in slots.iter().enumerate() {
                let queue = &scenario.queues[slot.queue].name;
                if slot.kinds.contains(&Kind::FullTime)
                    && has_skill(scenario, person, slot)
                    && is_available(scenario, person, slot)
                    && fits_daily_hours(person, slot)
                    && phase_allows_group(&scenario.phases, queue, &person.group, slot)
                {
                    staff_shifts.push(StaffShift {
                        person: person_index,
                        slot: slot_index,
                        var: vars.add(variable().binary()),
                    });
                }
            }
        }
        let part_time_shifts = slots
            .iter()
            .enumerate()
            .filter(|(_, slot)| {
                let queue = &scenario.queues[slot.queue].name;
                slot.kinds.contains(&Kind::PartTime)
                    && phase_allows_group(&scenario.phases, queue, PART_TIME_GROUP, slot)
            })
            .map(|(slot, _)| PartTimeShift {
                slot,
                var: vars.add(variable().integer().min(0)),
            })
            .collect();
        let shortfall = requirements
            .iter()
            .map(|r| vars.add(variable().min(0).max(f64::from(r.agents_required))))
            .collect();
        let part_timers = vars.add(variable().integer().min(0));
        let mut duties = Vec::new();
        for (phase_index, phase) in scenario.phases.iter().enumerate() {
            for (person_index, person) in staff.iter().enumerate() {
                if phase.must.contains(&person.group) {
                    duties.push(Duty {
                        phase: phase_index,
                        person: person_index,
                        missed: vars.add(variable().min(0).max(1)),
                    });
                }
            }
        }
        Model {
            scenario,
            staff,
            requirements,
            slots,
            vars,
            staff_shifts,
            part_time_shifts,
            shortfall,
            duties,
            part_timers,
            part_timer_cap: None,
        }
    }

    /// Pay for every worked hour, plus the price of each agent-hour short and each missed duty.
    fn cost(&self) -> Expression {
        let costs = &self.scenario.costs;
        let interval_hours = self.scenario.horizon.interval_hours();
        let mut cost = Expression::from(0.0);
        for s in &self.staff_shifts {
            cost.add_mul(self.slots[s.slot].hours() * costs.full_time_per_hour, s.var);
        }
        for s in &self.part_time_shifts {
            cost.add_mul(self.slots[s.slot].hours() * costs.part_time_per_hour, s.var);
        }
        for v in &self.shortfall {
            cost.add_mul(interval_hours * costs.shortfall_per_agent_hour, *v);
        }
        for d in &self.duties {
            cost.add_mul(costs.phase_rule_penalty, d.missed);
        }
        // The small extra per head makes the plan hire no more people than its shifts need
        // when several rosters cost the same.
        cost.add_mul(
            costs.part_time_per_person + HEAD_TIE_BREAK,
            self.part_timers,
        );
        cost
    }

    // ---- constraint families ----

    /// Agents on duty plus the reported shortfall reach the requirement in every queue and interval.
    fn cover_requirement(&self) -> Vec<Constraint> {
        let times = self.scenario.horizon.times();
        let mut on_duty: Vec<Expression> = vec![Expression::from(0.0); self.requirements.len()];
        let mut add = |slot: &ShiftSlot, var: Variable| {
            for (i, t) in times.iter().enumerate() {
                if slot.covers(*t) {
                    on_duty[slot.queue * times.len() + i].add_mul(1.0, var);
                }
            }
        };
        for s in &self.staff_shifts {
            add(&self.slots[s.slot], s.var);
        }
        for s in &self.part_time_shifts {
            add(&self.slots[s.slot], s.var);
        }
        on_duty
            .into_iter()
            .zip(&self.shortfall)
            .zip(self.requirements)
            .map(|((agents, short), r)| {
                constraint!(agents + *short >= f64::from(r.agents_required))
            })
            .collect()
    }

    /// A person works one shift at a time and rests `min_rest_hours` after each before the next.
    fn one_shift_at_a_time_with_rest(&self) -> Vec<Constraint> {
        let rest = Duration::minutes((self.scenario.min_rest_hours * 60.0).round() as i64);
        let mut rows = Vec::new();
        for person in 0..self.staff.len() {
            let mine: Vec<&StaffShift> = self
                .staff_shifts
                .iter()
                .filter(|s| s.person == person)
                .collect();
            let mut starts: Vec<NaiveDateTime> =
                mine.iter().map(|s| self.slots[s.slot].start).collect();
            starts.sort();
            starts.dedup();
            // Busy windows (shift plus rest) are intervals on a line: it is enough to allow at most
            // one of them to contain each shift start.
            for t in starts {
                let busy: Vec<Variable> = mine
                    .iter()
                    .filter(|s| {
                        let slot = &self.slots[s.slot];
                        slot.start <= t && t < slot.end + rest
                    })
                    .map(|s| s.var)
                    .collect();
                if busy.len() > 1 {
                    rows.push(constraint!(
                        busy.iter().fold(Expression::from(0.0), |e, v| e + *v) <= 1
                    ));
                }
            }
        }
        rows
    }

    /// A person works at most `max_hours_per_day` on shifts starting that day, and at most
    /// `max_hours_per_week` in each 7 days from the first day of the plan.
    fn daily_and_weekly_hours(&self) -> Vec<Constraint> {
        let first_day = self.scenario.horizon.start.date() - Duration::days(1);
        let mut rows = Vec::new();
        for (index, person) in self.staff.iter().enumerate() {
            let mine: Vec<&StaffShift> = self
                .staff_shifts
                .iter()
                .filter(|s| s.person == index)
                .collect();
            let day_of = |s: &StaffShift| (self.slots[s.slot].start.date() - first_day).num_days();
            let limits = [
                (1, person.max_hours_per_day),
                (7, person.max_hours_per_week),
            ];
            for (days, limit) in limits {
                let mut groups: Vec<(i64, Vec<&StaffShift>)> = Vec::new();
                for s in &mine {
                    let block = day_of(s) / days;
                    match groups.iter_mut().find(|(b, _)| *b == block) {
                        Some((_, list)) => list.push(s),
                        None => groups.push((block, vec![s])),
                    }
                }
                for (_, list) in groups {
                    let most: f64 = list.iter().map(|s| self.slots[s.slot].hours()).sum();
                    if most > limit + 1e-9 {
                        let hours = list.iter().fold(Expression::from(0.0), |mut e, s| {
                            e.add_mul(self.slots[s.slot].hours(), s.var);
                            e
                        });
                        rows.push(constraint!(hours <= limit));
                    }
                }
            }
        }
        rows
    }

    /// Every member of a phase's `must` groups works a shift overlapping the phase on one of its
    /// queues; a miss is priced slack and reported with its reason.
    fn phase_must_be_on_duty(&self) -> Vec<Constraint> {
        self.duties
            .iter()
            .map(|d| {
                let on_duty = self
                    .duty_shifts(d)
                    .fold(Expression::from(0.0), |e, s| e + s.var);
                constraint!(on_duty + d.missed >= 1)
            })
            .collect()
    }

    /// Hired part-timers number at least the most part-time shifts working or resting at one
    /// moment (and at most the cap, when asked): shifts plus rest are intervals on a line, so
    /// that most is exactly the least number of people who can work them, which the roster uses.
    fn part_timer_headcount(&self) -> Vec<Constraint> {
        let mut rows: Vec<Constraint> = self
            .part_timer_cap
            .map(|cap| constraint!(self.part_timers <= f64::from(cap)))
            .into_iter()
            .collect();
        let rest = Duration::minutes((self.scenario.min_rest_hours * 60.0).round() as i64);
        let mut starts: Vec<NaiveDateTime> = self
            .part_time_shifts
            .iter()
            .map(|s| self.slots[s.slot].start)
            .collect();
        starts.sort();
        starts.dedup();
        rows.extend(starts.into_iter().map(|t| {
            let busy = self
                .part_time_shifts
                .iter()
                .filter(|s| {
                    let slot = &self.slots[s.slot];
                    slot.start <= t && t < slot.end + rest
                })
                .fold(Expression::from(0.0), |e, s| e + s.var);
            constraint!(busy <= self.part_timers)
        }));
        rows
    }

    fn duty_shifts<'b>(&'b self, duty: &'b Duty) -> impl Iterator<Item = &'b StaffShift> + 'b {
        let phase = &self.scenario.phases[duty.phase];
        self.staff_shifts.iter().filter(move |s| {
            let slot = &self.slots[s.slot];
            s.person == duty.person
                && slot.overlaps(phase.start, phase.end)
                && phase
                    .queues
                    .contains(&self.scenario.queues[slot.queue].name)
        })
    }

    fn solve(self) -> Result<Schedule> {
        let mut problem = self
            .vars
            .clone()
            .minimise(self.cost())
            .using(highs)
            .set_option("output_flag", false)
            .set_time_limit(self.scenario.solver.time_limit_seconds);
        problem = problem
            .set_mip_rel_gap(self.scenario.solver.relative_gap as f32)
            .map_err(|e| Error::Solver(e.to_string()))?;
        let families = [
            self.cover_requirement(),
            self.one_shift_at_a_time_with_rest(),
            self.daily_and_weekly_hours(),
            self.phase_must_be_on_duty(),
            self.part_timer_headcount(),
        ];
        for row in families.into_iter().flatten() {
            problem.add_constraint(row);
        }
        let solution = problem.solve().map_err(|e| Error::Solver(e.to_string()))?;
        Ok(self.read(&solution))
    }

    fn read(&self, solution: &impl Solution) -> Schedule {
        let status = match solution.status() {
            SolutionStatus::Optimal => SolverStatus::Optimal,
            SolutionStatus::TimeLimit => SolverStatus::TimeLimit,
            SolutionStatus::GapLimit => SolverStatus::GapLimit,
        };
        let count = |v: Variable| solution.value(v).round().max(0.0) as u32;
        let planned = |slot: &ShiftSlot, person| PlannedShift {
            person,
            queue: self.scenario.queues[slot.queue].name.clone(),
            template: slot.template.clone(),
            start: slot.start,
            end: slot.end,
        };
        let mut shifts = Vec::new();
        for s in self.staff_shifts.iter().filter(|s| count(s.var) == 1) {
            shifts.push(planned(&self.slots[s.slot], Some(s.person)));
        }
        for s in &self.part_time_shifts {
            for _ in 0..count(s.var) {
                shifts.push(planned(&self.slots[s.slot], None));
            }
        }
        shifts.sort_by(|a, b| (a.start, &a.queue, a.person).cmp(&(b.start, &b.queue, b.person)));

        let times = self.scenario.horizon.times();
        let queues = self.scenario.queues.len();
        let mut scheduled = vec![vec![0u32; times.len()]; queues];
        for shift in &shifts {
            let q = self
                .scenario
                .queues
                .iter()
                .position(|q| q.name == shift.queue)
                .unwrap_or(0);
            for (i, t) in times.iter().enumerate() {
                if shift.start <= *t && *t < shift.end {
                    scheduled[q][i] += 1;
                }
            }
        }
        let shortfall = (0..queues)
            .map(|q| {
                (0..times.len())
                    .map(|i| {
                        let r = &self.requirements[q * times.len() + i];
                        f64::from(r.agents_required.saturating_sub(scheduled[q][i]))
                    })
                    .collect()
            })
            .collect();
        let missed_duties = self
            .duties
            .iter()
            .filter(|d| self.duty_shifts(d).all(|s| count(s.var) == 0))
            .map(|d| self.missed_duty(d))
            .collect();
        Schedule {
            status,
            shifts,
            scheduled,
            shortfall,
            missed_duties,
        }
    }

    fn missed_duty(&self, duty: &Duty) -> MissedDuty {
        let phase = &self.scenario.phases[duty.phase];
        let person = &self.staff[duty.person];
        let reason = if self.duty_shifts(duty).next().is_none() {
            format!(
                "no shift template overlapping {} to {} fits {}'s skills, hours available ({}), days off and daily hours",
                phase.start.format("%m-%d %H:%M"),
                phase.end.format("%m-%d %H:%M"),
                person.name,
                window_label(person),
            )
        } else {
            format!(
                "{} cannot take a shift overlapping {} to {} without breaking rest ({} h) or weekly hours",
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
