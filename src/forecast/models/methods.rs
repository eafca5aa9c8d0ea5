//! Each method's forecast, fitted from scratch on one training series: the same-slot profiles
//! (mean and median), seasonal naive, daily totals times an intraday shape, MSTL and ETS.

use augurs::ets::AutoETS;
use augurs::mstl::MSTLModel;
use augurs::prelude::*;

use super::{Series, Training};
use crate::error::{Error, Result};
use crate::forecast::Method;

/// How many recent weeks MSTL and ETS are fitted on: enough for stable weekly seasons, recent
/// enough to follow the level. Eight weeks halved a backtest's time (synthetic set, 9.6 s to
/// 5.6 s of CPU) but `auto` lost 0.3-0.7% of WAPE on each of the three development sets.
pub const FIT_WEEKS: usize = 16;

/// One method's forecast of `horizon` intervals after the series (may dip below zero; the
/// caller clips).
pub(super) fn fit_and_forecast(
    training: &Training,
    method: Method,
    horizon: usize,
) -> Result<Vec<f64>> {
    let series = training.series;
    let n = series.values.len();
    let (day, week) = (series.per_day(), series.per_week());
    let same_slot = |pick: fn(Vec<f64>) -> f64| -> Vec<f64> {
        (0..horizon)
            .map(|h| pick(same_slot_samples(series, training.profile_weeks, n + h)))
            .collect()
    };
    Ok(match method {
        Method::Auto | Method::Combined => {
            unreachable!("auto and combined weigh other methods' forecasts")
        }
        Method::Profile => same_slot(mean),
        Method::ProfileMedian => same_slot(median),
        Method::DailyShape => daily_shape(training, horizon),
        Method::SeasonalNaiveDay => {
            let filled = series.filled();
            (0..horizon).map(|h| filled[n - day + h % day]).collect()
        }
        Method::SeasonalNaiveWeek => {
            let filled = series.filled();
            (0..horizon).map(|h| filled[n - week + h % week]).collect()
        }
        Method::Mstl => {
            let filled = series.filled();
            let recent = &filled[n.saturating_sub(FIT_WEEKS * week)..];
            MSTLModel::new(vec![day, week], AutoETS::non_seasonal().into_trend_model())
                .fit(recent)
                .and_then(|fit| fit.predict(horizon, None))
                .map_err(|e| model_error("mstl", e))?
                .point
        }
        Method::Ets => ets(series, horizon)?,
    })
}

/// The values at the same weekday and time as interval `i`, from up to `weeks` earlier weeks
/// that have one (looking back at most three times as far), the latest first.
fn same_slot_samples(series: &Series, weeks: usize, i: usize) -> Vec<f64> {
    let week = series.per_week();
    (1..=weeks * 3)
        .filter_map(|k| i.checked_sub(k * week))
        .filter_map(|j| series.values.get(j).copied().flatten())
        .take(weeks)
        .collect()
}

/// The mean; 0 for none.
fn mean(samples: Vec<f64>) -> f64 {
    samples.iter().sum::<f64>() / samples.len().max(1) as f64
}

/// The median (the mean of the middle two for an even count); 0 for none.
fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    let n = samples.len();
    match n {
        0 => 0.0,
        _ if n % 2 == 1 => samples[n / 2],
        _ => (samples[n / 2 - 1] + samples[n / 2]) / 2.0,
    }
}

/// Weeks of daily totals (per weekday) that `daily-shape` averages: four, as the 4-week
/// same-hour mean managers use.
const TOTAL_WEEKS: usize = 4;

/// Weeks whose days give each weekday's intraday shape: a median over eight days is steady on
/// small counts and still follows a season's change of shape.
const SHAPE_WEEKS: usize = 8;

/// How much of the last week's departure from the 4-week level `daily-shape` carries into its
/// day totals. A same-weekday mean lags a moving level by two weeks; the last week alone is
/// noisy (weather, one holiday), so half of its step is kept.
const LEVEL_DAMPING: f64 = 0.5;

/// `daily-shape`: each day's total times its weekday's intraday shape.
///
/// The total of a day with weekday w is the mean of the last [`TOTAL_WEEKS`] totals of weekday
/// w, times 1 + [`LEVEL_DAMPING`] x (last 7 days' total / mean weekly total of those weeks - 1).
/// The shape is, per time of day, the median over the last [`SHAPE_WEEKS`] days of weekday w
/// of each day's share of its own total, scaled to add up to 1. A day with no inquiries gives
/// no shape; a weekday with none gets the flat shape.
///
/// Why a same-weekday mean and not AutoETS (damped trend) on the weekday-adjusted day totals:
/// on one-week folds (4 per end date; bike 4 end dates, nyc 2, synthetic 2), `daily-shape`'s
/// WAPE over the better of seasonal naive and the 4-week mean was 0.970 / 1.019 / 0.973 with
/// this mean, 0.992 / 1.018 / 0.960 with ETS: no better on the whole, an extra fit that can fail
/// on a short or flat history, and a trend that runs on after a holiday week. Damping 0 scored
/// 0.978 / 1.020 / 0.975, damping 1 0.980 / 1.022 / 0.979; a 4-week shape 0.982 / 1.015 / 1.026.
fn daily_shape(training: &Training, horizon: usize) -> Vec<f64> {
    let series = training.series;
    let (n, day) = (series.values.len(), series.per_day());
    let filled = series.filled();
    // Whole days in the series, by their first interval, oldest first, with their totals.
    let first = (day - series.week_slot(0) % day) % day;
    let starts: Vec<usize> = (first..)
        .step_by(day)
        .take_while(|s| s + day <= n)
        .collect();
    let totals: Vec<f64> = (starts.iter())
        .map(|&s| filled[s..s + day].iter().sum())
        .collect();
    let weekday = |i: usize| series.week_slot(i) / day;
    let latest = |w: usize, k: usize| {
        (starts.iter().zip(&totals).rev())
            .filter(move |(s, _)| weekday(**s) == w)
            .take(k)
    };
    let shapes: Vec<Vec<f64>> = (0..7)
        .map(|w| {
            let shares: Vec<Vec<f64>> = latest(w, SHAPE_WEEKS)
                .filter(|(_, t)| **t > 0.0)
                .map(|(s, t)| filled[*s..s + day].iter().map(|y| y / t).collect())
                .collect();
            let shape: Vec<f64> = (0..day)
                .map(|slot| median(shares.iter().map(|s| s[slot]).collect()))
                .collect();
            let sum: f64 = shape.iter().sum();
            if sum > 0.0 {
                shape.iter().map(|s| s / sum).collect()
            } else {
                vec![1.0 / day as f64; day]
            }
        })
        .collect();
    let days_ahead = (n + horizon - first).div_ceil(day) - starts.len();
    let recent = starts.len().min(7 * TOTAL_WEEKS);
    let last_week: f64 = totals.iter().rev().take(7).sum();
    let weekly_mean = totals.iter().rev().take(recent).sum::<f64>() * 7.0 / recent.max(1) as f64;
    let level = if weekly_mean > 0.0 && starts.len() >= 7 {
        1.0 + LEVEL_DAMPING * (last_week / weekly_mean - 1.0)
    } else {
        1.0
    };
    let ahead: Vec<f64> = (0..days_ahead)
        .map(|k| {
            let w = weekday(first + (starts.len() + k) * day);
            level * mean(latest(w, TOTAL_WEEKS).map(|(_, t)| *t).collect())
        })
        .collect();
    (n..n + horizon)
        .map(|i| {
            let k = (i - first) / day - starts.len();
            ahead[k] * shapes[weekday(i)][series.week_slot(i) % day]
        })
        .collect()
}

/// `ets`: augurs AutoETS on the recent series less its hour-of-week means, which are added back.
fn ets(series: &Series, horizon: usize) -> Result<Vec<f64>> {
    let filled = series.filled();
    let n = filled.len();
    let week = series.per_week();
    let recent = &filled[n.saturating_sub(FIT_WEEKS * week)..];
    let offset = n - recent.len();
    let mut slot_sum = vec![0.0; week];
    let mut slot_count = vec![0.0; week];
    for (i, y) in recent.iter().enumerate() {
        slot_sum[series.week_slot(offset + i)] += y;
        slot_count[series.week_slot(offset + i)] += 1.0;
    }
    let slot_mean: Vec<f64> = slot_sum
        .iter()
        .zip(&slot_count)
        .map(|(s, c)| if *c > 0.0 { s / c } else { 0.0 })
        .collect();
    let adjusted: Vec<f64> = recent
        .iter()
        .enumerate()
        .map(|(i, y)| y - slot_mean[series.week_slot(offset + i)])
        .collect();
    let level = AutoETS::non_seasonal()
        .fit(&adjusted)
        .and_then(|fit| fit.predict(horizon, None))
        .map_err(|e| model_error("ets", e))?
        .point;
    Ok(level
        .iter()
        .enumerate()
        .map(|(h, l)| l + slot_mean[series.week_slot(n + h)])
        .collect())
}

fn model_error(method: &str, e: impl std::fmt::Display) -> Error {
    Error::input(
        "history",
        format!("the {method} model could not be fitted: {e}"),
        "choose another method (e.g. --method profile) or check the history for long gaps",
    )
}

#[cfg(test)]
mod tests {
    use super::super::tests::series;
    use super::*;

    #[test]
    fn profile_median_passes_over_one_odd_week() {
        // Three weeks of 10 in every 6-hour slot, but 100 on the second Monday 00:00.
        let mut values = vec![10.0; 3 * 28];
        values[28] = 100.0;
        let s = series(&values);
        let training = Training {
            series: &s,
            profile_weeks: 3,
        };
        // Next Monday 00:00: the mean of 10, 100, 10 is 40; their median is 10.
        assert_eq!(
            fit_and_forecast(&training, Method::Profile, 1).unwrap(),
            [40.0]
        );
        assert_eq!(
            fit_and_forecast(&training, Method::ProfileMedian, 1).unwrap(),
            [10.0]
        );
    }

    #[test]
    fn daily_shape_is_the_day_total_times_the_median_shape() {
        // Three weeks of 6-hour slots: each day 1, 2, 3, 4 in the first week (total 10),
        // doubled in the second (20) and tripled in the third (30); the second Monday is flat,
        // 5, 5, 5, 5 (20).
        let mut values = Vec::new();
        for week in 1..=3 {
            for _ in 0..7 {
                values.extend([1.0, 2.0, 3.0, 4.0].map(|v| v * week as f64));
            }
        }
        values[28..32].copy_from_slice(&[5.0; 4]);
        let s = series(&values);
        let training = Training {
            series: &s,
            profile_weeks: 4,
        };
        // Monday's total: the mean of 10, 20, 30 = 20, times the damped level: the last week
        // (210) over the mean week (420 / 3 = 140) is 1.5, half of the step kept: 1.25; 25.
        // Shape: per slot the median of 0.1, 0.25, 0.1 | 0.2, 0.25, 0.2 | ... = 0.1, 0.2, 0.3,
        // 0.4 (the flat Monday is outvoted). Tuesday is the same.
        assert_eq!(
            fit_and_forecast(&training, Method::DailyShape, 8).unwrap(),
            [2.5, 5.0, 7.5, 10.0, 2.5, 5.0, 7.5, 10.0]
        );
    }
}
