//! shiftcast: from sales targets and history to a named roster for a customer-service team.
//!
//! The pipeline is the layout: [`forecast`] -> [`staffing`] -> [`schedule`] -> [`roster`] ->
//! [`report`], each a pure step with typed inputs and outputs. [`scenario`] holds the validated
//! configuration and [`io`] reads and writes files; the binary's subcommands live in `cmd`.

pub mod error;
pub mod forecast;
pub mod io;
pub mod labels;
pub mod parttimers;
pub mod report;
pub mod roster;
pub mod scenario;
pub mod schedule;
pub mod simulate;
pub mod staffing;

pub use error::{Error, Result};

use forecast::{Forecast, History};
use report::Report;
use roster::Roster;
use scenario::{Person, Scenario};
use schedule::Schedule;
use staffing::Requirement;

/// Everything one planning run produces.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub forecast: Forecast,
    pub requirements: Vec<Requirement>,
    pub schedule: Schedule,
    pub roster: Roster,
    pub report: Report,
}

impl Plan {
    /// The plan's intervals as the simulator reads them.
    pub fn planned_intervals(&self) -> Vec<simulate::PlannedInterval> {
        self.report
            .coverage
            .iter()
            .zip(&self.requirements)
            .map(|(c, r)| simulate::PlannedInterval {
                time: c.time,
                queue: c.queue.clone(),
                inquiries: r.inquiries,
                scheduled: c.scheduled,
                formula_service_level: c.service_level,
            })
            .collect()
    }
}

/// Runs the whole pipeline on inputs already read and validated.
pub fn plan(scenario: &Scenario, history: &History, staff: &[Person]) -> Result<Plan> {
    plan_with_progress(scenario, history, staff, &mut |_| {})
}

/// [`plan`], telling `step` the name of each stage as it starts (for a progress display).
pub fn plan_with_progress(
    scenario: &Scenario,
    history: &History,
    staff: &[Person],
    step: &mut dyn FnMut(&'static str),
) -> Result<Plan> {
    step("forecast");
    let forecast = forecast::forecast(scenario, history)?;
    step("staffing");
    let requirements = staffing::requirements(scenario, &forecast.rows)?;
    plan_for_requirements(scenario, staff, forecast, requirements, step)
}

/// The schedule, roster and report for agents required already known (from a forecast, or
/// given directly by the planner).
pub fn plan_for_requirements(
    scenario: &Scenario,
    staff: &[Person],
    forecast: Forecast,
    requirements: Vec<Requirement>,
    step: &mut dyn FnMut(&'static str),
) -> Result<Plan> {
    let requirements = schedule::with_phase_minimums(scenario, requirements);
    step("schedule (HiGHS)");
    let schedule = schedule::schedule(scenario, staff, &requirements)?;
    step("roster");
    let roster = roster::build(
        &schedule.shifts,
        staff,
        scenario.min_rest_hours,
        scenario.horizon.cycle(),
    );
    let report = report::build(scenario, &forecast, &requirements, &schedule, &roster);
    Ok(Plan {
        forecast,
        requirements,
        schedule,
        roster,
        report,
    })
}
