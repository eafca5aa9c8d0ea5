//! "How many part-timers do we need, and what does one more buy?": the plan re-solved with at
//! most n hired part-timers for n = 0 .. max, and the least n that leaves no hour short.

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::error::Result;
use crate::plan::Inputs;
use crate::roster;
use crate::schedule::Deadline;
use crate::time::format_time;

/// The gap each capped point of the curve may stop at (unless the scenario allows more): a
/// capped plan is found within 0.2% in a second or two, while proving the last 0.1% with few
/// hires spread over the start bands can take minutes, and a curve is for comparing points.
const CURVE_POINT_GAP: f64 = 0.003;

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
    /// Least part-timers with no hour short; None when even `max` leaves hours short.
    pub needed: Option<u32>,
    /// The best plan for each cap from 0 part-timers up to the largest asked for.
    pub curve: Vec<CurvePoint>,
    /// The part-time shifts of the plan with `needed` part-timers.
    pub shifts: Vec<ShiftCount>,
    /// The time limit ended the curve before its last point: it stops at the last cap solved
    /// (left out of the JSON when the curve is whole).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub time_limit_reached: bool,
}

/// Solves the plan for every cap from 0 to `max` (default: as many as the uncapped plan
/// hires); `progress(done, total)` after each. The scenario's time limit bounds the whole
/// curve: each solve gets what is left, and the curve stops when nothing is.
pub fn part_timers(
    inputs: &Inputs,
    max: Option<u32>,
    progress: &mut dyn FnMut(u32, u32),
) -> Result<Answer> {
    let deadline = Deadline::after(inputs.scenario.solver.time_limit_seconds);
    let (forecast, requirements) = crate::plan::requirements(inputs, &mut |_| {})?;
    let mut capped = inputs.clone();
    let gap = &mut capped.scenario.solver.relative_gap;
    *gap = gap.max(CURVE_POINT_GAP);
    let solve = |cap: Option<u32>| -> Result<(CurvePoint, Vec<ShiftCount>)> {
        let inputs = if cap.is_some() { &capped } else { inputs };
        let (_, roster, report) =
            crate::plan::staff(inputs, &forecast, &requirements, cap, deadline, &mut |_| {})?;
        let summary = report.summary;
        let point = CurvePoint {
            part_timers: cap.unwrap_or(roster.part_timers_needed as u32),
            shortfall_agent_hours: summary.shortfall_agent_hours,
            min_service_level: summary.min_service_level,
            cost: summary.total_cost,
        };
        Ok((point, shift_counts(&roster)))
    };
    // Any cap at or above the uncapped plan's count leaves that plan optimal: solve it once.
    let (free, free_shifts) = solve(None)?;
    let max = max.unwrap_or(free.part_timers);
    let mut curve = Vec::new();
    let mut needed = None;
    let mut time_limit_reached = false;
    for n in 0..=max {
        if n < free.part_timers && deadline.left() <= 0.0 {
            time_limit_reached = true;
            break;
        }
        let (point, shifts) = if n >= free.part_timers {
            (
                CurvePoint {
                    part_timers: n,
                    ..free.clone()
                },
                free_shifts.clone(),
            )
        } else {
            solve(Some(n))?
        };
        if needed.is_none() && point.shortfall_agent_hours < 1e-9 {
            needed = Some((n, shifts));
        }
        curve.push(point);
        progress(n + 1, max + 1);
    }
    Ok(Answer {
        needed: needed.as_ref().map(|(n, _)| *n),
        shifts: needed.map(|(_, s)| s).unwrap_or_default(),
        curve,
        time_limit_reached,
    })
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
