//! The typed, validated plan configuration: horizon, queues, events, shifts, phases, staff.
//!
//! `Scenario::from_toml` parses the scenario file's text; every later stage can trust these values
//! (positive handle times, end after start, known queue names, ...). Errors name the key.
//! `file.rs` holds the file as serde reads it, `check/` the validation, one function per table,
//! `forecast_settings.rs` the forecast's method and settings (re-exported by `forecast`), and
//! `overrides.rs` the `--set KEY=VALUE` edits made to the TOML before it is read.

pub(crate) mod check;
mod estimate;
mod file;
pub(crate) mod forecast_settings;
mod overrides;
mod person;

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::{Duration, NaiveDateTime};

use crate::error::{Error, Result};
use crate::time::{ClockWindow, Horizon};
use check::Checker;
pub use estimate::Estimate;
use forecast_settings::Settings;
pub use overrides::Setting;
pub use person::{DatedWindow, Person, Preference};

/// The staff group name of hired part-timers, usable in phases' `may` lists.
pub const PART_TIME_GROUP: &str = "part-time";

/// A whole scenario file, checked: what to plan, for whom, with which rules and prices.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// `[horizon]`: the planned span and its interval grid.
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
    /// `[staff] file`: the staff CSV, one [`Person`] per row.
    pub staff_file: PathBuf,
    /// `[staff] availability`: a CSV of dated windows that replace people's daily windows.
    pub availability_file: Option<PathBuf>,
    /// `[staff] preferences`: a CSV of hours people would like, or would rather not, work.
    pub preferences_file: Option<PathBuf>,
    /// `[rules] min_rest_hours`: rest between the end of one shift and the start of the next.
    pub min_rest_hours: f64,
    /// `[rules]`: the week structure and floor rules beyond rest.
    pub rules: WorkRules,
    /// `[[sessions]]`: fixed-time group sessions (training, drills) everyone in their groups
    /// attends, paid and not serving.
    pub sessions: Vec<Session>,
    /// `[costs]`: the prices the plan weighs.
    pub costs: Costs,
    /// `[[queues]]`, in file order.
    pub queues: Vec<Queue>,
    /// `[[events]]`: the promotions being planned.
    pub events: Vec<Event>,
    /// `[[past_events]]`: promotions in the history.
    pub past_events: Vec<PastEvent>,
    /// `[[shifts]]`: the shift templates people may work.
    pub shifts: Vec<ShiftTemplate>,
    /// `[[phases]]`: windows with rules on who may and must be on duty.
    pub phases: Vec<Phase>,
    /// `[part_time]`: the part-timers the plan may hire.
    pub part_time: PartTimePool,
    /// `[solver]`: when the optimiser may stop.
    pub solver: SolverSettings,
    /// `[value]`: what a chat that sells is worth, to count the sales a plan puts at risk.
    pub value: Option<SalesValue>,
    /// `[intraday]`: how `shiftcast intraday` re-forecasts and calls people in on the day.
    pub intraday: IntradaySettings,
}

/// `[value]`: what a chat of the selling queues is worth, so shortfall reads as sales at risk.
#[derive(Debug, Clone, PartialEq)]
pub struct SalesValue {
    /// Yuan per order.
    pub average_order_value: f64,
    /// Share of an order's value the shop keeps.
    pub margin: f64,
    /// Share of the selling queues' chats that end in an order (default: the events' planned
    /// conversion rate, their mean when several).
    pub conversion_rate: f64,
    /// The queues whose chats sell (default: the events' pre-sale queues).
    pub queues: Vec<String>,
    /// Price an agent short on a selling queue at the margin its share of the interval's chats
    /// would bring, instead of `costs.shortfall_per_agent_hour`.
    pub price_shortfall: bool,
}

impl SalesValue {
    /// Margin one chat of a selling queue brings: conversion x order value x margin.
    pub fn per_chat(&self) -> f64 {
        self.conversion_rate * self.average_order_value * self.margin
    }
}

/// `[costs]`: wages, and the prices that make the plan weigh shortfall and rules against pay.
#[derive(Debug, Clone, PartialEq)]
pub struct Costs {
    /// Wage per hour of a person from the staff file.
    pub full_time_per_hour: f64,
    /// Wage per hour of a hired part-timer.
    pub part_time_per_hour: f64,
    /// Price of one agent-hour below the requirement: how hard the plan tries before it
    /// reports a gap.
    pub shortfall_per_agent_hour: f64,
    /// Price of one person missing a phase they must be on duty in.
    pub phase_rule_penalty: f64,
    /// Price of hiring one part-timer (recruiting, training), on top of hourly wages.
    pub part_time_per_person: f64,
    /// Extra pay per hour worked inside `night`, for everyone.
    pub night_premium_per_hour: f64,
    /// The daily night window; a shift with at least half its hours in it is a night shift.
    pub night: ClockWindow,
    /// Extra pay per hour a person works above their weekly contract hours.
    pub overtime_per_hour: f64,
    /// Price of each night shift between the most and the fewest one group's members work.
    pub fairness_per_shift: f64,
    /// Price of each hour between the most and the fewest hours one group's members work.
    pub fairness_hours_per_hour: f64,
    /// Price of each weekend day between the most and the fewest one group's members work.
    pub fairness_weekends_per_day: f64,
    /// Full-timers' contract hours are paid whether worked or not (overtime as usual).
    pub full_time_salaried: bool,
    /// Price of each hour a person's week falls short of their minimum hours.
    pub min_hours_per_hour: f64,
    /// Price of each hour one lead is missing on the floor (`rules.agents_per_lead`).
    pub lead_short_per_hour: f64,
    /// Yuan per hour of preference weight: a shift hour a person would like (weight 2) lowers
    /// the plan's cost by 2 x this; one they would rather not work raises it.
    pub preference_per_hour: f64,
}

/// `[rules]` beyond rest: how people's weeks are shaped and who is on the floor.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WorkRules {
    /// Most night shifts in a row before a night off.
    pub max_nights_in_row: Option<u32>,
    /// Rest after the last of a run of night shifts before a shift that is not a night shift.
    pub rest_after_nights_hours: Option<f64>,
    /// Days off come in runs of at least this many days.
    pub days_off_together: Option<u32>,
    /// Weekends (Saturday and Sunday) each person has off in every 4 weeks, pro rata.
    pub weekends_off_per_4_weeks: Option<u32>,
    /// At least one lead on duty per this many agents on duty, every interval.
    pub agents_per_lead: Option<u32>,
}

/// A fixed-time session (training, a drill): everyone in `groups` attends, paid, not serving.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// Named in the roster.
    pub name: String,
    /// When it begins.
    pub start: NaiveDateTime,
    /// The first moment after it.
    pub end: NaiveDateTime,
    /// Staff groups whose every member attends.
    pub groups: Vec<String>,
}

impl Session {
    /// Length in hours.
    pub fn hours(&self) -> f64 {
        (self.end - self.start).num_minutes() as f64 / 60.0
    }

    /// Whether `start`..`end` overlaps the session.
    pub fn overlaps(&self, start: NaiveDateTime, end: NaiveDateTime) -> bool {
        start < self.end && self.start < end
    }

    /// Whether a person of `group` attends.
    pub fn attended_by(&self, group: &str) -> bool {
        self.groups.iter().any(|g| g == group)
    }
}

/// A chat queue and its service target.
#[derive(Debug, Clone, PartialEq)]
pub struct Queue {
    /// Matches the history's `queue` column and the staff file's skills.
    pub name: String,
    /// Average seconds one chat takes while the agent serves `chats_at_once` chats.
    pub handle_time_seconds: f64,
    /// Chats one agent serves at the same time.
    pub chats_at_once: u32,
    /// Share of chats to be answered within `answer_within_seconds`.
    pub service_level: f64,
    /// The wait the service level is measured against.
    pub answer_within_seconds: f64,
    /// Share of paid time not at the keyboard (breaks, meetings).
    pub shrinkage: f64,
    /// Cap on the share of time an agent's chat slots are busy.
    pub max_occupancy: f64,
    /// Mean seconds a waiting buyer stays before leaving; set to use Erlang A.
    pub patience_seconds: Option<f64>,
    /// Optional extra target: the chance a chat waits at all.
    pub max_wait_probability: Option<f64>,
    /// Optional extra target: the average wait in seconds.
    pub max_asa_seconds: Option<f64>,
    /// Optional extra target (Erlang A): the share of buyers who leave before an answer.
    pub max_abandonment: Option<f64>,
    /// The managers' rule of thumb, reported beside the formula when given.
    pub chats_per_agent_hour: Option<f64>,
    /// Seconds a chat takes when its agent has 1, 2, ... chats open (the simulator uses it; the
    /// formula uses `handle_time_seconds`, the time at full concurrency).
    pub handle_time_by_concurrency: Option<Vec<f64>>,
    /// Chats a newly hired part-timer serves at once (fewer than `chats_at_once`): each of their
    /// hours counts as this share of an agent's.
    pub part_time_chats_at_once: u32,
    /// `short`: the queue's code in roster cells (1 or 2 characters, unlike every other
    /// queue's), when the file gives one; else `Lang::queue_codes` derives it.
    pub short: Option<String>,
    /// Share of ordinary inquiries answered by quick replies, FAQ or a bot before an agent.
    pub deflection: f64,
    /// The same share of the volume events bring (warm-up, event, after-sale wave).
    pub event_deflection: f64,
    /// `open`: when agents take chats; chats arriving outside it wait for the opening.
    pub open: ClockWindow,
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
    /// Named in the forecast's notes.
    pub name: String,
    /// When the event begins.
    pub start: NaiveDateTime,
    /// How long it runs.
    pub hours: u32,
    /// Orders, or sales and an average order value.
    pub target: SalesTarget,
    /// Share of orders that go through customer service.
    pub service_share: Estimate,
    /// Share of pre-sale inquiries that end in an order.
    pub conversion_rate: Estimate,
    /// The queue that takes the event's pre-sale inquiries.
    pub presale_queue: String,
    /// The queue that takes the after-sale wave, if any.
    pub aftersale_queue: Option<String>,
    /// After-sale contacts per order.
    pub aftersale_contact_rate: f64,
    /// Share of after-sale contacts on the event day, the day after, ...
    pub aftersale_lag: Vec<f64>,
    /// Relative weight of each event interval, used when history holds no past event.
    pub curve: Option<Vec<f64>>,
    /// Pre-sale volume factor on each day before the event (the last is the day before).
    pub warmup: Vec<f64>,
    /// Warm-up factors apply from this hour of the day (buyers gather in the evening before).
    pub warmup_from_hour: u32,
    /// Hours before the start (on the event's own day, and the evening before if they reach
    /// back past midnight) raised by the last `warmup` factor.
    pub warmup_hours_before: u32,
    /// Share of the event's orders left unpaid, each worth one payment reminder.
    pub unpaid_share: f64,
    /// Share of unpaid orders whose buyer paid another order: no reminder for those.
    pub paid_another_order_share: f64,
    /// Reminders go out over this many hours from the event start.
    pub reminder_hours: f64,
    /// Seconds one payment reminder takes an agent.
    pub reminder_handle_seconds: f64,
    /// Share of payment reminders sent by SMS: no agent work.
    pub reminder_sms_share: f64,
}

impl Event {
    /// The first moment after the event.
    pub fn end(&self) -> NaiveDateTime {
        self.start + Duration::hours(self.hours.into())
    }

    /// The `q` quantile of the event's orders (the median, `mid`, is what the plan is for).
    pub fn orders_at(&self, q: f64) -> f64 {
        self.target.orders().at(q)
    }

    /// The `q` quantile of the event's pre-sale inquiries, orders x service share / conversion
    /// rate, the three taken as independent estimates (a low conversion raises the inquiries).
    pub fn presale_inquiries_at(&self, q: f64) -> f64 {
        let orders = self.target.orders();
        let mid = orders.mid * self.service_share.mid / self.conversion_rate.mid;
        let spreads = [
            orders.log_spread(q),
            self.service_share.log_spread(q),
            self.conversion_rate.log_spread(1.0 - q),
        ];
        estimate::product_at(mid, &spreads, q)
    }

    /// Whether any of the target, service share or conversion rate is given as a range.
    pub fn has_range(&self) -> bool {
        self.target.orders().is_range()
            || self.service_share.is_range()
            || self.conversion_rate.is_range()
    }
}

/// An event's sales target, as the business states it.
#[derive(Debug, Clone, PartialEq)]
pub enum SalesTarget {
    /// `target_orders`: a number of orders.
    Orders(Estimate),
    /// `target_sales` with `average_order_value`: an amount of money.
    Sales {
        /// The sales amount.
        amount: Estimate,
        /// What one order is worth on average.
        average_order_value: f64,
    },
}

impl SalesTarget {
    /// The target in orders.
    pub fn orders(&self) -> Estimate {
        match self {
            SalesTarget::Orders(n) => *n,
            SalesTarget::Sales {
                amount,
                average_order_value,
            } => Estimate {
                low: amount.low / average_order_value,
                mid: amount.mid / average_order_value,
                high: amount.high / average_order_value,
            },
        }
    }
}

/// A promotion found in the history file.
#[derive(Debug, Clone, PartialEq)]
pub struct PastEvent {
    /// Named in notes.
    pub name: String,
    /// When it began.
    pub start: NaiveDateTime,
    /// How long it ran.
    pub hours: u32,
}

impl PastEvent {
    /// The first moment after the event.
    pub fn end(&self) -> NaiveDateTime {
        self.start + Duration::hours(self.hours.into())
    }
}

/// Full-time staff, or a part-timer (one the plan hires, or one named in the staff file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Kind {
    /// A full-timer from the staff file.
    #[default]
    FullTime,
    /// A part-timer: hired by the plan, or named in the staff file with `kind = part-time`.
    PartTime,
}

impl Kind {
    /// Every kind: a file's `kind` cell is the [`Kind::label`] of one of them.
    pub const ALL: [Kind; 2] = [Kind::FullTime, Kind::PartTime];

    /// The name used in shift `kinds` lists and output files.
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
    /// Named in the roster.
    pub name: String,
    /// Minutes after the day's 00:00 (a start window past midnight runs above 1440).
    pub starts: Vec<u32>,
    /// Allowed lengths in minutes.
    pub lengths: Vec<u32>,
    /// Who may work it.
    pub kinds: Vec<Kind>,
    /// Unpaid-for-coverage pauses the model places inside their windows.
    pub breaks: Vec<Break>,
    /// Paid once per shift worked (travel allowance, meal voucher), on top of hourly pay.
    pub cost_per_shift: f64,
}

/// A break of `minutes` starting between `earliest` and `latest` minutes after the shift starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Break {
    /// Named in the roster, e.g. "meal".
    pub name: String,
    /// Length in minutes, whole intervals.
    pub minutes: u32,
    /// Earliest start, in minutes after the shift starts.
    pub earliest: u32,
    /// Latest start, in minutes after the shift starts.
    pub latest: u32,
}

/// The part-timers a plan may hire: which queues they serve and when they can come.
#[derive(Debug, Clone, PartialEq)]
pub struct PartTimePool {
    /// Queues part-timers serve.
    pub skills: Vec<String>,
    /// Daily window on Monday to Friday.
    pub available: ClockWindow,
    /// Daily window on Saturday and Sunday.
    pub weekend_available: ClockWindow,
    /// Shortest part-time shift allowed.
    pub min_shift_minutes: u32,
    /// Longest part-time shift allowed.
    pub max_shift_minutes: u32,
    /// Most part-timers the plan may hire (None: as many as pay off).
    pub max_people: Option<u32>,
    /// Most shifts one hired part-timer works a day.
    pub max_shifts_per_day: u32,
    /// Most hours one hired part-timer works in a week.
    pub max_hours_per_week: Option<f64>,
    /// Each hired part-timer's shifts start within one band of this many clock hours, every day
    /// (bands from 00:00: 00-02, 02-04, ... for 2).
    pub start_band_hours: f64,
    /// Whether the plan counts the part-timers it hires and, of equally cheap plans, takes one
    /// needing the fewest; false when only the shifts matter (the model then counts heads only
    /// when a cap or a price per person needs them).
    pub count_people: bool,
}

impl PartTimePool {
    /// Whether part-timers can work at `t`, by the weekday or weekend window.
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
    /// Named in the workbook and in reasons.
    pub name: String,
    /// When the phase begins.
    pub start: NaiveDateTime,
    /// The first moment after it.
    pub end: NaiveDateTime,
    /// The queues its rules apply to (every queue when the file names none).
    pub queues: Vec<String>,
    /// Staff groups allowed to serve those queues in the window; empty: anyone.
    pub may: Vec<String>,
    /// Groups whose every member works a shift overlapping the window.
    pub must: Vec<String>,
    /// Least agents on duty per queue of the phase in each of its intervals, whatever the load.
    pub min_agents: u32,
}

/// `[solver]`: when the optimiser may stop (`--time-limit` and `--gap` override it).
#[derive(Debug, Clone, PartialEq)]
pub struct SolverSettings {
    /// Seconds the whole run may take: each optimiser run gets what is left.
    pub time_limit_seconds: f64,
    /// The relative optimality gap at which the optimiser may stop.
    pub relative_gap: f64,
}

/// `[intraday]`: how `shiftcast intraday` re-forecasts and calls people in on the day.
#[derive(Debug, Clone, PartialEq)]
pub struct IntradaySettings {
    /// Minutes between a call and the called person at the keyboard: nobody called in starts
    /// sooner.
    pub call_in_notice_minutes: f64,
    /// Hours over which the surprise seen so far (actual over forecast chats) halves in the
    /// re-forecast: a rush seen at 02:00 is expected to fade by half by 14:00 at 12.
    pub surprise_half_life_hours: f64,
}

impl Scenario {
    /// Each queue's code for roster cells in `lang`, in the scenario's order (its `short`, else
    /// derived so no two queues share one), the same in the workbook and the report.
    pub fn queue_codes(&self, lang: crate::labels::Lang) -> Vec<String> {
        let queues: Vec<(&str, Option<&str>)> = (self.queues.iter())
            .map(|q| (q.name.as_str(), q.short.as_deref()))
            .collect();
        lang.queue_codes(&queues)
    }

    /// Parses and validates scenario TOML; `file` names it in error messages. The tables are
    /// checked in this order and the first error stops the reading.
    pub fn from_toml(text: &str, file: &str) -> Result<Scenario> {
        let raw = file::parse(text, file)?;
        let check = Checker { file };
        check.history_or_requirements(&raw)?;
        let horizon = check.horizon(&raw.horizon)?;
        let queues = check.queues(&raw.queues, &horizon)?;
        let events = check.events(&raw.events, &horizon, &queues)?;
        let past_events = check.past_events(&raw.past_events)?;
        let shifts = check.shifts(&raw.shifts, &horizon)?;
        let phases = check.phases(&raw.phases, &queues)?;
        let language = check.language(&raw.report)?;
        let forecast = check.forecast(&raw.forecast, raw.history.as_ref())?;
        let min_rest_hours = check.min_rest_hours(&raw.rules)?;
        let rules = check.work_rules(&raw.rules)?;
        let sessions = check.sessions(&raw.sessions)?;
        let costs = check.costs(&raw.costs)?;
        let part_time = check.part_time(&raw.part_time, &queues, &shifts)?;
        let solver = check.solver(&raw.solver)?;
        let intraday = check.intraday(&raw.intraday)?;
        let value = match &raw.value {
            Some(value) => Some(check.value(value, &events, &queues)?),
            None => None,
        };
        Ok(Scenario {
            horizon,
            history_file: raw.history.map(|h| h.file),
            requirements_file: raw.requirements.map(|r| r.file),
            forecast,
            language,
            staff_file: raw.staff.file,
            availability_file: raw.staff.availability,
            preferences_file: raw.staff.preferences,
            min_rest_hours,
            rules,
            sessions,
            costs,
            queues,
            events,
            past_events,
            shifts,
            phases,
            part_time,
            solver,
            value,
            intraday,
        })
    }

    /// The queue called `name`.
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
        for (i, session) in self.sessions.iter().enumerate() {
            if session.groups.iter().any(|g| g == PART_TIME_GROUP) {
                return Err(Error::input(
                    format!("{file}: sessions[{i}].groups"),
                    format!("\"{PART_TIME_GROUP}\" is the part-timers the plan hires, who are not known by name before the plan"),
                    "price their training in costs.part_time_per_person; name recruited part-timers in the staff file with their own group",
                ));
            }
            if let Some(unknown) = session.groups.iter().find(|g| !groups.contains(g.as_str())) {
                return Err(Error::input(
                    format!("{file}: sessions[{i}].groups"),
                    format!("session \"{}\" names group \"{unknown}\", which no one in the staff file belongs to", session.name),
                    format!("use one of: {}", groups.iter().copied().collect::<Vec<_>>().join(", ")),
                ));
            }
        }
        Ok(())
    }
}
