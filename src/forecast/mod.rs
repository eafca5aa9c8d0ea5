//! Inquiries per queue per interval: an ordinary-day forecast from history (with its prediction
//! interval), and on top of it the planned promotion's components, each in its own column.
//!
//! Rules (also in the README):
//! - ordinary days: the scenario's method (`auto` picks per queue by held-out error) fitted on
//!   history with past promotions, the after-sale days that follow them and unusual days set
//!   aside and filled from the same time in nearby weeks;
//! - closed hours: a slot of the week (weekday x time of day) with no row or 0 in nearly every
//!   recent week is closed (rule in `series/closed.rs`): 0 in the fit, and forecast 0;
//! - event: pre-sale inquiries = orders x service share / conversion rate, spread over the
//!   event's intervals by the mean normalised shape of past events (else the scenario's curve);
//!   during the event they replace the ordinary pre-sale volume;
//! - warm-up: on the days before the event pre-sale volume is the ordinary volume x the scenario's
//!   `warmup` factors;
//! - payment reminders: orders x unpaid share x (1 - share whose buyer paid another order), one
//!   reminder each, spread over the first `reminder_hours`; counted in `inquiries` as the
//!   equivalent chats (reminders x reminder handle time / chat handle time);
//! - after-sale wave: orders x after-sale contact rate, split over the event day and the days
//!   after by the lag profile learned from past events (else the scenario's `aftersale_lag`),
//!   and within each day by the queue's usual hourly shape; it comes on top of ordinary volume;
//! - levers: a queue's `deflection` and `event_deflection` take their share away (here), an
//!   event's SMS reminders are no agent work (`events.rs`), and chats arriving while a queue is
//!   closed wait for it to open (`levers.rs`).
//! - calibration: where the history has `orders`, each past event's pre-sale inquiries per
//!   order beside the planned event's service share / conversion rate, a warning when they
//!   differ by more than a third ([`calibration`]).

pub mod backtest;
pub mod calibration;
mod events;
mod levers;
pub mod models;
pub(crate) mod series;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{NaiveDate, NaiveDateTime};
use statrs::distribution::{ContinuousCDF, Normal};

use crate::error::{Error, Result};
use crate::labels::Lang;
pub use crate::scenario::forecast_settings::{Method, Settings};
use crate::scenario::Scenario;
pub use calibration::Calibration;
pub use events::{past_event_days, presale_inquiries};
pub use models::Prediction;
use series::Series;

/// Most inquiries one queue's history may hold in one interval: ten million chats, a hundred
/// times what the largest shop's pre-sale queue takes in its busiest hour of Double 11, and far
/// below where sums of counts lose whole numbers (2^53). A count above it is a wrong column
/// (orders, sales) or a wrong file, and would staff tens of thousands of agents.
pub const MAX_INQUIRIES_PER_INTERVAL: f64 = 10_000_000.0;

/// Inquiry counts per queue per interval start, as read from the history file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    /// Per queue name: inquiries per interval start.
    pub series: BTreeMap<String, BTreeMap<NaiveDateTime, f64>>,
    /// The shop's orders per interval start, where the file gives them (its `orders` column):
    /// they calibrate the events' service share and conversion rate ([`calibration`]).
    pub orders: BTreeMap<NaiveDateTime, f64>,
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

    /// The history summed into intervals of `minutes`, a multiple of its own interval (missing
    /// rows inside a longer interval count as closed).
    pub fn resampled(&self, minutes: u32) -> Result<History> {
        let own = self.interval_minutes().unwrap_or(minutes);
        if own == minutes {
            return Ok(self.clone());
        }
        if !minutes.is_multiple_of(own) || !(24 * 60u32).is_multiple_of(minutes) {
            return Err(Error::input(
                "history",
                format!("the history has {own}-minute rows, which do not add up to {minutes}-minute intervals"),
                format!("plan in a multiple of {own} minutes that divides a day, e.g. {}", own.max(60)),
            ));
        }
        let sum = |rows: &BTreeMap<NaiveDateTime, f64>| {
            let mut summed: BTreeMap<NaiveDateTime, f64> = BTreeMap::new();
            for (time, value) in rows {
                let midnight = time.date().and_hms_opt(0, 0, 0).unwrap();
                let offset = (*time - midnight).num_minutes() / i64::from(minutes);
                let start = midnight + chrono::Duration::minutes(offset * i64::from(minutes));
                *summed.entry(start).or_default() += value;
            }
            summed
        };
        Ok(History {
            series: (self.series.iter())
                .map(|(queue, rows)| (queue.clone(), sum(rows)))
                .collect(),
            orders: sum(&self.orders),
        })
    }
}

/// The forecast for one queue and interval, split into where the volume comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct ForecastRow {
    /// The interval's start.
    pub time: NaiveDateTime,
    /// The queue's name, as in the scenario.
    pub queue: String,
    /// The volume the plan staffs for: every component, reminders as equivalent chats.
    pub inquiries: f64,
    /// Prediction interval of `inquiries` (the ordinary part is uncertain; the target is a plan).
    pub lower: f64,
    /// The upper end of the prediction interval of `inquiries`.
    pub upper: f64,
    /// What an ordinary day would bring at this time (the mean, or the chosen quantile).
    pub baseline: f64,
    /// Extra pre-sale volume on the warm-up days before an event.
    pub warmup: f64,
    /// Inquiries from a planned event's sales target (replaces the baseline while it runs).
    pub event: f64,
    /// Payment reminders agents send (one per unpaid order, less those sent by SMS).
    pub reminders: f64,
    /// After-sale contacts caused by a planned event's orders.
    pub aftersale_wave: f64,
    /// Chats answered by quick replies, FAQ or a bot before an agent (queue's `deflection` of
    /// the ordinary volume, `event_deflection` of warm-up, event and after-sale wave).
    pub deflected: f64,
    /// Payment reminders sent by SMS (the event's `reminder_sms_share`): no agent work.
    pub sms_reminders: f64,
    /// Chats moved by the queue's `open` hours: minus what arrives while it is closed, plus
    /// what waited, at the interval it opens.
    pub backlog: f64,
}

/// Inquiries per queue and interval over the horizon, and what the manager should know of them.
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    /// Queue by queue (scenario order), then interval by interval.
    pub rows: Vec<ForecastRow>,
    /// Things the manager should know: methods chosen, shapes used, days set aside.
    pub notes: Vec<String>,
    /// Things the manager should act on, such as too little history for the method asked for.
    pub warnings: Vec<String>,
    /// Past events' orders beside the planned events' service share and conversion rate,
    /// where the history has `orders` (told in `notes`, or `warnings` when they differ).
    pub calibration: Vec<Calibration>,
}

/// What `shiftcast forecast` answers: every queue of the history forecast as an ordinary day
/// from `start` for `len` intervals, fitted on the rows before `start` (unusual days set
/// aside); `step` hears each queue's name as its forecast starts.
pub fn every_queue(
    history: &History,
    start: NaiveDateTime,
    len: usize,
    settings: &Settings,
    step: &mut dyn FnMut(&str),
) -> Result<Vec<(String, Prediction)>> {
    let mut queues = Vec::new();
    for queue in history.series.keys() {
        step(queue);
        let (p, _) = ordinary(history, queue, start, len, settings, &BTreeSet::new())?;
        queues.push((queue.clone(), p));
    }
    Ok(queues)
}

/// One queue's ordinary-day forecast from `start` for `len` intervals of the history's length,
/// fitted on the history before `start` less the `set_aside` dates and any unusual days.
pub(crate) fn ordinary(
    history: &History,
    queue: &str,
    start: NaiveDateTime,
    len: usize,
    settings: &Settings,
    set_aside: &BTreeSet<NaiveDate>,
) -> Result<(Prediction, Series)> {
    let (mut each, series) = ordinary_each(
        history,
        queue,
        (start, len),
        settings,
        &[settings.method],
        set_aside,
    )?;
    Ok((each.remove(0), series))
}

/// [`ordinary`] by each of `methods` over `(start, len)`, the fits shared between them.
pub(crate) fn ordinary_each(
    history: &History,
    queue: &str,
    (start, len): (NaiveDateTime, usize),
    settings: &Settings,
    methods: &[Method],
    set_aside: &BTreeSet<NaiveDate>,
) -> Result<(Vec<Prediction>, Series)> {
    let rows = history.series.get(queue).ok_or_else(|| {
        Error::input(
            "history",
            format!("queue \"{queue}\" has no rows in the history file"),
            "add its rows to the history, or rename the queue to match the history's queue column",
        )
    })?;
    let step = history.interval_minutes().unwrap_or(60);
    let mut series = Series::from_rows(rows, step, start);
    series.set_aside(set_aside);
    let unusual = series.unusual_days();
    series.set_aside(&unusual);
    series.find_closed(&set_aside.union(&unusual).copied().collect());
    let gap = ((start - series.end()).num_minutes() / i64::from(step)).max(0) as usize;
    let training = models::Training {
        series: &series,
        profile_weeks: settings.profile_weeks,
    };
    let mut each = models::predict_each(&training, methods, gap + len, settings.level)?;
    for p in &mut each {
        for v in [&mut p.point, &mut p.lower, &mut p.upper] {
            series.zero_closed(v, series.values.len());
            v.drain(..gap);
        }
        p.warnings = p.warnings.iter().map(|w| format!("{queue}: {w}")).collect();
        p.unusual_days = unusual.iter().copied().collect();
        p.closed_hours = series.closed_note(queue);
    }
    Ok((each, series))
}

/// The `q` quantile of a count forecast whose `level` interval reaches `upper` (same
/// square-root-scale normal model as the interval).
pub fn quantile(point: f64, upper: f64, level: f64, q: f64) -> f64 {
    let normal = Normal::standard();
    let sigma = (upper.sqrt() - point.sqrt()) / normal.inverse_cdf(0.5 + level / 2.0);
    (point.sqrt() + normal.inverse_cdf(q) * sigma)
        .max(0.0)
        .powi(2)
}

/// What the events add to a row for agents, and the share of it deflected: warm-up, event
/// inquiries, reminders as chats and the after-sale wave, less `event_deflection` of all but
/// the reminders (agents send those).
fn planned(row: &ForecastRow, extra: &events::Extra, event_deflection: f64) -> (f64, f64) {
    let brought = row.warmup + row.event + extra.reminder_chats + row.aftersale_wave;
    let deflected = (row.warmup + row.event + row.aftersale_wave) * event_deflection;
    (brought - deflected, deflected)
}

/// Forecasts every queue of the scenario over its horizon; with `forecast.staff_for_quantile`,
/// the ordinary volume and every event's range at that quantile.
pub fn forecast(scenario: &Scenario, history: &History) -> Result<Forecast> {
    let fitted = Fitted::new(scenario, history)?;
    fitted.at(scenario, scenario.forecast.quantile)
}

/// The forecast at each of `quantiles` (None: the mean of ordinary volume and the events'
/// `mid`), the ordinary-day models fitted once for all.
pub fn forecasts(
    scenario: &Scenario,
    history: &History,
    quantiles: &[Option<f64>],
) -> Result<Vec<Forecast>> {
    let fitted = Fitted::new(scenario, history)?;
    quantiles.iter().map(|q| fitted.at(scenario, *q)).collect()
}

/// The ordinary-day models fitted per queue: the part of a forecast that does not depend on the
/// quantile staffed for (and the slow part: `auto` fits MSTL four times per queue).
struct Fitted {
    history: History,
    /// Per scenario queue, in order: its prediction over the horizon.
    predictions: Vec<Prediction>,
    /// Per queue: the history with unusual and promotion days set aside.
    cleaned: BTreeMap<String, Series>,
    notes: Vec<String>,
    warnings: Vec<String>,
    calibration: Vec<Calibration>,
}

impl Fitted {
    fn new(scenario: &Scenario, history: &History) -> Result<Fitted> {
        let horizon = &scenario.horizon;
        let history = history.resampled(horizon.interval_minutes)?;
        let set_aside = events::promotion_days(scenario);
        let mut fitted = Fitted {
            predictions: Vec::new(),
            cleaned: BTreeMap::new(),
            notes: Vec::new(),
            warnings: Vec::new(),
            calibration: calibration::calibrate(scenario, &history),
            history,
        };
        for queue in &scenario.queues {
            let (p, series) = ordinary(
                &fitted.history,
                &queue.name,
                horizon.start,
                horizon.len(),
                &scenario.forecast,
                &set_aside,
            )?;
            fitted.notes.extend(p.notes(&queue.name, Lang::En));
            fitted.warnings.extend(p.warnings.iter().cloned());
            fitted.predictions.push(p);
            fitted.cleaned.insert(queue.name.clone(), series);
        }
        Ok(fitted)
    }

    /// The forecast with ordinary volume and the events at quantile `q` (None: as planned).
    fn at(&self, scenario: &Scenario, q: Option<f64>) -> Result<Forecast> {
        let settings = &scenario.forecast;
        let times = scenario.horizon.times();
        let mut rows = Vec::new();
        for (queue, p) in scenario.queues.iter().zip(&self.predictions) {
            for (i, &time) in times.iter().enumerate() {
                rows.push(ForecastRow {
                    time,
                    queue: queue.name.clone(),
                    inquiries: 0.0,
                    lower: p.lower[i],
                    upper: p.upper[i],
                    baseline: q.map_or(p.point[i], |q| {
                        quantile(p.point[i], p.upper[i], settings.level, q)
                    }),
                    warmup: 0.0,
                    event: 0.0,
                    reminders: 0.0,
                    aftersale_wave: 0.0,
                    deflected: 0.0,
                    sms_reminders: 0.0,
                    backlog: 0.0,
                });
            }
        }
        let mut notes = self.notes.clone();
        let ordinary_rows = rows.clone();
        let events_at = |rows: &mut [ForecastRow], notes: &mut Vec<String>, q: f64| {
            events::add_events(scenario, &self.history, &self.cleaned, rows, notes, q)
        };
        let extras = events_at(&mut rows, &mut notes, q.unwrap_or(0.5))?;
        let queue_of = |k: usize| &scenario.queues[k / times.len()];
        // With a range on an event, its own 10th and 90th percentile (at the interval's level)
        // widen the interval; without one, the event is a plan and adds the same at both ends.
        let event_band = if scenario.events.iter().any(|e| e.has_range()) {
            let at = |q: f64| -> Result<Vec<f64>> {
                let mut rows = ordinary_rows.clone();
                let extras = events_at(&mut rows, &mut Vec::new(), q)?;
                Ok((rows.iter().zip(extras).enumerate())
                    .map(|(k, (r, e))| planned(r, &e, queue_of(k).event_deflection).0)
                    .collect())
            };
            Some((
                at((1.0 - settings.level) / 2.0)?,
                at((1.0 + settings.level) / 2.0)?,
            ))
        } else {
            None
        };
        for (k, (row, extra)) in rows.iter_mut().zip(extras).enumerate() {
            let queue = queue_of(k);
            let (planned, event_deflected) = planned(row, &extra, queue.event_deflection);
            let (planned_low, planned_high) = event_band
                .as_ref()
                .map_or((planned, planned), |(low, high)| (low[k], high[k]));
            let (ordinary, lower, upper) = if extra.replaced {
                (0.0, 0.0, 0.0)
            } else {
                (row.baseline, row.lower, row.upper)
            };
            // The ordinary part less `deflection` (x 1 and - 0 keep a queue without it exact).
            let (kept, deflected) = (1.0 - queue.deflection, ordinary * queue.deflection);
            row.deflected = deflected + event_deflected;
            row.inquiries = (ordinary - deflected) + planned;
            row.lower = lower * kept + planned_low;
            row.upper = upper.max(ordinary) * kept + planned_high;
        }
        levers::hold_while_closed(scenario, &mut rows, &mut notes);
        let mut warnings = self.warnings.clone();
        calibration::tell(&self.calibration, &mut notes, &mut warnings);
        Ok(Forecast {
            rows,
            notes,
            warnings,
            calibration: self.calibration.clone(),
        })
    }
}
