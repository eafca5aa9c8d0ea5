//! What the manager reads, as numbers: coverage per interval and the summary (the words are
//! in `output::text`).

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::forecast::{Calibration, Forecast};
use crate::roster::{Roster, RosterRow, Serving};
use crate::scenario::{Kind, Person, Scenario};
use crate::schedule::{is_night_shift, BelowMinimum, MissedDuty, Rule, Schedule};
use crate::staffing::{rostered_performance, Requirement};
use crate::time::format_time;

mod hours;
mod levers;
pub use hours::{HoursSpread, PersonSummary};
pub use levers::LeverEffect;

/// Required against scheduled agents in one interval of one queue.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverageRow {
    /// The interval's start.
    pub time: NaiveDateTime,
    /// The queue's name.
    pub queue: String,
    /// Agents on the roster the interval needs (shrinkage included).
    pub required: u32,
    /// Agents the plan has serving this queue then, breaks excluded.
    pub scheduled: u32,
    /// Names of the phases in force for this queue then, joined by `+`.
    pub phase: String,
    /// Full agents missing, rounded up.
    pub shortfall: u32,
    /// Of `scheduled`, cross-trained agents the model lent to this queue then.
    pub cross_trained: u32,
    /// Of `scheduled`, hired part-timers.
    pub part_time: u32,
    /// Erlang service level the scheduled agents reach (share 0-1), counted in full agents (a
    /// new part-timer as part of one) with shrinkage taken off.
    pub service_level: f64,
    /// Average seconds to a first answer, counted the same way; a chat in an interval whose
    /// chats outrun the agents counts as waiting the whole interval.
    pub asa_seconds: f64,
    /// Chats lost: leaving before an answer (queues with `patience_seconds`), or beyond what
    /// the agents can take when the chats outrun them.
    pub lost_chats: f64,
    /// Share of the chats that leave before an answer (Erlang A), for a queue with
    /// `patience_seconds`.
    pub abandonment: Option<f64>,
}

/// An interval where the plan has fewer agents than required.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnmetDemand {
    /// The interval's start, `YYYY-MM-DDTHH:MM`.
    pub timestamp: String,
    /// The queue's name.
    pub queue: String,
    /// Full agents missing (a new part-timer counts as part of one, so this may be fractional).
    pub agents_short: f64,
    /// The rule that keeps the hour short, by its constraint name, and what to change.
    pub reason: String,
}

/// The queue and interval needing the most agents (the earliest, if several tie).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeakHour {
    /// The interval's start, `YYYY-MM-DDTHH:MM`.
    pub timestamp: String,
    /// The queue's name.
    pub queue: String,
    /// Agents on the roster it needs.
    pub agents_required: u32,
}

/// A person in a phase's `must` groups whom the plan could not put on duty in the phase.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MissedPhaseRule {
    /// The rule not met: always `phase_must_be_on_duty`.
    pub rule: &'static str,
    /// The phase's name.
    pub phase: String,
    /// The staff member's name.
    pub person: String,
    /// Why the plan leaves them off, and what to change.
    pub reason: String,
}

/// An interval with too few leads on duty.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeadsMissing {
    /// Interval start, `YYYY-MM-DDTHH:MM`.
    pub timestamp: String,
    /// Whole leads missing: ceil(agents on duty / `rules.agents_per_lead`) less the leads on
    /// duty. (The plan prices the share of a lead missing, 0.5 when half a lead's worth of
    /// agents is over the ratio; with whole leads on duty that rounds up to this.)
    pub leads: u32,
}

/// How evenly one staff group shares night shifts (at least half the shift inside
/// `costs.night`): the fewest and most any member works, over members who work any shift.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NightShiftSpread {
    /// The staff group's name.
    pub group: String,
    /// Night shifts of the member with the fewest.
    pub fewest: usize,
    /// Night shifts of the member with the most.
    pub most: usize,
}

/// The plan in numbers: the contents of `summary.json`, whose keys are the field names.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The fewest hired part-timers with which no hour is short, found by a solve of its own
    /// (None: some hour stays short whatever the hires, or not asked, as for the points of the
    /// part-timer curve).
    pub part_timers_needed: Option<u32>,
    /// Whether `part_timers_needed` is proved the fewest (within the gap); false when counting
    /// ran out of its time and it is the fewest found.
    pub part_timers_needed_proven: bool,
    /// Part-timers the cheapest plan hires: the people (PT-01, PT-02, ...) its part-time shifts
    /// are packed onto. It can be more than needed: more people on shorter or cheaper shifts.
    pub part_timers_hired: usize,
    /// Part-timers to keep on call beyond those hired, to cover the 90th percentile of the chats
    /// (`standby.csv`; None: not asked).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub standby_part_timers: Option<usize>,
    /// Hours of every shift on the roster, breaks included: `full_time_hours` +
    /// `part_time_hours`.
    pub total_agent_hours: f64,
    /// Of those, the staff's hours.
    pub full_time_hours: f64,
    /// Of those, the hired part-timers' hours.
    pub part_time_hours: f64,
    /// Contract hours the salaried full-timers are paid over the plan, worked or not (0: nobody
    /// is salaried, `costs.full_time_salaried` is off).
    pub paid_contract_hours: f64,
    /// Of those, the hours paid but idle: per person and week, the paid hours pro rata less the
    /// hours of their shifts starting that week, when above 0.
    pub idle_contract_hours: f64,
    /// Wages for all planned hours plus the hiring price of each part-timer (the shortfall price
    /// is not a cost paid, so it is not in here).
    pub total_cost: f64,
    /// Agent-hours below the requirement, over every queue and interval (0: nothing short).
    pub shortfall_agent_hours: f64,
    /// Share of all chats answered within their queue's target time over the horizon.
    pub service_level: f64,
    /// Average seconds to a first answer over all chats (see [`CoverageRow::asa_seconds`]).
    pub asa_seconds: f64,
    /// With `[value]`: the margin of the orders the selling queues' lost chats would have
    /// brought (lost chats x conversion x order value x margin), in yuan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sales_at_risk: Option<f64>,
    /// Lowest Erlang C service level over intervals with inquiries.
    pub min_service_level: f64,
    /// Where that lowest service level falls, as `YYYY-MM-DDTHH:MM queue` (None: no interval
    /// has inquiries).
    pub min_service_level_at: Option<String>,
    /// How the optimiser finished: `optimal`, `within-gap`, `time-limit` (the time limit ended
    /// the search; the plan is the best found) or `fallback` (the time limit ended it before
    /// HiGHS had a plan, or before it had named a cohort: a simple plan stands in).
    pub solver_status: &'static str,
    /// Unless the plan is proved optimal: the relative gap reached between the plan's cost and
    /// the best bound proved, e.g. 0.25 (the best plan may cost up to 25% less); left out of
    /// the JSON for an optimal plan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub solver_gap: Option<f64>,
    /// The busiest interval (None: no requirements).
    pub peak: Option<PeakHour>,
    /// What each lever pulled (deflection, SMS reminders, open hours) does to the agents one
    /// interval needs (left out of the JSON when the scenario pulls none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub levers: Vec<LeverEffect>,
    /// Every queue and interval left short, with the reason.
    pub unmet_demand: Vec<UnmetDemand>,
    /// Phase duties the plan could not meet.
    pub missed_phase_rules: Vec<MissedPhaseRule>,
    /// Per staff group, the fewest and most night shifts a member works.
    pub night_shifts: Vec<NightShiftSpread>,
    /// Per staff group, the fewest and most hours a member works.
    pub hours_per_person: Vec<HoursSpread>,
    /// Weeks people work below their minimum hours (rule `min_hours_per_week`; left out of the
    /// JSON when there is none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub below_minimum: Vec<BelowMinimum>,
    /// Intervals with fewer leads on duty than `rules.agents_per_lead` asks (rule
    /// `lead_on_duty`; left out of the JSON when there is none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub leads_missing: Vec<LeadsMissing>,
    /// How the forecast was made (methods chosen, days set aside, event volumes), or the file
    /// the requirements were read from.
    pub forecast_notes: Vec<String>,
    /// What the manager should act on, such as too little history (left out of the JSON when
    /// there is none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub forecast_warnings: Vec<String>,
    /// Past events' orders in the history beside each planned event's service share and
    /// conversion rate (left out of the JSON when the history has no `orders`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub calibration: Vec<Calibration>,
    /// What in the inputs may be a mistake, such as history rows inside the horizon (left out
    /// of the JSON when there is none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// Simulated service level per queue, when `plan --simulate-runs` asks for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub simulation: Option<Vec<crate::simulate::QueueCheck>>,
}

/// What the manager reads about a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// One row per queue and interval, in scenario queue order, then time (`coverage.csv`).
    pub coverage: Vec<CoverageRow>,
    /// The summary numbers (`summary.json`).
    pub summary: Summary,
    /// One row per person of the staff file, then per hired part-timer (`people.csv`).
    pub people: Vec<PersonSummary>,
}

impl Report {
    /// Each person's wage per hour, by name (every name on the roster is there).
    pub fn wages(&self) -> HashMap<&str, f64> {
        self.people
            .iter()
            .map(|p| (p.name.as_str(), p.wage))
            .collect()
    }
}

/// Measures the plan against the requirements: coverage per interval and the summary.
pub(crate) fn build(
    scenario: &Scenario,
    staff: &[Person],
    forecast: &Forecast,
    requirements: &[Requirement],
    schedule: &Schedule,
    roster: &Roster,
) -> Report {
    let serving = Serving {
        scheduled: schedule.scheduled.clone(),
        cross_trained: schedule.cross_trained.clone(),
        part_time: schedule.part_time.clone(),
        effective: schedule.effective.clone(),
    };
    let coverage = coverage(scenario, requirements, &serving, &schedule.shortfall);
    let people = hours::per_person(scenario, staff, roster);
    let mut summary = summary(
        scenario,
        forecast,
        requirements,
        schedule,
        roster,
        &coverage,
    );
    (summary.paid_contract_hours, summary.idle_contract_hours) =
        hours::contract_hours_paid_and_idle(scenario, staff, roster);
    summary.hours_per_person = hours::hours_spread(staff, &people);
    Report {
        coverage,
        summary,
        people,
    }
}

/// Coverage rows with their requirements' chats, as the simulator reads them.
pub fn planned_intervals(
    coverage: &[CoverageRow],
    requirements: &[Requirement],
) -> Vec<crate::simulate::PlannedInterval> {
    coverage
        .iter()
        .zip(requirements)
        .map(|(c, r)| crate::simulate::PlannedInterval {
            time: c.time,
            queue: c.queue.clone(),
            inquiries: r.inquiries,
            scheduled: c.scheduled,
            formula_service_level: c.service_level,
        })
        .collect()
}

/// One coverage row per queue and interval, in scenario queue order, then time: who serves
/// (the plan's, or a roster's as `roster::serving` counts it) and the agents short.
pub(crate) fn coverage(
    scenario: &Scenario,
    requirements: &[Requirement],
    serving: &Serving,
    shortfall: &[Vec<f64>],
) -> Vec<CoverageRow> {
    let horizon = &scenario.horizon;
    let mut coverage = Vec::new();
    for (q, queue) in scenario.queues.iter().enumerate() {
        for (i, r) in requirements[horizon.cell(q, 0)..horizon.cell(q + 1, 0)]
            .iter()
            .enumerate()
        {
            let scheduled = serving.scheduled[q][i];
            let effective = (serving.effective[q][i] + 1e-9).floor() as u32;
            let phase: Vec<&str> = scenario
                .phases
                .iter()
                .filter(|p| p.start <= r.time && r.time < p.end && p.queues.contains(&queue.name))
                .map(|p| p.name.as_str())
                .collect();
            let (performance, lost) =
                rostered_performance(queue, r.inquiries, effective, horizon.interval_minutes);
            let wait_cap = f64::from(horizon.interval_minutes) * 60.0;
            coverage.push(CoverageRow {
                time: r.time,
                queue: queue.name.clone(),
                required: r.agents_required,
                scheduled,
                phase: phase.join("+"),
                shortfall: (shortfall[q][i] - 1e-9).ceil().max(0.0) as u32,
                cross_trained: serving.cross_trained[q][i],
                part_time: serving.part_time[q][i],
                service_level: performance.service_level.unwrap_or(1.0),
                asa_seconds: performance.asa_seconds.min(wait_cap),
                lost_chats: r.inquiries * lost,
                abandonment: performance.abandonment_probability,
            });
        }
    }
    coverage
}

/// The summary numbers, from the roster's hours, the schedule's costs and shortfalls, and the
/// coverage rows' service levels.
fn summary(
    scenario: &Scenario,
    forecast: &Forecast,
    requirements: &[Requirement],
    schedule: &Schedule,
    roster: &Roster,
    coverage: &[CoverageRow],
) -> Summary {
    let hours = |kind: Kind| -> f64 {
        roster
            .rows
            .iter()
            .filter(|r| r.kind == kind)
            .map(|r| r.hours())
            .sum::<f64>()
            + 0.0 // an empty roster's -0.0 as 0
    };
    let (full_time_hours, part_time_hours) = (hours(Kind::FullTime), hours(Kind::PartTime));
    let lowest = lowest_service_level(coverage, requirements);
    let unmet_demand = unmet_demand(scenario, schedule);
    // + 0.0 turns the empty sum's -0.0 into 0.
    let shortfall_agent_hours = round2(
        unmet_demand.iter().map(|u| u.agents_short).sum::<f64>()
            * scenario.horizon.interval_hours(),
    ) + 0.0;
    let chats: f64 = requirements.iter().map(|r| r.inquiries).sum();
    // Averaged over chats; with no chats at all, `empty`.
    let per_chat = |value: fn(&CoverageRow) -> f64, empty: f64| -> f64 {
        let total: f64 = coverage
            .iter()
            .zip(requirements)
            .map(|(c, r)| value(c) * r.inquiries)
            .sum();
        if chats > 0.0 {
            total / chats
        } else {
            empty
        }
    };
    Summary {
        part_timers_needed: None,
        part_timers_needed_proven: false,
        part_timers_hired: roster.part_timers_hired,
        standby_part_timers: None,
        total_agent_hours: full_time_hours + part_time_hours,
        full_time_hours,
        part_time_hours,
        paid_contract_hours: 0.0,
        idle_contract_hours: 0.0,
        total_cost: round2(
            schedule.pay + roster.part_timers_hired as f64 * scenario.costs.part_time_per_person,
        ),
        shortfall_agent_hours,
        service_level: round4(per_chat(|c| c.service_level, 1.0)),
        asa_seconds: round1(per_chat(|c| c.asa_seconds, 0.0)),
        sales_at_risk: scenario.value.as_ref().map(|value| {
            let lost: f64 = coverage
                .iter()
                .filter(|c| value.queues.contains(&c.queue))
                .map(|c| c.lost_chats)
                .sum();
            round2(lost * value.per_chat())
        }),
        min_service_level: lowest.map_or(1.0, |c| round4(c.service_level)),
        min_service_level_at: lowest.map(|c| format!("{} {}", format_time(c.time), c.queue)),
        solver_status: schedule.status.label(),
        solver_gap: schedule.gap.map(round4),
        peak: peak_hour(requirements),
        levers: levers::effects(scenario, &forecast.rows),
        unmet_demand,
        missed_phase_rules: schedule.missed_duties.iter().map(missed_rule).collect(),
        below_minimum: schedule.below_minimum.clone(),
        leads_missing: schedule
            .leads_short
            .iter()
            .map(|&(t, share)| LeadsMissing {
                timestamp: format_time(t),
                leads: (share - 1e-6).ceil().max(1.0) as u32,
            })
            .collect(),
        night_shifts: night_shift_spread(scenario, roster),
        hours_per_person: Vec::new(),
        forecast_notes: forecast.notes.clone(),
        forecast_warnings: forecast.warnings.clone(),
        calibration: forecast.calibration.iter().map(rounded).collect(),
        warnings: Vec::new(),
        simulation: None,
    }
}

/// A calibration as summary.json gives it: counts to 2 decimals, ratios to 4 (whether it
/// differs was decided before rounding).
fn rounded(c: &Calibration) -> Calibration {
    Calibration {
        hours: round2(c.hours),
        orders: round2(c.orders),
        presale_inquiries: round2(c.presale_inquiries),
        inquiries_per_order: round4(c.inquiries_per_order),
        scenario_inquiries_per_order: round4(c.scenario_inquiries_per_order),
        service_share: round4(c.service_share),
        conversion_rate: round4(c.conversion_rate),
        ..c.clone()
    }
}

/// The coverage row with the lowest service level among intervals with inquiries (the first,
/// if several tie).
fn lowest_service_level<'a>(
    coverage: &'a [CoverageRow],
    requirements: &[Requirement],
) -> Option<&'a CoverageRow> {
    coverage
        .iter()
        .zip(requirements)
        .filter(|(_, r)| r.inquiries > 0.0)
        .min_by(|(a, _), (b, _)| a.service_level.total_cmp(&b.service_level))
        .map(|(c, _)| c)
}

/// The queue and interval needing the most agents, the earliest if several tie.
fn peak_hour(requirements: &[Requirement]) -> Option<PeakHour> {
    requirements
        .iter()
        .max_by(|a, b| {
            a.agents_required
                .cmp(&b.agents_required)
                .then(b.time.cmp(&a.time))
        })
        .map(|r| PeakHour {
            timestamp: format_time(r.time),
            queue: r.queue.clone(),
            agents_required: r.agents_required,
        })
}

/// Every queue and interval the schedule leaves short, with the schedule's reason.
fn unmet_demand(scenario: &Scenario, schedule: &Schedule) -> Vec<UnmetDemand> {
    let horizon = &scenario.horizon;
    schedule
        .shortfall_reasons
        .iter()
        .map(|(&(q, i), reason)| UnmetDemand {
            timestamp: format_time(horizon.start + horizon.interval() * i as i32),
            queue: scenario.queues[q].name.clone(),
            agents_short: schedule.shortfall[q][i],
            reason: reason.clone(),
        })
        .collect()
}

fn night_shift_spread(scenario: &Scenario, roster: &Roster) -> Vec<NightShiftSpread> {
    let mut nights: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for r in roster.rows.iter().filter(|r| !r.hired) {
        *nights.entry((&r.group, &r.name)).or_default() +=
            usize::from(!r.is_session() && is_night_shift(scenario, r.start, r.end));
    }
    let mut spread: Vec<NightShiftSpread> = Vec::new();
    for ((group, _), n) in nights {
        match spread.last_mut() {
            Some(s) if s.group == group => {
                s.fewest = s.fewest.min(n);
                s.most = s.most.max(n);
            }
            _ => spread.push(NightShiftSpread {
                group: group.to_string(),
                fewest: n,
                most: n,
            }),
        }
    }
    spread
}

fn missed_rule(m: &MissedDuty) -> MissedPhaseRule {
    MissedPhaseRule {
        rule: Rule::PhaseMustBeOnDuty.name(),
        phase: m.phase.clone(),
        person: m.person.clone(),
        reason: m.reason.clone(),
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// `x` to 2 decimals, as summaries show amounts.
pub(crate) fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// One person's shifts, for roster grids.
pub(crate) struct PersonShifts<'a> {
    pub name: &'a str,
    pub group: &'a str,
    pub shifts: Vec<&'a RosterRow>,
}

/// Everyone on the roster with their shifts: staff by name, then PT-01, PT-02, ... PT-100.
pub(crate) fn people(roster: &Roster) -> Vec<PersonShifts<'_>> {
    let mut by_name: BTreeMap<(bool, usize, &str), PersonShifts> = BTreeMap::new();
    for r in &roster.rows {
        let hired = r.hired;
        let key = (hired, if hired { r.name.len() } else { 0 }, r.name.as_str());
        by_name
            .entry(key)
            .or_insert_with(|| PersonShifts {
                name: &r.name,
                group: &r.group,
                shifts: Vec::new(),
            })
            .shifts
            .push(r);
    }
    by_name.into_values().collect()
}

/// One hired part-timer's load, for the Part-timers sheet.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PartTimer {
    pub name: String,
    pub shifts: usize,
    pub hours: f64,
    pub first_start: NaiveDateTime,
    pub last_end: NaiveDateTime,
}

/// The hired part-timers (PT-01, ...) with their shifts and hours, in name order.
pub(crate) fn part_timers(roster: &Roster) -> Vec<PartTimer> {
    let mut out: Vec<PartTimer> = Vec::new();
    let mut rows: Vec<_> = roster.rows.iter().filter(|r| r.hired).collect();
    rows.sort_by(|a, b| (&a.name, a.start).cmp(&(&b.name, b.start)));
    for r in rows {
        match out.last_mut() {
            Some(p) if p.name == r.name => {
                p.shifts += 1;
                p.hours += r.hours();
                p.last_end = p.last_end.max(r.end);
            }
            _ => out.push(PartTimer {
                name: r.name.clone(),
                shifts: 1,
                hours: r.hours(),
                first_start: r.start,
                last_end: r.end,
            }),
        }
    }
    out
}
