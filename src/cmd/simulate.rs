//! `shiftcast simulate SCENARIO --plan DIR [--runs R] [--seed S] [--json]`
//!
//! Replays a written plan (DIR from `shiftcast plan`) in a discrete-event simulation: random
//! chats at the forecast rate, the planned agents (less shrinkage), handle times, chats at once
//! and patience. Prints the service level, average wait and abandonment with 95% bands, overall
//! and for the intervals that miss the target. The same seed gives the same numbers.

use std::path::PathBuf;

use shiftcast::simulate::{check_plan, Band, PlanCheck};
use shiftcast::{io, Error, Result};

/// Check a plan by simulating it.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The scenario the plan was made from
    pub scenario: PathBuf,
    /// The plan folder written by `shiftcast plan`
    #[arg(long)]
    pub plan: PathBuf,
    /// Independent runs (more runs, narrower bands)
    #[arg(long, default_value_t = 20)]
    pub runs: u32,
    /// Random seed
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Print one JSON object
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args) -> Result<()> {
    if args.runs < 2 {
        return Err(Error::input(
            "--runs",
            format!("{} run gives no confidence band", args.runs),
            "use 2 or more, e.g. --runs 20",
        ));
    }
    let scenario = io::read_scenario(&args.scenario)?;
    let planned = io::read_plan_dir(&args.plan)?;
    let check = check_plan(&scenario, &planned, args.runs, args.seed);
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&check).map_err(|e| Error::Render(e.to_string()))?
        );
    } else {
        print!("{}", text(&check));
    }
    Ok(())
}

fn percent(b: &Band) -> String {
    format!(
        "{:.1}% ({:.1}-{:.1}%)",
        b.mean * 100.0,
        b.low * 100.0,
        b.high * 100.0
    )
}

/// The readable answer: each queue overall, then the intervals below target.
pub fn text(check: &PlanCheck) -> String {
    let mut out = format!(
        "Simulated {} runs (seed {}), 95% bands:\n",
        check.runs, check.seed
    );
    for q in &check.queues {
        out += &format!(
            "  {}: {} answered in time (target {:.0}%), average wait {:.1} s, {:.1}% leave\n",
            q.queue,
            percent(&q.simulated.service_level),
            q.target_service_level * 100.0,
            q.simulated.asa_seconds.mean,
            q.simulated.abandonment.mean * 100.0
        );
    }
    let misses: Vec<_> = check.intervals.iter().filter(|i| i.misses_target).collect();
    if misses.is_empty() {
        out += "No interval falls below its target.\n";
    } else {
        out += &format!("{} intervals fall below target:\n", misses.len());
        for i in misses {
            out += &format!(
                "  {} {}: {} (formula {:.1}%), {} agents at the keyboard for {:.0} chats\n",
                i.timestamp,
                i.queue,
                percent(&i.simulated.service_level),
                i.formula_service_level * 100.0,
                i.agents_at_keyboard,
                i.inquiries
            );
        }
    }
    out
}
