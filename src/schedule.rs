//! The shift plan, as one mixed-integer model solved by HiGHS through good_lp.
//!
//! Decisions: which named person works which shift (template x day x start x length), how many
//! hired part-timers work each part-time shift, where everyone's breaks fall, which queue each
//! cross-trained agent serves in each interval, and how many agent-hours stay short. Shifts may
//! start the day before the horizon or run past its end (overnight shifts at the event start);
//! they cost their full length but cover only the intervals inside the horizon. In a cyclic
//! horizon (a standard week) they wrap around to its start instead.
//!
//! People with the same skills and group form a pool; the model counts each pool's agents on duty
//! and splits them over their queues interval by interval, which is exact: any split of a pool's
//! heads can be handed to its members. Who may take a shift at all is decided by the candidate
//! rules (`has_skill`, `is_available`, `fits_daily_hours`, `phase_allows_group`,
//! `part_time_length_allowed`); what must hold between shifts is the list of constraint families
//! in [`Model::constraint_families`], each a named function. Shortfall and missed phase duties
//! are priced slack, so the model always has a plan and the report names what it could not meet.

use std::collections::BTreeMap;

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

/// One possible shift: a template started at one moment for one of its lengths.
#[derive(Debug, Clone, PartialEq)]
pub struct ShiftSlot {
    pub template: usize,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    /// Horizon intervals the shift covers, in time order.
    cover: Vec<usize>,
}

impl ShiftSlot {
    fn hours(&self) -> f64 {
        (self.end - self.start).num_minutes() as f64 / 60.0
    }
}

/// What a person does in part of a shift.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Activity {
    Queue(String),
    Break(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub activity: Activity,
}

/// A shift in the plan; `person` is an index into the staff list, `None` for a hired part-timer.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedShift {
    pub person: Option<usize>,
    /// The queue served most of the shift.
    pub queue: String,
    pub template: String,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    /// Queue and break periods inside the horizon, in time order.
    pub segments: Vec<Segment>,
}

/// Readable plan of a shift, e.g. "presale 09:00-12:00, meal 12:00-13:00, aftersale 13:00-17:00".
/// `name` turns queue and break names into the reader's language.
pub fn describe(segments: &[Segment], name: &dyn Fn(&str) -> String) -> String {
    segments
        .iter()
        .map(|s| {
            let what = match &s.activity {
                Activity::Queue(q) | Activity::Break(q) => name(q),
            };
            format!(
                "{what} {}-{}",
                s.start.format("%H:%M"),
                s.end.format("%H:%M")
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
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
    /// Agents serving each queue (scenario order) per horizon interval, breaks excluded.
    pub scheduled: Vec<Vec<u32>>,
    /// Of `scheduled`, the cross-trained agents lent to the queue then (the model's split).
    pub cross_trained: Vec<Vec<u32>>,
    /// Of `scheduled`, the hired part-timers.
    pub part_time: Vec<Vec<u32>>,
    /// The same in full agents: a new part-timer counts as `part_time_weight` of one.
    pub effective: Vec<Vec<f64>>,
    /// Agents missing per queue per interval (requirement minus effective agents, at least 0).
    pub shortfall: Vec<Vec<f64>>,
    /// Why each short queue and interval stays short, keyed like `shortfall`.
    pub shortfall_reasons: BTreeMap<(usize, usize), String>,
    pub missed_duties: Vec<MissedDuty>,
    /// Wages, per-shift pay, night premium and overtime of every planned shift (hiring prices
    /// per part-timer are added by the report, which knows the head count).
    pub pay: f64,
}

/// Plans shifts for the requirements; `requirements` are in scenario queue order, interval order.
pub fn schedule(
    scenario: &Scenario,
    staff: &[Person],
    requirements: &[Requirement],
) -> Result<Schedule> {
    schedule_with_part_timers(scenario, staff, requirements, scenario.part_time.max_people)
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

/// A night shift has at least half its hours in the `costs.night` window.
pub fn is_night_shift(scenario: &Scenario, start: NaiveDateTime, end: NaiveDateTime) -> bool {
    2.0 * night_hours(scenario, start, end) >= (end - start).num_minutes() as f64 / 60.0
}

/// The horizon's clock: interval indexes of moments, wrapped when the horizon is cyclic.
struct Clock {
    start: NaiveDateTime,
    end: NaiveDateTime,
    step: Duration,
    cyclic: bool,
}

impl Clock {
    fn new(scenario: &Scenario) -> Self {
        let h = &scenario.horizon;
        Clock {
            start: h.start,
            end: h.end,
            step: h.interval(),
            cyclic: h.cyclic,
        }
    }

    fn span(&self) -> Duration {
        self.end - self.start
    }

    /// The interval holding `t`: None outside a non-cyclic horizon.
    fn index(&self, t: NaiveDateTime) -> Option<usize> {
        let mut offset = (t - self.start).num_minutes();
        if self.cyclic {
            offset = offset.rem_euclid(self.span().num_minutes());
        } else if t < self.start || t >= self.end {
            return None;
        }
        Some((offset / self.step.num_minutes()) as usize)
    }

    /// Intervals from `from` up to `to`, in time order.
    fn intervals(&self, from: NaiveDateTime, to: NaiveDateTime) -> Vec<usize> {
        let mut out = Vec::new();
        let mut t = from;
        while t < to {
            out.extend(self.index(t));
            t += self.step;
        }
        out
    }

    /// Whether `t` falls in the window of `length` from `from` (going round a cyclic horizon).
    fn within(&self, from: NaiveDateTime, length: Duration, t: NaiveDateTime) -> bool {
        let mut d = t - from;
        if self.cyclic {
            d = Duration::minutes(d.num_minutes().rem_euclid(self.span().num_minutes()));
        }
        d >= Duration::zero() && d < length
    }
}

/// Every shift slot the plan can use, in template, day, start, length order.
fn shift_slots(scenario: &Scenario, clock: &Clock) -> Vec<ShiftSlot> {
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
                if horizon.cyclic && start >= horizon.end {
                    start -= clock.span();
                }
                for &length in &template.lengths {
                    let end = start + Duration::minutes(length.into());
                    if horizon.cyclic || (start < horizon.end && end > horizon.start) {
                        slots.push(ShiftSlot {
                            template: index,
                            start,
                            end,
                            cover: clock.intervals(start, end),
                        });
                    }
                }
            }
            day += Duration::days(1);
        }
    }
    slots
}

// ---- candidate rules: who may take a shift at all ----

/// The person is trained for at least one queue.
fn has_skill(scenario: &Scenario, person: &Person) -> bool {
    scenario
        .queues
        .iter()
        .any(|q| person.skills.contains(&q.name))
}

/// Every interval of the shift lies in the person's daily window and on none of their days off.
fn is_available(scenario: &Scenario, person: &Person, slot: &ShiftSlot) -> bool {
    every_step(scenario, slot, |t| {
        person.available.contains(t) && !person.days_off.contains(&t.date())
    })
}

/// The shift alone is within the person's daily hours.
fn fits_daily_hours(person: &Person, slot: &ShiftSlot) -> bool {
    slot.hours() <= person.max_hours_per_day + 1e-9
}

/// The shift's length is one the part-time contract allows, and part-timers can come then.
fn part_time_length_allowed(scenario: &Scenario, slot: &ShiftSlot) -> bool {
    let pool = &scenario.part_time;
    let minutes = (slot.end - slot.start).num_minutes() as u32;
    (pool.min_shift_minutes..=pool.max_shift_minutes).contains(&minutes)
        && every_step(scenario, slot, |t| pool.is_available(t))
}

/// In every interval of the shift some queue of the person's lets their group work then.
fn phase_allows_group(
    scenario: &Scenario,
    queues: &[String],
    group: &str,
    slot: &ShiftSlot,
) -> bool {
    every_step(scenario, slot, |t| {
        queues
            .iter()
            .any(|q| group_may_serve(&scenario.phases, q, group, t))
    })
}

/// No phase in force at `t` on `queue` keeps `group` out of it.
fn group_may_serve(phases: &[Phase], queue: &str, group: &str, t: NaiveDateTime) -> bool {
    phases.iter().all(|p| {
        p.may.is_empty()
            || !(p.start <= t && t < p.end)
            || !p.queues.iter().any(|q| q == queue)
            || p.may.iter().any(|g| g == group)
    })
}

fn every_step(scenario: &Scenario, slot: &ShiftSlot, ok: impl Fn(NaiveDateTime) -> bool) -> bool {
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

/// People who share skills and group, or the hired part-timers: their agents on duty are split
/// over `queues` interval by interval.
struct Pool {
    queues: Vec<usize>,
    group: String,
    part_time: bool,
}

/// A pool's workers free (not on a break) in one interval, and the model's count per queue.
struct PoolShare {
    pool: usize,
    free: Vec<usize>,
    wanted: Vec<(usize, usize)>,
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

/// How many of a pool's people on one slot take break `number` at `offset` minutes in.
struct BreakChoice {
    pool: usize,
    slot: usize,
    number: usize,
    offset: u32,
    var: Variable,
}

struct Duty {
    phase: usize,
    person: usize,
    missed: Variable,
}

/// Hours one person works above contract in one week, paid at the overtime price.
struct Overtime {
    person: usize,
    week: i64,
    var: Variable,
}

/// Most and fewest night shifts among one group's members.
struct NightSpread {
    group: String,
    most: Variable,
    fewest: Variable,
}

struct Model<'a> {
    scenario: &'a Scenario,
    staff: &'a [Person],
    requirements: &'a [Requirement],
    clock: Clock,
    slots: Vec<ShiftSlot>,
    pools: Vec<Pool>,
    /// Pool of each person.
    pool_of: Vec<usize>,
    part_time_pool: usize,
    vars: ProblemVariables,
    staff_shifts: Vec<StaffShift>,
    part_time_shifts: Vec<PartTimeShift>,
    breaks: Vec<BreakChoice>,
    /// Agents of a pool serving a queue in an interval, for pools of more than one queue.
    split: BTreeMap<(usize, usize, usize), Variable>,
    /// Indexed queue x interval.
    shortfall: Vec<Variable>,
    duties: Vec<Duty>,
    overtime: Vec<Overtime>,
    night_spread: Vec<NightSpread>,
    /// Part-timers to hire: at least the most working or resting at one moment.
    part_timers: Variable,
    part_timer_cap: Option<u32>,
    /// The first day a shift may start (the day before the horizon, unless cyclic).
    first_day: chrono::NaiveDate,
}

impl<'a> Model<'a> {
    fn new(scenario: &'a Scenario, staff: &'a [Person], requirements: &'a [Requirement]) -> Self {
        let clock = Clock::new(scenario);
        let slots = shift_slots(scenario, &clock);
        let queue_names: Vec<String> = scenario.queues.iter().map(|q| q.name.clone()).collect();
        let mut pools: Vec<Pool> = Vec::new();
        let mut pool_index = |queues: Vec<usize>, group: &str, part_time: bool| match pools
            .iter()
            .position(|p| p.queues == queues && p.group == group && p.part_time == part_time)
        {
            Some(i) => i,
            None => {
                pools.push(Pool {
                    queues,
                    group: group.to_string(),
                    part_time,
                });
                pools.len() - 1
            }
        };
        let skill_queues = |skills: &[String]| -> Vec<usize> {
            (0..queue_names.len())
                .filter(|q| skills.contains(&queue_names[*q]))
                .collect()
        };
        let pool_of: Vec<usize> = staff
            .iter()
            .map(|p| pool_index(skill_queues(&p.skills), &p.group, false))
            .collect();
        let part_time_pool = pool_index(
            skill_queues(&scenario.part_time.skills),
            PART_TIME_GROUP,
            true,
        );

        let mut vars = ProblemVariables::new();
        let mut staff_shifts = Vec::new();
        for (person_index, person) in staff.iter().enumerate() {
            if !has_skill(scenario, person) {
                continue;
            }
            for (slot_index, slot) in slots.iter().enumerate() {
                if scenario.shifts[slot.template]
                    .kinds
                    .contains(&Kind::FullTime)
                    && is_available(scenario, person, slot)
                    && fits_daily_hours(person, slot)
                    && phase_allows_group(scenario, &person.skills, &person.group, slot)
                {
                    staff_shifts.push(StaffShift {
                        person: person_index,
                        slot: slot_index,
                        var: vars.add(variable().binary()),
                    });
                }
            }
        }
        let part_time_skills = &scenario.part_time.skills;
        let part_time_shifts: Vec<PartTimeShift> = slots
            .iter()
            .enumerate()
            .filter(|(_, slot)| {
                scenario.shifts[slot.template]
                    .kinds
                    .contains(&Kind::PartTime)
                    && !part_time_skills.is_empty()
                    && part_time_length_allowed(scenario, slot)
                    && phase_allows_group(scenario, part_time_skills, PART_TIME_GROUP, slot)
            })
            .map(|(slot, _)| PartTimeShift {
                slot,
                var: vars.add(variable().integer().min(0)),
            })
            .collect();

        let mut pool_slots: Vec<(usize, usize)> = staff_shifts
            .iter()
            .map(|s| (pool_of[s.person], s.slot))
            .chain(part_time_shifts.iter().map(|s| (part_time_pool, s.slot)))
            .collect();
        pool_slots.sort_unstable();
        pool_slots.dedup();
        let mut breaks = Vec::new();
        for &(pool, slot) in &pool_slots {
            let template = &scenario.shifts[slots[slot].template];
            for (number, b) in template.breaks.iter().enumerate() {
                for offset in
                    (b.earliest..=b.latest).step_by(scenario.horizon.interval_minutes as usize)
                {
                    breaks.push(BreakChoice {
                        pool,
                        slot,
                        number,
                        offset,
                        var: vars.add(variable().integer().min(0)),
                    });
                }
            }
        }

        let times = scenario.horizon.times();
        let mut split = BTreeMap::new();
        for (p, pool) in pools.iter().enumerate().filter(|(_, p)| p.queues.len() > 1) {
            let covered: std::collections::BTreeSet<usize> = pool_slots
                .iter()
                .filter(|(q, _)| *q == p)
                .flat_map(|(_, slot)| slots[*slot].cover.iter().copied())
                .collect();
            for i in covered {
                for &q in &pool.queues {
                    if group_may_serve(&scenario.phases, &queue_names[q], &pool.group, times[i]) {
                        split.insert((p, q, i), vars.add(variable().integer().min(0)));
                    }
                }
            }
        }

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
        let first_day = slots
            .iter()
            .map(|s| s.start.date())
            .min()
            .unwrap_or(scenario.horizon.start.date());
        let mut model = Model {
            first_day,
            scenario,
            staff,
            requirements,
            clock,
            slots,
            pools,
            pool_of,
            part_time_pool,
            vars,
            staff_shifts,
            part_time_shifts,
            breaks,
            split,
            shortfall,
            duties,
            overtime: Vec::new(),
            night_spread: Vec::new(),
            part_timers,
            part_timer_cap: None,
        };
        model.add_overtime_and_fairness_vars();
        model
    }

    fn add_overtime_and_fairness_vars(&mut self) {
        if self.scenario.costs.overtime_per_hour > 0.0 {
            for (person, p) in self.staff.iter().enumerate() {
                if p.contract_hours_per_week.is_none() {
                    continue;
                }
                let mut weeks: Vec<i64> = self
                    .mine(person)
                    .map(|s| self.week_of(&self.slots[s.slot]))
                    .collect();
                weeks.dedup();
                for week in weeks {
                    let var = self.vars.add(variable().min(0));
                    self.overtime.push(Overtime { person, week, var });
                }
            }
        }
        if self.scenario.costs.fairness_per_shift > 0.0 {
            let mut groups: Vec<&str> = self
                .staff_shifts
                .iter()
                .filter(|s| self.is_night(&self.slots[s.slot]))
                .map(|s| self.staff[s.person].group.as_str())
                .collect();
            groups.sort_unstable();
            groups.dedup();
            for group in groups {
                let most = self.vars.add(variable().min(0));
                let fewest = self.vars.add(variable().min(0));
                self.night_spread.push(NightSpread {
                    group: group.to_string(),
                    most,
                    fewest,
                });
            }
        }
    }

    fn mine(&self, person: usize) -> impl Iterator<Item = &StaffShift> + '_ {
        self.staff_shifts.iter().filter(move |s| s.person == person)
    }

    /// Days since the first day shifts may start.
    fn day_of(&self, slot: &ShiftSlot) -> i64 {
        (slot.start.date() - self.first_day).num_days()
    }

    fn week_of(&self, slot: &ShiftSlot) -> i64 {
        self.day_of(slot) / 7
    }

    fn is_night(&self, slot: &ShiftSlot) -> bool {
        is_night_shift(self.scenario, slot.start, slot.end)
    }

    fn night_hours(&self, slot: &ShiftSlot) -> f64 {
        night_hours(self.scenario, slot.start, slot.end)
    }

    /// Pay for one shift of the slot at `per_hour`: hours, per-shift pay and night premium.
    fn shift_pay(&self, slot: &ShiftSlot, per_hour: f64) -> f64 {
        let costs = &self.scenario.costs;
        slot.hours() * per_hour
            + self.scenario.shifts[slot.template].cost_per_shift
            + self.night_hours(slot) * costs.night_premium_per_hour
    }

    /// Pay for every planned shift and overtime hour, the price of each agent-hour short and each
    /// missed duty, hiring, and the spread of night shifts.
    fn cost(&self) -> Expression {
        let costs = &self.scenario.costs;
        let interval_hours = self.scenario.horizon.interval_hours();
        let mut cost = Expression::from(0.0);
        for s in &self.staff_shifts {
            cost.add_mul(
                self.shift_pay(&self.slots[s.slot], costs.full_time_per_hour),
                s.var,
            );
        }
        for s in &self.part_time_shifts {
            cost.add_mul(
                self.shift_pay(&self.slots[s.slot], costs.part_time_per_hour),
                s.var,
            );
        }
        for o in &self.overtime {
            cost.add_mul(costs.overtime_per_hour, o.var);
        }
        for v in &self.shortfall {
            cost.add_mul(interval_hours * costs.shortfall_per_agent_hour, *v);
        }
        for d in &self.duties {
            cost.add_mul(costs.phase_rule_penalty, d.missed);
        }
        for n in &self.night_spread {
            cost.add_mul(costs.fairness_per_shift, n.most);
            cost.add_mul(-costs.fairness_per_shift, n.fewest);
        }
        // The small extra per head makes the plan hire no more people than its shifts need
        // when several rosters cost the same.
        cost.add_mul(
            costs.part_time_per_person + HEAD_TIE_BREAK,
            self.part_timers,
        );
        cost
    }

    /// The rules of the plan, by name.
    fn constraint_families(&self) -> Vec<(&'static str, Vec<Constraint>)> {
        vec![
            ("cover_requirement", self.cover_requirement()),
            (
                "split_cross_trained_hours",
                self.split_cross_trained_hours(),
            ),
            ("take_every_break", self.take_every_break()),
            (
                "one_shift_at_a_time_with_rest",
                self.one_shift_at_a_time_with_rest(),
            ),
            ("daily_and_weekly_hours", self.daily_and_weekly_hours()),
            ("days_in_a_row", self.days_in_a_row()),
            ("overtime_above_contract", self.overtime_above_contract()),
            ("phase_must_be_on_duty", self.phase_must_be_on_duty()),
            ("part_timer_headcount", self.part_timer_headcount()),
            (
                "fair_spread_of_night_shifts",
                self.fair_spread_of_night_shifts(),
            ),
        ]
    }

    // ---- constraint families ----

    /// Agents of each pool on duty (not on a break) per interval.
    fn on_duty(&self) -> Vec<Vec<Expression>> {
        let count = self.scenario.horizon.len();
        let mut on_duty = vec![vec![Expression::from(0.0); count]; self.pools.len()];
        for s in &self.staff_shifts {
            for &i in &self.slots[s.slot].cover {
                on_duty[self.pool_of[s.person]][i].add_mul(1.0, s.var);
            }
        }
        for s in &self.part_time_shifts {
            for &i in &self.slots[s.slot].cover {
                on_duty[self.part_time_pool][i].add_mul(1.0, s.var);
            }
        }
        for b in &self.breaks {
            for i in self.break_cover(b) {
                on_duty[b.pool][i].add_mul(-1.0, b.var);
            }
        }
        on_duty
    }

    fn break_cover(&self, b: &BreakChoice) -> Vec<usize> {
        let slot = &self.slots[b.slot];
        let rule = &self.scenario.shifts[slot.template].breaks[b.number];
        let from = slot.start + Duration::minutes(b.offset.into());
        self.clock
            .intervals(from, from + Duration::minutes(rule.minutes.into()))
    }

    /// One agent of pool `p` on queue `q`, in full agents (new part-timers count less).
    fn weight(&self, p: usize, q: usize) -> f64 {
        if self.pools[p].part_time {
            self.scenario.queues[q].part_time_weight()
        } else {
            1.0
        }
    }

    /// Whether pool `p` may serve queue `q` in interval `i` (its skills and the phases allow).
    fn may_serve(&self, p: usize, q: usize, i: usize) -> bool {
        let pool = &self.pools[p];
        if pool.queues.len() == 1 {
            pool.queues[0] == q
        } else {
            self.split.contains_key(&(p, q, i))
        }
    }

    /// Agents serving queue `q` in interval `i`, in full agents (new part-timers count less).
    fn serving(&self, on_duty: &[Vec<Expression>], q: usize, i: usize) -> Expression {
        let mut total = Expression::from(0.0);
        for (p, pool) in self.pools.iter().enumerate() {
            if !pool.queues.contains(&q) {
                continue;
            }
            let weight = self.weight(p, q);
            if pool.queues.len() == 1 {
                total += on_duty[p][i].clone() * weight;
            } else if let Some(v) = self.split.get(&(p, q, i)) {
                total.add_mul(weight, *v);
            }
        }
        total
    }

    /// Agents serving plus the reported shortfall reach the requirement in every queue and interval.
    fn cover_requirement(&self) -> Vec<Constraint> {
        let count = self.scenario.horizon.len();
        let on_duty = self.on_duty();
        self.requirements
            .iter()
            .enumerate()
            .map(|(k, r)| {
                let serving = self.serving(&on_duty, k / count, k % count);
                constraint!(serving + self.shortfall[k] >= f64::from(r.agents_required))
            })
            .collect()
    }

    /// A cross-trained pool's agents on duty are split over its queues in every interval (the
    /// model picks the split, hour by hour).
    fn split_cross_trained_hours(&self) -> Vec<Constraint> {
        let on_duty = self.on_duty();
        let mut rows = Vec::new();
        for (p, pool) in self.pools.iter().enumerate() {
            if pool.queues.len() < 2 {
                continue;
            }
            for (i, agents) in on_duty[p].iter().enumerate() {
                let served = pool
                    .queues
                    .iter()
                    .filter_map(|q| self.split.get(&(p, *q, i)))
                    .fold(Expression::from(0.0), |e, v| e + *v);
                rows.push(constraint!(served == agents.clone()));
            }
        }
        rows
    }

    /// Everyone on a shift with breaks takes each break once, somewhere inside its window.
    fn take_every_break(&self) -> Vec<Constraint> {
        let mut taken: BTreeMap<(usize, usize, usize), Expression> = BTreeMap::new();
        for b in &self.breaks {
            taken
                .entry((b.pool, b.slot, b.number))
                .or_insert_with(|| Expression::from(0.0))
                .add_mul(1.0, b.var);
        }
        let mut working: BTreeMap<(usize, usize), Expression> = BTreeMap::new();
        let shifts = self
            .staff_shifts
            .iter()
            .map(|s| (self.pool_of[s.person], s.slot, s.var))
            .chain(
                self.part_time_shifts
                    .iter()
                    .map(|s| (self.part_time_pool, s.slot, s.var)),
            );
        for (pool, slot, var) in shifts {
            working
                .entry((pool, slot))
                .or_insert_with(|| Expression::from(0.0))
                .add_mul(1.0, var);
        }
        taken
            .into_iter()
            .map(|((pool, slot, _), breaks)| {
                let working = working.get(&(pool, slot)).cloned().unwrap_or_default();
                constraint!(breaks == working)
            })
            .collect()
    }

    fn rest(&self) -> Duration {
        Duration::minutes((self.scenario.min_rest_hours * 60.0).round() as i64)
    }

    /// Whether the shift or the rest after it is under way at `t`.
    fn busy_at(&self, slot: &ShiftSlot, t: NaiveDateTime) -> bool {
        self.clock
            .within(slot.start, slot.end - slot.start + self.rest(), t)
    }

    /// A person works one shift at a time and rests `min_rest_hours` after each before the next.
    fn one_shift_at_a_time_with_rest(&self) -> Vec<Constraint> {
        let mut rows = Vec::new();
        for person in 0..self.staff.len() {
            let mine: Vec<&StaffShift> = self.mine(person).collect();
            let mut starts: Vec<NaiveDateTime> =
                mine.iter().map(|s| self.slots[s.slot].start).collect();
            starts.sort();
            starts.dedup();
            // Two busy windows (shift plus rest) clash exactly when one holds the other's start,
            // so it is enough to allow at most one of them to hold each shift start.
            for t in starts {
                let busy: Vec<Variable> = mine
                    .iter()
                    .filter(|s| self.busy_at(&self.slots[s.slot], t))
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
        let mut rows = Vec::new();
        for (index, person) in self.staff.iter().enumerate() {
            let limits = [
                (1, person.max_hours_per_day),
                (7, person.max_hours_per_week),
            ];
            for (days, limit) in limits {
                for (_, list) in self.blocks_of(index, days) {
                    let most: f64 = list.iter().map(|s| self.slots[s.slot].hours()).sum();
                    if most > limit + 1e-9 {
                        rows.push(constraint!(self.hours_of(&list) <= limit));
                    }
                }
            }
        }
        rows
    }

    /// One person's shifts grouped by blocks of `days` days.
    fn blocks_of(&self, person: usize, days: i64) -> BTreeMap<i64, Vec<&StaffShift>> {
        let mut blocks: BTreeMap<i64, Vec<&StaffShift>> = BTreeMap::new();
        for s in self.mine(person) {
            blocks
                .entry(self.day_of(&self.slots[s.slot]) / days)
                .or_default()
                .push(s);
        }
        blocks
    }

    fn hours_of(&self, shifts: &[&StaffShift]) -> Expression {
        shifts.iter().fold(Expression::from(0.0), |mut e, s| {
            e.add_mul(self.slots[s.slot].hours(), s.var);
            e
        })
    }

    /// A person with `max_days_in_row` = m starts at most m shifts in any m + 1 days in a row,
    /// so a day off follows every m working days (in a cyclic horizon, also across the wrap).
    fn days_in_a_row(&self) -> Vec<Constraint> {
        let days = self
            .slots
            .iter()
            .map(|s| self.day_of(s))
            .max()
            .map_or(0, |d| d + 1);
        let mut rows = Vec::new();
        for (index, person) in self.staff.iter().enumerate() {
            let Some(m) = person.max_days_in_row.map(i64::from) else {
                continue;
            };
            let last_first_day = if self.clock.cyclic {
                days - 1
            } else {
                days - m - 1
            };
            for first in 0..=last_first_day {
                let in_window: Vec<&StaffShift> = self
                    .mine(index)
                    .filter(|s| {
                        let d = self.day_of(&self.slots[s.slot]);
                        (d - first).rem_euclid(days.max(1)) <= m
                    })
                    .collect();
                let distinct: std::collections::BTreeSet<i64> = in_window
                    .iter()
                    .map(|s| self.day_of(&self.slots[s.slot]))
                    .collect();
                if distinct.len() as i64 > m {
                    let shifts = in_window
                        .iter()
                        .fold(Expression::from(0.0), |e, s| e + s.var);
                    rows.push(constraint!(shifts <= m as f64));
                }
            }
        }
        rows
    }

    /// Hours above a person's weekly contract hours are overtime, paid `overtime_per_hour` extra.
    fn overtime_above_contract(&self) -> Vec<Constraint> {
        self.overtime
            .iter()
            .map(|o| {
                let contract = self.staff[o.person].contract_hours_per_week.unwrap_or(0.0);
                let week = self
                    .blocks_of(o.person, 7)
                    .remove(&o.week)
                    .unwrap_or_default();
                constraint!(self.hours_of(&week) - contract <= o.var)
            })
            .collect()
    }

    /// Every member of a phase's `must` groups works a shift overlapping the phase; a miss is
    /// priced slack and reported with its reason.
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
    /// (On a cyclic horizon they are arcs of a circle, where the roster may need a few more.)
    fn part_timer_headcount(&self) -> Vec<Constraint> {
        let mut rows: Vec<Constraint> = self
            .part_timer_cap
            .map(|cap| constraint!(self.part_timers <= f64::from(cap)))
            .into_iter()
            .collect();
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
                .filter(|s| self.busy_at(&self.slots[s.slot], t))
                .fold(Expression::from(0.0), |e, s| e + s.var);
            constraint!(busy <= self.part_timers)
        }));
        rows
    }

    /// Within each staff group, night shifts are spread evenly: the gap between the member with
    /// the most and the one with the fewest is priced `fairness_per_shift` per shift. Members
    /// who can take no night shift at all are left out.
    fn fair_spread_of_night_shifts(&self) -> Vec<Constraint> {
        let mut rows = Vec::new();
        for spread in &self.night_spread {
            for (index, person) in self.staff.iter().enumerate() {
                if person.group != spread.group {
                    continue;
                }
                let nights: Vec<Variable> = self
                    .mine(index)
                    .filter(|s| self.is_night(&self.slots[s.slot]))
                    .map(|s| s.var)
                    .collect();
                if nights.is_empty() {
                    continue;
                }
                let count = nights.iter().fold(Expression::from(0.0), |e, v| e + *v);
                rows.push(constraint!(count.clone() <= spread.most));
                rows.push(constraint!(count >= spread.fewest));
            }
        }
        rows
    }

    fn duty_shifts<'b>(&'b self, duty: &'b Duty) -> impl Iterator<Item = &'b StaffShift> + 'b {
        let phase = &self.scenario.phases[duty.phase];
        let queues = &self.pools[self.pool_of[duty.person]].queues;
        self.mine(duty.person).filter(move |s| {
            let slot = &self.slots[s.slot];
            slot.start < phase.end
                && phase.start < slot.end
                && queues
                    .iter()
                    .any(|q| phase.queues.contains(&self.scenario.queues[*q].name))
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
        for (_, rows) in self.constraint_families() {
            for row in rows {
                problem.add_constraint(row);
            }
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
        let costs = &self.scenario.costs;
        let mut pay = 0.0;
        // Every worker on a shift: (pool, slot, person).
        let mut workers: Vec<(usize, usize, Option<usize>)> = Vec::new();
        for s in self.staff_shifts.iter().filter(|s| count(s.var) == 1) {
            workers.push((self.pool_of[s.person], s.slot, Some(s.person)));
            pay += self.shift_pay(&self.slots[s.slot], costs.full_time_per_hour);
        }
        for s in &self.part_time_shifts {
            for _ in 0..count(s.var) {
                workers.push((self.part_time_pool, s.slot, None));
                pay += self.shift_pay(&self.slots[s.slot], costs.part_time_per_hour);
            }
        }
        for o in &self.overtime {
            pay += solution.value(o.var).max(0.0) * costs.overtime_per_hour;
        }
        let activities = self.activities(solution, &workers);

        let times = self.scenario.horizon.times();
        let queues = self.scenario.queues.len();
        let mut scheduled = vec![vec![0u32; times.len()]; queues];
        let mut cross_trained = scheduled.clone();
        let mut part_time = scheduled.clone();
        let mut effective = vec![vec![0.0; times.len()]; queues];
        for ((pool_index, _, _), plan) in workers.iter().zip(&activities) {
            let pool = &self.pools[*pool_index];
            for (i, activity) in plan {
                if let Activity::Queue(q) = activity {
                    let q = self.queue_index(q);
                    scheduled[q][*i] += 1;
                    cross_trained[q][*i] += u32::from(pool.queues.len() > 1 && !pool.part_time);
                    part_time[q][*i] += u32::from(pool.part_time);
                    effective[q][*i] += self.weight(*pool_index, q);
                }
            }
        }
        let mut shortfall = vec![vec![0.0; times.len()]; queues];
        let mut shortfall_reasons = BTreeMap::new();
        for (k, r) in self.requirements.iter().enumerate() {
            let (q, i) = (k / times.len(), k % times.len());
            let short = f64::from(r.agents_required) - effective[q][i];
            if short > 1e-6 {
                shortfall[q][i] = (short * 1000.0).round() / 1000.0;
                shortfall_reasons.insert((q, i), self.shortfall_reason(q, i, solution));
            }
        }

        let mut shifts: Vec<PlannedShift> = workers
            .iter()
            .zip(activities)
            .map(|((_, slot, person), plan)| self.planned(*slot, *person, plan))
            .collect();
        shifts.sort_by(|a, b| (a.start, &a.queue, a.person).cmp(&(b.start, &b.queue, b.person)));
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
            cross_trained,
            part_time,
            effective,
            shortfall,
            shortfall_reasons,
            missed_duties,
            pay: (pay * 100.0).round() / 100.0,
        }
    }

    fn queue_index(&self, name: &str) -> usize {
        self.scenario
            .queues
            .iter()
            .position(|q| q.name == name)
            .unwrap_or(0)
    }

    /// What each worker does in each horizon interval of their shift: breaks where the model put
    /// them, then the pool's queue split handed out, keeping people on the queue they served the
    /// interval before where the split allows.
    fn activities(
        &self,
        solution: &impl Solution,
        workers: &[(usize, usize, Option<usize>)],
    ) -> Vec<Vec<(usize, Activity)>> {
        let count = |v: Variable| solution.value(v).round().max(0.0) as usize;
        let names = |q: usize| self.scenario.queues[q].name.clone();
        // Workers of each pool on each slot, in worker order, to hand breaks to.
        let mut on_slot: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
        let mut at: Vec<BTreeMap<usize, Vec<usize>>> =
            vec![BTreeMap::new(); self.scenario.horizon.len()];
        for (w, &(pool, slot, _)) in workers.iter().enumerate() {
            on_slot.entry((pool, slot)).or_default().push(w);
            for &i in &self.slots[slot].cover {
                at[i].entry(pool).or_default().push(w);
            }
        }
        // Interval -> break name, per worker; breaks of one template never overlap.
        let mut on_break: Vec<BTreeMap<usize, String>> = vec![BTreeMap::new(); workers.len()];
        let mut next_taker: BTreeMap<(usize, usize, usize), usize> = BTreeMap::new();
        for b in &self.breaks {
            let rule = &self.scenario.shifts[self.slots[b.slot].template].breaks[b.number];
            let takers = on_slot
                .get(&(b.pool, b.slot))
                .map_or(&[][..], Vec::as_slice);
            let next = next_taker.entry((b.pool, b.slot, b.number)).or_default();
            for &w in takers.iter().skip(*next).take(count(b.var)) {
                for i in self.break_cover(b) {
                    on_break[w].insert(i, rule.name.clone());
                }
            }
            *next += count(b.var);
        }
        let count_of = self.scenario.horizon.len();
        let mut plans: Vec<Vec<(usize, Activity)>> = vec![Vec::new(); workers.len()];
        let mut last_queue: Vec<Option<usize>> = vec![None; workers.len()];
        for (i, pools_here) in at.iter().enumerate() {
            // Each pool's free workers and the model's split of them over its queues.
            let mut shares: Vec<PoolShare> = Vec::new();
            for (&p, here) in pools_here {
                let pool = &self.pools[p];
                let mut free: Vec<usize> = Vec::new();
                for &w in here {
                    match on_break[w].get(&i) {
                        Some(name) => plans[w].push((i, Activity::Break(name.clone()))),
                        None => free.push(w),
                    }
                }
                let wanted: Vec<(usize, usize)> = pool
                    .queues
                    .iter()
                    .map(|&q| {
                        let n = match self.split.get(&(p, q, i)) {
                            Some(v) => count(*v),
                            None if pool.queues.len() == 1 => free.len(),
                            None => 0,
                        };
                        (q, n)
                    })
                    .collect();
                shares.push(PoolShare {
                    pool: p,
                    free,
                    wanted,
                });
            }
            // Agents above the requirement per queue: a worker may stay on last interval's
            // queue instead of the model's pick when the pick can spare them.
            let mut spare: Vec<f64> = (0..self.scenario.queues.len())
                .map(|q| -f64::from(self.requirements[q * count_of + i].agents_required))
                .collect();
            for share in &shares {
                for &(q, n) in &share.wanted {
                    spare[q] += self.weight(share.pool, q) * n as f64;
                }
            }
            for PoolShare {
                pool: p,
                free,
                mut wanted,
            } in shares
            {
                let pool = &self.pools[p];
                let mut given: Vec<Option<usize>> = vec![None; free.len()];
                for (k, &w) in free.iter().enumerate() {
                    if let Some(slot) = wanted
                        .iter_mut()
                        .find(|(q, n)| *n > 0 && last_queue[w] == Some(*q))
                    {
                        slot.1 -= 1;
                        given[k] = Some(slot.0);
                    }
                }
                for (k, &w) in free.iter().enumerate() {
                    let q = given[k].unwrap_or_else(|| {
                        let pick = match wanted.iter_mut().find(|(_, n)| *n > 0) {
                            Some(slot) => {
                                slot.1 -= 1;
                                slot.0
                            }
                            None => pool.queues[0],
                        };
                        let stay = last_queue[w].filter(|&last| {
                            last != pick
                                && self.may_serve(p, last, i)
                                && spare[pick] >= self.weight(p, pick) - 1e-9
                        });
                        match stay {
                            Some(last) => {
                                spare[pick] -= self.weight(p, pick);
                                spare[last] += self.weight(p, last);
                                last
                            }
                            None => pick,
                        }
                    });
                    last_queue[w] = Some(q);
                    plans[w].push((i, Activity::Queue(names(q))));
                }
            }
        }
        plans
    }

    fn planned(
        &self,
        slot: usize,
        person: Option<usize>,
        plan: Vec<(usize, Activity)>,
    ) -> PlannedShift {
        let slot = &self.slots[slot];
        let times = self.scenario.horizon.times();
        let step = self.scenario.horizon.interval();
        let mut served: BTreeMap<&str, usize> = BTreeMap::new();
        for (_, a) in &plan {
            if let Activity::Queue(q) = a {
                *served.entry(q.as_str()).or_default() += 1;
            }
        }
        let pool = &self.pools[person.map_or(self.part_time_pool, |p| self.pool_of[p])];
        let queue = served
            .iter()
            .max_by_key(|(_, n)| **n)
            .map(|(q, _)| q.to_string())
            .unwrap_or_else(|| self.scenario.queues[pool.queues[0]].name.clone());
        let mut segments: Vec<Segment> = Vec::new();
        // Follow the shift's own order of intervals (a cyclic shift wraps past the end).
        for i in &slot.cover {
            let Some((_, activity)) = plan.iter().find(|(k, _)| k == i) else {
                continue;
            };
            match segments.last_mut() {
                Some(s) if s.activity == *activity && s.end == times[*i] => s.end += step,
                _ => segments.push(Segment {
                    start: times[*i],
                    end: times[*i] + step,
                    activity: activity.clone(),
                }),
            }
        }
        PlannedShift {
            person,
            queue,
            template: self.scenario.shifts[slot.template].name.clone(),
            start: slot.start,
            end: slot.end,
            segments,
        }
    }

    /// Names the rule that keeps queue `q` short in interval `i`.
    fn shortfall_reason(&self, q: usize, i: usize, solution: &impl Solution) -> String {
        let queue = &self.scenario.queues[q].name;
        let covers = |pool: usize, slot: usize| {
            self.pools[pool].queues.contains(&q) && self.slots[slot].cover.contains(&i)
        };
        let staff_can = self
            .staff_shifts
            .iter()
            .any(|s| covers(self.pool_of[s.person], s.slot));
        let part_time_can = self
            .part_time_shifts
            .iter()
            .any(|s| covers(self.part_time_pool, s.slot));
        let hired = solution.value(self.part_timers).round() as u32;
        match (staff_can, part_time_can) {
            (false, false) => format!(
                "no shift lets anyone serve {queue} then: check shift start times, people's skills and hours available, part_time.available and the phases' `may` lists"
            ),
            (_, true) if self.part_timer_cap.is_some_and(|cap| hired >= cap) => format!(
                "part_timer_headcount: the plan may hire at most {} part-timers (part_time.max_people or --max) and all are in use",
                self.part_timer_cap.unwrap_or(0)
            ),
            (_, true) => format!(
                "cover_requirement: another agent for {queue} then costs more than the shortfall price (costs.shortfall_per_agent_hour); raise it to staff this hour"
            ),
            (true, false) => format!(
                "one_shift_at_a_time_with_rest / daily_and_weekly_hours: every agent who could serve {queue} then is already working, resting ({} h) or at their hour limits, and part-timers cannot come then (part_time.available, shift templates or phase `may` lists)",
                self.scenario.min_rest_hours
            ),
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
