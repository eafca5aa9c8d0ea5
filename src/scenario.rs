//! The typed, validated plan configuration: horizon, queues, events, shifts, phases, staff.
//!
//! `Scenario::from_toml` parses the scenario file's text; every later stage can trust these values
//! (positive handle times, end after start, known queue names, ...). Errors name the key.

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::time::{minute_of_day, parse_clock_minutes, parse_time, ClockWindow, Horizon};

/// The staff group name of hired part-timers, usable in phases' `may` lists.
pub const PART_TIME_GROUP: &str = "part-time";

#[derive(Debug, Clone)]
pub struct Scenario {
    pub horizon: Horizon,
    /// The history CSV; `None` when agents required come from `requirements_file`.
    pub history_file: Option<PathBuf>,
    /// Agents required per queue and interval, given directly (`[requirements] file`): the plan
    /// skips forecast and staffing.
    pub requirements_file: Option<PathBuf>,
    /// How ordinary days are forecast (method, interval level, quantile to staff for).
    pub forecast: crate::forecast::Settings,
    /// Language of the workbook, report and summary, when the scenario sets one.
    pub language: Option<crate::labels::Lang>,
    pub staff_file: PathBuf,
    pub min_rest_hours: f64,
    pub costs: Costs,
    pub queues: Vec<Queue>,
    pub events: Vec<Event>,
    pub past_events: Vec<PastEvent>,
    pub shifts: Vec<ShiftTemplate>,
    pub phases: Vec<Phase>,
    pub part_time: PartTimePool,
    pub solver: SolverSettings,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Costs {
    pub full_time_per_hour: f64,
    pub part_time_per_hour: f64,
    pub shortfall_per_agent_hour: f64,
    pub phase_rule_penalty: f64,
    /// Price of hiring one part-timer (recruiting, training), on top of hourly wages.
    pub part_time_per_person: f64,
    /// Extra pay per hour worked inside `night`, for everyone.
    pub night_premium_per_hour: f64,
    pub night: ClockWindow,
    /// Extra pay per hour a person works above their weekly contract hours.
    pub overtime_per_hour: f64,
    /// Price of each night shift between the most and the fewest one group's members work.
    pub fairness_per_shift: f64,
}

/// A chat queue and its service target.
#[derive(Debug, Clone, PartialEq)]
pub struct Queue {
    pub name: String,
    /// Average seconds one chat takes while the agent serves `chats_at_once` chats.
    pub handle_time_seconds: f64,
    pub chats_at_once: u32,
    /// Share of chats to be answered within `answer_within_seconds`.
    pub service_level: f64,
    pub answer_within_seconds: f64,
    pub shrinkage: f64,
    pub max_occupancy: f64,
    /// Mean seconds a waiting buyer stays before leaving; set to use Erlang A.
    pub patience_seconds: Option<f64>,
    pub max_wait_probability: Option<f64>,
    pub max_asa_seconds: Option<f64>,
    pub max_abandonment: Option<f64>,
    /// The managers' rule of thumb, reported beside the formula when given.
    pub chats_per_agent_hour: Option<f64>,
    /// Seconds a chat takes when its agent has 1, 2, ... chats open (the simulator uses it; the
    /// formula uses `handle_time_seconds`, the time at full concurrency).
    pub handle_time_by_concurrency: Option<Vec<f64>>,
    /// Chats a newly hired part-timer serves at once (fewer than `chats_at_once`): each of their
    /// hours counts as this share of an agent's.
    pub part_time_chats_at_once: u32,
}

impl Queue {
    /// An hour of a new part-timer, in agent-hours of this queue.
    pub fn part_time_weight(&self) -> f64 {
        f64::from(self.part_time_chats_at_once) / f64::from(self.chats_at_once)
    }
}

/// A promotion being planned, with its sales target.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub name: String,
    pub start: NaiveDateTime,
    pub hours: u32,
    pub target: SalesTarget,
    pub service_share: f64,
    pub conversion_rate: f64,
    pub presale_queue: String,
    pub aftersale_queue: Option<String>,
    pub aftersale_contact_rate: f64,
    /// Share of after-sale contacts on the event day, the day after, ...
    pub aftersale_lag: Vec<f64>,
    /// Relative weight of each event interval, used when history holds no past event.
    pub curve: Option<Vec<f64>>,
    /// Pre-sale volume factor on each day before the event (the last is the day before).
    pub warmup: Vec<f64>,
    /// Warm-up factors apply from this hour of the day (buyers gather in the evening before).
    pub warmup_from_hour: u32,
    /// Share of the event's orders left unpaid, each worth one payment reminder.
    pub unpaid_share: f64,
    /// Share of unpaid orders whose buyer paid another order: no reminder for those.
    pub paid_another_order_share: f64,
    /// Reminders go out over this many hours from the event start.
    pub reminder_hours: f64,
    pub reminder_handle_seconds: f64,
}

impl Event {
    pub fn end(&self) -> NaiveDateTime {
        self.start + Duration::hours(self.hours.into())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum SalesTarget {
    Orders(f64),
    Sales {
        amount: f64,
        average_order_value: f64,
    },
}

impl SalesTarget {
    pub fn orders(&self) -> f64 {
        match self {
            SalesTarget::Orders(n) => *n,
            SalesTarget::Sales {
                amount,
                average_order_value,
            } => amount / average_order_value,
        }
    }
}

/// A promotion found in the history file.
#[derive(Debug, Clone, PartialEq)]
pub struct PastEvent {
    pub name: String,
    pub start: NaiveDateTime,
    pub hours: u32,
}

impl PastEvent {
    pub fn end(&self) -> NaiveDateTime {
        self.start + Duration::hours(self.hours.into())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    FullTime,
    PartTime,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::FullTime => "full-time",
            Kind::PartTime => PART_TIME_GROUP,
        }
    }
}

/// A shift that may start every day at any of `starts` and last any of `lengths`.
#[derive(Debug, Clone, PartialEq)]
pub struct ShiftTemplate {
    pub name: String,
    /// Minutes after the day's 00:00 (a start window past midnight runs above 1440).
    pub starts: Vec<u32>,
    /// Allowed lengths in minutes.
    pub lengths: Vec<u32>,
    pub kinds: Vec<Kind>,
    /// Unpaid-for-coverage pauses the model places inside their windows.
    pub breaks: Vec<Break>,
    /// Paid once per shift worked (travel allowance, meal voucher), on top of hourly pay.
    pub cost_per_shift: f64,
}

/// A break of `minutes` starting between `earliest` and `latest` minutes after the shift starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Break {
    pub name: String,
    pub minutes: u32,
    pub earliest: u32,
    pub latest: u32,
}

/// The part-timers a plan may hire: which queues they serve and when they can come.
#[derive(Debug, Clone, PartialEq)]
pub struct PartTimePool {
    pub skills: Vec<String>,
    /// Daily window on Monday to Friday.
    pub available: ClockWindow,
    /// Daily window on Saturday and Sunday.
    pub weekend_available: ClockWindow,
    pub min_shift_minutes: u32,
    pub max_shift_minutes: u32,
    /// Most part-timers the plan may hire (None: as many as pay off).
    pub max_people: Option<u32>,
}

impl PartTimePool {
    pub fn is_available(&self, t: NaiveDateTime) -> bool {
        use chrono::Datelike;
        match t.weekday() {
            chrono::Weekday::Sat | chrono::Weekday::Sun => self.weekend_available.contains(t),
            _ => self.available.contains(t),
        }
    }
}

/// A window with rules on who may and who must be on duty for some queues.
#[derive(Debug, Clone, PartialEq)]
pub struct Phase {
    pub name: String,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub queues: Vec<String>,
    pub may: Vec<String>,
    pub must: Vec<String>,
    /// Least agents on duty per queue of the phase in each of its intervals, whatever the load.
    pub min_agents: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SolverSettings {
    pub time_limit_seconds: f64,
    pub relative_gap: f64,
}

/// One person from the staff file.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub name: String,
    pub group: String,
    pub skills: Vec<String>,
    pub available: ClockWindow,
    pub days_off: Vec<NaiveDate>,
    pub max_hours_per_day: f64,
    pub max_hours_per_week: f64,
    /// Most days in a row with a shift start before a day off.
    pub max_days_in_row: Option<u32>,
    /// Weekly hours paid at the normal rate; hours above cost `costs.overtime_per_hour` extra.
    pub contract_hours_per_week: Option<f64>,
}

// ---- the file format, as serde reads it; validated into the types above ----

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScenario {
    horizon: RawHorizon,
    history: Option<RawHistory>,
    requirements: Option<RawRequirements>,
    staff: RawStaff,
    #[serde(default)]
    rules: RawRules,
    costs: RawCosts,
    queues: Vec<RawQueue>,
    #[serde(default)]
    events: Vec<RawEvent>,
    #[serde(default)]
    past_events: Vec<RawPastEvent>,
    shifts: Vec<RawShift>,
    #[serde(default)]
    phases: Vec<RawPhase>,
    #[serde(default)]
    part_time: RawPartTime,
    #[serde(default)]
    solver: RawSolver,
    #[serde(default)]
    forecast: RawForecast,
    #[serde(default)]
    report: RawReport,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawReport {
    language: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawForecast {
    #[serde(default = "default_method")]
    method: String,
    #[serde(default = "default_level")]
    level: f64,
    staff_for_quantile: Option<f64>,
}

impl Default for RawForecast {
    fn default() -> Self {
        RawForecast {
            method: default_method(),
            level: default_level(),
            staff_for_quantile: None,
        }
    }
}

fn default_method() -> String {
    "auto".into()
}

fn default_level() -> f64 {
    0.8
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHorizon {
    start: String,
    end: String,
    interval_minutes: u32,
    #[serde(default)]
    cyclic: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHistory {
    file: PathBuf,
    #[serde(default = "default_weeks")]
    weeks: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRequirements {
    file: PathBuf,
}

fn default_weeks() -> u32 {
    4
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStaff {
    file: PathBuf,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRules {
    min_rest_hours: f64,
}

impl Default for RawRules {
    fn default() -> Self {
        RawRules {
            min_rest_hours: 11.0,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCosts {
    full_time_per_hour: f64,
    part_time_per_hour: f64,
    shortfall_per_agent_hour: f64,
    #[serde(default = "default_phase_rule_penalty")]
    phase_rule_penalty: f64,
    #[serde(default)]
    part_time_per_person: f64,
    #[serde(default)]
    night_premium_per_hour: f64,
    #[serde(default = "default_night")]
    night: String,
    #[serde(default)]
    overtime_per_hour: f64,
    #[serde(default)]
    fairness_per_shift: f64,
}

fn default_night() -> String {
    "22:00-06:00".into()
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawPartTime {
    skills: Option<Vec<String>>,
    available: Option<String>,
    weekend_available: Option<String>,
    min_shift_hours: Option<f64>,
    max_shift_hours: Option<f64>,
    max_people: Option<u32>,
}

fn default_phase_rule_penalty() -> f64 {
    5000.0
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQueue {
    name: String,
    handle_time_seconds: f64,
    #[serde(default = "one")]
    chats_at_once: u32,
    service_level: f64,
    answer_within_seconds: f64,
    #[serde(default)]
    shrinkage: f64,
    #[serde(default = "one_f64")]
    max_occupancy: f64,
    patience_seconds: Option<f64>,
    max_wait_probability: Option<f64>,
    max_asa_seconds: Option<f64>,
    max_abandonment: Option<f64>,
    chats_per_agent_hour: Option<f64>,
    handle_time_by_concurrency: Option<Vec<f64>>,
    part_time_chats_at_once: Option<u32>,
}

fn one() -> u32 {
    1
}

fn one_f64() -> f64 {
    1.0
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    name: String,
    start: String,
    hours: u32,
    target_orders: Option<f64>,
    target_sales: Option<f64>,
    average_order_value: Option<f64>,
    service_share: f64,
    conversion_rate: f64,
    presale_queue: String,
    aftersale_queue: Option<String>,
    #[serde(default)]
    aftersale_contact_rate: f64,
    #[serde(default)]
    aftersale_lag: Vec<f64>,
    curve: Option<Vec<f64>>,
    #[serde(default)]
    warmup: Vec<f64>,
    #[serde(default)]
    warmup_from_hour: u32,
    #[serde(default = "default_unpaid_share")]
    unpaid_share: f64,
    #[serde(default)]
    paid_another_order_share: f64,
    #[serde(default = "default_reminder_hours")]
    reminder_hours: f64,
    #[serde(default = "default_reminder_handle_seconds")]
    reminder_handle_seconds: f64,
}

fn default_unpaid_share() -> f64 {
    0.2
}

fn default_reminder_hours() -> f64 {
    2.0
}

fn default_reminder_handle_seconds() -> f64 {
    60.0
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPastEvent {
    name: String,
    start: String,
    hours: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawShift {
    name: String,
    start: String,
    latest_start: Option<String>,
    start_every_minutes: Option<u32>,
    hours: OneOrMany,
    #[serde(default = "all_kinds")]
    kinds: Vec<String>,
    #[serde(default)]
    breaks: Vec<RawBreak>,
    #[serde(default)]
    cost_per_shift: f64,
}

/// `hours = 8` or `hours = [4, 5, 6]`.
#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(f64),
    Many(Vec<f64>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBreak {
    name: String,
    minutes: u32,
    earliest_after_hours: f64,
    latest_after_hours: f64,
}

fn all_kinds() -> Vec<String> {
    vec!["full-time".into(), PART_TIME_GROUP.into()]
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPhase {
    name: String,
    start: String,
    end: String,
    #[serde(default)]
    queues: Vec<String>,
    #[serde(default)]
    may: Vec<String>,
    #[serde(default)]
    must: Vec<String>,
    #[serde(default)]
    min_agents: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSolver {
    time_limit_seconds: f64,
    relative_gap: f64,
}

impl Default for RawSolver {
    fn default() -> Self {
        RawSolver {
            time_limit_seconds: 60.0,
            relative_gap: 1e-4,
        }
    }
}

/// Validates values for one file, naming the offending key in every error.
struct Checker<'a> {
    file: &'a str,
}

impl Checker<'_> {
    fn fail<T>(&self, key: &str, problem: impl Into<String>, fix: impl Into<String>) -> Result<T> {
        Err(Error::input(format!("{}: {key}", self.file), problem, fix))
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
        if value.is_finite() && value > 0.0 {
            Ok(value)
        } else {
            self.fail(
                key,
                format!("{value} is not a positive number"),
                format!("give a number above zero, e.g. {example}"),
            )
        }
    }

    fn non_negative(&self, key: &str, value: f64, example: &str) -> Result<f64> {
        if value.is_finite() && value >= 0.0 {
            Ok(value)
        } else {
            self.fail(
                key,
                format!("{value} is negative"),
                format!("give zero or more, e.g. {example}"),
            )
        }
    }

    /// A share strictly between 0 and 1 (or up to 1 when `allow_one`).
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

    fn shift_template(&self, i: usize, s: &RawShift, horizon: &Horizon) -> Result<ShiftTemplate> {
        let key = |k: &str| format!("shifts[{i}].{k}");
        let first = self.clock_on_grid(&key("start"), &s.start, horizon)?;
        let step = s.start_every_minutes.unwrap_or(horizon.interval_minutes);
        if step == 0 || !step.is_multiple_of(horizon.interval_minutes) {
            return self.fail(
                &key("start_every_minutes"),
                format!("{step} is not a whole number of intervals"),
                format!("use a multiple of {}", horizon.interval_minutes),
            );
        }
        let last = match &s.latest_start {
            None => first,
            Some(text) => {
                let last = self.clock_on_grid(&key("latest_start"), text, horizon)?;
                // A window past midnight ("22:00" to "02:00") ends the next day.
                if last < first {
                    last + 24 * 60
                } else {
                    last
                }
            }
        };
        let starts: Vec<u32> = (first..=last).step_by(step as usize).collect();
        let hours = match &s.hours {
            OneOrMany::One(h) => vec![*h],
            OneOrMany::Many(list) => list.clone(),
        };
        let horizon_minutes = (horizon.end - horizon.start).num_minutes() as f64;
        let mut lengths = Vec::new();
        for h in hours {
            let minutes = self.minutes_on_grid(&key("hours"), h, horizon)?;
            if minutes == 0 || f64::from(minutes) > horizon_minutes {
                return self.fail(
                    &key("hours"),
                    format!(
                        "shift \"{}\" lasts {h} hours: zero, or longer than the whole horizon ({} hours)",
                        s.name,
                        horizon_minutes / 60.0
                    ),
                    "give a length above 0 that fits in the horizon, or lengthen the horizon",
                );
            }
            lengths.push(minutes);
        }
        if lengths.is_empty() {
            return self.fail(
                &key("hours"),
                "no length given",
                "e.g. hours = 8 or hours = [4, 6]",
            );
        }
        lengths.sort_unstable();
        lengths.dedup();
        let mut kinds = Vec::new();
        for k in &s.kinds {
            kinds.push(match k.as_str() {
                "full-time" => Kind::FullTime,
                PART_TIME_GROUP => Kind::PartTime,
                other => {
                    return self.fail(
                        &key("kinds"),
                        format!("unknown kind \"{other}\""),
                        "use \"full-time\" and/or \"part-time\"",
                    )
                }
            });
        }
        let mut breaks: Vec<Break> = Vec::new();
        for (j, b) in s.breaks.iter().enumerate() {
            let key = |k: &str| format!("shifts[{i}].breaks[{j}].{k}");
            let minutes =
                self.minutes_on_grid(&key("minutes"), f64::from(b.minutes) / 60.0, horizon)?;
            let earliest = self.minutes_on_grid(
                &key("earliest_after_hours"),
                b.earliest_after_hours,
                horizon,
            )?;
            let latest =
                self.minutes_on_grid(&key("latest_after_hours"), b.latest_after_hours, horizon)?;
            if minutes == 0 || latest < earliest || latest + minutes > lengths[0] {
                return self.fail(
                    &key("latest_after_hours"),
                    format!(
                        "break \"{}\" ({} min, starting {}-{} h after the start) does not fit inside the shortest {} h shift",
                        b.name, b.minutes, b.earliest_after_hours, b.latest_after_hours, f64::from(lengths[0]) / 60.0
                    ),
                    "give a break longer than 0 whose window starts no later than it ends and ends before the shift does",
                );
            }
            if let Some(before) = breaks.last() {
                if earliest < before.latest + before.minutes {
                    return self.fail(
                        &key("earliest_after_hours"),
                        format!(
                            "break \"{}\" may start before \"{}\" can end",
                            b.name, before.name
                        ),
                        "list breaks in time order with windows that do not overlap",
                    );
                }
            }
            breaks.push(Break {
                name: b.name.clone(),
                minutes,
                earliest,
                latest,
            });
        }
        Ok(ShiftTemplate {
            name: s.name.clone(),
            starts,
            lengths,
            kinds,
            breaks,
            cost_per_shift: self.non_negative(&key("cost_per_shift"), s.cost_per_shift, "20")?,
        })
    }

    fn part_time_pool(
        &self,
        raw: &RawPartTime,
        queues: &[Queue],
        shifts: &[ShiftTemplate],
    ) -> Result<PartTimePool> {
        let skills = match &raw.skills {
            None => queues.iter().map(|q| q.name.clone()).collect(),
            Some(names) => names
                .iter()
                .map(|q| self.queue_name("part_time.skills", q, queues))
                .collect::<Result<Vec<_>>>()?,
        };
        let available = match &raw.available {
            None => ClockWindow::ALWAYS,
            Some(text) => self.window("part_time.available", text)?,
        };
        let weekend_available = match &raw.weekend_available {
            None => available,
            Some(text) => self.window("part_time.weekend_available", text)?,
        };
        let hours = |key: &str, value: Option<f64>, default: f64| -> Result<u32> {
            let h = self.non_negative(key, value.unwrap_or(default), "4")?;
            Ok((h * 60.0).round() as u32)
        };
        let min_shift_minutes = hours("part_time.min_shift_hours", raw.min_shift_hours, 0.0)?;
        let max_shift_minutes = hours("part_time.max_shift_hours", raw.max_shift_hours, 24.0)?;
        let any_fits = shifts.iter().any(|s| {
            s.kinds.contains(&Kind::PartTime)
                && s.lengths
                    .iter()
                    .any(|l| (min_shift_minutes..=max_shift_minutes).contains(l))
        });
        let has_part_time = shifts.iter().any(|s| s.kinds.contains(&Kind::PartTime));
        if has_part_time && !any_fits {
            return self.fail(
                "part_time.min_shift_hours",
                "no part-time shift template has a length between part_time.min_shift_hours and max_shift_hours",
                "widen the range or add a part-time shift length inside it",
            );
        }
        Ok(PartTimePool {
            skills,
            available,
            weekend_available,
            min_shift_minutes,
            max_shift_minutes,
            max_people: raw.max_people,
        })
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
}

impl Scenario {
    /// Parses and validates scenario TOML; `file` names it in error messages.
    pub fn from_toml(text: &str, file: &str) -> Result<Scenario> {
        let raw: RawScenario = toml::from_str(text).map_err(|e| toml_error(text, file, &e))?;
        let check = Checker { file };
        if raw.history.is_none() && raw.requirements.is_none() {
            return check.fail(
                "history",
                "the scenario names neither a history file nor a requirements file",
                "add [history] file = \"history.csv\" to forecast, or [requirements] file = \"requirements.csv\" with agents per queue and interval",
            );
        }

        let horizon = Horizon {
            start: check.time("horizon.start", &raw.horizon.start)?,
            end: check.time("horizon.end", &raw.horizon.end)?,
            interval_minutes: raw.horizon.interval_minutes,
            cyclic: raw.horizon.cyclic,
        };
        if horizon.end <= horizon.start {
            return check.fail(
                "horizon.end",
                format!(
                    "the horizon ends ({}) at or before it starts ({})",
                    raw.horizon.end, raw.horizon.start
                ),
                "set end after start; end is the first moment not planned",
            );
        }
        if ![5, 10, 15, 20, 30, 60].contains(&horizon.interval_minutes) {
            return check.fail(
                "horizon.interval_minutes",
                format!(
                    "{} minutes does not divide an hour",
                    horizon.interval_minutes
                ),
                "use 15, 30 or 60",
            );
        }
        let span = (horizon.end - horizon.start).num_minutes();
        if span % i64::from(horizon.interval_minutes) != 0 || !on_grid(horizon.start, &horizon) {
            return check.fail(
                "horizon",
                "start and end do not fall on interval boundaries",
                "start and end on whole intervals, e.g. at 00:00",
            );
        }
        if horizon.cyclic && span % (24 * 60) != 0 {
            return check.fail(
                "horizon.cyclic",
                "a repeating horizon must last whole days, so each day's shifts repeat",
                "set end a whole number of days after start, e.g. 7 days for a standard week",
            );
        }

        let mut queues = Vec::new();
        for (i, q) in raw.queues.iter().enumerate() {
            let key = |k: &str| format!("queues[{i}].{k}");
            if queues.iter().any(|known: &Queue| known.name == q.name) {
                return check.fail(
                    &key("name"),
                    format!("queue \"{}\" is defined twice", q.name),
                    "give each queue a different name",
                );
            }
            if q.chats_at_once == 0 {
                return check.fail(
                    &key("chats_at_once"),
                    "an agent must serve at least one chat at a time",
                    "set chats_at_once to 1 or more",
                );
            }
            queues.push(Queue {
                name: q.name.clone(),
                handle_time_seconds: check.positive(
                    &key("handle_time_seconds"),
                    q.handle_time_seconds,
                    "180",
                )?,
                chats_at_once: q.chats_at_once,
                service_level: check.share(&key("service_level"), q.service_level, false, false)?,
                answer_within_seconds: check.non_negative(
                    &key("answer_within_seconds"),
                    q.answer_within_seconds,
                    "30",
                )?,
                shrinkage: check.share(&key("shrinkage"), q.shrinkage, true, false)?,
                max_occupancy: check.share(&key("max_occupancy"), q.max_occupancy, false, true)?,
                patience_seconds: optional(q.patience_seconds, |v| {
                    check.positive(&key("patience_seconds"), v, "100")
                })?,
                max_wait_probability: optional(q.max_wait_probability, |v| {
                    check.share(&key("max_wait_probability"), v, false, true)
                })?,
                max_asa_seconds: optional(q.max_asa_seconds, |v| {
                    check.positive(&key("max_asa_seconds"), v, "20")
                })?,
                max_abandonment: optional(q.max_abandonment, |v| {
                    check.share(&key("max_abandonment"), v, false, true)
                })?,
                chats_per_agent_hour: optional(q.chats_per_agent_hour, |v| {
                    check.positive(&key("chats_per_agent_hour"), v, "20")
                })?,
                handle_time_by_concurrency: match &q.handle_time_by_concurrency {
                    None => None,
                    Some(curve)
                        if curve.len() == q.chats_at_once as usize
                            && curve.iter().all(|h| h.is_finite() && *h > 0.0) =>
                    {
                        Some(curve.clone())
                    }
                    Some(_) => {
                        return check.fail(
                            &key("handle_time_by_concurrency"),
                            format!(
                                "needs {} positive handle times, one per number of chats open",
                                q.chats_at_once
                            ),
                            "e.g. [120, 150, 180] for chats_at_once = 3",
                        )
                    }
                },
                part_time_chats_at_once: match q.part_time_chats_at_once {
                    None => q.chats_at_once,
                    Some(c) if (1..=q.chats_at_once).contains(&c) => c,
                    Some(c) => {
                        return check.fail(
                            &key("part_time_chats_at_once"),
                            format!(
                                "{c} is not between 1 and chats_at_once ({})",
                                q.chats_at_once
                            ),
                            "give the chats a new part-timer serves at once, e.g. 2",
                        )
                    }
                },
            });
        }
        if queues.is_empty() {
            return check.fail(
                "queues",
                "no queue is defined",
                "add a [[queues]] table for each chat queue",
            );
        }

        let mut events = Vec::new();
        for (i, e) in raw.events.iter().enumerate() {
            let key = |k: &str| format!("events[{i}].{k}");
            let target = match (e.target_orders, e.target_sales, e.average_order_value) {
                (Some(orders), None, None) => {
                    SalesTarget::Orders(check.positive(&key("target_orders"), orders, "30000")?)
                }
                (None, Some(amount), Some(aov)) => SalesTarget::Sales {
                    amount: check.positive(&key("target_sales"), amount, "6000000")?,
                    average_order_value: check.positive(&key("average_order_value"), aov, "200")?,
                },
                _ => {
                    return check.fail(
                        &key("target_orders"),
                        "the sales target is missing or given twice",
                        "give either target_orders, or target_sales with average_order_value",
                    )
                }
            };
            let lag_sum: f64 = e.aftersale_lag.iter().sum();
            if e.aftersale_lag
                .iter()
                .any(|s| !(s.is_finite() && *s >= 0.0))
                || (!e.aftersale_lag.is_empty() && (lag_sum - 1.0).abs() > 1e-6)
            {
                return check.fail(
                    &key("aftersale_lag"),
                    format!("the day shares add up to {lag_sum}, not 1"),
                    "give non-negative shares per day that add up to 1, e.g. [0.1, 0.3, 0.3, 0.2, 0.1]",
                );
            }
            if e.hours == 0 {
                return check.fail(&key("hours"), "the event lasts 0 hours", "e.g. hours = 24");
            }
            if let Some(curve) = &e.curve {
                let intervals = e.hours * 60 / horizon.interval_minutes;
                if curve.len() != intervals as usize
                    || curve.iter().any(|w| !(w.is_finite() && *w >= 0.0))
                    || curve.iter().sum::<f64>() <= 0.0
                {
                    return check.fail(
                        &key("curve"),
                        format!("the curve needs {intervals} non-negative weights, one per interval of the event, not all zero"),
                        "list one relative weight per interval, e.g. [12, 7, 4, ...]",
                    );
                }
            }
            events.push(Event {
                name: e.name.clone(),
                start: check.time(&key("start"), &e.start)?,
                hours: e.hours,
                target,
                service_share: check.share(&key("service_share"), e.service_share, false, true)?,
                conversion_rate: check.share(
                    &key("conversion_rate"),
                    e.conversion_rate,
                    false,
                    true,
                )?,
                presale_queue: check.queue_name(
                    &key("presale_queue"),
                    &e.presale_queue,
                    &queues,
                )?,
                aftersale_queue: match &e.aftersale_queue {
                    Some(q) => Some(check.queue_name(&key("aftersale_queue"), q, &queues)?),
                    None => None,
                },
                aftersale_contact_rate: check.non_negative(
                    &key("aftersale_contact_rate"),
                    e.aftersale_contact_rate,
                    "0.12",
                )?,
                aftersale_lag: e.aftersale_lag.clone(),
                curve: e.curve.clone(),
                warmup: e
                    .warmup
                    .iter()
                    .map(|f| check.non_negative(&key("warmup"), *f, "[1.2, 1.5]"))
                    .collect::<Result<_>>()?,
                warmup_from_hour: match e.warmup_from_hour {
                    h @ 0..=23 => h,
                    h => {
                        return check.fail(
                            &key("warmup_from_hour"),
                            format!("{h} is not an hour of the day"),
                            "give an hour from 0 to 23, e.g. 18 for the evening",
                        )
                    }
                },
                unpaid_share: check.share(&key("unpaid_share"), e.unpaid_share, true, true)?,
                paid_another_order_share: check.share(
                    &key("paid_another_order_share"),
                    e.paid_another_order_share,
                    true,
                    true,
                )?,
                reminder_hours: check.positive(&key("reminder_hours"), e.reminder_hours, "2")?,
                reminder_handle_seconds: check.positive(
                    &key("reminder_handle_seconds"),
                    e.reminder_handle_seconds,
                    "60",
                )?,
            });
        }

        let mut past_events = Vec::new();
        for (i, e) in raw.past_events.iter().enumerate() {
            past_events.push(PastEvent {
                name: e.name.clone(),
                start: check.time(&format!("past_events[{i}].start"), &e.start)?,
                hours: e.hours,
            });
        }

        let mut shifts = Vec::new();
        for (i, raw_shift) in raw.shifts.iter().enumerate() {
            shifts.push(check.shift_template(i, raw_shift, &horizon)?);
        }
        if shifts.is_empty() {
            return check.fail(
                "shifts",
                "no shift template is defined",
                "add [[shifts]] tables with name, start and hours",
            );
        }

        let mut phases = Vec::new();
        for (i, p) in raw.phases.iter().enumerate() {
            let key = |k: &str| format!("phases[{i}].{k}");
            let start = check.time(&key("start"), &p.start)?;
            let end = check.time(&key("end"), &p.end)?;
            if end <= start {
                return check.fail(
                    &key("end"),
                    format!("phase \"{}\" ends at or before it starts", p.name),
                    "set end after start",
                );
            }
            let queue_names = if p.queues.is_empty() {
                queues.iter().map(|q| q.name.clone()).collect()
            } else {
                let mut names = Vec::new();
                for q in &p.queues {
                    names.push(check.queue_name(&key("queues"), q, &queues)?);
                }
                names
            };
            phases.push(Phase {
                name: p.name.clone(),
                start,
                end,
                queues: queue_names,
                may: p.may.clone(),
                must: p.must.clone(),
                min_agents: p.min_agents,
            });
        }

        Ok(Scenario {
            horizon,
            history_file: raw.history.as_ref().map(|h| h.file.clone()),
            requirements_file: raw.requirements.as_ref().map(|r| r.file.clone()),
            language: match &raw.report.language {
                None => None,
                Some(text) => Some(crate::labels::Lang::parse(text).ok_or_else(|| {
                    Error::input(
                        format!("{}: report.language", check.file),
                        format!("\"{text}\" is not a language shiftcast writes"),
                        "use \"zh\" (Chinese) or \"en\" (English)",
                    )
                })?),
            },
            forecast: crate::forecast::Settings {
                method: crate::forecast::Method::parse(&raw.forecast.method).ok_or_else(|| {
                    Error::input(
                        format!("{}: forecast.method", check.file),
                        format!("\"{}\" is not a forecasting method", raw.forecast.method),
                        "use one of auto, profile, seasonal-naive, seasonal-naive-day, mstl, ets",
                    )
                })?,
                level: check.share("forecast.level", raw.forecast.level, false, false)?,
                quantile: match raw.forecast.staff_for_quantile {
                    Some(q) => Some(check.share("forecast.staff_for_quantile", q, false, false)?),
                    None => None,
                },
                profile_weeks: raw.history.as_ref().map_or(4, |h| h.weeks.max(1)) as usize,
            },
            staff_file: raw.staff.file,
            min_rest_hours: check.non_negative(
                "rules.min_rest_hours",
                raw.rules.min_rest_hours,
                "11",
            )?,
            costs: Costs {
                full_time_per_hour: check.non_negative(
                    "costs.full_time_per_hour",
                    raw.costs.full_time_per_hour,
                    "35",
                )?,
                part_time_per_hour: check.non_negative(
                    "costs.part_time_per_hour",
                    raw.costs.part_time_per_hour,
                    "45",
                )?,
                shortfall_per_agent_hour: check.positive(
                    "costs.shortfall_per_agent_hour",
                    raw.costs.shortfall_per_agent_hour,
                    "500",
                )?,
                phase_rule_penalty: check.positive(
                    "costs.phase_rule_penalty",
                    raw.costs.phase_rule_penalty,
                    "5000",
                )?,
                part_time_per_person: check.non_negative(
                    "costs.part_time_per_person",
                    raw.costs.part_time_per_person,
                    "200",
                )?,
                night_premium_per_hour: check.non_negative(
                    "costs.night_premium_per_hour",
                    raw.costs.night_premium_per_hour,
                    "10",
                )?,
                night: check.window("costs.night", &raw.costs.night)?,
                overtime_per_hour: check.non_negative(
                    "costs.overtime_per_hour",
                    raw.costs.overtime_per_hour,
                    "20",
                )?,
                fairness_per_shift: check.non_negative(
                    "costs.fairness_per_shift",
                    raw.costs.fairness_per_shift,
                    "1",
                )?,
            },
            part_time: check.part_time_pool(&raw.part_time, &queues, &shifts)?,
            queues,
            events,
            past_events,
            shifts,
            phases,
            solver: SolverSettings {
                time_limit_seconds: check.positive(
                    "solver.time_limit_seconds",
                    raw.solver.time_limit_seconds,
                    "60",
                )?,
                relative_gap: check.non_negative(
                    "solver.relative_gap",
                    raw.solver.relative_gap,
                    "0.0001",
                )?,
            },
        })
    }

    pub fn queue(&self, name: &str) -> Option<&Queue> {
        self.queues.iter().find(|q| q.name == name)
    }

    /// Checks what needs the staff file: phase group names must be real groups.
    pub fn check_staff(&self, staff: &[Person], file: &str) -> Result<()> {
        let groups: BTreeSet<&str> = staff
            .iter()
            .map(|p| p.group.as_str())
            .chain([PART_TIME_GROUP])
            .collect();
        for (i, phase) in self.phases.iter().enumerate() {
            for (list, names) in [("may", &phase.may), ("must", &phase.must)] {
                if let Some(unknown) = names.iter().find(|g| !groups.contains(g.as_str())) {
                    let known: Vec<&str> = groups.iter().copied().collect();
                    return Err(Error::input(
                        format!("{file}: phases[{i}].{list}"),
                        format!("phase \"{}\" names group \"{unknown}\", which no one in the staff file belongs to", phase.name),
                        format!("use one of: {}", known.join(", ")),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Validates an optional value with `check`.
fn optional(value: Option<f64>, check: impl FnOnce(f64) -> Result<f64>) -> Result<Option<f64>> {
    value.map(check).transpose()
}

fn on_grid(t: NaiveDateTime, horizon: &Horizon) -> bool {
    minute_of_day(t).is_multiple_of(horizon.interval_minutes)
}

/// Turns a TOML syntax or shape error into a one-line message with line and column.
fn toml_error(text: &str, file: &str, e: &toml::de::Error) -> Error {
    let place = match e.span() {
        Some(span) => {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.len() - before.rfind('\n').map_or(0, |p| p + 1) + 1;
            format!("{file}: line {line}, column {column}")
        }
        None => file.to_string(),
    };
    Error::input(
        place,
        e.message().trim().replace('\n', " "),
        "see the scenario format in the README",
    )
}
