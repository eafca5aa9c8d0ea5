//! Rolling-origin backtests: each fold forecasts the days after its cut from all the history
//! before it, and errors are pooled over the folds.

use std::collections::BTreeSet;

use chrono::{Duration, NaiveDateTime};
use serde::Serialize;

use super::{ordinary, History, Method, Settings};
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

/// Backtests each method on each queue: `folds` cuts, `horizon_days` apart, the last fold
/// ending at `until` (default: midnight after the last row).
pub fn backtest(
    history: &History,
    horizon_days: usize,
    folds: usize,
    until: Option<NaiveDateTime>,
    settings: &Settings,
    methods: &[Method],
) -> Result<Vec<Score>> {
    let step = history.interval_minutes().unwrap_or(60);
    let last = history
        .series
        .values()
        .filter_map(|rows| rows.keys().next_back())
        .max()
        .ok_or_else(|| Error::input("history", "the history has no rows", "add rows"))?;
    let end = until.unwrap_or_else(|| {
        (*last + Duration::minutes(step.into()))
            .date()
            .and_hms_opt(0, 0, 0)
            .unwrap()
    });
    let horizon = Duration::days(horizon_days as i64);
    let per_fold = horizon_days * (24 * 60 / step) as usize;
    let mut scores = Vec::new();
    for (queue, rows) in &history.series {
        for &method in methods {
            let mut totals = Totals::default();
            let mut chosen = Vec::new();
            for f in 0..folds {
                let origin = end - horizon * (folds - f) as i32;
                let s = Settings {
                    method,
                    ..settings.clone()
                };
                let (p, _) = ordinary(history, queue, origin, per_fold, &s, &BTreeSet::new())?;
                if method == Method::Auto {
                    chosen.push(p.method.name().to_string());
                }
                let actual = |i: usize| {
                    rows.get(&(origin + Duration::minutes(i as i64 * i64::from(step))))
                        .copied()
                };
                totals.add_fold(
                    (0..per_fold)
                        .filter_map(|i| actual(i).map(|a| (a, p.point[i], p.lower[i], p.upper[i]))),
                    weekly_naive_mae(rows, origin),
                );
            }
            scores.push(totals.score(queue, method, folds, chosen));
        }
    }
    Ok(scores)
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
}
