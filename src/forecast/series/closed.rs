//! Open hours learned from the history: a slot of the week (weekday x time of day) where the
//! queue had no row or 0 in nearly every recent week is closed, not missing. Closed slots are
//! filled with 0 (not from nearby days), every forecast is 0 there, and the manager is told.
//!
//! The rule, per slot: over the last [`CLOSED_WEEKS`] weeks (counted back from the end of the
//! history) that hold a row, leaving out days set aside as past events or unusual days, the slot
//! had a count above 0 in at most one week in eight (none with fewer than eight weeks, and at
//! least two weeks seen), and it lies in a stretch of such slots at least [`MIN_CLOSED_HOURS`]
//! long. So one stray count does not open a night, one holiday does not close a weekday, and a
//! quiet hour between open ones stays open.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::Series;

/// Weeks of history that decide whether a slot is closed: the last ones holding a row.
const CLOSED_WEEKS: usize = 8;

/// Shortest closed stretch, in hours: a queue closes for the night, a day or a lunch break,
/// while an hour or two with no count between open ones (a bike hire at 03:00) is a quiet hour.
const MIN_CLOSED_HOURS: u32 = 3;

impl Series {
    /// Finds the closed slots of the week from the last [`CLOSED_WEEKS`] weeks with a row, the
    /// days in `ignored` (set aside) counting neither way (rule in the module doc).
    pub fn find_closed(&mut self, ignored: &BTreeSet<NaiveDate>) {
        let (n, week) = (self.values.len(), self.per_week());
        let counted = |i: usize| !ignored.contains(&self.time(i).date());
        let (mut seen, mut open) = (vec![0usize; week], vec![0usize; week]);
        let weeks = (0..n.div_ceil(week)).map(|k| n.saturating_sub((k + 1) * week)..n - k * week);
        let with_rows = weeks.filter(|w| w.clone().any(|i| counted(i) && self.values[i].is_some()));
        for w in with_rows.take(CLOSED_WEEKS) {
            for i in w.filter(|&i| counted(i)) {
                let slot = self.week_slot(i);
                seen[slot] += 1;
                open[slot] += usize::from(self.values[i].is_some_and(|v| v > 0.0));
            }
        }
        let quiet: Vec<bool> = (0..week)
            .map(|s| seen[s] >= 2 && open[s] <= seen[s] / CLOSED_WEEKS)
            .collect();
        let shortest = (MIN_CLOSED_HOURS * 60 / self.step_minutes).max(1) as usize;
        self.closed = vec![false; week];
        for run in runs(&quiet) {
            if run.len() >= shortest {
                for slot in run {
                    self.closed[slot] = true;
                }
            }
        }
    }

    /// Whether interval `i` falls in a closed slot of the week.
    pub fn is_closed(&self, i: usize) -> bool {
        self.closed.get(self.week_slot(i)) == Some(&true)
    }

    /// Sets to 0 the values of `forecast` in closed slots; its first value is interval `from`
    /// of this series' grid (`values.len()` for a forecast from the end).
    pub fn zero_closed(&self, forecast: &mut [f64], from: usize) {
        for (h, value) in forecast.iter_mut().enumerate() {
            if self.is_closed(from + h) {
                *value = 0.0;
            }
        }
    }

    /// What the manager is told of `queue`'s closed hours, e.g. "EWR: closed 28 of 168 hours a
    /// week in the history (01:00-05:00 every day): forecast 0 then": the hours closed on every
    /// day of the week, if any, and whether some days close more. None when the queue has no
    /// closed slot.
    pub fn closed_note(&self, queue: &str) -> Option<String> {
        let count = self.closed.iter().filter(|c| **c).count();
        if count == 0 {
            return None;
        }
        let hours = |slots: usize| {
            let h = slots as f64 * f64::from(self.step_minutes) / 60.0;
            format!("{}", (h * 100.0).round() / 100.0)
        };
        let (closed, week) = (hours(count), hours(self.per_week()));
        let per_day = self.per_day();
        let every_day: Vec<bool> = (0..per_day)
            .map(|k| self.closed.chunks(per_day).all(|day| day[k]))
            .collect();
        let daily_count = every_day.iter().filter(|c| **c).count();
        if daily_count == 0 || daily_count == per_day {
            return Some(format!(
                "{queue}: closed {closed} of {week} hours a week in the history: forecast 0 then"
            ));
        }
        let ranges: Vec<String> = runs(&every_day)
            .iter()
            .map(|run| {
                let at = |slot: usize| {
                    let minutes = slot as u32 * self.step_minutes % (24 * 60);
                    format!("{:02}:{:02}", minutes / 60, minutes % 60)
                };
                format!("{}-{}", at(run[0]), at(run[run.len() - 1] + 1))
            })
            .collect();
        let daily = ranges.join(", ");
        Some(if daily_count * 7 == count {
            format!("{queue}: closed {closed} of {week} hours a week in the history ({daily} every day): forecast 0 then")
        } else {
            format!("{queue}: closed {closed} of {week} hours a week in the history ({daily} every day, more on some days): forecast 0 then")
        })
    }
}

/// The runs of `true` in a circular list (the last slot runs on into the first), each as its
/// slots in order, starting with the first run after an open slot; everything when all are
/// true.
fn runs(flags: &[bool]) -> Vec<Vec<usize>> {
    let Some(open) = flags.iter().position(|f| !f) else {
        return vec![(0..flags.len()).collect()];
    };
    let mut found = vec![Vec::new()];
    for k in 1..=flags.len() {
        let slot = (open + k) % flags.len();
        match found.last_mut() {
            Some(run) if flags[slot] => run.push(slot),
            Some(run) if !run.is_empty() => found.push(Vec::new()),
            _ => {}
        }
    }
    found.retain(|run| !run.is_empty());
    found
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use chrono::{Duration, NaiveDateTime};

    use super::*;
    use crate::forecast::backtest::{backtest, Folds};
    use crate::forecast::models::{point_forecast, Training};
    use crate::forecast::{ordinary, History, Method, Settings};
    use crate::labels::Lang;
    use crate::time::parse_time;

    fn t(s: &str) -> NaiveDateTime {
        parse_time(s).unwrap()
    }

    /// Nine weeks of hourly rows from Monday 2026-01-05: Monday to Saturday 06:00-22:00 at
    /// 10 + (week % 3), none on Sundays or at night, and none on Thursdays 12:00-14:00 (a quiet
    /// two hours); one stray count (1) on Tuesday 03:00 of week 5, and a holiday on Wednesday of
    /// week 6 (no rows).
    fn rows() -> BTreeMap<NaiveDateTime, f64> {
        let mut rows = BTreeMap::new();
        for d in 0..63 {
            let (week, weekday) = (d / 7, d % 7);
            let day = t("2026-01-05T00:00") + Duration::days(d);
            for hour in 6..22 {
                let quiet = weekday == 3 && (12..14).contains(&hour);
                let holiday = week == 6 && weekday == 2;
                if weekday < 6 && !quiet && !holiday {
                    rows.insert(day + Duration::hours(hour), 10.0 + (week % 3) as f64);
                }
            }
        }
        rows.insert(t("2026-02-10T03:00"), 1.0);
        rows
    }

    /// Slot of the week (hours from Monday 00:00) is closed on Sundays and 22:00-06:00.
    fn sundays_and_nights(slot: usize) -> bool {
        let hour = slot % 24;
        slot >= 6 * 24 || !(6..22).contains(&hour)
    }

    fn closed_slots(series: &Series) -> Vec<usize> {
        (0..168).filter(|s| series.closed[*s]).collect()
    }

    #[test]
    fn closed_slots_are_sundays_and_nights_a_stray_count_and_a_holiday_left_as_they_are() {
        let mut series = Series::from_rows(&rows(), 60, t("2026-03-09T00:00"));
        series.find_closed(&BTreeSet::new());
        // Tuesday 03:00 had a count in one of eight weeks: still closed. Wednesday was open in
        // seven of eight weeks: still open. Thursday 12:00-14:00 never had a row but is two
        // hours between open ones: open.
        let expected: Vec<usize> = (0..168).filter(|s| sundays_and_nights(*s)).collect();
        assert_eq!(expected.len(), 6 * 8 + 24);
        assert_eq!(closed_slots(&series), expected);
        assert_eq!(
            series.closed_note("q").unwrap(),
            "q: closed 72 of 168 hours a week in the history (22:00-06:00 every day, more on some days): forecast 0 then"
        );
        // A closed Sunday is filled with 0, not from Saturday or Monday; the holiday from the
        // same time in the weeks around it: weeks 2, 3, 4, 5, 7, 8 at 10 + (week % 3).
        let filled = series.filled();
        let at = |time: &str| (t(time) - series.start).num_hours() as usize;
        assert_eq!(series.values[at("2026-01-25T12:00")], None);
        assert_eq!(filled[at("2026-01-25T12:00")], 0.0);
        assert_eq!(filled[at("2026-02-10T03:00")], 1.0);
        let holiday = filled[at("2026-02-18T12:00")];
        assert!((holiday - 68.0 / 6.0).abs() < 1e-12, "{holiday}");
    }

    #[test]
    fn days_set_aside_count_neither_way() {
        // Counts on Friday 03:00 in weeks 6 and 7: two weeks of eight open it, and Friday
        // 04:00-06:00 is then a two-hour stretch, open too.
        let mut rows = rows();
        rows.insert(t("2026-02-20T03:00"), 4.0);
        rows.insert(t("2026-02-27T03:00"), 4.0);
        let mut series = Series::from_rows(&rows, 60, t("2026-03-09T00:00"));
        series.find_closed(&BTreeSet::new());
        let friday = 4 * 24;
        let expected: Vec<usize> = (0..168)
            .filter(|s| sundays_and_nights(*s) && !(friday + 3..friday + 6).contains(s))
            .collect();
        assert_eq!(closed_slots(&series), expected);
        // Those two Fridays set aside (a past event): Friday nights are closed again.
        let event: BTreeSet<NaiveDate> = [t("2026-02-20T00:00"), t("2026-02-27T00:00")]
            .map(|d| d.date())
            .into();
        series.find_closed(&event);
        assert_eq!(closed_slots(&series).len(), 72);
    }

    #[test]
    fn every_method_forecasts_zero_when_closed() {
        let history = History {
            series: [("q".to_string(), rows())].into(),
            ..History::default()
        };
        let start = t("2026-03-09T00:00");
        for method in [
            Method::Profile,
            Method::SeasonalNaiveWeek,
            Method::Mstl,
            Method::Auto,
        ] {
            let settings = Settings {
                method,
                level: 0.8,
                quantile: None,
                profile_weeks: 4,
            };
            let (p, series) =
                ordinary(&history, "q", start, 168, &settings, &BTreeSet::new()).unwrap();
            for h in (0..168).filter(|h| sundays_and_nights(*h)) {
                assert_eq!((p.point[h], p.lower[h], p.upper[h]), (0.0, 0.0, 0.0), "{h}");
            }
            // Monday 10:00 is open: profile averages weeks 5-8 (10 + 2, 1, 0, 2), seasonal
            // naive repeats week 8 (12).
            let monday = p.point[10];
            match method {
                Method::Profile => assert_eq!(monday, 11.25),
                Method::SeasonalNaiveWeek => assert_eq!(monday, 12.0),
                _ => assert!((9.0..13.0).contains(&monday), "{method:?} {monday}"),
            }
            assert!(p.upper[10] > monday);
            let note = "q: closed 72 of 168 hours a week in the history (22:00-06:00 every day, more on some days): forecast 0 then";
            assert_eq!(p.notes("q", Lang::En)[1], note);
            // The forecasts auto holds out to choose are zero there too: Tuesday 03:00 is 0,
            // not the stray count the profile would average.
            let training = Training {
                series: &series,
                profile_weeks: 4,
            };
            let point = point_forecast(&training, Method::Profile, 168).unwrap();
            let tuesday_3 = (t("2026-03-10T03:00") - series.end()).num_hours() as usize;
            assert_eq!(point[tuesday_3], 0.0);
        }
    }

    #[test]
    fn a_backtest_scores_closed_hours_only_where_they_have_a_row() {
        // Week 9 (from 2026-03-09) has 10 at every open hour, and a 0 row on Sunday 12:00 and
        // Tuesday 03:00 (closed; the stray count there would make the profile 1).
        let mut rows = rows();
        let week9 = t("2026-03-09T00:00");
        for d in 0..6 {
            for hour in (6..22).filter(|h| d != 3 || !(12..14).contains(h)) {
                rows.insert(week9 + Duration::hours(d * 24 + hour), 10.0);
            }
        }
        rows.insert(t("2026-03-15T12:00"), 0.0);
        rows.insert(t("2026-03-10T03:00"), 0.0);
        let history = History {
            series: [("q".to_string(), rows)].into(),
            ..History::default()
        };
        let folds = Folds {
            horizon_days: 7,
            count: 1,
            until: Some(t("2026-03-16T00:00")),
            past_events: Vec::new(),
            keep_events: false,
        };
        let settings = Settings {
            method: Method::Profile,
            level: 0.8,
            quantile: None,
            profile_weeks: 4,
        };
        let found = backtest(&history, &folds, &settings, &[Method::Profile]).unwrap();
        // The profile of weeks 5-8 is 11.25 (Wednesdays 11.5: the holiday in week 6 gives way
        // to week 4): 78 open rows err by 1.25 and 16 Wednesday rows by 1.5, over 94 x 10; the
        // two 0 rows are forecast 0 and the closed hours without a row are not scored.
        let wape = found.scores[0].wape;
        assert!(
            (wape - (78.0 * 1.25 + 16.0 * 1.5) / 940.0).abs() < 1e-12,
            "{wape}"
        );
    }

    #[test]
    fn the_same_hours_every_day_are_named() {
        // Closed 22:00-06:00 and 12:00-13:00 every day, at 30-minute intervals.
        let day: Vec<bool> = (0..48)
            .map(|k| !(12..44).contains(&k) || (24..26).contains(&k))
            .collect();
        let series = Series {
            start: t("2026-01-05T00:00"),
            step_minutes: 30,
            values: Vec::new(),
            closed: day.repeat(7),
        };
        assert_eq!(
            series.closed_note("EWR").unwrap(),
            "EWR: closed 63 of 168 hours a week in the history (12:00-13:00, 22:00-06:00 every day): forecast 0 then"
        );
        // Closed all Sunday only: no hour is closed every day.
        let sundays: Vec<bool> = (0..336).map(|k| k >= 288).collect();
        assert_eq!(
            Series {
                closed: sundays,
                ..series.clone()
            }
            .closed_note("EWR")
            .unwrap(),
            "EWR: closed 24 of 168 hours a week in the history: forecast 0 then"
        );
        assert_eq!(
            Series {
                closed: vec![false; 336],
                ..series
            }
            .closed_note("EWR"),
            None
        );
    }
}
