//! Calibration from the history's `orders`: what past events' orders and pre-sale inquiries say
//! of a planned event's service share and conversion rate.
//!
//! A planned event brings orders x `service_share` / `conversion_rate` pre-sale inquiries, and
//! while it runs they replace the ordinary pre-sale volume (the target already counts the buyers
//! who would have come anyway). So a past event is read the same way: its raw pre-sale
//! inquiries over its hours (nothing taken off for an ordinary day) per order over the same
//! hours is the `service_share / conversion_rate` it had. Set beside the planned event's, it
//! gives the service share that ratio implies at the scenario's conversion rate, and the
//! conversion rate it implies at the scenario's service share. Orders and inquiries show only
//! the ratio, so which of the two is off is the manager's call.

use serde::Serialize;

use super::History;
use crate::scenario::{Event, PastEvent, Scenario};

/// How far a past event's inquiries per order may stray from the planned event's before the
/// forecast warns: a third either way (|implied / planned - 1| > 1/3, so 0.8 against a planned
/// 0.6 or 1.2 is at the border, 0.5 against 0.8 is past it). Past events differ from the next
/// one by their own mix of buyers and offers; a third is more than that mix moves the ratio,
/// and less than a share or rate typed wrong (0.4 for 0.04, or a conversion rate taken over all
/// visitors) moves it, so the warning stays for settings worth checking.
pub const OFF_BY: f64 = 1.0 / 3.0;

/// Float rounding taken off the border: 0.8 / 0.6 - 1 is 0.33333333333333348 in floats, a
/// hair above [`OFF_BY`], though 0.8 against 0.6 is a third off exactly.
const ROUNDING: f64 = 1e-9;

/// One past event's orders set beside one planned event's service share and conversion rate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Calibration {
    /// The planned event (`[[events]]`) whose settings are checked.
    pub event: String,
    /// The past event (`[[past_events]]`) the history's numbers come from.
    pub past_event: String,
    /// Hours of the past event with orders in the history and a row of the planned event's
    /// pre-sale queue.
    pub hours: f64,
    /// The history's orders in those hours.
    pub orders: f64,
    /// The pre-sale queue's inquiries in the same hours.
    pub presale_inquiries: f64,
    /// presale_inquiries / orders ...
    pub inquiries_per_order: f64,
    /// ... against the planned event's service_share / conversion_rate (mids).
    pub scenario_inquiries_per_order: f64,
    /// The service share the orders imply at the scenario's conversion rate:
    /// inquiries_per_order x conversion rate ...
    pub service_share: f64,
    /// ... against the scenario's `service_share` (mid).
    pub scenario_service_share: f64,
    /// The conversion rate the orders imply at the scenario's service share:
    /// service share / inquiries_per_order ...
    pub conversion_rate: f64,
    /// ... against the scenario's `conversion_rate` (mid).
    pub scenario_conversion_rate: f64,
    /// Whether inquiries_per_order differs from the scenario's by more than [`OFF_BY`] of the
    /// scenario's.
    pub differs: bool,
}

/// Per planned event, then per past event with orders and pre-sale inquiries in the history
/// over its hours (a past event with no orders or no inquiries there has no ratio to give):
/// the numbers they imply beside the planned event's. `history` is on the horizon's grid.
pub fn calibrate(scenario: &Scenario, history: &History) -> Vec<Calibration> {
    let interval_hours = f64::from(scenario.horizon.interval_minutes) / 60.0;
    let mut out = Vec::new();
    for event in &scenario.events {
        for past in &scenario.past_events {
            if let Some((intervals, orders, inquiries)) = past_orders(event, past, history) {
                let hours = intervals as f64 * interval_hours;
                out.push(compare(event, past, hours, orders, inquiries));
            }
        }
    }
    out
}

/// Over the past event's intervals with orders and a row of the event's pre-sale queue: their
/// count, the orders and the inquiries; None when either sum is zero.
fn past_orders(event: &Event, past: &PastEvent, history: &History) -> Option<(usize, f64, f64)> {
    let presale = history.series.get(&event.presale_queue)?;
    let (mut intervals, mut orders, mut inquiries) = (0, 0.0, 0.0);
    for (time, n) in history.orders.range(past.start..past.end()) {
        if let Some(chats) = presale.get(time) {
            intervals += 1;
            orders += n;
            inquiries += chats;
        }
    }
    (orders > 0.0 && inquiries > 0.0).then_some((intervals, orders, inquiries))
}

/// The planned event's ratio beside what `orders` and `inquiries` over `hours` of `past` imply.
fn compare(
    event: &Event,
    past: &PastEvent,
    hours: f64,
    orders: f64,
    inquiries: f64,
) -> Calibration {
    let (share, conversion) = (event.service_share.mid, event.conversion_rate.mid);
    let per_order = inquiries / orders;
    let planned = share / conversion;
    Calibration {
        event: event.name.clone(),
        past_event: past.name.clone(),
        hours,
        orders,
        presale_inquiries: inquiries,
        inquiries_per_order: per_order,
        scenario_inquiries_per_order: planned,
        service_share: per_order * conversion,
        scenario_service_share: share,
        conversion_rate: share / per_order,
        scenario_conversion_rate: conversion,
        differs: (per_order / planned - 1.0).abs() > OFF_BY + ROUNDING,
    }
}

/// Each calibration as a note, or as a warning saying what to check when it differs.
pub fn tell(calibrations: &[Calibration], notes: &mut Vec<String>, warnings: &mut Vec<String>) {
    for c in calibrations {
        let seen = format!(
            "{}: {} had {:.0} orders and {:.0} pre-sale inquiries over {} hours, {:.2} per order; the scenario plans {:.2} (service share {:.2} / conversion rate {:.2})",
            c.event,
            c.past_event,
            c.orders,
            c.presale_inquiries,
            c.hours,
            c.inquiries_per_order,
            c.scenario_inquiries_per_order,
            c.scenario_service_share,
            c.scenario_conversion_rate
        );
        let (share, conversion) = (c.service_share, c.conversion_rate);
        if c.differs {
            warnings.push(format!(
                "{seen}: more than a third off, the orders imply service share {share:.2} at that conversion rate, or conversion rate {conversion:.2} at that service share; check service_share and conversion_rate"
            ));
        } else {
            notes.push(format!(
                "{seen}: the orders imply service share {share:.2} at that conversion rate, or conversion rate {conversion:.2} at that service share"
            ));
        }
    }
}
