//! `shiftcast plan SCENARIO --out DIR`
//!
//! Forecasts inquiries, turns them into agents per hour, plans shifts and names who works when.
//! Writes forecast.csv, requirements.csv, coverage.csv, roster.csv and summary.json into DIR
//! (all at once: a failed run leaves no partial folder) and prints a short summary. With
//! `--simulate-runs R` it also simulates the plan and reports the simulated service level.

use std::path::PathBuf;

use shiftcast::{io, report, simulate, Result};

/// Plan the team for a scenario: forecast, staffing, shifts and a named roster.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The scenario file (TOML), e.g. data/double11/scenario.toml
    pub scenario: PathBuf,
    /// Folder to write the plan into (replaced if it exists)
    #[arg(long)]
    pub out: PathBuf,
    /// Also simulate the plan this many times (seed 1) and report the simulated service level
    #[arg(long)]
    pub simulate_runs: Option<u32>,
}

pub fn run(args: &Args) -> Result<()> {
    let scenario = io::read_scenario(&args.scenario)?;
    let history = io::read_history(&scenario.history_file)?;
    let queues: Vec<&str> = scenario.queues.iter().map(|q| q.name.as_str()).collect();
    let staff = io::read_staff(&scenario.staff_file, &queues)?;
    scenario.check_staff(&staff, &args.scenario.display().to_string())?;
    let mut plan = shiftcast::plan(&scenario, &history, &staff)?;
    for warning in &plan.forecast.warnings {
        eprintln!("shiftcast: warning: {warning}");
    }
    if let Some(runs) = args.simulate_runs {
        let check = simulate::check_plan(&scenario, &plan.planned_intervals(), runs.max(2), 1);
        plan.report.summary.simulation = Some(check.queues);
    }
    io::write_output_dir(&args.out, &io::plan_files(&plan)?)?;
    print!("{}", report::text(&plan.report.summary));
    println!("Plan written to {}", args.out.display());
    Ok(())
}
