//! Forecasting methods for one queue's ordinary days, and their prediction intervals.
//!
//! Every method forecasts from the end of a `Series` (`methods.rs` fits them). Intervals come
//! from the forecast's own errors on the last weeks of the training data (each forecast from
//! the data before it, as a manager would have), measured on the square-root scale because the
//! spread of counts grows with their level: bounds = (sqrt(point) -/+ e)^2, e the `level`
//! quantile of the held-out |sqrt(forecast) - sqrt(actual)|. `combined`
//! weights the candidates by their inverse error on those held-out weeks, and `auto` keeps it
//! unless a simple method did better there (`choose.rs`).

mod choose;
mod methods;

use std::collections::BTreeMap;

use super::series::Series;
use super::Method;
use crate::error::{Error, Result};
use crate::labels::Lang;
use choose::HeldOut;

/// What fitting needs to know about a method.
impl Method {
    /// Weeks of history the method needs before it can forecast.
    fn weeks_needed(self) -> usize {
        match self {
            Method::SeasonalNaiveDay => 0,
            Method::Profile
            | Method::ProfileMedian
            | Method::DailyShape
            | Method::SeasonalNaiveWeek => 1,
            Method::Auto | Method::Mstl | Method::Ets | Method::Combined => 2,
        }
    }
}

/// A forecast with its interval, and the method that made it.
#[derive(Debug, Clone, PartialEq)]
pub struct Prediction {
    /// The method that made it (for `auto`, the one it chose).
    pub method: Method,
    /// The expected inquiries per interval.
    pub point: Vec<f64>,
    /// The prediction interval's lower end per interval.
    pub lower: Vec<f64>,
    /// The prediction interval's upper end per interval.
    pub upper: Vec<f64>,
    /// Days set aside from fitting as unusual, in order ([`Prediction::notes`] tells the
    /// manager of them and of the method).
    pub unusual_days: Vec<chrono::NaiveDate>,
    /// The note on the queue's closed hours, if it has any (`Series::closed_note`).
    pub closed_hours: Option<String>,
    /// What the manager should act on, e.g. a fallback on short history.
    pub warnings: Vec<String>,
}

impl Prediction {
    /// How `queue`'s ordinary days were forecast, and the unusual days set aside from fitting,
    /// in `lang` (English in summary.json). The method is named as `--method` takes it.
    pub fn notes(&self, queue: &str, lang: Lang) -> Vec<String> {
        let method = self.method.name();
        let mut notes = vec![format!("{queue}: ordinary days forecast by {method}")];
        notes.extend(self.closed_hours.clone());
        if !self.unusual_days.is_empty() {
            let days: Vec<String> = self.unusual_days.iter().map(|d| d.to_string()).collect();
            notes.push(format!(
                "{queue}: {} unusual day(s) set aside from fitting: {}",
                days.len(),
                days.join(", ")
            ));
        }
        notes.iter().map(|note| lang.message(note)).collect()
    }
}

/// What a queue's forecast is made from.
pub struct Training<'a> {
    /// Observed values, `None` where missing or set aside.
    pub series: &'a Series,
    /// How many weeks the profile averages.
    pub profile_weeks: usize,
}

/// Forecasts `horizon` intervals after the end of the series with `method`, with intervals at
/// `level` (e.g. 0.8).
pub fn predict(
    training: &Training,
    method: Method,
    horizon: usize,
    level: f64,
) -> Result<Prediction> {
    let mut predictions = predict_each(training, &[method], horizon, level)?;
    Ok(predictions.remove(0))
}

/// [`predict`] for each of `methods`, sharing every fit: `auto`, `combined` and `mstl` measure
/// the same candidates on the same held-out weeks, so a backtest fold fits each once.
pub fn predict_each(
    training: &Training,
    methods: &[Method],
    horizon: usize,
    level: f64,
) -> Result<Vec<Prediction>> {
    let series = training.series;
    check_two_days(series)?;
    let held_out = HeldOut::of(series);
    let mut made = Forecasts::default();
    let mut predictions = Vec::new();
    for &asked in methods {
        let mut warnings = Vec::new();
        let method = fallback_on_short_history(series, asked, &mut warnings);
        let chosen = held_out.choose(training, method, &mut made)?;
        let mut point = vec![0.0; horizon];
        for (candidate, weight) in &chosen.weights {
            let forecast = made.get(training, *candidate, horizon)?;
            for (p, f) in point.iter_mut().zip(forecast) {
                *p += weight * f;
            }
        }
        let (lower, upper) = bounds(&point, chosen.errors.half_width(level));
        predictions.push(Prediction {
            method: chosen.method,
            point,
            lower,
            upper,
            unusual_days: Vec::new(),
            closed_hours: None,
            warnings,
        });
    }
    Ok(predictions)
}

/// Refuses a series shorter than two days: no method can forecast from less.
fn check_two_days(series: &Series) -> Result<()> {
    let len = series.values.len();
    if len < 2 * series.per_day() {
        return Err(Error::input(
            "history",
            format!(
                "only {len} intervals of history before {}; forecasting needs at least two days",
                crate::time::format_time(series.end())
            ),
            "add more history rows",
        ));
    }
    Ok(())
}

/// `method`, or seasonal-naive-day with a warning when the history is too short for it.
fn fallback_on_short_history(
    series: &Series,
    method: Method,
    warnings: &mut Vec<String>,
) -> Method {
    let (len, week) = (series.values.len(), series.per_week());
    let weeks = len / week;
    if weeks < method.weeks_needed() || (method == Method::Auto && weeks < 2) {
        warnings.push(format!(
            "only {:.1} weeks of history: {} needs {}, so the forecast repeats the last day (seasonal-naive-day)",
            len as f64 / week as f64,
            method.name(),
            method.weeks_needed().max(2)
        ));
        Method::SeasonalNaiveDay
    } else {
        method
    }
}

/// Lower and upper bounds around each point: (sqrt(point) -/+ half_width)^2.
fn bounds(point: &[f64], half_width: f64) -> (Vec<f64>, Vec<f64>) {
    point
        .iter()
        .map(|p| {
            let root = p.sqrt();
            (
                (root - half_width).max(0.0).powi(2),
                (root + half_width).powi(2),
            )
        })
        .unzip()
}

/// Point forecasts for `horizon` intervals after the series, never below zero.
pub fn point_forecast(training: &Training, method: Method, horizon: usize) -> Result<Vec<f64>> {
    Ok(predict(training, method, horizon, 0.8)?.point)
}

/// Forecasts already made from one series and its held-out heads, by the head's length and the
/// method: a forecast's first h intervals do not depend on how far it reaches, so the longest
/// one made serves every shorter horizon.
#[derive(Default)]
struct Forecasts(BTreeMap<(usize, Method), Vec<f64>>);

impl Forecasts {
    /// `method`'s forecast of `horizon` intervals after `training`'s series, fitted once. Every
    /// forecast leaves the model code here, held-out weeks and the final one alike.
    fn get(&mut self, training: &Training, method: Method, horizon: usize) -> Result<&[f64]> {
        let key = (training.series.values.len(), method);
        if self.0.get(&key).is_none_or(|made| made.len() < horizon) {
            let point = methods::fit_and_forecast(training, method, horizon)?;
            let mut point: Vec<f64> = point.into_iter().map(|p: f64| p.max(0.0)).collect();
            training.series.zero_closed(&mut point, key.0);
            self.0.insert(key, point);
        }
        Ok(&self.0[&key][..horizon])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_time;

    /// 6-hour intervals (4 a day) from Monday 2026-01-05.
    pub(super) fn series(values: &[f64]) -> Series {
        Series {
            start: parse_time("2026-01-05T00:00").unwrap(),
            step_minutes: 360,
            values: values.iter().map(|v| Some(*v)).collect(),
            closed: Vec::new(),
        }
    }

    #[test]
    fn seasonal_naive_repeats_the_last_day_and_the_last_week() {
        let values: Vec<f64> = (0..56).map(|i| i as f64).collect();
        let s = series(&values);
        let training = Training {
            series: &s,
            profile_weeks: 2,
        };
        assert_eq!(
            point_forecast(&training, Method::SeasonalNaiveDay, 6).unwrap(),
            vec![52.0, 53.0, 54.0, 55.0, 52.0, 53.0]
        );
        assert_eq!(
            point_forecast(&training, Method::SeasonalNaiveWeek, 3).unwrap(),
            vec![28.0, 29.0, 30.0]
        );
        // Profile: mean of the two previous weeks' same slot, (28 + 0) / 2 and (29 + 1) / 2.
        assert_eq!(
            point_forecast(&training, Method::Profile, 2).unwrap(),
            vec![14.0, 15.0]
        );
    }

    #[test]
    fn short_history_falls_back_to_yesterday_with_a_warning() {
        let s = series(&[1.0, 2.0, 3.0, 4.0, 1.0, 2.0, 3.0, 4.0, 1.0, 2.0, 3.0, 4.0]);
        let training = Training {
            series: &s,
            profile_weeks: 4,
        };
        let p = predict(&training, Method::Mstl, 4, 0.8).unwrap();
        assert_eq!(p.method, Method::SeasonalNaiveDay);
        assert_eq!(p.point, vec![1.0, 2.0, 3.0, 4.0]);
        // The held-out day was forecast exactly, so the interval is the point.
        for (lower, point) in p.lower.iter().zip(&p.point) {
            assert!((lower - point).abs() < 1e-9);
        }
        assert!(
            p.warnings[0].contains("seasonal-naive-day"),
            "{:?}",
            p.warnings
        );
    }
}
