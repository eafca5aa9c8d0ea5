//! One file per subcommand, each with its usage text at the top.

pub mod backtest;
pub mod erlang;
pub mod forecast;
pub mod parttimers;
pub mod plan;
pub mod simulate;

use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use shiftcast::labels::Lang;

/// Options every command takes.
pub struct Global {
    /// `--lang`, when given.
    pub lang: Option<Lang>,
    pub quiet: bool,
}

/// A spinner on stderr naming the step under way; drawn only on a terminal and without
/// `--quiet`, so pipes and logs stay clean.
pub fn progress(global: &Global) -> ProgressBar {
    if global.quiet {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} {elapsed}") {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

/// What the plan must cover: agents required per queue and interval, from the scenario's
/// requirements file when it has one (no forecast then), else forecast from its history. The
/// history comes back too, for charts (empty without one).
pub fn demand(
    scenario: &shiftcast::scenario::Scenario,
) -> shiftcast::Result<(
    shiftcast::forecast::History,
    shiftcast::forecast::Forecast,
    Vec<shiftcast::staffing::Requirement>,
)> {
    use shiftcast::forecast::{Forecast, History};
    if let Some(file) = &scenario.requirements_file {
        let requirements = shiftcast::io::read_requirements(file, scenario)?;
        let forecast = Forecast {
            rows: Vec::new(),
            notes: vec![format!(
                "agents required read from {}: no forecast or staffing model was run",
                file.display()
            )],
            warnings: Vec::new(),
        };
        return Ok((History::default(), forecast, requirements));
    }
    let file = scenario
        .history_file
        .as_ref()
        .expect("validated: history or requirements");
    let history = shiftcast::io::read_history(file)?;
    let forecast = shiftcast::forecast::forecast(scenario, &history)?;
    let requirements = shiftcast::staffing::requirements(scenario, &forecast.rows)?;
    Ok((history, forecast, requirements))
}

/// `--time-limit` and `--gap`, overriding the scenario's `[solver]` table.
#[derive(Debug, clap::Args)]
pub struct SolverFlags {
    /// Stop the optimiser after this many seconds with the best plan found
    #[arg(long)]
    pub time_limit: Option<f64>,
    /// Stop when the plan is proven within this relative gap of the best (e.g. 0.001)
    #[arg(long)]
    pub gap: Option<f64>,
}

impl SolverFlags {
    pub fn apply(&self, scenario: &mut shiftcast::scenario::Scenario) -> shiftcast::Result<()> {
        if let Some(seconds) = self.time_limit {
            if !(seconds.is_finite() && seconds > 0.0) {
                return Err(shiftcast::Error::input(
                    "--time-limit",
                    format!("{seconds} is not a positive number of seconds"),
                    "e.g. --time-limit 30",
                ));
            }
            scenario.solver.time_limit_seconds = seconds;
        }
        if let Some(gap) = self.gap {
            if !(gap.is_finite() && (0.0..1.0).contains(&gap)) {
                return Err(shiftcast::Error::input(
                    "--gap",
                    format!("{gap} is not a relative gap from 0 up to 1"),
                    "e.g. --gap 0.001 for 0.1%",
                ));
            }
            scenario.solver.relative_gap = gap;
        }
        Ok(())
    }
}

/// The scenario (with `--time-limit`/`--gap` applied), its staff checked against it, and the
/// output language: `--lang`, else the scenario's, else the environment's.
pub fn read_plan_inputs(
    path: &std::path::Path,
    solver: &SolverFlags,
    global: &Global,
) -> shiftcast::Result<(
    shiftcast::scenario::Scenario,
    Vec<shiftcast::scenario::Person>,
    Lang,
)> {
    let mut scenario = shiftcast::io::read_scenario(path)?;
    solver.apply(&mut scenario)?;
    let lang = global
        .lang
        .or(scenario.language)
        .unwrap_or_else(Lang::from_env);
    let queues: Vec<&str> = scenario.queues.iter().map(|q| q.name.as_str()).collect();
    let staff = shiftcast::io::read_staff(&scenario.staff_file, &queues)?;
    scenario.check_staff(&staff, &path.display().to_string())?;
    Ok((scenario, staff, lang))
}
