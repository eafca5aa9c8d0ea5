//! A planned promotion's volume: the sales target turned into pre-sale inquiries and spread by
//! the shape of past events, warm-up days, payment reminders and the after-sale wave.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Duration, NaiveDate, NaiveDateTime};

use super::series::Series;
use super::{ForecastRow, History};
use crate::error::{Error, Result};
use crate::scenario::{Event, PastEvent, Scenario};

mod learned;

use learned::{event_shape, lag_days, learned_lag, normalise};

/// Pre-sale inquiries a sales target brings: orders x service share / conversion rate.
pub fn presale_inquiries(orders: f64, service_share: f64, conversion_rate: f64) -> f64 {
    orders * service_share / conversion_rate
}

/// Payment reminders to send: one per unpaid order, none where the buyer paid another order.
pub fn payment_reminders(orders: f64, unpaid_share: f64, paid_another_share: f64) -> f64 {
    orders * unpaid_share * (1.0 - paid_another_share)
}

/// What an event does to one forecast row beyond its own columns.
#[derive(Debug, Clone, Copy, Default)]
pub struct Extra {
    /// The event's volume replaces the ordinary volume here.
    pub replaced: bool,
    /// Reminder work expressed in chats of the queue's handle time.
    pub reminder_chats: f64,
}

/// Days of past promotions and of the after-sale days after them: not ordinary days.
pub fn promotion_days(scenario: &Scenario) -> BTreeSet<NaiveDate> {
    past_event_days(scenario)
        .into_iter()
        .flat_map(|(_, days)| days)
        .collect()
}

/// Per past promotion: its start date, and the days it covers with the after-sale days after
/// it (as long as the longest after-sale wave of the planned events).
pub fn past_event_days(scenario: &Scenario) -> Vec<(NaiveDate, BTreeSet<NaiveDate>)> {
    let lag_days = scenario.events.iter().map(lag_days).max().unwrap_or(0);
    (scenario.past_events.iter())
        .map(|event| {
            let first = event.start.date();
            let last =
                (event.end() - Duration::minutes(1)).date() + Duration::days(lag_days as i64);
            (
                first,
                first.iter_days().take_while(|d| *d <= last).collect(),
            )
        })
        .collect()
}

/// Adds every planned event's components to `rows` (queue-major over the horizon), with each
/// event's target, service share and conversion rate at their `q` quantile (0.5: as planned).
pub fn add_events(
    scenario: &Scenario,
    history: &History,
    cleaned: &BTreeMap<String, Series>,
    rows: &mut [ForecastRow],
    notes: &mut Vec<String>,
    q: f64,
) -> Result<Vec<Extra>> {
    let extras = vec![Extra::default(); rows.len()];
    let mut grid = Grid {
        scenario,
        rows,
        extras,
        notes,
    };
    for event in &scenario.events {
        let orders = event.orders_at(q);
        grid.add_presale(event, q, history)?;
        grid.add_warmup(event);
        grid.add_reminders(event, orders);
        grid.add_aftersale(event, orders, history, cleaned)?;
    }
    Ok(grid.extras)
}

/// Where the events' components land: the forecast rows with their extras, and the notes.
/// Each `add_*` adds one event's share of one column.
struct Grid<'a> {
    scenario: &'a Scenario,
    rows: &'a mut [ForecastRow],
    extras: Vec<Extra>,
    notes: &'a mut Vec<String>,
}

impl Grid<'_> {
    /// The event's pre-sale inquiries, spread by its shape; they replace the ordinary volume.
    fn add_presale(&mut self, event: &Event, q: f64, history: &History) -> Result<()> {
        let interval = self.scenario.horizon.interval();
        let orders = event.orders_at(q);
        let inquiries = event.presale_inquiries_at(q);
        let (shape, source) = event_shape(event, &self.scenario.past_events, history, interval)?;
        let mut planned = 0.0;
        for (j, share) in shape.iter().enumerate() {
            if let Some(r) = row_index(
                self.scenario,
                &event.presale_queue,
                event.start + interval * j as i32,
            ) {
                self.rows[r].event = inquiries * share;
                self.extras[r].replaced = true;
                planned += inquiries * share;
            }
        }
        // An event running past the horizon claims only the inquiries the plan staffs for.
        let outside = if inquiries - planned > 0.5 {
            format!(" ({planned:.0} of them inside the horizon)")
        } else {
            String::new()
        };
        let range = if event.has_range() {
            format!(
                " (10th to 90th percentile: {:.0} to {:.0})",
                event.presale_inquiries_at(0.1),
                event.presale_inquiries_at(0.9)
            )
        } else {
            String::new()
        };
        self.notes.push(format!(
            "{}: {orders:.0} orders -> {inquiries:.0} pre-sale inquiries{range}{outside}, spread by {source}",
            event.name
        ));
        Ok(())
    }

    /// The warm-up before the event: each warm-up day's ordinary volume raised by its factor
    /// from `warmup_from_hour` on, and the `warmup_hours_before` the start by the last factor
    /// (the day before's; where those hours are warm-up hours of that day already, the factor
    /// is the same and applies once).
    fn add_warmup(&mut self, event: &Event) {
        let interval_minutes = self.scenario.horizon.interval_minutes;
        let mut raise = |r: usize, factor: f64| {
            self.rows[r].warmup = self.rows[r].baseline * (factor - 1.0);
        };
        for (k, factor) in event.warmup.iter().rev().enumerate() {
            let day = event.start.date() - Duration::days(k as i64 + 1);
            let from = day.and_hms_opt(event.warmup_from_hour, 0, 0).unwrap();
            let rows_that_day = day_rows(day, interval_minutes, |t| {
                (t >= from)
                    .then(|| row_index(self.scenario, &event.presale_queue, t))
                    .flatten()
            });
            for r in rows_that_day {
                raise(r, *factor);
            }
        }
        let Some(factor) = event.warmup.last() else {
            return;
        };
        let steps = event.warmup_hours_before * 60 / interval_minutes;
        let interval = self.scenario.horizon.interval();
        for j in 1..=steps {
            let t = event.start - interval * j as i32;
            if let Some(r) = row_index(self.scenario, &event.presale_queue, t) {
                raise(r, *factor);
            }
        }
    }

    /// Payment reminders, spread evenly over the event's first `reminder_hours`: those sent by
    /// SMS (`reminder_sms_share`) in their own column, the rest weighing on the agents.
    fn add_reminders(&mut self, event: &Event, orders: f64) {
        let horizon = &self.scenario.horizon;
        let interval = horizon.interval();
        let reminders =
            payment_reminders(orders, event.unpaid_share, event.paid_another_order_share);
        let by_sms = reminders * event.reminder_sms_share;
        let by_agents = reminders - by_sms;
        let steps = (event.reminder_hours * 60.0 / f64::from(horizon.interval_minutes)).ceil();
        let handle = self
            .scenario
            .queue(&event.presale_queue)
            .map_or(1.0, |q| q.handle_time_seconds);
        let mut planned = 0.0;
        for j in 0..steps as usize {
            if let Some(r) = row_index(
                self.scenario,
                &event.presale_queue,
                event.start + interval * j as i32,
            ) {
                self.rows[r].reminders += by_agents / steps;
                self.rows[r].sms_reminders += by_sms / steps;
                self.extras[r].reminder_chats +=
                    by_agents / steps * event.reminder_handle_seconds / handle;
                planned += reminders / steps;
            }
        }
        if reminders > 0.0 {
            let outside = if reminders - planned > 0.5 {
                format!(" ({planned:.0} of them inside the horizon)")
            } else {
                String::new()
            };
            self.notes.push(format!(
                "{}: {reminders:.0} payment reminders{outside} over the first {} hours, {:.0} s each",
                event.name, event.reminder_hours, event.reminder_handle_seconds
            ));
        }
        if by_sms > 0.0 {
            self.notes.push(format!(
                "{}: {by_sms:.0} of the payment reminders go by SMS, no agent work",
                event.name
            ));
        }
    }

    /// The after-sale wave on the event's `aftersale_queue`: contacts split over the following
    /// days by a learned or given lag, and within each day by the queue's usual day shape.
    fn add_aftersale(
        &mut self,
        event: &Event,
        orders: f64,
        history: &History,
        cleaned: &BTreeMap<String, Series>,
    ) -> Result<()> {
        let Some(queue) = &event.aftersale_queue else {
            return Ok(());
        };
        let series = &cleaned[queue];
        let Some((lag, lag_source)) =
            aftersale_lag(event, &self.scenario.past_events, history, series)?
        else {
            return Ok(());
        };
        let contacts = orders * event.aftersale_contact_rate;
        self.notes.push(format!(
            "{}: {contacts:.0} after-sale contacts over {} days, split {} by {lag_source}",
            event.name,
            lag.len(),
            shares(&lag)
        ));
        let interval = self.scenario.horizon.interval();
        let within_day = day_shape(series);
        for (d, share) in lag.iter().enumerate() {
            let day = event.start.date() + Duration::days(d as i64);
            for (k, r) in (0..within_day.len()).filter_map(|k| {
                let t = day.and_hms_opt(0, 0, 0).unwrap() + interval * k as i32;
                row_index(self.scenario, queue, t).map(|r| (k, r))
            }) {
                self.rows[r].aftersale_wave += contacts * share * within_day[k];
            }
        }
        Ok(())
    }
}

/// The row of `queue` at `time` in rows that run queue-major over the horizon.
fn row_index(scenario: &Scenario, queue: &str, time: NaiveDateTime) -> Option<usize> {
    let q = scenario.queues.iter().position(|q| q.name == queue)?;
    let horizon = &scenario.horizon;
    horizon.index_of(time).map(|i| horizon.cell(q, i))
}

/// How the event's after-sale contacts spread over the days after it, and where that came
/// from: learned from past events, else the scenario's `aftersale_lag`. `None` when neither
/// exists and the event brings no contacts; an error when it does.
fn aftersale_lag(
    event: &Event,
    past: &[PastEvent],
    history: &History,
    series: &Series,
) -> Result<Option<(Vec<f64>, String)>> {
    Ok(Some(match learned_lag(event, past, history, series) {
        Some((lag, names)) => (lag, format!("the after-sale wave of past events {names}")),
        None if !event.aftersale_lag.is_empty() => {
            (event.aftersale_lag.clone(), "the scenario's aftersale_lag".into())
        }
        None if event.aftersale_contact_rate == 0.0 => return Ok(None),
        None => {
            return Err(Error::input(
                format!("scenario: event \"{}\"", event.name),
                "no past event with after-sale rows to learn how contacts spread over the following days",
                "give aftersale_lag, e.g. [0.1, 0.3, 0.3, 0.2, 0.1], or name past events in [[past_events]]",
            ))
        }
    }))
}

/// Row indexes of one day's intervals that fall inside the horizon.
fn day_rows(
    day: NaiveDate,
    interval_minutes: u32,
    row_index: impl Fn(NaiveDateTime) -> Option<usize>,
) -> Vec<usize> {
    (0..24 * 60 / interval_minutes)
        .filter_map(|k| {
            row_index(
                day.and_hms_opt(0, 0, 0).unwrap()
                    + Duration::minutes((k * interval_minutes).into()),
            )
        })
        .collect()
}

/// The queue's usual share of a day's volume per interval, from its last four weeks.
fn day_shape(series: &Series) -> Vec<f64> {
    let filled = series.filled();
    let per_day = series.per_day();
    let mut sums = vec![0.0; per_day];
    let recent = filled.len().saturating_sub(28 * per_day);
    for (i, value) in filled.iter().enumerate().skip(recent) {
        sums[series.week_slot(i) % per_day] += value;
    }
    normalise(&sums)
}

/// Shares as a short readable list, e.g. "[0.10, 0.30]".
fn shares(values: &[f64]) -> String {
    let parts: Vec<String> = values.iter().map(|v| format!("{v:.2}")).collect();
    format!("[{}]", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_formula_matches_the_worked_example() {
        assert_eq!(presale_inquiries(30_000.0, 0.40, 0.50), 24_000.0);
    }

    #[test]
    fn reminders_skip_buyers_who_paid_another_order() {
        // 30,000 orders, 20% unpaid = 6,000; a quarter of those buyers paid another order.
        assert_eq!(payment_reminders(30_000.0, 0.20, 0.25), 4_500.0);
    }
}
