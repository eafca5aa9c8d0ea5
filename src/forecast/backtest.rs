//! Rolling-origin backtests: each fold forecasts the days after its cut from all the history
//! before it, and errors are pooled over the folds. Past promotions are set aside from the fits,
//! and a fold holding one is passed over for the next earlier one unless asked to keep it.

use std::collections::BTreeSet;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::{ordinary_each, History, Method, Settings};
use crate::error::{Error, Result};

/// How one method did on one queue over all folds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    /// The queue's name, as in the history.
    pub queue: String,
    /// The method's name, as `--method` takes it.
    pub method: String,
    /// Sum of |forecast - actual| over the sum of actuals.
    pub wape: f64,
    /// Mean absolute error over that of last week's same time, in the training data (mean of
    /// the folds); below 1 beats weekly seasonal naive's in-sample error.
    pub mase: f64,
    /// Sum of (forecast - actual) over the sum of actuals: positive means over-forecast.
    pub bias: f64,
    /// Share of actuals inside the prediction interval.
    pub coverage: f64,
    /// Weeks (or `--horizon-days` stretches) held out and forecast.
    pub folds: usize,
    /// The methods `auto` chose, one per fold (empty for other methods).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub chosen: Vec<String>,
}

/// Which stretches a backtest scores.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Folds {
    /// Days each fold forecasts.
    pub horizon_days: usize,
    /// Folds to score.
    pub count: usize,
    /// The last fold ends here (default: midnight after the last row).
    pub until: Option<NaiveDateTime>,
    /// Past promotions (from [`super::past_event_days`]): each one's start date and the days it
    /// covers, after-sale days included. They are set aside from every fit.
    pub past_events: Vec<(NaiveDate, BTreeSet<NaiveDate>)>,
    /// Score the folds holding a past event too, instead of passing over them.
    pub keep_events: bool,
}

/// A fold passed over because it holds a past event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeftOut {
    /// Its first day.
    pub from: NaiveDate,
    /// Its last day.
    pub to: NaiveDate,
    /// The start dates of the past events whose days it holds.
    pub events: Vec<NaiveDate>,
}

/// What a backtest found: the scores, and the folds it passed over.
#[derive(Debug, Clone, PartialEq)]
pub struct Backtest {
    /// Per queue, per method.
    pub scores: Vec<Score>,
    /// Earliest first, the folds left out for holding a past event (none with `keep_events`).
    pub left_out: Vec<LeftOut>,
}

impl Backtest {
    /// The start dates of the past events in the left-out folds, each once, in order.
    pub fn left_out_events(&self) -> Vec<NaiveDate> {
        let events: BTreeSet<NaiveDate> = (self.left_out.iter())
            .flat_map(|l| l.events.iter().copied())
            .collect();
        events.into_iter().collect()
    }
}

/// Backtests each method on each queue: `folds.count` folds of `folds.horizon_days` back to
/// back, the last ending at `folds.until`; a fold holding a past event's day is passed over
/// (unless `keep_events`) for the next earlier one, so the count stays as asked.
pub fn backtest(
    history: &History,
    folds: &Folds,
    settings: &Settings,
    methods: &[Method],
) -> Result<Backtest> {
    let step = history.interval_minutes().unwrap_or(60);
    let last = history
        .series
        .values()
        .filter_map(|rows| rows.keys().next_back())
        .max()
        .ok_or_else(|| Error::input("history", "the history has no rows", "add rows"))?;
    let end = folds.until.unwrap_or_else(|| {
        (*last + Duration::minutes(step.into()))
            .date()
            .and_hms_opt(0, 0, 0)
            .unwrap()
    });
    let (origins, left_out) = cuts(end, folds);
    let set_aside: BTreeSet<NaiveDate> = (folds.past_events.iter())
        .flat_map(|(_, days)| days.iter().copied())
        .collect();
    let per_fold = folds.horizon_days * (24 * 60 / step) as usize;
    let mut scores = Vec::new();
    for (queue, rows) in &history.series {
        let mut totals: Vec<Totals> = methods.iter().map(|_| Totals::default()).collect();
        let mut chosen = Vec::new();
        for &origin in &origins {
            let made = (origin, per_fold);
            let (each, _) = ordinary_each(history, queue, made, settings, methods, &set_aside)?;
            let actual = |i: usize| {
                rows.get(&(origin + Duration::minutes(i as i64 * i64::from(step))))
                    .copied()
            };
            let scale = weekly_naive_mae(rows, origin);
            for ((method, p), totals) in methods.iter().zip(each).zip(&mut totals) {
                if *method == Method::Auto {
                    chosen.push(p.method.name().to_string());
                }
                totals.add_fold(
                    (0..per_fold)
                        .filter_map(|i| actual(i).map(|a| (a, p.point[i], p.lower[i], p.upper[i]))),
                    scale,
                );
            }
        }
        for (method, totals) in methods.iter().zip(totals) {
            let chosen = if *method == Method::Auto {
                chosen.clone()
            } else {
                Vec::new()
            };
            scores.push(totals.score(queue, *method, origins.len(), chosen));
        }
    }
    Ok(Backtest { scores, left_out })
}

/// The folds' cuts, earliest first, walking back from `end` one horizon at a time, and the
/// folds passed over on the way because they hold a past event's day.
fn cuts(end: NaiveDateTime, folds: &Folds) -> (Vec<NaiveDateTime>, Vec<LeftOut>) {
    let horizon = Duration::days(folds.horizon_days as i64);
    let (mut origins, mut left_out) = (Vec::new(), Vec::new());
    let mut origin = end;
    while origins.len() < folds.count {
        origin -= horizon;
        let (from, to) = (
            origin.date(),
            (origin + horizon - Duration::minutes(1)).date(),
        );
        let events: Vec<NaiveDate> = (folds.past_events.iter())
            .filter(|(_, days)| days.range(from..=to).next().is_some())
            .map(|(start, _)| *start)
            .collect();
        if events.is_empty() || folds.keep_events {
            origins.push(origin);
        } else {
            left_out.push(LeftOut { from, to, events });
        }
    }
    origins.reverse();
    left_out.reverse();
    (origins, left_out)
}

#[derive(Default)]
struct Totals {
    abs: f64,
    actual: f64,
    error: f64,
    covered: usize,
    count: usize,
    scaled: Vec<f64>,
}

impl Totals {
    /// Adds one fold's (actual, point, lower, upper) and its MASE scale.
    fn add_fold(&mut self, rows: impl Iterator<Item = (f64, f64, f64, f64)>, scale: f64) {
        let (mut abs, mut n) = (0.0, 0usize);
        for (a, p, lo, hi) in rows {
            abs += (p - a).abs();
            self.actual += a;
            self.error += p - a;
            self.covered += usize::from(lo <= a && a <= hi);
            n += 1;
        }
        self.abs += abs;
        self.count += n;
        if n > 0 && scale > 0.0 {
            self.scaled.push(abs / n as f64 / scale);
        }
    }

    fn score(&self, queue: &str, method: Method, folds: usize, chosen: Vec<String>) -> Score {
        let ratio = |x: f64| {
            if self.actual > 0.0 {
                x / self.actual
            } else {
                f64::NAN
            }
        };
        Score {
            queue: queue.to_string(),
            method: method.name().to_string(),
            wape: ratio(self.abs),
            mase: self.scaled.iter().sum::<f64>() / self.scaled.len().max(1) as f64,
            bias: ratio(self.error),
            coverage: self.covered as f64 / self.count.max(1) as f64,
            folds,
            chosen,
        }
    }
}

/// Mean |y(t) - y(t - 1 week)| over the rows before `origin`: MASE's yardstick.
fn weekly_naive_mae(
    rows: &std::collections::BTreeMap<NaiveDateTime, f64>,
    origin: NaiveDateTime,
) -> f64 {
    let diffs: Vec<f64> = rows
        .range(..origin)
        .filter_map(|(t, y)| {
            rows.get(&(*t - Duration::weeks(1)))
                .map(|prev| (y - prev).abs())
        })
        .collect();
    diffs.iter().sum::<f64>() / diffs.len().max(1) as f64
}

/// WAPE of a forecast against actuals (for hand checks).
pub fn wape(forecast: &[f64], actual: &[f64]) -> f64 {
    let abs: f64 = forecast
        .iter()
        .zip(actual)
        .map(|(f, a)| (f - a).abs())
        .sum();
    abs / actual.iter().sum::<f64>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_time;
    use chrono::Datelike;

    #[test]
    fn wape_and_mase_on_a_tiny_example() {
        // Errors 1, 1, 2 on actuals 10, 20, 10: WAPE 4 / 40.
        assert_eq!(wape(&[11.0, 19.0, 12.0], &[10.0, 20.0, 10.0]), 0.1);
        let mut totals = Totals::default();
        // The second actual (20) lies above its interval.
        let rows = [
            (10.0, 11.0, 9.0, 12.0),
            (20.0, 19.0, 18.0, 19.5),
            (10.0, 12.0, 0.0, 20.0),
        ];
        totals.add_fold(rows.into_iter(), 2.0);
        let s = totals.score("q", Method::Profile, 1, vec![]);
        assert_eq!(s.wape, 0.1);
        // MAE 4/3 over a yardstick of 2.
        assert!((s.mase - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(s.bias, 0.05);
        assert!((s.coverage - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn weekly_naive_yardstick_uses_pairs_a_week_apart() {
        let t = |s: &str| parse_time(s).unwrap();
        let rows = [
            (t("2026-01-01T00:00"), 10.0),
            (t("2026-01-08T00:00"), 14.0),
            (t("2026-01-15T00:00"), 8.0),
            (t("2026-01-22T00:00"), 100.0),
        ]
        .into_iter()
        .collect();
        assert_eq!(weekly_naive_mae(&rows, t("2026-01-20T00:00")), 5.0);
    }

    /// Seven weeks of daily rows from Monday 2026-01-05: 10 a day, 20 on Sundays, and a
    /// promotion on Wednesday 2026-02-18 in the last week (410).
    fn spike_history() -> History {
        let first = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        let rows = (first.iter_days().take(49))
            .map(|d| {
                let y = match (d.weekday(), d.day()) {
                    (chrono::Weekday::Sun, _) => 20.0,
                    (chrono::Weekday::Wed, 18) => 410.0,
                    _ => 10.0,
                };
                (d.and_hms_opt(0, 0, 0).unwrap(), y)
            })
            .collect();
        History {
            series: [("q".to_string(), rows)].into(),
            ..History::default()
        }
    }

    #[test]
    fn backtest_leaves_out_the_fold_holding_a_past_event() {
        let event = NaiveDate::from_ymd_opt(2026, 2, 18).unwrap();
        let mut folds = Folds {
            horizon_days: 7,
            count: 2,
            until: None,
            past_events: vec![(event, [event].into())],
            keep_events: false,
        };
        let settings = Settings {
            method: Method::SeasonalNaiveDay,
            level: 0.8,
            quantile: None,
            profile_weeks: 4,
        };
        let methods = [Method::SeasonalNaiveDay];
        // Each fold forecasts its week as the Sunday before it: 20 a day. An ordinary week is
        // 6 x 10 + 20 = 80 with errors 6 x 10 = 60; the two ordinary weeks before the last:
        // WAPE 120 / 160.
        let found = backtest(&spike_history(), &folds, &settings, &methods).unwrap();
        assert_eq!(found.scores[0].wape, 0.75);
        assert_eq!(found.scores[0].folds, 2);
        let day = |d| NaiveDate::from_ymd_opt(2026, 2, d).unwrap();
        assert_eq!(
            found.left_out,
            [LeftOut {
                from: day(16),
                to: day(22),
                events: vec![event]
            }]
        );
        // Kept, the last week (5 x 10 + 410 + 20 = 480, errors 5 x 10 + 390 = 440) is scored
        // with the ordinary one before it: WAPE (440 + 60) / (480 + 80) = 25 / 28.
        folds.keep_events = true;
        let found = backtest(&spike_history(), &folds, &settings, &methods).unwrap();
        assert!((found.scores[0].wape - 25.0 / 28.0).abs() < 1e-12);
        assert_eq!(found.scores[0].folds, 2);
        assert!(found.left_out.is_empty());
    }
}
