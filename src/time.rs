//! Time on the plan's grid: the horizon and its intervals (wrapping round a cyclic week), daily
//! clock windows, and the one timestamp format every file uses.

use chrono::{Duration, NaiveDate, NaiveDateTime};

/// Timestamps in every file: interval start in local clock time.
pub const TIME_FORMAT: &str = "%Y-%m-%dT%H:%M";

/// The planned time span, cut into equal intervals; `end` is not included.
#[derive(Debug, Clone, PartialEq)]
pub struct Horizon {
    /// The first interval's start, local clock time.
    pub start: NaiveDateTime,
    /// The end of the last interval (not part of the horizon).
    pub end: NaiveDateTime,
    /// Length of every interval, in minutes (e.g. 30 or 60).
    pub interval_minutes: u32,
    /// A repeating pattern (a standard week): shifts running past the end continue at the start.
    pub cyclic: bool,
}

impl Horizon {
    /// The length of one interval.
    pub(crate) fn interval(&self) -> Duration {
        Duration::minutes(self.interval_minutes.into())
    }

    /// The length of a cyclic horizon, whose end runs on into its start.
    pub fn cycle(&self) -> Option<Duration> {
        self.cyclic.then(|| self.end - self.start)
    }

    /// The length of one interval in hours: what one agent on it adds to agent-hours.
    pub(crate) fn interval_hours(&self) -> f64 {
        f64::from(self.interval_minutes) / 60.0
    }

    /// The number of intervals.
    pub fn len(&self) -> usize {
        ((self.end - self.start).num_minutes() / i64::from(self.interval_minutes)) as usize
    }

    /// The plan's week a date falls in, for weekly minimums and salaries: 7-day blocks from the
    /// horizon's first day (a day before it, where an overnight shift may start, is week 0).
    pub fn week_of(&self, date: NaiveDate) -> usize {
        ((date - self.start.date()).num_days().max(0) / 7) as usize
    }

    /// The plan's weeks ([`Horizon::week_of`]): 0 up to the week of its last interval.
    pub fn weeks(&self) -> std::ops::Range<usize> {
        0..self.week_of((self.end - self.interval()).date()) + 1
    }

    /// The share of a full week the horizon covers in week `week` (days inside it / 7): weekly
    /// contract and minimum hours count pro rata by it.
    pub fn week_share(&self, week: usize) -> f64 {
        self.days_of_week_before(week, self.end) as f64 / 7.0
    }

    /// Of week `week`'s days in the horizon, the share that start before `end`: the part of a
    /// weekly minimum a plan made up to `end` owes pro rata (1 for a week with no such days).
    pub fn share_of_week_before(&self, week: usize, end: NaiveDateTime) -> f64 {
        match self.days_of_week_before(week, self.end) {
            0 => 1.0,
            all => self.days_of_week_before(week, end) as f64 / all as f64,
        }
    }

    /// How many days of week `week` inside the horizon start before `end`.
    fn days_of_week_before(&self, week: usize, end: NaiveDateTime) -> usize {
        let first = self.start.date() + Duration::days(7 * week as i64);
        (0..7)
            .map(|d| first.and_time(chrono::NaiveTime::MIN) + Duration::days(d))
            .filter(|t| *t >= self.start.date().and_time(chrono::NaiveTime::MIN))
            .filter(|t| *t < end.min(self.end))
            .count()
    }

    /// The dates the horizon's intervals fall on, in order.
    pub fn dates(&self) -> Vec<NaiveDate> {
        if self.is_empty() {
            return Vec::new();
        }
        let last = (self.end - self.interval()).date();
        self.start
            .date()
            .iter_days()
            .take_while(|d| *d <= last)
            .collect()
    }

    /// Whether the horizon holds no whole interval.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Start time of every interval, in order.
    pub fn times(&self) -> Vec<NaiveDateTime> {
        (0..self.len()).map(|i| self.time_of(i)).collect()
    }

    /// Index of the interval containing `t`, if `t` lies in the horizon.
    pub fn index_of(&self, t: NaiveDateTime) -> Option<usize> {
        if t < self.start || t >= self.end {
            return None;
        }
        Some(((t - self.start).num_minutes() / i64::from(self.interval_minutes)) as usize)
    }

    /// Where queue `q`'s interval `i` sits in rows that run queue by queue, then interval by
    /// interval (forecast rows, requirements): the one place that knows that order.
    pub(crate) fn cell(&self, q: usize, i: usize) -> usize {
        q * self.len() + i
    }

    /// The start of interval `i`.
    pub(crate) fn time_of(&self, i: usize) -> NaiveDateTime {
        self.start + self.interval() * i as i32
    }

    /// Intervals from `from` up to `to`, in time order (wrapped round a cyclic horizon, and
    /// leaving out the time outside a non-cyclic one).
    pub(crate) fn intervals(&self, from: NaiveDateTime, to: NaiveDateTime) -> Vec<usize> {
        // In whole minutes from the horizon's start (this runs for every shift the plan could
        // use, so it keeps clear of date arithmetic).
        let step = i64::from(self.interval_minutes);
        let first = (from - self.start).num_minutes();
        let span = (self.end - self.start).num_minutes();
        let cyclic = self.cyclic;
        (0..(to - from).num_minutes())
            .step_by(self.interval_minutes as usize)
            .filter_map(|k| {
                let m = first + k;
                if cyclic {
                    Some((m.rem_euclid(span) / step) as usize)
                } else {
                    (0..span).contains(&m).then_some((m / step) as usize)
                }
            })
            .collect()
    }

    /// Whether `t` falls in the window of `length` from `from` (going round a cyclic horizon).
    pub(crate) fn within(&self, from: NaiveDateTime, length: Duration, t: NaiveDateTime) -> bool {
        let mut d = t - from;
        if let Some(cycle) = self.cycle() {
            d = Duration::minutes(d.num_minutes().rem_euclid(cycle.num_minutes()));
        }
        d >= Duration::zero() && d < length
    }
}

/// A daily window of clock time; `to` at or before `from` runs past midnight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClockWindow {
    /// Minutes after midnight at which the window opens (0 up to 1439).
    pub from_minute: u32,
    /// Minutes after midnight at which it closes (1440: at the end of the day); at or before
    /// `from_minute`, it closes the next day.
    pub to_minute: u32,
}

impl ClockWindow {
    /// The whole day: someone with this window is available at any time.
    pub const ALWAYS: ClockWindow = ClockWindow {
        from_minute: 0,
        to_minute: 24 * 60,
    };

    /// Parses `HH:MM-HH:MM`, where `24:00` means the end of the day.
    pub fn parse(text: &str) -> Option<ClockWindow> {
        let (from, to) = text.trim().split_once('-')?;
        let from_minute = parse_clock_minutes(from)?;
        let to_minute = parse_clock_minutes(to)?;
        (from_minute < 24 * 60 && from_minute != to_minute).then_some(ClockWindow {
            from_minute,
            to_minute,
        })
    }

    /// Whether the clock time of `t` lies in the window (`from` included, `to` not).
    pub fn contains(&self, t: NaiveDateTime) -> bool {
        let m = minute_of_day(t);
        if self.from_minute < self.to_minute {
            (self.from_minute..self.to_minute).contains(&m)
        } else {
            m >= self.from_minute || m < self.to_minute
        }
    }
}

/// `22:00-06:00`, as the scenario writes it.
impl std::fmt::Display for ClockWindow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (from, to) = (self.from_minute, self.to_minute);
        write!(
            f,
            "{:02}:{:02}-{:02}:{:02}",
            from / 60,
            from % 60,
            to / 60,
            to % 60
        )
    }
}

pub(crate) fn minute_of_day(t: NaiveDateTime) -> u32 {
    use chrono::Timelike;
    t.hour() * 60 + t.minute()
}

pub(crate) fn parse_clock_minutes(text: &str) -> Option<u32> {
    let (h, m) = text.trim().split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (m < 60 && (h < 24 || (h == 24 && m == 0))).then_some(h * 60 + m)
}

/// Reads a timestamp in [`TIME_FORMAT`] (`2026-11-11T00:00`); None if it is not one.
pub fn parse_time(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text.trim(), TIME_FORMAT).ok()
}

/// Writes a timestamp in [`TIME_FORMAT`], as every output file has it.
pub fn format_time(t: NaiveDateTime) -> String {
    t.format(TIME_FORMAT).to_string()
}

/// Serializes a timestamp in [`TIME_FORMAT`] (for `#[serde(serialize_with)]` in JSON outputs).
pub(crate) fn serialize_time<S: serde::Serializer>(
    t: &NaiveDateTime,
    serializer: S,
) -> std::result::Result<S::Ok, S::Error> {
    serializer.serialize_str(&format_time(*t))
}

#[cfg(test)]
mod tests {
    use super::{parse_time, Horizon};

    #[test]
    fn a_weekly_minimum_is_owed_by_the_days_gone() {
        // Ten days from the 11th: week 0 is the 11th-17th, week 1 the 18th-20th (3/7 of a
        // week). By the 19th at 00:00, week 0 owes all of its minimum, week 1 one day of its 3.
        let horizon = Horizon {
            start: parse_time("2026-11-11T00:00").unwrap(),
            end: parse_time("2026-11-21T00:00").unwrap(),
            interval_minutes: 60,
            cyclic: false,
        };
        let by = parse_time("2026-11-19T00:00").unwrap();
        assert_eq!(horizon.week_share(1), 3.0 / 7.0);
        assert_eq!(horizon.share_of_week_before(0, by), 1.0);
        assert_eq!(horizon.share_of_week_before(1, by), 1.0 / 3.0);
        assert_eq!(horizon.share_of_week_before(1, horizon.start), 0.0);
        assert_eq!(horizon.share_of_week_before(2, by), 1.0);
    }
}
