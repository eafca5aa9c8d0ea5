//! What each lever a manager pulls does to the agents one interval needs, found by staffing
//! that interval's chats with and without it (the staffing formula alone, phases' `min_agents`
//! aside): `deflection` at the queue's peak, SMS reminders where the event's reminders weigh
//! most, and `open` hours at the opening with the largest backlog.

use serde::Serialize;

use super::round2;
use crate::forecast::ForecastRow;
use crate::scenario::{Queue, Scenario};
use crate::staffing::agents_required;
use crate::time::{format_time, ClockWindow};

/// A lever's effect on one interval of one queue (`summary.json`'s `levers`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeverEffect {
    /// `deflection`, `reminder_sms` or `open`.
    pub lever: &'static str,
    /// The queue's name.
    pub queue: String,
    /// The interval compared, `YYYY-MM-DDTHH:MM`.
    pub timestamp: String,
    /// Chats the lever takes from the interval (deflected; reminders by SMS), or for `open`
    /// the chats that waited while the queue was closed and arrive then (to 2 decimals).
    pub chats: f64,
    /// Agents on the roster the interval needs with the lever.
    pub agents_with: u32,
    /// Agents on the roster it would need without it.
    pub agents_without: u32,
}

/// Every lever the scenario pulls, queue by queue in scenario order, then event by event; a
/// lever whose interval cannot be staffed without it (past the staffing bounds) is left out.
pub(super) fn effects(scenario: &Scenario, rows: &[ForecastRow]) -> Vec<LeverEffect> {
    let minutes = scenario.horizon.interval_minutes;
    let effect = |lever, q: &Queue, row: &ForecastRow, chats: f64, without: f64| {
        Some(LeverEffect {
            lever,
            queue: q.name.clone(),
            timestamp: format_time(row.time),
            chats: round2(chats),
            agents_with: agents_required(q, row.inquiries, minutes).ok()?,
            agents_without: agents_required(q, without, minutes).ok()?,
        })
    };
    let mut out = Vec::new();
    for q in &scenario.queues {
        if q.deflection > 0.0 || q.event_deflection > 0.0 {
            let peak = first_max(of_queue(rows, q), |r| r.inquiries + r.deflected);
            out.extend(
                peak.and_then(|r| {
                    effect("deflection", q, r, r.deflected, r.inquiries + r.deflected)
                }),
            );
        }
        if q.open != ClockWindow::ALWAYS {
            let opening = first_max(of_queue(rows, q), |r| r.backlog).filter(|r| r.backlog > 0.0);
            out.extend(
                opening.and_then(|r| effect("open", q, r, r.backlog, r.inquiries - r.backlog)),
            );
        }
    }
    for event in scenario
        .events
        .iter()
        .filter(|e| e.reminder_sms_share > 0.0)
    {
        let Some(q) = scenario.queue(&event.presale_queue) else {
            continue;
        };
        let weight = event.reminder_handle_seconds / q.handle_time_seconds;
        let busiest = first_max(of_queue(rows, q).filter(|r| r.sms_reminders > 0.0), |r| {
            r.inquiries + r.sms_reminders * weight
        });
        out.extend(busiest.and_then(|r| {
            let without = r.inquiries + r.sms_reminders * weight;
            effect("reminder_sms", q, r, r.sms_reminders, without)
        }));
    }
    out
}

/// The rows of queue `q`.
fn of_queue<'a>(rows: &'a [ForecastRow], q: &'a Queue) -> impl Iterator<Item = &'a ForecastRow> {
    rows.iter().filter(move |r| r.queue == q.name)
}

/// The first row with the largest `key`.
fn first_max<'a>(
    rows: impl Iterator<Item = &'a ForecastRow>,
    key: impl Fn(&ForecastRow) -> f64,
) -> Option<&'a ForecastRow> {
    rows.fold(None, |best: Option<&ForecastRow>, r| match best {
        Some(b) if key(b) >= key(r) => Some(b),
        _ => Some(r),
    })
}
