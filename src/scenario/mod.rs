//! The typed, validated plan configuration: horizon, queues, events, shifts, phases, staff.
//!
//! `Scenario::from_toml` parses the scenario file's text; every later stage can trust these values
//! (positive handle times, end after start, known queue names, ...). Errors name the key.
//! `file.rs` holds the file as serde reads it, `check/` the validation, one function per table,
//! and `forecast_settings.rs` the forecast's method and settings (re-exported by `forecast`).

pub(crate) mod check;
mod file;
pub(crate) mod forecast_settings;

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::{Duration, NaiveDate, NaiveDateTime};

use crate::error::{Error, Result};
use crate::time::{ClockWindow, Horizon};
use check::Checker;
use forecast_settings::Settings;

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
    pub forecast: Settings,
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

impl Scenario {
    /// Parses and validates scenario TOML; `file` names it in error messages. The tables are
    /// checked in this order and the first error stops the reading.
    pub fn from_toml(text: &str, file: &str) -> Result<Scenario> {
        let raw = file::parse(text, file)?;
        let check = Checker { file };
        check.history_or_requirements(&raw)?;
        let horizon = check.horizon(&raw.horizon)?;
        let queues = check.queues(&raw.queues)?;
        let events = check.events(&raw.events, &horizon, &queues)?;
        let past_events = check.past_events(&raw.past_events)?;
        let shifts = check.shifts(&raw.shifts, &horizon)?;
        let phases = check.phases(&raw.phases, &queues)?;
        let language = check.language(&raw.report)?;
        let forecast = check.forecast(&raw.forecast, raw.history.as_ref())?;
        let min_rest_hours = check.min_rest_hours(&raw.rules)?;
        let costs = check.costs(&raw.costs)?;
        let part_time = check.part_time(&raw.part_time, &queues, &shifts)?;
        let solver = check.solver(&raw.solver)?;
        Ok(Scenario {
            horizon,
            history_file: raw.history.map(|h| h.file),
            requirements_file: raw.requirements.map(|r| r.file),
            forecast,
            language,
            staff_file: raw.staff.file,
            min_rest_hours,
            costs,
            queues,
            events,
            past_events,
            shifts,
            phases,
            part_time,
            solver,
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
