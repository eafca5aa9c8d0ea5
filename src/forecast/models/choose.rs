//! Choosing without overfitting: every candidate forecasts each of the last weeks from the data
//! before it; `combined` weighs the candidates by their inverse WAPE on those weeks, and `auto`
//! keeps the combination unless a simple method (profile, seasonal naive) did better there, so
//! it is never worse on its own held-out weeks than either.

use super::{Forecasts, Series, Training};
use crate::error::Result;
use crate::forecast::Method;

/// Weeks held out to weigh the candidates, choose and size the interval: six, as the issue
/// asks; three left `auto` picking whichever method had three lucky weeks.
const HELD_OUT_WEEKS: usize = 6;

/// The methods `combined` weighs, decided on the bike, nyc and synthetic sets together
/// (README): each errs differently, so their weighted mean errs less than the best of them.
const COMBINED_CANDIDATES: [Method; 4] = [
    Method::Profile,
    Method::ProfileMedian,
    Method::DailyShape,
    Method::Mstl,
];

/// The simple methods `auto` must never lose to on its held-out weeks: what a manager would
/// otherwise use.
const SIMPLE: [Method; 2] = [Method::Profile, Method::SeasonalNaiveWeek];

/// A forecast as weights over methods, with its held-out WAPE and error sigma.
pub(super) struct Choice {
    /// What the forecast is called: the method asked for, or `auto`'s pick.
    pub method: Method,
    /// The methods whose forecasts are added, each with its weight (adding up to 1).
    pub weights: Vec<(Method, f64)>,
    /// Its errors over the held-out weeks.
    pub errors: Errors,
}

/// Held-out stretches: up to the last [`HELD_OUT_WEEKS`] weeks, each forecast from the data
/// before it (the last day on short history).
pub(super) struct HeldOut {
    /// Intervals in one stretch: a week, or a day on short history.
    stretch: usize,
    /// The training heads, the k-th ending k + 1 stretches before the end.
    heads: Vec<Series>,
    /// What each stretch held.
    actual: Vec<Vec<Option<f64>>>,
}

impl HeldOut {
    pub(super) fn of(series: &Series) -> HeldOut {
        let len = series.values.len();
        let weeks = len / series.per_week();
        let (stretch, count) = if weeks >= 3 {
            (series.per_week(), (weeks - 2).min(HELD_OUT_WEEKS))
        } else {
            (series.per_day(), 1)
        };
        let cuts = (1..=count).map(|k| len - k * stretch);
        HeldOut {
            stretch,
            heads: cuts.clone().map(|cut| series.head(cut)).collect(),
            actual: cuts
                .map(|cut| series.values[cut..cut + stretch].to_vec())
                .collect(),
        }
    }

    /// How `method` forecasts: `auto` the combination or a simple method, whichever has the
    /// lowest held-out WAPE (the combination on a tie); `combined` the combination; any other
    /// method alone, or seasonal-naive-day when the shortest head is too short for it.
    pub(super) fn choose(
        &self,
        training: &Training,
        method: Method,
        made: &mut Forecasts,
    ) -> Result<Choice> {
        let fits = |m: &Method| m.weeks_needed() <= self.shortest_head_weeks();
        match method {
            Method::Auto => {
                let mut best = self.combination(training, made)?;
                for simple in SIMPLE.iter().filter(|m| fits(m)) {
                    let alone = self.alone(training, *simple, made)?;
                    if alone.errors.wape() < best.errors.wape() {
                        best = alone;
                    }
                }
                Ok(best)
            }
            Method::Combined => self.combination(training, made),
            m if fits(&m) => self.alone(training, m, made),
            _ => self.alone(training, Method::SeasonalNaiveDay, made),
        }
    }

    fn shortest_head_weeks(&self) -> usize {
        self.heads
            .last()
            .map_or(0, |head| head.values.len() / head.per_week())
    }

    /// Each held-out stretch's forecast by `method`, from the head before it.
    fn forecasts(
        &self,
        training: &Training,
        method: Method,
        made: &mut Forecasts,
    ) -> Result<Vec<Vec<f64>>> {
        self.heads
            .iter()
            .map(|head| {
                let training = Training {
                    series: head,
                    ..*training
                };
                Ok(made.get(&training, method, self.stretch)?.to_vec())
            })
            .collect()
    }

    /// `method` alone, with its held-out errors.
    fn alone(&self, training: &Training, method: Method, made: &mut Forecasts) -> Result<Choice> {
        let errors = self.errors(&self.forecasts(training, method, made)?);
        Ok(Choice {
            method,
            weights: vec![(method, 1.0)],
            errors,
        })
    }

    /// The candidates weighted by inverse held-out WAPE. Its own held-out errors are honest:
    /// each stretch is forecast with weights from the other stretches only.
    fn combination(&self, training: &Training, made: &mut Forecasts) -> Result<Choice> {
        let candidates: Vec<Method> = COMBINED_CANDIDATES
            .into_iter()
            .filter(|m| m.weeks_needed() <= self.shortest_head_weeks())
            .collect();
        let forecasts: Vec<Vec<Vec<f64>>> = (candidates.iter())
            .map(|m| self.forecasts(training, *m, made))
            .collect::<Result<_>>()?;
        let per_stretch: Vec<Vec<Errors>> = (forecasts.iter())
            .map(|f| {
                (f.iter().zip(&self.actual))
                    .map(|(f, a)| Errors::of(f, a))
                    .collect()
            })
            .collect();
        let count = self.heads.len();
        let weighed: Vec<Vec<f64>> = (0..count)
            .map(|k| {
                let weights = inverse_wape_weights(&per_stretch, (count > 1).then_some(k));
                (0..self.stretch)
                    .map(|i| {
                        (weights.iter().zip(&forecasts))
                            .map(|(w, f)| w * f[k][i])
                            .sum()
                    })
                    .collect()
            })
            .collect();
        let errors = self.errors(&weighed);
        let weights = inverse_wape_weights(&per_stretch, None);
        Ok(Choice {
            method: Method::Combined,
            weights: candidates.into_iter().zip(weights).collect(),
            errors,
        })
    }

    /// Errors pooled over the held-out stretches.
    fn errors(&self, forecasts: &[Vec<f64>]) -> Errors {
        let mut pooled = Errors::default();
        for (f, a) in forecasts.iter().zip(&self.actual) {
            pooled.add(&Errors::of(f, a));
        }
        pooled
    }
}

/// Each candidate's weight: 1 / its WAPE over the stretches other than `leave_out`, scaled to
/// add up to 1 (a perfect candidate takes all the weight).
fn inverse_wape_weights(per_stretch: &[Vec<Errors>], leave_out: Option<usize>) -> Vec<f64> {
    let inverse: Vec<f64> = per_stretch
        .iter()
        .map(|stretches| {
            let mut pooled = Errors::default();
            for (k, e) in stretches.iter().enumerate() {
                if Some(k) != leave_out {
                    pooled.add(e);
                }
            }
            1.0 / pooled.wape().max(1e-9)
        })
        .collect();
    let sum: f64 = inverse.iter().sum();
    inverse.iter().map(|w| w / sum).collect()
}

/// Forecast errors over observed intervals.
#[derive(Default)]
pub(super) struct Errors {
    abs: f64,
    actual: f64,
    /// |sqrt(forecast) - sqrt(actual)| per interval.
    root_errors: Vec<f64>,
}

impl Errors {
    fn of(forecast: &[f64], actual: &[Option<f64>]) -> Errors {
        let mut errors = Errors::default();
        for (f, a) in forecast.iter().zip(actual) {
            if let Some(a) = a {
                errors.abs += (f - a).abs();
                errors.actual += a;
                errors.root_errors.push((f.sqrt() - a.sqrt()).abs());
            }
        }
        errors
    }

    fn add(&mut self, other: &Errors) {
        self.abs += other.abs;
        self.actual += other.actual;
        self.root_errors.extend(&other.root_errors);
    }

    /// Sum |error| / sum actual (the sum of |error| when nothing came).
    fn wape(&self) -> f64 {
        if self.actual > 0.0 {
            self.abs / self.actual
        } else {
            self.abs
        }
    }

    /// How far either side of sqrt(forecast) the `level` interval reaches: the `level` quantile
    /// of the held-out |sqrt(forecast) - sqrt(actual)|, so the range holds the share of held-out
    /// hours asked. A normal sigma from their root mean square was wider: held-out errors have
    /// heavy tails (storms, holidays), and on bike it held up to 91% of hours (README).
    pub(super) fn half_width(&self, level: f64) -> f64 {
        let mut sorted = self.root_errors.clone();
        sorted.sort_by(f64::total_cmp);
        let at = (level * sorted.len() as f64).ceil() as usize;
        sorted
            .get(at.clamp(1, sorted.len().max(1)) - 1)
            .copied()
            .unwrap_or(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::series;
    use super::*;

    fn errors(abs: f64, actual: f64) -> Errors {
        Errors {
            abs,
            actual,
            root_errors: Vec::new(),
        }
    }

    #[test]
    fn weights_are_inverse_wape_without_the_stretch_left_out() {
        // Candidate a: WAPE 1/10 and 3/10 on two stretches; b: 3/10 and 1/10.
        let per_stretch = vec![
            vec![errors(1.0, 10.0), errors(3.0, 10.0)],
            vec![errors(3.0, 10.0), errors(1.0, 10.0)],
        ];
        // Pooled, both have WAPE 0.2: equal weights.
        assert_eq!(inverse_wape_weights(&per_stretch, None), [0.5, 0.5]);
        // For the first stretch only the second counts: 1 / 0.3 and 1 / 0.1, i.e. 1 : 3.
        let w = inverse_wape_weights(&per_stretch, Some(0));
        assert!((w[0] - 0.25).abs() < 1e-12 && (w[1] - 0.75).abs() < 1e-12);
    }

    #[test]
    fn half_width_is_the_level_quantile_of_the_root_errors() {
        // Ten root errors 0.1 .. 1.0: the 80% interval reaches the 8th, 0.8.
        let e = Errors {
            root_errors: (1..=10).rev().map(|k| k as f64 / 10.0).collect(),
            ..Errors::default()
        };
        assert_eq!(e.half_width(0.8), 0.8);
        assert_eq!(Errors::default().half_width(0.8), 0.0);
    }

    #[test]
    fn auto_is_never_worse_than_profile_on_its_held_out_weeks() {
        // Ten weeks of a fixed daily pattern (6-hour slots) with noise that changes every week:
        // the 4-week mean averages the noise out, last week's value keeps all of it.
        let mut seed = 7u64;
        let values: Vec<f64> = (0..10 * 28)
            .map(|i| {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let noise = (seed >> 33) as f64 / (1u64 << 31) as f64 - 0.5;
                [20.0, 60.0, 80.0, 40.0][i % 4] * (1.0 + 0.6 * noise)
            })
            .collect();
        let s = series(&values);
        let training = Training {
            series: &s,
            profile_weeks: 4,
        };
        let held_out = HeldOut::of(&s);
        assert_eq!(held_out.heads.len(), HELD_OUT_WEEKS);
        let mut made = Forecasts::default();
        let mut wape = |m: Method| {
            let choice = held_out.choose(&training, m, &mut made).unwrap();
            (choice.method, choice.errors.wape())
        };
        let (_, profile) = wape(Method::Profile);
        let (_, naive) = wape(Method::SeasonalNaiveWeek);
        assert!(profile < 0.8 * naive, "{profile} {naive}");
        let (chosen, auto) = wape(Method::Auto);
        assert!(auto <= profile, "{chosen:?} {auto} {profile}");
    }
}
