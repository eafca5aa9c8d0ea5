//! `shiftcast simulate SCENARIO --plan DIR [--runs R] [--seed S] [--json]`
//!
//! Replays a written plan (DIR from `shiftcast plan`) in a discrete-event simulation: random
//! chats at the forecast rate, the planned agents (less shrinkage), handle times, chats at once
//! and patience. Prints the service level, average wait and abandonment with 95% bands, overall
//! and for the intervals that miss the target. The same seed gives the same numbers.

use std::path::PathBuf;

use shiftcast::simulate::check_plan;
use shiftcast::{input, output, Error, Result};

/// Check a plan by simulating it.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The scenario the plan was made from
    pub scenario: PathBuf,
    /// The plan folder written by `shiftcast plan`
    #[arg(long)]
    pub plan: PathBuf,
    /// Independent runs (more runs, narrower bands)
    #[arg(long, value_parser = super::whole::<u32>, default_value_t = 20)]
    pub runs: u32,
    /// Random seed
    #[arg(long, value_parser = super::whole::<u64>, default_value_t = 1)]
    pub seed: u64,
    /// Print one JSON object
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args, global: &super::Global) -> Result<()> {
    if args.runs < 2 {
        return Err(Error::input(
            "--runs",
            format!("{} run gives no confidence band", args.runs),
            "use 2 or more, e.g. --runs 20",
        ));
    }
    let scenario = input::read_scenario(&args.scenario, &[])?;
    let planned = input::read_plan_dir(&args.plan)?;
    let lang = super::language(global, scenario.language);
    let progress = super::progress(global);
    progress.set_message(output::text::progress::simulating(args.runs, lang));
    let check = check_plan(&scenario, &planned, args.runs, args.seed);
    progress.finish_and_clear();
    if args.json {
        super::print_json(&check)
    } else {
        super::print(&output::text::simulation(&check, lang))
    }
}
