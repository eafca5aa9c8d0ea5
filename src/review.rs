//! After the event (`shiftcast review`): what happened against the plan written for it. Per
//! queue, chats forecast against actual over the hours the actuals cover (WAPE, bias, the worst
//! hours, the service level); per queue and hour, the agents planned against those the actual
//! chats needed; per event, what the actual orders imply for its service share and conversion
//! rate; and the settings to use next time. No I/O: [`review`] takes what the readers give.

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::error::Result;
use crate::intraday::{Actual, WrittenPlan};
use crate::report::round2;
use crate::roster::serving;
use crate::scenario::{Event, Queue, Scenario};
use crate::staffing::{agents_required, rostered_performance};
use crate::time::format_time;

/// How many hours `worst_hours` lists per queue: enough to see the pattern (the event's first
/// hours, a campaign nobody announced) without the list becoming the table.
const WORST_HOURS: usize = 3;

/// The review of a plan against what happened (the `--json` output).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Review {
    /// The first interval the actuals cover, if any.
    pub first_hour: Option<String>,
    /// The last interval the actuals cover, if any.
    pub last_hour: Option<String>,
    /// One per queue, in scenario order, over the hours it has actuals for.
    pub queues: Vec<QueueReview>,
    /// One per queue and hour with actuals, by time then scenario queue order.
    pub hours: Vec<HourReview>,
    /// One per planned event whose pre-sale hours the actuals cover.
    pub events: Vec<EventReview>,
    /// The settings the actuals say to change, with the value to use next time.
    pub next_time: Vec<Suggestion>,
}

/// One queue, over the hours it has actuals for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueueReview {
    /// The queue's name.
    pub queue: String,
    /// Hours with actuals.
    pub hours: usize,
    /// Chats forecast over them (to 2 decimals).
    pub forecast: f64,
    /// Chats that came (to 2 decimals).
    pub actual: f64,
    /// Sum of |actual - forecast| / sum of actual; None without chats.
    pub wape: Option<f64>,
    /// (forecast - actual) / actual over the hours: positive when the forecast was too high.
    pub bias: Option<f64>,
    /// The hours with the largest |actual - forecast|, largest first.
    pub worst_hours: Vec<HourError>,
    /// Hours where the agents planned were fewer than the actual chats needed.
    pub hours_understaffed: usize,
    /// The formula's service level the planned agents give the actual chats, over all hours
    /// reviewed, weighted by actual chats.
    pub service_level_planned_for_actual: Option<f64>,
    /// Of the hours whose actuals give `answered_within_target`: the share answered in time...
    pub service_level_actual: Option<f64>,
    /// ... and the service level the plan promised for them (the formula's at the forecast,
    /// weighted by forecast chats, as the plan's summary weighs it).
    pub service_level_planned: Option<f64>,
}

/// An hour where the forecast missed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HourError {
    /// The interval's start.
    pub timestamp: String,
    /// Chats forecast.
    pub forecast: f64,
    /// Chats that came.
    pub actual: f64,
}

/// One queue in one hour.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HourReview {
    /// The interval's start.
    #[serde(skip)]
    pub time: NaiveDateTime,
    /// The same, `YYYY-MM-DDTHH:MM`.
    pub timestamp: String,
    /// The queue's name.
    pub queue: String,
    /// Chats forecast (requirements.csv).
    pub forecast: f64,
    /// Chats that came.
    pub actual: f64,
    /// Agents the plan required for the forecast.
    pub agents_required: u32,
    /// Agents the actual chats needed by the same formula and targets.
    pub agents_required_by_actual: u32,
    /// Agents serving the queue by the roster.
    pub agents_planned: u32,
    /// The same in full agents (a hired part-timer counts as the queue's part-time weight),
    /// rounded down as the plan's coverage counts them.
    pub full_agents_planned: u32,
    /// Agents logged in, when the actuals give it.
    pub agents_logged_in: Option<f64>,
    /// The formula's service level for the planned agents at the forecast (coverage.csv's).
    pub service_level_planned: f64,
    /// The same at the actual chats.
    pub service_level_planned_for_actual: f64,
    /// The share answered within target, when the actuals give it and chats came.
    pub service_level_actual: Option<f64>,
}

/// A planned event whose pre-sale hours the actuals cover.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventReview {
    /// The event's name.
    pub name: String,
    /// Its index in the scenario's `[[events]]`.
    pub index: usize,
    /// The queue taking its pre-sale chats.
    pub presale_queue: String,
    /// Event hours with pre-sale actuals, of `event_hours`.
    pub hours: usize,
    /// The event's length in hours.
    pub event_hours: u32,
    /// Pre-sale chats forecast over the hours covered.
    pub forecast_presale: f64,
    /// Pre-sale chats that came in them.
    pub actual_presale: f64,
    /// Orders in the covered hours that give them.
    pub orders: Option<f64>,
    /// Pre-sale chats per order over those hours...
    pub inquiries_per_order: Option<f64>,
    /// ... against the scenario's: service_share / conversion_rate (mids).
    pub scenario_inquiries_per_order: f64,
    /// Orders from buyers who chatted, in the covered hours that give them.
    pub service_orders: Option<f64>,
    /// service_orders / orders over the hours giving both...
    pub service_share: Option<f64>,
    /// ... against the scenario's `service_share` (mid).
    pub scenario_service_share: f64,
    /// service_orders / pre-sale chats over the hours giving service orders...
    pub conversion_rate: Option<f64>,
    /// ... against the scenario's `conversion_rate` (mid).
    pub scenario_conversion_rate: f64,
}

/// A setting to change: the value the actuals imply beside the scenario's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    /// The scenario key, e.g. `events[0].conversion_rate`.
    pub key: String,
    /// The value to use next time, to 2 decimals.
    pub value: f64,
    /// The scenario's value (the mid of a range).
    pub scenario: f64,
}

/// Reviews `plan` (read back from its folder) against `actuals`: rows of queues the scenario
/// does not name or times off its horizon are left out (the actuals reader refuses them). Fails
/// only where staffing the actual chats does (a load past what shiftcast staffs).
pub fn review(scenario: &Scenario, plan: &WrittenPlan, actuals: &[Actual]) -> Result<Review> {
    let hours = hours(scenario, plan, actuals)?;
    let queues: Vec<QueueReview> = scenario
        .queues
        .iter()
        .map(|q| queue_review(q, &hours))
        .collect();
    let events: Vec<EventReview> = scenario
        .events
        .iter()
        .enumerate()
        .filter_map(|(index, e)| event_review(index, e, &hours, actuals))
        .collect();
    Ok(Review {
        first_hour: hours.first().map(|h| h.timestamp.clone()),
        last_hour: hours.last().map(|h| h.timestamp.clone()),
        next_time: next_time(&events),
        queues,
        hours,
        events,
    })
}

/// One row per actual the plan has a cell for, by time then queue.
fn hours(scenario: &Scenario, plan: &WrittenPlan, actuals: &[Actual]) -> Result<Vec<HourReview>> {
    let horizon = &scenario.horizon;
    let minutes = horizon.interval_minutes;
    let serving = serving(&plan.roster, &[], scenario);
    let mut cells: Vec<(usize, usize, &Actual)> = actuals
        .iter()
        .filter_map(|a| {
            let q = scenario.queues.iter().position(|q| q.name == a.queue)?;
            let i = horizon
                .index_of(a.time)
                .filter(|&i| horizon.time_of(i) == a.time)?;
            Some((q, i, a))
        })
        .filter(|(q, i, _)| horizon.cell(*q, *i) < plan.requirements.len())
        .collect();
    cells.sort_by_key(|(q, i, _)| (*i, *q));
    let mut hours = Vec::with_capacity(cells.len());
    for (q, i, actual) in cells {
        let queue = &scenario.queues[q];
        let required = &plan.requirements[horizon.cell(q, i)];
        let full = (serving.effective[q][i] + 1e-9).floor() as u32;
        let service_level = |chats: f64| {
            rostered_performance(queue, chats, full, minutes)
                .0
                .service_level
                .unwrap_or(1.0)
        };
        hours.push(HourReview {
            time: actual.time,
            timestamp: format_time(actual.time),
            queue: queue.name.clone(),
            forecast: required.inquiries,
            actual: actual.inquiries,
            agents_required: required.agents_required,
            agents_required_by_actual: agents_required(queue, actual.inquiries, minutes)?,
            agents_planned: serving.scheduled[q][i],
            full_agents_planned: full,
            agents_logged_in: actual.agents_logged_in,
            service_level_planned: service_level(required.inquiries),
            service_level_planned_for_actual: service_level(actual.inquiries),
            service_level_actual: actual
                .answered_within_target
                .filter(|_| actual.inquiries > 0.0)
                .map(|answered| answered / actual.inquiries),
        });
    }
    Ok(hours)
}

/// `part / whole`, None when the whole is nothing.
fn share(part: f64, whole: f64) -> Option<f64> {
    (whole > 0.0).then(|| part / whole)
}

/// The sum of `value` over `hours` weighted by `weight`, over the sum of `weight`.
fn weighted(
    hours: &[&HourReview],
    value: impl Fn(&HourReview) -> f64,
    weight: impl Fn(&HourReview) -> f64,
) -> Option<f64> {
    let total: f64 = hours.iter().map(|h| weight(h)).sum();
    share(hours.iter().map(|h| value(h) * weight(h)).sum(), total)
}

fn queue_review(queue: &Queue, all: &[HourReview]) -> QueueReview {
    let hours: Vec<&HourReview> = all.iter().filter(|h| h.queue == queue.name).collect();
    let forecast: f64 = hours.iter().map(|h| h.forecast).sum();
    let actual: f64 = hours.iter().map(|h| h.actual).sum();
    let missed: f64 = hours.iter().map(|h| (h.actual - h.forecast).abs()).sum();
    let mut worst = hours.clone();
    worst.sort_by(|a, b| {
        let miss = |h: &HourReview| (h.actual - h.forecast).abs();
        miss(b).total_cmp(&miss(a)).then(a.time.cmp(&b.time))
    });
    let answered: Vec<&HourReview> = hours
        .iter()
        .copied()
        .filter(|h| h.service_level_actual.is_some())
        .collect();
    QueueReview {
        queue: queue.name.clone(),
        hours: hours.len(),
        forecast: round2(forecast),
        actual: round2(actual),
        wape: share(missed, actual),
        bias: share(forecast - actual, actual),
        worst_hours: worst
            .iter()
            .filter(|h| h.actual != h.forecast)
            .take(WORST_HOURS)
            .map(|h| HourError {
                timestamp: h.timestamp.clone(),
                forecast: h.forecast,
                actual: h.actual,
            })
            .collect(),
        hours_understaffed: hours
            .iter()
            .filter(|h| h.full_agents_planned < h.agents_required_by_actual)
            .count(),
        service_level_planned_for_actual: weighted(
            &hours,
            |h| h.service_level_planned_for_actual,
            |h| h.actual,
        ),
        service_level_actual: weighted(
            &answered,
            |h| h.service_level_actual.unwrap_or(0.0),
            |h| h.actual,
        ),
        service_level_planned: weighted(&answered, |h| h.service_level_planned, |h| h.forecast),
    }
}

/// The event's pre-sale hours with actuals, and what the orders given in them imply. Orders
/// are the shop's, so an hour's orders are the ones any queue's row of it carries.
fn event_review(
    index: usize,
    event: &Event,
    hours: &[HourReview],
    actuals: &[Actual],
) -> Option<EventReview> {
    let presale: Vec<&HourReview> = hours
        .iter()
        .filter(|h| h.queue == event.presale_queue && event.start <= h.time && h.time < event.end())
        .collect();
    if presale.is_empty() {
        return None;
    }
    let given = |t: NaiveDateTime, field: fn(&Actual) -> Option<f64>| {
        actuals.iter().filter(|a| a.time == t).find_map(field)
    };
    // (orders, chats) over the hours giving orders, (service orders, chats) over those giving
    // service orders, (service orders, orders) over those giving both.
    let (mut orders, mut service_orders, mut both) = (None, None, None);
    for h in &presale {
        let (o, s) = (
            given(h.time, |a| a.orders),
            given(h.time, |a| a.service_orders),
        );
        if let Some(o) = o {
            add(&mut orders, o, h.actual);
        }
        if let Some(s) = s {
            add(&mut service_orders, s, h.actual);
        }
        if let (Some(o), Some(s)) = (o, s) {
            add(&mut both, s, o);
        }
    }
    let (share_mid, conversion_mid) = (event.service_share.mid, event.conversion_rate.mid);
    Some(EventReview {
        name: event.name.clone(),
        index,
        presale_queue: event.presale_queue.clone(),
        hours: presale.len(),
        event_hours: event.hours,
        forecast_presale: round2(presale.iter().map(|h| h.forecast).sum()),
        actual_presale: round2(presale.iter().map(|h| h.actual).sum()),
        orders: orders.map(|(n, _)| n),
        inquiries_per_order: orders.and_then(|(n, chats)| share(chats, n)),
        scenario_inquiries_per_order: share_mid / conversion_mid,
        service_orders: service_orders.map(|(n, _)| n),
        service_share: both.and_then(|(service, orders)| share(service, orders)),
        scenario_service_share: share_mid,
        conversion_rate: service_orders.and_then(|(n, chats)| share(n, chats)),
        scenario_conversion_rate: conversion_mid,
    })
}

/// Adds `a` and `b` to a pair of sums, starting it at the first.
fn add(sums: &mut Option<(f64, f64)>, a: f64, b: f64) {
    let (x, y) = sums.get_or_insert((0.0, 0.0));
    (*x, *y) = (*x + a, *y + b);
}

/// The event settings whose implied value differs from the scenario's at 2 decimals. With
/// service orders given, the share and the conversion rate each; with orders alone, the
/// conversion rate that gives the chats per order seen with the scenario's share kept.
fn next_time(events: &[EventReview]) -> Vec<Suggestion> {
    let mut suggestions = Vec::new();
    for e in events {
        let conversion = e.conversion_rate.or_else(|| {
            e.inquiries_per_order
                .and_then(|per_order| share(e.scenario_service_share, per_order))
        });
        let key = |name: &str| format!("events[{}].{name}", e.index);
        for (key, implied, had) in [
            (
                key("service_share"),
                e.service_share,
                e.scenario_service_share,
            ),
            (
                key("conversion_rate"),
                conversion,
                e.scenario_conversion_rate,
            ),
        ] {
            if let Some(value) = implied.map(round2).filter(|v| *v != round2(had)) {
                suggestions.push(Suggestion {
                    key,
                    value,
                    scenario: had,
                });
            }
        }
    }
    suggestions
}
