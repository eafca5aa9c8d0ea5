//! Checks of what brings the chats: `[[queues]]`, `[[events]]` and `[[past_events]]`.

use super::Checker;
use crate::error::Result;
use crate::scenario::file::{RawEstimate, RawEvent, RawPastEvent, RawQueue, RawValue};
use crate::scenario::{Estimate, Event, PastEvent, Queue, SalesTarget, SalesValue};
use crate::time::{ClockWindow, Horizon};

/// Most orders one event may target: a hundred million, some ten times what the busiest single
/// shops sell on Double 11. Past it the event's hours need more agents than a plan can hold
/// (`target_orders = 3000000000` grew to 6 GB in 20 s before this bound).
pub const MAX_TARGET_ORDERS: f64 = 100_000_000.0;

/// Longest event, past event or reminder period: 744 hours (31 days), longer than any
/// promotion's own hours (Double 11's pre-sale weeks are its warmup). Past about 10^9 hours the
/// event's end is past the last date the calendar holds, and reminders spread over 1e300 hours
/// never finished.
pub const MAX_EVENT_HOURS: u32 = 31 * 24;

/// Validates an optional value with `check`.
fn optional(value: Option<f64>, check: impl FnOnce(f64) -> Result<f64>) -> Result<Option<f64>> {
    value.map(check).transpose()
}

impl Checker<'_> {
    /// `[[queues]]`: at least one, each named once.
    pub(in crate::scenario) fn queues(
        &self,
        raw: &[RawQueue],
        horizon: &Horizon,
    ) -> Result<Vec<Queue>> {
        let mut queues = Vec::new();
        for (i, q) in raw.iter().enumerate() {
            let queue = self.queue(i, q, &queues, horizon)?;
            queues.push(queue);
        }
        if queues.is_empty() {
            return self.fail(
                "queues",
                "no queue is defined",
                "add a [[queues]] table for each chat queue",
            );
        }
        Ok(queues)
    }

    /// Queue `i`, whose name none of the `known` queues before it has.
    fn queue(&self, i: usize, q: &RawQueue, known: &[Queue], horizon: &Horizon) -> Result<Queue> {
        let key = |k: &str| format!("queues[{i}].{k}");
        if known.iter().any(|known| known.name == q.name) {
            return self.fail(
                &key("name"),
                format!("queue \"{}\" is defined twice", q.name),
                "give each queue a different name",
            );
        }
        if q.chats_at_once == 0 {
            return self.fail(
                &key("chats_at_once"),
                "an agent must serve at least one chat at a time",
                "set chats_at_once to 1 or more",
            );
        }
        Ok(Queue {
            name: q.name.clone(),
            handle_time_seconds: self.positive(
                &key("handle_time_seconds"),
                q.handle_time_seconds,
                "180",
            )?,
            chats_at_once: q.chats_at_once,
            service_level: self.share(&key("service_level"), q.service_level, false, false)?,
            answer_within_seconds: self.non_negative(
                &key("answer_within_seconds"),
                q.answer_within_seconds,
                "30",
            )?,
            shrinkage: self.share(&key("shrinkage"), q.shrinkage, true, false)?,
            max_occupancy: self.share(&key("max_occupancy"), q.max_occupancy, false, true)?,
            patience_seconds: optional(q.patience_seconds, |v| {
                self.positive(&key("patience_seconds"), v, "100")
            })?,
            max_wait_probability: optional(q.max_wait_probability, |v| {
                self.share(&key("max_wait_probability"), v, false, true)
            })?,
            max_asa_seconds: optional(q.max_asa_seconds, |v| {
                self.positive(&key("max_asa_seconds"), v, "20")
            })?,
            max_abandonment: optional(q.max_abandonment, |v| {
                self.share(&key("max_abandonment"), v, false, true)
            })?,
            chats_per_agent_hour: optional(q.chats_per_agent_hour, |v| {
                self.positive(&key("chats_per_agent_hour"), v, "20")
            })?,
            handle_time_by_concurrency: self
                .handle_time_by_concurrency(&key("handle_time_by_concurrency"), q)?,
            part_time_chats_at_once: self
                .part_time_chats_at_once(&key("part_time_chats_at_once"), q)?,
            short: self.short(&key("short"), q, known)?,
            deflection: self.share(&key("deflection"), q.deflection, true, false)?,
            event_deflection: match q.event_deflection {
                Some(share) => self.share(&key("event_deflection"), share, true, false)?,
                None => q.deflection,
            },
            open: self.open(&key("open"), q, horizon)?,
        })
    }

    /// `open`: a daily window whose ends fall on the interval grid (default: always open).
    fn open(&self, key: &str, q: &RawQueue, horizon: &Horizon) -> Result<ClockWindow> {
        let Some(text) = &q.open else {
            return Ok(ClockWindow::ALWAYS);
        };
        let window = self.window(key, text)?;
        let step = horizon.interval_minutes;
        if [window.from_minute, window.to_minute]
            .iter()
            .all(|m| m.is_multiple_of(step))
        {
            return Ok(window);
        }
        self.fail(
            key,
            format!("\"{text}\" does not open and close on the plan's {step}-minute intervals"),
            "open and close on an interval's start, e.g. \"08:00-24:00\"",
        )
    }

    /// A queue's code for roster cells: 1 or 2 characters, not the code of a `known` queue.
    fn short(&self, key: &str, q: &RawQueue, known: &[Queue]) -> Result<Option<String>> {
        let Some(short) = q.short.as_deref().map(str::trim) else {
            return Ok(None);
        };
        if !(1..=2).contains(&short.chars().count()) {
            return self.fail(
                key,
                format!("\"{short}\" is not a code of 1 or 2 characters"),
                "write the character roster cells show for the queue, e.g. short = \"前\"",
            );
        }
        if let Some(other) = known.iter().find(|k| k.short.as_deref() == Some(short)) {
            return self.fail(
                key,
                format!("queue \"{}\" already has the code \"{short}\"", other.name),
                "give each queue a different short code, e.g. \"前\" and \"后\"",
            );
        }
        Ok(Some(short.to_string()))
    }

    /// One positive handle time per number of chats open, from 1 to `chats_at_once`.
    fn handle_time_by_concurrency(&self, key: &str, q: &RawQueue) -> Result<Option<Vec<f64>>> {
        match &q.handle_time_by_concurrency {
            None => Ok(None),
            Some(curve)
                if curve.len() == q.chats_at_once as usize
                    && curve.iter().all(|h| h.is_finite() && *h > 0.0) =>
            {
                Ok(Some(curve.clone()))
            }
            Some(_) => self.fail(
                key,
                format!(
                    "needs {} positive handle times, one per number of chats open",
                    q.chats_at_once
                ),
                "e.g. [120, 150, 180] for chats_at_once = 3",
            ),
        }
    }

    /// From 1 up to the queue's `chats_at_once`, which is also the default.
    fn part_time_chats_at_once(&self, key: &str, q: &RawQueue) -> Result<u32> {
        match q.part_time_chats_at_once {
            None => Ok(q.chats_at_once),
            Some(c) if (1..=q.chats_at_once).contains(&c) => Ok(c),
            Some(c) => self.fail(
                key,
                format!(
                    "{c} is not between 1 and chats_at_once ({})",
                    q.chats_at_once
                ),
                "give the chats a new part-timer serves at once, e.g. 2",
            ),
        }
    }

    /// `[[events]]`: the promotions being planned, on the scenario's queues.
    pub(in crate::scenario) fn events(
        &self,
        raw: &[RawEvent],
        horizon: &Horizon,
        queues: &[Queue],
    ) -> Result<Vec<Event>> {
        raw.iter()
            .enumerate()
            .map(|(i, e)| self.event(i, e, horizon, queues))
            .collect()
    }

    fn event(&self, i: usize, e: &RawEvent, horizon: &Horizon, queues: &[Queue]) -> Result<Event> {
        let key = |k: &str| format!("events[{i}].{k}");
        let target = self.sales_target(i, e)?;
        self.event_shape(i, e, horizon)?;
        Ok(Event {
            name: e.name.clone(),
            start: self.time(&key("start"), &e.start)?,
            hours: e.hours,
            target,
            service_share: self.estimate(&key("service_share"), e.service_share, |k, v| {
                self.share(k, v, false, true)
            })?,
            conversion_rate: self.estimate(&key("conversion_rate"), e.conversion_rate, |k, v| {
                self.share(k, v, false, true)
            })?,
            presale_queue: self.queue_name(&key("presale_queue"), &e.presale_queue, queues)?,
            aftersale_queue: match &e.aftersale_queue {
                Some(q) => Some(self.queue_name(&key("aftersale_queue"), q, queues)?),
                None => None,
            },
            aftersale_contact_rate: self.non_negative(
                &key("aftersale_contact_rate"),
                e.aftersale_contact_rate,
                "0.12",
            )?,
            aftersale_lag: e.aftersale_lag.clone(),
            curve: e.curve.clone(),
            warmup: e
                .warmup
                .iter()
                .map(|f| self.non_negative(&key("warmup"), *f, "[1.2, 1.5]"))
                .collect::<Result<_>>()?,
            warmup_from_hour: match e.warmup_from_hour {
                h @ 0..=23 => h,
                h => {
                    return self.fail(
                        &key("warmup_from_hour"),
                        format!("{h} is not an hour of the day"),
                        "give an hour from 0 to 23, e.g. 18 for the evening",
                    )
                }
            },
            warmup_hours_before: match (e.warmup_hours_before, e.warmup.last()) {
                (0, _) => 0,
                (h @ 1..=24, Some(_)) => h,
                (_, None) => {
                    return self.fail(
                        &key("warmup_hours_before"),
                        "hours before the start to raise, but no warmup factor to raise them by",
                        "give warmup too, e.g. warmup = [1.5]: its last factor raises those hours",
                    )
                }
                (h, Some(_)) => {
                    return self.fail(
                        &key("warmup_hours_before"),
                        format!("{h} hours reach back more than a day before the start"),
                        "give at most 24; whole days before the event go in warmup",
                    )
                }
            },
            unpaid_share: self.share(&key("unpaid_share"), e.unpaid_share, true, true)?,
            paid_another_order_share: self.share(
                &key("paid_another_order_share"),
                e.paid_another_order_share,
                true,
                true,
            )?,
            reminder_hours: match self.positive(&key("reminder_hours"), e.reminder_hours, "2")? {
                h if h <= f64::from(MAX_EVENT_HOURS) => h,
                _ => {
                    return self.fail(
                        &key("reminder_hours"),
                        format!("reminders over more than {MAX_EVENT_HOURS} hours (31 days), longer than an event may last"),
                        "e.g. reminder_hours = 2",
                    )
                }
            },
            reminder_handle_seconds: self.positive(
                &key("reminder_handle_seconds"),
                e.reminder_handle_seconds,
                "60",
            )?,
            reminder_sms_share: self.share(
                &key("reminder_sms_share"),
                e.reminder_sms_share,
                true,
                true,
            )?,
        })
    }

    /// Orders, or sales with an average order value: exactly one of the two, at most
    /// [`MAX_TARGET_ORDERS`] orders.
    fn sales_target(&self, i: usize, e: &RawEvent) -> Result<SalesTarget> {
        let key = |k: &str| format!("events[{i}].{k}");
        let target = match (e.target_orders, e.target_sales, e.average_order_value) {
            (Some(orders), None, None) => {
                SalesTarget::Orders(self.estimate(&key("target_orders"), orders, |k, v| {
                    self.positive(k, v, "30000")
                })?)
            }
            (None, Some(amount), Some(aov)) => SalesTarget::Sales {
                amount: self.estimate(&key("target_sales"), amount, |k, v| {
                    self.positive(k, v, "6000000")
                })?,
                average_order_value: self.positive(&key("average_order_value"), aov, "200")?,
            },
            _ => self.fail(
                &key("target_orders"),
                "the sales target is missing or given twice",
                "give either target_orders, or target_sales with average_order_value",
            )?,
        };
        let orders = target.orders().high;
        if !(orders.is_finite() && orders <= MAX_TARGET_ORDERS) {
            let which = match target {
                SalesTarget::Orders(_) => "target_orders",
                SalesTarget::Sales { .. } => "target_sales",
            };
            return self.fail(
                &key(which),
                format!("{orders:.0} orders is more than the {MAX_TARGET_ORDERS:.0} one shop's event is planned for (the busiest shops sell a few million on Double 11)"),
                "give the shop's own target in orders (or sales in yuan with average_order_value), e.g. 30000",
            );
        }
        Ok(target)
    }

    /// `[value]`: the selling queues default to the events' pre-sale queues and the conversion
    /// rate to the events' planned one (their mean).
    pub(in crate::scenario) fn value(
        &self,
        raw: &RawValue,
        events: &[Event],
        queues: &[Queue],
    ) -> Result<SalesValue> {
        let conversion_rate = match raw.conversion_rate {
            Some(rate) => self.share("value.conversion_rate", rate, false, true)?,
            None if !events.is_empty() => {
                let rates = events.iter().map(|e| e.conversion_rate.mid);
                rates.sum::<f64>() / events.len() as f64
            }
            None => self.fail(
                "value.conversion_rate",
                "no event gives a conversion rate to value chats by",
                "give the share of chats that end in an order, e.g. conversion_rate = 0.5",
            )?,
        };
        let names: Vec<String> = match &raw.queues {
            Some(names) => names.clone(),
            None => events.iter().map(|e| e.presale_queue.clone()).collect(),
        };
        let mut selling = Vec::new();
        for name in names {
            let name = self.queue_name("value.queues", &name, queues)?;
            if !selling.contains(&name) {
                selling.push(name);
            }
        }
        if selling.is_empty() {
            return self.fail(
                "value.queues",
                "no queue's chats are valued",
                "name the queues whose chats sell, e.g. queues = [\"presale\"]",
            );
        }
        Ok(SalesValue {
            average_order_value: self.positive(
                "value.average_order_value",
                raw.average_order_value,
                "200",
            )?,
            margin: self.share("value.margin", raw.margin, false, true)?,
            conversion_rate,
            queues: selling,
            price_shortfall: raw.price_shortfall,
        })
    }

    /// A number or a `{ low, mid, high }` range, each value passing `check` (keyed
    /// `key.low`, ... for a range), in order low <= mid <= high.
    fn estimate(
        &self,
        key: &str,
        raw: RawEstimate,
        check: impl Fn(&str, f64) -> Result<f64>,
    ) -> Result<Estimate> {
        if raw.low == raw.mid && raw.mid == raw.high {
            return Ok(Estimate::exact(check(key, raw.mid)?));
        }
        let estimate = Estimate {
            low: check(&format!("{key}.low"), raw.low)?,
            mid: check(&format!("{key}.mid"), raw.mid)?,
            high: check(&format!("{key}.high"), raw.high)?,
        };
        if !(estimate.low <= estimate.mid && estimate.mid <= estimate.high) {
            return self.fail(
                key,
                format!(
                    "low {}, mid {}, high {} are not in order",
                    estimate.low, estimate.mid, estimate.high
                ),
                "give low <= mid <= high: the 10th percentile, the value planned, the 90th percentile",
            );
        }
        Ok(estimate)
    }

    /// How the event's volume spreads: after-sale day shares that add up to 1, a length above
    /// zero, and a curve with one weight per interval.
    fn event_shape(&self, i: usize, e: &RawEvent, horizon: &Horizon) -> Result<()> {
        let key = |k: &str| format!("events[{i}].{k}");
        let lag_sum: f64 = e.aftersale_lag.iter().sum();
        if e.aftersale_lag
            .iter()
            .any(|s| !(s.is_finite() && *s >= 0.0))
            || (!e.aftersale_lag.is_empty() && (lag_sum - 1.0).abs() > 1e-6)
        {
            return self.fail(
                &key("aftersale_lag"),
                format!("the day shares add up to {lag_sum}, not 1"),
                "give non-negative shares per day that add up to 1, e.g. [0.1, 0.3, 0.3, 0.2, 0.1]",
            );
        }
        self.event_hours(&key("hours"), e.hours)?;
        if let Some(curve) = &e.curve {
            let intervals = e.hours * 60 / horizon.interval_minutes;
            if curve.len() != intervals as usize
                || curve.iter().any(|w| !(w.is_finite() && *w >= 0.0))
                || curve.iter().sum::<f64>() <= 0.0
            {
                return self.fail(
                    &key("curve"),
                    format!("the curve needs {intervals} non-negative weights, one per interval of the event, not all zero"),
                    "list one relative weight per interval, e.g. [12, 7, 4, ...]",
                );
            }
        }
        Ok(())
    }

    /// An event's length: 1 to [`MAX_EVENT_HOURS`] hours.
    fn event_hours(&self, key: &str, hours: u32) -> Result<()> {
        if hours == 0 {
            return self.fail(key, "the event lasts 0 hours", "e.g. hours = 24");
        }
        if hours > MAX_EVENT_HOURS {
            return self.fail(
                key,
                format!("{hours} hours is longer than the {MAX_EVENT_HOURS} (31 days) an event may last"),
                "give the hours of the promotion itself, e.g. hours = 24; days before it are its warmup",
            );
        }
        Ok(())
    }

    /// `[[past_events]]`: promotions in the history, set aside from ordinary days.
    pub(in crate::scenario) fn past_events(&self, raw: &[RawPastEvent]) -> Result<Vec<PastEvent>> {
        let mut past_events = Vec::new();
        for (i, e) in raw.iter().enumerate() {
            self.event_hours(&format!("past_events[{i}].hours"), e.hours)?;
            past_events.push(PastEvent {
                name: e.name.clone(),
                start: self.time(&format!("past_events[{i}].start"), &e.start)?,
                hours: e.hours,
            });
        }
        Ok(past_events)
    }
}
