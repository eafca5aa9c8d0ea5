//! Validation: the file's raw tables in, the typed scenario's parts out, one function per table.
//!
//! [`Checker`] holds the value checks (positive, share, time, window, ...), each naming the
//! offending key and saying how to fix it. This file checks the small tables; `demand.rs` the
//! queues and events, `shifts.rs` the shifts, part-time pool and phases. `from_toml` calls them
//! in a fixed order and stops at the first error: that order, and the order of the checks inside
//! each function, decide which error a file with several mistakes reports, so keep both.

mod demand;
mod rules;
mod shifts;

use chrono::NaiveDateTime;

use super::file::{
    RawCosts, RawForecast, RawHistory, RawHorizon, RawIntraday, RawReport, RawRules, RawScenario,
    RawSolver,
};
use super::forecast_settings::{Method, Settings};
use super::{Costs, IntradaySettings, Queue, SolverSettings};
use crate::error::{Error, Result};
use crate::labels::Lang;
use crate::time::{minute_of_day, parse_clock_minutes, parse_time, ClockWindow, Horizon};

/// Seconds the whole run may take (`[solver] time_limit_seconds`, or `--time-limit`):
/// above zero. `key` names the value in the error and `example` shows it set, e.g.
/// `--time-limit 30`.
pub(crate) fn time_limit_seconds(key: &str, seconds: f64, example: &str) -> Result<f64> {
    if seconds.is_finite() && seconds > 0.0 {
        return Ok(seconds);
    }
    Err(Error::input(
        key,
        format!("{seconds} is not a positive number of seconds"),
        format!("e.g. {example}"),
    ))
}

/// The relative optimality gap at which the optimiser may stop (`[solver] relative_gap`, or
/// `--gap`): from 0 up to 1 (a gap of 1 or more would accept any plan). `key` names the value
/// in the error and `example` shows it set to 0.001, e.g. `--gap 0.001`.
pub(crate) fn relative_gap(key: &str, gap: f64, example: &str) -> Result<f64> {
    if gap.is_finite() && (0.0..1.0).contains(&gap) {
        return Ok(gap);
    }
    Err(Error::input(
        key,
        format!("{gap} is not a relative gap from 0 up to 1"),
        format!("e.g. {example} for 0.1%"),
    ))
}

fn positive(key: &str, value: f64, example: &str) -> Result<f64> {
    if value.is_finite() && value > 0.0 {
        Ok(value)
    } else {
        Err(Error::input(
            key,
            format!("{value} is not a positive number"),
            format!("give a number above zero, e.g. {example}"),
        ))
    }
}

fn non_negative(key: &str, value: f64, example: &str) -> Result<f64> {
    if value.is_finite() && value >= 0.0 {
        Ok(value)
    } else {
        Err(Error::input(
            key,
            format!("{value} is negative"),
            format!("give zero or more, e.g. {example}"),
        ))
    }
}

/// Validates values for one file, naming the offending key in every error.
pub(super) struct Checker<'a> {
    pub(super) file: &'a str,
}

impl Checker<'_> {
    /// `key` with the file in front, as every error names it.
    fn place(&self, key: &str) -> String {
        format!("{}: {key}", self.file)
    }

    fn fail<T>(&self, key: &str, problem: impl Into<String>, fix: impl Into<String>) -> Result<T> {
        Err(Error::input(self.place(key), problem, fix))
    }

    fn time(&self, key: &str, text: &str) -> Result<NaiveDateTime> {
        match parse_time(text) {
            Some(t) => Ok(t),
            None => self.fail(
                key,
                format!("\"{text}\" is not a date and time"),
                "write it as YYYY-MM-DDTHH:MM, e.g. \"2026-11-11T00:00\"",
            ),
        }
    }

    fn positive(&self, key: &str, value: f64, example: &str) -> Result<f64> {
        positive(&self.place(key), value, example)
    }

    fn non_negative(&self, key: &str, value: f64, example: &str) -> Result<f64> {
        non_negative(&self.place(key), value, example)
    }

    /// A share strictly between 0 and 1 (or from 0 when `allow_zero`, up to 1 when `allow_one`).
    fn share(&self, key: &str, value: f64, allow_zero: bool, allow_one: bool) -> Result<f64> {
        let low_ok = value > 0.0 || (allow_zero && value == 0.0);
        let high_ok = value < 1.0 || (allow_one && value == 1.0);
        if value.is_finite() && low_ok && high_ok {
            Ok(value)
        } else {
            let range = match (allow_zero, allow_one) {
                (true, true) => "from 0 to 1",
                (true, false) => "from 0 up to (not including) 1",
                (false, true) => "above 0 and at most 1",
                (false, false) => "strictly between 0 and 1",
            };
            self.fail(
                key,
                format!("{value} is not a share {range}"),
                "write a share as a decimal, e.g. 0.8 for 80%",
            )
        }
    }

    fn window(&self, key: &str, text: &str) -> Result<ClockWindow> {
        ClockWindow::parse(text).map_or_else(
            || {
                self.fail(
                    key,
                    format!("\"{text}\" is not a daily window"),
                    "write HH:MM-HH:MM, e.g. \"18:00-24:00\"; a window past midnight like \"22:00-06:00\" is fine",
                )
            },
            Ok,
        )
    }

    /// Minutes from the day's start of an `HH:MM` clock time on the interval grid.
    fn clock_on_grid(&self, key: &str, text: &str, horizon: &Horizon) -> Result<u32> {
        match parse_clock_minutes(text) {
            Some(m) if m < 24 * 60 && m.is_multiple_of(horizon.interval_minutes) => Ok(m),
            Some(_) => self.fail(
                key,
                format!(
                    "\"{text}\" is not on a {}-minute interval boundary",
                    horizon.interval_minutes
                ),
                "align shift starts with horizon.interval_minutes",
            ),
            None => self.fail(
                key,
                format!("\"{text}\" is not a clock time"),
                "write it as HH:MM, e.g. \"22:00\"",
            ),
        }
    }

    /// Whole minutes from hours that fall on the interval grid.
    fn minutes_on_grid(&self, key: &str, hours: f64, horizon: &Horizon) -> Result<u32> {
        let minutes = hours * 60.0;
        let grid = f64::from(horizon.interval_minutes);
        if !(minutes.is_finite() && minutes >= 0.0 && minutes % grid == 0.0) {
            return self.fail(
                key,
                format!(
                    "{hours} hours is not a whole number of {}-minute intervals",
                    horizon.interval_minutes
                ),
                "use whole intervals, e.g. 4 or 4.5 hours with 30-minute intervals",
            );
        }
        Ok(minutes as u32)
    }

    fn queue_name(&self, key: &str, name: &str, queues: &[Queue]) -> Result<String> {
        if queues.iter().any(|q| q.name == name) {
            Ok(name.to_string())
        } else {
            let known: Vec<&str> = queues.iter().map(|q| q.name.as_str()).collect();
            self.fail(
                key,
                format!("unknown queue \"{name}\""),
                format!("use one of the [[queues]] names: {}", known.join(", ")),
            )
        }
    }

    /// `[history]` or `[requirements]`: the plan needs one of them, and uses only one.
    pub(super) fn history_or_requirements(&self, raw: &RawScenario) -> Result<()> {
        if raw.history.is_none() && raw.requirements.is_none() {
            return self.fail(
                "history",
                "the scenario names neither a history file nor a requirements file",
                "add [history] file = \"history.csv\" to forecast, or [requirements] file = \"requirements.csv\" with agents per queue and interval",
            );
        }
        if raw.history.is_some() && raw.requirements.is_some() {
            return self.fail(
                "requirements",
                "the scenario names both a history file and a requirements file: the plan would use the requirements and ignore the history",
                "keep [requirements] to plan from agents you already have, or [history] to forecast; leave out the other",
            );
        }
        Ok(())
    }

    /// `[horizon]`: ends after it starts, on a grid of whole intervals that divide an hour.
    pub(super) fn horizon(&self, raw: &RawHorizon) -> Result<Horizon> {
        let horizon = Horizon {
            start: self.time("horizon.start", &raw.start)?,
            end: self.time("horizon.end", &raw.end)?,
            interval_minutes: raw.interval_minutes,
            cyclic: raw.cyclic,
        };
        if horizon.end <= horizon.start {
            return self.fail(
                "horizon.end",
                format!(
                    "the horizon ends ({}) at or before it starts ({})",
                    raw.end, raw.start
                ),
                "set end after start; end is the first moment not planned",
            );
        }
        if ![5, 10, 15, 20, 30, 60].contains(&horizon.interval_minutes) {
            return self.fail(
                "horizon.interval_minutes",
                format!(
                    "{} minutes does not divide an hour",
                    horizon.interval_minutes
                ),
                "use 15, 30 or 60",
            );
        }
        let span = (horizon.end - horizon.start).num_minutes();
        let on_grid = minute_of_day(horizon.start).is_multiple_of(horizon.interval_minutes);
        if span % i64::from(horizon.interval_minutes) != 0 || !on_grid {
            return self.fail(
                "horizon",
                "start and end do not fall on interval boundaries",
                "start and end on whole intervals, e.g. at 00:00",
            );
        }
        if horizon.cyclic && span % (24 * 60) != 0 {
            return self.fail(
                "horizon.cyclic",
                "a repeating horizon must last whole days, so each day's shifts repeat",
                "set end a whole number of days after start, e.g. 7 days for a standard week",
            );
        }
        Ok(horizon)
    }

    /// `[report] language`, when given.
    pub(super) fn language(&self, raw: &RawReport) -> Result<Option<Lang>> {
        let Some(text) = &raw.language else {
            return Ok(None);
        };
        match Lang::parse(text) {
            Some(lang) => Ok(Some(lang)),
            None => self.fail(
                "report.language",
                format!("\"{text}\" is not a language shiftcast writes"),
                "use \"zh\" (Chinese) or \"en\" (English)",
            ),
        }
    }

    /// `[forecast]`, with the weeks `profile` averages from `[history] weeks`.
    pub(super) fn forecast(
        &self,
        raw: &RawForecast,
        history: Option<&RawHistory>,
    ) -> Result<Settings> {
        if let Some(RawHistory { weeks: 0, .. }) = history {
            return self.fail(
                "history.weeks",
                "0 weeks gives the profile method nothing to average",
                "give 1 or more, e.g. weeks = 4 (the default)",
            );
        }
        let Some(method) = Method::parse(&raw.method) else {
            return self.fail(
                "forecast.method",
                format!("\"{}\" is not a forecasting method", raw.method),
                format!("use one of {}", Method::names()),
            );
        };
        Ok(Settings {
            method,
            level: self.share("forecast.level", raw.level, false, false)?,
            quantile: match raw.staff_for_quantile {
                Some(q) => Some(self.share("forecast.staff_for_quantile", q, false, false)?),
                None => None,
            },
            profile_weeks: history.map_or(4, |h| h.weeks) as usize,
        })
    }

    /// `[rules] min_rest_hours`.
    /// At most a week: more rest than that between two shifts means no second shift, and past
    /// about 10^14 hours it no longer fits a time span at all (1e308 panicked).
    pub(super) fn min_rest_hours(&self, raw: &RawRules) -> Result<f64> {
        let hours = self.non_negative("rules.min_rest_hours", raw.min_rest_hours, "11")?;
        if hours > 168.0 {
            return self.fail(
                "rules.min_rest_hours",
                format!("{hours} hours is more than a week (168 hours) between two shifts"),
                "give the legal rest between shifts, e.g. min_rest_hours = 11",
            );
        }
        Ok(hours)
    }

    /// `[costs]`: prices are zero or more; shortfall and phase rules must cost something, or the
    /// plan would leave chats unanswered and break phase rules for free.
    pub(super) fn costs(&self, raw: &RawCosts) -> Result<Costs> {
        Ok(Costs {
            full_time_per_hour: self.non_negative(
                "costs.full_time_per_hour",
                raw.full_time_per_hour,
                "35",
            )?,
            part_time_per_hour: self.non_negative(
                "costs.part_time_per_hour",
                raw.part_time_per_hour,
                "45",
            )?,
            shortfall_per_agent_hour: self.positive(
                "costs.shortfall_per_agent_hour",
                raw.shortfall_per_agent_hour,
                "500",
            )?,
            phase_rule_penalty: self.positive(
                "costs.phase_rule_penalty",
                raw.phase_rule_penalty,
                "5000",
            )?,
            part_time_per_person: self.non_negative(
                "costs.part_time_per_person",
                raw.part_time_per_person,
                "200",
            )?,
            night_premium_per_hour: self.non_negative(
                "costs.night_premium_per_hour",
                raw.night_premium_per_hour,
                "10",
            )?,
            night: self.window("costs.night", &raw.night)?,
            overtime_per_hour: self.non_negative(
                "costs.overtime_per_hour",
                raw.overtime_per_hour,
                "20",
            )?,
            fairness_per_shift: self.non_negative(
                "costs.fairness_per_shift",
                raw.fairness_per_shift,
                "1",
            )?,
            fairness_hours_per_hour: self.non_negative(
                "costs.fairness_hours_per_hour",
                raw.fairness_hours_per_hour,
                "1",
            )?,
            fairness_weekends_per_day: self.non_negative(
                "costs.fairness_weekends_per_day",
                raw.fairness_weekends_per_day,
                "50",
            )?,
            full_time_salaried: raw.full_time_salaried,
            min_hours_per_hour: self.positive(
                "costs.min_hours_per_hour",
                raw.min_hours_per_hour,
                "100",
            )?,
            lead_short_per_hour: self.positive(
                "costs.lead_short_per_hour",
                raw.lead_short_per_hour,
                "300",
            )?,
            preference_per_hour: self.non_negative(
                "costs.preference_per_hour",
                raw.preference_per_hour,
                "1",
            )?,
        })
    }

    /// `[solver]`, with the checks `--time-limit` and `--gap` may share.
    pub(super) fn solver(&self, raw: &RawSolver) -> Result<SolverSettings> {
        Ok(SolverSettings {
            time_limit_seconds: time_limit_seconds(
                &self.place("solver.time_limit_seconds"),
                raw.time_limit_seconds,
                "time_limit_seconds = 60",
            )?,
            relative_gap: relative_gap(
                &self.place("solver.relative_gap"),
                raw.relative_gap,
                "relative_gap = 0.001",
            )?,
        })
    }

    /// `[intraday]`: how soon a called-in person can be at the keyboard, and how fast a
    /// surprise in the chats fades in the re-forecast.
    pub(super) fn intraday(&self, raw: &RawIntraday) -> Result<IntradaySettings> {
        Ok(IntradaySettings {
            call_in_notice_minutes: self.non_negative(
                "intraday.call_in_notice_minutes",
                raw.call_in_notice_minutes,
                "60",
            )?,
            surprise_half_life_hours: self.positive(
                "intraday.surprise_half_life_hours",
                raw.surprise_half_life_hours,
                "12",
            )?,
        })
    }
}
