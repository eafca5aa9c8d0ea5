//! One person from the staff file: who they are, when they can work, their contract and wishes.

use chrono::{NaiveDate, NaiveDateTime};

use super::{Costs, Kind};
use crate::time::ClockWindow;

/// One person from the staff file.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// Unique in the staff file.
    pub name: String,
    /// What phases' `may` and `must` lists refer to, e.g. `main`.
    pub group: String,
    /// Queues the person can serve.
    pub skills: Vec<String>,
    /// Daily window the person can work in.
    pub available: ClockWindow,
    /// Dates no shift of theirs may touch.
    pub days_off: Vec<NaiveDate>,
    /// Most hours, counted by the day a shift starts.
    pub max_hours_per_day: f64,
    /// Most hours per week of the plan (a shift starting the day before counts in the first).
    pub max_hours_per_week: f64,
    /// Most days in a row with a shift start before a day off.
    pub max_days_in_row: Option<u32>,
    /// Weekly hours paid at the normal rate; hours above cost `costs.overtime_per_hour` extra.
    pub contract_hours_per_week: Option<f64>,
    /// Full-time (the default) or a named part-timer.
    pub kind: Kind,
    /// The person's own wage per hour, instead of the scenario's for their kind.
    pub wage_per_hour: Option<f64>,
    /// Hours the plan gives the person each week at least (pro rata for a shorter plan).
    pub min_hours_per_week: Option<f64>,
    /// A supervisor, counted by `rules.agents_per_lead`.
    pub lead: bool,
    /// Windows on given dates (the availability file) that replace `available` on those dates;
    /// an empty window marks a date the person cannot work at all.
    pub dated: Vec<DatedWindow>,
    /// Hours the person would like (positive weight) or would rather not (negative) work.
    pub preferences: Vec<Preference>,
}

/// A person's availability on one date: from `start` to `end` (empty: not that day).
#[derive(Debug, Clone, PartialEq)]
pub struct DatedWindow {
    /// The date the window replaces the daily window on.
    pub date: NaiveDate,
    /// When the window opens.
    pub start: NaiveDateTime,
    /// When it closes (may be past midnight).
    pub end: NaiveDateTime,
}

/// A stretch a person would like (positive weight) or would rather not (negative) work.
#[derive(Debug, Clone, PartialEq)]
pub struct Preference {
    /// When it begins.
    pub start: NaiveDateTime,
    /// The first moment after it.
    pub end: NaiveDateTime,
    /// Yuan per hour (times `costs.preference_per_hour`) the plan weighs it at.
    pub weight: f64,
}

impl Preference {
    /// Hours of `start`..`end` inside the stretch.
    pub fn hours_inside(&self, start: NaiveDateTime, end: NaiveDateTime) -> f64 {
        let overlap = end.min(self.end) - start.max(self.start);
        overlap.num_minutes().max(0) as f64 / 60.0
    }

    /// Weight x hours of `start`..`end` inside the stretch: what a shift then scores.
    pub fn score(&self, start: NaiveDateTime, end: NaiveDateTime) -> f64 {
        self.weight * self.hours_inside(start, end)
    }
}

impl Default for Person {
    /// A full-timer with no name, group or skills, available any time, 8 hours a day and 40 a
    /// week: the base for people built in code.
    fn default() -> Self {
        Person {
            name: String::new(),
            group: String::new(),
            skills: Vec::new(),
            available: ClockWindow::ALWAYS,
            days_off: Vec::new(),
            max_hours_per_day: 8.0,
            max_hours_per_week: 40.0,
            max_days_in_row: None,
            contract_hours_per_week: None,
            kind: Kind::FullTime,
            wage_per_hour: None,
            min_hours_per_week: None,
            lead: false,
            dated: Vec::new(),
            preferences: Vec::new(),
        }
    }
}

impl Person {
    /// The person's wage per hour: their own, or the scenario's for their kind.
    pub fn wage(&self, costs: &Costs) -> f64 {
        self.wage_per_hour.unwrap_or(match self.kind {
            Kind::FullTime => costs.full_time_per_hour,
            Kind::PartTime => costs.part_time_per_hour,
        })
    }

    /// Whether the person can work at `t`: inside a dated window, or on a date without any
    /// inside their daily window and not on a day off.
    pub fn can_work_at(&self, t: NaiveDateTime) -> bool {
        if self.dated.iter().any(|w| w.start <= t && t < w.end) {
            return true;
        }
        !self.dated.iter().any(|w| w.date == t.date())
            && self.available.contains(t)
            && !self.days_off.contains(&t.date())
    }

    /// Hours a week the plan gives the person at least: `min_hours_per_week`, and for a salaried
    /// full-timer the contract hours paid whether worked or not.
    pub fn floor_hours_per_week(&self, costs: &Costs) -> Option<f64> {
        match (self.min_hours_per_week, self.paid_hours_per_week(costs)) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        }
    }

    /// Contract hours paid whether worked or not: for a salaried full-timer,
    /// `contract_hours_per_week`, else `min_hours_per_week`, else `max_hours_per_week` (a
    /// salaried week with no contract column is a full one); None for everyone else.
    pub fn paid_hours_per_week(&self, costs: &Costs) -> Option<f64> {
        (costs.full_time_salaried && self.kind == Kind::FullTime).then(|| {
            self.contract_hours_per_week
                .or(self.min_hours_per_week)
                .unwrap_or(self.max_hours_per_week)
        })
    }
}
