//! One queue's history on a regular grid of intervals, with gaps and unusual days set aside and
//! then filled from the same time in nearby weeks, so models see ordinary days only; hours the
//! queue is closed in the history ([`closed`]) are 0, not filled.

mod closed;

use std::collections::{BTreeMap, BTreeSet};

use augurs::outlier::{MADDetector, OutlierDetector};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

/// How far a day's total may stray from its weekday's local median (in double-MAD units)
/// before it is set aside as unusual; 3.5 is the usual cut for MAD scores.
const UNUSUAL_DAY_THRESHOLD: f64 = 3.5;

/// Counts per interval from `start`; `None` where the history has no row or a day was set aside.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub start: NaiveDateTime,
    pub step_minutes: u32,
    pub values: Vec<Option<f64>>,
    /// Per slot of the week ([`Series::week_slot`]): closed in the history
    /// ([`Series::find_closed`]); empty until looked for.
    pub closed: Vec<bool>,
}

impl Series {
    /// The rows of one queue before `cut`, on the grid of `step_minutes` from the first row.
    pub fn from_rows(
        rows: &BTreeMap<NaiveDateTime, f64>,
        step_minutes: u32,
        cut: NaiveDateTime,
    ) -> Series {
        let step = Duration::minutes(step_minutes.into());
        let Some((&start, _)) = rows.iter().next() else {
            return Series {
                start: cut,
                step_minutes,
                values: Vec::new(),
                closed: Vec::new(),
            };
        };
        let last = rows.range(..cut).next_back().map_or(start, |(t, _)| *t);
        let len = if last < cut && start < cut {
            ((last - start).num_minutes() / step.num_minutes() + 1) as usize
        } else {
            0
        };
        let values = (0..len)
            .map(|i| rows.get(&(start + step * i as i32)).copied())
            .collect();
        Series {
            start,
            step_minutes,
            values,
            closed: Vec::new(),
        }
    }

    pub fn step(&self) -> Duration {
        Duration::minutes(self.step_minutes.into())
    }

    pub fn per_day(&self) -> usize {
        (24 * 60 / self.step_minutes) as usize
    }

    pub fn per_week(&self) -> usize {
        7 * self.per_day()
    }

    pub fn time(&self, i: usize) -> NaiveDateTime {
        self.start + self.step() * i as i32
    }

    /// The grid position just after the last value: where a forecast starts.
    pub fn end(&self) -> NaiveDateTime {
        self.time(self.values.len())
    }

    /// The first `len` intervals.
    pub fn head(&self, len: usize) -> Series {
        Series {
            values: self.values[..len.min(self.values.len())].to_vec(),
            ..self.clone()
        }
    }

    /// Marks every interval on the given dates as unknown.
    pub fn set_aside(&mut self, days: &BTreeSet<NaiveDate>) {
        for i in 0..self.values.len() {
            if days.contains(&self.time(i).date()) {
                self.values[i] = None;
            }
        }
    }

    /// Days whose total is far from the median of the same weekday in the four weeks either
    /// side (augurs' double-MAD detector on the ratios): holidays, outages, unnamed promotions.
    pub fn unusual_days(&self) -> BTreeSet<NaiveDate> {
        let per_day = self.per_day();
        let totals: BTreeMap<NaiveDate, f64> = self
            .values
            .chunks(per_day)
            .enumerate()
            .filter(|(_, day)| {
                day.len() == per_day && day.iter().flatten().count() * 10 >= per_day * 9
            })
            .map(|(d, day)| {
                (
                    self.time(d * per_day).date(),
                    day.iter().flatten().sum::<f64>(),
                )
            })
            .collect();
        let mut days = Vec::new();
        let mut ratios = Vec::new();
        for (&date, &total) in &totals {
            let mut neighbours: Vec<f64> = (-4..=4)
                .filter(|k| *k != 0)
                .filter_map(|k| totals.get(&(date + Duration::weeks(k))).copied())
                .collect();
            if neighbours.len() < 2 {
                continue;
            }
            neighbours.sort_by(f64::total_cmp);
            let median = neighbours[neighbours.len() / 2];
            if median > 0.0 {
                days.push(date);
                ratios.push(total / median);
            }
        }
        let detector = MADDetector::with_threshold(UNUSUAL_DAY_THRESHOLD);
        let Ok(scores) = detector.preprocess(&[&ratios]) else {
            // Too regular to measure spread (e.g. all ratios equal): nothing is unusual.
            return BTreeSet::new();
        };
        let Ok(found) = detector.detect(&scores) else {
            return BTreeSet::new();
        };
        found.series_results[0]
            .scores
            .iter()
            .zip(days)
            .filter(|(score, _)| **score > UNUSUAL_DAY_THRESHOLD)
            .map(|(_, day)| day)
            .collect()
    }

    /// Every interval with a value: unknown ones take [`Series::fill_at`].
    pub fn filled(&self) -> Vec<f64> {
        (0..self.values.len())
            .map(|i| self.values[i].unwrap_or_else(|| self.fill_at(i)))
            .collect()
    }

    /// What interval `i` is filled with when unknown (or would be, when known): 0 in a closed
    /// slot, else the mean of the same time up to four weeks either side, else the same time on
    /// nearby days, else 0 (a slot never seen is closed).
    pub fn fill_at(&self, i: usize) -> f64 {
        if self.is_closed(i) {
            return 0.0;
        }
        let n = self.values.len() as i64;
        let at = |i: i64| {
            (0..n)
                .contains(&i)
                .then(|| self.values[i as usize])
                .flatten()
        };
        let nearby_mean = |stride: usize| {
            let (i, stride) = (i as i64, stride as i64);
            let seen: Vec<f64> = (1..=4)
                .flat_map(|k| [at(i - k * stride), at(i + k * stride)])
                .flatten()
                .collect();
            (!seen.is_empty()).then(|| seen.iter().sum::<f64>() / seen.len() as f64)
        };
        nearby_mean(self.per_week())
            .or_else(|| nearby_mean(self.per_day()))
            .unwrap_or(0.0)
    }

    /// Monday-based slot of the week of interval `i` (0 = Monday 00:00).
    pub fn week_slot(&self, i: usize) -> usize {
        let t = self.time(i);
        let minutes = t.weekday().num_days_from_monday() as i64 * 1440
            + (t - t.date().and_hms_opt(0, 0, 0).unwrap()).num_minutes();
        (minutes / i64::from(self.step_minutes)) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_time;

    fn t(s: &str) -> NaiveDateTime {
        parse_time(s).unwrap()
    }

    #[test]
    fn gaps_become_none_and_are_filled_from_the_same_time_a_week_away() {
        let mut rows = BTreeMap::new();
        // Three days at 60-minute steps per day... use a 12-hour step: two slots a day.
        for d in 0..15 {
            let day = t("2026-01-05T00:00") + Duration::days(d);
            rows.insert(day, 10.0 + d as f64);
            if d != 7 {
                rows.insert(day + Duration::hours(12), 100.0);
            }
        }
        let series = Series::from_rows(&rows, 720, t("2026-02-01T00:00"));
        assert_eq!(series.values.len(), 30);
        assert_eq!(series.values[15], None);
        let filled = series.filled();
        assert_eq!(filled[15], 100.0);
        assert_eq!(filled[14], 17.0);
        assert_eq!(series.end(), t("2026-01-20T00:00"));
    }

    #[test]
    fn a_day_ten_times_its_weekday_is_unusual() {
        let mut rows = BTreeMap::new();
        for d in 0..63 {
            let day = t("2026-01-05T00:00") + Duration::days(d);
            let noise = [0.0, 3.0, -2.0, 1.0, -1.0, 2.0, -3.0][(d as usize / 7 + d as usize) % 7];
            let total = if d == 30 { 1000.0 } else { 100.0 + noise };
            rows.insert(day, total);
        }
        let series = Series::from_rows(&rows, 1440, t("2027-01-01T00:00"));
        let unusual = series.unusual_days();
        assert_eq!(
            unusual.into_iter().collect::<Vec<_>>(),
            vec![(t("2026-01-05T00:00") + Duration::days(30)).date()]
        );
    }
}
