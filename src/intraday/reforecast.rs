//! The re-forecast: the plan's forecast for the hours to come, scaled by the surprise seen so
//! far, the surprise fading with time; and the agents the scaled chats need.
//!
//! Per queue, the surprise is the ratio of actual to forecast chats over the last
//! [`RATIO_HOURS`] hours before now, with [`CREDIBILITY_CHATS`] chats of credibility toward 1
//! (a quiet hour with 3 chats where 2 were expected says little). An interval `h` hours after
//! now is forecast at `forecast x (1 + (ratio - 1) x 0.5^(h / half-life))`: the event's shape
//! is kept and the surprise halves every `[intraday] surprise_half_life_hours`. Where the
//! actuals say how many agents logged in, the share of the planned ones who did (the
//! attendance) is taken as extra shrinkage for the rest of the day: the agents required are
//! divided by it.

use chrono::{Duration, NaiveDateTime};
use serde::Serialize;

use super::{Actual, WrittenPlan};
use crate::error::Result;
use crate::roster;
use crate::scenario::Person;
use crate::scenario::Scenario;
use crate::staffing::{self, Requirement};

/// Hours before now whose actuals set the surprise: recent enough to catch an event that has
/// just left its forecast, long enough to hold a few hundred chats on an ordinary evening.
pub const RATIO_HOURS: i64 = 3;

/// Chats of credibility the forecast keeps against the actuals: with F chats forecast and A
/// seen, the ratio is (A + 20) / (F + 20); at event volume (thousands) it is A / F.
pub const CREDIBILITY_CHATS: f64 = 20.0;

/// One queue and interval from now on: the plan's forecast and the re-forecast.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reforecast {
    /// The interval's start.
    #[serde(serialize_with = "crate::time::serialize_time")]
    pub timestamp: NaiveDateTime,
    /// The queue's name.
    pub queue: String,
    /// Chats the plan forecast.
    pub forecast: f64,
    /// Chats expected now.
    pub reforecast: f64,
}

/// What one queue has seen in the last [`RATIO_HOURS`] hours against the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Surprise {
    /// The queue's name.
    pub queue: String,
    /// Chats seen.
    pub actual: f64,
    /// Chats the plan forecast for those intervals.
    pub forecast: f64,
    /// The ratio the re-forecast starts from: (actual + [`CREDIBILITY_CHATS`]) / (forecast +
    /// [`CREDIBILITY_CHATS`]).
    pub ratio: f64,
    /// Share of the plan's agents on the queue who were logged in, where the actuals give
    /// `agents_logged_in` (at most 1): below 1, the rest of the day is staffed as if that share
    /// came, the absence taken as extra shrinkage.
    pub attendance: Option<f64>,
    /// Share of all the queue's chats so far answered within target, where the actuals give
    /// `answered_within_target`.
    pub service_level_so_far: Option<f64>,
}

/// Per queue in scenario order: what the actuals before `now` say against the plan.
pub(super) fn seen(
    scenario: &Scenario,
    staff: &[Person],
    plan: &WrittenPlan,
    actuals: &[Actual],
    now: NaiveDateTime,
) -> Vec<Surprise> {
    let from = now - Duration::hours(RATIO_HOURS);
    let horizon = &scenario.horizon;
    let scheduled = roster::serving(&plan.roster, staff, scenario).scheduled;
    scenario
        .queues
        .iter()
        .enumerate()
        .map(|(q, queue)| {
            let mine: Vec<&Actual> = actuals.iter().filter(|a| a.queue == queue.name).collect();
            let (mut actual, mut forecast, mut logged_in, mut planned) = (0.0, 0.0, 0.0, 0.0);
            // Only whole intervals: one still under way at `now` holds part of its chats.
            let over = |a: &&&Actual| a.time >= from && a.time + horizon.interval() <= now;
            for a in mine.iter().filter(over) {
                let Some(i) = horizon.index_of(a.time) else {
                    continue;
                };
                actual += a.inquiries;
                forecast += plan.requirements[horizon.cell(q, i)].inquiries;
                if let Some(n) = a.agents_logged_in {
                    logged_in += n;
                    planned += f64::from(scheduled[q][i]);
                }
            }
            let answered: Vec<(f64, f64)> = mine
                .iter()
                .filter_map(|a| Some((a.answered_within_target?, a.inquiries)))
                .collect();
            let chats: f64 = answered.iter().map(|(_, n)| n).sum();
            Surprise {
                queue: queue.name.clone(),
                actual,
                forecast,
                ratio: (actual + CREDIBILITY_CHATS) / (forecast + CREDIBILITY_CHATS),
                attendance: (planned > 0.0).then(|| (logged_in / planned).min(1.0)),
                service_level_so_far: (chats > 0.0)
                    .then(|| answered.iter().map(|(a, _)| a).sum::<f64>() / chats),
            }
        })
        .collect()
}

/// The plan's requirements with the intervals from `now` on re-forecast at each queue's
/// surprise, fading with `[intraday] surprise_half_life_hours`: the chats scaled, and the plan's
/// agents plus what the extra chats need (what the plan added for phases and rounding stays),
/// divided by the attendance seen. Earlier intervals stay as planned.
pub(super) fn reforecast(
    scenario: &Scenario,
    plan: &WrittenPlan,
    surprise: &[Surprise],
    now: NaiveDateTime,
) -> Result<(Vec<Requirement>, Vec<Reforecast>)> {
    let minutes = scenario.horizon.interval_minutes;
    let half_life = scenario.intraday.surprise_half_life_hours;
    let mut requirements = Vec::with_capacity(plan.requirements.len());
    let mut rows = Vec::new();
    for r in &plan.requirements {
        if r.time < now {
            requirements.push(r.clone());
            continue;
        }
        let q = scenario.queues.iter().position(|q| q.name == r.queue);
        let (Some(q), Some(queue)) = (q, scenario.queue(&r.queue)) else {
            requirements.push(r.clone());
            continue;
        };
        let hours_ahead = (r.time - now).num_minutes() as f64 / 60.0;
        let factor = 1.0 + (surprise[q].ratio - 1.0) * 0.5f64.powf(hours_ahead / half_life);
        let inquiries = r.inquiries * factor;
        let extra = staffing::agents_required(queue, inquiries, minutes)?
            .saturating_sub(staffing::agents_required(queue, r.inquiries, minutes)?);
        rows.push(Reforecast {
            timestamp: r.time,
            queue: r.queue.clone(),
            forecast: r.inquiries,
            reforecast: inquiries,
        });
        requirements.push(Requirement {
            inquiries,
            offered_load: staffing::offered_load(inquiries, queue.handle_time_seconds, minutes),
            agents_required: with_attendance(r.agents_required + extra, surprise[q].attendance),
            ..r.clone()
        });
    }
    Ok((requirements, rows))
}

/// Agents to roster so that `agents` are there when only `attendance` of them come.
fn with_attendance(agents: u32, attendance: Option<f64>) -> u32 {
    match attendance {
        Some(share) if share > 0.0 && share < 1.0 => {
            (f64::from(agents) / share - 1e-9).ceil() as u32
        }
        _ => agents,
    }
}
