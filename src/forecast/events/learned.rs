//! What past events teach a planned one: the hourly shape of its pre-sale inquiries (from past
//! events of the same length, else stretched or cut from past events of other lengths) and how
//! its after-sale contacts spread over the days after it.

use chrono::{Duration, NaiveDateTime};

use super::super::series::Series;
use super::super::History;
use crate::error::{Error, Result};
use crate::scenario::{Event, PastEvent};
use crate::time::format_time;

/// Days after a past event searched for its after-sale wave (and kept out of ordinary-day
/// averages, when the scenario gives no `aftersale_lag`), unless `aftersale_lag` is longer.
pub(super) const DEFAULT_LAG_DAYS: usize = 7;

/// A learned after-sale wave ends before the first day after its peak whose excess is under
/// this share of the peak day's excess: smaller excesses are as likely the noise of an
/// ordinary day (the example's 618 2026 shows 39 contacts on day 6 against a peak of 365).
const WAVE_END_SHARE: f64 = 0.2;

/// Share of the event's inquiries per interval, and where that shape came from. Past events of
/// the event's own length are preferred; without any, past events of other lengths are aligned
/// by hours from the start ([`stretch`]).
pub(super) fn event_shape(
    event: &Event,
    past: &[PastEvent],
    history: &History,
    interval: Duration,
) -> Result<(Vec<f64>, String)> {
    let steps_of = |hours: u32| (i64::from(hours) * 60 / interval.num_minutes()) as usize;
    let steps = steps_of(event.hours);
    let per_day = steps_of(24);
    let past_shape = |p: &PastEvent| {
        let series = history.series.get(&event.presale_queue)?;
        let values: Vec<Option<f64>> = (0..steps_of(p.hours))
            .map(|j| series.get(&(p.start + interval * j as i32)).copied())
            .collect();
        // A past event with most of its rows missing would give a false shape.
        let present = values.iter().flatten().count();
        let filled: Vec<f64> = values.iter().map(|v| v.unwrap_or(0.0)).collect();
        (present * 10 >= values.len() * 9 && filled.iter().sum::<f64>() > 0.0)
            .then(|| normalise(&filled))
    };
    let label = |p: &PastEvent| format!("{} ({})", p.name, format_time(p.start));
    let (same, other): (Vec<&PastEvent>, Vec<&PastEvent>) =
        past.iter().partition(|p| p.hours == event.hours);
    let (shapes, used): (Vec<Vec<f64>>, Vec<String>) = same
        .iter()
        .filter_map(|p| Some((past_shape(p)?, label(p))))
        .unzip();
    if !shapes.is_empty() {
        return Ok((
            mean_shape(&shapes),
            format!("the shape of past events {}", used.join(", ")),
        ));
    }
    let learned: Vec<(Vec<f64>, &PastEvent)> = other
        .iter()
        .filter_map(|p| Some((past_shape(p)?, *p)))
        .collect();
    if !learned.is_empty() {
        let shapes: Vec<Vec<f64>> = learned
            .iter()
            .map(|(shape, _)| stretch(shape, steps, per_day))
            .collect();
        let names: Vec<String> = learned.iter().map(|(_, p)| label(p)).collect();
        let names = names.join(", ");
        let longer = learned
            .iter()
            .filter(|(_, p)| p.hours > event.hours)
            .count();
        let hours = event.hours;
        let source = match longer {
            0 => format!("the shape of past events {names}, stretched to {hours} hours"),
            n if n == learned.len() => {
                format!("the shape of past events {names}, cut to {hours} hours")
            }
            _ => format!("the shape of past events {names}, stretched or cut to {hours} hours"),
        };
        return Ok((mean_shape(&shapes), source));
    }
    match &event.curve {
        Some(curve) => Ok((normalise(curve), "the scenario's curve".to_string())),
        None => Err(Error::input(
            format!("scenario: event \"{}\"", event.name),
            "no past event with rows in the history to take the hourly shape from",
            "name past promotions in [[past_events]], or give the event a `curve` with one weight per interval",
        )),
    }
}

/// A past event's shape fitted to `steps` intervals, aligned by intervals from the start: the
/// event's interval k takes the past shape's interval k while it lasts; beyond its end, a past
/// event of a day or more continues with its last day's same-hour weights (`per_day` intervals
/// a day), a shorter one with its mean weight; a shorter event keeps the first `steps`. The
/// result sums to 1.
fn stretch(shape: &[f64], steps: usize, per_day: usize) -> Vec<f64> {
    let len = shape.len();
    let mean = shape.iter().sum::<f64>() / len as f64;
    let fitted: Vec<f64> = (0..steps)
        .map(|k| match k {
            k if k < len => shape[k],
            k if len >= per_day => shape[len - per_day + (k - len) % per_day],
            _ => mean,
        })
        .collect();
    normalise(&fitted)
}

/// Days after each past event kept out of ordinary-day averages: `aftersale_lag`'s length, else
/// [`DEFAULT_LAG_DAYS`]; none without an after-sale queue.
pub(super) fn lag_days(event: &Event) -> usize {
    match (&event.aftersale_queue, event.aftersale_lag.len()) {
        (None, _) => 0,
        (Some(_), 0) => DEFAULT_LAG_DAYS,
        (Some(_), n) => n,
    }
}

/// The share of after-sale contacts per day after past events: each event's daily excess over
/// its ordinary-day fill (the same time in nearby weeks, [`Series::fill_at`]), searched over
/// [`lag_days`], at least [`DEFAULT_LAG_DAYS`], and kept up to the end of its wave
/// ([`wave_days`]), normalised, averaged over the events whose days all have rows. The result
/// lasts as long as the longest wave, not `aftersale_lag`'s length.
pub(super) fn learned_lag(
    event: &Event,
    past: &[PastEvent],
    history: &History,
    series: &Series,
) -> Option<(Vec<f64>, String)> {
    let rows = history.series.get(event.aftersale_queue.as_deref()?)?;
    let per_day = series.per_day();
    let mut shapes = Vec::new();
    let mut names = Vec::new();
    for p in past {
        let excess: Option<Vec<f64>> = (0..lag_days(event).max(DEFAULT_LAG_DAYS))
            .map(|d| {
                let from: NaiveDateTime =
                    p.start.date().and_hms_opt(0, 0, 0).unwrap() + Duration::days(d as i64);
                let actual: Vec<f64> = rows
                    .range(from..from + Duration::days(1))
                    .map(|(_, v)| *v)
                    .collect();
                let first = (from - series.start).num_minutes() / i64::from(series.step_minutes);
                let last = first + per_day as i64;
                if actual.len() * 10 < per_day * 9 || first < 0 || last > series.values.len() as i64
                {
                    return None;
                }
                let expected: f64 = (first as usize..last as usize)
                    .map(|i| series.fill_at(i))
                    .sum();
                Some((actual.iter().sum::<f64>() - expected).max(0.0))
            })
            .collect();
        if let Some(excess) = excess.filter(|e| e.iter().sum::<f64>() > 0.0) {
            shapes.push(normalise(&excess[..wave_days(&excess)]));
            names.push(p.name.clone());
        }
    }
    let longest = shapes.iter().map(Vec::len).max()?;
    for shape in &mut shapes {
        shape.resize(longest, 0.0);
    }
    Some((mean_shape(&shapes), names.join(", ")))
}

/// How many days a wave of daily `excess` lasts: up to the first day after its peak whose
/// excess is under [`WAVE_END_SHARE`] of the peak's.
fn wave_days(excess: &[f64]) -> usize {
    let peak = (0..excess.len())
        .max_by(|&a, &b| excess[a].total_cmp(&excess[b]))
        .unwrap_or(0);
    let floor = excess.get(peak).copied().unwrap_or(0.0) * WAVE_END_SHARE;
    (peak..excess.len())
        .find(|&d| excess[d] < floor)
        .unwrap_or(excess.len())
}

/// The mean of shapes of one length, interval by interval.
pub(super) fn mean_shape(shapes: &[Vec<f64>]) -> Vec<f64> {
    (0..shapes[0].len())
        .map(|j| shapes.iter().map(|s| s[j]).sum::<f64>() / shapes.len() as f64)
        .collect()
}

/// Scales weights to sum to 1; all-zero weights become a flat shape.
pub(super) fn normalise(weights: &[f64]) -> Vec<f64> {
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

    fn close(got: &[f64], want: &[f64]) {
        assert_eq!(got.len(), want.len(), "{got:?}");
        for (g, w) in got.iter().zip(want) {
            assert!((g - w).abs() < 1e-12, "{got:?} against {want:?}");
        }
    }

    #[test]
    fn shares_are_normalised_and_zero_weights_become_flat() {
        assert_eq!(normalise(&[1.0, 3.0]), vec![0.25, 0.75]);
        assert_eq!(normalise(&[0.0, 0.0]), vec![0.5, 0.5]);
    }

    #[test]
    fn stretch_cuts_a_longer_past_shape_and_rescales_it() {
        // [0.5, 0.3] of the 3-hour shape, over their sum 0.8.
        close(&stretch(&[0.5, 0.3, 0.2], 2, 24), &[0.625, 0.375]);
    }

    #[test]
    fn stretch_continues_a_short_past_shape_with_its_mean_weight() {
        // Hour 3 takes the mean weight 1/3: [0.5, 0.3, 0.2, 1/3] over their sum 4/3.
        close(
            &stretch(&[0.5, 0.3, 0.2], 4, 24),
            &[0.375, 0.225, 0.15, 0.25],
        );
    }

    #[test]
    fn stretch_continues_a_day_long_past_shape_with_its_last_day_same_hours() {
        // Two intervals a day: a 2-day shape continues with its last day [0.3, 0.4] -> 1.7 in all.
        close(
            &stretch(&[0.1, 0.2, 0.3, 0.4], 6, 2),
            &[
                0.1 / 1.7,
                0.2 / 1.7,
                0.3 / 1.7,
                0.4 / 1.7,
                0.3 / 1.7,
                0.4 / 1.7,
            ],
        );
    }

    #[test]
    fn wave_days_end_where_the_excess_falls_under_a_fifth_of_the_peak() {
        // Peak 300 on day 1; day 5's 50 is under 60, so the wave lasts days 0-4; the noise on
        // day 6 after it does not count.
        assert_eq!(
            wave_days(&[100.0, 300.0, 250.0, 100.0, 70.0, 50.0, 80.0]),
            5
        );
        assert_eq!(wave_days(&[100.0, 100.0]), 2);
    }
}
