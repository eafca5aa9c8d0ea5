//! "How many part-timers do we need, and what does one more buy?": the fewest that leave no hour
//! short (as planned, and when the chats come in at their 80th or 95th percentile), the standby
//! to keep on call, and the curve of the best plan with at most n hired for n from 0 to max.

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::error::Result;
use crate::plan::{part_timers_needed, Inputs, STANDBY_QUANTILE};
use crate::roster;
use crate::schedule::{Deadline, Schedule};
use crate::staffing::Requirement;
use crate::time::format_time;

/// The gap each capped point of the curve may stop at (unless the scenario allows more): a
/// capped plan is found within 0.2% in a second or two, while proving the last 0.1% with few
/// hires spread over the start bands can take minutes, and a curve is for comparing points.
const CURVE_POINT_GAP: f64 = 0.003;

/// Steps of the curve from 0 to the largest count when `--step` is not given (the needed count
/// and the cheapest plan's are points as well): each point is a plan of its own, and on the
/// example 8 steps keep the curve within 15 times one plan's time (every count took 300).
const CURVE_STEPS: u32 = 8;

/// How many times the flat shortfall price an hour short costs in the plan at the needed
/// count, so that plan covers every hour as the count promises.
const COVER_FIRST: f64 = 100.0;

/// The quantiles of the chats `needed_by_quantile` answers for.
pub const QUANTILES: [f64; 3] = [0.5, 0.8, 0.95];

/// The best plan with at most `part_timers` hired.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CurvePoint {
    /// The cap: at most this many part-timers hired.
    pub part_timers: u32,
    /// Agent-hours below the requirement.
    pub shortfall_agent_hours: f64,
    /// Lowest Erlang service level over the plan's intervals.
    pub min_service_level: f64,
    /// Wages of the plan plus the hiring price of each part-timer, in yuan.
    pub cost: f64,
    /// Share of all chats answered within target over the horizon.
    pub service_level: f64,
    /// Average seconds to a first answer over all chats.
    pub asa_seconds: f64,
    /// With `[value]`: margin of the sales the lost chats would have brought, in yuan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sales_at_risk: Option<f64>,
}

/// Part-timers needed when the chats come in at one quantile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuantileNeed {
    /// The quantile of the chats: 0.5 the median, 0.95 a busy case one time in twenty.
    pub quantile: f64,
    /// The fewest part-timers with no hour short then (None: some hour stays short).
    pub part_timers: Option<u32>,
}

/// Part-time shifts of one kind in the answer's plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShiftCount {
    /// The queue served most of the shift.
    pub queue: String,
    /// Shift start, `YYYY-MM-DDTHH:MM`.
    pub start: String,
    /// Shift end, `YYYY-MM-DDTHH:MM`.
    pub end: String,
    /// Part-timers working this shift.
    pub count: usize,
}

/// What `shiftcast parttimers` answers (its `--json` output).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    /// The fewest part-timers with no hour short; None when some hour stays short whatever the
    /// hires (or, with `--max`, at every count tried).
    pub needed: Option<u32>,
    /// Whether `needed` is proved the fewest (within the gap); false when counting ran out of
    /// its time and it is the fewest found.
    pub needed_proven: bool,
    /// What the cheapest plan hires (more people on cheaper shifts can cost less).
    pub hired: u32,
    /// The fewest with no hour short at the 50th, 80th and 95th percentile of the chats (the
    /// forecast's interval and the events' ranges); empty when requirements are given.
    pub needed_by_quantile: Vec<QuantileNeed>,
    /// Part-timers to keep on call beyond the cheapest plan's, to cover the 90th percentile
    /// (None when requirements are given).
    pub standby: Option<u32>,
    /// The best plan at each count tried, from 0 part-timers up to the largest.
    pub curve: Vec<CurvePoint>,
    /// The part-time shifts of the cheapest plan with `needed` part-timers.
    pub shifts: Vec<ShiftCount>,
    /// The time limit ended the curve before its last point: it stops at the last count solved
    /// (left out of the JSON when the curve is whole).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub time_limit_reached: bool,
}

/// Answers "how many part-timers?": the fewest with no hour short (at the plan's quantile and
/// at [`QUANTILES`]), the standby for the 90th percentile, and the curve of the best plan for
/// each count tried from 0 to `max` (default: the larger of needed and hired), every `step`
/// (default: [`CURVE_STEPS`] even steps); `progress(done, total)` after each curve point. The
/// scenario's time limit bounds the whole answer: each solve gets what is left.
pub fn part_timers(
    inputs: &Inputs,
    max: Option<u32>,
    step: Option<u32>,
    progress: &mut dyn FnMut(u32, u32),
) -> Result<Answer> {
    let deadline = Deadline::after(inputs.scenario.solver.time_limit_seconds);
    // The quantiles asked for beside the plan's own, the 90th (standby) last: one fit for all.
    let planned = inputs.scenario.forecast.quantile.unwrap_or(0.5);
    let mut others: Vec<f64> = QUANTILES.into_iter().filter(|q| *q != planned).collect();
    others.push(STANDBY_QUANTILE);
    let crate::plan::Cover {
        forecast,
        requirements,
        at_quantiles,
    } = crate::plan::requirements_and_quantiles(inputs, &others, &mut |_| {})?;
    let mut capped = inputs.clone();
    let gap = &mut capped.scenario.solver.relative_gap;
    *gap = gap.max(CURVE_POINT_GAP);
    // At the needed count a plan with no hour short exists: its cheapest stands for the point,
    // though leaving an hour short at the flat price could cost a little less.
    let mut covering = capped.clone();
    covering.scenario.costs.shortfall_per_agent_hour *= COVER_FIRST;
    let solve =
        |cap: Option<u32>, cover: bool| -> Result<(CurvePoint, Vec<ShiftCount>, Schedule)> {
            let inputs = match (cap, cover) {
                (None, _) => inputs,
                (Some(_), false) => &capped,
                (Some(_), true) => &covering,
            };
            let (schedule, roster, report) =
                crate::plan::staff(inputs, &forecast, &requirements, cap, deadline, &mut |_| {})?;
            let s = report.summary;
            let point = CurvePoint {
                part_timers: cap.unwrap_or(roster.part_timers_hired as u32),
                shortfall_agent_hours: s.shortfall_agent_hours,
                min_service_level: s.min_service_level,
                cost: s.total_cost,
                service_level: s.service_level,
                asa_seconds: s.asa_seconds,
                sales_at_risk: s.sales_at_risk,
            };
            Ok((point, shift_counts(&roster), schedule))
        };
    // Any cap at or above the uncapped plan's count leaves that plan optimal: solve it once.
    let (free, free_shifts, free_schedule) = solve(None, false)?;
    let hired = free.part_timers;
    let free_covers = (free.shortfall_agent_hours == 0.0).then_some(hired as usize);
    let counting = crate::plan::counting_deadline(deadline);
    let counted = part_timers_needed(inputs, &requirements, Some(&free_schedule), counting)?
        .at_most(free_covers);
    let needed = counted.part_timers;
    let max = max.unwrap_or(hired.max(needed.unwrap_or(0)));
    let caps = curve_caps(max, step, [needed, Some(hired)]);
    let mut curve = Vec::new();
    let mut shifts = Vec::new();
    let mut time_limit_reached = false;
    for (k, &n) in caps.iter().enumerate() {
        if n < hired && deadline.left() <= 0.0 {
            time_limit_reached = true;
            break;
        }
        let (point, point_shifts) = if n >= hired {
            let point = CurvePoint {
                part_timers: n,
                ..free.clone()
            };
            (point, free_shifts.clone())
        } else {
            let (point, point_shifts, _) = solve(Some(n), Some(n) == needed)?;
            (point, point_shifts)
        };
        if Some(n) == needed {
            shifts = point_shifts;
        }
        curve.push(point);
        progress(k as u32 + 1, caps.len() as u32);
    }
    Ok(Answer {
        needed: needed.filter(|n| *n <= max),
        needed_proven: counted.proven,
        hired,
        needed_by_quantile: match &at_quantiles {
            Some(at) => {
                let need = |requirements: &[Requirement]| -> Result<Option<u32>> {
                    let counting = crate::plan::counting_deadline(deadline);
                    let cheapest = Some(&free_schedule);
                    let count = part_timers_needed(inputs, requirements, cheapest, counting)?;
                    Ok(count.part_timers)
                };
                needed_by_quantile(planned, needed, &others, at, need)?
            }
            None => Vec::new(),
        },
        standby: match at_quantiles.as_ref().and_then(|at| at.last()) {
            Some(upper) => {
                let counting = crate::plan::counting_deadline(deadline);
                let standby = crate::plan::standby(inputs, &free_schedule, upper, counting)?;
                Some(standby.part_timers_hired as u32)
            }
            None => None,
        },
        curve,
        shifts,
        time_limit_reached,
    })
}

/// The counts the curve is solved at: 0 to `max` every `step` (default: [`CURVE_STEPS`] even
/// steps), `max` itself, and the `marks` (needed, hired) up to `max`; in order, each once.
fn curve_caps(max: u32, step: Option<u32>, marks: [Option<u32>; 2]) -> Vec<u32> {
    let mut caps: Vec<u32> = match step {
        Some(step) => (0..=max).step_by(step.max(1) as usize).collect(),
        None => (0..=CURVE_STEPS)
            .map(|k| (f64::from(max) * f64::from(k) / f64::from(CURVE_STEPS)).round() as u32)
            .collect(),
    };
    caps.push(max);
    caps.extend(marks.into_iter().flatten().filter(|n| *n <= max));
    caps.sort_unstable();
    caps.dedup();
    caps
}

/// The fewest part-timers with no hour short at each of [`QUANTILES`] of the chats: the plan's
/// own quantile (`planned`) reuses `needed`; the others are counted by `need` on their
/// requirements, `at[k]` being those at `others[k]`.
fn needed_by_quantile(
    planned: f64,
    needed: Option<u32>,
    others: &[f64],
    at: &[Vec<Requirement>],
    mut need: impl FnMut(&[Requirement]) -> Result<Option<u32>>,
) -> Result<Vec<QuantileNeed>> {
    QUANTILES
        .into_iter()
        .map(|quantile| {
            let part_timers = match others.iter().position(|q| *q == quantile) {
                Some(k) if quantile != planned => need(&at[k])?,
                _ => needed,
            };
            Ok(QuantileNeed {
                quantile,
                part_timers,
            })
        })
        .collect()
}

/// Hired part-timers' shifts, counted by queue and time.
fn shift_counts(roster: &roster::Roster) -> Vec<ShiftCount> {
    let mut counts: Vec<(NaiveDateTime, NaiveDateTime, String, usize)> = Vec::new();
    for r in roster.rows.iter().filter(|r| r.hired) {
        match counts
            .iter_mut()
            .find(|c| c.0 == r.start && c.1 == r.end && c.2 == r.queue)
        {
            Some(c) => c.3 += 1,
            None => counts.push((r.start, r.end, r.queue.clone(), 1)),
        }
    }
    counts.sort();
    counts
        .into_iter()
        .map(|(start, end, queue, count)| ShiftCount {
            queue,
            start: format_time(start),
            end: format_time(end),
            count,
        })
        .collect()
}
