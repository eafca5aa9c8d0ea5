//! The one pipeline: inputs -> requirements (given, or [`forecast`] + [`staffing`]) ->
//! [`schedule`] -> [`roster`] -> [`report`]. `shiftcast plan`, `shiftcast parttimers` and
//! programs using the crate all go through here, so they get the same plan from the same inputs.
//!
//! [`forecast`]: crate::forecast
//! [`staffing`]: crate::staffing
//! [`schedule`]: crate::schedule
//! [`roster`]: crate::roster
//! [`report`]: crate::report

use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::forecast::{self, Forecast, History};
use crate::report::{self, Report};
use crate::roster::{self, Roster};
use crate::scenario::{check, Person, Scenario, Setting};
use crate::schedule::{self, Deadline, Schedule};
use crate::simulate::PlannedInterval;
use crate::staffing::{self, Requirement};

/// Everything a plan is made from, read and checked ([`Inputs::read`] reads them from a
/// scenario file; a program may also build them in memory).
#[derive(Debug, Clone)]
pub struct Inputs {
    /// The checked scenario, with any command-line [`Overrides`] applied.
    pub scenario: Scenario,
    /// The team's own staff, from the scenario's `[staff] file`.
    pub staff: Vec<Person>,
    /// What the plan must cover: history to forecast from, or requirements given directly.
    pub demand: Demand,
    /// What in the inputs may be a mistake (history rows inside the horizon, an event outside
    /// it, ...): printed on stderr and kept in `summary.json`'s `warnings`.
    pub warnings: Vec<String>,
}

/// What the plan must cover.
#[derive(Debug, Clone)]
pub enum Demand {
    /// Inquiries in the past, to forecast and staff from.
    History(History),
    /// Agents required per queue and interval given directly (`[requirements] file`), in
    /// scenario queue order, then interval order: no forecast or staffing model runs.
    Given {
        /// One row per queue and interval of the horizon.
        requirements: Vec<Requirement>,
        /// Where they were read from, named in the plan's notes.
        file: PathBuf,
    },
}

impl Demand {
    /// The history, drawn behind the forecast in charts (empty when requirements are given).
    pub fn history(&self) -> &History {
        static NONE: History = History {
            series: std::collections::BTreeMap::new(),
            orders: std::collections::BTreeMap::new(),
        };
        match self {
            Demand::History(history) => history,
            Demand::Given { .. } => &NONE,
        }
    }
}

/// What the command line changes in the scenario: `--set` edits to its TOML, and flags that
/// take the place of its `[solver]` table.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--set KEY=VALUE`, in order: put into the scenario's TOML before it is read and checked.
    pub settings: Vec<Setting>,
    /// `--time-limit`: seconds the whole run may take.
    pub time_limit_seconds: Option<f64>,
    /// `--gap`: the relative optimality gap at which the optimiser may stop.
    pub relative_gap: Option<f64>,
}

impl Overrides {
    /// Checks `--time-limit` and `--gap` as the scenario's own values are checked, then puts
    /// them in their place (the `settings` went into the TOML when [`Inputs::read`] read it).
    pub fn apply(&self, scenario: &mut Scenario) -> Result<()> {
        if let Some(seconds) = self.time_limit_seconds {
            scenario.solver.time_limit_seconds =
                check::time_limit_seconds("--time-limit", seconds, "--time-limit 30")?;
        }
        if let Some(gap) = self.relative_gap {
            scenario.solver.relative_gap = check::relative_gap("--gap", gap, "--gap 0.001")?;
        }
        Ok(())
    }
}

/// Everything one planning run produces.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Inquiries per queue and interval (no rows when requirements were given), with the
    /// forecast's notes and warnings.
    pub forecast: Forecast,
    /// Agents required per queue and interval, with the phases' minimums applied.
    pub requirements: Vec<Requirement>,
    /// The optimiser's plan: shifts, agents scheduled per queue and interval, and what is short.
    pub schedule: Schedule,
    /// Every shift with a person's name on it, hired part-timers as PT-01, PT-02, ...
    pub roster: Roster,
    /// Coverage per interval and the summary numbers (`summary.json`).
    pub report: Report,
    /// On-call part-timers (SB-01, SB-02, ...) beyond those hired, with the shifts that cover
    /// the 90th percentile of the chats (`standby.csv`; empty when requirements are given).
    pub standby: Roster,
}

impl Plan {
    /// The plan's intervals as the simulator reads them.
    pub fn planned_intervals(&self) -> Vec<PlannedInterval> {
        report::planned_intervals(&self.report.coverage, &self.requirements)
    }
}

/// Runs the whole pipeline, telling `step` the name of each stage as it starts (for a progress
/// display; pass `&mut |_| {}` for none). The scenario's time limit bounds the whole run: each
/// solve gets what the stages before it left.
pub fn plan(inputs: &Inputs, step: &mut dyn FnMut(&'static str)) -> Result<Plan> {
    let deadline = Deadline::after(inputs.scenario.solver.time_limit_seconds);
    let Cover {
        forecast,
        requirements,
        at_quantiles: upper,
    } = requirements_and_quantiles(inputs, &[STANDBY_QUANTILE], step)?;
    let (schedule, roster, mut report) = staff(
        inputs,
        &forecast,
        &requirements,
        inputs.scenario.part_time.max_people,
        deadline,
        step,
    )?;
    step("part-timers needed");
    let hired_covers =
        (report.summary.shortfall_agent_hours == 0.0).then_some(roster.part_timers_hired);
    // With `part_time.count_people = false` only the shifts matter: nobody asked how many.
    let needed = if inputs.scenario.part_time.count_people {
        let counting = counting_deadline(deadline);
        part_timers_needed(inputs, &requirements, Some(&schedule), counting)?.at_most(hired_covers)
    } else {
        Needed {
            part_timers: None,
            proven: false,
        }
    };
    report.summary.part_timers_needed = needed.part_timers;
    report.summary.part_timers_needed_proven = needed.proven;
    step("standby");
    let standby = match upper {
        Some(upper) => standby(inputs, &schedule, &upper[0], counting_deadline(deadline))?,
        None => Roster {
            rows: Vec::new(),
            part_timers_hired: 0,
        },
    };
    report.summary.standby_part_timers =
        matches!(inputs.demand, Demand::History(_)).then_some(standby.part_timers_hired);
    Ok(Plan {
        forecast,
        requirements,
        schedule,
        roster,
        report,
        standby,
    })
}

/// Seconds a count after the plan (the fewest part-timers, the standby) may take at least
/// (the example's is proved in 1.5 s; the margin keeps it proved on a busy machine) ...
const COUNT_SECONDS_AT_LEAST: f64 = 5.0;

/// ... or this share of the time the run has taken so far, if longer (the month bench: 15 ->
/// 21 s in all; at half, 26 s, and still not proved). The count starts from the cheapest
/// plan's staff shifts, so one cut short is the fewest found, never more than the plan hires.
const COUNT_SHARE: f64 = 0.25;

/// The budget of one count after the plan, inside the run's `deadline`.
pub(crate) fn counting_deadline(deadline: Deadline) -> Deadline {
    deadline.within((deadline.elapsed() * COUNT_SHARE).max(COUNT_SECONDS_AT_LEAST))
}

/// The fewest hired part-timers found with which no hour is short, and whether the count is
/// proved the fewest (within the gap) or was cut short by its time.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Needed {
    /// The count; None when some hour stays short whatever the hires (or none was found).
    pub part_timers: Option<u32>,
    /// Proved the fewest, within the scenario's gap.
    pub proven: bool,
}

impl Needed {
    /// This count, or `hired` (a plan's hires that leave no hour short) when fewer: a count cut
    /// short may not have got down to the cheapest plan's.
    pub(crate) fn at_most(self, hired: Option<usize>) -> Needed {
        match (self.part_timers, hired.map(|n| n as u32)) {
            (Some(n), Some(h)) if h < n => Needed {
                part_timers: Some(h),
                proven: false,
            },
            (None, Some(h)) => Needed {
                part_timers: Some(h),
                proven: false,
            },
            _ => self,
        }
    }
}

/// The quantile of the chats the standby list covers: their 90th percentile.
pub const STANDBY_QUANTILE: f64 = 0.9;

/// The fewest hired part-timers with which no hour of `requirements` is short (None when some
/// hour stays short whatever the hires), starting a large plan from the staff shifts of
/// `cheapest`. A count not proved least by the deadline is the fewest found.
pub fn part_timers_needed(
    inputs: &Inputs,
    requirements: &[Requirement],
    cheapest: Option<&Schedule>,
    deadline: Deadline,
) -> Result<Needed> {
    let fewest = schedule::fewest_part_timers(
        &inputs.scenario,
        &inputs.staff,
        requirements,
        cheapest,
        deadline,
    )?;
    let short: f64 = fewest.shortfall.iter().flatten().sum();
    let proven = !fewest.status.stopped_early();
    if fewest.status == schedule::SolverStatus::Fallback || short > 1e-6 {
        return Ok(Needed {
            part_timers: None,
            proven,
        });
    }
    let roster = roster::build(&fewest.shifts, &inputs.staff, &inputs.scenario);
    Ok(Needed {
        part_timers: Some(roster.part_timers_hired as u32),
        proven,
    })
}

/// On-call part-timers beyond the plan's people for `upper`, the requirements at the 90th
/// percentile of the chats: the fewest, then their cheapest shifts, covering what `schedule`
/// leaves short of them. Named SB-01, SB-02, ...
pub fn standby(
    inputs: &Inputs,
    schedule: &Schedule,
    upper: &[Requirement],
    deadline: Deadline,
) -> Result<Roster> {
    let horizon = &inputs.scenario.horizon;
    let short: Vec<Requirement> = upper
        .iter()
        .cloned()
        .enumerate()
        .map(|(cell, r)| {
            let (q, i) = (cell / horizon.len(), cell % horizon.len());
            let planned = (schedule.effective[q][i] + 1e-9).floor() as u32;
            Requirement {
                agents_required: r.agents_required.saturating_sub(planned),
                ..r
            }
        })
        .collect();
    // Standby people serve; leads and the staff's rules are the plan's business.
    let mut scenario = inputs.scenario.clone();
    scenario.rules.agents_per_lead = None;
    let fewest = schedule::fewest_part_timers(&scenario, &[], &short, None, deadline)?;
    // With nobody on the staff list, every shift is a part-timer's.
    let shifts = if fewest.shifts.is_empty() {
        Vec::new()
    } else {
        let hires = roster::build(&fewest.shifts, &[], &scenario).part_timers_hired;
        schedule::schedule_with_part_timers(&scenario, &[], &short, Some(hires as u32), deadline)?
            .shifts
    };
    Ok(roster::build_named(&shifts, &[], &scenario, "SB"))
}

/// What the plan must cover: agents required per queue and interval, given or forecast and
/// staffed from the history, with each phase's `min_agents` as a floor.
pub fn requirements(
    inputs: &Inputs,
    step: &mut dyn FnMut(&'static str),
) -> Result<(Forecast, Vec<Requirement>)> {
    let cover = requirements_and_quantiles(inputs, &[], step)?;
    Ok((cover.forecast, cover.requirements))
}

/// What a plan must cover, and what it would at other quantiles of the chats.
#[derive(Debug, Clone)]
pub struct Cover {
    /// Inquiries per queue and interval at the plan's quantile (no rows when requirements are
    /// given).
    pub forecast: Forecast,
    /// Agents required per queue and interval at the plan's quantile.
    pub requirements: Vec<Requirement>,
    /// The same at each quantile asked for, in order; None when requirements are given.
    pub at_quantiles: Option<Vec<Vec<Requirement>>>,
}

/// What the plan must cover (as [`requirements`]), and the requirements at each of `quantiles`
/// of the chats (ordinary volume and every event's range there), the forecast's models fitted
/// once for all; None for those when requirements are given: they carry no range.
pub fn requirements_and_quantiles(
    inputs: &Inputs,
    quantiles: &[f64],
    step: &mut dyn FnMut(&'static str),
) -> Result<Cover> {
    let scenario = &inputs.scenario;
    match &inputs.demand {
        Demand::Given { requirements, file } => {
            let forecast = Forecast {
                rows: Vec::new(),
                notes: vec![format!(
                    "agents required read from {}: no forecast or staffing model was run",
                    file.display()
                )],
                warnings: Vec::new(),
                calibration: Vec::new(),
            };
            check_given(scenario, requirements)?;
            let requirements = staffing::with_phase_minimums(scenario, requirements.clone());
            check_agents(&requirements)?;
            Ok(Cover {
                forecast,
                requirements,
                at_quantiles: None,
            })
        }
        Demand::History(history) => {
            step("forecast");
            let wanted: Vec<Option<f64>> = std::iter::once(scenario.forecast.quantile)
                .chain(quantiles.iter().map(|q| Some(*q)))
                .collect();
            let mut forecasts = forecast::forecasts(scenario, history, &wanted)?;
            let forecast = forecasts.remove(0);
            step("staffing");
            let requirements = staffed(scenario, &forecast)?;
            let at_quantiles = forecasts
                .iter()
                .map(|f| staffed(scenario, f))
                .collect::<Result<_>>()?;
            Ok(Cover {
                forecast,
                requirements,
                at_quantiles: Some(at_quantiles),
            })
        }
    }
}

/// Agents required for a forecast, with each phase's `min_agents` as a floor.
fn staffed(scenario: &Scenario, forecast: &Forecast) -> Result<Vec<Requirement>> {
    let requirements = staffing::requirements(scenario, &forecast.rows)?;
    let requirements = staffing::with_phase_minimums(scenario, requirements);
    check_agents(&requirements)?;
    Ok(requirements)
}

/// No queue needs more than [`staffing::MAX_AGENTS_PER_INTERVAL`] agents in one interval: a
/// plan past it takes minutes and gigabytes (see the constant).
fn check_agents(requirements: &[Requirement]) -> Result<()> {
    let limit = staffing::MAX_AGENTS_PER_INTERVAL;
    match requirements.iter().find(|r| r.agents_required > limit) {
        Some(r) => Err(Error::input(
            format!("{} {}", crate::time::format_time(r.time), r.queue),
            format!(
                "{} agents required, more than the {limit} shiftcast plans per queue and interval (a plan past it takes minutes and gigabytes)",
                r.agents_required
            ),
            "check the history's counts, the events' targets and the phases' min_agents; plan a very large team queue by queue",
        )),
        None => Ok(()),
    }
}

/// Requirements given in memory hold one row per queue and interval, queue by queue in scenario
/// order, then by time (as `input::read_requirements` builds them from a file).
fn check_given(scenario: &Scenario, requirements: &[Requirement]) -> Result<()> {
    let times = scenario.horizon.times();
    let expected = scenario
        .queues
        .iter()
        .flat_map(|q| times.iter().map(move |t| (q.name.as_str(), *t)));
    let given = requirements.iter().map(|r| (r.queue.as_str(), r.time));
    if requirements.len() == scenario.queues.len() * times.len() && expected.eq(given) {
        return Ok(());
    }
    Err(Error::input(
        "requirements",
        format!(
            "{} rows given, not one per queue and interval ({} queues x {} intervals) in order",
            requirements.len(),
            scenario.queues.len(),
            times.len()
        ),
        "give one row per queue and interval: queue by queue in the scenario's order, then by time",
    ))
}

/// The schedule, roster and report that cover `requirements` with at most `part_timers` hired
/// part-timers (None: as many as pay off), solved in what is left of `deadline`.
pub fn staff(
    inputs: &Inputs,
    forecast: &Forecast,
    requirements: &[Requirement],
    part_timers: Option<u32>,
    deadline: Deadline,
    step: &mut dyn FnMut(&'static str),
) -> Result<(Schedule, Roster, Report)> {
    let scenario = &inputs.scenario;
    step("schedule (HiGHS)");
    let schedule = schedule::schedule_with_part_timers(
        scenario,
        &inputs.staff,
        requirements,
        part_timers,
        deadline,
    )?;
    step("roster");
    let roster = roster::build(&schedule.shifts, &inputs.staff, scenario);
    let mut report = report::build(
        scenario,
        &inputs.staff,
        forecast,
        requirements,
        &schedule,
        &roster,
    );
    report.summary.warnings = inputs.warnings.clone();
    Ok((schedule, roster, report))
}

#[cfg(test)]
mod tests {
    use super::Needed;

    fn needed(part_timers: Option<u32>, proven: bool) -> Needed {
        Needed {
            part_timers,
            proven,
        }
    }

    #[test]
    fn a_count_is_never_more_than_a_plan_that_hires_fewer_with_no_hour_short() {
        // Proved 150 while the cheapest plan hires 155: 150 stands, proved.
        assert_eq!(
            needed(Some(150), true).at_most(Some(155)),
            needed(Some(150), true)
        );
        // Cut short at 160: the plan's 155 cover every hour, so at most 155, not proved.
        assert_eq!(
            needed(Some(160), false).at_most(Some(155)),
            needed(Some(155), false)
        );
        // No count found in the time: the plan's 155, not proved.
        assert_eq!(
            needed(None, false).at_most(Some(155)),
            needed(Some(155), false)
        );
        // Proved that some hour stays short whatever the hires, and the plan is short too.
        assert_eq!(needed(None, true).at_most(None), needed(None, true));
    }
}
