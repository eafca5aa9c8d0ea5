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
//! of rules in [`Rule`], each a named function. Shortfall and missed phase duties are priced
//! slack, so the model always has a plan and the report names what it could not meet.
//!
//! The files follow the solve: `slots` (every shift that could be worked), `candidates` (who may
//! take one), `cohorts` (pools and the staff the plan counts instead of naming), `model` (the
//! variables), `objective` (the cost, or the fewest part-timers), `rules` (what must hold
//! between them; `part_time` the hired part-timers' patterns, counted per start band;
//! `week_rules` the week's structure and fairness; `contracts` minimum hours, leads, sessions
//! and preferences), `solve` (plan, then name the cohorts' members), `readback` and `flow` (the
//! plan as shifts, breaks and queue splits) and `explain` (why an interval stays short or a duty
//! is missed). `verify` counts one rule's broken rows in a hand-made assignment, for the tests.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;

use crate::error::Result;
use crate::scenario::{Person, Scenario};
use crate::staffing::Requirement;

mod candidates;
mod cohorts;
mod contracts;
mod deadline;
mod explain;
mod first_plan;
mod flow;
mod greedy;
mod hindsight;
mod model;
mod objective;
mod on_shift;
mod part_time;
mod readback;
mod refill;
mod rules;
mod slots;
mod solve;
mod submodel;
#[cfg(test)]
mod verify;
mod week_rules;

pub(crate) use candidates::{group_may_serve, part_timers_may_take, staff_may_take};
pub(crate) use cohorts::{pools, Pool};
pub use contracts::BelowMinimum;
pub use deadline::Deadline;
pub(crate) use part_time::start_band;
pub use rules::{Rule, RuleKind};
pub(crate) use slots::{is_night_shift, night_hours, shift_slots, ShiftSlot};

use model::{Model, Stage};
use objective::Objective;

/// What a person does in part of a shift.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Activity {
    /// Serving the named queue.
    Queue(String),
    /// On the named break.
    Break(String),
}

/// A stretch of a shift spent on one activity; `end` is not included.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// When the stretch starts.
    pub start: NaiveDateTime,
    /// When it ends (not included).
    pub end: NaiveDateTime,
    /// What the person does meanwhile.
    pub activity: Activity,
}

/// A shift in the plan; `person` is an index into the staff list, `None` for a hired part-timer.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedShift {
    /// Index into the staff list; `None` for a hired part-timer.
    pub person: Option<usize>,
    /// The queue served most of the shift.
    pub queue: String,
    /// The shift template's name.
    pub template: String,
    /// When the shift starts (possibly before the horizon, for an overnight shift).
    pub start: NaiveDateTime,
    /// When it ends (possibly after the horizon); paid in full.
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
    /// The phase's name.
    pub phase: String,
    /// The person's name.
    pub person: String,
    /// Why, in the planner's words.
    pub reason: String,
}

/// How the solve ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SolverStatus {
    /// Proven cheapest.
    Optimal,
    /// Stopped at the time limit with the best plan found so far.
    TimeLimit,
    /// Stopped within the allowed optimality gap.
    GapLimit,
    /// The time limit ended the search before HiGHS had a plan (or had named a cohort's
    /// members): the simplest feasible plan stands in, with the hours nobody was given short.
    Fallback,
}

impl SolverStatus {
    /// The status as the report and summary write it.
    pub fn label(self) -> &'static str {
        match self {
            SolverStatus::Optimal => "optimal",
            SolverStatus::TimeLimit => "time-limit",
            SolverStatus::GapLimit => "within-gap",
            SolverStatus::Fallback => "fallback",
        }
    }

    /// Whether the time limit ended the search: the plan may cost more than the best one.
    pub fn stopped_early(self) -> bool {
        matches!(self, SolverStatus::TimeLimit | SolverStatus::Fallback)
    }

    /// How a search that finished ended, by the gap left: optimal at 0, else within the gap.
    pub(crate) fn finished_at(gap: f64) -> Self {
        if gap.is_finite() && gap > 0.0 {
            SolverStatus::GapLimit
        } else {
            SolverStatus::Optimal
        }
    }
}

/// The solved plan: every shift, the agents it puts on each queue, and what it leaves unmet.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    /// How the optimiser stopped: proven best, within the gap, or at the time limit.
    pub status: SolverStatus,
    /// Unless the plan is proved optimal: the relative gap between its cost and the best bound
    /// proved (0.25: the best plan may cost up to 25% less).
    pub gap: Option<f64>,
    /// Seconds into the run when a plan within 1% of the best bound was first known (at the
    /// latest, when the solve that found it ended); None if never.
    pub within_1pct_seconds: Option<f64>,
    /// Seconds into the run when the solves were over (the models built and solved, naming
    /// included) and reading the plan back began.
    pub solved_seconds: f64,
    /// Every shift worked, by start, queue and person.
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
    /// Phase duties the plan could not meet, by phase and person.
    pub missed_duties: Vec<MissedDuty>,
    /// Weeks people work below their minimum hours (rule `min_hours_per_week`).
    pub below_minimum: Vec<BelowMinimum>,
    /// Intervals short of leads (rule `lead_on_duty`): interval start, leads missing.
    pub leads_short: Vec<(NaiveDateTime, f64)>,
    /// Wages, per-shift pay, night premium and overtime of every planned shift, sessions, and
    /// salaried contract hours paid but not worked (hiring prices per part-timer are added by
    /// the report, which knows the head count).
    pub pay: f64,
}

/// Plans shifts for the requirements within the scenario's time limit; `requirements` are in
/// scenario queue order, interval order.
pub fn schedule(
    scenario: &Scenario,
    staff: &[Person],
    requirements: &[Requirement],
) -> Result<Schedule> {
    let deadline = Deadline::after(scenario.solver.time_limit_seconds);
    schedule_with_part_timers(
        scenario,
        staff,
        requirements,
        scenario.part_time.max_people,
        deadline,
    )
}

/// [`schedule`] with at most `part_timers` hired part-timers (None: as many as pay off), every
/// solve inside what is left of `deadline`.
pub fn schedule_with_part_timers(
    scenario: &Scenario,
    staff: &[Person],
    requirements: &[Requirement],
    part_timers: Option<u32>,
    deadline: Deadline,
) -> Result<Schedule> {
    let mut model = Model::capped(scenario, staff, requirements, Stage::Plan, part_timers);
    model.deadline = deadline;
    model.solve()
}

/// The plan with the fewest hired part-timers with which no hour is short (pay and the priced
/// rules aside: the question is how many people, not the cheapest way to use them), solved in
/// what is left of `deadline`. Its shortfall is the least any number of hires leaves. It starts
/// from the staff shifts of `cheapest` (the cheapest plan), so a count is known from the first
/// step and improved a few days at a time. When hires could staff every hour that plan leaves
/// short, the count may leave none short.
pub fn fewest_part_timers(
    scenario: &Scenario,
    staff: &[Person],
    requirements: &[Requirement],
    cheapest: Option<&Schedule>,
    deadline: Deadline,
) -> Result<Schedule> {
    // Counting people needs the head count, whatever `part_time.count_people` says.
    let mut counting = scenario.clone();
    counting.part_time.count_people = true;
    let mut model = Model::new(&counting, staff, requirements, Stage::Plan);
    model.objective = Objective::FewestPartTimers;
    model.deadline = deadline;
    if let Some(cheapest) = cheapest {
        model.start_from(cheapest);
        if model.hires_could_cover(&cheapest.shortfall) {
            model.cover_every_hour();
        }
    }
    model.solve()
}
