//! The shift plan: a mixed-integer model solved by HiGHS through good_lp, then one small model
//! per cohort naming its members.
//!
//! Decisions: how many of each cohort (staff the plan cannot tell apart) work which shift
//! (template x day x start x length), how many hired part-timers work each part-time shift, where
//! everyone's breaks fall, and how many agent-hours stay short. Shifts may start the day before
//! the horizon or run past its end (overnight shifts at the event start); they cost their full
//! length but cover only the intervals inside the horizon. In a cyclic horizon (a standard week)
//! they wrap around to its start instead.
//!
//! People with the same skills and group form a pool; the requirement rows cover every queue and
//! every set of queues the pools link, which by Hall's theorem is exactly what lets the agents on
//! duty be split over the queues; the split is handed out after solving. Who may take a shift at
//! all is decided by the candidate rules (`has_skill`, `is_available`, `fits_daily_hours`,
//! `phase_allows_group`, `part_time_length_allowed`); what must hold between shifts is the list
//! of constraint families in [`Model::constraint_families`], each a named function. Shortfall
//! and missed phase duties are priced slack, so the model always has a plan and the report names
//! what it could not meet.

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

/// Most people one cohort holds: naming a cohort is a model of its own whose solve time grows
/// fast with its size (on the month benchmark, 48 members took 3.4 s, 20 members 0.4 s), while
/// more, smaller cohorts cost the plan little.
const LARGEST_COHORT: usize = 20;

/// Price per night shift of spread when naming a cohort's members (yuan): any even spread will
/// do, and it never outweighs a real cost.
const NIGHT_SPREAD_TIE_BREAK: f64 = 0.01;

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
    let mut model = Model::new(scenario, staff, requirements, Stage::Plan);
    model.part_timer_cap = part_timers;
    model.solve()
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

/// Every shift slot the plan can use, in template, day, start, length order.
fn shift_slots(scenario: &Scenario) -> Vec<ShiftSlot> {
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
                    start -= horizon.end - horizon.start;
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

/// Whether the queues in `set` are linked by pools that serve more than one of them (sets that
/// fall apart need no row of their own: their parts' rows add up to it).
fn linked(set: u32, reach: &[(usize, u32)]) -> bool {
    let mut joined = set & set.wrapping_neg();
    loop {
        let grown = reach
            .iter()
            .filter(|(_, mask)| mask & joined != 0)
            .fold(joined, |j, (_, mask)| j | (mask & set));
        if grown == joined {
            return joined == set;
        }
        joined = grown;
    }
}

/// Hands out pools' free agents (`supply`) to queues so as much of each queue's `demand` is met
/// as possible, where `may(pool, queue)` allows: a maximum flow, found by augmenting paths.
/// Returns agents per pool per queue; agents no queue needs are left out.
fn max_cover(supply: &[u32], demand: &[u32], may: impl Fn(usize, usize) -> bool) -> Vec<Vec<u32>> {
    let (pools, queues) = (supply.len(), demand.len());
    let mut flow = vec![vec![0u32; queues]; pools];
    loop {
        let left = |flow: &[Vec<u32>], p: usize| supply[p] - flow[p].iter().sum::<u32>();
        let short =
            |flow: &[Vec<u32>], q: usize| demand[q] - (0..pools).map(|p| flow[p][q]).sum::<u32>();
        // Breadth-first search from pools with agents left: pool -> queue it may serve,
        // queue -> pool that gives it agents (which can move to another queue).
        let mut queue_from: Vec<Option<usize>> = vec![None; queues];
        let mut pool_from: Vec<Option<Option<usize>>> = (0..pools)
            .map(|p| (left(&flow, p) > 0).then_some(None))
            .collect();
        let mut frontier: std::collections::VecDeque<usize> =
            (0..pools).filter(|&p| pool_from[p].is_some()).collect();
        let mut end = None;
        'search: while let Some(p) = frontier.pop_front() {
            for q in 0..queues {
                if queue_from[q].is_some() || !may(p, q) {
                    continue;
                }
                queue_from[q] = Some(p);
                if short(&flow, q) > 0 {
                    end = Some(q);
                    break 'search;
                }
                for other in 0..pools {
                    if pool_from[other].is_none() && flow[other][q] > 0 {
                        pool_from[other] = Some(Some(q));
                        frontier.push_back(other);
                    }
                }
            }
        }
        let Some(last) = end else {
            return flow;
        };
        // Walk the path back: (pool, queue gaining, queue losing or None at the start).
        let mut path = Vec::new();
        let mut q = last;
        loop {
            let p = queue_from[q].unwrap_or_default();
            let from = pool_from[p].flatten();
            path.push((p, q, from));
            match from {
                Some(previous) => q = previous,
                None => break,
            }
        }
        let start = path.last().map_or(0, |&(p, _, _)| p);
        let amount = path
            .iter()
            .filter_map(|&(p, _, from)| from.map(|f| flow[p][f]))
            .fold(left(&flow, start).min(short(&flow, last)), u32::min);
        for (p, q, from) in path {
            flow[p][q] += amount;
            if let Some(f) = from {
                flow[p][f] -= amount;
            }
        }
    }
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

impl Pool {
    /// One of the pool's agents on queue `q`, in full agents (new part-timers count less).
    fn weight(&self, scenario: &Scenario, q: usize) -> f64 {
        if self.part_time {
            scenario.queues[q].part_time_weight()
        } else {
            1.0
        }
    }

    /// Whether every agent of the pool counts as one full agent on each of its queues.
    fn full_agents(&self, scenario: &Scenario) -> bool {
        self.queues
            .iter()
            .all(|&q| (self.weight(scenario, q) - 1.0).abs() < 1e-9)
    }

    /// The model splits the pool over its queues with a variable per queue and interval only
    /// when its agents count differently per queue; other pools' splits follow from the
    /// requirement rows of `cover_requirement` and are handed out after solving.
    fn split_by_model(&self, scenario: &Scenario) -> bool {
        self.queues.len() > 1 && !self.full_agents(scenario)
    }
}

/// A pool's workers free (not on a break) in one interval, and how many go to each queue (the
/// model's split, or the one handed out after solving).
struct PoolShare {
    pool: usize,
    free: Vec<usize>,
    wanted: Vec<(usize, usize)>,
}

/// Staff the plan cannot tell apart (same pool, hours available, days off and contract): the
/// plan counts how many of them work each shift and the naming stage says who. Counting instead
/// of naming keeps the model small at hundreds of agents; since every per-person rule holds for
/// the cohort's total, the plan's cost is a lower bound on any named plan's, and naming that
/// drops no shift keeps it.
struct Cohort {
    pool: usize,
    members: Vec<usize>,
}

impl Cohort {
    fn size(&self) -> f64 {
        self.members.len() as f64
    }
}

/// What a model is solved for.
enum Stage {
    /// The plan: cohorts' shifts, part-timers, breaks and splits that cover the requirements.
    Plan,
    /// The same with every person a cohort of their own: needs no naming, so it is exact even
    /// where cohort totals cannot be split into personal weeks.
    PlanByPerson,
    /// Naming: these members of one cohort take the plan's shifts (slot -> how many).
    Name {
        members: Vec<usize>,
        counts: BTreeMap<usize, u32>,
    },
}

/// How many of a cohort work a slot (0 or 1 when the cohort is one person).
struct StaffShift {
    cohort: usize,
    slot: usize,
    var: Variable,
}

/// In the naming stage, the plan's shifts of one slot; `dropped` are those nobody can take.
struct Fill {
    slot: usize,
    count: u32,
    dropped: Variable,
}

struct PartTimeShift {
    slot: usize,
    var: Variable,
}

/// The naming stage's answer.
struct Named {
    /// (person, slot) of every staff shift someone takes.
    shifts: Vec<(usize, usize)>,
    /// Planned shifts nobody in their cohort could take.
    dropped: usize,
}

/// How many of a pool's people on one slot take break `number` at `offset` minutes in.
struct BreakChoice {
    pool: usize,
    slot: usize,
    number: usize,
    offset: u32,
    var: Variable,
}

/// Members of a cohort in a phase's `must` groups who miss it (priced slack).
struct Duty {
    phase: usize,
    cohort: usize,
    missed: Variable,
}

/// Hours a cohort works above contract in one week, paid at the overtime price.
struct Overtime {
    cohort: usize,
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
    naming: bool,
    slots: Vec<ShiftSlot>,
    pools: Vec<Pool>,
    /// Pool of each person.
    pool_of: Vec<usize>,
    part_time_pool: usize,
    cohorts: Vec<Cohort>,
    vars: ProblemVariables,
    staff_shifts: Vec<StaffShift>,
    part_time_shifts: Vec<PartTimeShift>,
    fills: Vec<Fill>,
    breaks: Vec<BreakChoice>,
    /// Agents of a pool serving a queue in an interval, for the pools the model splits itself
    /// (see [`Pool::split_by_model`]).
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

/// Whether the plan can treat two people of the same pool as one: same hours available, days
/// off and contract.
fn interchangeable(a: &Person, b: &Person) -> bool {
    let days_off = |p: &Person| {
        let mut days = p.days_off.clone();
        days.sort_unstable();
        days.dedup();
        days
    };
    a.available == b.available
        && a.max_hours_per_day == b.max_hours_per_day
        && a.max_hours_per_week == b.max_hours_per_week
        && a.max_days_in_row == b.max_days_in_row
        && a.contract_hours_per_week == b.contract_hours_per_week
        && days_off(a) == days_off(b)
}

/// Staff grouped into cohorts of interchangeable people, in order of each cohort's first member;
/// more than [`LARGEST_COHORT`] alike are dealt round into cohorts of near-equal size.
fn cohorts_of(staff: &[Person], pool_of: &[usize]) -> Vec<Cohort> {
    let mut alike: Vec<Cohort> = Vec::new();
    for (index, person) in staff.iter().enumerate() {
        let same = alike
            .iter_mut()
            .find(|c| c.pool == pool_of[index] && interchangeable(&staff[c.members[0]], person));
        match same {
            Some(cohort) => cohort.members.push(index),
            None => alike.push(Cohort {
                pool: pool_of[index],
                members: vec![index],
            }),
        }
    }
    let mut cohorts = Vec::new();
    for group in alike {
        let parts = group.members.len().div_ceil(LARGEST_COHORT);
        for part in 0..parts {
            cohorts.push(Cohort {
                pool: group.pool,
                members: group
                    .members
                    .iter()
                    .copied()
                    .skip(part)
                    .step_by(parts)
                    .collect(),
            });
        }
    }
    cohorts
}

/// Each person a cohort of their own.
fn singletons(people: impl IntoIterator<Item = usize>, pool_of: &[usize]) -> Vec<Cohort> {
    people
        .into_iter()
        .map(|m| Cohort {
            pool: pool_of[m],
            members: vec![m],
        })
        .collect()
}

impl<'a> Model<'a> {
    fn new(
        scenario: &'a Scenario,
        staff: &'a [Person],
        requirements: &'a [Requirement],
        stage: Stage,
    ) -> Self {
        let slots = shift_slots(scenario);
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
        let (naming, cohorts, counts) = match stage {
            Stage::Plan => (false, cohorts_of(staff, &pool_of), BTreeMap::new()),
            Stage::PlanByPerson => (false, singletons(0..staff.len(), &pool_of), BTreeMap::new()),
            Stage::Name { members, counts } => (true, singletons(members, &pool_of), counts),
        };

        let mut vars = ProblemVariables::new();
        let mut staff_shifts = Vec::new();
        for (cohort_index, cohort) in cohorts.iter().enumerate() {
            let person = &staff[cohort.members[0]];
            if !has_skill(scenario, person) {
                continue;
            }
            for (slot_index, slot) in slots.iter().enumerate() {
                let candidate = if naming {
                    counts.contains_key(&slot_index)
                } else {
                    scenario.shifts[slot.template]
                        .kinds
                        .contains(&Kind::FullTime)
                        && is_available(scenario, person, slot)
                        && fits_daily_hours(person, slot)
                        && phase_allows_group(scenario, &person.skills, &person.group, slot)
                };
                if candidate {
                    staff_shifts.push(StaffShift {
                        cohort: cohort_index,
                        slot: slot_index,
                        var: vars.add(variable().integer().min(0).max(cohort.size())),
                    });
                }
            }
        }
        let fills = counts
            .into_iter()
            .map(|(slot, count)| Fill {
                slot,
                count,
                dropped: vars.add(variable().min(0).max(count)),
            })
            .collect();
        let part_time_skills = &scenario.part_time.skills;
        let part_time_shifts: Vec<PartTimeShift> = slots
            .iter()
            .enumerate()
            .filter(|(_, slot)| {
                !naming
                    && scenario.shifts[slot.template]
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

        // Breaks and splits are planned once, for pools; naming leaves them as planned.
        let mut pool_slots: Vec<(usize, usize)> = staff_shifts
            .iter()
            .filter(|_| !naming)
            .map(|s| (cohorts[s.cohort].pool, s.slot))
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
        for (p, pool) in pools
            .iter()
            .enumerate()
            .filter(|(_, p)| p.split_by_model(scenario))
        {
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
            for (cohort_index, cohort) in cohorts.iter().enumerate() {
                if phase.must.contains(&staff[cohort.members[0]].group) {
                    duties.push(Duty {
                        phase: phase_index,
                        cohort: cohort_index,
                        missed: vars.add(variable().min(0).max(cohort.size())),
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
            naming,
            slots,
            pools,
            pool_of,
            part_time_pool,
            cohorts,
            vars,
            staff_shifts,
            part_time_shifts,
            fills,
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
            for (cohort, c) in self.cohorts.iter().enumerate() {
                if self.staff[c.members[0]].contract_hours_per_week.is_none() {
                    continue;
                }
                let mut weeks: Vec<i64> = self
                    .mine(cohort)
                    .map(|s| self.week_of(&self.slots[s.slot]))
                    .collect();
                weeks.dedup();
                for week in weeks {
                    let var = self.vars.add(variable().min(0));
                    self.overtime.push(Overtime { cohort, week, var });
                }
            }
        }
        if self.fairness_price() > 0.0 {
            let mut groups: Vec<String> = self
                .staff_shifts
                .iter()
                .filter(|s| self.is_night(&self.slots[s.slot]))
                .map(|s| self.group_of(s.cohort).to_string())
                .collect();
            groups.sort_unstable();
            groups.dedup();
            for group in groups {
                let most = self.vars.add(variable().min(0));
                let fewest = self.vars.add(variable().min(0));
                self.night_spread.push(NightSpread {
                    group,
                    most,
                    fewest,
                });
            }
        }
    }

    /// Price per night shift between the most and the fewest in a group. Naming always spreads
    /// night shifts among a cohort's members (at a token price: who takes them costs nothing).
    fn fairness_price(&self) -> f64 {
        let price = self.scenario.costs.fairness_per_shift;
        if self.naming {
            price.max(NIGHT_SPREAD_TIE_BREAK)
        } else {
            price
        }
    }

    fn group_of(&self, cohort: usize) -> &str {
        &self.staff[self.cohorts[cohort].members[0]].group
    }

    fn person_of(&self, cohort: usize) -> &Person {
        &self.staff[self.cohorts[cohort].members[0]]
    }

    fn mine(&self, cohort: usize) -> impl Iterator<Item = &StaffShift> + '_ {
        self.staff_shifts.iter().filter(move |s| s.cohort == cohort)
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
        for f in &self.fills {
            let hours = self.slots[f.slot].hours();
            cost.add_mul(hours * costs.shortfall_per_agent_hour, f.dropped);
        }
        for n in &self.night_spread {
            cost.add_mul(self.fairness_price(), n.most);
            cost.add_mul(-self.fairness_price(), n.fewest);
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
            ("fill_planned_shifts", self.fill_planned_shifts()),
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
                on_duty[self.cohorts[s.cohort].pool][i].add_mul(1.0, s.var);
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
        self.scenario
            .horizon
            .intervals(from, from + Duration::minutes(rule.minutes.into()))
    }

    /// One agent of pool `p` on queue `q`, in full agents (new part-timers count less).
    fn weight(&self, p: usize, q: usize) -> f64 {
        self.pools[p].weight(self.scenario, q)
    }

    /// Whether pool `p` may serve queue `q` in interval `i` (its skills and the phases allow).
    fn may_serve(&self, p: usize, q: usize, i: usize) -> bool {
        let pool = &self.pools[p];
        pool.queues.contains(&q)
            && group_may_serve(
                &self.scenario.phases,
                &self.scenario.queues[q].name,
                &pool.group,
                self.time_of(i),
            )
    }

    /// The start of interval `i`.
    fn time_of(&self, i: usize) -> NaiveDateTime {
        self.scenario.horizon.time_of(i)
    }

    /// Agents of pools that count less than one full agent (their split is in the model) serving
    /// queue `q` in interval `i`, in full agents.
    fn served_by_weighted(&self, on_duty: &[Vec<Expression>], q: usize, i: usize) -> Expression {
        let mut total = Expression::from(0.0);
        for (p, pool) in self.pools.iter().enumerate() {
            if !pool.queues.contains(&q) || pool.full_agents(self.scenario) {
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

    /// The queues each full-agent pool may serve in interval `i`, as bit sets by queue index.
    fn reach(&self, i: usize) -> Vec<(usize, u32)> {
        (0..self.pools.len())
            .filter(|&p| self.pools[p].full_agents(self.scenario))
            .map(|p| {
                let mask = self.pools[p]
                    .queues
                    .iter()
                    .filter(|&&q| self.may_serve(p, q, i))
                    .fold(0u32, |m, &q| m | 1 << q);
                (p, mask)
            })
            .filter(|&(_, mask)| mask != 0)
            .collect()
    }

    /// Agents who may serve a queue, plus its reported shortfall, reach its requirement in every
    /// interval; so do those who may serve any of a set of queues that cross-trained agents link,
    /// for the set's total. By Hall's theorem these rows are exactly what lets the agents on
    /// duty be split over the queues, so the model needs no variable per pool, queue and
    /// interval; the split is handed out after solving.
    fn cover_requirement(&self) -> Vec<Constraint> {
        if self.naming {
            return Vec::new();
        }
        let count = self.scenario.horizon.len();
        let queues = self.scenario.queues.len();
        let on_duty = self.on_duty();
        let mut rows = Vec::new();
        for i in 0..count {
            let reach = self.reach(i);
            for set in (1u32..1 << queues).filter(|&set| linked(set, &reach)) {
                let mut served = Expression::from(0.0);
                let mut need = 0.0;
                for q in (0..queues).filter(|q| set & 1 << q != 0) {
                    let k = q * count + i;
                    need += f64::from(self.requirements[k].agents_required);
                    served += self.shortfall[k];
                    served += self.served_by_weighted(&on_duty, q, i);
                }
                for &(p, mask) in &reach {
                    if mask & set != 0 {
                        served += on_duty[p][i].clone();
                    }
                }
                rows.push(constraint!(served >= need));
            }
        }
        rows
    }

    /// In the naming stage, the cohort's members take exactly the plan's shifts; one nobody can
    /// take is dropped at the shortfall price and reported.
    fn fill_planned_shifts(&self) -> Vec<Constraint> {
        self.fills
            .iter()
            .map(|f| {
                let taken = self
                    .staff_shifts
                    .iter()
                    .filter(|s| s.slot == f.slot)
                    .fold(Expression::from(f.dropped), |e, s| e + s.var);
                constraint!(taken == f.count)
            })
            .collect()
    }

    /// A cross-trained pool whose agents count differently per queue (new part-timers) is split
    /// over its queues in every interval by the model; other pools' splits follow from
    /// `cover_requirement` and are handed out after solving.
    fn split_cross_trained_hours(&self) -> Vec<Constraint> {
        let on_duty = self.on_duty();
        let mut served: BTreeMap<(usize, usize), Expression> = BTreeMap::new();
        for (&(p, _, i), v) in &self.split {
            served
                .entry((p, i))
                .or_insert_with(|| Expression::from(0.0))
                .add_mul(1.0, *v);
        }
        served
            .into_iter()
            .map(|((p, i), served)| constraint!(served == on_duty[p][i].clone()))
            .collect()
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
            .map(|s| (self.cohorts[s.cohort].pool, s.slot, s.var))
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
        self.scenario
            .horizon
            .within(slot.start, slot.end - slot.start + self.rest(), t)
    }

    /// A person works one shift at a time and rests `min_rest_hours` after each before the next.
    /// (For a cohort of n: at most n of its shifts-plus-rest overlap at any moment, which is
    /// exactly what n people can work, as for part-timers.)
    fn one_shift_at_a_time_with_rest(&self) -> Vec<Constraint> {
        let mut rows = Vec::new();
        for (cohort, c) in self.cohorts.iter().enumerate() {
            let mine: Vec<&StaffShift> = self.mine(cohort).collect();
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
                        busy.iter().fold(Expression::from(0.0), |e, v| e + *v) <= c.size()
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
        for (cohort, c) in self.cohorts.iter().enumerate() {
            let person = self.person_of(cohort);
            let limits = [
                (1, person.max_hours_per_day),
                (7, person.max_hours_per_week),
            ];
            for (days, limit) in limits {
                for (_, list) in self.blocks_of(cohort, days) {
                    let most: f64 = list.iter().map(|s| self.slots[s.slot].hours()).sum();
                    if most > limit + 1e-9 {
                        rows.push(constraint!(self.hours_of(&list) <= limit * c.size()));
                    }
                }
            }
        }
        rows
    }

    /// One cohort's shifts grouped by blocks of `days` days.
    fn blocks_of(&self, cohort: usize, days: i64) -> BTreeMap<i64, Vec<&StaffShift>> {
        let mut blocks: BTreeMap<i64, Vec<&StaffShift>> = BTreeMap::new();
        for s in self.mine(cohort) {
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
        for (cohort, c) in self.cohorts.iter().enumerate() {
            let Some(m) = self.person_of(cohort).max_days_in_row.map(i64::from) else {
                continue;
            };
            let last_first_day = if self.scenario.horizon.cyclic {
                days - 1
            } else {
                days - m - 1
            };
            for first in 0..=last_first_day {
                let in_window: Vec<&StaffShift> = self
                    .mine(cohort)
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
                    rows.push(constraint!(shifts <= m as f64 * c.size()));
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
                let c = &self.cohorts[o.cohort];
                let contract = self
                    .person_of(o.cohort)
                    .contract_hours_per_week
                    .unwrap_or(0.0);
                let week = self
                    .blocks_of(o.cohort, 7)
                    .remove(&o.week)
                    .unwrap_or_default();
                constraint!(self.hours_of(&week) - contract * c.size() <= o.var)
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
                    .duty_shifts(d.phase, d.cohort)
                    .fold(Expression::from(0.0), |e, s| e + s.var);
                constraint!(on_duty + d.missed >= self.cohorts[d.cohort].size())
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
    /// the most and the one with the fewest is priced `fairness_per_shift` per shift (a cohort's
    /// average lies between them). Members who can take no night shift at all are left out.
    fn fair_spread_of_night_shifts(&self) -> Vec<Constraint> {
        let mut rows = Vec::new();
        for spread in &self.night_spread {
            for (cohort, c) in self.cohorts.iter().enumerate() {
                if self.group_of(cohort) != spread.group {
                    continue;
                }
                let nights: Vec<Variable> = self
                    .mine(cohort)
                    .filter(|s| self.is_night(&self.slots[s.slot]))
                    .map(|s| s.var)
                    .collect();
                if nights.is_empty() {
                    continue;
                }
                let count = nights.iter().fold(Expression::from(0.0), |e, v| e + *v);
                rows.push(constraint!(count.clone() <= c.size() * spread.most));
                rows.push(constraint!(count >= c.size() * spread.fewest));
            }
        }
        rows
    }

    /// Whether working `slot` in `pool` keeps the duty of phase `phase`.
    fn keeps_duty(&self, phase: usize, pool: usize, slot: usize) -> bool {
        let phase = &self.scenario.phases[phase];
        let slot = &self.slots[slot];
        slot.start < phase.end
            && phase.start < slot.end
            && self.pools[pool]
                .queues
                .iter()
                .any(|q| phase.queues.contains(&self.scenario.queues[*q].name))
    }

    /// A cohort's shifts that keep a phase's duty.
    fn duty_shifts(&self, phase: usize, cohort: usize) -> impl Iterator<Item = &StaffShift> + '_ {
        let pool = self.cohorts[cohort].pool;
        self.mine(cohort)
            .filter(move |s| self.keeps_duty(phase, pool, s.slot))
    }

    fn solve(self) -> Result<Schedule> {
        let solution = self.optimise()?;
        let named = self.name_staff(&solution)?;
        if self.naming_kept_cost(&solution, &named) {
            return Ok(self.read(&solution, &named));
        }
        // Rare: the cohorts' totals fit their rules but no one person's week does. Plan person
        // by person instead (exact, slower).
        let mut by_person = Model::new(
            self.scenario,
            self.staff,
            self.requirements,
            Stage::PlanByPerson,
        );
        by_person.part_timer_cap = self.part_timer_cap;
        let solution = by_person.optimise()?;
        let named = by_person.name_staff(&solution)?;
        Ok(by_person.read(&solution, &named))
    }

    /// Whether the named shifts cost what the plan counted: every shift taken, and no more
    /// overtime or missed phase duties than the cohorts' totals. Then the plan's optimality
    /// (or gap) holds for the named roster too, since cohort totals only relax the rules.
    fn naming_kept_cost(&self, solution: &impl Solution, named: &Named) -> bool {
        let planned_overtime: f64 = self.overtime.iter().map(|o| solution.value(o.var)).sum();
        let planned_misses: f64 = self.duties.iter().map(|d| solution.value(d.missed)).sum();
        named.dropped == 0
            && self.overtime_hours(&named.shifts) <= planned_overtime + 1e-6
            && self.missed_duties(&named.shifts).len() as f64 <= planned_misses + 1e-6
    }

    /// Solves this model within the scenario's time limit and gap.
    fn optimise(&self) -> Result<impl Solution> {
        // For developers: SHIFTCAST_SOLVER_LOG=1 shows HiGHS's progress on stdout.
        let log = std::env::var_os("SHIFTCAST_SOLVER_LOG").is_some();
        let mut problem = self
            .vars
            .clone()
            .minimise(self.cost())
            .using(highs)
            .set_option("output_flag", log)
            .set_option("log_to_console", log)
            .set_time_limit(self.scenario.solver.time_limit_seconds);
        problem = problem
            .set_mip_rel_gap(self.scenario.solver.relative_gap as f32)
            .map_err(|e| Error::Solver(e.to_string()))?;
        for (_, rows) in self.constraint_families() {
            for row in rows {
                problem.add_constraint(row);
            }
        }
        problem.solve().map_err(|e| Error::Solver(e.to_string()))
    }

    /// Who works each planned staff shift, as (person, slot): a cohort of one is named by the
    /// plan itself, a larger cohort by a naming model of its own members.
    fn name_staff(&self, solution: &impl Solution) -> Result<Named> {
        let mut named = Named {
            shifts: Vec::new(),
            dropped: 0,
        };
        for (c, cohort) in self.cohorts.iter().enumerate() {
            let counts: BTreeMap<usize, u32> = self
                .mine(c)
                .map(|s| (s.slot, solution.value(s.var).round().max(0.0) as u32))
                .filter(|(_, n)| *n > 0)
                .collect();
            if cohort.members.len() == 1 || counts.is_empty() {
                named
                    .shifts
                    .extend(counts.keys().map(|&slot| (cohort.members[0], slot)));
                continue;
            }
            let stage = Stage::Name {
                members: cohort.members.clone(),
                counts,
            };
            let naming = Model::new(self.scenario, self.staff, &[], stage);
            let names = naming.optimise()?;
            named.shifts.extend(
                naming
                    .staff_shifts
                    .iter()
                    .filter(|s| names.value(s.var) > 0.5)
                    .map(|s| (naming.cohorts[s.cohort].members[0], s.slot)),
            );
            for f in &naming.fills {
                named.dropped += names.value(f.dropped).round().max(0.0) as usize;
            }
        }
        Ok(named)
    }

    /// Overtime hours of the named plan: each person's hours above contract, week by week.
    fn overtime_hours(&self, named: &[(usize, usize)]) -> f64 {
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

    fn read(&self, solution: &impl Solution, named: &Named) -> Schedule {
        let overtime = self.overtime_hours(&named.shifts);
        let missed_duties = self.missed_duties(&named.shifts);
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
        for &(person, slot) in &named.shifts {
            workers.push((self.pool_of[person], slot, Some(person)));
            pay += self.shift_pay(&self.slots[slot], costs.full_time_per_hour);
        }
        for s in &self.part_time_shifts {
            for _ in 0..count(s.var) {
                workers.push((self.part_time_pool, s.slot, None));
                pay += self.shift_pay(&self.slots[s.slot], costs.part_time_per_hour);
            }
        }
        pay += overtime * costs.overtime_per_hour;
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
            self.split_full_agent_pools(i, &mut shares);
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
                            // Not needed anywhere: stay put, or take the first queue allowed.
                            None => last_queue[w]
                                .into_iter()
                                .chain(pool.queues.iter().copied())
                                .find(|&q| self.may_serve(p, q, i))
                                .unwrap_or(pool.queues[0]),
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

    /// Fills in interval `i`'s split of cross-trained pools whose agents count as full agents:
    /// as much of each queue's requirement as the other pools leave open (a maximum flow), which
    /// meets every requirement the model's `cover_requirement` rows promised.
    fn split_full_agent_pools(&self, i: usize, shares: &mut [PoolShare]) {
        let flexible: Vec<usize> = (0..shares.len())
            .filter(|&k| {
                let pool = &self.pools[shares[k].pool];
                pool.queues.len() > 1 && pool.full_agents(self.scenario)
            })
            .collect();
        if flexible.is_empty() {
            return;
        }
        let count = self.scenario.horizon.len();
        let mut open: Vec<f64> = (0..self.scenario.queues.len())
            .map(|q| f64::from(self.requirements[q * count + i].agents_required))
            .collect();
        for share in shares.iter() {
            for &(q, n) in &share.wanted {
                open[q] -= self.weight(share.pool, q) * n as f64;
            }
        }
        let demand: Vec<u32> = open
            .iter()
            .map(|d| (d - 1e-9).ceil().max(0.0) as u32)
            .collect();
        let supply: Vec<u32> = flexible
            .iter()
            .map(|&k| shares[k].free.len() as u32)
            .collect();
        let pools: Vec<usize> = flexible.iter().map(|&k| shares[k].pool).collect();
        let flow = max_cover(&supply, &demand, |a, q| self.may_serve(pools[a], q, i));
        for (a, &k) in flexible.iter().enumerate() {
            for slot in shares[k].wanted.iter_mut() {
                slot.1 = flow[a][slot.0] as usize;
            }
        }
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
            .any(|s| covers(self.cohorts[s.cohort].pool, s.slot));
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

    /// Phase duties the named shifts miss, by phase and person.
    fn missed_duties(&self, named: &[(usize, usize)]) -> Vec<MissedDuty> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_cover_moves_cross_trained_agents_to_make_room() {
        // Pool 0 serves presale (0) and aftersale (1), pool 1 presale only; 2 agents each, 2
        // needed on each queue. The search first lends pool 0 to presale, then has to move
        // them to aftersale so pool 1 can serve presale: everything is covered.
        let may = |p: usize, q: usize| p == 0 || q == 0;
        let flow = max_cover(&[2, 2], &[2, 2], may);
        assert_eq!(flow, vec![vec![0, 2], vec![2, 0]]);
        // 4 presale-only agents where 3 are needed: one stays unused, and the
        // cross-trained agent goes to aftersale.
        let flow = max_cover(&[1, 4], &[3, 1], may);
        assert_eq!(flow, vec![vec![0, 1], vec![3, 0]]);
    }

    #[test]
    fn alike_people_form_cohorts_of_at_most_the_largest_size() {
        let person = |group: &str| Person {
            name: String::new(),
            group: group.into(),
            skills: vec!["presale".into()],
            available: crate::time::ClockWindow::ALWAYS,
            days_off: vec![],
            max_hours_per_day: 8.0,
            max_hours_per_week: 40.0,
            max_days_in_row: None,
            contract_hours_per_week: None,
        };
        // 45 alike in the main group, then 3 in backup: 45 are dealt into 3 cohorts of 15.
        let mut staff: Vec<Person> = (0..45).map(|_| person("main")).collect();
        staff.extend((0..3).map(|_| person("backup")));
        // Pools hold one group each: main is pool 0, backup pool 1.
        let pool_of: Vec<usize> = staff
            .iter()
            .map(|p| usize::from(p.group == "backup"))
            .collect();
        let cohorts = cohorts_of(&staff, &pool_of);
        let sizes: Vec<usize> = cohorts.iter().map(|c| c.members.len()).collect();
        assert_eq!(sizes, [15, 15, 15, 3]);
        assert_eq!(cohorts[1].members[..3], [1, 4, 7]);
        assert_eq!(cohorts[3].members, [45, 46, 47]);
    }

    #[test]
    fn sets_of_queues_need_a_row_only_when_cross_trained_agents_link_them() {
        // Queues 0, 1, 2; one pool serves 0 and 1, another 2 only.
        let reach = [(0, 0b011), (1, 0b100)];
        assert!(linked(0b001, &reach));
        assert!(linked(0b011, &reach));
        assert!(!linked(0b101, &reach));
        assert!(!linked(0b111, &reach));
    }
}
