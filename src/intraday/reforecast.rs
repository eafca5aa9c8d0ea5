//! The re-forecast: the plan's forecast for the hours to come, scaled by the surprise seen so
//! far, the surprise fading with time; and the agents the scaled chats need.
//!
//! Per queue, the surprise is the ratio of actual to forecast chats over the last
//! [`RATIO_HOURS`] hours before now, with [`CREDIBILITY_CHATS`] chats of credibility toward 1
//! (a quiet hour with 3 chats where 2 were expected says little). An interval `h` hours after
//! now is forecast at `forecast x (1 + (ratio - 1) x 0.5^(h / half-life))`: the event's shape
//! is kept and the surprise halves every `[intraday] surprise_half_life_hours`.

use chrono::{Duration, NaiveDateTime};
use serde::Serialize;

use super::{Actual, WrittenPlan};
use crate::error::Result;
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

/// Per queue in scenario order: actual over forecast chats in the last [`RATIO_HOURS`] before
/// `now`, with [`CREDIBILITY_CHATS`] of credibility toward 1.
pub(super) fn surprise(
    scenario: &Scenario,
    plan: &WrittenPlan,
    actuals: &[Actual],
    now: NaiveDateTime,
) -> Vec<f64> {
    let from = now - Duration::hours(RATIO_HOURS);
    scenario
        .queues
        .iter()
        .map(|queue| {
            let seen = actuals
                .iter()
                .filter(|a| a.queue == queue.name && a.time >= from && a.time < now);
            let (mut actual, mut forecast) = (0.0, 0.0);
            for a in seen {
                let planned = plan
                    .requirements
                    .iter()
                    .find(|r| r.queue == a.queue && r.time == a.time);
                if let Some(r) = planned {
                    actual += a.inquiries;
                    forecast += r.inquiries;
                }
            }
            (actual + CREDIBILITY_CHATS) / (forecast + CREDIBILITY_CHATS)
        })
        .collect()
}

/// The plan's requirements with the intervals from `first` on re-forecast at `ratios` fading
/// with `half_life_hours`: the chats scaled, and the plan's agents plus what the extra chats
/// need (what the plan added for phases and rounding stays). Earlier intervals stay as planned.
pub(super) fn reforecast(
    scenario: &Scenario,
    plan: &WrittenPlan,
    ratios: &[f64],
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
        let factor = 1.0 + (ratios[q] - 1.0) * 0.5f64.powf(hours_ahead / half_life);
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
            agents_required: r.agents_required + extra,
            ..r.clone()
        });
    }
    Ok((requirements, rows))
}
