//! `shiftcast plan SCENARIO --out DIR [--set KEY=VALUE]... [--simulate-runs R] [--excel-csv]
//! [--curve] [--json] [--time-limit S] [--gap G]`
//!
//! Forecasts inquiries, turns them into agents per hour, plans shifts and names who works when.
//! Writes into DIR (all at once: a failed run leaves no partial folder; DIR must be new, empty or
//! an earlier plan, checked before any work) forecast.csv,
//! requirements.csv, coverage.csv, roster.csv, summary.json, plan.xlsx, report.html and SVG
//! charts, and prints a short summary (`--json`: summary.json's object and the seconds to a plan
//! within 1%).
//! With `--simulate-runs R` it also simulates the plan and reports the simulated service level;
//! with `--curve` it also works out the part-timer curve (as `shiftcast parttimers` does) and
//! writes curve.svg and a section of report.html on it.

use std::path::PathBuf;

use shiftcast::{output, simulate, Inputs, Result};

use super::Global;

/// Plan the team for a scenario: forecast, staffing, shifts and a named roster.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The scenario file (TOML), e.g. data/double11/scenario.toml
    pub scenario: PathBuf,
    /// Folder to write the plan into: a new or empty folder, or an earlier plan (replaced)
    #[arg(long)]
    pub out: PathBuf,
    /// Change one value of the scenario for this run (repeatable): a dotted key into the
    /// scenario file, an array's element by position or name, and a TOML value, e.g.
    /// --set queues.presale.handle_time_seconds=150 --set events.0.target_orders=36000
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub set: Vec<String>,
    /// Also simulate the plan this many times (seed 1) and report the simulated service level
    #[arg(long, value_parser = super::whole::<u32>)]
    pub simulate_runs: Option<u32>,
    /// Also work out how many part-timers are needed and what one more buys (as `shiftcast
    /// parttimers`, on the same inputs; about 5 times the plan's time): writes curve.svg and a
    /// section of report.html
    #[arg(long)]
    pub curve: bool,
    /// Write the CSV files with a byte-order mark, so Excel shows Chinese text correctly
    #[arg(long)]
    pub excel_csv: bool,
    /// Print the summary as one JSON object
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub solver: super::SolverFlags,
}

pub fn run(args: &Args, global: &Global) -> Result<()> {
    output::check_output_dir(&args.out)?;
    let progress = super::progress(global);
    progress.set_message(super::language(global, None).t("reading inputs"));
    let overrides = shiftcast::Overrides {
        settings: super::settings(&args.set)?,
        ..args.solver.overrides()
    };
    let inputs = Inputs::read(&args.scenario, &overrides)?;
    let lang = super::language(global, inputs.scenario.language);
    let mut plan = shiftcast::plan(&inputs, &mut |step| progress.set_message(lang.t(step)))?;
    // After the plan, so a failed run says only its error.
    for warning in inputs.warnings.iter().chain(&plan.forecast.warnings) {
        progress.suspend(|| eprintln!("{}", super::warning(warning, lang)));
    }
    if let Some(runs) = args.simulate_runs {
        progress.set_message(lang.t("simulation"));
        let intervals = plan.planned_intervals();
        let check = simulate::check_plan(&inputs.scenario, &intervals, runs.max(2), 1);
        plan.report.summary.simulation = Some(check.queues);
    }
    // After the plan, as `shiftcast parttimers` answers on the same inputs.
    let curve = if args.curve {
        progress.set_message(lang.t("solving for each number of part-timers"));
        let count = &mut |done, total| {
            progress.set_message(output::text::progress::part_timer_counts_solved(
                done, total, lang,
            ))
        };
        Some(shiftcast::parttimers::part_timers(
            &inputs, None, None, count,
        )?)
    } else {
        None
    };
    progress.set_message(lang.t("writing files"));
    let how = output::PlanOutputs {
        scenario: &inputs.scenario,
        history: inputs.demand.history(),
        lang,
        excel_csv: args.excel_csv,
        curve: curve.as_ref(),
    };
    output::write_output_dir(&args.out, &output::plan_files(&plan, &how)?)?;
    progress.finish_and_clear();
    if args.json {
        super::print_json(&Timed {
            summary: &plan.report.summary,
            solver_seconds_to_1pct: plan
                .schedule
                .within_1pct_seconds
                .map(|s| (s * 10.0).round() / 10.0),
            solver_seconds: (plan.schedule.solved_seconds * 1000.0).round() / 1000.0,
        })
    } else {
        super::print(&format!(
            "{}{} {}\n",
            output::text::summary(&plan.report.summary, lang),
            lang.t("Plan written to"),
            args.out.display()
        ))
    }
}

/// `--json`'s object: summary.json's, then the seconds into the run when a plan within 1% of
/// the best bound was first known (at the latest when the solve that found it ended; left out
/// if never), and when the solves were over (the inputs read, the forecast, staffing and every
/// model built and solved; not the read-back, roster, report and files after). Those times
/// depend on the machine, so they are printed, never written: the plan's files stay
/// byte-identical from run to run.
#[derive(serde::Serialize)]
struct Timed<'a> {
    #[serde(flatten)]
    summary: &'a shiftcast::report::Summary,
    #[serde(skip_serializing_if = "Option::is_none")]
    solver_seconds_to_1pct: Option<f64>,
    solver_seconds: f64,
}
