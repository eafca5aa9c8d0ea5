//! Inquiries per queue per interval: an ordinary-day baseline from history, the planned
//! promotion's inquiries from its sales target, and the after-sale wave that follows it.
//!
//! Rules (also in the README):
//! - baseline: mean of the same weekday and clock time over the last `weeks` weeks of history
//!   that have a row there, skipping past promotion days and the after-sale days that follow them;
//!   a slot with no row in any of those weeks counts as closed (0);
//! - event: pre-sale inquiries = orders x service share / conversion rate, spread over the event's
//!   intervals by the average normalised shape of the past events in history of the same length
//!   (else the scenario's `curve`); during the event they replace the pre-sale baseline;
//! - after-sale wave: orders x after-sale contact rate, split over the event day and the days after
//!   by `aftersale_lag`, and within each day by the after-sale baseline's hourly shape; it comes
//!   on top of the after-sale baseline.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate, NaiveDateTime};

use crate::error::{Error, Result};
use crate::scenario::{format_time, Event, PastEvent, Scenario};

/// Inquiry counts per queue per interval start, as read from the history file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    pub series: BTreeMap<String, BTreeMap<NaiveDateTime, f64>>,
}

impl History {
    /// The interval length: the smallest step between two rows of a queue.
    pub fn interval_minutes(&self) -> Option<u32> {
        self.series
            .values()
            .flat_map(|s| {
                s.keys()
                    .zip(s.keys().skip(1))
                    .map(|(a, b)| (*b - *a).num_minutes())
            })
            .filter(|m| *m > 0)
            .min()
            .map(|m| m as u32)
    }
}

/// The forecast for one queue and interval, split into where the volume comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct ForecastRow {
    pub time: NaiveDateTime,
    pub queue: String,
    pub inquiries: f64,
    /// What an ordinary day would bring at this time.
    pub baseline: f64,
    /// Inquiries from a planned event's sales target (replaces the baseline while it runs).
    pub event: f64,
    /// After-sale contacts caused by a planned event's orders.
    pub aftersale_wave: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    pub rows: Vec<ForecastRow>,
    /// Things the manager should know, such as which shape spread the event.
    pub notes: Vec<String>,
}

/// Pre-sale inquiries a sales target brings: orders x service share / conversion rate.
pub fn presale_inquiries(orders: f64, service_share: f64, conversion_rate: f64) -> f64 {
    orders * service_share / conversion_rate
}

/// Forecasts every queue of the scenario over its horizon.
pub fn forecast(scenario: &Scenario, history: &History) -> Result<Forecast> {
    let horizon = &scenario.horizon;
    if let Some(minutes) = history.interval_minutes() {
        if minutes != horizon.interval_minutes {
            return Err(Error::input(
                "history",
                format!(
                    "the history has {minutes}-minute rows but the horizon plans {}-minute intervals",
                    horizon.interval_minutes
                ),
                format!("set horizon.interval_minutes = {minutes} in the scenario"),
            ));
        }
    }
    for queue in &scenario.queues {
        if !history.series.contains_key(&queue.name) {
            return Err(Error::input(
                "history",
                format!("queue \"{}\" has no rows in the history file", queue.name),
                "add its rows to the history, or rename the queue to match the history's queue column",
            ));
        }
    }
    let lag_days = scenario
        .events
        .iter()
        .map(|e| e.aftersale_lag.len())
        .max()
        .unwrap_or(0);
    let baseline = Baseline {
        history,
        weeks: scenario.baseline_weeks,
        excluded: excluded_days(&scenario.past_events, lag_days),
    };

    let times = horizon.times();
    let mut rows = Vec::new();
    for queue in &scenario.queues {
        for &time in &times {
            let base = baseline.at(&queue.name, time);
            rows.push(ForecastRow {
                time,
                queue: queue.name.clone(),
                inquiries: base,
                baseline: base,
                event: 0.0,
                aftersale_wave: 0.0,
            });
        }
    }
    let row_index = |queue: &str, time: NaiveDateTime| -> Option<usize> {
        let q = scenario.queues.iter().position(|q| q.name == queue)?;
        horizon.index_of(time).map(|i| q * times.len() + i)
    };

    let mut in_event = vec![false; rows.len()];
    let mut notes = Vec::new();
    for event in &scenario.events {
        let orders = event.target.orders();
        let inquiries = presale_inquiries(orders, event.service_share, event.conversion_rate);
        let (shape, source) =
            event_shape(event, &scenario.past_events, history, horizon.interval())?;
        notes.push(format!(
            "{}: {orders:.0} orders -> {inquiries:.0} pre-sale inquiries, spread by {source}",
            event.name
        ));
        for (j, share) in shape.iter().enumerate() {
            let time = event.start + horizon.interval() * j as i32;
            if let Some(r) = row_index(&event.presale_queue, time) {
                rows[r].event = inquiries * share;
                in_event[r] = true;
            }
        }
        if let Some(queue) = &event.aftersale_queue {
            let contacts = orders * event.aftersale_contact_rate;
            for (day, share) in event.aftersale_lag.iter().enumerate() {
                let date = event.start.date() + Duration::days(day as i64);
                let day_times: Vec<NaiveDateTime> = (0..24 * 60 / horizon.interval_minutes)
                    .map(|k| date.and_hms_opt(0, 0, 0).unwrap() + horizon.interval() * k as i32)
                    .collect();
                let weights: Vec<f64> = day_times.iter().map(|t| baseline.at(queue, *t)).collect();
                for (t, w) in day_times.iter().zip(normalise(&weights)) {
                    if let Some(r) = row_index(queue, *t) {
                        rows[r].aftersale_wave += contacts * share * w;
                    }
                }
            }
        }
    }
    for (row, in_event) in rows.iter_mut().zip(in_event) {
        let ordinary = if in_event { 0.0 } else { row.baseline };
        row.inquiries = ordinary + row.event + row.aftersale_wave;
    }
    Ok(Forecast { rows, notes })
}

/// The history's ordinary days, for the same-weekday-and-time mean.
struct Baseline<'a> {
    history: &'a History,
    weeks: u32,
    excluded: Vec<NaiveDate>,
}

impl Baseline<'_> {
    /// Mean over up to `weeks` earlier weeks (looking back at most three times as far).
    fn at(&self, queue: &str, time: NaiveDateTime) -> f64 {
        let Some(series) = self.history.series.get(queue) else {
            return 0.0;
        };
        let samples: Vec<f64> = (1..=self.weeks * 3)
            .map(|w| time - Duration::weeks(w.into()))
            .filter(|t| !self.excluded.contains(&t.date()))
            .filter_map(|t| series.get(&t).copied())
            .take(self.weeks as usize)
            .collect();
        if samples.is_empty() {
            0.0
        } else {
            samples.iter().sum::<f64>() / samples.len() as f64
        }
    }
}

/// Dates of past promotions and of the after-sale days that follow them.
fn excluded_days(past: &[PastEvent], lag_days: usize) -> Vec<NaiveDate> {
    let mut days = Vec::new();
    for event in past {
        let mut date = event.start.date();
        let last = (event.end() - Duration::minutes(1)).date() + Duration::days(lag_days as i64);
        while date <= last {
            days.push(date);
            date += Duration::days(1);
        }
    }
    days
}

/// Share of the event's inquiries per interval, and where that shape came from.
fn event_shape(
    event: &Event,
    past: &[PastEvent],
    history: &History,
    interval: Duration,
) -> Result<(Vec<f64>, String)> {
    let steps =
        (Duration::hours(event.hours.into()).num_minutes() / interval.num_minutes()) as usize;
    let series = history.series.get(&event.presale_queue);
    let mut shapes = Vec::new();
    let mut used = Vec::new();
    for p in past.iter().filter(|p| p.hours == event.hours) {
        let Some(series) = series else { break };
        let values: Vec<Option<f64>> = (0..steps)
            .map(|j| series.get(&(p.start + interval * j as i32)).copied())
            .collect();
        let present = values.iter().flatten().count();
        // A past event with most of its rows missing would give a false shape.
        if present * 10 >= steps * 9 {
            let filled: Vec<f64> = values.iter().map(|v| v.unwrap_or(0.0)).collect();
            if filled.iter().sum::<f64>() > 0.0 {
                shapes.push(normalise(&filled));
                used.push(format!("{} ({})", p.name, format_time(p.start)));
            }
        }
    }
    if !shapes.is_empty() {
        let mean: Vec<f64> = (0..steps)
            .map(|j| shapes.iter().map(|s| s[j]).sum::<f64>() / shapes.len() as f64)
            .collect();
        return Ok((
            mean,
            format!("the shape of past events {}", used.join(", ")),
        ));
    }
    match &event.curve {
        Some(curve) => Ok((normalise(curve), "the scenario's curve".to_string())),
        None => Err(Error::input(
            format!("scenario: event \"{}\"", event.name),
            format!(
                "no past event of {} hours with rows in the history to take the hourly shape from",
                event.hours
            ),
            "name past promotions in [[past_events]], or give the event a `curve` with one weight per interval",
        )),
    }
}

/// Scales weights to sum to 1; all-zero weights become a flat shape.
fn normalise(weights: &[f64]) -> Vec<f64> {
    let total: f64 = weights.iter().sum();
    if total > 0.0 {
        weights.iter().map(|w| w / total).collect()
    } else {
        vec![1.0 / weights.len() as f64; weights.len()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_formula_matches_the_worked_example() {
        assert_eq!(presale_inquiries(30_000.0, 0.40, 0.50), 24_000.0);
    }

    #[test]
    fn shares_are_normalised_and_zero_weights_become_flat() {
        assert_eq!(normalise(&[1.0, 3.0]), vec![0.25, 0.75]);
        assert_eq!(normalise(&[0.0, 0.0]), vec![0.5, 0.5]);
    }
}
