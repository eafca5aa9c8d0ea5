//! The scenario file as serde reads it: one `Raw*` struct per TOML table, with the defaults of
//! keys a file may leave out. Nothing here is checked yet; `check` turns these into the typed
//! [`Scenario`](super::Scenario).

use std::path::PathBuf;

use serde::Deserialize;

use super::PART_TIME_GROUP;
use crate::error::{Error, Result};

/// Reads the TOML text into its tables; `file` names it in error messages.
pub(super) fn parse(text: &str, file: &str) -> Result<RawScenario> {
    toml::from_str(text).map_err(|e| toml_error(text, file, &e))
}

/// Turns a TOML syntax or shape error into a one-line message with line and column.
fn toml_error(text: &str, file: &str, e: &toml::de::Error) -> Error {
    let place = match e.span() {
        Some(span) => {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.len() - before.rfind('\n').map_or(0, |p| p + 1) + 1;
            if let Some(unquoted) = unquoted_time(text, line) {
                return Error::input(
                    format!("{file}: line {line}"),
                    format!("{unquoted} is written without quotes, so TOML reads it as its own date-time type"),
                    format!("put dates and times in quotes, e.g. \"{unquoted}\""),
                );
            }
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

/// The value on 1-based `line` when it is a date (`2026-11-11...`) or clock time (`08:00...`)
/// without quotes: TOML's own date-time, which shiftcast reads only as text.
fn unquoted_time(text: &str, line: usize) -> Option<&str> {
    let value = text.lines().nth(line - 1)?.split_once('=')?.1;
    let value = value.split('#').next()?.trim();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let date = value.len() >= 10
        && value.get(..4).is_some_and(digits)
        && value.get(4..).is_some_and(|rest| rest.starts_with('-'));
    let clock = value
        .find(':')
        .is_some_and(|c| (1..=2).contains(&c) && digits(&value[..c]));
    (date || clock).then_some(value)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawScenario {
    pub(super) horizon: RawHorizon,
    pub(super) history: Option<RawHistory>,
    pub(super) requirements: Option<RawRequirements>,
    pub(super) staff: RawStaff,
    #[serde(default)]
    pub(super) rules: RawRules,
    pub(super) costs: RawCosts,
    pub(super) queues: Vec<RawQueue>,
    #[serde(default)]
    pub(super) events: Vec<RawEvent>,
    #[serde(default)]
    pub(super) past_events: Vec<RawPastEvent>,
    pub(super) shifts: Vec<RawShift>,
    #[serde(default)]
    pub(super) phases: Vec<RawPhase>,
    #[serde(default)]
    pub(super) sessions: Vec<RawSession>,
    #[serde(default)]
    pub(super) part_time: RawPartTime,
    #[serde(default)]
    pub(super) solver: RawSolver,
    #[serde(default)]
    pub(super) forecast: RawForecast,
    #[serde(default)]
    pub(super) report: RawReport,
    pub(super) value: Option<RawValue>,
    #[serde(default)]
    pub(super) intraday: RawIntraday,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawValue {
    pub(super) average_order_value: f64,
    pub(super) margin: f64,
    pub(super) conversion_rate: Option<f64>,
    pub(super) queues: Option<Vec<String>>,
    #[serde(default)]
    pub(super) price_shortfall: bool,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawReport {
    pub(super) language: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawForecast {
    #[serde(default = "default_method")]
    pub(super) method: String,
    #[serde(default = "default_level")]
    pub(super) level: f64,
    pub(super) staff_for_quantile: Option<f64>,
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
pub(super) struct RawHorizon {
    pub(super) start: String,
    pub(super) end: String,
    pub(super) interval_minutes: u32,
    #[serde(default)]
    pub(super) cyclic: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawHistory {
    pub(super) file: PathBuf,
    #[serde(default = "default_weeks")]
    pub(super) weeks: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRequirements {
    pub(super) file: PathBuf,
}

fn default_weeks() -> u32 {
    4
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStaff {
    pub(super) file: PathBuf,
    pub(super) availability: Option<PathBuf>,
    pub(super) preferences: Option<PathBuf>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRules {
    #[serde(default = "default_min_rest_hours")]
    pub(super) min_rest_hours: f64,
    pub(super) max_nights_in_row: Option<u32>,
    pub(super) rest_after_nights_hours: Option<f64>,
    pub(super) days_off_together: Option<u32>,
    pub(super) weekends_off_per_4_weeks: Option<u32>,
    pub(super) agents_per_lead: Option<u32>,
}

fn default_min_rest_hours() -> f64 {
    11.0
}

impl Default for RawRules {
    fn default() -> Self {
        RawRules {
            min_rest_hours: default_min_rest_hours(),
            max_nights_in_row: None,
            rest_after_nights_hours: None,
            days_off_together: None,
            weekends_off_per_4_weeks: None,
            agents_per_lead: None,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSession {
    pub(super) name: String,
    pub(super) start: String,
    pub(super) end: String,
    pub(super) groups: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCosts {
    pub(super) full_time_per_hour: f64,
    pub(super) part_time_per_hour: f64,
    pub(super) shortfall_per_agent_hour: f64,
    #[serde(default = "default_phase_rule_penalty")]
    pub(super) phase_rule_penalty: f64,
    #[serde(default)]
    pub(super) part_time_per_person: f64,
    #[serde(default)]
    pub(super) night_premium_per_hour: f64,
    #[serde(default = "default_night")]
    pub(super) night: String,
    #[serde(default)]
    pub(super) overtime_per_hour: f64,
    #[serde(default)]
    pub(super) fairness_per_shift: f64,
    #[serde(default)]
    pub(super) fairness_hours_per_hour: f64,
    #[serde(default)]
    pub(super) fairness_weekends_per_day: f64,
    #[serde(default)]
    pub(super) full_time_salaried: bool,
    #[serde(default = "default_min_hours_per_hour")]
    pub(super) min_hours_per_hour: f64,
    #[serde(default = "default_lead_short_per_hour")]
    pub(super) lead_short_per_hour: f64,
    #[serde(default = "one_f64")]
    pub(super) preference_per_hour: f64,
}

fn default_min_hours_per_hour() -> f64 {
    100.0
}

fn default_lead_short_per_hour() -> f64 {
    300.0
}

fn default_night() -> String {
    "22:00-06:00".into()
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPartTime {
    pub(super) skills: Option<Vec<String>>,
    pub(super) available: Option<String>,
    pub(super) weekend_available: Option<String>,
    pub(super) min_shift_hours: Option<f64>,
    pub(super) max_shift_hours: Option<f64>,
    pub(super) max_people: Option<u32>,
    pub(super) max_shifts_per_day: Option<u32>,
    pub(super) max_hours_per_week: Option<f64>,
    pub(super) start_band_hours: Option<f64>,
    pub(super) count_people: Option<bool>,
}

fn default_phase_rule_penalty() -> f64 {
    5000.0
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQueue {
    pub(super) name: String,
    pub(super) handle_time_seconds: f64,
    #[serde(default = "one")]
    pub(super) chats_at_once: u32,
    pub(super) service_level: f64,
    pub(super) answer_within_seconds: f64,
    #[serde(default)]
    pub(super) shrinkage: f64,
    #[serde(default = "one_f64")]
    pub(super) max_occupancy: f64,
    pub(super) patience_seconds: Option<f64>,
    pub(super) max_wait_probability: Option<f64>,
    pub(super) max_asa_seconds: Option<f64>,
    pub(super) max_abandonment: Option<f64>,
    pub(super) chats_per_agent_hour: Option<f64>,
    pub(super) handle_time_by_concurrency: Option<Vec<f64>>,
    pub(super) part_time_chats_at_once: Option<u32>,
    pub(super) short: Option<String>,
    #[serde(default)]
    pub(super) deflection: f64,
    pub(super) event_deflection: Option<f64>,
    pub(super) open: Option<String>,
}

fn one() -> u32 {
    1
}

fn one_f64() -> f64 {
    1.0
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEvent {
    pub(super) name: String,
    pub(super) start: String,
    pub(super) hours: u32,
    pub(super) target_orders: Option<RawEstimate>,
    pub(super) target_sales: Option<RawEstimate>,
    pub(super) average_order_value: Option<f64>,
    pub(super) service_share: RawEstimate,
    pub(super) conversion_rate: RawEstimate,
    pub(super) presale_queue: String,
    pub(super) aftersale_queue: Option<String>,
    #[serde(default)]
    pub(super) aftersale_contact_rate: f64,
    #[serde(default)]
    pub(super) aftersale_lag: Vec<f64>,
    pub(super) curve: Option<Vec<f64>>,
    #[serde(default)]
    pub(super) warmup: Vec<f64>,
    #[serde(default)]
    pub(super) warmup_from_hour: u32,
    #[serde(default)]
    pub(super) warmup_hours_before: u32,
    #[serde(default = "default_unpaid_share")]
    pub(super) unpaid_share: f64,
    #[serde(default)]
    pub(super) paid_another_order_share: f64,
    #[serde(default = "default_reminder_hours")]
    pub(super) reminder_hours: f64,
    #[serde(default = "default_reminder_handle_seconds")]
    pub(super) reminder_handle_seconds: f64,
    #[serde(default)]
    pub(super) reminder_sms_share: f64,
}

/// `30000` or `{ low = 24000, mid = 30000, high = 36000 }`: a number, or a range whose low and
/// high are the 10th and 90th percentiles and whose mid is planned.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct RawEstimate {
    pub(super) low: f64,
    pub(super) mid: f64,
    pub(super) high: f64,
}

impl<'de> Deserialize<'de> for RawEstimate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(EstimateVisitor)
    }
}

struct EstimateVisitor;

impl<'de> serde::de::Visitor<'de> for EstimateVisitor {
    type Value = RawEstimate;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a number, or a range { low = ..., mid = ..., high = ... }")
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> std::result::Result<RawEstimate, E> {
        Ok(RawEstimate {
            low: v,
            mid: v,
            high: v,
        })
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> std::result::Result<RawEstimate, E> {
        self.visit_f64(v as f64)
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> std::result::Result<RawEstimate, E> {
        self.visit_f64(v as f64)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<RawEstimate, A::Error> {
        use serde::de::Error;
        let (mut low, mut mid, mut high) = (None, None, None);
        while let Some(key) = map.next_key::<String>()? {
            let slot = match key.as_str() {
                "low" => &mut low,
                "mid" => &mut mid,
                "high" => &mut high,
                other => {
                    return Err(A::Error::custom(format!(
                        "unknown key `{other}` in a range: give low, mid and high"
                    )))
                }
            };
            *slot = Some(map.next_value::<f64>()?);
        }
        match (low, mid, high) {
            (Some(low), Some(mid), Some(high)) => Ok(RawEstimate { low, mid, high }),
            _ => Err(A::Error::custom(
                "a range needs low, mid and high, e.g. { low = 24000, mid = 30000, high = 36000 }",
            )),
        }
    }
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
pub(super) struct RawPastEvent {
    pub(super) name: String,
    pub(super) start: String,
    pub(super) hours: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawShift {
    pub(super) name: String,
    pub(super) start: String,
    pub(super) latest_start: Option<String>,
    pub(super) start_every_minutes: Option<u32>,
    pub(super) hours: OneOrMany,
    #[serde(default = "all_kinds")]
    pub(super) kinds: Vec<String>,
    #[serde(default)]
    pub(super) breaks: Vec<RawBreak>,
    #[serde(default)]
    pub(super) cost_per_shift: f64,
}

/// `hours = 8` or `hours = [4, 5, 6]`.
#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum OneOrMany {
    One(f64),
    Many(Vec<f64>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawBreak {
    pub(super) name: String,
    pub(super) minutes: u32,
    pub(super) earliest_after_hours: f64,
    pub(super) latest_after_hours: f64,
}

fn all_kinds() -> Vec<String> {
    vec!["full-time".into(), PART_TIME_GROUP.into()]
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPhase {
    pub(super) name: String,
    pub(super) start: String,
    pub(super) end: String,
    #[serde(default)]
    pub(super) queues: Vec<String>,
    #[serde(default)]
    pub(super) may: Vec<String>,
    #[serde(default)]
    pub(super) must: Vec<String>,
    #[serde(default)]
    pub(super) min_agents: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSolver {
    pub(super) time_limit_seconds: f64,
    pub(super) relative_gap: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawIntraday {
    pub(super) call_in_notice_minutes: f64,
    pub(super) surprise_half_life_hours: f64,
}

impl Default for RawIntraday {
    fn default() -> Self {
        RawIntraday {
            call_in_notice_minutes: 60.0,
            surprise_half_life_hours: 12.0,
        }
    }
}

impl Default for RawSolver {
    fn default() -> Self {
        RawSolver {
            time_limit_seconds: 60.0,
            relative_gap: 1e-4,
        }
    }
}
